"""Round fifteen (issue 12): a brand naming its tablet is the product, not the firm (spec/
entities.md: a brand is COMPANY where it names the firm acting and not where it names the
product, 王老吉凉茶). 平板电脑, 平板计算机 and 平板终端 right after a name join the product words
(``PRODUCT_AFTER``); a full registered name stays, and so does the firm acting on its tablets.
A kind of enterprise (企业, 出口企业) opening a name read leftwards, with a place or a listed name
after it, stays out of the name (spec: 英国的BAE公司 → BAE公司, a modifier is no part of it).
Sentences written for the test from the standard; none is a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import names


# -- the brand names the product: no COMPANY -------------------------------------------------
@pytest.mark.parametrize(("text", "brand"), [
    ("联想平板电脑在欧洲卖得很好。", "联想"),
    ("不少学生都在用华为平板电脑上网课。", "华为"),
    ("索尼平板计算机的屏幕比上一代更大。", "索尼"),
    ("中兴平板终端的售价并不高。", "中兴"),
])
def test_a_brand_before_its_tablet_is_the_product(labeller, text, brand) -> None:
    assert brand not in names(labeller, text)


# -- negative cases: the firm acting, a full name, a tablet word apart -----------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("华为昨天推出了新款平板电脑。", "华为"),  # the firm acts; the product comes later
    ("联想发布平板电脑新品。", "联想"),
    ("联想集团有限公司平板电脑业务增长较快。", "联想集团有限公司"),  # a full name stays
])
def test_the_firm_acting_on_its_tablets_stays(labeller, text, firm) -> None:
    assert firm in names(labeller, text)


def test_other_product_words_unchanged(labeller) -> None:
    assert "王老吉" not in names(labeller, "王老吉凉茶卖得很好。")
    assert "华为" in names(labeller, "华为平板业务负责人表示，今年销量会增长。")


# -- a kind of enterprise before a full name stays out (出口企业, 企业) ----------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("被查出问题的出口企业宁波华丰电器有限公司已经停产。", "宁波华丰电器有限公司"),
    ("另一家企业重庆紫建电子有限公司也发出了声明。", "重庆紫建电子有限公司"),
])
def test_a_kind_word_before_a_full_name_stays_out(labeller, text, firm) -> None:
    found = names(labeller, text)
    assert firm in found
    assert not any(name.endswith(firm) and name != firm for name in found)


def test_enterprise_inside_a_registered_name_stays(labeller) -> None:
    # 企业 after a listed name is part of the registered name, not a kind word before it
    assert "万科企业股份有限公司" in names(labeller, "万科企业股份有限公司今天发布公告。")
