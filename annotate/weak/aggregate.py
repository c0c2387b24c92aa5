"""A precision-weighted vote over labelling functions: silver spans, confidence, unknowns.

Each labelling function (LF) votes with scored spans on the labels it covers and abstains on
the rest. A vote's weight is a measured precision: by default the span's ``score`` (the
rule's calibrated precision, ``configs/rules/precision.json``), else the LF's precision
measured on gold (``weights``, from :func:`econer.annotate.weak.functions.measure`), else
:data:`DEFAULT_WEIGHT`; with ``use_scores=False`` the LF's measured precision comes first.

For every candidate (start, end, label) some LF voted for:

* **support** = noisy-OR of the weights of the LFs voting for exactly it (an LF counts
  once, with its best weight): independent voters that agree make it surer.
* **confidence** = support × (1 − the strongest *rival*'s support), where a rival crosses it
  (overlaps without nesting) or has the same range with another label. A span nested in
  another is no rival (the standard keeps the longer reading where both hold), but does not
  support the longer one's boundaries either. Two strong readings that cross give neither.

Candidates are taken longest first (the standard: "keep the longer, more specific one"),
then by support; one is kept when its confidence reaches ``threshold`` and it overlaps no
kept span. A long candidate below threshold does not block the shorter ones inside it.

What the silver says, in :mod:`econer.partial` terms:

* kept candidates are spans (``score`` = confidence, ``source`` = ``weak:`` + the agreeing
  LFs);
* every character some LF voted on that ended up in no kept span is ``unknown``;
* elsewhere only the ``covered`` labels are ruled out: labels whose LFs are trusted to find
  every mention (by default AMOUNT and RATE, whose rules' recall on gold is near 1). On the
  other labels an abstention stays unknown, never O.

>>> from econer.spans import Document, Span
>>> text = "重庆紫建电子有限公司投资5亿元"
>>> doc = Document.from_text(text)
>>> votes = {"suffix": [Span.at(text, 0, 10, "COMPANY", score=0.9)],
...          "short": [Span.at(text, 2, 6, "COMPANY", score=0.9)],
...          "amount": [Span.at(text, 12, 15, "AMOUNT", score=0.97)]}
>>> silver = aggregate(doc, votes)
>>> [(s.text, s.score, s.source) for s in silver.spans]
[('重庆紫建电子有限公司', 0.9, 'weak:suffix'), ('5亿元', 0.97, 'weak:amount')]
>>> silver.meta["partial"]
{'covered': ['AMOUNT', 'RATE'], 'outside': [], 'unknown': []}

Two strong readings that cross: neither is taught, the region is unknown.

>>> votes = {"a": [Span.at(text, 0, 6, "COMPANY", score=0.9)],
...          "b": [Span.at(text, 4, 10, "PARK", score=0.9)]}
>>> silver = aggregate(doc, votes)
>>> silver.spans, silver.meta["partial"]["unknown"]
((), [[0, 10]])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from econer.partial import Partial, with_partial
from econer.spans import Document, Span, Value

DEFAULT_WEIGHT = 0.5
DEFAULT_THRESHOLD = 0.5
DEFAULT_COVERED: tuple[str, ...] = ("AMOUNT", "RATE")

Key = tuple[int, int, str]


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    votes: dict[str, float] = field(default_factory=dict)  # LF name → best weight
    value: Value | None = None
    value_weight: float = -1.0
    support: float = 0.0

    def inside(self, other: _Candidate) -> bool:
        return other.start <= self.start and self.end <= other.end

    def overlaps(self, other: _Candidate) -> bool:
        return self.start < other.end and other.start < self.end


def noisy_or(weights: Sequence[float]) -> float:
    """The chance that at least one of independent voters of these precisions is right.

    >>> round(noisy_or([0.9, 0.8]), 4), noisy_or([])
    (0.98, 0.0)
    """
    miss = 1.0
    for w in weights:
        miss *= 1.0 - min(max(w, 0.0), 1.0)
    return 1.0 - miss


def _candidates(votes: Mapping[str, Sequence[Span]], weights: Mapping[str, float],
                use_scores: bool = True) -> list[_Candidate]:
    found: dict[Key, _Candidate] = {}
    for name, spans in votes.items():
        for span in spans:
            if span.score is not None and (use_scores or name not in weights):
                weight = span.score
            else:
                weight = weights.get(name, DEFAULT_WEIGHT)
            cand = found.setdefault(span.key, _Candidate(span.start, span.end, span.label))
            cand.votes[name] = max(weight, cand.votes.get(name, 0.0))
            if span.value is not None and weight > cand.value_weight:
                cand.value, cand.value_weight = span.value, weight
    cands = list(found.values())
    for cand in cands:
        cand.support = noisy_or(list(cand.votes.values()))
    return cands


def _rival_support(cand: _Candidate, cands: Sequence[_Candidate]) -> float:
    best = 0.0
    for other in cands:
        if other is cand or not cand.overlaps(other):
            continue
        same_range = (other.start, other.end) == (cand.start, cand.end)
        nested = other.inside(cand) or cand.inside(other)
        if same_range or not nested:
            best = max(best, other.support)
    return best


def aggregate(doc: Document, votes: Mapping[str, Sequence[Span]], *,
              threshold: float = DEFAULT_THRESHOLD,
              covered: Sequence[str] = DEFAULT_COVERED,
              weights: Mapping[str, float] | None = None,
              use_scores: bool = True) -> Document:
    """``doc`` with silver spans from the LFs' ``votes`` and its partial labels (see above)."""
    cands = _candidates(votes, weights or {}, use_scores)
    order = sorted(cands, key=lambda c: (-(c.end - c.start), -c.support, c.start, c.label))
    taken = bytearray(len(doc.text))
    kept: list[Span] = []
    for cand in order:
        if taken.find(1, cand.start, cand.end) != -1:
            continue
        confidence = cand.support * (1.0 - _rival_support(cand, cands))
        if confidence < threshold:
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        source = "weak:" + "+".join(sorted(cand.votes))
        kept.append(Span.at(doc.text, cand.start, cand.end, cand.label,
                            score=round(confidence, 4), source=source, value=cand.value))
    voted = bytearray(len(doc.text))
    for cand in cands:
        voted[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    unknown = _runs(bytes(v & (1 - t) for v, t in zip(voted, taken, strict=True)))
    silver = doc.with_spans(kept)
    return with_partial(silver, Partial(covered=tuple(covered), unknown=tuple(unknown)))


def _runs(flags: bytes) -> list[tuple[int, int]]:
    """The ranges where ``flags`` is 1.

    >>> _runs(bytes([0, 1, 1, 0, 1]))
    [(1, 3), (4, 5)]
    """
    out: list[tuple[int, int]] = []
    start = flags.find(1)
    while start != -1:
        end = flags.find(0, start)
        end = len(flags) if end == -1 else end
        out.append((start, end))
        start = flags.find(1, end)
    return out
