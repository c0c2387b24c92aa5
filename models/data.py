"""Training data: gold, folds, CLUENER2020 and silver, as token windows with targets.

Every source becomes *records* (a text and one target code a character, see
:mod:`econer.models.tags`), then *examples* (token windows with ``[CLS]``/``[SEP]``).

Every document carries its partial labels (:mod:`econer.partial`; none means gold, fully
labelled), and :func:`doc_record` turns them into targets: a span's characters teach its
label exactly, ``outside`` ranges teach O, other characters teach "none of the covered
labels" and ``unknown`` ranges teach nothing. CLUENER2020 (read by
:mod:`econer.datasets.cluener`, the one CLUENER reader) covers COMPANY only, so its characters
teach:

* inside a company span: B-/I-COMPANY, exactly;
* inside a span of a type that cannot hold any of our labels (person names, books, games,
  films, job titles: ``safe_types``): O, exactly;
* everywhere else (plain text, addresses, organisations, government bodies, which may hold
  a park or an amount nobody marked): only *not COMPANY*. The loss there is the
  probability of all other tags together, so an unmarked ``3亿元`` is neither taught O nor
  AMOUNT, while a company the annotators would have marked is still taught absent.

>>> from econer.datasets.cluener import cluener_document
>>> rec = doc_record(cluener_document({"text": "浙商银行叶老桂说增长5%",
...     "label": {"company": {"浙商银行": [[0, 3]]}, "name": {"叶老桂": [[4, 6]]}}}, "c-1",
...     safe_types=["name"]))
>>> [TAGS[c] if c >= 0 else "not-COMPANY" for c in rec[1][3:9]]
['I-COMPANY', 'O', 'O', 'O', 'not-COMPANY', 'not-COMPANY']
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from econer.models.config import ClueNerArgs, DataArgs
from econer.models.tags import IGNORE, TAGS, char_codes, ruled_out_code, token_codes
from econer.models.windows import encode, windows

from econer.datasets import cluener
from econer.errors import EconerError
from econer.folds import load_folds
from econer.ingest import iter_documents
from econer.jsonl import read_documents, read_text
from econer.partial import META_KEY as PARTIAL_KEY
from econer.partial import ruled_out
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


def doc_record(doc: Document, covered: Sequence[str] | None = None) -> Record:
    """A document's targets: its spans exactly, elsewhere what its partial labels rule out
    (O everywhere else for gold, which has none).

    ``covered``: for a document without partial labels (rule silver from ``econer
    prelabel``), the labels its spans mark exhaustively; the others stay unknown off its
    spans (never taught O).

    >>> from econer.spans import Span
    >>> d = Document.from_text("甲公司增长5%", id="a")
    >>> d = d.with_spans([Span.at(d.text, 5, 7, "RATE")])
    >>> doc_record(d, ["AMOUNT", "RATE"])[1].tolist()
    [-12, -12, -12, -12, -12, 7, 8]
    """
    spans = [(s.start, s.end, s.label) for s in doc.spans]
    if PARTIAL_KEY not in doc.meta and covered is not None:
        return doc.text, char_codes(len(doc.text), spans, outside=ruled_out_code(covered))
    codes = char_codes(len(doc.text), spans)
    spanned = np.zeros(len(doc.text), dtype=bool)
    for span in doc.spans:
        spanned[span.start : span.end] = True
    if PARTIAL_KEY in doc.meta:
        for i, labels in enumerate(ruled_out(doc)):
            if not spanned[i]:
                codes[i] = ruled_out_code(labels)
    return doc.text, codes


def paragraphs(record: Record) -> list[Record]:
    """A record cut at line breaks (no entity crosses one): shorter windows, less padding.

    >>> [t for t, _ in paragraphs(("甲\\n\\n乙丙", np.zeros(5, dtype=np.int64)))]
    ['甲', '乙丙']
    """
    text, codes = record
    out: list[Record] = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((line, codes[start : start + len(line)]))
        start += len(line) + 1
    return out


def text_sha1(text: str) -> str:
    """The SHA-1 of a paragraph's stripped text (how held-out paragraphs are listed)."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()


def read_sha1s(paths: Sequence[str]) -> set[str]:
    """The SHA-1s listed in files (hex, one a line; ``#`` starts a comment)."""
    out: set[str] = set()
    for path in paths:
        for number, line in enumerate(read_text(Path(path)).splitlines(), start=1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if len(line) != 40 or any(c not in "0123456789abcdef" for c in line):
                raise EconerError(f"not a SHA-1: {line!r}", path=path, line=number)
            out.add(line)
    return out


def drop_excluded(records: Iterable[Record], sha1s: set[str]) -> list[Record]:
    """The records (paragraphs) whose stripped text's SHA-1 is not listed."""
    return [r for r in records if not sha1s or text_sha1(r[0]) not in sha1s]


def mix(records: Sequence[Record], weight: float, rng: random.Random) -> list[Record]:
    """Each record ``int(weight)`` times plus a seeded sample of the fraction left.

    >>> recs = [("a", None), ("b", None), ("c", None), ("d", None)]
    >>> len(mix(recs, 2.5, random.Random(0))), len(mix(recs, 0.5, random.Random(0)))
    (10, 2)
    """
    whole, frac = int(weight), weight - int(weight)
    extra = rng.sample(list(records), round(frac * len(records))) if frac else []
    return [*list(records) * whole, *extra]


def epoch_draws(sources: Sequence[tuple[Sequence[Record], float]], epochs: int,
                rng: random.Random, redraw: bool) -> list[list[Record]]:
    """The records of each epoch: every source mixed by its weight (:func:`mix`), drawn once
    for the run, or with ``redraw`` again each epoch so that a fraction (``ccf: 0.3``) shows
    other records each epoch. Epoch 1 is the same either way; one seeded ``rng`` makes every
    draw repeatable.

    >>> recs = [(c, None) for c in "abcdefgh"]
    >>> once = epoch_draws([(recs, 0.5)], 3, random.Random(0), redraw=False)
    >>> again = epoch_draws([(recs, 0.5)], 3, random.Random(0), redraw=True)
    >>> once[0] == once[2] == again[0], again[1] != again[0], len(again[2])
    (True, True, 4)
    """
    def draw() -> list[Record]:
        return [r for recs, weight in sources for r in mix(recs, weight, rng)]

    first = draw()
    return [first, *(draw() if redraw else first for _ in range(epochs - 1))]


def is_heldout(doc_id: str, every: int | None) -> bool:
    """Whether a CLUENER sentence (id ``cluener-<line>``) is held out of training: lines
    1, 1+k, 1+2k, ... for ``k = every``.

    >>> [is_heldout(f"cluener-{n}", 10) for n in (1, 2, 11)], is_heldout("cluener-1", None)
    ([True, False, True], False)
    """
    return bool(every) and (int(doc_id.rsplit("-", 1)[1]) - 1) % every == 0


def cluener_docs(args: ClueNerArgs, seed: int, heldout: bool = False) -> list[Document]:
    """CLUENER2020 training sentences (a seeded sample of ``args.limit`` when given), or
    with ``heldout`` the held-out ones (``args.holdout_every``), never both."""
    docs = [d for d in cluener.read_cluener(args.path, None, args.safe_types)
            if is_heldout(d.id, args.holdout_every) == heldout]
    if args.limit is not None and args.limit < len(docs) and not heldout:
        keep = sorted(random.Random(seed).sample(range(len(docs)), args.limit))
        docs = [docs[i] for i in keep]
    return docs


def read_cluener(args: ClueNerArgs, seed: int) -> list[Record]:
    """CLUENER2020 training sentences as records (see :func:`cluener_docs`)."""
    return [doc_record(d) for d in cluener_docs(args, seed)]


def read_external(name: str, path: str | Path) -> list[Document]:
    """The documents of an external source (``data.external``) with their partial labels."""
    from econer.datasets import ccf, cfsc, resume

    readers = {"resume": resume.read_resume, "cfsc": cfsc.read_cfsc, "ccf": ccf.read_ccf}
    if name not in readers:
        raise EconerError(f"unknown external source {name!r} (want {', '.join(readers)})")
    return list(readers[name](path))


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


__all__ = ["Example", "TAGS", "read_gold", "split_gold", "read_cluener", "read_external",
           "examples", "epoch_draws"]
