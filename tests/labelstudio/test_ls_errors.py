"""Bad input against a real server: one clear line, exit code 2, nothing lost locally."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from econer.annotate.labelstudio.client import LabelStudioClient
from econer.annotate.labelstudio.config import labelling_config
from econer.annotate.labelstudio.server import LocalServer, free_port

from econer.cli import run
from econer.jsonl import write_documents
from econer.spans import Document

pytestmark = pytest.mark.labelstudio

PREVIOUS = '{"id": "old", "text": "旧的金标准", "spans": []}\n'


def _one_line_error(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("econer: error: ") and "\n" not in err, err
    for word in words:
        assert word in err, err
    return err


@pytest.fixture()
def previous_gold(tmp_path: Path) -> Path:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(PREVIOUS, encoding="utf-8")
    return gold


@pytest.fixture()
def pushed(ls_args: list[str], tmp_path: Path) -> list[str]:
    """Two documents pushed to this test's project; returns the push command's arguments."""
    docs = [Document.from_text("千能实业投资12亿元", id="e-0"),
            Document.from_text("增长41%", id="e-1")]
    source = tmp_path / "docs.jsonl"
    write_documents(source, docs)
    assert run(["ls", "push", str(source), *ls_args]) == 0
    return ["ls", "push", str(source), *ls_args]


def test_server_down(ls_server: LocalServer, previous_gold: Path,
                     capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    code = run(["ls", "pull", "--out", str(previous_gold), "--url", url,
                "--token", ls_server.token])
    assert code == 2
    _one_line_error(capsys, url, "cannot connect", "econer ls serve")
    assert previous_gold.read_text(encoding="utf-8") == PREVIOUS


def test_wrong_token(ls_server: LocalServer, previous_gold: Path, tmp_path: Path,
                     capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["ls", "pull", "--out", str(previous_gold), "--url", ls_server.url,
                "--token", "0" * 40]) == 2
    _one_line_error(capsys, "rejected the API token")
    assert previous_gold.read_text(encoding="utf-8") == PREVIOUS
    source = tmp_path / "x.jsonl"
    write_documents(source, [Document.from_text("文本", id="x")])
    assert run(["ls", "push", str(source), "--url", ls_server.url, "--token", "nope"]) == 2
    _one_line_error(capsys, "rejected the API token")


def test_wrong_url(ls_server: LocalServer, previous_gold: Path,
                   capsys: pytest.CaptureFixture[str]) -> None:
    url = f"{ls_server.url}/not-label-studio"
    assert run(["ls", "status", "--url", url, "--token", ls_server.token]) == 2
    _one_line_error(capsys, url, "is the URL right?")


def test_unknown_project(ls_server: LocalServer, previous_gold: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["ls", "pull", "--out", str(previous_gold), "--url", ls_server.url,
                "--token", ls_server.token, "--project", "no such project"]) == 2
    _one_line_error(capsys, "no project titled 'no such project'")
    assert previous_gold.read_text(encoding="utf-8") == PREVIOUS


def test_project_config_lacks_a_label(ls_client: LabelStudioClient, ls_args: list[str],
                                      project_title: str, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    ls_client.sdk.projects.create(title=project_title,
                                  label_config=labelling_config(("COMPANY", "PARK", "AMOUNT")))
    source = tmp_path / "x.jsonl"
    write_documents(source, [Document.from_text("增长41%", id="x")])
    assert run(["ls", "push", str(source), *ls_args]) == 2
    _one_line_error(capsys, "lacks the label(s) RATE")
    assert ls_client.export_tasks(ls_client.project(project_title)) == []


@pytest.mark.parametrize("value, words", [
    ({"start": 0, "end": 4, "text": "千能实业", "labels": ["BRAND"]}, ["unknown label"]),
    ({"start": 2, "end": 40, "text": "实业", "labels": ["COMPANY"]}, ["out of range"]),
    ({"start": 2, "end": 4, "text": "千能", "labels": ["COMPANY"]}, ["does not match"]),
])
def test_annotation_that_does_not_fit_its_text(
        ls_client: LabelStudioClient, ls_args: list[str], project_title: str,
        pushed: list[str], previous_gold: Path, value: dict[str, Any], words: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    tasks = ls_client.export_tasks(ls_client.project(project_title))
    task = next(t for t in tasks if t["data"]["doc_id"] == "e-0")
    ls_client.annotate(task["id"], [{"from_name": "label", "to_name": "text", "type": "labels",
                                     "value": value}])
    capsys.readouterr()
    assert run(["ls", "pull", "--out", str(previous_gold), *ls_args]) == 2
    _one_line_error(capsys, f"task {task['id']}", "e-0", *words)
    assert previous_gold.read_text(encoding="utf-8") == PREVIOUS
    assert [p.name for p in previous_gold.parent.iterdir() if p.name.startswith(".gold")] == []
