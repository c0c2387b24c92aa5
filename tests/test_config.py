"""One config loader for every YAML econer reads: a typo or a wrong type in any of them is a
one-line error naming the file, the line and the key (and the known keys)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from econer.annotate.gold.check import load_check_rules, load_waivers
from econer.annotate.rules.patterns import load_patterns
from econer.models.config import load_config

from econer.cli import run
from econer.config import load, parse_sets, read_yaml
from econer.errors import EconerError
from econer.folds import FoldsFile, load_folds
from econer.ingest import Furniture
from econer.resources import config_path


def test_marks_give_the_line_of_every_key_and_item(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("# a comment\na:\n  b: 1\nrules:\n  - name: x\n    anchr: y\n",
                    encoding="utf-8")
    data, marks = read_yaml(path)
    assert data == {"a": {"b": 1}, "rules": [{"name": "x", "anchr": "y"}]}
    assert marks == {"a": 2, "a.b": 3, "rules": 4, "rules[0]": 5, "rules[0].name": 5,
                     "rules[0].anchr": 6}


def test_bad_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\nb: [1, 2\nc: 3\n", encoding="utf-8")
    with pytest.raises(EconerError, match=r"x\.yaml:\d+: bad YAML"):
        read_yaml(path)


def test_a_typo_in_a_rules_file_is_an_error_with_its_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(config_path("rules"), rules)
    text = (rules / "numbers.yaml").read_text(encoding="utf-8")
    line = text[: text.index("    anchor:")].count("\n") + 1
    (rules / "numbers.yaml").write_text(text.replace("    anchor:", "    anchr:", 1),
                                        encoding="utf-8")
    with pytest.raises(EconerError) as err:
        load_patterns(rules)
    assert str(err.value) == (
        f"{rules / 'numbers.yaml'}:{line}: unknown key 'rules[0].anchr' (known: name, pattern, "
        "label, value, score, priority, context, anchor, reach)")
    assert run(["rules", "check", "--rules", str(rules)]) == 2


def test_a_wrong_type_in_a_rules_file(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        "lists:\n  W: [a]\nrules:\n  - name: r\n    label: RATE\n    pattern: a\n"
        "    context: {words: W, before: ten}\n", encoding="utf-8")
    with pytest.raises(EconerError, match=r"r\.yaml:7: rules\[0\]\.context\.before must be "
                                          r"int, got 'ten'"):
        load_patterns(tmp_path)


def test_training_config_typos_and_types(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("name: t\nmodel:\n  architecture: {layers: 1}\ntokenizer:\n  kind: chars\n"
                    "train:\n  epochs: 1\n  lerning_rate: 0.1\n", encoding="utf-8")
    with pytest.raises(EconerError, match=r"t\.yaml:8: unknown key 'train\.lerning_rate' "
                                          r"\(known: epochs, "):
        load_config(path)
    path.write_text("name: t\nmodel:\n  architecture: {layers: 1}\ntokenizer:\n  kind: chars\n"
                    "train:\n  epochs: many\n", encoding="utf-8")
    with pytest.raises(EconerError, match=r"t\.yaml:7: train\.epochs must be int"):
        load_config(path)
    # an override's error has no line: it did not come from the file
    with pytest.raises(EconerError, match=r"tiny\.yaml: train\.epochs must be int, got 'x'$"):
        load_config(config_path("train", "tiny.yaml"), {"train.epochs": "x"})


def test_gold_checks_folds_and_furniture_refuse_unknown_keys(tmp_path: Path) -> None:
    checks = tmp_path / "checks.yaml"
    checks.write_text("edges: ' '\nlabels:\n  RATE:\n    sufix: [左右]\n", encoding="utf-8")
    with pytest.raises(EconerError, match=r"checks\.yaml:4: unknown key 'labels\.RATE\.sufix' "
                                          r"\(known: prefix, suffix, inside, exact, "):
        load_check_rules(checks)
    exceptions = tmp_path / "exceptions.yaml"
    exceptions.write_text("exceptions:\n  - text: 华为\n    reason: x\n    doc: [a]\n",
                          encoding="utf-8")
    with pytest.raises(EconerError, match=r"exceptions\.yaml:4: unknown key "
                                          r"'exceptions\[0\]\.doc' \(known: text, reason, "):
        load_waivers(exceptions)
    folds = tmp_path / "folds.yaml"
    folds.write_text("gold: g.jsonl\nfolds:\n  - name: f\n    tests: [a]\n", encoding="utf-8")
    with pytest.raises(EconerError, match=r"folds\.yaml:4: unknown key 'folds\[0\]\.tests'"):
        load_folds(folds)
    folds.write_text("gold: g.jsonl\nfolds:\n  - name: f\n", encoding="utf-8")
    with pytest.raises(EconerError, match=r"folds\.yaml:3: folds\[0\] needs 'test'"):
        load_folds(folds)
    furniture = tmp_path / "furniture.yaml"
    furniture.write_text("drop_line: ['x']\n", encoding="utf-8")
    with pytest.raises(EconerError, match=r"furniture\.yaml:1: unknown key 'drop_line' "
                                          r"\(known: drop_lines, "):
        Furniture.load(furniture)
    furniture.write_text("footer_max_line_chars: '20'\n", encoding="utf-8")
    with pytest.raises(EconerError, match=r"footer_max_line_chars must be int"):
        Furniture.load(furniture)


def test_the_shipped_configs_all_load() -> None:
    assert load_check_rules().labels and load_waivers() and load_patterns().rules
    assert load_folds().folds and Furniture.load(config_path("ingest", "furniture.yaml"))
    assert load(FoldsFile, config_path("folds", "seeds.yaml")).name == "seeds-loo"
    for path in sorted(config_path("train", "tiny.yaml").parent.glob("*.yaml")):
        assert load_config(path).name


def test_parse_sets() -> None:
    assert parse_sets(["a.b=[x, y]", "c= 2 "]) == {"a.b": ["x", "y"], "c": 2}
    for bad in ("novalue", "=3"):
        with pytest.raises(EconerError, match="expected KEY=VALUE"):
            parse_sets([bad])
    with pytest.raises(EconerError, match="not valid YAML"):
        parse_sets(["a=[1"])
