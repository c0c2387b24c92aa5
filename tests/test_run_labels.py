"""Prediction takes its tags from the run folder (``labels.json``), not from this install's
label set: a run trained on other labels still decodes into its own labels."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from econer.models.predict import run_tags
from econer.models.tags import TAGS, decode, viterbi

from econer.errors import EconerError

OTHER = ["O", "B-PERSON", "I-PERSON", "B-RATE", "I-RATE"]  # a run with its own two labels


def test_run_tags_are_read_and_checked(tmp_path: Path) -> None:
    (tmp_path / "labels.json").write_text(json.dumps({"tags": OTHER}), encoding="utf-8")
    assert run_tags(tmp_path) == OTHER
    (tmp_path / "labels.json").write_text(json.dumps({"tags": ["B-X", "O"]}), encoding="utf-8")
    with pytest.raises(EconerError, match="labels.json: tags must be 'O' then B-/I- tags"):
        run_tags(tmp_path)
    (tmp_path / "labels.json").write_text("[", encoding="utf-8")
    with pytest.raises(EconerError, match="labels.json: expected"):
        run_tags(tmp_path)
    with pytest.raises(EconerError, match="no labels.json"):
        run_tags(tmp_path / "nothing")


def test_viterbi_and_decode_use_the_runs_tags() -> None:
    text = "张三先生说增长5%"
    offsets = [(i, i + 1) for i in range(len(text))]
    probs = np.full((len(text), len(OTHER)), 0.01)
    want = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-RATE", "I-RATE"]
    for i, tag in enumerate(want):
        probs[i, OTHER.index(tag)] = 0.9
    probs[1, OTHER.index("I-RATE")] = 0.95  # IOB2 forbids I-RATE after B-PERSON
    tags = viterbi(np.log(probs), names=OTHER)
    assert [OTHER[t] for t in tags] == want
    spans = decode(text, offsets, tags, [0.9] * len(text), "model:x", OTHER)
    assert [(s.text, s.label) for s in spans] == [("张三", "PERSON"), ("5%", "RATE")]
    assert len(TAGS) != len(OTHER)  # the install's own tags would not fit these columns
