"""Typed KPI periods and member counts from events."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from grappe.errors import InvalidParameterError
from grappe.roadmap import PERIOD_FORMS, evaluate_kpis, member_counts, parse_period


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "canonical"),
    [
        ("2024", (2024, 1, 1), (2024, 12, 31), "year", "2024"),
        (2024, (2024, 1, 1), (2024, 12, 31), "year", "2024"),
        ("2024-h2", (2024, 7, 1), (2024, 12, 31), "half", "2024-H2"),
        (" 2024-Q4 ", (2024, 10, 1), (2024, 12, 31), "quarter", "2024-Q4"),
        ("2024-02", (2024, 2, 1), (2024, 2, 29), "month", "2024-02"),
        ("2023-02-28", (2023, 2, 28), (2023, 2, 28), "day", "2023-02-28"),
        (dt.date(2024, 3, 31), (2024, 3, 31), (2024, 3, 31), "day", "2024-03-31"),
    ],
)
def test_every_documented_form_parses(text, start, end, kind, canonical):
    p = parse_period(text)
    assert (p.start, p.end, p.kind, p.text) == (dt.date(*start), dt.date(*end), kind, canonical)
    assert p.year == end[0] and dt.date(*end) in p


def test_the_documented_examples_are_the_forms():
    assert [parse_period(x).kind for x in PERIOD_FORMS.values()] == list(PERIOD_FORMS)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2024-Q5", "is not a period"),
        ("24", "is not a period"),
        ("2024/03", "is not a period"),
        ("", "is not a period"),
        (None, "is not a period"),
        (True, "is not a period"),
        ("2024-13", "names a month that does not exist"),
        ("2023-02-29", "names a day that does not exist"),
        ("0000", "names the year 0"),
    ],
)
def test_bad_periods_are_refused_naming_the_forms(text, words):
    with pytest.raises(InvalidParameterError, match=words + r".*Use a year \(2024\)"):
        parse_period(text)


def test_periods_order_by_their_end():
    texts = ["2024", "2024-H1", "2024-Q1", "2024-03", "2024-03-15", "2023-12-31"]
    ordered = [p.text for p in sorted(map(parse_period, texts))]
    assert ordered == ["2023-12-31", "2024-03-15", "2024-Q1", "2024-03", "2024-H1", "2024"]
    assert parse_period("2024-Q1") == parse_period("2024-q1")


def test_evaluate_kpis_finds_the_previous_quarter_in_time_order():
    k = pd.DataFrame({"kpi": ["members"] * 3, "period": ["2024-Q1", "2023-Q4", "2023-Q3"],
                      "value": [50, 45, 40]})  # fmt: skip
    e = evaluate_kpis(k, period="2024-Q1")
    assert float(e.table["previous"].iloc[0]) == 45.0
    free = pd.DataFrame({"kpi": ["m", "m"], "period": ["p1", "p2"], "value": [1, 3]})
    assert float(evaluate_kpis(free, period="p2").table["change"].iloc[0]) == 2.0


def test_member_counts_follow_joins_and_leaves():
    ev = [
        {"actor": "a", "kind": "join", "date": dt.date(2023, 5, 1)},
        {"actor": "b", "kind": "join", "date": dt.date(2024, 2, 1)},
        {"actor": "b", "kind": "sector", "date": dt.date(2024, 2, 2)},
        {"actor": "a", "kind": "leave", "date": dt.date(2024, 3, 15)},
        {"actor": "a", "kind": "join", "date": dt.date(2024, 9, 1)},
    ]
    assert member_counts(ev, "2022") == {"members": 0, "new_members": 0}
    assert member_counts(ev, "2024-Q1") == {"members": 1, "new_members": 1}
    assert member_counts(ev, "2024") == {"members": 2, "new_members": 2}


@pytest.mark.parametrize(
    ("event", "words"),
    [
        ({"actor": "a", "kind": "promotion", "date": dt.date(2024, 1, 1)}, "must be one of join"),
        ({"actor": "a", "kind": "join", "date": "2024-01-01"}, "must be a date"),
    ],
)
def test_member_counts_refuse_bad_events(event, words):
    with pytest.raises(InvalidParameterError, match=words):
        member_counts([event], "2024")


def test_check_member_events_lists_every_problem_with_its_row():
    from grappe.errors import DataValidationError
    from grappe.roadmap import check_member_events

    frame = pd.DataFrame({"actor": ["", "b", "c"], "kind": ["join", "Promotion", "sector"],
                          "date": ["2023-05-01", "2024-02-30", "2024-01"]})  # fmt: skip
    with pytest.raises(DataValidationError) as info:
        check_member_events(frame, file="ev.csv")
    got = [(i.row, i.column, i.message) for i in info.value.issues]
    assert got == [
        (2, "actor", "The actor is empty."),
        (3, "kind", "Unknown event 'Promotion'."),
        (3, "date", "The date '2024-02-30' is not a day."),
        (4, "date", "The date '2024-01' is not a day."),
        (4, "sector", "A sector event has no sector."),
    ]
    with pytest.raises(DataValidationError, match="The column 'date' is missing"):
        check_member_events(frame.drop(columns="date"))
    with pytest.raises(InvalidParameterError, match="must be a pandas DataFrame"):
        check_member_events([{"actor": "a"}])


def test_grappe_kpi_members(tmp_path):
    from typer.testing import CliRunner

    from grappe.cli.main import app

    path = tmp_path / "ev.csv"
    path.write_text("actor,kind,date\na,join,2023-05-01\nb,join,2024-02-01\n"
                    "a,leave,2024-03-15\n", encoding="utf-8")  # fmt: skip
    runner = CliRunner()
    ok = runner.invoke(app, ["kpi", "members", str(path), "--period", "2024-q1"])
    assert ok.exit_code == 0 and "2024-Q1: members 1, new_members 1" in ok.stdout
    bad = runner.invoke(app, ["kpi", "members", str(path), "--period", "2024-Q9"])
    assert bad.exit_code == 1 and "Error: The period '2024-Q9' is not a period." in bad.stderr
    path.write_text("actor,kind,date\na,join,2023-13-01\n", encoding="utf-8")
    bad = runner.invoke(app, ["kpi", "members", str(path), "--period", "2024"])
    assert bad.exit_code == 1 and "row 2, column 'date': The date '2023-13-01' is not a day" in (
        bad.stderr
    )
