"""Benchmark: training time per epoch and prediction throughput, small model vs bert-base.

Trains the small config (``configs/train/small.yaml``) for one epoch on its own data (the
seed gold and its CLUENER sample; no dev scoring) and times it, then predicts the seed
texts with it. Beside it, a bert-base-sized model (12 layers, 768 hidden, 12 heads; random
weights, architecture only) with the same vocabulary and windows trains on a few windows
of the same gold, and its epoch time is extrapolated from its time a training token;
it predicts the same input. Prints a table and the ratios (bert-base / small).

    .venv/bin/python -m econer.eval.bench.model                 # < 5 minutes on 2 CPU cores
    .venv/bin/python -m econer.eval.bench.model --chars 2000    # a shorter prediction input
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from econer.ingest import read_txt
from econer.resources import config_path, seed_texts
from econer.spans import Document

BERT_BASE = {"layers": 12, "hidden": 768, "heads": 12, "intermediate": 3072,
             "max_positions": 512, "dropout": 0.1}


def _predict(run: Path, docs: list[Document], batch_size: int) -> dict[str, float]:
    from econer.models.predict import Predictor

    predictor = Predictor.from_run(run, batch_size=batch_size)
    started = time.perf_counter()
    spans = sum(len(d.spans) for d in predictor.pipe(docs))
    seconds = time.perf_counter() - started
    chars = sum(len(d.text) for d in docs)
    return {"chars": chars, "seconds": seconds, "chars_per_s": chars / seconds, "spans": spans}


def _run_info(run: Path) -> dict[str, Any]:
    return json.loads((run / "run.json").read_text(encoding="utf-8"))


def _cut(docs: list[Document], chars: int) -> list[Document]:
    """The first ``chars`` characters of the documents, as documents without spans."""
    out: list[Document] = []
    left = chars
    for doc in docs:
        if left <= 0:
            break
        out.append(Document.from_text(doc.text[:left], id=doc.id))
        left -= len(out[-1].text)
    return out


def main(argv: list[str] | None = None) -> None:
    from econer.models.config import load_config
    from econer.models.train import train

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default=str(config_path("train", "small.yaml")))
    parser.add_argument("--chars", type=int, default=5000,
                        help="characters of seed text both models predict (default 5000)")
    parser.add_argument("--base-windows", type=int, default=16,
                        help="training windows timed for the bert-base-sized model (default 16,"
                             " in batches of 4)")
    parser.add_argument("--device", default=None, help="auto, cpu or cuda (default: config's)")
    args = parser.parse_args(argv)

    overrides: dict[str, Any] = {"train.epochs": 1, "data.fold": None}
    if args.device:
        overrides["train.device"] = args.device
    seeds = [read_txt(p) for p in seed_texts()]
    same_input = _cut(seeds, args.chars)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-model-") as tmp:
        # The small config, one real epoch on its own data.
        cfg = load_config(args.config, overrides)
        small_run = train(cfg, Path(tmp) / "small", progress=True)
        info = _run_info(small_run)
        epoch_s = info["timings"]["epoch_s"][0]
        tokens = info["data"]["tokens"]
        rows.append({"model": f"{cfg.name} (trained 1 epoch)", "params": info["parameters"],
                     "epoch_s": epoch_s, "s_per_1k_tokens": 1000 * epoch_s / tokens,
                     "predict": _predict(small_run, same_input, cfg.train.eval_batch_size),
                     "predict_all": _predict(small_run, seeds, cfg.train.eval_batch_size)})

        # bert-base-sized, random weights: a few batches of gold windows, same vocabulary.
        base = load_config(args.config, {
            **overrides, "name": "bert-base-size", "model.architecture": BERT_BASE,
            "train.warmup_ratio": 0.0, "train.batch_size": 4})
        if base.data.cluener is not None:
            base.data.cluener.limit = 0  # gold windows only: a few steps are all we time
        from econer.models.data import split_gold

        gold, _ = split_gold(base.data)
        window_chars = (base.window.max_length - 2 - base.window.stride)
        budget = args.base_windows * window_chars
        base_run = train(base, Path(tmp) / "base", train_docs=_cut(gold, budget), progress=True)
        binfo = _run_info(base_run)
        per_token = binfo["timings"]["epoch_s"][0] / binfo["data"]["tokens"]
        rows.append({"model": "bert-base size (12x768, random)", "params": binfo["parameters"],
                     "epoch_s": per_token * tokens, "s_per_1k_tokens": 1000 * per_token,
                     "predict": _predict(base_run, same_input, base.train.eval_batch_size),
                     "predict_all": None})

    device = info["device"]
    print(f"\nmodel benchmark on {device}: one epoch of {args.config} = {info['data']['examples']}"
          f" windows, {tokens} tokens; prediction input {rows[0]['predict']['chars']} chars")
    print(f"{'model':34} {'params':>11} {'train s/epoch':>14} {'s/1k tok':>9} "
          f"{'predict chars/s':>16}")
    for r in rows:
        mark = " " if r is rows[0] else "*"
        print(f"{r['model']:34} {r['params']:>11,} {r['epoch_s']:>13.1f}{mark} "
              f"{r['s_per_1k_tokens']:>9.3f} {r['predict']['chars_per_s']:>16,.0f}")
    print(f"* extrapolated from {binfo['data']['tokens']} training tokens "
          f"({binfo['timings']['epoch_s'][0]:.1f}s) to the small epoch's {tokens}")
    small, big = rows
    print(f"small on all seed texts ({small['predict_all']['chars']} chars): "
          f"{small['predict_all']['chars_per_s']:,.0f} chars/s")
    speed = big["predict"]["chars_per_s"] / small["predict"]["chars_per_s"]
    print(f"ratio bert-base / small: training time x{big['epoch_s'] / small['epoch_s']:.1f}, "
          f"prediction throughput x{speed:.3f}")


if __name__ == "__main__":
    main()
