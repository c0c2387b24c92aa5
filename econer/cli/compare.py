"""``econer compare``: what changed between scorecards, per label."""

from __future__ import annotations

from pathlib import Path

import typer

from econer.errors import EconerError


def compare(
    scorecards: list[Path] = typer.Argument(
        ..., help="Scorecard folders (or their scorecard.json); the first is the baseline."),
    out: Path | None = typer.Option(None, "--out", "-o",
                                    help="Also write the comparison as Markdown here."),
    json_out: Path | None = typer.Option(None, "--json", help="Also write it as JSON here."),
    fail_on_worse: bool = typer.Option(
        False, "--fail-on-worse",
        help="Exit 1 when a figure fell below the baseline's interval (for CI jobs)."),
) -> None:
    """Compare scorecards: per-label strict F1 deltas against the first (the baseline),
    flagging a change where the new F1 falls outside the baseline's 95% bootstrap interval.

    Systems are matched by name; two scorecards of one system each are compared whatever
    the names. Scorecards on different gold are compared with a warning.

    Examples:

      econer compare card-main/ card-branch/

      econer compare card-v1/ card-v2/ card-v3/ --out changes.md

      econer compare base/scorecard.json new/ --fail-on-worse
    """
    import json

    from rich.console import Console
    from rich.table import Table

    from econer.eval.compare import compare_cards, render_markdown
    from econer.eval.output import read_scorecard

    if len(scorecards) < 2:
        raise EconerError("give at least two scorecards to compare (the first is the baseline)")
    from econer.outputs import Outputs, guard

    guard(scorecards, [("--out", out), ("--json", json_out)])
    cards = [read_scorecard(path) for path in scorecards]
    # Name each scorecard by its folder: "card/scorecard.json" reads as "card".
    names = [str(p.parent if p.name == "scorecard.json" else p) for p in scorecards]
    diff = compare_cards(cards, names)

    console = Console()
    for warning in diff["warnings"]:
        console.print(f"[yellow]warning:[/] {warning}")
    for p in diff["pairs"]:
        title = p["base_system"] if p["base_system"] == p["new_system"] else (
            f"{p['base_system']} → {p['new_system']}")
        table = Table(title=f"{title}: {p['base']} → {p['new']} (strict F1)")
        for col in ("F1", "base", "new", "Δ", "base 95% CI", "change"):
            table.add_column(col, justify="left" if col in ("F1", "change") else "right")
        for r in p["rows"]:
            ci = "–" if not r["base_ci"] else f"{r['base_ci'][0]:.3f}–{r['base_ci'][1]:.3f}"
            flag = {"better": "[green]▲ beyond CI[/]", "worse": "[red]▼ beyond CI[/]"}.get(
                r["flag"], "")
            table.add_row(
                r["key"],
                "–" if r["base"] is None else f"{r['base']:.3f}",
                "–" if r["new"] is None else f"{r['new']:.3f}",
                "–" if r["delta"] is None else f"{r['delta']:+.3f}",
                ci, flag)
        console.print(table)
    console.print(f"{diff['flagged']} change(s) beyond the baseline's interval "
                  f"({diff['worse']} worse)")
    with Outputs() as files:  # both or neither
        if out is not None:
            files.write_text(out, render_markdown(diff))
        if json_out is not None:
            files.write_text(json_out, json.dumps(diff, ensure_ascii=False, indent=1) + "\n")
    if fail_on_worse and diff["worse"]:
        # econer.cli.run turns click's Exit into the exit code (typer's own Exit is lost there).
        import click

        raise click.exceptions.Exit(1)
