"""Benchmark of grappe.complexity against a tuned numpy pipeline and the Python peers.

Run in one process::

    .venv/bin/python benchmarks/bench_complexity.py            # 3,200 x 1,000 + scaling
    .venv/bin/python benchmarks/bench_complexity.py --quick    # small sizes only

Method (``benchmarks/README.md``): every comparison runs its calls **interleaved in this
process** (grappe, baseline, peer, grappe, baseline, peer, …), the **same number of counted
runs** each (``--repeat``), and prints the median [min–max] of each and the ratios run by run;
every line names the engine; the load average is printed before and after each block.

What it does

1. Derives sparsity statistics from the real 2020 country x HS4 trade matrix
   (``../shared/data/economic_complexity``; defaults are used when it is absent) and draws a
   **synthetic** matrix of the requested size with the same share of non-zero cells, the same
   share of RCA >= 1 and log-normal values (seeded).
2. Times grappe's full suite (RCA, M, diversity/ubiquity, ECI/PCI, proximity, density,
   COI/COG, fitness) with each engine (``numba``: the compiled loop over the ones of M, when
   numba is installed; ``numpy``: dense BLAS products) and a tuned numpy pipeline written
   below, checks they give identical values, and prints the ratios.
3. Runs the peers installed from PyPI in the ``bench`` extra (ecomplexity, econcomplex,
   economic-complexity) side by side on the same matrix, prints their times, ratios and the
   largest difference from grappe once conventions are aligned. A peer that fails is reported
   with its error.
4. Shows how time and numpy peak memory grow with size up to 10,000 x 5,000.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import traceback
import tracemalloc
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.linalg import LinearOperator, eigsh

from _harness import Call, compare_calls, load_line, numpy_blas, print_calls
from grappe.complexity import (
    binary_specialisation,
    complexity_outlook,
    complexity_suite,
    eci_pci,
    rca,
    relatedness_density,
)
from grappe.complexity._sparse_products import compiled_available

SHARED = Path(
    os.environ.get("GRAPPE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)


# --------------------------------------------------------------------------- synthetic data
def real_sparsity() -> dict[str, float]:
    """Share of non-zero cells, of RCA >= 1 cells, and log-value spread of the real matrix."""
    path = SHARED / "economic_complexity" / "stojkoski2023_trade_country_x_hs4product_2020.csv.gz"
    if not path.is_file():
        return {"nonzero": 0.58, "m_density": 0.10, "log_sd": 3.5, "source": "defaults"}
    X = pd.read_csv(path).set_index("Row").to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        R = X / X.sum(1, keepdims=True) / (X.sum(0) / X.sum())
    logs = np.log(X[X > 0])
    return {
        "nonzero": float((X > 0).mean()),
        "m_density": float((R >= 1).mean()),
        "log_sd": float(logs.std()),
        "source": str(path.name),
    }


def synthetic(n_rows: int, n_cols: int, stats: dict[str, float], seed: int = 0) -> np.ndarray:
    """Synthetic location x activity matrix with real-data sparsity (NOT real data)."""
    rng = np.random.default_rng(seed)
    # heterogeneous sizes of locations and activities make presence nested, as in real data
    a = rng.lognormal(0, 1.0, n_rows)
    b = rng.lognormal(0, 1.0, n_cols)
    score = np.log(a)[:, None] + np.log(b)[None, :] + rng.normal(0, 1.0, (n_rows, n_cols))
    cut = np.quantile(score, 1 - stats["nonzero"])
    values = np.exp(rng.normal(0, stats["log_sd"] * 0.6, (n_rows, n_cols)) + 1.5 * score)
    return np.where(score > cut, values, 0.0)


# --------------------------------------------------------------------------- numpy baseline
def numpy_baseline(X: np.ndarray) -> dict[str, np.ndarray]:
    """A tuned, plain numpy/scipy pipeline with the Growth Lab conventions (diag-0 proximity)."""
    row, col = X.sum(1), X.sum(0)
    with np.errstate(divide="ignore", invalid="ignore"):
        M = ((X / row[:, None]) / (col / col.sum())[None, :] >= 1.0).astype(np.float32)
    M = M[M.sum(1) > 0][:, M.sum(0) > 0]
    d, u = M.sum(1, dtype=np.float64), M.sum(0, dtype=np.float64)
    Ms = sp.csr_array(M, dtype=np.float64)
    B = sp.csr_array(sp.diags_array(1 / np.sqrt(d)) @ Ms @ sp.diags_array(1 / np.sqrt(u)))
    BT = B.T.tocsr()
    top = np.sqrt(u) / np.linalg.norm(np.sqrt(u))
    op = LinearOperator(
        (len(u), len(u)), matvec=lambda x: BT @ (B @ x) - top * (top @ x), dtype=float
    )
    _, vec = eigsh(op, k=1, which="LA", tol=0.0, v0=np.random.default_rng(0).random(len(u)))
    kp = vec[:, 0] / np.sqrt(u)
    kc = (Ms @ kp) / d
    if np.corrcoef(d, kc)[0, 1] < 0:
        kc, kp = -kc, -kp
    eci = (kc - kc.mean()) / kc.std()
    pci = (kp - kc.mean()) / kc.std()
    C = (M.T @ M).astype(np.float64)
    phi = C / np.maximum(u[:, None], u[None, :])
    np.fill_diagonal(phi, 0.0)
    Md = M.astype(np.float64)
    density = (Md @ phi) / phi.sum(0)[None, :]
    absent = 1.0 - Md
    coi = (density * absent) @ kp
    coi = (coi - coi.mean()) / coi.std()
    cog = absent * ((absent * (kp / phi.sum(1))[None, :]) @ phi) / kc.std()
    return {"eci": eci, "pci": pci, "density": density, "coi": coi, "cog": cog, "M": M}


def grappe_run(X: np.ndarray, engine: str = "auto"):
    return complexity_suite(X, engine=engine)


# --------------------------------------------------------------------------- helpers
def engine_name(engine: str) -> str:
    """What a grappe engine runs on, for the printed lines."""
    if engine == "numba":
        import numba

        return f"grappe numba {numba.__version__} (compiled loop over the ones of M)"
    return f"grappe {numpy_blas()} (dense products)"


BASELINE_ENGINE = "plain numpy/scipy (dense BLAS products, ARPACK eigsh)"


def peak_numpy_mb(fn) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


_FRESH = """
import sys, time
import numpy as np
from grappe.complexity import complexity_suite


def status(field):  # this process's own memory (ru_maxrss would include the parent's at fork)
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith(field))


X = np.load(sys.argv[1])
complexity_suite(X[:300, :200], engine=sys.argv[2])  # imports and compiled code loaded
before = status("VmRSS:")
t = time.perf_counter()
complexity_suite(X, engine=sys.argv[2])
seconds = time.perf_counter() - t
print(before, status("VmHWM:"), seconds)
"""


def fresh_process_peak(path: Path, engine: str) -> tuple[float, float, float]:
    """(RSS before the call, peak RSS, seconds) of a fresh interpreter running the suite."""
    out = subprocess.run(
        [sys.executable, "-c", _FRESH, str(path), engine],
        check=True,
        capture_output=True,
        text=True,
    )
    before, peak, seconds = map(float, out.stdout.split())
    return before, peak, seconds


def maxdiff(a, b) -> float:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.nanmax(np.abs(a - b)))


def aligned(a, b) -> float:
    """Largest difference after aligning an arbitrary sign."""
    return min(maxdiff(a, b), maxdiff(a, -np.asarray(b, dtype=float)))


# --------------------------------------------------------------------------- peers
def run_peers(X: np.ndarray, suite) -> list[dict]:
    rows = [f"c{i}" for i in range(X.shape[0])]
    cols = [f"p{j}" for j in range(X.shape[1])]
    frame = pd.DataFrame(X, index=rows, columns=cols)
    M = suite.M.toarray()
    keep_r = suite.rows["eci"].notna().to_numpy()
    keep_c = suite.cols["pci"].notna().to_numpy()
    Mdf = pd.DataFrame(M, index=np.array(rows)[keep_r], columns=np.array(cols)[keep_c])
    ours_eig = eci_pci(Mdf)
    ours = {
        "eci": suite.rows["eci"].to_numpy()[keep_r],
        "pci": suite.cols["pci"].to_numpy()[keep_c],
        "density_diag1": relatedness_density(Mdf, diagonal=None).to_numpy(),
        "density": suite.density.to_numpy(),
        "coi": suite.rows["coi"].to_numpy()[keep_r],
        "cog": suite.cog.to_numpy(),
    }
    out_diag1 = complexity_outlook(Mdf, ours_eig, diagonal=None)
    z = eci_pci(Mdf, standardise="zscore")
    phi0 = suite.proximity.to_numpy()

    def target_normalised_cog(pci: np.ndarray) -> np.ndarray:
        # econcomplex divides phi_{pp'} by the total proximity of the *target* p; the Atlas
        # (and grappe) by that of each source p'
        absent = 1.0 - M
        return absent * ((absent * pci[None, :]) @ (phi0 / phi0.sum(1, keepdims=True)).T)

    results = []

    def record(name, fn, compare, same_work=None, engine="pandas/numpy"):
        """Run a peer once (its check run: uncounted) and keep it for the interleaved timing.

        ``same_work`` is grappe doing only what a partial peer does; it is timed with it.
        """
        entry = {"peer": name}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = fn()
            entry["diffs"] = compare(res)
            entry["call"] = Call(name, fn, engine=engine)
            if same_work is not None:
                same_work()
                label = f"grappe same work as {name}"
                entry["same_work"] = Call(label, same_work, engine=engine_name("numpy"))
        except Exception as exc:  # a failing peer is reported, not hidden
            entry["error"] = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
            entry["trace"] = traceback.format_exc(limit=2).splitlines()[-1][:200]
        results.append(entry)

    try:
        from ecomplexity import ecomplexity
    except ImportError as exc:
        results.append({"peer": "ecomplexity", "error": f"not installed ({exc})"})
    else:
        long = frame.stack().rename("val").reset_index()
        long.columns = ["loc", "prod", "val"]
        long["time"] = 2020
        cols_input = {"time": "time", "loc": "loc", "prod": "prod", "val": "val"}

        def ecx():
            return ecomplexity(long, cols_input, verbose=False, check_logsupermodularity=False)

        def cmp_ecx(res):
            res = res.set_index(["loc", "prod"])
            first = res.groupby(level=0).first().reindex(Mdf.index)
            firstp = res.groupby(level=1).first().reindex(Mdf.columns)
            dens = res["density"].unstack().reindex(index=Mdf.index, columns=Mdf.columns)
            cog = res["cog"].unstack().reindex(index=Mdf.index, columns=Mdf.columns)
            return {
                "eci": aligned(first["eci"], ours["eci"]),
                "pci": aligned(firstp["pci"], ours["pci"]),
                "density (diag 1)": maxdiff(dens, ours["density_diag1"]),
                "coi (diag 1)": aligned(first["coi"], out_diag1.coi),
                "cog (diag 1)": aligned(cog, out_diag1.cog),
            }

        record("ecomplexity 0.5.3", ecx, cmp_ecx, engine="ecomplexity 0.5.3 (pandas, numpy)")

    try:
        import econcomplex as ec
    except ImportError as exc:
        results.append({"peer": "econcomplex", "error": f"not installed ({exc})"})
    else:

        def ecc():
            eci, pci = ec.eci_pci(frame, method="eigenvector")
            phi = ec.proximity(frame, compute="product")["product"]
            dens = ec.relatedness_density(frame, phi=phi)
            coi = ec.complexity_outlook_index(frame, pci, phi=phi)
            cog = ec.complexity_outlook_gain(frame, pci, phi=phi)
            return eci, pci, dens, coi, cog

        def cmp_ecc(res):
            eci, pci, dens, coi, cog = res
            zout = complexity_outlook(Mdf, z.pci, convention="pci")
            dens = pd.DataFrame(dens).reindex(index=Mdf.index, columns=Mdf.columns)
            cog_df = pd.DataFrame(cog).reindex(index=Mdf.index, columns=Mdf.columns)
            return {
                "eci (zscore)": aligned(pd.Series(eci).reindex(Mdf.index), z.eci),
                "pci (zscore)": aligned(pd.Series(pci).reindex(Mdf.columns), z.pci),
                "density/100 (diag 0)": maxdiff(dens / 100.0, ours["density"]),
                "coi (centred PCI)": aligned(pd.Series(coi).reindex(Mdf.index), zout.coi),
                "cog (centred PCI)": aligned(cog_df, zout.cog),
                "cog (target-normalised)": aligned(cog_df, target_normalised_cog(z.pci.to_numpy())),
            }

        record("econcomplex 1.0.1", ecc, cmp_ecc, engine="econcomplex 1.0.1 (pandas, numpy)")

    try:
        import economic_complexity as e2
    except ImportError as exc:
        results.append({"peer": "economic-complexity", "error": f"not installed ({exc})"})
    else:

        def e2_complexity():
            r = e2.rca(frame)
            return r, e2.complexity(r)  # method of reflections, 20 iterations

        def cmp_e2(res):
            r, (eci, pci) = res
            # its ECI is k_c after 18 reflections and its PCI k_p after 19, z-scored with the
            # sample sd: grappe's n_iter=20 convention. Plain reflections amplify rounding by
            # 1/lambda_2 per pair of iterations, so also compare at 4 iterations.
            out = {"rca": maxdiff(r.to_numpy(), rca(frame).to_numpy())}
            for it in (20, 4):
                e, p = (eci, pci) if it == 20 else e2.complexity(r, iterations=it)
                g = eci_pci(Mdf, method="reflections", n_iter=it, standardise="zscore-sample")
                out[f"eci ({it} reflections)"] = maxdiff(e.reindex(Mdf.index), g.eci)
                out[f"pci ({it} reflections)"] = maxdiff(p.reindex(Mdf.columns), g.pci)
            return out

        def grappe_same():
            M_ = binary_specialisation(frame)
            return eci_pci(M_, method="reflections", n_iter=20, standardise="zscore-sample")

        record("economic-complexity 0.3.0 ECI", e2_complexity, cmp_e2, grappe_same,
               engine="economic-complexity 0.3.0 (pandas)")  # fmt: skip

        def e2_related():
            r = e2.rca(frame)
            phi = e2.proximity(r)
            return e2.relatedness(r, proximities=phi)

        record("economic-complexity 0.3.0 density", e2_related, lambda _res: {},
               engine="economic-complexity 0.3.0 (pandas)")  # fmt: skip
    return results


# --------------------------------------------------------------------------- main
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only, no 10k x 5k")
    parser.add_argument("--repeat", type=int, default=3, help="counted runs of each side")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling table")
    args = parser.parse_args()

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"python {platform.python_version()}, {numpy_blas()}; {load_line('at start')}"
    )
    stats = real_sparsity()
    print(
        f"sparsity from {stats['source']}: non-zero {stats['nonzero']:.3f}, "
        f"RCA>=1 {stats['m_density']:.3f}"
    )

    engines = ["numba", "numpy"] if compiled_available() else ["numpy"]
    print(f"grappe engines: {', '.join(engine_name(e) for e in engines)}")
    size = (800, 300) if args.quick else (3200, 1000)
    X = synthetic(*size, stats)
    print(f"\nSYNTHETIC matrix {size[0]} x {size[1]}: non-zero {(X > 0).mean():.3f}")
    t = time.perf_counter()
    grappe_run(X)
    print(
        f"  first grappe call in this process (loads or compiles numba code): "
        f"{time.perf_counter() - t:.3f} s [engine: {engine_name(engines[0])}]"
    )
    grappe_calls = [
        Call(f"grappe engine={e}", lambda e=e: grappe_run(X, e), engine=engine_name(e))
        for e in engines
    ]
    baseline_call = Call("numpy baseline", lambda: numpy_baseline(X), engine=BASELINE_ENGINE)
    report = compare_calls([*grappe_calls, baseline_call], runs=args.repeat, warmup=1)
    print_calls(report, title=f"grappe full suite against a tuned numpy baseline, {size}")
    base = report["numpy baseline"].result
    print(f"  M density {base['M'].mean():.3f}")
    for engine in engines:
        suite = report[f"grappe engine={engine}"].result
        keep_r = suite.rows["eci"].notna().to_numpy()
        diffs = {
            "eci": maxdiff(suite.rows["eci"].to_numpy()[keep_r], base["eci"]),
            "pci": maxdiff(suite.cols["pci"].dropna(), base["pci"]),
            "density": maxdiff(suite.density, base["density"]),
            "coi": maxdiff(suite.rows["coi"].to_numpy()[keep_r], base["coi"]),
            "cog": maxdiff(suite.cog, base["cog"]),
        }
        print(
            f"  grappe engine={engine} / numpy baseline: time ×"
            f"{report.ratio(f'grappe engine={engine}', 'numpy baseline')}; max |grappe - numpy|: "
            + ", ".join(f"{k} {v:.1e}" for k, v in diffs.items())
            + f" [engine: {engine_name(engine)}]"
        )
        if max(diffs.values()) >= 1e-9:
            raise SystemExit(f"grappe engine={engine} differs from the numpy baseline: {diffs}")

    if not args.no_peers:
        print(
            "\nPEERS on the same matrix: each run once to check its values (uncounted), then "
            f"timed interleaved with grappe, {args.repeat} counted runs each"
        )
        peers = run_peers(X, suite)
        calls = list(grappe_calls)
        for entry in peers:
            if "error" in entry:
                print(f"  {entry['peer']:<34} FAILED: {entry['error']}")
                continue
            calls.append(entry["call"])
            if "same_work" in entry:
                calls.append(entry["same_work"])
        report = compare_calls(calls, runs=args.repeat, warmup=0)
        print_calls(report, title="peers against grappe (interleaved in process)")
        for entry in peers:
            if "error" in entry:
                continue
            name = entry["peer"]
            if "same_work" in entry:  # a partial peer: compare with the same work
                same = entry["same_work"].label
                print(
                    f"  {name}: peer / grappe doing the same work (RCA + ECI only) = "
                    f"×{report.ratio(name, same)} [engines: {entry['call'].engine} / "
                    f"{entry['same_work'].engine}]"
                )
            else:
                for e in engines:
                    print(
                        f"  {name}: peer / grappe = ×{report.ratio(name, f'grappe engine={e}')} "
                        f"[engines: {entry['call'].engine} / {engine_name(e)}]"
                    )
            for k, v in entry["diffs"].items():
                print(f"      max |diff| {k:<22} {v:.1e}")

    if not args.no_scaling:
        scaling(args, engines, stats)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess max RSS (everything above, inputs included): {rss:.0f} MiB")
    print(load_line("at the end"))


def scaling(args: argparse.Namespace, engines: list[str], stats: dict[str, float]) -> None:
    """Time and numpy peak memory against size, interleaved per size, same runs each."""
    print(
        "\nSCALING (synthetic, same sparsity): median [min–max] seconds, interleaved per size "
        "(one run each above 2e7 cells), and numpy peak MiB (tracemalloc, one more run)"
    )
    sizes = (
        [(400, 150), (800, 300), (1600, 500)]
        if args.quick
        else [(1000, 300), (3200, 1000), (6400, 2500), (10000, 5000)]
    )
    for n, p in sizes:
        Xs = synthetic(n, p, stats, seed=1)
        big = n * p > 2e7
        calls = [Call("numpy baseline", lambda Xs=Xs: numpy_baseline(Xs), engine=BASELINE_ENGINE)]
        calls += [
            Call(f"grappe engine={e}", lambda Xs=Xs, e=e: grappe_run(Xs, e), engine=engine_name(e))
            for e in engines
        ]
        report = compare_calls(calls, runs=1 if big else args.repeat, warmup=0 if big else 1)
        print_calls(report, title=f"{n} x {p}")
        for e in engines:
            mib = peak_numpy_mb(lambda Xs=Xs, e=e: grappe_run(Xs, e))
            print(
                f"  grappe engine={e}: ×{report.ratio(f'grappe engine={e}', 'numpy baseline')} "
                f"of the baseline's time; numpy peak {mib:,.0f} MiB [engine: {engine_name(e)}]"
            )
        mn = peak_numpy_mb(lambda Xs=Xs: numpy_baseline(Xs))
        print(f"  numpy baseline: numpy peak {mn:,.0f} MiB [engine: {BASELINE_ENGINE}]")
        del Xs
    if not args.quick:
        print("\nFRESH PROCESS: peak resident memory of an interpreter that loads the")
        print("10,000 x 5,000 matrix and runs the suite once (input, libraries included; 1 run)")
        Xs = synthetic(10000, 5000, stats, seed=1)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "X.npy"
            np.save(path, Xs)
            del Xs
            for engine in engines:
                before, peak, seconds = fresh_process_peak(path, engine)
                print(
                    f"  engine={engine:<6} {seconds:6.2f} s; RSS {before:,.0f} MiB before the call "
                    f"(input 381 MiB), peak {peak:,.0f} MiB = {peak * 2**20 / 1e9:.2f} GB; "
                    f"{load_line()} [engine: {engine_name(engine)}]"
                )


if __name__ == "__main__":
    main()
