"""Round nineteen (issue 12, item 4: document-level consistency): a name the rules label once
is labelled at its other mentions in the same text, and a full name licenses its short form
after it (spec/entities.md: any enterprise in full or short form is COMPANY; a product named
by its brand, a sector, a place and a person are not).

- a listed name of a place and a trade (中国石化, 江西水泥) read as the firm by its shares, its
  stock code, a list of firms, its analysts or its company word repeats at its other
  mentions; never before 板块 or a product;
- a latin name repeats where it stands apart from the Han text around it (起诉X侵权), never
  inside a longer latin word (XOne);
- a firm's side acting (X方面表示) is the firm; 方面 before a comma is a topic;
- a full name's two-character core (X公司, X集团, X乳业 → X) is the firm after the full name,
  where the core is a name of the lists, no person's in the text (X本人) and no product's
  (X + a latin model name).

Sentences written for the test from the standard; none is a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import names, spans


# -- a place-and-trade listed name, confirmed once ------------------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("中国石化股价今天上涨。分析人士认为，中国石化将继续受益于油价回升。", "中国石化"),
    ("江西水泥（000789）昨日复牌。江西水泥表示，产能将扩大。", "江西水泥"),
])
def test_a_confirmed_place_and_trade_name_repeats(labeller, text, firm) -> None:
    assert names(labeller, text).count(firm) == 2
    assert (firm, "company.repeat") in spans(labeller, text)


@pytest.mark.parametrize("text", [
    "中国石化股价今天上涨，中国石化板块整体走强。",  # a sector
    "中国石化股价今天上涨，中国石化产品价格上调。",  # its products
])
def test_a_confirmed_place_and_trade_name_stays_out_of_sectors(labeller, text) -> None:
    assert names(labeller, text) == ["中国石化"]


def test_an_unconfirmed_place_and_trade_name_stays_an_industry(labeller) -> None:
    assert names(labeller, "今年中国石化需求增长放缓。中国石化将继续受益。") == []


# -- a latin name in Han text ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "据报道，Zentrix宣布裁员。上月，多家供应商起诉Zentrix侵权。",
    "美国市场研究公司Zentrix今天发布报告。多家厂商起诉Zentrix侵权。",
])
def test_a_latin_name_repeats_between_han_words(labeller, text) -> None:
    assert ("Zentrix", "company.repeat") in spans(labeller, text)


def test_a_latin_name_inside_a_longer_latin_word_does_not_repeat(labeller) -> None:
    text = "美国市场研究公司Zentrix今天发布报告。多家厂商起诉ZentrixOne侵权。"
    assert names(labeller, text) == ["Zentrix"]


# -- a firm's side ---------------------------------------------------------------------------
def test_a_firms_side_acting_is_the_firm(labeller) -> None:
    text = "据报道，Zentrix宣布裁员，Zentrix方面表示将削减成本。"
    assert names(labeller, text) == ["Zentrix", "Zentrix"]


@pytest.mark.parametrize(("text", "found"), [
    ("据悉，安利旗下产品将涨价。随后，安利方面决定自下月起调价。", ["安利", "安利"]),
    ("据悉，安利旗下产品将涨价。在安利方面，消费者反应平淡。", ["安利"]),  # a topic
])
def test_a_firms_side_speaks_for_it(labeller, text, found) -> None:
    assert names(labeller, text) == found


# -- a full name's core ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "core"), [
    ("苹果公司昨日发布财报。分析人士称，苹果将继续回购股票。", "苹果"),
    ("李宁公司昨日发布公告，李宁将继续投入研发。", "李宁"),
    ("飞鹤乳业副董事长昨日表示，飞鹤目前不缺资金。", "飞鹤"),
])
def test_a_full_names_core_is_the_firm_after_it(labeller, text, core) -> None:
    # (苹果 is attested by the corpus too, lexicon/attested.jsonl: either rule finds it)
    assert {(core, "company.repeat"), (core, "company.attested")} & set(spans(labeller, text))


@pytest.mark.parametrize("text", [
    "苹果公司昨日发布财报，苹果iPhone销量下滑。",  # a product
    "李宁公司昨日发布公告。李宁本人表示，李宁将继续投入研发。",  # the person
    "分析人士称，苹果将继续回购股票，苹果公司昨日发布财报。",  # before the full name
    "中国黄金集团公司今天开会。今年黄金需求将上升。",  # no name of the lists: the metal
])
def test_a_full_names_core_stays_out(labeller, text) -> None:
    assert all(rule != "company.repeat" for _, rule in spans(labeller, text))
