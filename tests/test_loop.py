"""Retraining in the loop: webhook events → gold → a real (tiny) training run → switch or keep."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from econer.annotate.labelstudio.backend import Backend
from econer.annotate.labelstudio.ordering import paragraphs
from econer.annotate.labelstudio.tasks import task_payload
from econer.annotate.rules.ruler import load_rules
from econer.eval.loop import Retrainer, dev_f1

from econer.errors import EconerError
from econer.jsonl import read_documents
from econer.spans import Document

REPO = Path(__file__).resolve().parents[1]
TINY = REPO / "configs" / "train" / "tiny.yaml"


class Nothing:
    """A system that finds nothing: any trained run is not worse on the dev gold."""

    name, version = "nothing", "nothing-1"

    def predict(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield doc.with_spans([])


class Rules:
    name = "rules"

    def __init__(self) -> None:
        self.labeller = load_rules()
        self.version = self.labeller.version

    def predict(self, docs: Iterable[Document]) -> Iterator[Document]:
        yield from self.labeller.pipe(docs)


@pytest.fixture(scope="module")
def gold() -> list[Document]:
    docs = [p for d in read_documents(REPO / "seeds" / "gold" / "seeds.jsonl")
            for p in paragraphs(d) if p.spans]
    return docs[:24]


def _event(doc: Document, n: int) -> dict[str, Any]:
    task = {"id": n, **task_payload(doc, "gold")}
    result = task.pop("predictions")[0]["result"]
    return {"action": "ANNOTATION_CREATED", "task": task, "annotation": {"id": n,
                                                                        "result": result}}


@pytest.mark.slow
def test_a_run_that_is_not_worse_replaces_the_model(tmp_path: Path, gold: list[Document]
                                                    ) -> None:
    backend = Backend(Nothing())
    hook = Retrainer(backend, TINY, tmp_path, gold[20:], every=4,
                     overrides={"train.epochs": 1})
    backend.on_annotation = hook
    for n, doc in enumerate(gold[:3]):
        backend.webhook(_event(doc, n))
    assert hook.thread is None  # three of four: no run yet
    backend.webhook({"action": "ANNOTATION_CREATED", "task": {"id": 99, "data": {"text": "x"}},
                     "annotation": {"was_cancelled": True}})  # a skip is no gold
    assert hook.thread is None
    backend.webhook(_event(gold[3], 3))
    hook.wait(600)
    [record] = [json.loads(line) for line in (tmp_path / "retrain.jsonl").open()]
    assert "error" not in record, record
    assert record["documents"] == 4 and record["old_f1"] == 0.0 and record["switched"]
    assert backend.model_version == record["new_version"] != "nothing-1"
    assert (tmp_path / "run-1" / "run.json").is_file()
    assert [d.id for d in read_documents(tmp_path / "gold.jsonl")] == [d.id for d in gold[:4]]
    # The switched model serves predictions (valid spans over each text).
    answer = backend.predict({"tasks": [{"id": 1, "data": {"text": gold[0].text}}]})
    assert answer["results"][0]["model_version"] == record["new_version"]

    # A restarted backend resumes from the collected gold and numbers runs on.
    again = Retrainer(Backend(Nothing()), TINY, tmp_path, gold[20:], every=1)
    assert len(again.gold) == 4 and again.runs == 1


@pytest.mark.slow
def test_a_worse_run_keeps_the_model(tmp_path: Path, gold: list[Document]) -> None:
    rules = Rules()
    backend = Backend(rules)
    assert dev_f1(rules, gold[20:]) > 0.5
    hook = Retrainer(backend, TINY, tmp_path, gold[20:], every=2,
                     overrides={"train.epochs": 1})
    backend.on_annotation = hook
    for n, doc in enumerate(gold[:2]):
        backend.webhook(_event(doc, n))
    hook.wait(600)
    [record] = [json.loads(line) for line in (tmp_path / "retrain.jsonl").open()]
    assert record["switched"] is False and record["new_f1"] < record["old_f1"]
    assert backend.system is rules


def test_retraining_needs_dev_gold(tmp_path: Path) -> None:
    with pytest.raises(EconerError, match="dev gold"):
        Retrainer(Backend(Nothing()), TINY, tmp_path, [])
