"""CFSC-NER validation split: Corporate and Stock aspect terms → COMPANY, positives only.

Format: a JSON list of ``{"text": ..., "labels": [{"text", "Level 1 Aspect", "from", "to"}]}``
with end-EXCLUSIVE offsets; aspects Corporate, Stock, Market, Economy. The terms are what
a sentence is *about*, not every name in it, so an unmarked firm is no evidence of O.

Mapping:

* Corporate and Stock terms → COMPANY, after the standard's rules for listed names
  (``docs/annotation-guide.md``, *Stocks and listed names*): a status prefix (ST, *ST, XD,
  N ...) and a share-class letter (万科A) stay out;
* terms that name no firm are dropped (:data:`NOT_FIRM`: indices 沪指/标普500指数, boards,
  sectors 汽车板块/基建股, flows 北向资金, markets 欧股, exchanges, central banks);
* Market and Economy terms: dropped (sectors and macro topics);
* ``covered = []``: positives only. Nothing outside the spans is taught, not even "not
  COMPANY" (a sentence about 贵州茅台 may name 五粮液 unmarked).

The file is one JSON list; errors name the line where the bad record starts. Documents are
named ``cfsc-<index in the list>``.

>>> doc = cfsc_document({"text": "*ST康美跌停，沪指下跌", "labels": [
...     {"text": "*ST康美", "Level 1 Aspect": "Stock", "from": 0, "to": 5},
...     {"text": "沪指", "Level 1 Aspect": "Market", "from": 8, "to": 10}]}, "cfsc-0")
>>> [(s.text, s.label) for s in doc.spans], doc.meta["partial"]["covered"]
([('康美', 'COMPANY')], [])
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from econer.errors import EconerError
from econer.jsonl import read_text
from econer.partial import Partial, with_partial
from econer.spans import Document, Span

SOURCE = "cfsc-ner"
ASPECTS = frozenset({"Corporate", "Stock"})
NOT_FIRM = re.compile(r"(指数?|板块|板|(?<!控)股|资金|市场|交易所|央行|银保监会|证监会|美联储|期货"
                      r"|债|汇率|大盘|外资|机构|游资|主力|散户)$|^(中国|美国|日本|欧洲)$")
_STATUS = re.compile(r"^(\*?ST|XD|XR|DR|N|C)(?=[\u4e00-\u9fff])")
_CLASS = re.compile(r"(?<=[\u4e00-\u9fff])[AB]$")


def firm_part(term: str) -> tuple[int, int] | None:
    """The offsets within ``term`` of the firm it names, or None when it names no firm.

    >>> firm_part("万科A"), firm_part("*ST康美"), firm_part("创业板指"), firm_part("北向资金")
    ((0, 2), (3, 5), None, None)
    >>> firm_part("京粮控股"), firm_part("券商股")
    ((0, 4), None)
    """
    if NOT_FIRM.search(term):
        return None
    start = m.end() if (m := _STATUS.match(term)) else 0
    end = m.start() if (m := _CLASS.search(term)) else len(term)
    return (start, end) if end - start >= 2 else None


def cfsc_document(obj: Any, doc_id: str) -> Document:
    """One CFSC-NER record as a positives-only document under the mapping above."""
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise EconerError("expected an object with 'text' and 'labels'")
    text: str = obj["text"]
    labels = obj.get("labels") or []
    if not isinstance(labels, list):
        raise EconerError("'labels' must be a list")
    found: set[tuple[int, int]] = set()
    for item in labels:
        try:
            term, aspect = item["text"], item["Level 1 Aspect"]
            start, end = item["from"], item["to"]
        except (KeyError, TypeError):
            raise EconerError(f"a label lacks text, 'Level 1 Aspect', from or to: {item!r}"
                              ) from None
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
                and text[start:end] == term):
            raise EconerError(f"term {term!r} does not match the text at {start}-{end}")
        part = firm_part(term) if aspect in ASPECTS else None
        if part is not None:
            found.add((start + part[0], start + part[1]))
    # Overlapping terms (one read as Corporate and Stock): the longer one wins.
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda r: (r[0] - r[1], r[0])):
        if all(end <= s or e <= start for s, e in kept):
            kept.append((start, end))
    doc = Document.from_text(text, id=doc_id, source=SOURCE)
    doc = doc.with_spans(Span.at(text, s, e, "COMPANY") for s, e in kept)
    return with_partial(doc, Partial(covered=()))


def iter_json_list(path: Path) -> Iterator[tuple[int, Any]]:
    """``(line where it starts, element)`` of a file holding one JSON list."""
    text = read_text(path)
    decoder = json.JSONDecoder()
    pos = _skip(text, 0)
    if not text.startswith("[", pos):
        raise EconerError("expected a JSON list", path=path, line=text.count("\n", 0, pos) + 1)
    pos = _skip(text, pos + 1)
    while not text.startswith("]", pos):
        line = text.count("\n", 0, pos) + 1
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise EconerError(f"malformed JSON: {exc.msg}", path=path,
                              line=text.count("\n", 0, exc.pos) + 1) from None
        yield line, obj
        pos = _skip(text, pos)
        if text.startswith(",", pos):
            pos = _skip(text, pos + 1)
        elif not text.startswith("]", pos):
            raise EconerError("expected ',' or ']' in the JSON list", path=path,
                              line=text.count("\n", 0, pos) + 1)


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def read_cfsc(path: str | Path) -> Iterator[Document]:
    """The documents of CFSC-NER ``val.json``; a bad record names the file and its line."""
    path = Path(path)
    for index, (line, obj) in enumerate(iter_json_list(path)):
        try:
            yield cfsc_document(obj, f"cfsc-{index}")
        except EconerError as exc:
            raise EconerError(exc.message, path=path, line=line) from None
