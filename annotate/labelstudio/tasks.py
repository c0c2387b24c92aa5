"""Documents <-> Label Studio tasks, predictions and annotations (pure conversions).

A task keeps the document in its data: ``text`` (what annotators see, exactly the document
text), ``doc_id`` (what push matches on, since the server duplicates tasks on re-import)
and ``meta``. Pre-labels travel as a prediction whose ``model_version`` names the rules or
model run; each result region keeps its span's score and, in ``econer_source``, the rule or
model that made it (the server stores result JSON as given, so the change report can say
which rule an annotator corrected).

Label Studio never validates results against the text, so :func:`result_spans` does: offsets
must be integers in range and the label known. The span text is always taken from the task
text, because regions drawn in the browser may store line breaks as a literal ``\\n``.

>>> from econer.spans import Document, Span
>>> text = "投资125.8亿元😀，\\r\\n增长41%"
>>> doc = Document.from_text(text, id="d1").with_spans(
...     [Span.at(text, 2, 9, "AMOUNT", score=0.9, source="rules:amount")])
>>> task = task_payload(doc, "rules-1a2b")
>>> task["data"]["doc_id"], task["predictions"][0]["model_version"]
('d1', 'rules-1a2b')
>>> region = task["predictions"][0]["result"][0]
>>> region["value"], region["score"], region["econer_source"]
({'start': 2, 'end': 9, 'text': '125.8亿元', 'labels': ['AMOUNT']}, 0.9, 'rules:amount')
>>> back = task_document({"id": 7, "data": task["data"]}, task["predictions"][0]["result"])
>>> back == doc, back.spans[0].source
(True, 'rules:amount')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from econer.annotate.labelstudio.config import FROM_NAME, TO_NAME

from econer.errors import EconerError
from econer.labels import LABELS
from econer.spans import Document, Span, check_spans

SOURCE_KEY = "econer_source"


def region(span: Span, index: int) -> dict[str, Any]:
    """One ``labels`` result region for ``span`` (``index`` makes its region id)."""
    item: dict[str, Any] = {
        "id": f"s{index}",
        "from_name": FROM_NAME,
        "to_name": TO_NAME,
        "type": "labels",
        "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]},
    }
    if span.score is not None:
        item["score"] = round(span.score, 4)
    if span.source is not None:
        item[SOURCE_KEY] = span.source
    return item


def task_score(spans: Sequence[Span]) -> float:
    """The task's prediction score: its least confident span (1.0 without scored spans).

    The lowest span score is what decides whether a task needs a careful look, so sorting
    tasks by it in Label Studio puts the doubtful ones first.

    >>> task_score([Span(0, 1, "RATE", "x", score=0.9), Span(1, 2, "RATE", "y", score=0.6)])
    0.6
    >>> task_score([])
    1.0
    """
    scores = [s.score for s in spans if s.score is not None]
    return round(min(scores), 4) if scores else 1.0


def prediction(doc: Document, model_version: str) -> dict[str, Any]:
    """The prediction (without its task) that carries ``doc``'s spans."""
    return {
        "model_version": model_version,
        "score": task_score(doc.spans),
        "result": [region(span, i) for i, span in enumerate(doc.spans)],
    }


def task_data(doc: Document) -> dict[str, Any]:
    data: dict[str, Any] = {"text": doc.text, "doc_id": doc.id}
    if doc.meta:
        data["meta"] = doc.meta
    return data


def task_payload(doc: Document, model_version: str | None) -> dict[str, Any]:
    """A task to import: the document's data and, given a version, its spans as a prediction."""
    task: dict[str, Any] = {"data": task_data(doc)}
    if model_version is not None:
        task["predictions"] = [prediction(doc, model_version)]
    return task


def task_doc_id(task: dict[str, Any]) -> str | None:
    """The document id a task carries, or None for a task econer did not push."""
    doc_id = (task.get("data") or {}).get("doc_id")
    return None if doc_id is None else str(doc_id)


_LITERAL_BREAK = re.compile(r"\\[nrt]|\s")


def same_surface(stored: str, actual: str) -> bool:
    """Whether a region's stored text is the task text's slice, up to how breaks are written.

    >>> same_surface("万州\\\\n长安", "万州\\n长安"), same_surface("长安", "长江")
    (True, False)
    """
    return stored == actual or _LITERAL_BREAK.sub("", stored) == _LITERAL_BREAK.sub("", actual)


def utf16_hint(text: str, start: int, end: int, stored: Any = None) -> str:
    """A hint for offsets that fit ``text`` counted in UTF-16 code units (as JavaScript
    counts), where a character outside the BMP (CJK Extension B, emoji) counts twice;
    econer and the Label Studio editor count code points. Empty when they do not fit.

    >>> text = "在𪚥科技有限公司投资"   # 𪚥 is one code point, two UTF-16 units
    >>> utf16_hint(text, 1, 9, "𪚥科技有限公司").startswith("; these offsets fit")
    True
    >>> utf16_hint("华为", 0, 2, "华为")
    ''
    """
    if not any(ord(char) > 0xFFFF for char in text):
        return ""
    units = text.encode("utf-16-le")
    if not 0 <= start < end <= len(units) // 2:
        return ""
    named = units[2 * start : 2 * end].decode("utf-16-le", errors="replace")
    if isinstance(stored, str) and not same_surface(stored, named):
        return ""
    return ("; these offsets fit the text counted in UTF-16 code units, as JavaScript counts: "
            "the client must count code points (a character beyond U+FFFF is one, not two)")


def result_spans(text: str, result: Iterable[Any], labels: Sequence[str] = LABELS,
                 source: str | None = None) -> list[Span]:
    """The checked, sorted spans of an annotation or prediction ``result`` over ``text``.

    With ``source`` (say ``"gold"``) every span gets it and no score; without, spans keep
    the score and rule of their prediction region.

    Regions of other types (relations, text areas) are ignored; a region repeated exactly is
    kept once. Anything else wrong raises ``EconerError`` saying which region and why.

    >>> r = [{"type": "labels", "value": {"start": 2, "end": 4, "labels": ["RATE"]}}]
    >>> result_spans("增长41%", r)
    [Span(start=2, end=4, label='RATE', text='41', score=None, source=None, value=None)]
    >>> result_spans("增长41%", [{"type": "labels",
    ...     "value": {"start": 2, "end": 4, "text": "长4", "labels": ["RATE"]}}])
    Traceback (most recent call last):
    ...
    econer.errors.EconerError: region 2-4 RATE: its text '长4' does not match '41' in the task text
    """
    spans: dict[tuple[int, int, str], Span] = {}
    for item in result:
        if not isinstance(item, dict) or item.get("type") != "labels":
            continue
        value = item.get("value") or {}
        start, end, names = value.get("start"), value.get("end"), value.get("labels") or []
        where = f"region {start}-{end} {'/'.join(map(str, names))}".rstrip()
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
            raise EconerError(f"{where}: offsets must be integers")
        stored = value.get("text")
        if not 0 <= start < end <= len(text):
            raise EconerError(f"{where}: offsets out of range for a task text of length "
                              f"{len(text)}{utf16_hint(text, start, end, stored)}")
        if len(names) != 1:
            raise EconerError(f"{where}: expected exactly one label, got {len(names)}")
        label = str(names[0])
        if label not in labels:
            raise EconerError(f"{where}: unknown label (known: {', '.join(labels)})")
        if isinstance(stored, str) and not same_surface(stored, text[start:end]):
            raise EconerError(f"{where}: its text {stored!r} does not match "
                              f"{text[start:end]!r} in the task text"
                              f"{utf16_hint(text, start, end, stored)}")
        # A given source (``"gold"``) marks human work: region scores and rule names that
        # the browser copied over from a prediction no longer describe the span.
        score = None if source is not None else item.get("score")
        spans.setdefault((start, end, label), Span.at(
            text, start, end, label,
            score=float(score) if isinstance(score, int | float) else None,
            source=source if source is not None else item.get(SOURCE_KEY),
        ))
    ordered = sorted(spans.values(), key=lambda s: (s.start, s.end, s.label))
    check_spans(text, ordered, labels)
    return ordered


def task_document(task: dict[str, Any], result: Iterable[Any] | None = None,
                  source: str | None = None, **meta: Any) -> Document:
    """The document of ``task``, with the spans of ``result`` (checked against its text).

    ``EconerError`` names the task id (and the region) when anything does not fit.
    """
    data = task.get("data") or {}
    text = data.get("text")
    where = f"task {task.get('id')}"
    if not isinstance(text, str):
        raise EconerError(f"{where}: its data has no string 'text'")
    doc_id = task_doc_id(task) or f"ls-task-{task.get('id')}"
    doc_meta = dict(data.get("meta") or {})
    doc_meta.update(meta)
    try:
        spans = result_spans(text, result or [], source=source)
    except EconerError as exc:
        raise EconerError(f"{where} (document {doc_id}): {exc.message}") from None
    return Document(id=doc_id, text=text, meta=doc_meta).with_spans(spans)
