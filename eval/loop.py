"""Retraining in the loop: annotations from the backend's webhook → a background fine-tune of
a training config → the backend switches model only when the new run's dev F1 is not worse.

The backend (``annotate``) knows nothing of models, so this lives in ``eval``, which may use
both: :class:`Retrainer` is the backend's ``on_annotation`` hook. Every annotation event
carries its task and result, so the gold is built from the events alone: the backend needs
no Label Studio token. The gold is kept in ``WORKDIR/gold.jsonl`` (atomically; a restarted
backend resumes from it), each run in ``WORKDIR/run-N/``, and every decision in
``WORKDIR/retrain.jsonl``.

>>> event = {"action": "ANNOTATION_CREATED", "task": {"id": 7, "data": {"text": "增长5%",
...          "doc_id": "a"}}, "annotation": {"result": [{"type": "labels",
...          "value": {"start": 2, "end": 4, "labels": ["RATE"]}}]}}
>>> doc = gold_from_event(event)
>>> doc.id, [(s.text, s.label, s.source) for s in doc.spans]
('a', [('5%', 'RATE', 'gold')])
>>> gold_from_event({"action": "ANNOTATION_CREATED", "task": {"id": 8, "data": {"text": "x"}},
...                  "annotation": {"was_cancelled": True, "result": []}}) is None
True
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from econer.annotate.labelstudio.backend import Backend
from econer.annotate.labelstudio.tasks import task_document

from econer.errors import EconerError
from econer.jsonl import read_documents, write_documents
from econer.registry import System
from econer.scoring import strict_scores
from econer.spans import Document

log = logging.getLogger("econer.retrain")


def gold_from_event(event: Mapping[str, Any]) -> Document | None:
    """The gold document an annotation event describes; None for a skip or a non-annotation."""
    task, annotation = event.get("task"), event.get("annotation")
    if not isinstance(task, dict) or not isinstance(annotation, dict):
        return None
    if annotation.get("was_cancelled"):
        return None
    return task_document(task, annotation.get("result") or [], source="gold")


def dev_f1(system: System, dev: Sequence[Document]) -> float:
    """Strict micro F1 of ``system`` on the dev gold (0.0 when nothing is predicted or gold)."""
    predicted = list(system.predict([d.with_spans([]) for d in dev]))
    return float(strict_scores(dev, predicted)["micro"]["f1"] or 0.0)


def _train_run(config: Path, overrides: Mapping[str, Any], out: Path,
               docs: Sequence[Document]) -> System:
    from econer.eval.systems import RunSystem
    from econer.models.config import load_config
    from econer.models.train import train

    run_dir = train(load_config(config, overrides), out, train_docs=list(docs), dev_docs=[],
                    progress=False)
    return RunSystem(run_dir)


class Retrainer:
    """The backend's annotation hook: collect gold, retrain every ``every`` new annotations."""

    def __init__(self, backend: Backend, config: str | Path, workdir: str | Path,
                 dev: Sequence[Document], every: int = 20,
                 overrides: Mapping[str, Any] | None = None,
                 trainer: Callable[..., System] = _train_run) -> None:
        if not dev:
            raise EconerError("retraining needs dev gold to decide between models")
        if every < 1:
            raise EconerError("--retrain-every must be at least 1")
        self.backend, self.config, self.dev = backend, Path(config), list(dev)
        self.workdir, self.every = Path(workdir), every
        self.overrides = dict(overrides or {})
        self.trainer = trainer
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.gold_path = self.workdir / "gold.jsonl"
        self.gold: dict[str, Document] = (
            {d.id: d for d in read_documents(self.gold_path)} if self.gold_path.is_file() else {})
        self.new = 0
        self.runs = sum(1 for p in self.workdir.glob("run-*") if p.is_dir())
        self.thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def __call__(self, event: dict[str, Any]) -> None:
        doc = gold_from_event(event)
        if doc is None:
            return
        with self._lock:
            self.gold[doc.id] = doc
            self.new += 1
            write_documents(self.gold_path, list(self.gold.values()))
            if self.new < self.every or (self.thread is not None and self.thread.is_alive()):
                return
            self.new = 0
            self.runs += 1
            docs = list(self.gold.values())
            self.thread = threading.Thread(target=self._retrain, args=(docs, self.runs),
                                           name=f"retrain-{self.runs}", daemon=True)
            self.thread.start()

    def _retrain(self, docs: list[Document], n: int) -> None:
        started = time.time()
        record: dict[str, Any] = {"run": f"run-{n}", "documents": len(docs)}
        try:
            candidate = self.trainer(self.config, self.overrides, self.workdir / f"run-{n}",
                                     docs)
            current = self.backend.system
            old, new = dev_f1(current, self.dev), dev_f1(candidate, self.dev)
            switched = new >= old  # "not worse": the annotators' new gold decides ties
            if switched:
                self.backend.swap(candidate)
            record.update(old_version=current.version, old_f1=round(old, 4),
                          new_version=candidate.version, new_f1=round(new, 4),
                          switched=switched)
        except Exception as exc:  # a failed run must not stop the backend serving
            log.exception("retraining run-%d failed", n)
            record["error"] = f"{type(exc).__name__}: {exc}"
        record["seconds"] = round(time.time() - started, 1)
        log.info("retrain %s", json.dumps(record, ensure_ascii=False))
        with open(self.workdir / "retrain.jsonl", "a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the running retrain, if any (tests, and a clean shutdown)."""
        thread = self.thread
        if thread is not None:
            thread.join(timeout)
