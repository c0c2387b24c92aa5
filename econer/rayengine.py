"""The Ray engine for sharded runs (the optional extra ``econer[ray]``).

Each worker is a Ray actor that builds its labeller once (the rules, or a model loaded once
per worker) and labels whole shards; an :class:`ray.util.ActorPool` hands shards to idle
actors. Workers write their shards themselves, so on a multi-node cluster the output folder
must be on storage every node sees (the guide in ``docs/scale.md``).

Why actors over shards rather than Ray Data's JSON reader: a shard is the unit of resume and
of failure (a bad line fails its shard with the single-process ``FILE:LINE`` message, the
others are kept, a rerun skips finished shards), and the reader stays econer's own checked one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from econer.errors import EconerError
from econer.shards import Labeller, RunSummary, Shard, ShardResult, pending_shards, run_shard


def import_ray() -> Any:
    """``ray``, or a one-line error naming the extra to install."""
    try:
        import ray
    except ImportError:
        raise EconerError("--engine ray needs Ray: pip install 'econer[ray]'") from None
    return ray


class _ShardWorker:
    def __init__(self, make_labeller: Callable[[], Labeller], out_dir: str) -> None:
        self.labeller = make_labeller()
        self.out_dir = Path(out_dir)

    def version(self) -> str:
        return self.labeller.version

    def run(self, shard: Shard, print_: str) -> ShardResult:
        return run_shard(self.labeller, shard, self.out_dir, print_)


def _started_version(ray: Any, actors: list[Any]) -> str:
    """The labeller's version, asked of every actor: a labeller that cannot be built (a
    missing lexicon, a bad run folder) is the user's one-line error, not a Ray traceback."""
    try:
        versions = ray.get([a.version.remote() for a in actors])
    except Exception as exc:  # noqa: BLE001 - Ray wraps the worker's exception
        cause = exc
        while cause is not None and not isinstance(cause, EconerError):
            cause = getattr(cause, "cause", None) or cause.__cause__
        if isinstance(cause, EconerError):
            raise EconerError(str(cause)) from None
        last = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        prefix = f"{EconerError.__module__}.{EconerError.__name__}: "
        if last.startswith(prefix):  # the worker's own one-line error, as a string
            raise EconerError(last.removeprefix(prefix)) from None
        raise EconerError(f"a Ray worker could not build its labeller: {last}") from None
    return versions[0]


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Only errors of ``logger_name`` (and its children) while the block runs."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def run_ray(plan: Sequence[Shard], make_labeller: Callable[[], Labeller], out_dir: Path, *,
            workers: int = 2, address: str | None = None,
            on_result: Callable[[ShardResult], None] | None = None) -> RunSummary:
    """Run the shards on an actor pool of ``workers`` Ray actors.

    ``address`` joins an existing cluster (``ray://…`` or ``host:port``); without it a local
    Ray is started for the run and stopped after it, on every path.
    """
    if workers < 1:
        raise EconerError(f"--workers must be at least 1 (got {workers})")
    ray = import_ray()
    from ray.util import ActorPool

    own = not ray.is_initialized()
    if own:
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                   "configure_logging": False}
        if address:
            options["address"] = address
            ray.init(**options)
        else:
            options.update(num_cpus=workers, object_store_memory=128 * 1024 * 1024)
            # Ray warns on stderr about token authentication of the local cluster it starts,
            # depending on whether ~/.ray holds a token from an earlier run: for a cluster of
            # this run only, on this machine, that is noise beside econer's one-line errors
            with _quiet("ray._private.authentication"):
                ray.init(**options)
    try:
        actor = ray.remote(num_cpus=1)(_ShardWorker)
        actors = [actor.remote(make_labeller, str(out_dir.resolve())) for _ in range(workers)]
        version = _started_version(ray, actors)
        started = time.perf_counter()  # the run's seconds: labelling, not Ray's start-up
        todo, done = pending_shards(plan, out_dir, version)
        summary = RunSummary(shards=list(done))
        for result in done:
            if on_result:
                on_result(result)
        pool = ActorPool(actors)
        results = pool.map_unordered(lambda a, item: a.run.remote(*item), todo)
        for result in results:
            summary.shards.append(result)
            if on_result:
                on_result(result)
        summary.seconds = time.perf_counter() - started
        return summary
    finally:
        if own:
            ray.shutdown()
