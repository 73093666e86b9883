"""``grappe map`` made fast (issue 17, goal 1): same results as the Python API and as a plain
pandas script of the same rules, on a small real extract; a light module top; a bad file still
refused with its row and column."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.io import load_definitions, read_regional_table
from grappe.mapping import map_clusters

runner = CliRunner()
HERE = Path(__file__).resolve().parent
EXTRACT = HERE.parent / "data" / "cbp_de_ri_2017_2021" / "cbp_county_de_ri_2017_2021.parquet"
PEER = HERE.parents[1] / "benchmarks" / "peer_map_pandas.py"


def _peer():
    spec = importlib.util.spec_from_file_location("peer_map_pandas", PEER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def mapped(tmp_path_factory):
    out = tmp_path_factory.mktemp("mapfast") / "out.parquet"
    result = runner.invoke(app, ["map", str(EXTRACT), "--source", "cbp", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return pd.read_parquet(out)


def test_the_output_file_equals_the_python_api_column_by_column(mapped):
    table = read_regional_table(EXTRACT, source="cbp")
    assert table.data["imputed"].any()  # the extract has withheld cells, imputed
    expected = map_clusters(table, load_definitions("us-benchmark")).indicators
    assert list(mapped.columns) == list(expected.columns)
    for column in expected.columns:
        pd.testing.assert_series_equal(mapped[column], expected[column], check_exact=True)


def test_a_plain_pandas_script_of_the_same_rules_finds_the_same_cells(mapped, tmp_path):
    definitions = resources.files("grappe") / "data" / "definitions" / "us_benchmark_naics2017.csv"
    with resources.as_file(definitions) as path:
        _peer().main(str(EXTRACT), str(path), str(tmp_path / "peer.parquet"))
    peer = pd.read_parquet(tmp_path / "peer.parquet")
    assert len(peer) == len(mapped) == 8 * 67 * 5
    assert (peer["region"].astype(str).to_numpy() == mapped["region"].astype(str).to_numpy()).all()
    assert mapped["strong"].any() and mapped["stars"].any()
    for column in ("employment", "establishments", "lq", "strong", "strong_90", "star_size",
                   "star_specialisation", "star_focus", "stars"):  # fmt: skip
        ours, theirs = mapped[column].to_numpy(float), peer[column].to_numpy(float)
        np.testing.assert_array_equal(ours, theirs, err_msg=column)


def test_the_module_top_imports_neither_pandas_nor_numpy():
    code = (
        "import sys, grappe.cli.mapping; "
        "print(sorted({'pandas', 'numpy', 'pyarrow'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_negative_count_is_still_refused_with_its_row_and_column(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(EXTRACT)
    emp = table.column("emp").to_numpy().copy()
    emp[6] = -5
    bad = tmp_path / "bad.parquet"
    pq.write_table(table.set_column(table.schema.get_field_index("emp"), "emp", pa.array(emp)), bad)
    result = runner.invoke(app, ["map", str(bad), "--source", "cbp", "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 1
    assert "row 7" in result.output and "emp" in result.output and "negative" in result.output
    assert not (tmp_path / "o.csv").exists()


def _summary_rows_by_pandas(ind, top, max_regions):
    """The summary's rule with pandas (the code before issue 17): each region's strong rows,
    else all its rows, ``nlargest`` by employment; regions by strong count, then size."""
    ind = ind[(ind["year"] == ind["year"].max()) & (ind["cluster_type"] == "traded")]
    by = ind.groupby("region", observed=True, sort=True)
    order = (
        pd.DataFrame({"n": by["strong"].sum(), "size": by["employment"].sum()})
        .sort_values(["n", "size"], ascending=False, kind="stable")
        .index[:max_regions]
    )
    shown = []
    for region in order:
        own = ind[ind["region"] == region]
        chosen = own[own["strong"]]
        shown += (chosen if len(chosen) else own).nlargest(top, "employment")["cluster"].tolist()
    return shown


def test_the_summary_picks_the_rows_pandas_nlargest_picks():
    # ties (kept in row order), NaN counts (after the others, as pandas puts them), a region
    # without a strong cluster, a local cluster and an earlier year (both ignored)
    from rich.console import Console

    from grappe.cli.mapping import summary_table

    region = ["r1"] * 5 + ["r2"] * 5 + ["r3"] * 5
    ind = pd.DataFrame(
        {
            "region": pd.Categorical(region),
            "region_name": pd.Categorical([f"Name {r}" for r in region]),
            "cluster": pd.Categorical([f"c{i}" for i in range(15)]),
            "cluster_name": pd.Categorical([f"Cluster {i}" for i in range(15)]),
            "cluster_type": pd.Categorical(["traded"] * 14 + ["local"]),
            "year": [2021] * 4 + [2020] + [2021] * 10,
            "employment": [5.0, 9, 9, np.nan, 99, 7, 7, 7, 1, 2, 50, np.nan, 3, 3, 500],
            "lq": [1.5] * 15,
            "strong": [True, True, True, True, True]
            + [False] * 5
            + [True, True, False] * 1
            + [False, True],
            "stars": [0] * 15,
        }
    )
    for top, max_regions in ((2, 10), (1, 2), (5, 10)):
        expected = _summary_rows_by_pandas(ind, top, max_regions)
        console = Console(width=200, record=True)
        console.print(summary_table(ind, top=top, max_regions=max_regions))
        got = re.findall(r"Cluster (\d+) ", console.export_text())
        assert [f"c{n}" for n in got] == expected  # the same rows, in the same order
