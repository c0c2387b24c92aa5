"""Documents and spans: the one data model every part of econer speaks.

Offsets are Python ``str`` indices (code points) into the document text, end exclusive.
A span is only ever valid against its document: :func:`check_spans` is the single place
where that is enforced (offsets in range, text matching, labels known, no overlaps).

>>> doc = Document.from_text("引进投资125.8亿元")
>>> doc.id
'd-94d39d0f23d07dc4'
>>> span = Span.at(doc.text, 4, 11, "AMOUNT")
>>> span.text
'125.8亿元'
>>> doc = doc.with_spans([span])
>>> Document.from_dict(doc.to_dict()) == doc
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from econer.errors import EconerError
from econer.labels import LABELS


@dataclass(frozen=True, slots=True)
class Value:
    """The normalised value of an AMOUNT or RATE span.

    ``unit`` is a currency code for AMOUNT (``CNY``, ``USD`` ...; ``number`` in that
    currency's base unit, so 125.8亿元 is 12580000000 CNY) and ``fraction`` or ``points``
    for RATE (41% is 0.41 fraction; 3.5个百分点 is 0.035 points). ``approx`` marks
    余/多/几 and vague numerals.
    """

    number: float
    unit: str
    approx: bool = False

    def to_dict(self) -> dict[str, Any]:
        number: float | int = self.number
        if float(number).is_integer() and abs(number) < 2**53:
            number = int(number)
        return {"number": number, "unit": self.unit, "approx": self.approx}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Value:
        return cls(float(data["number"]), str(data["unit"]), bool(data.get("approx", False)))


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character range of a document text (end exclusive)."""

    start: int
    end: int
    label: str
    text: str
    score: float | None = None
    source: str | None = None  # what made it: "rules:amount.arabic", "model:runs/small", "gold"
    value: Value | None = None

    @classmethod
    def at(cls, text: str, start: int, end: int, label: str, **extra: Any) -> Span:
        """The span of ``text[start:end]``, its text taken from the document itself."""
        return cls(start, end, label, text[start:end], **extra)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
        }
        if self.score is not None:
            data["score"] = round(self.score, 4)
        if self.source is not None:
            data["source"] = self.source
        if self.value is not None:
            data["value"] = self.value.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        try:
            value = data.get("value")
            return cls(
                start=_int(data["start"], "start"),
                end=_int(data["end"], "end"),
                label=str(data["label"]),
                text=str(data["text"]),
                score=None if data.get("score") is None else float(data["score"]),
                source=data.get("source"),
                value=Value.from_dict(value) if value else None,
            )
        except KeyError as exc:
            raise EconerError(f"span lacks the field {exc.args[0]!r}") from None
        except (TypeError, ValueError) as exc:
            raise EconerError(f"bad span field: {exc}") from None

    @property
    def key(self) -> tuple[int, int, str]:
        """What strict matching compares: offsets and label."""
        return (self.start, self.end, self.label)


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    return value


def content_id(text: str) -> str:
    """A stable document id from the text alone.

    >>> content_id("abc") == content_id("abc") != content_id("abd")
    True
    """
    return "d-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Document:
    """A document: its id, its text, its spans (sorted) and where it came from."""

    id: str
    text: str
    spans: tuple[Span, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_text(cls, text: str, id: str | None = None, **meta: Any) -> Document:
        return cls(id=id or content_id(text), text=text, meta=dict(meta))

    def with_spans(self, spans: Iterable[Span]) -> Document:
        """This document with ``spans`` (checked, sorted) in place of its own."""
        ordered = tuple(sorted(spans, key=lambda s: (s.start, s.end, s.label)))
        check_spans(self.text, ordered)
        return replace(self, spans=ordered)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "spans": [s.to_dict() for s in self.spans],
        }
        if self.meta:
            data["meta"] = self.meta
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Document:
        """A checked document from its JSON object; ``EconerError`` says what is wrong."""
        if not isinstance(data, dict):
            raise EconerError("expected a JSON object with a 'text' field")
        text = data.get("text")
        if not isinstance(text, str):
            raise EconerError("document lacks a string 'text' field")
        doc_id = data.get("id")
        if doc_id is not None and not isinstance(doc_id, str | int):
            raise EconerError(f"document id must be a string, got {doc_id!r}")
        raw_spans = data.get("spans") or []
        if not isinstance(raw_spans, list):
            raise EconerError("'spans' must be a list")
        spans = [Span.from_dict(s) if isinstance(s, dict) else _not_a_span(s) for s in raw_spans]
        meta = data.get("meta") or {}
        # Keep unknown top-level fields (title, date, source ...) as metadata.
        extra = {k: v for k, v in data.items() if k not in {"id", "text", "spans", "meta"}}
        doc = cls(
            id=str(doc_id) if doc_id is not None else content_id(text),
            text=text,
            meta={**extra, **meta},
        )
        return doc.with_spans(spans)


def _not_a_span(value: Any) -> Span:
    raise EconerError(f"span must be a JSON object, got {value!r}")


def _valid(text: str, spans: Sequence[Span], labels: Sequence[str]) -> bool:
    previous_end = -1
    for span in spans:
        if not (0 <= span.start < span.end <= len(text) and span.label in labels
                and text[span.start : span.end] == span.text and span.start >= previous_end):
            return False
        previous_end = span.end
    return True


def check_spans(text: str, spans: Sequence[Span], labels: Sequence[str] = LABELS) -> None:
    """Raise ``EconerError`` unless every span is valid against ``text``.

    Valid: ``0 <= start < end <= len(text)``, ``text[start:end] == span.text``, a known
    label, and no two spans overlapping (spans must be sorted by start).

    >>> check_spans("增长41%", [Span(2, 5, "RATE", "41%")])
    >>> check_spans("增长41%", [Span(2, 5, "RATE", "41")])
    Traceback (most recent call last):
    ...
    econer.errors.EconerError: span 2-5 RATE: text '41' does not match '41%' in the document
    """
    if _valid(text, spans, labels):
        return  # speed: the loop below, which says what is wrong, runs only for a bad span
    previous: Span | None = None
    for span in spans:
        where = f"span {span.start}-{span.end} {span.label}"
        if not 0 <= span.start < span.end <= len(text):
            raise EconerError(f"{where}: offsets out of range for a text of length {len(text)}")
        if span.label not in labels:
            raise EconerError(f"{where}: unknown label (known: {', '.join(labels)})")
        actual = text[span.start : span.end]
        if actual != span.text:
            raise EconerError(
                f"{where}: text {span.text!r} does not match {actual!r} in the document"
            )
        if previous is not None and span.start < previous.end:
            raise EconerError(
                f"{where}: overlaps span {previous.start}-{previous.end} {previous.label}"
            )
        previous = span
