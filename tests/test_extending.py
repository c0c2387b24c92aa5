"""docs/extending.md, "A fifth label", run for real: a toy PERSON label in a temporary labels
file and a tiny pattern in a copy of the rules, then prelabel → eval in fresh processes
(the label set is read once, at import, from ECONER_LABELS)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from econer.resources import config_path

ECONER = str(Path(sys.executable).with_name("econer"))

PERSON_RULES = """\
# A toy fifth label: a surname and one or two characters before an honorific.
lists:
  SURNAME: [张, 王, 李, 刘, 陈]
  HONORIFIC: [先生, 女士]
rules:
  - name: person.honorific
    label: PERSON
    pattern: '{{SURNAME}}[\\u4e00-\\u9fff]{1,2}?(?={{HONORIFIC}})'
    score: 0.6
"""
TEXTS = {
    "a": "董事长张三先生表示，公司今年投资5亿元。",
    "b": "王小明女士出席了签约仪式。",
}
GOLD = {"a": [("张三", "PERSON"), ("5亿元", "AMOUNT")], "b": [("王小明", "PERSON")]}


def econer(args: list[str], cwd: Path, labels: Path | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "ECONER_LABELS"}
    if labels is not None:
        env["ECONER_LABELS"] = str(labels)
    return subprocess.run([ECONER, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


def setup(tmp_path: Path) -> Path:
    labels = tmp_path / "labels.yaml"
    labels.write_text(config_path("labels.yaml").read_text(encoding="utf-8")
                      + '  - {name: PERSON, colour: "#9467bd", hotkey: n}\n', encoding="utf-8")
    shutil.copytree(config_path("rules"), tmp_path / "rules")
    (tmp_path / "rules" / "person.yaml").write_text(PERSON_RULES, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    gold = []
    for doc_id, text in TEXTS.items():
        (docs / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8")
        spans = [{"start": text.index(s), "end": text.index(s) + len(s), "label": label,
                  "text": s} for s, label in GOLD[doc_id]]
        gold.append(json.dumps({"id": doc_id, "text": text, "spans": spans},
                               ensure_ascii=False))
    (tmp_path / "gold.jsonl").write_text("\n".join(gold) + "\n", encoding="utf-8")
    return labels


def test_a_fifth_label_from_a_temporary_config_runs_prelabel_to_eval(tmp_path: Path) -> None:
    labels = setup(tmp_path)
    pre = econer(["prelabel", "docs", "--rules", "rules", "--out", "pred.jsonl",
                  "--no-progress"], tmp_path, labels)
    assert pre.returncode == 0, pre.stderr
    pred = [json.loads(line) for line in (tmp_path / "pred.jsonl").read_text(
        encoding="utf-8").splitlines()]
    found = {(d["id"], s["text"], s["label"], s["source"]) for d in pred for s in d["spans"]}
    assert ("a", "张三", "PERSON", "rules:person.honorific") in found
    assert ("b", "王小明", "PERSON", "rules:person.honorific") in found
    # prelabel keeps the ids of the .txt files' names; the gold uses the same ids
    assert sorted(d["id"] for d in pred) == ["a", "b"]

    ev = econer(["eval", "--gold", "gold.jsonl", "--pred", "rules=pred.jsonl", "--out", "card",
                 "--samples", "20", "--no-progress"], tmp_path, labels)
    assert ev.returncode == 0, ev.stderr
    card = json.loads((tmp_path / "card" / "scorecard.json").read_text(encoding="utf-8"))
    assert card["labels"] == ["COMPANY", "PARK", "AMOUNT", "RATE", "PERSON"]
    person = card["systems"]["rules"]["strict"]["per_label"]["PERSON"]
    assert (person["tp"], person["fp"], person["fn"]) == (2, 0, 0)
    assert "PERSON" in (tmp_path / "card" / "scorecard.md").read_text(encoding="utf-8")


def test_without_the_label_the_rule_is_refused_in_one_line(tmp_path: Path) -> None:
    setup(tmp_path)
    pre = econer(["prelabel", "docs", "--rules", "rules", "--out", "pred.jsonl",
                  "--no-progress"], tmp_path, None)
    assert pre.returncode == 2
    assert pre.stderr.strip().splitlines() == [
        "econer: error: rules/person.yaml: rule person.honorific: unknown label 'PERSON'"]
    assert not (tmp_path / "pred.jsonl").exists()


def test_a_bad_labels_file_is_a_one_line_error(tmp_path: Path) -> None:
    labels = tmp_path / "labels.yaml"
    labels.write_text("labels:\n  - {name: COMPANY, hotkey: c}\n  - {name: person}\n",
                      encoding="utf-8")
    (tmp_path / "in.txt").write_text("增长41%", encoding="utf-8")
    out = econer(["prelabel", "in.txt", "--out", "o.jsonl"], tmp_path, labels)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"econer: error: {labels}: label 'person': upper-case letters, digits and _"]
    assert econer(["--help"], tmp_path, labels).returncode == 0  # help needs no label set
