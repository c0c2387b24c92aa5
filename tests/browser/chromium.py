"""Driving Debian's Chromium with playwright: launch, log in to Label Studio, select text.

Playwright cannot download its own browsers here, so it drives the system ``chromium``
(``make setup-browser`` installs it with the CJK fonts). The flags keep a headless browser
off the network: without the background-networking ones the closed network refuses
connections and pages stall. Playwright gives every launch a fresh, temporary profile.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = [
    "--no-sandbox",  # we run as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = "run `make setup-browser` (apt-get install chromium fonts-noto-cjk fonts-hanazono)"
SUBMIT = '[data-testid="bottombar-submit-button"]'
HIGHLIGHT = ".htx-highlight"
TEXT_BOX = ".lsf-richtext__container"


class BrowserMissing(RuntimeError):
    """No Chromium or no playwright: one line that says how to install them."""


def find_chromium() -> Path:
    """``$ECONER_CHROMIUM``, else ``chromium`` on PATH; a ``BrowserMissing`` line if neither."""
    given = os.environ.get("ECONER_CHROMIUM")
    found = given or shutil.which("chromium")
    if not found or not os.access(found, os.X_OK):
        where = f"$ECONER_CHROMIUM={given} is not executable" if given else \
            "chromium is not on PATH"
        raise BrowserMissing(f"{where}: {INSTALL_HINT}")
    return Path(found)


def _descendants(pid: int) -> list[tuple[int, str]]:
    """The processes below ``pid`` now, each with its start time (to tell a reused pid)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        found.append((child, _started(child)))
        todo += children.get(child, [])
    return [(p, t) for p, t in found if t]


def _started(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


# Reads the processes to guard (pid:start-time pairs) from its first stdin line, then stops
# those still alive once stdin closes: when the test process closes it after playwright has
# closed the browser (nothing left to stop), or when the test process dies, even by SIGKILL,
# which no finally block survives. Playwright's driver and Chromium outlive a killed Python.
_WATCHDOG = """
import os, signal, sys, time
from pathlib import Path

def started(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""

procs = [item.split(":") for item in sys.stdin.readline().split()]
sys.stdin.read()
for sig in (signal.SIGTERM, signal.SIGKILL):
    alive = [int(pid) for pid, start in procs if started(pid) == start]
    for pid in alive:
        try:
            os.kill(pid, sig)
        except OSError:
            pass
    if not alive:
        break
    time.sleep(2)
"""


@contextmanager
def chromium(headless: bool = True) -> Iterator[Any]:
    """A playwright ``Browser`` on the system Chromium, closed (with its driver) on every path.

    On a normal exit or an exception playwright closes both; a watchdog process stops them
    should this process be killed outright.
    """
    import subprocess
    import sys

    executable = find_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise BrowserMissing("playwright is not installed in this environment: run "
                             "`pip install -e '.[browser]'` (make test does)") from None
    dog = subprocess.Popen([sys.executable, "-c", _WATCHDOG], stdin=subprocess.PIPE, text=True,
                           start_new_session=True)
    assert dog.stdin is not None
    try:
        before = set(_descendants(os.getpid()))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(executable),
                                                 args=CHROMIUM_FLAGS, headless=headless)
            try:
                ours = set(_descendants(os.getpid())) - before  # the driver and Chromium
                dog.stdin.write(" ".join(f"{pid}:{start}" for pid, start in ours) + "\n")
                dog.stdin.flush()
                yield browser
            finally:
                browser.close()
    finally:
        dog.stdin.close()
        dog.wait(10)


class ConsoleLog:
    """A page's console errors and uncaught exceptions, as lines."""

    def __init__(self, page: Any):
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))


def login(page: Any, url: str, email: str, password: str) -> None:
    """Log in through Label Studio's own form, as an annotator does."""
    page.goto(f"{url}/user/login/")
    page.fill('input[name="email"]', email)
    page.fill('input[name="password"]', password)
    with page.expect_navigation():
        page.click('button[type="submit"]')
    if "/user/login" in page.url:
        raise AssertionError(f"login as {email} failed; the page stayed at {page.url}")


def open_task(page: Any, url: str, project_id: int, task_id: int) -> None:
    """The labelling page of one task, once its pre-labels are drawn."""
    page.goto(f"{url}/projects/{project_id}/data?task={task_id}")
    page.wait_for_selector(SUBMIT)
    page.wait_for_selector(f"{TEXT_BOX} {HIGHLIGHT}")


def highlights(page: Any) -> list[tuple[str, str]]:
    """The regions drawn in the text: (surface, label) in page order."""
    return [(text, label.split(":", 1)[-1]) for text, label in page.evaluate(
        f"Array.from(document.querySelectorAll('{TEXT_BOX} {HIGHLIGHT}'))"
        ".map(e => [e.textContent, e.dataset.label || ''])")]


# The screen boxes of the first and last character of the first occurrence of ``surface`` in
# the text as rendered (DOM strings are UTF-16: a surrogate pair is one character). Python
# never computes an offset here: the page decides which characters lie under the mouse.
_LOCATE = """([selector, surface]) => {
  const box = document.querySelector(selector);
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const nodes = []; let all = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push([n, all.length]);
    all += n.data;
  }
  const at = all.indexOf(surface);
  if (at < 0) return null;
  const rect = (i) => {
    for (const [n, off] of nodes) if (i >= off && i < off + n.data.length) {
      const range = document.createRange(), k = i - off;
      range.setStart(n, k);
      range.setEnd(n, k + (n.data.codePointAt(k) > 0xffff ? 2 : 1));
      const b = range.getBoundingClientRect();
      return {x: b.left, y: b.top, w: b.width, h: b.height};
    }
  };
  const tail = surface.codePointAt(surface.length - 2) > 0xffff ? 2 : 1;
  return {first: rect(at), last: rect(at + surface.length - tail)};
}"""


def drag_over(page: Any, surface: str) -> None:
    """Select ``surface`` in the task text with a real mouse drag, first to last character."""
    boxes = page.evaluate(_LOCATE, [TEXT_BOX, surface])
    if boxes is None:
        raise AssertionError(f"{surface!r} is not in the rendered task text")
    first, last = boxes["first"], boxes["last"]
    if abs(first["y"] - last["y"]) > first["h"] / 2:
        raise AssertionError(f"{surface!r} wraps over two lines; widen the viewport")
    y = first["y"] + first["h"] / 2
    page.mouse.move(first["x"] + 1, y)
    page.mouse.down()
    page.mouse.move((first["x"] + last["x"]) / 2, y, steps=4)
    page.mouse.move(last["x"] + last["w"] - 1, y, steps=4)
    page.mouse.up()


def wait_for_region(page: Any, surface: str, present: bool = True, timeout_ms: int = 10_000
                    ) -> None:
    """Wait until a region over exactly ``surface`` is drawn (or, ``present=False``, gone)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(
            "([sel, s, present]) => Array.from(document.querySelectorAll(sel))"
            ".some(e => e.textContent === s) === present",
            arg=[f"{TEXT_BOX} {HIGHLIGHT}", surface, present], timeout=timeout_ms)
    except PlaywrightTimeout:
        state = "drawn" if present else "removed"
        raise AssertionError(f"no region over {surface!r} was {state} within "
                             f"{timeout_ms / 1000:.0f} s; regions: {highlights(page)}") from None


def submit(page: Any) -> dict[str, Any]:
    """Press Submit and return the annotation the server stored."""
    with page.expect_response(lambda r: r.request.method == "POST"
                              and "/annotations" in r.url) as answer:
        page.click(SUBMIT)
    response = answer.value
    if not response.ok:
        raise AssertionError(f"submit answered {response.status}: {response.text()[:200]}")
    return dict(response.json())
