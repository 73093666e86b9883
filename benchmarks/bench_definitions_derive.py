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

The figures are in ``docs/definitions.md``.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(
    os.environ.get("GRAPPE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)
COUNTY = SHARED / "us_cbp_2017_2021" / "cbp_county_naics_2017_2021.parquet"
BEA = SHARED / "us_bea_io_tables"


def run(label: str, options: list[str]) -> float:
    """Run the CLI once in a fresh process; print its output and wall time."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [
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
            str(Path(tmp) / "derived.csv"),
            *options,
        ]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\n=== {label} ===\n$ grappe {' '.join(command[3:])}")
    print(done.stdout.rstrip())
    if done.returncode != 0:
        print(done.stderr.rstrip())
        raise SystemExit(f"{label}: exit code {done.returncode}")
    print(f"wall time {elapsed:.1f} s; peak RSS of the children so far {peak:,.0f} MiB")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="also derive on all benchmark codes")
    args = parser.parse_args()
    if not COUNTY.is_file() or not BEA.is_dir():
        raise SystemExit(f"needs {COUNTY} and {BEA} (set GRAPPE_SHARED_DATA)")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    io = ["--io", str(BEA)]
    naive = ["--colocation", "employment", "--algorithm", "kmeans"]
    run("traded codes, K = 51, co-location + input-output grid", [*io, "--traded-only", "-k", "51"])
    run(
        "traded codes, K = 51, naive: k-means of employment co-location",
        [*naive, "--traded-only", "-k", "51"],
    )
    if args.all:
        run("all codes, K = 67, co-location + input-output grid", [*io, "-k", "67"])
        run("all codes, K = 67, naive: k-means of employment co-location", [*naive, "-k", "67"])


if __name__ == "__main__":
    main()
