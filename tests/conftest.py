"""Shared fixtures: the repository, ../shared beside it, and the seeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
