from __future__ import annotations

import pytest

from econer import Document, EconerError, Span, Value
from econer.spans import check_spans, content_id

TEXT = "开州高新区引进投资125.8亿元，增长41%。"


def test_span_at_takes_text_from_document() -> None:
    span = Span.at(TEXT, 9, 16, "AMOUNT")
    assert span.text == "125.8亿元"
    assert span.key == (9, 16, "AMOUNT")


def test_with_spans_sorts_and_checks() -> None:
    doc = Document.from_text(TEXT).with_spans(
        [Span.at(TEXT, 19, 22, "RATE"), Span.at(TEXT, 0, 5, "PARK")]
    )
    assert [s.label for s in doc.spans] == ["PARK", "RATE"]


@pytest.mark.parametrize(
    ("span", "message"),
    [
        (Span(-1, 3, "PARK", "开州高"), "out of range"),
        (Span(19, 99, "RATE", "41%"), "out of range"),
        (Span(5, 5, "RATE", ""), "out of range"),
        (Span(0, 5, "PLACE", "开州高新区"), "unknown label"),
        (Span(0, 5, "PARK", "开州高新"), "does not match"),
    ],
)
def test_check_spans_rejects(span: Span, message: str) -> None:
    with pytest.raises(EconerError, match=message):
        check_spans(TEXT, [span])


def test_check_spans_rejects_overlap() -> None:
    with pytest.raises(EconerError, match="overlaps"):
        Document.from_text(TEXT).with_spans(
            [Span.at(TEXT, 0, 5, "PARK"), Span.at(TEXT, 2, 5, "COMPANY")]
        )


def test_adjacent_spans_are_fine() -> None:
    doc = Document.from_text(TEXT).with_spans(
        [Span.at(TEXT, 0, 2, "PARK"), Span.at(TEXT, 2, 5, "COMPANY")]
    )
    assert len(doc.spans) == 2


def test_content_id_is_stable_and_given_id_wins() -> None:
    assert Document.from_text(TEXT).id == content_id(TEXT) == Document.from_text(TEXT).id
    assert Document.from_text(TEXT, id="seed-1").id == "seed-1"


def test_dict_round_trip_keeps_everything() -> None:
    span = Span.at(TEXT, 9, 16, "AMOUNT", score=0.97, source="rules:amount",
                   value=Value(12_580_000_000, "CNY"))
    doc = Document.from_text(TEXT, id="x", title="t").with_spans([span])
    data = doc.to_dict()
    assert data["spans"][0]["value"] == {"number": 12580000000, "unit": "CNY", "approx": False}
    back = Document.from_dict(data)
    assert back == doc
    assert back.spans[0] == span
    assert back.meta == {"title": "t"}


def test_from_dict_rejects_bad_shapes() -> None:
    with pytest.raises(EconerError, match="text"):
        Document.from_dict({"id": "a"})
    with pytest.raises(EconerError, match="integer"):
        Document.from_dict({"text": "abc", "spans": [{"start": "0", "end": 1,
                                                      "label": "RATE", "text": "a"}]})
    with pytest.raises(EconerError, match="lacks"):
        Document.from_dict({"text": "abc", "spans": [{"start": 0, "end": 1, "label": "RATE"}]})
