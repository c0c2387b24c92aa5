"""Round ten (issue 12): false spans of kinds frequent across the corpus. Brands called brands
(spec/entities.md: "A brand is COMPANY … not where it names the product or is called a brand
(丰田、本田等品牌)"). Sentences written for the test from the standard; none is a corpus, dev
or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import names, spans


# -- a list of brands: any short qualifier between 等 and 品牌 -------------------------------
@pytest.mark.parametrize("text", [
    "丰田、本田等品牌",  # the standard's own example
    "索尼、夏普、松下等日本品牌占据市场。",
    "奔驰、宝马等豪华车品牌进入采购目录。",
    "阿迪达斯、耐克等多家知名运动品牌在华的供应商",
    "雀巢、雅培等几大外资品牌提价。",
])
def test_items_of_a_brand_list_are_brands(labeller, text) -> None:
    assert names(labeller, text) == []


@pytest.mark.parametrize("text, expected", [
    ("海尔、美的等品牌商加快布局。", ["海尔", "美的"]),  # the brands' owners are firms
    ("海尔、美的等企业的品牌", ["海尔", "美的"]),  # a list of firms, their brands after
])
def test_a_list_of_brand_owners_stays(labeller, text, expected) -> None:
    assert names(labeller, text) == expected


def test_a_brand_of_a_list_is_the_firm_where_it_acts_elsewhere(labeller) -> None:
    # the list's mention stays out; the firm acting later is the firm (the repeat pass)
    # (惠氏 is a known firm too, lexicon/company-known.jsonl: any of the rules finds it)
    found = spans(labeller, "雅培、惠氏等洋品牌纷纷涨价，惠氏表示将回应。")
    assert [t for t, _ in found] == ["惠氏"]
    assert found[0][1] in ("company.repeat", "company.attested", "company.lexicon")


def test_a_firm_found_again_inside_a_brand_list_stays_out(labeller) -> None:
    # the repeat pass does not put the firm back at the list's mention
    assert names(labeller, "三星宣布扩产。索尼、三星等高端品牌受到冲击。") == ["三星"]


# -- PARK: a new town of housing is no zone; a move, a post or an address stays out -----------
@pytest.mark.parametrize("text", [
    "该楼盘位于顺义新城核心区域。",  # a new town of housing, not an industrial zone
    "从滨海新城到市中心只需半小时。",
])
def test_a_new_town_is_no_park(labeller, text) -> None:
    assert names(labeller, text, "PARK") == []


def test_a_new_town_named_by_its_trade_stays_a_park(labeller) -> None:
    assert names(labeller, "杭州软件新城引进了一批企业。", "PARK") == ["杭州软件新城"]


@pytest.mark.parametrize("text, expected", [
    ("创业团队成功入住宏图电子商务产业园。", ["宏图电子商务产业园"]),
    ("嘉宾宝坻石桥工业园区管委会主任出席。", ["宝坻石桥工业园区"]),
    ("注册地址辽源市经济开发区友谊工业园区。", ["辽源市经济开发区友谊工业园区"]),
    ("项目位于北京正东燕郊经济技术开发区。", ["燕郊经济技术开发区"]),
])
def test_a_move_a_post_or_an_address_stays_out_of_a_park(labeller, text, expected) -> None:
    assert names(labeller, text, "PARK") == expected


def test_a_park_name_of_a_market_place_is_no_park(labeller) -> None:
    # 中关村卖场: the electronics market, a place; 中关村管委会 still names the park
    assert names(labeller, "记者在中关村卖场看到，电脑涨价了。", "PARK") == []
    assert names(labeller, "中关村管委会发布了新政策。", "PARK") == ["中关村"]


# -- COMPANY: a career, a party or a role before a firm stays out of its name -----------------
@pytest.mark.parametrize("text, expected", [
    ("他历任宏图证券公司研究员。", ["宏图证券公司"]),
    ("她曾任远航投资有限公司总经理。", ["远航投资有限公司"]),
    ("分析关联方宏图实业总公司的情况。", ["宏图实业总公司"]),
    ("由联席经办人香港汇丰银行经办。", ["香港汇丰银行"]),  # the place before a full name stays
])
def test_a_career_or_a_role_stays_out_of_a_firm(labeller, text, expected) -> None:
    assert names(labeller, text) == expected
