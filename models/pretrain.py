"""Masked-language-model pre-training of a small character BERT over unlabelled text.

No pretrained Chinese weights reach these machines, and on 2 CPU cores a BERT learns too
slowly to beat the shipped BiLSTM. Where a GPU machine is lent for a few minutes, one prepared
command teaches a small BERT the text of ``../shared`` by masked-language modelling:

    econer pretrain configs/pretrain/mlm.yaml --out runs/mlm

The folder it writes (a ``BertForMaskedLM``, its character tokenizer, ``run.json``,
``metrics.jsonl``) is a ``model.base`` for any training config
(``configs/train/mlm-base.yaml``). Held-out news paragraphs (``data.exclude_sha1``) are left
out, so the news test sets stay unseen. A dev slice of the blocks measures masked-token
accuracy before and after, with the same masks both times.

Text is read as :mod:`econer.models.embeddings` reads it (jsonl/json ``text`` values, bmes
sentences, csv cells with CJK, txt lines). Paragraphs are joined with ``[SEP]`` and cut into
blocks of ``max_length`` tokens, as ``run_mlm.py``'s ``group_texts`` does:

>>> blocks([[5, 6], [7, 8, 9]], max_length=5, cls=2, sep=3)
[[2, 5, 6, 3, 3], [2, 7, 8, 9, 3]]
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from econer.models.build import char_tokenizer, char_vocab
from econer.models.config import ArchitectureArgs, resolve_path
from econer.models.data import read_sha1s
from econer.models.embeddings import corpus_files, file_texts
from econer.models.predict import pick_device

from econer import config
from econer.errors import EconerError
from econer.jsonl import write_text


@dataclass
class PretrainData:
    corpora: list[str] = field(default_factory=list)  # files or folders (all their text)
    exclude_sha1: list[str] = field(default_factory=list)  # held-out paragraphs, never read
    min_chars: int = 8  # shorter lines (headings, list cells) are skipped
    max_length: int = 128  # tokens a block, [CLS] and [SEP] included
    dev_blocks: int = 256  # blocks held back to measure masked-token accuracy


@dataclass
class PretrainTokenizer:
    min_freq: int = 2
    max_size: int = 8000
    lowercase: bool = True


@dataclass
class PretrainTrain:
    max_steps: int = 1000
    max_minutes: float | None = None  # checked every step: stop and save when passed
    batch_size: int = 64
    learning_rate: float = 5e-4
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    mlm_probability: float = 0.15
    seed: int = 42
    device: str = "auto"  # auto, cpu, cuda
    threads: int | None = None
    bf16: bool = True  # autocast on a GPU that has bfloat16; ignored on a CPU
    log_every: int = 50


@dataclass
class PretrainConfig:
    name: str = "mlm"
    architecture: ArchitectureArgs = field(default_factory=ArchitectureArgs)
    tokenizer: PretrainTokenizer = field(default_factory=PretrainTokenizer)
    data: PretrainData = field(default_factory=PretrainData)
    train: PretrainTrain = field(default_factory=PretrainTrain)
    output_dir: str | None = None
    source: str | None = None


def load_pretrain_config(path: str | Path,
                         overrides: dict[str, Any] | None = None) -> PretrainConfig:
    """A checked config with its paths resolved against the file's folder."""
    path = Path(path)
    cfg = config.load(PretrainConfig, path, overrides)
    cfg.source = str(path.resolve())
    arch, t = cfg.architecture, cfg.train
    if arch.kind != "bert":
        raise EconerError("architecture.kind must be bert (masked-language modelling needs a "
                          f"BERT), got {arch.kind!r}", path=path)
    if arch.hidden % arch.heads:
        raise EconerError(f"architecture: hidden {arch.hidden} is not a multiple of heads "
                          f"{arch.heads}", path=path)
    if not 8 <= cfg.data.max_length <= arch.max_positions:
        raise EconerError("data.max_length must be in 8..architecture.max_positions", path=path)
    if not cfg.data.corpora:
        raise EconerError("data.corpora: give at least one file or folder of text", path=path)
    if t.max_steps < 1 or not 0 < t.mlm_probability < 1:
        raise EconerError("train: need max_steps >= 1 and 0 < mlm_probability < 1", path=path)
    if t.device not in ("auto", "cpu", "cuda"):
        raise EconerError(f"train.device must be auto, cpu or cuda, got {t.device!r}", path=path)
    base = path.resolve().parent
    cfg.data.corpora = [resolve_path(p, base) for p in cfg.data.corpora]
    cfg.data.exclude_sha1 = [resolve_path(p, base) for p in cfg.data.exclude_sha1]
    cfg.output_dir = str(Path(cfg.output_dir or f"runs/{cfg.name}").resolve())
    return cfg


def paragraphs(corpora: Sequence[str], excluded: set[str], min_chars: int) -> Iterator[str]:
    """Every stripped paragraph of the corpora's text, held-out ones (by SHA-1) left out."""
    for path in corpus_files(corpora):
        for text in file_texts(path):
            text = text.strip()
            if len(text) >= min_chars and \
                    hashlib.sha1(text.encode("utf-8")).hexdigest() not in excluded:
                yield text


def blocks(ids: Sequence[Sequence[int]], max_length: int, cls: int, sep: int) -> list[list[int]]:
    """Token ids of paragraphs joined by ``sep``, cut into ``[cls] ... [sep]`` blocks of
    ``max_length``; the last, short remainder is dropped."""
    stream: list[int] = []
    for i, seq in enumerate(ids):
        if i:
            stream.append(sep)
        stream.extend(seq)
    size = max_length - 2
    return [[cls, *stream[i:i + size], sep] for i in range(0, len(stream) - size + 1, size)]


def masked_logits(model: Any, input_ids: Any, labels: Any) -> tuple[Any, Any]:
    """The vocabulary's logits at the masked positions only, and their labels.

    ``BertForMaskedLM`` scores every position against the whole vocabulary; only the masked
    15% count, so the rest is skipped (on a CPU it was most of the memory: 128 x 256 x 8,000
    floats a batch). The loss is the same mean cross-entropy.
    """
    seen = labels != -100
    hidden = model.bert(input_ids=input_ids).last_hidden_state
    return model.cls(hidden[seen]), labels[seen]


def _masked_accuracy(model: Any, batches: list[dict[str, Any]], device: Any) -> float:
    import torch

    model.eval()
    right = total = 0
    with torch.no_grad():
        for batch in batches:
            logits, gold = masked_logits(model, batch["input_ids"].to(device),
                                         batch["labels"].to(device))
            right += int((logits.argmax(-1) == gold).sum())
            total += int(gold.numel())
    model.train()
    return right / total if total else 0.0


def pretrain(cfg: PretrainConfig, out_dir: str | Path | None = None, *,
             progress: bool = True) -> Path:
    """Pre-train the BERT ``cfg`` describes; returns the folder it was saved to (written in
    a temporary folder and renamed, so a killed run leaves nothing half-written)."""
    import torch
    from econer.models.train import (
        _NoProgress,
        _parent,
        _progress,
        _versions,
        code_version,
        prepare_out,
        publish,
        sha256,
    )
    from transformers import (
        BertConfig,
        BertForMaskedLM,
        DataCollatorForLanguageModeling,
        get_linear_schedule_with_warmup,
        set_seed,
    )
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    out = Path(out_dir or cfg.output_dir or f"runs/{cfg.name}").resolve()
    prepare_out(out, "a pre-training run")
    t0 = time.perf_counter()
    t = cfg.train
    set_seed(t.seed)
    if t.threads:
        torch.set_num_threads(t.threads)
    device = pick_device(t.device)

    excluded = read_sha1s(cfg.data.exclude_sha1)
    texts = list(paragraphs(cfg.data.corpora, excluded, cfg.data.min_chars))
    if not texts:
        raise EconerError("no text to pre-train on in data.corpora", path=cfg.source)
    tok = cfg.tokenizer
    tokenizer = char_tokenizer(char_vocab(texts, tok.min_freq, tok.max_size, tok.lowercase),
                               tok.lowercase)
    ids = tokenizer(texts, add_special_tokens=False)["input_ids"]
    all_blocks = blocks(ids, cfg.data.max_length, tokenizer.cls_token_id, tokenizer.sep_token_id)
    random.Random(t.seed).shuffle(all_blocks)
    n_dev = min(cfg.data.dev_blocks, len(all_blocks) // 10)
    dev, train_blocks = all_blocks[:n_dev], all_blocks[n_dev:]
    if not train_blocks:
        raise EconerError(f"too little text for one block of {cfg.data.max_length} tokens",
                          path=cfg.source)
    prepared_s = time.perf_counter() - t0

    arch = cfg.architecture
    model = BertForMaskedLM(BertConfig(
        vocab_size=len(tokenizer), hidden_size=arch.hidden, num_hidden_layers=arch.layers,
        num_attention_heads=arch.heads, intermediate_size=arch.intermediate or 4 * arch.hidden,
        max_position_embeddings=arch.max_positions, hidden_dropout_prob=arch.dropout,
        attention_probs_dropout_prob=arch.dropout, pad_token_id=tokenizer.pad_token_id)).to(device)
    collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=t.mlm_probability,
                                               return_tensors="pt")
    # The dev masks are drawn once, so accuracy before and after compares like with like.
    torch.manual_seed(t.seed + 1)
    dev_batches = [collator([{"input_ids": b} for b in dev[i:i + t.batch_size]])
                   for i in range(0, len(dev), t.batch_size)]
    torch.manual_seed(t.seed)
    before = _masked_accuracy(model, dev_batches, device)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [{"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)],
               "weight_decay": t.weight_decay},
              {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)],
               "weight_decay": 0.0}]
    optimiser = torch.optim.AdamW(groups, lr=t.learning_rate)
    schedule = get_linear_schedule_with_warmup(optimiser, int(t.warmup_ratio * t.max_steps),
                                               t.max_steps)
    autocast = (torch.autocast("cuda", dtype=torch.bfloat16)
                if t.bf16 and device.type == "cuda" and torch.cuda.is_bf16_supported()
                else torch.autocast("cpu", enabled=False))
    order = random.Random(t.seed + 2)
    metrics: list[dict[str, Any]] = []
    step, stopped, losses = 0, "max_steps", []
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=_parent(out)))
    try:
        model.train()
        train_t0 = time.perf_counter()
        with _progress() if progress else _NoProgress() as bar:
            task = bar.add_task("pre-training (MLM)", total=t.max_steps, status="")
            while step < t.max_steps and stopped == "max_steps":
                index = list(range(len(train_blocks)))
                order.shuffle(index)
                for i in range(0, max(1, len(index) - t.batch_size + 1), t.batch_size):
                    batch = collator([{"input_ids": train_blocks[j]}
                                      for j in index[i:i + t.batch_size]])
                    with autocast:
                        logits, gold = masked_logits(model, batch["input_ids"].to(device),
                                                     batch["labels"].to(device))
                        loss = torch.nn.functional.cross_entropy(logits.float(), gold)
                    loss.backward()
                    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                    optimiser.step()
                    schedule.step()
                    optimiser.zero_grad()
                    step += 1
                    losses.append(float(loss.detach()))
                    if step % t.log_every == 0 or step == t.max_steps:
                        metrics.append({"step": step, "loss": round(sum(losses) / len(losses), 4),
                                        "seconds": round(time.perf_counter() - train_t0, 1)})
                        losses = []
                    bar.update(task, advance=1, status=f"loss {losses[-1] if losses else 0:.3f}")
                    minutes = (time.perf_counter() - train_t0) / 60
                    if t.max_minutes is not None and minutes >= t.max_minutes:
                        stopped = "max_minutes"
                    if step >= t.max_steps or stopped != "max_steps":
                        break
        train_s = time.perf_counter() - train_t0
        after = _masked_accuracy(model, dev_batches, device)
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        write_text(tmp / "metrics.jsonl",
                   "".join(json.dumps(m) + "\n" for m in metrics))
        info = {
            "name": cfg.name, "kind": "mlm", "seed": t.seed, "device": str(device),
            "parameters": sum(p.numel() for p in model.parameters()),
            "steps": step, "stopped_by": stopped,
            "data": {"paragraphs": len(texts), "characters": sum(map(len, texts)),
                     "excluded_sha1": len(excluded), "blocks": len(train_blocks),
                     "dev_blocks": len(dev), "vocabulary": len(tokenizer),
                     "files": {str(f): sha256(f) for f in corpus_files(cfg.data.corpora)}},
            "dev_masked_accuracy": {"before": round(before, 4), "after": round(after, 4)},
            "timings": {"prepare_s": round(prepared_s, 1), "train_s": round(train_s, 1),
                        "steps_per_s": round(step / train_s, 2) if train_s else None,
                        "tokens_per_s": round(step * t.batch_size * cfg.data.max_length
                                              / train_s) if train_s else None},
            "config": config_dict(cfg),
            "code": code_version(), "versions": _versions(),
        }
        write_text(tmp / "run.json", json.dumps(info, ensure_ascii=False, indent=2) + "\n")
        publish(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def config_dict(cfg: PretrainConfig) -> dict[str, Any]:
    return dataclasses.asdict(cfg)
