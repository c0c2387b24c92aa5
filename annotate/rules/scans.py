"""Several word lists searched in a text at once: one automaton pass, split back per list.

Each list's spans are those :class:`~.names.WordScan` finds on its own (``re.finditer`` of
its longest-first alternation): leftmost, then longest, none overlapping.

>>> group = ScanGroup()
>>> money, rate = group.scan(["元", "美元"]), group.scan(["%", "百分", "美元"])
>>> money.spans("5美元和3元，3%"), rate.spans("5美元和3元，3%")
([(1, 3), (5, 6)], [(1, 3), (8, 9)])

Speed: every whole-text list used to cost a pass of its own over the text (some 5 ms each
over the corpus, most of it the search, which meets a CJK text's common first bytes at every
character). One overlapping pass finds every occurrence of every list's words; a list's
leftmost-longest spans are then picked from its own occurrences, by start, then longest
first: an occurrence at or after the end of the last span kept is the next span (the longest
at the leftmost start left). That is the definition of leftmost-longest, so the spans are the
same (tested against :class:`~.names.WordScan` on random lists and texts). The names of
the lexicon and the gazetteer are searched in the same pass (:meth:`ScanGroup.search_names`).
"""

from __future__ import annotations

from itertools import compress
from operator import itemgetter

import ahocorasick_rs


class ScanGroup:
    """Word lists whose spans in a text are found together, at the first list asked.

    The answers for the last text asked are kept (with the text, so that ``is`` identifies
    it): the lists of one labeller are all asked of the same text before the next one.
    """

    __slots__ = ("_lists", "_names", "_owners", "_automaton", "_last")

    def __init__(self) -> None:
        self._lists: list[list[str]] = []
        self._names: list[str] = []  # searched too, every match kept (:meth:`names_in`)
        self._owners: list[tuple[int, ...]] = []  # per word of the automaton: its lists
        self._automaton: ahocorasick_rs.AhoCorasick | None = None
        self._last: tuple[str | None, tuple[list[list[tuple[int, int]]],
                                            list[tuple[int, int, str]]]] = (None, ([], []))

    def scan(self, words: list[str]) -> GroupScan:
        """A scan of ``words`` (the empty word left out) done with the group's others."""
        self._lists.append(sorted({str(w) for w in words if str(w)}))
        self._automaton = None  # (made again, with this list, at the next text)
        self._last = (None, ([], []))
        return GroupScan(self, len(self._lists) - 1)

    def search_names(self, names: list[str]) -> None:
        """Search ``names`` too (distinct, non-empty), in the same pass: every match of
        theirs, overlapping, is :meth:`names_in` (speed: a second automaton's pass over the
        text, ~30 ms a corpus for the 9K names of the lexicon and the gazetteer, cost some
        8 ms more in this one)."""
        self._names = list(names)
        self._automaton = None
        self._last = (None, ([], []))

    def _build(self) -> ahocorasick_rs.AhoCorasick | None:
        owners: dict[str, list[int]] = {}
        for index, words in enumerate(self._lists):
            for word in words:
                owners.setdefault(word, []).append(index)
        # the names first (their index is theirs in ``_names``), then the lists' words, a
        # name among them a second time (the automaton reports both): a match of a list's
        # word is one at an index past the names
        words = sorted(owners)
        patterns = [*self._names, *words]
        self._owners = [()] * len(self._names) + [tuple(owners[w]) for w in words]
        if not patterns:
            return None
        if self._names:  # (the default automaton: a DFA of 9K names takes ~90 ms to build)
            return ahocorasick_rs.AhoCorasick(patterns,
                                              matchkind=ahocorasick_rs.MatchKind.Standard)
        # (a DFA: built in ~1 ms for a few hundred words, searched in about half the time
        # of the default automaton)
        return ahocorasick_rs.AhoCorasick(
            patterns, matchkind=ahocorasick_rs.MatchKind.Standard,
            implementation=ahocorasick_rs.Implementation.DFA)

    def spans(self, text: str, index: int) -> list[tuple[int, int]]:
        """The spans of list ``index`` in ``text``."""
        last = self._last
        if last[0] is not text:
            last = self._last = (text, self._split(text))
        return last[1][0][index]

    def names_in(self, text: str) -> list[tuple[int, int, str]]:
        """Every match of the names (:meth:`search_names`) in ``text``: ``(start, end,
        name)``, overlapping, by start, then longest (a list to read, not to change)."""
        last = self._last
        if last[0] is not text:
            last = self._last = (text, self._split(text))
        return last[1][1]

    def _split(self, text: str) -> tuple[list[list[tuple[int, int]]], list[tuple[int, int, str]]]:
        if self._automaton is None:
            self._automaton = self._build()
        out: list[list[tuple[int, int]]] = [[] for _ in self._lists]
        if self._automaton is None:
            return out, []
        found = self._automaton.find_matches_as_indexes(text, overlapping=True)
        # by start, then longest: two stable C-level sorts (no two matches of a word share
        # start and end)
        found.sort(key=_END, reverse=True)
        found.sort(key=_START)
        names = self._names
        count = len(names)
        named = [(start, end, names[word]) for word, start, end in found if word < count] \
            if count else []
        ends = [0] * len(out)  # per list: the end of its last span
        owners = self._owners
        # (the lists' words only, picked in C: the names' matches are most of them)
        for word, start, end in compress(found, map(count.__le__, map(_WORD, found))):
            for index in owners[word]:
                if start >= ends[index]:  # (the longest at the leftmost start: the first)
                    out[index].append((start, end))
                    ends[index] = end
        return out, named


_WORD, _START, _END = itemgetter(0), itemgetter(1), itemgetter(2)


class GroupScan:
    """One list of a :class:`ScanGroup`: ``spans(text)`` as :class:`~.names.WordScan`."""

    __slots__ = ("_group", "_index")

    def __init__(self, group: ScanGroup, index: int):
        self._group = group
        self._index = index

    def spans(self, text: str) -> list[tuple[int, int]]:
        return self._group.spans(text, self._index)
