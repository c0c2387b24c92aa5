"""``econer gold ...``: check gold before accepting it, count it, and measure agreement."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(
    help="Check, count and compare gold span files (JSON lines).\n\n"
         "Start with:  econer gold check seeds/gold/",
    no_args_is_help=True,
)


@app.command("check")
def check(
    inputs: list[Path] = typer.Argument(..., help="Gold .jsonl files, or folders of them."),
    checks: Path | None = typer.Option(None, "--checks",
                                       help="Mechanical rules (default configs/gold/checks.yaml)."),
    exceptions: Path | None = typer.Option(
        None, "--exceptions", help="Documented exceptions (default configs/gold/exceptions.yaml)."),
) -> None:
    """Check gold: offsets, labels, overlaps, the standard's mechanical rules, consistency.

    Prints each problem as
    FILE:LINE: doc ID span START-END LABEL 'TEXT': PROBLEM
    and exits with 2 if there is any; otherwise prints the spans per label.

    Consistency is checked across all the files together: a string labelled
    in one place must be labelled the same way everywhere (and not be left
    unlabelled), unless configs/gold/exceptions.yaml says why. A folder
    means the .jsonl files directly inside it (not seeds/gold/passes/).

    Examples:

      econer gold check seeds/gold/

      econer gold check new-batch.jsonl seeds/gold/seeds.jsonl

      econer gold check new-batch.jsonl --exceptions my-exceptions.yaml
    """
    from econer.annotate.gold.check import check_gold, load_check_rules, load_waivers
    from econer.errors import EconerError
    from econer.labels import LABELS

    report = check_gold(inputs, load_check_rules(checks), load_waivers(exceptions))
    for problem in report.problems:
        typer.echo(str(problem))
    if report.problems:
        raise EconerError(f"{len(report.problems)} problem(s) in "
                          f"{len(report.files)} file(s); gold not accepted")
    counts = report.label_counts()
    per_label = ", ".join(f"{label} {counts[label]}" for label in LABELS)
    typer.echo(f"ok: {len(report.docs)} documents in {len(report.files)} file(s), "
               f"{sum(counts.values())} spans ({per_label})")


@app.command("stats")
def stats(
    inputs: list[Path] = typer.Argument(..., help="Gold .jsonl files, or folders of them."),
) -> None:
    """Spans per document and label, as a Markdown table (what the gold README shows).

    Examples:

      econer gold stats seeds/gold/

      econer gold stats seeds/gold/passes/pass-a.jsonl
    """
    from econer.annotate.gold.check import gold_files
    from econer.annotate.gold.stats import format_counts
    from econer.jsonl import read_documents

    docs = [doc for path in gold_files(inputs) for doc in read_documents(path)]
    typer.echo(format_counts(docs))


@app.command("agree")
def agree(
    first: Path = typer.Argument(..., help="The reference annotation (pass A), .jsonl."),
    second: Path = typer.Argument(..., help="The other annotation (pass B), .jsonl."),
    show: bool = typer.Option(False, "--show", help="Also list every disagreeing span."),
) -> None:
    """Per-label strict span agreement (precision, recall, F1) of SECOND against FIRST.

    Documents are paired by id; a span agrees only with the same start,
    end and label.

    Examples:

      econer gold agree seeds/gold/passes/pass-a.jsonl seeds/gold/passes/pass-b.jsonl

      econer gold agree seeds/gold/seeds.jsonl prelabels.jsonl --show
    """
    from econer.annotate.gold.agreement import disagreements, format_agreement, span_agreement
    from econer.jsonl import read_documents

    a, b = list(read_documents(first)), list(read_documents(second))
    typer.echo(format_agreement(span_agreement(a, b)))
    if show:
        for side, doc_id, span in disagreements(a, b):
            typer.echo(f"{side} only: doc {doc_id} span {span.start}-{span.end} {span.label} "
                       f"{span.text!r}")


@app.command("import-cluener")
def import_cluener(
    source: Path = typer.Argument(..., help="A CLUENER2020 JSON-lines file (train.json)."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write company-only gold."),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N sentences."),
) -> None:
    """Turn CLUENER2020 into company-only gold: a held-out check of the COMPANY label.

    Only `company` maps onto the standard's labels, so read the COMPANY row of the
    scorecard; the other labels have no gold here (each document says so in
    `meta.partial`: it covers COMPANY only; see docs/datasets.md).

    Examples:

      econer gold import-cluener ../shared/datasets/cluener2020/train.json --out cluener.jsonl

      econer prelabel cluener.jsonl --out cluener.rules.jsonl

      econer eval --gold cluener.jsonl --pred rules=cluener.rules.jsonl --out card-cluener/
    """
    from econer.datasets.cluener import read_cluener
    from econer.jsonl import write_documents
    from econer.outputs import guard

    guard([source], [("--out", out)])
    count = write_documents(out, read_cluener(source, limit))
    typer.echo(f"wrote {count} documents with COMPANY spans to {out}")
