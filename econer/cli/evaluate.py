"""``econer evaluate``: placeholder until its issue lands."""

from __future__ import annotations

import typer

from econer.errors import EconerError


def evaluate(args: list[str] = typer.Argument(None)) -> None:
    """Not built yet."""
    raise EconerError("evaluate is not built yet")
