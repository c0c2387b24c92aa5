"""Recall of round six (issue 12): a firm named again after a verb or a date, a name of the
267K list met again where it runs into the next word, an investment or asset manager's own
name. Sentences written for the test from spec/entities.md ("a name labelled once is
labelled at its other mentions", "a fund management firm or a securities firm acting is
COMPANY"); none is a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import spans


# -- a firm named again after a verb or a date (company.repeat) ----------------------------
@pytest.mark.parametrize("text", [
    "哈曼宣布扩产。记者致电哈曼，未获回应。",     # 致电: a verb of jieba's dictionary
    "哈曼宣布扩产。2016年哈曼在华销量增长。",    # a date ends a word
])
def test_a_firm_named_again_after_a_verb_or_a_date_is_the_firm(labeller, text) -> None:
    assert spans(labeller, text) == [("哈曼", "company.brand.action"),
                                     ("哈曼", "company.repeat")]


def test_a_mention_running_into_a_longer_word_after_a_verb_is_not_repeated(labeller) -> None:
    # 哈曼大厦: the building; after a verb the name must end a word of its own
    assert spans(labeller, "哈曼宣布扩产。记者致电哈曼大厦的物业。") == [
        ("哈曼", "company.brand.action")]


# -- a name of the 267K list met again, running into the next word (company.brand.repeat) ---
def test_a_list_name_met_again_and_said_to_have_a_controller_is_a_firm(labeller) -> None:
    # once after an opener (与), once before 实控人 (only a firm has one), once after a verb
    # and before a word (帮助 … 渡过)
    text = "康达信实控人近日减持股票，与康达信合作的银行表示将帮助康达信渡过难关。"
    assert spans(labeller, text) == [("康达信", "company.brand.repeat")] * 3


def test_a_list_name_met_again_with_no_firm_word_by_it_is_no_firm(labeller) -> None:
    # the same list name, said only of a thing (its use, its price): no firm acts
    text = "居民选用康达信暖器，与康达信相比，支持康达信使用。"
    assert spans(labeller, text) == []


# -- an investment or asset manager's own name (company.fund) -----------------------------
@pytest.mark.parametrize("text, name", [
    ("据悉，星石投资认为市场仍有机会。", "星石投资"),     # saying is no verb of 投资
    ("在景林资本入股后，股价上涨。", "景林资本"),  # (高瓴资本 is a known firm now)
    ("业内人士称，红塔资管近期增持。", "红塔资管"),
    ("星石投资的基金经理认为市场见底。", "星石投资"),
])
def test_a_list_name_before_a_managers_word_is_the_firm(labeller, text, name) -> None:
    assert (name, "company.fund") in spans(labeller, text)


@pytest.mark.parametrize("text", [
    "今年基建投资回落，价值投资者增多。",   # kinds, and investors (投资者)
    "上月光线传媒投资设立一家影视公司。",   # 投资 the verb (设立 follows): the listed firm alone
    "资金流向固定资产，资本市场走强。",     # no name before them
    "这家工厂设在万科投资的新园区内。",     # a firm of its own invests: 万科 alone
])
def test_kinds_verbs_and_investors_are_no_fund_firm(labeller, text) -> None:
    assert all(rule != "company.fund" for _, rule in spans(labeller, text))


# -- a listed name before its shares' ratios (市 there is no city) -------------------------
@pytest.mark.parametrize("text, name", [
    ("截至周五，中国平安市盈率回落至十倍。", "中国平安"),   # the standard: 中国平安股价
    ("受消费股带动，贵州茅台市值再创新高。", "贵州茅台"),
])
def test_a_listed_name_before_its_market_value_is_the_firm(labeller, text, name) -> None:
    assert (name, "company.listed") in spans(labeller, text)


# -- a level or a grade before a company word names a kind (the standard: 市级高新区 is a
# title, not a name) ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "某省级分行近期要求理财经理推销基金",
    "会议安排在一家五星级酒店举行",
    "多家千亿级基金公司调整了费率",
    "分析师看好地产类公司的估值修复",    # X类, X型 before a company word: a kind of firm
    "多只价值型基金净值回落",
    "监管收紧后融资类信托规模收缩",
])
def test_a_level_or_grade_before_a_company_word_is_no_company(labeller, text) -> None:
    assert spans(labeller, text) == []


# -- a date ends a word; a term does not ----------------------------------------------------
def test_a_listed_name_after_a_date_is_the_firm(labeller) -> None:
    assert ("獐子岛", "company.listed") in spans(labeller, "2月5日獐子岛发布了业绩预告。")


def test_stock_exchanges_are_no_companies(labeller) -> None:
    # the standard: stock exchanges are not COMPANY (深交所); nor abroad
    text = "该公司计划在纳斯达克上市，此前曾考虑联交所。纳斯达克宣布了新规。"
    assert spans(labeller, text) == []


# -- a short name chosen once ends a word before a verb or an adverb ------------------------
def test_a_short_name_chosen_once_is_the_firm_again_before_a_verb(labeller) -> None:
    # two characters need their end marked: an adverb of jieba's dictionary does (突然)
    text = "汉威宣布裁员。消息传出后，汉威突然停产。"
    assert spans(labeller, text) == [("汉威", "company.brand.action"), ("汉威", "company.repeat")]


def test_a_short_name_chosen_once_inside_a_longer_word_is_not_repeated(labeller) -> None:
    text = "汉威宣布裁员。消息传出后，汉威克电影上映。"   # 汉威克: another name
    assert spans(labeller, text) == [("汉威", "company.brand.action")]


def test_an_open_joint_stock_company_is_a_firm_not_a_kind(labeller) -> None:
    # 开放型股份公司: a legal form of a foreign firm, not a kind
    assert spans(labeller, "伏尔加开放型股份公司宣布扩产") == [
        ("伏尔加开放型股份公司", "company.suffix")]


# -- a listed name of a place and a trade is the firm before its code or its shares' words -----
@pytest.mark.parametrize("text, name", [
    ("受油价拖累，中国石油股价下跌两成。", "中国石油"),    # the standard: 中国平安股价
    ("机场股中，深圳机场(000089)涨幅居前。", "深圳机场"),
])
def test_a_place_and_trade_listed_name_before_its_shares_is_the_firm(labeller, text, name) -> None:
    assert (name, "company.listed.trigger") in spans(labeller, text)


def test_a_place_and_trade_listed_name_alone_is_the_trade(labeller) -> None:
    # 中国石油需求: China's oil demand, an industry (the issue: 中国石油 needs a trigger)
    assert spans(labeller, "今年中国石油需求增速放缓。") == []


# -- a manager's name without its manager's word, elsewhere in the text ---------------------
def test_the_name_opening_a_managers_name_is_the_firm_at_its_other_mentions(labeller) -> None:
    # the issue: a full name licenses its short forms (the organisational word off)
    text = "星石很少参与热门股。据悉，星石投资认为市场见底，星石也在加仓。"
    assert spans(labeller, text) == [("星石", "company.alias"), ("星石投资", "company.fund"),
                                     ("星石", "company.alias")]


# -- a one-character verb before a name of a list stays out (the standard: names stop at verbs)
def test_a_one_character_verb_before_a_listed_firms_group_stays_out(labeller) -> None:
    assert ("万科集团", "company.suffix") in spans(labeller, "他去年9月任万科集团副总裁。")


# -- a common noun or adjective alone before a short name's industry word is a kind ----------
@pytest.mark.parametrize("text", [
    "这位资深乳业专家认为奶价会涨",     # 资深: an adjective of jieba's dictionary
    "周五影视传媒板块领涨",
    "这家机构获得大量股份",
    "其中40%以上基金实现盈利",          # 以上: no name runs across it
])
def test_a_kind_word_before_a_short_names_industry_word_is_no_company(labeller, text) -> None:
    assert spans(labeller, text) == []


def test_nouns_still_name_brokers_and_insurers(labeller) -> None:
    # 野村, 友邦: nouns of jieba's dictionary that name firms before 证券, 保险, 控股
    assert [n for n, _ in spans(labeller, "野村证券分析师认为，友邦保险估值偏低")] == [
        "野村证券", "友邦保险"]


def test_a_word_that_is_a_name_of_the_list_still_opens_a_short_name(labeller) -> None:
    # 浩然: an adjective of jieba's dictionary and a name of the 267K list
    assert ("浩然置业", "company.short") in spans(labeller, "浩然置业的主要资产在杭州")


# -- a joint venture of some kind is no name; a named one follows 合资企业 -------------------
@pytest.mark.parametrize("text", [
    "双方计划成立钻井合资公司，各占一半股份",
    "多家中外合资涂料公司陆续成立",
])
def test_a_kind_of_joint_venture_is_no_company(labeller, text) -> None:
    assert spans(labeller, text) == []


def test_the_name_after_a_joint_venture_word_is_the_firm(labeller) -> None:
    text = "该车企在华合资企业宏图汽车公司今年销量增长"
    assert ("宏图汽车公司", "company.suffix") in spans(labeller, text)


# -- a firm's side (…方面) is said only of a firm -------------------------------------------
@pytest.mark.parametrize("text", ["对此，康达信方面表示不予置评。", "目前康达信总部已迁往上海。"])
def test_a_list_name_before_its_side_or_seat_is_the_firm(labeller, text) -> None:
    assert spans(labeller, text) == [("康达信", "company.brand.action")]


def test_a_common_word_before_fangmian_is_no_firm(labeller) -> None:
    # 欣欣向荣: an idiom on the 267K list; 方面 after a common word is an aspect
    assert spans(labeller, "在解释市场欣欣向荣方面，估值往往没有用。") == []
