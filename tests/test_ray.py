"""``--engine ray`` against a real local Ray (no mocks): the same spans as one process,
resume after a killed run, a failing shard, and the missing-extra error."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from econer.cli import run

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
ECONER = [str(Path(sys.executable).with_name("econer"))]


def _corpus_sample(tmp_path: Path, lines: int) -> Path:
    source = CORPUS / "industry-news-2011.jsonl"
    with source.open(encoding="utf-8") as handle:
        head = [next(handle) for _ in range(lines)]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(head), encoding="utf-8")
    return path


def _session_processes(sid: int) -> list[str]:
    out = subprocess.run(["ps", "-eo", "pid=,sess=,args="], capture_output=True, text=True,
                         check=True).stdout
    return [line for line in out.splitlines() if line.split()[1] == str(sid)]


def _stop_group(proc: subprocess.Popen) -> None:
    """Kill the whole session (the driver and every Ray process it started), then reap."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 30
    while _session_processes(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)


def test_ray_output_equals_single_process(tmp_path: Path) -> None:
    source = _corpus_sample(tmp_path, 120)
    assert run(["prelabel", str(source), "--out", str(tmp_path / "one.jsonl"),
                "--no-progress"]) == 0
    assert run(["prelabel", str(source), "--engine", "ray", "--workers", "2", "--shard-docs",
                "25", "--out", str(tmp_path / "shards"), "--merge", str(tmp_path / "all.jsonl"),
                "--no-progress"]) == 0
    manifest = json.loads((tmp_path / "shards" / "manifest.json").read_text(encoding="utf-8"))
    assert [s["name"] for s in manifest["shards"]] == [f"shard-{i:05d}" for i in range(5)]
    assert manifest["documents"] == 120 and manifest["failed"] == []
    assert manifest["run"]["engine"] == "ray" and manifest["run"]["workers"] == 2
    one = (tmp_path / "one.jsonl").read_text(encoding="utf-8").splitlines()
    # Same spans for every document id, and --merge restores the input order exactly.
    assert (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines() == one
    by_shard = {}
    for entry in manifest["shards"]:
        for line in (tmp_path / "shards" / entry["file"]).read_text("utf-8").splitlines():
            doc = json.loads(line)
            by_shard[doc["id"]] = doc["spans"]
    assert by_shard == {json.loads(x)["id"]: json.loads(x)["spans"] for x in one}


def test_ray_resumes_after_a_killed_run(tmp_path: Path) -> None:
    source = _corpus_sample(tmp_path, 600)
    out = tmp_path / "shards"
    args = [*ECONER, "prelabel", str(source), "--engine", "ray", "--workers", "1",
            "--shard-docs", "1", "--out", str(out), "--no-progress"]
    proc = subprocess.Popen(args, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180
        while len(list(out.glob("shard-*.json"))) < 20:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "no shard finished within 180 s"
            time.sleep(0.2)
    finally:
        _stop_group(proc)
    assert _session_processes(proc.pid) == []  # no Ray process outlives the killed driver
    done_before = len(list(out.glob("shard-*.json")))
    assert 20 <= done_before < 600
    assert not (out / "manifest.json").exists()
    resumed = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    skipped = sum(s["skipped"] for s in manifest["shards"])
    assert skipped >= done_before - 1  # the shard being written when killed may rerun
    assert manifest["documents"] == 600
    assert f"({skipped} resumed," in " ".join(resumed.stderr.split())  # rich wraps lines
    assert run(["prelabel", str(source), "--out", str(tmp_path / "one.jsonl"),
                "--no-progress"]) == 0
    merged = [line for s in manifest["shards"]
              for line in (out / s["file"]).read_text("utf-8").splitlines()]
    assert merged == (tmp_path / "one.jsonl").read_text(encoding="utf-8").splitlines()


def test_ray_failing_shard_is_named_and_the_others_kept(tmp_path: Path) -> None:
    # Twice, in fresh processes with a home of their own: Ray keeps a token in ~/.ray after a
    # first local cluster and warns about it on stderr at the next start; the error is one
    # line either way
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if key != "RAY_AUTH_MODE"}
    env["HOME"] = str(home)
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "重庆紫建电子有限公司投资1亿元"}\n'
                      '{"id": "b" "text": "x"}\n'
                      '{"id": "c", "text": "增长41%"}\n', encoding="utf-8")
    for attempt in (1, 2):
        out = tmp_path / f"shards{attempt}"
        proc = subprocess.Popen(
            [*ECONER, "prelabel", str(source), "--engine", "ray", "--workers", "1",
             "--shard-docs", "1", "--out", str(out), "--no-progress"],
            env=env, start_new_session=True, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True)
        try:
            _, err = proc.communicate(timeout=180)
        finally:
            _stop_group(proc)  # the driver and every Ray process it started, on every path
        assert proc.returncode == 2
        # The same FILE:LINE message as single-process, after the failing shard's name.
        assert f"shard-00001: {source}:2: malformed JSON" in err
        assert len(err.strip().splitlines()) == 1, err
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["failed"] == ["shard-00001"]
        assert (out / "shard-00000.jsonl").is_file() and (out / "shard-00002.jsonl").is_file()
        assert not (out / "shard-00001.jsonl").exists()
        assert not list(out.glob(".*.tmp"))
    assert (home / ".ray" / "auth_token").is_file()  # the second start saw Ray's token


def test_missing_ray_extra_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "增长41%"}\n', encoding="utf-8")
    code = ("import sys; sys.modules['ray'] = None\n"  # as if the extra were not installed
            "from econer.cli import run\n"
            f"sys.exit(run(['prelabel', {str(source)!r}, '--engine', 'ray', '--out', "
            f"{str(tmp_path / 'o')!r}]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == ("econer: error: --engine ray needs Ray: "
                                     "pip install 'econer[ray]'")
    assert not (tmp_path / "o").exists()


def test_silver_on_ray_equals_single_process(tmp_path: Path) -> None:
    source = _corpus_sample(tmp_path, 60)
    functions = "rules.amount,rules.rate,rules.company.suffix,rules.park"
    assert run(["silver", str(source), "--functions", functions, "--out",
                str(tmp_path / "one.jsonl"), "--no-progress"]) == 0
    assert run(["silver", str(source), "--functions", functions, "--engine", "ray",
                "--shard-docs", "20", "--out", str(tmp_path / "shards"), "--merge",
                str(tmp_path / "all.jsonl"), "--no-progress"]) == 0
    one = (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    assert one and (tmp_path / "all.jsonl").read_text(encoding="utf-8") == one


def test_hybrid_prediction_on_ray_equals_single_process(tmp_path: Path) -> None:
    """The shipped model loaded once per actor: the same hybrid spans as one process."""
    source = _corpus_sample(tmp_path, 12)
    assert run(["predict", "default", str(source), "--hybrid", "--out",
                str(tmp_path / "one.jsonl"), "--no-progress"]) == 0
    assert run(["predict", "default", str(source), "--hybrid", "--engine", "ray",
                "--shard-docs", "5", "--out", str(tmp_path / "shards"), "--merge",
                str(tmp_path / "all.jsonl"), "--no-progress"]) == 0
    manifest = json.loads((tmp_path / "shards" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["run"]["system"] == "hybrid" and len(manifest["shards"]) == 3
    one = (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    assert '"source": "model:' in one or '"source": "rules:' in one
    assert (tmp_path / "all.jsonl").read_text(encoding="utf-8") == one


def test_ray_outputs_never_overlap_an_input(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    source = _corpus_sample(folder, 3)
    # Shards inside the input folder would be read as input by a rerun.
    assert run(["prelabel", str(folder), "--engine", "ray", "--out", str(folder / "shards"),
                "--no-progress"]) == 2
    assert "overlaps the input" in capsys.readouterr().err
    assert run(["prelabel", str(source), "--engine", "ray", "--out", str(tmp_path / "s"),
                "--merge", str(source), "--no-progress"]) == 2
    assert "refusing to overwrite it" in capsys.readouterr().err
    assert not (folder / "shards").exists() and not (tmp_path / "s").exists()
