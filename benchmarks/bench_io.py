"""Benchmark of grappe.io's regional reader, definitions loader and region aggregation.

Run from the repository root, in one process::

    .venv/bin/python benchmarks/bench_io.py [--repeat 5]

Needs ``../shared/data/us_cbp_2017_2021`` (or GRAPPE_SHARED_DATA). grappe and its peers run
**interleaved in this process** (grappe, pyarrow, pandas, grappe, …), the same number of counted
runs each (``--repeat``); each figure is the median [min–max], with the ratio run by run, the
engine on every line and the load average before and after (``benchmarks/README.md``).
Peers, each checked to give identical numbers:

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

from _harness import Call, compare_calls, load_line, print_calls
from grappe.io import load_definitions, read_regional_table
from grappe.regions import RegionSet, aggregate_regions

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GRAPPE_SHARED_DATA", REPO.parent / "shared" / "data"))
CBP = SHARED / "us_cbp_2017_2021"


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="counted runs of each side")
    repeat = parser.parse_args().repeat
    county = CBP / "cbp_county_naics_2017_2021.parquet"
    state = CBP / "cbp_state_naics_2017_2021.parquet"
    if not county.is_file():
        print(f"needs {county}", file=sys.stderr)
        return 2
    grappe_engine = f"grappe.io (pyarrow {pa.__version__} read, pandas {pd.__version__} checks)"
    arrow_engine = f"pyarrow {pa.__version__} (filters pushed into the scan)"
    pandas_engine = f"pandas {pd.__version__} read_parquet (pyarrow) + boolean filter"
    print(f"python {platform.python_version()}, pandas {pd.__version__}, pyarrow {pa.__version__}")
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}; {load_line('at start')}")
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
        f"withheld='impute_residual') [engine: {grappe_engine}]"
    )
    print(
        f"  peak memory: RSS high-water {rss1:,.0f} MB (was {rss0:,.0f} MB before the read); "
        f"tracemalloc peak {traced_peak / 2**20:,.0f} MB; "
        f"arrow pool max {pa.default_memory_pool().max_memory() / 2**20:,.0f} MB "
        f"[engine: {grappe_engine}]"
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

    # the peers read the file's own numbers: they are compared with withheld="keep_zero"
    report = compare_calls(
        [
            Call(
                "grappe keep_zero",
                lambda: read_regional_table(
                    county, source="cbp", levels=(6,), withheld="keep_zero"
                ),
                engine=grappe_engine,
            ),
            Call("pyarrow read_table+filters", arrow_pushdown, engine=arrow_engine),
            Call("pandas read_parquet+filter", pandas_filter, engine=pandas_engine),
            Call(
                "grappe default (imputed)",
                lambda: read_regional_table(county, source="cbp", levels=(6,)),
                engine=grappe_engine,
            ),
        ],
        runs=repeat,
        warmup=1,
    )
    print_calls(report, title="county file, 6-digit rows, validated (grappe) against raw reads")
    table = report["grappe keep_zero"].result
    for label in ("pyarrow read_table+filters", "pandas read_parquet+filter"):
        frame = report[label].result
        assert len(frame) == len(table.data), label
        assert frame["emp"].sum() == table.data["employment"].sum(), label
        assert frame["payann"].sum() == table.data["payroll"].sum(), label
        print(
            f"  grappe keep_zero / {label} = ×{report.ratio('grappe keep_zero', label)} "
            f"[engines: {grappe_engine} / {report[label].call.engine}]"
        )
    print("  identical row count, employment and payroll sums: yes")

    # withheld="impute_residual" against keep_zero, every level, interleaved
    half = max(1, repeat // 2)
    report = compare_calls(
        [
            Call(
                "all levels, keep_zero",
                lambda: read_regional_table(county, source="cbp", withheld="keep_zero"),
                engine=grappe_engine,
            ),
            Call(
                "all levels, impute_residual",
                lambda: read_regional_table(county, source="cbp", withheld="impute_residual"),
                engine=grappe_engine,
            ),
        ],
        runs=half,
        warmup=0,
    )
    print_calls(report, title="county file, all levels, all years: imputation of withheld cells")
    imp = report["all levels, impute_residual"].result
    added = report.median("all levels, impute_residual") - report.median("all levels, keep_zero")
    print(
        f"  {len(imp.data):,} rows; imputation adds {added:+.3f} s (difference of medians); "
        f"{int(imp.data['imputed'].sum()):,} of {int(imp.data['withheld'].sum()):,} withheld "
        f"cells imputed [engine: {grappe_engine}]"
    )
    del imp, report

    report = compare_calls(
        [
            Call(
                "state file, all levels",
                lambda: read_regional_table(state, source="cbp"),
                engine=grappe_engine,
            ),
            Call(
                "load_definitions copy",
                lambda: load_definitions("us-benchmark"),
                engine="grappe.io (cached after the first parse; the copy is timed)",
            ),
        ],
        runs=repeat,
        warmup=1,
    )
    print_calls(report, title="state file and the us-benchmark definitions")

    members = pd.DataFrame({"member": table.regions})
    members["region"] = members["member"].str[:2]
    regions = RegionSet(members[["region", "member"]], region_type="state")

    def pandas_groupby():
        data = table.data
        return (
            data.assign(state=data["region"].astype(str).str[:2])
            .groupby(["state", "industry", "year"], observed=True)[["employment", "payroll"]]
            .sum()
        )

    report = compare_calls(
        [
            Call(
                "grappe aggregate_regions",
                lambda: aggregate_regions(table, regions),
                engine=f"grappe.regions (pandas {pd.__version__})",
            ),
            Call(
                "pandas groupby on a state column",
                pandas_groupby,
                engine=f"pandas {pd.__version__} groupby",
            ),
        ],
        runs=repeat,
        warmup=1,
    )
    print_calls(report, title=f"aggregate_regions: {len(table.regions):,} counties -> states")
    agg = report["grappe aggregate_regions"].result
    peer = report["pandas groupby on a state column"].result
    assert np.isclose(agg.data["employment"].sum(), peer["employment"].sum())
    assert len(agg.data) == len(peer)
    got = agg.data.set_index(["region", "industry", "year"])["employment"].sort_index()
    assert np.array_equal(got.to_numpy(), peer["employment"].sort_index().to_numpy())
    print(
        f"  {len(agg.data):,} rows; grappe / pandas = "
        f"×{report.ratio('grappe aggregate_regions', 'pandas groupby on a state column')} "
        f"(identical sums: yes) [engines: grappe.regions / pandas {pd.__version__} groupby]"
    )
    print(f"\nfinal RSS high-water: {maxrss_mb():,.0f} MB; {load_line('at the end')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
