"""Benchmark: pre-labelling the whole corpus on one process, ``--workers``, and Ray.

In one run, on every ``.jsonl`` file of ``../shared/corpus/``, times the rules:
single-process sharded (the baseline), ``econer prelabel --workers N`` (a process pool),
and ``--engine ray`` with 1 and N actors (start-up of the local Ray included, as a user
meets it, and again without it: the figure a long-lived cluster gives). Prints chars/s
and the scaling ratio against the baseline; checks that every run wrote the same spans.
Not a test: it prints figures.

    .venv/bin/python -m econer.eval.bench.scale
    .venv/bin/python -m econer.eval.bench.scale --workers 2 --shard-docs 200
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from functools import partial
from pathlib import Path

from econer.annotate.rules.ruler import load_rules

from econer.ingest import iter_documents
from econer.jsonl import write_documents
from econer.rayengine import import_ray, run_ray
from econer.shards import plan_shards, run_local, shard_path

DEFAULT_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def _digest_shards(plan: list, out: Path) -> str:
    digest = hashlib.sha1()
    for shard in plan:
        digest.update(shard_path(out, shard).read_bytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shard-docs", type=int, default=200)
    args = parser.parse_args(argv)
    import_ray()

    inputs = sorted(args.corpus.glob("*.jsonl"))
    plan = plan_shards(inputs, args.shard_docs)
    docs = list(iter_documents(inputs))
    chars = sum(len(d.text) for d in docs)
    print(f"corpus: {len(inputs)} files, {len(docs)} documents, {chars:,} characters, "
          f"{len(plan)} shards of <= {args.shard_docs} documents")
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="econer-bench-scale-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        run_local(plan, load_rules, root / "local")
        rows.append(("1 process (sharded)", time.perf_counter() - started,
                     _digest_shards(plan, root / "local")))

        labeller = load_rules()
        started = time.perf_counter()
        write_documents(root / "pool.jsonl", labeller.pipe(docs, workers=args.workers))
        pool_digest = hashlib.sha1((root / "pool.jsonl").read_bytes()).hexdigest()
        rows.append((f"--workers {args.workers} (process pool)", time.perf_counter() - started,
                     pool_digest))

        for workers in sorted({1, args.workers}):
            out = root / f"ray{workers}"
            out.mkdir()
            started = time.perf_counter()
            summary = run_ray(plan, partial(load_rules), out, workers=workers)
            total = time.perf_counter() - started
            rows.append((f"ray, {workers} actor(s), start-up included", total,
                         _digest_shards(plan, out)))
            rows.append((f"ray, {workers} actor(s), labelling only", summary.seconds, rows[-1][2]))
        # The process pool writes one file; the sharded runs write shards: same bytes joined.
        same_shards = len({d for name, _, d in rows if "pool" not in name}) == 1
        joined = hashlib.sha1(b"".join(shard_path(root / "local", s).read_bytes()
                                       for s in plan)).hexdigest()
    base = rows[0][1]
    print(f"{'engine':42} {'seconds':>8} {'chars/s':>12} {'vs 1 process':>13}")
    for name, seconds, _ in rows:
        print(f"{name:42} {seconds:8.2f} {chars / seconds:12,.0f} {base / seconds:12.2f}x")
    print(f"same spans in every run: {same_shards and joined == pool_digest}")


if __name__ == "__main__":
    main()
