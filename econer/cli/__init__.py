"""The ``econer`` command line: a thin shell over library functions.

One command per module (Prodigy-recipe style); this package only assembles them and turns
:class:`~econer.errors.EconerError` into one line on stderr and exit code 2. Heavy imports
(torch, transformers, the Label Studio client) happen inside the commands, so ``--help``
stays fast.
"""

from __future__ import annotations

import sys

import click
import typer

from econer.cli import (
    compare,
    devset,
    evaluate,
    gold,
    ls,
    predict,
    prelabel,
    rules,
    silver,
    train,
)
from econer.errors import EconerError

app = typer.Typer(
    name="econer",
    help=(
        "Find COMPANY, PARK, AMOUNT and RATE in Chinese economic text: pre-label with rules, "
        "correct in Label Studio, train a BERT tagger, and score everything on the same gold.\n\n"
        "Start with:  econer prelabel seeds/ --out prelabels.jsonl --explain"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
app.command("prelabel")(prelabel.prelabel)
app.add_typer(rules.app, name="rules")
app.add_typer(ls.app, name="ls")
app.add_typer(gold.app, name="gold")
gold.app.command("devset")(devset.devset)
app.command("silver")(silver.silver)
app.command("train")(train.train)
app.command("predict")(predict.predict)
app.command("eval")(evaluate.evaluate)
app.command("compare")(compare.compare)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI on ``argv`` and return its exit code (what tests call)."""
    try:
        code = app(args=argv, prog_name="econer", standalone_mode=False)
    except EconerError as exc:
        print(f"econer: error: {exc}", file=sys.stderr)
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        print("econer: aborted", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("econer: interrupted", file=sys.stderr)
        return 130
    # Without standalone mode click returns a command's `typer.Exit(n)` code instead of exiting.
    return code if isinstance(code, int) else 0


def main() -> None:
    sys.exit(run())
