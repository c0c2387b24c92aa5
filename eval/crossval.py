"""Cross-validation over folds, for any systems.

A system here is one of three things: a :class:`~econer.registry.System` (the rules, a
trained run: it ignores the training documents), a :class:`~econer.eval.systems.Trainable`
(a training config: ``fit`` on each fold's training documents gives the system scored on
that fold), or a bare callable ``predict(train_docs, test_docs) -> predicted test docs``.
The test documents reach a system without their gold spans. This module never names a
system kind: :mod:`econer.eval.systems` builds them by name.

Each system is scored on each fold's test documents; the per-fold strict F1 (per label and
micro) gives the mean and the spread (sample standard deviation over the folds where the
figure is defined). The pooled predictions, every document predicted by the fold that held it
out, feed an ordinary scorecard, with each system's prediction throughput (training excluded).

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
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from econer.eval.metrics import score, span_counts

from econer.errors import EconerError
from econer.folds import Fold
from econer.labels import LABELS
from econer.registry import System
from econer.runinfo import RunInfo
from econer.spans import Document

Predict = Callable[[Sequence[Document], Sequence[Document]], Sequence[Document]]


@dataclass(frozen=True)
class CrossValidation:
    gold: list[Document]  # the documents some fold tested on, in gold order
    predictions: dict[str, list[Document]]  # per system, parallel to ``gold``
    summary: dict[str, Any]  # the scorecard's "crossval" section
    runs: dict[str, RunInfo] = field(default_factory=dict)  # per system: prediction throughput


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
    systems: Mapping[str, Any],
    *,
    labels: Sequence[str] = LABELS,
    folds_name: str = "folds",
    on_fold: Callable[[str, str], None] | None = None,
    workdir: str | Path | None = None,
) -> CrossValidation:
    """Run every system (a System, a Trainable or a predict callable) on every fold;
    ``on_fold(system, fold)`` is called after each. A Trainable fits in
    ``workdir/<system>/<fold>/`` (a temporary folder, removed after, when not given)."""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="econer-cv-") as tmp:
            return cross_validate(gold, folds, systems, labels=labels, folds_name=folds_name,
                                  on_fold=on_fold, workdir=tmp)
    workdir = Path(workdir)
    per_fold: dict[str, dict[str, dict[str, float | None]]] = {n: {} for n in systems}
    pooled: dict[str, dict[str, Document]] = {n: {} for n in systems}
    timed = {n: [0, 0, 0.0] for n in systems}  # documents, chars, seconds predicting
    for fold in folds:
        train, test = fold.split(gold)
        bare = [d.with_spans([]) for d in test]  # a system never sees the test gold
        for name, system in systems.items():
            predict = _predictor(system, train, fold.name, workdir / name / fold.name)
            started = time.perf_counter()
            out = _checked(name, fold, bare, predict(bare))
            t = timed[name]
            t[0], t[1] = t[0] + len(bare), t[1] + sum(len(d.text) for d in bare)
            t[2] += time.perf_counter() - started
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
    runs = {n: RunInfo(system=n, version=str(getattr(systems[n], "version", "")),
                       documents=t[0], chars=t[1], seconds=t[2],
                       extra={"cross_validation": True}) for n, t in timed.items()}
    return CrossValidation(gold=tested, predictions=predictions, summary=summary, runs=runs)


def _predictor(system: Any, train: Sequence[Document], fold: str, workdir: Path
               ) -> Callable[[Sequence[Document]], Sequence[Document]]:
    """``test docs -> predicted docs`` for one fold; a Trainable is fitted first (its
    training time is not the prediction time the run record reports)."""
    if hasattr(system, "fit"):
        workdir.mkdir(parents=True, exist_ok=True)
        system = system.fit(list(train), fold, workdir)
    if isinstance(system, System):
        return lambda test: list(system.predict(test))
    if callable(system):
        return lambda test: system(train, test)
    raise EconerError(f"{system!r} is neither a System, a Trainable nor a predict callable")
