"""Round fourteen (issue 12): 基金 spans cut across words, and funds named as funds (spec/
entities.md: funds organised as companies and fund management firms acting are COMPANY; a fund
that is no firm is not). A short core before 基金 that no list names is no fund firm's short name
where it opens inside a word, right after a number, with a function character, holds no name
character or 基金 itself, or ends in a verb taking the fund as its object (``FUND_VERB``); or
where 基金 runs on into 金融. A name X基金 that no list names, met in a text with a fund's own
words (its returns, size, report, raising; its manager before it) and never with a firm's act,
is a fund. Sentences written for the test from the standard; none is a corpus, dev or seed
sentence. Last, a name read off a firm's act after it that is an adverb, numeral or time word
of jieba's dictionary (天天涨停, 双双发布公告, 中期营收) is that word: a firm's name is a noun."""

from __future__ import annotations

import pytest
from rule_spans import names


# -- 基金 cut across words: no COMPANY ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "听说邻居有人买基金赚了钱。",  # a verb taking the fund as its object
    "对于新购基金的投资者，费率有所下调。",
    "他们股票市值占基金资产的一成。",  # opens inside 市值
    "较强的盈利能力使得本基金可以分红。",  # opens inside 使得
    "最后基金的份额会被清算。",  # a function character opens it
    "附表：基金代码基金名称成立日期",  # 基金 inside the core
    "这只规模30亿定增基金已经解禁。",  # right after a number
])
def test_a_cut_core_is_no_fund_firm(labeller, text) -> None:
    assert names(labeller, text) == []


def test_fund_runs_into_finance(labeller) -> None:
    assert "新鸿基金" not in names(labeller, "新鸿基金融分析师认为，港股仍有机会。")


# -- a fund named as a fund: no COMPANY -------------------------------------------------------
def test_a_named_fund_is_no_firm(labeller) -> None:
    text = ("他在九十年代创立了鼎泓基金。十年间鼎泓基金的年平均回报超过三成，"
            "鼎泓基金的规模也翻了几番。")
    assert names(labeller, text) == []


# -- fund firms are still firms ----------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("易方达基金表示，看好消费板块。", ["易方达基金"]),  # the standard's example
    ("鼎泓基金经理认为，债市仍有机会。", ["鼎泓基金"]),  # a firm's act
    ("去年鼎泓基金推出多只新产品。", ["鼎泓基金"]),  # a word (去年) ends before it
    ("鼎泓基金的规模翻了几番，鼎泓基金表示将继续扩张。", ["鼎泓基金"] * 2),  # acting: a firm
])
def test_fund_firms_stay(labeller, text, expected) -> None:
    assert names(labeller, text) == expected


def test_the_cut_and_product_tests(labeller) -> None:
    from econer.annotate.rules.names import NameFinder
    from econer.annotate.rules.patterns import load_patterns
    finder = NameFinder(load_patterns())
    assert finder._fund_cut("有人买基金", 1, 5)
    assert not finder._fund_cut("鼎泓基金", 0, 4)
    assert finder._fund_product("其管理的鼎泓基金成立以来表现出色", "鼎泓")
    assert not finder._fund_product("鼎泓基金认为市场仍有机会", "鼎泓")  # a firm's act
    assert not finder._fund_product("鼎泓基金在上海", "鼎泓")  # no fund's word


# -- an adverb, numeral or time word read off a firm's act: no COMPANY ---------------------------
@pytest.mark.parametrize("text, expected", [
    ("消息公布后，该公司股价天天涨停。", []),  # an adverb (time) before the act
    ("这家公司今年中期营收下降。", []),  # a time word
    ("格力电器（000651）与美的集团（000333）双双发布公告。", ["格力电器", "美的集团"]),
    ("华为宣布推出新款手机。", ["华为"]),  # a name before the act stays
])
def test_an_adverb_before_a_firms_act_is_no_name(labeller, text, expected) -> None:
    assert names(labeller, text) == expected


def test_the_adverb_test(labeller) -> None:
    from econer.annotate.rules.names import NameFinder
    from econer.annotate.rules.patterns import load_patterns
    finder = NameFinder(load_patterns())
    assert finder._adverb("天天") and finder._adverb("中期")
    assert not finder._adverb("通用") and not finder._adverb("引领")  # verbs name firms too
