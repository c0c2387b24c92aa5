"""Held-out news gold kept as references: spans without the texts they label.

The news corpora under ``../shared/corpus/`` may not be shipped, so a devset in
``eval/devsets/<name>.jsonl`` holds, for each paragraph, only where it comes from and a hash:

    {"id": "eb0381-p1", "corpus": "industry-news-2011.jsonl", "article": "eb0381",
     "line": 1, "sha1": "...", "spans": [{"start": 5, "end": 7, "label": "COMPANY"}]}

A paragraph is line ``line`` of the article's ``text``, stripped of surrounding whitespace
(ASCII and full-width). :func:`load_devset` rebuilds the gold documents from a local copy of
the corpus, and refuses a paragraph whose text no longer has the recorded hash, so offsets
never land on a different text.

>>> ref = reference("eb0001-p2", "x.jsonl", "eb0001", 2, "诺基亚承认", [(0, 3, "COMPANY")])
>>> ref["sha1"] == sha1("诺基亚承认"), ref["spans"]
(True, [{'start': 0, 'end': 3, 'label': 'COMPANY'}])
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from econer.errors import EconerError
from econer.jsonl import iter_json_lines
from econer.spans import Document, Span

# Beside this module in a checkout, and installed as package data of econer.eval.
DEVSETS_DIR = Path(__file__).resolve().with_suffix("")
_REF_FIELDS = {"id": str, "corpus": str, "article": str, "line": int, "sha1": str, "spans": list}


def sha1(text: str) -> str:
    """The hex SHA-1 of a paragraph's UTF-8 bytes.

    >>> sha1("abc")
    'a9993e364706816aba3e25717850c26c9cd0d89d'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def paragraph(article_text: str, line: int) -> str | None:
    """Line ``line`` of an article's text, stripped; ``None`` if there is no such line.

    >>> paragraph("标题\\n　　第一段。 ", 1)
    '第一段。'
    >>> paragraph("标题", 3) is None
    True
    """
    lines = article_text.split("\n")
    return lines[line].strip() if 0 <= line < len(lines) else None


def reference(doc_id: str, corpus: str, article: str, line: int, text: str,
              spans: Iterable[tuple[int, int, str]]) -> dict[str, Any]:
    """The text-free reference line for one gold paragraph."""
    return {"id": doc_id, "corpus": corpus, "article": article, "line": line,
            "sha1": sha1(text),
            "spans": [{"start": s, "end": e, "label": label} for s, e, label in spans]}


def available(devsets_dir: Path = DEVSETS_DIR) -> list[str]:
    """The names of the devsets shipped with econer.

    >>> "news-dev" in available()
    True
    """
    return sorted(p.stem for p in devsets_dir.glob("*.jsonl"))


def read_references(path: Path) -> list[dict[str, Any]]:
    """The checked reference lines of a devset file (errors name file and line)."""
    refs = []
    for number, obj in iter_json_lines(path):
        if not isinstance(obj, dict):
            raise EconerError("expected a JSON object", path=path, line=number)
        for key, kind in _REF_FIELDS.items():
            if not isinstance(obj.get(key), kind) or isinstance(obj.get(key), bool):
                raise EconerError(f"reference lacks a {kind.__name__} {key!r}", path=path,
                                  line=number)
        if "text" in obj:  # the whole point: the corpus text must not be shipped
            raise EconerError("reference holds a 'text'; devsets keep offsets only",
                              path=path, line=number)
        obj["_line"] = number
        refs.append(obj)
    return refs


def read_articles(corpus_path: Path, wanted: set[str] | None = None) -> dict[str, str]:
    """``{article id: text}`` of one corpus file: the ``wanted`` articles, or all of them."""
    if not corpus_path.is_file():
        raise EconerError("corpus file not found (is ../shared there? pass --shared)",
                          path=corpus_path)
    found: dict[str, str] = {}
    for number, obj in iter_json_lines(corpus_path):
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
            continue
        if wanted is None or obj["id"] in wanted:
            if not isinstance(obj.get("text"), str):
                raise EconerError("article lacks a string 'text'", path=corpus_path,
                                  line=number)
            found[obj["id"]] = obj["text"]
    return found


def resolve(refs: Sequence[dict[str, Any]], corpus_dir: Path, path: Path) -> list[Document]:
    """Gold documents for ``refs``, their texts read from ``corpus_dir``.

    Each paragraph must exist and have the recorded hash; each span must fit its text.
    """
    texts: dict[tuple[str, str], str] = {}
    for corpus in sorted({r["corpus"] for r in refs}):
        if Path(corpus).name != corpus:
            raise EconerError(f"corpus must be a file name, got {corpus!r}", path=path)
        wanted = {r["article"] for r in refs if r["corpus"] == corpus}
        for article, text in read_articles(corpus_dir / corpus, wanted).items():
            texts[(corpus, article)] = text
    docs = []
    for ref in refs:
        where = {"path": path, "line": ref["_line"]}
        article = texts.get((ref["corpus"], ref["article"]))
        if article is None:
            raise EconerError(f"article {ref['article']!r} not in {ref['corpus']}", **where)
        text = paragraph(article, ref["line"])
        if text is None:
            raise EconerError(f"article {ref['article']!r} has no line {ref['line']}", **where)
        if sha1(text) != ref["sha1"]:
            raise EconerError(f"paragraph {ref['id']!r} differs from the annotated text "
                              f"(sha1 {sha1(text)[:12]}, expected {ref['sha1'][:12]}): "
                              "a different corpus version?", **where)
        try:
            spans = [Span.at(text, int(s["start"]), int(s["end"]), str(s["label"]),
                             source="gold") for s in ref["spans"]]
            meta = {"corpus": ref["corpus"], "article": ref["article"], "line": ref["line"]}
            docs.append(Document(id=ref["id"], text=text, meta=meta).with_spans(spans))
        except (EconerError, KeyError, TypeError, ValueError) as exc:
            message = exc.message if isinstance(exc, EconerError) else f"bad span: {exc!r}"
            raise EconerError(message, **where) from None
    return docs


def load_devset(name: str, shared_dir: str | Path,
                devsets_dir: Path = DEVSETS_DIR) -> list[Document]:
    """The gold documents of devset ``name``, texts taken from ``shared_dir/corpus/``.

    Raises :class:`EconerError` if the devset is unknown, ``shared_dir`` is missing, or a
    paragraph's text no longer matches its hash.
    """
    path = devsets_dir / f"{name}.jsonl"
    if not path.is_file():
        raise EconerError(f"unknown devset {name!r}; known: {', '.join(available(devsets_dir))}")
    shared = Path(shared_dir)
    if not (shared / "corpus").is_dir():
        raise EconerError(f"{shared / 'corpus'}: not found; the devset texts come from the "
                          "shared corpus (pass the folder that holds corpus/)")
    return resolve(read_references(path), shared / "corpus", path)
