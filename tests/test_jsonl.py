from __future__ import annotations

import json
from pathlib import Path

import pytest

from econer import Document, EconerError, Span
from econer.cli import run
from econer.jsonl import read_documents, write_documents

TEXT = "开州高新区\r\n总投资近170亿元😀，增长41%"


def _doc() -> Document:
    return Document.from_text(TEXT, id="a").with_spans(
        [Span.at(TEXT, 0, 5, "PARK"), Span.at(TEXT, 11, 16, "AMOUNT"),
         Span.at(TEXT, 20, 23, "RATE")]
    )


def test_round_trip_keeps_offsets_with_crlf_and_emoji(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    assert write_documents(path, [_doc()]) == 1
    [back] = read_documents(path)
    assert back == _doc()
    assert [back.text[s.start : s.end] for s in back.spans] == ["开州高新区", "170亿元", "41%"]
    line = json.loads(path.read_text("utf-8"))
    assert line["spans"][2] == {"start": 20, "end": 23, "label": "RATE", "text": "41%"}


def _write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "b", "text": "abc"', r"bad.jsonl:2: malformed JSON"),
        ('{"id": "b", "text": "abc", "spans": [{"start": 1, "end": 9, "label": "RATE", '
         '"text": "bc"}]}', r"bad.jsonl:2: span 1-9 RATE: offsets out of range"),
        ('{"id": "b", "text": "abc", "spans": [{"start": 1, "end": 3, "label": "RATE", '
         '"text": "xy"}]}', r"bad.jsonl:2: span 1-3 RATE: text 'xy' does not match 'bc'"),
        ('{"id": "b", "text": "abc", "spans": [{"start": 1, "end": 3, "label": "ORG", '
         '"text": "bc"}]}', r"bad.jsonl:2: .*unknown label"),
        ('{"id": "a", "text": "abc"}', r"bad.jsonl:2: duplicate document id 'a'"),
        ('[1, 2]', r"bad.jsonl:2: expected a JSON object"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = _write_lines(tmp_path / "bad.jsonl", '{"id": "a", "text": "abc"}', line)
    with pytest.raises(EconerError, match=message):
        list(read_documents(path))


def test_failed_write_leaves_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("previous\n", encoding="utf-8")

    def docs():
        yield _doc()
        raise EconerError("boom")

    with pytest.raises(EconerError):
        write_documents(path, docs())
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_cli_turns_errors_into_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    bad = _write_lines(tmp_path / "bad.jsonl", '{"text": "abc"', "")
    code = run(["prelabel", str(bad), "--out", str(tmp_path / "o.jsonl")])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.count("\n") == 0 and "bad.jsonl:1: malformed JSON" in err
    assert not (tmp_path / "o.jsonl").exists()


def test_atomic_outputs_get_the_usual_file_mode(tmp_path: Path) -> None:
    import os

    path = tmp_path / "out.jsonl"
    write_documents(path, [_doc()])
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
