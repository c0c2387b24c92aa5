"""The ``econer`` command line: a thin shell over library functions.

One command per module (Prodigy-recipe style); this package only assembles them and turns
:class:`~econer.errors.EconerError` into one line on stderr and exit code 2. Heavy imports
(torch, transformers, the Label Studio client) happen inside the commands, so ``--help``
stays fast.
"""

from __future__ import annotations

import sys

import typer

from econer.cli import (
    compare,
    curve,
    devfreeze,
    devsample,
    devset,
    evaluate,
    gold,
    ls,
    predict,
    prelabel,
    pretrain,
    rules,
    silver,
    train,
)
from econer.cli.common import CLICK_ABORT, CLICK_ERROR, CLICK_EXIT, received, stop_signals
from econer.errors import EconerError, Interrupted

app = typer.Typer(
    name="econer",
    help=(
        "Find COMPANY, PARK, AMOUNT and RATE in Chinese economic text: pre-label with rules, "
        "correct in Label Studio, train a BERT tagger, and score everything on the same gold.\n\n"
        "Start with:  econer prelabel seeds/ --out prelabels.jsonl --explain"
    ),
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
app.command("prelabel")(prelabel.prelabel)
app.add_typer(rules.app, name="rules")
app.add_typer(ls.app, name="ls")
app.add_typer(gold.app, name="gold")
gold.app.command("devset")(devset.devset)
gold.app.command("devset-sample")(devsample.devset_sample)
gold.app.command("devset-freeze")(devfreeze.devset_freeze)
app.command("silver")(silver.silver)
app.command("train")(train.train)
app.command("pretrain")(pretrain.pretrain)
app.command("predict")(predict.predict)
app.command("learning-curve")(curve.learning_curve)
app.command("eval")(evaluate.evaluate)
app.command("compare")(compare.compare)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("econer")
    except PackageNotFoundError:  # a source tree that was never installed
        return "unknown"


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    show_version: bool = typer.Option(False, "--version", help="Print the version and exit.",
                                      is_eager=True),
) -> None:
    if show_version:
        print(f"econer {_version()}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        print(ctx.get_help())
        raise typer.Exit(2)  # as click's no_args_is_help: a usage error


def run(argv: list[str] | None = None) -> int:
    """Run the CLI on ``argv`` and return its exit code (what tests call).

    Every failure ends as one line on stderr (usage errors: the usage and one line) and
    exit code 2; a stop signal unwinds (temporary files removed) and gives 128 + signal.
    """
    with stop_signals():
        try:
            code = app(args=argv, prog_name="econer", standalone_mode=False)
        except EconerError as exc:
            print(f"econer: error: {exc}", file=sys.stderr)
            return 2
        except CLICK_EXIT as exc:
            return exc.exit_code  # type: ignore[attr-defined]
        except CLICK_ERROR as exc:
            exc.show()  # type: ignore[attr-defined]
            return exc.exit_code  # type: ignore[attr-defined]
        except CLICK_ABORT:
            print("econer: aborted", file=sys.stderr)
            return 1
        except Interrupted as exc:
            print("econer: stopped by a signal", file=sys.stderr)
            return exc.exit_code
        except KeyboardInterrupt:
            print("econer: interrupted", file=sys.stderr)
            return 130
        except OSError as exc:  # a file-system error no command foresaw: still one line
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"econer: error: {where}{exc.strerror or exc}", file=sys.stderr)
            return 2
    # typer turns a KeyboardInterrupt (Ctrl-C, or a stop signal) inside a command into 130.
    if code == 130:
        if received.signum is None:
            print("econer: interrupted", file=sys.stderr)
            return 130
        print("econer: stopped by a signal", file=sys.stderr)
        return 128 + received.signum
    # Without standalone mode click returns a command's `typer.Exit(n)` code instead of exiting.
    return code if isinstance(code, int) else 0


def main() -> None:
    sys.exit(run())
