"""The learning-curve command: nested gold subsets, one scored run a size, a table and a plot."""

from __future__ import annotations

import json

from econer.cli import run
from econer.resources import config_path


def test_learning_curve_trains_once_a_size_on_nested_gold(tmp_path, capsys):
    out = tmp_path / "curve"
    code = run(["learning-curve", str(config_path("train", "tiny.yaml")), "--out", str(out),
                "--sizes", "2,1", "--full", "--fold", "loo-003", "--set", "train.epochs=1",
                "--gold-weight", "3", "--no-progress"])
    assert code == 0
    rows = json.loads((out / "curve.json").read_text())
    assert [r["gold_documents"] for r in rows] == [1, 2]
    assert set(rows[0]["documents"]) < set(rows[1]["documents"])  # nested
    assert all("003_d033d7466951ef4d" not in r["documents"] for r in rows)  # held out
    assert all(0 <= r["micro_f1"] <= 1 for r in rows)
    # the gold is trained on however the config weighs it (the default config's is 0)
    info = json.loads((out / "gold-1" / "run.json").read_text())
    assert info["data"]["mix"]["gold"] == 3.0
    assert (out / "curve.png").stat().st_size > 1000
    assert "| 2 |" in capsys.readouterr().out


def test_learning_curve_rejects_more_gold_than_the_pool(tmp_path, capsys):
    code = run(["learning-curve", str(config_path("train", "tiny.yaml")), "--out",
                str(tmp_path / "c"), "--sizes", "0,5", "--no-progress"])
    assert code == 2
    assert "the pool has 4" in capsys.readouterr().err
