"""Benchmark: the shipped default model (or any run) beside the rules and the hybrid.

Prints, for one run folder (default: the shipped ``models/default``):

* its training time and epochs, from its own run record;
* prediction throughput (chars/s) of the model and of the hybrid on the first ``--chars``
  characters of the 2011 industry corpus, the rules' alongside as the baseline;
* strict COMPANY P/R/F1 of rules, model and hybrid on the CLUENER2020 sentences the run held
  out of training (``data.cluener.holdout_every`` in its config; CLUENER marks only
  companies, so only the COMPANY row means anything there).

News figures (all four labels, paired bootstrap between systems) come from ``econer eval``
on the held-out news devsets; README "The default model" lists those commands.

    .venv/bin/python -m econer.eval.bench.default_model               # the shipped model
    .venv/bin/python -m econer.eval.bench.default_model runs/default --chars 100000
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from econer.ingest import iter_documents
from econer.scoring import strict_scores
from econer.spans import Document


def _timed(fn: Any, docs: list[Document]) -> tuple[list[Document], float]:
    started = time.perf_counter()
    out = list(fn(docs))
    return out, time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    from econer.annotate.rules.ruler import load_rules
    from econer.eval.hybrid import HybridSystem
    from econer.models.config import from_dict
    from econer.models.data import cluener_docs
    from econer.models.predict import resolve_run
    from econer.models.train import read_config

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", nargs="?", default="default")
    parser.add_argument("--corpus", default="../shared/corpus/industry-news-2011.jsonl")
    parser.add_argument("--chars", type=int, default=200_000)
    args = parser.parse_args(argv)

    run = resolve_run(args.run)
    info = json.loads((run / "run.json").read_text(encoding="utf-8"))
    cfg = from_dict(read_config(run), run / "config.resolved.yaml")
    print(f"run {info['version']}: trained {info['timings']['train_s'] / 60:.1f} min, "
          f"{len(info['timings']['epoch_s'])} epochs, {info['parameters']:,} parameters")

    rules = load_rules()
    hybrid = HybridSystem(run)
    model = hybrid.predictor

    docs: list[Document] = []
    chars = 0
    for doc in iter_documents([args.corpus]):
        docs.append(doc)
        chars += len(doc.text)
        if chars >= args.chars:
            break
    rows = []
    for name, fn in (("rules", rules.pipe), ("model", model.pipe), ("hybrid", hybrid.predict)):
        _, seconds = _timed(fn, docs)
        rows.append((name, chars / seconds))
    print(f"\nthroughput on {chars:,} corpus characters")
    for name, speed in rows:
        print(f"  {name:7s} {speed:>12,.0f} chars/s  ({rows[0][1] / speed:.1f}x slower than rules)")

    if cfg.data.cluener is None or not cfg.data.cluener.holdout_every:
        print("\nthe run held no CLUENER sentences out: no COMPANY check")
        return
    gold = cluener_docs(cfg.data.cluener, cfg.train.seed, heldout=True)
    print(f"\nCOMPANY on {len(gold):,} held-out CLUENER2020 sentences (strict spans)")
    for name, fn in (("rules", rules.pipe), ("model", model.pipe), ("hybrid", hybrid.predict)):
        pred, _ = _timed(fn, gold)
        row = strict_scores(gold, pred)["COMPANY"]
        print(f"  {name:7s} P {row['precision'] or 0:.3f}  R {row['recall'] or 0:.3f}  "
              f"F1 {row['f1'] or 0:.3f}  (gold {row['tp'] + row['fn']}, "
              f"predicted {row['tp'] + row['fp']})")


if __name__ == "__main__":
    main()
