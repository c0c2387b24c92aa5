"""The ``--engine ray`` path shared by ``prelabel``, ``silver`` and ``predict``.

A command builds a picklable labeller factory (the rules, a model run) and hands it here
with its inputs; this module plans shards, runs them on Ray with a progress bar, writes the
manifest, and turns failed shards into one error line after keeping the finished ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from econer.errors import EconerError

if TYPE_CHECKING:  # the shard machinery loads with the command, not with `econer --help`
    from econer.shards import Labeller, ShardResult
    from econer.spans import Document

ENGINES = ("local", "ray")

engine_option = typer.Option(
    "local", "--engine",
    help="local: this machine, one output file. ray: shards on a Ray actor pool, OUT is a "
         "folder of shard-NNNNN.jsonl + manifest.json; a rerun resumes.")
ray_workers_option = typer.Option(
    2, "--workers", "-w", min=1,
    help="With --engine ray: Ray actors, each building its labeller (or loading the model) once.")
address_option = typer.Option(
    None, "--address", help="With --engine ray: an existing cluster (default: a local Ray).")
shard_docs_option = typer.Option(
    1000, "--shard-docs", help="With --engine ray: documents per shard (the unit of resume).")
merge_option = typer.Option(
    None, "--merge", help="With --engine ray: also write all documents, in input order, here.")


class SystemLabeller:
    """A system (``predict`` over documents) as a sharded run's labeller, built in the worker.

    ``make_system`` is a picklable factory: the system (a model, the hybrid) loads once per
    Ray actor, not once per shard.
    """

    def __init__(self, make_system: Callable[[], Any]) -> None:
        self.system = make_system()
        self.version: str = self.system.version

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return self.system.predict(docs)


def check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise EconerError(f"unknown --engine {engine!r} (known: {', '.join(ENGINES)})")


def run_on_ray(inputs: Sequence[Path], out: Path, make_labeller: Callable[[], Labeller], *,
               system: str, workers: int, address: str | None, shard_docs: int,
               merge: Path | None, progress: bool) -> None:
    """Plan, run on Ray, write the manifest; raise one EconerError if any shard failed."""
    from rich.console import Console

    from econer.outputs import guard
    from econer.rayengine import import_ray, run_ray
    from econer.shards import failure_message, merge_shards, plan_shards, write_manifest

    import_ray()  # the missing extra is reported before any work
    if out.exists() and not out.is_dir():
        raise EconerError("with --engine ray, --out is a folder of shards (this is a file)",
                          path=out)
    guard(inputs, [("--merge", merge)])  # the one file output: the shared check
    # The shard folder may neither hold an input nor lie inside an input folder (a rerun
    # would read its own shards as input).
    folder = out.resolve()
    for given in inputs:
        source = Path(given).resolve()
        if folder == source or folder in source.parents or source in folder.parents:
            raise EconerError(f"--out {out} overlaps the input {given}: give the shards a "
                              "folder of their own")
    console = Console(stderr=True)
    plan = plan_shards(inputs, shard_docs)
    out.mkdir(parents=True, exist_ok=True)
    workers = workers if workers > 0 else 2

    def run(on_result: Callable[[ShardResult], None] | None) -> object:
        return run_ray(plan, make_labeller, out, workers=workers, address=address,
                       on_result=on_result)

    if progress:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        columns = (TextColumn(f"{system} on ray"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("shards"), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task(system, total=len(plan))
            summary = run(lambda _result: bar.advance(task))
    else:
        summary = run(None)
    version = next((r.fingerprint for r in summary.shards if r.fingerprint), "")
    write_manifest(out, plan, summary, {"system": system, "engine": "ray", "workers": workers,
                                        "address": address or "local", "fingerprint": version})
    if summary.failed:
        raise EconerError(failure_message(summary))
    skipped = sum(r.skipped for r in summary.shards)
    console.print(f"wrote {summary.documents} documents in {len(plan)} shards to {out} "
                  f"({skipped} resumed, {summary.chars / max(summary.seconds, 1e-9):,.0f} "
                  "chars/s)", markup=False, highlight=False)
    if merge:
        count = merge_shards(out, merge)
        console.print(f"merged {count} documents in input order into {merge}", markup=False,
                      highlight=False)
