"""Strict span counts and precision/recall/F1: the one small scorer the parts share.

Rule calibration, gold agreement and training's dev metrics all need "how many spans match
exactly (offsets and label)"; the full scorecard (seqeval, intervals, partial matching) lives
in ``econer.eval``. Documents are paired by id; a gold document missing from the predictions
is an error, not a silent zero.

>>> from econer.spans import Document, Span
>>> text = "投资125.8亿元，增长41%"
>>> gold = Document.from_text(text, id="d").with_spans(
...     [Span.at(text, 2, 9, "AMOUNT"), Span.at(text, 12, 15, "RATE")])
>>> pred = Document.from_text(text, id="d").with_spans(
...     [Span.at(text, 2, 9, "AMOUNT"), Span.at(text, 10, 15, "RATE")])
>>> table = strict_scores([gold], [pred])
>>> table["AMOUNT"]["f1"], table["RATE"]["f1"], table["micro"]["f1"]
(1.0, 0.0, 0.5)
>>> table["COMPANY"]["precision"] is None  # nothing predicted, nothing in gold
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from econer.errors import EconerError
from econer.labels import LABELS
from econer.spans import Document


def strict_counts(gold: Sequence[Document], predicted: Sequence[Document]
                  ) -> dict[str, Counter[str]]:
    """``{label: Counter(tp=, fp=, fn=)}`` for every label seen, plus ``"micro"``."""
    by_id = {doc.id: doc for doc in predicted}
    counts: dict[str, Counter[str]] = {}
    for doc in gold:
        if doc.id not in by_id:
            raise EconerError(f"no prediction for gold document {doc.id!r}")
        want = {s.key for s in doc.spans}
        got = {s.key for s in by_id[doc.id].spans}
        for key in want | got:
            outcome = "tp" if key in want and key in got else "fn" if key in want else "fp"
            for label in (key[2], "micro"):
                counts.setdefault(label, Counter())[outcome] += 1
    return counts


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Counts with precision, recall and F1; a ratio with nothing to divide by is None.

    >>> prf(3, 1, 0)["precision"], prf(0, 0, 2)["precision"], prf(0, 0, 2)["f1"]
    (0.75, None, 0.0)
    """
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def strict_scores(gold: Sequence[Document], predicted: Sequence[Document],
                  labels: Sequence[str] = LABELS) -> dict[str, dict[str, Any]]:
    """Strict span P/R/F1 per label (the standard's, then any other seen) and ``"micro"``."""
    counts = strict_counts(gold, predicted)
    extra = sorted(set(counts) - set(labels) - {"micro"})
    empty: Counter[str] = Counter()
    return {label: prf(*(counts.get(label, empty)[k] for k in ("tp", "fp", "fn")))
            for label in (*labels, *extra, "micro")}
