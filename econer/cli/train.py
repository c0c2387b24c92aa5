"""``econer train``: fine-tune a BERT token classifier from one YAML config."""

from __future__ import annotations

from pathlib import Path

import typer


def train(
    config: Path = typer.Argument(..., help="A training config (configs/train/*.yaml)."),
    out: Path | None = typer.Option(None, "--out", "-o",
                                    help="The run folder (default: the config's output_dir, "
                                         "else runs/NAME)."),
    fold: str | None = typer.Option(None, "--fold",
                                    help="Use this fold's test documents as dev (loo-003)."),
    epochs: int | None = typer.Option(None, "--epochs", help="Override train.epochs."),
    set_: list[str] = typer.Option([], "--set",
                                   help="Override any key: --set data.gold=my.jsonl (YAML value)."),
    progress: bool = typer.Option(True, "--progress/--no-progress",
                                  help="Show a progress bar on stderr."),
) -> None:
    """Train a token classifier (COMPANY, PARK, AMOUNT, RATE) as a config describes.

    The run folder gets the resolved config, the label map, the model and tokenizer,
    metrics.jsonl (strict span P/R/F1 on the dev fold, an epoch a line) and run.json
    (timings, data hashes, code version). Same config and seed on CPU: same model.

    Examples:

      econer train configs/train/small.yaml --fold loo-003

      econer train configs/train/tiny.yaml --out runs/try --epochs 1 --set data.gold=gold.jsonl

      econer train configs/train/rbt3.yaml --set model.base=/models/rbt3
    """
    import json
    import signal
    import sys

    from rich.console import Console

    from econer.config import parse_sets
    from econer.models.config import load_config
    from econer.models.train import train as run_training

    overrides = parse_sets(set_)
    if fold is not None:
        overrides["data.fold"] = fold
    if epochs is not None:
        overrides["train.epochs"] = epochs
    cfg = load_config(config, overrides)
    # A kill (SIGTERM) unwinds like an error, so the half-built run folder is removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    run_dir = run_training(cfg, out, progress=progress)
    info = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    final = info.get("final") or {}
    dev = final.get("dev")
    console = Console(stderr=True)
    score = (f"dev P {dev['precision']:.3f} R {dev['recall']:.3f} F1 {dev['f1']:.3f}"
             if dev else "no dev documents")
    console.print(f"trained {info['version']} in {info['timings']['train_s']:.1f}s "
                  f"({len(info['timings']['epoch_s'])} epochs), {score}")
    print(run_dir)
