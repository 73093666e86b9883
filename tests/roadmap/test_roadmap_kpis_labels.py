"""KPIs, evaluations and label checks."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.roadmap import check_kpis, check_label, evaluate_kpis, make_label


def kpis():
    return pd.DataFrame(
        {
            "kpi": ["members", "members", "jobs", "jobs", "exports", "cost"],
            "period": ["2022", "2023", "2022", "2023", "2023", "2023"],
            "value": [40, 52, 1000, 990, 5.0, 80],
            "target": [None, 50, None, 1000, None, 100],
            "direction": ["at_least"] * 5 + ["at_most"],
        }
    )


def test_evaluation_hand_case():
    e = evaluate_kpis(kpis(), period="2023", extra={"sme_share": 0.7})
    t = e.table.set_index("kpi")
    assert t.loc["members", "met"] and t.loc["members", "change"] == 12
    assert not t.loc["jobs", "met"] and t.loc["jobs", "change"] == -10
    assert pd.isna(t.loc["exports", "met"]) and pd.isna(t.loc["exports", "previous"])
    assert t.loc["cost", "met"]  # at_most: 80 <= 100
    assert e.met_share == pytest.approx(2 / 3)
    assert e.facts["sme_share"] == 0.7 and e.facts["members"] == 52


def test_target_met_exactly():
    k = pd.DataFrame(
        {
            "kpi": ["a", "b"],
            "period": ["p", "p"],
            "value": [10, 10],
            "target": [10, 10],
            "direction": ["at_least", "at_most"],
        }
    )
    assert evaluate_kpis(k, period="p").table["met"].tolist() == [True, True]


def test_kpi_errors():
    with pytest.raises(NotFoundError, match="No KPI values for period '2030'"):
        evaluate_kpis(kpis(), period="2030")
    with pytest.raises(InvalidParameterError, match="'extra' parameter of evaluate_kpis"):
        evaluate_kpis(kpis(), period="2023", extra={"members": 3})
    bad = kpis().astype({"value": object})
    bad.loc[1, "value"] = "12k"
    with pytest.raises(DataValidationError, match=r"kpis.csv, row 3, column 'value'"):
        check_kpis(bad, file="kpis.csv")
    dup = pd.concat([kpis(), kpis().iloc[[0]]])
    with pytest.raises(DataValidationError, match="given twice for period 2022"):
        check_kpis(dup)
    with pytest.raises(DataValidationError, match="Unknown direction 'up'"):
        check_kpis(kpis().assign(direction="up"))
    with pytest.raises(DataValidationError, match=r"lacks the columns \['value'\]"):
        check_kpis(kpis().drop(columns="value"))
    badt = kpis().astype({"target": object})
    badt.loc[1, "target"] = "fifty"
    with pytest.raises(DataValidationError, match="target of KPI 'members'"):
        check_kpis(badt)


@settings(deadline=None, max_examples=40)
@given(st.lists(st.tuples(st.floats(0, 1e6), st.floats(0, 1e6)), min_size=1, max_size=8))
def test_met_matches_comparison(pairs):
    k = pd.DataFrame(
        {
            "kpi": [f"k{i}" for i in range(len(pairs))],
            "period": "p",
            "value": [v for v, _ in pairs],
            "target": [t for _, t in pairs],
        }
    )
    met = evaluate_kpis(k, period="p").table["met"].tolist()
    assert met == [v >= t for v, t in pairs]


LABEL = {
    "name": "L",
    "level": "silver",
    "criteria": ["members >= 50", {"metric": "sme_share", "op": ">", "threshold": 0.6}],
    "valid_from": "2023-01-01",
    "valid_to": "2024-12-31",
}


def test_label_still_met_and_why_not():
    lab = make_label(LABEL)
    ev = evaluate_kpis(kpis(), period="2023", extra={"sme_share": 0.7})
    check = check_label(lab, ev, on=dt.date(2024, 12, 31))
    assert check.holds and check.in_validity
    check = check_label(lab, ev, on=dt.date(2025, 1, 1))
    assert not check.holds and "valid from 2023-01-01 to 2024-12-31" in check.reasons[0]
    check = check_label(lab, {"members": 49.0})
    assert check.reasons == (
        "members = 49 does not meet members >= 50",
        "sme_share is not reported, so sme_share > 0.6 cannot be checked",
    )
    assert check_label(lab, {"members": 50, "sme_share": 0.6}).reasons == (
        "sme_share = 0.6 does not meet sme_share > 0.6",
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"criteria": ["members at least 5"]}, r"is not 'metric op number'"),
        ({"criteria": ["members => 5"]}, r"is not 'metric op number'"),
        ({"valid_to": "2022-01-01"}, r"ends \(2022-01-01\) before it starts"),
        ({"valid_from": "soon"}, r"valid_from 'soon' is not YYYY-MM-DD"),
    ],
)
def test_bad_labels(change, message):
    with pytest.raises(DataValidationError, match=message):
        make_label(LABEL | change, file="label.yaml")


def test_label_missing_key():
    with pytest.raises(DataValidationError, match="The label has no 'criteria'"):
        make_label({k: v for k, v in LABEL.items() if k != "criteria"})
