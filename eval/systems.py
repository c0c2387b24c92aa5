"""Systems by name: what scorecards and cross-validation compare.

A system (:class:`econer.registry.System`) turns documents into the same documents with its
spans. Systems are registered by *kind* in :data:`econer.registry.systems`; importing this
module registers the built-ins:

=========  =====================================================  ============================
kind       argument                                               gives
=========  =====================================================  ============================
``rules``  a rules folder (default ``configs/rules/``)            the rule pre-labeller
``run``    a run folder made by ``econer train`` (required)       the trained model's spans
``train``  a training YAML (required)                             a :class:`Trainable`: cross-
                                                                  validation trains it per fold
=========  =====================================================  ============================

On the command line a system is ``--system SPEC`` (:func:`parse_system`): ``rules``,
``rules:my_rules/``, ``small=configs/train/small.yaml`` (a YAML is a ``train`` system, a
folder a ``run``), or in full ``NAME=KIND:ARG`` (``prod=run:runs/small``).

**Adding a system.** Write a class with ``name``, ``version`` and
``predict(docs) -> Iterator[Document]`` (a generator that yields each document with its
spans replaced, in input order, never the input's gold), and a factory
``factory(arg: str | None = None, *, overrides: Mapping[str, Any] = {})``: ``arg`` is what
follows ``KIND:`` on the command line, ``overrides`` the command's ``--set KEY=VALUE``s (a
system without a config ignores them). Register the factory with
``@systems.register("kind")`` in its own module and add that module to :data:`MODULES`, so
:func:`load_systems` (what ``econer eval`` and the ML backend call) imports it. Import heavy
libraries inside the factory, so listing systems stays cheap. A system that learns from
documents is a :class:`Trainable` instead: ``fit(train_docs, fold, workdir) -> System``;
cross-validation calls it once a fold with that fold's training documents and a fresh
folder to write in, and scores the returned system on the fold's held-out documents.

>>> {"rules", "run", "train"} <= set(load_systems())
True
>>> parse_system("rules")
SystemSpec(name='rules', kind='rules', arg=None)
>>> parse_system("small=configs/train/small.yaml")
SystemSpec(name='small', kind='train', arg='configs/train/small.yaml')
>>> parse_system("prod=run:runs/small")
SystemSpec(name='prod', kind='run', arg='runs/small')
>>> parse_system("bert")
Traceback (most recent call last):
...
econer.errors.EconerError: --system 'bert': unknown system 'bert' (known: ...)
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from econer.errors import EconerError
from econer.registry import System, systems
from econer.spans import Document

# Modules that register systems; load_systems() imports them all (add yours here).
MODULES: tuple[str, ...] = ("econer.eval.systems", "econer.eval.hybrid")

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]*$")
_NO_OVERRIDES: Mapping[str, Any] = {}


@runtime_checkable
class Trainable(Protocol):
    """A system that must learn first: cross-validation fits it on each fold's training
    documents, writing whatever it needs under ``workdir`` (a fresh folder a fold)."""

    name: str
    version: str

    def fit(self, train_docs: Sequence[Document], fold: str, workdir: Path) -> System: ...


def load_systems() -> list[str]:
    """Import every module in :data:`MODULES` (registering their systems); the kinds known."""
    for module in MODULES:
        importlib.import_module(module)
    return systems.names()


@dataclass(frozen=True)
class SystemSpec:
    """A system as the command line names it: shown as ``name``, built by kind ``kind``."""

    name: str
    kind: str
    arg: str | None = None

    def build(self, overrides: Mapping[str, Any] = _NO_OVERRIDES) -> System | Trainable:
        """The system (or the trainable system) this spec names."""
        return systems.get(self.kind)(self.arg, overrides=overrides)


def parse_system(value: str) -> SystemSpec:
    """``[NAME=](KIND[:ARG] | PATH)`` as a :class:`SystemSpec`; a ``.yaml`` path is a
    training config (named after the file), a folder a run (named after the folder)."""
    load_systems()
    name, sep, rest = value.partition("=")
    if not sep:
        name, rest = "", value
    elif not _NAME.match(name):
        raise EconerError(f"--system {value!r}: a name is letters, digits and _.+- "
                          "(e.g. --system small=configs/train/small.yaml)")
    kind, colon, arg = rest.partition(":")
    if kind in systems:
        spec = SystemSpec(name or kind, kind, arg if colon and arg else None)
    elif rest.endswith((".yaml", ".yml")):
        spec = SystemSpec(name or Path(rest).stem, "train", rest)
    elif Path(rest).is_dir():
        spec = SystemSpec(name or Path(rest).name, "run", rest)
    else:
        known = ", ".join(systems.names())
        raise EconerError(f"--system {value!r}: unknown system {kind!r} (known: {known}; "
                          "or a training .yaml, or a run folder)")
    if not _NAME.match(spec.name):
        raise EconerError(f"--system {value!r}: give it a name, e.g. NAME={rest}")
    return spec


def unique_names(specs: Iterable[SystemSpec]) -> list[SystemSpec]:
    """``specs`` unchanged, or a one-line error when two share a name (a scorecard column).

    >>> unique_names([SystemSpec("a", "rules"), SystemSpec("a", "run", "x")])
    Traceback (most recent call last):
    ...
    econer.errors.EconerError: --system: the name 'a' is given twice (rename one: NAME=...)
    """
    out: list[SystemSpec] = []
    for spec in specs:
        if any(s.name == spec.name for s in out):
            raise EconerError(f"--system: the name {spec.name!r} is given twice "
                              "(rename one: NAME=...)")
        out.append(spec)
    return out


class RulesSystem:
    """The rule pre-labeller (``annotate/rules``) as a system."""

    def __init__(self, folder: str | Path | None = None) -> None:
        try:
            from econer.annotate.rules.ruler import load_rules
        except ImportError as exc:
            raise EconerError(f"the rules are not available: {exc}") from None
        self.labeller = load_rules(folder)
        self.name = "rules"
        self.version = self.labeller.version

    def predict(self, docs: Iterable[Document]) -> Iterator[Document]:
        yield from self.labeller.pipe(docs)


class RunSystem:
    """A trained run folder (``econer train``'s output) as a system; its tags come from the
    run's ``labels.json``."""

    def __init__(self, run_dir: str | Path, device: str = "auto") -> None:
        try:
            from econer.models.predict import Predictor
        except ImportError as exc:
            raise EconerError(f"prediction is not available: {exc}") from None
        self.predictor = Predictor.from_run(run_dir, device=device)
        self.name = self.predictor.source
        self.version = self.predictor.version

    def predict(self, docs: Iterable[Document]) -> Iterator[Document]:
        yield from self.predictor.pipe(docs)


class TrainSystem:
    """A training config: ``fit`` trains it on a fold's documents and returns the run."""

    def __init__(self, config: str | Path, overrides: Mapping[str, Any] = _NO_OVERRIDES) -> None:
        try:
            from econer.models.config import load_config
        except ImportError as exc:
            raise EconerError(f"training is not available: {exc}") from None
        self.config, self.overrides = Path(config), dict(overrides)
        if not self.config.is_file():
            raise EconerError("no such training config", path=self.config)
        load_config(self.config, self.overrides)  # a bad config or override fails before training
        self.name = self.config.stem
        self.version = f"cv:{self.config.stem}"

    def fit(self, train_docs: Sequence[Document], fold: str, workdir: Path) -> RunSystem:
        from econer.models.config import load_config
        from econer.models.train import train

        # A fresh config each fold: train() records its output folder in the config.
        run_dir = train(load_config(self.config, self.overrides), workdir / "run",
                        train_docs=list(train_docs), dev_docs=[], progress=False)
        return RunSystem(run_dir)


@systems.register("rules")
def rules(arg: str | None = None, *, overrides: Mapping[str, Any] = _NO_OVERRIDES) -> System:
    return RulesSystem(arg)


@systems.register("run")
def run(arg: str | None = None, *, overrides: Mapping[str, Any] = _NO_OVERRIDES) -> System:
    if not arg:
        raise EconerError("system 'run' needs a run folder: run:RUN_DIR")
    return RunSystem(arg)


@systems.register("train")
def train_config(arg: str | None = None, *,
                 overrides: Mapping[str, Any] = _NO_OVERRIDES) -> Trainable:
    if not arg:
        raise EconerError("system 'train' needs a training config: train:CONFIG.yaml")
    return TrainSystem(arg, overrides)
