"""Whole-process timing, interleaved, for the benchmark scripts.

Every comparison in ``benchmarks/`` of grappe against a peer goes through :func:`compare`:

* each command is a **whole process** as a user runs it (``subprocess``, no shell);
* the commands run **interleaved** — A B C, A B C, … — so that a drift of the machine's speed
  hits all of them alike, the **same number of runs** each, after ``warmup`` rounds that are
  not counted;
* wall time is measured around the child; CPU time and **peak resident memory** come from the
  kernel's own accounting of the finished child (``os.wait4``'s ``rusage``; ``ru_maxrss`` is the
  largest resident set of that process, in KiB on Linux);
* the report gives, per command, the **median and [min–max]**, the ratios to the first command
  pair by pair (run *i* of B against run *i* of A), the machine's load average before and after,
  and the **engine** named by the caller for each command;
* a command that exits non-zero stops the benchmark: a failed run is never timed.

Only the standard library is used, so that the harness adds nothing to what it measures.

Example::

    from _harness import Command, compare, print_report

    report = compare(
        [
            Command("grappe map", ["grappe", "map", path, "-o", out], engine="Arrow"),
            Command("pandas script", [sys.executable, "peer.py", path, out], engine="pandas 3.1"),
        ],
        runs=5,
    )
    print_report(report)
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "Call",
    "CallReport",
    "CallTimes",
    "Command",
    "Measurement",
    "compare",
    "compare_calls",
    "load_average",
    "load_line",
    "machine",
    "numpy_blas",
    "print_calls",
    "print_report",
]


@dataclass(frozen=True)
class Command:
    """One command to time: a label, its argument vector and the engine it runs on."""

    label: str
    argv: Sequence[str]
    engine: str = ""
    env: Mapping[str, str] | None = None
    cwd: str | None = None


@dataclass(frozen=True)
class Measurement:
    """The counted runs of one command."""

    command: Command
    wall: tuple[float, ...]
    cpu: tuple[float, ...]
    peak_rss_mib: tuple[float, ...]


@dataclass(frozen=True)
class Rounds:
    """How the runs of a comparison were made, and the machine's load around them."""

    runs: int
    warmup: int
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    started: str

    def describe(self, how: str) -> str:
        """One line: when, the load before and after, and how the runs were made."""
        before = " ".join(f"{x:.2f}" for x in self.load_before)
        after = " ".join(f"{x:.2f}" for x in self.load_after)
        return (
            f"started {self.started}; load average before {before}, after {after}; "
            f"{self.runs} counted runs each after {self.warmup} warm-up, {how}"
        )


@dataclass(frozen=True)
class Report:
    """What :func:`compare` measured."""

    measurements: tuple[Measurement, ...]
    rounds: Rounds


def load_average() -> tuple[float, float, float]:
    """The 1-, 5- and 15-minute load averages of the machine."""
    return os.getloadavg()


def load_line(when: str = "now") -> str:
    """``"load average <when> 1.23 1.45 1.67"`` (1, 5, 15 minutes), for a script's own lines."""
    one, five, fifteen = load_average()
    return f"load average {when} {one:.2f} {five:.2f} {fifteen:.2f}"


def numpy_blas() -> str:
    """The BLAS numpy is linked to, e.g. ``"numpy 2.4.6 BLAS scipy-openblas 0.3.31"``.

    numpy is imported here only when asked (scripts that time numpy have it loaded already).
    """
    import numpy as np

    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        name = f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except (KeyError, TypeError, ValueError):
        name = "unknown BLAS"
    return f"numpy {np.__version__} BLAS {name}"


def machine() -> str:
    """One line describing the machine and the Python that runs the harness."""
    return (
        f"{os.cpu_count()} CPUs, {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def _run_once(command: Command) -> tuple[float, float, float]:
    env = None if command.env is None else {**os.environ, **command.env}
    start = time.perf_counter()
    child = subprocess.Popen(  # noqa: S603 - the benchmark's own commands
        list(command.argv),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=command.cwd,
    )
    stderr = child.stderr.read() if child.stderr is not None else b""
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = stderr.decode(errors="replace")[-2000:]
        raise RuntimeError(
            f"{command.label!r} exited with {child.returncode}: {' '.join(command.argv)}\n{tail}"
        )
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def compare(commands: Sequence[Command], *, runs: int = 5, warmup: int = 1) -> Report:
    """Run ``commands`` interleaved, ``warmup`` uncounted rounds then ``runs`` counted ones.

    Parameters
    ----------
    commands : sequence of Command
        The first is the reference of the ratios.
    runs : int, default 5
        Counted runs of each command.
    warmup : int, default 1
        Rounds run first and not counted (file cache, compiled kernels' disk cache).

    Returns
    -------
    Report
    """
    if runs < 1:
        raise ValueError("runs must be at least 1")
    load_before = load_average()
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    for _ in range(warmup):
        for command in commands:
            _run_once(command)
    samples: list[list[tuple[float, float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            samples[i].append(_run_once(command))
    measurements = tuple(
        Measurement(
            command=command,
            wall=tuple(s[0] for s in runs_of),
            cpu=tuple(s[1] for s in runs_of),
            peak_rss_mib=tuple(s[2] for s in runs_of),
        )
        for command, runs_of in zip(commands, samples, strict=True)
    )
    return Report(measurements, Rounds(runs, warmup, load_before, load_average(), started))


def _spread(values: Sequence[float], fmt: str) -> str:
    return (
        f"{format(statistics.median(values), fmt)} "
        f"[{format(min(values), fmt)}–{format(max(values), fmt)}]"
    )


def print_report(report: Report, *, title: str = "") -> None:
    """Print ``report``: medians and ranges per command, ratios to the first pair by pair."""
    if title:
        print(f"\n## {title}")
    print(f"{machine()}; {report.rounds.describe('interleaved')}")
    reference = report.measurements[0]
    for m in report.measurements:
        line = (
            f"  {m.command.label:<28} wall {_spread(m.wall, '.3f')} s   "
            f"cpu {_spread(m.cpu, '.3f')} s   peak RSS {_spread(m.peak_rss_mib, '.0f')} MiB"
        )
        if m is not reference:
            ratios = [b / a for a, b in zip(reference.wall, m.wall, strict=True)]
            mem = [b / a for a, b in zip(reference.peak_rss_mib, m.peak_rss_mib, strict=True)]
            line += (
                f"   time ×{_spread(ratios, '.2f')} of {reference.command.label!r}, "
                f"memory ×{_spread(mem, '.2f')}"
            )
        print(line)
        argv = " ".join(m.command.argv)
        print(f"  {'':<28} engine: {m.command.engine or 'not named'}; command: {argv}")


# --------------------------------------------------------------------------- in process
@dataclass(frozen=True)
class Call:
    """One function to time in this process: a label, the call and the engine it runs on."""

    label: str
    func: Callable[[], object]
    engine: str = ""


@dataclass(frozen=True)
class CallTimes:
    """The counted runs of one :class:`Call`, and the result of its last run."""

    call: Call
    wall: tuple[float, ...]
    cpu: tuple[float, ...]
    result: object


@dataclass(frozen=True)
class CallReport:
    """What :func:`compare_calls` measured, with the machine's state around it."""

    timings: tuple[CallTimes, ...]
    rounds: Rounds

    def __getitem__(self, label: str) -> CallTimes:
        return next(t for t in self.timings if t.call.label == label)

    def ratio(self, numerator: str, denominator: str) -> str:
        """``numerator``'s time over ``denominator``'s, run by run: median [min–max]."""
        a, b = self[numerator].wall, self[denominator].wall
        return _ratios([x / y for x, y in zip(a, b, strict=True)])

    def median(self, label: str) -> float:
        """Median wall time of the call labelled ``label``."""
        return statistics.median(self[label].wall)


def compare_calls(calls: Sequence[Call], *, runs: int = 3, warmup: int = 1) -> CallReport:
    """Time in-process calls **interleaved** (A B A B …), the same number of runs each.

    The in-process counterpart of :func:`compare`, for a kernel against a peer library in the
    same interpreter: ``warmup`` uncounted rounds (imports, caches, compiled code), then
    ``runs`` counted rounds, each calling every function once in the given order, with a
    garbage collection before each call. Wall time is ``time.perf_counter``; CPU time is
    ``time.process_time`` (every thread of this process). Memory is not measured here (the
    process's peak includes everything it did before): whole-process memory needs
    :func:`compare`.

    Parameters
    ----------
    calls : sequence of Call
        The first is the reference of the ratios.
    runs : int, default 3
        Counted runs of each call.
    warmup : int, default 1
        Uncounted rounds run first.

    Returns
    -------
    CallReport
        With the result of each call's last run (for the caller's equality checks).
    """
    if runs < 1:
        raise ValueError("runs must be at least 1")
    load_before = load_average()
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    for _ in range(warmup):
        for call in calls:
            call.func()
    walls: list[list[float]] = [[] for _ in calls]
    cpus: list[list[float]] = [[] for _ in calls]
    results: list[object] = [None] * len(calls)
    for _ in range(runs):
        for i, call in enumerate(calls):
            gc.collect()
            cpu0, wall0 = time.process_time(), time.perf_counter()
            results[i] = call.func()
            walls[i].append(time.perf_counter() - wall0)
            cpus[i].append(time.process_time() - cpu0)
    timings = tuple(
        CallTimes(call, tuple(w), tuple(c), r)
        for call, w, c, r in zip(calls, walls, cpus, results, strict=True)
    )
    return CallReport(timings, Rounds(runs, warmup, load_before, load_average(), started))


def _ratios(values: Sequence[float]) -> str:
    """Median [min–max] of ratios, with digits that stay readable from 0.001 to 10,000."""
    middle = statistics.median(values)
    fmt = ".3g" if middle < 0.1 else ".2f" if middle < 100 else ",.0f"
    return _spread(values, fmt)


def _seconds(values: Sequence[float]) -> str:
    """Median [min–max] in a unit that suits the values (s or ms)."""
    if statistics.median(values) < 1.0:
        return _spread([v * 1000 for v in values], ".1f") + " ms"
    return _spread(values, ".3f") + " s"


def print_calls(report: CallReport, *, title: str = "") -> None:
    """Print ``report``: one line per call with its median [min–max], ratio and engine."""
    if title:
        print(f"\n## {title}")
    print(f"  {report.rounds.describe('interleaved in process')}")
    reference = report.timings[0]
    for t in report.timings:
        line = f"  {t.call.label:<34} wall {_seconds(t.wall)}   cpu {_seconds(t.cpu)}"
        if t is not reference:
            ratios = [b / a for a, b in zip(reference.wall, t.wall, strict=True)]
            line += f"   time ×{_ratios(ratios)} of {reference.call.label!r}"
        print(f"{line}   [engine: {t.call.engine or 'not named'}]")
