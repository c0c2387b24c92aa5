"""Firms with no list entry, found by what is said of them (annotate/rules/context.py).

Every example is written for the test from the standard (spec/entities.md); none is a seed
or corpus sentence. Invented firm names (闽通奶业, 宏岳资产 …) are in no lexicon, so only the
context can find them."""

from __future__ import annotations

import pytest

from econer.spans import Document


def spans(labeller, text: str) -> list[tuple[str, str]]:
    return [(s.text, (s.source or "").removeprefix("rules:"))
            for s in labeller(Document.from_text(text)).spans if s.label == "COMPANY"]


@pytest.mark.parametrize("text, name", [
    ("闽通奶业董事长在会上表示，产能将翻番", "闽通奶业"),         # officers are a firm's
    ("据悉，宏岳资产总经理近日离任", "宏岳资产"),
    ("会后，Zentra首席执行官接受了采访", "Zentra"),              # a latin name too
    ("澜川科技工程旗下的两家工厂停产", "澜川科技工程"),          # its group
])
def test_a_name_before_an_officer_or_its_group_is_a_firm(labeller, text, name) -> None:
    assert (name, "company.context") in spans(labeller, text)


def test_a_place_before_the_short_name_stays_out(labeller) -> None:
    # the standard: before a short name a place word is a modifier (长沙中联重科 → 中联重科)
    assert spans(labeller, "浙江闽通奶业董事长表示") == [("闽通奶业", "company.context")]


def test_a_known_name_inside_decides_the_start(labeller) -> None:
    # 华为 is known: the verb before it is no part of the name
    assert spans(labeller, "传闻对手挖角华为终端副总裁") == [("华为终端", "company.context")]


@pytest.mark.parametrize("text", [
    "公司董事长表示将继续增持",         # a back-reference (the standard: 该公司, 股份公司)
    "该集团总裁出席了签约仪式",
    "执行总裁与联席总裁均已到任",       # ranks, not firms
    "外交部发言人在记者会上表示",       # 发言人 is not only a firm's
    "巨头旗下的品牌越来越多",           # two characters are mostly a word
    "接替总裁位置的是一位老员工",       # a verb before the title
    "这位张董事长很少露面",             # 这位: a word runs across the start
    "未来旗下所有车型都将降价",
    "企业的净利润和市值均有增长",       # shares and accounts are no trigger
])
def test_a_title_after_a_word_that_is_no_name_finds_nothing(labeller, text) -> None:
    assert spans(labeller, text) == []


@pytest.mark.parametrize("text", [
    "GDP总裁", "它的CEO表示",                  # a latin unit or a title is no firm
])
def test_latin_words_that_are_no_firm(labeller, text) -> None:
    assert spans(labeller, text) == []


def test_an_alias_declared_for_a_full_name_is_the_firm(labeller) -> None:
    text = "闽通奶业集团有限公司（以下简称“闽通”）今日公告，闽通将扩产"
    assert spans(labeller, text) == [("闽通奶业集团有限公司", "company.full"),
                                     ("闽通", "company.declared"), ("闽通", "company.repeat")]


def test_an_alias_declared_for_no_firm_is_not_taken(labeller) -> None:
    assert spans(labeller, "《管理办法》（以下简称“办法”）自公布之日起施行") == []


def test_explain_names_the_context_rule(labeller) -> None:
    doc = labeller(Document.from_text("宏岳资产总经理表示"))
    assert [s.source for s in doc.spans] == ["rules:company.context"]


# -- a name of the 267K short-name list acting as a firm acts --------------------------------
@pytest.mark.parametrize("text, name", [
    ("哈曼宣布在沈阳新建一座工厂", "哈曼"),      # a firm's act right after the name
    ("6月3日，哈曼斥资十亿元扩产", "哈曼"),      # after a date
    ("该品牌商去年起诉三星侵犯其专利", "三星"),     # a lawsuit verb right before it
])
def test_a_listed_brand_acting_as_a_firm_is_a_firm(labeller, text, name) -> None:
    assert (name, "company.brand.action") in spans(labeller, text)


@pytest.mark.parametrize("text", [
    "苹果价格上涨，果农增收",            # the list alone is not enough
    "入选千人计划的专家增至百人",        # 计划 as a noun: a programme
    "旗下有超过1.6万名员工",             # a count, not a name
    "首家员工持股的基金公司成立",        # a word of the boundary list
    "迈克·威尔逊宣布退休",               # a person's name after its middle dot
])
def test_the_short_name_list_without_a_firm_act_finds_nothing(labeller, text) -> None:
    assert [n for n, rule in spans(labeller, text) if rule == "company.brand.action"] == []


# -- kinds and back-references are no names (the standard: 该公司, 股份公司, 长春工厂) -------------
@pytest.mark.parametrize("text", [
    "近50家A股公司发布增持公告",            # a market's firms, not one firm
    "港股公司的盈利预测上调",
    "权益类基金发行升温，爆款基金频现",     # kinds of funds
    "数百亿基金一日售罄",
    "减持后约占公司总股本的3%",             # 占 before 公司: the firm referred back to
    "当地新建了多家大米加工厂",             # a kind of factory
    "拆分为一家独立公司运营",
])
def test_kinds_of_firms_are_not_names(labeller, text) -> None:
    assert spans(labeller, text) == []


def test_a_share_verb_is_no_part_of_the_name(labeller) -> None:
    assert [n for n, _ in spans(labeller, "其持股占闽通集团总股本的5%")] == ["闽通集团"]


def test_an_expo_site_is_not_a_park(labeller) -> None:
    # the standard: single sites and facilities are not PARK
    doc = labeller(Document.from_text("新能源客车在世博园区内运行"))
    assert [s.text for s in doc.spans if s.label == "PARK"] == []


def test_an_advisory_firm_is_a_firm(labeller) -> None:
    # the standard: consultancies and brokers are COMPANY; 投顾 ends their short names
    assert spans(labeller, "盛川投顾认为，短期市场仍以震荡为主") == [("盛川投顾", "company.short")]
