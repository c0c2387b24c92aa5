"""Accuracy of the normalised values of AMOUNT and RATE spans.

Only spans that match strictly (same offsets and label) and carry a ``value`` on both sides
are compared: a value is right when the units are equal and the numbers agree within a
relative tolerance of 1e-9 (``125.8亿元`` is 12580000000.000002 after float arithmetic).
The ``approx`` flag is reported apart, as it is a softer judgement.

>>> from econer.spans import Span
>>> v = lambda n, u="CNY": Value(n, u)
>>> g = Document("d", "125.8亿元", (Span(0, 7, "AMOUNT", "125.8亿元", value=v(12580000000)),))
>>> p = g.with_spans([Span(0, 7, "AMOUNT", "125.8亿元", value=v(12580000000.000002))])
>>> value_accuracy([g], [p])["AMOUNT"]["accuracy"]
1.0
>>> value_accuracy([g], [g.with_spans([])])["AMOUNT"]["compared"]
0
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from econer.spans import Document, Value

VALUE_LABELS = ("AMOUNT", "RATE")
REL_TOL = 1e-9


def same_value(gold: Value, pred: Value, rel_tol: float = REL_TOL) -> bool:
    """Same unit and the same number within ``rel_tol``.

    >>> same_value(Value(0.41, "fraction"), Value(0.41, "points"))
    False
    >>> same_value(Value(0.0, "fraction"), Value(0.0, "fraction"))
    True
    """
    return gold.unit == pred.unit and math.isclose(gold.number, pred.number, rel_tol=rel_tol)


def value_accuracy(
    gold_docs: Sequence[Document],
    pred_docs: Sequence[Document],
    labels: Sequence[str] = VALUE_LABELS,
) -> dict[str, dict[str, Any]]:
    """Per label: how many strict matches had values on both sides, and how many agreed.

    ``gold_docs`` and ``pred_docs`` are parallel; each disagreement is listed in ``errors``.
    """
    out = {
        lab: {"strict_matches": 0, "gold_with_value": 0, "pred_with_value": 0, "compared": 0,
              "correct": 0, "approx_agree": 0, "accuracy": None, "errors": []}
        for lab in labels
    }
    for gdoc, pdoc in zip(gold_docs, pred_docs, strict=True):
        gold, pred = gdoc.spans, pdoc.spans
        by_key = {s.key: s for s in pred}
        for g in gold:
            if g.label not in out:
                continue
            row = out[g.label]
            row["gold_with_value"] += g.value is not None
            p = by_key.get(g.key)
            if p is None:
                continue
            row["strict_matches"] += 1
            if g.value is None or p.value is None:
                continue
            row["compared"] += 1
            if same_value(g.value, p.value):
                row["correct"] += 1
            else:
                row["errors"].append({"doc": gdoc.id, "start": g.start, "end": g.end,
                                      "text": g.text, "gold": g.value.to_dict(),
                                      "pred": p.value.to_dict()})
            row["approx_agree"] += g.value.approx == p.value.approx
        for p in pred:
            if p.label in out:
                out[p.label]["pred_with_value"] += p.value is not None
    for row in out.values():
        row["accuracy"] = row["correct"] / row["compared"] if row["compared"] else None
    return out
