from __future__ import annotations

import pytest

from econer import Document, EconerError, Span
from econer.scoring import strict_scores

TEXT = "千能实业投资5亿元，增长41%"


def _doc(*spans: tuple[int, int, str]) -> Document:
    return Document.from_text(TEXT, id="d").with_spans(Span.at(TEXT, *s) for s in spans)


def test_counts_and_ratios() -> None:
    gold = _doc((0, 4, "COMPANY"), (6, 9, "AMOUNT"), (12, 15, "RATE"))
    pred = _doc((0, 4, "PARK"), (6, 9, "AMOUNT"), (13, 15, "RATE"))
    table = strict_scores([gold], [pred])
    assert table["AMOUNT"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0,
                               "f1": 1.0}
    assert (table["COMPANY"]["precision"], table["COMPANY"]["recall"]) == (None, 0.0)
    assert (table["PARK"]["precision"], table["PARK"]["recall"]) == (0.0, None)
    assert table["micro"]["tp"] == 1 and table["micro"]["fp"] == 2 and table["micro"]["fn"] == 2
    assert table["micro"]["f1"] == pytest.approx(1 / 3)


def test_empty_both_sides_is_undefined_not_zero() -> None:
    table = strict_scores([_doc()], [_doc()])
    assert table["micro"]["f1"] is None


def test_a_gold_document_without_prediction_is_an_error() -> None:
    with pytest.raises(EconerError, match="no prediction for gold document 'd'"):
        strict_scores([_doc()], [])
