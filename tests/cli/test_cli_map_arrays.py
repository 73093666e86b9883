"""The pandas-free path of ``grappe map`` (issue 17, goal 1): a fresh process maps a real CBP
extract without importing pandas and writes what the Python API computes; the arrays' reader,
kernel, definitions and writer each equal their pandas counterparts; a file with a problem is
handed to the reader of frames, which reports it as before."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from grappe.definitions import BUNDLED_DEFINITIONS
from grappe.errors import DataValidationError
from grappe.io import bundled_cbp_state_path, load_definitions, read_regional_table
from grappe.io._arrow import from_columns
from grappe.io.definition_arrays import BUNDLED_FILES, bundled_definition_arrays
from grappe.io.output import write_arrow, write_frame
from grappe.io.regional_arrays import read_regional_arrays
from grappe.mapping import _cluster_frame, map_clusters
from grappe.mapping._cube import definition_rules
from grappe.mapping.arrays import map_arrays

HERE = Path(__file__).resolve().parent
EXTRACT = HERE.parent / "data" / "cbp_de_ri_2017_2021" / "cbp_county_de_ri_2017_2021.parquet"
FILES = [EXTRACT, bundled_cbp_state_path()]

RUN = """
import runpy, sys
sys.argv = ["grappe", "map", sys.argv[1], "--source", "cbp", "-o", sys.argv[2]]
try:
    runpy.run_module("grappe.cli.main", run_name="__main__")
except SystemExit as exc:
    assert not exc.code, exc.code
print(sorted({"pandas", "pydantic"} & set(sys.modules)), file=sys.stderr)
"""


def test_a_fresh_process_maps_without_pandas_and_writes_what_the_python_api_computes(tmp_path):
    out = tmp_path / "out.parquet"
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(EXTRACT), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stderr.strip().splitlines()[-1] == "[]"  # neither pandas nor pydantic
    assert "8 regions × 67 clusters × 5 years" in done.stderr.replace("\n", " ")
    written = pd.read_parquet(out)
    table = read_regional_table(EXTRACT, source="cbp")
    expected = map_clusters(table, load_definitions("us-benchmark")).indicators
    assert table.data["imputed"].any()  # withheld cells, imputed on this path too
    pd.testing.assert_frame_equal(written, expected, check_exact=True)


@pytest.mark.parametrize("path", FILES, ids=["de-ri-counties", "states"])
@pytest.mark.parametrize("withheld", [None, "keep_zero", "drop"])
def test_the_arrays_reader_reads_the_rows_and_values_of_the_reader_of_frames(path, withheld):
    arrays = read_regional_arrays(path, source="cbp", withheld=withheld)
    expected = read_regional_table(path, source="cbp", withheld=withheld)
    table = arrays.to_table()
    pd.testing.assert_frame_equal(table.data, expected.data, check_exact=True)
    assert dict(table.region_names) == dict(expected.region_names)
    assert (table.region_type, table.withheld_policy, table.source, arrays.years) == (
        expected.region_type,
        expected.withheld_policy,
        expected.source,
        expected.years,
    )


@pytest.mark.parametrize(
    "options", [{}, {"lq_convention": "total"}, {"star_local": True}, {"total": "sum"}]
)
def test_map_arrays_computes_the_columns_and_parameters_of_map_clusters(options):
    arrays = read_regional_arrays(EXTRACT, source="cbp")
    got = map_arrays(arrays, bundled_definition_arrays("us-benchmark"), **options)
    expected = map_clusters(arrays.to_table(), load_definitions("us-benchmark"), **options)
    assert dict(got.parameters) == dict(expected.parameters)
    frame = pq.read_table(pa.BufferReader(_parquet(from_columns(got.columns)))).to_pandas()
    pd.testing.assert_frame_equal(frame, expected.indicators, check_exact=True)


def _parquet(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue()


def test_the_bundled_definitions_as_arrays_are_those_load_definitions_reads():
    assert {k: v[:2] for k, v in BUNDLED_DEFINITIONS.items()} == BUNDLED_FILES
    defs = load_definitions("us-benchmark")
    arrays = bundled_definition_arrays("us-benchmark")
    clusters = _cluster_frame(defs)
    assert dict(arrays.rules) == definition_rules(defs)
    assert arrays.clusters == tuple(
        tuple(clusters[k]) for k in ("cluster", "cluster_name", "cluster_type")
    )
    assert (arrays.name, arrays.classification) == (defs.name, defs.classification)
    assert bundled_definition_arrays("my_definitions.csv") is None


def test_written_from_arrow_the_file_is_the_one_written_from_the_frame(tmp_path):
    arrays = read_regional_arrays(EXTRACT, source="cbp")
    got = map_arrays(arrays, bundled_definition_arrays("us-benchmark"))
    write_arrow(from_columns(got.columns), tmp_path / "arrow.parquet")
    expected = map_clusters(arrays.to_table(), load_definitions("us-benchmark")).indicators
    write_frame(expected, tmp_path / "pandas.parquet")
    ours, theirs = (pq.read_schema(tmp_path / f"{n}.parquet") for n in ("arrow", "pandas"))
    assert ours.names == theirs.names and ours.types == theirs.types
    assert ours.metadata == theirs.metadata  # pandas' own description of the columns
    # the same bytes: the same Arrow schema stored, the same values, the same options
    assert (tmp_path / "arrow.parquet").read_bytes() == (tmp_path / "pandas.parquet").read_bytes()
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "arrow.parquet"),
        pd.read_parquet(tmp_path / "pandas.parquet"),
        check_exact=True,
    )


def _damaged(tmp_path: Path, name: str, change) -> Path:
    table = pq.read_table(EXTRACT)
    path = tmp_path / f"{name}.parquet"
    pq.write_table(change(table), path)
    return path


def _set(column: str, row: int, value, type_=None):
    def change(table: pa.Table) -> pa.Table:
        values = table.column(column).to_pylist()
        if type_ == pa.string():  # a column of text numbers
            values = [None if v is None else str(v) for v in values]
        values[row] = value
        position = table.schema.get_field_index(column)
        array = pa.array(values, type=type_ or table.schema.field(column).type)
        return table.set_column(position, column, array)

    return change


BAD = {
    "negative": (_set("emp", 6, -5), "negative"),
    "missing code": (_set("naics", 3, None), "industry code is missing"),
    "unknown code": (_set("naics", 3, "999999"), "999999"),
    "missing region": (_set("fips", 3, None), "region code is missing"),
    "impossible year": (_set("year", 3, 1700), "1700"),
    "text number": (_set("emp", 3, "12a", pa.string()), "12a"),
    "repeated row": (lambda t: pa.concat_tables([t, t.slice(5, 1)]), "repeat"),
    "parent below children": (_set("emp", 0, 1), "fewer than"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_file_with_a_problem_goes_to_the_reader_of_frames_which_reports_it(case, tmp_path):
    change, expected = BAD[case]
    path = _damaged(tmp_path, case.replace(" ", "_"), change)
    assert read_regional_arrays(path, source="cbp") is None
    with pytest.raises(DataValidationError, match=expected):
        read_regional_table(path, source="cbp")


def test_options_the_arrays_reader_does_not_take_go_to_the_reader_of_frames():
    for options in ({"years": [2019]}, {"levels": [6]}, {"where": {"naics_level": "6"}}):
        assert read_regional_arrays(EXTRACT, source="cbp", **options) is None
    assert read_regional_arrays(HERE / "table.csv", source="cbp") is None
    assert read_regional_arrays(EXTRACT, source="eurostat") is None


def test_a_region_whose_employment_is_all_zero_is_warned_about_on_both_paths(tmp_path):
    def zero_one_county(table: pa.Table) -> pa.Table:
        fips = table.column("fips").to_numpy(zero_copy_only=False)
        emp = table.column("emp").to_numpy().copy()
        estab = table.column("estab").to_numpy().copy()
        county = fips == fips[0]
        emp[county], estab[county] = 0, 0  # no establishment: not withheld, truly 0
        position = table.schema.get_field_index("emp")
        table = table.set_column(position, "emp", pa.array(emp))
        position = table.schema.get_field_index("estab")
        return table.set_column(position, "estab", pa.array(estab))

    path = _damaged(tmp_path, "zero", zero_one_county)
    messages = []
    for read in (read_regional_arrays, read_regional_table):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = read(path, source="cbp")
        assert result is not None
        messages.append([str(w.message) for w in caught])
    assert messages[0] == messages[1] and any("every" in m for m in messages[0])
    assert np.all(result.data["employment"].to_numpy() >= 0)
