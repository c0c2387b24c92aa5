"""A thin wrapper of the label-studio-sdk 2.x client: the calls econer makes, and one-line errors.

Every call goes through :func:`translate_errors`, which turns connection failures, HTTP
errors and non-JSON answers into an ``EconerError`` naming the server and what to check.
Task payloads stay plain dicts: the snapshot export and the bulk import are single calls
whatever the number of tasks, and dicts avoid building thousands of SDK models.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator, Sequence
from typing import Any

from econer.annotate.labelstudio.config import config_problems, labelling_config

from econer.errors import EconerError
from econer.labels import LABELS

DEFAULT_URL = "http://127.0.0.1:8080"
IMPORT_BATCH = 5000  # tasks per import call: ~9 s each on a laptop, far below the 200 MB cap


def _detail(body: Any) -> str:
    if isinstance(body, dict):
        for key in ("detail", "validation_errors", "error"):
            if body.get(key):
                return str(body[key])
    text = " ".join(str(body or "").split())
    if text.startswith("<"):
        return "an HTML page, not the API"
    return text[:200]


@contextlib.contextmanager
def translate_errors(url: str, doing: str) -> Iterator[None]:
    """Turn what the SDK and httpx raise into one ``EconerError`` line about ``url``.

    >>> with translate_errors("http://127.0.0.1:1", "listing projects"):
    ...     raise ConnectionRefusedError()
    Traceback (most recent call last):
    ...
    econer.errors.EconerError: Label Studio at http://127.0.0.1:1: cannot connect while listing ...
    """
    import httpx
    from label_studio_sdk.core.api_error import ApiError

    where = f"Label Studio at {url}"
    try:
        yield
    except EconerError:
        raise
    except (httpx.ConnectError, ConnectionRefusedError):
        raise EconerError(f"{where}: cannot connect while {doing} (is it running? start one "
                          "with `econer ls serve`)") from None
    except httpx.TimeoutException:
        raise EconerError(f"{where}: timed out while {doing}") from None
    except httpx.HTTPError as exc:
        raise EconerError(f"{where}: {type(exc).__name__} while {doing}: {exc}") from None
    except ApiError as exc:
        status = exc.status_code
        if status in (401, 403):
            raise EconerError(f"{where} rejected the API token while {doing} (HTTP {status}); "
                              "copy the token `econer ls serve` printed, or the one under "
                              "Account & Settings") from None
        if status == 404:
            raise EconerError(f"{where}: not found while {doing} (HTTP 404: "
                              f"{_detail(exc.body)}); is the URL right?") from None
        raise EconerError(f"{where}: HTTP {status} while {doing}: {_detail(exc.body)}") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise EconerError(f"{where}: the answer is not JSON while {doing}; is that URL a "
                          "Label Studio server?") from None


class LabelStudioClient:
    """The operations push, pull and status need, over one SDK client."""

    def __init__(self, url: str, token: str, timeout: float = 300.0):
        from label_studio_sdk import LabelStudio

        if not token:
            raise EconerError("no Label Studio API token: pass --token or set "
                              "LABEL_STUDIO_API_KEY")
        self.url = url.rstrip("/")
        self.sdk = LabelStudio(base_url=self.url, api_key=token, timeout=timeout, max_retries=0)

    def call(self, doing: str) -> contextlib.AbstractContextManager[None]:
        return translate_errors(self.url, doing)

    def check(self) -> str:
        """The user the token belongs to; fails clearly on a wrong URL or token."""
        with self.call("checking the API token"):
            user = self.sdk.users.whoami()
        return str(user.email or user.username or user.id)

    # Projects -----------------------------------------------------------------------------

    def find_project(self, title: str) -> int | None:
        """The id of the oldest project titled ``title``, or None."""
        with self.call("listing projects"):
            ids = [p.id for p in self.sdk.projects.list(title=title) if p.title == title]
        return min(ids) if ids else None

    def project(self, title: str) -> int:
        project_id = self.find_project(title)
        if project_id is None:
            raise EconerError(f"Label Studio at {self.url} has no project titled {title!r}")
        return project_id

    def ensure_project(self, title: str, instructions: str | None = None) -> tuple[int, bool]:
        """``(project id, created)``: the project titled ``title``, created if missing.

        An existing project must offer every label: annotations made without one would be
        silently incomplete.
        """
        project_id = self.find_project(title)
        if project_id is not None:
            self.check_config(project_id)
            return project_id, False
        params: dict[str, Any] = {"title": title, "label_config": labelling_config()}
        if instructions:
            params.update(expert_instruction=instructions, show_instruction=True)
        with self.call(f"creating the project {title!r}"):
            project = self.sdk.projects.create(**params)
        return int(project.id), True

    def check_config(self, project_id: int, labels: Sequence[str] = LABELS) -> None:
        with self.call(f"reading project {project_id}"):
            config = self.sdk.projects.get(project_id).label_config or ""
        problems = config_problems(config, labels)
        if problems:
            raise EconerError(f"Label Studio project {project_id}: its labelling config does "
                              f"not fit econer: {'; '.join(problems)} (fix it, or push to a "
                              "new project)")

    def set_model_version(self, project_id: int, version: str) -> None:
        """Show ``version``'s predictions to annotators as pre-annotations."""
        with self.call(f"updating project {project_id}"):
            self.sdk.projects.update(project_id, model_version=version,
                                     show_collab_predictions=True)

    # Tasks -------------------------------------------------------------------------------

    def task_count(self, project_id: int) -> int:
        with self.call(f"reading project {project_id}"):
            return int(self.sdk.projects.get(project_id).task_number or 0)

    def export_tasks(self, project_id: int, annotated_only: bool = False,
                     timeout: float = 600.0) -> list[dict[str, Any]]:
        """The project's tasks (every one, or those with annotations) with their annotations
        and full predictions, in one snapshot export."""
        sdk = self.sdk.projects.exports
        with self.call(f"exporting project {project_id}"):
            snapshot = sdk.create(
                project_id, title="econer",
                serialization_options={"predictions": {"only_id": False},
                                       "annotations__completed_by": {"only_id": False}},
                task_filter_options={"only_with_annotations": annotated_only},
            )
            deadline = time.monotonic() + timeout
            delay = 0.05
            while snapshot.status not in ("completed", "failed"):
                if time.monotonic() > deadline:
                    raise EconerError(f"Label Studio at {self.url}: export of project "
                                      f"{project_id} still {snapshot.status} after {timeout:.0f} s")
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
                snapshot = sdk.get(project_id, snapshot.id)
            if snapshot.status == "failed":
                raise EconerError(f"Label Studio at {self.url}: export of project {project_id} "
                                  "failed on the server")
            raw = b"".join(sdk.download(project_id, snapshot.id, export_type="JSON"))
            sdk.delete(project_id, snapshot.id)
            tasks = json.loads(raw)
        if not isinstance(tasks, list):
            raise EconerError(f"Label Studio at {self.url}: the export is not a list of tasks")
        return tasks

    def import_tasks(self, project_id: int, tasks: Sequence[dict[str, Any]]) -> int:
        """Create ``tasks`` (with their predictions) in batches; returns how many were made."""
        made = 0
        for i in range(0, len(tasks), IMPORT_BATCH):
            batch = list(tasks[i : i + IMPORT_BATCH])
            with self.call(f"importing {len(batch)} tasks into project {project_id}"):
                answer = self.sdk.projects.import_tasks(project_id, request=batch)
            made += int(answer.task_count or 0)
        return made

    def import_predictions(self, project_id: int, predictions: Sequence[dict[str, Any]]) -> int:
        """Add predictions (each naming its ``task``) in batches; returns how many were made."""
        made = 0
        for i in range(0, len(predictions), IMPORT_BATCH):
            batch = list(predictions[i : i + IMPORT_BATCH])
            with self.call(f"importing {len(batch)} predictions into project {project_id}"):
                answer = self.sdk.projects.import_predictions(project_id, request=batch)
            made += int(getattr(answer, "created", None) or len(batch))
        return made

    # Acting as an annotator (tests, scripted review) ---------------------------------------

    def annotate(self, task_id: int, result: list[dict[str, Any]],
                 user_id: int | None = None) -> int:
        """Submit an annotation of ``task_id`` (as ``user_id`` when given); returns its id."""
        params: dict[str, Any] = {"result": result}
        if user_id is not None:
            params["completed_by"] = user_id
        with self.call(f"annotating task {task_id}"):
            return int(self.sdk.annotations.create(id=task_id, **params).id)

    def user(self, email: str) -> int:
        """The id of the user ``email``, created when missing."""
        with self.call("listing users"):
            for user in self.sdk.users.list():
                if user.email == email:
                    return int(user.id)
            return int(self.sdk.users.create(email=email, username=email.split("@")[0]).id)
