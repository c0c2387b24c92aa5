"""``econer train``: placeholder until its issue lands."""

from __future__ import annotations

import typer

from econer.errors import EconerError


def train(args: list[str] = typer.Argument(None)) -> None:
    """Not built yet."""
    raise EconerError("train is not built yet")
