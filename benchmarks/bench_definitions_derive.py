"""Benchmark of ``grappe definitions derive`` on the US county file against the benchmark.

Run in one process (each CLI run is a fresh subprocess, timed from start to exit)::

    .venv/bin/python benchmarks/bench_definitions_derive.py            # traded codes, K = 51
    .venv/bin/python benchmarks/bench_definitions_derive.py --all      # also all 970 codes, K = 67

What it does

1. Runs the whole command on the CBP county file (2019, 6-digit NAICS, withheld cells imputed)
   with the BEA input-output tables, on the benchmark's traded codes, with 51 clusters and the
   default grid, and prints its output (the grid's validation scores, the chosen
   configuration, AMI and ARI against ``us-benchmark``), its wall time and peak memory.
2. Runs the naive baseline the issue mentions: k-means of the co-location of employment only
   (``--colocation employment --algorithm kmeans``, no ``--io``).
3. With ``--all``: the same two runs on every code of the benchmark (traded and local, 67
   clusters).
4. Times each pair (grid, naive) as whole processes with ``_harness.compare``: interleaved
   (A B A B), ``--repeat`` counted runs each after the printing runs above (which serve as the
   warm-up), median [min–max] of wall time, CPU and peak RSS, the ratio run by run, the engine
   and the load average before and after (``benchmarks/README.md``).

The figures are in ``docs/definitions.md``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _harness import Command, compare, load_line, print_report

SHARED = Path(
    os.environ.get("GRAPPE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)
COUNTY = SHARED / "us_cbp_2017_2021" / "cbp_county_naics_2017_2021.parquet"
BEA = SHARED / "us_bea_io_tables"


ENGINE = "grappe CLI, fresh process (numpy, scipy, scikit-learn)"


def argv(options: list[str], output: Path) -> list[str]:
    """The command line of ``grappe definitions derive`` with ``options``."""
    return [
        sys.executable,
        "-m",
        "grappe.cli.main",
        "definitions",
        "derive",
        str(COUNTY),
        "--source",
        "cbp",
        "--years",
        "2019",
        "--level",
        "6",
        "--benchmark",
        "us-benchmark",
        "--seed",
        "0",
        "--output",
        str(output),
        *options,
    ]


def run(label: str, options: list[str]) -> float:
    """Run the CLI once in a fresh process; print its output (the scores) and wall time."""
    with tempfile.TemporaryDirectory() as tmp:
        command = argv(options, Path(tmp) / "derived.csv")
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
    print(f"\n=== {label} ===\n$ grappe {' '.join(command[3:])}")
    print(done.stdout.rstrip())
    if done.returncode != 0:
        print(done.stderr.rstrip())
        raise SystemExit(f"{label}: exit code {done.returncode}")
    print(f"wall time {elapsed:.1f} s (printing run, not counted) [engine: {ENGINE}]")
    return elapsed


def timed(title: str, grid: list[str], naive: list[str], runs: int) -> None:
    """The grid and the naive baseline as whole processes, interleaved, ``runs`` each."""
    with tempfile.TemporaryDirectory() as tmp:
        report = compare(
            [
                Command("derive, co-location + IO grid", argv(grid, Path(tmp) / "a.csv"), ENGINE),
                Command("derive, naive k-means", argv(naive, Path(tmp) / "b.csv"), ENGINE),
            ],
            runs=runs,
            warmup=0,
        )
    print_report(report, title=title)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="also derive on all benchmark codes")
    parser.add_argument("--repeat", type=int, default=1, help="counted runs of each command")
    args = parser.parse_args()
    if not COUNTY.is_file() or not BEA.is_dir():
        raise SystemExit(f"needs {COUNTY} and {BEA} (set GRAPPE_SHARED_DATA)")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; {load_line('at start')}")
    io = ["--io", str(BEA)]
    naive = ["--colocation", "employment", "--algorithm", "kmeans"]
    cases = [("traded codes, K = 51", ["--traded-only", "-k", "51"])]
    if args.all:
        cases.append(("all codes, K = 67", ["-k", "67"]))
    for title, options in cases:
        run(f"{title}, co-location + input-output grid", [*io, *options])
        run(f"{title}, naive: k-means of employment co-location", [*naive, *options])
        timed(title, [*io, *options], [*naive, *options], args.repeat)
    print(load_line("at the end"))


if __name__ == "__main__":
    main()
