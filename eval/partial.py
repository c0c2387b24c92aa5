"""Partial-overlap matching in the MUC-5 / SemEval-2013 style: strict, exact, partial, type.

Gold and predicted spans of a document are first aligned one to one (:func:`align`): exact
boundary pairs first, then overlapping pairs by largest overlap. Each pair, and each span
left alone, is then counted under the four schemes:

========================  ======  =====  =======  ====
pair                      strict  exact  partial  type
========================  ======  =====  =======  ====
same boundaries, label    COR     COR    COR      COR
same boundaries only      INC     COR    COR      INC
overlap, same label       INC     INC    PAR      COR
overlap, other label      INC     INC    PAR      INC
gold alone                MIS     MIS    MIS      MIS
prediction alone          SPU     SPU    SPU      SPU
========================  ======  =====  =======  ====

POSSIBLE = COR + INC + PAR + MIS (the gold count), ACTUAL = COR + INC + PAR + SPU (the
prediction count); precision = (COR + ½PAR) / ACTUAL, recall = (COR + ½PAR) / POSSIBLE
(PAR is non-zero only under ``partial``). A prediction overlapping a gold span that is
already paired stays alone, so it is SPU: the counts always add up to both sides.

>>> g = [Span(0, 4, "COMPANY", "甲乙公司")]
>>> p = [Span(0, 2, "COMPANY", "甲乙")]
>>> r = muc_scores([(g, p)])
>>> r["overall"]["strict"]["f1"], r["overall"]["partial"]["f1"], r["overall"]["type"]["f1"]
(0.0, 0.5, 1.0)
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from econer.labels import LABELS
from econer.spans import Span

SCHEMES = ("strict", "exact", "partial", "type")
CATEGORIES = ("cor", "inc", "par", "mis", "spu")

# What each kind of pair counts as under each scheme (see the module table).
_TABLE: dict[str, dict[str, str]] = {
    "correct": {"strict": "cor", "exact": "cor", "partial": "cor", "type": "cor"},
    "label": {"strict": "inc", "exact": "cor", "partial": "cor", "type": "inc"},
    "boundary": {"strict": "inc", "exact": "inc", "partial": "par", "type": "cor"},
    "both": {"strict": "inc", "exact": "inc", "partial": "par", "type": "inc"},
    "missed": {s: "mis" for s in SCHEMES},
    "spurious": {s: "spu" for s in SCHEMES},
}
KINDS = tuple(_TABLE)


@dataclass(frozen=True)
class Pair:
    """An aligned gold and predicted span (either may be None) and what kind of match."""

    gold: Span | None
    pred: Span | None
    kind: str  # one of KINDS

    @property
    def label(self) -> str:
        """The label the pair is counted under: the gold one, or the prediction's if spurious."""
        span = self.gold or self.pred
        assert span is not None
        return span.label


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _kind(g: Span, p: Span) -> str:
    same_bounds = (g.start, g.end) == (p.start, p.end)
    same_label = g.label == p.label
    if same_bounds:
        return "correct" if same_label else "label"
    return "boundary" if same_label else "both"


def _overlapping(gold: Sequence[Span], pred: Sequence[Span], used_g: set[int],
                 used_p: set[int]) -> Iterator[tuple[int, int, int, int, int]]:
    """``(-overlap, gold start, pred start, i, j)`` for every unused gold and predicted span
    that overlap; predictions sorted by start with a running maximum of their ends, so a
    document's spans cost about their number, not its square (one long document)."""
    order = sorted((j for j in range(len(pred)) if j not in used_p),
                   key=lambda j: pred[j].start)
    starts = [pred[j].start for j in order]
    reach = list(itertools.accumulate((pred[j].end for j in order), max))
    for i, g in enumerate(gold):
        if i in used_g:
            continue
        # the first prediction whose end (or an earlier one's) passes the gold start
        k = bisect.bisect_right(reach, g.start)
        while k < len(order) and starts[k] < g.end:
            p = pred[order[k]]
            if _overlap(g, p) > 0:
                yield (-_overlap(g, p), g.start, p.start, i, order[k])
            k += 1


def align(gold: Sequence[Span], pred: Sequence[Span]) -> list[Pair]:
    """One-to-one alignment of a document's gold and predicted spans, in text order.

    >>> g = [Span(0, 2, "PARK", "园区"), Span(5, 8, "RATE", "41%")]
    >>> p = [Span(0, 2, "COMPANY", "园区"), Span(3, 4, "RATE", "长")]
    >>> [(a.kind, a.label) for a in align(g, p)]
    [('label', 'PARK'), ('spurious', 'RATE'), ('missed', 'RATE')]
    """
    pairs: list[Pair] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    by_bounds = {(s.start, s.end): i for i, s in enumerate(gold)}
    for j, p in enumerate(pred):
        i = by_bounds.get((p.start, p.end))
        if i is not None:
            pairs.append(Pair(gold[i], p, _kind(gold[i], p)))
            used_g.add(i)
            used_p.add(j)
    # Overlapping candidates, the largest overlap first (ties: earlier text first).
    candidates = sorted(_overlapping(gold, pred, used_g, used_p))
    for _, _, _, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        pairs.append(Pair(gold[i], pred[j], _kind(gold[i], pred[j])))
        used_g.add(i)
        used_p.add(j)
    pairs += [Pair(g, None, "missed") for i, g in enumerate(gold) if i not in used_g]
    pairs += [Pair(None, p, "spurious") for j, p in enumerate(pred) if j not in used_p]

    def where(pair: Pair) -> tuple[int, int]:
        span = pair.gold or pair.pred
        assert span is not None
        return (span.start, 0 if pair.gold else 1)

    return sorted(pairs, key=where)


def _measures(c: dict[str, int], scheme: str) -> dict[str, Any]:
    possible = c["cor"] + c["inc"] + c["par"] + c["mis"]
    actual = c["cor"] + c["inc"] + c["par"] + c["spu"]
    hit = c["cor"] + (0.5 * c["par"] if scheme == "partial" else 0.0)
    precision = hit / actual if actual else None
    recall = hit / possible if possible else None
    f1 = 2 * hit / (actual + possible) if actual + possible else None
    return {**c, "possible": possible, "actual": actual,
            "precision": precision, "recall": recall, "f1": f1}


def muc_counts(pairs: Iterable[Pair], labels: Sequence[str] = LABELS) -> dict[str, Any]:
    """COR/INC/PAR/MIS/SPU per scheme, overall and per label (the pair's label)."""
    overall = {s: dict.fromkeys(CATEGORIES, 0) for s in SCHEMES}
    per_label = {lab: {s: dict.fromkeys(CATEGORIES, 0) for s in SCHEMES} for lab in labels}
    for pair in pairs:
        for scheme, cat in _TABLE[pair.kind].items():
            overall[scheme][cat] += 1
            if pair.label in per_label:
                per_label[pair.label][scheme][cat] += 1
    return {"overall": overall, "per_label": per_label}


def muc_scores(
    docs: Iterable[tuple[Sequence[Span], Sequence[Span]]], labels: Sequence[str] = LABELS
) -> dict[str, Any]:
    """The four schemes' counts and P/R/F1 over ``(gold spans, predicted spans)`` per document."""
    pairs = [pair for gold, pred in docs for pair in align(gold, pred)]
    counts = muc_counts(pairs, labels)
    return {
        "overall": {s: _measures(c, s) for s, c in counts["overall"].items()},
        "per_label": {
            lab: {s: _measures(c, s) for s, c in by_scheme.items()}
            for lab, by_scheme in counts["per_label"].items()
        },
    }
