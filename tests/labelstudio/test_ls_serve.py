"""`econer ls serve` on a copy of the session's migrated data folder (the one restart)."""

from __future__ import annotations

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


def test_serve_restarts_a_data_folder_with_its_token(ls_server: LocalServer,
                                                     tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(ls_server.data_dir, copy, ignore=shutil.ignore_patterns(LOG_FILE))
    port = free_port()
    econer = Path(sys.executable).with_name("econer")
    process = subprocess.Popen([str(econer), "ls", "serve", "--data", str(copy), "--port",
                                str(port), "--timeout", "300"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(4)]
        assert lines[0].strip() == f"Label Studio is up: http://127.0.0.1:{port}", lines
        token = lines[2].split()[-1]
        assert token == ls_server.token  # made on the first start, kept in the data folder
        client = LabelStudioClient(f"http://127.0.0.1:{port}", token)
        assert client.check() == ls_server.creds.username
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "stopping Label Studio" in out
    time.sleep(0.5)
    assert not LocalServer(copy, port=port).answers()  # the server went with it
