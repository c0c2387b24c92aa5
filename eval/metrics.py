"""Strict span precision, recall and F1: per label, micro and macro.

A predicted span counts only where a gold span has the same start, end and label. The
headline figures come from seqeval (``mode="strict"``, IOB2) run over character-level tags
built from the offsets, so they mean what the literature means by "entity F1"; a plain
span-set implementation (:func:`span_counts`) gives the same counts per document, which the
bootstrap needs, and the tests check that the two agree.

Undefined ratios are ``None``, never a silent 0: precision without any prediction, recall
without any gold, F1 where neither side has the label. F1 is ``2tp / (pred + gold)``, so a
label present on one side only scores 0. Macro averages run over the labels present on at
least one side (precision and recall count an undefined value as 0 there, as seqeval does).

>>> doc = Document.from_text("甲公司增长41%", id="d")
>>> gold = [doc.with_spans([Span.at(doc.text, 0, 3, "COMPANY"), Span.at(doc.text, 5, 8, "RATE")])]
>>> pred = [doc.with_spans([Span.at(doc.text, 0, 3, "COMPANY"), Span.at(doc.text, 6, 8, "RATE")])]
>>> s = score(seqeval_counts(gold, pred))
>>> s["micro"]["f1"], s["per_label"]["COMPANY"]["f1"], s["per_label"]["RATE"]["f1"]
(0.5, 1.0, 0.0)
>>> s["per_label"]["PARK"]["f1"] is None
True
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from econer.labels import LABELS
from econer.scoring import prf as strict_prf
from econer.spans import Document, Span


@dataclass(frozen=True)
class Counts:
    """True positives, predicted and gold span counts for one label."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.pred + other.pred, self.gold + other.gold)


def char_tags(text: str, spans: Iterable[Span]) -> list[str]:
    """IOB2 tags, one per character of ``text``.

    >>> char_tags("增长41%", [Span(2, 5, "RATE", "41%")])
    ['O', 'O', 'B-RATE', 'I-RATE', 'I-RATE']
    """
    tags = ["O"] * len(text)
    for span in spans:
        tags[span.start] = f"B-{span.label}"
        for i in range(span.start + 1, span.end):
            tags[i] = f"I-{span.label}"
    return tags


# seqeval's strict scorer is superlinear in the length of one sequence (a 200K-character
# document took minutes, a 5 MB one never finished). Documents longer than this are given
# to seqeval as the stretches their gold and predicted spans cover (each overlapping group
# of spans one sequence): the characters between spans are O on both sides and can start or
# end no entity, so the entities, and every count, stay the same.
LONG = 5000


def seqeval_entities(docs: Sequence[Document]) -> Any:
    """seqeval's strict IOB2 entities of documents (build the gold's once for many systems;
    documents up to :data:`LONG` characters, see :func:`seqeval_counts`)."""
    from seqeval.scheme import IOB2, Entities

    return Entities([char_tags(d.text, d.spans) for d in docs], IOB2)


def covered_stretches(*sides: Sequence[Span]) -> list[tuple[int, int]]:
    """The stretches of text the spans of all sides cover, overlapping spans merged.

    >>> rate = lambda a, b: Span(a, b, "RATE", "")
    >>> covered_stretches([rate(3, 6)], [rate(5, 8), rate(9, 10)])
    [(3, 8), (9, 10)]
    """
    merged: list[list[int]] = []
    for span in sorted((s for side in sides for s in side), key=lambda s: s.start):
        if merged and span.start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span.end)
        else:
            merged.append([span.start, span.end])
    return [(a, b) for a, b in merged]


def _stretch_tags(spans: Sequence[Span], stretches: Sequence[tuple[int, int]]) -> list[list[str]]:
    """IOB2 tags of each stretch (every span lies inside exactly one)."""
    out = [["O"] * (b - a) for a, b in stretches]
    starts = [a for a, _ in stretches]
    for span in spans:
        k = bisect.bisect_right(starts, span.start) - 1
        tags, offset = out[k], stretches[k][0]
        tags[span.start - offset] = f"B-{span.label}"
        for i in range(span.start + 1 - offset, span.end - offset):
            tags[i] = f"I-{span.label}"
    return out


def seqeval_counts(
    gold: Sequence[Document],
    pred: Sequence[Document],
    labels: Sequence[str] = LABELS,
    gold_entities: Any = None,
) -> dict[str, Counts]:
    """Strict counts per label by seqeval (IOB2, strict mode) over character tags.

    ``gold`` and ``pred`` are parallel: the same documents in the same order.
    ``gold_entities`` is ``seqeval_entities(gold)`` where the caller already has it.
    """
    if any(len(d.text) > LONG for d in gold):
        from seqeval.scheme import IOB2, Entities

        # The same stretches on both sides: those any gold or predicted span covers.
        true_tags: list[list[str]] = []
        found_tags: list[list[str]] = []
        for g, p in zip(gold, pred, strict=True):
            stretches = covered_stretches(g.spans, p.spans)
            true_tags += _stretch_tags(g.spans, stretches)
            found_tags += _stretch_tags(p.spans, stretches)
        true, found = Entities(true_tags, IOB2), Entities(found_tags, IOB2)
    else:
        true = gold_entities if gold_entities is not None else seqeval_entities(gold)
        found = seqeval_entities(pred)
    counts = {}
    for label in labels:
        t, p = true.filter(label), found.filter(label)
        counts[label] = Counts(tp=len(t & p), pred=len(p), gold=len(t))
    return counts


def doc_span_counts(
    gold: Sequence[Span], pred: Sequence[Span], labels: Sequence[str] = LABELS
) -> dict[str, Counts]:
    """Strict counts per label for one document, by comparing span keys.

    >>> g = [Span(0, 2, "PARK", "园区")]
    >>> doc_span_counts(g, g)["PARK"]
    Counts(tp=1, pred=1, gold=1)
    """
    gold_keys = {s.key for s in gold}
    pred_keys = {s.key for s in pred}
    hits = gold_keys & pred_keys
    return {
        label: Counts(
            tp=sum(1 for k in hits if k[2] == label),
            pred=sum(1 for k in pred_keys if k[2] == label),
            gold=sum(1 for k in gold_keys if k[2] == label),
        )
        for label in labels
    }


def span_counts(
    gold: Sequence[Document], pred: Sequence[Document], labels: Sequence[str] = LABELS
) -> dict[str, Counts]:
    """Strict counts per label by span sets, summed over parallel documents."""
    total = {label: Counts() for label in labels}
    for g, p in zip(gold, pred, strict=True):
        for label, c in doc_span_counts(g.spans, p.spans, labels).items():
            total[label] = total[label] + c
    return total


def prf(c: Counts) -> dict[str, Any]:
    """Precision, recall, F1 and the counts behind them.

    >>> prf(Counts(tp=1, pred=2, gold=1))["f1"]
    0.6666666666666666
    >>> prf(Counts(tp=0, pred=0, gold=3))["precision"] is None
    True
    """
    return {**strict_prf(c.tp, c.pred - c.tp, c.gold - c.tp), "predicted": c.pred,
            "support": c.gold}


def macro(per_label: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Unweighted means over the labels present on at least one side."""
    present = [m for m in per_label.values() if m["predicted"] or m["support"]]
    if not present:
        return {"precision": None, "recall": None, "f1": None, "labels": 0}
    n = len(present)
    return {
        "precision": sum(m["precision"] or 0.0 for m in present) / n,
        "recall": sum(m["recall"] or 0.0 for m in present) / n,
        "f1": sum(m["f1"] or 0.0 for m in present) / n,
        "labels": n,
    }


def score(counts: dict[str, Counts]) -> dict[str, Any]:
    """Per-label, micro and macro figures from per-label counts."""
    per_label = {label: prf(c) for label, c in counts.items()}
    total = sum(counts.values(), Counts())
    return {"per_label": per_label, "micro": prf(total), "macro": macro(per_label)}
