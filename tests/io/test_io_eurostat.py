"""The generic reader on a real Eurostat extract (NACE Rev.2 sections × NUTS regions).

The expectations come from the file itself: sections add up to ``TOTAL`` but for the ``NRP``
(no response) group, and the unfiltered file repeats each key once per age group.
"""

from __future__ import annotations

import pandas as pd
import pytest

from grappe.codes import check_single_level
from grappe.errors import DataValidationError
from grappe.io import read_regional_table

COLUMNS = {"geo": "region", "nace_r2": "industry", "year": "year", "value": "employment"}
FILE = "eu_nuts2_employment_nace/eurostat_lfst_r_lfe2en2_2008_2015_long.csv.gz"


@pytest.mark.shared
def test_unfiltered_file_is_refused_with_its_real_problems(shared_data):
    with pytest.raises(DataValidationError) as info:
        read_regional_table(shared_data / FILE, columns=COLUMNS, classification="nace2")
    messages = [i.message for i in info.value.issues]
    assert any("'NRP' is not a well-formed nace2 code" in m for m in messages)
    assert any(m.startswith("duplicate key (geo, nace_r2, year)") for m in messages)
    assert all(i.file.endswith(".csv.gz") for i in info.value.issues)


@pytest.mark.shared
def test_nuts2_sections_add_up_to_the_total(shared_data, tmp_path):
    raw = pd.read_csv(shared_data / FILE, dtype=str, keep_default_na=False)
    subset = raw[(raw["age"] == "Y_GE15") & (raw["nuts_level"] == "2") & (raw["nace_r2"] != "NRP")]
    path = tmp_path / "nuts2.csv"
    subset.to_csv(path, index=False)
    table = read_regional_table(
        path,
        columns=COLUMNS,
        classification="nace2",
        region_type="nuts2",
        withheld="drop",
    )
    assert len(table.regions) == subset["geo"].nunique() == 335
    assert len(table.data) == (subset["value"] != "").sum()
    codes = table.data["industry"].astype(str).unique()
    with pytest.raises(DataValidationError, match="'TOTAL' contains"):
        check_single_level(codes, classification="nace2")
    sections = read_regional_table(
        path, columns=COLUMNS, classification="nace2", withheld="drop", levels=(1,)
    )
    check_single_level(sections.data["industry"].astype(str).unique(), classification="nace2")
    total = read_regional_table(
        path, columns=COLUMNS, classification="nace2", withheld="drop", levels=(0,)
    )
    by_region = sections.data.groupby(["region", "year"], observed=True)["employment"].agg(
        ["sum", "count"]
    )
    complete = by_region[by_region["count"] == 10]
    share = complete["sum"] / total.data.set_index(["region", "year"])["employment"].reindex(
        complete.index
    )
    # Published figures are rounded to 0.1 thousand; the gap is the NRP group.
    assert share.max() <= 1.002
    assert share.median() > 0.99


# --- the eurostat preset and the where= filter (issue 15) -----------------------------------
# A slice of the real file: Austria, Belgium and the EU28 aggregate, every age group, NUTS 0-2.

import warnings  # noqa: E402

from grappe.errors import DataWarning, InvalidParameterError  # noqa: E402
from grappe.model import REGIONAL_COLUMNS, concat_tables  # noqa: E402


@pytest.fixture(scope="module")
def eurostat_raw(shared_data):
    raw = pd.read_csv(shared_data / FILE, dtype=str, keep_default_na=False)
    keep = raw["geo"].str.startswith(("AT", "BE")) | (raw["geo"] == "EU28")
    return raw[keep & raw["year"].isin(["2014", "2015"])].reset_index(drop=True)


def _write(frame: pd.DataFrame, tmp_path, name: str = "slice.csv"):
    path = tmp_path / name
    if name.endswith(".parquet"):
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False)
    return path


def _read_quietly(path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return read_regional_table(path, **kwargs)


@pytest.mark.shared
def test_preset_reads_the_real_slice_with_notices(eurostat_raw, tmp_path):
    path = _write(eurostat_raw, tmp_path)
    with pytest.warns(DataWarning) as record:
        table = read_regional_table(path, source="eurostat", where={"age": "Y_GE15"})
    notices = [str(w.message) for w in record]
    assert any("'NRP' (no response)" in n and "column 'nace_r2'" in n for n in notices)
    assert any("aggregates ['EU28']" in n for n in notices)
    assert any("NUTS levels [0, 1]" in n and "column 'nuts_level'" in n for n in notices)
    kept = eurostat_raw[
        (eurostat_raw["age"] == "Y_GE15")
        & (eurostat_raw["nuts_level"] == "2")
        & (eurostat_raw["nace_r2"] != "NRP")
    ]
    assert table.region_type == "nuts2"
    assert table.unit == "THS"
    assert table.withheld_policy == "drop"
    assert table.classification == "nace2"
    assert list(table.data.columns) == list(REGIONAL_COLUMNS)
    assert table.regions == tuple(sorted(kept["geo"].unique()))
    # ':' cells (empty value) are withheld and dropped; every published value is kept unchanged
    assert len(table.data) == (kept["value"] != "").sum()
    cell = table.data.query("region == 'AT12' and industry == 'A' and year == 2015")
    assert cell["employment"].tolist() == [49.8]  # thousands, as published
    assert "BE10" not in set(table.data.query("industry == 'A'")["region"])  # ': u' in 2015


@pytest.mark.shared
def test_region_type_chooses_the_nuts_level(eurostat_raw, tmp_path):
    path = _write(eurostat_raw, tmp_path)
    nuts1 = _read_quietly(path, source="eurostat", where={"age": "Y_GE15"}, region_type="nuts1")
    assert nuts1.region_type == "nuts1"
    assert set(nuts1.regions) == {"AT1", "AT2", "AT3", "BE1", "BE2", "BE3"}
    with pytest.raises(
        DataValidationError, match=r"no region of NUTS level 3 .* levels \[0, 1, 2\]"
    ):
        _read_quietly(path, source="eurostat", where={"age": "Y_GE15"}, region_type="nuts3")


@pytest.mark.shared
def test_level_from_the_code_length_and_other_column_names(eurostat_raw, tmp_path):
    """Without ``nuts_level``, and with the names of the eurostat R package (time, values)."""
    renamed = eurostat_raw.drop(columns=["nuts_level"]).rename(
        columns={"year": "time", "value": "values"}
    )
    path = _write(renamed, tmp_path, "r_package.parquet")
    table = _read_quietly(path, source="eurostat", where={"age": "Y_GE15"})
    reference = _read_quietly(
        _write(eurostat_raw, tmp_path), source="eurostat", where={"age": "Y_GE15"}
    )
    assert table.region_type == "nuts2"
    assert table.unit == "THS"
    pd.testing.assert_frame_equal(
        table.data.astype({"region": str, "industry": str}),
        reference.data.astype({"region": str, "industry": str}),
    )


@pytest.mark.shared
def test_colon_cells_are_withheld(eurostat_raw, tmp_path):
    """Eurostat's bulk cells (':', ': u') in the value column are withheld cells, not errors."""
    frame = eurostat_raw.drop(columns=["value"]).rename(columns={"raw": "value"})
    frame["value"] = frame["value"].str.replace(r" [a-z]+$", "", regex=True)  # '5.2 u' -> '5.2'
    path = _write(frame, tmp_path)
    table = _read_quietly(path, source="eurostat", where={"age": "Y_GE15"})
    expected = _read_quietly(
        _write(eurostat_raw, tmp_path, "b.csv"), source="eurostat", where={"age": "Y_GE15"}
    )
    assert len(table.data) == len(expected.data)
    with pytest.raises(DataValidationError, match="employment value is withheld in this row"):
        _read_quietly(path, source="eurostat", where={"age": "Y_GE15"}, withheld="raise")
    kept = _read_quietly(path, source="eurostat", where={"age": "Y_GE15"}, withheld="keep_zero")
    assert kept.data["withheld"].sum() == len(kept.data) - len(table.data) > 0


@pytest.mark.shared
def test_several_units_are_refused_until_one_is_chosen(eurostat_raw, tmp_path):
    other = eurostat_raw.assign(unit="PC", value="1.0")
    path = _write(pd.concat([eurostat_raw, other]), tmp_path)
    with pytest.raises(DataValidationError, match=r"several units \['PC', 'THS'\]") as info:
        _read_quietly(path, source="eurostat", where={"age": "Y_GE15"})
    assert info.value.column == "unit"
    assert "where={'unit': 'PC'}" in str(info.value)
    table = _read_quietly(path, source="eurostat", where={"age": "Y_GE15", "unit": "THS"})
    assert table.unit == "THS"


@pytest.mark.shared
def test_unfiltered_breakdowns_are_named(eurostat_raw, tmp_path):
    path = _write(eurostat_raw, tmp_path)
    with pytest.raises(DataValidationError) as info:
        _read_quietly(path, source="eurostat")
    first = info.value.issues[0]
    assert first.column == "age"
    assert "several breakdowns" in first.message
    assert first.fix.startswith("keep one breakdown with where={'age': ")


@pytest.mark.shared
def test_where_errors_name_file_column_and_values(eurostat_raw, tmp_path):
    path = _write(eurostat_raw, tmp_path)
    with pytest.raises(DataValidationError, match="'sex' given in where= is not in the file") as e:
        _read_quietly(path, source="eurostat", where={"sex": "F"})
    assert e.value.file == str(path)
    assert "'nuts_level'" in str(e.value)  # the columns present
    with pytest.raises(DataValidationError, match=r"keeps no row: \['Y99'\] is not") as e:
        _read_quietly(path, source="eurostat", where={"age": "Y99"})
    assert "'Y_GE15'" in str(e.value) and e.value.column == "age"
    with pytest.raises(DataValidationError, match=r"misses some values: \['Y99'\]"):
        _read_quietly(path, source="eurostat", where={"age": ["Y_GE15", "Y99"]})
    with pytest.raises(DataValidationError, match="among the rows kept by the other filters"):
        _read_quietly(path, where={"geo": "AT11", "nuts_level": "0"}, columns=COLUMNS)
    for bad in ({}, {"age": []}, {"age": [""]}, ["age"], {1: "x"}):
        with pytest.raises(InvalidParameterError, match="'where' parameter of read_regional_table"):
            read_regional_table(path, source="eurostat", where=bad)


@pytest.mark.shared
def test_where_without_preset_on_csv_and_parquet(eurostat_raw, tmp_path):
    """The filter works on any column of any file; numbers are compared as the file shows them."""
    subset = eurostat_raw[eurostat_raw["nace_r2"] != "NRP"].assign(
        nuts_level=lambda f: f["nuts_level"].astype(int)
    )
    where = {"age": "Y_GE15", "nuts_level": 2}
    tables = [
        _read_quietly(
            _write(subset, tmp_path, name), columns=COLUMNS, classification="nace2",
            withheld="drop", where=where,
        )
        for name in ("w.csv", "w.parquet")
    ]  # fmt: skip
    assert tables[0].unit is None  # no preset: no unit recorded
    assert tables[0].regions == tables[1].regions
    assert len(tables[0].data) == len(tables[1].data) > 0
    assert all(len(r) == 4 for r in tables[1].regions)


@pytest.mark.shared
def test_tables_of_different_units_are_not_concatenated(eurostat_raw, tmp_path):
    path = _write(eurostat_raw, tmp_path)
    thousands = _read_quietly(path, source="eurostat", where={"age": "Y_GE15"}, years=[2015])
    plain = _read_quietly(
        path, columns=COLUMNS, classification="nace2", withheld="drop", years=[2014],
        region_type="nuts2",
        where={"age": "Y_GE15", "nuts_level": "2", "nace_r2": ["TOTAL", "A", "F"]},
    )  # fmt: skip
    with pytest.raises(InvalidParameterError, match="tables of one unit"):
        concat_tables([thousands, plain])
