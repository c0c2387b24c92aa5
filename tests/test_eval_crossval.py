"""Cross-validation over folds with stand-in systems: a memoriser that learns from the
training documents, and a cheat that would copy the test gold if it could see it."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from econer.eval.crossval import cross_validate, mean_std

from econer.errors import EconerError
from econer.folds import Fold
from econer.spans import Document, Span

TEXTS = {
    "a": "甲公司与乙公司签约。",
    "b": "乙公司与丙公司签约。",
    "c": "丙公司与甲公司签约。",
    "d": "丁公司成立。",
}


def gold_docs() -> list[Document]:
    out = []
    for i, text in TEXTS.items():
        spans = [Span.at(text, k, k + 3, "COMPANY") for k in range(len(text) - 2)
                 if text[k + 1 : k + 3] == "公司"]
        out.append(Document.from_text(text, id=i).with_spans(spans))
    return out


def memoriser(train: Sequence[Document], test: Sequence[Document]) -> list[Document]:
    """Tags in each test text the names it saw labelled in the training documents."""
    names = {s.text for d in train for s in d.spans}
    out = []
    for doc in test:
        spans = [Span.at(doc.text, k, k + len(n), "COMPANY") for n in names
                 for k in range(len(doc.text)) if doc.text.startswith(n, k)]
        out.append(doc.with_spans(spans))
    return out


def cheat(train: Sequence[Document], test: Sequence[Document]) -> list[Document]:
    return list(test)  # returns its input: gets credit only if the input carried gold


FOLDS = [Fold(f"f-{i}", (i,)) for i in TEXTS]


def test_per_fold_scores_and_their_mean_and_spread() -> None:
    cv = cross_validate(gold_docs(), FOLDS, {"memo": memoriser, "cheat": cheat},
                        folds_name="tiny")
    memo = cv.summary["systems"]["memo"]
    # a: 甲, 乙 both seen elsewhere -> 1.0; b: 乙, 丙 -> 1.0; c: 丙, 甲 -> 1.0; d: 丁 never seen
    assert [memo["per_fold"][f.name]["COMPANY"] for f in FOLDS] == [1.0, 1.0, 1.0, 0.0]
    assert memo["mean"]["COMPANY"] == pytest.approx(0.75)
    assert memo["std"]["COMPANY"] == pytest.approx(0.5)
    assert memo["per_fold"]["f-a"]["RATE"] is None
    assert memo["mean"]["RATE"] is None
    # the test gold never reaches a system
    cheat_scores = cv.summary["systems"]["cheat"]
    assert all(cheat_scores["per_fold"][f.name]["micro"] == 0.0 for f in FOLDS)
    assert cv.summary["folds"] == "tiny"
    assert cv.summary["fold_names"] == ["f-a", "f-b", "f-c", "f-d"]


def test_pooled_predictions_cover_the_tested_documents_in_gold_order() -> None:
    gold = gold_docs()
    cv = cross_validate(gold, FOLDS[:3], {"memo": memoriser})
    assert [d.id for d in cv.gold] == ["a", "b", "c"]
    assert [d.id for d in cv.predictions["memo"]] == ["a", "b", "c"]
    assert all(len(d.spans) == 2 for d in cv.predictions["memo"])


def test_a_system_that_returns_other_documents_is_an_error() -> None:
    def drops(train: Sequence[Document], test: Sequence[Document]) -> list[Document]:
        return []

    with pytest.raises(EconerError, match="system 'drops' on fold f-a"):
        cross_validate(gold_docs(), FOLDS, {"drops": drops})


def test_progress_callback_sees_every_system_on_every_fold() -> None:
    seen: list[tuple[str, str]] = []
    cross_validate(gold_docs(), FOLDS[:2], {"memo": memoriser, "cheat": cheat},
                   on_fold=lambda s, f: seen.append((s, f)))
    assert seen == [("memo", "f-a"), ("cheat", "f-a"), ("memo", "f-b"), ("cheat", "f-b")]


def test_mean_std() -> None:
    assert mean_std([]) == (None, None)
    assert mean_std([0.5]) == (0.5, 0.0)
    assert mean_std([0.0, 1.0]) == (0.5, pytest.approx(0.7071067811865476))
