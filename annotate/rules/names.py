"""COMPANY and PARK names: suffixes and heads read leftwards, enumerations, aliases.

A Chinese name has no spaces around it, so the finder anchors on what ends a name (有限公司,
集团, 厂, 高新区, 产业园 ...) and reads leftwards to the nearest character that cannot be in a
name or the nearest boundary word (的, 与, 推动, 位于 ... in ``configs/rules/names.yaml``).
The part before the suffix, the core, must say *which* firm or park: a core made only of
places, industries and generic words (电子公司, 该公司, 市级高新区) is no name.

>>> from econer.annotate.rules.patterns import load_patterns
>>> finder = NameFinder(load_patterns())
>>> def show(text):
...     return sorted((text[s:e], rule) for s, e, label, rule, _, _ in finder.find(text))
>>> show("开州千能实业与万州企业合作")
[('千能实业', 'company.short')]
>>> show("浦里新区成功创建成为市级高新区")
[('浦里新区', 'park.head')]
>>> show("推动摩瑞科技、达望曲轴等16个项目")
[('摩瑞科技', 'company.enumeration'), ('摩瑞科技', 'company.short'),
 ('达望曲轴', 'company.enumeration')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from econer.annotate.rules.patterns import Patterns, alternation, expand

# (start, end, label, rule name, default score, priority)
NameHit = tuple[int, int, str, str, float, int]

_CJK = "\u4e00-\u9fff\u3400-\u4dbf"
_NAME_CHARS = f"{_CJK}A-Za-z·&（）()"
_PARK_CHARS = _NAME_CHARS + "—－-"
_CN_NUMERALS = frozenset("一二两三四五六七八九十几多")
_BRACKET = re.compile(r"[（(][^（）()\n]{2,8}[）)]")
_MEASURE = frozenset("家个位名批只座项条户年月日")
_TRADE_GONG = ("加工", "化工", "轻工", "重工", "五金工", "农工", "军工")
_LEGAL = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司|集团)$")


class NameFinder:
    """Finds COMPANY and PARK candidates in a text (overlapping; the labeller resolves)."""

    def __init__(self, patterns: Patterns):
        lists = patterns.lists
        conf: dict[str, Any] = dict(patterns.settings.get("names") or {})
        self.scores: dict[str, float] = {str(k): float(v)
                                         for k, v in (conf.get("scores") or {}).items()}
        self.company_max = int(conf.get("company_max_core", 20))
        self.park_max = int(conf.get("park_max_core", 16))
        self.short_core = int(conf.get("short_core", 2))
        self.min_core: dict[str, int] = {str(k): int(v)
                                         for k, v in (conf.get("min_core") or {}).items()}

        def words(name: str) -> list[str]:
            value = lists.get(name) or []
            return [str(w) for w in value]

        def alt(*names: str) -> str:
            return alternation([w for n in names for w in words(n)])

        self.company_suffix = re.compile(alt("COMPANY_FULL_SUFFIX"))
        self.short_suffix = re.compile(alt("COMPANY_SHORT_SUFFIX"))
        self.park_head = re.compile(alt("PARK_HEAD"))
        self.company_boundary = re.compile(alt("BOUNDARY", "COMPANY_BOUNDARY"))
        self.park_boundary = re.compile(alt("BOUNDARY", "PARK_BOUNDARY"))
        self.boundary_start = re.compile(alt("BOUNDARY"))
        self.not_boundary = re.compile(alt("NOT_BOUNDARY")) if words("NOT_BOUNDARY") else None
        # a digit belongs to a name only before a latin letter (5G互联网产业园, 3M公司)
        digit = "[0-9０-９](?![0-9０-９]*[A-Za-z])"
        self.non_name = re.compile(f"{digit}|[^0-9０-９{_NAME_CHARS}]")
        self.non_park = re.compile(f"{digit}|[^0-9０-９{_PARK_CHARS}]")
        level = alternation(words("PLACE_LEVEL"))
        place_level = f"[{_CJK}]{{1,4}}?(?:{level})"
        self.place = re.compile(f"(?:{alt('PLACE')}|{place_level})+")
        generic = alt("PLACE", "INDUSTRY", "GENERIC", "COMPANY_STOP_CORE")
        self.company_generic = re.compile(f"(?:{generic}|{place_level})+")
        self.park_generic = re.compile(f"(?:{alt('PARK_STOP_CORE')})+")
        self.phases = tuple(words("PROJECT_PHASE"))
        self.facilities = tuple(words("FACILITY"))
        self.factory_not_after = tuple(words("FACTORY_NOT_AFTER"))
        self.factory_not_before = tuple(words("FACTORY_NOT_BEFORE"))
        self.head_not_after = tuple(words("HEAD_NOT_AFTER"))
        self.item_not_company = tuple(words("ITEM_NOT_COMPANY"))
        self.short_not_after = tuple(words("SHORT_NOT_AFTER"))
        self.function_start = frozenset(words("FUNCTION_START"))
        self.subarea_heads = frozenset(words("SUBAREA_HEAD"))
        self.any_park_head = re.compile(alt("PARK_HEAD"))
        self.industry_start = re.compile(alt("INDUSTRY", "GENERIC"))
        self.project = re.compile(f"([{_CJK}]{{2}})(?:{alt('PROJECT_PHASE')})")
        self.boundary_end = re.compile(f"(?:{alt('BOUNDARY')})$")
        self.lexicon = patterns.lexicon
        known = [(n, label) for label in ("COMPANY", "PARK")
                 for n in patterns.lexicon.names.get(label, ())]
        self.known_label = {n: label for n, label in known}
        self.known = re.compile(alternation([n for n, _ in known])) if known else None
        self.enumerations = []
        for enum in patterns.enumerations:
            trigger = re.compile(expand(str(enum["trigger"]), patterns.macros))
            trigger_not = re.compile(str(enum["trigger_not"])) if enum.get("trigger_not") \
                else None
            self.enumerations.append((str(enum["name"]), str(enum["label"]), trigger,
                                      int(enum.get("max_item", 12)),
                                      bool(enum.get("suppress", False)), trigger_not))
        self.product_after = re.compile(alt("PRODUCT_AFTER"))
        self.suppressors = {e[0] for e in self.enumerations if e[4]}  # name of suppressing lists

    def score(self, rule: str) -> float:
        return self.scores.get(rule, 0.6)

    # -- reading leftwards ------------------------------------------------------------------
    def _left(self, text: str, end: int, max_len: int, non_name: re.Pattern[str],
              boundary: re.Pattern[str]) -> int:
        """Where a name ending at ``end`` starts: after the last non-name character and the
        last boundary word within ``max_len`` characters."""
        lo = max(0, end - max_len)
        window = text[lo:end]
        cut = 0
        for match in non_name.finditer(window):
            cut = match.end()
        shields = [m.span() for m in self.not_boundary.finditer(window, cut)] \
            if self.not_boundary is not None else []
        for match in boundary.finditer(window, cut):
            if any(s <= match.start() and match.end() <= e for s, e in shields):
                continue  # 高等级: 等 here is no boundary
            cut = max(cut, match.end())
        # 300家铅酸电池厂, 前10位益海嘉里: a count's measure word is no part of the name
        if 0 < cut < len(window) and window[cut - 1].isdigit() and window[cut] in _MEASURE:
            cut += 1
        core = window[cut:]
        # unbalanced brackets: the name starts after them
        for opening, closing in (("（", "）"), ("(", ")")):
            close_at = core.find(closing)
            open_at = core.find(opening)
            if close_at != -1 and (open_at == -1 or open_at > close_at):
                cut += close_at + 1
                core = window[cut:]
            open_at = core.rfind(opening)
            if open_at != -1 and core.find(closing, open_at) == -1:
                cut += open_at + 1
                core = window[cut:]
        return lo + cut

    def _starts_cleanly(self, text: str, start: int) -> bool:
        """No name character directly before ``start`` (a name is not read mid-word)."""
        return start == 0 or not ("\u4e00" <= text[start - 1] <= "\u9fff" or
                                  text[start - 1].isalpha())

    # -- finders ------------------------------------------------------------------------------
    def find(self, text: str) -> Iterator[NameHit]:
        hits = list(self._companies(text))
        hits.extend(self._parks(text))
        hits.extend(self._shorts(text))
        hits.extend(self._enumerations(text))
        hits.extend(self._projects(text))
        hits.extend(self._known(text))
        hits.extend(self._aliases(text, hits))
        stop = self.lexicon.stop
        # brand lists (丰田、本田等品牌) and product words after a name (王老吉凉茶) suppress
        suppressed = {(s, e) for s, e, _, rule, _, _ in hits if rule in self.suppressors}
        for hit in hits:
            start, end, label, rule = hit[:4]
            if rule in self.suppressors or text[start:end] in stop.get(label, ()):
                continue
            if label == "COMPANY" and ((start, end) in suppressed or (
                    rule not in ("company.full", "company.suffix")
                    and self.product_after.match(text, end))):
                continue
            yield hit

    def _company_core_ok(self, core: str, suffix: str) -> bool:
        if len(core) < self.min_core.get(suffix, 2 if suffix != "厂" else 4):
            return False
        if core.endswith(("母", "子", "控股子", "全资子")) and suffix == "公司":
            return False
        if suffix.endswith("厂") and core.endswith(self.facilities):
            return False
        if self.known is not None and self.known.search(core):
            return True  # 中国电信重庆分公司: a known name inside is never generic
        return not self.company_generic.fullmatch(core)

    def _companies(self, text: str) -> Iterator[NameHit]:
        for match in self.company_suffix.finditer(text):
            head = match.start()
            suffix = match.group()
            if suffix.endswith("厂") and (
                    text.startswith(self.factory_not_after, match.end())
                    or (text[max(0, head - 2) : head].endswith(self.factory_not_before)
                        and not text[max(0, head - 2) : head].endswith(_TRADE_GONG))):
                continue  # 厂商, 工厂, 建厂; but 木材加工厂, 化工厂 are factories
            start = self._left(text, head, self.company_max, self.non_name,
                               self.company_boundary)
            core = text[start:head]
            if not core or not self._company_core_ok(core, match.group()):
                continue
            rule = "company.full" if _LEGAL.search(match.group()) and "有限" in match.group() \
                else "company.suffix"
            yield (start, match.end(), "COMPANY", rule, self.score(rule), 0)

    def _parks(self, text: str) -> Iterator[NameHit]:
        for match in self.park_head.finditer(text):
            head = match.start()
            if text.startswith(self.head_not_after, match.end()):
                continue
            start = self._left(text, head, self.park_max, self.non_park, self.park_boundary)
            core = text[start:head].strip("—－-")
            start = head - len(core)
            if len(core) < 2 or self.park_generic.fullmatch(core) or core[-1] in _CN_NUMERALS:
                continue  # 市级高新区, 一园六组团
            if match.group() in self.subarea_heads and not self.any_park_head.search(core):
                continue  # 片区 only inside a park: 浦里新区长沙片区
            end = match.end()
            bracket = _BRACKET.match(text, end)  # 綦江高新区(工业园区)
            if bracket and self.any_park_head.search(bracket.group()):
                end = bracket.end()
            yield (start, end, "PARK", "park.head", self.score("park.head"), 0)

    def _shorts(self, text: str) -> Iterator[NameHit]:
        """千能实业, 亚特蓝电器: a short core (2 to 4 characters) and an industry word; the
        shortest core that starts a word wins; a place before it stays out."""
        for match in self.short_suffix.finditer(text):
            after = text[match.end() : match.end() + 4]
            if after.startswith(self.short_not_after):
                continue  # 依靠科技进步: the word goes on
            for size in range(self.short_core, self.short_core + 3):
                start = match.start() - size
                if start < 0:
                    break
                core = text[start : match.start()]
                if self.non_name.search(core) or self.boundary_start.search(core):
                    break
                if self.company_generic.fullmatch(core):
                    break
                if size > self.short_core and core[0] in self.function_start:
                    break
                before_start = self._left(text, start, 8, self.non_name, self.company_boundary)
                before = text[before_start:start]
                if not before or self.place.fullmatch(before):
                    yield (start, match.end(), "COMPANY", "company.short",
                           self.score("company.short"), 0)
                    break

    def _enumerations(self, text: str) -> Iterator[NameHit]:
        for rule, label, trigger, max_item, suppress, trigger_not in self.enumerations:
            for match in trigger.finditer(text):
                if trigger_not is not None and trigger_not.search(match.group()):
                    continue
                end = match.start()
                items: list[tuple[int, int]] = []
                pos = end
                while pos > 0:
                    lo = max(0, pos - max_item - 1)
                    window = text[lo:pos]
                    sep = max(window.rfind(c) for c in "、，,；;。：:\n “”\"《》")
                    item_start = lo + sep + 1 if sep != -1 else lo
                    items.append((item_start, pos))
                    if sep == -1 or window[sep] != "、":
                        break
                    pos = lo + sep
                if len(items) < 2:
                    continue
                first_start, first_end = items[-1]
                non_name = self.non_park if label == "PARK" else self.non_name
                boundary = self.park_boundary if label == "PARK" else self.company_boundary
                cleaned = _strip_first(self._left(text, first_end, max_item, non_name, boundary),
                                       first_start)
                items[-1] = (cleaned, first_end)
                for start, stop in _split_conjunctions(text, items):
                    stop = self._strip_phase(text, start, stop)
                    if stop - start < 2 or non_name.search(text, start, stop):
                        continue
                    item = text[start:stop]
                    if label == "COMPANY" and not _LEGAL.search(item):
                        place = self.place.match(item)  # 万州雷士照明 → 雷士照明
                        if place and len(item) - place.end() >= 2:
                            start += place.end()
                            item = text[start:stop]
                    if label == "COMPANY" and (self.company_generic.fullmatch(item)
                                               or item.endswith(self.item_not_company)
                                               or self._starts_with_industry(item)):
                        continue
                    if label == "PARK" and self.park_generic.fullmatch(item):
                        continue
                    yield (start, stop, label, rule, 0.0 if suppress else self.score(rule), 0)

    def _starts_with_industry(self, item: str) -> bool:
        """智能安防, 绿色建材: an item opening with an industry word names an industry."""
        if _LEGAL.search(item):
            return False
        match = self.industry_start.match(item)
        return bool(match) and len(match.group()) >= 2 and not self.place.match(item)

    def _projects(self, text: str) -> Iterator[NameHit]:
        """实施天致二期、德凯二期: the company inside a project name."""
        for match in self.project.finditer(text):
            start, end = match.span(1)
            core = match.group(1)
            if self.company_generic.fullmatch(core) or self.boundary_start.search(core):
                continue
            if not self._starts_cleanly(text, start) and \
                    not self.boundary_end.search(text, max(0, start - 4), start):
                continue
            yield (start, end, "COMPANY", "company.project", self.score("company.project"), 0)

    def _strip_phase(self, text: str, start: int, stop: int) -> int:
        """天致二期 → 天致: a project phase after a name stays out."""
        item = text[start:stop]
        for phase in (*self.phases, "项目"):
            if item.endswith(phase) and len(item) > len(phase) + 1:
                return stop - len(phase)
        return stop

    def _known(self, text: str) -> Iterator[NameHit]:
        if self.known is None:
            return
        for match in self.known.finditer(text):
            label = self.known_label[match.group()]
            start = match.start()
            if len(match.group()) <= 2 and not self._starts_cleanly(text, start) and \
                    not self.boundary_end.search(text, max(0, start - 4), start) and \
                    not self.place.fullmatch(text, max(0, start - 2), start):
                continue  # 宽松下, 联想到: two characters inside a longer word
            rule = "company.lexicon" if label == "COMPANY" else "park.lexicon"
            yield (match.start(), match.end(), label, rule, self.score(rule), 1)

    def _aliases(self, text: str, hits: list[NameHit]) -> Iterator[NameHit]:
        """Short forms of the document's own full names, wherever else they occur."""
        aliases: set[str] = set()
        for start, end, label, rule, _, _ in hits:
            if label != "COMPANY" or rule not in ("company.full", "company.suffix"):
                continue
            for alias in self.short_forms(text[start:end]):
                aliases.add(alias)
        if not aliases:
            return
        pattern = re.compile(alternation(sorted(aliases)))
        for match in pattern.finditer(text):
            yield (match.start(), match.end(), "COMPANY", "company.alias",
                   self.score("company.alias"), 0)

    def short_forms(self, name: str) -> list[str]:
        """The short forms a full name goes by: without legal suffix, places, industry.

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> NameFinder(load_patterns()).short_forms("重庆紫建电子有限公司")
        ['紫建电子', '紫建']
        """
        bare = _LEGAL.sub("", name)
        if bare == name or "（" in bare or "(" in bare:
            return []
        place = self.place.match(bare)
        if place:
            bare = bare[place.end() :]
        forms = []
        if bare.isascii() and len(bare) < 4:
            return []  # Pte, Key: short latin words are no names on their own
        if len(bare) >= 3 and not self.company_generic.fullmatch(bare):
            forms.append(bare)
        core = bare
        while True:
            match = self.short_suffix.search(core)
            if not match or match.end() != len(core):
                break
            core = core[: match.start()]
        if core != bare and len(core) >= 2 and not self.company_generic.fullmatch(core):
            forms.append(core)
        return forms


def _split_conjunctions(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """南都电源和卧龙电气: 和/与/及 inside an enumeration item join two names."""
    out = []
    for start, stop in items:
        item = text[start:stop]
        cut = max(item.rfind("和"), item.rfind("与"), item.rfind("及"))
        if 2 <= cut <= len(item) - 3:
            out.append((start, start + cut))
            out.append((start + cut + 1, stop))
        else:
            out.append((start, stop))
    return out


def _strip_first(cleaned: int, first_start: int) -> int:
    return max(cleaned, first_start)


