"""Error analysis: kinds of error, context windows, the confusion table."""

from __future__ import annotations

from econer.eval.analysis import error_analysis

from econer.spans import Document, Span

TEXT = "甲乙公司在丙丁园区投资3亿元，增长41%。"


def doc(*spans: tuple[int, int, str], id: str = "d") -> Document:
    return Document.from_text(TEXT, id=id).with_spans(
        [Span.at(TEXT, s, e, lab) for s, e, lab in spans])


def test_each_kind_of_error_is_told_apart() -> None:
    gold = doc((0, 4, "COMPANY"), (5, 9, "PARK"), (11, 14, "AMOUNT"), (17, 20, "RATE"))
    pred = doc((0, 2, "COMPANY"),   # boundary
               (5, 9, "COMPANY"),   # label
               (11, 13, "RATE"),    # both
               (15, 16, "RATE"))    # spurious; 41% is missed
    a = error_analysis([gold], [pred], context=3)
    assert a["counts"] == {"correct": 0, "label": 1, "boundary": 1, "both": 1, "missed": 1,
                           "spurious": 1}
    ex = a["examples"]
    assert ex["boundary"][0]["gold"]["text"] == "甲乙公司"
    assert ex["boundary"][0]["pred"]["text"] == "甲乙"
    assert ex["label"][0]["gold"]["label"] == "PARK"
    assert ex["label"][0]["pred"]["label"] == "COMPANY"
    assert ex["both"][0]["pred"] == {"start": 11, "end": 13, "label": "RATE", "text": "3亿"}
    assert ex["missed"][0]["pred"] is None and ex["missed"][0]["gold"]["text"] == "41%"
    assert ex["spurious"][0]["gold"] is None and ex["spurious"][0]["pred"]["text"] == "增"


def test_context_is_cut_at_the_text_edges_and_spans_the_union_of_both_spans() -> None:
    gold = doc((0, 4, "COMPANY"))
    pred = doc((2, 6, "COMPANY"))
    e = error_analysis([gold], [pred], context=3)["examples"]["boundary"][0]
    assert (e["left"], e["text"], e["right"]) == ("", "甲乙公司在丙", "丁园区")
    e = error_analysis([doc((17, 20, "RATE"))], [doc()], context=5)["examples"]["missed"][0]
    assert (e["left"], e["text"], e["right"]) == ("亿元，增长", "41%", "。")
    assert e["doc"] == "d"


def test_confusion_table_rows_gold_columns_predicted_with_outside() -> None:
    gold = [doc((0, 4, "COMPANY"), (5, 9, "PARK"), (11, 14, "AMOUNT"), id="a"),
            doc((5, 9, "PARK"), id="b")]
    pred = [doc((0, 4, "COMPANY"), (5, 9, "COMPANY"), (17, 20, "RATE"), id="a"),
            doc((5, 8, "PARK"), id="b")]
    c = error_analysis(gold, pred)["confusion"]
    assert list(c) == ["COMPANY", "PARK", "AMOUNT", "RATE", "O"]
    assert c["COMPANY"]["COMPANY"] == 1
    assert c["PARK"]["COMPANY"] == 1
    assert c["PARK"]["PARK"] == 1          # the boundary error stays on the diagonal
    assert c["AMOUNT"]["O"] == 1           # missed
    assert c["O"]["RATE"] == 1             # spurious
    assert sum(sum(row.values()) for row in c.values()) == 5
    assert c["O"]["O"] == 0


def test_perfect_predictions_have_no_examples() -> None:
    gold = doc((0, 4, "COMPANY"), (17, 20, "RATE"))
    a = error_analysis([gold], [gold])
    assert a["counts"]["correct"] == 2
    assert all(not v for v in a["examples"].values())
