"""The plain pandas peer of ``grappe map FILE --source cbp -o OUT.parquet`` (strong-cluster rules).

Run: ``python peer_map_pandas.py COUNTY.parquet DEFINITIONS.csv OUT.parquet``. Standalone (pandas
and NumPy only, no grappe), written as a pandas user would: read the Parquet file, impute the
withheld cells, sum the 6-digit rows into clusters, then LQs, percentile thresholds, strong
clusters and stars, written to Parquet (region, cluster, year, employment, lq, the flags).

It applies grappe's defaults for CBP, the same rules:

* withheld: ``emp == 0`` with at least 3 establishments; each withheld cell gets its share (by
  establishments; equal shares when they are all 0) of its parent's residual (the parent's jobs
  minus its published children's, at least 0), the parent being the nearest ancestor code
  present in the same county and year, parents before children; whole jobs by the largest
  remainders (ties: the smaller code); a cell without a resolved parent stays at 0;
* region total: the ``00`` row; LQ: traded (local) share of the region over the nation's;
  ``lq_total`` on the total; focus: cluster jobs over the region's total;
* thresholds: linear percentiles over every county (zero jobs included, NaN left out) of each
  cluster and year: strong = LQ ≥ P75(LQ), LQ ≥ 1, jobs > P25(jobs), establishments >
  P25(establishments), traded clusters only (P90 for ``strong_90``); stars (traded only): jobs ≥
  P90(jobs) and > 0, ``lq_total`` ≥ 2, focus ≥ P90 of the traded cells' focus of the year and > 0.
"""

import sys

import numpy as np
import pandas as pd

RANGES = {"31": "31-33", "32": "31-33", "33": "31-33", "44": "44-45", "45": "44-45"}
RANGES |= {"48": "48-49", "49": "48-49"}


def ancestors(code: str) -> list[str]:
    """NAICS ancestors of a code, nearest first (``336411`` → 33641 … 33, 31-33, 00)."""
    if code == "00":
        return []
    if "-" in code or len(code) == 2:
        return ["00"]
    chain = [code[:k] for k in range(len(code) - 1, 1, -1)]
    return chain + ([RANGES[code[:2]]] if code[:2] in RANGES else []) + ["00"]


def impute(df: pd.DataFrame) -> pd.Series:
    """Employment with the withheld cells imputed from their parents' residuals."""
    withheld = (df["emp"] == 0) & (df["estab"] >= 3)
    emp = df["emp"].astype(float).where(~withheld, 0.0)
    codes = df["naics"].cat.categories
    ids = pd.Index(codes)
    # one integer per (county, year, code): where each code sits in its county-year
    cell = (df["fips"].cat.codes.astype("int64") * 100 + df["year"] - 2000) * len(codes)
    where = pd.Index(cell + df["naics"].cat.codes)
    chains = [ancestors(c) for c in codes]
    parent = pd.Series(-1, index=df.index)
    for k in range(max(map(len, chains))):  # the nearest ancestor present in the county-year
        kth = ids.get_indexer([c[k] if k < len(c) else None for c in chains])
        anc = pd.Series(kth)[df["naics"].cat.codes].to_numpy()
        todo = (parent < 0).to_numpy() & (anc >= 0)
        parent[todo] = where.get_indexer(cell[todo] + anc[todo])
    depth = pd.Series([len(c) for c in chains])[df["naics"].cat.codes].to_numpy()
    known = ~withheld & (parent >= 0)
    known_sum = emp[known].groupby(parent[known]).sum()
    kids = df.loc[withheld & (parent >= 0), ["estab", "naics"]].assign(parent=parent)
    kids["rank"] = kids["naics"].astype(str).rank(method="dense")  # ties: the smaller code
    weight = kids.groupby("parent")["estab"].transform("sum")
    count = kids.groupby("parent")["estab"].transform("size")
    kids["share"] = (kids["estab"] / weight.where(weight > 0, 1.0)).where(weight > 0, 1 / count)
    resolved = ~withheld
    kids["pdepth"] = depth[kids["parent"].to_numpy()]
    for _, level in kids.groupby("pdepth", sort=True):  # parents before their children
        level = level[resolved.to_numpy()[level["parent"]]]
        p = level["parent"].to_numpy()
        residual = (emp.to_numpy()[p] - known_sum.reindex(p, fill_value=0.0).to_numpy()).clip(0)
        shares = residual * level["share"].to_numpy()
        base = np.floor(shares + 1e-9)
        level = level.assign(base=base, frac=base - shares, residual=np.rint(residual))
        left = level["residual"] - level.groupby("parent")["base"].transform("sum")
        order = level.sort_values(["parent", "frac", "rank"])
        extra = order.groupby("parent").cumcount() < left[order.index]
        base_s = level["base"] + extra.reindex(level.index).astype(float)
        emp[level.index] = base_s
        resolved[level.index] = True
    return emp


def main(path: str, definitions: str, out: str) -> None:
    cols = ["fips", "naics", "year", "emp", "estab", "payann"]
    # the codes as categoricals straight from Parquet's dictionaries (no million strings)
    df = pd.read_parquet(path, columns=cols, read_dictionary=["fips", "naics"])
    df["emp"] = impute(df)
    defs = pd.read_csv(definitions, dtype=str)[["code", "cluster", "cluster_type"]]
    total = df[df["naics"] == "00"].groupby(["fips", "year"], observed=True)["emp"].sum()
    df["cluster"] = df["naics"].map(defs.set_index("code")["cluster"])  # per category
    key = ["fips", "cluster", "year"]
    sums = df.dropna(subset="cluster").groupby(key, observed=True)[["emp", "estab"]].sum()
    clusters = defs.drop_duplicates("cluster").set_index("cluster")["cluster_type"]
    grid = pd.MultiIndex.from_product(
        [
            sorted(df["fips"].cat.categories),
            sorted(clusters.index, key=int),
            sorted(df["year"].unique()),
        ],
        names=key,
    )
    m = sums.reindex(grid, fill_value=0.0).reset_index()
    m["type"] = m["cluster"].map(clusters)
    m["total"] = total.reindex(pd.MultiIndex.from_frame(m[["fips", "year"]])).fillna(0).to_numpy()
    group = m.groupby(["fips", "year", "type"])["emp"].transform("sum")
    nat = m.groupby(["cluster", "year"])["emp"].transform("sum")
    nat_group = m.groupby(["year", "type"])["emp"].transform("sum")
    nat_total = m["year"].map(total.groupby("year").sum())

    def ratio(a, b):
        return (a / b).where(b != 0)

    m["lq"] = ratio(ratio(m["emp"], group), ratio(nat, nat_group))
    lq_total = ratio(ratio(m["emp"], m["total"]), ratio(nat, nat_total))
    focus = ratio(m["emp"], m["total"])
    by = m.groupby(["cluster", "year"])
    traded = m["type"] == "traded"
    size_ok = (m["emp"] > by["emp"].transform("quantile", 0.25)) & (m["lq"] >= 1) & traded
    size_ok &= m["estab"] > by["estab"].transform("quantile", 0.25)
    m["strong"] = (m["lq"] >= by["lq"].transform("quantile", 0.75)) & size_ok
    m["strong_90"] = (m["lq"] >= by["lq"].transform("quantile", 0.90)) & size_ok
    m["star_size"] = (m["emp"] >= by["emp"].transform("quantile", 0.90)) & (m["emp"] > 0) & traded
    m["star_specialisation"] = (lq_total >= 2) & traded
    focus90 = focus.where(traded).groupby(m["year"]).transform("quantile", 0.90)
    m["star_focus"] = (focus >= focus90) & (focus > 0) & traded
    m["stars"] = m[["star_size", "star_specialisation", "star_focus"]].sum(axis=1)
    m = m.rename(columns={"fips": "region", "emp": "employment", "estab": "establishments"})
    m.drop(columns=["type", "total"]).to_parquet(out, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:4])
