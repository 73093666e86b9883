"""Where Monte Carlo simulations and per-activity runs execute: local threads or Dask.

Every public function of :mod:`grappe.spatial` that repeats work takes ``scheduler=``:

* ``None`` or ``"threads"`` — a pool of local threads (numpy releases the GIL in the
  heavy loops);
* ``"sync"`` — one after the other in the calling thread (for debugging);
* a string such as ``"tcp://10.0.0.5:8786"`` — the address of a running Dask distributed
  scheduler;
* a :class:`distributed.Client` — an existing client.

Random draws never depend on the executor: each simulation gets its own generator, seeded
from ``np.random.SeedSequence(seed).spawn(n)``, so that results are identical whatever runs
them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any

import numpy as np

from grappe.errors import InvalidParameterError, MissingDependencyError
from grappe.i18n import Message

__all__ = ["check_scheduler", "local_cluster", "run_tasks", "simulation_seeds"]

Progress = Callable[[int, int], None]


def simulation_seeds(seed: int | None, n: int) -> list[np.random.SeedSequence]:
    """``n`` independent seed sequences derived from ``seed`` (one per simulation).

    Examples
    --------
    >>> a = simulation_seeds(7, 3)
    >>> b = simulation_seeds(7, 3)
    >>> [s.generate_state(1)[0] for s in a] == [s.generate_state(1)[0] for s in b]
    True
    """
    return np.random.SeedSequence(seed).spawn(n)


def check_scheduler(scheduler: Any, *, func: str) -> Any:
    """Return ``scheduler`` if it is an accepted value, else raise InvalidParameterError."""
    if scheduler is None or isinstance(scheduler, str) and scheduler:
        return scheduler
    if type(scheduler).__name__ == "Client" and hasattr(scheduler, "submit"):
        return scheduler
    raise InvalidParameterError(
        Message(
            "The 'scheduler' parameter of {func} must be None, 'threads', 'sync', the address of "
            "a Dask scheduler or a distributed.Client. Got {scheduler!r} instead.",
            func=func,
            scheduler=scheduler,
        )
    )


def run_tasks(
    func: Callable[..., Any],
    tasks: Sequence[Any],
    *,
    shared: Any = None,
    scheduler: Any = None,
    progress: Progress | None = None,
) -> list[Any]:
    """Run ``func(task, shared)`` for every task and return the results in task order.

    Parameters
    ----------
    func : callable
        A module-level function (it is pickled for Dask).
    tasks : sequence
        Small task descriptions (e.g. seed sequences).
    shared : object
        Read-only data every task needs; sent once to each Dask worker.
    scheduler : None, "threads", "sync", str or distributed.Client
        Where to run (see the module documentation).
    progress : callable, optional
        Called as ``progress(done, total)`` when each task finishes.

    Returns
    -------
    list
        ``[func(t, shared) for t in tasks]``, computed wherever ``scheduler`` says.
    """
    total = len(tasks)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    if scheduler == "sync" or total <= 1 and scheduler in (None, "threads"):
        out = []
        for t in tasks:
            out.append(func(t, shared))
            tick()
        return out
    if scheduler in (None, "threads"):
        results: list[Any] = [None] * total
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            futures = {pool.submit(func, t, shared): i for i, t in enumerate(tasks)}
            for fut in as_completed(futures):
                results[futures[fut]] = fut.result()
                tick()
        return results
    return _run_dask(func, tasks, shared, scheduler, tick)


def _run_dask(func, tasks, shared, scheduler, tick) -> list[Any]:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError as exc:  # pragma: no cover - dask is in the spatial extra
        raise MissingDependencyError(
            Message(
                "Running on a Dask cluster needs dask[distributed]: pip install grappe[spatial]"
            )
        ) from exc
    own = isinstance(scheduler, str)
    if own:
        try:
            client = Client(scheduler, timeout="3s", set_as_default=False)
        except (OSError, ValueError) as exc:  # refused, timed out, or not an address
            raise InvalidParameterError(
                Message(
                    "The 'scheduler' parameter must be the address of a running Dask scheduler. "
                    "Got {scheduler!r} instead (cannot connect: {exc}).",
                    scheduler=scheduler,
                    exc=exc,
                )
            ) from exc
    else:
        client = scheduler
    try:
        # a one-element list keeps a dict of arrays in one piece
        # hash=False: a fresh key per call, so that a second call with the same data does not
        # share a key that the first call releases when it ends ("lost dependencies")
        shared_future = client.scatter([shared], broadcast=True, hash=False)[0]
        futures = client.map(func, list(tasks), shared=shared_future, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[Any] = [None] * len(futures)
        for fut in dask_completed(futures, loop=client.loop):
            results[index[fut.key]] = fut.result()
            tick()
        return results
    finally:
        if own:
            client.close()


@contextlib.contextmanager
def local_cluster(workers: int) -> Iterator[Any]:
    """A Dask ``LocalCluster`` of ``workers`` processes (one thread each) and its client.

    Processes rather than threads so that the workers scale whatever holds the GIL; the
    cluster and its client are closed on exit.

    Parameters
    ----------
    workers : int
        Worker processes (≥ 1).

    Yields
    ------
    distributed.Client
        To pass as ``scheduler=``.
    """
    from grappe._validation import check_number

    check_number(workers, "workers", func="local_cluster", low=1, integer=True)
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask is in the spatial extra
        raise MissingDependencyError(
            Message(
                "Running on a Dask cluster needs dask[distributed]: pip install grappe[spatial]"
            )
        ) from exc
    import logging

    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client
