"""CLUENER2020 (Xu et al., 2020): ``company`` → COMPANY, with partial labels.

Format: one JSON object a line, ``{"text": ..., "label": {type: {mention: [[start, end]]}}}``
with END-INCLUSIVE offsets, ten types (address, book, company, game, government, movie,
name, organization, position, scene).

Mapping:

* ``company`` → COMPANY spans (the only type that is one of our labels);
* ``name``, ``book``, ``game``, ``movie``, ``position`` (:data:`SAFE_TYPES`): types that can
  hold none of COMPANY, PARK, AMOUNT, RATE → ``meta.partial.outside`` (known O);
* everything else (plain text, addresses, organisations, government bodies, scenes, which may
  hold a park or an amount nobody marked) → only "not COMPANY": ``covered = [COMPANY]``.

So a CLUENER document teaches companies and their absence, never that an unmarked ``3亿元``
is O. Documents are numbered by line: ``cluener-<line>``.

>>> record = {"text": "浙商银行叶老桂说增长5%", "label": {"company": {"浙商银行": [[0, 3]]},
...           "name": {"叶老桂": [[4, 6]]}}}
>>> doc = cluener_document(record, "cluener-1")
>>> [(s.text, s.label) for s in doc.spans], doc.meta["partial"]
([('浙商银行', 'COMPANY')], {'covered': ['COMPANY'], 'outside': [[4, 7]], 'unknown': []})
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from econer.errors import EconerError
from econer.jsonl import iter_json_lines
from econer.partial import Partial, with_partial
from econer.spans import Document, Span

SOURCE = "cluener2020"
SAFE_TYPES: tuple[str, ...] = ("name", "book", "game", "movie", "position")


def _places(obj: dict[str, Any], kind: str, text: str) -> list[tuple[int, int, str]]:
    """``(start, end exclusive, mention)`` of one CLUENER type, checked against ``text``."""
    labels = obj.get("label") or {}
    if not isinstance(labels, dict):
        raise EconerError("'label' must be an object of types")
    found = []
    for mention, places in (labels.get(kind) or {}).items():
        for place in places:
            if not (isinstance(place, list) and len(place) == 2
                    and all(isinstance(x, int) for x in place)):
                raise EconerError(f"{kind} {mention!r}: expected [start, end], got {place!r}")
            start, end = place[0], place[1] + 1  # CLUENER ends are inclusive
            if not 0 <= start < end <= len(text) or text[start:end] != mention:
                raise EconerError(f"{kind} {mention!r} does not match "
                                  f"{text[start:end]!r} at {place[0]}")
            found.append((start, end, mention))
    return found


def cluener_document(obj: Any, doc_id: str,
                     safe_types: Sequence[str] = SAFE_TYPES) -> Document:
    """One CLUENER record as a document: COMPANY spans, safe types outside, covers COMPANY."""
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise EconerError("expected a CLUENER object with 'text' and 'label'")
    text = obj["text"]
    companies = sorted({(s, e) for s, e, _ in _places(obj, "company", text)})
    spans = [Span.at(text, s, e, "COMPANY") for s, e in companies]
    outside = [(s, e) for kind in safe_types for s, e, _ in _places(obj, kind, text)
               if not any(s < ce and cs < e for cs, ce in companies)]
    doc = Document.from_text(text, id=doc_id, source=SOURCE).with_spans(spans)
    return with_partial(doc, Partial(covered=("COMPANY",), outside=tuple(outside)))


def read_cluener(path: str | Path, limit: int | None = None,
                 safe_types: Sequence[str] = SAFE_TYPES, sample_seed: int | None = None
                 ) -> Iterator[Document]:
    """Documents (ids ``cluener-<line>``) of a CLUENER JSON-lines file.

    ``limit``: the first ``limit`` documents, or with ``sample_seed`` a seeded sample of that
    many (in file order). A bad line is an error naming the file and line.
    """
    path = Path(path)
    docs = _read(path, safe_types)
    if limit is None:
        yield from docs
    elif sample_seed is None:
        for count, doc in enumerate(docs):
            if count >= limit:
                return
            yield doc
    else:
        every = list(docs)
        keep = range(len(every)) if limit >= len(every) else sorted(
            random.Random(sample_seed).sample(range(len(every)), limit))
        yield from (every[i] for i in keep)


def _read(path: Path, safe_types: Sequence[str]) -> Iterator[Document]:
    for number, obj in iter_json_lines(path):
        try:
            yield cluener_document(obj, f"cluener-{number}", safe_types)
        except EconerError as exc:
            raise EconerError(exc.message, path=path, line=number) from None
