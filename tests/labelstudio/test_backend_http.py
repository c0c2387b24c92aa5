"""The ML backend's HTTP protocol, served in this process on a free 127.0.0.1 port."""

from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from econer.annotate.labelstudio.backend import Backend, make_server
from econer.annotate.labelstudio.config import labelling_config
from econer.annotate.rules.ruler import load_rules

from econer.spans import Document

TEXT = "重庆长安汽车股份有限公司总投资近170亿元，同比增长8.24%"


class Rules:
    """The rule labeller as a system (the CLI builds systems; the backend is handed one)."""

    name = "rules"

    def __init__(self) -> None:
        self.labeller = load_rules()
        self.version = self.labeller.version

    def predict(self, docs: Any) -> Iterator[Document]:
        yield from self.labeller.pipe(docs)


@pytest.fixture()
def served() -> Iterator[tuple[str, Backend]]:
    seen: list[dict[str, Any]] = []
    backend = Backend(Rules(), on_annotation=seen.append)
    server = make_server(backend, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", backend
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def _call(url: str, body: Any = None) -> tuple[int, dict[str, Any]]:
    data = None if body is None else (body if isinstance(body, bytes)
                                      else json.dumps(body).encode())
    request = urllib.request.Request(url, data=data,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_health_setup_predict(served: tuple[str, Backend]) -> None:
    url, backend = served
    version = backend.model_version
    assert version.startswith("rules-")
    assert _call(f"{url}/health") == (200, {"status": "UP", "model_class": "econer:rules",
                                            "model_version": version})
    assert _call(f"{url}/setup", {"project": "1.1", "schema": labelling_config(),
                                  "access_token": "x" * 40}) == (200, {"model_version": version})
    tasks = [{"id": 11, "data": {"text": TEXT, "doc_id": "a"}},
             {"id": 12, "data": {"text": "无实体的一句话"}}]
    status, answer = _call(f"{url}/predict", {"tasks": tasks, "project": "1.1"})
    assert status == 200
    first, second = answer["results"]
    expected = load_rules()(Document.from_text(TEXT, id="a"))
    assert [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
            for r in first["result"]] == [(s.start, s.end, s.label) for s in expected.spans]
    assert [r["score"] for r in first["result"]] == [round(s.score, 4) for s in expected.spans]
    assert all(TEXT[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
               for r in first["result"])
    assert first["model_version"] == second["model_version"] == version
    assert first["score"] == min(r["score"] for r in first["result"])
    assert second["result"] == [] and second["score"] == 1.0


def test_bad_requests_are_one_line_errors(served: tuple[str, Backend]) -> None:
    url, _ = served
    assert _call(f"{url}/predict", {"tasks": [{"id": 3, "data": {"image": "x"}}]}) == (
        400, {"error": "task 3: its data has no string 'text'"})
    assert _call(f"{url}/predict", b"{not json")[0] == 400
    assert _call(f"{url}/predict", {"nothing": 1}) == (400, {"error": "the request has no list "
                                                            "of 'tasks'"})
    bad = labelling_config().replace('value="RATE"', 'value="PERCENT"')
    status, answer = _call(f"{url}/setup", {"schema": bad})
    assert status == 400 and "RATE" in answer["error"]
    assert _call(f"{url}/nowhere")[0] == 404
    assert _call(f"{url}/health")[0] == 200  # still serving


def test_webhook_counts_events_and_calls_the_hook(served: tuple[str, Backend]) -> None:
    url, backend = served
    event = {"action": "ANNOTATION_CREATED", "annotation": {"id": 1}, "task": {"id": 2}}
    assert _call(f"{url}/webhook", event) == (200, {"status": "ok",
                                                    "action": "ANNOTATION_CREATED"})
    assert _call(f"{url}/webhook", {"action": "PROJECT_UPDATED"})[0] == 200
    assert backend.events == {"ANNOTATION_CREATED": 1, "PROJECT_UPDATED": 1}
    hook = backend.on_annotation
    assert hook is not None and hook.__self__ == [event]  # type: ignore[attr-defined]


def test_the_setup_token_is_never_logged(served: tuple[str, Backend],
                                         caplog: pytest.LogCaptureFixture) -> None:
    url, _ = served
    token = "f00dfeed" * 5
    with caplog.at_level(logging.DEBUG):
        _call(f"{url}/setup", {"schema": labelling_config(), "access_token": token})
        _call(f"{url}/setup", {"schema": "<View/>", "access_token": token})  # an error path
    assert caplog.records and all(token not in r.getMessage() for r in caplog.records)
    assert any("/setup" in r.getMessage() for r in caplog.records)
