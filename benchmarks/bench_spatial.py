"""Benchmark of grappe.spatial: employment-weighted K-density with 99 simulations.

Data: SYNTHETIC sites (no real register has 100,000 geolocated establishments we may use):
100,000 sites in a 200 km x 200 km region, 60 % around 40 "towns" (Gaussian, sd 1.5–6 km) and
40 % uniform; employees log-normal (median 5). The activity is 5,000 sites: half drawn among the
sites of three towns, half among the other sites. Coordinates are planar metres (EPSG:2154-like).

Peers, on the same data and the same 2 cores, in one process, **on equal work** and timed
**interleaved** (grappe, peer, grappe, peer, …) with the same number of counted runs
(``--repeat``), medians [min–max] printed, the engine named on every line:

* a direct O(n²) numpy implementation (full distance matrix, exact Gaussian kernel sum at every
  grid distance). It cannot do grappe's 100 curves of 5,000 points on a shared machine (about
  an hour and a half), so both sides do the **same curves**: the observed curve plus
  ``--direct-sims`` random relabellings (default 1; grappe's minimum) of a ``--direct-sites``
  subsample of the activity (default 2,000). The ratio is computed on that equal work, and the
  observed curves must agree (relative to the peak, linear binning) or the script fails. The
  direct time of 100 curves at 5,000 sites is printed only as an **extrapolation** (quadratic
  in the sites, linear in the curves), marked as such;
* pointpats' Ripley K envelope ``k_test`` (CSR simulations in the hull) on the 5,000 points,
  at its default 20 distances and at the 200 distances of grappe's K-density grid, with
  ``--pointpats-sims`` simulations (default 4) against grappe's K-density with the **same
  number of simulations** (no scaling): they are different statistics (pointpats counts
  unweighted pairs below each radius, grappe smooths employment-weighted pairs), bounded by
  the same pair loop;
* grappe on a Dask LocalCluster with 1 and 2 worker processes.

grappe's pair loop has two engines: a numba-compiled loop (``grappe[fast]``) and numpy blocks.
``kdensity`` has no engine argument: it takes numba when numba can be imported. ``--engine
numpy`` therefore makes numba unimportable in this process before grappe loads it (what an
installation without ``grappe[fast]`` sees).

Run: ``.venv/bin/python benchmarks/bench_spatial.py [--engine numpy] [--repeat 3]``
(``--quick`` for a smaller check). See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

from _harness import Call, compare_calls, load_line, numpy_blas, print_calls


def _engine_from_argv() -> str:
    """``--engine`` read before grappe is imported: numba must be blocked before it loads."""
    for i, arg in enumerate(sys.argv):
        if arg.startswith("--engine="):
            return arg.split("=", 1)[1]
        if arg == "--engine" and i + 1 < len(sys.argv):
            return sys.argv[i + 1]
    return "auto"


if _engine_from_argv() == "numpy":
    sys.modules["numba"] = None  # type: ignore[assignment]  # import numba -> ImportError

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from grappe.spatial import kdensity, points_from_frame, ripley_k  # noqa: E402


def _block_numba() -> None:
    """Make ``import numba`` fail in this process (run in each Dask worker with --engine numpy)."""
    sys.modules["numba"] = None  # type: ignore[assignment]


def pair_engine() -> str:
    """The engine grappe's pair loop uses in this process."""
    try:
        import numba
    except ImportError:
        return f"grappe numpy blocks ({numpy_blas()})"
    return f"grappe numba {numba.__version__} compiled pair loop"


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


DIRECT_ENGINE = "direct O(n²) numpy (full distance matrix, exact Gaussian sums)"


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


def direct_curves(xy_all, w_all, sel, grid, h, n_sims, seed):
    """The observed curve and ``n_sims`` random relabellings (same size) by the direct method."""
    rng = np.random.default_rng(seed)
    out = [direct_curve(xy_all[sel], w_all[sel], grid, h)]
    for _ in range(n_sims):
        draw = rng.choice(len(xy_all), len(sel), replace=False)
        out.append(direct_curve(xy_all[draw], w_all[draw], grid, h))
    return out


def subsample_points(pts, n: int, seed: int):
    """The same sites, with only ``n`` of the activity's sites (drawn with ``seed``) kept in it."""
    frame = pts.data.copy()
    sel = np.flatnonzero(pts.mask("target"))
    keep = np.random.default_rng(seed).choice(sel, n, replace=False)
    drop = np.setdiff1d(sel, keep)
    frame["activity"] = frame["activity"].astype(object)
    frame.loc[frame.index[drop], "activity"] = "other"
    return points_from_frame(
        frame, x="x", y="y", crs="EPSG:2154", activity="activity", weight="weight"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="20,000 sites / 1,000 in activity")
    ap.add_argument("--repeat", type=int, default=3, help="counted runs of each side")
    ap.add_argument("--engine", choices=("auto", "numpy"), default="auto",
                    help="numpy: numba made unimportable (grappe's numpy pair engine)")  # fmt: skip
    ap.add_argument("--direct-sites", type=int, default=2_000, help="activity subsample")
    ap.add_argument("--direct-sims", type=int, default=1, help="relabellings on both sides")
    ap.add_argument("--pointpats-sims", type=int, default=4, help="simulations on both sides")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--no-scaling", action="store_true")
    args = ap.parse_args()
    n_sites, n_act = (20_000, 1_000) if args.quick else (100_000, 5_000)
    engine = pair_engine()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"python {platform.python_version()}, {numpy_blas()}; {load_line('at start')}"
    )
    print(f"grappe pair engine in this process: {engine}")
    pts = synthetic_sites(n_sites, n_act)
    print(f"SYNTHETIC data: {n_sites:,} sites, {n_act:,} in the activity")

    # 1. grappe, local threads, 99 simulations
    report = compare_calls(
        [
            Call(
                "grappe K-density, 99 sims",
                lambda: kdensity(
                    pts, "target", weighted=True, n_simulations=99, seed=1, keep_simulations=True
                ),
                engine=f"{engine}, threads",
            )
        ],
        runs=args.repeat,
        warmup=1,
    )
    print_calls(report, title=f"grappe weighted K-density, {n_act:,} of {n_sites:,} sites")
    res = report["grappe K-density, 99 sims"].result
    t_grappe = report.median("grappe K-density, 99 sims")
    print(
        f"  bandwidth {res.bandwidth:.0f} m, max distance {res.max_distance:.0f} m, "
        f"localised={res.localised} [engine: {engine}]"
    )

    # 2. direct O(n²) numpy on equal work: the same curves of the same subsample
    m = min(args.direct_sites, n_act)
    sub = subsample_points(pts, m, seed=3)
    xy_all = sub.data[["x", "y"]].to_numpy()
    w_all = sub.data["weight"].to_numpy()
    sel = np.flatnonzero(sub.mask("target"))
    k = args.direct_sims

    def grappe_sub():
        return kdensity(sub, "target", weighted=True, n_simulations=k, seed=1)

    ref = grappe_sub()
    grid = ref.curves["distance"].to_numpy()
    calls = [
        Call(f"grappe, {k + 1} curves of {m:,}", grappe_sub, engine=f"{engine}, threads"),
        Call(
            f"direct, {k + 1} curves of {m:,}",
            lambda: direct_curves(xy_all, w_all, sel, grid, ref.bandwidth, k, seed=5),
            engine=DIRECT_ENGINE,
        ),
    ]
    report = compare_calls(calls, runs=args.repeat, warmup=0)
    print_calls(report, title=f"equal work: observed + {k} relabelling(s) of {m:,} sites")
    direct = report[calls[1].label].result[0]
    err = np.abs(direct - ref.curves["kdensity"].to_numpy()).max() / direct.max()
    print(
        f"  observed curve: max |grappe - direct| = {err:.1e} of the peak (tolerance 1e-3); "
        f"direct / grappe = ×{report.ratio(calls[1].label, calls[0].label)} on equal work "
        f"[engines: {DIRECT_ENGINE} / {engine}]"
    )
    if err > 1e-3:
        raise SystemExit(f"grappe's K-density differs from the direct sum: {err:.1e} of the peak")
    per_curve = report.median(calls[1].label) / (k + 1)
    extrapolated = per_curve * (n_act / m) ** 2 * 100
    print(
        f"  EXTRAPOLATED, not measured: the direct method on 100 curves of {n_act:,} sites "
        f"≈ {extrapolated:,.0f} s ({per_curve:.1f} s per curve of {m:,} × ({n_act:,}/{m:,})² × "
        f"100), i.e. ≈ ×{extrapolated / t_grappe:,.0f} grappe's measured {t_grappe:.1f} s "
        f"[engines: {DIRECT_ENGINE} / {engine}]"
    )

    # 3. pointpats Ripley K envelope on the same 5,000 points, the same number of simulations
    import pointpats

    n_pp = args.pointpats_sims
    act = np.flatnonzero(pts.mask("target"))
    xy = pts.data[["x", "y"]].to_numpy()[act]
    n = len(xy)
    pointpats.k_test(xy[:100], support=5, n_simulations=2)  # start joblib's workers, untimed
    pp_engine = f"pointpats {pointpats.__version__} k_test (scipy KD-tree, joblib)"
    for n_support in (20, len(grid)):
        support = np.linspace(0, res.max_distance, n_support)
        calls = [
            Call(
                f"grappe K-density, {n_pp} sims",
                lambda: kdensity(pts, "target", weighted=True, n_simulations=n_pp, seed=1),
                engine=f"{engine}, threads",
            ),
            Call(
                f"pointpats k_test, {n_pp} sims",
                lambda s=support: pointpats.k_test(
                    xy, support=s, n_simulations=n_pp, keep_simulations=False
                ),
                engine=pp_engine,
            ),
        ]
        report = compare_calls(calls, runs=args.repeat, warmup=0)
        print_calls(report, title=f"pointpats K envelope at {n_support} distances, {n:,} points")
        pp = report[calls[1].label].result
        ours = ripley_k(
            points_from_frame(
                pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]}), x="x", y="y", crs="EPSG:2154"
            ),
            support[1:],
            edge_correction="none",
        )["k"].to_numpy()
        k_err = np.abs(ours * (n - 1) / n - pp.statistic[1:]).max() / pp.statistic[1:].max()
        print(
            f"  pointpats / grappe = ×{report.ratio(calls[1].label, calls[0].label)} with "
            f"{n_pp} simulations each; grappe ripley_k vs pointpats K: max rel diff {k_err:.1e} "
            f"[engines: {pp_engine} / {engine}]"
        )
        if k_err > 1e-9:
            raise SystemExit(f"grappe's Ripley K differs from pointpats': {k_err:.1e}")

    # 4. scaling with the size of the activity (99 simulations, weighted; one run each)
    if not args.no_scaling:
        print(f"\nscaling (threads, 99 simulations, weighted; one run each) [engine: {engine}]:")
        print("| sites | in activity | seconds | load average (1 min) after |")
        print("|---:|---:|---:|---:|")
        sizes = [250, 500, 1000] if args.quick else [500, 1_000, 2_000, 5_000, 10_000]
        for size in sizes:
            p = synthetic_sites(n_sites, size, seed=2)
            t = time.perf_counter()
            kdensity(p, "target", weighted=True, n_simulations=99, seed=1)
            t = time.perf_counter() - t
            print(f"| {n_sites:,} | {size:,} | {t:.1f} | {os.getloadavg()[0]:.2f} |")

    # 5. Dask LocalCluster, 1 vs 2 worker processes; identical numbers to threads
    if not args.no_dask:
        from distributed import Client, LocalCluster

        print("\nDask LocalCluster (processes, 1 thread each):")
        for workers in (1, 2):
            with (
                LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                ) as lc,
                Client(lc) as client,
            ):
                if args.engine == "numpy":  # the workers are fresh interpreters: block there too
                    client.run(_block_numba)
                label = f"Dask, {workers} worker(s)"
                report = compare_calls(
                    [
                        Call(
                            label,
                            lambda c=client: kdensity(
                                pts,
                                "target",
                                weighted=True,
                                n_simulations=99,
                                seed=1,
                                scheduler=c,
                                keep_simulations=True,
                            ),  # fmt: skip
                            engine=f"{engine}, Dask processes",
                        )
                    ],
                    runs=args.repeat,
                    warmup=1,
                )
            print_calls(report)
            same = np.array_equal(report[label].result.simulations, res.simulations)
            print(f"  identical to threads: {same} [engine: {engine}, Dask processes]")
            if not same:
                raise SystemExit("Dask's simulations differ from the threads'")
    print(load_line("at the end"))


if __name__ == "__main__":
    main()
