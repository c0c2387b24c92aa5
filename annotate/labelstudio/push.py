"""Pushing documents and their pre-labels to a Label Studio project, idempotently.

The server duplicates tasks on every import, so econer matches on the document id kept in
the task data: a document already there is not imported again, and its prediction is added
only when the task has none of this model version yet (a changed pre-labeller is a new
version). :func:`plan_push` decides all of that from one export of the project, purely;
:func:`push` then makes at most a few bulk calls.

>>> from econer.spans import Document, Span
>>> doc = Document.from_text("增长41%", id="a").with_spans([Span.at("增长41%", 2, 5, "RATE")])
>>> plan = plan_push([doc], [], "rules:v1")
>>> len(plan.new_tasks), plan.new_predictions, plan.predictions, plan.unchanged
(1, [], 1, 0)
>>> there = [{"id": 3, "data": {"text": "增长41%", "doc_id": "a"},
...           "predictions": [{"model_version": "rules:v1", "result": []}]}]
>>> plan_push([doc], there, "rules:v1").unchanged
1
>>> [p["task"] for p in plan_push([doc], there, "rules:v2").new_predictions]
[3]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from econer.annotate.labelstudio.client import LabelStudioClient
from econer.annotate.labelstudio.tasks import prediction, task_doc_id, task_payload

from econer.errors import EconerError
from econer.spans import Document


@dataclass
class PushPlan:
    new_tasks: list[dict[str, Any]] = field(default_factory=list)
    new_predictions: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def predictions(self) -> int:
        """Predictions this plan stores: those added to existing tasks and those imported
        inside new tasks (a first push stores its predictions that way)."""
        inline = sum(len(task.get("predictions") or []) for task in self.new_tasks)
        return len(self.new_predictions) + inline


@dataclass(frozen=True)
class PushReport:
    project_id: int
    project_created: bool
    tasks_created: int
    predictions_added: int
    unchanged: int
    model_version: str | None


def index_tasks(tasks: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Tasks by document id; where the server holds duplicates, the oldest task wins."""
    index: dict[str, dict[str, Any]] = {}
    for task in sorted(tasks, key=lambda t: int(t.get("id") or 0)):
        doc_id = task_doc_id(task)
        if doc_id is not None:
            index.setdefault(doc_id, task)
    return index


def _versions(task: dict[str, Any]) -> set[str]:
    return {str(p.get("model_version")) for p in task.get("predictions") or []
            if isinstance(p, dict)}


def plan_push(docs: Iterable[Document], existing: Sequence[dict[str, Any]],
              model_version: str | None) -> PushPlan:
    """What to create so that the project holds ``docs`` with ``model_version``'s predictions.

    Raises ``EconerError`` for a document whose text differs from its task's (annotations
    made on the old text would no longer fit) or an id given twice.
    """
    index = index_tasks(existing)
    plan = PushPlan()
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            raise EconerError(f"document {doc.id!r} is given twice")
        seen.add(doc.id)
        task = index.get(doc.id)
        if task is None:
            plan.new_tasks.append(task_payload(doc, model_version))
            continue
        if (task.get("data") or {}).get("text") != doc.text:
            raise EconerError(f"document {doc.id!r}: its text differs from the text of task "
                              f"{task.get('id')} already in the project; give the changed "
                              "document a new id")
        if model_version is None or model_version in _versions(task):
            plan.unchanged += 1
        else:
            plan.new_predictions.append({"task": task["id"], **prediction(doc, model_version)})
    return plan


def push(client: LabelStudioClient, title: str, docs: Sequence[Document],
         model_version: str | None, instructions: str | None = None) -> PushReport:
    """Put ``docs`` (pre-labelled by ``model_version``) into the project titled ``title``."""
    project_id, created = client.ensure_project(title, instructions)
    existing = [] if created else client.export_tasks(project_id)
    plan = plan_push(docs, existing, model_version)
    made = client.import_tasks(project_id, plan.new_tasks) if plan.new_tasks else 0
    added = (client.import_predictions(project_id, plan.new_predictions)
             if plan.new_predictions else 0)
    if made:  # the new tasks carried their predictions in
        added += plan.predictions - len(plan.new_predictions)
    if model_version is not None and (made or added):
        client.set_model_version(project_id, model_version)
    return PushReport(project_id, created, made, added, plan.unchanged, model_version)
