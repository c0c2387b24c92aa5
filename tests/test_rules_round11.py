"""Round eleven (issue 12): recall on kinds with a general cue. Fund management firms
(spec/entities.md: "a fund management firm or a securities firm acting … is" COMPANY; a firm
inside its project's name is COMPANY, so a manager inside its fund's name is too), lists of
firms with their count, a stock code written with a space, and verbs cut before a name of a
list. Sentences written for the test from the standard; none is a corpus, dev or seed
sentence."""

from __future__ import annotations

import pytest
from rule_spans import names, spans


# -- fund managers: X基金 of the list, and X opening its fund's product name ------------------
@pytest.mark.parametrize("text, expected", [
    ("本周，博时基金表示看好消费板块。", ["博时基金"]),
    ("继兴全基金之后，又一只产品提前结束募集。", ["兴全基金"]),  # 继: a verb before
    ("他现任万家基金研究部副总监。", ["万家基金"]),  # 万家 is a count too; 现任 opens here
])
def test_a_fund_firm_before_fund_is_the_firm(labeller, text, expected) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("他买入了嘉实稳健混合。", ["嘉实"]),  # the manager inside its product's name
    ("【万家价值优选混合：把握低估板块】", ["万家"]),
    ("此外，华安沪深300指数基金规模增长。", ["华安"]),
])
def test_a_fund_firm_opening_its_product_is_the_firm(labeller, text, expected) -> None:
    assert spans(labeller, text) == [(name, "company.fund.manager") for name in expected]


@pytest.mark.parametrize("text", [
    "这是国内第一只主题基金。",  # 第一只: a count, not 第一基金
    "此外，中证500指数基金持有该股。",  # 中证500: an index, not a manager
    "阳光私募基金发行回暖。",  # 阳光私募: a kind of fund
    "天使基金投资早期项目。",  # 天使基金: a kind
])
def test_no_fund_firm_in_counts_indices_and_kinds(labeller, text) -> None:
    assert [n for n, rule in spans(labeller, text) if rule == "company.fund.manager"] == []


# -- a list of firms with its count, no 等 -----------------------------------------------------
def test_a_list_before_its_count_of_firms_names_firms(labeller) -> None:
    assert spans(labeller, "恒达、瑞丰、金泰三家企业签约入园。") == [
        ("恒达", "company.enumeration.count"), ("瑞丰", "company.enumeration.count"),
        ("金泰", "company.enumeration.count")]


@pytest.mark.parametrize("text", [
    "恒达、瑞丰、金泰两家企业签约。",  # the count is not the number of items
    "在恒达、瑞丰、金泰设有三家工厂。",  # a verb ends the last item
    "苏州、无锡、常州三家企业获奖。",  # places, not firms
])
def test_a_list_whose_count_does_not_fit_stays_out(labeller, text) -> None:
    assert [n for n, rule in spans(labeller, text) if rule == "company.enumeration.count"] == []


def test_a_list_with_deng_is_unchanged(labeller) -> None:
    assert spans(labeller, "恒达、瑞丰、金泰等三家企业签约。") == [
        ("恒达", "company.enumeration"), ("瑞丰", "company.enumeration"),
        ("金泰", "company.enumeration")]


# -- a stock code with a space before its exchange's mark -----------------------------------------
def test_a_name_before_a_code_with_a_space_is_the_listed_firm(labeller) -> None:
    assert spans(labeller, "敏华控股（1999 HK）公布全年业绩。") == [("敏华控股", "company.code")]


def test_a_year_in_brackets_is_still_no_code(labeller) -> None:
    # without an exchange's mark four digits from 19 or 20 are a year (unchanged)
    found = spans(labeller, "宏达股份（2011）年报")
    assert [n for n, rule in found if rule == "company.code"] == []


# -- verbs before a name of a list are cut as before any other name -------------------------------
def test_a_verb_before_a_listed_name_and_its_company_word_stays_out(labeller) -> None:
    # 鲁花 is a name of the 267K list (no common word): it ends the core, 批准 is cut as before
    # any other name (允许日产汽车公司 → 日产汽车公司, round five)
    assert names(labeller, "主管部门已批准鲁花公司的提价方案。") == ["鲁花公司"]


def test_a_place_jieba_reads_as_an_adverb_stays_in_a_full_name(labeller) -> None:
    # 大连 is tagged 'd' in jieba's dictionary: the place before a full name stays (the standard)
    assert names(labeller, "大连万达集团宣布投资。") == ["大连万达集团"]
