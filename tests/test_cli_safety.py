"""Data safety of every command: no output over an input, outputs land together, temporary
files go on every exit path (signals too), and every mistake is one line with exit code 2."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer

from econer.cli import run
from econer.errors import EconerError
from econer.jsonl import read_documents, read_gold_documents, write_documents
from econer.outputs import Outputs, guard, same_file
from econer.spans import Document, Span

ECONER = Path(sys.executable).with_name("econer")


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    text = "开州高新区引进项目，总投资125.8亿元，增长41%。"
    path = tmp_path / "gold.jsonl"
    write_documents(path, [Document.from_text(text, id="g1").with_spans(
        [Span.at(text, 0, 5, "PARK"), Span.at(text, 12, 20, "AMOUNT")])])
    return path


def tmp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


# -- 1. an output that is an input, or another output ------------------------------------

@pytest.mark.parametrize("spelling", ["same", "dotted", "link"])
def test_prelabel_refuses_to_overwrite_its_input(gold: Path, capsys: pytest.CaptureFixture,
                                                 spelling: str) -> None:
    before = gold.read_bytes()
    out = {"same": gold, "dotted": gold.parent / "." / gold.name}.get(spelling)
    if out is None:
        out = gold.parent / "hard-link.jsonl"
        os.link(gold, out)  # another name, the same inode
    assert run(["prelabel", str(gold), "--out", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "refusing to overwrite it" in err and len(err.strip().splitlines()) == 1
    assert gold.read_bytes() == before
    assert not Path(f"{out}.run.json").exists()


def test_prelabel_refuses_an_output_inside_an_input_folder(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "a.txt").write_text("开州高新区投资5亿元。\n", encoding="utf-8")
    before = (tmp_path / "a.txt").read_bytes()
    assert run(["prelabel", str(tmp_path), "--out", str(tmp_path / "a.txt")]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert (tmp_path / "a.txt").read_bytes() == before


def test_predict_refuses_its_input_before_loading_a_model(gold: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    # The run folder does not exist: the output check comes first, and so does the input's.
    before = gold.read_bytes()
    assert run(["predict", str(gold.parent / "no-run"), str(gold), "--out", str(gold)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert gold.read_bytes() == before
    bad = gold.parent / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert run(["predict", str(gold.parent / "no-run"), str(bad), "--out",
                str(gold.parent / "o.jsonl")]) == 2
    assert "bad.jsonl:1: malformed JSON" in capsys.readouterr().err


def test_guard_names_the_options() -> None:
    with pytest.raises(EconerError, match="--report g.jsonl is also --out"):
        guard([], [("--out", "g.jsonl"), ("--report", "./g.jsonl")])
    guard(["a.jsonl"], [("--out", "b.jsonl"), ("--report", None)])  # fine
    assert same_file("x/../y", "y") and not same_file("a", "b")


# -- 2. outputs land together ------------------------------------------------------------

def test_a_failed_output_leaves_every_target_as_it_was(tmp_path: Path) -> None:
    first = tmp_path / "gold.jsonl"
    first.write_text("old gold\n", encoding="utf-8")
    blocker = tmp_path / "reports"
    blocker.write_text("a file where the report's folder should be", encoding="utf-8")
    with pytest.raises(EconerError, match="cannot write here"), Outputs() as out:
        out.write_text(first, "new gold\n")  # prepared, not yet in place
        out.write_text(blocker / "report.json", "{}\n")  # fails: no folder to write in
    assert first.read_text(encoding="utf-8") == "old gold\n"
    assert tmp_files(tmp_path) == []


def test_an_error_midway_removes_every_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a.jsonl"
    target.write_text("kept\n", encoding="utf-8")

    def docs():  # noqa: ANN202
        yield Document.from_text("x", id="1")
        raise EconerError("bad input")

    with pytest.raises(EconerError), Outputs() as out:
        out.write_text(tmp_path / "b.json", "{}")
        out.write_documents(target, docs())
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert not (tmp_path / "b.json").exists() and tmp_files(tmp_path) == []


def test_an_output_folder_that_is_a_file_is_one_line(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "a.txt").write_text("开州高新区投资5亿元。\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert run(["prelabel", str(tmp_path / "a.txt"), "--out", str(blocker / "o.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("econer: error: ") and len(err.strip().splitlines()) == 1
    for folder in (tmp_path, Path("/")):  # "/" has no file name at all
        assert run(["prelabel", str(tmp_path / "a.txt"), "--out", str(folder)]) == 2
        assert "is a folder" in capsys.readouterr().err


# -- 3. signals: temporary files go, the exit code says which signal ---------------------

def _big_input(folder: Path, docs: int = 3000) -> Path:
    text = "重庆开州高新区引进华为技术有限公司等16个项目，总投资125.8亿元，同比增长41%。" * 20
    path = folder / "big.jsonl"
    write_documents(path, [Document.from_text(text, id=str(i)) for i in range(docs)])
    return path


def _wait_for_tmp(folder: Path, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not tmp_files(folder):
        assert process.poll() is None, "the command ended before writing"
        assert time.monotonic() < deadline, "no temporary output appeared"
        time.sleep(0.05)


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "workers"), [(signal.SIGTERM, "1"), (signal.SIGINT, "2"),
                                                  (signal.SIGTERM, "2")])
def test_a_signal_mid_run_removes_temporary_files(tmp_path: Path, signum: int,
                                                  workers: str) -> None:
    source = _big_input(tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "o.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    process = subprocess.Popen([str(ECONER), "prelabel", str(source), "--out", str(out),
                                "--no-progress", "--workers", workers],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        _wait_for_tmp(out_dir, process)
        # SIGINT as Ctrl-C sends it, to the whole group (workers too); SIGTERM as `kill` does.
        if signum == signal.SIGINT:
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 128 + signum
    assert b"Traceback" not in err, err.decode()
    assert err.decode().strip().splitlines()[-1].startswith("econer: ")
    assert tmp_files(out_dir) == [] and out.read_text(encoding="utf-8") == "previous\n"
    assert not Path(f"{out}.run.json").exists()
    assert _session_ends(process.pid, seconds=10), "workers left behind"


@pytest.mark.slow
def test_a_worker_that_dies_is_one_line_not_a_hang(tmp_path: Path) -> None:
    source = _big_input(tmp_path)
    out = tmp_path / "out" / "o.jsonl"
    out.parent.mkdir()
    process = subprocess.Popen([str(ECONER), "prelabel", str(source), "--out", str(out),
                                "--no-progress", "--workers", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        _wait_for_tmp(out.parent, process)
        deadline = time.monotonic() + 60
        while len(workers := subprocess.run(["pgrep", "-P", str(process.pid)],
                                            capture_output=True, text=True).stdout.split()) < 2:
            assert time.monotonic() < deadline and process.poll() is None, "no workers"
            time.sleep(0.05)
        os.kill(int(workers[0]), signal.SIGKILL)  # as the OOM killer would
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    lines = err.decode().strip().splitlines()
    assert process.returncode == 2 and b"Traceback" not in err, err.decode()
    assert lines[-1].startswith("econer: error: a pre-labelling worker stopped (exit code -9)")
    assert tmp_files(out.parent) == [] and not out.exists()
    assert _session_ends(process.pid, seconds=10), "workers left behind"


def _session_ends(sid: int, seconds: float) -> bool:
    """Whether every process of session ``sid`` (the command's workers) is gone in time."""
    deadline = time.monotonic() + seconds
    while subprocess.run(["pgrep", "-s", str(sid)], capture_output=True).returncode == 0:
        if time.monotonic() > deadline:
            os.killpg(sid, signal.SIGKILL)
            return False
        time.sleep(0.1)
    return True


# -- 4. usage errors ---------------------------------------------------------------------

@pytest.mark.parametrize("argv", [["gold", "chek"], ["prelabel", "x.txt", "--worker", "2"],
                                  ["prelabel", "x.txt"], ["eval", "--samples", "0"],
                                  ["prelabel", "x.txt", "-o", "o.jsonl", "--workers", "-1"],
                                  ["rules", "explain"]])
def test_usage_errors_print_usage_and_one_line(argv: list[str],
                                               capsys: pytest.CaptureFixture) -> None:
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("Usage: econer ")
    assert [line for line in err.splitlines() if line.startswith("Error: ")]


def test_no_command_prints_the_help_and_version_prints_the_version(
        capsys: pytest.CaptureFixture) -> None:
    assert run([]) == 2
    assert "prelabel" in capsys.readouterr().out
    assert run(["--version"]) == 0
    from importlib.metadata import version

    assert capsys.readouterr().out.strip() == f"econer {version('econer')}"


def test_usage_errors_from_a_real_process() -> None:
    done = subprocess.run([str(ECONER), "gold", "chek"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "No such command 'chek'" in done.stderr


def test_the_installed_typer_is_one_the_cli_handles() -> None:
    # typer >= 0.20 raises its bundled click's exceptions; both kinds must be caught.
    from econer.cli.common import CLICK_ERROR

    major, minor = (int(x) for x in typer.__version__.split(".")[:2])
    assert (major, minor) >= (0, 12)
    import click

    assert click.ClickException in CLICK_ERROR
    if (major, minor) >= (0, 20):
        from typer._click.exceptions import ClickException

        assert ClickException in CLICK_ERROR


# -- 5. file-system errors ---------------------------------------------------------------

def test_unreadable_input_and_unwritable_output_are_one_line(
        tmp_path: Path, gold: Path, capsys: pytest.CaptureFixture) -> None:
    # Root writes through a mode of 0o500, so as root the locked folder is sysfs, which
    # refuses new files to everyone: the test runs, and means the same, either way.
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    target = Path("/sys") if os.geteuid() == 0 else locked
    try:
        assert run(["prelabel", str(gold), "--out", str(target / "o.jsonl")]) == 2
        err = capsys.readouterr().err.strip()  # a progress bar may have ended its line
        assert err.startswith("econer: error: ") and "Permission denied" in err
        assert len(err.strip().splitlines()) == 1
    finally:
        locked.chmod(0o700)


# -- 9. gold that is not gold ------------------------------------------------------------

def test_empty_gold_and_gold_without_spans_are_refused(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    plain = tmp_path / "plain.jsonl"
    plain.write_text(json.dumps({"id": "a", "text": "开州高新区"}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    write_documents(pred, [Document.from_text("开州高新区", id="a")])
    assert run(["gold", "check", str(empty)]) == 2
    assert "empty.jsonl: doc ?: no gold documents in this file" in capsys.readouterr().out
    assert run(["gold", "check", str(plain)]) == 2
    assert "plain.jsonl:1: doc a: a gold line needs" in capsys.readouterr().out
    for bad, message in ((empty, "empty.jsonl: no gold documents"),
                         (plain, "plain.jsonl:1: a gold line needs a list of 'spans'")):
        assert run(["eval", "--gold", str(bad), "--pred", f"p={pred}", "--out",
                    str(tmp_path / "card"), "--no-progress"]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "card").exists()
    with pytest.raises(EconerError, match="no gold documents"):
        read_gold_documents(empty)
    assert [d.id for d in read_documents(plain)] == ["a"]  # a plain document is fine as input


# -- 10. statistics on too few documents -------------------------------------------------

def test_one_document_gets_no_interval_and_no_test(gold: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    doc = next(read_documents(gold))
    half = tmp_path / "half.jsonl"
    write_documents(half, [doc.with_spans(doc.spans[:1])])
    card_dir = tmp_path / "card"
    assert run(["eval", "--gold", str(gold), "--pred", f"all={gold}", "--pred", f"half={half}",
                "--out", str(card_dir), "--no-progress", "--samples", "100"]) == 0
    printed = capsys.readouterr().out
    assert "significant" not in printed and "p = " not in printed
    assert "all − half: micro F1 +0.333 (no interval or test: fewer than 4 documents" in printed
    card = json.loads((card_dir / "scorecard.json").read_text(encoding="utf-8"))
    assert card["bootstrap"]["intervals"] is False
    assert card["systems"]["all"]["strict"]["micro"]["ci"]["f1"] is None
    test = card["comparisons"][0]["micro_f1"]
    assert test["p_value"] is None and test["significant"] is False
    note = "No intervals or tests: 1 document, and a bootstrap over documents needs at least 4."
    assert note in (card_dir / "scorecard.md").read_text(encoding="utf-8")
    assert note in (card_dir / "scorecard.html").read_text(encoding="utf-8")


# -- 11. smaller ones --------------------------------------------------------------------

def test_workers_below_zero_are_a_usage_error(gold: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture) -> None:
    assert run(["prelabel", str(gold), "--out", str(tmp_path / "o.jsonl"), "-w", "-1"]) == 2
    assert "--workers" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_pull_refuses_a_report_that_is_the_gold_before_calling_the_server(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text("kept\n", encoding="utf-8")
    # Port 9 (discard) answers nobody: the refusal must come before any request.
    assert run(["ls", "pull", "--out", str(gold), "--report", str(gold), "--url",
                "http://127.0.0.1:9", "--token", "x"]) == 2
    assert "--report" in capsys.readouterr().err
    assert gold.read_text(encoding="utf-8") == "kept\n"


def test_predict_device_and_serve_data_mistakes_are_one_line(
        gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert run(["predict", str(tmp_path), str(gold), "--out", str(tmp_path / "o.jsonl"),
                "--device", "tpu"]) == 2
    assert capsys.readouterr().err == ("econer: error: --device 'tpu': expected auto, cpu, "
                                       "cuda or cuda:N\n")
    assert run(["ls", "serve", "--data", str(gold), "--label-studio", sys.executable]) == 2
    err = capsys.readouterr().err
    assert "the data folder must be a folder" in err and len(err.strip().splitlines()) == 1


def test_a_first_push_counts_the_predictions_it_stores() -> None:
    from econer.annotate.labelstudio.push import plan_push

    text = "开州高新区投资5亿元"
    docs = [Document.from_text(text, id=f"d{i}").with_spans([Span.at(text, 0, 5, "PARK")])
            for i in range(3)]
    assert plan_push(docs, [], "rules:v1").predictions == 3
    assert plan_push(docs, [], None).predictions == 0


def test_utf16_offsets_get_a_hint() -> None:
    from econer.annotate.labelstudio.tasks import result_spans

    text = "在𪚥科技有限公司投资"
    # A JavaScript client counts 𪚥 as two: its region 1-9 is 1-8 in code points.
    region = {"type": "labels", "value": {"start": 1, "end": 9, "labels": ["COMPANY"],
                                          "text": "𪚥科技有限公司"}}
    with pytest.raises(EconerError, match="UTF-16 code units"):
        result_spans(text, [region])
    region["value"] = {"start": 1, "end": 8, "labels": ["COMPANY"], "text": "𪚥科技有限公司"}
    assert [s.text for s in result_spans(text, [region])] == ["𪚥科技有限公司"]


# -- 8. long documents: the same figures as the same text in ordinary documents -----------

def test_long_documents_score_as_their_pieces() -> None:
    from econer.eval.bench.longdoc import cut, long_document
    from econer.eval.metrics import LONG, seqeval_counts, span_counts

    from econer.resources import seed_gold

    seeds = list(read_documents(seed_gold()))
    doc = long_document(seeds, 6 * LONG)
    pred = doc.with_spans([s if i % 4 else Span.at(doc.text, s.start, s.end - 1, s.label)
                           for i, s in enumerate(doc.spans) if i % 3 and s.end - s.start > 1])
    whole = seqeval_counts([doc], [pred])  # cut into pieces inside
    assert whole == span_counts([doc], [pred])
    assert sum(c.tp for c in whole.values()) < sum(c.gold for c in whole.values())
    # and as seqeval counts the text cut into ordinary documents (the cuts avoid every span)
    pieces = cut(doc, 1500)
    pred_pieces = [p.with_spans([s for s in pred.spans if False]) for p in pieces]
    offset = 0
    for i, piece in enumerate(pieces):
        inside = [Span(s.start - offset, s.end - offset, s.label, s.text) for s in pred.spans
                  if offset <= s.start and s.end <= offset + len(piece.text)]
        pred_pieces[i] = piece.with_spans(inside)
        offset += len(piece.text)
    assert sum(len(p.spans) for p in pred_pieces) == len(pred.spans)
    assert seqeval_counts(pieces, pred_pieces) == whole


def test_gold_check_of_a_long_document_finds_an_unlabelled_occurrence(tmp_path: Path) -> None:
    from econer.annotate.gold.check import check_gold
    from econer.eval.bench.longdoc import long_document

    from econer.resources import seed_gold

    seeds = list(read_documents(seed_gold()))
    doc = long_document(seeds, 30_000)
    dropped = doc.with_spans(doc.spans[1:])  # its text now occurs unlabelled once
    path = tmp_path / "long.jsonl"
    write_documents(path, [dropped])
    first = doc.spans[0]
    problems = [p for p in check_gold([path]).problems if p.start == first.start]
    found = {p.end: p for p in problems if p.label is None}
    assert found[first.end].text == first.text
    assert found[first.end].message.startswith(f"not labelled here, but {first.label} in doc")
    write_documents(path, [doc])
    assert not [p for p in check_gold([path]).problems if p.start == first.start]


def test_eval_compare_and_import_refuse_outputs_over_inputs(
        gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    card = tmp_path / "card"
    card.mkdir()
    inside = card / "scorecard.json"
    inside.write_bytes(gold.read_bytes())
    before = inside.read_bytes()
    assert run(["eval", "--gold", str(inside), "--pred", f"p={gold}", "--out", str(card),
                "--no-progress"]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert inside.read_bytes() == before
    assert run(["compare", str(card), str(card), "--out", str(tmp_path / "c.md"), "--json",
                str(tmp_path / "c.md")]) == 2
    assert "--json" in capsys.readouterr().err
    assert run(["gold", "import-cluener", str(gold), "--out", str(gold)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert gold.read_bytes() == before


# -- 11. Han characters outside the BMP ------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("在𪚥科技有限公司投资", "𪚥科技有限公司"),   # Extension B (U+2A6A5) opens the name
    ("由龙𪚥实业有限公司承建", "龙𪚥实业有限公司"),  # and inside it
])
def test_extension_b_characters_inside_names(text: str, name: str,
                                             capsys: pytest.CaptureFixture) -> None:
    assert run(["rules", "explain", text]) == 0
    out = capsys.readouterr().out
    assert f"COMPANY  {name}" in out, out


# -- a missing label set (ECONER_LABELS; a malformed one: tests/test_extending.py) -----------

def test_a_missing_labels_file_is_one_line(tmp_path: Path) -> None:
    labels = tmp_path / "labels.yaml"
    source = tmp_path / "in.txt"
    source.write_text("增长41%", encoding="utf-8")
    result = subprocess.run([str(ECONER), "prelabel", str(source), "--out",
                             str(tmp_path / "o.jsonl")], capture_output=True, text=True,
                            env={**os.environ, "ECONER_LABELS": str(labels)}, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"econer: error: {labels}: cannot read the labels file: No such file or directory"]
    assert not (tmp_path / "o.jsonl").exists()
