"""MUC-5 / SemEval-2013 partial matching: counts on hand-made cases, invariants at random."""

from __future__ import annotations

import random

import pytest
from econer.eval.partial import align, muc_scores

from econer.labels import LABELS
from econer.spans import Span

TEXT = "甲乙公司在丙丁园区投资3亿元，增长41%。"


def s(start: int, end: int, label: str) -> Span:
    return Span.at(TEXT, start, end, label)


def overall(gold: list[Span], pred: list[Span]) -> dict:
    return muc_scores([(gold, pred)])["overall"]


def counts(m: dict) -> tuple[int, ...]:
    return tuple(m[c] for c in ("cor", "inc", "par", "mis", "spu"))


def test_the_semeval_example_table() -> None:
    """One case of each kind, counted under the four schemes."""
    gold = [s(0, 4, "COMPANY"), s(5, 9, "PARK"), s(11, 14, "AMOUNT"), s(17, 20, "RATE")]
    pred = [
        s(0, 4, "COMPANY"),   # correct
        s(5, 9, "COMPANY"),   # same boundaries, other label
        s(11, 13, "AMOUNT"),  # overlap, same label
        s(18, 20, "AMOUNT"),  # overlap, other label
        s(15, 16, "RATE"),    # spurious
    ]
    m = overall(gold + [s(9, 11, "COMPANY")], pred)  # plus one missed gold span
    #                       COR INC PAR MIS SPU
    assert counts(m["strict"]) == (1, 3, 0, 1, 1)
    assert counts(m["exact"]) == (2, 2, 0, 1, 1)
    assert counts(m["partial"]) == (2, 0, 2, 1, 1)
    assert counts(m["type"]) == (2, 2, 0, 1, 1)
    assert m["strict"]["possible"] == 5 and m["strict"]["actual"] == 5
    assert m["strict"]["precision"] == pytest.approx(1 / 5)
    assert m["partial"]["precision"] == pytest.approx((2 + 0.5 * 2) / 5)
    assert m["partial"]["recall"] == pytest.approx((2 + 0.5 * 2) / 5)
    assert m["type"]["f1"] == pytest.approx(2 / 5)


def test_nothing_on_either_side_is_undefined() -> None:
    m = overall([], [])
    assert m["strict"]["f1"] is None and m["partial"]["precision"] is None


def test_empty_predictions_are_all_missed_and_empty_gold_all_spurious() -> None:
    assert counts(overall([s(0, 4, "COMPANY")], [])["partial"]) == (0, 0, 0, 1, 0)
    m = overall([], [s(0, 4, "COMPANY")])
    assert counts(m["partial"]) == (0, 0, 0, 0, 1)
    assert m["partial"]["precision"] == 0.0 and m["partial"]["recall"] is None


def test_one_gold_span_cut_in_two_pairs_once_and_the_rest_is_spurious() -> None:
    gold = [s(0, 9, "COMPANY")]
    pred = [s(0, 2, "COMPANY"), s(2, 8, "COMPANY")]
    pairs = align(gold, pred)
    assert [(p.kind, p.pred.start if p.pred else None) for p in pairs] == [
        ("boundary", 2), ("spurious", 0)]
    m = overall(gold, pred)
    assert counts(m["partial"]) == (0, 0, 1, 0, 1)
    assert m["partial"]["possible"] == 1 and m["partial"]["actual"] == 2


def test_per_label_counts_use_the_gold_label_and_spurious_the_predicted_one() -> None:
    r = muc_scores([([s(5, 9, "PARK")], [s(5, 9, "COMPANY"), s(17, 20, "RATE")])])
    assert r["per_label"]["PARK"]["strict"]["inc"] == 1
    assert r["per_label"]["COMPANY"]["strict"]["actual"] == 0
    assert r["per_label"]["RATE"]["strict"]["spu"] == 1


@pytest.mark.parametrize("seed", range(6))
def test_counts_always_add_up_to_both_sides(seed: int) -> None:
    rng = random.Random(seed)
    docs = []
    for _ in range(10):
        text = "字" * 80

        def spans(text: str = text) -> list[Span]:
            out, pos = [], 0
            while True:
                start = pos + rng.randint(0, 8)
                end = start + rng.randint(1, 6)
                if end > len(text):
                    return out
                out.append(Span.at(text, start, end, rng.choice(LABELS)))
                pos = end

        docs.append((spans(), spans()))
    r = muc_scores(docs)
    n_gold = sum(len(g) for g, _ in docs)
    n_pred = sum(len(p) for _, p in docs)
    for scheme, m in r["overall"].items():
        assert m["possible"] == n_gold, scheme
        assert m["actual"] == n_pred, scheme
    # strict COR is exactly the strict span-set hits
    hits = sum(len({x.key for x in g} & {x.key for x in p}) for g, p in docs)
    assert r["overall"]["strict"]["cor"] == hits
    # a looser scheme never scores below a stricter one
    assert r["overall"]["exact"]["cor"] >= r["overall"]["strict"]["cor"]
    assert r["overall"]["type"]["cor"] >= r["overall"]["strict"]["cor"]
    assert (r["overall"]["partial"]["f1"] or 0) >= (r["overall"]["exact"]["f1"] or 0)
