from __future__ import annotations

import json
from pathlib import Path

from econer.cli import run
from econer.jsonl import read_documents


def test_import_cluener_turns_inclusive_ends_into_company_spans(tmp_path: Path) -> None:
    src = tmp_path / "train.json"
    rows = [
        {"text": "浙商银行企业信贷部叶老桂", "label": {"company": {"浙商银行": [[0, 3]]},
                                                "name": {"叶老桂": [[9, 11]]}}},
        {"text": "生生不息CSOL", "label": {"game": {"CSOL": [[4, 7]]}}},
    ]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    assert run(["gold", "import-cluener", str(src), "--out", str(tmp_path / "g.jsonl")]) == 0
    docs = list(read_documents(tmp_path / "g.jsonl"))
    assert [d.id for d in docs] == ["cluener-1", "cluener-2"]
    assert [(s.start, s.end, s.text, s.label) for s in docs[0].spans] == [
        (0, 4, "浙商银行", "COMPANY")]
    assert docs[1].spans == ()


def test_import_cluener_bad_offsets_name_file_and_line(tmp_path: Path, capsys) -> None:
    src = tmp_path / "train.json"
    src.write_text('{"text": "ok", "label": {}}\n'
                   '{"text": "浙商银行", "label": {"company": {"浙商银行": [[1, 3]]}}}\n', "utf-8")
    out = tmp_path / "g.jsonl"
    assert run(["gold", "import-cluener", str(src), "--out", str(out)]) == 2
    assert "train.json:2: company '浙商银行' does not match" in capsys.readouterr().err
    assert not out.exists()
