"""Round thirteen (issue 12): 基金 after a kind word is a kind of fund, not a fund firm's short
name (spec/entities.md: funds organised as companies and fund management firms acting are
COMPANY; a fund that is no firm is not). A core before 基金 ending in a word of ``FUND_KIND``
(names.yaml: who holds it, what it buys, its size or style, its place in a fund of funds, a
title) names a kind. Sentences written for the test from the standard; none is a corpus, dev or
seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import names


# -- a kind of fund: no COMPANY -------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "三只国家队基金本季度减持了银行股。",  # who holds it
    "今年以来偏股基金平均上涨一成。",  # what it buys
    "投资者近期大举申购沪港深基金。",
    "分析人士认为蓝筹股基金有望受益。",
    "规模超过百亿的巨无霸基金仍在扩张。",  # its size
    "去年大盘风格基金明显跑赢。",  # its style
    "底层产品会向FOF母基金让渡部分费用。",  # its place in a fund of funds
    "当前养老金基金已开始入市。",
    "中国私募股权基金的数量稳步增加。",
])
def test_a_kind_of_fund_is_no_firm(labeller, text) -> None:
    assert names(labeller, text) == []


# -- fund firms are still firms ------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("易方达基金表示，看好消费板块。", ["易方达基金"]),  # the standard's example
    ("鼎泓基金经理认为，债市仍有机会。", ["鼎泓基金"]),  # a short name, no kind word
    ("三只国家队基金与易方达基金同时获批。", ["易方达基金"]),  # the kind goes, the firm stays
])
def test_fund_firms_stay(labeller, text, expected) -> None:
    assert names(labeller, text) == expected


def test_the_kind_test_is_on_the_core_end(labeller) -> None:
    from econer.annotate.rules.names import NameFinder
    from econer.annotate.rules.patterns import load_patterns
    finder = NameFinder(load_patterns())
    assert finder.kind_core("国家队", "基金", short=True)
    assert finder.kind_core("FOF子", "基金", short=True)
    assert not finder.kind_core("国家队", "科技", short=True)  # only before 基金
    assert not finder.kind_core("鼎泓", "基金", short=True)
