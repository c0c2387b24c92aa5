"""The label set read through the cache of derived data: the parsed labels, never stale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from econer.errors import EconerError
from econer.labels import Label, load_labels

LABELS = "labels:\n  - {name: COMPANY, colour: \"#1f77b4\", hotkey: c}\n  - {name: RATE}\n"


def test_cached_labels_are_the_parsed_ones_and_a_change_is_parsed_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("ECONER_CACHE_DIR", str(cache))
    path = tmp_path / "labels.yaml"
    path.write_text(LABELS, encoding="utf-8")
    expected = (Label("COMPANY", "#1f77b4", "c"), Label("RATE"))
    assert load_labels(path) == expected  # parsed, then kept
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["labels"]
    assert load_labels(path) == expected  # from the cache
    path.write_text(LABELS.replace("RATE", "rate"), encoding="utf-8")
    with pytest.raises(EconerError, match=r"labels.yaml: label 'rate': upper-case"):
        load_labels(path)  # another content: parsed and checked again
    path.write_text(LABELS, encoding="utf-8")
    for entry in cache.iterdir():
        entry.write_bytes(entry.read_bytes()[:25])  # a cut entry: parsed again
    assert load_labels(path) == expected


def test_a_start_with_the_cache_does_not_import_yaml(tmp_path: Path) -> None:
    env = {**os.environ, "ECONER_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("ECONER_LABELS", None)
    code = "import sys, econer.spans; print('yaml' in sys.modules, econer.spans.LABELS)"
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, check=True, timeout=120).stdout.split(" ", 1)
            for _ in range(2)]
    assert [imported for imported, _ in runs] == ["True", "False"]  # parsed, then cached
    assert runs[0][1] == runs[1][1]
