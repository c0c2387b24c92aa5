"""``econer pretrain``: masked-language-model pre-training of a small BERT (a GPU's job)."""

from __future__ import annotations

from pathlib import Path

import typer


def pretrain(
    config: Path = typer.Argument(..., help="A pre-training config (configs/pretrain/*.yaml)."),
    out: Path | None = typer.Option(None, "--out", "-o",
                                    help="The output folder (default: runs/NAME)."),
    set_: list[str] = typer.Option([], "--set",
                                   help="Override any key: --set train.max_minutes=5 (YAML)."),
    progress: bool = typer.Option(True, "--progress/--no-progress",
                                  help="Show a progress bar on stderr."),
) -> None:
    """Pre-train a character BERT on unlabelled text by masked-language modelling.

    Reads every text of data.corpora (the held-out news paragraphs of data.exclude_sha1
    left out), builds a character vocabulary, and trains until train.max_steps or
    train.max_minutes. The folder (a BertForMaskedLM with its tokenizer, metrics.jsonl,
    run.json with masked-token accuracy on a dev slice before and after) is a model.base for
    `econer train`. Made for a GPU lent for a few minutes; on a CPU it is slow.

    Examples:

      econer pretrain configs/pretrain/mlm.yaml --out runs/mlm

      econer train configs/train/mlm-base.yaml --set model.base=runs/mlm

      econer pretrain configs/pretrain/tiny.yaml --set data.corpora=[texts/] --out /tmp/mlm
    """
    import json
    import signal
    import sys

    from rich.console import Console

    from econer.config import parse_sets
    from econer.models.pretrain import load_pretrain_config
    from econer.models.pretrain import pretrain as run_pretraining

    cfg = load_pretrain_config(config, parse_sets(set_))
    # A kill (SIGTERM) unwinds like an error, so the half-written folder is removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    folder = run_pretraining(cfg, out, progress=progress)
    info = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    acc = info["dev_masked_accuracy"]
    Console(stderr=True).print(
        f"pre-trained {info['parameters']:,} parameters for {info['steps']} steps in "
        f"{info['timings']['train_s']:.0f}s on {info['device']} (stopped by "
        f"{info['stopped_by']}); dev masked-token accuracy {acc['before']:.3f} -> "
        f"{acc['after']:.3f}")
    print(folder)
