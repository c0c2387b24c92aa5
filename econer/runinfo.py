"""The run record written beside a prediction file: who made it, how fast.

``prelabel`` and ``predict`` write ``OUT.jsonl`` and, beside it, ``OUT.jsonl.run.json``;
scorecards read it to report each system's throughput.

>>> info = RunInfo(system="rules", version="r-1a2b", documents=2, chars=1000, seconds=0.5)
>>> info.chars_per_second
2000.0
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from econer.jsonl import write_text


@dataclass(frozen=True)
class RunInfo:
    system: str  # "rules" or "model"
    version: str  # the rules' version hash, or the run folder's model version
    documents: int
    chars: int
    seconds: float
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds > 0 else float("inf")


def run_info_path(predictions: str | Path) -> Path:
    """``OUT.jsonl.run.json`` beside ``OUT.jsonl`` (a path with no name, such as ``/``,
    gives a path the output checks then refuse, not a ``ValueError``).

    >>> run_info_path("out/a.jsonl").as_posix(), run_info_path("/").as_posix()
    ('out/a.jsonl.run.json', '/.run.json')
    """
    predictions = Path(predictions)
    return predictions.parent / (predictions.name + ".run.json")


def run_info_text(info: RunInfo) -> str:
    """The run record as the JSON text written beside the predictions."""
    data = {**asdict(info), "chars_per_second": round(info.chars_per_second, 1)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_run_info(predictions: str | Path, info: RunInfo) -> None:
    write_text(run_info_path(predictions), run_info_text(info))


def read_run_info(predictions: str | Path) -> RunInfo | None:
    """The run record beside a prediction file, or None when there is none."""
    path = run_info_path(predictions)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("chars_per_second", None)
    return RunInfo(**data)
