"""Sweep the hybrid policy's per-label thresholds on tuned-on gold (never on a test split).

Scores rules, model and hybrid (strict spans) on the given gold files, then, per label the
model may add to, the hybrid's F1 at every threshold 0, 0.05, ..., 1 and 1.01 (never add),
the other label's model spans left out. It prints the best threshold per label (ties: the
lowest, i.e. the most model spans that cost nothing on the tuned-on gold). The model and the
rules run once; only :func:`econer.eval.hybrid.combine` runs per threshold.

    econer gold devset news-dev --out news-dev.jsonl
    econer gold devset news-park-dev --out news-park-dev.jsonl
    .venv/bin/python -m econer.eval.bench.hybrid_thresholds default news-dev.jsonl \\
        news-park-dev.jsonl
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from typing import Any

from econer.scoring import strict_scores
from econer.spans import Document

GRID = [round(x * 0.05, 2) for x in range(21)] + [1.01]


def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _row(name: str, scores: Mapping[str, Mapping[str, Any]]) -> str:
    c = scores["COMPANY"]
    return (f"{name:24s} COMPANY P {_f(c['precision'])} R {_f(c['recall'])} F1 {_f(c['f1'])}"
            f" | PARK F1 {_f(scores['PARK']['f1'])} | micro F1 {_f(scores['micro']['f1'])}")


def sweep(gold: Sequence[Document], rules: Sequence[Document], model: Sequence[Document],
          label: str, rules_only: Sequence[str]) -> list[tuple[float, float]]:
    """(threshold, the label's hybrid F1) for each threshold of :data:`GRID`."""
    from econer.eval.hybrid import HybridPolicy, combine

    out = []
    for t in GRID:
        policy = HybridPolicy(tuple(rules_only), {label: t})
        pred = [m.with_spans(combine(r.spans, m.spans, policy)) for r, m in zip(rules, model,
                                                                               strict=True)]
        out.append((t, strict_scores(gold, pred)[label]["f1"] or 0.0))
    return out


def main(argv: list[str] | None = None) -> None:
    from econer.annotate.rules.ruler import load_rules
    from econer.eval.hybrid import combine, load_policy
    from econer.models.predict import Predictor, resolve_run

    from econer.jsonl import read_documents

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", help="a run folder, or default (the shipped model)")
    parser.add_argument("gold", nargs="+", help="tuned-on gold files (news-dev, news-park-dev)")
    args = parser.parse_args(argv)

    gold = [d for path in args.gold for d in read_documents(path)]
    rules = list(load_rules().pipe(gold))
    model = list(Predictor.from_run(resolve_run(args.run)).pipe(gold))
    policy = load_policy()
    current = [m.with_spans(combine(r.spans, m.spans, policy)) for r, m in zip(rules, model,
                                                                              strict=True)]
    print(f"{len(gold)} documents; run {args.run}")
    print(_row("rules", strict_scores(gold, rules)))
    print(_row("model", strict_scores(gold, model)))
    print(_row("hybrid (current policy)", strict_scores(gold, current)))
    print(f"  policy {policy.version}")
    for label in policy.thresholds:
        curve = sweep(gold, rules, model, label, policy.rules_only)
        print(f"{label}: " + " ".join(f"{t:g}:{f:.3f}" for t, f in curve))
        best = max(curve, key=lambda tf: (round(tf[1], 9), -tf[0]))
        print(f"best {label} threshold {best[0]:g} (F1 {best[1]:.3f})")


if __name__ == "__main__":
    main()
