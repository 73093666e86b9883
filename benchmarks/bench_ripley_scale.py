"""Ripley's K at 1e5 and 1e6 points: memory of the tiled pair count, whole commands.

Data: SYNTHETIC, seeded — ``n`` points in a 50 km × 50 km window (60 % around 40 "towns",
Gaussian, sd 1.5–6 km, 40 % uniform; clipped to the window), written to a CSV in EPSG:3035
metres. A dense pattern on purpose: at 1e6 points a centre near the edge has ~1,000 neighbours
within 1 km, which is where listing the pairs of the isotropic correction costs memory.

Two whole commands, interleaved through ``_harness.compare``:

* ``grappe spatial ripley FILE --radii 50,…,1000 --window 0,0,50000,50000 --simulations 0``
  (isotropic correction): near-edge pairs listed in tiles of ``PAIRS_PER_TILE`` pairs;
* the same command with ``PAIRS_PER_TILE`` raised to 1e18 (one tile: every near-edge pair
  listed at once, which is what the implementation did before tiling).

The two curves written must agree to 1e-12 relative (the benchmark stops otherwise).

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/bench_ripley_scale.py [--sizes 1e5,1e6]
[--runs 3] [--runs-large 1]`` (1e6 points: one run each, no warm-up, by default: the one-tile
command takes minutes and ~7 GB).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from _harness import Command, compare, print_report

SIDE = 50_000.0
RADII = ",".join(f"{r:g}" for r in np.arange(50.0, 1001.0, 50.0))
ONE_TILE = (
    "import runpy, sys; import grappe.spatial.ripley as r; r.PAIRS_PER_TILE = 10**18; "
    "sys.argv = ['grappe'] + sys.argv[1:]; runpy.run_module('grappe.cli.main', run_name='__main__')"
)


def synthetic_points(n: int, path: Path, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    towns = rng.uniform(0.1 * SIDE, 0.9 * SIDE, (40, 2))
    spread = rng.uniform(1_500, 6_000, 40)
    n_town = int(0.6 * n)
    which = rng.integers(0, 40, n_town)
    xy = np.vstack(
        [
            towns[which] + rng.normal(0, 1, (n_town, 2)) * spread[which, None],
            rng.uniform(0, SIDE, (n - n_town, 2)),
        ]
    )
    xy = np.clip(xy, 0.0, SIDE)
    pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]}).to_csv(path, index=False, float_format="%.3f")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1e5,1e6")
    ap.add_argument("--runs", type=int, default=3, help="runs each below 1e6 points")
    ap.add_argument("--runs-large", type=int, default=1, help="runs each at 1e6 points or more")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_ripley_scale_"))
    for n in (int(float(s)) for s in args.sizes.split(",")):
        data = tmp / f"points_{n}.csv"
        synthetic_points(n, data)
        window = f"0,0,{SIDE:g},{SIDE:g}"
        common = ["spatial", "ripley", str(data), "--x", "x", "--y", "y", "--crs", "EPSG:3035",
                  "--radii", RADII, "--window", window, "--simulations", "0"]  # fmt: skip
        tiled, whole = tmp / f"tiled_{n}.csv", tmp / f"whole_{n}.csv"
        large = n >= 1_000_000
        report = compare(
            [
                Command(
                    "ripley, tiles of 2e6 pairs",
                    [sys.executable, "-m", "grappe.cli.main", *common, "--out", str(tiled)],
                    engine="scipy cKDTree (count_neighbors + tiled sparse_distance_matrix)",
                ),
                Command(
                    "ripley, one tile (former)",
                    [sys.executable, "-c", ONE_TILE, *common, "--out", str(whole)],
                    engine="scipy cKDTree (count_neighbors + one sparse_distance_matrix)",
                ),
            ],
            runs=args.runs_large if large else args.runs,
            warmup=0 if large else 1,
        )
        print_report(
            report,
            title=f"SYNTHETIC {n:,} points, 50 km window, isotropic K at 20 radii 50 m–1 km",
        )
        a, b = pd.read_csv(tiled)["k"].to_numpy(), pd.read_csv(whole)["k"].to_numpy()
        worst = float(np.max(np.abs(a - b) / np.abs(b)))
        print(f"  tiled vs one tile: max relative difference of K {worst:.1e} (limit 1e-12)")
        if not worst <= 1e-12:
            raise SystemExit(f"tiled K differs from the one-tile K by {worst:.1e} > 1e-12")


if __name__ == "__main__":
    main()
