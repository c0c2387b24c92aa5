"""Make a run folder fit to ship: paths in its records relative to the checkout.

A run records the files it read as absolute paths (true on the machine that trained it);
the shipped default model (``models/default/``) must not carry one machine's paths, so
``make model`` rewrites them relative to the checkout (``../shared/…`` for the shared data).

>>> portable_text('{"a": "/x/main/seeds/a.txt", "b": "/x/shared/c.jsonl", "c": "/x/shared"}',
...               Path("/x/main"))
'{"a": "seeds/a.txt", "b": "../shared/c.jsonl", "c": "../shared"}'
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from econer.jsonl import write_text

RECORDS = ("run.json", "config.resolved.yaml")


def portable_text(text: str, checkout: Path) -> str:
    """``text`` with the checkout's and its sibling ``shared/``'s absolute paths made relative."""
    shared = checkout.parent / "shared"
    text = re.sub(re.escape(str(shared)) + r"(?![\w.-])", "../shared", text)
    return text.replace(f"{checkout}/", "")


def make_portable(run_dir: Path, checkout: Path) -> None:
    for name in RECORDS:
        path = run_dir / name
        if path.is_file():
            write_text(path, portable_text(path.read_text(encoding="utf-8"), checkout))


if __name__ == "__main__":  # python -m econer.models.ship RUN_DIR (from the checkout)
    make_portable(Path(sys.argv[1]), Path.cwd().resolve())
