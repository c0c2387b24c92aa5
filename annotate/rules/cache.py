"""The rules' cache of derived data: files named by the content hash of what made them.

Loading the rules derives data that only changes when its inputs do (the parsed and checked
pattern files, the brand list's filter, the compiled regexes). It is kept by
:mod:`econer.cache` (its :func:`cache_dir`, :func:`entry`, :func:`load` and :func:`store`
are this module's too): one ``marshal`` file an entry, under a key hashing every input that
shapes it. A missing, stale, corrupt or unwritable cache costs only time: :func:`load`
answers None and the caller derives the data again (the round trip is
:mod:`econer.cache`'s doctest).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from econer.cache import cache_dir, entry, load, store

__all__ = ["Regexes", "cache_dir", "entry", "load", "regexes", "store"]

# -- compiled regular expressions ---------------------------------------------------------------
try:  # the pieces re.compile is made of (CPython's; elsewhere Regexes is plain re.compile)
    import _sre
    from re import _compiler, _constants, _parser

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
        try:  # the entry of this interpreter, regex engine and module (_required may change)
            self._name = entry("regex", *_SRE, Path(__file__).read_bytes()) if _SRE else ""
        except OSError:
            self._name = ""
        # (pattern, flags) → (the arguments of _sre.compile, a literal every match holds)
        self._code: dict[tuple[str, int], tuple[tuple[Any, ...], str]] | None = None
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
        made = None
        for kept in (self._code.get(key), None):  # the kept entry, else one made anew
            try:
                if kept is None:
                    kept = _make(pattern, key[1])
                    self._new = True
                made = _sre.compile(pattern, *kept[0])
                if not isinstance(kept[1], str):
                    raise TypeError("a broken entry")
            except Exception:  # noqa: BLE001 - refused (a broken entry), or no _sre here
                self._code.pop(key, None)
                made = None
            else:
                self._code[key] = kept
                break
        if made is None:
            made = re.compile(pattern, flags)
        self._made[key] = made
        return made

    def required(self, pattern: str, flags: int = 0) -> str:
        """A literal every match of ``pattern`` holds within its span ("" where none is
        known): a stretch of text without it holds no match.

        >>> Regexes().required("(?<!x)[0-9]+个(?P<mag>亿)(?!元)"), Regexes().required("a|b")
        ('个亿', '')
        """
        self.compile(pattern, flags)
        kept = self._code.get((pattern, int(flags))) if self._code is not None else None
        return kept[1] if kept is not None else ""

    def save(self) -> None:
        """Keep the code of the patterns this process compiled (only those: a changed rules
        folder leaves no stale entries behind)."""
        if self._new and self._code is not None:
            store(self._name, {key: self._code[key] for key in self._made if key in self._code})
            self._new = False

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


def _make(pattern: str, flags: int) -> tuple[tuple[Any, ...], str]:
    """The arguments of ``_sre.compile`` as ``re._compiler.compile`` makes them, and the
    pattern's required literal."""
    parsed = _parser.parse(pattern, flags)
    groups = parsed.state.groupdict
    index: list[str | None] = [None] * parsed.state.groups
    for group, number in groups.items():
        index[number] = group
    code = (int(flags | parsed.state.flags),
            list(map(int, _first_skipping_code(parsed, flags)
                     or _compiler._code(parsed, flags))),  # marshal: no int subclasses
            parsed.state.groups - 1, dict(groups), tuple(index))
    caseless = (flags | parsed.state.flags) & re.IGNORECASE
    return code, "" if caseless else _required(parsed.data)


def _first_skipping_code(parsed: Any, flags: int) -> list[int] | None:
    """``re._compiler._code(parsed, flags)`` with the set of characters a match can start with
    in its info block, where ``re`` finds none (None there: the compiler's code is it).

    Speed: ``re`` skips to the places a match can start at only when the pattern opens with a
    literal or a class. The amount and rate rules open with a lookbehind (no digit before the
    number), so ``re`` tried them at every place of every window; this set, the same as
    ``re`` writes for a class, makes the search skip to the digits. Only the search loop
    reads it (``match`` does not), and each match still runs the whole code: the same
    matches, if the set holds every first character (:func:`_first`, sound by construction,
    tested against ``re.compile`` on random texts)."""
    flags |= parsed.state.flags
    lo, hi = parsed.getwidth()
    if lo == 0 or flags & (re.IGNORECASE | re.LOCALE):
        return None
    prefix, _, _ = _compiler._get_literal_prefix(parsed, flags)
    if prefix or _compiler._get_charset_prefix(parsed, flags):
        return None  # re's own prefix or class: its code as it is
    first = _first(parsed.data)
    if first is None or first[1] or not first[0]:
        return None  # a character no class here bounds, or a match that may be empty
    charset, hascased = _compiler._optimize_charset(first[0])
    if hascased:
        return None
    code = [_constants.INFO, 0, _constants.SRE_INFO_CHARSET, min(lo, _compiler.MAXCODE),
            min(hi, _compiler.MAXCODE)]
    _compiler._compile_charset(charset, flags, code)
    code[1] = len(code) - 1
    _compiler._compile(code, parsed.data, flags)
    code.append(_constants.SUCCESS)
    return code


def _first(items: Any) -> tuple[list[tuple[Any, Any]], bool] | None:
    """The characters a match of the parsed sequence ``items`` can start with (as class
    items: literals and ranges), and whether it can match empty; None where a first
    character is not bounded so (any character, a category, a negated class, a backref)."""
    chars: list[tuple[Any, Any]] = []
    for op, av in items:
        if op in (_constants.ASSERT, _constants.ASSERT_NOT, _constants.AT):
            continue  # zero width: the next item consumes the first character
        if op is _constants.LITERAL:
            return [*chars, (op, av)], False
        if op is _constants.IN:
            if not all(o in (_constants.LITERAL, _constants.RANGE) for o, _ in av):
                return None
            return [*chars, *av], False
        if op is _constants.SUBPATTERN:
            inner = _first(av[-1].data)
        elif op is _constants.BRANCH:
            alts = [_first(alt.data) for alt in av[1]]
            if any(alt is None for alt in alts):
                return None
            inner = ([c for alt in alts for c in alt[0]], any(alt[1] for alt in alts))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            inner = _first(av[2].data)
            if inner is not None and av[0] == 0:
                inner = (inner[0], True)  # may repeat no time: what follows may come first
        else:
            return None
        if inner is None:
            return None
        chars.extend(inner[0])
        if not inner[1]:
            return chars, False
    return chars, True


def _required(items: Any) -> str:
    """The longest literal run that every match of the parsed sequence ``items`` consumes
    (sound, not complete: a branch, an optional part or an assertion ends a run)."""
    runs, run = [], []
    for op, av in items:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        if op is _constants.SUBPATTERN and av[1] & re.IGNORECASE:
            op = None  # (?i:...): its literals match other cases too; it ends a run, no more
        if op is _constants.SUBPATTERN and all(o is _constants.LITERAL for o, _ in av[-1].data):
            run.extend(chr(a) for _, a in av[-1].data)  # a group of literals: (?P<mag>亿)
            continue
        runs.append("".join(run))
        run = []
        if op is _constants.SUBPATTERN:  # a group: its own required literal is required
            runs.append(_required(av[-1].data))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and av[0] >= 1:
            runs.append(_required(av[2].data))
        elif op is _constants.BRANCH:  # what every alternative's literal ends with (万亿|亿)
            ends = [_required(alt.data) for alt in av[1]]
            runs.append(ends[0][len(ends[0]) - _common_suffix(ends):] if ends else "")
    runs.append("".join(run))
    return max(runs, key=len)


def _common_suffix(words: list[str]) -> int:
    size = min(map(len, words))
    while size and len({w[len(w) - size:] for w in words}) > 1:
        size -= 1
    return size


_REGEXES: Regexes | None = None


def regexes() -> Regexes:
    """The process's :class:`Regexes` (its cache file read at the first compile)."""
    global _REGEXES
    if _REGEXES is None:
        _REGEXES = Regexes()
    return _REGEXES
