"""Evaluation folds, defined once in ``configs/folds/`` and used by training and scorecards.

>>> folds = load_folds()
>>> [f.name for f in folds.folds][:2]
['loo-000', 'loo-001']
>>> docs = [Document.from_text(t, id=i) for t, i in [("甲", "000_af9f1f7ea03296c4"), ("乙", "b")]]
>>> train, test = folds.folds[0].split(docs)
>>> [d.id for d in train], [d.id for d in test]
(['b'], ['000_af9f1f7ea03296c4'])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from econer import config
from econer.errors import EconerError
from econer.resources import config_path, seeds_dir
from econer.spans import Document


@dataclass(frozen=True)
class Fold:
    name: str
    test: tuple[str, ...]  # the ids of the documents it tests on

    def split(self, docs: Sequence[Document]) -> tuple[list[Document], list[Document]]:
        """``(train, test)``: the documents this fold tests on, and all the others."""
        missing = set(self.test) - {d.id for d in docs}
        if missing:
            raise EconerError(f"fold {self.name}: test documents not found: {sorted(missing)}")
        test_ids = set(self.test)
        return [d for d in docs if d.id not in test_ids], [d for d in docs if d.id in test_ids]


@dataclass(frozen=True)
class FoldsFile:
    """The shape of a folds YAML (``configs/folds/seeds.yaml``)."""

    gold: str  # the gold file the folds split: seeds/... through the package, else beside
    folds: list[Fold]
    name: str | None = None  # default: the file's stem


@dataclass(frozen=True)
class Folds:
    name: str
    gold: Path
    folds: tuple[Fold, ...]


def load_folds(path: str | Path | None = None) -> Folds:
    """Folds from a YAML file (default: the seeds' leave-one-document-out folds)."""
    path = Path(path) if path else config_path("folds", "seeds.yaml")
    data = config.load(FoldsFile, path)
    if not data.folds:
        raise EconerError("no folds", path=path)
    folds = tuple(Fold(f.name, tuple(f.test)) for f in data.folds)
    gold = Path(data.gold)
    if not gold.is_absolute():
        # seeds/gold/... is relative to the repository; resolve it through the package.
        parts = gold.parts
        gold = seeds_dir().joinpath(*parts[1:]) if parts[0] == "seeds" else path.parent / gold
    return Folds(name=data.name or path.stem, gold=gold, folds=folds)
