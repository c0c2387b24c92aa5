"""Server-side calls of the model-in-the-loop: connect a backend, write priorities, a saved view.

These sit beside :class:`~econer.annotate.labelstudio.client.LabelStudioClient` (and use its
error translation) rather than in it: they serve ``econer ls connect`` and ``econer ls rank``
only.

>>> priority_updates([{"id": 3, "data": {"text": "x", "doc_id": "a", "econer_priority": 0.1}}],
...                  {"a": {"econer_priority": 0.5}})
[(3, {'text': 'x', 'doc_id': 'a', 'econer_priority': 0.5})]
>>> priority_updates([{"id": 3, "data": {"text": "x", "doc_id": "a", "econer_priority": 0.5}}],
...                  {"a": {"econer_priority": 0.5}})
[]
>>> priority_updates([{"id": 3, "data": {"text": "x", "doc_id": "a", "econer_priority": 0.5,
...                                      "econer_disagreement": 0.2}}],
...                  {"a": {"econer_priority": 0.5}})
[(3, {'text': 'x', 'doc_id': 'a', 'econer_priority': 0.5})]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from econer.annotate.labelstudio.client import LabelStudioClient
from econer.annotate.labelstudio.ordering import FIELD_PREFIX, PRIORITY_FIELD
from econer.annotate.labelstudio.tasks import task_doc_id

from econer.errors import EconerError

VIEW_TITLE = "econer: most uncertain first"
PREDICT_BATCH = 100  # tasks a retrieval call: long news at rules speed stay far below 100 s


@dataclass(frozen=True)
class Connection:
    backend_id: int
    model_version: str
    previous_url: str | None  # None: a new backend was registered
    state: str


def pick_backend(backends: Sequence[tuple[int, str]], url: str) -> tuple[int | None, str | None]:
    """Which registered backend to point at ``url``: ``(its id or None to create one, the URL
    it had)``. Label Studio asks only a project's first backend (the lowest id) for
    predictions, so that one is re-pointed rather than another added behind it.

    >>> pick_backend([], "http://127.0.0.1:9090")
    (None, None)
    >>> pick_backend([(4, "http://127.0.0.1:9091/"), (2, "http://127.0.0.1:9090")],
    ...              "http://127.0.0.1:9090")
    (2, 'http://127.0.0.1:9090')
    """
    if not backends:
        return None, None
    first = min(backends)
    return first[0], first[1].rstrip("/")


def connect_backend(client: LabelStudioClient, project_id: int, url: str,
                    interactive: bool = False) -> Connection:
    """Make the ML backend at ``url`` the project's (re-pointing the backend it had, if any),
    make its predictions the ones annotators see, and fetch them when a task is opened.

    Label Studio calls the backend's ``/health`` and ``/setup`` while registering, so a
    backend that is down or refuses the project's config fails here with its reason. The
    backend's title is its model version: the server shows a project's predictions of the
    version the project names, and asks a live backend only when that name is its title.
    """
    url = url.rstrip("/")
    with client.call(f"listing the ML backends of project {project_id}"):
        known = [(int(b.id), str(b.url or "")) for b in client.sdk.ml.list(project=project_id)]
    backend_id, previous = pick_backend(known, url)
    doing = f"connecting the ML backend at {url} to project {project_id}"
    with client.call(doing):
        if backend_id is not None:
            backend = client.sdk.ml.update(backend_id, url=url, project=project_id,
                                           is_interactive=interactive)
        else:
            backend = client.sdk.ml.create(project=project_id, url=url, title="econer",
                                           is_interactive=interactive)
        backend = client.sdk.ml.get(backend.id)  # its state after health and setup
    if not backend.model_version:
        raise EconerError(f"{doing}: the backend gave no model version (state "
                          f"{backend.readable_state}: {backend.error_message or 'no message'})")
    version = str(backend.model_version)
    if backend.title != version:
        with client.call(doing):
            # The server re-checks the whole backend on every update: url and project too.
            client.sdk.ml.update(backend.id, url=url, project=project_id, title=version)
    with client.call(f"updating project {project_id}"):
        client.sdk.projects.update(project_id, model_version=version,
                                   show_collab_predictions=True,
                                   evaluate_predictions_automatically=True)
    return Connection(int(backend.id), version, previous, str(backend.readable_state or ""))


def missing_predictions(tasks: Sequence[dict[str, Any]], version: str) -> list[int]:
    """Ids of the tasks without a prediction of ``version``, in id order (pure).

    >>> missing_predictions([{"id": 2, "predictions": [{"model_version": "v1"}]},
    ...                      {"id": 1, "predictions": []}], "v1")
    [1]
    """
    return sorted(int(t["id"]) for t in tasks
                  if not any(p.get("model_version") == version
                             for p in t.get("predictions") or [] if isinstance(p, dict)))


def retrieve_predictions(client: LabelStudioClient, project_id: int, version: str,
                         batch: int = PREDICT_BATCH, progress: Any = None) -> tuple[int, int]:
    """Ask the server to fetch the connected backend's predictions for every task that has
    none of ``version`` yet, ``batch`` tasks a call (the server gives the backend 100 s a
    call); returns ``(tasks with one now, tasks)``."""
    missing = missing_predictions(client.export_tasks(project_id), version)
    for start in range(0, len(missing), batch):
        ids = missing[start : start + batch]
        with client.call(f"retrieving predictions of {len(ids)} tasks of project {project_id}"):
            client.sdk.actions.create(id="retrieve_tasks_predictions", project=project_id,
                                      selected_items={"all": False, "included": ids})
        if progress is not None:
            progress(start + len(ids), len(missing))
    tasks = client.export_tasks(project_id)
    return len(tasks) - len(missing_predictions(tasks, version)), len(tasks)


def priority_updates(tasks: Sequence[dict[str, Any]],
                     fields: Mapping[str, Mapping[str, float]]) -> list[tuple[int, dict[str, Any]]]:
    """``(task id, new data)`` for each task whose ordering fields change (pure)."""
    out = []
    for task in tasks:
        doc_id = task_doc_id(task)
        if doc_id is None or doc_id not in fields:
            continue
        data = dict(task.get("data") or {})
        # Fields of an earlier ranking go: a signal not computed now must not linger.
        kept = {k: v for k, v in data.items() if not k.startswith(FIELD_PREFIX)}
        new = {**kept, **fields[doc_id]}
        if new != data:
            out.append((int(task["id"]), new))
    return out


def write_task_data(client: LabelStudioClient, updates: Sequence[tuple[int, dict[str, Any]]],
                    progress: Any = None, workers: int = 1) -> int:
    """Replace each task's data: one call a task (the API has no bulk update of task data),
    ``workers`` calls at a time. The first failure stops the rest and is raised."""
    from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

    def one(task_id: int, data: dict[str, Any]) -> None:
        with client.call(f"updating task {task_id}"):
            client.sdk.tasks.update(id=str(task_id), data=data)

    done = 0
    with ThreadPoolExecutor(max(1, workers)) as pool:
        pending = {pool.submit(one, task_id, data) for task_id, data in updates}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in finished:
                if future.exception() is not None:
                    for rest in pending:
                        rest.cancel()
                    raise future.exception()  # type: ignore[misc]
            done += len(finished)
            if progress is not None:
                progress(done)
    return done


def ensure_view(client: LabelStudioClient, project_id: int, title: str = VIEW_TITLE,
                field: str = PRIORITY_FIELD) -> int:
    """A saved data-manager tab sorting tasks by ``field``, highest first; returns its id."""
    data = {"title": title, "type": "list", "target": "tasks",
            "ordering": [f"-tasks:data.{field}"],
            "filters": {"conjunction": "and", "items": []}}
    with client.call(f"saving the view {title!r} of project {project_id}"):
        for view in client.sdk.views.list(project=project_id):
            if (view.data or {}).get("title") == title:
                client.sdk.views.update(view.id, data=data, project=project_id)
                return int(view.id)
        return int(client.sdk.views.create(project=project_id, data=data).id)
