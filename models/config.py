"""Training configs: one YAML file says everything, read into dataclasses.

Like Hugging Face's ``run_ner.py`` the arguments are dataclasses (model, tokenizer, data,
window, train); unlike it they come from one YAML file, and an unknown key is an error that
names the key and the file, so a typo never trains with a silent default.

Paths in a config are resolved when it is loaded: ``seeds/...`` and ``configs/...`` through
the package (they work from any folder), any other relative path against the config file's
own folder; ``output_dir`` (default ``runs/<name>``) against the current folder.

>>> cfg = load_config(config_path("train", "tiny.yaml"), {"train.epochs": 1})
>>> cfg.name, cfg.train.epochs, cfg.model.architecture.layers
('tiny', 1, 2)
>>> load_config(config_path("train", "tiny.yaml"), {"train.epoch": 1})
Traceback (most recent call last):
...
econer.errors.EconerError: .../tiny.yaml: unknown key 'train.epoch' (known: epochs, ...)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from econer import config
from econer.errors import EconerError
from econer.labels import LABELS
from econer.resources import config_path, configs_dir, seeds_dir

CORPUS_NAMES = ("gold", "cluener", "silver")
# External sources read through econer.datasets (partial labels), keys of data.external.
EXTERNAL_NAMES = ("resume", "cfsc", "ccf")


@dataclass
class ArchitectureArgs:
    """A model built from scratch when no pretrained model can be had: a small BERT, or a
    character BiLSTM (``kind: bilstm``, :mod:`econer.models.bilstm`), faster on a CPU."""

    kind: str = "bert"  # bert or bilstm
    layers: int = 2
    hidden: int = 64  # the BERT's width; the BiLSTM's per direction
    heads: int = 2
    intermediate: int | None = None  # default 4 x hidden
    max_positions: int = 512
    dropout: float = 0.1
    embedding_dim: int | None = None  # bilstm only; default: embeddings.dim, else hidden


@dataclass
class EmbeddingArgs:
    """Character embeddings pre-trained with gensim word2vec on unlabelled text (cached under
    ``.cache/embeddings``), copied into the model's input embeddings before training."""

    corpora: list[str] = field(default_factory=list)  # files or folders (all their text)
    dim: int = 128
    window: int = 5
    epochs: int = 5
    min_count: int = 2
    sg: bool = False  # skip-gram (slower) instead of CBOW


@dataclass
class ModelArgs:
    base: str | None = None  # a hub id (bert-base-chinese, hfl/rbt3) or a local folder
    architecture: ArchitectureArgs | None = None
    embeddings: EmbeddingArgs | None = None  # for a model built with a chars tokenizer


@dataclass
class TokenizerArgs:
    kind: str = "base"  # "base": the base model's; "chars": a character vocabulary
    corpora: list[str] = field(default_factory=lambda: ["gold"])  # names or files, for "chars"
    min_freq: int = 1
    max_size: int = 21128
    lowercase: bool = True


@dataclass
class ClueNerArgs:
    path: str = ""
    limit: int | None = None  # a seeded sample of this many sentences
    # Sentences whose 0-based line number is a multiple of this are held out of training
    # (a COMPANY check the model never saw: eval/bench/cluener.py); null: none.
    holdout_every: int | None = None
    # CLUENER types that can hold none of our labels: their characters are taught O.
    safe_types: list[str] = field(
        default_factory=lambda: ["name", "book", "game", "movie", "position"])


@dataclass
class DataArgs:
    gold: list[str] = field(default_factory=lambda: ["seeds/gold/seeds.jsonl"])
    folds: str = "configs/folds/seeds.yaml"
    fold: str | None = None  # train on the others, use this fold's test documents as dev
    cluener: ClueNerArgs | None = None
    silver: list[str] = field(default_factory=list)  # JSON-lines documents with spans
    silver_limit: int | None = None
    # Labels the silver marks exhaustively: where it has no span, these are ruled out; the
    # others are unknown there (partial labels, never taught O). Rules find almost every
    # AMOUNT and RATE but a fraction of companies.
    silver_covered: list[str] = field(default_factory=lambda: list(LABELS))
    # Files of SHA-1s (hex, one a line) of paragraphs never to train on: held-out test text.
    exclude_sha1: list[str] = field(default_factory=list)
    # Other labelled sources (resume, cfsc, ccf: econer.datasets readers) by name -> file; what
    # a source does not label stays unknown (partial labels), never O.
    external: dict[str, str] = field(default_factory=dict)
    # How often each source is seen an epoch (a fraction: a seeded sample); external sources
    # by their name (default 1).
    mix: dict[str, float] = field(default_factory=lambda: {"gold": 1.0, "silver": 1.0,
                                                           "cluener": 1.0})
    # Draw the fractions of ``mix`` again each epoch (other records each epoch), not once a run.
    redraw_mix: bool = False


@dataclass
class WindowArgs:
    max_length: int = 128  # tokens a window, [CLS] and [SEP] included
    stride: int = 32  # tokens shared by neighbouring windows


@dataclass
class TrainArgs:
    epochs: int = 3
    batch_size: int = 16
    eval_batch_size: int = 32
    learning_rate: float = 5e-5
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    max_grad_norm: float = 1.0
    seed: int = 42
    device: str = "auto"  # auto, cpu, cuda
    save_dtype: str = "float32"  # float16 halves the saved weights (the shipped model)
    max_minutes: float | None = None  # stop after the epoch that passes this budget
    threads: int | None = None  # torch CPU threads; 1 is fastest on a crowded machine


@dataclass
class TrainConfig:
    name: str = "run"
    model: ModelArgs = field(default_factory=ModelArgs)
    tokenizer: TokenizerArgs = field(default_factory=TokenizerArgs)
    data: DataArgs = field(default_factory=DataArgs)
    window: WindowArgs = field(default_factory=WindowArgs)
    train: TrainArgs = field(default_factory=TrainArgs)
    output_dir: str | None = None
    source: str | None = None  # the YAML file it was read from (set by load_config)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.to_dict(), allow_unicode=True, sort_keys=False)


def load_config(path: str | Path, overrides: Mapping[str, Any] | None = None) -> TrainConfig:
    """A checked, path-resolved config from a YAML file; ``overrides`` maps dotted keys
    (``"data.fold"``) to values and wins over the file."""
    path = Path(path)
    overrides = {k: _from_cwd(v) if k in _PATH_KEYS else v for k, v in (overrides or {}).items()}
    cfg = config.load(TrainConfig, path, overrides)
    cfg.source = str(path.resolve())
    _check(cfg, path)
    _resolve(cfg, path.resolve().parent)
    return cfg


# Paths given on the command line (`--set data.silver=[x.jsonl]`) are relative to where the
# user stands, not to the config file.
_PATH_KEYS = frozenset({"data.gold", "data.silver", "data.folds", "data.cluener.path",
                        "tokenizer.corpora", "model.base", "output_dir", "data.exclude_sha1",
                        "model.embeddings.corpora"})


def _from_cwd(value: Any) -> Any:
    if isinstance(value, list):
        return [_from_cwd(v) for v in value]
    if isinstance(value, str) and value not in CORPUS_NAMES and Path(value).exists():
        return str(Path(value).resolve())
    return value


def from_dict(data: Mapping[str, Any], where: str | Path = "config") -> TrainConfig:
    """A config from an already resolved mapping (a run folder's ``config.resolved.yaml``)."""
    return config.build(TrainConfig, dict(data), path=where)


def resolve_path(value: str, base: Path) -> str:
    """An absolute path: ``seeds/``, ``configs/`` through the package, others from ``base``.

    >>> resolve_path("configs/folds/seeds.yaml", Path("/x")) == str(config_path("folds",
    ...     "seeds.yaml"))
    True
    >>> resolve_path("data/a.jsonl", Path("/x"))
    '/x/data/a.jsonl'
    """
    p = Path(value).expanduser()
    if p.is_absolute():
        return str(p)
    if p.parts and p.parts[0] == "seeds":
        return str(seeds_dir().joinpath(*p.parts[1:]))
    if p.parts and p.parts[0] == "configs":
        return str(configs_dir().joinpath(*p.parts[1:]))
    return str((base / p).resolve())


def _check(cfg: TrainConfig, path: Path) -> None:
    model, tok = cfg.model, cfg.tokenizer
    if (model.base is None) == (model.architecture is None):
        raise EconerError("model: give either 'base' (a hub id or folder) or 'architecture'",
                          path=path)
    if tok.kind not in ("base", "chars"):
        raise EconerError(f"tokenizer.kind must be 'base' or 'chars', got {tok.kind!r}",
                          path=path)
    if tok.kind == "base" and model.base is None:
        raise EconerError("tokenizer.kind 'base' needs model.base; use 'chars' for a model "
                          "built from an architecture", path=path)
    if not 0 <= cfg.window.stride < cfg.window.max_length - 2:
        raise EconerError("window: need 0 <= stride < max_length - 2", path=path)
    if model.architecture and cfg.window.max_length > model.architecture.max_positions:
        raise EconerError("window.max_length exceeds model.architecture.max_positions",
                          path=path)
    if cfg.train.device not in ("auto", "cpu", "cuda"):
        raise EconerError(f"train.device must be auto, cpu or cuda, got {cfg.train.device!r}",
                          path=path)
    if cfg.data.cluener is not None and not cfg.data.cluener.path:
        raise EconerError("data.cluener needs a 'path'", path=path)
    if model.architecture and model.architecture.kind not in ("bert", "bilstm"):
        raise EconerError("model.architecture.kind must be bert or bilstm, got "
                          f"{model.architecture.kind!r}", path=path)
    if model.embeddings is not None and tok.kind != "chars":
        raise EconerError("model.embeddings needs tokenizer.kind 'chars'", path=path)
    for label in cfg.data.silver_covered:
        if label not in LABELS:
            raise EconerError(f"data.silver_covered: unknown label {label!r}", path=path)
    for name in cfg.data.external:
        if name not in EXTERNAL_NAMES:
            raise EconerError(f"data.external: want {', '.join(EXTERNAL_NAMES)}, got {name!r}",
                              path=path)
    for source, weight in cfg.data.mix.items():
        if source not in CORPUS_NAMES + EXTERNAL_NAMES or weight < 0:
            names = ", ".join(CORPUS_NAMES + EXTERNAL_NAMES)
            raise EconerError(f"data.mix: want {names} with weights >= 0, "
                              f"got {source}: {weight}", path=path)
    if cfg.train.save_dtype not in ("float32", "float16"):
        raise EconerError("train.save_dtype must be float32 or float16", path=path)


def _resolve(cfg: TrainConfig, base: Path) -> None:
    data = cfg.data
    data.gold = [resolve_path(p, base) for p in data.gold]
    data.folds = resolve_path(data.folds, base)
    data.silver = [resolve_path(p, base) for p in data.silver]
    data.external = {k: resolve_path(v, base) for k, v in data.external.items()}
    data.exclude_sha1 = [resolve_path(p, base) for p in data.exclude_sha1]
    if cfg.model.embeddings is not None:
        cfg.model.embeddings.corpora = [resolve_path(p, base)
                                        for p in cfg.model.embeddings.corpora]
    if data.cluener is not None:
        data.cluener.path = resolve_path(data.cluener.path, base)
    cfg.tokenizer.corpora = [c if c in CORPUS_NAMES else resolve_path(c, base)
                             for c in cfg.tokenizer.corpora]
    if cfg.model.base is not None:
        # A folder that exists (from here, or from the config's folder) is a local model;
        # anything else stays a hub id.
        for local in (Path(cfg.model.base).expanduser(), Path(resolve_path(cfg.model.base, base))):
            if local.is_dir():
                cfg.model.base = str(local.resolve())
                break
    cfg.output_dir = str(Path(cfg.output_dir or f"runs/{cfg.name}").resolve())


__all__ = ["TrainConfig", "load_config", "from_dict", "resolve_path", "config_path"]
