"""`econer ls serve` on a copy of the session's migrated data folder (the one restart)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from econer.annotate.labelstudio.client import LabelStudioClient
from econer.annotate.labelstudio.server import LOG_FILE, LocalServer, free_port

pytestmark = pytest.mark.labelstudio


def _ignore_sigint() -> None:
    # As a shell starts a script's background job: SIGINT ignored. serve must set its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Label Studio runs in a session of its own, so killing
    the command's group would miss it)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _kill_tree(process: subprocess.Popen[str]) -> None:
    """Kill the command and everything it started, whatever happened to the test."""
    for pid in [process.pid, *_descendants(process.pid)]:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(os.getpgid(pid), signal.SIGKILL)
    process.wait(timeout=30)


def test_serve_restarts_a_data_folder_with_its_token(ls_server: LocalServer,
                                                     tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(ls_server.data_dir, copy, ignore=shutil.ignore_patterns(LOG_FILE))
    port = free_port()
    econer = Path(sys.executable).with_name("econer")
    process = subprocess.Popen([str(econer), "ls", "serve", "--data", str(copy), "--port",
                                str(port), "--timeout", "300"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, preexec_fn=_ignore_sigint)
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(4)]
        assert lines[0].strip() == f"Label Studio is up: http://127.0.0.1:{port}", lines
        token = lines[2].split()[-1]
        assert token == ls_server.token  # made on the first start, kept in the data folder
        client = LabelStudioClient(f"http://127.0.0.1:{port}", token)
        assert client.check() == ls_server.creds.username
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        assert "stopping Label Studio" in out
        time.sleep(0.5)
        assert not LocalServer(copy, port=port).answers()  # the server went with it
    finally:
        if process.poll() is None or LocalServer(copy, port=port).answers():
            _kill_tree(process)  # never leave a server behind, even when the test failed
