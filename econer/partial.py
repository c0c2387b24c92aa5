"""Partial labels: what a document's spans say, and what its unmarked text does *not* say.

Gold follows the standard on every label, so an unmarked character is O. Other sources do
not: CLUENER2020 marks companies but never money; CFSC-NER marks a few terms a sentence is
about; silver from labelling functions knows only where some function voted. Training must
never teach such silence as O. One representation travels with every document, in its
metadata (so it survives JSON lines, ``econer.jsonl`` reading and writing untouched)::

    "meta": {"partial": {"covered": ["COMPANY"],          # labels marked exhaustively
                         "outside": [[9, 12]],             # ranges known to hold no entity
                         "unknown": [[20, 26]]}}           # ranges nothing is known about

What each character teaches (:func:`ruled_out` computes it):

* inside a span: exactly that span's label (its ``score``, where set, is a confidence);
* inside an ``unknown`` range: nothing (no loss at all);
* inside an ``outside`` range: O, i.e. every label is ruled out;
* anywhere else: "none of the ``covered`` labels"; with every label covered that is O,
  with none covered (positives only) it is nothing.

A document without ``meta.partial`` is fully labelled (gold). Trainers turn the per-character
sets of ruled-out labels into a loss mask: allowed tags = all tags but B-/I- of a ruled-out
label; every label ruled out = exactly O; none = ignore.

>>> from econer.spans import Span
>>> doc = Document.from_text("浙商银行叶老桂说增长5%")
>>> doc = with_partial(doc.with_spans([Span.at(doc.text, 0, 4, "COMPANY")]),
...                    Partial(covered=("COMPANY",), outside=((4, 7),)))
>>> doc.meta["partial"]
{'covered': ['COMPANY'], 'outside': [[4, 7]], 'unknown': []}
>>> out = ruled_out(doc)
>>> sorted(out[5]), sorted(out[9])   # a name (O), then plain text (not a company)
(['AMOUNT', 'COMPANY', 'PARK', 'RATE'], ['COMPANY'])
>>> out[0]                           # inside a span: its label, nothing ruled out
frozenset()
>>> partial_of(Document.from_text("gold")).fully_labelled
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from econer.errors import EconerError
from econer.labels import LABELS
from econer.spans import Document

Range = tuple[int, int]
META_KEY = "partial"
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Partial:
    """Which labels a document's spans cover exhaustively, and which ranges say more or less."""

    covered: tuple[str, ...] = LABELS
    outside: tuple[Range, ...] = ()
    unknown: tuple[Range, ...] = ()

    @property
    def fully_labelled(self) -> bool:
        return set(self.covered) == set(LABELS) and not self.unknown

    def to_dict(self) -> dict[str, Any]:
        return {"covered": [x for x in LABELS if x in self.covered],
                "outside": [list(r) for r in _merge(self.outside)],
                "unknown": [list(r) for r in _merge(self.unknown)]}

    @classmethod
    def from_dict(cls, data: Any) -> Partial:
        """The partial-label record of ``meta.partial``; ``EconerError`` says what is wrong.

        >>> Partial.from_dict({"covered": ["COMPANY"], "unknown": [[0, 2]]}).unknown
        ((0, 2),)
        >>> Partial.from_dict({"covered": ["FIRM"]})
        Traceback (most recent call last):
        ...
        econer.errors.EconerError: meta.partial.covered: unknown label 'FIRM' (known: ...)
        """
        if not isinstance(data, dict):
            raise EconerError("meta.partial must be a JSON object")
        covered = data.get("covered", list(LABELS))
        if not isinstance(covered, list):
            raise EconerError("meta.partial.covered must be a list of labels")
        for label in covered:
            if label not in LABELS:
                raise EconerError(f"meta.partial.covered: unknown label {label!r} "
                                  f"(known: {', '.join(LABELS)})")
        return cls(tuple(x for x in LABELS if x in covered),
                   _ranges(data.get("outside", []), "outside"),
                   _ranges(data.get("unknown", []), "unknown"))


def _ranges(value: Any, name: str) -> tuple[Range, ...]:
    if not isinstance(value, list):
        raise EconerError(f"meta.partial.{name} must be a list of [start, end] pairs")
    out: list[Range] = []
    for item in value:
        ok = (isinstance(item, list | tuple) and len(item) == 2
              and all(isinstance(x, int) and not isinstance(x, bool) for x in item))
        if not ok:
            raise EconerError(f"meta.partial.{name}: expected [start, end], got {item!r}")
        out.append((item[0], item[1]))
    return tuple(out)


def _merge(ranges: Iterable[Range]) -> list[Range]:
    """Sorted, touching or overlapping ranges joined.

    >>> _merge([(5, 7), (0, 2), (2, 3), (6, 9)])
    [(0, 3), (5, 9)]
    """
    out: list[Range] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def partial_of(doc: Document) -> Partial:
    """The document's partial-label record (fully labelled when it has none)."""
    data = doc.meta.get(META_KEY)
    return Partial() if data is None else Partial.from_dict(data)


def with_partial(doc: Document, partial: Partial) -> Document:
    """``doc`` carrying ``partial`` in its metadata, checked against its text and spans."""
    check_partial(doc, partial)
    meta = {k: v for k, v in doc.meta.items() if k != META_KEY}
    if not partial.fully_labelled or partial.outside:
        meta[META_KEY] = partial.to_dict()
    return replace(doc, meta=meta)


def check_partial(doc: Document, partial: Partial | None = None) -> None:
    """Raise ``EconerError`` unless the ranges lie in the text and off every span.

    >>> from econer.spans import Span
    >>> d = Document.from_text("abcdef").with_spans([Span(1, 3, "COMPANY", "bc")])
    >>> check_partial(d, Partial(unknown=((2, 5),)))
    Traceback (most recent call last):
    ...
    econer.errors.EconerError: meta.partial.unknown 2-5 overlaps span 1-3 COMPANY
    """
    partial = partial_of(doc) if partial is None else partial
    for name, ranges in (("outside", partial.outside), ("unknown", partial.unknown)):
        for start, end in ranges:
            if not 0 <= start < end <= len(doc.text):
                raise EconerError(f"meta.partial.{name} {start}-{end}: out of range for a "
                                  f"text of length {len(doc.text)}")
            for span in doc.spans:
                if span.start < end and start < span.end:
                    raise EconerError(f"meta.partial.{name} {start}-{end} overlaps span "
                                      f"{span.start}-{span.end} {span.label}")
    for start, end in partial.outside:
        for u_start, u_end in partial.unknown:
            if u_start < end and start < u_end:
                raise EconerError(f"meta.partial.outside {start}-{end} overlaps "
                                  f"meta.partial.unknown {u_start}-{u_end}")


def ruled_out(doc: Document, labels: Sequence[str] = LABELS) -> list[frozenset[str]]:
    """Per character, the labels known to be absent there (see the module docstring)."""
    partial = partial_of(doc)
    every = frozenset(labels)
    default = frozenset(x for x in partial.covered if x in every)
    out = [default] * len(doc.text)
    for start, end in partial.outside:
        out[start:end] = [every] * (end - start)
    for start, end in partial.unknown:
        out[start:end] = [_NONE] * (end - start)
    for span in doc.spans:
        out[span.start : span.end] = [_NONE] * (span.end - span.start)
    return out
