"""Impossible dates, KPI duplicates and counts, through the readers of ``grappe.io.assess``."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.io.assess import read_kpis, read_label, read_roadmap
from grappe.roadmap import check_kpis


def test_an_impossible_date_names_the_action_field_and_line(fixtures, tmp_path):
    text = (fixtures / "roadmap" / "roadmap_dates.yaml").read_text(encoding="utf-8")
    path = tmp_path / "r.yaml"
    path.write_text(text.replace("end: 2023-09-30", "end: 2023-09-31"), encoding="utf-8")
    with pytest.raises(DataValidationError, match="The end '2023-09-31' of action A2") as info:
        read_roadmap(path)
    # row: the line where action A2 begins ("  - id: A2")
    assert (info.value.file, info.value.row, info.value.column) == (str(path), 26, "end")


def test_valid_dates_still_read_as_dates(fixtures):
    roadmap = read_roadmap(fixtures / "roadmap" / "roadmap_dates.yaml")
    assert roadmap.actions[0].start == dt.date(2023, 1, 15)
    label = read_label(fixtures / "roadmap" / "label_bronze.yaml")
    assert label.valid_to == dt.date(2025, 12, 31)


def test_kpi_duplicates_sum_values_and_targets(fixtures, tmp_path):
    text = (fixtures / "roadmap" / "kpis_dates.csv").read_text(encoding="utf-8")
    path = tmp_path / "k.csv"
    path.write_text(text + "members,2023,2,5,at_least\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"first in row 3\)\.") as info:
        read_kpis(path)
    assert info.value.row == 12 and "--duplicates sum" in info.value.issues[0].fix
    kpis = read_kpis(path, duplicates="sum")
    members = kpis[(kpis["kpi"] == "members") & (kpis["period"] == "2023")]
    assert members[["value", "target"]].to_numpy().tolist() == [[50.0, 50.0]]
    with pytest.raises(InvalidParameterError, match="'duplicates' parameter of check_kpis"):
        check_kpis(kpis, duplicates="keep")


def test_negative_counts_only_for_standard_kpis():
    frame = pd.DataFrame(
        {"kpi": ["jobs", "net_balance"], "period": ["2023", "2023"], "value": [-1, -5]}
    )
    with pytest.raises(DataValidationError, match="KPI 'jobs' for 2023 is negative") as info:
        check_kpis(frame, file="k.csv")
    assert len(info.value.issues) == 1 and info.value.row == 2
    check_kpis(frame.iloc[[1]])  # a KPI of one's own may be negative
