"""Measured precision per rule, from gold: the scores the rules' spans carry.

``calibrate`` runs the labeller on each gold text and counts, for every rule, how many of
its spans match a gold span exactly (offsets and label); a span of a label the document's
gold does not cover (``meta.partial``: CLUENER covers COMPANY only) is not counted. The score
stored is the rule of succession, ``(tp + 1) / (n + 2)``, so a rule seen firing twice does
not claim certainty;
the raw precision is kept beside it. ``econer rules score`` prints the rules' strict span
P/R/F1 with :func:`econer.scoring.strict_scores` and :func:`format_scores`.

>>> from econer.spans import Document, Span
>>> gold = Document.from_text("增长41%，投资5亿元", id="g").with_spans(
...     [Span(2, 5, "RATE", "41%"), Span(8, 11, "AMOUNT", "5亿元")])
>>> from econer.annotate.rules.ruler import load_rules
>>> table = calibrate(load_rules(), [gold])
>>> table["rate.percent"]
{'n': 1, 'tp': 1, 'precision': 1.0, 'score': 0.6667}
>>> from econer.scoring import strict_scores
>>> print(format_scores(strict_scores([gold], [load_rules()(gold)])).splitlines()[3])
AMOUNT    1.000  1.000  1.000     1     0     0
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from econer.jsonl import write_text
from econer.partial import partial_of
from econer.spans import Document


def calibrate(labeller: Any, gold: Iterable[Document]) -> dict[str, dict[str, Any]]:
    """Per rule: spans made (n), spans exactly in gold (tp), precision and score."""
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
    return {rule: {"n": made[rule], "tp": right[rule],
                   "precision": round(right[rule] / made[rule], 4),
                   "score": round((right[rule] + 1) / (made[rule] + 2), 4)}
            for rule in sorted(made)}


def write_precision(path: str | Path, table: dict[str, dict[str, Any]],
                    sources: Sequence[str]) -> None:
    data = {"note": "written by `econer rules calibrate`; score = (tp+1)/(n+2)",
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
