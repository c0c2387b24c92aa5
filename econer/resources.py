"""Where econer's own data lives: the packaged ``configs/`` and ``seeds/`` folders."""

from __future__ import annotations

from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _data_dir(name: str) -> Path:
    # In a checkout (and an editable install) the folder sits beside econer/; in a wheel it
    # is installed as the data package econer.<name>.
    beside = _CHECKOUT / name
    if beside.is_dir():
        return beside
    from importlib import resources  # here: a checkout never needs it (~1.5 ms of a start)

    return Path(str(resources.files(f"econer.{name}")))


def configs_dir() -> Path:
    """The ``configs/`` folder (pattern files, lexicons, training YAMLs, folds)."""
    return _data_dir("configs")


def seeds_dir() -> Path:
    """The ``seeds/`` folder: the five seed documents and ``gold/``."""
    return _data_dir("seeds")


def config_path(*parts: str) -> Path:
    return configs_dir().joinpath(*parts)


def seed_texts() -> list[Path]:
    return sorted(seeds_dir().glob("*.txt"))


def seed_gold() -> Path:
    return seeds_dir() / "gold" / "seeds.jsonl"
