"""Benchmark: push and pull throughput of the Label Studio round trip, 5,000 tasks.

Tasks are the paragraphs of ``../shared/corpus/industry-news-2011.jsonl`` (one task a
paragraph, the size annotators correct), pre-labelled by the rules. It starts its own
server in a temporary folder (the first start migrates the database: a minute or two, not
counted) unless given ``--url`` and ``--token``. It times:

* push: econer's batched, idempotent push (one export, one import call) of all tasks;
  re-push of the same tasks (all unchanged); baseline: one task and one prediction per
  call through the SDK, on a sample, as a naive client would;
* pull: econer's pull (one snapshot export, conversion, verification, change report) of
  all tasks, each with an annotation; baseline: paging through the SDK's task list.

Prints tasks a second for each and the ratios to the baselines.

    .venv/bin/python -m econer.eval.bench.labelstudio               # ~5 minutes on 2 cores
    .venv/bin/python -m econer.eval.bench.labelstudio --tasks 1000 --baseline 100
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from econer.jsonl import iter_json_lines
from econer.resources import configs_dir
from econer.spans import Document

T = TypeVar("T")
CORPUS = configs_dir().parent.parent / "shared" / "corpus" / "industry-news-2011.jsonl"


def paragraphs(path: Path, count: int) -> list[Document]:
    """``count`` paragraph documents from a corpus of ``{"id", "text"}`` lines (cycled)."""
    pieces: list[tuple[str, str]] = []
    for _, obj in iter_json_lines(path):
        for n, para in enumerate(obj["text"].split("\n")):
            if len(para.strip()) >= 20:
                pieces.append((f"{obj['id']}-p{n}", para))
    if not pieces:
        raise SystemExit(f"no paragraphs in {path}")
    docs = []
    for i in range(count):
        doc_id, text = pieces[i % len(pieces)]
        lap = i // len(pieces)
        docs.append(Document.from_text(text, id=doc_id if lap == 0 else f"{doc_id}-{lap}"))
    return docs


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def _annotated_tasks(docs: list[Document], version: str) -> list[dict[str, Any]]:
    """Import payloads carrying an annotation each: the prediction, its last span deleted."""
    from econer.annotate.labelstudio.tasks import task_payload

    tasks = []
    for doc in docs:
        task = task_payload(doc, version)
        task["annotations"] = [{"result": task["predictions"][0]["result"][:-1]}]
        tasks.append(task)
    return tasks


def bench(url: str, token: str, docs: list[Document], version: str,
          baseline: int) -> dict[str, float]:
    from econer.annotate.labelstudio.client import LabelStudioClient
    from econer.annotate.labelstudio.pull import pull_tasks
    from econer.annotate.labelstudio.push import push
    from econer.annotate.labelstudio.tasks import prediction, task_data

    client = LabelStudioClient(url, token)
    stamp = time.strftime("%H%M%S")
    n = len(docs)
    figures: dict[str, float] = {"tasks": n}

    report, seconds = timed(lambda: push(client, f"bench-push-{stamp}", docs, version))
    assert report.tasks_created == n, report
    figures["push_tasks_per_s"] = n / seconds
    report, seconds = timed(lambda: push(client, f"bench-push-{stamp}", docs, version))
    assert report.unchanged == n and report.tasks_created == 0, report
    figures["repush_tasks_per_s"] = n / seconds

    sample = docs[:baseline]
    project_id, _ = client.ensure_project(f"bench-naive-{stamp}")

    def naive_push() -> None:
        for doc in sample:
            task = client.sdk.tasks.create(project=project_id, data=task_data(doc))
            client.sdk.predictions.create(task=task.id, **prediction(doc, version))

    _, seconds = timed(naive_push)
    figures["naive_push_tasks_per_s"] = len(sample) / seconds

    # Pull: a project whose every task carries an annotation (imported with the tasks).
    pull_id, _ = client.ensure_project(f"bench-pull-{stamp}")
    client.import_tasks(pull_id, _annotated_tasks(docs, version))

    def pull() -> int:
        result = pull_tasks(client.export_tasks(pull_id, annotated_only=True))
        return len(result.gold)

    pulled, seconds = timed(pull)
    assert pulled == n, pulled
    figures["pull_tasks_per_s"] = n / seconds

    def naive_pull() -> int:
        pager = client.sdk.tasks.list(project=pull_id, fields="all", page_size=100)
        got = 0
        for _ in pager:
            got += 1
            if got >= baseline:
                break
        return got

    got, seconds = timed(naive_pull)
    figures["naive_pull_tasks_per_s"] = got / seconds
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--baseline", type=int, default=100,
                        help="Tasks the naive baselines handle (their rate is per task).")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--url", help="Use this server instead of starting one.")
    parser.add_argument("--token", default="")
    parser.add_argument("--data", type=Path,
                        help="Start the server over this data folder (reuse a migrated one).")
    args = parser.parse_args(argv)

    from econer.annotate.labelstudio.server import LocalServer
    from econer.annotate.rules.ruler import load_rules

    labeller = load_rules()
    docs, seconds = timed(lambda: [labeller(d) for d in paragraphs(args.corpus, args.tasks)])
    chars = sum(len(d.text) for d in docs)
    spans = sum(len(d.spans) for d in docs)
    print(f"{len(docs)} tasks, {chars:,} chars, {spans:,} pre-labelled spans "
          f"(rules {labeller.version}, {seconds:.1f} s)", flush=True)

    if args.url:
        figures = bench(args.url, args.token, docs, labeller.version, args.baseline)
    else:
        with tempfile.TemporaryDirectory(prefix="econer-ls-bench-") as tmp:
            server = LocalServer(args.data or Path(tmp) / "data")
            started = time.perf_counter()
            with server:
                print(f"server up on {server.url} in {time.perf_counter() - started:.0f} s",
                      flush=True)
                figures = bench(server.url, server.token, docs, labeller.version,
                                args.baseline)

    rows = [
        ("push (batched, idempotent)", figures["push_tasks_per_s"], "naive_push_tasks_per_s"),
        ("re-push (nothing to do)", figures["repush_tasks_per_s"], "naive_push_tasks_per_s"),
        ("pull (export + verify + report)", figures["pull_tasks_per_s"],
         "naive_pull_tasks_per_s"),
    ]
    print(f"{'':34}{'tasks/s':>10}{'baseline':>10}{'ratio':>8}")
    for name, rate, base in rows:
        print(f"{name:34}{rate:10.1f}{figures[base]:10.1f}{rate / figures[base]:8.1f}x")
    print(json.dumps({k: round(v, 1) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
