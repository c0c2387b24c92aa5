"""Fixtures of the Label Studio tests; the session's server itself (``ls_server``,
``ls_client``) lives in ``tests/conftest.py``, shared with the browser tests."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from econer.annotate.labelstudio.server import LocalServer

_titles = itertools.count(1)


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
