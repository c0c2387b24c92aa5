"""What every command shares: stop signals as exceptions, and the click exception classes.

A stop signal must unwind like Ctrl-C does, so that output transactions remove their
temporary files, worker pools are shut down and servers stopped (``finally`` runs);
Python's default SIGTERM and SIGHUP just kill the process mid-write.

typer 0.12-0.19 uses the ``click`` package; typer 0.20+ raises the exceptions of its own
bundled copy (``typer._click``). The CLI handles both (tests/test_cli_safety.py checks the
installed one).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

import click

from econer.errors import Interrupted

STOP_SIGNALS = tuple(s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s)


def _click_modules() -> list[object]:
    modules: list[object] = [click.exceptions]
    with contextlib.suppress(ImportError):
        import typer._click.exceptions as bundled  # typer >= 0.20

        modules.append(bundled)
    return modules


def _classes(name: str) -> tuple[type[BaseException], ...]:
    return tuple(getattr(m, name) for m in _click_modules() if hasattr(m, name))


def _typer_class(name: str) -> tuple[type[BaseException], ...]:
    import typer

    cls = getattr(typer, name, None)
    return (cls,) if isinstance(cls, type) and issubclass(cls, BaseException) else ()


CLICK_EXIT = _classes("Exit") + _typer_class("Exit")
CLICK_ERROR = _classes("ClickException")
CLICK_ABORT = _classes("Abort") + _typer_class("Abort")


class _Received:
    signum: int | None = None


received = _Received()


def _raise(signum: int, frame: FrameType | None) -> None:
    received.signum = signum
    raise Interrupted(signum)


@contextlib.contextmanager
def stop_signals(*extra: int) -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP (and ``extra`` signals, e.g. SIGINT where a
    background job ignores it) raise :class:`Interrupted`; the old handlers come back after."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (tests may run commands in threads)
        return
    received.signum = None
    old = {s: signal.signal(s, _raise) for s in (*STOP_SIGNALS, *extra)}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)

