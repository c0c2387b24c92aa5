"""Training configs: strict keys, resolved paths, and one-line errors from the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from econer.models.config import load_config

from econer.cli import run
from econer.errors import EconerError
from econer.resources import config_path, seeds_dir

TRAIN_CONFIGS = ["tiny", "small", "bert-base-chinese", "rbt3"]


@pytest.mark.parametrize("name", TRAIN_CONFIGS)
def test_shipped_configs_load(name: str) -> None:
    cfg = load_config(config_path("train", f"{name}.yaml"))
    assert cfg.name
    assert all(Path(p).is_absolute() for p in cfg.data.gold)


def test_hub_configs_name_their_model() -> None:
    assert load_config(config_path("train", "bert-base-chinese.yaml")).model.base == \
        "bert-base-chinese"
    assert load_config(config_path("train", "rbt3.yaml")).model.base == "hfl/rbt3"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_key_names_key_and_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: x\nmodel:\n  architecture: {layers: 1, hiden: 8}\n"
                            "tokenizer: {kind: chars}\n")
    with pytest.raises(EconerError) as err:
        load_config(path)
    assert "unknown key 'model.architecture.hiden'" in str(err.value)
    assert str(path) in str(err.value)


def test_wrong_type_and_inconsistent_model(tmp_path: Path) -> None:
    with pytest.raises(EconerError, match="train.epochs must be int"):
        load_config(_write(tmp_path, "model: {architecture: {}}\ntokenizer: {kind: chars}\n"
                                     "train: {epochs: many}\n"))
    with pytest.raises(EconerError, match="either 'base'"):
        load_config(_write(tmp_path, "model: {base: x, architecture: {}}\n"))
    with pytest.raises(EconerError, match="needs model.base"):
        load_config(_write(tmp_path, "model: {architecture: {}}\n"))
    with pytest.raises(EconerError, match="stride"):
        load_config(_write(tmp_path, "model: {architecture: {}}\ntokenizer: {kind: chars}\n"
                                     "window: {max_length: 16, stride: 14}\n"))


def test_paths_resolve_against_package_and_config_folder(tmp_path: Path) -> None:
    cfg = load_config(_write(tmp_path, "model: {architecture: {}}\ntokenizer: {kind: chars, "
                                       "corpora: [gold, more.txt]}\n"
                                       "data: {gold: [seeds/gold/seeds.jsonl, mine.jsonl]}\n"),
                      {"output_dir": "out/run"})
    assert cfg.data.gold == [str(seeds_dir() / "gold" / "seeds.jsonl"),
                             str(tmp_path / "mine.jsonl")]
    assert cfg.tokenizer.corpora == ["gold", str(tmp_path / "more.txt")]
    assert cfg.output_dir == str(Path("out/run").resolve())


def test_cli_bad_config_is_one_line_exit_2(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, "name: x\nepochs: 3\n")
    assert run(["train", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "unknown key 'epochs'" in err and str(path) in err


def test_cli_unknown_fold_is_one_line(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "a", "text": "甲公司"}\n', encoding="utf-8")
    code = run(["train", str(config_path("train", "tiny.yaml")), "--out", str(tmp_path / "r"),
                "--set", f"data.gold={gold}", "--fold", "loo-999", "--no-progress"])
    assert code == 2
    assert "no fold 'loo-999'" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_unreachable_hub_id_fails_in_one_line_without_fallback(tmp_path: Path) -> None:
    # A fresh process, so HF_HOME (an empty cache) and HF_HUB_OFFLINE take effect.
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    out = tmp_path / "run"
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from econer.cli import run; sys.exit(run())",
         "train", str(config_path("train", "bert-base-chinese.yaml")), "--out", str(out),
         "--no-progress"],
        capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "cannot download 'bert-base-chinese' from the Hugging Face hub" in lines[0]
    assert "local directory" in lines[0]
    assert not out.exists()


def test_command_line_paths_are_relative_to_where_the_user_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "silver.jsonl").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cfg = load_config(config_path("train", "tiny.yaml"), {"data.silver": ["silver.jsonl"]})
    assert cfg.data.silver == [str(tmp_path / "silver.jsonl")]
