"""``econer silver``: silver documents from a corpus, by labelling functions and a weighted vote."""

from __future__ import annotations

from pathlib import Path

import typer

from econer.cli import sharded
from econer.errors import EconerError


def silver(
    inputs: list[Path] = typer.Argument(..., help="Text files, folders of them, or .jsonl."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the silver JSON lines."),
    functions: str | None = typer.Option(
        None, "--functions", "-f",
        help="Comma-separated labelling functions (default: every rule family)."),
    threshold: float = typer.Option(0.5, "--threshold", min=0.0, max=1.0,
                                    help="Least confidence a silver span needs."),
    covered: str = typer.Option(
        "AMOUNT,RATE", "--covered",
        help="Labels the functions find exhaustively: unmarked text is taught not to be "
             "them. Other labels' abstentions stay unknown (never O). '' for none."),
    rules_dir: Path | None = typer.Option(None, "--rules",
                                          help="A rules folder (default configs/rules/)."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N documents."),
    progress: bool = typer.Option(True, "--progress/--no-progress",
                                  help="Show a progress bar on stderr."),
    list_functions: bool = typer.Option(False, "--list", help="List the functions and stop."),
    engine: str = sharded.engine_option,
    workers: int = sharded.ray_workers_option,
    address: str | None = sharded.address_option,
    shard_docs: int = sharded.shard_docs_option,
    merge: Path | None = sharded.merge_option,
) -> None:
    """Make silver training data from unlabelled text (weak supervision).

    Every labelling function (each rule family: `rules.amount`, `rules.company.suffix` ...)
    votes with spans scored by its measured precision (configs/rules/precision.json); a
    precision-weighted vote keeps the spans whose confidence reaches --threshold. Each
    document records its partial labels in `meta.partial` (see docs/datasets.md): where
    functions voted but no span was kept is *unknown*, and only --covered labels are ruled
    out elsewhere. The run record goes to OUT.jsonl.run.json. OUT may not be an input.

    Examples:

      econer silver ../shared/corpus/*.jsonl --out silver.jsonl

      econer silver seeds/ --out seeds.silver.jsonl --threshold 0.8

      econer silver notes.txt --out notes.silver.jsonl --functions rules.amount,rules.rate

      econer silver --list seeds/ --out x.jsonl

      econer silver ../shared/corpus/ --engine ray --workers 2 --out silver-shards/
    """
    import itertools
    import time

    from rich.console import Console

    from econer.annotate.weak.functions import default_names
    from econer.annotate.weak.silver import load_functions, make_silver, version
    from econer.ingest import iter_documents
    from econer.labels import LABELS
    from econer.outputs import Outputs, guard
    from econer.runinfo import RunInfo, run_info_path, run_info_text

    if list_functions:
        for lf in load_functions(None, rules_dir):
            typer.echo(f"{lf.name}\t{','.join(lf.labels)}")
        return
    names = [n.strip() for n in functions.split(",") if n.strip()] if functions else None
    cover = tuple(x.strip() for x in covered.split(",") if x.strip())
    unknown = [x for x in cover if x not in LABELS]
    if unknown:
        raise EconerError(f"--covered: unknown label(s) {', '.join(unknown)} "
                          f"(known: {', '.join(LABELS)})")
    sharded.check_engine(engine)
    if engine == "ray":
        from functools import partial

        from econer.annotate.weak.silver import SilverLabeller

        if limit:
            raise EconerError("--limit is not available with --engine ray")
        make = partial(SilverLabeller, names or default_names(),
                       str(rules_dir) if rules_dir else None, threshold, cover)
        sharded.run_on_ray(inputs, out, make, system="silver", workers=workers,
                           address=address, shard_docs=shard_docs, merge=merge,
                           progress=progress)
        return
    guard(inputs, [("--out", out), ("the run record", run_info_path(out))])
    lfs = load_functions(names or default_names(), rules_dir)
    console = Console(stderr=True)
    stats = {"documents": 0, "chars": 0, "spans": 0, "unknown_chars": 0}

    def counted():  # noqa: ANN202 - a generator over documents
        docs = iter_documents(inputs)
        for doc in itertools.islice(docs, limit) if limit else docs:
            stats["documents"] += 1
            stats["chars"] += len(doc.text)
            yield doc

    def tallied(docs):  # noqa: ANN001, ANN202
        for doc in docs:
            stats["spans"] += len(doc.spans)
            stats["unknown_chars"] += sum(e - s for s, e in doc.meta["partial"]["unknown"])
            yield doc

    # The silver and its run record land together, or neither.
    with Outputs() as tx:
        started = time.perf_counter()
        made = tallied(make_silver(counted(), lfs, threshold=threshold, covered=cover))
        if progress:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            columns = (TextColumn("silver"), BarColumn(), TextColumn("{task.completed} docs"),
                       TimeElapsedColumn())
            with Progress(*columns, console=console, transient=True) as bar:
                task = bar.add_task("silver", total=None)

                def ticking():  # noqa: ANN202
                    for doc in made:
                        bar.advance(task)
                        yield doc

                written = tx.write_documents(out, ticking())
        else:
            written = tx.write_documents(out, made)
        seconds = time.perf_counter() - started
        info = RunInfo(system="silver", version=version(lfs, threshold, cover),
                       documents=written, chars=stats["chars"], seconds=round(seconds, 4),
                       extra={"functions": {lf.name: lf.version for lf in lfs},
                              "threshold": threshold, "covered": list(cover),
                              "spans": stats["spans"], "unknown_chars": stats["unknown_chars"],
                              "inputs": [str(p) for p in inputs]})
        tx.write_text(run_info_path(out), run_info_text(info))
    console.print(f"wrote {written} documents, {stats['spans']} silver spans to {out} "
                  f"({info.chars_per_second:,.0f} chars/s, {info.version})",
                  markup=False, highlight=False)

