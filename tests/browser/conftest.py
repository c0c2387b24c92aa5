"""One headless Chromium for the browser tests (no mocks), stopped on every path.

A missing Chromium or playwright fails the tests with one line saying how to install them;
it never skips them. ``ECONER_SCREENSHOTS=DIR`` (``make screenshots``) makes the tests save
the pages they check as PNGs in DIR, so the README's pictures are what the tests saw.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import BrowserMissing, chromium

VIEWPORT = {"width": 1400, "height": 820}


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    # A SIGTERM (a CI timeout, `timeout`, `kill`) unwinds like Ctrl-C, so that this fixture
    # and the Label Studio server's close what they started; a SIGKILL leaves it to the
    # watchdog of `chromium()`.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with chromium() as launched:
            yield launched
    except BrowserMissing as exc:
        pytest.fail(f"no browser for the browser tests: {exc}", pytrace=False)
    finally:
        signal.signal(signal.SIGTERM, previous)


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context (own cookies) and page for each test module."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path | None:
    """Where to save screenshots (``$ECONER_SCREENSHOTS``), or None."""
    folder = os.environ.get("ECONER_SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path
