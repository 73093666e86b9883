"""The CBP preset on the Delaware fixture and on the real county and state files.

Expected figures are computed from the files themselves with pyarrow, independently of the
reader (the files' own ``00`` totals, row counts, zero-employment cells), plus the national
total published in ``../shared/data/us_cbp_2017_2021/PROVENANCE.md``.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from grappe.codes import check_single_level
from grappe.errors import DataValidationError
from grappe.io import PRESETS, bundled_cbp_state_path, read_regional_table


@pytest.fixture(scope="module")
def delaware(fixtures):
    return fixtures / "cbp_delaware"


def test_delaware_counties(delaware):
    path = delaware / "cbp_county_delaware.parquet"
    raw = pq.read_table(path).to_pandas()
    table = read_regional_table(path, source="cbp", withheld="keep_zero")
    assert table.region_type == "county"
    assert table.classification == "naics2017"
    assert table.withheld_policy == "keep_zero"
    assert table.regions == ("10001", "10003", "10005")
    assert table.region_name("10003") == "New Castle County, Delaware"
    assert table.years == (2017, 2018, 2019, 2020, 2021)
    assert len(table.data) == len(raw)
    withheld = (raw["emp"] == 0) & (raw["estab"] >= 3)
    assert table.data["withheld"].sum() == withheld.sum() > 0
    assert (table.data.loc[table.data["withheld"], "employment"] == 0).all()
    assert table.data["employment"].sum() == raw["emp"].sum()
    assert table.data["payroll"].sum() == raw["payroll" if "payroll" in raw else "payann"].sum()
    # the CBP default imputes withheld cells from their parent codes; known cells are kept
    default = read_regional_table(path, source="cbp")
    assert default.withheld_policy == "impute_residual"
    known = ~default.data["withheld"].to_numpy()
    np.testing.assert_array_equal(
        default.data["employment"].to_numpy()[known], table.data["employment"].to_numpy()[known]
    )
    assert default.data.loc[default.data["imputed"], "employment"].sum() > 0


def test_delaware_levels_do_not_nest_once_selected(delaware):
    path = delaware / "cbp_county_delaware.parquet"
    six = read_regional_table(path, source="cbp", levels=(6,))
    codes = six.data["industry"].astype(str).unique()
    assert all(len(c) == 6 for c in codes)
    check_single_level(codes, classification="naics2017")
    mixed = read_regional_table(path, source="cbp", levels=(2, 6))
    with pytest.raises(DataValidationError, match="contains.*levels="):
        check_single_level(mixed.data["industry"].astype(str).unique(), classification="naics")


def test_delaware_state_rows(delaware):
    state = read_regional_table(delaware / "cbp_state_delaware.parquet", source="cbp")
    assert state.region_type == "state"
    assert state.regions == ("10",)
    assert state.region_name("10") == "Delaware"
    counties = read_regional_table(delaware / "cbp_county_delaware.parquet", source="cbp")
    s = state.data[state.data["industry"] == "00"].set_index("year")["employment"]
    c = counties.data[counties.data["industry"] == "00"].groupby("year")["employment"].sum()
    # County rows leave out statewide establishments: their sum is a little below the state's.
    ratio = c / s
    assert ((ratio > 0.85) & (ratio <= 1.0)).all()


def test_cbp_withheld_policies(delaware):
    path = delaware / "cbp_county_delaware.parquet"
    n_withheld = int(read_regional_table(path, source="cbp").data["withheld"].sum())
    with pytest.raises(DataValidationError, match="withheld.*withheld='drop', 'keep_zero'"):
        read_regional_table(path, source="cbp", withheld="raise")
    with pytest.raises(DataValidationError, match=r"emp == 0.*no\s+flag column.*'keep_zero'"):
        read_regional_table(path, source="cbp", withheld="impute_flag_midpoint")
    dropped = read_regional_table(path, source="cbp", withheld="drop")
    full = read_regional_table(path, source="cbp")
    assert len(dropped.data) == len(full.data) - n_withheld


def test_cbp_preset_needs_a_region_column(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("geo,naics,year,emp\n01,11,2019,3\n")
    with pytest.raises(DataValidationError, match="layout of source='cbp'.*'fips', 'state_fips'"):
        read_regional_table(path, source="cbp")


def test_cbp_preset_with_an_old_style_flag_column(tmp_path):
    path = tmp_path / "old.csv"
    path.write_text(
        "fips,naics,year,emp,estab,payann,empflag\n"
        "10001,311111,2005,0,4,0,C\n10001,336411,2005,12,3,400,\n"
    )
    table = read_regional_table(path, source="cbp", withheld="impute_flag_midpoint")
    assert table.data["employment"].tolist() == [174.5, 12.0]
    assert table.data["withheld"].tolist() == [True, False]
    assert "empflag" in PRESETS["cbp"].optional_columns


def test_bundled_state_file_reads_with_the_national_total():
    table = read_regional_table(bundled_cbp_state_path(), source="cbp", levels=(0,), years=[2019])
    assert len(table.regions) == 50
    # Published in the shared data's PROVENANCE.md: sum of emp for naics == '00', 2019.
    assert table.data["employment"].sum() == 132_460_602


@pytest.mark.shared
def test_bundled_state_file_is_the_shared_one(shared_data):
    shared = shared_data / "us_cbp_2017_2021" / "cbp_state_naics_2017_2021.parquet"
    digest = [
        hashlib.sha256(p.read_bytes()).hexdigest() for p in (shared, bundled_cbp_state_path())
    ]
    assert digest[0] == digest[1]


@pytest.mark.shared
def test_real_county_file(shared_data):
    path = shared_data / "us_cbp_2017_2021" / "cbp_county_naics_2017_2021.parquet"
    raw = pq.read_table(path, columns=["fips", "naics", "naics_level", "year", "emp", "estab"])
    table = read_regional_table(path, source="cbp", levels=(6,), withheld="keep_zero")
    six = raw.filter(pc.equal(raw["naics_level"], 6))
    assert len(table.data) == six.num_rows
    assert len(table.regions) == len(pc.unique(six["fips"]))
    assert table.data["employment"].sum() == pc.sum(six["emp"]).as_py()
    zero = pc.and_(pc.equal(six["emp"], 0), pc.greater_equal(six["estab"], 3))
    assert table.data["withheld"].sum() == pc.sum(zero.cast("int64")).as_py()

    totals = read_regional_table(path, source="cbp", levels=(0,), withheld="keep_zero")
    own = raw.filter(pc.equal(raw["naics"], "00")).to_pandas()
    merged = totals.data.astype({"region": str}).merge(
        own.rename(columns={"fips": "region"}), on=["region", "year"]
    )
    assert len(merged) == len(own) == 1875 * 5
    assert np.array_equal(merged["employment"].to_numpy(), merged["emp"].to_numpy())
    # 6-digit rows (withheld cells as zero) never exceed their county's total.
    by_county = table.data.groupby(["region", "year"], observed=True)["employment"].sum()
    total = totals.data.set_index(["region", "year"])["employment"]
    assert (by_county <= total.reindex(by_county.index) + 1e-9).all()


@pytest.mark.shared
def test_real_state_file_against_its_totals(shared_data):
    path = shared_data / "us_cbp_2017_2021" / "cbp_state_naics_2017_2021.parquet"
    sectors = read_regional_table(path, source="cbp", levels=(2,))
    totals = read_regional_table(path, source="cbp", levels=(0,))
    assert len(totals.regions) == 50
    by_state = sectors.data.groupby(["region", "year"], observed=True)["employment"].sum()
    total = totals.data.set_index(["region", "year"])["employment"].reindex(by_state.index)
    # Sectors add up to the total but for withheld sector cells (counted as zero).
    share = by_state / total
    assert share.between(0.9, 1.0 + 1e-9).all()
    assert share.median() > 0.99
