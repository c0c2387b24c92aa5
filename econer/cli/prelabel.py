"""``econer prelabel``: rule pre-labels for documents, as span JSON lines."""

from __future__ import annotations

from pathlib import Path

import typer

from econer.cli import sharded


def prelabel(
    inputs: list[Path] = typer.Argument(..., help="Text files, folders of them, or .jsonl."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the span JSON lines."),
    explain: bool = typer.Option(False, "--explain",
                                 help="Print each span with the rule that made it."),
    workers: int = typer.Option(1, "--workers", "-w", min=0,
                                help="Processes to label with (0: one per core)."),
    rules_dir: Path | None = typer.Option(None, "--rules",
                                          help="A rules folder (default configs/rules/)."),
    progress: bool = typer.Option(True, "--progress/--no-progress",
                                  help="Show a progress bar on stderr."),
    engine: str = sharded.engine_option,
    address: str | None = sharded.address_option,
    shard_docs: int = sharded.shard_docs_option,
    merge: Path | None = sharded.merge_option,
) -> None:
    """Pre-label documents with the rules (COMPANY, PARK, AMOUNT, RATE).

    Every span records the rule that made it (source "rules:RULE") and a score, the
    rule's measured precision where `econer rules calibrate` has measured it. The run
    record (rules version, documents, characters per second) goes to OUT.jsonl.run.json.

    Examples:

      econer prelabel seeds/ --out prelabels.jsonl --explain

      econer prelabel ../shared/corpus/industry-news-2011.jsonl --out corpus.rules.jsonl --workers 0

      econer prelabel notes.txt --out notes.jsonl --rules my-rules/

      econer prelabel ../shared/corpus/ --engine ray --workers 2 --out corpus-shards/
    """
    import time

    from rich.console import Console

    from econer.annotate.rules.explain import explain_document
    from econer.annotate.rules.ruler import load_rules
    from econer.ingest import iter_documents
    from econer.outputs import Outputs, guard
    from econer.runinfo import RunInfo, run_info_path, run_info_text

    sharded.check_engine(engine)
    if engine == "ray":
        from functools import partial

        sharded.run_on_ray(inputs, out, partial(load_rules, rules_dir), system="rules",
                           workers=workers, address=address, shard_docs=shard_docs,
                           merge=merge, progress=progress)
        return
    guard(inputs, [("--out", out), ("the run record", run_info_path(out))])
    labeller = load_rules(rules_dir)
    console = Console(stderr=True)
    stats = {"documents": 0, "chars": 0}

    def counted(docs):  # noqa: ANN001, ANN202 - a generator over documents
        for doc in docs:
            stats["documents"] += 1
            stats["chars"] += len(doc.text)
            yield doc

    def labelled():  # noqa: ANN202
        for doc in labeller.pipe(counted(iter_documents(inputs)), workers=workers):
            if explain:
                print(explain_document(doc), flush=True)
            yield doc

    # The spans and the run record land together, or neither (nor a temporary file).
    with Outputs() as tx:
        started = time.perf_counter()
        if progress and not explain:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            columns = (TextColumn("pre-labelling"), BarColumn(),
                       TextColumn("{task.completed} docs"), TimeElapsedColumn())
            with Progress(*columns, console=console, transient=True) as bar:
                task = bar.add_task("prelabel", total=None)

                def ticking():  # noqa: ANN202
                    for doc in labelled():
                        bar.advance(task)
                        yield doc

                written = tx.write_documents(out, ticking())
        else:
            written = tx.write_documents(out, labelled())
        seconds = time.perf_counter() - started
        info = RunInfo(system="rules", version=labeller.version, documents=written,
                       chars=stats["chars"], seconds=round(seconds, 4),
                       extra={"workers": workers, "rules": str(labeller.patterns.folder)})
        tx.write_text(run_info_path(out), run_info_text(info))
    console.print(f"wrote {written} documents to {out} "
                  f"({info.chars_per_second:,.0f} chars/s, {labeller.version})",
                  markup=False, highlight=False)
