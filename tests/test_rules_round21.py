"""Round twenty-one (issue 12): COMPANY recall on 、-lists of firms that a collective noun of
firms closes or opens. A list closed by 等 and such a noun (巨头, 车企, 钢企, 钢厂, 投行, 运营商,
供应商 …) names firms where every item looks like a name and one of them at least is a name of
the lists; a list opened by such a noun and 如, 包括, 例如 or 比如 that ends its clause names
firms where every item looks like a name (spec/entities.md: a firm is a COMPANY wherever the
text names it; a place before a short name stays out; brands called brands, products, places,
industries and kinds are no firms). Sentences written for the test from the standard; none is
a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import names, spans


# -- a list closed by 等 and a collective noun of firms ---------------------------------------
@pytest.mark.parametrize(("text", "firms"), [
    ("今年，蓝岭、雅培等外资巨头纷纷提价。", ["蓝岭"]),
    ("宝钢、江钢、临钢等钢厂均下调了出厂价。", ["江钢", "临钢"]),
    ("奥康、步云、金羚等一批鞋企获得了新订单。", ["奥康", "步云", "金羚"]),
    ("摩根、高盛、美林等多家投行上调了预期。", ["摩根"]),
])
def test_a_list_closed_by_a_collective_noun_of_firms(labeller, text, firms) -> None:
    found = spans(labeller, text)
    for firm in firms:
        assert (firm, "company.enumeration") in found


# -- a verb, conjunction or preposition before the first item stays out -----------------------
@pytest.mark.parametrize(("text", "firm", "wrong"), [
    ("国家部门召集雅培、美乐臣等生产商开会。", "雅培", "召集雅培"),
    ("这款奶粉甚至比美乐臣、雅培等外资巨头还贵。", "美乐臣", "比美乐臣"),
    ("这家配套商也在拓展小米、蓝岭等新势力车企。", "小米", "拓展小米"),  # a common brand
])
def test_the_head_before_the_first_item_stays_out(labeller, text, firm, wrong) -> None:
    found = names(labeller, text)
    assert firm in found
    assert wrong not in found


# -- not firms: reasons, services, trades, a longer word holding 同行 --------------------------
@pytest.mark.parametrize(("text", "word"), [
    ("因为占比高、规模大等原因引发过房企与银行的矛盾。", "规模大"),
    ("对维修、保险和加油等定点供应商进行考核。", "加油"),
    ("随着券商、银行等金融股企稳，指数回升。", "券商"),
    ("钢铁、水泥等同行业企业", "水泥"),
])
def test_a_list_of_no_firms_stays_out(labeller, text, word) -> None:
    assert word not in names(labeller, text)


# -- a list opened by a collective noun of firms and 如/包括/例如/比如 ----------------------------
@pytest.mark.parametrize(("text", "firms"), [
    ("国内童装品牌商，如乐嘀嘀、B-kids、弗朗多。", ["乐嘀嘀", "B-kids", "弗朗多"]),
    ("展会吸引了大型零售商，如美国百佳隆、英国泰思科等，采购额上亿美元。", ["百佳隆", "泰思科"]),
    ("国内车企，比如长丰、江淮等，都在扩产。", ["长丰", "江淮"]),
])
def test_a_list_opened_by_a_collective_noun_of_firms(labeller, text, firms) -> None:
    found = spans(labeller, text)
    for firm in firms:
        assert (firm, "company.enumeration.opened") in found
    assert "美国百佳隆" not in names(labeller, text)  # a place before a short name stays out


# -- not opened lists of firms: 如何, brands, products, industries, places, businesses --------
@pytest.mark.parametrize(("text", "word"), [
    ("中小企业如何应对成本上涨。", "何应对成本上涨"),
    ("运动品牌如飞跃、回力。", "回力"),
    ("公司产品包括电视、冰箱。", "冰箱"),
    ("当地企业，如钢铁、水泥。", "水泥"),
    ("外资企业如北京、上海。", "上海"),
    ("公司包括电视、冰箱等业务。", "冰箱"),
    ("这家公司包括甲、乙两个部门，人员众多，而且还在持续扩张", "甲"),
])
def test_an_opened_list_of_no_firms_stays_out(labeller, text, word) -> None:
    assert word not in names(labeller, text)
