"""A Label Studio ML backend for any econer system, on the standard library's HTTP server.

Label Studio talks to an ML backend over a small JSON protocol (``label_studio/ml/
api_connector.py`` of the pinned server): ``GET /health``, ``POST /setup`` (on connect and
before every batch of predictions; it answers the model version), ``POST /predict``
(``{"tasks": [...]}`` in, ``{"results": [one prediction per task]}`` out) and ``POST
/webhook`` (annotation events). The ``label-studio-ml`` package on PyPI (1.0.9) pins Flask
1.1.2, Werkzeug 2.0.2 and Jinja2 3.0.3, which would downgrade the training venv, and
predates ``/setup``; four JSON routes do not need a framework, so this module serves them
with :mod:`http.server`.

The backend is *handed* a :class:`econer.registry.System` (the CLI builds it by name), so
this module knows nothing of rules, models or the hybrid. A prediction is exactly what
``econer ls push`` writes (:func:`econer.annotate.labelstudio.tasks.prediction`): per-span
scores, the rule or model in ``econer_source``, the system's version as ``model_version``.

``/setup`` carries the project owner's API token; it is never kept, printed or logged: the
request log holds the method, path and status only.

>>> from econer.annotate.labelstudio.config import labelling_config
>>> from econer.spans import Span
>>> class Upper:
...     name, version = "demo", "demo-1"
...     def predict(self, docs):
...         for d in docs:
...             yield d.with_spans([Span.at(d.text, 2, 5, "RATE", score=0.8, source="demo")])
>>> backend = Backend(Upper())
>>> backend.setup({"schema": labelling_config(), "access_token": "secret"})
{'model_version': 'demo-1'}
>>> task = {"id": 4, "data": {"text": "增长41%", "doc_id": "a"}}
>>> [answer] = backend.predict({"tasks": [task]})["results"]
>>> answer["model_version"], answer["score"], answer["result"][0]["value"]
('demo-1', 0.8, {'start': 2, 'end': 5, 'text': '41%', 'labels': ['RATE']})
>>> backend.predict({"tasks": [{"id": 5, "data": {}}]})
Traceback (most recent call last):
...
econer.errors.EconerError: task 5: its data has no string 'text'
"""

from __future__ import annotations

import json
import logging
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from econer.annotate.labelstudio.config import config_problems
from econer.annotate.labelstudio.tasks import prediction, task_document

from econer.errors import EconerError
from econer.registry import System

log = logging.getLogger("econer.backend")

MAX_BODY = 64 * 1024 * 1024  # a predict batch of a few thousand tasks; anything larger is refused

# Webhook actions that mean "the gold changed" (what a retraining hook listens to).
ANNOTATION_ACTIONS = frozenset({"ANNOTATION_CREATED", "ANNOTATION_UPDATED", "ANNOTATIONS_DELETED",
                                "START_TRAINING"})


@dataclass
class Backend:
    """The protocol's logic, without HTTP: setup, predict, webhook over one system.

    ``on_annotation`` (optional) is called with each annotation event's payload, in the
    request thread; it must return quickly (start background work, do not do it).
    """

    system: System
    on_annotation: Callable[[dict[str, Any]], None] | None = None
    events: Counter[str] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def model_version(self) -> str:
        return str(self.system.version)

    def health(self) -> dict[str, Any]:
        return {"status": "UP", "model_class": f"econer:{self.system.name}",
                "model_version": self.model_version}

    def setup(self, body: dict[str, Any]) -> dict[str, Any]:
        """Check the project's labelling config fits; answer the model version.

        The body's ``access_token`` is deliberately ignored: the backend needs nothing from
        the server, so it holds no credentials.
        """
        schema = body.get("schema")
        if isinstance(schema, str) and schema.strip():
            problems = config_problems(schema)
            if problems:
                raise EconerError("the project's labelling config does not fit econer: "
                                  + "; ".join(problems))
        return {"model_version": self.model_version}

    def predict(self, body: dict[str, Any]) -> dict[str, Any]:
        """One prediction per task, in the order of ``body["tasks"]``."""
        tasks = body.get("tasks")
        if not isinstance(tasks, list):
            raise EconerError("the request has no list of 'tasks'")
        docs = [task_document(task) for task in tasks]  # raises naming the task
        with self._lock:  # a model need not be thread-safe; one batch at a time
            predicted = list(self.system.predict(docs))
        if [d.id for d in predicted] != [d.id for d in docs]:
            raise EconerError(f"system {self.system.name!r} did not return the documents it "
                              "was given, in order")
        return {"results": [prediction(doc, self.model_version) for doc in predicted],
                "model_version": self.model_version}

    def webhook(self, body: dict[str, Any]) -> dict[str, Any]:
        action = str(body.get("action") or "")
        self.events[action] += 1
        if action in ANNOTATION_ACTIONS and self.on_annotation is not None:
            self.on_annotation(body)
        return {"status": "ok", "action": action}

    def swap(self, system: System) -> None:
        """Serve ``system`` from the next batch on (a retrained model, say)."""
        with self._lock:
            self.system = system

    def versions(self) -> dict[str, Any]:
        return {"versions": [self.model_version]}


def _handler(backend: Backend) -> type[BaseHTTPRequestHandler]:
    routes_get: dict[str, Callable[[], dict[str, Any]]] = {
        "/": backend.health, "/health": backend.health, "/versions": backend.versions}
    routes_post: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
        "/setup": backend.setup, "/predict": backend.predict, "/webhook": backend.webhook,
        "/versions": lambda body: backend.versions()}

    class Handler(BaseHTTPRequestHandler):
        server_version = "econer-backend"
        protocol_version = "HTTP/1.1"

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _path(self) -> str:
            return self.path.split("?", 1)[0].rstrip("/") or "/"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            route = routes_get.get(self._path())
            if route is None:
                self._send(404, {"error": f"no route {self._path()}"})
                return
            self._send(200, route())

        def do_POST(self) -> None:  # noqa: N802
            route = routes_post.get(self._path())
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._send(413, {"error": f"request body over {MAX_BODY} bytes"})
                self.close_connection = True
                return
            raw = self.rfile.read(length) if length else b""
            if route is None:
                self._send(404, {"error": f"no route {self._path()}"})
                return
            try:
                body = json.loads(raw or b"{}")
                if not isinstance(body, dict):
                    raise EconerError("the request body is not a JSON object")
                self._send(200, route(body))
            except (ValueError, EconerError) as exc:
                message = exc.message if isinstance(exc, EconerError) else f"bad JSON: {exc}"
                log.warning("%s %s: %s", self.command, self._path(), message)
                self._send(400, {"error": message})
            except Exception as exc:  # one bad batch must not stop the backend
                log.exception("%s %s failed", self.command, self._path())
                self._send(500, {"error": f"{type(exc).__name__}: {exc}"})

        def log_message(self, format: str, *args: Any) -> None:
            # http.server logs the request line only (never headers or bodies: /setup's body
            # holds a token); route it to logging rather than raw stderr.
            log.info("%s %s", self.address_string(), format % args)

    return Handler


def make_server(backend: Backend, host: str = "127.0.0.1", port: int = 9090) -> ThreadingHTTPServer:
    """A bound, not yet serving, HTTP server for ``backend`` (``port=0`` picks a free one)."""
    try:
        server = ThreadingHTTPServer((host, port), _handler(backend))
    except OSError as exc:
        raise EconerError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    server.daemon_threads = True
    return server

