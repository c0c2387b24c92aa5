"""What a Label Studio project holds: tasks, annotated tasks, predictions by model version.

>>> tasks = [{"id": 1, "data": {"doc_id": "a"}, "predictions": [{"model_version": "v1"}],
...           "annotations": [{"was_cancelled": False}]},
...          {"id": 2, "data": {"doc_id": "a"}, "predictions": [{"model_version": "v1"},
...           {"model_version": "v2"}], "annotations": [{"was_cancelled": True}]}]
>>> s = project_status(tasks)
>>> s.tasks, s.annotated, s.annotations, s.skipped, s.predictions, s.duplicate_tasks
(2, 1, 1, 1, {'v1': 2, 'v2': 1}, 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from econer.annotate.labelstudio.tasks import task_doc_id


@dataclass
class ProjectStatus:
    tasks: int = 0
    annotated: int = 0  # tasks with at least one submitted annotation
    annotations: int = 0
    skipped: int = 0
    predictions: dict[str, int] = field(default_factory=dict)
    duplicate_tasks: int = 0  # tasks whose document id an older task already holds
    annotators: dict[str, int] = field(default_factory=dict)

    def describe(self, title: str) -> str:
        lines = [f"project {title!r}: {self.tasks} tasks, {self.annotated} annotated "
                 f"({self.annotations} annotations, {self.skipped} skipped)"]
        for version, count in sorted(self.predictions.items()):
            lines.append(f"  predictions {version}: {count}")
        for name, count in sorted(self.annotators.items()):
            lines.append(f"  annotator {name}: {count}")
        if self.duplicate_tasks:
            lines.append(f"  warning: {self.duplicate_tasks} tasks repeat a document id")
        return "\n".join(lines)


def project_status(tasks: Iterable[dict[str, Any]]) -> ProjectStatus:
    """Count what the exported ``tasks`` hold."""
    status = ProjectStatus()
    versions: Counter[str] = Counter()
    annotators: Counter[str] = Counter()
    seen: set[str] = set()
    for task in tasks:
        status.tasks += 1
        doc_id = task_doc_id(task)
        if doc_id is not None:
            status.duplicate_tasks += doc_id in seen
            seen.add(doc_id)
        done = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        status.annotations += len(done)
        status.skipped += len(task.get("annotations") or []) - len(done)
        status.annotated += bool(done)
        for ann in done:
            user = ann.get("completed_by")
            if user is not None:
                annotators[str(user.get("email") if isinstance(user, dict) else user)] += 1
        versions.update(str(p.get("model_version")) for p in task.get("predictions") or []
                        if isinstance(p, dict))
    status.predictions = dict(sorted(versions.items()))
    status.annotators = dict(sorted(annotators.items()))
    return status
