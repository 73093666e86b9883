"""Benchmark of Ripley's K: ``grappe spatial ripley`` against pointpats, whole commands.

Data: REAL — the Hotmaps industrial sites (``../shared/data/eu_hotmaps_industrial_sites``,
read in place): the 4,505 geolocated plants (all sectors) or the 594 chemical plants
(``--activity``), projected to ETRS89-LAEA (EPSG:3035), 20 radii from 10 to 200 km.

What is timed is what a user runs, each in a **fresh process** (imports, reading the gzipped
CSV, projection, K, writing the curve to CSV):

* ``grappe spatial ripley FILE --project EPSG:3035 --edge-correction none|isotropic|border``;
* the peer: a Python script doing the same with pandas + pyproj + ``pointpats.k`` (no edge
  correction: pointpats 2.5.5 has none);
* with ``--simulations N``: grappe's CSR envelope against ``pointpats.k_test`` with the same
  number of simulations (pointpats draws CSR in the points' bounding box, as grappe's default
  window).

The commands are **interleaved** (grappe, pointpats, grappe isotropic, … then again), repeated
``--repeat`` times; the medians and ranges are printed, and the two curves without correction
are compared (pointpats divides by n², grappe by n(n−1)).

Run: ``.venv/bin/python benchmarks/bench_ripley.py [--repeat 5] [--activity "Chemical industry"]``
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
HOTMAPS = DATA / "eu_hotmaps_industrial_sites" / "hotmaps_industrial_sites.csv.gz"
RADII = np.linspace(10_000.0, 200_000.0, 20)

PEER = textwrap.dedent(
    """
    import sys
    import numpy as np, pandas as pd, pyproj
    from pointpats import k, k_test
    path, out, radii, activity, sims = sys.argv[1:6]
    f = pd.read_csv(path).dropna(subset=["lon", "lat"])
    if activity:
        f = f[f["Subsector"] == activity]
    tr = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:3035", always_xy=True)
    xy = np.column_stack(tr.transform(f["lon"].to_numpy(), f["lat"].to_numpy()))
    support = np.array([float(v) for v in radii.split(",")])
    if int(sims):
        res = k_test(xy, support=support, n_simulations=int(sims), keep_simulations=True)
        lo, hi = np.percentile(res.simulations, [5, 95], axis=0)
        table = pd.DataFrame({"radius": support, "k": res.statistic, "k_lower": lo, "k_upper": hi})
    else:
        _, values = k(xy, support=support)
        table = pd.DataFrame({"radius": support, "k": values})
    table.to_csv(out, index=False)
    """
)


def grappe_command(out: Path, correction: str, activity: str | None, sims: int) -> list[str]:
    cmd = [sys.executable, "-m", "grappe.cli.main", "spatial", "ripley", str(HOTMAPS),
           "--activity-column", "Subsector", "--id-column", "SiteID", "--drop-missing",
           "--project", "EPSG:3035", "--radii", ",".join(f"{r:g}" for r in RADII),
           "--edge-correction", correction, "--simulations", str(sims), "--seed", "0",
           "--out", str(out)]  # fmt: skip
    return cmd + (["-a", activity] if activity else [])


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--activity", default=None, help="e.g. 'Chemical industry' (594 plants)")
    ap.add_argument("--simulations", type=int, default=0, help="CSR envelope (both tools)")
    args = ap.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, python "
        f"{platform.python_version()}, numpy {np.__version__}; load average before "
        f"{os.getloadavg()[0]:.2f}"
    )
    tmp = Path(tempfile.mkdtemp(prefix="bench_ripley_"))
    peer_script = tmp / "pointpats_k.py"
    peer_script.write_text(PEER)
    radii = ",".join(f"{r:g}" for r in RADII)
    sims = args.simulations
    runs = {
        "grappe ripley, no correction": grappe_command(tmp / "g_none.csv", "none",
                                                       args.activity, sims),
        "pointpats k (no correction)": [sys.executable, str(peer_script), str(HOTMAPS),
                                        str(tmp / "pp.csv"), radii, args.activity or "",
                                        str(sims)],
        "grappe ripley, isotropic": grappe_command(tmp / "g_iso.csv", "isotropic",
                                                   args.activity, sims),
        "grappe ripley, border": grappe_command(tmp / "g_border.csv", "border",
                                                args.activity, sims),
    }  # fmt: skip
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):  # interleaved: every command once per round
        for name, cmd in runs.items():
            times[name].append(timed(cmd))
    what = args.activity or "all sectors"
    print(
        f"REAL data: Hotmaps plants ({what}), EPSG:3035, {len(RADII)} radii 10–200 km, "
        f"{sims} simulations; fresh process each, {args.repeat} interleaved rounds\n"
    )
    print(f"{'command':34} {'median s':>9} {'range s':>14}")
    for name, values in times.items():
        print(f"{name:34} {statistics.median(values):9.2f} {min(values):6.2f} – {max(values):5.2f}")
    ours = pd.read_csv(tmp / "g_none.csv")
    peer = pd.read_csv(tmp / "pp.csv")
    n = len(pd.read_csv(HOTMAPS).dropna(subset=["lon", "lat"]).query(
        "Subsector == @args.activity" if args.activity else "index == index"
    ))  # fmt: skip
    diff = np.max(np.abs(ours["k"] * (n - 1) / n - peer["k"]) / peer["k"])
    print(f"\nn = {n}; grappe K (none) × (n−1)/n vs pointpats K: max relative diff {diff:.1e}")
    in_process(args.activity, args.repeat)
    print(f"load average after {os.getloadavg()[0]:.2f}")


def in_process(activity: str | None, repeat: int) -> None:
    """The counts alone, in this process, on the points already read and projected."""
    from pointpats import k as pointpats_k

    from grappe.io.spatial import read_points
    from grappe.spatial import project_points, ripley_k

    pts = read_points(HOTMAPS, activity="Subsector", id="SiteID", on_missing="drop")
    pts = project_points(pts if activity is None else pts.subset(pts.mask(activity)), "EPSG:3035")
    xy = pts.data[["x", "y"]].to_numpy()
    calls = {
        "grappe ripley_k, none": lambda: ripley_k(pts, RADII, edge_correction="none"),
        "pointpats k": lambda: pointpats_k(xy, support=RADII),
        "grappe ripley_k, isotropic": lambda: ripley_k(pts, RADII),
        "grappe ripley_k, border": lambda: ripley_k(pts, RADII, edge_correction="border"),
    }
    times: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(repeat):
        for name, call in calls.items():
            start = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - start)
    print(f"\nin process, K only (n = {len(xy)}), {repeat} interleaved rounds:")
    for name, values in times.items():
        print(
            f"{name:34} {1000 * statistics.median(values):9.1f} ms "
            f"{1000 * min(values):7.1f} – {1000 * max(values):6.1f}"
        )


if __name__ == "__main__":
    main()
