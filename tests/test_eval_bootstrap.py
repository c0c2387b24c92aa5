"""Document bootstrap intervals and the paired test: reproducible, sane, and equal to a
brute-force recomputation."""

from __future__ import annotations

import random

import numpy as np
import pytest
from econer.eval import bootstrap
from econer.eval.metrics import score, span_counts

from econer.labels import LABELS
from econer.spans import Document, Span


def make_docs(n: int, seed: int, keep: float) -> tuple[list[Document], list[Document]]:
    """Gold with 4-8 spans a document; predictions keep each with probability ``keep``
    and invent one spurious span in a third of the documents."""
    rng = random.Random(seed)
    gold, pred = [], []
    for i in range(n):
        text = "字" * 100
        spans = [Span.at(text, 10 * k, 10 * k + 4, rng.choice(LABELS))
                 for k in range(rng.randint(4, 8))]
        kept = [s for s in spans if rng.random() < keep]
        if rng.random() < 1 / 3:
            kept.append(Span.at(text, 95, 99, rng.choice(LABELS)))
        base = Document.from_text(text, id=f"d{i}")
        gold.append(base.with_spans(spans))
        pred.append(base.with_spans(kept))
    return gold, pred


def test_count_array_sums_to_the_strict_counts() -> None:
    gold, pred = make_docs(12, seed=1, keep=0.6)
    arr = bootstrap.count_array(gold, pred)
    counts = span_counts(gold, pred)
    for k, label in enumerate(LABELS):
        assert tuple(arr[:, k].sum(axis=0)) == (counts[label].tp, counts[label].pred,
                                                counts[label].gold)


def test_sampled_figures_equal_scoring_the_resampled_documents() -> None:
    gold, pred = make_docs(9, seed=2, keep=0.5)
    arr = bootstrap.count_array(gold, pred)
    indices = bootstrap.resample(len(gold), samples=5, seed=3)
    summed = bootstrap.sampled_counts(arr, indices)
    assert (summed == arr[indices].sum(axis=1)).all()
    sampled = bootstrap.figures(summed)
    for b, idx in enumerate(indices):
        # the same document drawn twice counts twice: give the copies their own ids
        g = [Document(f"{gold[i].id}#{j}", gold[i].text, gold[i].spans) for j, i in enumerate(idx)]
        p = [Document(f"{pred[i].id}#{j}", pred[i].text, pred[i].spans) for j, i in enumerate(idx)]
        s = score(span_counts(g, p))
        assert sampled["micro"]["f1"][b] == pytest.approx(s["micro"]["f1"])
        assert sampled["macro"]["f1"][b] == pytest.approx(s["macro"]["f1"])
        for k, label in enumerate(LABELS):
            f1 = s["per_label"][label]["f1"]
            if f1 is None:
                assert np.isnan(sampled["f1"][b, k])
            else:
                assert sampled["f1"][b, k] == pytest.approx(f1)


def test_the_same_seed_gives_the_same_intervals_and_another_seed_other_ones() -> None:
    gold, pred = make_docs(20, seed=4, keep=0.6)
    arr = bootstrap.count_array(gold, pred)
    a = bootstrap.intervals(arr, bootstrap.resample(len(gold), 300, seed=7))
    b = bootstrap.intervals(arr, bootstrap.resample(len(gold), 300, seed=7))
    c = bootstrap.intervals(arr, bootstrap.resample(len(gold), 300, seed=8))
    assert a == b
    assert a != c


def test_intervals_contain_the_point_estimate() -> None:
    gold, pred = make_docs(30, seed=5, keep=0.6)
    arr = bootstrap.count_array(gold, pred)
    ci = bootstrap.intervals(arr, bootstrap.resample(len(gold), 1000, seed=0))
    s = score(span_counts(gold, pred))
    lo, hi = ci["micro"]["f1"]
    assert lo < s["micro"]["f1"] < hi
    assert hi - lo < 0.5
    for label in LABELS:
        lo, hi = ci["per_label"][label]["f1"]
        assert lo <= s["per_label"][label]["f1"] <= hi
    lo, hi = ci["macro"]["f1"]
    assert lo <= s["macro"]["f1"] <= hi


def test_more_documents_give_narrower_intervals() -> None:
    widths = []
    for n in (10, 80):
        gold, pred = make_docs(n, seed=6, keep=0.6)
        ci = bootstrap.intervals(bootstrap.count_array(gold, pred),
                                 bootstrap.resample(n, 1000, seed=0))
        widths.append(ci["micro"]["f1"][1] - ci["micro"]["f1"][0])
    assert widths[1] < widths[0]


def test_no_documents_and_undefined_labels_have_no_interval() -> None:
    empty = np.zeros((0, len(LABELS), 3), dtype=np.int64)
    ci = bootstrap.intervals(empty, bootstrap.resample(0, 50, seed=0))
    assert ci["micro"]["f1"] is None and ci["macro"]["f1"] is None
    gold, pred = make_docs(5, seed=7, keep=1.0)
    only_rate = [d.with_spans([s for s in d.spans if s.label == "RATE"]) for d in gold]
    ci = bootstrap.intervals(bootstrap.count_array(only_rate, only_rate),
                             bootstrap.resample(5, 50, seed=0))
    assert ci["per_label"]["COMPANY"]["f1"] is None


def test_identical_systems_show_no_difference() -> None:
    gold, pred = make_docs(15, seed=8, keep=0.6)
    arr = bootstrap.count_array(gold, pred)
    t = bootstrap.paired_test(arr, arr, bootstrap.resample(15, 500, seed=0))
    assert t["micro_f1"] == {"delta": 0.0, "ci": [0.0, 0.0], "p_value": 1.0,
                             "significant": False}
    assert t["macro_f1"]["p_value"] == 1.0


def test_a_much_better_system_is_significantly_better_and_the_test_is_symmetric() -> None:
    gold, weak = make_docs(40, seed=9, keep=0.4)
    _, strong = make_docs(40, seed=9, keep=0.95)
    a, b = bootstrap.count_array(gold, strong), bootstrap.count_array(gold, weak)
    idx = bootstrap.resample(40, 1000, seed=0)
    ab, ba = bootstrap.paired_test(a, b, idx), bootstrap.paired_test(b, a, idx)
    assert ab["micro_f1"]["delta"] > 0.2
    assert ab["micro_f1"]["significant"] and ab["micro_f1"]["p_value"] < 0.01
    assert ab["micro_f1"]["ci"][0] > 0
    assert ba["micro_f1"]["delta"] == pytest.approx(-ab["micro_f1"]["delta"])
    assert ba["micro_f1"]["p_value"] == ab["micro_f1"]["p_value"]


def test_a_tiny_difference_is_not_significant() -> None:
    gold, pred = make_docs(30, seed=10, keep=0.6)
    nudged = list(pred)
    first = nudged[0]
    nudged[0] = first.with_spans(first.spans[1:])  # one span fewer in one document
    a, b = bootstrap.count_array(gold, pred), bootstrap.count_array(gold, nudged)
    t = bootstrap.paired_test(a, b, bootstrap.resample(30, 1000, seed=0))
    assert t["micro_f1"]["delta"] != 0
    assert not t["micro_f1"]["significant"]
    assert t["micro_f1"]["p_value"] > 0.05
