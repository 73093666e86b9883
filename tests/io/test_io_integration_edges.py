"""Edges found by the bad-input corpus (tests/robustness) once its readers were merged.

Each error path here is also reached from the command line by a corpus case; these tests pin
the library's own message. Inputs derive from the real CBP Delaware fixture
(``tests/fixtures/cbp_delaware``) and the illustrative KPI table (``tests/fixtures/roadmap``).
"""

from __future__ import annotations

import pandas as pd
import pytest

from grappe._validation import MAX_AMOUNT, MAX_COUNT
from grappe.errors import DataValidationError, NotFoundError
from grappe.io import read_regional_table
from grappe.io.assess import read_answers, read_indicators, read_kpis, read_questionnaire
from grappe.io.files import existing_file, load_yaml, read_document
from grappe.io.spatial import read_points


@pytest.fixture
def delaware(fixtures) -> pd.DataFrame:
    return pd.read_parquet(fixtures / "cbp_delaware" / "cbp_state_delaware.parquet")


# --- a folder where a file is expected -------------------------------------------------------


def test_a_folder_is_not_a_file(tmp_path):
    folder = tmp_path / "input.csv"
    folder.mkdir()
    with pytest.raises(DataValidationError, match=r"input\.csv: the regional table is a folder"):
        read_regional_table(folder)
    with pytest.raises(DataValidationError, match=r"the points file is a folder, not a file"):
        read_points(folder, x="lon", y="lat", crs="EPSG:4326")
    with pytest.raises(NotFoundError, match=r"No such file: .*missing\.csv' \(the table\)"):
        existing_file(tmp_path / "missing.csv", "table")


# --- totals below their parts ----------------------------------------------------------------


def test_a_total_below_its_parts_is_refused(delaware, tmp_path):
    bad = delaware.copy()
    bad.loc[bad["naics"] == "00", "emp"] = 5
    path = tmp_path / "de.csv"
    bad.to_csv(path, index=False)
    with pytest.raises(
        DataValidationError,
        match=r"column 'emp': industry '00' holds 5 jobs, fewer than the [\d,]+ of its published "
        r"sub-industries",
    ) as info:
        read_regional_table(path, source="cbp")
    assert info.value.row == 2
    assert len(info.value.issues) == 5  # one '00' row per year


def test_the_real_hierarchy_is_consistent(delaware, tmp_path):
    path = tmp_path / "de.csv"
    delaware.to_csv(path, index=False)
    assert read_regional_table(path, source="cbp").years == (2017, 2018, 2019, 2020, 2021)


# --- strict YAML and JSON --------------------------------------------------------------------


def test_a_yaml_key_given_twice_is_refused_at_its_line():
    with pytest.raises(
        DataValidationError, match=r"a\.yaml, row 3: .*the key 'DK-S1' is given twice"
    ) as info:
        load_yaml("DK-S1: 4\nDK-C1: 3\nDK-S1: 5\n", file="a.yaml", what="answers file")
    assert info.value.issues[0].fix == "keep one of the two entries."


def test_yaml_merge_keys_and_impossible_dates_still_read():
    data, _ = load_yaml("b: &b {x: 1}\nc:\n  <<: *b\n  x: 2\nd: 2023-02-30\n", file="m.yaml")
    assert data == {"b": {"x": 1}, "c": {"x": 2}, "d": "2023-02-30"}


def test_a_json_key_given_twice_is_refused(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"DK-S1": 4, "DK-S1": 5}', encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"gives the key 'DK-S1' twice"):
        read_document(path, what="answers file")


def test_answers_given_twice_are_refused(tmp_path):
    danish = read_questionnaire("danish")
    yaml_path = tmp_path / "a.yaml"
    yaml_path.write_text("DK-S1: 4\nDK-S1: 2\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"a\.yaml, row 2: .*'DK-S1' is given twice"):
        read_answers(yaml_path, danish)
    csv_path = tmp_path / "a.csv"
    csv_path.write_text("question,answer\nDK-S1,4\nDK-C1,3\nDK-S1,2\n", encoding="utf-8")
    with pytest.raises(
        DataValidationError,
        match=r"a\.csv, row 4, column 'question': question 'DK-S1' is answered twice "
        r"\(first in row 2\)",
    ):
        read_answers(csv_path, danish)


# --- indicator tables --------------------------------------------------------------------------

_INDICATORS = (
    "region,cluster,year,employment,establishments,payroll,lq\n"
    "10,1,2019,100,5,1000,1.2\n"
    "10,2,2019,50,3,500,0.8\n"
)


def test_indicator_tables_are_numeric_and_unique(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(_INDICATORS, encoding="utf-8")
    frame = read_indicators(good)
    assert frame["employment"].tolist() == [100.0, 50.0] and frame["region"].tolist() == ["10"] * 2
    lots = tmp_path / "lots.csv"
    lots.write_text(_INDICATORS.replace(",50,", ",lots,"), encoding="utf-8")
    with pytest.raises(
        DataValidationError, match=r"lots\.csv, row 3, column 'employment': 'lots' is not a number"
    ):
        read_indicators(lots)
    twice = tmp_path / "twice.csv"
    twice.write_text(_INDICATORS + "10,1,2019,7,1,70,1.0\n", encoding="utf-8")
    with pytest.raises(
        DataValidationError,
        match=r"twice\.csv, row 4, column 'region': region '10', cluster '1' and year 2019 "
        r"appear twice",
    ):
        read_indicators(twice)


# --- KPI tables --------------------------------------------------------------------------------


def test_kpi_values_beyond_any_economy_are_refused(fixtures, tmp_path):
    kpis = pd.read_csv(fixtures / "roadmap" / "kpis_dates.csv", dtype=str)
    jobs = kpis.copy()
    jobs.loc[jobs["kpi"] == "jobs", "value"] = "1e23"
    path = tmp_path / "k.csv"
    jobs.to_csv(path, index=False)
    with pytest.raises(
        DataValidationError, match=r"column 'value': KPI 'jobs' for 2022 is implausibly large"
    ):
        read_kpis(path)
    assert (MAX_COUNT, MAX_AMOUNT) == (1e10, 1e18)
    exports = pd.DataFrame({"kpi": ["exports"], "period": ["2023"], "value": ["5e12"]})
    exports.to_csv(path, index=False)
    assert read_kpis(path)["value"].item() == 5e12  # an amount: bounded by MAX_AMOUNT


def test_a_kpi_row_without_name_or_period_is_refused(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text("kpi,period,value\n,2023,4\nmembers,,5\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"row 2, column 'kpi': The row names no KPI"):
        read_kpis(path)
    path.write_text("kpi,period,value\nmembers,,5\n", encoding="utf-8")
    with pytest.raises(
        DataValidationError, match=r"row 2, column 'period': KPI 'members' has no period"
    ):
        read_kpis(path)
