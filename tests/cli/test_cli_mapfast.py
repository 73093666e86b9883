"""``grappe map`` made fast (issue 17, goal 1): same results as the Python API and as a plain
pandas script of the same rules, on a small real extract; a light module top; a bad file still
refused with its row and column."""

from __future__ import annotations

import importlib.util
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
