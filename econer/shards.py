"""Corpus-scale runs: inputs cut into shards, each labelled and written on its own.

A run over a corpus too big for one process is planned as shards of at most ``shard_docs``
documents (line ranges of JSON-lines files, groups of ``.txt`` files). Each shard is read,
labelled and written as ``OUT/shard-NNNNN.jsonl`` with a record ``shard-NNNNN.json`` beside
it (documents, characters, output hash, the fingerprint of its input and labeller). The run
ends with ``OUT/manifest.json``. Shards are independent, so:

- **resume**: a rerun skips every shard whose record matches its fingerprint and output;
- **faults**: a shard that fails is reported by name; the others are kept;
- **order**: concatenating the shards in manifest order gives the input order
  (:func:`merge_shards`).

The driver only counts lines; workers read their own ranges, with the same checks and the
same ``FILE:LINE: message`` errors as the single-process reader. Engines: :func:`run_local`
here (one process) and :func:`econer.rayengine.run_ray` (an actor pool on Ray).

>>> plan = [Shard(0, (Piece("a.jsonl", 1, 2),)), Shard(1, (Piece("a.jsonl", 3, 3),))]
>>> [s.name for s in plan]
['shard-00000', 'shard-00001']
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from econer.errors import EconerError
from econer.ingest import JSONL_SUFFIXES, TEXT_SUFFIXES, folder_files, read_txt
from econer.jsonl import (
    atomic_open,
    document_line,
    parse_document,
    parse_json_line,
    write_text,
)
from econer.spans import Document

MANIFEST = "manifest.json"
SCHEMA = "econer.shards/1"


class Labeller(Protocol):
    """What a sharded run needs of a labeller: a version and ``pipe`` over documents."""

    version: str

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]: ...


@dataclass(frozen=True)
class Piece:
    """Lines ``first..last`` (1-based, inclusive) of a JSON-lines file, or a whole .txt file
    (``first == last == 0``)."""

    path: str
    first: int
    last: int


@dataclass(frozen=True)
class Shard:
    index: int
    pieces: tuple[Piece, ...]

    @property
    def name(self) -> str:
        return f"shard-{self.index:05d}"


@dataclass
class ShardResult:
    name: str
    documents: int = 0
    chars: int = 0
    sha1: str = ""
    fingerprint: str = ""
    seconds: float = 0.0
    skipped: bool = False
    error: str | None = None


@dataclass
class RunSummary:
    shards: list[ShardResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[ShardResult]:
        return [r for r in self.shards if r.error]

    @property
    def documents(self) -> int:
        return sum(r.documents for r in self.shards if not r.error)

    @property
    def chars(self) -> int:
        return sum(r.chars for r in self.shards if not r.error)


# -- planning (driver) ----------------------------------------------------------------------
def _input_files(inputs: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = folder_files(path) + sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix in JSONL_SUFFIXES)
            if not found:
                raise EconerError("folder holds no .txt or .jsonl documents", path=path)
            files.extend(found)
        elif path.is_file():
            if path.suffix not in TEXT_SUFFIXES | JSONL_SUFFIXES:
                raise EconerError("unknown file type (expected .txt, .jsonl or a folder)",
                                  path=path)
            files.append(path)
        else:
            raise EconerError("no such file or folder", path=path)
    return files


def _document_lines(path: Path) -> Iterator[int]:
    """Numbers of the non-blank lines of a JSON-lines file (read as bytes: no decoding)."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number


def plan_shards(inputs: Iterable[str | Path], shard_docs: int = 1000) -> list[Shard]:
    """Cut the inputs into shards of at most ``shard_docs`` documents, in input order.

    A folder contributes its ``.txt`` and ``.jsonl`` files (recursively, sorted: a corpus
    folder is read whole here, unlike ``econer prelabel`` on a mixed seed folder).
    """
    if shard_docs < 1:
        raise EconerError(f"--shard-docs must be at least 1 (got {shard_docs})")
    shards: list[Shard] = []
    pieces: list[Piece] = []
    count = 0

    def close() -> None:
        nonlocal pieces, count
        if pieces:
            shards.append(Shard(len(shards), tuple(pieces)))
        pieces, count = [], 0

    for path in _input_files(inputs):
        if path.suffix in TEXT_SUFFIXES:
            pieces.append(Piece(str(path), 0, 0))
            count += 1
            if count >= shard_docs:
                close()
            continue
        first = last = 0
        for number in _document_lines(path):
            if not first:
                first = number
            last = number
            count += 1
            if count >= shard_docs:
                pieces.append(Piece(str(path), first, last))
                first = 0
                close()
        if first:
            pieces.append(Piece(str(path), first, last))
    close()
    if not shards:
        raise EconerError("no documents found in the inputs")
    return shards


# -- one shard (worker) ---------------------------------------------------------------------
def read_piece(piece: Piece) -> Iterator[Document]:
    """The documents of one piece, checked line by line as ``econer.jsonl.read_documents``
    checks them (only the piece's lines are read)."""
    path = Path(piece.path)
    if piece.first == 0:
        yield read_txt(path)
        return
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number < piece.first:
                continue
            if number > piece.last:
                break
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise EconerError(f"not UTF-8 (byte 0x{raw[exc.start]:02x})", path=path,
                                  line=number) from None
            yield parse_document(parse_json_line(line, path, number), path, number)


def fingerprint(shard: Shard, labeller_version: str) -> str:
    """What a finished shard must match to be skipped: its input files' sizes and times, its
    line ranges, and the labeller's version."""
    digest = hashlib.sha1(labeller_version.encode())
    for piece in shard.pieces:
        stat = Path(piece.path).stat()
        digest.update(f"{piece}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _record_path(out_dir: Path, shard: Shard) -> Path:
    return out_dir / f"{shard.name}.json"


def shard_path(out_dir: Path, shard: Shard) -> Path:
    return out_dir / f"{shard.name}.jsonl"


def _file_sha1(path: Path) -> str:
    digest = hashlib.sha1()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def finished(out_dir: Path, shard: Shard, print_: str) -> ShardResult | None:
    """The record of a shard already done with this fingerprint, or None."""
    record, output = _record_path(out_dir, shard), shard_path(out_dir, shard)
    if not (record.is_file() and output.is_file()):
        return None
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    if data.get("fingerprint") != print_ or data.get("sha1") != _file_sha1(output):
        return None
    return ShardResult(**{**data, "skipped": True})


def run_shard(labeller: Labeller, shard: Shard, out_dir: Path, print_: str) -> ShardResult:
    """Label one shard and write it (output first, then its record), both atomically.

    Any failure is returned, not raised, so that the other shards go on.
    """
    started = time.perf_counter()
    result = ShardResult(shard.name, fingerprint=print_)
    try:
        digest = hashlib.sha1()
        docs = (doc for piece in shard.pieces for doc in read_piece(piece))
        with atomic_open(shard_path(out_dir, shard)) as handle:
            for doc in labeller.pipe(docs):
                line = document_line(doc) + "\n"
                handle.write(line)
                digest.update(line.encode("utf-8"))
                result.documents += 1
                result.chars += len(doc.text)
        result.sha1 = digest.hexdigest()
        result.seconds = round(time.perf_counter() - started, 4)
        record = {k: v for k, v in asdict(result).items() if k not in ("skipped", "error")}
        write_text(_record_path(out_dir, shard), json.dumps(record, indent=2) + "\n")
    except Exception as exc:  # noqa: BLE001 - a shard's failure is reported, never fatal
        result.error = str(exc) if isinstance(exc, EconerError) else f"{type(exc).__name__}: {exc}"
    return result


# -- engines and the manifest -----------------------------------------------------------------
def pending_shards(plan: Sequence[Shard], out_dir: Path, version: str
                   ) -> tuple[list[tuple[Shard, str]], list[ShardResult]]:
    """Split the plan into shards still to run (with fingerprints) and finished ones."""
    todo: list[tuple[Shard, str]] = []
    done: list[ShardResult] = []
    for shard in plan:
        print_ = fingerprint(shard, version)
        previous = finished(out_dir, shard, print_)
        if previous is None:
            todo.append((shard, print_))
        else:
            done.append(previous)
    return todo, done


def run_local(plan: Sequence[Shard], make_labeller: Callable[[], Labeller], out_dir: Path,
              on_result: Callable[[ShardResult], None] | None = None) -> RunSummary:
    """Run the shards one after another in this process (the single-process baseline)."""
    started = time.perf_counter()
    labeller = make_labeller()
    todo, done = pending_shards(plan, out_dir, labeller.version)
    summary = RunSummary(shards=list(done))
    for result in done:
        if on_result:
            on_result(result)
    for shard, print_ in todo:
        result = run_shard(labeller, shard, out_dir, print_)
        summary.shards.append(result)
        if on_result:
            on_result(result)
    summary.seconds = time.perf_counter() - started
    return summary


def write_manifest(out_dir: Path, plan: Sequence[Shard], summary: RunSummary,
                   run: dict[str, Any]) -> Path:
    """``OUT/manifest.json``: every shard in input order, totals, and the run record."""
    by_name = {r.name: r for r in summary.shards}
    shards = []
    for shard in plan:
        result = by_name.get(shard.name, ShardResult(shard.name, error="not run"))
        shards.append({"name": shard.name, "file": shard_path(out_dir, shard).name,
                       "inputs": [asdict(p) for p in shard.pieces], "documents": result.documents,
                       "chars": result.chars, "sha1": result.sha1, "skipped": result.skipped,
                       "error": result.error})
    chars_per_second = summary.chars / summary.seconds if summary.seconds > 0 else None
    manifest = {
        "schema": SCHEMA,
        "shards": shards,
        "documents": summary.documents,
        "chars": summary.chars,
        "failed": [r.name for r in summary.failed],
        "run": {**run, "seconds": round(summary.seconds, 4),
                "chars_per_second": round(chars_per_second, 1) if chars_per_second else None},
    }
    path = out_dir / MANIFEST
    write_text(path, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return path


def merge_shards(out_dir: Path, target: Path) -> int:
    """Concatenate a finished run's shards in input order into one JSON-lines file."""
    manifest_path = out_dir / MANIFEST
    if not manifest_path.is_file():
        raise EconerError("no manifest.json (not a finished sharded run)", path=out_dir)
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("failed"):
        raise EconerError(f"run has failed shards: {', '.join(manifest['failed'])}",
                          path=manifest_path)
    count = 0
    with atomic_open(target, "wb") as handle:
        for entry in manifest["shards"]:
            with (out_dir / entry["file"]).open("rb") as shard:
                for line in shard:
                    handle.write(line)
                    count += 1
    return count


def failure_message(summary: RunSummary) -> str:
    """One line naming the failed shards and the first error (a bad line keeps its FILE:LINE)."""
    failed = summary.failed
    first = failed[0]
    names = ", ".join(r.name for r in failed[:5]) + (" …" if len(failed) > 5 else "")
    return (f"{len(failed)} of {len(summary.shards)} shards failed ({names}); the others are "
            f"kept, rerun to resume. {first.name}: {first.error}")
