"""Cross-validation over folds, for any systems given as callables.

A system is ``predict(train_docs, test_docs) -> predicted test docs``: the rules ignore the
training documents, a model trains on them. The test documents reach a system without their
gold spans. This module knows nothing of rules or models (the CLI builds the callables), so
``eval`` does not depend on ``annotate`` or ``models``.

Each system is scored on each fold's test documents; the per-fold strict F1 (per label and
micro) gives the mean and the spread (sample standard deviation over the folds where the
figure is defined). The pooled predictions, every document predicted by the fold that held it
out, feed an ordinary scorecard.

>>> from econer.folds import Fold
>>> from econer.spans import Span
>>> docs = [Document.from_text(t, id=i) for t, i in [("增长41%", "a"), ("下降3%", "b")]]
>>> gold = [docs[0].with_spans([Span.at(docs[0].text, 2, 5, "RATE")]),
...         docs[1].with_spans([Span.at(docs[1].text, 2, 4, "RATE")])]
>>> tail = lambda d: d.with_spans([Span.at(d.text, 2, len(d.text), "RATE")])
>>> echo = lambda train, test: [tail(d) for d in test]
>>> cv = cross_validate(gold, [Fold("f0", ("a",)), Fold("f1", ("b",))], {"echo": echo})
>>> cv.summary["systems"]["echo"]["mean"]["micro"], cv.summary["systems"]["echo"]["std"]["RATE"]
(1.0, 0.0)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from econer.eval.metrics import score, span_counts

from econer.errors import EconerError
from econer.folds import Fold
from econer.labels import LABELS
from econer.spans import Document

Predict = Callable[[Sequence[Document], Sequence[Document]], Sequence[Document]]


@dataclass(frozen=True)
class CrossValidation:
    gold: list[Document]  # the documents some fold tested on, in gold order
    predictions: dict[str, list[Document]]  # per system, parallel to ``gold``
    summary: dict[str, Any]  # the scorecard's "crossval" section


def mean_std(values: Sequence[float | None]) -> tuple[float | None, float | None]:
    """Mean and sample standard deviation of the defined values (std 0 for one value).

    >>> mean_std([0.5, None, 1.0])
    (0.75, 0.3535533905932738)
    >>> mean_std([None])
    (None, None)
    """
    xs = [x for x in values if x is not None]
    if not xs:
        return None, None
    mean = sum(xs) / len(xs)
    if len(xs) == 1:
        return mean, 0.0
    return mean, math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))


def _checked(name: str, fold: Fold, test: Sequence[Document], out: Sequence[Document]
             ) -> list[Document]:
    out = list(out)
    if [d.id for d in out] != [d.id for d in test] or any(
            a.text != b.text for a, b in zip(out, test, strict=True)):
        raise EconerError(f"system {name!r} on fold {fold.name}: predictions do not match the "
                          "test documents (same ids, texts and order expected)")
    return out


def cross_validate(
    gold: Sequence[Document],
    folds: Sequence[Fold],
    systems: Mapping[str, Predict],
    *,
    labels: Sequence[str] = LABELS,
    folds_name: str = "folds",
    on_fold: Callable[[str, str], None] | None = None,
) -> CrossValidation:
    """Run every system on every fold; ``on_fold(system, fold)`` is called after each."""
    per_fold: dict[str, dict[str, dict[str, float | None]]] = {n: {} for n in systems}
    pooled: dict[str, dict[str, Document]] = {n: {} for n in systems}
    for fold in folds:
        train, test = fold.split(gold)
        bare = [d.with_spans([]) for d in test]  # a system never sees the test gold
        for name, predict in systems.items():
            out = _checked(name, fold, bare, predict(train, bare))
            s = score(span_counts(test, out, labels))
            per_fold[name][fold.name] = {
                **{lab: s["per_label"][lab]["f1"] for lab in labels}, "micro": s["micro"]["f1"]}
            for doc in out:
                pooled[name].setdefault(doc.id, doc)
            if on_fold:
                on_fold(name, fold.name)
    tested = [d for d in gold if d.id in next(iter(pooled.values()), {})]
    keys = [*labels, "micro"]
    summary_systems = {}
    for name in systems:
        stats = {k: mean_std([per_fold[name][f.name][k] for f in folds]) for k in keys}
        summary_systems[name] = {
            "per_fold": per_fold[name],
            "mean": {k: v[0] for k, v in stats.items()},
            "std": {k: v[1] for k, v in stats.items()},
        }
    summary = {"folds": folds_name, "fold_names": [f.name for f in folds],
               "labels": list(labels), "systems": summary_systems}
    predictions = {n: [pooled[n][d.id] for d in tested] for n in systems}
    return CrossValidation(gold=tested, predictions=predictions, summary=summary)
