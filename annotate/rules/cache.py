"""The rules' cache of derived data: files named by the content hash of what made them.

Loading the rules derives data that only changes when its inputs do (the parsed and checked
pattern files, the brand list's filter). It is kept in :func:`cache_dir` (never in git),
one ``marshal`` file an entry, under a key hashing every input that shapes it. A missing,
stale, corrupt or unwritable cache costs only time: :func:`load` answers None and the caller
derives the data again.

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
import re
import sys
from pathlib import Path
from typing import Any

# marshal's format is the interpreter's: an entry of another Python is another entry
_PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}".encode()
_CHECK = hashlib.sha1  # a corrupt file fails its check and is derived again


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
        digest.update(len(data).to_bytes(8, "little") + data)
    return f"{kind}-{digest.hexdigest()}.bin"


def load(name: str, folder: Path | None = None) -> Any | None:
    """The data stored under ``name`` (in ``folder``, default :func:`cache_dir`), or None
    (absent, unreadable or corrupt)."""
    try:
        blob = ((folder or cache_dir()) / name).read_bytes()
        check, payload = blob[:20], blob[20:]
        if _CHECK(payload).digest() != check:
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
        tmp.write_bytes(_CHECK(payload).digest() + payload)
        os.replace(tmp, path)
    except OSError:
        pass


# -- compiled regular expressions ---------------------------------------------------------------
try:  # the pieces re.compile is made of (CPython's; elsewhere Regexes is plain re.compile)
    import _sre
    from re import _compiler, _parser

    _SRE: tuple[bytes, ...] | None = (sys.version.encode(), b"%d" % _sre.MAGIC,
                                      b"%d" % _sre.CODESIZE)
except (ImportError, AttributeError):  # pragma: no cover - another interpreter
    _SRE = None


class Regexes:
    """``re.compile`` whose compiled code is kept across processes.

    Speed: the rules compile some 80 long word-list alternations at every start, about 0.04 s
    of it. ``re.compile`` is a parse, a code generation and ``_sre.compile(code)``; this keeps
    the code (a list of ints, :mod:`marshal`-able) under the interpreter's exact version and
    the regex engine's magic number, and calls ``_sre.compile`` with it, which checks the code
    before it makes the pattern. Where any piece of that is missing or refuses, it is
    ``re.compile``. :meth:`save` writes what was compiled anew (``load_rules`` calls it).
    Anything else (``escape``, ``Pattern`` ...) is the ``re`` module's.

    >>> regexes = Regexes()
    >>> regexes.compile("(?P<n>[0-9]+)元").match("12元").group("n")
    '12'
    >>> regexes.escape("a.b")
    'a\\\\.b'
    """

    def __init__(self) -> None:
        self._name = entry("regex", *_SRE) if _SRE else ""
        self._code: dict[tuple[str, int], tuple[Any, ...]] | None = None
        self._made: dict[tuple[str, int], re.Pattern[str]] = {}
        self._new = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        key = (pattern, int(flags))
        made = self._made.get(key)
        if made is not None:
            return made
        if not self._name or not isinstance(pattern, str):
            return re.compile(pattern, flags)
        if self._code is None:
            found = load(self._name)
            self._code = found if isinstance(found, dict) else {}
        code = self._code.get(key)
        try:
            if code is None:  # as re._compiler.compile makes it
                parsed = _parser.parse(pattern, key[1])
                groups = parsed.state.groupdict
                index: list[str | None] = [None] * parsed.state.groups
                for group, number in groups.items():
                    index[number] = group
                code = (int(key[1] | parsed.state.flags),
                        list(map(int, _compiler._code(parsed, key[1]))),  # no int subclasses
                        parsed.state.groups - 1, dict(groups), tuple(index))
                self._new = True
            made = _sre.compile(pattern, *code)
        except Exception:  # noqa: BLE001 - a refused or stale code: compile it as re does
            self._code.pop(key, None)
            made = re.compile(pattern, flags)
        else:
            self._code[key] = code
        self._made[key] = made
        return made

    def save(self) -> None:
        """Keep the code of the patterns this process compiled (only those: a changed rules
        folder leaves no stale entries behind)."""
        if self._new and self._code is not None:
            store(self._name, {key: self._code[key] for key in self._made if key in self._code})
            self._new = False

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


_REGEXES: Regexes | None = None


def regexes() -> Regexes:
    """The process's :class:`Regexes` (its cache file read at the first compile)."""
    global _REGEXES
    if _REGEXES is None:
        _REGEXES = Regexes()
    return _REGEXES
