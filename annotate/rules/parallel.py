"""Pre-labelling in worker processes, in input order, that a stop signal ends at once.

Why not :class:`multiprocessing.Pool`: its ``terminate()`` joins a feeder thread that can sit
for ever in the send of a chunk no worker will read any more (seen under load: Ctrl-C on
``econer prelabel --workers 2`` hung the command). Here the calling thread does every send
and receive, a worker holds at most one chunk and is sent the next only once it has returned
the last (so neither side can block on the other), and stopping is killing the workers: no
helper thread, no lock shared between processes, nothing left to wait on.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from econer.errors import EconerError
from econer.spans import Document

STOP = {signal.SIGINT, signal.SIGTERM}


def label_in_processes(docs: Iterable[Document], folder: str, workers: int,
                       chunksize: int = 64) -> Iterator[Document]:
    """The documents labelled by ``workers`` processes, each loading the rules of ``folder``,
    in input order. Closing the generator early (an error, a signal) kills the workers."""
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    procs: list[BaseProcess] = []
    conns: list[Connection] = []
    try:
        # Stop signals stay blocked while the workers are forked: one arriving mid-fork would
        # run the parent's handler in a half-made worker. A worker sets its own handlers,
        # then unblocks; the parent unblocks here, so a signal that came meanwhile still
        # ends the run (and the `finally` below kills what was started).
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP)
        try:
            for _ in range(workers):
                here, there = ctx.Pipe()
                proc = ctx.Process(target=_serve, args=(there, folder), daemon=True)
                proc.start()
                there.close()  # so that a worker's death reads as EOF here
                procs.append(proc)
                conns.append(here)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        chunks = _chunks(docs, chunksize)
        busy: deque[int] = deque()  # the workers holding a chunk, in input order
        for k, chunk in zip(range(workers), chunks, strict=False):  # range first: no chunk lost
            _send(conns[k], procs[k], chunk)
            busy.append(k)
        while busy:
            k = busy.popleft()
            labelled = _receive(conns[k], procs[k])
            chunk = next(chunks, None)
            if chunk is not None:  # before yielding: the worker labels while we write
                _send(conns[k], procs[k], chunk)
                busy.append(k)
            yield from labelled
    finally:
        for proc in procs:
            proc.kill()
        for proc in procs:
            proc.join()
        for conn in conns:
            conn.close()


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """``docs`` in lists of ``size`` (the last one shorter).

    >>> [len(c) for c in _chunks(range(5), 2)]
    [2, 2, 1]
    """
    it = iter(docs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _send(conn: Connection, proc: BaseProcess, chunk: list[Document]) -> None:
    try:
        conn.send(chunk)
    except OSError:  # a broken pipe: the worker is gone
        raise _stopped(proc) from None


def _receive(conn: Connection, proc: BaseProcess) -> list[Document]:
    """A worker's labelled chunk, or the worker's error raised here."""
    try:
        ok, payload = conn.recv()
    except (EOFError, OSError):
        raise _stopped(proc) from None
    if not ok:
        raise payload
    return payload


def _stopped(proc: BaseProcess) -> EconerError:
    proc.join(timeout=5)
    return EconerError(f"a pre-labelling worker stopped (exit code {proc.exitcode}) before "
                       "returning its documents")


def _serve(conn: Connection, folder: str) -> None:
    """A worker: load the rules, then label each chunk received until the parent kills it."""
    # The parent alone handles Ctrl-C and stop signals, then kills the workers: a worker
    # ignores SIGINT (no traceback per worker) and dies at once on SIGTERM.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP)
    from econer.annotate.rules.ruler import load_rules

    labeller = load_rules(folder)
    while True:
        try:
            chunk = conn.recv()
        except EOFError:  # the parent is gone
            return
        try:
            reply: tuple[bool, object] = (True, [labeller(doc) for doc in chunk])
        except Exception as error:  # noqa: BLE001 - sent to the parent, raised there
            reply = (False, error)
        try:
            conn.send(reply)
        except Exception as error:  # noqa: BLE001 - e.g. an error that does not pickle
            conn.send((False, EconerError(f"a pre-labelling worker failed: {error!r}")))
