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
from collections import Counter
from collections.abc import Iterator
from itertools import compress, repeat
from operator import eq, gt, itemgetter
from typing import TYPE_CHECKING

from econer.annotate.rules import cache
from econer.annotate.rules.gazetteer import having

if TYPE_CHECKING:  # names imports this module; the finder is passed in
    from econer.annotate.rules.names import NameFinder, NameHit

# speed: the module's regexes compiled with their code kept across processes
# (cache.Regexes; a start compiled them anew, ~5-8 ms a module)
_KEPT = cache.regexes()
_LATIN = _KEPT.compile(r"[A-Za-z][A-Za-z0-9&\-. ]{0,18}[A-Za-z0-9]|[A-Z]{2}")
# an alias declared for a full name: …有限公司（简称“顺达科技”）, (以下简称"顺达")
_DECLARED = _KEPT.compile(r"[（(]\s*(?:以下|下文)?(?:简称|下称)[：:为]?\s*[“\"「『]"
                          r"([^”\"」』（）()\n]{2,12})[”\"」』]")
# …有限公司(下称宁夏华锦): the alias without quotes, up to the closing bracket
_DECLARED_BARE = _KEPT.compile(r"[（(]\s*(?:以下|下文)?(?:简称|下称)[：:为]?\s*"
                               r"([^“”\"「」『』《》（）()\n，,、；;。：:\s]{2,12})[）)]")
_HAN_THEN_LATIN = _KEPT.compile(r"[\u4e00-\u9fff][A-Za-z]")
_HAN = _KEPT.compile("[\u4e00-\u9fff]")
_AFTER_OBJECT = frozenset("的在侵并和与及")  # 起诉三星的, 起诉三星侵权
_DATE_END = _KEPT.compile(r"[0-9０-９][日号]$")
# a year or a word of time said before a firm's business that acts opens its clause
# (2010年格力中央空调就以, 除了此次达芬奇家居被曝光: _brand_business)
_YEAR_END = _KEPT.compile(r"[0-9０-９]年$")
_BUSINESS_OPENERS = ("此次", "现在", "如今")
_PARTICLES = frozenset("着了过地得")
# where a word opens: punctuation, a space, a one-character function word (与万士达, 的联胜);
# not an opening quote or title mark (“追梦者”, 《灰太狼》 name a term, a work, a brand).
# The two characters after it are the group key (a lookahead: openers may follow each other)
_OPENERS = "，。、；：！？”’」』》（）(),;:!?的与和及给在对向将由被把从让 \t\n\u3000"
# where a word may end after a name, for finding candidates (each is then checked with the
# finder's own word end): punctuation, a one-character function word, or the first character
# of a time word or a verb that follows a firm (近日, 目前, 表示, 宣布, 作为, 合作, 旗下 …)
_ENDERS = ("，。、；：！？“”‘’「」《》（）(),;:!?的和与及或是在对向将把被让给从了等也还又已"
           "就而但并据称说由为该其这那此各每有用近目今去随曾均仅再共陆获认指透介表宣推启拥依"
           "计打准决继完签承负牵作位来入收旗隶包合携参成 \t\n\u3000")
# (the last opener of a run: 。与万士达 opens at 与; linear on a text of openers only)
_REPEAT_RUN = _KEPT.compile(f"[{_OPENERS}](?![{_OPENERS}])([\u4e00-\u9fff]{{2,6}}?)(?=[{_ENDERS}])")
_FIRST_RUN = _KEPT.compile(f"([\u4e00-\u9fff]{{2,6}}?)(?=[{_ENDERS}])")
# characters no name of a list opens with here: function words, numerals, dates
_NOT_FIRST = frozenset("的了是在和有不这那我你他她它们也就都而及与对向将把被从让给为以于其此该各每"
                       "一二两三四五六七八九十几数双单半年月日时上下中内外前后等会要能可并但或还又")
_NUMERAL = frozenset("一二两三四五六七八九十几数双单半")  # not 万, 百, 千: 万科, 百度
# what only a firm has, right after its name (beside COMPANY_TRIGGER, BRAND_ACTION): its
# side, its controller, its partners, its listing
FIRM_AFTER = ("方面", "实控人", "实际控制人", "母公司", "创始人", "合伙人", "上市", "首席")
_SAYS = ("认为", "表示", "指出", "称", "预计", "透露", "介绍", "坦言", "分析", "建议", "发布",
         "宣布", "发现", "提醒", "看好", "判断")
_SIDE = ("方面", "内部人士", "高层", "总部")  # a firm's side, its people, its seat
_FUND_NOT_AFTER = frozenset("者人额家类型化品")  # 投资者, 投资额, 资产类, 资管产品
_NEAR = 20  # characters either side of a mention searched for a firm's word
# a list name of this many characters is a coined name (东风日产, 志高空调): a mention that
# opens a word or ends one is a mention of it (东风日产几乎…, 了东风日产的)
_LONG_NAME = 3
_REPEATS = 2  # a list name met this often, each time a word of its own, names the firm
# a branch office or shop after a firm: its place or road (2 to 14 characters), then the word
_OFFICE = _KEPT.compile(r"([\u4e00-\u9fff0-9０-９（）()]{2,14}?)"
                        r"(?:证券营业部|营业部|营业所|分理处|储蓄所|[路街道]店|分店)")
# a latin name: words of letters (and &, a dot, a hyphen), one space between them (Saxo Bank)
_ANY_LATIN = _KEPT.compile("[A-Za-z]{3}")
# a stock code in brackets: six digits, or four or five with or without an exchange's mark
# (after a dot or a space: 中国宏桥（1378.HK）, 金鹰商贸（3308 HK）)
# a ticker and its exchange's mark in brackets (round twenty-three: company.code): New York,
# and since round thirty Sydney, London, Toronto, Singapore, Frankfurt, Paris, Amsterdam
# (AtlasIron(AGO.AX))
_US_TICKER = _KEPT.compile(r"[（(]\s?[A-Z]{1,5}[.．]"
                           r"(?:N|O|NASDAQ|NSDQ|NYSE|NAS|US|AX|L|TO|SI|DE|F|PA|AS)\s?[）)]")
# (the marks of Tokyo, Taipei and Seoul since round thirty: 丰田（7203.T）, 鸿海（2317.TW）;
# a Hong Kong code of one to three digits with its mark: 万洲国际（288.HK）)
_STOCK_CODE = _KEPT.compile(r"[（(]\s?(?:([0-9]{6}|[0-9]{4,5})"
                            r"((?:[．. ](?:HK|SH|SZ|通|T|TW|KS|KQ))?)"
                            r"|([0-9]{1,3})([．.](?:HK|通)))\s?[）)]")
# capitalised latin words after a space (LG| Display, Tully| Sugar), up to three
_LATIN_ONWARD = _KEPT.compile(r"(?: [A-Z][A-Za-z&\-]*[A-Za-z]){1,3}(?![A-Za-z0-9])")
_LATIN_ONWARD_ANY = _KEPT.compile(r"(?: [A-Za-z][A-Za-z&\-]*[A-Za-z]){1,3}(?![A-Za-z0-9])")
# (regex fragments: the name finder builds company.latin's two regexes from them)
LATIN_REST = r"[A-Za-z&.\-]*[A-Za-z](?: [A-Z][A-Za-z&.\-]*[A-Za-z]){0,3}(?![A-Za-z])"
LATIN_WORD = "[A-Za-z]" + LATIN_REST
# a name opens a latin word: tried mid-word, the act regex would take quadratic time on a
# long run of letters. Its first letter, then the look behind it (no letter or digit before
# that letter): a pattern that opens with a letter lets re skip to the letters in C, one that
# opens with a lookbehind is tried at every position (2.5 times the time on the corpus)
LATIN_START = r"[A-Za-z](?<![A-Za-z0-9][A-Za-z])"
TIME_AFTER = r"日前|近日|近期|昨日|昨天|今天|今日|本周|上周|周[一二三四五六日]|已经|也|还|则|正"
_LATIN_GOES_ON = _KEPT.compile(r"\s?[0-9]|\s[A-Za-z&]")
_STAKE_AFTER = _KEPT.compile(r"\s?[0-9]+(?:\.[0-9]+)?[%％](?:的)?股(?:权|份)")  # X75%股权
_JOINT_PARTS = frozenset({"company.lexicon", "company.listed", "company.listed.trigger",
                          "company.brand.trigger", "company.brand.action", "company.brand.list",
                          "company.listed.list", "company.alias"})
_ONE_CHAR_VERBS = frozenset("任自赴离入进据经随令使")
# one-character verbs of a broker's call before a stock (高盛料金沙, 花旗升正通汽车)
_CALL_VERBS = frozenset("料升降")
# one-character verbs of trading and calls before a stock's name (买吉利, 升腾讯: round thirty)
_TRADE_VERBS = _CALL_VERBS | frozenset("买卖抛选")
# jieba's classes of the words cut off the start of a name (verbs, adverbs, time words,
# prepositions, conjunctions): 允许日产汽车 → 日产汽车, before a stock's name here; the name
# finder (names.py, which imports this module) cuts a core's start by the same set
CUT_TAGS = frozenset(("v", "vd", "d", "df", "dg", "t", "tg", "p", "c", "ad"))
# the commonest Chinese surnames (a three-character name opening with one is a person's)
_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
                      "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱"
                      "江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤牛")
# time words and adverbs between a firm and its act (普利司通近日宣布): two characters only,
# one (也, 将) would let a clause's last word act (…的员工也宣布)
_ACT_TIME = ("日前", "近日", "近期", "昨日", "昨天", "今天", "今日", "本周", "上周", "此前",
             "早前", "已经", "正式", "同时", "随后", "目前", "近来")
# a date or a part of the day between a firm and its act (乐视网2月2日晚间公告, 某某晚间宣布;
# round seventeen): a firm's announcements are dated so
_ACT_DATE = _KEPT.compile("(?:(?:[0-9]{4}年)?(?:[0-9]{1,2}月)?[0-9]{1,2}[日号]"
                          "(?:晚间|早间|午间|盘后|晚)?|晚间|早间|盘后)$")
_DATE_LAST = frozenset("日号间后晚")
# a firm the text names (_named_firm): 名为/名叫/叫做 X 的公司 (X latin, or 2-8 Chinese
# characters with no punctuation), quotes allowed around X
_NAMED_FIRM = _KEPT.compile(
    "(?:名为|名叫|叫做|叫作|名字叫)[“\"]?([A-Za-z][A-Za-z0-9&.\\- ]{1,30}[A-Za-z0-9]"
    "|[\u4e00-\u9fff]{2,8}?)[”\"]?的(?:[\u4e00-\u9fff]{0,4}?)(?:公司|企业|集团|银行|工厂)")
_NAMED_WORDS = ("名为", "名叫", "叫做", "叫作", "名字叫")  # (where _NAMED_FIRM opens)
# car joint ventures (_car_joint): Chinese carmaker groups and the cities of joint plants,
# then the foreign makers as written in Chinese
_CAR_GROUPS = ("东风", "一汽", "二汽", "上汽", "广汽", "北汽", "南汽", "长安", "华晨", "悦达",
               "东南", "江淮", "江铃", "海马", "金杯", "昌河", "哈飞", "庆铃")
_CAR_CITIES = ("北京", "上海", "天津", "广州", "南京", "重庆", "长春", "沈阳", "武汉", "杭州",
               "成都", "郑州", "南海", "烟台", "柳州")
CAR_MAKERS = ("日产", "现代", "起亚", "本田", "丰田", "大众", "通用", "福特", "马自达", "标致",
               "雪铁龙", "雷诺", "三菱", "铃木", "奔驰", "宝马", "奥迪", "沃尔沃", "菲亚特",
               "克莱斯勒", "英菲尼迪", "斯柯达", "别克", "雪佛兰", "五十铃", "依维柯", "讴歌",
               "雷克萨斯", "日野", "五菱", "戴姆勒")
# groups may be two (东风悦达起亚); a city names one plant's venture (佛山一汽丰田 is 一汽丰田)
_CAR_JOINT = _KEPT.compile(f"(?:(?:{'|'.join(_CAR_GROUPS)}){{1,2}}|{'|'.join(_CAR_CITIES)})"
                           f"(?:{'|'.join(CAR_MAKERS)})")
_CAR_GROUP_SET = frozenset(_CAR_GROUPS)
_CAR_PARTNER_SET = frozenset(_CAR_GROUPS + _CAR_CITIES)
_CAR_AFTER = ("汽车", "轿车")  # 北京现代汽车: the maker's word (a suffix after it, the full name)
# a consultancy's trade after its coined name (_consultancy)
# (资讯 since round thirty: the data firms of the trades, 卓创资讯, 百川资讯)
_CONSULTANCY = _KEPT.compile("([\u4e00-\u9fff])(顾问|咨询|市场研究|资讯)")
# (its trades alone, _consultancy_trades: found by the finder's scan, where _CONSULTANCY
# opens with a class every Chinese character is in: ~20 ms a corpus)
CONSULTANCY_TRADES = ("顾问", "咨询", "市场研究", "资讯")
# words said of a consultancy that jieba's kind words miss (权威市场研究, 顾问咨询)
_FUNCTION_CHARS = frozenset("的了是在和与及或对向将把被从给为于之")
_CONSULTANCY_WORDS = frozenset(("权威", "顾问", "咨询", "研究", "市场", "专家", "机构"))
# a list between two chosen firms (between): its separators, its items, the weakest sides
_LIST_SEP = _KEPT.compile("(以及|、|和|与|及)")
_LIST_SEP_FIRST = frozenset("以、和与及")
_LIST_ITEM = _KEPT.compile("[\u4e00-\u9fffA-Za-z&]{2,10}")
_SHARE_LETTER = _KEPT.compile("[\u4e00-\u9fff][AB]$")
_WEAK_SIDES = frozenset(("company.enumeration",))
_MAX_GAP = 40
# a latin name, what may stand between it and its analyst (的, a desk: 首席投资, 利率), the role
_LATIN_ANALYST = _KEPT.compile(
    r"([A-Z](?<![A-Za-z0-9&.\-][A-Z])[A-Za-z0-9&.\-]*[A-Za-z0-9](?: [A-Z][A-Za-z&.\-]*[A-Za-z])"
    r"{0,3}|[A-Z]{2})((?:的)?[\u4e00-\u9fff]{0,6}?)"
    r"(?:分析师|分析员|经济学家|策略师|研究员|研究主管|策略主管)")
ANALYST_ROLES = ("分析师", "分析员", "经济学家", "策略师", "研究员", "研究主管", "策略主管")
# (read leftwards from a role: the same name and between, ending at the role)
_LATIN_ANALYST_LEFT = _KEPT.compile(_LATIN_ANALYST.pattern.rsplit("(?:分析师", 1)[0] + "$")
_ANALYST_WINDOW = 80
_ANY_CAPITAL = _KEPT.compile("[A-Z]")
# a clause between (the name is a person's: 包括X在内的分析师), or a post (驻纽约首席分析师)
_ANALYST_BETWEEN = frozenset("在内牵头领带包括等和与及称说让使被对给向")
# a fund's product words (_fund_managers): its manager's name opens the product's name
_FUND_PRODUCT_WORDS = ("基金", "混合", "FOF", "分级", "ETF", "LOF")
_FUND_PRODUCT = _KEPT.compile("|".join(_FUND_PRODUCT_WORDS))
_PRODUCT_CHAR = _KEPT.compile("[\u4e00-\u9fffA-Za-z0-9]")
_FUND_PRODUCT_LEN = 16
_FUND_BEFORE = frozenset("【“「《继买选购如像")  # 继兴全基金之后, 买嘉实…基金
_FUND_KINDS = ("私募", "公募")  # 阳光私募基金: a kind of fund
_MAX_VERB = 4  # a verb or time word before a name of a list: 抛开, 当初, 询问
_MAX_HAN = 6  # a short name with no company word is 2 to 6 characters


def find(finder: NameFinder, text: str, hits: list[NameHit],
         matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
    """Every context candidate of ``text`` (the labeller resolves overlaps)."""
    yield from _before_trigger(finder, text, matches)
    yield from _before_code(finder, text, matches)
    yield from _declared(finder, text, hits)
    yield from _brand_acting(finder, text, matches)
    yield from _brand_business(finder, text)
    yield from _brand_repeated(finder, text, matches)
    yield from _offices(finder, text, hits)
    yield from _latin_acting(finder, text)
    yield from _latin_legal(finder, text)
    yield from _joint(finder, text, hits, matches)
    yield from _car_joint(finder, text)
    yield from _consultancy(finder, text)
    yield from _latin_analyst(finder, text)
    yield from _research_firms(finder, text)
    yield from _fund_firms(finder, text, matches)
    yield from _fund_managers(finder, text)
    yield from _named_firm(finder, text)
    yield from _kind_apposition(finder, text, hits)
    yield from _firm_possession(finder, text, hits, matches)
    yield from _brand_region(finder, text)
    yield from _place_arm(finder, text, hits)


# … and a name of the 267K list that is a common word too (苹果, 移动) before these only: its
# shares, board and accounts, which no fruit or word has (苹果的市值; not 苹果的客户)
_STRICT = ("股价", "市值", "董事会", "董事长", "股东", "大股东", "控股股东", "净利润", "营收",
           "财报", "年报", "高管", "子公司")


def _firm_possession(finder: NameFinder, text: str, hits: list[NameHit],
                     matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
    """北电网络的专利, 华鼎的报表, 某某的董事会: a name of the lists (listed, known as a firm, or
    a name of the 267K list that is no common word; a common one, 苹果, only before its shares,
    board or accounts: ``_STRICT``) right before 的 and what only a firm has
    (``FIRM_POSSESSION``: its shareholders, board, officers, staff, accounts, market value,
    patents, supply chain, subsidiaries, plants, shops, investors, creditors) is the firm, as
    the standard keeps a brand that names the firm acting or owning (round twenty-two:
    company.brand.possession). The name opens a word (as ``BRAND_ACTION``'s names do: 使各
    竞购者…。北电网络的专利; not 转移|埃森哲, read mid-word), is no place (上海的工厂), no word
    that never names a firm (中期的净利润, 全新的工厂: listed short names too), no index or fund
    (``CODE_NOT_END``: 恒生指数的市值) and no person of the text; a product (的产品, 的手机) is
    the brand's and stays out."""
    gazetteer = finder.gazetteer
    nouns = finder.firm_possession
    if gazetteer is None or not nouns or "的" not in text:
        return
    brands, listed, known = gazetteer.brands, gazetteer.listed, finder.known_label
    found: set[tuple[int, int]] | None = None  # (made when needed)
    inside: bytearray | None = None
    for possessed in finder.firm_possession_at.finditer(text, 2):  # 的 and one of nouns
        end = possessed.start()
        if not _HAN.match(text, end - 1):
            continue
        if found is None:
            found = {(s, e) for s, e, label, *_ in hits if label == "COMPANY"}
        if inside is None:
            inside = _inside(matches, len(text))
        if inside[end]:
            continue  # a listed or known name goes on across 的
        named = False
        strict = text.startswith(_STRICT, end + 1)
        for size in range(min(6, end), 1, -1):
            start = end - size
            name = text[start:end]
            if not (name in listed or known.get(name) == "COMPANY" or (
                    name in brands and (strict or not gazetteer.common_brand(name)))):
                continue
            named = True
            if (start, end) in found or finder.place.fullmatch(name) or \
                    gazetteer.nonname_word(name) or name.endswith(finder.code_not_end) or \
                    not _brand_ok(finder, text, start, end, (name,)) or \
                    _said_of_person(finder, text, name):
                break  # the longest name decides (a place, a word, a person: none)
            yield (start, end, "COMPANY", "company.brand.possession",
                   finder.score("company.brand.possession"), 0)
            break
        if not named:  # 苹果电脑的供应链: a name and its business (BRAND_BUSINESS), a common
            yield from _business_possession(finder, text, end, found)  # name too


def _business_possession(finder: NameFinder, text: str, end: int,
                         found: set[tuple[int, int]]) -> Iterator[NameHit]:
    """苹果电脑的供应链: a name of the lists and a business of the firm (``BRAND_BUSINESS``, as
    round eighteen reads it acting) right before 的 and what only a firm has; the business
    word makes a common name (苹果) the firm's, as 苹果电脑宣布 does."""
    gazetteer = finder.gazetteer
    for business in finder.brand_business:
        if not text.endswith(business, 0, end):
            continue
        at = end - len(business)
        for size in range(min(4, at), 1, -1):
            start = at - size
            name = text[start:at]
            if not (name in gazetteer.brands or name in gazetteer.listed
                    or finder.known_label.get(name) == "COMPANY"):
                continue
            if (start, end) not in found and not finder.place.fullmatch(name) and \
                    not gazetteer.nonname_word(name) and \
                    _brand_ok(finder, text, start, at, (name,)):
                yield (start, end, "COMPANY", "company.brand.possession",
                       finder.score("company.brand.possession"), 0)
            return
        return


_QUOTED = _KEPT.compile("“([^“”]{2,10})”")
_BRACKET_LATIN = _KEPT.compile(r"[（(][A-Za-z]")
_QUOTED_LIST = ("和", "、", "与")
_QUOTED_NOT_END = ("协会", "联盟", "中心", "传媒", "网")  # an association, a medium, a site
_THIS_FIRM = ("这家", "一家", "该")


# the regions a firm's arm is named by (names._branches after a firm found, _brand_region)
REGION_ARM_WORDS = ("大中国区", "大中华区", "中国区", "亚太区", "亚洲区", "欧洲区", "北美区",
                    "美洲区", "拉美区", "中东区", "华东区", "华南区", "华北区", "华中区", "西南区",
                    "西北区", "东北区")
def _place_arm(finder: NameFinder, text: str, hits: list[NameHit]) -> Iterator[NameHit]:
    """同时，四川格力还承诺, 广东中石化被指: a province or city of China (``PLACE`` less
    ``PLACE_NOT_HOME``) right before a firm of the curated lexicon (a national parent: 格力,
    中石化), the place opening a word and the firm acting right after (``BUSINESS_ACT``,
    ``BRAND_ACTION``), names the parent's local arm, one span as a branch is (the standard's
    中国电信重庆分公司; round nine's decision: a place stays before a short name where the bare
    name is the parent, 四川格力, like 兰溪圣奥) (round twenty-three: company.place.arm)."""
    home = finder.home_place
    if home is None:
        return
    action = finder.brand_action
    rule = "company.place.arm"
    for start, end, label, source, _, _ in hits:
        if label != "COMPANY" or source != "company.lexicon" or start < 2:
            continue
        if not (text.startswith(finder.business_act, end) or
                action is not None and action.match(text, end)):
            continue
        for size in range(min(5, start), 1, -1):
            if home.fullmatch(text, start - size, start) and \
                    finder._starts_cleanly(text, start - size):
                yield (start - size, end, "COMPANY", rule, finder.score(rule), 1)
                break


def _brand_region(finder: NameFinder, text: str) -> Iterator[NameHit]:
    """他任电装北美区总裁: a name of the lists (known, listed, or an uncommon name of the 267K
    list) that opens a word, then a region of the firm's (``REGION_ARM_WORDS``: 北美区, 大中华区)
    and an officer's title, is the firm's regional arm, one span as a branch is (the standard's
    中国电信重庆分公司; round nine's 电装北美区, like 诺基亚大中国区) where no rule found the
    bare name (round twenty-three: company.branch)."""
    gazetteer = finder.gazetteer
    if gazetteer is None or "区" not in text:
        return
    brands, listed, known = gazetteer.brands, gazetteer.listed, finder.known_label
    for at, end in finder.region_arm_scan.spans(text):  # (the alternation's finditer)
        if not finder.officer.match(text, end):
            continue
        for size in range(min(4, at), 1, -1):
            start = at - size
            name = text[start:at]
            if not (name in listed or known.get(name) == "COMPANY" or
                    name in brands and not gazetteer.common_brand(name)):
                continue
            if finder.company_generic.fullmatch(name) or finder.place.fullmatch(name) or \
                    finder._straddled(text, start):
                break
            if finder._starts_cleanly(text, start) or text[start - 1] in _ONE_CHAR_VERBS or \
                    finder._boundary_ends(text, max(0, start - 4), start):
                yield (start, end, "COMPANY", "company.branch", finder.score("company.branch"), 1)
            break


def _kind_apposition(finder: NameFinder, text: str,
                     hits: list[NameHit]) -> Iterator[NameHit]:
    """孵化公司如涵控股发布公告, 托管公司高科奶业的董事长, OEM厂商百一电子签署: a firm named right
    after its kind (``APPOSITION_KIND``, not the end of a name found), a core of two to four
    characters and a company word (``COMPANY_SHORT_SUFFIX``, ``APPOSITION_TRADE``), then the
    firm's act or officer (``APPOSITION_ACT``, ``BRAND_ACTION``) or its latin name in brackets,
    is the firm (the standard's further decisions: a descriptor before a name stays out,
    英国建筑公司Carillion → Carillion). The kind word is a boundary the name reader does not
    take (如涵: 如 opens clauses). A quoted name after the kind, before a source's act or beside
    another firm (钢铁资讯机构“我的钢铁”提供, 母公司“字母表”和亚马逊), and one quoted between 这家
    and its company word (这家“荏原食品”公司: like “五粮液”集团 → 五粮液) is the firm too
    (round twenty: company.kind.apposition)."""
    gazetteer = finder.gazetteer
    if gazetteer is None:
        return
    ends: set[int] | None = None  # (made when needed)
    rule = "company.kind.apposition"
    for _, at in finder.apposition_kind_scan.spans(text):
        if ends is None:
            ends = {end for _, end, label, *_ in hits if label == "COMPANY"}
        if at in ends:
            continue  # 中粮集团已经控股: the kind word ends a name
        if text.startswith("“", at):
            quoted = _QUOTED.match(text, at)
            if quoted is not None and _quoted_firm(finder, text, quoted):
                yield (quoted.start(1), quoted.end(1), "COMPANY", rule, finder.score(rule), 0)
            continue
        # the shortest core of two to four characters a company word ends (one match, as
        # apposition_end tried after 2, 3 and 4 characters), then the firm's act after it
        end = finder.apposition_core_end.match(text, at)
        if end is None or not _firm_after(finder, text, end.end()):
            continue
        core, name = text[at : end.start(1)], text[at : end.end()]
        place = finder.place.match(core)
        if place is not None and name not in finder.gazetteer.listed:
            continue  # 供应商台湾胜华科技: a place before a short name stays out (its rule's)
        if _apposed_core(finder, core, name):
            yield (at, end.end(), "COMPANY", rule, finder.score(rule), 0)
    if "”" in text:
        for quoted in _QUOTED.finditer(text):
            name = quoted.group(1)
            if text.endswith(_THIS_FIRM, 0, quoted.start()) and \
                    text.startswith(("公司", "企业", "集团"), quoted.end()) and \
                    finder.industry_end.search(name) and _apposed_core(finder, name, name):
                yield (quoted.start(1), quoted.end(1), "COMPANY", rule, finder.score(rule), 0)


def _apposed_core(finder: NameFinder, core: str, name: str) -> bool:
    """A core that may open a firm's name: Han characters, no function word, no clause or
    phrase (jieba's verbs, adverbs …), no kind or place alone unless the name is listed."""
    gazetteer = finder.gazetteer
    if not all(_HAN.match(c) for c in core) or any(c in _FUNCTION_CHARS for c in core):
        return False
    if name in finder.lexicon.stop.get("COMPANY", ()):
        return False
    if name in gazetteer.listed or finder.known_label.get(name) == "COMPANY":
        return True
    return finder.clause_cut(core) == 0 and not finder.company_generic.fullmatch(core) and \
        not gazetteer.kind_word(core) and not finder.place.fullmatch(core) and \
        not core.endswith(finder.apposition_kind)


def _firm_after(finder: NameFinder, text: str, end: int) -> bool:
    """The firm's act or officer right after a name, or its latin name in brackets."""
    action = finder.brand_action
    return text.startswith(finder.apposition_act, end) or \
        (action is not None and action.match(text, end) is not None) or \
        _BRACKET_LATIN.match(text, end) is not None


def _quoted_firm(finder: NameFinder, text: str, quoted: re.Match[str]) -> bool:
    """钢铁资讯机构“我的钢铁”提供, 母公司“字母表”和亚马逊: a quoted name after a kind is the firm
    where a firm's or a source's act follows, or another name of the lists after 和/、/与."""
    name, end = quoted.group(1), quoted.end()
    if name.endswith(finder.apposition_kind + _QUOTED_NOT_END) or \
            not all(_HAN.match(c) for c in name):
        return False
    gazetteer = finder.gazetteer
    if finder.clause_cut(name) != 0 or gazetteer.kind_word(name) or \
            finder.place.fullmatch(name) or finder.company_generic.fullmatch(name):
        return False
    if _firm_after(finder, text, end) or text.startswith(finder.apposition_quoted_act, end):
        return True
    if text.startswith(_QUOTED_LIST, end):
        after = end + 1
        return any(text[after : after + k] in gazetteer.listed
                   or finder.known_label.get(text[after : after + k]) == "COMPANY"
                   or text[after : after + k] in gazetteer.brands
                   for k in range(2, 7))
    return False


def _named_firm(finder: NameFinder, text: str) -> Iterator[NameHit]:
    """一家名为Unilin的公司, 一家名叫兆科药业的企业: the text names a firm, so the name is the
    firm's (round seventeen); not where the name is a kind or ends in a company word (名为
    某某公司的企业: the suffix rules read it)."""
    if "名" not in text and "叫" not in text:
        return
    for match in _opening_matches(_NAMED_FIRM, text, _openings(text, _NAMED_WORDS)):
        start, end = match.span(1)
        name = match.group(1)
        if finder.company_generic.fullmatch(name) or name.endswith(("公司", "集团", "企业")):
            continue
        yield (start, end, "COMPANY", "company.named", finder.score("company.named"), 0)


def _brand_acting(finder: NameFinder, text: str,
                  matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
    """A name of the 267K short-name list acting as a firm acts (奥的斯宣布, 旭硝子计划投资,
    起诉三星): a firm's verb right after it (``BRAND_ACTION``), or a lawsuit verb right before
    it (``BRAND_ACTION_BEFORE``). The list alone is too weak (苹果, 三星 are words too)."""
    brands = finder.gazetteer.brands if finder.gazetteer else frozenset()
    action, before = finder.brand_action, finder.brand_action_before
    if not brands or action is None:
        return
    inside: bytearray | None = None  # where a listed or known name goes on (made when needed)
    for at, _ in finder.brand_action_scan.spans(text):  # (action.finditer, faster)
        end = _before_time(text, at)
        if end < 2 or not (_HAN.match(text, end - 1) or text[end - 1].isalnum()):
            continue  # no name ends here (发布公告, “公告”)
        if inside is None:
            inside = _inside(matches, len(text))
        if inside[end]:
            continue
        start = _brand_ending(finder, text, end, brands, 6)  # the longest name before the verb
        if start is not None:
            if _said_of_person(finder, text, text[start:end]):
                continue  # 总统特朗普 … 特朗普宣布: a person acts too
            if text.startswith(_SIDE, end) and finder.gazetteer.common_brand(text[start:end]):
                continue  # 鲁花方面 is the firm's side; 欣欣向荣方面: a word's (a common one)
            yield (start, end, "COMPANY", "company.brand.action",
                   finder.score("company.brand.action"), 0)
        else:  # 澳斯曼卫浴宣布: a name of the list and its trade, acting (the firm, not a product)
            yield from _brand_trade(finder, text, end, brands)
    if before is None:
        return
    for _, at in finder.brand_action_before_scan.spans(text):  # (before.finditer, faster)
        for size in range(6, 1, -1):
            start, end = at, at + size
            if end <= len(text) and (end == len(text) or text[end] in _AFTER_OBJECT
                                     or not _HAN.match(text, end)) and \
                    _brand_ok(finder, text, start, end, brands, after_verb=True):
                yield (start, end, "COMPANY", "company.brand.action",
                       finder.score("company.brand.action"), 0)
                break


def _before_time(text: str, at: int) -> int:
    """Where a name acting at ``at`` ends: before a time word or adverb said between a firm
    and its act (普利司通近日宣布, 某某日前已与); ``at`` itself where none is.

    >>> _before_time("甲乙近日宣布", 4), _before_time("甲乙宣布", 2), _before_time("最近宣布", 2)
    (2, 2, 2)
    >>> _before_time("甲乙2月2日晚间公告", 8), _before_time("甲乙晚间公告", 4)
    (2, 2)
    """
    for word in _ACT_TIME:
        if text.endswith(word, 0, at) and at - len(word) >= 2:
            return at - len(word)
    if at and text[at - 1] in _DATE_LAST:  # (speed: a date or a part of the day ends so)
        date = _ACT_DATE.search(text, max(0, at - 16), at)
        if date and date.start() >= 2:
            return date.start()
    return at


def _inside(matches: list[tuple[int, int, str]], size: int) -> bytearray:
    """1 where a listed or known name of ``matches`` goes on (after its first character), in
    a text of ``size`` characters (speed: a slice a name, where a set took every position).

    >>> list(_inside([(0, 3, "abc"), (2, 4, "cd")], 5))
    [0, 1, 1, 1, 0, 0]
    """
    inside = bytearray(size + 1)
    for start, end, _ in matches:
        inside[start + 1 : end] = b"\x01" * (end - start - 1)
    return inside


def _brand_ending(finder: NameFinder, text: str, stop: int, brands,  # noqa: ANN001
                  longest: int) -> int | None:
    """Where the longest name of the list (``longest`` down to 2 characters) that ends at
    ``stop`` and passes :func:`_brand_ok` starts; None where none does."""
    # speed: the list asked about all sizes at once (longest first), then the checks
    for name in having(brands, [text[stop - size : stop] for size in range(longest, 1, -1)
                                if size <= stop]):
        start = stop - len(name)
        if _brand_ok(finder, text, start, stop, brands):
            return start
    return None


def _brand_trade(finder: NameFinder, text: str, end: int, brands) -> Iterator[NameHit]:  # noqa: ANN001
    if not text.endswith(finder.brand_trade, 0, end):
        return  # speed: no trade word ends here (one call in C for all of them)
    for trade in finder.brand_trade:
        if not text.endswith(trade, 0, end):
            continue
        stop = end - len(trade)
        start = _brand_ending(finder, text, stop, brands, 4)
        if start is not None:
            yield (start, end, "COMPANY", "company.brand.trade",
                   finder.score("company.brand.trade"), 0)
        return


def _brand_business(finder: NameFinder, text: str) -> Iterator[NameHit]:
    """美的中央空调成功签下, 辉瑞营养品在…处于领先地位: a name of the lists (known, listed, or
    the 267K list) written together with a business of the firm (``BRAND_BUSINESS``), opening
    a clause and before what the business does (``BUSINESS_ACT``, ``BRAND_ACTION``, a time word
    of its act), is the firm's business acting: one span (the standard's further decisions, a
    brand naming the firm acting; the dev sets' 美的中央空调, 辉瑞营养品, 奥迪金融租赁). A product
    word is no business word (王老吉凉茶, 格力G10变频系列 stay out), and nothing acting after it,
    no span (国美空调、彩电: a shop's counters; 美的空调销量: the product's sales)."""
    gazetteer = finder.gazetteer
    if gazetteer is None:
        return
    brands, listed, known = gazetteer.brands, gazetteer.listed, finder.known_label
    action = finder.brand_action
    for at, end in finder.brand_business_scan.spans(text):
        if not (text.startswith(finder.business_act, end) or text.startswith(_ACT_TIME, end)
                or action is not None and action.match(text, end)):
            continue
        unit = text[at:end] in finder.brand_business_unit  # 华为终端, not 移动终端 (round 23)
        for size in range(min(4, at), 1, -1):
            start = at - size
            name = text[start:at]
            if not (name in brands or name in listed or known.get(name) == "COMPANY"):
                continue
            if unit and not (name in listed or known.get(name) == "COMPANY" or
                             not gazetteer.common_brand(name)):
                break  # 移动终端将: a kind of device
            if finder.company_generic.fullmatch(name) or \
                    name in finder.lexicon.stop.get("COMPANY", ()) or \
                    finder.boundary_start.fullmatch(name) or finder._straddled(text, start):
                break  # 大众空调消费: a word, not a name
            if finder._starts_cleanly(text, start) or \
                    _DATE_END.search(text, max(0, start - 3), start) or \
                    _YEAR_END.search(text, max(0, start - 3), start) or \
                    text.endswith(_BUSINESS_OPENERS, 0, start) or \
                    finder._boundary_ends(text, max(0, start - 4), start):
                yield (start, end, "COMPANY", "company.brand.business",
                       finder.score("company.brand.business"), 0)
            break


def _offices(finder: NameFinder, text: str, hits: list[NameHit]) -> Iterator[NameHit]:
    """华泰证券天津真理道营业部, 沃尔玛超市知春路店: a firm, then a place or a road and its
    office or shop. The standard makes a branch one span (中国电信重庆分公司); an office word
    right after the firm (…有限公司营业部) is a department, not a branch."""
    if "营业" not in text and "店" not in text and "分理处" not in text and "储蓄所" not in text:
        return
    for start, end, label, rule, _, _ in hits:
        if label != "COMPANY" or rule == "company.enumeration":
            continue
        match = _OFFICE.match(text, end)
        if match is None or finder.company_boundary.search(match.group(1)):
            continue  # 中信证券的营业部: no office of its own name
        yield (start, match.end(), "COMPANY", "company.office", finder.score("company.office"), 1)


def _latin_acting(finder: NameFinder, text: str) -> Iterator[NameHit]:
    """RISI日前宣布, CFM将提供, 信息供应商RISI: a latin name (KDDI, Gartner) right before a
    firm's act (``LATIN_ACTION``, a time word allowed between) or right after a trade's role
    (``LATIN_ROLE_BEFORE``: 供应商, 巨头). Person names and units are kept out by the act
    words (no 表示, 称) and ``CONTEXT_NOT_LATIN``. Two regexes find both shapes in C."""
    acting, after_role = finder.latin_acting, finder.latin_after_role
    if acting is None or _ANY_LATIN.search(text) is None:
        return
    spans = [(m.start(), m.end(), True) for m in acting.finditer(text)]
    if after_role is not None:
        spans.extend((m.start(1), m.end(1), False) for m in after_role.finditer(text))
    for start, end, acts in spans:
        name = text[start:end]
        if len(name) < 3 or sum(c.isupper() for c in name) < 1 or \
                name.split(" ")[0].upper() in finder.context_not_latin or \
                (start > 0 and (text[start - 1].isascii() and text[start - 1].isalnum()
                                or text[start - 1] in "·•-向")) or \
                (start > 1 and text[start - 1] == " " and text[start - 2].isascii()
                 and text[start - 2].isalnum()):  # 向ITC起诉: the court; Asia Holdings
            continue
        if not (name.isupper() or name[0].isupper() and name[1:].islower() and len(name) >= 4
                or " " in name):
            continue  # iPhone, eBay-like product spellings and mixed codes stay out
        stake = _STAKE_AFTER.match(text, end) is not None  # Manassen Foods75%股权 (round 20)
        if _LATIN_GOES_ON.match(text, end) and not stake:
            continue  # Iconia Tab 500, CFA institute: a model, or a longer latin phrase
        if not acts and not stake and not finder._ends_word(text, end) and \
                not finder._verb_after(text, end):
            continue  # (SAB米勒: the latin part of a longer name; 运营商KDDI提供: a verb ends it)
        suffix = finder.company_suffix.match(text, end)  # Frist Solar公司: the full name
        if suffix:
            end = suffix.end()
        yield (start, end, "COMPANY", "company.latin", finder.score("company.latin"), 0)


def _latin_legal(finder: NameFinder, text: str) -> Iterator[NameHit]:
    """Yoosung Enterprise的工人, DLH Industries Inc.公司, SlateStone Wealth LLC的: capitalised
    latin words that end in a legal form or a company word name a firm, whatever the context;
    a 公司 right after joins it (a foreign name written as X公司). In brackets after a Chinese
    name it is that name's gloss (瑞萨电子(Renesas Electronics)), the gloss rule's."""
    legal = finder.latin_legal
    if legal is None or _ANY_LATIN.search(text) is None:
        return
    for match in legal.finditer(text):
        start, end = match.span()
        if text[start - 1 : start] in ("(", "（") or \
                match.group().split(" ")[0].upper() in finder.context_not_latin:
            continue
        suffix = finder.company_suffix.match(text, end)
        if suffix:
            end = suffix.end()
        yield (start, end, "COMPANY", "company.latin.legal",
               finder.score("company.latin.legal"), 0)


def _joint(finder: NameFinder, text: str, hits: list[NameHit],
           matches: list[tuple[int, int, str]] = ()) -> Iterator[NameHit]:
    """华润雪花, 三菱重工海尔, 一汽-大众: two firms' names written together with nothing but a
    hyphen between are one joint venture's name, where the pair is a word of its own, or
    where the pair is itself a name of the 267K list that is no common word (一汽丰田的,
    广汽本田会: the joint venture's own name, whatever follows it; 本田马自达 is none)."""
    names = {(s, e) for s, e, label, rule, _, _ in hits
             if label == "COMPANY" and rule in _JOINT_PARTS}
    if not names:
        return
    ends: dict[int, list[int]] = {}
    for s, e in names:
        ends.setdefault(s, []).append(e)
    after: dict[int, list[int]] = {}  # names of a list by where they start (一汽|丰田的)
    for x, y, _ in matches:
        after.setdefault(x, []).append(y)
    made: set[tuple[int, int]] = set()
    for s, e in names:
        # 一汽-大众: a hyphen between the two is the joint venture's own spelling
        for end in (*ends.get(e, ()), *(ends.get(e + 1, ()) if text[e : e + 1] in "-－" else ())):
            if finder._opens_word(text, s) and finder._ends_word(text, end):
                made.add((s, end))
        for end in (*ends.get(e, ()), *after.get(e, ())):
            if _is_named(finder, text[s:end]):
                made.add((s, end))  # 一汽丰田: the pair is a name of its own
    for s, end in sorted(made):
        yield (s, end, "COMPANY", "company.joint", finder.score("company.joint"), 0)


def _car_joint(finder: NameFinder, text: str) -> Iterator[NameHit]:
    """东风日产, 北京现代, 东风悦达起亚: a car joint venture goes by its Chinese partner (a
    carmaker group, or the city of its plant) and its foreign maker, a word of its own or
    before a verb, adverb or kind word (not 北京现代化, nor a model: 东风标致408). A country
    is no partner (日本丰田 is the maker, its place out by the standard), so none is a
    partner here; a model after it is the car (东风本田CRV)."""
    for start, end in _car_pairs(text, finder.car_maker_scan.spans(text)):
        if not finder._opens_word(text, start) or text[end : end + 1].isascii() and \
                text[end : end + 1].isalnum():
            continue
        # a word of its own, or a verb, adverb or kind word after it (北京现代相关车型,
        # 东风日产几乎…); not a word of no class there: a model (广汽本田雅阁), a dealer's name
        after = text[end : end + 2]
        if not (finder._ends_word(text, end) or text.startswith(_CAR_AFTER, end) or
                finder.gazetteer.nonname_word(after) or finder.gazetteer.kind_word(after)):
            continue
        yield (start, end, "COMPANY", "company.joint.car", finder.score("company.joint.car"), 0)


def _car_pairs(text: str, makers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``_CAR_JOINT.finditer(text)``, found from ``makers``, the spans of
    ``CAR_MAKERS`` in ``text`` (leftmost-longest: the finder's scan, in its automaton pass;
    the regex opened with 33 partners' first characters, 上, 北, 一 among them, and was tried
    at each: ~15 ms a corpus), the partner read before each maker.

    >>> from econer.annotate.rules.names import WordScan
    >>> text = "东风悦达起亚和北京现代、佛山一汽丰田，日本丰田"
    >>> _car_pairs(text, WordScan(list(CAR_MAKERS)).spans(text))
    [(0, 6), (7, 11), (14, 18)]
    """
    pairs = []
    last = 0
    for start, end in makers:
        if start - 4 >= last and text[start - 4 : start - 2] in _CAR_GROUP_SET and \
                text[start - 2 : start] in _CAR_GROUP_SET:
            pairs.append((start - 4, end))
        elif start - 2 >= last and text[start - 2 : start] in _CAR_PARTNER_SET:
            pairs.append((start - 2, end))
        else:
            continue
        last = end
    return pairs


def _consultancy(finder: NameFinder, text: str) -> Iterator[NameHit]:
    """中投顾问, 奥维咨询, 慧典市场研究: a consultancy (a firm by the standard) goes by a coined
    name of two or three characters and its trade. The name must be no word of jieba's
    dictionary (投资顾问, 财务顾问, 管理咨询 are kinds and roles, 理财顾问 a verb's), no place,
    no common word, and not a person's (王明顾问: a surname opens it)."""
    for trade, end in _consultancy_trades(text, finder.consultancy_scan.spans(text)):
        head = text[trade:end]
        for size in (3, 2):
            start = trade - size
            core = text[start:trade]
            if start < 0 or len(_HAN.findall(core)) < size or not _FUNCTION_CHARS.isdisjoint(core):
                continue  # (行业中的咨询企业: a clause)
            if _coined(finder, core) and finder._opens_word(text, start) and \
                    finder.company_boundary.match(core) is None and \
                    not (head == "顾问" and core[0] in _SURNAMES):
                suffix = finder.company_suffix.match(text, end)  # 慧典市场研究公司
                yield (start, suffix.end() if suffix else end, "COMPANY",
                       "company.consultancy", finder.score("company.consultancy"), 0)
                break


def _consultancy_trades(text: str, trades: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The trades (group 2) of ``_CONSULTANCY.finditer(text)``, found from ``trades``, the
    spans of ``CONSULTANCY_TRADES`` in ``text`` (the finder's scan): one right after a
    Chinese character that no match before took. (The trades cannot overlap one another,
    so their own scan meets every one.)

    >>> from econer.annotate.rules.names import WordScan
    >>> text = "中投顾问咨询，咨询与奥维市场研究"
    >>> _consultancy_trades(text, WordScan(list(CONSULTANCY_TRADES)).spans(text))
    [(2, 4), (12, 16)]
    """
    found: list[tuple[int, int]] = []
    taken = 0  # where the last match ended
    for at, end in trades:
        if at - 1 >= taken and "\u4e00" <= text[at - 1] <= "\u9fff":
            found.append((at, end))
            taken = end
    return found


def _analyst_names(text: str, roles: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The matches of ``_LATIN_ANALYST.finditer(text)``, found from ``roles``, the spans of
    ``ANALYST_ROLES`` in ``text`` (leftmost-longest: the finder's scan), and read leftwards
    from each (the regex was tried at every capital of texts that name 研究 or 分析: ~10 ms
    a corpus).

    >>> from econer.annotate.rules.names import WordScan
    >>> text = "Kitco资深分析师称，BMO的利率策略主管与IG研究员"
    >>> [m.group(1) for m in _analyst_names(text, WordScan(list(ANALYST_ROLES)).spans(text))]
    ['Kitco', 'BMO', 'IG']
    """
    found: list[re.Match[str]] = []
    if not roles or _ANY_CAPITAL.search(text) is None:
        return found
    last = 0
    for start, end in roles:
        match = _LATIN_ANALYST_LEFT.search(text, max(last, start - _ANALYST_WINDOW), start)
        if match is not None:
            found.append(match)
            last = end
    return found


def _latin_analyst(finder: NameFinder, text: str) -> Iterator[NameHit]:
    """Solarbuzz资深分析师, LPL Financial首席投资策略师, BMO的利率策略主管: a latin name
    before its analyst or economist is the firm they work for (the person's name comes after
    the role in Chinese text). Not where a clause runs between them (包括X在内的分析师,
    X牵头的策略师: X is a person), nor the end of a longer latin name (deVere Group)."""
    for match in _analyst_names(text, finder.analyst_role_scan.spans(text)):
        start, end = match.span(1)
        name, between = match.group(1), match.group(2)
        if not _ANALYST_BETWEEN.isdisjoint(between) or any(c.isdigit() for c in name) or \
                name.split(" ")[0].upper() in finder.context_not_latin or \
                text[max(0, start - 2) : start].endswith(("网站", "网")) or \
                (start > 1 and text[start - 1] == " " and text[start - 2].isascii()
                 and text[start - 2].isalnum()):
            continue  # (Q2财报分析师, NV200: a term, a model; 资讯网站X: a medium)
        if len(between) >= 2 and between[0] not in "的驻" and _coined(finder, between[:2]):
            end += 2  # FXTM富拓首席…: the name goes on in Chinese (not 首席, 市场, 美国)
        suffix = finder.company_suffix.match(text, end)  # Safra Sarasin银行: the full name
        yield (start, suffix.end() if suffix else end, "COMPANY", "company.latin.analyst",
               finder.score("company.latin.analyst"), 0)


# a research desk between a firm and its analyst's role (九州证券全球首席经济学家, 国泰君安(香港)
# 分析师), read leftwards from the role; a research team's header or view (【安信策略：, 据中银国际
# 宏观判断): the team's word and what follows it
_DESK_LEFT = _KEPT.compile(
    "([（(][\u4e00-\u9fff]{2,3}[）)])?"
    "(?:全球|中国|亚洲|亚太|首席|高级|资深|宏观|投资|市场|策略|股票|外汇|固收|债券|行业|信用"
    "|技术)*$")
# (since round thirty also with the analyst's name or the team between: 海通策略荀玉根表示,
# 广发策略戴康团队认为)
_TEAM = _KEPT.compile("(?:策略|宏观|固收)(?:[\u4e00-\u9fff]{2,3}(?:团队)?)?"
                      "(?:[：:]|认为|表示|指出|判断|分析|称)")
_RESEARCH_NAME = 8  # the longest name of a list tried before a desk or team word


def _research_firms(finder: NameFinder, text: str) -> Iterator[NameHit]:
    """A firm of the lists that opens a word right before its analyst's role (a desk between)
    or its research team's header or view is the firm quoted for its analysis (the devsets'
    decision: firms quoted for their analysis are COMPANY; round sixteen): 九州证券全球首席
    经济学家, 国泰君安(香港)分析师, 【安信策略：, 据中银国际宏观判断. The name is a known or
    listed name or an uncommon name of the 267K list; before a team's word it may be a
    broker's short name (X with X证券 of the lists: 国金, 天风). Round nine left analysts'
    titles out for names of no list: a name of a list only, never read mid-word (广证|恒生,
    美银|美林), never a place."""
    gazetteer = finder.gazetteer
    if gazetteer is None:
        return
    anchors = []
    for start, _end in finder.analyst_role_scan.spans(text):
        desk = _DESK_LEFT.search(text, max(0, start - 14), start)
        if desk is not None:
            bracket = desk.group(1)
            anchors.append((desk.start(), desk.start() + len(bracket) if bracket else 0, False))
    if "策略" in text or "宏观" in text or "固收" in text:
        anchors.extend((m.start(), 0, True) for m in _TEAM.finditer(text))
    listed, brands = gazetteer.listed, gazetteer.brands

    def named(name: str, team: bool = False) -> bool:
        return name in finder.known_label or name in listed or (
            name in brands and not gazetteer.common_brand(name)) or (
            team and (name + "证券" in listed or name + "证券" in brands))

    for at, bracket_end, team in anchors:
        for size in range(min(_RESEARCH_NAME, at), 1, -1):
            start = at - size
            name = text[start:at]
            if not named(name, team):
                continue
            if not finder._opens_word(text, start):
                # 美银美林: two names of the lists written together, the pair opening a word,
                # are the merged firm's name
                start = next((start - k for k in (4, 3, 2) if start - k >= 0
                              and named(text[start - k : start])
                              and finder._opens_word(text, start - k)), None)
                if start is None:
                    break
            if not finder.place.fullmatch(text, start, at):
                yield (start, bracket_end or at, "COMPANY", "company.research",
                       finder.score("company.research"), 0)
            break


def _coined(finder: NameFinder, core: str) -> bool:
    """No word of any kind, place or common word, whole or in two-character parts."""
    gazetteer = finder.gazetteer
    parts = {core, core[:2], core[-2:]}
    return not any(p in _CONSULTANCY_WORDS or gazetteer.kind_word(p) or
                   gazetteer.nonname_word(p) or gazetteer.common_brand(p) or
                   finder.place.fullmatch(p) or finder.company_generic.fullmatch(p)
                   for p in parts)


def between(finder: NameFinder, text: str,
            chosen: list[tuple[int, int, str, str]]) -> list[NameHit]:
    """宝钢与华菱钢铁、沙钢以及武钢: the names of one list between two firms chosen in it
    (、, 和, 与, 及, 以及 between them and nothing else) are firms too, each its own span;
    asked of the chosen spans (a pass after the others), so two firms found otherwise vouch
    for the list. Not beside a span of ``company.enumeration`` (its lists are the weakest:
    备料、生产、检测), nor a place, a verb or a word of no name (广西宜州市和诚实业: the 和
    of a name). A share-class letter stays out (南玻A → 南玻)."""
    found: list[NameHit] = []
    spans = sorted(chosen)
    for (_, end, label, rule), (start, _, label2, rule2) in zip(spans, spans[1:], strict=False):
        if text[end : end + 1] in ("A", "B") and text[end + 1 : end + 2] in _LIST_SEP_FIRST:
            end += 1  # 南玻|A、: the share-class letter after a chosen firm stays out
        if label != "COMPANY" or label2 != "COMPANY" or not 3 <= start - end <= _MAX_GAP or \
                rule in _WEAK_SIDES or rule2 in _WEAK_SIDES or text[end] not in _LIST_SEP_FIRST:
            continue
        parts = _LIST_SEP.split(text[end:start])
        if parts[0] or parts[-1] or len(parts) < 5:
            continue  # a separator at both ends, an item between
        at = end
        items = []
        for i, part in enumerate(parts):
            if i % 2 == 0 and part:
                name = part[:-1] if _SHARE_LETTER.search(part) else part
                if not _LIST_ITEM.fullmatch(name) or _no_item(finder, name):
                    items = []
                    break
                items.append((at, at + len(name)))
            at += len(part)
        found.extend((a, b, "COMPANY", "company.list.between",
                      finder.score("company.list.between"), 0) for a, b in items)
    return found


def _no_item(finder: NameFinder, name: str) -> bool:
    """A place, a verb or other word of no name (生产, 生猪养殖) or a generic word."""
    gazetteer = finder.gazetteer
    return bool(finder.place.fullmatch(name) or finder.company_generic.fullmatch(name) or
                gazetteer.nonname_word(name) or gazetteer.nonname_word(name[-2:]) in CUT_TAGS)


def latin_onward(text: str, hits: list[NameHit],
                 not_latin: frozenset[str] = frozenset()) -> list[NameHit]:
    """A latin name followed by a space and capitalised latin words goes on to them (LG
    Display, Tully Sugar: the firm's whole name; LG alone is another firm): the standard keeps
    the longer, more specific reading; not after a legal form, nor into a word of
    ``not_latin`` (upper-cased: an officer's title, CEO Leo Kelly).

    >>> latin_onward("苹果选定LG Display供货", [(4, 6, "COMPANY", "company.lexicon", 0.8, 0)])
    [(4, 14, 'COMPANY', 'company.lexicon', 0.8, 0)]
    """
    out = hits
    for n, (start, end, label, *rest) in enumerate(hits):
        # speed: a space right after a latin letter is rare; only then the regex
        if label == "COMPANY" and text[end : end + 1] == " " and text[end - 1].isascii() \
                and text[end - 1].isalpha() and rest[0] != "company.latin.legal" and \
                (more := _LATIN_ONWARD.match(text, end)) and \
                more.group().split(" ")[1].upper() not in not_latin:
            # (a legal form ends a name: Verdence Capital Advisors CEO Leo Kelly is its officer)
            if out is hits:
                out = list(hits)
            out[n] = (start, more.end(), label, *rest)
    return out


# a firm's name written in latin in brackets right after it: words, at least one lower-case
# letter (a written name; a ticker, an initialism or a product code is all capitals or
# digits, and a stock code stays out of the span), nothing but letters, spaces and . & - ' ,
_GLOSS = _KEPT.compile(r" ?[(（](?=[^)）]*[a-z])[A-Za-z][A-Za-z .&'’,\-]{0,58}[A-Za-z.][)）]")


def gloss_end(text: str, end: int) -> int | None:
    """Where a firm's latin name in brackets right after ``end`` ends (高德纳(Gartner): the
    gold's convention is one span with it, like 必和必拓(BHP)矿业公司), or None; a stock code, a
    ticker or an all-capital initialism is no gloss that joins (獐子岛(SZ.002069), 英特尔(INTC)).

    >>> text = "据高德纳(Gartner)统计，英特尔(INTC)、群智咨询 (Sigmaintell)"
    >>> gloss_end(text, 4), gloss_end(text, 19), gloss_end(text, 30), gloss_end(text, 3)
    (13, None, 44, None)
    """
    # speed: a bracket or a space after a name is rare; only then the regex
    if text[end : end + 1] not in _GLOSS_OPENS:
        return None
    gloss = _GLOSS.match(text, end)
    return None if gloss is None else gloss.end()


_GLOSS_OPENS = frozenset("(（ ")


def latin_goes_on(text: str, end: int, any_case: bool = False) -> bool:
    """A latin name ending at ``end`` runs on into capitalised latin words (Tully| Sugar);
    ``any_case``: into any latin word (Mackay| sugar, as a text wrote the firm's name).

    >>> latin_goes_on("Tully Sugar", 5), latin_goes_on("Tully 董事长", 5)
    (True, False)
    >>> latin_goes_on("Mackay sugar", 6), latin_goes_on("Mackay sugar", 6, any_case=True)
    (False, True)
    """
    return text[end - 1 : end].isascii() and text[end - 1 : end].isalpha() and \
        (_LATIN_ONWARD_ANY if any_case else _LATIN_ONWARD).match(text, end) is not None


# words that open a kind of firm, not a name (the standard: kinds and back-references are no
# names): a determiner, a size or an ownership (更多基金公司, 不同银行, 另一银行, 小市值公司,
# 民营炼油厂, 外资控股期货公司, 传统资管公司); a name of a list after it starts the name
_KIND_OPENERS = ("更多", "不同", "另一", "大量", "众多", "诸多", "一些", "中小", "小市值",
                 "民营", "外资", "传统", "市值", "省份")
# what stands between a firm and 子公司 when the words name the firm's subsidiary, not a
# firm called X子公司 (艾迪西全资子公司, 玲珑轮胎控股子公司, 胜华科技另一子公司)
_SUBSIDIARY_OF = ("全资", "控股", "另一", "一家", "关联", "旗下", "下属", "所属")
# a fund's kind written in latin (ETF基金, QDII基金, FOF基金): a product, no fund firm
_FUND_KIND = _KEPT.compile("[A-Z]{2,5}[)）]?")
# one-character verbs that open a clause before 基金 or 股份 (买新基金, 来买基金, 做基金经理)
_DEAL_VERBS = frozenset("买卖来做要看继购投选")
# goods, rates and indices that futures are traded on: X期货 after one is a contract, not a
# futures broker (兴证期货, 金石期货 are brokers)
_TRADED = ("黄金", "白银", "钯金", "铂金", "铜", "铝", "锌", "铅", "镍", "锡", "原油", "燃油",
           "燃料油", "原糖", "白糖", "棉花", "大豆", "豆粕", "豆油", "菜油", "玉米", "小麦",
           "强麦", "甲醇", "橡胶", "天胶", "螺纹钢", "钢板", "铁矿石", "焦炭", "焦煤", "动力煤",
           "比特币", "国债", "股指", "国指", "恒指", "利率", "美元", "汇率", "生猪", "鸡蛋")
_COUNTED = frozenset("任只家位个支名批")  # measure words after a numeral: 四任, 五只
_CI_BEFORE = frozenset("此其这该每首上本再多历")  # 此次, 其次, 首次 …: 次 is theirs
# a deal's parties (收购方, 合作方): 方 after these is the party, not a name's first character
_PARTY_VERBS = ("收购", "合作", "投资", "委托", "出资", "买", "卖")
_PARTIES = ("委托方", "收购方", "合作方", "投资方", "出资方", "买方", "卖方", "对方", "资方")
_KIND_RULES = frozenset(("company.short", "company.suffix", "company.brand.trigger"))


def kinds_out(finder: NameFinder, text: str, hits: list[NameHit],
              matches: list[tuple[int, int, str]]) -> list[NameHit]:
    """Short and suffix names read leftwards that are kinds, products or a firm's
    subsidiary, not a firm's name (the standard: kinds, back-references, products and
    shares are no COMPANY), dropped; a name of a list after a kind's opener starts the name.

    - a kind's opener (``_KIND_OPENERS``): 小市值公司, 不同银行; 民营企业伟星集团 → 伟星集团;
    - X子公司 after a firm (its name of a list or company word) or after 全资, 控股 …:
      the subsidiary of X (西门子子公司, 光明食品集团子公司), not a firm called so
      (绿盒子公司 stays);
    - 基金 after latin letters (QDII基金), after a fund's age (华夏老基金, 兴全新基金) or
      a deal verb (买新基金); 股份 after a holding or buying word (所持股份, 增持股份,
      新购股份, 新发行股份): a kind of fund, a product, shares;
    - a core made of kind and trade words only, no name of any list inside, no place before
      them (风电设备公司, 结构化证券, 液晶面板厂, 黄金投资公司);
    - 期货 after a traded good, rate or index (白银期货, 国指期货): a contract;
    - 超市 before 场 (远超市场预期: 超 + 市场).

    Asked only of short and suffix hits (some 2.5K a corpus pass), each by its first
    characters or its end.

    >>> from econer.annotate.rules.patterns import load_patterns
    >>> from econer.annotate.rules.names import NameFinder
    >>> finder = NameFinder(load_patterns())
    >>> text = "小市值公司估值低，QDII基金减仓"
    >>> hits = [(0, 5, "COMPANY", "company.suffix", 0.7, 0),
    ...         (9, 15, "COMPANY", "company.short", 0.7, 0)]
    >>> kinds_out(finder, text, hits, [])
    []
    """
    out = None
    for n, (start, end, label, rule, score, prio) in enumerate(hits):
        if label != "COMPANY" or rule not in _KIND_RULES:
            continue
        name = text[start:end]
        keep: tuple[int, int] | None = (start, end)
        opener = next((w for w in _KIND_OPENERS if name.startswith(w)), None) \
            if name.startswith(_KIND_OPENERS) else None
        split = _split_start(text, start, name)
        if split:
            # 此|次中粮集团, 被收购|方小肥羊集团: a word runs across the start; 委托方银行: a
            # party's role and a company word, no name
            rest = text[start + split : end]
            keep = None if len(rest) < 2 or finder.company_generic.fullmatch(rest) or \
                finder.company_suffix.fullmatch(rest) else (start + split, end)
        elif name.startswith("次新"):
            keep = None  # 次新银行股: newly listed stocks, a kind
        elif name[0] in "省市县" and any(
                finder.company_suffix.fullmatch(name, len(name) - k)
                and finder.company_generic.fullmatch(name[1 : len(name) - k])
                for k in (2, 3) if len(name) - k > 1):
            keep = None  # 市电力公司: the city's power company, a back-reference
        elif opener is not None:
            # a name of a list inside, after the opener, starts the name (民营企业伟星集团)
            inner = [x for x, y, _ in matches if start + len(opener) <= x and y < end]
            keep = (min(inner), end) if inner else None
        elif name.endswith(("子公司", "孙公司")) and len(name) > 3:
            core = name[:-3]
            if core.endswith(_SUBSIDIARY_OF) or (
                    _is_firm(finder, core) and not _is_firm(finder, core + "子")):
                keep = None  # (绿盒子公司: a firm called 绿盒子, not 绿盒's subsidiary)
        elif name.endswith("基金") and rule == "company.short":
            core = name[:-2]
            if _FUND_KIND.fullmatch(core) or core[-1] in "新老" or _clause_opens(core) or \
                    "做" in core:  # (程洲做基金经理)
                keep = None
        elif (name.endswith("股份") and rule == "company.short") or (
                rule == "company.brand.trigger" and text.startswith("股份", end)):
            core = name[:-2] if rule == "company.short" else name  # (新购|股份 too)
            if core[-1] in "持购" or core.endswith("发行") or _clause_opens(core):
                keep = None
        elif _kind_phrase(finder, name):
            keep = None  # 风电设备公司, 结构化证券, 液晶面板厂: words of kinds, no name
        elif name.endswith("期货") and name[:-2].endswith(_TRADED):
            keep = None  # 白银期货, 原糖期货, 国指期货: a contract on a good or an index
        elif name.endswith("超市") and text.startswith("场", end):
            keep = None
        if keep != (start, end):
            if out is None:
                out = list(hits)
            out[n] = None if keep is None else (keep[0], end, label, rule, score, prio)
    return hits if out is None else [h for h in out if h is not None]


def _split_start(text: str, start: int, name: str) -> int:
    """How many characters at the start of ``name`` belong to a word before it or are a
    party's role, not the name: 次 of 此次, 其次, 首次 …; 方 of 收购方, 合作方 …; a role
    (委托方, 买方); 0 for none.

    >>> _split_start("此次中粮集团", 1, "次中粮集团")
    1
    >>> _split_start("被收购方小肥羊集团", 3, "方小肥羊集团")
    1
    >>> _split_start("与方正公司", 1, "方正公司"), _split_start("委托方银行", 0, "委托方银行")
    (0, 3)
    """
    first = name[:1]
    if first == "次" and start and text[start - 1] in _CI_BEFORE:
        return 1
    if first == "方" and text.endswith(_PARTY_VERBS, max(0, start - 2), start):
        return 1
    return next((len(w) for w in _PARTIES if name.startswith(w)), 0)


def _is_named(finder: NameFinder, name: str) -> bool:
    """``name`` is a name of a list (the curated lexicon, a listed name, or one of the 267K
    list that is no common word)."""
    gazetteer = finder.gazetteer
    return name in finder.known_label or (gazetteer is not None and (
        name in gazetteer.listed or (name in gazetteer.brands
                                     and not gazetteer.common_brand(name))))


def _kind_phrase(finder: NameFinder, name: str) -> bool:
    """``name`` is a company word after a core of three or more characters that splits
    wholly into words of kinds (jieba's nouns, adjectives: ``words-kind.tsv``) and trade
    words, with no name of any list (the 267K list's common words too: 苹果, 大宇) inside
    and no place first: a kind of firm (风电设备公司, 结构化证券), not a firm's name.

    >>> from econer.annotate.rules.ruler import load_rules
    >>> finder = load_rules()._names
    >>> [_kind_phrase(finder, n) for n in ("风电设备公司", "宏图钢铁公司", "大宇汽车公司")]
    [True, False, False]
    """
    gazetteer = finder.gazetteer
    if gazetteer is None or len(name) < 5:
        return False
    kind, generic = gazetteer.kind_word, finder.company_generic.fullmatch
    if not any(kind(name[:w]) or generic(name[:w]) for w in (2, 3, 4)):
        return False  # (most names: their first word is none; speed)
    for k in (2, 3, 4):
        core = name[: len(name) - k]
        if len(core) < 3 or not finder.company_suffix.fullmatch(name[len(name) - k :]) and \
                not finder.short_suffix.fullmatch(name[len(name) - k :]):
            continue
        # the core split into words of 2 to 4 characters, each a kind or a trade word
        ends = {0}
        for i in range(len(core)):
            if i in ends:
                ends.update(i + w for w in (2, 3, 4) if i + w <= len(core)
                            and (kind(core[i : i + w]) or generic(core[i : i + w])))
        if len(core) not in ends or finder.place.match(core):
            continue
        brands, listed, known = gazetteer.brands, gazetteer.listed, finder.known_label
        if not any(part in brands or part in listed or part in known
                   for i in range(len(core)) for part in (core[i:j] for j in range(
                       i + 2, len(core) + 1))):
            return True
    return False


def _clause_opens(core: str) -> bool:
    """A deal verb, a numeral or a date's tail opens ``core``: a clause or a count before
    基金 or 股份 (买新基金, 四任基金经理, 2015年做基金经理), no fund firm's name."""
    return core[0] in _DEAL_VERBS or core[0] in "年月" or (
        core[0] in _NUMERAL and core[1:2] in _COUNTED)  # (not 九泰基金)


def _is_firm(finder: NameFinder, core: str) -> bool:
    """``core`` is a firm's name: of a list, or ending with a company word (…集团)."""
    if _is_named(finder, core):
        return True
    return any(finder.company_suffix.fullmatch(core, len(core) - k)
               for k in (2, 3, 4) if len(core) - k >= 2)


def rebound(finder: NameFinder, text: str, hits: list[NameHit],
            matches: list[tuple[int, int, str]]) -> list[NameHit]:
    """抛开三星电子, 当初海尔集团: a short or suffix name read leftwards past a verb or a time
    word (2 to 4 characters) into a name of a list starts at that name. The name of the list
    runs to the end (三星电子, 海尔集团) or is followed only by the suffix (X + 集团). Only
    where the words before it are no place and no name of any list (华润雪花啤酒 stays).
    Kinds, products and subsidiaries read as such names go first (``kinds_out``)."""
    hits = kinds_out(finder, text, hits, matches)
    gazetteer = finder.gazetteer
    brands = gazetteer.brands if gazetteer else frozenset()
    listed = gazetteer.listed if gazetteer else {}
    out = hits
    starts: dict[int, list[tuple[int, str]]] | None = None  # matches by start (when needed)

    def named(name: str) -> bool:
        return name in brands or name in finder.known_label or name in listed

    for n, (start, end, label, rule, score, prio) in enumerate(hits):
        if label != "COMPANY" or rule not in ("company.short", "company.suffix") or \
                end - start < 5:
            continue
        if starts is None:
            starts = {}
            for x, y, name in matches:
                starts.setdefault(x, []).append((y, name))
        # one character before the name only where it is a verb or a preposition of its own
        # (任万科集团, 自江口醇集团: 任 as in 出任, 自 as in 自…以来)
        first = start + 1 if text[start] in _ONE_CHAR_VERBS else start + 2
        for a in range(first, min(start + _MAX_VERB, end - 2) + 1):
            tail = text[a:end]
            if finder.company_generic.fullmatch(tail):
                continue  # 规划采购电子: a kind, no name
            if not named(tail) and not any(
                    y - a >= 2 and not finder.company_generic.fullmatch(name)
                    and (finder.company_suffix.fullmatch(text, y, end)
                         or finder.short_suffix.fullmatch(text, y, end))
                    for y, name in starts.get(a, ())):
                continue
            before = text[start:a]
            # 华润雪花啤酒, 神华宁夏煤业集团, 英国索尼爱立信公司: the words before hold a name
            # or a place (the standard keeps a place before a full name)
            if finder.place.search(before) or named(before) or \
                    finder.company_generic.fullmatch(before) or \
                    any(x in starts for x in range(start, a)):
                break
            if out is hits:
                out = list(hits)
            out[n] = (a, end, label, rule, score, prio)
            break
    return out


def _brand_repeated(finder: NameFinder, text: str,
                    matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
    """A name of the 267K list met twice or more in one text, each time a word of its own
    (after punctuation or a one-character function word, before a boundary): a text that
    keeps naming 万士达 is about the firm. A name that is a common word too (苹果, 长城: the
    jieba flag of ``brands-common.tsv``), a place or a kind is not taken.

    Anchored on the openers (one character class), and only where two openers start with
    the same two characters is the list looked up: cheap on text that repeats nothing."""
    gazetteer = finder.gazetteer
    if gazetteer is None or not gazetteer.brands:
        return
    # one pass in C: the shortest run of two to six characters after an opener that a word
    # end follows (万士达 in 与万士达作为); counted in C; the list is asked only about runs met
    # twice (three times for two characters)
    names, once = _repeated_runs(text)
    brands = gazetteer.brands
    names = having(brands, names)
    # a name of three characters or more met once after an opener and again elsewhere: its
    # other mentions may follow a verb (借给乐视网 … 借予乐视网使用) and run into the next word
    # (乐视网资金紧张); each is then a word of its own by jieba's dictionary (below)
    loose = {n for n in having(brands, _acting_runs(finder, text, once))
             if text.count(n) >= _REPEATS and _acts_once(finder, text, n)}
    found: dict[str, list[int]] = {}
    for name in (*names, *loose):
        at = text.find(name)
        while at != -1:
            end = at + len(name)
            opens = at == 0 or text[at - 1] in _OPENERS
            if ((opens and finder._ends_word(text, end)
                 or len(name) >= _LONG_NAME and (opens or finder._ends_word(text, end)))
                    or name in loose and _own_word(finder, text, at, end)) and \
                    not (end < len(text) and (text[end] == "于" or text[end].isascii()
                                              and text[end].isalnum())):
                # (标普500, 奥迪A6: an index, a model; 远高于: a verb)
                found.setdefault(name, []).append(at)
            at = text.find(name, at + 1)
    inside: bytearray | None = None
    for name, positions in found.items():
        # a two-character name is a word more often (汉王 and 配资 alike): met three times
        if len(positions) < _REPEATS + (len(name) == 2) or not _repeat_ok(finder, text, name):
            continue
        if inside is None:
            inside = _inside(matches, len(text))
        for at in positions:
            if not inside[at] and not (at > 0 and text[at - 1] in "·•"):
                yield (at, at + len(name), "COMPANY", "company.brand.repeat",
                       finder.score("company.brand.repeat"), 0)


def _repeated_runs(text: str) -> tuple[list[str], list[str]]:
    """The runs met twice (two characters: three times) that may be a name of the list, and
    the runs met once (:func:`_acting_runs` picks from those).

    >>> _repeated_runs("与万士达作为伙伴，万士达表示，由宏远达承建")
    (['万士达'], ['宏远达', '与万士达'])
    """
    counts = Counter(_REPEAT_RUN.findall(text, 0) + ([m.group(1)] if (
        m := _FIRST_RUN.match(text)) else []))
    # speed: the runs met twice picked in C (most runs are met once), the rest asked after
    twice = [n for n in compress(counts, map(gt, counts.values(), repeat(1)))
             if counts[n] > 1 + (len(n) == 2) and n[0] not in _NOT_FIRST]
    return twice, list(compress(counts, map(eq, counts.values(), repeat(1))))


def _acting_runs(finder: NameFinder, text: str, once: list[str]) -> list[str]:
    """The runs of ``once`` that may be a name of the list acting once (:func:`_acts_once`):
    three characters or more, a first character that may open a name, and an end where a
    firm's word (``COMPANY_TRIGGER``, ``BRAND_ACTION``, ``FIRM_AFTER``) may start.

    Speed: the 267K list was asked about every run met once (~40K a pass), where a few
    hundred end before such a word. Where a list's words start: every start of one lies
    within a span of the list's leftmost-longest scan (a word starting outside them all
    would have been a span itself), so the three characters before each place of those
    spans are the only ends an acting name of three characters or more can have.

    >>> from econer.annotate.rules.ruler import load_rules
    >>> text = "由宏远达承建，宏远达董事长表示"
    >>> _acting_runs(load_rules()._names, text, _repeated_runs(text)[1])  # (a superset)
    ['宏远达', '由宏远达']
    """
    ends = {text[at - 3 : at]
            for scan in (finder.trigger_scan, finder.brand_action_scan, finder.firm_after_scan)
            for start, end in scan.spans(text) for at in range(max(start, 3), end)}
    return [n for n in compress(once, map(ends.__contains__, map(_LAST_THREE, once)))
            if n[0] not in _NOT_FIRST]


_LAST_THREE = itemgetter(slice(-3, None))


def _acts_once(finder: NameFinder, text: str, name: str) -> bool:
    """One mention of ``name`` is right before a firm's word (乐视网实控人, 东方网力上市,
    鼎湖山泉方面; ``COMPANY_TRIGGER``, ``BRAND_ACTION``): met twice with no such word, a name
    of the list is as often a thing's (电地暖企业: the trade's firms)."""
    words = [w for w in (finder.trigger, finder.brand_action) if w is not None]
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        if text.startswith(FIRM_AFTER, end) or any(w.match(text, end) for w in words):
            return True
        at = text.find(name, end)
    return False


def _own_word(finder: NameFinder, text: str, start: int, end: int) -> bool:
    """The mention is a word of its own: an opener, a date or a verb, adverb or pronoun of
    jieba's dictionary ends before it (借予|乐视网), and a word end, or a word of jieba's
    dictionary, follows it (乐视网|资金, 乐视网|使用)."""
    if not (start == 0 or text[start - 1] in _OPENERS or finder._word_ends_before(text, start)):
        return False
    if finder.not_after_listed(text, end) or \
            text.startswith(finder.short_not_after, end):
        return False  # 道琼斯指数, X市场: an index, a market
    if finder._ends_word(text, end) or text.startswith(FIRM_AFTER, end):
        return True
    gazetteer = finder.gazetteer
    return gazetteer is not None and any(
        gazetteer.nonname_word(text[end : end + k]) or gazetteer.kind_word(text[end : end + k])
        for k in (2, 3, 4) if end + k <= len(text))


def _repeat_ok(finder: NameFinder, text: str, name: str) -> bool:
    """A repeated list name is a firm's: no common word, place, kind, count (一横, 双雄),
    rank or body (中汽协), and never said of a person anywhere in the text (特朗普说,
    总统特朗普)."""
    gazetteer = finder.gazetteer
    if gazetteer is None or gazetteer.common_brand(name) or name[0] in _NUMERAL or \
            finder.company_generic.fullmatch(name) or finder.place.fullmatch(name) or \
            name in finder.lexicon.stop.get("COMPANY", ()) or \
            finder.boundary_start.fullmatch(name) or name.endswith(finder.context_not_end) or \
            name[-1] in "中内里" or len(name) == 2 and name[-1] in "上下外":  # 信中, 时间里
        return False
    if finder.place.match(name) or finder.industry_start.match(name):
        return False  # 中国龙, 小程序, 新动能: a place or a kind opens a phrase, not a name
    after, before, firm = finder.person_after, finder.person_before, finder.firm_near
    near = firm is None
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        if text.startswith(after, end) or text.endswith(before, 0, at):
            return False
        # a firm's word near one mention (作为胜华的两个子公司, 扩充产能): the text speaks of firms
        near = near or bool(firm.search(text, max(0, at - _NEAR), end + _NEAR))
        at = text.find(name, end)
    return near


def _said_of_person(finder: NameFinder, text: str, name: str) -> bool:
    """Somewhere in the text the name is a person's (总统X, X说, a speaker's X：, X（化名）).

    >>> from econer.annotate.rules.ruler import load_rules
    >>> finder = load_rules()._names
    >>> _said_of_person(finder, "美国总统宏远宣布减税。宏远宣布", "宏远")
    True
    """
    after, before = finder.person_after, finder.person_before
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        if text.startswith(after, end) or text.endswith(before, 0, at):
            return True
        at = text.find(name, end)
    return False


def _brand_ok(finder: NameFinder, text: str, start: int, end: int, brands,  # noqa: ANN001
              after_verb: bool = False) -> bool:
    name = text[start:end]
    if name not in brands or finder.company_generic.fullmatch(name) or \
            name in finder.lexicon.stop.get("COMPANY", ()) or \
            finder.boundary_start.fullmatch(name) or \
            name[-1] in "中内里" or len(name) == 2 and name[-1] in "上下外":
        return False  # 首家员工持股的: a word, not a name; 时间里, 信中: a place in a thing
    if start > 0 and (text[start - 1] in "·•-－—" or text[start - 1].isdigit()):
        return False  # 迈克·威尔逊: a person's name; 1.6万名员工: a count
    if finder._straddled(text, start):
        return False  # 已经发公告: 经发 starts mid-word
    # the name opens a clause: punctuation, a date or a boundary word before it
    return after_verb or finder._starts_cleanly(text, start) or bool(
        _DATE_END.search(text, max(0, start - 3), start)
        or finder._boundary_ends(text, max(0, start - 4), start))


def _before_code(finder: NameFinder, text: str,
                 matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
    """中国宏桥（1378.HK）, 雅百特（002323）: the name right before a stock code in brackets
    (six digits, or four or five with an exchange's mark) is the listed firm, as the standard
    keeps a firm that speaks of its shares. Funds, indices and ETFs have codes too (名称ETF
    （159949.SZ）, 房地产指数（886057）): ``CODE_NOT_END`` keeps them out; a four-digit year in
    brackets with no mark (报告（2018）) is no code."""
    if "（" not in text and "(" not in text:
        return
    known_end: set[int] | None = None
    brackets = _brackets(text)
    for match in _opening_matches(_STOCK_CODE, text, brackets):
        digits = match.group(1) or match.group(3)
        if len(digits) == 4 and not match.group(2) and digits[:2] in ("19", "20"):
            continue  # （2011）: a year
        if known_end is None:
            known_end = {e for _, e, _ in matches}
        yield from _named_before(finder, text, match.start(), matches, known_end,
                                 "company.code", known=False)
    # 贝莱德（BLK.N）, 晶澳太阳能(JASO.NASDAQ) (round 23)
    for match in _opening_matches(_US_TICKER, text, brackets):
        if known_end is None:
            known_end = {e for _, e, _ in matches}
        yield from _named_before(finder, text, match.start(), matches, known_end,
                                 "company.code", known=False)


def _openings(text: str, words: tuple[str, ...]) -> list[int]:
    """Where any of ``words`` starts in ``text`` (overlapping too), in order.

    >>> _openings("名字叫做甲", _NAMED_WORDS)
    [0, 2]
    """
    found = []
    for word in words:
        at = text.find(word)
        while at != -1:
            found.append(at)
            at = text.find(word, at + 1)
    found.sort()
    return found


def _brackets(text: str) -> list[int]:
    """Where an opening bracket (（ or () is in ``text``, in order.

    >>> _brackets("甲（1）乙(2)丙（")
    [1, 5, 9]
    """
    return _openings(text, ("（", "("))


def _opening_matches(pattern: re.Pattern[str], text: str,
                     openings: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts at one of
    ``openings`` (in order): a match tried at each of them, none overlapping (speed: the
    regex tried its first character class at every character of a text with a bracket,
    ~50 instructions a character).

    >>> [m.group(1) for m in _opening_matches(_STOCK_CODE, "甲（600000）乙(0700.HK)",
    ...                                       _brackets("甲（600000）乙(0700.HK)"))]
    ['600000', '0700']
    """
    end = 0
    for at in openings:
        if at >= end:
            match = pattern.match(text, at)
            if match is not None:
                end = match.end()
                yield match


def _before_trigger(finder: NameFinder, text: str,
                    matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
    """X董事长, X股价, X旗下: the name before a word only a firm has (``CONTEXT_TRIGGER``)."""
    trigger = finder.context_trigger
    if trigger is None:
        return
    known_end = {e for _, e, _ in matches}
    for at, _ in finder.context_trigger_scan.spans(text):  # (trigger.finditer, faster)
        yield from _named_before(finder, text, at, matches, known_end, "company.context")


def _named_before(finder: NameFinder, text: str, end: int,
                  matches: list[tuple[int, int, str]], known_end: set[int], rule: str,
                  known: bool = True) -> Iterator[NameHit]:
    """The name of no list read leftwards from ``end``, if there is a clear one. ``known``
    (company.context): no name of the 267K list either, a place before a short name stays out
    and two characters are too often a word; without it (company.code) a stock's name is
    whole with its place (中国宏桥) and two characters suffice (汇控, 石药)."""
    if end < 2 or not (_HAN.match(text, end - 1) or text[end - 1].isalpha()):
        return  # no name ends here
    if end in known_end:
        if not known:  # 买吉利（0175.HK）: a stock code vouches for the known name before it
            start = min((a for a, b, _ in matches if b == end), default=end)
            # where a word opens, or after a trade or a call verb (not 思捷|环球, 舜宇|光学)
            if end - start >= 2 and (finder._opens_word(text, start) or
                                     text[start - 1 : start] in _TRADE_VERBS):
                yield (start, end, "COMPANY", rule, finder.score(rule), 0)
                return
            # 思捷|环球（00330.HK）, 舜宇|光学: the known name ends a longer stock's name, read
            # leftwards below (round thirty-one)
            matches = [m for m in matches if m[1] != end]
        else:
            return  # a listed or known name ending here decides itself
    latin = _latin_before(text, end)
    if latin is not None:
        start = latin
    else:
        start = finder._left(text, end, _MAX_HAN + 2, finder.non_name, finder.company_boundary)
        if end - start > _MAX_HAN or (start > 0 and start == end - _MAX_HAN - 2):
            return  # no clear start within reach: a phrase, not a name
        if text.startswith(("公司", "企业"), start) and end - start > 3:
            start += 2  # 托管公司高科奶业: the generic word before the name stays out
        place = finder.place.match(text, start, end) if known else None
        if place:  # a place before a short name stays out (浙江华鼎董事长 → 华鼎)
            start = place.end()
        # 撬惠普中国副总裁, 挖角华为终端: a known name inside or across the start decides it
        for a, b, _ in matches:  # by start
            # (a boundary word inside a known name, 华为's 为, cut it: the name is whole)
            # (a stock's name: only a known name running to the code, 花旗升|正通汽车)
            if a != start and start <= b <= end and a >= end - _MAX_HAN - 2 and not any(
                    x < a < y for x, y, _ in matches) and (known or b == end):
                start = a
                break
    if not known:
        start = _stock_name_start(finder, text, start, end)
    name = text[start:end]
    if known and name in brands_of(finder):
        return  # a name of the 267K list is company.brand.trigger's
    if not _name_ok(finder, text, start, end, name, min_han=3 if known else 2,
                    generic=not known):
        return
    if _said_of_person(finder, text, name) or _person_holding(text, start, end):
        return  # 董事长X … X旗下, 孙某某旗下: a person's holdings, not a firm's group
    if not known and name.endswith(finder.code_not_end):
        return  # 创业板50ETF（159949.SZ）: a fund's or an index's code
    yield (start, end, "COMPANY", rule, finder.score(rule), 0)


def _stock_name_start(finder: NameFinder, text: str, start: int, end: int) -> int:
    """Where a stock's name read leftwards from its code starts: after a status prefix (the
    standard keeps it out: *ST康美 → 康美) and after a verb or a time word that opens the
    run (看好中移动, 剔除乐视网: jieba's classes, as :meth:`NameFinder.clause_cut` cuts)."""
    if text.startswith("ST", start) and end - start > 3:
        start += 2  # *ST昆机: the status prefix (the * is a non-name character already)
    gazetteer = finder.gazetteer
    if gazetteer is None:
        return start
    name = text[start:end]
    for k in range(2, min(4, len(name) - 2) + 1):  # 剔除|乐视网: a verb before a known name
        rest = name[k:]
        if gazetteer.nonname_word(name[:k]) and (
                rest in gazetteer.listed or rest in gazetteer.brands
                and not gazetteer.common_brand(rest)):
            return start + k
    # 看好|中移动: verbs, adverbs and time words open no stock's name; three characters
    # are left at least (现代牧业, 联合医务: a word of those classes opens a name too)
    cut = 0
    while size := next((k for k in (4, 3, 2) if cut + k <= len(name) - 3
                        and gazetteer.nonname_word(name[cut : cut + k]) in CUT_TAGS), 0):
        cut += size
    # 大摩下调|丘钛, 高盛料|金沙: a broker's call on the stock (a headline's "X下调Y"): the
    # name starts after the verb
    # (the broker a name of a list and no place: 中国|通信服务 is whole)
    for i in range(cut + 2, len(name) - 2):
        size = 2 if gazetteer.nonname_word(name[i : i + 2]) in CUT_TAGS else \
            1 if name[i] in _CALL_VERBS else 0
        if size and i + size <= len(name) - 2 and not finder.place.fullmatch(name[cut:i]) \
                and finder._names_a_firm(name[cut:i]):
            return start + i + size
    return start + cut


def brands_of(finder: NameFinder):  # noqa: ANN201
    """The 267K list of the finder's gazetteer (an empty set where it has none)."""
    return finder.gazetteer.brands if finder.gazetteer else frozenset()


def _person_holding(text: str, start: int, end: int) -> bool:
    """A name of three characters opening with a common surname right before 旗下 is a person
    holding firms (刘某谦旗下的…集团), not a firm's group: firms' names of no list are longer
    (高科奶业旗下); the corpus's three such cases were all people.

    >>> _person_holding("刘大同旗下的", 0, 3), _person_holding("宏达科技旗下", 0, 4)
    (True, False)
    """
    return end - start == 3 and text[start] in _SURNAMES and text.startswith("旗下", end)


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


def _name_ok(finder: NameFinder, text: str, start: int, end: int, name: str,
             min_han: int = 3, generic: bool = False) -> bool:
    if len(name) < 2 or finder.non_name.search(name) and not name.isascii() \
            or name[0] in "（(":
        return False
    if name.isascii():
        # a latin word in a Chinese text: letters, at least two capitals or one and a
        # lowercase run (KDDI, Gartner), not a unit or a product code (GDP CEO, A6)
        return sum(c.isupper() for c in name) >= 1 and not any(c.isdigit() for c in name) \
            and name.upper() not in finder.context_not_latin
    if not generic and finder.company_generic.fullmatch(name) or finder.place.fullmatch(name):
        return False  # (with its stock code a place-and-trade name is the firm: 中国通信服务)
    if len(name) < min_han or any(c in _PARTICLES for c in name):
        return False  # 巨头旗下, 接替总裁, 管理着朱雀: two characters are mostly a word
    if _HAN_THEN_LATIN.search(name):
        return False  # 指HTC侵犯: a latin name inside a Chinese phrase (TCL通讯 is a name)
    if name in finder.lexicon.stop.get("COMPANY", ()) or name.endswith(finder.context_not_end):
        return False
    # 所以联想控股, 我国新能源: the start is mid-word
    return name[0] not in finder.function_start and not finder._straddled(text, start)


def _declared(finder: NameFinder, text: str, hits: list[NameHit]) -> Iterator[NameHit]:
    """顺达科技有限公司（简称“顺达科技”）: the alias a text declares for a firm it names
    (its quotes may be left out: …有限公司(下称顺达))."""
    if "简称" not in text and "下称" not in text:
        return
    ends = {e for s, e, label, rule, _, _ in hits if label == "COMPANY"}
    for match in (*_DECLARED.finditer(text), *_DECLARED_BARE.finditer(text)):
        if match.start() not in ends:
            continue  # only for a firm found right before it
        start, end = match.span(1)
        name = text[start:end].strip()
        if not name or finder.company_generic.fullmatch(name):
            continue
        yield (start, end, "COMPANY", "company.declared", finder.score("company.declared"), 0)


def _fund_firms(finder: NameFinder, text: str,
                matches: list[tuple[int, int, str]]) -> Iterator[NameHit]:
    """星石投资, 高瓴资本, 红塔资管, 高毅资产: a name of a list (2 to 4 characters: the 267K
    list, a listed or known name) right before an investment or asset manager's word
    (``FUND_SUFFIX``) is that firm, where the name opens a word and a word ends after it (not
    投资者, 投资5亿元: the verb). A kind or a place is no name (基建投资, 价值投资, 嘉兴投资).

    >>> from econer.annotate.rules.ruler import load_rules
    >>> finder = load_rules()._names
    >>> [(text[s:e], rule) for text in ("据悉，星石投资认为", "基建投资回落", "星石投资者")
    ...  for s, e, _, rule, _, _ in _fund_firms(finder, text, [])]
    [('星石投资', 'company.fund')]
    """
    suffix, gazetteer = finder.fund_suffix, finder.gazetteer
    if suffix is None or gazetteer is None:
        return
    brands, listed = gazetteer.brands, gazetteer.listed
    inside: bytearray | None = None
    for head, end in finder.fund_suffix_scan.spans(text):  # (suffix.finditer, faster)
        if end < len(text) and (text[end] in _FUND_NOT_AFTER or text[end].isdigit()):
            continue  # 投资者, 投资人, 资产5亿: a person, a verb, a sum
        if text[head:end] == "投资" and not text.startswith(_SAYS, end) and \
                any(gazetteer.nonname_word(text[end : end + k]) == "v" for k in (2, 3, 4)):
            continue  # 光线传媒投资设立: 投资 is the verb there (not 星石投资认为)
        if finder.context_trigger is not None and finder.context_trigger.match(text, end):
            continue  # 宏岳资产总经理: company.context's (a name before an officer's title)
        if not (finder._ends_word(text, end) or text.startswith(FIRM_AFTER, end)):
            continue  # 投资理念, 资产规模 …: the word goes on
        if inside is None:
            inside = _inside(matches, len(text))
        if inside[head]:
            continue  # 华润资本 inside a longer name of a list
        for size in (4, 3, 2):
            start = head - size
            if start < 0:
                continue
            core = text[start:head]
            if not (core in brands or core in listed or core in finder.known_label) or \
                    gazetteer.kind_word(core) or gazetteer.nonname_word(core) or \
                    finder.company_generic.fullmatch(core) or finder.place.fullmatch(core):
                continue
            if not (finder._starts_cleanly(text, start) or text[start - 1] in _OPENERS
                    or _DATE_END.search(text, max(0, start - 3), start)
                    or finder._boundary_ends(text, max(0, start - 4), start)):
                continue  # 压缩同业投资: mid-clause
            if text[head:end] == "投资" and text.startswith("的", end) and \
                    (core in listed or core in finder.known_label):
                break  # TCL投资的华星光电: a firm of its own invests (星石投资的基金经理 stays)
            yield (start, end, "COMPANY", "company.fund", finder.score("company.fund"), 0)
            break


def _fund_managers(finder: NameFinder, text: str) -> Iterator[NameHit]:
    """兴全基金认为, 现任万家基金研究部总监; 嘉实新兴产业股票基金, 华宝中证1000指数分级
    基金B: a fund manager is a name X whose X基金 is a name of the 267K list (its list of
    fund firms) or of ``FUND_FIRMS``, met as X基金 where a word opens, or as X opening a
    fund's product name (up to ``_FUND_PRODUCT_LEN`` name characters and no function word,
    then 基金, 混合, FOF, 分级, ETF or LOF; not before a digit, an index's: 中证500, nor
    私募/公募, a kind): the standard makes a fund management firm COMPANY, and the firm
    inside its product's name as inside a project's (X only there). Kinds, places and words
    of jieba's non-name classes are no X (天使基金, 健康基金).

    >>> from econer.annotate.rules.ruler import load_rules
    >>> finder = load_rules()._names
    >>> texts = ("据悉，兴全基金认为", "购买嘉实新兴产业股票基金", "天使基金")
    >>> [(text[s:e], rule) for text in texts
    ...  for s, e, _, rule, _, _ in _fund_managers(finder, text)]
    [('兴全基金', 'company.fund.manager'), ('嘉实', 'company.fund.manager')]
    """
    gazetteer = finder.gazetteer
    if gazetteer is None or not any(map(text.__contains__, _FUND_PRODUCT_WORDS)):
        return
    score = finder.score("company.fund.manager")
    seen: set[int] = set()
    for match in _FUND_PRODUCT.finditer(text):
        at = match.start()
        if match.group() == "基金":  # X基金 itself
            for size in (4, 3, 2):
                start = at - size
                if start >= 0 and _fund_manager_at(finder, text, start, at, whole=True):
                    seen.add(start)
                    yield (start, match.end(), "COMPANY", "company.fund.manager", score, 0)
                    break
            if text[at - 1 : at] == "新":  # 兴全新基金: the firm's new fund
                for size in (4, 3, 2):
                    start = at - 1 - size
                    if start >= 0 and start not in seen and \
                            _fund_manager_at(finder, text, start, at - 1, whole=True):
                        seen.add(start)
                        yield (start, at - 1, "COMPANY", "company.fund.manager", score, 0)
                        break
        # X opening the product's name: the run of name characters before the product word
        lo = at
        while lo > 0 and at - lo < _FUND_PRODUCT_LEN and _PRODUCT_CHAR.match(text, lo - 1) \
                and text[lo - 1] not in _FUNCTION_CHARS:  # (中欧国际工商学院和成为基金)
            lo -= 1
        for start in range(lo, at - 3):
            if start in seen:
                break
            size = next((k for k in (4, 3, 2) if start + k <= at - 2
                         and not text[start + k].isdigit()  # 中证500, 上证50: an index
                         and text[start + k] not in _COUNTED  # 第一只…基金: a count
                         and not text.startswith(_FUND_KINDS, start + k)
                         and _fund_manager_at(finder, text, start, start + k)), 0)
            if size:
                seen.add(start)
                yield (start, start + size, "COMPANY", "company.fund.manager", score, 0)
                break


def _fund_manager_at(finder: NameFinder, text: str, start: int, end: int,
                     whole: bool = False) -> bool:
    """``text[start:end]`` is a fund firm's name (see :func:`_fund_managers`) opening a word
    (``whole``: followed by 基金). A name that is a numeral too (万家) only after punctuation
    or a function word, or before 基金 where a word opens (现任万家基金; not 上万家)."""
    gazetteer = finder.gazetteer
    core = text[start:end]
    if (core not in finder.fund_firms and core + "基金" not in gazetteer.brands) or \
            gazetteer.kind_word(core) or \
            finder.place.fullmatch(core):
        return False
    tag = gazetteer.nonname_word(core)
    if tag and (tag != "m" or not (finder._starts_cleanly(text, start) or whole)):
        return False  # 万家 is a count too (第一只…基金): only after punctuation, or before 基金
    if not tag and finder.company_generic.fullmatch(core):
        return False
    return (finder._starts_cleanly(text, start) or text[start - 1] in _OPENERS
            or text[start - 1] in _FUND_BEFORE
            or _DATE_END.search(text, max(0, start - 3), start) is not None
            or finder._opens_word(text, start))


def fund_cores(finder: NameFinder, text: str, hits: list[NameHit]) -> Iterator[NameHit]:
    """世诚投资 … 世诚很少参与热门股: the name of a list that opens an investment manager's
    name found in the text (company.fund) is the firm at its other mentions, as a full name's
    short form is (the manager's word off), where each is a word of its own (:func:`_own_word`).

    >>> from econer.annotate.rules.ruler import load_rules
    >>> finder = load_rules()._names
    >>> text = "星石很少参与热门股。据悉，星石投资认为市场见底"
    >>> hits = list(_fund_firms(finder, text, []))
    >>> [(text[s:e], rule) for s, e, _, rule, _, _ in fund_cores(finder, text, hits)]
    [('星石', 'company.alias')]
    """
    cores: set[str] = set()
    taken = bytearray(len(text) + 1)
    for start, end, label, rule, _, _ in hits:
        if label == "COMPANY":
            taken[start:end] = b"\x01" * (end - start)
        if rule == "company.fund":
            suffix = finder.fund_suffix.search(text, start, end) if finder.fund_suffix else None
            if suffix is not None and suffix.end() == end:
                cores.add(text[start : suffix.start()])
    gazetteer = finder.gazetteer
    if not cores or gazetteer is None:
        return
    for core in cores:
        if gazetteer.common_brand(core):
            continue  # 红杉, 重阳: words too; the manager's full name only
        at = text.find(core)
        while at != -1:
            end = at + len(core)
            if taken.find(1, at, end) == -1 and _own_word(finder, text, at, end) and \
                    not (finder.fund_suffix and finder.fund_suffix.match(text, end)):
                yield (at, end, "COMPANY", "company.alias", finder.score("company.alias"), 0)
            at = text.find(core, end)
