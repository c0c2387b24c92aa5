"""Measured precision per rule, from gold: the scores the rules' spans carry.

``calibrate`` runs the labeller on each gold text and counts, for every rule, how many of
its spans match a gold span exactly (offsets and label); a span of a label the document's
gold does not cover (``meta.partial``: CLUENER covers COMPANY only) is not counted. The score
stored is smoothed towards the rule's own default score (the one its rule file gives, hand-set
or, for the gazetteer rules, judged by hand on 30 corpus spans): a Beta prior of mean
``default`` worth ``PRIOR_WEIGHT`` spans, ``(tp + w * default) / (n + w)``. A rule seen once
is then neither scored 0 nor 1 nor pulled to 0.5, and a rule seen 100 times is scored by its
record. The raw precision is kept beside it. ``econer rules score`` prints the rules' strict
span P/R/F1 with :func:`econer.scoring.strict_scores` and :func:`format_scores`.

>>> from econer.spans import Document, Span
>>> gold = Document.from_text("增长41%，投资5亿元", id="g").with_spans(
...     [Span(2, 5, "RATE", "41%"), Span(8, 11, "AMOUNT", "5亿元")])
>>> from econer.annotate.rules.ruler import load_rules
>>> table = calibrate(load_rules(), [gold])
>>> table["rate.percent"]
{'n': 1, 'tp': 1, 'precision': 1.0, 'prior': 0.99, 'score': 0.9909}
>>> smoothed(0, 1, 0.875), smoothed(0, 100, 0.875)
(0.7955, 0.0795)
>>> from econer.scoring import strict_scores
>>> print(format_scores(strict_scores([gold], [load_rules()(gold)])).splitlines()[3])
AMOUNT    1.000  1.000  1.000     1     0     0
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from econer.jsonl import write_text
from econer.partial import partial_of
from econer.spans import Document

# the prior counts as this many judged spans: the hand-judged defaults rest on 30 spans each,
# the others on a rule writer's guess, so a third of that
PRIOR_WEIGHT = 10


def smoothed(tp: int, n: int, prior: float, weight: float = PRIOR_WEIGHT) -> float:
    """Posterior mean of a rule's precision: ``tp`` right of ``n``, Beta prior of mean
    ``prior`` worth ``weight`` spans."""
    return round((tp + weight * prior) / (n + weight), 4)


def defaults(labeller: Any) -> dict[str, float]:
    """Each rule's default score (its rule file's, before calibration)."""
    table = {rule.name: rule.default for rule in labeller.patterns.rules}
    finder = labeller._names  # the name rules' defaults: names.yaml's settings.names.scores
    table.update(finder.scores)
    return table


def uncalibrated(patterns: Any) -> Any:
    """``patterns`` with every rule at its default score (no ``precision.json``): what
    calibration measures, so that a calibration does not depend on the one before it (a
    span two rules propose alike goes to the one of higher score, and the scores are what
    calibration writes).

    >>> from econer.annotate.rules.patterns import load_patterns
    >>> bare = uncalibrated(load_patterns())
    >>> bare.precision, all(r.score == r.default for r in bare.rules)
    ({}, True)
    """
    rules = tuple(replace(rule, score=rule.default) for rule in patterns.rules)
    return replace(patterns, precision={}, rules=rules)


def calibrate(labeller: Any, gold: Iterable[Document],
              weight: float = PRIOR_WEIGHT) -> dict[str, dict[str, Any]]:
    """Per rule: spans made (n), spans exactly in gold (tp), precision, prior and score."""
    made: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for doc in gold:
        keys = {s.key for s in doc.spans}
        covered = set(partial_of(doc).covered)  # CLUENER covers COMPANY only
        for span in labeller.spans(doc.text):
            if span.label not in covered:
                continue  # no gold for this label here: neither right nor wrong
            rule = (span.source or "").removeprefix("rules:")
            made[rule] += 1
            right[rule] += span.key in keys
    prior = defaults(labeller)
    default = labeller._names.score("")  # a name rule without a listed default
    return {rule: {"n": made[rule], "tp": right[rule],
                   "precision": round(right[rule] / made[rule], 4),
                   "prior": prior.get(rule, default),
                   "score": smoothed(right[rule], made[rule], prior.get(rule, default), weight)}
            for rule in sorted(made)}


def write_precision(path: str | Path, table: dict[str, dict[str, Any]],
                    sources: Sequence[str]) -> None:
    data = {"note": "written by `econer rules calibrate`; score = (tp + w*prior)/(n + w), "
                    f"w = {PRIOR_WEIGHT}, prior = the rule's default score",
            "gold": list(sources), "rules": table}
    write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def format_scores(table: dict[str, dict[str, Any]]) -> str:
    def fmt(x: float | None) -> str:
        return "  -  " if x is None else f"{x:.3f}"

    lines = [f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for label, row in table.items():
        lines.append(f"{label:<8} {fmt(row['precision']):>6} {fmt(row['recall']):>6} "
                     f"{fmt(row['f1']):>6} {row['tp']:>5} {row['fp']:>5} {row['fn']:>5}")
    return "\n".join(lines)
