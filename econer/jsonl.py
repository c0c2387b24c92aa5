"""The JSON-lines format of documents and annotated documents, and atomic writes.

One JSON object a line::

    {"id": "...", "text": "...", "spans": [{"start": 4, "end": 12, "label": "AMOUNT",
     "text": "125.8亿元"}], "meta": {...}}

Reading checks every line (JSON, fields, every span against its text) and names the file
and line of the first problem. Writing goes to a temporary file beside the target and is
renamed into place, so a failure never leaves a half-written output.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from econer.errors import EconerError
from econer.outputs import signals_deferred
from econer.partial import META_KEY as PARTIAL_KEY
from econer.partial import check_partial
from econer.spans import Document


def read_text(path: Path) -> str:
    """A UTF-8 file's text; a clear error for a missing file or non-UTF-8 bytes."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise EconerError("no such file", path=path) from None
    except IsADirectoryError:
        raise EconerError("is a folder, expected a file", path=path) from None
    except OSError as exc:
        raise EconerError(f"cannot read: {exc.strerror}", path=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise EconerError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", path=path, line=line
        ) from None


def parse_json_line(line: str, path: str | Path, number: int) -> Any:
    """One line's JSON value; malformed JSON is an error naming the file and line."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise EconerError(f"malformed JSON: {exc.msg} (column {exc.colno})", path=path,
                          line=number) from None


def parse_document(obj: Any, path: str | Path, number: int) -> Document:
    """The checked document of one parsed line (spans and partial labels checked)."""
    try:
        doc = Document.from_dict(obj)
        if PARTIAL_KEY in doc.meta:
            check_partial(doc)  # partial labels (econer.partial) are checked like spans
    except EconerError as exc:
        raise EconerError(exc.message, path=path, line=number) from None
    return doc


def iter_json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed object)`` for each non-blank line of a JSON-lines file."""
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if line.strip():
            yield number, parse_json_line(line, path, number)


def read_documents(path: str | Path, *, gold: bool = False) -> Iterator[Document]:
    """The checked documents of a JSON-lines file, in order. Texts are taken exactly as given.

    ``gold=True``: every line must have its ``"spans"`` (``[]`` where there is no entity),
    so a file of plain documents is not taken for gold without any entity.
    """
    path = Path(path)
    seen: dict[str, int] = {}
    for number, obj in iter_json_lines(path):
        if gold and not (isinstance(obj, dict) and isinstance(obj.get("spans"), list)):
            raise EconerError("a gold line needs a list of 'spans' ([] where there is no "
                              "entity)", path=path, line=number)
        doc = parse_document(obj, path, number)
        if doc.id in seen:
            raise EconerError(f"duplicate document id {doc.id!r} (first on line {seen[doc.id]})",
                              path=path, line=number)
        seen[doc.id] = number
        yield doc


def read_gold_documents(path: str | Path) -> list[Document]:
    """The documents of a gold file: ``spans`` on every line, and at least one document."""
    docs = list(read_documents(path, gold=True))
    if not docs:
        raise EconerError("no gold documents in this file", path=path)
    return docs


def document_line(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False)


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; rename it onto ``path`` only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp: str | None = None
    import tempfile  # here: with shutil and random, ~4 ms of every start that writes nothing

    try:
        with signals_deferred():  # a stop signal right after mkstemp would orphan the file
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically."""
    with atomic_open(path) as handle:
        handle.write(text)


def write_documents(path: str | Path, docs: Iterable[Document]) -> int:
    """Write documents as JSON lines, atomically; returns how many were written.

    ``docs`` may be a generator: if it raises midway, the target is left as it was.
    """
    count = 0
    with atomic_open(path) as handle:
        for doc in docs:
            handle.write(document_line(doc) + "\n")
            count += 1
    return count
