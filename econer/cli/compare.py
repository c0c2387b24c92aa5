"""``econer compare``: placeholder until its issue lands."""

from __future__ import annotations

import typer

from econer.errors import EconerError


def compare(args: list[str] = typer.Argument(None)) -> None:
    """Not built yet."""
    raise EconerError("compare is not built yet")
