"""``econer predict``: a trained run's spans for documents, as span JSON lines."""

from __future__ import annotations

from pathlib import Path

import typer

from econer.cli import sharded


def predict(
    run_dir: Path = typer.Argument(..., help="A run folder made by econer train, or "
                                   "'default' (the shipped model)."),
    inputs: list[Path] = typer.Argument(..., help="Text files, folders of them, or .jsonl."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the span JSON lines."),
    batch_size: int = typer.Option(32, "--batch-size", "-b", help="Windows a forward pass."),
    device: str = typer.Option("auto", "--device", help="auto, cpu or cuda."),
    progress: bool = typer.Option(True, "--progress/--no-progress",
                                  help="Show a progress bar on stderr."),
    hybrid: bool = typer.Option(False, "--hybrid",
                                help="Rules plus the model spans the hybrid policy accepts "
                                     "(configs/hybrid/default.yaml)."),
    engine: str = sharded.engine_option,
    workers: int = sharded.ray_workers_option,
    address: str | None = sharded.address_option,
    shard_docs: int = sharded.shard_docs_option,
    merge: Path | None = sharded.merge_option,
) -> None:
    """Predict COMPANY, PARK, AMOUNT and RATE spans with a trained model.

    With --hybrid: every rule span, plus model spans the policy accepts where nothing is
    taken (configs/hybrid/default.yaml: COMPANY at a high confidence, or a lower one with
    support such as a gazetteer name or a company word, gazetteer names the model's tag
    probabilities confirm, and their other mentions; AMOUNT, RATE and, by default, PARK from
    the rules only).

    Long documents are cut into overlapping windows and stitched back; every span has a
    confidence (mean tag probability) and the source "model:RUN". The run record (model
    version, documents, characters per second) goes to OUT.jsonl.run.json.

    Examples:

      econer predict default seeds/ --out seeds.model.jsonl

      econer predict default seeds/ --hybrid --out seeds.hybrid.jsonl

      econer predict runs/small seeds/*.txt --out seeds.model.jsonl

      econer predict runs/small ../shared/corpus/industry-news-2011.jsonl --out corpus.jsonl -b 64

      econer eval -g seeds/gold/seeds.jsonl -p small=seeds.model.jsonl --fold loo-003 --out card/

      econer predict default ../shared/corpus/ --engine ray --workers 2 --out model-shards/
    """
    import re
    import time

    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from econer.errors import EconerError
    from econer.ingest import iter_documents
    from econer.models.predict import Predictor, resolve_run
    from econer.outputs import Outputs, guard
    from econer.runinfo import RunInfo, run_info_path, run_info_text

    if batch_size < 1:
        raise EconerError(f"--batch-size must be at least 1, got {batch_size}")
    if not re.fullmatch(r"auto|cpu|cuda(:\d+)?", device):
        raise EconerError(f"--device {device!r}: expected auto, cpu, cuda or cuda:N")
    sharded.check_engine(engine)
    if engine == "ray":
        from functools import partial

        if hybrid:
            from econer.eval.hybrid import HybridSystem

            make = partial(sharded.SystemLabeller, partial(
                HybridSystem, run_dir, device=device, batch_size=batch_size))
        else:
            make = partial(Predictor.from_run, run_dir, device, batch_size)
        sharded.run_on_ray(inputs, out, make, system="hybrid" if hybrid else "model",
                           workers=workers, address=address, shard_docs=shard_docs,
                           merge=merge, progress=progress)
        return
    guard(inputs, [("--out", out), ("the run record", run_info_path(out))])
    docs = list(iter_documents(inputs))  # bad input fails before the model loads
    if hybrid:
        from econer.eval.hybrid import HybridSystem

        system = HybridSystem(run_dir, device=device, batch_size=batch_size)
        predictor = system.predictor
    else:
        predictor = Predictor.from_run(run_dir, device=device, batch_size=batch_size)
    chars = sum(len(d.text) for d in docs)
    started = time.perf_counter()
    columns = (TextColumn("predicting"), BarColumn(), TextColumn("{task.completed}/{task.total}"
               " docs"), TimeElapsedColumn())
    tx = Outputs()  # the spans and the run record land together, or neither
    with tx, Progress(*columns, console=Console(stderr=True), transient=True,
                      disable=not progress) as bar:
        task = bar.add_task("predict", total=len(docs))
        if hybrid:
            stream = (bar.advance(task) or d for d in system.predict(docs))
        else:
            stream = predictor.pipe(docs, on_doc=lambda _: bar.advance(task))
        written = tx.write_documents(out, stream)
        seconds = time.perf_counter() - started
        info = RunInfo(system="hybrid" if hybrid else "model",
                       version=system.version if hybrid else predictor.version, documents=written,
                       chars=chars, seconds=seconds,
                       extra={"run": str(resolve_run(run_dir).resolve()),
                              "device": str(predictor.device), "batch_size": batch_size})
        tx.write_text(run_info_path(out), run_info_text(info))
    Console(stderr=True).print(f"{written} documents, {len(docs) and chars} chars, "
                               f"{info.chars_per_second:,.0f} chars/s -> {out}")
