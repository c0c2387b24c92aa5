"""CLUENER2020 as company-only gold: a held-out check of COMPANY on general news.

CLUENER2020 (Xu et al., 2020) marks ``company`` among ten types, with end-inclusive offsets.
Only COMPANY maps onto this project's labels, so the documents made here carry COMPANY spans
alone: score other labels' spans against them and they all look spurious. Read the COMPANY
row of a scorecard, and remember CLUENER's own notion of a company (and its misses) differs
from the standard's.

>>> record = {"text": "浙商银行企业信贷部", "label": {"company": {"浙商银行": [[0, 3]]}}}
>>> doc = cluener_document(record, "cluener-0")
>>> [(s.text, s.label) for s in doc.spans]
[('浙商银行', 'COMPANY')]
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from econer.errors import EconerError
from econer.jsonl import iter_json_lines
from econer.spans import Document, Span


def cluener_document(obj: Any, doc_id: str) -> Document:
    """One CLUENER record as a document with its company mentions as COMPANY spans."""
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise EconerError("expected a CLUENER object with 'text' and 'label'")
    text = obj["text"]
    spans = []
    for mention, places in (obj.get("label") or {}).get("company", {}).items():
        for start, end in places:
            span = Span.at(text, start, end + 1, "COMPANY")  # CLUENER ends are inclusive
            if span.text != mention:
                raise EconerError(f"company {mention!r} does not match {span.text!r} at {start}")
            spans.append(span)
    return Document.from_text(text, id=doc_id, source="cluener2020").with_spans(spans)


def read_cluener(path: str | Path, limit: int | None = None) -> Iterator[Document]:
    """Documents (ids ``cluener-<line>``) from a CLUENER JSON-lines file."""
    path = Path(path)
    for count, (number, obj) in enumerate(iter_json_lines(path)):
        if limit is not None and count >= limit:
            return
        try:
            yield cluener_document(obj, f"cluener-{number}")
        except EconerError as exc:
            raise EconerError(exc.message, path=path, line=number) from None
