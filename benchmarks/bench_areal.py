"""Benchmark of Gi* and local Moran: grappe (NumPy) against esda, whole processes.

Two parts, every command a **fresh process** timed by ``_harness.compare`` (interleaved
A B A B, same number of runs, medians and ranges of wall time and peak RSS, load recorded):

1. **Real units** — the 253 IRIS of the Bas-Rhin holding metal-products establishments (NAF
   division 25; SIRENE by IRIS, ``../shared/data/fr_bas_rhin_sirene_iris``), queen contiguity,
   999 conditional permutations, seed 0: ``grappe spatial areal … --statistic gi|moran`` against
   a plain script doing the same with pandas + shapely + libpysal + esda (esda ``G_Local`` /
   ``Moran_Local``, ``n_jobs=1``).
2. **Synthetic units** (SYNTHETIC: uniform random points in the unit square, Poisson(3)
   values, seed 0) with k-nearest-neighbour weights (k = 8, scipy's ``cKDTree``), 999
   permutations: ``grappe.spatial.lisa`` against esda at 10⁴ (and 10⁵ with ``--esda-max``), and
   grappe alone up to 10⁶ units.

Both outputs are compared after the timing and the script **fails** if they differ: the
statistics (Gi*, z, local I, z_sim) to 1e-10; the pseudo p-values equal unit by unit to esda's
own permuted statistics counted with exact ties where esda's simulations are kept (IRIS local
Moran, 10⁴ units; esda's float comparison splits tied permutations by rounding, see
docs/spatial.md), Gi*'s on the IRIS equal to esda's ``p_sim`` itself; elsewhere the number of
units whose p-value differs from esda's is printed.

Run: ``.venv/bin/python benchmarks/bench_areal.py [--runs 3] [--sizes 10000,100000,1000000]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data" / "fr_bas_rhin_sirene_iris"
GEOJSON = DATA / "iris_bas_rhin_wgs84.geojson"
FIRMS = DATA / "sirene_bas_rhin_establishments_by_iris.csv.gz"
PERMUTATIONS = 999
K = 8

IRIS_PEER = textwrap.dedent(
    """
    import json, sys, warnings
    import numpy as np, pandas as pd, shapely
    from libpysal import weights
    import esda
    warnings.simplefilter("ignore")
    geo, csv, stat, out = sys.argv[1:5]
    firms = pd.read_csv(csv, dtype=str, usecols=["code_iris", "naf_code"])
    # every IRIS holding establishments, with its count of NAF 25 ones (0 included), as grappe
    counts = firms["naf_code"].str.startswith("25").groupby(firms["code_iris"]).sum()
    with open(geo) as handle:
        features = json.load(handle)["features"]
    features = [f for f in features if f["properties"]["DCOMIRIS"] in counts.index]
    ids = [f["properties"]["DCOMIRIS"] for f in features]
    geoms = [shapely.geometry.shape(f["geometry"]) for f in features]
    y = counts.loc[ids].to_numpy(float)
    w = weights.Queen.from_iterable(geoms, ids=ids)
    w.id_order = ids
    if stat == "gi":
        w.transform = "b"
        r = esda.G_Local(y, w, transform="B", star=True, permutations=999, seed=0, n_jobs=1,
                         keep_simulations=False)
        table = {"id": ids, "g": r.Gs, "z": r.Zs, "p_sim": r.p_sim}
    else:
        w.transform = "r"
        r = esda.Moran_Local(y, w, permutations=999, seed=0, n_jobs=1)
        table = {"id": ids, "i": r.Is, "z_sim": r.z_sim, "p_sim": r.p_sim}
        np.save(out + ".sim.npy", r.sim)
    pd.DataFrame(table).to_csv(out, index=False)
    """
)


def synthetic(n: int):
    """Points, kNN weights (binary, k = 8) and Poisson(3) values; SYNTHETIC, seed 0."""
    from scipy import sparse
    from scipy.spatial import cKDTree

    rng = np.random.default_rng(0)
    xy = rng.uniform(size=(n, 2))
    y = rng.poisson(3.0, n).astype(float)
    _, nearest = cKDTree(xy).query(xy, k=K + 1, workers=1)
    rows = np.repeat(np.arange(n, dtype=np.int64), K)
    w = sparse.csr_array((np.ones(n * K), (rows, nearest[:, 1:].ravel())), shape=(n, n))
    return y, w


def child_grappe(n: int, stat: str, draws: str, out: str) -> None:
    from grappe.spatial.lisa import gi_star, moran_local

    start = time.perf_counter()
    y, w = synthetic(n)
    built = time.perf_counter()
    func = gi_star if stat == "gi" else moran_local
    res = func(y, w, permutations=PERMUTATIONS, seed=0, draws=draws)
    done = time.perf_counter()
    value = res.g if stat == "gi" else res.i
    np.savez(out, stat=value, z_sim=res.z_sim, p_sim=res.p_sim)
    print(
        f"grappe n={n} {stat} draws={draws}: data+kNN {built - start:.2f} s, "
        f"statistic+permutations {done - built:.2f} s",
        file=sys.stderr,
    )


def child_esda(n: int, stat: str, out: str, keep: bool) -> None:
    import warnings

    import esda
    from libpysal.weights import WSP

    warnings.simplefilter("ignore")
    y, w = synthetic(n)
    lw = WSP(w).to_W(silence_warnings=True)
    if stat == "gi":
        lw.transform = "b"
        r = esda.G_Local(
            y,
            lw,
            transform="B",
            star=True,
            permutations=PERMUTATIONS,
            seed=0,
            n_jobs=1,
            keep_simulations=keep,
        )
        extra = {"sim": r.rGs.T} if keep else {}
        np.savez(out, stat=r.Gs, z_sim=np.full(n, np.nan), p_sim=r.p_sim, **extra)
    else:
        lw.transform = "r"
        r = esda.Moran_Local(
            y, lw, permutations=PERMUTATIONS, seed=0, n_jobs=1, keep_simulations=keep
        )
        extra = {"sim": r.sim} if keep else {}
        np.savez(out, stat=r.Is, z_sim=r.z_sim, p_sim=r.p_sim, **extra)


def child_phases(stat: str, spawned: float) -> None:
    """Where the command's time goes, in a fresh process: the steps of the pandas-free path
    (:mod:`grappe.cli.spatial_areal`) timed one after the other, printed as one JSON line;
    ``spawned`` is the parent's clock when it started this process."""
    import json

    marks = {"Python start + numpy (this script's import)": time.time() - spawned}
    clock = time.time()

    def mark(name: str) -> None:
        nonlocal clock
        now = time.time()
        marks[name] = now - clock
        clock = now

    import typer  # noqa: F401 - the CLI's own imports, as the command pays them

    from grappe.cli import main as _cli  # noqa: F401

    mark("import grappe.cli.main (typer, click, rich)")
    import numpy  # noqa: F401, F811
    import pyarrow.csv  # noqa: F401
    import shapely  # noqa: F401

    mark("import numpy, shapely, pyarrow.csv")
    from grappe.io.spatial_fast import columns_csv, count_units, read_unit_polygons
    from grappe.spatial.areal import areal_columns, check_geometries

    table = count_units(FIRMS, area="code_iris", query="naf_code.str.startswith('25')")
    mark("counts: gunzip, pyarrow CSV, filter, per unit")
    ids, geometries, _ = read_unit_polygons(GEOJSON, id_property="DCOMIRIS")
    mark("GeoJSON: json parse, 742 polygons")
    position = {unit: k for k, unit in enumerate(table.ids)}
    kept = [k for k, unit in enumerate(ids) if unit in position]
    ids, geometries = [ids[k] for k in kept], [geometries[k] for k in kept]
    check_geometries(ids, geometries, source=str(GEOJSON))
    values = table.count[[position[unit] for unit in ids]]
    mark("join, validity of the 253 polygons")
    columns = areal_columns(stat, ids, geometries, values, permutations=PERMUTATIONS, seed=0)
    mark("contiguity + statistic + 999 permutations")
    columns_csv(columns)
    mark("CSV text")
    print(json.dumps(marks))


def phases(stat: str, runs: int) -> None:
    """Median of each step of :func:`child_phases` over ``runs`` fresh processes."""
    import json
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "OMP_NUM_THREADS": "1"}
    here = str(Path(__file__).resolve())
    command = [sys.executable, "-m", "grappe.cli.main", "spatial", "areal", str(GEOJSON)]
    command += ["--id-property", "DCOMIRIS", "--counts", str(FIRMS), "--area-column"]
    command += ["code_iris", "--filter", "naf_code.str.startswith('25')", "--statistic", stat]
    command += ["--out", os.path.join(tempfile.mkdtemp(prefix="bench_areal_"), "out.csv")]
    rows = []
    load = os.getloadavg()
    for _ in range(runs):  # the steps, then the whole command, in turn
        out = subprocess.run(
            [sys.executable, here, "child-phases", stat, repr(time.time())],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        start = time.time()
        subprocess.run(command, capture_output=True, env=env, check=True)
        whole = time.time() - start
        rows[-1]["not in the steps: typer parsing, spatial group, progress, table"] = whole - sum(
            rows[-1].values()
        )
        rows[-1]["= whole command (grappe spatial areal)"] = whole
    print(f"## where the time goes, {stat}, {runs} fresh processes each, load {load}")
    for name in rows[0]:
        values = sorted(r[name] for r in rows)
        print(f"  {name:64s} {np.median(values):.3f} s [{values[0]:.3f}–{values[-1]:.3f}]")


def tie_exact(sim, observed):
    tol = 1e-9 * (np.abs(observed) + np.abs(sim).max(axis=0))
    larger = (sim >= observed - tol).sum(axis=0)
    larger = np.minimum(larger, PERMUTATIONS - larger)
    return (larger + 1.0) / (PERMUTATIONS + 1.0)


def check(stat, mine: dict, theirs: dict, label: str) -> None:
    """Fail loudly unless grappe's results are esda's (module docstring)."""
    for key in ("stat", "z_sim"):
        if key == "z_sim" and stat == "gi":
            continue
        gap = float(np.nanmax(np.abs(mine[key] - theirs[key])))
        if not gap <= 1e-10 or (np.isnan(mine[key]) != np.isnan(theirs[key])).any():
            raise SystemExit(f"{label}: {key} differs from esda by {gap:g}")
    name = "Gi*" if stat == "gi" else "local Moran"
    moved = int((np.rint(np.abs(mine["p_sim"] - theirs["p_sim"]) * (PERMUTATIONS + 1)) > 0).sum())
    if "sim" in theirs:
        if (mine["p_sim"] != tie_exact(theirs["sim"], theirs["stat"])).any():
            raise SystemExit(f"{label}: {name} p-values differ from esda's simulations")
        print(
            f"  check {label}: statistics to 1e-10; {name} p-values equal to esda's simulations "
            f"counted with exact ties ({moved} of {len(mine['p_sim'])} differ from esda's own "
            "p_sim, where its rounding splits tied permutations)"
        )
    elif moved and stat == "gi" and label.startswith("IRIS"):
        raise SystemExit(f"{label}: Gi* pseudo p-values differ from esda's")
    else:
        print(
            f"  check {label}: statistics to 1e-10; {moved} of {len(mine['p_sim'])} {name} "
            "p-values differ from esda's own p_sim (tied permutations; simulations not kept)"
        )


def read_csv_columns(path: str, stat: str) -> dict:
    import pandas as pd

    frame = pd.read_csv(path, dtype={"id": str}).sort_values("id")
    key = "g" if stat == "gi" else "i"
    out = {"stat": frame[key].to_numpy(), "p_sim": frame["p_sim"].to_numpy()}
    out["z_sim"] = frame["z_sim"].to_numpy() if "z_sim" in frame else np.full(len(frame), np.nan)
    if Path(path + ".sim.npy").exists():
        order = np.argsort(pd.read_csv(path, dtype={"id": str})["id"].to_numpy(), kind="stable")
        out["sim"] = np.load(path + ".sim.npy")[:, order]
    return out


def main() -> None:
    from _harness import Command, compare, print_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--esda-max", type=int, default=10_000, help="largest n run with esda")
    parser.add_argument("--skip-iris", action="store_true")
    parser.add_argument(
        "--phases", type=int, default=0, help="time each step of the command in N processes"
    )
    args = parser.parse_args()
    if args.phases:
        for stat in ("gi", "moran"):
            phases(stat, args.phases)
        return
    env = {"PYTHONPATH": str(ROOT / "src"), "OMP_NUM_THREADS": "1"}
    here = str(Path(__file__).resolve())
    tmp = tempfile.mkdtemp(prefix="bench_areal_")
    print(f"# Gi* and local Moran, {PERMUTATIONS} permutations; tmp {tmp}")
    if not args.skip_iris:
        peer = Path(tmp) / "peer_esda.py"
        peer.write_text(IRIS_PEER)
        for stat in ("gi", "moran"):
            mine, theirs = f"{tmp}/grappe_{stat}.csv", f"{tmp}/esda_{stat}.csv"
            grappe = [sys.executable, "-m", "grappe.cli.main", "spatial", "areal", str(GEOJSON)]
            grappe += ["--id-property", "DCOMIRIS", "--counts", str(FIRMS)]
            grappe += ["--area-column", "code_iris", "--filter", "naf_code.str.startswith('25')"]
            grappe += ["--statistic", stat, "--permutations", str(PERMUTATIONS), "--seed", "0"]
            grappe += ["--out", mine]
            report = compare(
                [
                    Command(
                        f"grappe spatial areal {stat}",
                        grappe,
                        "grappe.spatial.lisa (NumPy, esda draws), inputs read with pyarrow + "
                        "json, no pandas or SciPy imported",
                        env=env,
                    ),
                    Command(
                        f"esda script {stat}",
                        [sys.executable, str(peer), str(GEOJSON), str(FIRMS), stat, theirs],
                        "esda 2.9.0 + libpysal 4.14.1 (numba)",
                        env=env,
                    ),
                ],
                runs=args.runs,
                warmup=1,
            )
            print_report(report, title=f"253 real IRIS units, {stat}, whole commands")
            check(
                stat, read_csv_columns(mine, stat), read_csv_columns(theirs, stat), f"IRIS {stat}"
            )
    for n in [int(float(s)) for s in args.sizes.split(",") if s.strip()]:  # "" for none
        for stat in ("gi", "moran"):
            draws = "esda" if n <= 100_000 else "fast"
            mine = f"{tmp}/grappe_{n}_{stat}.npz"
            commands = [
                Command(
                    f"grappe n={n:,} {stat}",
                    [sys.executable, here, "child-grappe", str(n), stat, draws, mine],
                    f"grappe.spatial.lisa (NumPy, {draws} draws)",
                    env=env,
                )
            ]
            theirs = f"{tmp}/esda_{n}_{stat}.npz"
            if n <= args.esda_max:
                commands.append(
                    Command(
                        f"esda n={n:,} {stat}",
                        [
                            sys.executable,
                            here,
                            "child-esda",
                            str(n),
                            stat,
                            theirs,
                            str(int(n <= 10_000)),
                        ],
                        "esda 2.9.0 (numba, n_jobs=1)",
                        env=env,
                    )
                )
            runs = args.runs if n <= 10_000 else 1
            report = compare(commands, runs=runs, warmup=1 if n <= 10_000 else 0)
            print_report(report, title=f"SYNTHETIC {n:,} units, kNN k={K}, {stat}")
            if len(commands) > 1:
                check(stat, dict(np.load(mine)), dict(np.load(theirs)), f"n={n} {stat}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child-grappe":
        child_grappe(int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5])
    elif len(sys.argv) > 1 and sys.argv[1] == "child-phases":
        child_phases(sys.argv[2], float(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "child-esda":
        child_esda(int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5] == "1")
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        main()
