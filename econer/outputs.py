"""Outputs that never destroy inputs and land together, or not at all.

Two guards every command that writes files goes through:

* :func:`guard` refuses an output that is the same file as one of the command's inputs or
  as another of its outputs (by resolved path and by inode, so links and ``./x`` vs ``x``
  are caught), and an output that is a folder, before any work is done.
* :class:`Outputs` prepares every output of a command in a temporary file beside its
  target and renames them all into place only when the command succeeded. Any exception,
  ``KeyboardInterrupt`` and the :class:`~econer.errors.Interrupted` a signal raises
  included, removes the temporary files and leaves every target as it was.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> with Outputs() as out:
...     out.write_text(folder / "a.txt", "A")
...     out.write_text(folder / "b.txt", "B")
...     (folder / "a.txt").exists()  # nothing is in place before the commit
False
>>> sorted(p.name for p in folder.iterdir())
['a.txt', 'b.txt']
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from econer.errors import EconerError
from econer.spans import Document

# The suffixes a folder input is read for (ingest reads .txt and .jsonl files under it).
_READ_SUFFIXES = (".txt", ".jsonl", ".json")


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file: the same resolved path, or the same inode.

    >>> same_file("x/../y.jsonl", "y.jsonl")
    True
    >>> same_file("a.jsonl", "b.jsonl")
    False
    """
    a, b = Path(a), Path(b)
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): different files
        return False


def _input_files(path: Path) -> Iterator[Path]:
    """The files an input path stands for: itself, or the readable files under a folder."""
    if path.is_dir():
        for dirpath, _dirs, files in os.walk(path):
            for name in files:
                if name.endswith(_READ_SUFFIXES):
                    yield Path(dirpath, name)
    else:
        yield path


def guard(inputs: Iterable[str | Path | None], outputs: Iterable[tuple[str, str | Path | None]],
          ) -> None:
    """Refuse outputs that would overwrite an input, each other, or a folder.

    ``outputs`` are ``(option, path)`` pairs, e.g. ``("--out", out)``, so the message
    names the option; ``None`` paths (options not given) are skipped.

    >>> guard(["gold.jsonl"], [("--out", "x/../gold.jsonl")])
    Traceback (most recent call last):
    ...
    econer.errors.EconerError: --out x/../gold.jsonl is the input gold.jsonl: refusing to ...
    >>> guard([], [("--out", "g.jsonl"), ("--report", "g.jsonl")])
    Traceback (most recent call last):
    ...
    econer.errors.EconerError: --report g.jsonl is also --out: give each output its own file
    """
    named = [(opt, Path(p)) for opt, p in outputs if p is not None]
    for i, (opt, path) in enumerate(named):
        if path.is_dir():
            raise EconerError(f"{opt} {path} is a folder, expected a file name")
        _check_writable(opt, path)
        for other_opt, other in named[:i]:
            if same_file(path, other):
                raise EconerError(f"{opt} {path} is also {other_opt}: "
                                  "give each output its own file")
        for given in inputs:
            if given is None:
                continue
            for source in _input_files(Path(given)):
                if same_file(path, source):
                    raise EconerError(f"{opt} {path} is the input {source}: "
                                      "refusing to overwrite it")


def _check_writable(opt: str, path: Path) -> None:
    """Fail before any work where ``path`` cannot be made: its nearest existing ancestor
    must be a folder we may write in (the folders below it are made on writing)."""
    folder = path.absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise EconerError(f"{opt} {path}: cannot write here, {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise EconerError(f"{opt} {path}: cannot write here, no permission to write in "
                          f"{folder}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold stop signals back for a few statements that must not be split (making a
    temporary file and recording it for removal); they are delivered right after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class Outputs:
    """A transaction over a command's output files (see the module docstring).

    Temporary files are made beside their targets (``.NAME.XXXX.tmp``), so a folder that
    cannot be written fails before anything is replaced, and the final renames stay on one
    file system (atomic each).
    """

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []  # (temporary file, target)

    def __enter__(self) -> Outputs:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()

    def _temp(self, target: Path) -> tuple[int, Path]:
        if target.is_dir():
            raise EconerError("is a folder, expected a file name", path=target)
        if any(same_file(done, target) for _tmp, done in self._pending):
            raise EconerError("written twice by one command", path=target)
        import tempfile  # here: with shutil and random, ~4 ms of every start that writes nothing

        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with signals_deferred():  # a stop signal between the two would orphan the file
                fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                           dir=target.parent)
                self._pending.append((Path(tmp), target))
        except OSError as exc:
            raise EconerError(f"cannot write here: {exc.strerror}", path=target) from None
        return fd, Path(tmp)

    @contextlib.contextmanager
    def open(self, target: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
        """A handle on the temporary file that becomes ``target`` at the commit."""
        fd, _tmp = self._temp(Path(target))
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())

    def write_text(self, target: str | Path, text: str) -> None:
        with self.open(target) as handle:
            handle.write(text)

    def write_json(self, target: str | Path, data: Any) -> None:
        self.write_text(target, json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def write_documents(self, target: str | Path, docs: Iterable[Document]) -> int:
        """Documents as JSON lines (``docs`` may be a generator); how many were written."""
        count = 0
        with self.open(target) as handle:
            for doc in docs:
                handle.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
                count += 1
        return count

    def commit(self) -> None:
        """Rename every prepared file onto its target."""
        mode = 0o666 & ~_umask()  # mkstemp makes 0600; outputs get the usual mode
        try:
            for tmp, _target in self._pending:
                os.chmod(tmp, mode)
            for tmp, target in self._pending:
                os.replace(tmp, target)
        except OSError as exc:
            self.discard()
            raise EconerError(f"cannot write: {exc.strerror}",
                              path=exc.filename or None) from None
        self._pending.clear()

    def discard(self) -> None:
        """Remove every temporary file; the targets stay as they were."""
        for tmp, _target in self._pending:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        self._pending.clear()
