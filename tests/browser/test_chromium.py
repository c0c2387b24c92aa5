"""Without a browser the browser tests fail with one line that says how to install one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from chromium import BrowserMissing, find_chromium

REPO = Path(__file__).resolve().parents[2]


def test_a_named_browser_that_is_not_there(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECONER_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(BrowserMissing) as info:
        find_chromium()
    assert str(info.value) == ("$ECONER_CHROMIUM=/nonexistent/chromium is not executable: run "
                               "`make setup-browser` (apt-get install chromium fonts-noto-cjk "
                               "fonts-hanazono)")


def test_no_chromium_on_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ECONER_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BrowserMissing, match="^chromium is not on PATH: run `make setup-browser`"):
        find_chromium()


def test_a_missing_browser_fails_the_suite_and_skips_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "ECONER_CHROMIUM": "/nonexistent/chromium"}
    env.pop("ECONER_SCREENSHOTS", None)
    test = "tests/browser/test_scorecard_page.py::test_scorecard_page_renders"
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "--basetemp", str(tmp_path / "t"), test], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout
    assert "no browser for the browser tests: $ECONER_CHROMIUM=/nonexistent/chromium" in done.stdout
    assert "skipped" not in done.stdout and "1 error" in done.stdout


_HOLD = """
import time
from chromium import chromium
with chromium() as browser:
    browser.new_page().goto("about:blank")
    print("up", flush=True)
    time.sleep(60)
"""


def _browser_pids() -> set[int]:
    """Chromium and playwright driver processes of this machine (read from /proc; nothing
    is killed by name)."""
    pids = set()
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            argv0 = cmdline.read_bytes().split(b"\0", 1)[0]
        except OSError:
            continue
        if argv0.endswith((b"/chromium", b"playwright/driver/node")):
            pids.add(int(cmdline.parent.name))
    return pids


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_test_process_leaves_no_browser(sig: signal.Signals) -> None:
    """Even a SIGKILL of the process that drives it takes the browser and driver down."""
    before = _browser_pids()
    holder = subprocess.Popen([sys.executable, "-c", _HOLD], cwd=Path(__file__).parent,
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "up\n"
        started = _browser_pids() - before
        assert started
        holder.send_signal(sig)
        holder.wait(10)
        deadline = time.monotonic() + 15
        while started & _browser_pids() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not started & _browser_pids()
    finally:
        if holder.poll() is None:
            os.killpg(holder.pid, signal.SIGKILL)
            holder.wait()
