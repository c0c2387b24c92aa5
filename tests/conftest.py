"""Shared fixtures: the repository, ../shared beside it, the seeds, the rule labeller (loaded
once for the rules' test modules), and one real Label Studio
server for the whole session (no mocks), used by tests/labelstudio/ and tests/browser/.

The server runs from ``$ECONER_LABEL_STUDIO`` (``make test`` sets it), else ``.venv-ls``, on a
free 127.0.0.1 port, with its data, HOME and XDG folders under pytest's temporary folder and
telemetry off. The first start of a fresh data folder migrates the database (a minute or
two); that happens once per session, and only when a test asks for it. If it cannot start,
the tests fail with its log.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from econer.annotate.labelstudio.client import LabelStudioClient
from econer.annotate.labelstudio.server import LocalServer

from econer.errors import EconerError

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ECONER_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing beside the checkout (looked at {SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted((REPO / "seeds").glob("*.txt"))
    assert len(paths) == 5
    return paths


@pytest.fixture(scope="session")
def labeller():  # noqa: ANN201 - a RuleLabeller; read-only once loaded
    from econer.annotate.rules.ruler import load_rules

    return load_rules()


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
