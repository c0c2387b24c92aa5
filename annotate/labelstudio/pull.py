"""Pulling annotations back as gold: choose, convert, verify, and compare with the pre-labels.

From one export of the project, each task's submitted (not skipped) annotations are
grouped by annotator, keeping each annotator's latest. Gold takes the latest annotation of
the task, or that of one named annotator. Every span is verified against the task text
(:func:`econer.annotate.labelstudio.tasks.result_spans`), so a bad region stops the pull before any
file is written. The annotation is compared with the prediction the annotator saw: the one
it was made from, else the newest prediction created before it.

>>> task = {"id": 1, "data": {"text": "增长41%", "doc_id": "a"}, "predictions": [
...     {"id": 5, "model_version": "v1", "created_at": "2026-01-01T00:00:00Z", "result": [
...         {"type": "labels", "value": {"start": 2, "end": 4, "labels": ["RATE"]},
...          "econer_source": "rules:rate"}]}],
...     "annotations": [{"id": 9, "completed_by": {"id": 2, "email": "ann@x"},
...         "created_at": "2026-01-02T00:00:00Z", "updated_at": "2026-01-02T00:00:00Z",
...         "was_cancelled": False,
...         "result": [{"type": "labels", "value": {"start": 2, "end": 5, "labels": ["RATE"]}}]}]}
>>> result = pull_tasks([task])
>>> [(s.text, s.source) for s in result.gold[0].spans]
[('41%', 'gold')]
>>> result.changes.totals()["rebounded"], result.annotated, result.unannotated
(1, 1, 0)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from econer.annotate.gold.agreement import span_agreement
from econer.annotate.labelstudio.changes import ChangeReport, compare_spans
from econer.annotate.labelstudio.tasks import result_spans, task_document

from econer.errors import EconerError
from econer.spans import Document

Scores = dict[str, dict[str, float]]


def annotator(annotation: dict[str, Any]) -> str:
    """Who made an annotation: the email when the export expanded the user, else the id."""
    user = annotation.get("completed_by")
    if isinstance(user, dict):
        return str(user.get("email") or user.get("id"))
    return str(user)


def _when(item: dict[str, Any]) -> tuple[str, int]:
    return (str(item.get("updated_at") or item.get("created_at") or ""), int(item.get("id") or 0))


def latest_by_annotator(task: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each annotator's latest submitted annotation of ``task`` (skips are not annotations)."""
    latest: dict[str, dict[str, Any]] = {}
    for ann in sorted(task.get("annotations") or [], key=_when):
        if isinstance(ann, dict) and not ann.get("was_cancelled"):
            latest[annotator(ann)] = ann
    return latest


def shown_prediction(task: dict[str, Any], ann: dict[str, Any]) -> dict[str, Any] | None:
    """The prediction the annotator most likely started from (None when the task has none)."""
    preds = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    parent = ann.get("parent_prediction")
    for pred in preds:
        if parent is not None and pred.get("id") == parent:
            return pred
    made = str(ann.get("created_at") or "")
    before = [p for p in preds if str(p.get("created_at") or "") <= made]
    pool = before or preds
    return max(pool, key=lambda p: (str(p.get("created_at") or ""), int(p.get("id") or 0)),
               default=None)


@dataclass
class PullResult:
    gold: list[Document] = field(default_factory=list)
    changes: ChangeReport = field(default_factory=ChangeReport)
    agreement: dict[tuple[str, str], Scores] = field(default_factory=dict)
    annotated: int = 0
    unannotated: int = 0
    annotators: dict[str, int] = field(default_factory=dict)  # tasks annotated by each


def _doc(task: dict[str, Any], ann: dict[str, Any]) -> Document:
    try:
        return task_document(task, ann.get("result"), source="gold", annotation={
            "task": task.get("id"), "id": ann.get("id"), "annotator": annotator(ann),
            "updated_at": ann.get("updated_at")})
    except EconerError as exc:
        raise EconerError(f"{exc.message} (annotation {ann.get('id')} by "
                          f"{annotator(ann)})") from None


def pull_tasks(tasks: Iterable[dict[str, Any]], annotator_name: str | None = None) -> PullResult:
    """Gold, change report and agreement from exported ``tasks`` (pure: no I/O)."""
    result = PullResult()
    per_annotator: dict[str, dict[str, Document]] = {}
    for task in sorted(tasks, key=lambda t: int(t.get("id") or 0)):
        latest = latest_by_annotator(task)
        for name, ann in latest.items():
            per_annotator.setdefault(name, {})[str(task.get("id"))] = _doc(task, ann)
        if annotator_name is not None:
            latest = {k: v for k, v in latest.items() if k == annotator_name}
        if not latest:
            result.unannotated += 1
            continue
        ann = max(latest.values(), key=_when)
        gold = per_annotator[annotator(ann)][str(task.get("id"))]
        result.gold.append(gold)
        result.annotated += 1
        pred = shown_prediction(task, ann)
        if pred is not None:
            try:
                predicted = result_spans(gold.text, pred.get("result") or [])
            except EconerError as exc:
                raise EconerError(f"task {task.get('id')}: prediction {pred.get('id')}: "
                                  f"{exc.message}") from None
            result.changes.add(compare_spans(predicted, gold.spans))
    result.annotators = {name: len(docs) for name, docs in sorted(per_annotator.items())}
    result.agreement = pairwise_agreement(per_annotator)
    dupes = _duplicate_ids(result.gold)
    if dupes:
        raise EconerError(f"the project holds several annotated tasks of document {dupes[0]!r}"
                          f" ({len(dupes)} such documents); delete the duplicate tasks")
    return result


def _duplicate_ids(docs: Sequence[Document]) -> list[str]:
    seen: set[str] = set()
    dupes = []
    for doc in docs:
        if doc.id in seen:
            dupes.append(doc.id)
        seen.add(doc.id)
    return dupes


def pairwise_agreement(per_annotator: dict[str, dict[str, Document]]) -> dict[tuple[str, str],
                                                                                Scores]:
    """Span agreement (per label and micro F1) of each pair of annotators on the tasks both did.

    >>> from econer.spans import Document, Span
    >>> a = Document.from_text("华为", id="x").with_spans([Span.at("华为", 0, 2, "COMPANY")])
    >>> b = Document.from_text("华为", id="x")
    >>> scores = pairwise_agreement({"ann1": {"1": a}, "ann2": {"1": b}, "ann3": {"2": b}})
    >>> list(scores), scores[("ann1", "ann2")]["micro"]["f1"]
    ([('ann1', 'ann2')], 0.0)
    """
    scores: dict[tuple[str, str], Scores] = {}
    for first, second in itertools.combinations(sorted(per_annotator), 2):
        shared = sorted(set(per_annotator[first]) & set(per_annotator[second]))
        if shared:
            scores[(first, second)] = span_agreement(
                [per_annotator[first][t] for t in shared],
                [per_annotator[second][t] for t in shared])
    return scores
