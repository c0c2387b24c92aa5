"""Round twenty-three (issue 12): COMPANY boundaries where a firm is named by its parent's name
and a business, region or place written together. The standard makes a subsidiary's or branch's
name one COMPANY span (spec/entities.md: 中国电信重庆分公司), while a brand naming a product is
not a firm (海尔冰箱 as a fridge). Shapes: a name and its device or telecom arm (终端, 通讯)
acting or before its officer, as round eighteen reads 美的中央空调 (``company.brand.business``),
only for a name known, listed or of the 267K list and no common word (not 移动终端); a firm's
regional arm; a place before a parent that acts; a name before its US ticker. Sentences written
for the test from the standard; none is a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import names, spans

BUSINESS = "company.brand.business"


# -- a name and its device or telecom arm, acting -------------------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("据介绍，中兴终端总经理王某已到任。", "中兴终端"),
    ("今年，TCL通讯全面转向智能手机。", "TCL通讯"),
    ("业内人士称，诺基亚终端将于明年推出新机。", "诺基亚终端"),
])
def test_a_name_and_its_unit_acting(labeller, text, firm) -> None:
    assert (firm, BUSINESS) in spans(labeller, text)


@pytest.mark.parametrize(("text", "word"), [
    ("专家认为，移动终端将成为主要入口。", "移动终端"),  # a kind of device
    ("他说，电信通讯已经普及到乡村。", "电信通讯"),  # a common word, no firm
])
def test_no_firm_in_a_kind_of_device(labeller, text, word) -> None:
    assert (word, BUSINESS) not in spans(labeller, text)


# -- a firm's regional arm before its officer is one span --------------------------------------
@pytest.mark.parametrize(("text", "arm"), [
    ("他此前出任诺基亚北美区总裁。", "诺基亚北美区"),  # a firm found, the new region
    ("据介绍，微软欧洲区副总裁将来华。", "微软欧洲区"),
    ("他已出任电装北美区总裁。", "电装北美区"),  # a name of the 267K list, no rule of its own
])
def test_a_firm_and_its_region_before_its_officer(labeller, text, arm) -> None:
    assert arm in names(labeller, text)


def test_a_region_alone_is_no_firm(labeller) -> None:
    assert names(labeller, "今年北美区总裁一职空缺。") == []


# -- a home place before a national parent, acting, is its local arm ----------------------------
@pytest.mark.parametrize(("text", "arm"), [
    ("下月起，湖南格力将开展以旧换新活动。", "湖南格力"),
    ("据悉，浙江中石化已下调批发价。", "浙江中石化"),
])
def test_a_place_and_a_parent_acting_is_its_arm(labeller, text, arm) -> None:
    assert (arm, "company.place.arm") in spans(labeller, text)


@pytest.mark.parametrize(("text", "word"), [
    ("他说，湖南格力空调销量大增。", "湖南格力"),  # the product's sales: no act after the name
    ("他来到湖南格力将开展活动的门店。", "湖南格力"),  # the place is read mid-word (到湖南)
])
def test_no_arm_where_the_parent_does_not_act(labeller, text, word) -> None:
    assert (word, "company.place.arm") not in spans(labeller, text)


# -- a name before its US ticker in brackets is the listed firm -----------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("此外，汇丰控股（HSBC.N）下跌1%。", "汇丰控股"),
    ("昨日，恒嘉光伏(ABCD.NASDAQ)公布了季度财报。", "恒嘉光伏"),
])
def test_a_name_before_its_us_ticker(labeller, text, firm) -> None:
    assert firm in names(labeller, text)


def test_no_ticker_without_an_exchange_mark(labeller) -> None:
    assert "恒嘉光伏" not in names(labeller, "昨日，恒嘉光伏(ABCD)公布了季度财报。")
