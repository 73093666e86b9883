"""All-industry localisation scan (``grappe spatial scan``): scaling with Dask workers.

Two cases, each a **whole command** in a fresh process, interleaved through
``_harness.compare`` (``--workers 1`` against ``--workers 2``: a Dask ``LocalCluster`` of one
or two worker processes, one thread each):

* SYNTHETIC register, seeded: ``--establishments`` (default 1e6) establishments in 500
  industries (sizes log-normal, 300–6,000), in a 300 km × 300 km region: sites 60 % around 100
  "towns" (Gaussian, sd 2–8 km), 40 % uniform; one industry in five draws half its
  establishments around two of the towns (localised), the others follow the sites. EPSG:3035
  metres, written to a CSV.
* REAL: the SIRENE Bas-Rhin extract (``../shared/data/fr_bas_rhin_sirene_iris``, 81,921
  establishments, read in place): located only by IRIS, so each establishment is placed at its
  IRIS centroid (Lambert-93, from the extract's attribute table) — pseudo-points, as its
  PROVENANCE says; every NAF code with ``--min-establishments`` (10) or more.

The summaries written by both worker counts must be identical (same seed: the executor does
not change a number); the benchmark stops otherwise.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/bench_scan.py [--establishments 1e6]
[--simulations 19] [--runs 1] [--skip-synthetic] [--skip-sirene]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from _harness import Command, compare, print_report

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "fr_bas_rhin_sirene_iris"
SIDE = 300_000.0
INDUSTRIES = 500


def synthetic_register(n: int, path: Path, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    sizes = np.clip(rng.lognormal(0.0, 0.6, INDUSTRIES), 0.15, 3.0)
    sizes = np.maximum(10, np.round(sizes / sizes.sum() * n)).astype(int)
    sizes[-1] += n - sizes.sum()  # exactly n establishments
    towns = rng.uniform(0.1 * SIDE, 0.9 * SIDE, (100, 2))
    spread = rng.uniform(2_000, 8_000, 100)

    def sites(k: int) -> np.ndarray:  # the general pattern of land use
        n_town = rng.binomial(k, 0.6)
        which = rng.integers(0, 100, n_town)
        around = towns[which] + rng.normal(0, 1, (n_town, 2)) * spread[which, None]
        return np.vstack([around, rng.uniform(0, SIDE, (k - n_town, 2))])

    parts = []
    for i, m in enumerate(sizes):
        if i % 5 == 0:  # localised: half around two towns of its own
            two = rng.choice(100, 2, replace=False)
            which = rng.choice(two, m // 2)
            near = towns[which] + rng.normal(0, 1, (m // 2, 2)) * spread[which, None] / 2
            xy = np.vstack([near, sites(m - m // 2)])
        else:
            xy = sites(m)
        parts.append(pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "naf": f"I{i:03d}"}))
    frame = pd.concat(parts, ignore_index=True)
    frame[["x", "y"]] = frame[["x", "y"]].clip(0.0, SIDE)
    frame.to_csv(path, index=False, float_format="%.1f")


def sirene_pseudo_points(path: Path) -> int:
    firms = pd.read_csv(DATA / "sirene_bas_rhin_establishments_by_iris.csv.gz", dtype=str)
    iris = pd.read_csv(DATA / "iris_bas_rhin_attributes.csv", dtype={"DCOMIRIS": str})
    frame = firms.merge(iris, left_on="code_iris", right_on="DCOMIRIS", validate="m:1")
    if len(frame) != len(firms):
        raise SystemExit("an establishment's IRIS has no centroid")
    frame[["naf_code", "centroid_x_l93", "centroid_y_l93"]].to_csv(path, index=False)
    return len(frame)


def workers_and_summary(w: int, outs: dict) -> list[str]:
    return ["--workers", str(w), "--summary", str(outs[w])]


def scaling(label: str, base: list[str], tmp: Path, runs: int) -> None:
    slug = "synthetic" if label.startswith("SYNTHETIC") else "sirene"
    outs = {w: tmp / f"{slug}_summary_{w}.csv" for w in (1, 2)}
    report = compare(
        [
            Command(
                f"scan, --workers {w}",
                [sys.executable, "-m", "grappe.cli.main", *base, *workers_and_summary(w, outs)],
                engine=f"Dask LocalCluster, {w} process(es) × 1 thread; numba pair loop",
            )
            for w in (1, 2)
        ],
        runs=runs,
        warmup=0,
    )
    print_report(report, title=label)
    one, two = pd.read_csv(outs[1]), pd.read_csv(outs[2])
    pd.testing.assert_frame_equal(one, two, check_exact=True)
    scanned = one[one["status"] == "scanned"]
    left_out = one["status"].value_counts().drop("scanned", errors="ignore").to_dict()
    print(
        f"  identical summaries with 1 and 2 workers; {len(scanned)} industries scanned, "
        f"{int(scanned['localised'].sum())} localised, {int(scanned['dispersed'].sum())} "
        f"dispersed; left out: {left_out}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--establishments", type=float, default=1e6)
    ap.add_argument("--simulations", type=int, default=19)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("--skip-sirene", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_scan_"))
    sims = ["--simulations", str(args.simulations), "--seed", "0"]
    if not args.skip_synthetic:
        n = int(args.establishments)
        register = tmp / "register.csv"
        synthetic_register(n, register)
        base = ["spatial", "scan", str(register), "--industry-column", "naf", "--x", "x",
                "--y", "y", "--crs", "EPSG:3035", *sims]  # fmt: skip
        scaling(f"SYNTHETIC register, {n:,} establishments, {INDUSTRIES} industries, "
                f"{args.simulations} simulations", base, tmp, args.runs)  # fmt: skip
    if not args.skip_sirene:
        sirene = tmp / "sirene_pseudo_points.csv"
        n = sirene_pseudo_points(sirene)
        base = ["spatial", "scan", str(sirene), "--industry-column", "naf_code",
                "--x", "centroid_x_l93", "--y", "centroid_y_l93", "--crs", "EPSG:2154",
                "--min-establishments", "10", *sims]  # fmt: skip
        title = (f"REAL SIRENE Bas-Rhin, {n:,} establishments at IRIS centroids, every NAF "
                 f"code with ≥ 10, {args.simulations} simulations")  # fmt: skip
        scaling(title, base, tmp, args.runs)


if __name__ == "__main__":
    main()
