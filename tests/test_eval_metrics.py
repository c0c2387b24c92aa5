"""Strict span metrics on hand-made cases with known answers, and seqeval vs span sets."""

from __future__ import annotations

import random

import pytest
from econer.eval.metrics import (
    Counts,
    char_tags,
    doc_span_counts,
    score,
    seqeval_counts,
    span_counts,
)
from seqeval.metrics import f1_score, precision_score, recall_score
from seqeval.metrics.v1 import precision_recall_fscore_support
from seqeval.scheme import IOB2

from econer.labels import LABELS
from econer.spans import Document, Span

TEXT = "甲乙公司在丙丁园区投资3亿元，增长41%。"
#       0123456789...: 甲乙公司 0-4, 丙丁园区 5-9, 3亿元 11-14, 41% 17-20
COMPANY = (0, 4, "COMPANY")
PARK = (5, 9, "PARK")
AMOUNT = (11, 14, "AMOUNT")
RATE = (17, 20, "RATE")


def doc(*spans: tuple[int, int, str], text: str = TEXT, id: str = "d") -> Document:
    base = Document.from_text(text, id=id)
    return base.with_spans([Span.at(text, s, e, lab) for s, e, lab in spans])


def strict(gold: list[Document], pred: list[Document]) -> dict:
    result = score(seqeval_counts(gold, pred))
    assert seqeval_counts(gold, pred) == span_counts(gold, pred)
    return result


def test_the_fixture_offsets_are_what_the_comments_say() -> None:
    assert [TEXT[s:e] for s, e, _ in (COMPANY, PARK, AMOUNT, RATE)] == [
        "甲乙公司", "丙丁园区", "3亿元", "41%"]


def test_perfect_predictions_score_one_everywhere() -> None:
    gold = [doc(COMPANY, PARK, AMOUNT, RATE)]
    s = strict(gold, gold)
    for label in LABELS:
        assert s["per_label"][label]["f1"] == 1.0
    assert s["micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 4, "fp": 0,
                          "fn": 0, "predicted": 4, "support": 4}
    assert s["macro"]["f1"] == 1.0 and s["macro"]["labels"] == 4


def test_empty_gold_and_empty_predictions_are_undefined_not_zero() -> None:
    s = strict([doc()], [doc()])
    assert s["micro"]["precision"] is None
    assert s["micro"]["recall"] is None
    assert s["micro"]["f1"] is None
    assert s["macro"] == {"precision": None, "recall": None, "f1": None, "labels": 0}


def test_empty_gold_with_predictions_has_zero_precision_and_no_recall() -> None:
    s = strict([doc()], [doc(AMOUNT, RATE)])
    assert s["micro"]["precision"] == 0.0
    assert s["micro"]["recall"] is None
    assert s["micro"]["f1"] == 0.0
    assert s["micro"]["fp"] == 2
    assert s["per_label"]["AMOUNT"]["recall"] is None


def test_empty_predictions_have_zero_recall_and_no_precision() -> None:
    s = strict([doc(COMPANY, AMOUNT)], [doc()])
    assert s["micro"]["precision"] is None
    assert s["micro"]["recall"] == 0.0
    assert s["micro"]["f1"] == 0.0
    assert s["micro"]["fn"] == 2
    assert s["macro"]["f1"] == 0.0 and s["macro"]["labels"] == 2


def test_labels_present_on_one_side_only() -> None:
    s = strict([doc(COMPANY, AMOUNT)], [doc(PARK, AMOUNT)])
    company, park, amount, rate = (s["per_label"][lab] for lab in LABELS)
    assert (company["precision"], company["recall"], company["f1"]) == (None, 0.0, 0.0)
    assert (park["precision"], park["recall"], park["f1"]) == (0.0, None, 0.0)
    assert amount["f1"] == 1.0
    assert rate["f1"] is None
    # micro: 1 hit of 2 predicted and 2 gold; macro over the 3 labels seen on either side.
    assert s["micro"]["f1"] == 0.5
    assert s["macro"]["f1"] == pytest.approx(1 / 3)
    assert s["macro"]["labels"] == 3


def test_a_boundary_error_is_both_a_false_positive_and_a_false_negative() -> None:
    s = strict([doc(COMPANY)], [doc((0, 3, "COMPANY"))])
    c = s["per_label"]["COMPANY"]
    assert (c["tp"], c["fp"], c["fn"], c["f1"]) == (0, 1, 1, 0.0)


def test_a_label_error_counts_against_both_labels() -> None:
    s = strict([doc(PARK)], [doc((5, 9, "COMPANY"))])
    assert s["per_label"]["PARK"]["fn"] == 1
    assert s["per_label"]["COMPANY"]["fp"] == 1
    assert s["micro"]["f1"] == 0.0


def test_micro_pools_documents_and_f1_is_the_harmonic_mean() -> None:
    gold = [doc(COMPANY, PARK, id="a"), doc(AMOUNT, RATE, id="b")]
    pred = [doc(COMPANY, id="a"), doc(AMOUNT, RATE, (5, 9, "PARK"), id="b")]
    s = strict(gold, pred)
    p, r = 3 / 4, 3 / 4
    assert s["micro"]["precision"] == p and s["micro"]["recall"] == r
    assert s["micro"]["f1"] == pytest.approx(2 * p * r / (p + r))
    assert s["per_label"]["PARK"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0,
                                      "fp": 1, "fn": 1, "predicted": 1, "support": 1}


def test_adjacent_spans_of_one_label_stay_two_entities() -> None:
    text = "甲乙丙丁"
    gold = [doc((0, 2, "COMPANY"), (2, 4, "COMPANY"), text=text)]
    merged = [doc((0, 4, "COMPANY"), text=text)]
    assert char_tags(text, gold[0].spans) == ["B-COMPANY", "I-COMPANY", "B-COMPANY",
                                              "I-COMPANY"]
    s = strict(gold, merged)
    assert s["per_label"]["COMPANY"]["tp"] == 0
    assert s["per_label"]["COMPANY"]["support"] == 2
    assert strict(gold, gold)["per_label"]["COMPANY"]["tp"] == 2


def random_docs(rng: random.Random, n: int, keep: float) -> tuple[list[Document], list[Document]]:
    """Random gold and predictions: kept, shifted, relabelled, dropped and invented spans."""
    gold, pred = [], []
    for i in range(n):
        text = "".join(rng.choice("甲乙丙丁戊己庚辛") for _ in range(rng.randint(0, 60)))
        g, p = [], []
        pos = 0
        while pos < len(text) - 1:
            start = pos + rng.randint(0, 6)
            end = start + rng.randint(1, 5)
            if end > len(text):
                break
            label = rng.choice(LABELS)
            if rng.random() < 0.7:
                g.append(Span.at(text, start, end, label))
            roll = rng.random()
            if roll < keep:
                p.append(Span.at(text, start, end, label))
            elif roll < keep + 0.1:
                p.append(Span.at(text, start, end, rng.choice(LABELS)))
            elif roll < keep + 0.2 and end - start > 1:
                p.append(Span.at(text, start + 1, end, label))
            pos = end
        gold.append(Document.from_text(text, id=f"d{i}").with_spans(g))
        pred.append(Document.from_text(text, id=f"d{i}").with_spans(p))
    return gold, pred


@pytest.mark.parametrize("seed", range(8))
def test_seqeval_and_span_sets_agree_on_random_documents(seed: int) -> None:
    rng = random.Random(seed)
    gold, pred = random_docs(rng, n=rng.randint(1, 12), keep=rng.random() * 0.7)
    assert seqeval_counts(gold, pred) == span_counts(gold, pred)
    per_doc = [doc_span_counts(g.spans, p.spans) for g, p in zip(gold, pred, strict=True)]
    assert {lab: sum((d[lab] for d in per_doc), Counts()) for lab in LABELS} == span_counts(
        gold, pred)


@pytest.mark.parametrize("seed", range(8))
def test_figures_equal_seqevals_own_strict_scores(seed: int) -> None:
    """Cross-check against seqeval's public metrics (zero_division=0) where defined."""
    rng = random.Random(100 + seed)
    gold, pred = random_docs(rng, n=6, keep=0.5)
    y_true = [char_tags(d.text, d.spans) for d in gold]
    y_pred = [char_tags(d.text, d.spans) for d in pred]
    ours = score(span_counts(gold, pred))
    kwargs = {"mode": "strict", "scheme": IOB2, "zero_division": 0}
    if ours["micro"]["f1"] is not None:
        assert ours["micro"]["f1"] == pytest.approx(f1_score(y_true, y_pred, **kwargs))
        assert (ours["micro"]["precision"] or 0.0) == pytest.approx(
            precision_score(y_true, y_pred, **kwargs))
        assert (ours["micro"]["recall"] or 0.0) == pytest.approx(
            recall_score(y_true, y_pred, **kwargs))
    p, r, f, support = precision_recall_fscore_support(y_true, y_pred, average=None,
                                                        scheme=IOB2, zero_division=0)
    seen = sorted({t[2:] for seq in y_true + y_pred for t in seq if t != "O"})
    for k, label in enumerate(seen):
        mine = ours["per_label"][label]
        assert (mine["precision"] or 0.0) == pytest.approx(p[k])
        assert (mine["recall"] or 0.0) == pytest.approx(r[k])
        assert mine["f1"] == pytest.approx(f[k])
        assert mine["support"] == support[k]
    if seen:
        assert ours["macro"]["f1"] == pytest.approx(
            precision_recall_fscore_support(y_true, y_pred, average="macro", scheme=IOB2,
                                            zero_division=0)[2])
