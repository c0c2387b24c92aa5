"""Partial labels as training targets: what a source does not label is never taught as O."""

from __future__ import annotations

from econer.annotate.weak.aggregate import aggregate
from econer.models.data import doc_record
from econer.models.tags import IGNORE, NOT_COMPANY, TAG_ID, allowed_matrix, ruled_out_code

from econer.partial import Partial, with_partial
from econer.spans import Document, Span

TEXT = "华为公司与某研究所投资3亿元，增长5%"


def _doc() -> Document:
    doc = Document.from_text(TEXT).with_spans([Span.at(TEXT, 0, 4, "COMPANY")])
    return with_partial(doc, Partial(covered=("COMPANY",), outside=((5, 6),),
                                     unknown=((6, 9),)))


def test_loss_targets_never_teach_o_where_a_source_is_silent() -> None:
    _, codes = doc_record(_doc())
    assert [int(c) for c in codes[:4]] == [TAG_ID["B-COMPANY"]] + [TAG_ID["I-COMPANY"]] * 3
    assert codes[5] == 0 and codes[7] == IGNORE and codes[11] == NOT_COMPANY
    allowed = allowed_matrix([int(c) for c in codes])
    assert allowed[11, TAG_ID["B-AMOUNT"]] and allowed[11, TAG_ID["O"]]
    assert not allowed[11, TAG_ID["B-COMPANY"]] and not allowed[7].any()
    gold = Document.from_text(TEXT).with_spans([Span.at(TEXT, 0, 4, "COMPANY")])
    assert (doc_record(gold)[1][4:] == 0).all()   # gold: unmarked is O
    silent = with_partial(Document.from_text("投资3亿元"), Partial(covered=()))
    assert (doc_record(silent)[1] == IGNORE).all()


def test_silver_teaches_amount_and_rate_absence_but_nothing_about_companies() -> None:
    votes = {"amount": [Span.at(TEXT, 11, 14, "AMOUNT", score=0.97)]}
    _, codes = doc_record(aggregate(Document.from_text(TEXT), votes))
    assert codes[11] == TAG_ID["B-AMOUNT"]
    not_money = ruled_out_code(["AMOUNT", "RATE"])
    assert codes[0] == not_money and codes[0] != 0    # 华为: not O, only not AMOUNT/RATE
    allowed = allowed_matrix([int(c) for c in codes])
    assert allowed[0, TAG_ID["B-COMPANY"]] and not allowed[0, TAG_ID["B-RATE"]]
