"""How sure we are: document bootstrap intervals and paired bootstrap tests.

Documents, not spans, are the unit of resampling: spans of one document are not
independent (one company named ten times), and gold is gathered a document at a time. The
strict counts of each document are laid out once as an array ``(documents, labels, 3)`` of
``(tp, predicted, gold)``; each bootstrap sample draws documents with replacement and sums
their counts, so ten thousand samples cost milliseconds.

Every system is scored on the *same* drawn samples (one seeded ``numpy.random.Generator``),
which makes the intervals reproducible and the test between two systems paired.

>>> a = np.array([[[1, 1, 1]], [[0, 1, 1]], [[2, 2, 2]], [[1, 2, 1]]])
>>> idx = resample(4, samples=200, seed=0)   # 4 documents, 1 label
>>> ci = intervals(a, idx, labels=["RATE"])
>>> lo, hi = ci["micro"]["f1"]
>>> bool(lo <= figures(a.sum(axis=0))["micro"]["f1"] <= hi)
True
>>> paired_test(a, a, idx, labels=["RATE"])["micro_f1"]["p_value"]
1.0
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from econer.eval.metrics import doc_span_counts

from econer.labels import LABELS
from econer.spans import Document

CONFIDENCE = 0.95
# Below this many documents a document bootstrap has (next to) no spread: one document
# resampled is always itself, so the "interval" would be a point and every test "significant";
# n documents have C(2n-1, n) distinct resamples: 1, 3, 10 for n = 1, 2, 3, 35 for n = 4.
# Then no interval and no test are given, only the observed figures.
MIN_DOCUMENTS = 4
TOO_FEW = (f"no interval or test: fewer than {MIN_DOCUMENTS} documents, too few to resample")


def enough_documents(documents: int) -> bool:
    """Whether a bootstrap over ``documents`` documents can give an interval or a test.

    >>> enough_documents(1), enough_documents(MIN_DOCUMENTS)
    (False, True)
    """
    return documents >= MIN_DOCUMENTS


def count_array(
    gold: Sequence[Document], pred: Sequence[Document], labels: Sequence[str] = LABELS
) -> np.ndarray:
    """Strict ``(tp, predicted, gold)`` counts, shape ``(documents, labels, 3)``."""
    out = np.zeros((len(gold), len(labels), 3), dtype=np.int64)
    for d, (g, p) in enumerate(zip(gold, pred, strict=True)):
        counts = doc_span_counts(g.spans, p.spans, labels)
        for k, label in enumerate(labels):
            c = counts[label]
            out[d, k] = (c.tp, c.pred, c.gold)
    return out


def resample(documents: int, samples: int = 1000, seed: int = 0) -> np.ndarray:
    """Drawn document indices, shape ``(samples, documents)``; the same seed, the same draw.

    >>> bool((resample(5, 10, seed=1) == resample(5, 10, seed=1)).all())
    True
    """
    rng = np.random.default_rng(seed)
    if documents == 0:
        return np.zeros((samples, 0), dtype=np.int64)
    return rng.integers(0, documents, size=(samples, documents))


def _div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def figures(counts: np.ndarray) -> dict[str, np.ndarray]:
    """Precision, recall, F1 per label and micro, macro F1 from summed counts.

    ``counts`` has shape ``(..., labels, 3)``; results keep the leading shape, NaN where
    undefined (as :mod:`econer.eval.metrics` gives None).

    >>> f = figures(np.array([[1, 2, 1], [0, 0, 0]]))
    >>> float(f["f1"][0]), bool(np.isnan(f["f1"][1])), float(f["micro"]["f1"])
    (0.6666666666666666, True, 0.6666666666666666)
    """
    tp, pred, gold = counts[..., 0], counts[..., 1], counts[..., 2]
    f1 = _div(2 * tp, pred + gold)
    total = counts.sum(axis=-2)
    present = (pred + gold) > 0
    n_present = present.sum(axis=-1)
    with np.errstate(invalid="ignore"):
        macro_f1 = np.where(n_present > 0, np.where(present, f1, 0).sum(axis=-1)
                            / np.maximum(n_present, 1), np.nan)
    return {
        "precision": _div(tp, pred),
        "recall": _div(tp, gold),
        "f1": f1,
        "micro": {
            "precision": _div(total[..., 0], total[..., 1]),
            "recall": _div(total[..., 0], total[..., 2]),
            "f1": _div(2 * total[..., 0], total[..., 1] + total[..., 2]),
        },
        "macro": {"f1": macro_f1},
    }


def _interval(values: np.ndarray, level: float) -> list[float] | None:
    values = values[~np.isnan(values)]
    if values.size == 0:
        return None
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(values, [tail, 100 - tail])
    return [float(lo), float(hi)]


def draw_counts(indices: np.ndarray) -> np.ndarray:
    """How often each document is drawn in each sample, shape ``(samples, documents)``.

    >>> draw_counts(np.array([[0, 0, 2], [1, 2, 0]])).tolist()
    [[2, 0, 1], [1, 1, 1]]
    """
    samples, documents = indices.shape
    flat = (np.arange(samples)[:, None] * documents + indices).ravel()
    return np.bincount(flat, minlength=samples * documents).reshape(samples, documents)


def sampled_counts(counts: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """The summed counts of each sample, shape ``(samples, labels, 3)``.

    A product with the draw counts rather than ``counts[indices].sum(axis=1)``, which
    would hold samples x documents x labels x 3 numbers at once.
    """
    documents, labels, _ = counts.shape
    weights = draw_counts(indices)
    return (weights @ counts.reshape(documents, labels * 3)).reshape(-1, labels, 3)


def _sampled(counts: np.ndarray, indices: np.ndarray) -> dict[str, Any]:
    return figures(sampled_counts(counts, indices))


def intervals(
    counts: np.ndarray,
    indices: np.ndarray,
    labels: Sequence[str] = LABELS,
    level: float = CONFIDENCE,
) -> dict[str, Any]:
    """Percentile intervals of P/R/F1 per label and of micro P/R/F1 and macro F1 (all
    None with fewer than :data:`MIN_DOCUMENTS` documents).

    >>> one = np.array([[[1, 1, 1]]])
    >>> intervals(one, resample(1, 100), labels=["RATE"])["micro"]["f1"] is None
    True
    """
    f = _sampled(counts, indices)
    enough = enough_documents(counts.shape[0])

    def interval(values: np.ndarray) -> list[float] | None:
        return _interval(values, level) if enough else None

    return {
        "per_label": {
            label: {m: interval(f[m][:, k]) for m in ("precision", "recall", "f1")}
            for k, label in enumerate(labels)
        },
        "micro": {m: interval(f["micro"][m]) for m in ("precision", "recall", "f1")},
        "macro": {"f1": interval(f["macro"]["f1"])},
    }


def _test(a: np.ndarray, b: np.ndarray, observed: float, level: float) -> dict[str, Any]:
    """Two-sided paired bootstrap test of ``observed = A - B`` from sampled deltas.

    The sampled deltas, shifted to mean zero around the observed one, stand in for the null
    distribution: p is the share of samples at least as far from ``observed`` as ``observed``
    is from 0 (with the usual +1 so it is never 0).
    """
    delta = a - b
    keep = ~np.isnan(delta)
    if np.isnan(observed) or not keep.any():
        return {"delta": None, "ci": None, "p_value": None, "significant": False}
    delta = delta[keep]
    far = np.abs(delta - observed) >= abs(observed) - 1e-12
    p = float((far.sum() + 1) / (delta.size + 1))
    return {
        "delta": float(observed),
        "ci": _interval(delta, level),
        "p_value": p,
        "significant": p < 1 - level,
    }


def paired_test(
    counts_a: np.ndarray,
    counts_b: np.ndarray,
    indices: np.ndarray,
    labels: Sequence[str] = LABELS,
    level: float = CONFIDENCE,
) -> dict[str, Any]:
    """Paired bootstrap test of A against B: micro F1, macro F1 and F1 per label.

    With fewer than :data:`MIN_DOCUMENTS` documents only the observed differences are
    given (``ci`` and ``p_value`` None, never significant) and ``note`` says why.

    >>> a, b = np.array([[[1, 1, 1]]]), np.array([[[0, 1, 1]]])
    >>> t = paired_test(a, b, resample(1, 100), labels=["RATE"])["micro_f1"]
    >>> t["delta"], t["p_value"], t["significant"]
    (1.0, None, False)
    """
    fa, fb = _sampled(counts_a, indices), _sampled(counts_b, indices)
    oa, ob = figures(counts_a.sum(axis=0)), figures(counts_b.sum(axis=0))
    if not enough_documents(counts_a.shape[0]):
        def observed(delta: float) -> dict[str, Any]:
            return {"delta": None if np.isnan(delta) else float(delta), "ci": None,
                    "p_value": None, "significant": False, "note": TOO_FEW}

        return {
            "micro_f1": observed(float(oa["micro"]["f1"] - ob["micro"]["f1"])),
            "macro_f1": observed(float(oa["macro"]["f1"] - ob["macro"]["f1"])),
            "per_label": {label: observed(float(oa["f1"][k] - ob["f1"][k]))
                          for k, label in enumerate(labels)},
        }
    return {
        "micro_f1": _test(fa["micro"]["f1"], fb["micro"]["f1"],
                          float(oa["micro"]["f1"] - ob["micro"]["f1"]), level),
        "macro_f1": _test(fa["macro"]["f1"], fb["macro"]["f1"],
                          float(oa["macro"]["f1"] - ob["macro"]["f1"]), level),
        "per_label": {
            label: _test(fa["f1"][:, k], fb["f1"][:, k], float(oa["f1"][k] - ob["f1"][k]), level)
            for k, label in enumerate(labels)
        },
    }
