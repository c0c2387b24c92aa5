"""Model in the loop against a real Label Studio and a real `econer ls backend` process.

The backend runs as its own process group on a free 127.0.0.1 port and is killed on every
path; the server is the session's (see conftest.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from econer.annotate.labelstudio.client import LabelStudioClient
from econer.annotate.labelstudio.connect import VIEW_TITLE
from econer.annotate.labelstudio.ordering import paragraphs
from econer.annotate.labelstudio.server import LocalServer, free_port
from econer.annotate.labelstudio.tasks import task_doc_id
from econer.annotate.rules.ruler import load_rules

from econer.cli import run
from econer.ingest import iter_documents
from econer.jsonl import read_documents, write_documents

pytestmark = pytest.mark.labelstudio

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def _backend_process(log: Path, *options: str) -> Iterator[str]:
    """A real `econer ls backend` process on a free port: its URL; killed on every path."""
    port = free_port()
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", "from econer.cli import main; main()", "ls", "backend",
             "--port", str(port), *options],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, cwd=REPO)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            with (contextlib.suppress(OSError),
                  urllib.request.urlopen(f"{url}/health", timeout=2) as response):
                if response.status == 200:
                    break
            assert time.monotonic() < deadline, f"backend did not answer:\n{log.read_text()}"
            time.sleep(0.2)
        yield url
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """``(url, folder)`` of a running rules backend that retrains the tiny config on each
    annotation (its log is ``backend.log``, its work in ``loop/``)."""
    folder = tmp_path_factory.mktemp("backend")
    dev = [p for d in read_documents(SEEDS / "gold" / "seeds.jsonl") for p in paragraphs(d)
           if p.spans][:6]
    write_documents(folder / "dev.jsonl", dev)
    with _backend_process(folder / "backend.log", "--retrain", "configs/train/tiny.yaml",
                          "--dev", str(folder / "dev.jsonl"), "--retrain-every", "1",
                          "--set", "train.epochs=1", "--workdir", str(folder / "loop")) as url:
        yield url, folder


def _predict(url: str, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    body = json.dumps({"tasks": tasks}).encode()
    request = urllib.request.Request(f"{url}/predict", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return list(json.loads(response.read())["results"])


def _tasks(client: LabelStudioClient, title: str) -> dict[str, dict[str, Any]]:
    return {task_doc_id(t): t for t in client.export_tasks(client.project(title))}


def test_server_asks_the_backend_for_predictions(
        ls_server: LocalServer, ls_client: LabelStudioClient, ls_args: list[str],
        project_title: str, backend: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    url, folder = backend
    log = folder / "backend.log"
    labeller = load_rules()
    expected = {d.id: labeller(d) for d in iter_documents([SEEDS])}
    # Plain texts: tasks without predictions; the backend is to supply them.
    assert run(["ls", "push", str(SEEDS), *ls_args]) == 0
    assert all(not t.get("predictions") for t in _tasks(ls_client, project_title).values())

    assert run(["ls", "connect", "--backend", url, *ls_args]) == 0
    out = capsys.readouterr().out
    assert f"backend {url} connected" in out and labeller.version in out
    assert f"5 of 5 tasks have predictions of {labeller.version}" in out

    tasks = _tasks(ls_client, project_title)
    assert set(tasks) == set(expected)
    # What the backend answers for the same tasks, asked directly: the server must hold
    # exactly that (the rules' spans, compared with a labeller loaded here below).
    direct = _predict(url, list(tasks.values()))
    for (doc_id, task), answer in zip(tasks.items(), direct, strict=True):
        doc = expected[doc_id]
        [prediction] = task["predictions"]
        assert prediction["model_version"] == labeller.version == answer["model_version"]
        regions = prediction["result"]
        assert regions == answer["result"] and prediction["score"] == answer["score"]
        assert all(task["data"]["text"][r["value"]["start"]:r["value"]["end"]]
                   == r["value"]["text"] == doc.text[r["value"]["start"]:r["value"]["end"]]
                   for r in regions)
        assert {r["value"]["labels"][0] for r in regions} <= {"COMPANY", "PARK", "AMOUNT",
                                                              "RATE"}
        assert all(0 < r["score"] <= 1 and r["econer_source"].startswith("rules:")
                   for r in regions)
        # Offsets and labels as the rules give them (up to the rules changing under a
        # running backend in a shared working tree: most spans must agree).
        mine = {(s.start, s.end, s.label) for s in doc.spans}
        theirs = {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
                  for r in regions}
        assert len(mine & theirs) >= 0.9 * max(len(mine), len(theirs))
    project = ls_client.sdk.projects.get(ls_client.project(project_title))
    assert project.model_version == labeller.version

    # Connecting again reuses the backend; predictions of this version are not asked twice.
    assert run(["ls", "connect", "--backend", url, *ls_args]) == 0
    assert f"backend {url} updated" in capsys.readouterr().out
    assert all(len(t["predictions"]) == 1 for t in _tasks(ls_client, project_title).values())

    # The annotation webhook reaches the backend; the server's token never shows in its log.
    task_id = next(iter(tasks.values()))["id"]
    ls_client.annotate(task_id, [])
    deadline = time.monotonic() + 30
    while "POST /webhook" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.3)
    text = log.read_text()
    assert "POST /webhook" in text and "POST /setup" in text and "POST /predict" in text
    assert ls_server.token not in text
    # The annotation started a background run of the tiny config; on the dev gold it is worse
    # than the rules, so the backend keeps serving the rules.
    decisions = folder / "loop" / "retrain.jsonl"
    deadline = time.monotonic() + 300
    while not decisions.is_file() and time.monotonic() < deadline:
        time.sleep(0.5)
    [record] = [json.loads(line) for line in decisions.open()]
    assert record["documents"] == 1 and "error" not in record, record
    assert record["switched"] is False and record["old_version"] == labeller.version
    with urllib.request.urlopen(f"{url}/health", timeout=5) as response:
        assert json.loads(response.read())["model_version"] == labeller.version
    assert ls_server.token not in log.read_text()

    # Another backend takes the project's place (the server asks only the first one).
    with _backend_process(folder / "other.log") as other:
        assert run(["ls", "connect", "--backend", other, "--no-fetch", *ls_args]) == 0
        assert f"connected in place of {url}" in capsys.readouterr().out
        backends = ls_client.sdk.ml.list(project=ls_client.project(project_title))
        assert [b.url for b in backends] == [other]


def test_rank_orders_the_queue_and_status_simulates(
        ls_server: LocalServer, ls_client: LabelStudioClient, ls_args: list[str],
        project_title: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["ls", "push", str(SEEDS), "--rules", *ls_args]) == 0
    assert run(["ls", "rank", *ls_args]) == 0
    out = capsys.readouterr().out
    assert "5 tasks updated, 0 unchanged" in out and VIEW_TITLE in out
    project_id = ls_client.project(project_title)
    tasks = _tasks(ls_client, project_title)
    priorities = {t["id"]: t["data"]["econer_priority"] for t in tasks.values()}
    assert all(0 <= p <= 1 for p in priorities.values()) and len(set(priorities.values())) > 1
    # The saved tab lists tasks most uncertain first.
    [view] = [v for v in ls_client.sdk.views.list(project=project_id)
              if (v.data or {}).get("title") == VIEW_TITLE]
    listed = [t.id for t in ls_client.sdk.tasks.list(project=project_id, view=view.id)]
    assert [priorities[i] for i in listed] == sorted(priorities.values(), reverse=True)
    # ... and the labelling stream opened from that tab serves the most uncertain task first.
    request = urllib.request.Request(
        f"{ls_client.url}/api/projects/{project_id}/next/?view={view.id}",
        headers={"Authorization": f"Token {ls_server.token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        first = json.loads(response.read())["id"]
    assert priorities[first] == max(priorities.values())

    assert run(["ls", "rank", *ls_args]) == 0  # idempotent
    assert "0 tasks updated, 5 unchanged" in capsys.readouterr().out

    # Annotate two tasks (the gold: the rules' spans minus the first one), then status
    # replays each ordering over them.
    for task in list(tasks.values())[:2]:
        result = [dict(r, origin="manual") for r in task["predictions"][0]["result"][1:]]
        ls_client.annotate(task["id"], result)
    assert run(["ls", "status", *ls_args]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()
            if line.split() and line.split()[0] in ("import", "doubt", "priority", "oracle")}
    assert set(rows) == {"import", "doubt", "priority", "oracle"}
    assert all(len(cells) == 3 and all(float(c) <= 2 for c in cells) for cells in rows.values())
    assert "2 pre-label errors (spurious + missed spans) in 2 documents" in out
