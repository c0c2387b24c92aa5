"""Run the doctest examples of every econer module (they are the API's first docs)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys

import pytest

PACKAGES = [
    "econer", "econer.cli", "econer.datasets", "econer.annotate", "econer.annotate.rules",
    "econer.annotate.gold", "econer.annotate.labelstudio", "econer.annotate.weak", "econer.models",
    "econer.eval", "econer.eval.bench",
]


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        module = importlib.import_module(package)
        names.append(package)
        for info in pkgutil.iter_modules(module.__path__):
            names.append(f"{package}.{info.name}")
    return sorted(set(names))


@pytest.mark.parametrize("name", _modules())
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"


def test_namespace_is_econer_only(tmp_path) -> None:
    """The folders install as econer.annotate/models/eval, never as top-level packages."""
    code = (
        "import importlib.util as u, econer.annotate, econer.models, econer.eval;"
        "print([t for t in ('annotate', 'models', 'eval') if u.find_spec(t)])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"
