"""Plausibility checks and the duplicate-key policy of the regional and complexity readers.

Bad variants are derived from the real County Business Patterns fixture (Delaware, state level,
``tests/fixtures/cbp_delaware``) and from the Stata ground-truth trade table.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from grappe._validation import DUPLICATE_POLICIES, check_duplicates, duplicates_fix
from grappe.errors import DataValidationError, DataWarning, InvalidParameterError
from grappe.io import read_regional_table
from grappe.io._plausibility import FIRST_YEAR, MAX_COUNT, last_year
from grappe.io.complexity import check_activity_matrix, read_activity_matrix, read_activity_panel


@pytest.fixture
def delaware(fixtures) -> pd.DataFrame:
    """The real CBP Delaware state table (2017–2021), every column as read."""
    return pd.read_parquet(fixtures / "cbp_delaware" / "cbp_state_delaware.parquet")


def _write(frame: pd.DataFrame, path) -> str:
    frame.to_csv(path, index=False)
    return str(path)


def test_the_real_file_reads_without_warning(delaware, tmp_path):
    path = _write(delaware, tmp_path / "de.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)
        table = read_regional_table(path, source="cbp")
    assert table.years == (2017, 2018, 2019, 2020, 2021)


def test_a_cell_of_1e23_jobs_is_refused_with_its_row(delaware, tmp_path):
    bad = delaware.astype({"emp": "float64"})
    bad.loc[5, "emp"] = 1e23
    path = _write(bad, tmp_path / "de.csv")
    with pytest.raises(DataValidationError, match=r"'1e\+23' is implausibly large for employment"):
        read_regional_table(path, source="cbp")
    try:
        read_regional_table(path, source="cbp")
    except DataValidationError as exc:
        assert (exc.row, exc.column) == (7, "emp")  # header is row 1, pandas row 5 is row 7
        assert "unit and the decimal separator" in exc.issues[0].fix


@pytest.mark.parametrize(
    ("value", "message"),
    [("inf", "'inf' is not a number"), ("2e10", "implausibly large for establishments")],
)
def test_infinite_or_absurd_establishment_counts_are_refused(delaware, tmp_path, value, message):
    bad = delaware.astype({"estab": "object"})
    bad.loc[3, "estab"] = value
    path = _write(bad, tmp_path / "de.csv")
    with pytest.raises(DataValidationError, match=message) as info:
        read_regional_table(path, source="cbp")
    assert info.value.row == 5 and info.value.column == "estab"
    assert MAX_COUNT == 1e10


@pytest.mark.parametrize("year", [99999, 1700, last_year() + 1])
def test_impossible_years_are_refused_naming_the_rows(delaware, tmp_path, year):
    bad = delaware.copy()
    bad["year"] = bad["year"].astype("int64")
    bad.loc[[2, 9], "year"] = year
    path = _write(bad, tmp_path / "de.csv")
    with pytest.raises(DataValidationError, match=f"the year {year} is impossible") as info:
        read_regional_table(path, source="cbp")
    assert [i.row for i in info.value.issues] == [4, 11]
    assert info.value.column == "year" and f"{FIRST_YEAR}..{last_year()}" in str(info.value)


def test_all_zero_employment_is_an_error(delaware, tmp_path):
    bad = delaware.assign(emp=0, estab=0)  # no CBP withholding rule applies to 0 establishments
    path = _write(bad, tmp_path / "de.csv")
    with pytest.raises(DataValidationError, match="every employment value .* is 0") as info:
        read_regional_table(path, source="cbp")
    assert info.value.file == path and info.value.column == "emp"
    assert "--column FILE_COLUMN=employment" in info.value.issues[0].fix


def test_a_year_or_a_region_of_zeros_is_a_warning(tmp_path):
    rows = "region,industry,year,employment\n" + "".join(
        f"{r},{i},{y},{0 if (r == 'B' or y == 2019) else 5}\n"
        for r in "ABC"
        for i in "xy"
        for y in (2018, 2019, 2020)
    )
    path = tmp_path / "t.csv"
    path.write_text(rows, encoding="utf-8")
    with pytest.warns(DataWarning) as caught:
        table = read_regional_table(path)
    messages = [str(w.message) for w in caught]
    assert any("for 1 region: B (from row 8)" in m for m in messages)
    assert any("for 1 year: 2019 (from row 3)" in m for m in messages)
    assert all(w.message.file == str(path) and w.message.column == "employment" for w in caught)
    assert len(table.data) == 18  # still read: the other regions and years are meaningful


def test_duplicate_keys_raise_by_default_and_sum_on_request(delaware, tmp_path):
    extra = delaware.iloc[[1]].assign(emp=10, estab=1, payann=100)
    rest = delaware.copy()
    rest.loc[rest.index[1], "emp"] -= 10  # the two rows add up to the published cell
    path = _write(pd.concat([rest, extra], ignore_index=True), tmp_path / "de.csv")
    with pytest.raises(DataValidationError, match="first seen in row 3") as info:
        read_regional_table(path, source="cbp")
    assert info.value.row == len(delaware) + 2
    assert info.value.issues[0].fix == duplicates_fix("region, industry and year")
    summed = read_regional_table(path, source="cbp", duplicates="sum").data
    once = read_regional_table(_write(delaware, tmp_path / "ok.csv"), source="cbp").data
    key = (summed["industry"] == "11") & (summed["year"] == 2017)
    ref = (once["industry"] == "11") & (once["year"] == 2017)
    assert len(summed) == len(once)
    assert summed.loc[key, "employment"].item() == once.loc[ref, "employment"].item()
    assert summed.loc[key, "establishments"].item() == once.loc[ref, "establishments"].item() + 1


def test_a_sum_with_a_withheld_part_stays_withheld(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "region,industry,year,employment\nA,x,2019,4\nA,x,2019,\nA,y,2019,3\nB,x,2019,2\n",
        encoding="utf-8",
    )
    table = read_regional_table(path, duplicates="sum", withheld="keep_zero").data
    cell = table[(table["region"] == "A") & (table["industry"] == "x")]
    assert cell["withheld"].item() and cell["employment"].item() == 0.0


def test_the_duplicate_policy_is_checked(delaware, tmp_path):
    assert DUPLICATE_POLICIES == ("raise", "sum")
    with pytest.raises(InvalidParameterError, match="'duplicates' parameter of f must be one"):
        check_duplicates("mean", func="f")
    path = _write(delaware, tmp_path / "de.csv")
    with pytest.raises(InvalidParameterError, match="'duplicates' parameter of read_regional"):
        read_regional_table(path, duplicates="first")


# --- complexity readers -----------------------------------------------------------------


@pytest.fixture
def trade(fixtures) -> pd.DataFrame:
    """Real trade flows (Stata ecomplexity ground truth, 1995), as text."""
    return pd.read_csv(fixtures / "complexity" / "stata_ground_truth_1995.csv", dtype=str)


def test_complexity_duplicate_pairs_raise_or_sum(trade, tmp_path):
    names = {"rows": "origin", "cols": "hs92", "values": "export_val"}
    extra = trade.iloc[[0]]
    path = _write(pd.concat([trade, extra], ignore_index=True), tmp_path / "t.csv")
    with pytest.raises(DataValidationError, match=r"are already in row 2\.") as info:
        read_activity_matrix(path, **names)
    assert info.value.row == len(trade) + 2 and "--duplicates sum" in info.value.issues[0].fix
    summed = read_activity_matrix(path, **names, duplicates="sum")
    once = read_activity_matrix(_write(trade, tmp_path / "ok.csv"), **names)
    r, c = extra["origin"].item(), extra["hs92"].item()
    assert summed.loc[r, c] == pytest.approx(2 * once.loc[r, c])


def test_complexity_wide_table_repeated_location(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("loc,x,y\na,1,2\nb,3,4\na,5,6\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"The location \('a'\) are already in row 2"):
        read_activity_matrix(path)
    wide = read_activity_matrix(path, duplicates="sum")
    assert wide.loc["a"].tolist() == [6.0, 8.0] and len(wide) == 2


def test_complexity_panel_checks_years_and_repeats(trade, tmp_path):
    panel = trade.assign(year="2019")
    bad = panel.copy()
    bad.loc[4, "year"] = "99999"
    path = _write(bad, tmp_path / "y.csv")
    names = {"rows": "origin", "cols": "hs92", "values": "export_val"}
    with pytest.raises(DataValidationError, match="the year 99999 is impossible") as info:
        read_activity_panel(path, **names)
    assert info.value.row == 6
    twice = _write(pd.concat([panel, panel.iloc[[3]]], ignore_index=True), tmp_path / "d.csv")
    with pytest.raises(DataValidationError, match="location, activity and year"):
        read_activity_panel(twice, **names)
    assert read_activity_panel(twice, **names, duplicates="sum")[2019].shape[0] > 1


def test_complexity_values_absurd_or_all_zero(trade, tmp_path):
    names = {"rows": "origin", "cols": "hs92", "values": "export_val"}
    bad = trade.copy()
    bad.loc[7, "export_val"] = "1e23"
    with pytest.raises(DataValidationError, match="implausibly large") as info:
        read_activity_matrix(_write(bad, tmp_path / "b.csv"), **names)
    assert info.value.row == 9 and info.value.column == "export_val"
    zero = _write(trade.assign(export_val="0"), tmp_path / "z.csv")
    with pytest.raises(DataValidationError, match="every value is 0 or empty"):
        read_activity_matrix(zero, **names)


def test_check_activity_matrix_speaks_of_the_file():
    one = pd.DataFrame([[1.0, 0.0], [0.0, 0.0]], index=["a", "b"], columns=["x", "y"])
    with pytest.raises(DataValidationError, match=r"only 1 location\(s\) and 1 activity") as info:
        check_activity_matrix(one, file="t.csv", column="v", year=2020)
    assert "in 2020" in str(info.value) and info.value.file == "t.csv"
    gap = pd.DataFrame([[1.0, np.nan], [2.0, 3.0]], index=["a", "b"], columns=["x", "y"])
    with pytest.raises(DataValidationError, match="location 'a' for activity 'y' is empty"):
        check_activity_matrix(gap, file="t.csv", column="v")
    assert check_activity_matrix(gap, file="t.csv", column="v", missing="zero") is gap


@pytest.mark.parametrize(
    ("employment", "expected"),
    [
        ([5, 0, 3, 0, 2, 0], "0 for 1 region: b (from row 3)"),
        ([5, 4, 0, 0, 0, 1], "0 for 1 year: 2020 (from row 4)"),
        ([np.nan, 4, 3, 1, 2, 6], "[]"),  # none (a withheld NaN is skipped)
        ([0, 0, 0, 0, 0, 0], "every employment value of the 6 rows"),
    ],
)
def test_all_zero_checks_from_region_year_groups_equal_the_row_checks(employment, expected):
    # the reader's fast path (region-year ids, year-major) warns or refuses exactly as the rows
    import warnings

    from grappe.io._plausibility import check_not_all_zero

    region = pd.Categorical(["a", "b", "a", "b", "c", "b"], categories=["a", "b", "c"])
    year = np.array([2019, 2019, 2020, 2020, 2020, 2021], dtype=float)
    groups = (year.astype(np.int64) - 2019) * 3 + region.codes
    emp = np.array(employment, dtype=float)
    outcomes = []
    for ids in (None, groups):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                check_not_all_zero(emp, region, year, np.arange(2, 8), file="f.csv",
                                   column="emp", groups=ids)  # fmt: skip
                outcomes.append([str(w.message) for w in caught])
            except DataValidationError as exc:
                outcomes.append(str(exc))
    assert outcomes[0] == outcomes[1]
    assert expected in str(outcomes[1])
    if not np.nansum(emp):
        with pytest.raises(DataValidationError, match="every employment value of the 6 rows"):
            check_not_all_zero(emp, region, year, np.arange(2, 8), file="f.csv", column="emp",
                               groups=groups)  # fmt: skip
