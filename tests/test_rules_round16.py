"""Round sixteen (issue 12): COMPANY recall. A full name written with a company word whose core
is only a home place and trade words (江西电力公司, 杭州市公交集团) is that firm (spec/entities.md:
a contiguous place prefix of a full name stays, 重庆紫建电子有限公司) where the place is a province
or city of China and the trade is whole words naming what the firm does; a foreign place, a
size, count or ownership word, or a count before it keeps it a kind (美国科技公司, 大型汽车公司,
三家上海建筑公司). A firm of the lists quoted for its analysis, right before its analyst's role
or its research team's header or view, is COMPANY (eval/devsets/README.md: firms quoted for
their analysis are COMPANY like consultancies). Sentences written for the test from the standard;
none is a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import names, spans


# -- a home place and its trade before 公司/集团: the firm ------------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("江西电力公司今年新建了三座变电站。", "江西电力公司"),
    ("由杭州市公交集团负责运营这条线路。", "杭州市公交集团"),
    ("该项目由武汉钢铁集团和湖南有色集团共同投资。", "武汉钢铁集团"),
    ("该项目由武汉钢铁集团和湖南有色集团共同投资。", "湖南有色集团"),
    ("福建省粮油进出口公司与客户签订了合同。", "福建省粮油进出口公司"),
    ("中国船舶重工集团公司今天发布了年报。", "中国船舶重工集团公司"),  # a group: China itself
])
def test_a_home_place_and_trade_before_a_company_word_is_a_firm(labeller, text, firm) -> None:
    assert (firm, "company.place.trade") in spans(labeller, text)


# -- kinds: a foreign place, a modifier, a count, a descriptor before a name -----------------
@pytest.mark.parametrize(("text", "kind"), [
    ("美国科技公司纷纷加大在亚洲的投资。", "美国科技公司"),  # a foreign place: a kind
    ("中国科技公司正在走向世界。", "中国科技公司"),  # 中国: a kind far more often than a name
    ("许多上海大型汽车公司都在招人。", "上海大型汽车公司"),  # a size
    ("三家上海建筑公司参与了竞标。", "上海建筑公司"),  # a count before it
    ("江苏民营钢铁公司的利润下降。", "江苏民营钢铁公司"),  # ownership
    ("他曾在北京投资公司Abcde工作。", "北京投资公司"),  # a descriptor of the latin name
])
def test_kinds_of_place_and_trade_stay_out(labeller, text, kind) -> None:
    assert kind not in names(labeller, text)


# -- a firm of the lists quoted for its analysis --------------------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("九州证券首席经济学家认为，利率还会上升。", "九州证券"),  # a listed name before its economist
    ("对此，工银国际全球首席经济学家表示，出口将放缓。", "工银国际"),  # a desk between
    ("【国金策略：市场将震荡向上】", "国金"),  # a broker's team header (国金证券)
    ("据中银国际宏观判断，通胀将见顶。", "中银国际"),  # the team's view
    ("安信证券行业分析师认为，钢价还会上涨。", "安信证券"),  # a sector desk between
    ("美银美林首席投资策略师预计，明年油价会回落。", "美银美林"),  # two list names together
])
def test_a_listed_firm_quoted_for_its_analysis(labeller, text, firm) -> None:
    assert firm in names(labeller, text)


def test_a_region_in_brackets_after_the_firm_stays_inside(labeller) -> None:
    assert "国泰君安(香港)" in names(labeller, "国泰君安(香港)分析师指出，销量还会增长。")


@pytest.mark.parametrize(("text", "word"), [
    ("投资策略：本基金主要投资于债券。", "投资"),  # no firm's name before the team word
    ("一位资深分析师认为，金价还会上涨。", "资深"),
    ("李国祥研究员介绍了今年的收成。", "国祥"),  # mid-word: a person's name
])
def test_no_firm_before_a_role_or_team_word_stays_none(labeller, text, word) -> None:
    assert not any(word in name for name in names(labeller, text))
