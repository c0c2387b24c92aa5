"""Pattern files are data: a maintainer extends them without touching Python."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from econer.annotate.rules.patterns import load_patterns
from econer.annotate.rules.ruler import load_rules

from econer.errors import EconerError
from econer.resources import config_path
from econer.spans import Document


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(config_path("rules"), target)
    return target


def test_version_is_a_hash_of_the_files(rules_copy: Path) -> None:
    before = load_rules(rules_copy).version
    assert before == load_rules(config_path("rules")).version
    assert before.startswith("rules-") and len(before) == len("rules-") + 8
    with (rules_copy / "lexicon" / "company.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"label": "COMPANY", "pattern": "蓝鲸速达"}\n')
    assert load_rules(rules_copy).version != before


def test_a_new_lexicon_name_and_a_new_rule_need_no_python(rules_copy: Path) -> None:
    text = "蓝鲸速达发布新芯片，产量增加3成"
    assert [s.text for s in load_rules(rules_copy)(Document.from_text(text)).spans] == []
    with (rules_copy / "lexicon" / "company.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"label": "COMPANY", "pattern": "蓝鲸速达"}\n')
    (rules_copy / "extra.yaml").write_text(
        "rules:\n  - name: rate.cheng\n    label: RATE\n    score: 0.5\n"
        "    pattern: '[0-9]+成'\n", encoding="utf-8")
    doc = load_rules(rules_copy)(Document.from_text(text))
    assert [(s.text, s.source) for s in doc.spans] == [
        ("蓝鲸速达", "rules:company.lexicon"), ("3成", "rules:rate.cheng")]


def test_stop_list_removes_a_name(rules_copy: Path) -> None:
    text = "位于开州高新区"
    found = load_rules(rules_copy)(Document.from_text(text)).spans
    assert [s.text for s in found] == ["开州高新区"]
    with (rules_copy / "lexicon" / "stop.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"label": "PARK", "pattern": "开州高新区", "stop": true}\n')
    assert load_rules(rules_copy)(Document.from_text(text)).spans == ()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.yaml", "rules: [\n", "bad YAML"),
    ("bad.yaml", "rules:\n  - name: x\n    label: MONEY\n    pattern: a\n", "unknown label"),
    ("bad.yaml", "rules:\n  - name: x\n    label: RATE\n    pattern: '{{NOPE}}'\n",
     "unknown list or macro NOPE"),
    ("bad.yaml", "rules:\n  - name: x\n    label: RATE\n    pattern: '(['\n", "bad pattern"),
    ("lexicon/bad.jsonl", '{"label": "COMPANY"}\n', "expected"),
])
def test_bad_pattern_files_name_the_file(rules_copy: Path, name: str, content: str,
                                         message: str) -> None:
    (rules_copy / name).write_text(content, encoding="utf-8")
    with pytest.raises(EconerError) as err:
        load_patterns(rules_copy)
    assert message in str(err.value) and "bad." in str(err.value)


def test_missing_rules_folder(tmp_path: Path) -> None:
    with pytest.raises(EconerError, match="no such rules folder"):
        load_rules(tmp_path / "nope")
