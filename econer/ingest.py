"""Reading documents: .txt files, folders of them, and JSON-lines files.

Plain text is normalised into the document text; JSON-lines text is never altered, so spans
returned for it index that very string.

Normalising a .txt file:

* line endings become ``\\n``, a byte-order mark and trailing spaces go;
* web-page furniture (breadcrumbs, share buttons, footer link lists) is dropped, by the
  patterns in ``configs/ingest/furniture.yaml``;
* lines that a newspaper column layout broke mid-sentence are joined, also across the blank
  lines such layouts leave (``有限公\\n司``, ``229.91亿\\n\\n元``);
* what remains is one paragraph a line, without blank lines.

>>> normalise("\\ufeff　　第一段。\\r\\n\\r\\n  第二段\\r\\n扫一扫在手机打开当前页\\r\\n微信")
'第一段。\\n第二段'

Only a text laid out in columns has its lines joined (see :func:`is_column_layout`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from econer import config
from econer.errors import EconerError
from econer.jsonl import read_documents, read_text
from econer.resources import config_path
from econer.spans import Document

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".json"}


@dataclass(frozen=True)
class Furniture:
    drop_lines: tuple[re.Pattern[str], ...]
    footer_markers: tuple[re.Pattern[str], ...]
    footer_max_line_chars: int
    sentence_final: frozenset[str]

    @classmethod
    def load(cls, path: Path) -> Furniture:
        data = config.load(FurnitureFile, path)
        try:
            return cls(
                drop_lines=tuple(re.compile(p) for p in data.drop_lines),
                footer_markers=tuple(re.compile(p) for p in data.footer_markers),
                footer_max_line_chars=data.footer_max_line_chars,
                sentence_final=frozenset(data.sentence_final),
            )
        except re.error as exc:
            raise EconerError(f"bad pattern {exc.pattern!r}: {exc}", path=path) from None


@dataclass
class FurnitureFile:
    """The shape of ``configs/ingest/furniture.yaml`` (regular expressions, whole lines)."""

    drop_lines: list[str] = field(default_factory=list)
    footer_markers: list[str] = field(default_factory=list)
    footer_max_line_chars: int = 20
    sentence_final: str = "。！？"


@lru_cache(maxsize=1)
def default_furniture() -> Furniture:
    return Furniture.load(config_path("ingest", "furniture.yaml"))


def is_column_layout(lines: Sequence[str], final: frozenset[str]) -> bool:
    """Whether a text was laid out in newspaper columns, broken every 15-25 characters.

    Recognised when at least 40% of the non-empty lines (and at least 8 of them) are short,
    end without sentence-final punctuation and run straight into the next line.

    >>> final = frozenset("。！？")
    >>> is_column_layout(["一二三四五六七八九十"] * 8 + ["完。"], final)
    True
    >>> is_column_layout(["一段话，说完了。", ""] * 8, final)
    False
    """
    nonempty = [i for i, line in enumerate(lines) if line]
    if len(nonempty) < 8:
        return False
    broken = sum(
        1 for i in nonempty
        if len(lines[i]) <= 40 and lines[i][-1] not in final and i + 1 < len(lines) and lines[i + 1]
    )
    return broken >= 0.4 * len(nonempty)


def _drop_furniture(lines: list[str], furniture: Furniture) -> list[str]:
    """Lines (unstripped) without furniture; the footer goes from its marker to the end."""
    for i, line in enumerate(lines):
        if any(m.fullmatch(line.strip()) for m in furniture.footer_markers):
            tail = [t.strip() for t in lines[i + 1 :] if t.strip()]
            if all(len(t) <= furniture.footer_max_line_chars for t in tail):
                lines = lines[:i]
                break
    return [line for line in lines
            if not any(p.fullmatch(line.strip()) for p in furniture.drop_lines)]


_OPENERS = frozenset("“‘「『《（(【[")
_CLOSERS = frozenset("”’」』）)】]")
_HEADLINE_GAP = re.compile(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]")


def _ends_sentence(line: str, final: frozenset[str]) -> bool:
    # A closing quote ends a sentence only after sentence-final punctuation: 。” but not 街道”
    if line[-1] in _CLOSERS and len(line) > 1:
        return line[-2] in final
    return line[-1] in final


def _join_columns(lines: list[str], indented: list[bool], final: frozenset[str]) -> list[str]:
    """Join layout-broken lines: a full line that does not end a sentence goes on.

    A short line, a line with a gap between words (``走进西部 洽谈未来``) or a line followed
    by an indented one is a headline or caption and stays alone. Across a blank line (a column
    or page break) a line goes on only into one that does not open with a quote or bracket.
    """
    widths = sorted(len(line) for line in lines if line and len(line) <= 40)
    short = 0.6 * widths[len(widths) // 2] if widths else 0
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if not line:
            continue
        current += line
        j = next((k for k in range(i + 1, len(lines)) if lines[k]), None)
        if (
            j is not None
            and not _ends_sentence(line, final)
            and len(line) >= short
            and not _HEADLINE_GAP.search(line)
            and not indented[j]
            and (j == i + 1 or lines[j][0] not in _OPENERS)
        ):
            continue
        paragraphs.append(current)
        current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def normalise(raw: str, furniture: Furniture | None = None) -> str:
    """The document text of a plain-text source (see the module docstring)."""
    furniture = furniture or default_furniture()
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = _drop_furniture(text.split("\n"), furniture)
    lines = [line.strip() for line in raw_lines]
    if is_column_layout(lines, furniture.sentence_final):
        indented = [raw[:1].isspace() for raw in raw_lines]
        lines = _join_columns(lines, indented, furniture.sentence_final)
    return "\n".join(line for line in lines if line)


def read_txt(path: Path, root: Path | None = None) -> Document:
    """A normalised document from a .txt file; its id is the file name without suffix."""
    text = normalise(read_text(path))
    source = str(path.relative_to(root)) if root else path.name
    return Document.from_text(text, id=path.stem, source=source)


def folder_files(folder: Path) -> list[Path]:
    # A folder is a folder of .txt documents. JSON-lines files (datasets, gold, predictions,
    # such as seeds/gold/) are only read when named: mixing them in would read gold as input.
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def iter_documents(inputs: Iterable[str | Path]) -> Iterator[Document]:
    """Documents from files and folders, in order: .txt normalised, .jsonl as given.

    A folder contributes its .txt files (recursively, sorted); .jsonl files are read only
    when named.

    Raises ``EconerError`` for a missing path, a folder without documents, an unknown file
    type, or a document id seen twice.
    """
    seen: dict[str, str] = {}
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = folder_files(path)
            if not files:
                raise EconerError("folder holds no .txt documents", path=path)
            pairs = [(f, path) for f in files]
        elif path.exists():
            pairs = [(path, None)]
        else:
            raise EconerError("no such file or folder", path=path)
        for file, root in pairs:
            for doc in _read_file(file, root):
                where = f"{file}"
                if doc.id in seen:
                    raise EconerError(
                        f"document id {doc.id!r} already read from {seen[doc.id]}", path=file)
                seen[doc.id] = where
                yield doc


def _read_file(path: Path, root: Path | None) -> Iterator[Document]:
    if path.suffix in TEXT_SUFFIXES:
        yield read_txt(path, root)
    elif path.suffix in JSONL_SUFFIXES:
        yield from read_documents(path)
    else:
        raise EconerError("unknown file type (expected .txt, .jsonl or a folder)", path=path)
