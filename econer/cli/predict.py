"""``econer predict``: placeholder until its issue lands."""

from __future__ import annotations

import typer

from econer.errors import EconerError


def predict(args: list[str] = typer.Argument(None)) -> None:
    """Not built yet."""
    raise EconerError("predict is not built yet")
