"""``econer prelabel``: rule pre-labels for documents (filled in by the rules issue)."""

from __future__ import annotations

from pathlib import Path

import typer

from econer.errors import EconerError


def prelabel(
    inputs: list[Path] = typer.Argument(..., help="Text files, folders of them, or .jsonl."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the span JSON lines."),
) -> None:
    """Pre-label documents with the rules."""
    from econer.ingest import iter_documents

    list(iter_documents(inputs))
    raise EconerError("prelabel is not built yet")
