"""One real Label Studio server for the whole session (no mocks).

It runs from ``$ECONER_LABEL_STUDIO`` (``make test`` sets it), else ``.venv-ls``, on a free
127.0.0.1 port, with its data, HOME and XDG folders under pytest's temporary folder and
telemetry off. The first start of a fresh data folder migrates the database (a minute or
two); that happens once per session. If it cannot start, the tests fail with its log.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from econer.annotate.labelstudio.client import LabelStudioClient
from econer.annotate.labelstudio.server import LocalServer

from econer.errors import EconerError

_titles = itertools.count(1)


@pytest.fixture(scope="session")
def ls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    data = tmp_path_factory.mktemp("label-studio") / "data"
    try:
        server = LocalServer(data)
        server.start(timeout=900)
    except EconerError as exc:
        pytest.fail(f"Label Studio did not start: {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def ls_client(ls_server: LocalServer) -> LabelStudioClient:
    return LabelStudioClient(ls_server.url, ls_server.token)


@pytest.fixture()
def project_title(request: pytest.FixtureRequest) -> str:
    """A project title of this test's own, so tests never see each other's tasks."""
    return f"{request.node.name[:40]}-{next(_titles)}"


@pytest.fixture()
def ls_args(ls_server: LocalServer, project_title: str) -> list[str]:
    """The CLI options that point a command at the session's server and this test's project."""
    return ["--url", ls_server.url, "--token", ls_server.token, "--project", project_title]


def _browser_region(text: str, start: int, end: int, label: str, n: int = 0) -> dict[str, Any]:
    """A region as the Label Studio editor stores it: code-point offsets, and a text in which
    line breaks are written as a literal backslash-n."""
    return {
        "id": f"r{n}-{start}",
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "origin": "manual",
        "value": {"start": start, "end": end, "labels": [label],
                  "text": text[start:end].replace("\r", "").replace("\n", "\\n")},
    }


@pytest.fixture(scope="session")
def browser_region() -> Any:
    return _browser_region
