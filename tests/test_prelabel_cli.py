"""``econer prelabel`` and ``econer rules``: outputs, run record, explain, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from econer.cli import run
from econer.jsonl import read_documents, write_documents
from econer.resources import config_path
from econer.runinfo import read_run_info
from econer.spans import Document, Span


def test_prelabel_seeds(tmp_path: Path, seed_paths: list[Path], capsys) -> None:
    out = tmp_path / "pre.jsonl"
    assert run(["prelabel", *map(str, seed_paths), "--out", str(out), "--no-progress"]) == 0
    docs = list(read_documents(out))  # checked on read: offsets, texts, no overlaps
    assert [d.id for d in docs] == [p.stem for p in seed_paths]
    labels = {s.label for d in docs for s in d.spans}
    assert labels == {"COMPANY", "PARK", "AMOUNT", "RATE"}
    assert all(s.source.startswith("rules:") and s.score for d in docs for s in d.spans)
    assert all(s.value for d in docs for s in d.spans if s.label in ("AMOUNT", "RATE"))
    info = read_run_info(out)
    assert info.system == "rules" and info.version.startswith("rules-")
    assert info.documents == 5 and info.chars == sum(len(d.text) for d in docs)
    assert "wrote 5 documents" in capsys.readouterr().err


def test_prelabel_explain_and_workers(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    texts = [f"第{i}批：开州高新区投资{i}亿元，增长{i}%" for i in range(1, 7)]
    write_documents(src, [Document.from_text(t, id=f"d{i}") for i, t in enumerate(texts, 1)])
    out = tmp_path / "out.jsonl"
    assert run(["prelabel", str(src), "--out", str(out), "--explain", "--workers", "2"]) == 0
    printed = capsys.readouterr().out
    assert "d1: 3 spans" in printed and "rules:amount.arabic" in printed
    assert "[开州高新区]" in printed
    docs = list(read_documents(out))
    assert [d.id for d in docs] == [f"d{i}" for i in range(1, 7)]
    assert [s.text for s in docs[2].spans] == ["开州高新区", "3亿元", "3%"]


def test_prelabel_with_another_rules_folder(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(config_path("rules"), rules)
    with (rules / "lexicon" / "company.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"label": "COMPANY", "pattern": "蓝鲸速达"}\n')
    src = tmp_path / "a.txt"
    src.write_text("蓝鲸速达落户开州。\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert run(["prelabel", str(src), "--out", str(out), "--rules", str(rules),
                "--no-progress"]) == 0
    assert [s.text for s in next(read_documents(out)).spans] == ["蓝鲸速达"]


def test_prelabel_errors_are_one_line(tmp_path: Path, capsys) -> None:
    out = tmp_path / "o.jsonl"
    assert run(["prelabel", str(tmp_path / "missing.txt"), "--out", str(out)]) == 2
    assert "missing.txt: no such file or folder" in capsys.readouterr().err
    assert run(["prelabel", str(tmp_path), "--out", str(out), "--rules",
                str(tmp_path / "nope")]) == 2
    assert "no such rules folder" in capsys.readouterr().err
    assert not out.exists()


def test_rules_harvest_calibrate_score_cli(tmp_path: Path, capsys) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(config_path("rules"), rules)
    text = "蓝鲸速达在开州高新区投资5亿元"
    gold = tmp_path / "gold.jsonl"
    write_documents(gold, [Document.from_text(text, id="g").with_spans([
        Span.at(text, 0, 4, "COMPANY"), Span.at(text, 5, 10, "PARK"),
        Span.at(text, 12, 15, "AMOUNT")])])
    assert run(["rules", "score", str(gold), "--rules", str(rules)]) == 0
    assert "COMPANY" in capsys.readouterr().out
    assert run(["rules", "harvest", str(gold), "--rules", str(rules)]) == 0
    assert "+ COMPANY  蓝鲸速达" in capsys.readouterr().out
    assert run(["rules", "harvest", str(gold), "--rules", str(rules)]) == 0
    assert "added 0 names" in capsys.readouterr().out
    assert run(["rules", "calibrate", str(gold), "--rules", str(rules)]) == 0
    table = json.loads((rules / "precision.json").read_text(encoding="utf-8"))["rules"]
    assert table["company.lexicon"]["tp"] == 1
    assert run(["rules", "explain", text, "--rules", str(rules)]) == 0
    assert "rules:company.lexicon" in capsys.readouterr().out
    assert run(["rules", "check", "--rules", str(rules)]) == 0
    assert run(["rules", "harvest", str(tmp_path / "g.txt")]) == 2
