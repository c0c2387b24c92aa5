"""``econer gold devset-freeze GOLD --out eval/devsets/NAME.jsonl``: ship gold without text."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def devset_freeze(
    gold: Path = typer.Argument(..., help="Annotated paragraphs, as devset-sample drew them."),
    out: Path = typer.Option(..., "--out", "-o", help="The references to write, usually "
                             "eval/devsets/NAME.jsonl."),
    shared: Path = typer.Option(Path("../shared"), "--shared", envvar="ECONER_SHARED",
                                help="The shared folder that holds corpus/."),
) -> None:
    """Turn annotated paragraphs into a devset: offsets, labels and a SHA-1, no text.

    Each paragraph is checked against the corpus (its text must hash as the corpus line it
    names), so `econer gold devset NAME` rebuilds exactly what was annotated. Check the gold
    first with `econer gold check`.

    Example:

      econer gold devset-freeze draw-test.gold.jsonl --out eval/devsets/news-test13.jsonl
    """
    from econer.errors import EconerError
    from econer.eval.devsample import freeze
    from econer.jsonl import atomic_open, read_documents

    if out.resolve() == gold.resolve():
        raise EconerError(f"{out}: --out is the input; never write over it")
    refs = freeze(read_documents(gold, gold=True), shared / "corpus", gold)
    with atomic_open(out) as handle:
        for ref in refs:
            handle.write(json.dumps(ref, ensure_ascii=False) + "\n")
    typer.echo(f"wrote {len(refs)} references to {out}")
