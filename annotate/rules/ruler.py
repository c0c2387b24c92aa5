"""The rule pre-labeller: pattern files in, non-overlapping scored spans out.

>>> from econer.spans import Document
>>> labeller = load_rules()
>>> doc = labeller(Document.from_text("总投资近170亿元，同比增长8.24%，提高3.5个百分点"))
>>> for span in doc.spans:
...     print(span.text, span.label, span.source)
170亿元 AMOUNT rules:amount.arabic
8.24% RATE rules:rate.percent
3.5个百分点 RATE rules:rate.points
>>> doc.spans[0].value
Value(number=17000000000.0, unit='CNY', approx=False)

Every rule proposes candidates; where candidates overlap, the longest wins, then the one of
higher priority, then the one of higher score (the spec: "keep the longer, more specific
one"). Spans never cross a line break.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from econer.annotate.rules import cache, context, names
from econer.annotate.rules.numbers import amount_value, rate_value
from econer.annotate.rules.patterns import (
    Patterns,
    Rule,
    is_literal,
    load_patterns,
    top_alternatives,
)
from econer.annotate.rules.scans import GroupScan, ScanGroup

from econer.errors import EconerError
from econer.spans import Document, Span, Value


class Candidate(NamedTuple):
    """A rule's proposal (a named tuple: a pass makes tens of thousands of them)."""

    start: int
    end: int
    label: str
    rule: str
    score: float
    priority: int = 0
    value: Value | None = None


# speed: a Candidate made as the tuple it is (Candidate(...) is a Python-level __new__ that
# does just this), some 25K a pass
_candidate = tuple.__new__


class RuleLabeller:
    """Callable ``Document -> Document`` with rule spans; ``pipe`` streams many."""

    def __init__(self, patterns: Patterns):
        self.patterns = patterns
        self.version = patterns.version
        self._currency = {str(k): str(v) for k, v in
                          dict(patterns.lists.get("CURRENCY") or {}).items()}
        self._names = names.NameFinder(patterns)
        # a value is a function of the rule and its match's groups: computed once each
        self._values: dict[tuple[str, tuple[str | None, ...]], Value | None] = {}
        # per rule, what every text asks of it: its anchor's windows' key, its span's group
        self._plan = [(rule, None if rule.anchor is None else (rule.anchor.pattern, rule.reach),
                       "span" if "span" in rule.regex.groupindex else 0)
                      for rule in patterns.rules]
        # the anchors' finditer by an automaton where it finds the same (speed: re tries their
        # first characters at every character of the text), each anchor once, searched with
        # the names' whole-text word lists (scans.ScanGroup)
        anchors = {rule.anchor.pattern: rule.anchor for rule in patterns.rules
                   if rule.anchor is not None}
        self._anchor_scans = {pattern: _anchor_scan(anchor, self._names.scans)
                              for pattern, anchor in anchors.items()}

    # -- candidates -------------------------------------------------------------------
    def candidates(self, text: str) -> list[Candidate]:
        """Every rule's proposals for ``text``, overlapping (see :meth:`spans`)."""
        found: list[Candidate] = []
        windows: dict[tuple[str, tuple[int, int]], list[tuple[int, int]]] = {}
        whole = [(0, len(text))]
        for rule, key, group in self._plan:
            if key is None:
                spans = whole
            else:
                spans = windows.get(key)
                if spans is None:
                    scan = self._anchor_scans.get(key[0])
                    spans = windows[key] = anchor_windows(rule.anchor, text, *rule.reach) \
                        if scan is None else _windows(scan.spans(text), len(text), *rule.reach)
            if spans:
                self._regex_candidates(found, rule, group, text, spans)
        precision = self.patterns.precision  # (a rule's calibrated score; ~17K names a pass)
        found.extend([_candidate(Candidate, (s, e, label, rule, float(precision.get(rule, default)),
                                             prio, None))
                      for s, e, label, rule, default, prio in self._names.find(text)])
        return found

    def _regex_candidates(self, found: list[Candidate], rule: Rule, group: str | int,
                          text: str, windows: list[tuple[int, int]]) -> None:
        """Add ``rule``'s candidates in ``windows`` of ``text`` to ``found`` (speed: a list
        filled in place, not a generator made per rule and text, some 15K a pass)."""
        finditer, context, values = rule.regex.finditer, rule.context, self._values
        required, append = rule.required, found.append
        made = (rule.label, rule.name, rule.score, rule.priority)
        for lo, hi in windows:
            if required and text.find(required, lo, hi) == -1:
                continue  # no match can be here
            for match in finditer(text, lo, hi):
                start, end = match.span(group)
                if start >= end or (context and not context.holds(text, start, end)):
                    continue
                if rule.value:
                    key = (rule.name, match.groups())
                    if key in values:
                        value = values[key]
                    else:
                        if len(values) > 100_000:
                            values.clear()  # bounded, on a stream of any length
                        value = values[key] = self._value(rule, match, text)
                    if value is None:
                        continue
                else:
                    value = None
                append(_candidate(Candidate, (start, end, *made, value)))

    def _value(self, rule: Rule, match: re.Match[str], text: str) -> Value | None:
        groups = match.groupdict()
        number = groups.get("num") or groups.get("num2") or ""
        vague = bool(groups.get("vague") or groups.get("vague2"))
        # approximate is what the span itself says (余, 多, 几, 六七, a range); words around
        # it (近, 超, 以上, 左右) stay out of the span and out of the value, as in the gold
        outside = False
        try:
            if rule.value == "amount":
                code = self._currency.get(groups.get("cur") or "", "CNY")
                first, ranged = _first_bound(number)
                return amount_value(first, groups.get("mag") or "", code,
                                    approx=vague or ranged or outside,
                                    fraction=groups.get("frac") or "")
            first, ranged = _first_bound(number)
            if groups.get("sign"):
                first = "-" + first
            return rate_value(first, groups.get("unit") or "%",
                              approx=vague or ranged or outside)
        except EconerError:
            return None  # a shape the numeral parser does not know: no span beats a wrong one

    # -- resolution ---------------------------------------------------------------------
    def spans(self, text: str) -> list[Span]:
        """The chosen spans of ``text``: non-overlapping, sorted, each with its rule."""
        chosen = resolve(self.candidates(text))
        precision = self.patterns.precision  # (the repeat rule's calibrated score, as above)
        # a brand list's items (索尼、三星等品牌) are no COMPANY there, however found, but the
        # brand names the firm at its other mentions (剥离惠氏, 雷诺-日产全球总裁)
        brand_listed = self._names.brand_listed(text)
        seeds = [(c.start, c.end, c.label, c.rule) for c in chosen]
        seeds += [(s, e, "COMPANY", "company.brand_list") for s, e in brand_listed
                  if self._names.firm_named(text[s:e])]
        again = [_candidate(Candidate, (s, e, label, rule, float(precision.get(rule, score)),
                                        prio, None)) for s, e, label, rule, score, prio
                 in self._names.repeats(text, seeds)]
        if again:  # other mentions of the names chosen (they overlap no chosen span)
            chosen = resolve(chosen + again)
        listed = context.between(self._names, text,
                                 [(c.start, c.end, c.label, c.rule) for c in chosen])
        if listed:  # names of a list between two chosen firms (they lie between spans)
            chosen = resolve(chosen + [_candidate(Candidate, (s, e, label, rule, float(
                precision.get(rule, score)), prio, None)) for s, e, label, rule, score, prio
                in listed])
        if brand_listed:
            chosen = [c for c in chosen if c.label != "COMPANY"
                      or (c.start, c.end) not in brand_listed]
        chosen = _with_glosses(text, chosen)  # last: every rule above reads the bare names
        return [Span(c.start, c.end, c.label, text[c.start : c.end], c.score, f"rules:{c.rule}",
                     c.value) for c in chosen]

    def repeats(self, text: str, spans: Iterable[Span]) -> list[Span]:
        """Other mentions of the COMPANY names among ``spans`` (from any source), by the
        rules' own repeat rule (they open a word, overlap none of ``spans``, are no product
        or sector): how the hybrid spreads a name it took from a model.

        >>> text = "与宏图科技签约。宏图科技表示"
        >>> [s.text for s in load_rules().repeats(text, [Span.at(text, 1, 5, "COMPANY")])]
        ['宏图科技']
        """
        chosen = [(s.start, s.end, s.label, (s.source or "").removeprefix("rules:"))
                  for s in spans]
        precision = self.patterns.precision  # (calibrated, as every other rule's spans)
        return [Span.at(text, s, e, label, score=float(precision.get(rule, score)),
                        source=f"rules:{rule}")
                for s, e, label, rule, score, _ in self._names.repeats(text, chosen)]

    def __call__(self, doc: Document) -> Document:
        return doc.with_spans(self.spans(doc.text))

    def pipe(self, docs: Iterable[Document], workers: int = 1,
             chunksize: int = 64) -> Iterator[Document]:
        """Label a stream of documents, in order; ``workers > 1`` uses that many processes
        (``workers=0``: one per core)."""
        if workers == 0:
            workers = os.cpu_count() or 1
        if workers <= 1:
            for doc in docs:
                yield self(doc)
            return
        from econer.annotate.rules.parallel import label_in_processes

        yield from label_in_processes(docs, str(self.patterns.folder), workers, chunksize)


def _with_glosses(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A firm's latin name in brackets right after it joins its span (see
    :func:`~.context.gloss_end`); a span read inside those brackets goes.

    >>> text = "据高德纳(Gartner)统计"
    >>> chosen = [Candidate(1, 4, "COMPANY", "c", 0.8), Candidate(5, 12, "COMPANY", "l", 0.7)]
    >>> [(c.start, c.end) for c in _with_glosses(text, chosen)]
    [(1, 13)]
    """
    out: list[Candidate] = []
    reach = -1
    for at, cand in enumerate(chosen):
        if cand.start < reach:
            continue  # inside a gloss that joined the name before it
        if cand.label == "COMPANY" and (end := context.gloss_end(text, cand.end)) is not None:
            cand = cand._replace(end=end)
            reach = end
        elif cand.label == "COMPANY" and at + 1 < len(chosen) and \
                _bracketed_firm(text, cand.end, chosen[at + 1]):
            reach = chosen[at + 1].end + 1  # 瑞银集团(UBS): an initialism the rules know as a
            cand = cand._replace(end=reach)  # firm is its gloss, no ticker (英特尔(INTC))
        out.append(cand)
    return out


def _bracketed_firm(text: str, end: int, after: Candidate) -> bool:
    """A firm's latin name the rules read (UBS, HTC) fills the brackets right after ``end``.

    >>> text = "瑞银集团(UBS)称"
    >>> _bracketed_firm(text, 4, Candidate(5, 8, "COMPANY", "l", 0.9))
    True
    """
    return after.label == "COMPANY" and after.start == end + 1 and \
        text[end : end + 1] in "(（" and text[after.end : after.end + 1] in ")）" and \
        text[after.start : after.end].isascii()


def anchor_windows(anchor: re.Pattern[str], text: str, before: int,
                   after: int) -> list[tuple[int, int]]:
    """Disjoint windows of ``text`` around the matches of ``anchor``.

    >>> anchor_windows(re.compile("元"), "a" * 50 + "5元" + "b" * 50 + "6元", 10, 2)
    [(41, 54), (93, 104)]
    """
    return _windows(map(_SPAN, anchor.finditer(text)), len(text), before, after)


_SPAN = re.Match.span


def _windows(found: Iterable[tuple[int, int]], size: int, before: int,
             after: int) -> list[tuple[int, int]]:
    """:func:`anchor_windows` of the anchor's spans ``found`` in a text of ``size``."""
    out: list[tuple[int, int]] = []
    for start, end in found:
        start, end = max(0, start - before), min(size, end + after)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _anchor_scan(anchor: re.Pattern[str], group: ScanGroup | None = None,
                 ) -> names.WordScan | GroupScan | None:
    """The anchor's spans by :class:`~.names.WordScan` (or a scan of ``group``, the same
    spans found with the group's other lists) where it finds what ``finditer`` finds:
    an alternation of plain words, none after a shorter one it starts with (``re`` takes the
    first alternative that matches, the automaton the longest); else None.

    >>> _anchor_scan(re.compile("美元|元|亿")) is not None, _anchor_scan(re.compile("元|元宝"))
    (True, None)
    """
    words = top_alternatives(anchor.pattern)
    if not words or anchor.flags & re.IGNORECASE or \
            not all(word and is_literal(word) for word in words):
        return None
    if any(later != word and later.startswith(word)
           for i, word in enumerate(words) for later in words[i + 1:]):
        return None
    return names.WordScan(words) if group is None else group.scan(words)


def _first_bound(number: str) -> tuple[str, bool]:
    """The lower bound of a range written with a separator (1300~1400 → 1300, ranged)."""
    for i, char in enumerate(number):
        if i and char in "~～-—–－至到、":
            return number[:i], True
    return number, False


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longest first, then priority, then score, then leftmost.

    >>> a = Candidate(0, 4, "PARK", "park", 0.9)
    >>> b = Candidate(2, 8, "COMPANY", "company", 0.8)
    >>> c = Candidate(8, 10, "RATE", "rate", 0.99)
    >>> [x.rule for x in resolve([a, b, c])]
    ['company', 'rate']
    """
    # stable sorts, least significant key first (reverse keeps ties in order): the order of
    # one sort by (-length, -priority, -score, start), with C-level keys but one
    order = sorted(candidates, key=_START)
    order.sort(key=_SCORE, reverse=True)
    order.sort(key=_PRIORITY, reverse=True)
    order.sort(key=_length, reverse=True)
    # one byte per character: taken or not (linear, where a sorted list of spans with
    # inserts would be quadratic on a 1 MB document full of entities)
    taken = bytearray(max(map(_END, candidates), default=0))
    kept: list[Candidate] = []
    for cand in order:
        if taken.find(1, cand.start, cand.end) != -1:
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    return sorted(kept, key=_START)


_START, _END, _SCORE, _PRIORITY = (itemgetter(Candidate._fields.index(name))
                                   for name in ("start", "end", "score", "priority"))


def _length(cand: Candidate) -> int:
    return cand.end - cand.start


def load_rules(folder: str | Path | None = None) -> RuleLabeller:
    """The labeller of a rules folder (default ``configs/rules/``)."""
    # speed: loading makes some 100K objects that live as long as the labeller; the cyclic
    # garbage collector, run meanwhile, would scan them again and again (~4 ms of a start)
    collecting = gc.isenabled()
    gc.disable()
    try:
        labeller = RuleLabeller(load_patterns(folder))
    finally:
        if collecting:
            gc.enable()
    cache.regexes().save()  # the code of regexes compiled anew, for the next start
    return labeller
