"""A cache of derived data: files named by the content hash of what made them.

Data derived from files that only change when their inputs do (the parsed label set, the
rules' checked pattern files, the brand list's filter) is kept in :func:`cache_dir` (never
in git), one ``marshal`` file an entry, under a key hashing every input that shapes it. A
missing, stale, corrupt or unwritable cache costs only time: :func:`load` answers None and
the caller derives the data again. The rules' own entries: ``econer.annotate.rules.cache``.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> name = entry("demo", b"input bytes")
>>> load(name, folder) is None
True
>>> store(name, {"a": [1, 2]}, folder)
>>> load(name, folder)
{'a': [1, 2]}
>>> _ = (folder / name).write_bytes(b"garbage")
>>> load(name, folder) is None
True
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

# marshal's format is the interpreter's: an entry of another Python is another entry
_PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}".encode()


def _check(payload: bytes | memoryview) -> bytes:
    """A corrupt or cut file fails this check and is derived again (a CRC: the entry's name
    already says which content made it; ~4 times the speed of a SHA-1 over ~5 MB a start)."""
    return zlib.crc32(payload).to_bytes(4, "little")


def cache_dir() -> Path:
    """Where derived data is cached (never in git): ``$ECONER_CACHE_DIR``, else the user's
    cache folder (``$XDG_CACHE_HOME/econer``, ``~/.cache/econer``)."""
    if os.environ.get("ECONER_CACHE_DIR"):
        return Path(os.environ["ECONER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "econer"


def entry(kind: str, *inputs: bytes) -> str:
    """The file name of the entry derived from ``inputs`` (contents, format versions)."""
    digest = hashlib.sha1(_PYTHON)
    for data in inputs:
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return f"{kind}-{digest.hexdigest()}.bin"


def load(name: str, folder: Path | None = None) -> Any | None:
    """The data stored under ``name`` (in ``folder``, default :func:`cache_dir`), or None
    (absent, unreadable or corrupt)."""
    try:
        blob = ((folder or cache_dir()) / name).read_bytes()
        payload = memoryview(blob)[4:]  # (no copy of a few MB)
        if len(blob) < 4 or _check(payload) != blob[:4]:
            return None
        return marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store(name: str, data: Any, folder: Path | None = None) -> None:
    """Keep ``data`` (marshal-able) under ``name``, atomically; a failure costs only time."""
    try:
        payload = marshal.dumps(data)
    except ValueError:
        return  # a value marshal cannot keep (none in the rules' data): no cache
    path = (folder or cache_dir()) / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(_check(payload) + payload)
        os.replace(tmp, path)
    except OSError:
        pass
