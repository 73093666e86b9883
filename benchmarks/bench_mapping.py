"""Benchmark of the mapping engine on the full CBP county file (one process).

Reads ``../shared/data/us_cbp_2017_2021/cbp_county_naics_2017_2021.parquet`` (2.8 million
rows; the 6-digit rows, 0.88 million, are read) with :func:`grappe.io.read_regional_table`,
maps it with :func:`grappe.mapping.map_clusters`, and prints the time of each step and the
peak resident memory. Then runs a straightforward pandas groupby/merge implementation of the
same indicators (written below), checks that every column is identical, and prints the
speed-up.

Run from the repository root::

    .venv/bin/python benchmarks/bench_mapping.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from grappe.io import load_definitions, read_regional_table
from grappe.mapping import map_clusters
from grappe.mapping._frames import INDICATOR_COLUMNS

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("GRAPPE_SHARED_DATA", REPO.parent / "shared" / "data"))
COUNTY = DATA / "us_cbp_2017_2021" / "cbp_county_naics_2017_2021.parquet"

KEY = ["region", "cluster", "year"]


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pandas_indicators(table, definitions) -> pd.DataFrame:
    """The straightforward pandas version: merge, groupby, transform (same conventions).

    Totals: the sum of every row of the table (the county file is read at the 6-digit level,
    the level of the definitions, and has no "00" row). Percentiles: linear interpolation,
    zero-employment regions included (``transform("quantile", q)``, no per-group Python
    function); ranks: ``rank(method="min", pct=True)``.
    """
    data = table.data.assign(
        region=table.data["region"].astype(str), industry=table.data["industry"].astype(str)
    )
    defs = definitions.data[["code", "cluster", "cluster_type"]].rename(
        columns={"code": "industry"}
    )
    rows = data.merge(defs, on="industry", how="inner")
    sums = rows.groupby(KEY, as_index=False)[
        ["employment", "establishments", "payroll", "withheld"]
    ].sum()
    # the full grid: every region × cluster × year, zero where no row
    clusters = definitions.clusters[["cluster", "cluster_type"]]
    grid = pd.MultiIndex.from_product(
        [sorted(data["region"].unique()), clusters["cluster"], sorted(data["year"].unique())],
        names=KEY,
    ).to_frame(index=False)
    df = grid.merge(sums, on=KEY, how="left").fillna(
        {"employment": 0.0, "establishments": 0.0, "payroll": 0.0, "withheld": 0}
    )
    df = df.merge(clusters, on="cluster")
    totals = data.groupby(["region", "year"], as_index=False)["employment"].sum()
    # a county without any row in a year has a total of 0 (and NaN ratios)
    df = df.merge(
        totals.rename(columns={"employment": "total"}), on=["region", "year"], how="left"
    ).fillna({"total": 0.0})
    group = df.groupby(["region", "year", "cluster_type"], as_index=False)["employment"].sum()
    df = df.merge(
        group.rename(columns={"employment": "group_total"}),
        on=["region", "year", "cluster_type"],
    )
    nat = df.groupby(["cluster", "year"], as_index=False)["employment"].sum()
    df = df.merge(nat.rename(columns={"employment": "nat"}), on=["cluster", "year"])
    nat_total = totals.groupby("year", as_index=False)["employment"].sum()
    df = df.merge(nat_total.rename(columns={"employment": "nat_total"}), on="year")
    nat_group = group.groupby(["year", "cluster_type"], as_index=False)["employment"].sum()
    df = df.merge(
        nat_group.rename(columns={"employment": "nat_group"}), on=["year", "cluster_type"]
    )

    def ratio(a, b):
        return (a / b).where(b != 0)

    df["avg_wage"] = ratio(df["payroll"], df["employment"])
    df["lq"] = ratio(ratio(df["employment"], df["group_total"]), ratio(df["nat"], df["nat_group"]))
    df["lq_total"] = ratio(ratio(df["employment"], df["total"]), ratio(df["nat"], df["nat_total"]))
    df["national_share"] = ratio(df["employment"], df["nat"])
    df["focus"] = ratio(df["employment"], df["total"])
    by = df.groupby(["cluster", "year"])
    for col in ("employment", "lq", "establishments"):
        df[f"{col}_pct"] = 100 * by[col].rank(method="min", pct=True)
    lq75 = by["lq"].transform("quantile", 0.75)
    lq90 = by["lq"].transform("quantile", 0.90)
    emp25 = by["employment"].transform("quantile", 0.25)
    est25 = by["establishments"].transform("quantile", 0.25)
    size_ok = (df["employment"] > emp25) & (df["establishments"] > est25) & (df["lq"] >= 1)
    size_ok &= df["cluster_type"] != "local"  # strong clusters are traded (US CMP)
    df["strong"] = (df["lq"] >= lq75) & size_ok
    df["strong_90"] = (df["lq"] >= lq90) & size_ok
    # European Cluster Observatory stars: traded clusters only, focus ranked among them
    traded = df["cluster_type"] != "local"
    emp90 = by["employment"].transform("quantile", 0.90)
    df["star_size"] = (df["employment"] >= emp90) & (df["employment"] > 0) & traded
    df["star_specialisation"] = (df["lq_total"] >= 2) & traded
    traded_focus = df["focus"].where(traded)
    focus90 = traded_focus.groupby(df["year"]).transform("quantile", 0.90)
    df["star_focus"] = (df["focus"] >= focus90) & (df["focus"] > 0) & traded
    df["stars"] = df[["star_size", "star_specialisation", "star_focus"]].sum(axis=1)
    return df.sort_values(KEY, key=_natural).reset_index(drop=True)


def pandas_regions(df: pd.DataFrame) -> pd.DataFrame:
    """Regional cluster strength with groupby: share of traded jobs in strong traded clusters."""
    traded = df[df["cluster_type"] == "traded"]
    strong_jobs = traded["employment"].where(traded["strong"], 0.0)
    out = (
        traded.assign(strong_jobs=strong_jobs)
        .groupby(["region", "year"], as_index=False)[["employment", "strong_jobs"]]
        .sum()
    )
    out["cluster_strength"] = (out["strong_jobs"] / out["employment"]).where(out["employment"] != 0)
    return out.sort_values(["region", "year"]).reset_index(drop=True)


def _natural(col: pd.Series) -> pd.Series:
    if col.name == "cluster":
        return col.astype(int)
    return col


# Value columns of ClusterMap.indicators (after the labels and the year): every one is compared.
COLUMNS = list(INDICATOR_COLUMNS[INDICATOR_COLUMNS.index("year") + 1 :])


def check_identical(cmap, df: pd.DataFrame, regions: pd.DataFrame) -> None:
    ind = cmap.indicators
    keys_ok = (
        (ind["region"].astype(str).to_numpy() == df["region"].to_numpy()).all()
        and (ind["cluster"].astype(str).to_numpy() == df["cluster"].to_numpy()).all()
        and (ind["year"].to_numpy() == df["year"].to_numpy()).all()
    )
    if not keys_ok:
        raise SystemExit("row order differs between grappe and pandas")
    for col in COLUMNS:
        a = ind[col].to_numpy()
        b = df[col].to_numpy()
        if a.dtype == bool:
            np.testing.assert_array_equal(a, b.astype(bool), err_msg=col)
        else:
            np.testing.assert_allclose(a, b.astype(float), rtol=1e-9, atol=0, err_msg=col)
    np.testing.assert_allclose(
        cmap.regions["cluster_strength"].to_numpy(),
        regions["cluster_strength"].to_numpy(),
        rtol=1e-9,
        err_msg="cluster_strength",
    )


def end_to_end_subprocess() -> float:
    """Wall time of a fresh interpreter that imports grappe, reads and maps the file."""
    code = (
        "from grappe.io import read_regional_table, load_definitions;"
        "from grappe.mapping import map_clusters;"
        f"t = read_regional_table({str(COUNTY)!r}, source='cbp', levels=(6,));"
        "map_clusters(t, load_definitions('us-benchmark'))"
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each step (best kept)")
    args = parser.parse_args()
    if not COUNTY.exists():
        raise SystemExit(f"county file not found: {COUNTY}")

    t0 = time.perf_counter()
    table = read_regional_table(COUNTY, source="cbp", levels=(6,))
    t_read_first = time.perf_counter() - t0
    t0 = time.perf_counter()
    definitions = load_definitions("us-benchmark")
    cmap = map_clusters(table, definitions)
    t_map_first = time.perf_counter() - t0
    rss_grappe = peak_rss_mb()

    read_times, map_times = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        table = read_regional_table(COUNTY, source="cbp", levels=(6,))
        read_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        cmap = map_clusters(table, definitions)
        map_times.append(time.perf_counter() - t0)

    print(
        f"county file: {len(table.data):,} rows read (6-digit NAICS), "
        f"{table.data['region'].nunique():,} counties, {len(table.years)} years"
    )
    print(
        f"output: {len(cmap.indicators):,} region × cluster × year rows, "
        f"{len(cmap.indicators.columns)} columns"
    )
    print(
        f"first run   read {t_read_first:6.3f} s   map {t_map_first:6.3f} s   "
        f"total {t_read_first + t_map_first:6.3f} s"
    )
    print(
        f"best of {args.repeat}   read {min(read_times):6.3f} s   map {min(map_times):6.3f} s   "
        f"total {min(read_times) + min(map_times):6.3f} s"
    )
    print(f"peak RSS after read + map: {rss_grappe:,.0f} MiB")
    fresh = min(end_to_end_subprocess() for _ in range(2))
    print(f"fresh process (imports + read + map), best of 2: {fresh:6.3f} s")

    pandas_times = []
    for _ in range(max(1, min(args.repeat, 2))):
        t0 = time.perf_counter()
        df = pandas_indicators(table, definitions)
        regions = pandas_regions(df)
        pandas_times.append(time.perf_counter() - t0)
    check_identical(cmap, df, regions)
    print(
        f"pandas groupby/merge version: {min(pandas_times):6.3f} s "
        f"(best of {len(pandas_times)}); every column identical (rtol 1e-9)"
    )
    print(
        f"speed-up of map_clusters over pandas (computation after reading): "
        f"{min(pandas_times) / min(map_times):5.1f}×"
    )


if __name__ == "__main__":
    main()
