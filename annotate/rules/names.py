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
from collections.abc import Callable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

import ahocorasick_rs
from econer.annotate.rules import cache, context
from econer.annotate.rules.gazetteer import Gazetteer, having
from econer.annotate.rules.patterns import Patterns, alternation, expand
from econer.annotate.rules.scans import ScanGroup

# (start, end, label, rule name, default score, priority)
NameHit = tuple[int, int, str, str, float, int]

# speed: the module's regexes compiled with their code kept across processes
# (cache.Regexes; a start compiled them anew, ~5-8 ms a module)
_KEPT = cache.regexes()
# Han characters: the basic block, Extension A, and Extensions B-G outside the BMP (𪚥).
_CJK = "\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ebef\U00030000-\U0003134f"
_HAN = _KEPT.compile(f"[{_CJK}]")
_NAME_CHARS = f"{_CJK}A-Za-z·&（）()"
_PARK_CHARS = _NAME_CHARS + "—－-"
_CN_NUMERALS = frozenset("一二两三四五六七八九十几多")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)} | {"两": 2, "十": 10}
_COUNTED_LIST = "company.enumeration.count"  # a 、-list before its count of firms, no 等
_OPENED_LIST = "company.enumeration.opened"  # a 、-list after 品牌商，如 (round twenty-one)
_OPENED_SEPARATORS = frozenset("、，,；;。：:！？!?\n（(")
_CLAUSE_END = frozenset("，,；;。！？!?\n")
_AFTER_ETC = ("都", "也", "均", "纷纷", "已", "相继", "先后")
_LATIN_JOINER = _KEPT.compile("(?<=[A-Za-z0-9])[-&.·'](?=[A-Za-z0-9])")  # I-baby, H&M
_SOUND_TAGS = frozenset(("", "o", "e", "y"))  # jieba's sounds end names (嗒嘀嗒): no class
_PREP_BEFORE_ITEM = frozenset(("比", "跟", "向", "对", "被", "把", "将", "较"))  # 比美赞臣
_HEAD_TAGS = frozenset(("v", "p", "c", "d", "vn", "vd"))  # a word ending a list's head
_QUOTES_SPACE = frozenset("“”\"‘’「」 ")
_BRACKET = _KEPT.compile(r"[（(][^（）()\n]{2,8}[）)]")
_ANY_BRACKET = _KEPT.compile("[（）()]")
# a listed name that ends so is a railway line too (京沪高铁 事故频发: the line)
_RAILWAY = ("高铁", "铁路")
# a measure word of machines after a count (10台, 一部, 两辆): a product follows
_MACHINE_MEASURE = frozenset("台部辆架")
_JOINT_MARKS = frozenset("-－—·・")  # 一汽-大众, 伯克希尔·哈撒韦: the name is a part
# a measure of consumer goods in a clause: a brand there names the goods (两瓶茅台, 鲁花5升装)
_GOODS = re.compile(r"[0-9０-９一二两三四五六七八九十几多每整这那][瓶桶箱罐]|元/?[瓶桶箱罐斤]"
                    r"|升装|毫升|[0-9０-９.]+(?:L|l|ml|ML|升)(?![A-Za-z])")
_CLAUSE_BREAK = re.compile("[。；！？!?;\n]")
# one-character adverbs and particles a subject is followed by (大众便拥有, 三星所需, 苹果又在)
_ADVERB_AFTER = frozenset("便也又就将已在所还都则并曾正仍才再亦均即")
_OWN_AFTER = ("的", "旗下", "公司", "集团")  # 联合海尔旗下: the firm's own words after its name
_COUNT_CHAR = re.compile("[0-9０-９一二两三四五六七八九十百千万几多数]")
_MEASURE = frozenset("家个位名批只座项条户年月日")
# rules whose names with a trade or company word at the end license the bare core later in the
# text (达芬奇家具 … 达芬奇, RIM公司 … RIM: company.alias, round thirty)
_TRADE_ALIAS_RULES = frozenset(("company.context", "company.latin"))
# what a short name's word names where it is a financial product too (普通证券账户, 金牛基金)
_PRODUCT_WORDS = frozenset(("基金", "信托", "证券", "期货"))
_LATIN_REACH = 40  # how far a latin word cut by a name's reach is followed leftwards
_TRADE_GONG = ("加工", "化工", "轻工", "重工", "五金工", "农工", "军工")
_STATUS_BEFORE = _KEPT.compile(r"(?<![A-Za-z])(?:\*?ST|S\*ST|SST|XD|XR|DR|PT)$")
_STATUS_LAST = ("T", "D", "R", "\n")
_STATUS_ANY = _KEPT.compile(r"(?<![A-Za-z])(?:\*?ST|S\*ST|SST|XD|XR|DR|PT)(?=[\u4e00-\u9fff])")
_CN_COUNT = _KEPT.compile("[一二两三四五六七八九十百千几数]+[余多]?[家个位名批]")
# (round twenty-three: the other regions a firm's arm is named by, 电装北美区, 微软大中华区)
_REGION_ARM = _KEPT.compile(f"({'|'.join(context.REGION_ARM_WORDS)})|中国|亚太")
# a model: A6, X5, X系列, CR-V, CX-5; 5系 (the standard: a brand naming a product is no firm)
_MODEL = _KEPT.compile(r"[A-Za-z]{1,3}(?:[0-9]{1,3}(?![0-9年月日])|系列"
                       r"|-(?:[A-Za-z]?[0-9]{1,2}|[A-Z])(?![A-Za-z0-9]))|[0-9]系(?!统|数|列)"
                       r"|[0-9]{1,4}[A-Za-z]{1,4}型")  # X513MPE型扶梯: a model (round 24)
_MODEL_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_DATE_BEFORE = _KEPT.compile(r"[0-9０-９][年月日号]$")  # 2008年招行: a date ends a word
# a date: a year of four digits, a month, a day (not 10年, 5年期: a term)
_DAY_BEFORE = _KEPT.compile(r"(?:[0-9０-９]{4}年|[0-9０-９]月|[0-9０-９][日号])$")
# what only a listed firm has, right after its name: its shares, its price, its filings
_LISTED_ONLY = ("股价", "市值", "总市值", "市净率", "市盈率", "涨停", "跌停", "停牌", "复牌",
                "公告", "董事长", "董事会", "总经理", "总裁", "股东", "大股东", "净利润", "营收",
                "年报", "半年报", "财报", "旗下", "子公司", "股份有限公司", "A股", "H股")
# a firm's deal with a party (中国石化已与江苏省政府达成意向, 上海汽车与大众汽车签署; round
# seventeen): an industry signs nothing
_DEAL_WITH = _KEPT.compile("(?:已与|将与|正与|已经与|已同|将同)"
                           "|与[^，。；,;：:\n]{2,20}?(?:签署|签订|达成|签约)")
_CODE_AFTER = _KEPT.compile(r"[（(]\s*(?:[0-9]{6}|[0-9]{4,5}\.?HK|[0-9]{5})")  # (600104, (00857
_JOINT_KIND = _KEPT.compile("(?:合资|合营|独资)(?:企业)?")  # a kind of firm (合资公司)
# a kind of enterprise opening a name read leftwards (大陆企业杭州…, 出口企业诺基亚…; round fifteen)
_KIND_FIRM = _KEPT.compile("[\u4e00-\u9fff]{0,2}?(企业|企)")
_LEGAL_FORMS = ("开放型", "封闭型")  # 乌拉尔开放型股份公司: a Russian firm's legal form
_SHARE_RATIOS = ("市值", "市盈率", "市净率", "市销率", "市占率")  # 市 is no city there
_FINANCE = ("银行", "证券", "保险", "信托", "期货", "基金", "租赁", "财险", "寿险")
_NO_REPEAT = frozenset({"company.project", "company.repeat"})
# a place and a trade (中国石化, 江西水泥, 标普) name an industry too, so such a name spreads to
# its other mentions only where a rule read it as the firm itself: a word only a firm has after
# it, its stock code, a list of firms, its analysts, its own company word (round nineteen)
_GENERIC_REPEAT_FROM = frozenset({"company.listed.trigger", "company.listed.list",
                                  "company.listed.mention", "company.code", "company.research",
                                  "company.place.trade"})
# after a trade word of COMPANY_NAMED_SUFFIX: a fund's or a school's name goes on
_NAMED_NOT_AFTER = ("分级", "指数", "基金", "ETF", "LOF", "学院", "专业")
# a share-class letter after a listed name (万科A浮盈), no model's name (日产Altima)
_SHARE_CLASS = re.compile(r"[AB](?![A-Za-z0-9])")
# a brand's frame before a name (高端车品牌|奥迪, 车型|传祺): the product, not the firm
_BRAND_FRAME = ("品牌", "车型", "车款", "型号")
# a data centre's words after an initialism (IDC机房, IDC数据中心): the facility, not the firm
_DATA_CENTRE_AFTER = ("机房", "数据中心", "服务商", "托管")
# a purchasing managers' index named after the firm that compiles it (Markit服务业PMI)
_PMI_AFTER = ("PMI", "制造业PMI", "服务业PMI", "综合PMI", "非制造业PMI")
_CORE_FROM = frozenset({"company.full", "company.suffix", "company.short", "company.lexicon",
                        "company.brand.action", "company.brand.trigger"})
# after a name, words said only of a person (李宁本人; not 说 or ：, said of firms too)
_PERSON_SURE = ("本人", "先生", "女士", "夫妇", "教授", "博士", "老师", "（化名", "(化名")
_LATIN_AFTER = _KEPT.compile("[A-Za-z]")
_LATIN_JOIN = _KEPT.compile(r"[A-Za-z0-9&\-_.@/]")  # (a latin name goes on across these)
_LATIN_ITEM = _KEPT.compile(r"[A-Za-z][A-Za-z0-9&]{2,19}(?![A-Za-z0-9])")
# a 、-list's own count right after its last item (华森制药、贵州燃气这两只妖股, …三家公司)
_LIST_COUNT = _KEPT.compile("[这那]?[0-9两二三四五六七八九十几]+[只家]")
_LATIN_ITEM_END = _KEPT.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&]{2,19}$")
_BANK_KIND = ("农村商业", "城市商业", "商业", "农商", "发展")
_NOT_A_CITY = frozenset({"中国", "全国", "农村", "城市", "国内", "境内", "境外", "海外", "地方"})
_INNER_SUFFIX = _KEPT.compile("银行|公司(?!法)")
_PLACE_TRADE_SUFFIX = frozenset(("公司", "总公司", "集团", "集团公司"))  # (_place_trade)
_BRANCH_SUFFIX = ("分公司", "子公司", "分行", "支行", "分厂", "总公司")
# after a park's name, words that make it part of a firm's or a building's name (横琴国际商品
# 交易中心, 横琴金投, 中关村E世界); not 发展 or 投资 (滨海新区投资环境)
_PARK_IN_FIRM = _KEPT.compile("国际|控股|集团|股份|公司|金控|金投|银行|证券|实业|置业|[A-Za-z]"
                              "|卖场|电子城|商圈|步行街")  # (中关村卖场: a market, a place)
# 新城 alone names a new town of housing or a city's district far more often than a zone
# (滨海新城, 顺义新城, 南桥新城); a zone's town says its trade (软件新城, 科技新城; 产业新城 is a
# head of its own)
_TOWN_HEAD = "新城"
_TOWN_TRADES = ("软件", "科技", "工业", "智慧", "创新", "物流", "数字", "智造", "高新", "光电",
                "生物", "汽车", "科学", "航空", "临港")
# a goal a place or plant is built to become (建设成为全国一流的…产业基地): what follows 的 is a
# title or a category, not a park's name, where no place opens it (round twelve)
_PARK_GOAL = _KEPT.compile("(?:成为|建成|建设成|打造成|打造为|发展成|发展为)"
                           "[^，。；：！？,;:!?\n]{0,16}的$")
_GOAL_WINDOW = 24  # characters before a park searched for the goal's verb
# company words after which a common noun alone is a kind (影视公司, 权益基金, 利率期货); not
# 集团, 证券, 保险: groups and brokers are named by nouns too (新闻集团, 野村证券, 友邦保险)
_KIND_SUFFIX = frozenset(("公司", "基金", "期货", "信托"))
_NOUN_NAMED = frozenset(("证券", "保险", "控股", "集团"))  # 野村证券, 友邦保险: nouns name them
# verbs before a firm's name and 股份 that make 股份 its shares (持有万科股份)
_HOLDING = ("持有", "收购", "买入", "增持", "减持", "购买", "受让", "持股", "抛售", "出售")
_CUT_TAGS = context.CUT_TAGS  # words cut off the start of a core: 允许日产汽车 → 日产汽车
# … and those that end a word right before a known name of two characters (昨天海尔)
_BEFORE_NAME_TAGS = frozenset(("t", "tg", "r", "rr", "rz", "d", "c", "p"))
# names read off a firm's act after them, and the jieba classes no such name is (_adverb)
_WORD_READ_RULES = frozenset(("company.brand.trigger", "company.brand.action",
                              "company.listed.trigger"))
_ADVERB_TAGS = frozenset(("d", "ad", "m", "mq", "t", "tg"))
_LEGAL = _KEPT.compile(
    r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司|集团)$")


def first_grouped(words: list[str]) -> str:
    """A regex alternation of ``words`` grouped by first character, that matches as
    :func:`~.patterns.alternation` of them does: at a place only the words opening with its
    character can match, and they are tried in the plain order (longest first, then by
    word), the character's own word last.

    Speed: re tries a plain alternation's words one after the other (a first-character test
    each); grouped, it tries one literal per first character, then that character's words.

    >>> first_grouped(["美元", "元", "美国", "美", "亿元"])
    '亿元|元|美(?:元|国|)'
    """
    out = []
    for first, group in groupby(sorted({str(w) for w in words if str(w)}), key=itemgetter(0)):
        rests = [w[1:] for w in group]
        if len(rests) == 1:  # (most first characters: one word, escaped as it is)
            out.append(re.escape(first + rests[0]))
            continue
        rest = alternation(rests)
        head = re.escape(first)
        out.append(f"{head}(?:{rest}|)" if rests[0] == "" else f"{head}(?:{rest})")
    return "|".join(out)


class KeptAnswers:
    """A regex's ``fullmatch`` as a yes or no, the answer kept by string (bounded).

    >>> kind = KeptAnswers(re.compile("(?:电子|科技)+"))
    >>> kind.fullmatch("电子科技"), kind.fullmatch("紫建电子"), kind.fullmatch("电子科技")
    (True, False, True)
    """

    __slots__ = ("regex", "_answers")

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex
        self._answers: dict[str, bool] = {}

    def fullmatch(self, string: str) -> bool:
        answer = self._answers.get(string)
        if answer is None:
            if len(self._answers) > 200_000:
                self._answers.clear()  # bounded, on a stream of any length
            answer = self._answers[string] = self.regex.fullmatch(string) is not None
        return answer


class WordScan:
    """Where the words of a list occur in a text: the spans ``re.finditer`` of their
    alternation (:func:`~.patterns.alternation`, longest first) finds, leftmost, then
    longest, none overlapping, found by an Aho-Corasick automaton.

    Speed: ``re`` tries the alternation's first-character class at every character of the
    text (some 50 instructions a CJK character); the automaton's prefilter skips ahead.

    >>> WordScan(["元", "美元", ""]).spans("5美元和3元")
    [(1, 3), (5, 6)]
    """

    __slots__ = ("_automaton",)

    def __init__(self, words: list[str]):
        words = sorted({str(w) for w in words if str(w)})
        self._automaton = ahocorasick_rs.AhoCorasick(
            words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) if words else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._automaton is None:
            return []
        return [(start, end) for _, start, end in self._automaton.find_matches_as_indexes(text)]


def _latin_inside(text: str, start: int, end: int) -> bool:
    """A name that opens or ends with a latin letter runs on into more latin letters or digits
    there (a part of a longer latin word, not the name).

    >>> _latin_inside("CBRES", 0, 4), _latin_inside("CBRE发布", 0, 4), _latin_inside("据CBRE", 1, 5)
    (True, False, False)
    """
    return (text[end - 1].isascii() and text[end - 1].isalpha() and end < len(text)
            and text[end].isascii() and text[end].isalnum()) or (
        start > 0 and text[start].isascii() and text[start].isalpha()
        and text[start - 1].isascii() and text[start - 1].isalnum())


_KEPT_MAX = 100_000  # the most answers one of a finder's caches keeps (a stream of any length)


def _kept(cache: dict[Any, Any], key: Any, read: Callable[..., Any], *args: Any) -> Any:
    """``read(*args)``, kept in ``cache`` by ``key`` (cleared when full: bounded)."""
    value = cache.get(key)
    if value is None:
        if len(cache) > _KEPT_MAX:
            cache.clear()
        value = cache[key] = read(*args)
    return value


def _latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


class NameFinder:
    """Finds COMPANY and PARK candidates in a text (overlapping; the labeller resolves)."""

    def __init__(self, patterns: Patterns):
        re = cache.regexes()  # speed: re.compile with its code kept (cache.Regexes)
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
        # speed: the word lists searched in whole texts, in one pass (scans.ScanGroup); the
        # labeller adds its anchors
        self.scans = ScanGroup()
        self.company_suffix_scan = self.scans.scan(words("COMPANY_FULL_SUFFIX"))  # (finditer)
        self.short_suffix_scan = self.scans.scan(words("COMPANY_SHORT_SUFFIX"))
        self.named_suffix_scan = self.scans.scan(words("COMPANY_NAMED_SUFFIX"))
        self.park_head = re.compile(alt("PARK_HEAD"))
        self.park_head_scan = self.scans.scan(words("PARK_HEAD"))  # (its finditer, faster)
        self.company_boundary = re.compile(alt("BOUNDARY", "COMPANY_BOUNDARY"))
        self.park_boundary = re.compile(alt("BOUNDARY", "PARK_BOUNDARY"))
        # (their finditer in a name's window, faster: ~500 words, tried at every character)
        self._boundary_scans = {
            id(self.company_boundary): WordScan(words("BOUNDARY") + words("COMPANY_BOUNDARY")),
            id(self.park_boundary): WordScan(words("BOUNDARY") + words("PARK_BOUNDARY"))}
        self.boundary_start = re.compile(first_grouped(words("BOUNDARY")))  # (as place)
        self._long_boundary_first = frozenset(w[0] for w in words("BOUNDARY") if len(w) >= 2)
        self.not_boundary = re.compile(alt("NOT_BOUNDARY")) if words("NOT_BOUNDARY") else None
        # a digit belongs to a name only before a latin letter (5G互联网产业园, 3M公司)
        digit = "[0-9０-９](?![0-9０-９]*[A-Za-z])"
        self.non_name = re.compile(f"{digit}|[^0-9０-９{_NAME_CHARS}]")
        self.non_park = re.compile(f"{digit}|[^0-9０-９{_PARK_CHARS}]")
        # speed: the last match of each, in one call (every match is one character, so the
        # greedy prefix backs off to the last position where one matches)
        self._last_name = re.compile(f"(?s:.*)(?:{self.non_name.pattern})")
        self._last_park = re.compile(f"(?s:.*)(?:{self.non_park.pattern})")
        level = alternation(words("PLACE_LEVEL"))
        place_level = f"[{_CJK}]{{1,4}}?(?:{level})"
        # (grouped by first character: the same matches, see first_grouped)
        self.place = re.compile(f"(?:{first_grouped(words('PLACE'))}|{place_level})+")
        # (its words by first character: only asked ``fullmatch`` as a yes or no, which the
        # order of the words does not change; re tries ~500 first characters, not ~2K words)
        generic = first_grouped([w for n in ("PLACE", "INDUSTRY", "GENERIC", "COMPANY_STOP_CORE")
                                 for w in words(n)])
        # speed: asked some 19K times a pass, of 8K strings (the same cores, names and kinds
        # in text after text): its answers are kept
        self.company_generic = KeptAnswers(re.compile(f"(?:{generic}|{place_level})+"))
        self.park_generic = re.compile(f"(?:{alt('PARK_STOP_CORE')})+")
        # company.place.trade (round sixteen): a home place (PLACE less PLACE_NOT_HOME, its
        # level after it) and a trade made of whole words of two characters or more
        abroad = set(words("PLACE_NOT_HOME"))
        home = [w for w in words("PLACE") if w not in abroad]
        self.home_place = re.compile(f"(?:{first_grouped(home)})(?:省|市|自治区|县)?") \
            if home else None
        # (a group's name may open with the country itself: 中国有色集团, 中国石油化工集团公司)
        self.group_place = re.compile(alt("PLACE_GROUP_HOME")) \
            if words("PLACE_GROUP_HOME") else None
        self.trade_word = re.compile(alt("INDUSTRY", "GENERIC", "COMPANY_STOP_CORE"))
        self.trade_modifier = frozenset(words("TRADE_MODIFIER"))
        self.phases = tuple(words("PROJECT_PHASE"))
        self.facilities = tuple(words("FACILITY"))
        self.factory_not_after = tuple(words("FACTORY_NOT_AFTER"))
        self.suffix_not_after = tuple(words("SUFFIX_NOT_AFTER"))
        self.officer = re.compile(alt("OFFICER")) if words("OFFICER") else re.compile("(?!)")
        self.factory_not_before = tuple(words("FACTORY_NOT_BEFORE"))
        self.head_not_after = tuple(words("HEAD_NOT_AFTER"))
        self.not_park_name = frozenset(words("NOT_PARK_NAME"))
        self.item_not_company = tuple(words("ITEM_NOT_COMPANY"))
        # a collective noun of firms right after a list's 等 (round twenty-one: 等车企)
        self.firm_group_end = re.compile(f"(?:{patterns.macros.get('FIRM_GROUP') or '$^'})$")
        self.firm_group_after = re.compile(
            f"(?:企业|公司|厂商|厂家|{patterns.macros.get('FIRM_GROUP') or '企业'})")
        self.short_not_after = tuple(words("SHORT_NOT_AFTER"))
        self.arm_act = tuple(words("ARM_ACT")) or ("\0",)  # (() would start every text)
        self.function_start = frozenset(words("FUNCTION_START"))
        self.subarea_heads = frozenset(words("SUBAREA_HEAD"))
        self.any_park_head = re.compile(alt("PARK_HEAD"))
        self.industry_start = re.compile(first_grouped(words("INDUSTRY") + words("GENERIC")))
        # speed: the phase words are searched, then the two characters before them checked
        # (a regex opening with a character class tries every position of the text)
        self.phase = re.compile(alt("PROJECT_PHASE")) if words("PROJECT_PHASE") else None
        self.phase_scan = self.scans.scan(words("PROJECT_PHASE"))  # (its finditer, faster)
        self.two_cjk = re.compile(f"[{_CJK}]{{2}}")
        self.boundary_end = re.compile(f"(?:{alt('BOUNDARY')})$")
        self.industry_end = re.compile(f"(?:{first_grouped(words('INDUSTRY'))})$")
        # attest.py's generic names: trade and company words, cut off a name's end
        self._generic_ends = tuple(sorted({*words("INDUSTRY"), *words("COMPANY_SHORT_SUFFIX"),
                                           "集团", "公司", "股份", "控股", "有限"},
                                          key=len, reverse=True))
        self.lexicon = patterns.lexicon
        known = [(n, label) for label in ("COMPANY", "PARK")
                 for n in patterns.lexicon.names.get(label, ())]
        self.known_label = {n: label for n, label in known}
        # leftmost-longest, as a regex alternation of the names longest first would match
        self.known_names = sorted(self.known_label)
        self.known = ahocorasick_rs.AhoCorasick(
            self.known_names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) \
            if known else None
        self.enumerations = []
        self.requires: dict[str, tuple[str, ...]] = {}  # words a trigger cannot match without
        for enum in patterns.enumerations:
            trigger = re.compile(expand(str(enum["trigger"]), patterns.macros))
            trigger_not = re.compile(str(enum["trigger_not"])) if enum.get("trigger_not") \
                else None
            self.enumerations.append((str(enum["name"]), str(enum["label"]), trigger,
                                      int(enum.get("max_item", 12)),
                                      bool(enum.get("suppress", False)), trigger_not))
            self.requires[str(enum["name"])] = tuple(str(w) for w in enum.get("requires") or ())
        self.product_after = re.compile(alt("PRODUCT_AFTER"))
        # (its match as a yes or no, by one str.startswith: ~30K questions a pass; no word
        # at all is the empty regex, which matches everywhere, as "" starts every text)
        self._product_words = tuple({str(w) for w in words("PRODUCT_AFTER") if str(w)}) or ("",)
        # a media outlet or a website (新浪财经, 新浪网讯): its firm is not the one acting
        web = f"网(?![{_CJK}A-Za-z0-9])|网(?=讯|消息|报道|记者|获悉|援引)"  # not 网络, 网点
        media = alt("MEDIA_AFTER", "ASSOCIATION_AFTER")
        # … but 友达光电新闻发言人 is the firm's spokesman
        media = f"(?:{media})(?!发言|发布|办公|部|处)" if media else ""
        self.media_after = re.compile(f"{media}|{web}" if media else web)
        # (the characters its matches open with: most places are asked no regex; _media_at)
        self._media_first = frozenset(
            w[0] for w in words("MEDIA_AFTER") + words("ASSOCIATION_AFTER") if w) | {"网"}
        # the listed-company gazetteer (configs/rules/gazetteer/) and its context rules
        self.gazetteer = Gazetteer.load(patterns.folder)
        self._kinds: dict[str, tuple[bool, frozenset[str], int]] = {}
        self._forms: dict[str, tuple[str, ...]] = {}  # short_forms, by full name
        self._trade_cores: dict[str, str] = {}  # _trade_core, by name
        self._cores: dict[str, str] = {}  # _short_core, by full name
        self._kind_cuts: dict[tuple[str, str], int] = {}  # _kind_phrase_cut, by core and suffix
        # the trade words a name the corpus attests takes in (日产汽车), and the words that,
        # run across its end, say it is part of a longer word (高科|技)
        self.attested_trade = tuple(sorted({*words("ATTESTED_TRADE"),
                                            *words("COMPANY_SHORT_SUFFIX")},
                                           key=len, reverse=True))
        self._trade_words = frozenset(w for w in words("INDUSTRY") if len(w) >= 2)
        # … and those a name of the curated lexicon takes in (和硕电子, 晶澳太阳能)
        self.known_trade = tuple(sorted({*self.attested_trade, *words("KNOWN_TRADE")},
                                        key=len, reverse=True))
        self.attested_not_after = tuple(words("ATTESTED_NOT_AFTER"))  # (() matches nothing)
        # names the corpus attests as firms (lexicon/attested.jsonl: company.attested)
        self.attested = {n: rule for n, rule in patterns.lexicon.rules.items()
                         if n not in self.known_label}
        listed_names = set(self.gazetteer.listed if self.gazetteer else ())
        self._attested_only = frozenset(set(self.attested) - listed_names)  # (not of a list)
        self._all_names = sorted(set(self.known_label) | set(self.attested) | listed_names)
        # (searched with the whole-text word lists, in one automaton: scans.ScanGroup)
        self.scans.search_names(self._all_names)
        self.trigger = re.compile(alt("COMPANY_TRIGGER")) if words("COMPANY_TRIGGER") else None
        self.trigger_scan = self.scans.scan(words("COMPANY_TRIGGER"))
        # the boundary words by their last character (_boundary_ends), and the roles and
        # deals before a firm that end a word as well (NAME_OPENERS: 巨头, 保荐机构, 出售)
        self._word_enders: dict[str, tuple[str, ...]] = {}
        for word in {*words("BOUNDARY"), *words("NAME_OPENERS")}:
            if word:
                self._word_enders[word[-1]] = (*self._word_enders.get(word[-1], ()), word)
        # the boundary and company words by their first character (_ends_word)
        self._word_openers: dict[str, tuple[str, ...]] = {}
        for word in {*words("BOUNDARY"), *(words("COMPANY_TRIGGER") if self.trigger else ())}:
            if word:
                self._word_openers[word[0]] = (*self._word_openers.get(word[0], ()), word)
        self.trigger_left = re.compile(alt("COMPANY_TRIGGER_BEFORE")) \
            if words("COMPANY_TRIGGER_BEFORE") else None
        self.trigger_left_scan = self.scans.scan(words("COMPANY_TRIGGER_BEFORE"))
        self.trigger_before = int(conf.get("trigger_before", 4))
        self.listed_not_after = tuple(words("LISTED_NOT_AFTER"))
        self.listed_not_before = tuple(words("LISTED_NOT_BEFORE"))
        self.suppressors = {e[0] for e in self.enumerations if e[4]}  # name of suppressing lists
        # firms with no list entry, by what is said of them (context.py)
        self.context_trigger = re.compile(alt("CONTEXT_TRIGGER")) \
            if words("CONTEXT_TRIGGER") else None
        self.context_trigger_scan = self.scans.scan(words("CONTEXT_TRIGGER"))
        self.context_not_end = tuple(words("CONTEXT_NOT_END"))
        self.code_not_end = tuple(words("CODE_NOT_END"))
        self.fund_kind = tuple(words("FUND_KIND"))  # 国家队基金: a kind (kind_core)
        self.fund_verb = tuple(words("FUND_VERB"))  # 人买基金: a verb's object (_fund_cut)
        self.fund_product_after = tuple(words("FUND_PRODUCT_AFTER"))  # (_fund_product)
        self.fund_product_before = tuple(words("FUND_PRODUCT_BEFORE"))
        self.fund_firm_after = tuple(words("FUND_FIRM_AFTER"))
        self.fund_firms = frozenset(words("FUND_FIRMS"))  # (X whose X基金 is a fund firm)
        self.brand_action = re.compile(alt("BRAND_ACTION")) if words("BRAND_ACTION") else None
        self.brand_action_scan = self.scans.scan(words("BRAND_ACTION"))
        self.firm_after_scan = self.scans.scan(list(context.FIRM_AFTER))  # (_acting_runs)
        # (context.py's car makers, consultancies' trades and analysts' roles: each a small
        # automaton's or a regex's pass over every text before)
        self.car_maker_scan = self.scans.scan(list(context.CAR_MAKERS))
        self.consultancy_scan = self.scans.scan(list(context.CONSULTANCY_TRADES))
        self.analyst_role_scan = self.scans.scan(list(context.ANALYST_ROLES))
        # (_brand_region's regions: its alternation's finditer, a class tried at every
        # character of a text with 区; no word of them is another's prefix, so leftmost-longest
        # is the alternation's leftmost-first)
        self.region_arm_scan = self.scans.scan(list(context.REGION_ARM_WORDS))
        self.brand_action_before_scan = self.scans.scan(
            words("BRAND_ACTION_BEFORE"))
        self.brand_action_before = re.compile(alt("BRAND_ACTION_BEFORE")) \
            if words("BRAND_ACTION_BEFORE") else None
        self.brand_trade = tuple(sorted(words("BRAND_TRADE"), key=len, reverse=True))
        self.brand_business_scan = self.scans.scan(words("BRAND_BUSINESS"))  # round 18
        self.business_act = tuple(words("BUSINESS_ACT"))
        # round twenty: a firm named right after its kind (context.py, company.kind.apposition)
        self.apposition_kind_scan = self.scans.scan(words("APPOSITION_KIND"))
        self.apposition_kind = tuple(words("APPOSITION_KIND"))
        self.apposition_end = re.compile(alt("COMPANY_SHORT_SUFFIX", "APPOSITION_TRADE"))
        # (speed: a core of two to four characters and the first end after it, one match)
        self.apposition_core_end = re.compile(
            f"(?s:.{{2,4}}?)({alt('COMPANY_SHORT_SUFFIX', 'APPOSITION_TRADE')})")
        self.apposition_act = tuple(words("APPOSITION_ACT"))
        self.apposition_quoted_act = tuple(words("APPOSITION_QUOTED_ACT"))
        # round twenty-two: 北电网络的专利 (context.py, company.brand.possession)
        self.firm_possession = tuple(sorted(words("FIRM_POSSESSION"), key=len, reverse=True))
        # (speed: the 的 before one of them, found by one regex, not a test at every 的)
        self.firm_possession_at = re.compile(f"的(?={first_grouped(words('FIRM_POSSESSION'))})") \
            if words("FIRM_POSSESSION") else None
        self.brand_business = tuple(sorted(words("BRAND_BUSINESS"), key=len, reverse=True))
        self.brand_business_unit = frozenset(words("BRAND_BUSINESS_UNIT"))  # round 23
        self.fund_suffix = re.compile(alt("FUND_SUFFIX")) if words("FUND_SUFFIX") else None
        self.fund_suffix_scan = self.scans.scan(words("FUND_SUFFIX"))
        self.context_not_latin = frozenset(w.upper() for w in words("CONTEXT_NOT_LATIN"))
        self.person_after = tuple(words("PERSON_AFTER"))
        self.person_before = tuple(words("PERSON_BEFORE"))
        self.firm_near = re.compile(alt("FIRM_NEAR")) if words("FIRM_NEAR") else None
        # company.latin (context.py): a latin name before a firm's act, after a trade's role
        latin, time = context.LATIN_WORD, context.TIME_AFTER
        self.latin_acting = re.compile(
            f"{context.LATIN_START}{context.LATIN_REST}(?=(?:{time})?(?:{alt('LATIN_ACTION')}))") \
            if words("LATIN_ACTION") else None
        self.latin_after_role = re.compile(f"(?:{alt('LATIN_ROLE_BEFORE')})({latin})") \
            if words("LATIN_ROLE_BEFORE") else None
        # company.latin.legal: capitalised latin words ending in a legal form or company word
        # (and its 公司, the standard's X公司); a run of them is one name
        self.latin_legal = re.compile(
            r"(?<![A-Za-z0-9&.'\-])(?:[A-Z][A-Za-z0-9&'\-]*\.? ){1,5}"
            f"(?:(?:{alt('LATIN_LEGAL')})(?:\\.|(?![A-Za-z0-9])),? ?)+(?<![ ,])"
            r"(?![A-Za-z0-9])") if words("LATIN_LEGAL") else None

    def score(self, rule: str) -> float:
        return self.scores.get(rule, 0.6)

    # -- reading leftwards ------------------------------------------------------------------
    def _left(self, text: str, end: int, max_len: int, non_name: re.Pattern[str],
              boundary: re.Pattern[str]) -> int:
        """Where a name ending at ``end`` starts: after the last non-name character and the
        last boundary word within ``max_len`` characters."""
        lo = max(0, end - max_len)
        window = text[lo:end]
        last = self._last_name if non_name is self.non_name else \
            self._last_park if non_name is self.non_park else None
        if last is not None:
            found = last.match(window)
            cut = found.end() if found else 0
        else:
            cut = 0
            for match in non_name.finditer(window):
                cut = match.end()
        shields = None  # made at the first boundary word (most windows have none)
        scan = self._boundary_scans.get(id(boundary))
        found = [(s + cut, e + cut) for s, e in scan.spans(window[cut:])] if scan is not None \
            else [m.span() for m in boundary.finditer(window, cut)]
        for word_start, word_end in found:
            if shields is None:
                shields = [m.span() for m in self.not_boundary.finditer(window, cut)] \
                    if self.not_boundary is not None else []
            if shields and any(s <= word_start and word_end <= e for s, e in shields):
                continue  # 高等级: 等 here is no boundary
            cut = max(cut, word_end)
        # 花旗|下调|华澜集团: a boundary word that opens inside the last one found (旗下) and
        # runs on ends the run too (the scan keeps the leftmost of two that overlap)
        if found and 0 < cut < len(window) and window[cut - 1] in self._long_boundary_first:
            onward = self.boundary_start.match(window, cut - 1)
            if onward is not None and onward.end() > cut:
                cut = onward.end()
        # 300家铅酸电池厂, 前10位益海嘉里: a count's measure word is no part of the name
        if 0 < cut < len(window) and window[cut - 1].isdigit() and window[cut] in _MEASURE:
            cut += 1
        # 三十余家鸿达公司: a count in Chinese numerals with its measure word neither
        for match in _CN_COUNT.finditer(window, cut):
            cut = max(cut, match.end())
        # 上月初星巴克, 今年底万科: 初/底/末 after a month or a year is the time word's, not
        # the name's (round twenty-four)
        if 0 < cut < len(window) and window[cut] in "初底末" and window[cut - 1] in "年月":
            cut += 1
        # 27.81%8TCL集团: digits right after a figure are a table's row number, not the name's
        # (3M公司 keeps its digit)
        if 0 < cut < len(window) and window[cut].isdigit() and window[cut - 1] in ".%％":
            while cut < len(window) and window[cut].isdigit():
                cut += 1
        if cut == 0 and lo > 0 and _latin_letter(text[lo - 1]) and _latin_letter(text[lo]):
            # the reach ended inside a latin word (IntegratedMemoryLogic(iML)公司): the name
            # starts where the word does (round thirty)
            start = lo
            while start > 0 and lo - start < _LATIN_REACH and _latin_letter(text[start - 1]):
                start -= 1
            return start
        core = window[cut:]
        if not _ANY_BRACKET.search(core):
            return lo + cut
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

    def _de_inside(self, text: str, start: int, head: int) -> int:
        """Where a name read leftwards was cut at 的 and 的 is inside a name of the 267K list
        that is one word of the dictionary too (奥的斯, 龙的传人: a word, not a phrase with 的),
        the name starts where that word does (美国奥的斯电梯公司 → 奥的斯电梯公司, not
        斯电梯公司; round twenty-four)."""
        gazetteer = self.gazetteer
        if gazetteer is None or start < 2 or text[start - 1] != "的":
            return start
        for before in (1, 2):
            for after in (1, 2):
                if start + after > head or start - 1 - before < 0:
                    continue
                word = text[start - 1 - before : start + after]
                if word in gazetteer.brands and gazetteer.common_brand(word):
                    return start - 1 - before
        return start

    def _starts_cleanly(self, text: str, start: int) -> bool:
        """No name character directly before ``start`` (a name is not read mid-word)."""
        return start == 0 or not ("\u4e00" <= text[start - 1] <= "\u9fff" or
                                  text[start - 1].isalpha())

    # -- finders ------------------------------------------------------------------------------
    def find(self, text: str) -> Iterator[NameHit]:
        # one Aho-Corasick pass finds the curated lexicon's names and the gazetteer's
        matches = self._lexicon_matches(text)
        every = matches
        only = self._attested_only
        if only:  # the rules read the names of the lists and the lexicon, not the attested
            matches = [m for m in matches if m[2] not in only]
        hits = list(self._companies(text, matches))
        hits.extend(self._parks(text, matches))
        hits.extend(self._shorts(text, matches))
        hits.extend(self._enumerations(text))
        hits.extend(self._projects(text))
        hits.extend(self._known(text, matches))
        hits.extend(self._listed(text, hits, matches))
        hits.extend(self._brands(text, hits, matches))
        hits.extend(context.find(self, text, hits, matches))
        hits = context.rebound(self, text, hits, matches)
        hits = context.latin_onward(text, hits, self.context_not_latin)
        hits.extend(self._aliases(text, hits))
        hits.extend(context.fund_cores(self, text, hits))  # 世诚投资 … 世诚
        hits.extend(self._branches(text, hits))
        if self.attested:
            hits.extend(self._attested(text, every, hits))
        stop = self.lexicon.stop
        # brand lists (丰田、本田等品牌) and product words after a name (王老吉凉茶) suppress
        suppressed = {(s, e) for s, e, _, rule, _, _ in hits if rule in self.suppressors}
        for hit in hits:
            start, end, label, rule = hit[:4]
            if rule in self.suppressors or text[start:end] in stop.get(label, ()):
                continue
            if label == "PARK" and _PARK_IN_FIRM.match(text, end):
                continue  # 横琴国际商品交易中心, 中关村E世界: the park's name inside a firm's
            if label == "COMPANY" and rule in _WORD_READ_RULES and self._adverb(text[start:end]):
                continue  # 股价天天跌停, 双双停牌, 今年中期净利润: an adverb, numeral or time word
            if label == "COMPANY" and ((start, end) in suppressed or (
                    rule not in ("company.full", "company.suffix")
                    and (text.startswith(self._product_words, end) or self._model_at(text, end)
                         or self._media_at(text, end) or (
                             start >= 2 and text[start - 1] in _MACHINE_MEASURE
                             and _counted_before(text, start))))):
                continue  # 王老吉凉茶, 奥迪A6, 宝马X系列: the product; 新浪财经: the outlet
            yield hit

    def _kind_firm_cut(self, core: str) -> int:
        """Where a name read leftwards opens with a kind of enterprise (企业 or X企 after at
        most two characters that no list names: 钢企, 大陆企业, 出口企业) and a place or a known or
        listed name follows it, the kind word is no part of the name: how many characters it
        takes (0 where none; round fifteen: 大陆企业杭州溢香源生物科技有限公司 → 杭州…).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder._kind_firm_cut("大陆企业杭州溢香源"), finder._kind_firm_cut("万科企业")
        (4, 0)
        """
        m = _KIND_FIRM.match(core)
        if m is None:
            return 0
        head, rest = core[: m.start(1)], core[m.end() :]
        gazetteer = self.gazetteer
        listed = gazetteer.listed if gazetteer is not None else ()
        if len(rest) < 2 or head in self.known_label or head in listed:
            return 0
        place = self.place.match(rest)
        if (place is not None and place.end() < len(rest)) or any(
                rest[:k] in self.known_label or rest[:k] in listed
                for k in range(2, min(len(rest), 6) + 1)):
            return m.end()
        return 0

    def _kind_phrase_cut(self, core: str, suffix: str) -> int:
        """:meth:`_read_kind_phrase_cut`, kept by core and suffix (bounded)."""
        return _kept(self._kind_cuts, (core, suffix), self._read_kind_phrase_cut, core, suffix)

    def _read_kind_phrase_cut(self, core: str, suffix: str) -> int:
        """Where a core read leftwards before a company word holds a kind of firm
        (``APPOSITION_KIND``: 企业, 机构, 厂商 …) after a phrase of two characters or more with
        no name of a list in it, and a name follows (no kind, no clause), the kind phrase is
        a descriptor, no part of the name (the standard's further decisions: 英国建筑公司
        Carillion → Carillion): how many characters to cut, 0 for none (round twenty:
        肉制品加工企业双汇集团 → 双汇集团, 投资机构瑞信达投资公司 → 瑞信达投资公司).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> cut = finder._kind_phrase_cut
        >>> cut("环保监测机构瑞士SGS", "公司"), cut("万科企业", "集团")
        (6, 0)
        """
        gazetteer = self.gazetteer
        if gazetteer is None:
            return 0
        best, phrase = 0, ""
        for kind in self.apposition_kind:
            at = core.rfind(kind)
            if at >= 2 and len(core) - at - len(kind) >= 2 and at + len(kind) > best:
                best, phrase = at + len(kind), core[:at]
        if not best:
            return 0
        head, rest = phrase, core[best:]
        listed, brands = gazetteer.listed, gazetteer.brands
        if self.known is not None and self.known.find_matches_as_indexes(head):
            return 0
        for i in range(len(head) - 1):
            for j in range(i + 2, min(len(head), i + 6) + 1):
                name = head[i:j]
                if name in listed or (name in brands and not gazetteer.common_brand(name)):
                    return 0  # 万科企业集团, 益海嘉里公司…: a name's own word
        if not self._company_core_ok(rest, suffix) or self.clause_cut(rest) != 0 or \
                self.kind_core(rest, suffix) or (
                    gazetteer.kind_word(rest) and rest not in listed and rest not in brands
                    and self.known_label.get(rest) != "COMPANY"):
            return 0
        return best

    def _adverb(self, name: str) -> bool:
        """A name read off a firm's act after it (brand.trigger, brand.action, listed.trigger)
        that is an adverb, numeral or time word of jieba's dictionary and no curated or known
        name is that word (天天跌停, 双双停牌, 三季净利, 中期净利润; round fourteen): a
        firm's name is a noun.

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder._adverb("双双"), finder._adverb("通用")
        (True, False)
        """
        gazetteer = self.gazetteer
        return gazetteer is not None and name not in self.known_label and \
            gazetteer.nonname_word(name) in _ADVERB_TAGS

    def _company_core_ok(self, core: str, suffix: str) -> bool:
        if len(core) < self.min_core.get(suffix, 2 if suffix != "厂" else 4):
            return False
        if core.endswith(("母", "子", "控股子", "全资子")) and suffix == "公司":
            return False
        if suffix.endswith("厂") and core.endswith(self.facilities):
            return False
        if self.known is not None and self.known.find_matches_as_indexes(core):
            return True  # 中国电信重庆分公司: a known name inside is never generic
        if not self.company_generic.fullmatch(core):
            return True
        # a registered full name may be all place and trade (中国进出口汽车贸易有限公司): with
        # 有限 and a place first, four characters of trade after it make it a name
        place = self.place.match(core) if "有限" in suffix else None
        if place and len(core) - place.end() >= 4:
            return True
        # a branch of a firm that is a name (广东发展银行深圳分行): the firm decides
        if suffix.startswith(_BRANCH_SUFFIX):
            for parent in ("银行", "公司"):
                at = core.rfind(parent)
                if at > 0 and self.place.fullmatch(core, at + len(parent)) and \
                        self._company_core_ok(core[:at], parent):
                    return True
            gazetteer = self.gazetteer
            for at in range(2, len(core) - 1):  # 中国石化|广东|分公司: a listed firm's branch
                if self.place.fullmatch(core, at) and (core[:at] in self.known_label or (
                        gazetteer is not None and core[:at] in gazetteer.listed)):
                    return True
        # a city's own bank (广州商业银行, 万州农村商业银行): a named place and the bank's kind;
        # not 各商业银行, 农村商业银行, 中资银行 (no place of its own)
        kind = next((k for k in _BANK_KIND if core.endswith(k)), None)
        return bool(suffix == "银行" and kind and len(core) - len(kind) >= 2
                    and self.place.fullmatch(core, 0, len(core) - len(kind))
                    and core[: len(core) - len(kind)] not in _NOT_A_CITY)

    def _place_trade(self, text: str, start: int, head: int, end: int) -> bool:
        """A core that is only a place and trade words before 公司, 总公司, 集团 or 集团公司
        is the firm's name where the place is a province or city of China (``PLACE`` less
        ``PLACE_NOT_HOME``, with its level: 株洲市) and the trade after it is made of whole
        words of two characters or more, none of them a size, count, rank, ownership or
        market (``TRADE_MODIFIER``, a numeral): 宁夏石化公司, 株洲市国有资产投资经营公司, 北京公交
        集团 (the standard: a contiguous place prefix of a full name stays; round sixteen).
        Not after a count (三家上海汽车公司: a kind counted), nor before a name it describes
        (上海汽车公司Xyz, …公司徐福记: a latin or listed name right after it). Before 集团 or
        集团公司 the place may be China itself (``PLACE_GROUP_HOME``: 中国有色集团); before 公司
        not (中国科技公司 is a kind far more often than a name).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> [finder._place_trade(t, 0, t.index("公司"), len(t))
        ...  for t in ("宁夏石化公司", "美国科技公司", "上海大型汽车公司")]
        [True, False, False]
        """
        suffix = text[head:end]
        if self.home_place is None or suffix not in _PLACE_TRADE_SUFFIX:
            return False
        place = self.home_place.match(text, start, head)
        if place is None and self.group_place is not None and suffix.startswith("集团"):
            place = self.group_place.match(text, start, head)
        if place is None or head - place.end() < 2:
            return False
        at = place.end()
        while at < head:  # the trade: whole words, longest first
            word = self.trade_word.match(text, at, head)
            if word is None or len(word.group()) < 2 or word.group() in self.trade_modifier \
                    or not _CN_NUMERALS.isdisjoint(word.group()):
                return False
            at = word.end()
        if start > 0 and (text[start - 1] in _MEASURE or text[start - 1] in "些"):
            return False  # 三家上海汽车公司, 一些北京建筑公司: a kind counted
        after = text[end : end + 1]
        if after.isascii() and after.isalpha():
            return False  # 上海汽车公司Xyz: a descriptor of the latin name after it
        gazetteer = self.gazetteer
        listed = gazetteer.listed if gazetteer is not None else ()
        return not any(text[end : end + k] in self.known_label or text[end : end + k] in listed
                       for k in range(2, 7))

    def clause_cut(self, core: str) -> int | None:
        """Words no firm's name opens or ends with (verbs, adverbs, numerals, time words,
        pronouns: jieba's classes, ``words-nonname.tsv``) at the edges of a core read
        leftwards: those that open it are cut off (允许日产汽车 → 日产汽车: how many characters,
        0 for none); one that ends it, or nothing left, makes it a clause or a phrase and no
        name (可能导致公司, 发现公司, 很多银行, 发行股份: None). A name of a list that opens or
        ends the core, or a known name inside it, decides instead (导致李宁公司 is left to the
        rebound to 李宁公司).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> [finder.clause_cut(c) for c in ("可能导致", "很多", "宏图钢铁", "允许宏图钢铁")]
        [None, None, 0, 2]
        """
        gazetteer = self.gazetteer
        if gazetteer is None or len(core) < 2:
            return 0
        word = gazetteer.nonname_word
        # (speed: the edges of 2, 3 and 4 characters asked in C; a core shorter than 4 asks
        # itself again, which answers the same)
        if not any(map(gazetteer.nonname_table().get, (core[:2], core[-2:], core[:3], core[-3:],
                                                       core[:4], core[-4:]))):
            return 0  # most cores (speed: the names below are asked only of the rest)
        if self.known is not None and self.known.find_matches_as_indexes(core):
            return 0
        listed, brands = gazetteer.listed, gazetteer.brands
        for name in {core[:k] for k in range(2, len(core) + 1)} | \
                {core[-k:] for k in range(2, len(core) + 1)}:
            if name in listed or (name in brands and not gazetteer.common_brand(name)):
                return 0
        cut = 0
        while True:  # verbs, adverbs, time words open no name; a numeral may open a word
            size = next((k for k in (4, 3, 2) if cut + k <= len(core)
                         and word(core[cut : cut + k])), 0)  # (一季|报, 千亿|级): no cut there
            if not size:
                break
            if word(core[cut : cut + size]) not in _CUT_TAGS:
                return None
            cut += size
        rest = core[cut:]
        if len(rest) < 2 or any(word(rest[-k:]) for k in range(2, min(4, len(rest)) + 1)):
            return None
        # what is left after a cut is a name only where it is no fragment of a clause: three
        # characters or more, no such word anywhere inside (采购款项落入外国公司)
        if cut and (len(rest) < 3 or any(word(rest[i : i + k]) for i in range(len(rest))
                                          for k in (2, 3, 4) if i + k <= len(rest))):
            return None
        return cut

    def list_name_cut(self, core: str) -> int:
        """批准|益海公司: verbs, adverbs or time words alone before a name of a list that ends
        a suffix name's core are cut off as before any other core (:meth:`clause_cut` leaves a
        core that a list name ends to the names' own rules): how many characters, 0 for none.
        The longest such name first; never a place, which jieba may tag so (大连 'd': 大连万达
        集团 stays whole)."""
        gazetteer = self.gazetteer
        if gazetteer is None or len(core) < 4 or self.place.match(core):
            return 0
        listed, brands = gazetteer.listed, gazetteer.brands
        word = gazetteer.nonname_word
        opens = word(core[:2]) in _CUT_TAGS
        for k in range(2, len(core) - 1):
            name = core[k:]
            if not (name in listed or name in self.known_label
                    or (name in brands and not gazetteer.common_brand(name))):
                continue
            if opens and self._all_cut_words(core[:k]):
                return k
            # 多方途径获知|台积电公司 (round twenty-five): a verb of two characters or more
            # right before a name of a list that ends the core is where the name starts
            if any(word(core[k - j : k]) == "v" for j in (2, 3) if j <= k) and \
                    not self.place.fullmatch(core, 0, k):
                return k
        return 0

    def _all_cut_words(self, part: str) -> bool:
        """``part`` is made only of words of ``_CUT_TAGS`` (verbs, adverbs, time words …),
        read from its start, the longest word first (已批准, 日前批准)."""
        word = self.gazetteer.nonname_word
        cut = 0
        while cut < len(part):
            size = next((k for k in (4, 3, 2) if cut + k <= len(part)
                         and word(part[cut : cut + k]) in _CUT_TAGS), 0)
            if not size:
                return False
            cut += size
        return cut > 0

    def kind_core(self, core: str, suffix: str, short: bool = False) -> bool:
        """The core is one common noun, adjective or distinguishing word of jieba's dictionary
        (``words-kind.tsv``) and neither it nor the whole name is a name of a list: a kind of
        firm (影视公司, 权益基金, 利率期货), not a firm; only before 公司, 基金, 期货, 信托.
        Before 基金, a core ending in a word of ``FUND_KIND`` (国家队, 偏股, FOF母) that is no
        known or listed name is a kind of fund too (round thirteen).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder.kind_core("影视", "公司"), finder.kind_core("宏图", "公司")
        (True, False)
        """
        gazetteer = self.gazetteer
        if suffix == "基金" and core.endswith(self.fund_kind) and not (
                core in self.known_label or (gazetteer is not None and core in gazetteer.listed)):
            return True  # 国家队基金, 偏股基金, FOF母基金: a kind of fund (FUND_KIND), no firm
        # (a short name's industry word too: 资深乳业, 影视传媒, 大量股份; not 证券, 保险,
        # 控股, which nouns name as well: 野村证券, 友邦保险, 野村控股; nor a word that is a
        # name of the 267K list, common or not: 浩然置业)
        if (suffix not in _KIND_SUFFIX and not (short and suffix not in _NOUN_NAMED)) or \
                gazetteer is None or not gazetteer.kind_word(core):
            return False
        if suffix not in _KIND_SUFFIX and core in gazetteer.brands:
            return False
        return not any(name in self.known_label or name in gazetteer.listed or (
            name in gazetteer.brands and not gazetteer.common_brand(name))
            for name in (core, core + suffix))

    def _named_fund(self, core: str) -> bool:
        """A list names the core before 基金: a known or listed name, or core + 基金 a fund firm
        of the 267K list (天治基金); neither _fund_cut nor _fund_product then applies."""
        gazetteer = self.gazetteer
        return core in self.known_label or (gazetteer is not None and (
            core in gazetteer.listed or core + "基金" in gazetteer.brands))

    def _fund_cut(self, text: str, start: int, end: int) -> bool:
        """A short core before 基金 that no list names (neither core nor core + 基金: the 267K
        list's fund firms, listed and known names) and that is cut across words, so no fund
        firm's short name (round fourteen): it opens inside a word (市值|占基金, 使得|本基金:
        a word of jieba's non-name or kind classes runs across its start, and none ends right
        before it, as 去年 does before 前海开源基金), right after a
        number (60亿|定增基金, 1000|B), with a function character (最后基金) or holds no
        name character (B（基金) or 基金 itself (基金代码基金); it ends in a verb taking the
        fund as its object (人买基金, 新购基金: ``FUND_VERB``); or 基金 runs on into 金融
        (新鸿基|金融).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder._fund_cut("有人买基金", 1, 5), finder._fund_cut("天治基金", 0, 4)
        (True, False)
        """
        core = text[start : end - 2]
        if text.startswith("融", end):
            return True  # 新鸿基金融: 金融 is the word
        if self._named_fund(core):
            return False
        if "基金" in core or not all(c.isalnum() for c in core) or \
                core[0] in self.function_start or core.endswith(self.fund_verb):
            return True
        before = text[max(0, start - 2) : start]
        if before[-1:].isdigit() or (before[-1:] in ("万", "亿") and before[:1].isdigit()):
            return True  # 60亿定增基金, 1000B: a sum's or a code's
        gazetteer = self.gazetteer
        if gazetteer is None or start < 1:
            return False
        word = gazetteer.nonname_word
        if start >= 2 and (word(before) or gazetteer.kind_word(before)):
            return False  # 去年|前海开源基金: a word ends right before it (not 年前)
        return any(word(w) or gazetteer.kind_word(w)
                   for b in (1, 2) if start - b >= 0
                   for w in (text[start - b : start + 1], text[start - b : start + 2]))

    def _fund_product(self, text: str, core: str) -> bool:
        """X基金 names a fund, not a fund firm (round fourteen; the standard: a fund that is no
        firm is not COMPANY): no list names X or X基金 (the 267K list's fund firms, listed and
        known names), somewhere in the text a fund's own words follow it or its manager
        precedes it (大奖章基金的规模, 净赚了, 麦哲伦基金年报, 其管理的大奖章基金:
        ``FUND_PRODUCT_AFTER``, ``FUND_PRODUCT_BEFORE``) and nowhere a firm's act follows it
        (``FUND_FIRM_AFTER``, ``COMPANY_TRIGGER``, ``CONTEXT_TRIGGER``, ``BRAND_ACTION``:
        桥水基金创始人, 腾祺基金管理).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder._fund_product("大奖章基金的规模不过50亿美元", "大奖章")
        True
        >>> finder._fund_product("大奖章基金的规模不过50亿美元，大奖章基金表示", "大奖章")
        False
        """
        if self._named_fund(core):
            return False
        name = core + "基金"
        product = False
        at = text.find(name)
        while at != -1:
            end = at + len(name)
            if text.startswith(self.fund_firm_after, end) or any(
                    pattern is not None and pattern.match(text, end)
                    for pattern in (self.trigger, self.context_trigger, self.brand_action)):
                return False  # a firm's act: 桥水基金创始人
            product = product or text.startswith(self.fund_product_after, end) or \
                text.endswith(self.fund_product_before, max(0, at - 6), at)
            at = text.find(name, end)
        return product

    def _shares_of(self, text: str, start: int, word: str) -> bool:
        """持有乐视网股份: 股份 after a holding or buying verb and a firm's own name of a list
        (not itself a listed name, as 伊利股份 is) is its shares, and the name alone is the firm
        (the listed rule's); 卖给银亿股份 is the firm."""
        gazetteer = self.gazetteer
        if word != "股份" or gazetteer is None or \
                not text.endswith(_HOLDING, max(0, start - 2), start):
            return False
        core = text[start : text.index(word, start)]
        return (core in gazetteer.listed or core in self.known_label) and \
            core + word not in gazetteer.listed

    def _verb_cut(self, core: str) -> int:
        """Where a park's name read leftwards starts after the last verb, adverb or time word
        of jieba's dictionary inside it (and a particle after it) that a place follows: the
        place opens the name (家住南岸经开区 → 南岸经开区, 坐落美国硅谷 → 美国硅谷, no park);
        0 where there is none.

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder._verb_cut("来到成都市高新"), finder._verb_cut("中科院计算所龙芯")
        (2, 0)
        """
        word = self.gazetteer.nonname_word if self.gazetteer is not None else None
        if word is None or len(core) < 4:
            return 0
        for i in range(len(core) - 3, -1, -1):  # the rightmost such word before a place
            for k in (4, 3, 2):
                cut = i + k
                if cut > len(core) - 2 or word(core[i:cut]) not in _CUT_TAGS:
                    continue
                while cut < len(core) - 2 and core[cut] in "着了过到在于至":
                    cut += 1
                # only before a place (地处成都市…, 坐落美国…): a park's own words (开发,
                # 计算所, 现代制造) hold verbs too, and a cut there would split the name
                if core[cut] not in "区市县镇省州" and self.place.match(core, cut):
                    return cut  # (开发|区杭州…: a word ran into a level, no cut there)
        return 0

    def _companies(self, text: str, matches: list[tuple[int, int, str]] = ()
                   ) -> Iterator[NameHit]:
        # known and listed names by where they end: a name read leftwards that holds one at
        # its end, with more than a place before it, is that name (我欠中信银行 → 中信银行)
        ending = {}
        for s, e, _name in matches:
            if s < ending.get(e, e):
                ending[e] = s
        for head, m_end in self.company_suffix_scan.spans(text):  # (its finditer, faster)
            suffix = text[head:m_end]
            if suffix.endswith("厂") and (
                    text.startswith(self.factory_not_after, m_end)
                    or (text[max(0, head - 2) : head].endswith(self.factory_not_before)
                        and not text[max(0, head - 2) : head].endswith(_TRADE_GONG))):
                continue  # 厂商, 工厂, 建厂; but 木材加工厂, 化工厂 are factories
            if text.startswith(self.suffix_not_after, m_end):
                continue  # 银行卡, 公司法, 集团化
            start = self._left(text, head, self.company_max, self.non_name,
                               self.company_boundary)
            known_start = ending.get(m_end)
            if known_start is not None and start < known_start < head and \
                    not self.place.fullmatch(text, start, known_start):
                # 升级中国光大银行 → 中国光大银行: a place right before the name stays in
                start = next((known_start - k for k in range(known_start - start - 1, 0, -1)
                              if self.place.fullmatch(text, known_start - k, known_start)),
                             known_start)
            if not suffix.startswith(_BRANCH_SUFFIX):
                # 招商银行投资永隆银行, 投资银行雷曼兄弟公司: a bank or a company ends a name;
                # one read leftwards does not run across it (a branch does: 招商银行北京分行)
                for inner in _INNER_SUFFIX.finditer(text, start, head):
                    rest = text[inner.end() : head]  # 渣打银行（中国）有限公司: a place
                    if not (self.place.fullmatch(rest) or _BRACKET.fullmatch(rest)
                            or rest.startswith(("（", "("))):
                        start = inner.end()
            start = self._de_inside(text, start, head)  # 奥的斯电梯公司, not 斯电梯公司
            core = text[start:head]
            if not core:
                continue
            if not self._company_core_ok(core, suffix):
                if self._place_trade(text, start, head, m_end):
                    yield (start, m_end, "COMPANY", "company.place.trade",
                           self.score("company.place.trade"), 0)
                continue
            rule = "company.full" if _LEGAL.search(suffix) and "有限" in suffix \
                else "company.suffix"
            joint = _JOINT_KIND.search(core) if rule == "company.suffix" else None
            if joint is not None:
                # 液晶面板合资公司, 中外合资集装箱涂料公司: a joint venture of some kind, no
                # name; after 合资企业 the name follows it (合资企业长安福特马自达汽车公司)
                if not joint.group().endswith("企业"):
                    continue
                start, core = start + joint.end(), core[joint.end():]
                if len(core) < 2 or not self._company_core_ok(core, suffix):
                    continue
            cut = self._kind_firm_cut(core)
            if cut:  # 大陆企业杭州…有限公司, 出口企业诺基亚首信…: the kind word stays out
                start, core = start + cut, core[cut:]
            elif rule == "company.suffix":
                cut = self._kind_phrase_cut(core, suffix)  # 肉制品加工企业|双汇集团 (round 20)
                start, core = start + cut, core[cut:]
            if rule == "company.suffix" and ("级" in core or core[-1] in "类型") and \
                    not core.endswith(_LEGAL_FORMS):
                continue  # 省级分行, 五星级酒店, 价值型公司, 地产类公司: a level, a grade, a kind
            if rule == "company.suffix":
                cut = self.clause_cut(core)  # 可能导致公司, 很多银行: a clause, a phrase
                if cut == 0:
                    cut = self.list_name_cut(core)  # 批准|益海公司
                if cut is None or (cut and not self._company_core_ok(core[cut:], suffix)):
                    continue
                start += cut  # 允许日产汽车公司: the verb stays out
                if self.kind_core(core[cut:], suffix):
                    continue  # 影视公司, 内地公司: a kind
            yield (start, m_end, "COMPANY", rule, self.score(rule), 0)

    def _parks(self, text: str, matches: list[tuple[int, int, str]] = ()
               ) -> Iterator[NameHit]:
        starts = {s for s, _, _ in matches}
        for head, head_end in self.park_head_scan.spans(text):
            word = text[head:head_end]
            if text.startswith(self.head_not_after, head_end):
                continue
            start = self._left(text, head, self.park_max, self.non_park, self.park_boundary)
            core = text[start:head].strip("—－-")
            start = head - len(core)
            cut = self._verb_cut(core)  # 坐落美国硅谷, 地处成都市…经济开发区: after the verb
            if cut:
                start, core = start + cut, core[cut:]
            if len(core) < 2 or self.park_generic.fullmatch(core) or core[-1] in _CN_NUMERALS:
                continue  # 市级高新区, 一园六组团
            if word == _TOWN_HEAD and not core.endswith(_TOWN_TRADES):
                continue  # 滨海新城, 顺义新城: a new town, not a zone
            if word in self.subarea_heads and not self.any_park_head.search(core):
                continue  # 片区 only inside a park: 浦里新区长沙片区
            if word.endswith("基地") and start in starts:
                continue  # 格力电器西南产业基地: a firm's base; the firm is the name
            if start and text[start - 1] == "的" and self._park_goal(text, start):
                continue  # 打造成为全国一流的电动车产业基地: a goal's title, no name
            if self.not_park_name and (text[start:head_end] in self.not_park_name or (
                    (place := self.place.match(text, start, head))
                    and text[place.end():head_end] in self.not_park_name)):
                continue  # 杭州钱江新城: a business district, not an industrial zone
            end = head_end
            bracket = _BRACKET.match(text, end)  # 綦江高新区(工业园区)
            if bracket and self.any_park_head.search(bracket.group()):
                end = bracket.end()
            yield (start, end, "PARK", "park.head", self.score("park.head"), 0)

    def _park_goal(self, text: str, start: int) -> bool:
        """A park read at ``start`` (after 的) is the title of a goal (成为…的, 打造成…的)
        with no place opening it: a category, not a name (the standard's 市级高新区).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder._park_goal("打造成为全国一流的光电子产业基地", 9)
        True
        >>> finder._park_goal("打造成为全国一流的重庆光电子产业基地", 9)
        False
        """
        return _PARK_GOAL.search(text, max(0, start - _GOAL_WINDOW), start) is not None and \
            self.place.match(text, start) is None

    def _shorts(self, text: str, matches: list[tuple[int, int, str]] = ()
                ) -> Iterator[NameHit]:
        """千能实业, 亚特蓝电器: a short core (2 to 4 characters) and an industry word; the
        shortest core that starts a word wins; a place before it stays out. Where a known or
        listed name ends with the word, that name decides (落实金风科技 → 金风科技)."""
        known_at = {e: s for s, e, n in matches if len(n) >= 4}  # a specific name ends here
        found = [(s, e, False) for s, e in self.short_suffix_scan.spans(text)]  # (finditer)
        if self.named_suffix_scan is not None:
            found += [(s, e, True) for s, e in self.named_suffix_scan.spans(text)]
            found.sort()
        for m_start, m_end, named in found:
            word = text[m_start:m_end]
            after = text[m_end : m_end + 4]
            if after.startswith(self.short_not_after):
                continue  # 依靠科技进步: the word goes on
            stem = m_start  # where the core ends
            if m_start and text[m_start - 1] in ")）":
                # 味千(中国)控股: a place in brackets between the core and the word belongs to
                # the name; the core is read before the brackets (round twenty-four)
                opening = text.rfind("(" if text[m_start - 1] == ")" else "（",
                                     max(0, m_start - 8), m_start - 1)
                if opening < 0 or not self.place.fullmatch(text, opening + 1, m_start - 1):
                    continue
                stem = opening
            for size in range(self.short_core, self.short_core + 3):
                start = stem - size
                if start < 0:
                    break
                core = text[start:stem]
                if self.non_name.search(core) or self.boundary_start.search(core):
                    break
                if self.company_generic.fullmatch(core) or "级" in core or core[-1] in "类型":
                    break  # (千亿级基金, 分级B基金, 融资类信托, 价值型基金: a grade, a kind)
                if named and (not self._named_core(core) or core in self.fund_firms or
                              text.startswith(_NAMED_NOT_AFTER, m_end)):
                    continue  # (华鼎|地产, 北电|网络: only a name of the lists; not 鹏华地产分级,
                    # a fund's name, nor 交通大学软件学院)
                if size > self.short_core and core[0] in self.function_start:
                    break
                before_start = self._left(text, start, 8, self.non_name, self.company_boundary)
                before = text[before_start:start]
                if (not before or self.place.fullmatch(before)
                        or size == self.short_core and self._verb_opens(text, start, core, word)) \
                        and \
                        not self._straddled(text, start):  # 这种高科技: not 种高科技
                    if known_at.get(m_end, start) <= start and \
                            self.clause_cut(core) == 0 and \
                            not self.kind_core(core, word, short=True) and \
                            not self._shares_of(text, start, word) and \
                            not (word == "基金" and (self._fund_cut(text, start, m_end)
                                                   or self._fund_product(text, core))):
                        yield (start, m_end, "COMPANY", "company.short",
                               self.score("company.short"), 0)
                    break

    def _named_core(self, core: str) -> bool:
        """A core a ``COMPANY_NAMED_SUFFIX`` word may follow: a known or listed name, or an
        uncommon one of the 267K list, and no word of jieba's dictionary, kind or place.

        >>> from econer.annotate.rules.ruler import load_rules
        >>> finder = load_rules()._names
        >>> [finder._named_core(c) for c in ("全时", "海洋", "交通", "北京")]
        [True, False, False, False]
        """
        gazetteer = self.gazetteer
        if gazetteer is None or gazetteer.nonname_word(core) or gazetteer.kind_word(core) or \
                self.place.fullmatch(core) or self.company_generic.fullmatch(core):
            return False
        return core in self.known_label or core in gazetteer.listed or \
            core in gazetteer.brands and not gazetteer.common_brand(core)

    def _verb_opens(self, text: str, start: int, core: str, word: str) -> bool:
        """A verb of two characters ends right before a two-character core (a place between
        them stays out), the core is no word of jieba's dictionary nor a kind, and the word
        after it names no financial product (放任北京|点翼科技, 购入|鼎泰新材, 依赖|瑞萨电子;
        not 发展|高新科技, 开立|普通证券, 优胜|金牛基金): the verb's object is the firm
        (round thirty; on the corpus's paragraphs outside the test articles 6 of 9 new spans
        before 基金, 信托 or 证券 were wrong, the 12 others right).

        >>> from econer.annotate.rules.ruler import load_rules
        >>> finder = load_rules()._names
        >>> [finder._verb_opens(t, t.index(c), c, w) for t, c, w in (
        ...     ("继续放任北京点翼科技亏损", "点翼", "科技"), ("发展高新科技", "高新", "科技"),
        ...     ("开立普通证券账户", "普通", "证券"))]
        [True, False, False]
        """
        gazetteer = self.gazetteer
        if gazetteer is None or word in _PRODUCT_WORDS:
            return False
        verb_end = start
        for size in (2, 3):  # (北京, 内蒙古: a place of the list between verb and core)
            if start - size >= 2 and self.place.fullmatch(text, start - size, start):
                verb_end = start - size
                break
        if verb_end < 2 or gazetteer.nonname_word(text[verb_end - 2 : verb_end]) != "v":
            return False
        return not (gazetteer.nonname_word(core) or gazetteer.kind_word(core)
                    or core in gazetteer.brands and gazetteer.common_brand(core))

    def brand_listed(self, text: str) -> set[tuple[int, int]]:
        """The items of brand lists (丰田、本田等品牌): no COMPANY at those places, however
        found later (the repeat pass and the names between firms too).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> sorted(NameFinder(load_patterns()).brand_listed("索尼、夏普等日本品牌"))
        [(0, 2), (3, 5)]
        """
        if "品牌" not in text:
            return set()
        return {(s, e) for s, e, *_ in self._enumerations(text, suppressing=True)}

    def firm_named(self, name: str) -> bool:
        """A name of the curated lexicon, a listed name or a brand of the 267K list that is no
        common word: what a brand list's item must be to name a firm elsewhere (惠氏, not
        柴油机厂 or a car model)."""
        gazetteer = self.gazetteer
        return name in self.known_label or (gazetteer is not None and (
            name in gazetteer.listed or (name in gazetteer.brands
                                         and not gazetteer.common_brand(name))))

    def _enumerations(self, text: str, suppressing: bool = False) -> Iterator[NameHit]:
        for rule, label, trigger, max_item, suppress, trigger_not in self.enumerations:
            if suppressing and not suppress:
                continue
            needs = self.requires.get(rule)
            if needs and not any(map(text.__contains__, needs)):
                continue
            if rule == _OPENED_LIST:
                yield from self._opened_lists(text, trigger, max_item)
                continue
            found = _counted_triggers(trigger, text) if rule == _COUNTED_LIST \
                else trigger.finditer(text)
            for match in found:
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
                    if len(items) > 1:
                        non_name = self.non_park if label == "PARK" else self.non_name
                        boundary = self.park_boundary if label == "PARK" \
                            else self.company_boundary
                        if self._left(text, pos, max_item, non_name, boundary) > item_start:
                            break  # 节能灯主要被美国GE、飞利浦: a verb inside ends the list
                    pos = lo + sep
                if len(items) < 2:
                    if not (items and rule == _COUNTED_LIST and _joined(text, items[0])):
                        continue
                    # 上海明观和北京商络两家投资人: two names joined by 和 and their count
                    items = _split_conjunctions(text, items)[::-1]
                first_start, first_end = items[-1]
                non_name = self.non_park if label == "PARK" else self.non_name
                boundary = self.park_boundary if label == "PARK" else self.company_boundary
                cleaned = _strip_first(self._left(text, first_end, max_item, non_name, boundary),
                                       first_start)
                items[-1] = (cleaned, first_end)
                parts = _split_conjunctions(text, items)
                if rule == _COUNTED_LIST:
                    if not self._counted_list(text, match.group(), parts):
                        continue
                    # items with a company word are the suffix rule's (宜兴市长江稀土冶炼厂
                    # keeps its place there; 约谈|中粮集团 its start)
                    parts = [(a, b) for a, b in parts
                             if not self.company_suffix.search(text, a, b)]
                if self.firm_group_end.search(match.group()):
                    # round twenty-one: 等外资巨头, 等运营商: every item a name, one of the lists
                    yield from self._group_list(text, parts, rule)
                    continue
                for start, stop in parts:
                    stop = self._strip_phase(text, start, stop)
                    if stop - start < 2 or non_name.search(text, start, stop):
                        continue
                    item = text[start:stop]
                    if label == "COMPANY" and not _LEGAL.search(item):
                        place = self.place.match(item)  # 万州雷士照明 → 雷士照明
                        if place and len(item) - place.end() >= 2:
                            start += place.end()
                            item = text[start:stop]
                    if label == "COMPANY" and not suppress and (
                            self.company_generic.fullmatch(item) or self._kind_item(item)
                            or item.endswith(self.item_not_company)
                            or self._starts_with_industry(item)):
                        continue
                    if label == "PARK" and self.park_generic.fullmatch(item):
                        continue
                    yield (start, stop, label, rule, 0.0 if suppress else self.score(rule), 0)

    def _kind_item(self, item: str) -> bool:
        """An item of a list that names a kind, not a firm (round twenty-four): 各类型经销商
        (各, 每 or a type opens it), 欧洲|柴油机 (a common noun of the dictionary that no list
        names: the product)."""
        if item[0] in "各每" or "类型" in item:
            return True
        gazetteer = self.gazetteer
        return gazetteer is not None and (gazetteer.kind_word(item) or bool(
            gazetteer.nonname_word(item))) and \
            item not in self.known_label and item not in gazetteer.listed and \
            item not in gazetteer.brands  # (and a verb or numeral: 安装、调试等服务项目)

    def _opened_lists(self, text: str, trigger: re.Pattern[str],
                      max_item: int) -> Iterator[NameHit]:
        """童装品牌商，如甲、乙、丙。: a 、-list opened by a collective noun of firms and 如,
        包括, 例如 or 比如 names firms where it ends the clause (or ends with 等 and the clause,
        or 等 and a firms' noun), has two items or more, and every item looks like a name (no
        place, no verb or other word of jieba's non-name classes at its end, no kind, no
        industry: 企业如钢铁、水泥 lists trades)."""
        for match in _keyed_triggers(trigger, text, self.requires.get(_OPENED_LIST, ())):
            items: list[tuple[int, int]] = []
            pos = match.end()
            closed = False
            while True:
                window = text[pos : pos + max_item + 1]
                cut = next((k for k, c in enumerate(window) if c in _OPENED_SEPARATORS
                            or c == "等"), None)
                if cut is None:
                    if len(window) <= max_item:  # the text ends with the item
                        items.append((pos, len(text)))
                        closed = True
                    break  # else an item too long for a name: no list
                stop = pos + cut
                items.append((pos, stop))
                if text[stop] == "、":
                    pos = stop + 1
                    continue
                if text[stop] == "等":  # 甲、乙等。 / 甲、乙等都 / 甲、乙等企业, not 等产品
                    rest = text[stop + 1 : stop + 4]
                    closed = not rest or rest[0] in _CLAUSE_END or \
                        rest.startswith(_AFTER_ETC) or bool(self.firm_group_after.match(rest))
                else:
                    closed = text[stop] in _CLAUSE_END
                break
            if len(items) < 2 or not closed:
                continue
            names = self._name_items(text, _split_conjunctions(text, items))
            if names is not None:
                for start, stop in names:
                    yield (start, stop, "COMPANY", _OPENED_LIST, self.score(_OPENED_LIST), 0)

    def _group_list(self, text: str, parts: list[tuple[int, int]],
                    rule: str) -> Iterator[NameHit]:
        """美赞臣、雅培等外资巨头, 甲、乙等运营商: a list closed by a collective noun of firms
        names firms where every item looks like a name and one at least is a name of the lists
        (or latin): 占比高、规模大等原因…房企 and 维修、加油等定点供应商 list no firms. A
        preposition or verb before the first name stays out (比美赞臣, 超过微软)."""
        if not parts:
            return
        parts = sorted(parts)  # (read leftwards: the first item last)
        start, stop = parts[0]
        item = text[start:stop]
        word = self.gazetteer.nonname_word if self.gazetteer is not None else None
        if not self.firm_named(item):
            for k in range(1, len(item) - 1):
                # the shortest head ending with a verb, a preposition or a conjunction before a
                # name of the lists, a common brand too (召集|雅培, 拓展|小米), a conjunction or a
                # preposition before any name (加之|瓦克, 比|美赞臣)
                rest, head = item[k:], item[:k]
                if ((self.firm_named(rest) or (self.gazetteer is not None and rest in
                                               self.gazetteer.brands))  # 拓展|小米
                        and word is not None and any(
                        word(head[-n:]) in _HEAD_TAGS for n in (1, 2, 3) if len(head) >= n)) \
                        or (k == 1 and head in _PREP_BEFORE_ITEM) or \
                        (k >= 2 and word is not None and word(head) == "c"):  # 加之|瓦克
                    parts = [(start + k, stop), *parts[1:]]
                    break
        names = self._name_items(text, parts)
        if names is None or not any(self.firm_named(text[a:b]) or text[a:b].isascii()
                                    for a, b in names):
            return
        for start, stop in names:
            yield (start, stop, "COMPANY", rule, self.score(rule), 0)

    def _name_items(self, text: str,
                    parts: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
        """The items of a list, trimmed (quotes, a place before a short name: 美国百思买 →
        百思买), where every one looks like a name: no place, no kind, no industry, no
        bracket, no word of jieba's non-name classes as the item or at its end; else None."""
        names = []
        word = self.gazetteer.nonname_word if self.gazetteer is not None else None
        for start, stop in parts:
            while start < stop and text[start] in _QUOTES_SPACE:
                start += 1
            while stop > start and text[stop - 1] in _QUOTES_SPACE:
                stop -= 1
            item = text[start:stop]
            if not _LEGAL.search(item) and not self.firm_named(item):  # 中华电信 stays
                place = self.place.match(item)  # 英国乐购 → 乐购 (the standard's place words)
                if place and len(item) - place.end() >= 2 and \
                        not self.company_generic.fullmatch(item[place.end() :]):
                    start += place.end()
                    item = text[start:stop]
            if len(item) < 2 or self.non_name.search(_LATIN_JOINER.sub("", item)) or \
                    "(" in item or "（" in item or \
                    self.company_generic.fullmatch(item) or \
                    item.endswith(self.item_not_company) or \
                    self._starts_with_industry(item) or self.place.fullmatch(item) or \
                    (word is not None and any(word(item[-k:]) not in _SOUND_TAGS
                                              for k in (1, 2, 3, 4) if len(item) >= k)):
                return None  # one item no name: the list names something else
            names.append((start, stop))
        return names

    def _counted_list(self, text: str, trigger: str, parts: list[tuple[int, int]]) -> bool:
        """超威、诺力、天能、昌盛四家…企业: a list without 等 names firms only where its count is
        the number of its items, and no item is a place or ends with a verb or another word of
        jieba's non-name classes (沈阳、…成都设有八家合资企业 counts plants in cities)."""
        count = _count_value(trigger)
        if count != len(parts):
            return False
        word = self.gazetteer.nonname_word if self.gazetteer is not None else None
        for start, stop in parts:
            item = text[start:stop]
            if self.place.fullmatch(item) or (word is not None and any(
                    word(item[-k:]) for k in (2, 3) if len(item) > k)):
                return False
        return True

    def _starts_with_industry(self, item: str) -> bool:
        """智能安防, 绿色建材: an item opening with an industry word names an industry."""
        if _LEGAL.search(item):
            return False
        match = self.industry_start.match(item)
        return bool(match) and len(match.group()) >= 2 and not self.place.match(item)

    def _projects(self, text: str) -> Iterator[NameHit]:
        """实施天致二期、德凯二期: the company inside a project name."""
        if self.phase is None:
            return
        last = 0  # what the regex ([CJK]{2})(?:phase) found, without overlaps
        for phase_start, phase_end in self.phase_scan.spans(text):
            start, end = phase_start - 2, phase_start
            if start < last or not self.two_cjk.fullmatch(text, start, end):
                continue
            last = phase_end
            core = text[start:end]
            if self.company_generic.fullmatch(core) or self.boundary_start.search(core):
                continue
            if not self._starts_cleanly(text, start) and \
                    not self._boundary_ends(text, max(0, start - 4), start):
                continue
            yield (start, end, "COMPANY", "company.project", self.score("company.project"), 0)

    def _strip_phase(self, text: str, start: int, stop: int) -> int:
        """天致二期 → 天致: a project phase after a name stays out."""
        item = text[start:stop]
        for phase in (*self.phases, "项目"):
            if item.endswith(phase) and len(item) > len(phase) + 1:
                return stop - len(phase)
        return stop

    def _lexicon_matches(self, text: str) -> list[tuple[int, int, str]]:
        """Every curated or listed name in ``text``, overlapping, by start then longest."""
        if not self._all_names:
            return []
        return self.scans.names_in(text)  # (in that order already)

    def _known(self, text: str, matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
        last = 0  # leftmost-longest, not overlapping: as a regex alternation would find them
        for start, end, name in matches:
            label = self.known_label.get(name)
            if label is None or start < last:
                continue
            last = end
            if _latin_inside(text, start, end):
                continue  # CBRE in CBRES, LG in GLG: a latin name inside a longer latin word
            if text.startswith(_PMI_AFTER, end) or name.isascii() and \
                    text.startswith(_DATA_CENTRE_AFTER, end):
                continue  # Markit制造业PMI: the index the firm compiles; IDC机房: a facility
            if len(name) <= 2 and not self._starts_cleanly(text, start) and \
                    not _DATE_BEFORE.search(text, max(0, start - 3), start) and \
                    not self._boundary_ends(text, max(0, start - 4), start) and \
                    not self.place.fullmatch(text, max(0, start - 2), start) and \
                    not self._function_word_before(text, start) and \
                    not self._verb_then_name(text, start, end):
                continue  # 宽松下, 联想到: two characters inside a longer word
            if label == "COMPANY":
                end = self._known_trade_end(text, start, end)
            rule = "company.lexicon" if label == "COMPANY" else "park.lexicon"
            yield (start, end, label, rule, self.score(rule), 1)

    def _verb_then_name(self, text: str, start: int, end: int) -> bool:
        """联合|丰田|、, 选定|海尔|的: a verb of jieba's dictionary (two characters) ends right
        before a known name of two, and punctuation, 的 or the firm's own word (旗下) follows:
        the name stands as a word (not 发扬|光大|就, an idiom, nor 联想|到)."""
        gazetteer = self.gazetteer
        if gazetteer is None or start < 2 or \
                gazetteer.nonname_word(text[start - 2 : start]) != "v" or \
                self._straddled(text, start) or gazetteer.common_brand(text[start:end]):
            return False  # (抛售浪潮的心态: a common word too)
        return end >= len(text) or not _HAN.match(text, end) or \
            text.startswith(_OWN_AFTER, end)

    def _known_trade_end(self, text: str, start: int, end: int) -> int:
        """Where a known firm's name ends when a trade word follows it: 和硕|电子之前 → 和硕电子,
        晶澳|太阳能是 → 晶澳太阳能 (the firm's own fuller name), where the word ends the name;
        not 三星电子|通信 (a longer word), 持有万科股份 (its shares), 金力泰控股股东 (控股 is
        'controlling'), 富达国际基金经理 (the firm's fund manager)."""
        if not text.startswith(self.known_trade, end):
            return end
        trade = next(w for w in self.known_trade if text.startswith(w, end))
        after = end + len(trade)
        name = text[start:end]
        if name.endswith(self.known_trade) or self._word_across(text, after) or \
                text.startswith(self.short_not_after, after) or \
                text.startswith(self.attested_not_after, after) or \
                text.startswith(("股东", "经理"), after) or \
                self._shares_of(text, start, trade):
            return end
        if not (self._ends_word(text, after) or self._verb_after(text, after)
                or text[after : after + 1] in _ADVERB_AFTER):
            return end
        if "品牌" in _CLAUSE_BREAK.split(text[after : after + 16])[0]:
            return end  # 同方电脑与其他品牌相比: a brand among brands, not the firm's name
        return after

    def _attested(self, text: str, matches: list[tuple[int, int, str]],
                  hits: list[NameHit]) -> Iterator[NameHit]:
        """Names the corpus attests as firms (lexicon/attested.jsonl), bare, where a word
        opens and ends and no other rule found a name: they fill gaps, never reshape what
        the other rules read (飞鹤乳业 … 飞鹤 stays their alias)."""
        attested = self.attested
        found = [m for m in matches if m[2] in attested]
        if not found:
            return
        taken = [(s, e) for s, e, *_ in hits]
        for start, end, name in found:
            rule = attested[name]
            if self.not_after_listed(text, end) or self._word_across(text, end) or \
                    text.startswith(self.attested_not_after, end) or \
                    self._word_on(text, start, end):
                continue  # 三星级, 高科技, 苹果汁, 苹果期货, 招商引资: a rating, a word, a product
            if text[start - 1 : start] in _JOINT_MARKS or \
                    text.startswith(self.person_after, end) or \
                    text.endswith(self.person_before, 0, start):
                continue  # 一汽-大众: a joint venture's name; 李宁本人, 董事长李宁: a person
            if not (self._opens_word(text, start) or self._function_word_before(text, start)):
                continue  # 国新能源 in 我国新能源 (not 此次三星: a word ends before it)
            trade = next((w for w in self.attested_trade if text.startswith(w, end)), "") \
                if text.startswith(self.attested_trade, end) else ""
            if trade and not name.endswith(self.attested_trade) and \
                    not self._word_across(text, end + len(trade)):
                end += len(trade)  # 日产汽车, 苹果电脑: the firm's name (not 三星电子通信)
            elif not (self._ends_word(text, end) or self._verb_after(text, end)
                      or text[end : end + 1] in _ADVERB_AFTER):
                continue  # 嘉实沪港深回报, 乐视超级汽车: the name goes on (not 大众便拥有)
            if any(s < end and start < e for s, e in taken):
                continue  # another rule's name is here
            lo, hi = max(0, start - 12), min(len(text), end + 12)
            clause = _CLAUSE_BREAK.split(text[lo:start])[-1] + "|" + \
                _CLAUSE_BREAK.split(text[end:hi])[0]
            if _GOODS.search(clause):
                continue  # 两瓶…的茅台, 鲁花5升装花生油, 茅台900多元一瓶: the goods, not the firm
            taken.append((start, end))
            yield (start, end, "COMPANY", rule, self.score(rule), 0)

    def _function_word_before(self, text: str, start: int) -> bool:
        """A time word, a pronoun, an adverb, a conjunction or a preposition of jieba's
        dictionary ends right before ``start`` (昨天海尔, 此次松下): a word ends there."""
        gazetteer = self.gazetteer
        if gazetteer is None:
            return False
        word = gazetteer.nonname_word
        for k in (2, 3, 4):
            at = start - k
            if at < 0 or word(text[at:start]) not in _BEFORE_NAME_TAGS or \
                    text[at:start] in self.known_label or \
                    text[at:start] in gazetteer.listed:  # 现代起亚: 现代 names a firm too
                continue
            # the word opens a clause itself (，此次; not 韩国现代起亚: a name goes on there)
            if not (self._starts_cleanly(text, at) or _DATE_BEFORE.search(text, max(0, at - 3), at)
                    or self._boundary_ends(text, max(0, at - 4), at)):
                continue
            # and the name ends there (腾讯控股, 汇丰晋信: a longer name of a list goes on)
            return not any(text[start : start + n] in gazetteer.listed
                           or text[start : start + n] in gazetteer.brands for n in (3, 4, 5, 6)
                           if start + n <= len(text))
        return False

    # -- the gazetteer -----------------------------------------------------------------------
    def _opens_word(self, text: str, start: int) -> bool:
        """A name may start here: not mid-word (a boundary word, a place or a trigger before
        it ends a word just as well as punctuation does)."""
        if self._starts_cleanly(text, start) or self._status_before(text, start):
            return True  # *ST康美: a status prefix before a listed name stays out of it
        if _DAY_BEFORE.search(text, max(0, start - 5), start):
            return True  # 1月30日獐子岛, 2017年獐子岛: a date ends a word (not 10年国开: a term)
        if self._straddled(text, start):
            return False
        if text[max(0, start - 3) : start].endswith(self.listed_not_before):
            return False
        return bool(self._boundary_ends(text, max(0, start - 4), start)
                    or self.place.fullmatch(text, max(0, start - 2), start)
                    or self.place.fullmatch(text, max(0, start - 3), start)
                    or self._trigger_ends(text, start))

    def opens_word(self, text: str, start: int) -> bool:
        """A name may start at ``start`` (public: ``attest`` counts only such mentions)."""
        return self._opens_word(text, start)

    def ends_word(self, text: str, end: int) -> bool:
        """A word ends at ``end``: the text ends, or no Han character follows, or a boundary
        word or a company word opens there (收购雀巢。, 收购雀巢后; not 收购海外资产).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder.ends_word("收购雀巢。", 4), finder.ends_word("收购海外资产", 4)
        (True, False)
        """
        return self._ends_word(text, end)

    def _word_on(self, text: str, start: int, end: int) -> bool:
        """A longer word of the dictionaries opens with the name (招商|引资: 招商引资, a noun;
        round thirty: a common name the corpus attests, 招商, is no firm inside it)."""
        gazetteer = self.gazetteer
        return gazetteer is not None and any(
            gazetteer.kind_word(word) or gazetteer.nonname_word(word)
            for k in (1, 2) if len(word := text[start : end + k]) == end - start + k)

    def _word_across(self, text: str, end: int) -> bool:
        """A word of the dictionaries (a common noun, a word no name ends with, a trade) runs
        across ``end``: its last character and the next ones (高科|技 → 科技, 苹果|汁 → 果汁)."""
        gazetteer = self.gazetteer
        for k in (1, 2):
            word = text[end - 1 : end + k]
            if len(word) == k + 1 and (word in self._trade_words or gazetteer is not None and (
                    gazetteer.kind_word(word) or gazetteer.nonname_word(word))):
                return True
        return False

    def generic_name(self, name: str) -> bool:
        """A name that only says a trade (石油集团, 新科技, 创新科技): with its company and trade
        words cut off the end, what is left is nothing, generic words or a common noun.

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> [finder.generic_name(n) for n in ("石油集团", "新科技", "三星电子", "徐福记")]
        [True, True, False, False]
        """
        core = name
        while True:
            cut = next((w for w in self._generic_ends if core.endswith(w) and len(w) < len(core)),
                       "")
            if not cut:
                break
            core = core[: -len(cut)]
        if core != name and (self.company_generic.fullmatch(core) or (
                self.gazetteer is not None and self.gazetteer.kind_word(core))):
            return True
        return bool(self.company_generic.fullmatch(name))

    def _media_at(self, text: str, end: int) -> bool:
        """``media_after`` matches at ``end`` (speed: only where a word of it could open)."""
        return text[end : end + 1] in self._media_first and \
            self.media_after.match(text, end) is not None

    @staticmethod
    def _model_at(text: str, end: int) -> bool:
        """``_MODEL`` matches at ``end`` (speed: only before a latin letter or a digit)."""
        return text[end : end + 1] in _MODEL_FIRST and _MODEL.match(text, end) is not None

    def _boundary_ends(self, text: str, lo: int, hi: int) -> bool:
        """A boundary word ends at ``hi`` (or before a newline there) and starts at ``lo`` or
        after: ``boundary_end.search(text, lo, hi)`` as a yes or no (speed: the words that end
        with its character, asked in one C-level call; not a regex of ~430 words tried at
        every place).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder._boundary_ends("推动宏图", 0, 2), finder._boundary_ends("宏图", 0, 2)
        (True, False)
        """
        if hi <= lo:
            return False
        enders = self._word_enders
        if text.endswith(enders.get(text[hi - 1], ()), lo, hi):
            return True
        return text[hi - 1] == "\n" and hi - 1 > lo and \
            text.endswith(enders.get(text[hi - 2], ()), lo, hi - 1)

    def _trigger_ends(self, text: str, start: int) -> bool:
        """A company word ends right before ``start`` and no longer one runs on across it
        (旗下|润和 ends there; 净利|润和 does not: 净利润)."""
        if self.trigger is None:
            return False
        for size in (2, 3, 4):
            found = self.trigger.fullmatch(text, max(0, start - size), start)
            if found is not None:
                longer = self.trigger.match(text, found.start())
                return longer is None or longer.end() <= start
        return False

    def _ends_word(self, text: str, end: int) -> bool:
        """A name may end here: punctuation, a boundary word or a company word follows."""
        # (speed: whether a boundary or company word opens at ``end``, as the regexes'
        # match would say, by the words that open with its character: one C-level call)
        return end >= len(text) or not _HAN.match(text, end) or \
            text.startswith(self._word_openers.get(text[end], ()), end)

    @staticmethod
    def _status_before(text: str, start: int) -> bool:
        # speed: every prefix ends in T, D or R ($ also matches before a final newline)
        return text[start - 1 : start] in _STATUS_LAST and \
            bool(_STATUS_BEFORE.search(text, max(0, start - 5), start))

    def _straddled(self, text: str, start: int) -> bool:
        """A boundary word runs across ``start`` (我国新能源: 我国): the name would start
        mid-word."""
        for back in (1, 2, 3):
            if start - back < 0:
                break
            if text[start - back] not in self._long_boundary_first:
                continue  # speed: no boundary word of two characters or more opens there
            word = self.boundary_start.match(text, start - back)
            if word and word.end() > start:
                return True
        return False

    def has_trigger(self, text: str, start: int, end: int) -> bool:
        """A company word right after the name or right before it (国泰股价, 旗下国泰), or
        its stock code in brackets or its share-class letter right after it: a word farther
        away says nothing about a two-character name.

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder.has_trigger("国泰股价大涨", 0, 2), finder.has_trigger("国泰民安", 0, 2)
        (True, False)
        >>> finder.has_trigger("联通（00762.HK）", 0, 2), finder.has_trigger("联通（2011）", 0, 2)
        (True, False)
        >>> finder.has_trigger("张裕A等个股", 0, 2), finder.has_trigger("张裕AB", 0, 2)
        (True, False)
        """
        if self.trigger is None:
            return False
        if self.trigger.match(text, end) or self._status_before(text, start):
            return True  # …股价, and *ST康美: only a listed firm carries a status prefix
        if _CODE_AFTER.match(text, end):
            return True  # 联通（00762.HK）: a stock code in brackets is the listed firm's
        if text[end : end + 1] in ("A", "B") and not (
                text[end + 1 : end + 2].isascii() and text[end + 1 : end + 2].isalnum()):
            return True  # 张裕A等: a share-class letter follows a listed firm's name only
        left = text[max(0, start - self.trigger_before) : start]
        return self.trigger_left is not None and any(
            m.end() == len(left) for m in self.trigger_left.finditer(left))

    def ambiguous(self, name: str) -> bool:
        """A listed name that is also a common word, a place or an industry (国泰, 长城,
        中国石油) or too short to be safe: it needs a trigger or an earlier full mention."""
        if len(name) <= 2 or self._generic_listed(name):
            return True
        if name.endswith(_RAILWAY):
            return True  # 京沪高铁, 大秦铁路: the line as well as its firm (round twenty-four)
        entries = self.gazetteer.listed.get(name, ()) if self.gazetteer else ()
        return any(e.common for e in entries)

    def _generic_listed(self, name: str) -> bool:
        """A place and an industry (中国石油, 西部建设) name an industry as well; a place and a
        financial firm's kind (西南证券, 上海银行) name only the firm."""
        return bool(self.company_generic.fullmatch(name)) and not name.endswith(_FINANCE)

    def _listed_kind(self, name: str) -> tuple[bool, frozenset[str], int]:
        """(a full name?, its firms' codes, 0 safe / 1 ambiguous / 2 generic), cached."""
        kind = self._kinds.get(name)
        if kind is None:
            entries = self.gazetteer.listed[name] if self.gazetteer else []
            generic = self._generic_listed(name)
            kind = (any(e.kind == "full" for e in entries), frozenset(e.code for e in entries),
                    2 if generic else int(self.ambiguous(name)))
            self._kinds[name] = kind
        return kind

    def _listed(self, text: str, hits: list[NameHit],
                matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
        """Listed companies' names (the gazetteer), where the context supports them."""
        if self.gazetteer is None:
            return
        listed = self.gazetteer.listed
        found = [m for m in matches if m[2] in listed]
        if not found:
            return
        # a full name (found by the gazetteer or the suffix reader) licenses its firm's short
        # and former names from there on
        licensed: dict[str, int] = {}
        codes_at: dict[str, int] = {}
        for _start, end, name in found:
            full, codes, _ = self._listed_kind(name)
            if full:
                for code in codes:
                    codes_at.setdefault(code, end)
        names = {n for _, _, n in found}
        for start, end, label, rule, _, _ in hits:
            if label == "COMPANY" and rule in ("company.full", "company.suffix"):
                # 北京中冶京诚工程技术有限公司 licenses 中冶京诚: its own short forms only
                for name in names.intersection(self.short_forms(text[start:end])):
                    licensed[name] = min(licensed.get(name, end), end)
        reach = -1  # the farthest end of the hits before (sorted by start, longest first)
        never = len(text) + 1
        for start, end, name in found:
            inside, reach = reach >= end, max(reach, end)
            full, codes, ambiguity = self._listed_kind(name)
            if full:
                yield (start, end, "COMPANY", "company.listed.full",
                       self.score("company.listed.full"), 1)
                continue
            if inside or self.not_after_listed(text, end):
                continue  # 茅台 inside 贵州茅台: the longer name decides; 中国石油板块
            since = min([codes_at.get(c, never) for c in codes] + [licensed.get(name, never)])
            if since <= start:
                rule = "company.listed.mention"
            elif ambiguity == 0:
                rule = "company.listed"
            elif ambiguity == 1 and (self.has_trigger(text, start, end) or (
                    self.brand_action is not None and self.brand_action.match(text, end)
                    and not self.gazetteer.kind_word(name))):  # (轮胎工厂: a kind's plant)
                # 新材料, 中国石油 (generic): never by trigger; a firm's act as a brand's acts
                # (BRAND_ACTION: 中信宣布, 暴风斥资; round thirty)
                rule = "company.listed.trigger"
            elif ambiguity == 2 and self._shares_said(text, start, end):
                rule = "company.listed.trigger"  # … but 中国石油股价, 深圳机场(000089)
            else:
                continue
            # 我国新能源 is no 国新能源; a safe name of four characters or more may follow a
            # verb (落实金风科技) where no word runs across its start
            if self._opens_word(text, start) or (
                    end - start >= 4 and ambiguity == 0 and not self._straddled(text, start)
                    and not text[max(0, start - 3) : start].endswith(self.listed_not_before)):
                if rule == "company.listed":  # 阿特斯|太阳能(CSIQ): the firm's fuller name
                    end = self._known_trade_end(text, start, end)
                yield (start, end, "COMPANY", rule, self.score(rule), 1)

    def _brands(self, text: str, hits: list[NameHit],
                matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
        """The 267K short-name and brand list is a weak signal: a name of it is proposed only
        right before a company word (耐克董事长, 三洋旗下), right after a deal word (收购三洋),
        or as an item of a 、-list beside a name found otherwise (耐克、阿迪达斯、李宁)."""
        brands = self.gazetteer.brands if self.gazetteer else frozenset()
        if not brands or self.trigger is None:
            return

        def ok(start: int, end: int) -> bool:  # a name of the list (checked first) ...
            last = text[end - 1]  # 时间里, 信中: a place in a thing, no name
            return (last not in "中内里" and (end - start > 2 or last not in "上下外")
                    and self._opens_word(text, start)
                    and not self.company_generic.fullmatch(text[start:end])
                    and not self.not_after_listed(text, end))

        inside = None  # 1 where a listed or known name goes on (made at the first trigger)
        for at, _ in self.trigger_scan.spans(text):
            if inside is None:
                inside = bytearray(len(text) + 1)
                for s, e, _ in matches:
                    inside[s + 1 : e] = b"\x01" * (e - s - 1)
            if inside[at]:
                continue  # 中国平安股价: not 平安, a listed name decides
            # the longest name before the trigger (the list asked about all sizes at once)
            for name in having(brands, [text[start:at] for start in range(max(0, at - 6),
                                                                          at - 1)]):
                start = at - len(name)
                if ok(start, at):
                    yield (start, at, "COMPANY", "company.brand.trigger",
                           self.score("company.brand.trigger"), 0)
                    break
        # (a rare sight; every prefix holds T, D or R: those three letters asked first)
        statuses = _STATUS_ANY.finditer(text) if ("T" in text or "D" in text or "R" in text) \
            and any(map(text.__contains__, ("ST", "XD", "XR", "DR", "PT"))) else ()
        for match in statuses:  # *ST吉恩: a status prefix marks a firm
            for size in range(6, 1, -1):
                if match.end() + size <= len(text) and \
                        text[match.end() : match.end() + size] in brands:
                    yield (match.end(), match.end() + size, "COMPANY", "company.brand.trigger",
                           self.score("company.brand.trigger"), 0)
                    break
        if self.trigger_left is not None:
            for _, at in self.trigger_left_scan.spans(text):  # (its finditer, faster)
                # the longest name of the list after the deal word (asked about all sizes at
                # once) that ends a word: 收购三洋，/收购三洋公司, not 并购量身定制
                for name in having(brands, [text[at : at + size] for size in range(6, 1, -1)
                                            if at + size <= len(text)]):
                    end = at + len(name)
                    if self._ends_word(text, end) and \
                            not self.company_generic.fullmatch(name) and \
                            not self.not_after_listed(text, end):
                        yield (at, end, "COMPANY", "company.brand.trigger",
                               self.score("company.brand.trigger"), 0)
                        break
        yield from self._list_items(text, hits)

    def _list_items(self, text: str, hits: list[NameHit]) -> Iterator[NameHit]:
        """Items of a 、-list beside a company found by another rule are companies where they
        are listed names (浦发、民生、华夏: each alone ambiguous) or names of the 267K list
        (耐克、阿迪达斯、李宁); a listed item found licenses its own neighbour, along the list."""
        brands = self.gazetteer.brands if self.gazetteer else frozenset()
        listed = self.gazetteer.listed if self.gazetteer else {}
        todo = [(s, e) for s, e, label, _, _, _ in hits if label == "COMPANY"]
        seen = set(todo)
        # only a name with a 、 beside it can start a list (speed: most have none)
        todo = [(s, e) for s, e in todo if text[s - 1 : s] == "、" or text[e : e + 1] == "、"]
        while todo:
            start, end = todo.pop()
            for step in (-1, 1):
                at = start - 1 if step < 0 else end
                if not (0 <= at < len(text)) or text[at] != "、":
                    continue
                for size in range(6, 1, -1):
                    lo, hi = (at - size, at) if step < 0 else (at + 1, at + 1 + size)
                    if lo < 0 or hi > len(text) or (lo, hi) in seen:
                        continue
                    name = text[lo:hi]
                    closes = hi == len(text) or text[hi] in "、，。；,;和与及等）)" or \
                        step > 0 and _LIST_COUNT.match(text, hi) is not None
                    if not closes or \
                            not (lo == 0 or text[lo - 1] in "、，。；,;：:（(“\"和与及 \n") or \
                            self.company_generic.fullmatch(name) and \
                            not self._listed_place_trade(name):  # (the regex last: speed)
                        continue  # 电子、有色: trades; 华森制药、贵州燃气 (a place's firm) stays
                    rule = "company.listed.list" if name in listed or name in self.known_label \
                        else "company.brand.list" if name in brands else ""
                    if rule:
                        yield (lo, hi, "COMPANY", rule, self.score(rule), 0)
                        seen.add((lo, hi))
                        if rule == "company.listed.list":
                            # a brand of the 267K list licenses nothing further: car and
                            # product lists (骐达、福克斯、朗逸等车型) would run on with it
                            todo.append((lo, hi))
                        break
                else:  # a latin name as the item (西门子、Bosch、ABB): the list says firm
                    found = (_LATIN_ITEM_END.search(text, max(0, at - 20), at) if step < 0
                             else _LATIN_ITEM.match(text, at + 1))
                    if found is None or found.span() in seen:
                        continue
                    lo, hi = found.span()
                    if text[max(0, lo - 2) : lo].rstrip(" ")[-1:].isascii() and \
                            text[lo - 1 : lo] == " ":
                        continue  # Haver Analytics: the end of a longer latin name
                    if (lo == 0 or text[lo - 1] in "、，。；,;：:（(“\"和与及 \n") and \
                            (hi == len(text) or text[hi] in "、，。；,;和与及等）)"):
                        seen.add((lo, hi))
                        todo.append((lo, hi))
                        yield (lo, hi, "COMPANY", "company.enumeration.latin",
                               self.score("company.enumeration.latin"), 0)

    def _branches(self, text: str, hits: list[NameHit]) -> Iterator[NameHit]:
        """A firm's regional arm is one span, as a branch is (中国电信重庆分公司): 诺基亚大中国区,
        诺基亚中国 where an officer's title follows (诺基亚中国副总裁) or, after 中国, the arm's
        act, part or an adverb (``ARM_ACT``: 辉瑞中国证实, 本田中国公关部, 诺基亚中国将; round
        twenty-nine), not a market, a plant or a phrase (丰田中国市场, 光大中国制造2025)."""
        for start, end, label, rule, _, _ in hits:
            if label != "COMPANY" or rule == "company.enumeration":
                continue
            match = _REGION_ARM.match(text, end)
            if match and (match.group(1) or self.officer.match(text, match.end()) or (
                    match.group() == "中国" and self._arm_acts(text, match.end()))):
                yield (start, match.end(), "COMPANY", "company.branch",
                       self.score("company.branch"), 1)

    def _arm_acts(self, text: str, at: int) -> bool:
        """What follows 诺基亚中国 at ``at`` is the arm's act or part (``ARM_ACT``), a
        one-character adverb (诺基亚中国将裁员; not 在: 中国在… opens a clause on China), or
        的 and one of those parts (诺基亚中国的员工)."""
        if text.startswith(self.arm_act, at):
            return True
        after = text[at : at + 1]
        if after == "的":
            return text.startswith(self.arm_act, at + 1)
        return after in _ADVERB_AFTER and after != "在"

    def _aliases(self, text: str, hits: list[NameHit]) -> Iterator[NameHit]:
        """Short forms of the document's own full names, wherever else they occur."""
        since: dict[str, int] = {}  # alias → where its full name ends (it is licensed after)
        bare: set[str] = set()  # the aliases of names with no legal suffix (_trade_forms)
        for start, end, label, rule, _, _ in hits:
            if label != "COMPANY":
                continue
            if rule in ("company.full", "company.suffix"):
                forms = self.short_forms(text[start:end])
            elif rule in _TRADE_ALIAS_RULES:
                forms = self._trade_forms(text[start:end])
                bare.update(forms)
            else:
                continue
            for alias in forms:
                if not alias.endswith(("指数", "板块")):  # 恒生指数有限公司 → not 恒生指数
                    since[alias] = min(since.get(alias, end), end)
        for start, end in _occurrences(text, set(since)):
            name = text[start:end]
            if name in bare and (start < since[name] or text.startswith(self._generic_ends, end)):
                continue  # (达芬奇家居 is another name: a trade or company word goes on)
            # 鸿远精密 before 浙江鸿远精密机械有限公司 is the firm; 新三板 before 新三板公司 not
            if start >= since[name] or end - start >= 4:
                yield (start, end, "COMPANY", "company.alias", self.score("company.alias"), 0)
        # a known or listed short name that opens with its country or city (中国联通) licenses
        # the rest (联通) after it, where that is a word of its own (often a common word too:
        # 移动, 联通): after punctuation or a boundary word, before one or a company word
        later: dict[str, int] = {}
        prefixes: dict[str, set[str]] = {}  # 贵州 of 贵州茅台: the full name again, not 茅台
        for start, end, label, rule, _, _ in hits:
            if label != "COMPANY" or rule not in ("company.listed", "company.lexicon"):
                continue
            place = self.place.match(text, start, end)
            rest = text[place.end():end] if place else ""
            if len(rest) >= 2 and rest not in since and self._names_a_firm(rest) and \
                    not self.company_generic.fullmatch(rest):
                later[rest] = min(later.get(rest, end), end)
                prefixes.setdefault(rest, set()).add(text[start:place.end()])
            # … and without the trade word that ends it, where that too is a name of the lists
            # (中信证券 … 中信, 长城汽车 … 长城: round thirty)
            core = self._trade_core(text[start:end])
            if core and core not in since and self._names_a_firm(core) and \
                    not self.place.fullmatch(core):
                later[core] = min(later.get(core, end), end)
                prefixes.setdefault(core, set())
        if not later:
            return
        taken = bytearray(len(text) + 1)  # not inside a name found (贵州茅台 stays whole)
        for start, end, label, *_ in hits:
            if label == "COMPANY":
                taken[start:end] = b"\x01" * (end - start)
        for start, end in _occurrences(text, set(later)):
            name = text[start:end]
            if any(text.endswith(p, 0, start) for p in prefixes[name]):
                continue
            if start >= later[name] and taken.find(1, start, end) == -1 and \
                    self._opens_word(text, start) and self._ends_word(text, end) and \
                    not text.startswith(self._product_words, end):
                yield (start, end, "COMPANY", "company.alias", self.score("company.alias"), 0)

    def _trade_core(self, name: str) -> str:
        """``name`` without the industry or short name's word that ends it, two characters
        or more and no generic name ("" where none: 中信证券 → 中信, 中国银行 → "")."""
        # (speed: asked of every listed and lexicon name found)
        return _kept(self._trade_cores, name, self._read_trade_core, name)

    def _read_trade_core(self, name: str) -> str:
        match = self.industry_end.search(name) or next(
            (m for m in self.short_suffix.finditer(name) if m.end() == len(name)), None)
        if match is None or match.start() < 2:
            return ""
        core = name[: match.start()]
        return "" if self.company_generic.fullmatch(core) or self.non_name.search(core) else core

    def _trade_forms(self, name: str) -> list[str]:
        """A name with no legal suffix goes by its core without the trade or company word
        that ends it, where three characters or more remain (达芬奇家具 → 达芬奇, RIM公司 →
        RIM; not 千能实业 → 千能: two characters are too often a word; round thirty).

        >>> from econer.annotate.rules.ruler import load_rules
        >>> finder = load_rules()._names
        >>> finder._trade_forms("达芬奇家具"), finder._trade_forms("RIM公司")
        (['达芬奇'], ['RIM'])
        >>> finder._trade_forms("千能实业"), finder._trade_forms("电子科技")
        ([], [])
        """
        # a company word, or an industry's (家具, 汽车) or a short name's word (实业, 药业)
        core = name[:-2] if name.endswith(("公司", "集团")) else self._trade_core(name)
        if len(core) < 3 or self.non_name.search(core) or \
                self.company_generic.fullmatch(core) or self.place.fullmatch(core):
            return []
        if core.isascii() and not (core.isalpha() and core.isupper()):
            return []  # a latin core: an initialism of capitals (RIM, AMD), not Key or Pte
        gazetteer = self.gazetteer
        if gazetteer is not None and (gazetteer.nonname_word(core) or gazetteer.kind_word(core)):
            return []
        return [core]

    def _names_a_firm(self, name: str) -> bool:
        """A known or listed name, or a brand of the list that is no common word (中国联通 →
        联通, a listed former name; not 中国电影 → 电影, 中国黄金 → 黄金: words)."""
        gazetteer = self.gazetteer
        return name in self.known_label or gazetteer is not None and (
            name in gazetteer.listed or name in gazetteer.brands
            and not gazetteer.common_brand(name))

    def repeats(self, text: str, chosen: list[tuple[int, int, str, str]]) -> Iterator[NameHit]:
        """Document-level consistency: a COMPANY name chosen once is a name at its other
        mentions too, where they open a word, lie outside every chosen span and are not a
        product (王老吉凉茶) or a sector (中国石油板块). Names inside project names do not
        spread (天致二期 alone is weak evidence).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> text = "与宏图科技签约。宏图科技表示，宏图科技园开工"
        >>> [(s, e) for s, e, *_ in finder.repeats(text, [(1, 5, "COMPANY", "company.short")])]
        [(8, 12)]
        """
        names: set[str] = set()
        confirmed: set[str] = set()  # generic names the text confirms as the firm (round 19)
        for s, e, label, rule in chosen:
            if label == "COMPANY" and e - s >= 2 and rule not in _NO_REPEAT:
                names.add(text[s:e])
                if rule in _GENERIC_REPEAT_FROM:
                    confirmed.add(text[s:e])
        spoken = frozenset(names)  # names a rule read here whole (not a full name's core)
        since: dict[str, int] = {}  # a full name's short core, licensed after it (round 19)
        for s, e, label, rule in chosen:
            if label == "COMPANY" and rule in _CORE_FROM:
                core = self._short_core(text[s:e])
                if core and core not in names:
                    since[core] = min(since.get(core, e), e)
        since = {core: at for core, at in since.items() if self._core_ok(text, core)}
        names |= set(since)
        names = {n for n in names if (n in confirmed or not self.company_generic.fullmatch(n))
                 and n not in self.lexicon.stop.get("COMPANY", ())}
        if not names:
            return
        taken = bytearray(len(text))
        for s, e, _, _ in chosen:
            taken[s:e] = b"\x01" * (e - s)
        for start, end in _occurrences(text, names):
            if taken.find(1, start, end) != -1:
                continue
            name = text[start:end]
            if name in since and (start < since[name] or _LATIN_AFTER.match(
                    text, end) and not self.officer.match(text, end)):
                continue  # 苹果iPhone, 暴风TV: a product; 三星SDI: another firm (not 苹果CEO)
            if not self._opens_word(text, start) and not (
                    self._word_ends_before(text, start) and self._ends_word(text, end)) \
                    and not _latin_apart(text, start, end) and \
                    not (name in spoken and self._stands_apart(text, start, end)):
                continue  # (a latin name stands apart from the Han text around it: 起诉HTC;
                # a name read whole here is the firm after any word that is no longer
                # name: 投诉|苹果|侵犯, 追上|奔驰, 进驻|高科奶业|后)
            if _alnum(name[-1]) and _alnum(text[end : end + 1]) or \
                    start and _alnum(name[0]) and _alnum(text[start - 1]):
                continue  # Zentrix in ZentrixOne, RIM in PRIMA: part of a longer latin word
            if text[end : end + 1] == " " and context.latin_goes_on(text, end, any_case=True):
                continue  # Tully| Sugar, Mackay| sugar: a longer latin name, another firm
            if self.not_after_listed(text, end) or text.startswith(self._product_words, end) \
                    or _counted_before(text, start) \
                    or self._media_at(text, end) or self._model_at(text, end) \
                    or text.startswith(self.short_not_after, end) and \
                    not self._side_speaks(text, end):
                continue  # (安利方面决定: the firm's side speaks; 配置方面，: a topic)
            if self.ambiguous(text[start:end]) and not self._ends_word(text, end) and \
                    not self._verb_after(text, end) and not self._side_speaks(text, end):
                continue  # 太平洋 (the firm) again at 太平洋表示, not at 太平洋沿岸
            yield (start, end, "COMPANY", "company.repeat", self.score("company.repeat"), 0)

    def _stands_apart(self, text: str, start: int, end: int) -> bool:
        """A name read whole elsewhere in the text is the firm here too, after a word that
        is no longer name (``_no_longer_name``), unless a brand's or a product's frame says
        otherwise: 品牌|奥迪, 车型|传祺, 广大|奥迪|用户, 日产|Altima, 非|龙头股份."""
        return not text.endswith(_BRAND_FRAME, 0, start) and \
            not text.startswith(self.attested_not_after, end) and \
            (not _LATIN_AFTER.match(text, end) or _SHARE_CLASS.match(text, end)) and \
            not text.endswith(self.listed_not_before, 0, start) and \
            self._no_longer_name(text, start, end)  # (speed: the lookups last)

    def _no_longer_name(self, text: str, start: int, end: int) -> bool:
        """No name of the lists runs across ``start`` into ``text[start:end]`` (上汽|通用,
        东风|日产: a longer firm's name), and no letter or digit glues to it.

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder._no_longer_name("投诉苹果侵犯", 2, 4), finder._no_longer_name("上汽通用", 2, 4)
        (True, False)
        """
        if start and _alnum(text[start - 1]):
            return False
        gazetteer = self.gazetteer
        known = self.known_label
        listed = gazetteer.listed if gazetteer is not None else known
        brands = gazetteer.brands if gazetteer is not None else known
        for back in range(1, min(4, start) + 1):
            if not _HAN.match(text, start - back):
                break  # (punctuation or a space: no name runs across it)
            for stop in range(end, min(len(text), end + 4) + 1):
                longer = text[start - back : stop]
                if longer in known or longer in listed or longer in brands:
                    return False
        return True

    def _short_core(self, name: str) -> str:
        """The two-character core a firm goes by after its full mention (苹果公司 → 苹果,
        鲁花集团 → 鲁花, 飞鹤乳业 → 飞鹤), which ``short_forms`` leaves out; '' if none
        (kept by name, bounded)."""
        return _kept(self._cores, name, self._read_short_core, name)

    def _read_short_core(self, name: str) -> str:
        bare = _LEGAL.sub("", name)
        place = self.place.match(bare)
        if place:
            bare = bare[place.end() :]
        core = bare
        while (match := self.short_suffix.search(core)) and match.end() == len(core):
            core = core[: match.start()]
        if len(core) != 2 or core == name or not _HAN.match(core) or not _HAN.match(core, 1):
            return ""
        return core

    def _core_ok(self, text: str, core: str) -> bool:
        """A full name's core spreads where it is a name of the lists (known, listed or of the
        267K list: not 黄金 of 中国黄金集团公司, nor a kind read as a name, 资管公司) and is
        no person's anywhere in the text (李宁本人: the founder)."""
        gazetteer = self.gazetteer
        if gazetteer is None or not (core in self.known_label or core in gazetteer.listed
                                     or core in gazetteer.brands):
            return False
        at = text.find(core)
        while at != -1:
            if text.startswith(_PERSON_SURE, at + len(core)):
                return False
            at = text.find(core, at + 1)
        return True

    def _side_speaks(self, text: str, end: int) -> bool:
        """方面 and a verb right after a firm's name (安利方面决定, 达芬奇方面并未理会): the
        firm's side acts; 方面 before a comma or a noun is a topic (配置方面，).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder._side_speaks("安利方面表示", 2), finder._side_speaks("配置方面，", 2)
        (True, False)
        """
        return text.startswith("方面", end) and self._verb_after(text, end + 2)

    def _listed_place_trade(self, name: str) -> bool:
        """A listed name made of a place and a trade of two characters or more (贵州燃气,
        中国石化, 上海汽车): the firm, where a list of firms or a firm's deal says so; a trade
        alone (电子, 有色, 新材料) is a sector there too (round seventeen).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> [finder._listed_place_trade(n) for n in ("贵州燃气", "电子", "华森制药")]
        [True, False, False]
        """
        if self.gazetteer is None or name not in self.gazetteer.listed:
            return False
        place = self.place.match(name)
        return place is not None and len(name) - place.end() >= 2

    def _shares_said(self, text: str, start: int, end: int) -> bool:
        """A listed name made of a place and a trade (中国石油, 深圳机场: an industry too) is
        the firm where its stock code or a word only a listed firm has follows it right away
        (中国石油股价, 深圳机场市值, 上海汽车(600104)); a place opens the name (新材料 has none).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> texts = ("中国石油股价", "中国石油需求", "中国石油(601857)")
        >>> [finder._shares_said(t, 0, 4) for t in texts]
        [True, False, True]
        """
        place = self.place.match(text, start, end)
        if place is None or end - place.end() < 2:
            return False
        return text.startswith(_LISTED_ONLY, end) or bool(_CODE_AFTER.match(text, end)) or \
            bool(_DEAL_WITH.match(text, end))

    def _verb_after(self, text: str, end: int) -> bool:
        """A verb, an adverb or another word of jieba's dictionary no name holds opens right
        after ``end`` (味千承认, 三星突然宣布): the name ends there."""
        gazetteer = self.gazetteer
        return gazetteer is not None and any(
            gazetteer.nonname_word(text[end : end + k]) for k in (2, 3, 4)
            if end + k <= len(text))

    def not_after_listed(self, text: str, end: int) -> bool:
        """A sector, a product or a place goes on after a listed name (``LISTED_NOT_AFTER``:
        中国石油板块, 茅台酒, 万科城市花园), not its shares' ratios (贵州茅台市值, 市盈率).

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> finder = NameFinder(load_patterns())
        >>> finder.not_after_listed("万科市场", 2), finder.not_after_listed("万科市值", 2)
        (True, False)
        """
        return text.startswith(self.listed_not_after, end) and \
            not text.startswith(_SHARE_RATIOS, end)

    def _word_ends_before(self, text: str, start: int) -> bool:
        """A word no name is part of ends right before ``start``: a date (2016年), or a verb,
        adverb, pronoun, preposition or time word of jieba's dictionary (进入, 致电, 尾随) that
        is not itself the end of a longer name (现代起亚)."""
        if _DAY_BEFORE.search(text, max(0, start - 5), start):
            return True
        gazetteer = self.gazetteer
        if gazetteer is None:
            return False
        for k in (2, 3, 4):
            at = start - k
            word = text[at:start] if at >= 0 else ""
            if word and gazetteer.nonname_word(word) and word not in self.known_label and \
                    word not in gazetteer.listed:
                return True
        return False

    def short_forms(self, name: str) -> list[str]:
        """The short forms a full name goes by: without legal suffix, places, industry.

        >>> from econer.annotate.rules.patterns import load_patterns
        >>> NameFinder(load_patterns()).short_forms("重庆紫建电子有限公司")
        ['紫建电子', '紫建']
        """
        # speed: asked twice per full name (its listed forms, its aliases), again per mention
        return list(_kept(self._forms, name, self._short_forms, name))

    def _short_forms(self, name: str) -> list[str]:
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
        # 中冶京诚工程技术 → 中冶京诚: industry words off the end, while 3 characters remain
        core = bare
        while (match := self.industry_end.search(core)) and match.start() >= 3:
            core = core[: match.start()]
        if core != bare and core not in forms and not self.company_generic.fullmatch(core):
            forms.append(core)
        # 广州柴油机厂 → not 柴油机: a common noun of the dictionary is the product or the
        # trade, not the firm's name, unless a list names it (round twenty-four)
        # (only the whole name less place and legal suffix: 光线传媒 → 光线 stays)
        gazetteer = self.gazetteer
        if forms and forms[0] == bare and gazetteer is not None and gazetteer.kind_word(bare) \
                and bare not in self.known_label and bare not in gazetteer.listed \
                and bare not in gazetteer.brands:
            forms = forms[1:]
        return forms


def _alnum(char: str) -> bool:
    """Whether ``char`` (one character or none) is an ASCII letter or digit (speed: no regex).

    >>> [_alnum(c) for c in ("A", "7", "", "中", "Ａ", "_")]
    [True, True, False, False, False, False]
    """
    return char.isascii() and char.isalnum()


def _counted_before(text: str, start: int) -> bool:
    """A count of machines right before a name (10台|奥的斯电梯, 一部|奥的斯扶梯): what is
    counted is the product, not the firm (round twenty-four).

    >>> _counted_before("停用10台奥的斯电梯", 5), _counted_before("奥的斯回应", 0)
    (True, False)
    """
    return start >= 2 and text[start - 1] in _MACHINE_MEASURE and \
        _COUNT_CHAR.match(text[start - 2]) is not None


def _latin_apart(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a latin name with no latin letter, digit or joiner right before
    or after it (起诉HTC侵权, 企业INDITEX业绩: not RIM in PRIMA, nor HTC in HTC-One).

    >>> _latin_apart("起诉HTC侵权", 2, 5), _latin_apart("PRIMA", 1, 4)
    (True, False)
    """
    if not text[start : start + 1].isascii() or not text[start].isalpha():
        return False
    return not _LATIN_JOIN.match(text[start - 1 : start] if start else "") and \
        not _LATIN_JOIN.match(text[end : end + 1])


def _occurrences(text: str, names: set[str]) -> list[tuple[int, int]]:
    """Where ``names`` occur, longest first at each place, not overlapping (as a regex
    alternation would find them, without compiling one per document).

    >>> _occurrences("紫建电子与紫建", {"紫建", "紫建电子"})
    [(0, 4), (5, 7)]
    """
    found: list[tuple[int, int]] = []
    for name in names:
        at = text.find(name)
        while at != -1:
            found.append((at, at + len(name)))
            at = text.find(name, at + 1)
    # by start, then longest: two stable C-level sorts (the order of one by (start, -end))
    found.sort(key=itemgetter(1), reverse=True)
    found.sort(key=itemgetter(0))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _counted_triggers(trigger: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``trigger.finditer(text)`` for a counted list's trigger (its count, 家, its firms'
    word), tried only where a count ends at a 家 (speed: the regex opens with lookbehinds
    and would be tried at every character of every text holding 家: ~38 ms a corpus pass).

    >>> pattern = re.compile("(?<![等的])(?:这|那)?(?:[0-9]+|[三四]+)家.{0,4}?企业")
    >>> [m.group() for m in _counted_triggers(pattern, "甲、乙这三家企业和12家大型企业")]
    ['这三家企业', '12家大型企业']
    """
    at = text.find("家")
    while at != -1:
        start = at
        while start > 0 and (text[start - 1].isdigit() or text[start - 1] in _CN_DIGITS):
            start -= 1
        if start < at:
            if start > 0 and text[start - 1] in "这那":
                start -= 1
            match = trigger.match(text, start)
            if match is not None:
                yield match
                at = text.find("家", match.end())
                continue
        at = text.find("家", at + 1)


def _keyed_triggers(trigger: re.Pattern[str], text: str,
                    keys: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """``trigger.finditer(text)`` for a trigger every match of which holds one of ``keys``
    (the opened list's 如/包括), tried only at the trigger's widest reach before each key
    (speed: its ``[一-龥]企`` would be tried at every Han character: ~47 ms a corpus pass).

    >>> pattern = re.compile("(?:企业|[一-龥]企)[，,]?(?:包括|如(?![何果]))")
    >>> text = "如果企业如甲，乙，车企，包括丙"
    >>> [m.group() for m in _keyed_triggers(pattern, text, ("如", "包括"))]
    ['企业如', '车企，包括']
    """
    if not keys:
        yield from trigger.finditer(text)
        return
    width = _trigger_width(trigger)
    at = sorted(k for key in keys for k in _occurrences_of(text, key))
    pos = 0  # positions before pos were tried (or lie inside a match)
    for key in at:
        start = max(pos, key - width + 1)
        while start <= key:
            match = trigger.match(text, start)
            if match is not None:
                yield match
                start = pos = match.end()
                break
            start += 1
        pos = max(pos, start)


def _occurrences_of(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


_WIDTHS: dict[str, int] = {}


def _trigger_width(trigger: re.Pattern[str]) -> int:
    """The most characters a match of ``trigger`` spans (the regex parser's width)."""
    width = _WIDTHS.get(trigger.pattern)
    if width is None:
        try:
            from re import _parser as sre_parse  # type: ignore[attr-defined]
        except ImportError:  # Python < 3.11
            import sre_parse  # type: ignore[no-redef]
        width = _WIDTHS[trigger.pattern] = sre_parse.parse(trigger.pattern,
                                                           trigger.flags).getwidth()[1]
    return width


def _count_value(trigger: str) -> int | None:
    """The count of firms a counted list's trigger says (四家企业 → 4, 这12家公司 → 12), None
    where it says none exactly (多家, 几家).

    >>> _count_value("四家大型企业"), _count_value("这12家公司"), _count_value("十一家企业")
    (4, 12, 11)
    """
    head = trigger.lstrip("这那").split("家", 1)[0]
    if head.isdigit():
        return int(head)
    digits = [_CN_DIGITS.get(c) for c in head]
    if not head or None in digits:
        return None
    if "十" not in head:
        return digits[0] if len(head) == 1 else None
    tens, _, ones = head.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0) \
        if len(tens) <= 1 and len(ones) <= 1 else None


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


def _joined(text: str, item: tuple[int, int]) -> bool:
    """和/与/及 joins two parts of the item (甲公司和乙公司), as ``_split_conjunctions`` cuts."""
    return len(_split_conjunctions(text, [item])) == 2


def _strip_first(cleaned: int, first_start: int) -> int:
    return max(cleaned, first_start)


