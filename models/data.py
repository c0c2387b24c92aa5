"""Training data: gold, folds, CLUENER2020 and silver, as token windows with targets.

Every source becomes *records* (a text and one target code a character, see
:mod:`econer.models.tags`), then *examples* (token windows with ``[CLS]``/``[SEP]``).

CLUENER2020 annotates ``company`` but none of PARK, AMOUNT, RATE, so its characters teach:

* inside a company span: B-/I-COMPANY, exactly;
* inside a span of a type that cannot hold any of our labels (person names, books, games,
  films, job titles: ``safe_types``): O, exactly;
* everywhere else (plain text, addresses, organisations, government bodies, which may hold
  a park or an amount nobody marked): only *not COMPANY*. The loss there is the
  probability of all other tags together, so an unmarked ``3亿元`` is neither taught O nor
  AMOUNT, while a company the annotators would have marked is still taught absent.

Its offsets are end-INCLUSIVE: ``{"company": {"浙商银行": [[0, 3]]}}``.

>>> rec = cluener_record({"text": "浙商银行叶老桂说增长5%",
...     "label": {"company": {"浙商银行": [[0, 3]]}, "name": {"叶老桂": [[4, 6]]}}},
...     safe_types=["name"])
>>> [TAGS[c] if c >= 0 else "not-COMPANY" for c in rec[1][3:9]]
['I-COMPANY', 'O', 'O', 'O', 'not-COMPANY', 'not-COMPANY']
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from econer.models.config import ClueNerArgs, DataArgs
from econer.models.tags import IGNORE, NOT_COMPANY, TAGS, char_codes, token_codes
from econer.models.windows import encode, windows

from econer.errors import EconerError
from econer.folds import load_folds
from econer.ingest import iter_documents
from econer.jsonl import read_documents, read_text
from econer.spans import Document

Record = tuple[str, np.ndarray]  # a text and its per-character target codes


@dataclass(frozen=True)
class Example:
    """One token window: ids with [CLS]/[SEP], and one target code a token."""

    ids: list[int]
    codes: list[int]


def read_gold(paths: Sequence[str | Path]) -> list[Document]:
    """The documents of the gold files, in order; a document id seen twice is an error."""
    docs: list[Document] = []
    seen: dict[str, str] = {}
    for path in paths:
        for doc in read_documents(path):
            if doc.id in seen:
                raise EconerError(f"document id {doc.id!r} already read from {seen[doc.id]}",
                                  path=path)
            seen[doc.id] = str(path)
            docs.append(doc)
    return docs


def split_gold(data: DataArgs) -> tuple[list[Document], list[Document]]:
    """``(train, dev)``: with ``data.fold`` its test documents are dev, else all train."""
    if not data.gold:
        raise EconerError("data.gold names no gold file")
    docs = read_gold(data.gold)
    if data.fold is None:
        return docs, []
    folds = load_folds(data.folds)
    names = [f.name for f in folds.folds]
    if data.fold not in names:
        raise EconerError(f"no fold {data.fold!r} (known: {', '.join(names)})", path=data.folds)
    return folds.folds[names.index(data.fold)].split(docs)


def doc_record(doc: Document) -> Record:
    """A gold or silver document: its spans exactly, O everywhere else."""
    return doc.text, char_codes(len(doc.text), [(s.start, s.end, s.label) for s in doc.spans])


def cluener_record(obj: Any, safe_types: Sequence[str]) -> Record:
    """A CLUENER2020 sentence with partial targets (see the module docstring)."""
    text: str = obj["text"]
    codes = np.full(len(text), NOT_COMPANY, dtype=np.int64)
    labels: dict[str, dict[str, list[list[int]]]] = obj.get("label") or {}
    for kind in safe_types:
        for ranges in (labels.get(kind) or {}).values():
            for start, last in ranges:
                codes[start : last + 1] = 0
    companies = [(s, e + 1, "COMPANY") for r in (labels.get("company") or {}).values()
                 for s, e in r]
    for start, end, _ in companies:
        codes[start:end] = char_codes(end - start, [(0, end - start, "COMPANY")])
    return text, codes


def read_cluener(args: ClueNerArgs, seed: int) -> list[Record]:
    """CLUENER2020 sentences as records, a seeded sample of ``args.limit`` when given."""
    path = Path(args.path)
    records: list[Record] = []
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append(cluener_record(json.loads(line), args.safe_types))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, IndexError) as exc:
            raise EconerError(f"bad CLUENER line: {exc!r}", path=path, line=number) from None
    if args.limit is not None and args.limit < len(records):
        keep = sorted(random.Random(seed).sample(range(len(records)), args.limit))
        records = [records[i] for i in keep]
    return records


def read_silver(paths: Sequence[str], limit: int | None) -> list[Document]:
    docs = [d for p in paths for d in read_documents(p)]
    return docs[:limit] if limit is not None else docs


def corpus_texts(names: Iterable[str], train: Sequence[Document], data: DataArgs,
                 seed: int) -> list[str]:
    """The texts of the tokenizer's named corpora: ``gold`` (the training documents, never
    dev), ``cluener``, ``silver``, or files read like ``econer prelabel`` inputs."""
    texts: list[str] = []
    for name in names:
        if name == "gold":
            texts += [d.text for d in train]
        elif name == "cluener":
            if data.cluener is None:
                raise EconerError("tokenizer.corpora names cluener but data.cluener is not set")
            texts += [t for t, _ in read_cluener(data.cluener, seed)]
        elif name == "silver":
            texts += [d.text for d in read_silver(data.silver, data.silver_limit)]
        else:
            texts += [d.text for d in iter_documents([name])]
    return texts


def examples(records: Iterable[Record], tokenizer: Any, max_length: int,
             stride: int) -> list[Example]:
    """Token windows of every record; windows that teach nothing are dropped."""
    out: list[Example] = []
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    for text, codes in records:
        ids, offsets = encode(tokenizer, text)
        targets = token_codes(codes, offsets)
        for start, end in windows(len(ids), max_length - 2, stride):
            window = targets[start:end]
            if all(t == IGNORE for t in window):
                continue
            out.append(Example([cls, *ids[start:end], sep], [IGNORE, *window, IGNORE]))
    return out


__all__ = ["Example", "TAGS", "read_gold", "split_gold", "read_cluener", "examples"]
