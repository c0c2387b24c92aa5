"""CCF BDCI 2019 (internet-finance new entities): listed entities → COMPANY, by distant supervision.

Format: a CSV with columns ``id, text, unknownEntities`` (``;``-separated entity names, no
offsets); texts from financial web pages and Weibo. The entities are mostly firms and the
platforms they run (度小满金融, 米袋理财), also coins, tokens, apps and schemes.

Mapping:

* every verbatim occurrence of a listed entity in its own row's text → a COMPANY span;
  where occurrences overlap (趣步 inside 趣步公司) the longer wins;
* entities that name a product rather than a firm are dropped (:data:`NOT_FIRM`: coins and
  tokens ...币, wallets, cards, 拆分盘 schemes, apps; one-character names);
* ``covered = []``: positives only. The list names *new* entities, not every firm in a text,
  so nothing outside the spans is taught.

Distant supervision is noisy (a name found inside a longer word counts), so these spans carry
``score`` :data:`SCORE`, which trainers may use as a weight. Documents are named
``ccf-<id>``; errors name the CSV line where the bad row starts.

>>> doc = ccf_document({"id": "a1", "text": "趣步公司可靠吗？趣步币能涨吗",
...                     "unknownEntities": "趣步;趣步公司;趣步币"})
>>> [(s.text, s.label) for s in doc.spans], doc.meta["partial"]["covered"]
([('趣步公司', 'COMPANY'), ('趣步', 'COMPANY')], [])

The second 趣步 is the coin's name (趣步币): such noise is why the spans are scored low.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from econer.errors import EconerError
from econer.jsonl import read_text
from econer.partial import Partial, with_partial
from econer.spans import Document, Span

SOURCE = "ccf-bdci2019"
SCORE = 0.7
COLUMNS = ("id", "text", "unknownEntities")
NOT_FIRM = re.compile(r"(币|链|钱包|卡|盘|[Aa][Pp][Pp]|宝典|游戏)$", re.IGNORECASE)


def firm_names(entities: str) -> list[str]:
    """The listed names that may name a firm (see :data:`NOT_FIRM`).

    >>> firm_names("米袋理财;龙币;;TD钱包;度小满金融;x")
    ['米袋理财', '度小满金融']
    """
    names = [e.strip() for e in entities.split(";")]
    return [n for n in dict.fromkeys(names) if len(n) >= 2 and not NOT_FIRM.search(n)]


def ccf_document(row: dict[str, Any]) -> Document:
    """One CSV row as a positives-only document under the mapping above."""
    text, doc_id = row.get("text"), row.get("id")
    if not isinstance(text, str) or not isinstance(doc_id, str) or not doc_id:
        raise EconerError("a row needs an id and a text")
    found = [(m.start(), m.end()) for name in firm_names(row.get("unknownEntities") or "")
             for m in re.finditer(re.escape(name), text)]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(found), key=lambda r: (r[0] - r[1], r[0])):
        if all(end <= s or e <= start for s, e in kept):
            kept.append((start, end))
    spans = [Span.at(text, s, e, "COMPANY", score=SCORE, source=SOURCE) for s, e in kept]
    doc = Document.from_text(text, id=f"ccf-{doc_id}", source=SOURCE).with_spans(spans)
    return with_partial(doc, Partial(covered=()))


def read_ccf(path: str | Path) -> Iterator[Document]:
    """The documents of ``train.csv``; a bad row or a missing column names file and line."""
    path = Path(path)
    reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise EconerError(f"missing column(s) {', '.join(missing)} (expected {', '.join(COLUMNS)})",
                          path=path, line=1)
    seen: set[str] = set()
    line = reader.line_num + 1
    try:
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise EconerError(f"expected {len(COLUMNS)} fields")
            doc = ccf_document(row)
            if doc.id in seen:
                raise EconerError(f"duplicate id {row['id']!r}")
            seen.add(doc.id)
            yield doc
            line = reader.line_num + 1
    except EconerError as exc:
        raise EconerError(exc.message, path=path, line=line) from None
    except csv.Error as exc:
        raise EconerError(f"bad CSV: {exc}", path=path, line=line) from None
