"""The architecture as a test: an AST scan of every import, lazy ones inside functions too.

* the core (``econer/`` but its CLI) imports nothing from ``annotate``, ``models`` or
  ``eval``: they build on it, never the other way;
* ``annotate`` and ``models`` do not import each other (``eval`` may wrap both);
* nothing imports the CLI (``econer.cli``) but the CLI itself: it only wires libraries.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Installed name of each top-level folder (pyproject.toml's package-dir).
FOLDERS = {"econer": "econer", "annotate": "econer.annotate", "models": "econer.models",
           "eval": "econer.eval"}
FORBIDDEN = {
    "core": ("econer.annotate", "econer.models", "econer.eval", "econer.cli"),
    "econer.annotate": ("econer.models", "econer.cli"),
    "econer.models": ("econer.annotate", "econer.cli"),
    "econer.eval": ("econer.cli",),
}


def imports(path: Path) -> list[tuple[int, str]]:
    """``(line, module)`` for every import in a file; ``from econer import cli`` counts as
    ``econer.cli``."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
            out += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return out


def layer(path: Path, root: Path = REPO) -> str:
    """The layer a source file belongs to (its installed package, or ``core``)."""
    parts = path.relative_to(root).parts
    package = FOLDERS[parts[0]]
    if package == "econer":
        return "econer.cli" if parts[1] == "cli" else "core"
    return package


def sources() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (REPO / folder).rglob("*.py"))


def violations(path: Path, root: Path = REPO) -> list[str]:
    banned = FORBIDDEN.get(layer(path, root), ())
    return [f"{path.relative_to(root).as_posix()}:{line}: imports {module}"
            for line, module in imports(path)
            if any(module == b or module.startswith(b + ".") for b in banned)]


def test_the_scan_sees_every_layer() -> None:
    layers = {layer(p) for p in sources()}
    assert layers == {"core", "econer.cli", "econer.annotate", "econer.models", "econer.eval"}


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_no_import_crosses_a_layer_it_must_not(folder: str) -> None:
    found = [v for p in sources() if p.relative_to(REPO).parts[0] == folder
             for v in violations(p)]
    assert found == []


def test_the_scan_catches_lazy_imports(tmp_path: Path) -> None:
    """A deliberately bad core module, its imports hidden in a function, is caught."""
    bad = tmp_path / "econer" / "bad.py"
    bad.parent.mkdir()
    bad.write_text("def f():\n    from econer.models.train import train\n"
                   "    from econer import cli\n    import econer.eval.metrics\n"
                   "    from econer.spans import Span\n", encoding="utf-8")
    assert violations(bad, tmp_path) == [
        "econer/bad.py:2: imports econer.models.train",
        "econer/bad.py:2: imports econer.models.train.train",
        "econer/bad.py:3: imports econer.cli",
        "econer/bad.py:4: imports econer.eval.metrics"]
    models = tmp_path / "models" / "m.py"
    models.parent.mkdir()
    models.write_text("import econer.annotate.rules.ruler\n", encoding="utf-8")
    assert violations(models, tmp_path) == ["models/m.py:1: imports econer.annotate.rules.ruler"]
