"""Benchmark of grappe.io's regional reader, definitions loader and region aggregation.

Run from the repository root, in one process::

    .venv/bin/python benchmarks/bench_io.py [--repeat 5]

Needs ``../shared/data/us_cbp_2017_2021`` (or GRAPPE_SHARED_DATA). Each figure is the best of
``--repeat`` runs. Peers, each checked to give identical numbers:

* ``pyarrow.parquet.read_table(filters=...)`` + ``to_pandas()`` — the raw read with the level
  filter pushed into the Parquet scan, no validation (the floor of any reader);
* ``pandas.read_parquet`` + boolean filter — what an analyst would write by hand;
* ``pandas.DataFrame.groupby`` on a state column for aggregating counties into states.

Peak memory: the process's resident-set high-water mark (``ru_maxrss``) after the first county
read, and tracemalloc's peak for Python/numpy allocations (Arrow's own pool is reported apart).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from grappe.io import load_definitions, read_regional_table
from grappe.regions import RegionSet, aggregate_regions

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GRAPPE_SHARED_DATA", REPO.parent / "shared" / "data"))
CBP = SHARED / "us_cbp_2017_2021"


CPU: dict[str, float] = {}


def best(func, repeat, label=None):
    """Best wall time of ``repeat`` runs (and, under ``label``, the best CPU time of the
    process, all threads — less sensitive than wall time to other jobs on a shared machine)."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = func()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    if label:
        CPU[label] = min(cpu)
    return min(times), result


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    county = CBP / "cbp_county_naics_2017_2021.parquet"
    state = CBP / "cbp_state_naics_2017_2021.parquet"
    if not county.is_file():
        print(f"needs {county}", file=sys.stderr)
        return 2
    print(f"python {platform.python_version()}, pandas {pd.__version__}, pyarrow {pa.__version__}")
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}")
    rss0 = maxrss_mb()

    # Cold: the first call in the process (imports, bundled NAICS list and names loaded once).
    start, start_cpu = time.perf_counter(), time.process_time()
    table = read_regional_table(county, source="cbp", levels=(6,))
    cold = time.perf_counter() - start
    cold_cpu = time.process_time() - start_cpu
    rss1 = maxrss_mb()
    tracemalloc.start()  # a second read, traced (tracing slows it down: not timed)
    read_regional_table(county, source="cbp", levels=(6,))
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\n[county file, levels=(6,), all years] {len(table.data):,} rows")
    print(
        f"  grappe read_regional_table   cold {cold:6.3f} s  (CPU {cold_cpu:.3f} s; default "
        "withheld='impute_residual')"
    )
    print(
        f"  peak memory: RSS high-water {rss1:,.0f} MB (was {rss0:,.0f} MB before the read); "
        f"tracemalloc peak {traced_peak / 2**20:,.0f} MB; "
        f"arrow pool max {pa.default_memory_pool().max_memory() / 2**20:,.0f} MB"
    )

    t_default, _ = best(
        lambda: read_regional_table(county, source="cbp", levels=(6,)), repeat, "default"
    )
    # the peers read the file's own numbers: compare with withheld="keep_zero"
    t_grappe, table = best(
        lambda: read_regional_table(county, source="cbp", levels=(6,), withheld="keep_zero"),
        repeat,
        "grappe",
    )
    cols = ["fips", "naics", "year", "emp", "estab", "payann", "naics_level"]

    def arrow_pushdown():
        return pq.read_table(
            county,
            columns=cols,
            filters=[("naics_level", "in", [6])],
            read_dictionary=["fips", "naics"],
        ).to_pandas()

    def pandas_filter():
        frame = pd.read_parquet(county, columns=cols)
        return frame[frame["naics_level"] == 6]

    t_arrow, arrow_frame = best(arrow_pushdown, repeat, "arrow")
    t_pandas, pandas_frame = best(pandas_filter, repeat, "pandas")
    for name, frame in (("arrow", arrow_frame), ("pandas", pandas_frame)):
        assert len(frame) == len(table.data), name
        assert frame["emp"].sum() == table.data["employment"].sum(), name
        assert frame["payann"].sum() == table.data["payroll"].sum(), name
    print(
        f"  grappe read_regional_table   warm {t_default:6.3f} s  (default: every level read, "
        "validated, withheld cells imputed)"
    )
    print(f"  grappe read_regional_table   warm {t_grappe:6.3f} s  (validated, keep_zero)")
    print(
        f"  pyarrow read_table+filters        {t_arrow:6.3f} s  ratio grappe/peer "
        f"{t_grappe / t_arrow:4.2f}"
    )
    print(
        f"  pandas read_parquet+filter        {t_pandas:6.3f} s  ratio grappe/peer "
        f"{t_grappe / t_pandas:4.2f}"
    )
    print("  identical row count, employment and payroll sums: yes")
    print(
        f"  CPU time (all threads): grappe {CPU['grappe']:.3f} s, pyarrow {CPU['arrow']:.3f} s, "
        f"pandas {CPU['pandas']:.3f} s"
    )

    t_all, full = best(
        lambda: read_regional_table(county, source="cbp", withheld="keep_zero"),
        max(1, repeat // 2),
        "all",
    )
    print(
        f"\n[county file, all levels, all years] {len(full.data):,} rows: {t_all:6.3f} s "
        "(keep_zero)"
    )
    del full
    # withheld="impute_residual" against the default keep_zero, both warm, all levels
    t_imp, imp = best(
        lambda: read_regional_table(county, source="cbp", withheld="impute_residual"),
        max(1, repeat // 2),
        "impute",
    )
    print(
        f"  withheld='impute_residual'  {t_imp:6.3f} s (CPU {CPU['impute']:.3f} s vs "
        f"{CPU['all']:.3f} s keep_zero): imputation adds {t_imp - t_all:+.3f} s wall; "
        f"{int(imp.data['imputed'].sum()):,} of {int(imp.data['withheld'].sum()):,} withheld "
        "cells imputed"
    )
    del imp

    t_state, st = best(lambda: read_regional_table(state, source="cbp"), repeat)
    print(f"[state file, all levels] {len(st.data):,} rows: {t_state:6.3f} s")

    t_defs, defs = best(lambda: load_definitions("us-benchmark"), repeat)
    print(
        f"[load_definitions('us-benchmark')] {len(defs.codes)} codes: {t_defs * 1000:6.1f} ms "
        "(cached after the first parse; the copy is what is timed)"
    )

    members = pd.DataFrame({"member": table.regions})
    members["region"] = members["member"].str[:2]
    regions = RegionSet(members[["region", "member"]], region_type="state")
    t_agg, agg = best(lambda: aggregate_regions(table, regions), repeat)

    def pandas_groupby():
        data = table.data
        return (
            data.assign(state=data["region"].astype(str).str[:2])
            .groupby(["state", "industry", "year"], observed=True)[["employment", "payroll"]]
            .sum()
        )

    t_pg, peer = best(pandas_groupby, repeat)
    assert np.isclose(agg.data["employment"].sum(), peer["employment"].sum())
    assert len(agg.data) == len(peer)
    got = agg.data.set_index(["region", "industry", "year"])["employment"].sort_index()
    assert np.array_equal(got.to_numpy(), peer["employment"].sort_index().to_numpy())
    print(
        f"\n[aggregate_regions: {len(table.regions):,} counties -> 38 states, 6-digit] "
        f"{len(agg.data):,} rows"
    )
    print(f"  grappe aggregate_regions          {t_agg:6.3f} s")
    print(
        f"  pandas groupby on a state column  {t_pg:6.3f} s  ratio grappe/peer "
        f"{t_agg / t_pg:4.2f}  (identical sums: yes)"
    )
    print(f"\nfinal RSS high-water: {maxrss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
