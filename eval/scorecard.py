"""The scorecard: every figure about every system on one gold, as one JSON-able dict.

``build_scorecard(gold, systems)`` is a pure function; :func:`load_system` is the I/O edge
that reads a prediction file, pairs it with the gold by document id and refuses a file that
lacks a gold document or has another text for it. The schema is versioned
(``"schema": "econer.scorecard/1"``); readers check it (:func:`check_schema`).

>>> from econer.spans import Span
>>> doc = Document.from_text("甲公司增长41%", id="d")
>>> gold = [doc.with_spans([Span.at(doc.text, 0, 3, "COMPANY"), Span.at(doc.text, 5, 8, "RATE")])]
>>> card = build_scorecard(gold, {"rules": System(gold)}, samples=50)
>>> card["schema"], card["systems"]["rules"]["strict"]["micro"]["f1"]
('econer.scorecard/1', 1.0)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from econer.eval import bootstrap
from econer.eval.analysis import error_analysis
from econer.eval.metrics import (
    LONG,
    score,
    seqeval_counts,
    seqeval_entities,
    span_counts,
)
from econer.eval.partial import muc_scores
from econer.eval.values import value_accuracy

from econer.errors import EconerError
from econer.jsonl import read_documents
from econer.labels import LABELS
from econer.runinfo import RunInfo, read_run_info
from econer.spans import Document

SCHEMA = "econer.scorecard/1"


@dataclass(frozen=True)
class System:
    """One system's predictions, parallel to the gold documents, and where they came from."""

    docs: Sequence[Document]
    path: str | None = None
    run: RunInfo | None = None
    extra_docs: int = 0  # documents in the prediction file that the gold lacks (ignored)
    meta: dict[str, Any] = field(default_factory=dict)


def pair_predictions(
    gold: Sequence[Document], pred: Sequence[Document], where: str = "predictions"
) -> tuple[list[Document], int]:
    """The predictions in gold order, and how many extra documents were ignored.

    >>> g = [Document.from_text("甲", id="a")]
    >>> pair_predictions(g, [Document.from_text("乙", id="a")], "p.jsonl")
    Traceback (most recent call last):
    ...
    econer.errors.EconerError: p.jsonl: document 'a' has another text than in the gold ...
    """
    by_id = {d.id: d for d in pred}
    paired = []
    for g in gold:
        p = by_id.get(g.id)
        if p is None:
            raise EconerError(f"lacks the gold document {g.id!r}", path=where)
        if p.text != g.text:
            pairs = enumerate(zip(g.text, p.text, strict=False))
            at = next((i for i, (a, b) in pairs if a != b), min(len(g.text), len(p.text)))
            raise EconerError(
                f"document {g.id!r} has another text than in the gold (first difference at "
                f"character {at})", path=where)
        paired.append(p)
    return paired, len(by_id) - len(gold)


def load_system(gold: Sequence[Document], path: str | Path) -> System:
    """Read a prediction file (and the run record beside it) and pair it with the gold."""
    docs, extra = pair_predictions(gold, list(read_documents(path)), str(path))
    try:
        run = read_run_info(path)
    except (ValueError, TypeError) as exc:
        raise EconerError(f"bad run record beside the predictions: {exc}", path=path) from None
    return System(docs=docs, path=str(path), run=run, extra_docs=extra)


def fingerprint(docs: Sequence[Document]) -> str:
    """A short hash of ids, texts and span keys: two scorecards compare only on equal gold.

    >>> fingerprint([]) == fingerprint([]) != fingerprint([Document.from_text("甲")])
    True
    """
    h = hashlib.sha256()
    for d in docs:
        h.update(json.dumps([d.id, d.text, [s.key for s in d.spans]], ensure_ascii=False)
                 .encode("utf-8"))
    return h.hexdigest()[:16]


def _throughput(run: RunInfo | None) -> dict[str, Any] | None:
    if run is None:
        return None
    return {
        "system": run.system,
        "version": run.version,
        "documents": run.documents,
        "chars": run.chars,
        "seconds": run.seconds,
        "chars_per_second": run.chars_per_second if run.seconds > 0 else None,
        "docs_per_second": run.documents / run.seconds if run.seconds > 0 else None,
    }


def score_system(
    gold: Sequence[Document],
    system: System,
    indices: Any,
    context: int = 20,
    labels: Sequence[str] = LABELS,
    gold_entities: Any = None,
) -> dict[str, Any]:
    """Every figure for one system: strict (with intervals), MUC-5, values, errors, speed."""
    pred = system.docs
    seq = seqeval_counts(gold, pred, labels, gold_entities)
    strict = score(seq)
    ci = bootstrap.intervals(bootstrap.count_array(gold, pred, labels), indices, labels)
    for label in labels:
        strict["per_label"][label]["ci"] = ci["per_label"][label]
    strict["micro"]["ci"] = ci["micro"]
    strict["macro"]["ci"] = ci["macro"]
    return {
        "predictions": system.path,
        "extra_documents_ignored": system.extra_docs,
        "spans": {lab: sum(1 for d in pred for s in d.spans if s.label == lab) for lab in labels},
        "strict": strict,
        # The span-set count must equal seqeval's; a False here is a bug to report.
        "seqeval_agrees_with_span_sets": seq == span_counts(gold, pred, labels),
        "muc": muc_scores(((g.spans, p.spans) for g, p in zip(gold, pred, strict=True)), labels),
        "values": value_accuracy(gold, pred),
        "errors": error_analysis(gold, pred, context, labels),
        "throughput": _throughput(system.run),
        **({"meta": system.meta} if system.meta else {}),
    }


def build_scorecard(
    gold: Sequence[Document],
    systems: Mapping[str, System],
    *,
    samples: int = 1000,
    seed: int = 0,
    context: int = 20,
    gold_path: str | None = None,
    labels: Sequence[str] = LABELS,
) -> dict[str, Any]:
    """The scorecard of ``systems`` on ``gold`` (systems keep their given order)."""
    if not systems:
        raise EconerError("no systems to score: give at least one --pred NAME=PATH")
    indices = bootstrap.resample(len(gold), samples, seed)
    gold_entities = None if any(len(d.text) > LONG for d in gold) else seqeval_entities(gold)
    arrays = {name: bootstrap.count_array(gold, s.docs, labels) for name, s in systems.items()}
    comparisons = [
        {"a": a, "b": b, **bootstrap.paired_test(arrays[a], arrays[b], indices, labels)}
        for a, b in combinations(systems, 2)
    ]
    return {
        "schema": SCHEMA,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "labels": list(labels),
        "gold": {
            "path": gold_path,
            "documents": len(gold),
            "chars": sum(len(d.text) for d in gold),
            "spans": {lab: sum(1 for d in gold for s in d.spans if s.label == lab)
                      for lab in labels},
            "fingerprint": fingerprint(gold),
        },
        "bootstrap": {"samples": samples, "seed": seed, "confidence": bootstrap.CONFIDENCE,
                      "unit": "document", "method": "percentile",
                      "min_documents": bootstrap.MIN_DOCUMENTS,
                      "intervals": bootstrap.enough_documents(len(gold))},
        "context": context,
        "systems": {
            name: score_system(gold, s, indices, context, labels, gold_entities)
            for name, s in systems.items()
        },
        "comparisons": comparisons,
    }


def check_schema(card: Any, where: str = "scorecard") -> dict[str, Any]:
    """The scorecard itself, or an ``EconerError`` if it is not one this version reads."""
    if not isinstance(card, dict) or "schema" not in card:
        raise EconerError("not a scorecard (no 'schema' field)", path=where)
    if card["schema"] != SCHEMA:
        raise EconerError(f"scorecard schema {card['schema']!r}, this econer reads {SCHEMA!r}",
                          path=where)
    return card
