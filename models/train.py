"""Training: load -> align -> train -> score, into a run folder that explains itself.

A plain PyTorch loop (no ``Trainer``) because CLUENER's partial labels need their own loss:
each token carries the set of tags it allows, and the loss is ``-log P(allowed)``, which is
ordinary cross-entropy for an exact tag and teaches nothing where every tag is allowed.

The run folder holds ``config.resolved.yaml``, ``labels.json``, ``model/`` (weights and
tokenizer, ``save_pretrained``), ``metrics.jsonl`` (one line an epoch, strict span P/R/F1 on
the dev documents) and ``run.json`` (timings, data hashes, code version, library versions).
It is built beside its target and moved into place when training is done.

>>> from econer.spans import Span
>>> span_scores([Document.from_text("甲公司", id="a").with_spans([Span.at("甲公司", 0, 3,
...     "COMPANY")])], [Document.from_text("甲公司", id="a")])["f1"]
0.0
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import platform
import random
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from econer.models import build
from econer.models.config import TrainConfig, load_config
from econer.models.data import (
    Example,
    corpus_texts,
    doc_record,
    drop_excluded,
    epoch_draws,
    examples,
    paragraphs,
    read_cluener,
    read_external,
    read_sha1s,
    read_silver,
    split_gold,
)
from econer.models.embeddings import corpus_files, embedding_matrix, train_vectors
from econer.models.predict import Predictor, model_version, pick_device
from econer.models.tags import TAGS, allowed_matrix

from econer.errors import EconerError
from econer.jsonl import write_text
from econer.labels import LABELS
from econer.scoring import strict_scores
from econer.spans import Document


def span_scores(gold: Sequence[Document], pred: Sequence[Document]) -> dict[str, Any]:
    """Strict span precision, recall and F1 (offsets and label equal), overall and a label."""
    table = strict_scores(gold, pred)

    def row(label: str) -> dict[str, Any]:
        r = table[label]
        rounded = {k: round(r[k] or 0.0, 4) for k in ("precision", "recall", "f1")}
        return {**rounded, "gold": r["tp"] + r["fn"], "predicted": r["tp"] + r["fp"]}

    return {**row("micro"), "labels": {label: row(label) for label in LABELS}}


def sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _docs_hash(docs: Sequence[Document]) -> str:
    """A hash of the gold documents trained and scored on, however they were given."""
    h = hashlib.sha256()
    for doc in docs:
        h.update(json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()


def code_version() -> dict[str, Any]:
    """The checkout's commit and whether it had uncommitted changes (None outside git)."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                              text=True, check=True, timeout=10).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                    cwd=root, capture_output=True, text=True,
                                    timeout=10).stdout.strip())
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "dirty": None}
    return {"commit": head, "dirty": dirty}


def _versions() -> dict[str, str]:
    import tokenizers
    import torch
    import transformers

    from econer import __version__ as econer_version

    return {"python": platform.python_version(), "torch": torch.__version__,
            "transformers": transformers.__version__, "tokenizers": tokenizers.__version__,
            "econer": econer_version}


def _progress() -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TextColumn("{task.fields[status]}"),
                    console=Console(stderr=True), transient=True)


def _seed_everything(seed: int) -> None:
    import torch
    from transformers import set_seed

    set_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def _batches(exs: Sequence[Example], size: int, generator: Any, pad_id: int) -> Any:
    import torch

    order = torch.randperm(len(exs), generator=generator).tolist()
    for b in range(0, len(order), size):
        batch = [exs[i] for i in order[b : b + size]]
        width = max(len(e.ids) for e in batch)
        ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        allowed = torch.zeros((len(batch), width, len(TAGS)), dtype=torch.bool)
        for row, e in enumerate(batch):
            ids[row, : len(e.ids)] = torch.tensor(e.ids)
            mask[row, : len(e.ids)] = 1
            allowed[row, : len(e.ids)] = torch.from_numpy(allowed_matrix(e.codes))
        yield ids, mask, allowed


def partial_loss(logits: Any, allowed: Any) -> Any:
    """Mean over taught tokens of ``-log P(allowed tags)`` (cross-entropy for one tag)."""
    import torch

    taught = allowed.any(-1)
    if not taught.any():
        return logits.sum() * 0.0
    log_z = torch.logsumexp(logits, dim=-1)
    log_allowed = torch.logsumexp(logits.masked_fill(~allowed, float("-inf")), dim=-1)
    return (log_z - log_allowed)[taught].mean()


def _tokenizer(cfg: TrainConfig, train_docs: Sequence[Document]) -> Any:
    tok = cfg.tokenizer
    if tok.kind == "base":
        assert cfg.model.base is not None
        return build.pretrained_tokenizer(cfg.model.base)
    texts = corpus_texts(tok.corpora, train_docs, cfg.data, cfg.train.seed)
    if not texts:
        raise EconerError("tokenizer.corpora gave no text to build a vocabulary from")
    vocab = build.char_vocab(texts, tok.min_freq, tok.max_size, tok.lowercase)
    return build.char_tokenizer(vocab, tok.lowercase)


def _data_files(cfg: TrainConfig, gold_used: bool) -> list[str]:
    """The files a run read (gold and folds only when the documents came from them)."""
    d = cfg.data
    files = [*(d.gold if gold_used else []), *d.silver, *([d.cluener.path] if d.cluener else []),
             *d.external.values(), *d.exclude_sha1]
    if d.fold and gold_used:
        files.append(d.folds)
    files += [c for c in cfg.tokenizer.corpora if c not in ("gold", "cluener", "silver")]
    return list(dict.fromkeys(files))


def prepare_out(out: Path, what: str = "a run folder") -> None:
    """Refuse an output folder that holds something other than an earlier run (never write
    over a user's files); an earlier run (it has ``run.json``) is replaced."""
    if out.exists() and any(out.iterdir()) and not (out / "run.json").exists():
        raise EconerError(f"output folder exists and is not {what}; choose another", path=out)


def train(config: TrainConfig | str | Path, out_dir: str | Path | None = None, *,
          train_docs: Sequence[Document] | None = None,
          dev_docs: Sequence[Document] | None = None, progress: bool = True) -> Path:
    """Train the model a config describes; returns the run folder.

    ``train_docs``/``dev_docs`` replace the config's gold and fold when given (the
    cross-validation of ``econer eval`` passes each fold's documents this way).
    """
    import torch
    from transformers import get_linear_schedule_with_warmup
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()

    # A copy: the run records its own output folder without touching the caller's config.
    cfg = copy.deepcopy(config) if isinstance(config, TrainConfig) else load_config(config)
    out = Path(out_dir or cfg.output_dir or f"runs/{cfg.name}").resolve()
    cfg.output_dir = str(out)
    prepare_out(out)
    timings: dict[str, Any] = {}
    t0 = time.perf_counter()
    targs = cfg.train
    _seed_everything(targs.seed)
    if targs.threads:
        torch.set_num_threads(targs.threads)
    device = pick_device(targs.device)

    # load (a hub tokenizer first: an unreachable hub fails before any data is read)
    tokenizer = _tokenizer(cfg, []) if cfg.tokenizer.kind == "base" else None
    gold_used = train_docs is None
    if train_docs is None:
        train_docs, default_dev = split_gold(cfg.data)
        dev_docs = default_dev if dev_docs is None else dev_docs
    train_docs, dev_docs = list(train_docs), list(dev_docs or [])
    data = cfg.data
    excluded = read_sha1s(data.exclude_sha1)
    silver = read_silver(data.silver, data.silver_limit)
    silver_records = drop_excluded((p for d in silver
                                    for p in paragraphs(doc_record(d, data.silver_covered))),
                                   excluded)
    cluener = read_cluener(data.cluener, targs.seed) if data.cluener else []
    external = {name: drop_excluded((p for d in read_external(name, path)
                                     for p in paragraphs(doc_record(d))), excluded)
                for name, path in data.external.items()}
    rng = random.Random(targs.seed)
    weights = {"gold": 1.0, "silver": 1.0, "cluener": 1.0,
               **{name: 1.0 for name in external}, **data.mix}
    sources = [([doc_record(d) for d in train_docs], weights["gold"]),
               (silver_records, weights["silver"]), (cluener, weights["cluener"]),
               *((recs, weights[name]) for name, recs in external.items())]
    draws = epoch_draws(sources, targs.epochs, rng, data.redraw_mix)
    records = draws[0]
    if not records:
        raise EconerError("no training documents (data.gold, data.silver, data.cluener)")
    if tokenizer is None:
        tokenizer = _tokenizer(cfg, train_docs)
    timings["load_s"] = round(time.perf_counter() - t0, 3)

    # align
    t1 = time.perf_counter()
    # One list of windows a distinct draw (a run drawn once aligns once).
    aligned: dict[int, list[Example]] = {}
    for d in draws:
        if id(d) not in aligned:
            aligned[id(d)] = examples(d, tokenizer, cfg.window.max_length, cfg.window.stride)
    epoch_exs = [aligned[id(d)] for d in draws]
    exs = epoch_exs[0]
    if not exs:
        raise EconerError("the training documents gave no tokens to learn from")
    timings["align_s"] = round(time.perf_counter() - t1, 3)

    embeddings_info = None
    if cfg.model.architecture is not None:
        emb = cfg.model.embeddings
        model = build.architecture_model(cfg.model.architecture, tokenizer,
                                         emb.dim if emb else None)
        if emb is not None:
            te = time.perf_counter()
            vectors, key = train_vectors(emb.corpora, dim=emb.dim, window=emb.window,
                                         epochs=emb.epochs, min_count=emb.min_count,
                                         sg=emb.sg, seed=targs.seed)
            vocab = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
            matrix, found = embedding_matrix(vocab, vectors, emb.dim, targs.seed)
            build.init_embeddings(model, matrix)
            embeddings_info = {"sha256": key, "vectors": len(vectors), "vocabulary_found": found,
                               "files": {str(f): sha256(f) for f in corpus_files(emb.corpora)}}
            timings["embeddings_s"] = round(time.perf_counter() - te, 3)
    else:
        assert cfg.model.base is not None
        model = build.pretrained_model(cfg.model.base)
    model.to(device)

    # train
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)],
         "weight_decay": targs.weight_decay},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)],
         "weight_decay": 0.0},
    ]
    optimiser = torch.optim.AdamW(groups, lr=targs.learning_rate)
    total = sum(math.ceil(len(e) / targs.batch_size) for e in epoch_exs)
    schedule = get_linear_schedule_with_warmup(optimiser, int(targs.warmup_ratio * total), total)
    generator = torch.Generator().manual_seed(targs.seed)

    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=_parent(out)))
    metrics: list[dict[str, Any]] = []
    epoch_times: list[float] = []
    try:
        with _progress() if progress else _NoProgress() as bar:
            task = bar.add_task(f"train {cfg.name}", total=total, status="")
            for epoch in range(1, targs.epochs + 1):
                te = time.perf_counter()
                model.train()
                losses: list[float] = []
                for ids, mask, allowed in _batches(epoch_exs[epoch - 1], targs.batch_size,
                                                   generator, tokenizer.pad_token_id):
                    logits = model(input_ids=ids.to(device), attention_mask=mask.to(device)).logits
                    loss = partial_loss(logits, allowed.to(device))
                    loss.backward()
                    torch.nn.utils.clip_grad_norm_(model.parameters(), targs.max_grad_norm)
                    optimiser.step()
                    schedule.step()
                    optimiser.zero_grad()
                    losses.append(loss.item())
                    bar.update(task, advance=1, status=f"epoch {epoch} loss {losses[-1]:.3f}")
                epoch_times.append(round(time.perf_counter() - te, 3))
                row: dict[str, Any] = {"epoch": epoch,
                                       "train_loss": round(sum(losses) / len(losses), 5),
                                       "seconds": epoch_times[-1]}
                if dev_docs:
                    predictor = Predictor(model, tokenizer, max_length=cfg.window.max_length,
                                          stride=cfg.window.stride, version="dev",
                                          source=f"model:{cfg.name}", device=device)
                    pred = list(predictor.pipe(dev_docs, batch_size=targs.eval_batch_size))
                    row["dev"] = span_scores(dev_docs, pred)
                metrics.append(row)
                write_text(tmp / "metrics.jsonl",
                           "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in metrics))
                if targs.max_minutes is not None and \
                        time.perf_counter() - t0 > 60 * targs.max_minutes:
                    timings["stopped_after_epoch"] = epoch  # the time budget ran out
                    break
        timings["train_s"] = round(sum(epoch_times), 3)
        timings["epoch_s"] = epoch_times

        # save
        model.cpu()
        if targs.save_dtype == "float16":
            model.half()
        model.save_pretrained(tmp / "model")
        tokenizer.save_pretrained(tmp / "model")
        write_text(tmp / "labels.json", json.dumps({"tags": list(TAGS), "labels": list(LABELS)},
                                                   ensure_ascii=False, indent=2) + "\n")
        write_text(tmp / "config.resolved.yaml", cfg.to_yaml())
        timings["total_s"] = round(time.perf_counter() - t0, 3)
        info = {
            "name": cfg.name,
            "version": f"{cfg.name}-{model_version(tmp / 'model')}",
            "seed": targs.seed,
            "device": str(device),
            "parameters": sum(p.numel() for p in model.parameters()),
            "window": {"max_length": cfg.window.max_length, "stride": cfg.window.stride},
            "data": {"train_documents": [d.id for d in train_docs],
                     "dev_documents": [d.id for d in dev_docs],
                     "silver_documents": len(silver), "silver_paragraphs": len(silver_records),
                     "excluded_sha1": len(excluded), "cluener_sentences": len(cluener),
                     "external_paragraphs": {k: len(v) for k, v in external.items()},
                     "mix": weights, "mix_redrawn_each_epoch": data.redraw_mix,
                     "records": len(records),
                     "embeddings": embeddings_info,
                     "examples": len(exs), "tokens": sum(len(e.ids) for e in exs),
                     "examples_per_epoch": [len(e) for e in epoch_exs],
                     "vocabulary": len(tokenizer),
                     "documents_sha256": _docs_hash([*train_docs, *dev_docs]),
                     "files": {f: sha256(f) for f in _data_files(cfg, gold_used)
                               if Path(f).is_file()}},
            "timings": timings,
            "final": metrics[-1] if metrics else None,
            "code": code_version(),
            "versions": _versions(),
        }
        write_text(tmp / "run.json", json.dumps(info, ensure_ascii=False, indent=2) + "\n")
        prepare_out(out)
        publish(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def publish(tmp: Path, out: Path) -> None:
    """Put the finished folder ``tmp`` (made beside ``out``) in place of ``out`` with one
    rename, so a reader never meets a half-written run."""
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    out.chmod(0o755)  # mkdtemp made it private


def _parent(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    return out.parent


class _NoProgress:
    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, *args: Any, **kwargs: Any) -> int:
        return 0

    def update(self, *args: Any, **kwargs: Any) -> None:
        return None


def read_metrics(run_dir: str | Path) -> list[dict[str, Any]]:
    """The per-epoch metrics of a run folder."""
    path = Path(run_dir) / "metrics.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def read_config(run_dir: str | Path) -> dict[str, Any]:
    return yaml.safe_load((Path(run_dir) / "config.resolved.yaml").read_text(encoding="utf-8"))
