"""AMOUNT and RATE: every example row of the spec's tables, in and out of span, with values."""

from __future__ import annotations

import pytest
from econer.annotate.rules.numbers import amount_value, parse_chinese, parse_number, rate_value

from econer.spans import Document, Value


def spans(labeller, text: str, label: str) -> list[str]:
    return [s.text for s in labeller(Document.from_text(text)).spans if s.label == label]


def values(labeller, text: str) -> list[tuple[str, Value | None]]:
    return [(s.text, s.value) for s in labeller(Document.from_text(text)).spans
            if s.label in ("AMOUNT", "RATE")]


# (text, spans) rows of the AMOUNT table and the further decisions
AMOUNT_ROWS = [
    ("引进投资125.8亿元", ["125.8亿元"]),
    ("总投资近170亿元", ["170亿元"]),
    ("降低电费为企业减负800余万元", ["800余万元"]),
    ("每月可为企业降低生产成本六七万元", ["六七万元"]),
    ("转贷金额154664万元", ["154664万元"]),
    ("苏州高新区投资１２０亿开展", ["１２０亿"]),
    ("深圳GDP破3万亿元", ["3万亿元"]),
    ("300亿~350亿元", ["300亿", "350亿元"]),
    ("1300~1400元", ["1300~1400元"]),
    ("4、5亿元", ["4、5亿元"]),
    ("数千万元", ["数千万元"]),
    ("几千万元", ["几千万元"]),
    ("背负数十亿的债务", ["数十亿"]),
    ("资金缺口10多个亿", ["10多个亿"]),
    ("贷款12个亿", ["12个亿"]),
    ("19.74亿元人民币", ["19.74亿元"]),
    ("4.32元/股", ["4.32元"]),
    ("每斤15元", ["15元"]),
    ("总投资12.8 亿元", ["12.8 亿元"]),  # a space inside in the source stays inside
    ("出资21亿美元", ["21亿美元"]),
]
NOT_AMOUNT = ["用电1.99亿度", "供水1432万立方米", "建成1000个5G基站", "13户", "17.7平方公里",
              "千亿工业", "千亿GDP", "百亿级项目", "引来百亿投资", "万亿GDP城市", "多元化发展",
              "三元食品公司", "发行1亿股", "人口13亿"]


@pytest.mark.parametrize(("text", "expected"), AMOUNT_ROWS)
def test_amount_rows(labeller, text: str, expected: list[str]) -> None:
    assert spans(labeller, text, "AMOUNT") == expected


@pytest.mark.parametrize("text", NOT_AMOUNT)
def test_not_amount(labeller, text: str) -> None:
    assert spans(labeller, text, "AMOUNT") == []


RATE_ROWS = [
    ("工业投资增长41%", ["41%"]),
    ("从2月的-26.6%，回升至6月增长0.8%", ["-26.6%", "0.8%"]),
    ("提升产能20%以上", ["20%"]),
    ("同比增长8.24%", ["8.24%"]),
    ("提高3.5个百分点", ["3.5个百分点"]),
    ("增长百分之十二", ["百分之十二"]),
    ("3%至5%", ["3%", "5%"]),
    ("增长５‰", ["５‰"]),
    ("增长7 .8%", ["7 .8%"]),
]
NOT_RATE = ["排全市第4名", "翻一番", "半壁江山", "周转0.11次", "七成", "1/3", "三分之一",
            "增长2倍", "翻番", "含量50PPM"]


@pytest.mark.parametrize(("text", "expected"), RATE_ROWS)
def test_rate_rows(labeller, text: str, expected: list[str]) -> None:
    assert spans(labeller, text, "RATE") == expected


@pytest.mark.parametrize("text", NOT_RATE)
def test_not_rate(labeller, text: str) -> None:
    assert spans(labeller, text, "RATE") == []


def test_normalised_values(labeller) -> None:
    assert values(labeller, "引进投资125.8亿元") == [("125.8亿元", Value(12580000000, "CNY"))]
    assert values(labeller, "减负800余万元") == [("800余万元", Value(8000000, "CNY", True))]
    assert values(labeller, "从2月的-26.6%回升") == [("-26.6%", Value(-0.266, "fraction"))]
    assert values(labeller, "提高3.5个百分点") == [("3.5个百分点", Value(0.035, "points"))]
    assert values(labeller, "增长41%") == [("41%", Value(0.41, "fraction"))]
    assert values(labeller, "投资１２０亿开展") == [("１２０亿", Value(12000000000, "CNY"))]
    assert values(labeller, "增长百分之十二") == [("百分之十二", Value(0.12, "fraction"))]
    assert values(labeller, "收购价5亿美元") == [("5亿美元", Value(500000000, "USD"))]
    # approximate is what the span says (vague numerals, 余/多, ranges: the lower bound);
    # approximators outside the span (近, 以上) stay out of the value as out of the span
    assert values(labeller, "降低成本六七万元") == [("六七万元", Value(60000, "CNY", True))]
    assert values(labeller, "售价1300~1400元") == [("1300~1400元", Value(1300, "CNY", True))]
    assert values(labeller, "资金缺口10多个亿") == [("10多个亿", Value(1e9, "CNY", True))]
    assert values(labeller, "总投资近170亿元")[0][1] == Value(17000000000, "CNY", False)
    assert values(labeller, "提升产能20%以上")[0][1] == Value(0.2, "fraction", False)


def test_number_parsing() -> None:
    assert parse_number("1,234.5")[0] == 1234.5
    assert parse_chinese("三亿五千万")[0] == 350000000
    assert parse_chinese("一万亿")[0] == 10**12
    assert parse_chinese("十几") == (10, True)
    assert amount_value("2", "千万", "USD") == Value(20000000, "USD")
    assert rate_value("五点五", "百分之") == Value(0.055, "fraction")
    assert rate_value("3", "千分之") == Value(0.003, "fraction")
