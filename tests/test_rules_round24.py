"""Round twenty-four (issue 12): COMPANY precision on industry news. What the rules took for a
firm and the standard does not (spec/entities.md: places, products, projects and works, time
words, a negation and a back-reference such as 本公司/该公司 are no firms; a span is exactly
the name): a time word's 初/底/末 before a name, 非本公司, 各地 read as part of a name, ST公司
(a category of listed firms), a table's row number glued to a name, a short name across a
bracket (中国)控股), a listed railway line named as its firm, a 、-list of counties or of
common nouns closed by 等 and works or firms, a trade's common noun taken as a firm's short
name, a name cut at the 的 inside it (奥的斯), and a brand counted as machines (10台X电梯).
Sentences written for the test from the standard; none is a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import names


# -- a time word before a name stays out of it --------------------------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("去年初万科公司宣布进军物流。", "万科公司"),
    ("本月底星辉公司将发布新机。", "星辉公司"),
    ("今年末格力集团完成了改组。", "格力集团"),
])
def test_a_time_word_before_a_firm_stays_out(labeller, text, firm) -> None:
    assert firm in names(labeller, text)
    assert not any(n.startswith(("初", "底", "末")) for n in names(labeller, text))


# -- a negation, a back-reference, a place word and a category are no firm ----------------
@pytest.mark.parametrize("text", [
    "该批次产品“非本公司生产”，厂方称。",
    "说明书写明非该公司授权销售。",
    "近期被风险警示的ST公司越来越多。",
    "各地电池公司何时复工尚不清楚。",
    "龙头企业不断兼并各地小酒厂。",
])
def test_no_firm(labeller, text) -> None:
    assert names(labeller, text) == []


# -- a table's row number is not the name's --------------------------------------------------
def test_a_row_number_after_a_figure_stays_out(labeller) -> None:
    text = "成交额排行：3长城汽车5.61-2.30%7ABB集团3.20-1.10%"
    assert "ABB集团" in names(labeller, text)
    assert "7ABB集团" not in names(labeller, text)


def test_a_digit_before_a_latin_name_stays_in(labeller) -> None:
    assert any(n.endswith("3M公司") for n in names(labeller, "据悉，3M公司宣布裁员。"))


# -- a short name with a place in brackets --------------------------------------------------
def test_a_short_name_with_a_bracketed_place(labeller) -> None:
    found = names(labeller, "康师傅(中国)控股昨日公布业绩。")
    assert "康师傅(中国)控股" in found or "师傅(中国)控股" in found
    assert "中国)控股" not in found


# -- a listed railway is its line too --------------------------------------------------------
def test_a_railway_line_is_no_firm_without_a_cue(labeller) -> None:
    assert "京沪高铁" not in names(labeller, "京沪高铁明年起将增开夜间列车。")


def test_a_railway_firm_with_a_cue_is_kept(labeller) -> None:
    assert "大秦铁路" in names(labeller, "大秦铁路公告称，一季度净利润增长。")


# -- a list of counties or of common nouns -------------------------------------------------
def test_a_list_closed_by_road_works_names_no_firm(labeller) -> None:
    text = "该省今年将开工建设丰都、武隆、石柱等一批重点公路项目。"
    assert names(labeller, text) == []


@pytest.mark.parametrize("text", [
    "展会吸引了软件开发商、设计公司、各类型代理商等企业参展。",
    "随着光伏、风电等能源项目的增加，企业订单上升。",
])
def test_a_list_of_kinds_names_no_firm(labeller, text) -> None:
    assert names(labeller, text) == []


# -- a trade's common noun is no short name --------------------------------------------------
def test_a_trade_noun_is_not_a_short_name(labeller) -> None:
    text = "除了杭州拖拉机厂之外，拖拉机厂家还有很多，拖拉机价格也在上涨。"
    found = names(labeller, text)
    assert "杭州拖拉机厂" in found
    assert "拖拉机" not in found


# -- 的 inside a name -------------------------------------------------------------------------
def test_a_name_with_de_inside_is_whole(labeller) -> None:
    found = names(labeller, "美国奥的斯电梯公司昨日发表声明。")
    assert "奥的斯电梯公司" in found
    assert "斯电梯公司" not in found


def test_a_brand_counted_as_machines_is_the_product(labeller) -> None:
    text = "奥的斯电梯公司称，已检修全市5台奥的斯电梯。"
    found = names(labeller, text)
    assert found.count("奥的斯电梯") == 0
    assert "奥的斯电梯公司" in found


def test_a_brand_before_its_model_number_is_the_product(labeller) -> None:
    text = "奥的斯电梯公司表示，奥的斯302XT型扶梯已全部停用。"
    assert names(labeller, text).count("奥的斯") == 0
