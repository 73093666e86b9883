"""KPIs computed from records (grappe.roadmap.records): hand-computed cases, the Biskra story of
seed 000 encoded in tests/fixtures/roadmap/biskra_*.csv, every error path, and the membership
balance as a property."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.io.member_records import read_records
from grappe.roadmap import check_records, kpis_from_records, member_counts, parse_period
from grappe.vocabulary import STANDARD_KPIS

FIXTURES = Path(__file__).parents[1] / "fixtures" / "roadmap"
BISKRA = {
    kind: FIXTURES / f"biskra_{kind}.csv" for kind in ("events", "figures", "activities", "ties")
}


def _join(actor, date, **more):
    return {"actor": actor, "kind": "join", "date": date, **more}


def test_biskra_story_from_records():
    """Seed 000: ten new agricultural investments joined; jobs and exports rose; the cluster
    linked industry, agriculture and trade (the numbers are the fixture's, illustrative)."""
    k = kpis_from_records(read_records(BISKRA), period="2024", previous="2023")
    assert k.value("new_members") == 10
    assert k.breakdowns["new_members_by_sector"] == {"agriculture": 10}
    assert k.breakdowns["new_members_by_activity"] == {"date palm growing": 10}
    assert k.breakdowns["new_members_by_region"] == {"DZ-07": 10}
    # 8 founding members, one leaves, ten join
    assert (k.value("members"), k.previous.value("members")) == (17, 8)
    assert (k.value("jobs"), k.previous.value("jobs")) == (264, 203)
    assert k.change("jobs") == 61 and k.change("exports") == 85_000_000
    assert k.kpis["exports"].unit == "DZD" and k.kpis["exports"].counted == 3
    assert k.value("firms_created") == 4 and k.value("trainings") == 3
    # seven pairs whose first tie starts in 2024 (farm-01–pack-01 twice: one partnership);
    # one tie has no start date and is left out
    assert k.value("partnerships") == 7 and k.kpis["partnerships"].left_out == 1
    assert k.breakdowns["partnerships_by_sector"] == {
        "?–agriculture": 1,
        "agriculture–industry": 2,
        "agriculture–trade": 2,
        "industry–trade": 2,
    }
    assert k.breakdowns["activities_by_kind"] == {"event": 1, "mission": 1, "training": 3}
    assert [r["kpi"] for r in k.to_rows()] == list(STANDARD_KPIS)
    assert {r["source"] for r in k.to_rows()} == {"records"}


def test_hand_computed_quarter():
    events = [
        _join(
            "a",
            "2024-01-10",
            sector="agriculture",
            sphere="enterprise",
            activity="date palm growing",
            region="DZ-07",
        ),
        _join("b", "2024-02-01", sector="industry"),
        {"actor": "a", "kind": "leave", "date": "2024-03-31"},
        _join("c", "2024-04-01"),
    ]
    figures = [
        {"actor": "b", "period": "2024-01", "jobs": "5", "exports": "10", "currency": "eur"},
        {"actor": "b", "period": "2024-03", "jobs": "7", "exports": "2,5", "currency": "EUR"},
        {"actor": "b", "period": "2024-Q2", "jobs": 9},  # outside Q1
        {"actor": "a", "period": "2024", "jobs": 100},  # longer than Q1: left out
    ]
    activities = [
        {"kind": "training", "date": "2024-02-02", "members": ["a", "b"]},
        {"kind": "mission", "date": "2024-03-02", "participants": "4"},
    ]
    ties = [
        {"source": "a", "target": "b", "since": "2024-02-15"},
        {"source": "b", "target": "a", "since": "2024-03-01"},  # same pair, later
        {"source": "x", "target": "y", "since": "2024-02-15"},
    ]  # no member: not counted
    k = kpis_from_records(events, figures, activities, ties, period="2024-Q1")
    assert k.value("members") == 1 and k.value("new_members") == 2
    assert k.value("jobs") == 7  # b's latest figure inside Q1 (a left before the end)
    assert k.kpis["jobs"].left_out == 1
    assert k.value("exports") == 12.5 and k.kpis["exports"].unit == "EUR"
    assert k.value("partnerships") == 1 and k.value("trainings") == 1
    assert k.breakdowns["new_members_by_sphere"] == {"?": 1, "enterprise": 1}
    assert k.breakdowns["partnerships_by_sector"] == {"agriculture–industry": 1}
    assert k.previous is None and k.change("jobs") is None


def test_no_figure_is_unknown_not_zero():
    k = kpis_from_records([_join("a", "2024-01-10")], period="2024")
    assert k.value("jobs") is None and k.value("exports") is None
    assert k.value("partnerships") == 0


@pytest.mark.parametrize(
    ("records", "column", "match"),
    [
        (
            {"events": [{"actor": "a", "kind": "leave", "date": "2024-01-02"}]},
            "kind",
            "leave before join",
        ),
        (
            {"events": [_join("a", "2024-01-02"), _join("a", "2024-02-02")]},
            "kind",
            "already a member",
        ),
        (
            {"events": [{"actor": "a", "kind": "quit", "date": "2024-01-02"}]},
            "kind",
            "Unknown event 'quit'",
        ),
        ({"events": [_join("", "2024-01-02")]}, "actor", "The actor is empty"),
        ({"events": [_join("a", "2024-13-02")]}, "date", "not a day between 1900 and 2100"),
        ({"events": [_join("a", "1850-01-02")]}, "date", "not a day between 1900 and 2100"),
        ({"events": [_join("a", "2024-01-02", sphere="firm")]}, "sphere", "Unknown sphere"),
        (
            {
                "events": [
                    _join("a", "2024-01-02"),
                    {"actor": "a", "kind": "sector", "date": "2024-02-02"},
                ]
            },
            "sector",
            "sector event has no sector",
        ),
        (
            {"figures": [{"actor": "zz", "period": "2024", "jobs": 3}]},
            "actor",
            "Unknown member 'zz'",
        ),
        (
            {"figures": [{"actor": "a", "period": "2024", "jobs": -3}]},
            "jobs",
            "jobs must be a number from 0",
        ),
        (
            {"figures": [{"actor": "a", "period": "2024", "exports": "1e30", "currency": "DZD"}]},
            "exports",
            "exports must be a number from 0",
        ),
        (
            {"figures": [{"actor": "a", "period": "2024", "exports": 3}]},
            "currency",
            "Exports without a currency",
        ),
        (
            {"figures": [{"actor": "a", "period": "2024-Q5", "jobs": 3}]},
            "period",
            "is not a period",
        ),
        (
            {"figures": [{"actor": "a", "period": "2023", "founded": "2024-02-01"}]},
            "founded",
            "date out of period",
        ),
        (
            {"figures": [{"actor": "a", "period": "2024", "founded": "soon"}]},
            "founded",
            "not a day",
        ),
        (
            {
                "figures": [
                    {"actor": "a", "period": "2024", "jobs": 3},
                    {"actor": "a", "period": "2024-Q2", "jobs": 4},
                ]
            },
            "period",
            "overlap",
        ),
        (
            {"activities": [{"kind": "party", "date": "2024-01-02"}]},
            "kind",
            "Unknown activity 'party'",
        ),
        ({"activities": [{"kind": "training", "date": ""}]}, "date", "not a day"),
        (
            {"activities": [{"kind": "training", "date": "2024-03-01", "participants": "2.5"}]},
            "participants",
            "whole number",
        ),
        (
            {"activities": [{"kind": "training", "date": "2024-03-01", "members": "a;ghost"}]},
            "members",
            "Unknown member 'ghost'",
        ),
        (
            {
                "ties": [
                    {"source": "a", "target": "b", "since": "2024-03-01", "until": "2024-01-01"}
                ]
            },
            "until",
            "ends on 2024-01-01, before",
        ),
        (
            {"ties": [{"source": "a", "target": "", "since": "2024-03-01"}]},
            "target",
            "needs both ends",
        ),
        ({"ties": [{"source": "a", "target": "b", "since": "March"}]}, "since", "not a day"),
        ({"ties": [{"source": "a", "target": "b", "type": "love"}]}, "type", "Unknown tie type"),
        ({"figures": [{"actor": "a", "period": "2024", "jobs": "2.5"}]}, "jobs", "whole number"),
    ],
)
def test_bad_records_name_file_row_and_column(records, column, match):
    base = {"events": [_join("a", "2024-01-01")]}
    given_records = {**base, **records}
    with pytest.raises(DataValidationError, match=match) as caught:
        check_records(**given_records, sources={"figures": "figures.csv"})
    issue = caught.value.issues[0]
    assert issue.column == column and issue.row >= 2 and issue.fix


def test_file_errors_name_the_file_and_line(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text("actor,kind,date\na,join,2024-01-01\na,leave,2023-12-01\n")
    with pytest.raises(DataValidationError, match="leave before join") as caught:
        read_records({"events": events})
    issue = caught.value.issues[0]
    assert (issue.file, issue.row, issue.column) == (str(events), 3, "kind")


def test_exports_in_two_currencies_are_refused():
    figures = [
        {"actor": "a", "period": "2024", "exports": 1, "currency": "DZD"},
        {"actor": "b", "period": "2024", "exports": 1, "currency": "EUR"},
    ]
    events = [_join("a", "2024-01-01"), _join("b", "2024-01-01")]
    with pytest.raises(DataValidationError, match="several currencies \\(DZD, EUR\\)"):
        kpis_from_records(events, figures, period="2024")


def test_bad_period_is_refused():
    with pytest.raises(InvalidParameterError, match="is not a period"):
        kpis_from_records([], period="2024-Q9")


_day = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2024, 12, 31))


@st.composite
def _histories(draw):
    """Member events that alternate join/leave per actor (valid by construction)."""
    events = []
    for actor in "abcdef"[: draw(st.integers(0, 6))]:
        days = sorted(set(draw(st.lists(_day, max_size=5))))
        events += [
            {"actor": actor, "kind": "join" if i % 2 == 0 else "leave", "date": d}
            for i, d in enumerate(days)
        ]
    return events


@settings(max_examples=60, deadline=None)
@given(_histories(), st.sampled_from(["2022", "2023-H2", "2024-Q1", "2021-07", "2024"]))
def test_members_balance(events, period):
    """Members at the end = members the day before + joins − leaves of the period, and the
    counts agree with member_counts."""
    p = parse_period(period)
    k = kpis_from_records(events, period=p)
    day_before = p.start - dt.timedelta(days=1)
    before = kpis_from_records(events, period=day_before)
    joins = sum(e["kind"] == "join" and p.start <= e["date"] <= p.end for e in events)
    leaves = sum(e["kind"] == "leave" and p.start <= e["date"] <= p.end for e in events)
    assert k.value("members") == before.value("members") + joins - leaves
    assert k.value("new_members") == len(
        {e["actor"] for e in events if e["kind"] == "join" and p.start <= e["date"] <= p.end}
    )
    counted = member_counts(events, p)
    assert (k.value("members"), k.value("new_members")) == (
        counted["members"],
        counted["new_members"],
    )
