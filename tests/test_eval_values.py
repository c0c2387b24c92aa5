"""Value accuracy of AMOUNT and RATE: only strict matches with values on both sides count."""

from __future__ import annotations

from econer.eval.values import same_value, value_accuracy

from econer.spans import Document, Span, Value

TEXT = "投资3亿元，增长41%，新增800余万元。"
AMOUNT = (2, 5)   # 3亿元
RATE = (8, 11)    # 41%
AMOUNT2 = (14, 20)  # 800余万元


def doc(*spans: tuple[tuple[int, int], str, Value | None]) -> Document:
    base = Document.from_text(TEXT, id="d")
    return base.with_spans([Span.at(TEXT, s, e, lab, value=v) for (s, e), lab, v in spans])


def test_fixture_offsets() -> None:
    assert [TEXT[s:e] for s, e in (AMOUNT, RATE, AMOUNT2)] == ["3亿元", "41%", "800余万元"]


def test_right_wrong_and_unit_mismatch() -> None:
    gold = doc((AMOUNT, "AMOUNT", Value(3e8, "CNY")), (RATE, "RATE", Value(0.41, "fraction")),
               (AMOUNT2, "AMOUNT", Value(8e6, "CNY", approx=True)))
    pred = doc((AMOUNT, "AMOUNT", Value(3e8 * (1 + 1e-12), "CNY")),   # within tolerance
               (RATE, "RATE", Value(0.41, "points")),                 # wrong unit
               (AMOUNT2, "AMOUNT", Value(8e5, "CNY", approx=True)))   # wrong number
    acc = value_accuracy([gold], [pred])
    assert (acc["AMOUNT"]["compared"], acc["AMOUNT"]["correct"]) == (2, 1)
    assert acc["AMOUNT"]["accuracy"] == 0.5
    assert acc["RATE"]["accuracy"] == 0.0
    assert [e["text"] for e in acc["AMOUNT"]["errors"]] == ["800余万元"]
    assert acc["AMOUNT"]["errors"][0]["doc"] == "d"
    assert acc["AMOUNT"]["approx_agree"] == 2


def test_only_strict_matches_with_values_on_both_sides_are_compared() -> None:
    gold = doc((AMOUNT, "AMOUNT", Value(3e8, "CNY")), (RATE, "RATE", None),
               (AMOUNT2, "AMOUNT", Value(8e6, "CNY")))
    pred = doc(((2, 4), "AMOUNT", Value(3e8, "CNY")),     # boundary error: not compared
               (RATE, "RATE", Value(0.41, "fraction")),   # gold has no value: not compared
               (AMOUNT2, "AMOUNT", None))                 # prediction has no value
    acc = value_accuracy([gold], [pred])
    assert acc["AMOUNT"]["strict_matches"] == 1
    assert acc["AMOUNT"]["compared"] == 0 and acc["AMOUNT"]["accuracy"] is None
    assert acc["RATE"]["strict_matches"] == 1 and acc["RATE"]["compared"] == 0
    assert acc["AMOUNT"]["gold_with_value"] == 2 and acc["AMOUNT"]["pred_with_value"] == 1
    assert acc["RATE"]["pred_with_value"] == 1


def test_same_value_tolerance_is_relative() -> None:
    assert same_value(Value(12580000000, "CNY"), Value(12580000000.000002, "CNY"))
    assert not same_value(Value(1.0, "CNY"), Value(1.0001, "CNY"))
    assert not same_value(Value(0.0, "fraction"), Value(1e-12, "fraction"))
