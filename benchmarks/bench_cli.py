"""Benchmark of the command line's start-up and of ``grappe complexity``, whole processes.

What is timed is what a user runs, each in a **fresh process**, with
:func:`_harness.compare` (interleaved, the same number of runs each, medians and ranges, peak
RSS, the machine's load):

1. **Help pages** — ``grappe --help``, ``grappe complexity --help`` and ``grappe map --help``
   against ``python -c "import pandas"``, the yardstick: a help page that imports pandas cannot
   be faster than it. The heavy libraries each page imports are listed (``-X importtime``).
2. **grappe complexity, warm** — ``grappe complexity`` on the real world-trade table
   (``../shared/data/economic_complexity/ots_world_trade_sitc2_4d_avg1998_2000.csv.gz``: 226
   countries × 785 SITC products, 124,336 rows) writing CSV, against a Python script doing the
   same work through the library (read, the checks of the command, the suite, the same CSV).
   The compiled kernel is in numba's disk cache (``NUMBA_CACHE_DIR``, filled by the warm-up).
   ``--engine numpy`` (dense BLAS, numba never imported) is timed too: its values differ from
   the numba engine's by COI's last bits (checked ≤ 1e-12).
3. **grappe complexity, cold** — the same two commands, each run with an empty
   ``NUMBA_CACHE_DIR``: what the first run after an installation costs (numba compiles).

The CLI's and the script's CSV files must be byte-identical (and the cold runs' the same as the
warm ones'); the script stops otherwise. With ``--before SRC`` (the ``src`` folder of another
checkout, e.g. main before this work) its ``grappe`` is measured too, interleaved.

Run: ``.venv/bin/python benchmarks/bench_cli.py [--runs 5] [--cold-runs 3] [--before SRC]``
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from _harness import Command, compare, print_report

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "economic_complexity"
TRADE = DATA / "ots_world_trade_sitc2_4d_avg1998_2000.csv.gz"
HEAVY = ("pandas", "numpy", "pyarrow", "scipy", "sklearn", "numba", "shapely", "sqlalchemy")

#: The same work as ``grappe complexity TRADE --rows country --cols product --values value
#: --format csv --output OUT``, through the library.
PEER = textwrap.dedent(
    """
    import sys
    import pandas as pd
    from grappe.complexity import complexity_suite
    from grappe.io.activity_codes import check_activity_levels
    from grappe.io.complexity import check_activity_matrix, read_activity_matrix

    path, out = sys.argv[1:3]
    X = read_activity_matrix(path, rows="country", cols="product", values="value")
    X = check_activity_levels(X, classification="auto", level=None, file=path, column="product")
    check_activity_matrix(X, file=path, column="value", missing="raise")
    suite = complexity_suite(X)
    columns = ["entity", "id", "eci", "diversity", "coi", "fitness", "pci", "ubiquity"]
    columns.append("complexity")
    r = suite.rows.reset_index(names="id").assign(entity="row")
    c = suite.cols.reset_index(names="id").assign(entity="col")
    with open(out, "w", encoding="utf-8", newline="") as handle:
        handle.write(pd.concat([r, c], ignore_index=True)[columns].to_csv(index=False))
    """
)


def _grappe(src: Path) -> tuple[list[str], dict[str, str]]:
    """The ``grappe`` program a user runs, and the environment that makes it use ``src``."""
    script = Path(sys.executable).with_name("grappe")
    argv = [str(script)] if script.exists() else [sys.executable, "-m", "grappe.cli.main"]
    return argv, {"PYTHONPATH": str(src), "COLUMNS": "100"}


def _heavy_imports(argv: list[str], env: dict[str, str]) -> list[str]:
    """The heavy top-level packages ``argv`` imports (``python -X importtime``)."""
    done = subprocess.run(
        argv,
        env={**os.environ, **env, "PYTHONPROFILEIMPORTTIME": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    names = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    return sorted(names & set(HEAVY))


def _same_files(paths: list[Path]) -> None:
    first = paths[0].read_bytes()
    for path in paths[1:]:
        if path.read_bytes() != first:
            raise SystemExit(f"RESULTS DIFFER: {paths[0]} and {path} are not byte-identical")


def _largest_difference(a: Path, b: Path) -> float:
    """The largest absolute difference between two CSV files of the same cells (text equal)."""
    with a.open(encoding="utf-8") as fa, b.open(encoding="utf-8") as fb:
        rows_a, rows_b = list(csv.reader(fa)), list(csv.reader(fb))
    if len(rows_a) != len(rows_b) or rows_a[0] != rows_b[0]:
        raise SystemExit(f"RESULTS DIFFER: {a} and {b} have other rows or columns")
    gap = 0.0
    for row_a, row_b in zip(rows_a[1:], rows_b[1:], strict=True):
        for x, y in zip(row_a, row_b, strict=True):
            if x == y:
                continue
            try:
                gap = max(gap, abs(float(x) - float(y)))
            except ValueError:
                raise SystemExit(f"RESULTS DIFFER: {x!r} and {y!r} in {a} and {b}") from None
    return gap


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--runs", type=int, default=5, help="counted runs of each warm command")
    ap.add_argument("--cold-runs", type=int, default=3, help="runs with an empty numba cache")
    ap.add_argument("--before", type=Path, help="src folder of another checkout to compare")
    args = ap.parse_args()
    if not TRADE.is_file():
        raise SystemExit(f"the real trade table is not at {TRADE}")

    grappe, env = _grappe(REPO / "src")
    versions = [("", env)]
    if args.before is not None:
        versions.append((" (before)", _grappe(args.before.resolve())[1]))
    out = Path(tempfile.mkdtemp(prefix="bench_cli_"))
    warm_cache = out / "numba-warm"
    python = [sys.executable]
    script = out / "complexity_from_python.py"
    script.write_text(PEER, encoding="utf-8")

    # 1. help pages
    helps = [Command("python -c 'import pandas'", [*python, "-c", "import pandas"], "CPython")]
    for suffix, version_env in versions:
        for args_ in (["--help"], ["complexity", "--help"], ["map", "--help"]):
            label = "grappe " + " ".join(args_) + suffix
            helps.append(Command(label, [*grappe, *args_], "Typer + rich", version_env))
    print("Heavy libraries imported (python -X importtime):")
    for command in helps[1:]:
        heavy = _heavy_imports(list(command.argv), dict(command.env or {}))
        print(f"  {command.label:<32} {', '.join(heavy) or 'none'}")
    print_report(compare(helps, runs=args.runs, warmup=1), title="Help pages, whole processes")

    # 2. grappe complexity, warm numba cache
    def complexity(label: str, version_env: dict[str, str], target: Path, cache: Path) -> Command:
        argv = [*grappe, "complexity", str(TRADE), "--rows", "country", "--cols", "product"]
        argv += ["--values", "value", "--format", "csv", "--output", str(target)]
        engine = "grappe, numba (cached kernel)"
        return Command(label, argv, engine, {**version_env, "NUMBA_CACHE_DIR": str(cache)})

    def peer(label: str, version_env: dict[str, str], target: Path, cache: Path) -> Command:
        argv = [*python, str(script), str(TRADE), str(target)]
        engine = "grappe library from Python, numba"
        return Command(label, argv, engine, {**version_env, "NUMBA_CACHE_DIR": str(cache)})

    warm = [peer("Python script", env, out / "peer.csv", warm_cache)]
    for suffix, version_env in versions:
        target = out / f"cli{suffix.strip(' ()')}.csv"
        warm.append(complexity("grappe complexity" + suffix, version_env, target, warm_cache))
    numpy_engine = complexity("grappe complexity --engine numpy", env, out / "np.csv", warm_cache)
    numpy_engine = Command(
        numpy_engine.label,
        [*numpy_engine.argv, "--engine", "numpy"],
        "grappe, dense BLAS (no numba)",
        numpy_engine.env,
    )
    warm.append(numpy_engine)
    print_report(
        compare(warm, runs=args.runs, warmup=1),
        title=f"grappe complexity on {TRADE.name}, warm numba cache",
    )
    outputs = [out / "peer.csv", *(out / f"cli{s.strip(' ()')}.csv" for s, _ in versions)]
    _same_files(outputs)
    print(f"  outputs byte-identical: {', '.join(p.name for p in outputs)}")
    gap = _largest_difference(outputs[0], out / "np.csv")
    if gap > 1e-12:
        raise SystemExit(f"RESULTS DIFFER: --engine numpy is {gap:.2e} from the numba engine")
    print(f"  --engine numpy: largest difference to the numba engine {gap:.1e} (COI's rounding)")

    # 3. cold: each run with an empty numba cache (the first run after an installation)
    cold_outputs = []
    cold_walls: dict[str, list[float]] = {}
    for run in range(args.cold_runs):
        cold = [peer("Python script, cold", env, out / f"peer-cold{run}.csv", out / f"c{run}p")]
        cold.append(
            complexity("grappe complexity, cold", env, out / f"cli-cold{run}.csv", out / f"c{run}g")
        )
        report = compare(cold, runs=1, warmup=0)
        print_report(
            report, title=f"grappe complexity, empty numba cache, round {run + 1}/{args.cold_runs}"
        )
        for m in report.measurements:
            cold_walls.setdefault(m.command.label, []).extend(m.wall)
        cold_outputs += [out / f"peer-cold{run}.csv", out / f"cli-cold{run}.csv"]
    print(f"\n## Cold runs, {args.cold_runs} rounds interleaved: wall median [min–max]")
    for label, walls in cold_walls.items():
        print(f"  {label:<28} {statistics.median(walls):.3f} [{min(walls):.3f}–{max(walls):.3f}] s")
    _same_files([outputs[0], *cold_outputs])
    print(f"  cold outputs byte-identical to the warm ones ({len(cold_outputs)} files)")


if __name__ == "__main__":
    main()
