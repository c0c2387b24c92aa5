"""The label set of the standard (``spec/entities.md``) and how annotators see it.

The labels, their Label Studio colours and hot keys are data: ``configs/labels.yaml``, or
the file the environment variable ``ECONER_LABELS`` names (read once, at import, so every
module sees one label set; ``docs/extending.md`` adds a fifth label this way).

>>> LABELS
('COMPANY', 'PARK', 'AMOUNT', 'RATE')
>>> LABEL_HOTKEYS["RATE"]
'r'
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from econer import cache, config
from econer.errors import EconerError
from econer.resources import config_path

_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")  # it becomes B-NAME/I-NAME tags and report columns


@dataclass(frozen=True)
class Label:
    name: str
    colour: str | None = None  # Label Studio's background
    hotkey: str | None = None


@dataclass(frozen=True)
class LabelsFile:
    labels: list[Label]


def load_labels(path: str | Path) -> tuple[Label, ...]:
    """The labels of a labels YAML, checked: upper-case names, no name or hot key twice.

    Speed: every start reads the labels (at import); the checked labels are cached under
    the file's content and the code that checks them (:mod:`econer.cache`), so a start
    with the cache neither imports PyYAML nor parses (~15 ms)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EconerError(f"cannot read the labels file: {exc.strerror}", path=path) from None
    checker = _checker()
    name = cache.entry("labels", data, *checker) if checker is not None else ""
    found = cache.load(name) if name else None
    if isinstance(found, tuple) and found and all(
            isinstance(row, tuple) and len(row) == 3 for row in found):
        return tuple(Label(*row) for row in found)
    labels = _parse_labels(data, path)
    if name:
        cache.store(name, tuple((label.name, label.colour, label.hotkey) for label in labels))
    return labels


def _checker() -> tuple[bytes, ...] | None:
    """The code that reads and checks a labels file (this module, econer.config): an entry
    is another one where it changed; None where there is no source to key on (no cache)."""
    try:
        return tuple(Path(module.__file__).read_bytes()
                     for module in (config, sys.modules[__name__]))
    except (OSError, TypeError):
        return None


def _parse_labels(data: bytes, path: Path) -> tuple[Label, ...]:
    try:
        text = data.decode("utf-8")  # not econer.jsonl: it imports this module
    except UnicodeDecodeError:
        raise EconerError("cannot read the labels file: not UTF-8 text", path=path) from None
    data, marks = config.parse_yaml(text, path)
    labels = tuple(config.build(LabelsFile, data, path=path, marks=marks).labels)
    names = [label.name for label in labels]
    keys = [label.hotkey for label in labels if label.hotkey]
    if not labels:
        raise EconerError("no labels", path=path)
    for label in labels:
        if not _NAME.match(label.name):
            raise EconerError(f"label {label.name!r}: upper-case letters, digits and _",
                              path=path)
    for kind, values in (("label", names), ("hot key", keys)):
        twice = sorted({v for v in values if values.count(v) > 1})
        if twice:
            raise EconerError(f"{kind} given twice: {', '.join(twice)}", path=path)
    return labels


LABELS_FILE = Path(os.environ.get("ECONER_LABELS") or config_path("labels.yaml"))
_LOADED = load_labels(LABELS_FILE)

LABELS: tuple[str, ...] = tuple(label.name for label in _LOADED)
# Label Studio colours and hot keys: one place, so the labelling config and the docs agree.
LABEL_COLOURS: dict[str, str] = {lab.name: lab.colour for lab in _LOADED if lab.colour}
LABEL_HOTKEYS: dict[str, str] = {lab.name: lab.hotkey for lab in _LOADED if lab.hotkey}
