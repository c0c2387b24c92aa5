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

import yaml

from econer.errors import EconerError
from econer.jsonl import read_text
from econer.resources import config_path, seeds_dir
from econer.spans import Document


@dataclass(frozen=True)
class Fold:
    name: str
    test: tuple[str, ...]

    def split(self, docs: Sequence[Document]) -> tuple[list[Document], list[Document]]:
        """``(train, test)``: the documents this fold tests on, and all the others."""
        missing = set(self.test) - {d.id for d in docs}
        if missing:
            raise EconerError(f"fold {self.name}: test documents not found: {sorted(missing)}")
        test_ids = set(self.test)
        return [d for d in docs if d.id not in test_ids], [d for d in docs if d.id in test_ids]


@dataclass(frozen=True)
class Folds:
    name: str
    gold: Path
    folds: tuple[Fold, ...]


def load_folds(path: str | Path | None = None) -> Folds:
    """Folds from a YAML file (default: the seeds' leave-one-document-out folds)."""
    path = Path(path) if path else config_path("folds", "seeds.yaml")
    try:
        data = yaml.safe_load(read_text(path))
        folds = tuple(Fold(str(f["name"]), tuple(str(t) for t in f["test"]))
                      for f in data["folds"])
        gold = Path(data["gold"])
    except (yaml.YAMLError, KeyError, TypeError) as exc:
        raise EconerError(f"bad folds file: {exc!r}", path=path) from None
    if not gold.is_absolute():
        # seeds/gold/... is relative to the repository; resolve it through the package.
        parts = gold.parts
        gold = seeds_dir().joinpath(*parts[1:]) if parts[0] == "seeds" else path.parent / gold
    return Folds(name=str(data.get("name", path.stem)), gold=gold, folds=folds)
