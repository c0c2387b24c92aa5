"""Benchmark: one MLM training step of configs/pretrain/mlm.yaml's BERT, two ways.

``econer pretrain`` scores only the masked positions against the vocabulary
(:func:`econer.models.pretrain.masked_logits`); the baseline is ``BertForMaskedLM``'s own loss,
which scores every position. Each way runs in a fresh process (so its peak memory is its
own): three steps on one random batch of the config's size, on this machine's CPU.

    .venv/bin/python -m econer.eval.bench.pretrain_step              # batch 128 x 256
    .venv/bin/python -m econer.eval.bench.pretrain_step --batch 32   # a smaller batch
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from econer.models.pretrain import load_pretrain_config

from econer.resources import config_path


def step(mode: str, batch: int, threads: int, steps: int) -> dict[str, float]:
    """Seconds per step (the best of ``steps``) of one way, in this process."""
    import torch
    from econer.models.pretrain import masked_logits
    from transformers import BertConfig, BertForMaskedLM

    cfg = load_pretrain_config(config_path("pretrain", "mlm.yaml"))
    arch, length = cfg.architecture, cfg.data.max_length
    torch.manual_seed(0)
    torch.set_num_threads(threads)
    model = BertForMaskedLM(BertConfig(
        vocab_size=cfg.tokenizer.max_size, hidden_size=arch.hidden, num_hidden_layers=arch.layers,
        num_attention_heads=arch.heads, intermediate_size=arch.intermediate or 4 * arch.hidden,
        max_position_embeddings=arch.max_positions))
    optimiser = torch.optim.AdamW(model.parameters(), lr=1e-4)
    ids = torch.randint(5, cfg.tokenizer.max_size, (batch, length))
    labels = torch.full_like(ids, -100)
    chosen = torch.rand(batch, length) < cfg.train.mlm_probability
    labels[chosen] = ids[chosen]
    times = []
    for _ in range(steps):
        t0 = time.perf_counter()
        if mode == "all-positions":
            loss = model(input_ids=ids, labels=labels).loss
        else:
            logits, gold = masked_logits(model, ids, labels)
            loss = torch.nn.functional.cross_entropy(logits, gold)
        loss.backward()
        optimiser.step()
        optimiser.zero_grad()
        times.append(time.perf_counter() - t0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds_per_step": min(times), "peak_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--mode", choices=["all-positions", "masked-only"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:  # one way, in a child process
        print(json.dumps(step(args.mode, args.batch, args.threads, args.steps)))
        return
    results = {}
    for mode in ("all-positions", "masked-only"):
        out = subprocess.run([sys.executable, "-m", "econer.eval.bench.pretrain_step",
                              "--mode", mode, "--batch", str(args.batch), "--threads",
                              str(args.threads), "--steps", str(args.steps)],
                             capture_output=True, text=True, check=True)
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
        r = results[mode]
        print(f"{mode:14s} {r['seconds_per_step']:.2f} s a step (best of {args.steps}), "
              f"peak {r['peak_mb']:,.0f} MB   (batch {args.batch}, {args.threads} threads)")
    base, ours = results["all-positions"], results["masked-only"]
    speed = base["seconds_per_step"] / ours["seconds_per_step"]
    print(f"masked-only vs all-positions: {speed:.2f}x faster, "
          f"{ours['peak_mb'] / base['peak_mb']:.2f}x the peak memory")


if __name__ == "__main__":
    main()
