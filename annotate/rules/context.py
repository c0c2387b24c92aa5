"""Firms with no list entry, found by what the text says about them.

A short name such as 高科奶业, 喜力亚太 or KDDI is in no lexicon and has no company word, but
some contexts are only said of a firm: its officers (X董事长, X首席执行官), its shares and
accounts (X股价, X市值, X净利润), its group (X旗下, X子公司), or an alias the text declares
for a firm it names in full (…有限公司（简称“X”）). Each finder here is anchored on those
words (one regex of literal alternatives), never tried at every character, and reads the name
leftwards with the name finder's boundaries (``names.NameFinder._left``).

>>> from econer.annotate.rules.patterns import load_patterns
>>> from econer.annotate.rules.names import NameFinder
>>> finder = NameFinder(load_patterns())
>>> def show(text):
...     return [(text[s:e], rule) for s, e, _, rule, _, _ in find(finder, text, [], [])]
>>> show("记者获悉，高科奶业董事长表示")
[('高科奶业', 'company.context')]
>>> show("公司董事长表示")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # names imports this module; the finder is passed in
    from econer.annotate.rules.names import NameFinder, NameHit

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&\-. ]{0,18}[A-Za-z0-9]|[A-Z]{2}")
# an alias declared for a full name: …有限公司（简称“顺达科技”）, (以下简称"顺达")
_DECLARED = re.compile(r"[（(]\s*(?:以下|下文)?(?:简称|下称)[：:为]?\s*[“\"「『]"
                       r"([^”\"」』（）()\n]{2,12})[”\"」』]")
_HAN_THEN_LATIN = re.compile(r"[\u4e00-\u9fff][A-Za-z]")
_HAN = re.compile("[\u4e00-\u9fff]")
_AFTER_OBJECT = frozenset("的在侵并和与及")  # 起诉三星的, 起诉三星侵权
_DATE_END = re.compile(r"[0-9０-９][日号]$")
_PARTICLES = frozenset("着了过地得")
_MAX_HAN = 6  # a short name with no company word is 2 to 6 characters


def find(finder: NameFinder, text: str, hits: list[NameHit],
         matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
    """Every context candidate of ``text`` (the labeller resolves overlaps)."""
    yield from _before_trigger(finder, text, matches)
    yield from _declared(finder, text, hits)
    yield from _brand_acting(finder, text, matches)


def _brand_acting(finder: NameFinder, text: str,
                  matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
    """A name of the 267K short-name list acting as a firm acts (奥的斯宣布, 旭硝子计划投资,
    起诉三星): a firm's verb right after it (``BRAND_ACTION``), or a lawsuit verb right before
    it (``BRAND_ACTION_BEFORE``). The list alone is too weak (苹果, 三星 are words too)."""
    brands = finder.gazetteer.brands if finder.gazetteer else frozenset()
    action, before = finder.brand_action, finder.brand_action_before
    if not brands or action is None:
        return
    inside: set[int] | None = None  # where a listed or known name goes on (made when needed)
    for match in action.finditer(text):
        end = match.start()
        if end < 2 or not (_HAN.match(text, end - 1) or text[end - 1].isalnum()):
            continue  # no name ends here (发布公告, “公告”)
        if inside is None:
            inside = {i for s, e, _ in matches for i in range(s + 1, e)}
        if end in inside:
            continue
        for size in range(6, 1, -1):  # the longest name before the verb
            start = end - size
            if start >= 0 and text[start:end] in brands and \
                    _brand_ok(finder, text, start, end, brands):
                yield (start, end, "COMPANY", "company.brand.action",
                       finder.score("company.brand.action"), 0)
                break
    if before is None:
        return
    for match in before.finditer(text):
        for size in range(6, 1, -1):
            start, end = match.end(), match.end() + size
            if end <= len(text) and (end == len(text) or text[end] in _AFTER_OBJECT
                                     or not _HAN.match(text, end)) and \
                    _brand_ok(finder, text, start, end, brands, after_verb=True):
                yield (start, end, "COMPANY", "company.brand.action",
                       finder.score("company.brand.action"), 0)
                break


def _brand_ok(finder: NameFinder, text: str, start: int, end: int, brands,  # noqa: ANN001
              after_verb: bool = False) -> bool:
    name = text[start:end]
    if name not in brands or finder.company_generic.fullmatch(name) or \
            name in finder.lexicon.stop.get("COMPANY", ()) or \
            finder.boundary_start.fullmatch(name):  # 首家员工持股的: a word, not a name
        return False
    if start > 0 and (text[start - 1] in "·•-－—" or text[start - 1].isdigit()):
        return False  # 迈克·威尔逊: a person's name; 1.6万名员工: a count
    if finder._straddled(text, start):
        return False  # 已经发公告: 经发 starts mid-word
    # the name opens a clause: punctuation, a date or a boundary word before it
    return after_verb or finder._starts_cleanly(text, start) or bool(
        _DATE_END.search(text, max(0, start - 3), start)
        or finder.boundary_end.search(text, max(0, start - 4), start))


def _before_trigger(finder: NameFinder, text: str,
                    matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
    """X董事长, X股价, X旗下: the name before a word only a firm has (``CONTEXT_TRIGGER``)."""
    trigger = finder.context_trigger
    if trigger is None:
        return
    brands = finder.gazetteer.brands if finder.gazetteer else frozenset()
    known_end: dict[int, int] = {}  # a listed or known name ending here decides by itself
    for s, e, _ in matches:
        known_end[e] = min(known_end.get(e, s), s)
    for match in trigger.finditer(text):
        end = match.start()
        if end < 2 or end in known_end or not (_HAN.match(text, end - 1)
                                               or text[end - 1].isalpha()):
            continue  # no name ends here
        latin = _latin_before(text, end)
        if latin is not None:
            start = latin
        else:
            start = finder._left(text, end, _MAX_HAN + 2, finder.non_name,
                                 finder.company_boundary)
            if end - start > _MAX_HAN or (start > 0 and start == end - _MAX_HAN - 2):
                continue  # no clear start within reach: a phrase, not a name
            if text.startswith(("公司", "企业"), start) and end - start > 3:
                start += 2  # 托管公司高科奶业: the generic word before the name stays out
            place = finder.place.match(text, start, end)
            if place:  # a place before a short name stays out (浙江华鼎董事长 → 华鼎)
                start = place.end()
            # 撬惠普中国副总裁, 挖角华为终端: a known name inside or across the start decides it
            for a, b, _ in matches:  # by start
                # (a boundary word inside a known name, 华为's 为, cut it: the name is whole)
                if a != start and start <= b <= end and a >= end - _MAX_HAN - 2 and not any(
                        x < a < y for x, y, _ in matches):  # 北大荒 holds 大荒
                    start = a
                    break
        name = text[start:end]
        if name in brands or not _name_ok(finder, text, start, end, name):
            continue  # a name of the 267K list is company.brand.trigger's
        yield (start, end, "COMPANY", "company.context", finder.score("company.context"), 0)


def _latin_before(text: str, end: int) -> int | None:
    """Where a latin name ending at ``end`` starts (KDDI首席执行官), or None."""
    if not text[end - 1].isascii() or not text[end - 1].isalnum():
        return None
    start = end
    while start > 0 and (text[start - 1].isascii() and (text[start - 1].isalnum()
                                                         or text[start - 1] in "&-. ")):
        start -= 1
    while start < end and not text[start].isalpha():
        start += 1  # digits or spaces before the first letter are not the name
    match = _LATIN.fullmatch(text, start, end)
    return start if match else None


def _name_ok(finder: NameFinder, text: str, start: int, end: int, name: str) -> bool:
    if len(name) < 2 or finder.non_name.search(name) and not name.isascii() \
            or name[0] in "（(":
        return False
    if name.isascii():
        # a latin word in a Chinese text: letters, at least two capitals or one and a
        # lowercase run (KDDI, Gartner), not a unit or a product code (GDP CEO, A6)
        return sum(c.isupper() for c in name) >= 1 and not any(c.isdigit() for c in name) \
            and name.upper() not in finder.context_not_latin
    if finder.company_generic.fullmatch(name) or finder.place.fullmatch(name):
        return False
    if len(name) < 3 or any(c in _PARTICLES for c in name):
        return False  # 巨头旗下, 接替总裁, 管理着朱雀: two characters are mostly a word
    if _HAN_THEN_LATIN.search(name):
        return False  # 指HTC侵犯: a latin name inside a Chinese phrase (TCL通讯 is a name)
    if name in finder.lexicon.stop.get("COMPANY", ()) or name.endswith(finder.context_not_end):
        return False
    # 所以联想控股, 我国新能源: the start is mid-word
    return name[0] not in finder.function_start and not finder._straddled(text, start)


def _declared(finder: NameFinder, text: str, hits: list[NameHit]) -> Iterator[NameHit]:
    """顺达科技有限公司（简称“顺达科技”）: the alias a text declares for a firm it names."""
    if "简称" not in text and "下称" not in text:
        return
    ends = {e for s, e, label, rule, _, _ in hits if label == "COMPANY"}
    for match in _DECLARED.finditer(text):
        if match.start() not in ends:
            continue  # only for a firm found right before it
        start, end = match.span(1)
        name = text[start:end].strip()
        if not name or finder.company_generic.fullmatch(name):
            continue
        yield (start, end, "COMPANY", "company.declared", finder.score("company.declared"), 0)
