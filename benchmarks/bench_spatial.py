"""Benchmark of grappe.spatial: employment-weighted K-density with 99 simulations.

Data: SYNTHETIC sites (no real register has 100,000 geolocated establishments we may use):
100,000 sites in a 200 km x 200 km region, 60 % around 40 "towns" (Gaussian, sd 1.5–6 km) and
40 % uniform; employees log-normal (median 5). The activity is 5,000 sites: half drawn among the
sites of three towns, half among the other sites. Coordinates are planar metres (EPSG:2154-like).

Peers, on the same data and the same 2 cores, in one process:
* a direct O(n²) numpy implementation (full distance matrix, exact Gaussian kernel sum at every
  grid distance) — one curve is timed at full size and multiplied by the 100 curves (observed
  + 99 simulations), which do the same amount of work each;
* pointpats' Ripley K envelope ``k_test`` (CSR simulations in the hull) on the 5,000 points,
  at its default 20 distances and at the 200 distances of grappe's K-density grid,
  timed (after starting its joblib workers) with ``--pointpats-sims`` simulations (default 4:
  the observed K plus 4 CSR patterns) and scaled to 99 (its cost is linear in the patterns);
* grappe on a Dask LocalCluster with 1 and 2 worker processes.

Run: ``.venv/bin/python benchmarks/bench_spatial.py`` (``--quick`` for a smaller check).
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import numpy as np
import pandas as pd

from grappe.spatial import kdensity, points_from_frame, ripley_k


def synthetic_sites(n_sites: int, n_activity: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    side = 200_000.0
    towns = rng.uniform(0.1 * side, 0.9 * side, (40, 2))
    spread = rng.uniform(1_500, 6_000, 40)
    n_town = int(0.6 * n_sites)
    which = rng.integers(0, 40, n_town)
    xy = np.vstack(
        [
            towns[which] + rng.normal(0, 1, (n_town, 2)) * spread[which, None],
            rng.uniform(0, side, (n_sites - n_town, 2)),
        ]
    )
    emp = np.maximum(1, np.round(rng.lognormal(np.log(5), 1.0, n_sites)))
    act = np.full(n_sites, "other", dtype=object)
    near = np.flatnonzero(np.isin(which, [0, 1, 2]))  # sites of three towns
    clustered = rng.choice(near, min(len(near), n_activity // 2), replace=False)
    others = np.setdiff1d(np.arange(n_sites), clustered)
    scattered = rng.choice(others, n_activity - len(clustered), replace=False)
    chosen = np.r_[clustered, scattered]
    act[chosen] = "target"
    frame = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "naf": act, "emp": emp})
    return points_from_frame(frame, x="x", y="y", crs="EPSG:2154", activity="naf", weight="emp")


def best_of(repeats: int, func):
    times, out = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - t)
    return min(times), out


def direct_curve(xy, w, grid, h):
    """Direct O(n²): full distance matrix, then the exact reflected Gaussian sum per distance."""
    diff = xy[:, None, :] - xy[None, :, :]
    d = np.sqrt((diff**2).sum(-1))
    iu = np.triu_indices(len(xy), 1)
    d, ww = d[iu], (w[:, None] * w[None, :])[iu]
    norm = 1 / (h * np.sqrt(2 * np.pi) * ww.sum())
    out = np.empty(len(grid))
    for g, x in enumerate(grid):
        out[g] = (
            norm
            * (ww * (np.exp(-0.5 * ((x - d) / h) ** 2) + np.exp(-0.5 * ((x + d) / h) ** 2))).sum()
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="20,000 sites / 1,000 in activity")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--pointpats-sims", type=int, default=4, help="simulations actually run")
    args = ap.parse_args()
    n_sites, n_act = (20_000, 1_000) if args.quick else (100_000, 5_000)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"python {platform.python_version()}, numpy {np.__version__}"
    )
    pts = synthetic_sites(n_sites, n_act)
    print(f"SYNTHETIC data: {n_sites:,} sites, {n_act:,} in the activity\n")

    # 1. grappe, local threads
    t_grappe, res = best_of(
        args.repeats,
        lambda: kdensity(
            pts, "target", weighted=True, n_simulations=99, seed=1, keep_simulations=True
        ),
    )
    print(
        f"grappe weighted K-density, 99 simulations, threads: {t_grappe:.1f} s "
        f"(best of {args.repeats}); bandwidth {res.bandwidth:.0f} m, "
        f"max distance {res.max_distance:.0f} m, localised={res.localised}"
    )

    # 2. direct O(n²) numpy, one curve at full size, same grid and bandwidth
    sel = pts.mask("target")
    xy = pts.data[["x", "y"]].to_numpy()[sel]
    w = pts.data["weight"].to_numpy()[sel]
    grid = res.curves["distance"].to_numpy()
    t_one, direct = best_of(1, lambda: direct_curve(xy, w, grid, res.bandwidth))
    err = np.abs(direct - res.curves["kdensity"].to_numpy()).max() / direct.max()
    t_direct = 100 * t_one
    print(
        f"direct O(n²) numpy: one curve {t_one:.1f} s -> 100 curves ≈ {t_direct:.0f} s "
        f"(extrapolated x100); max |grappe - direct| = {err:.1e} of the peak"
    )

    # 3. pointpats Ripley K envelope on the same 5,000 points: at its default 20 distances,
    #    and at the 200 distances where grappe evaluates K (same output resolution)
    import pointpats

    n_pp = args.pointpats_sims
    n = len(xy)
    pointpats.k_test(xy[:100], support=5, n_simulations=2)  # start joblib's workers, untimed
    t_pp99 = {}
    for n_support in (20, len(grid)):
        support = np.linspace(0, res.max_distance, n_support)
        t_pp, pp = best_of(
            args.repeats,
            lambda s=support: pointpats.k_test(
                xy, support=s, n_simulations=n_pp, keep_simulations=False
            ),
        )
        t_pp99[n_support] = t_pp * 100 / (n_pp + 1)
        ours = ripley_k(
            points_from_frame(
                pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]}), x="x", y="y", crs="EPSG:2154"
            ),
            support[1:],
            edge_correction="none",
        )["k"].to_numpy()
        k_err = np.abs(ours * (n - 1) / n - pp.statistic[1:]).max() / pp.statistic[1:].max()
        print(
            f"pointpats k_test, {n_support} distances, {n_pp} simulations: {t_pp:.1f} s -> "
            f"99 ≈ {t_pp99[n_support]:.0f} s (scaled x{100 / (n_pp + 1):.1f}); "
            f"grappe ripley_k vs pointpats K: max rel diff {k_err:.1e}"
        )
    print(
        f"speed-up: x{t_direct / t_grappe:.0f} vs direct O(n²), "
        f"x{t_pp99[20] / t_grappe:.1f} vs pointpats envelope at 20 distances, "
        f"x{t_pp99[len(grid)] / t_grappe:.1f} at {len(grid)} distances\n"
    )

    # 4. scaling with the size of the activity (99 simulations, weighted)
    print("scaling (threads, 99 simulations, weighted):")
    print("| sites | in activity | seconds |")
    print("|---:|---:|---:|")
    sizes = [250, 500, 1000] if args.quick else [500, 1_000, 2_000, 5_000, 10_000]
    for m in sizes:
        p = synthetic_sites(n_sites, m, seed=2)
        t, _ = best_of(
            1, lambda p=p: kdensity(p, "target", weighted=True, n_simulations=99, seed=1)
        )
        print(f"| {n_sites:,} | {m:,} | {t:.1f} |")

    # 5. Dask LocalCluster, 1 vs 2 worker processes; identical numbers to threads
    from distributed import Client, LocalCluster

    print("\nDask LocalCluster (processes, 1 thread each):")
    for workers in (1, 2):
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as lc,
            Client(lc) as client,
        ):
            t, r = best_of(
                args.repeats,
                lambda c=client: kdensity(
                    pts,
                    "target",
                    weighted=True,
                    n_simulations=99,
                    seed=1,
                    scheduler=c,
                    keep_simulations=True,
                ),
            )
        same = np.array_equal(r.simulations, res.simulations)
        print(
            f"  {workers} worker(s): {t:.1f} s (best of {args.repeats}); "
            f"identical to threads: {same}"
        )


if __name__ == "__main__":
    main()
