"""``grappe programme enrol|evaluate|decisions|due --database …``: a Kompetenznetze enrolment
evaluated from the registry's records with ``--set`` corrections over three periods (award,
keep, suspend, withdraw), the history and the reminders; each error one line, exit code 1."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.registry import connect, session_scope
from grappe.registry import repositories as repo
from grappe.registry.programme_enrolments import list_decisions, load_enrolment

#: Kompetenznetze's eligibility at its thresholds; ``enterprises`` comes from the records.
TYPED = ["--set", "research_bodies=1", "--set", "universities=1",
         "--set", "industry_research_ties=3", "--set", "years_active=2"]  # fmt: skip


@pytest.fixture
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    sessions = connect(url)
    with session_scope(sessions) as session:
        repo.create_cluster(session, {"id": "auto-mi", "name_en": "Automotive"}, who="test")
    sessions.kw["bind"].dispose()
    return url


def _run(url, *args):
    return CliRunner().invoke(app, ["programme", *args, "--database", url])


def test_enrol_evaluate_three_periods_decisions_due(url):
    r = _run(url, "enrol", "auto-mi", "kompetenznetze", "--joined", "2021-01-01")
    assert r.exit_code == 0, r.output
    assert "Enrolment 1: auto-mi applied for kompetenznetze." in r.output
    assert "Missing facts:" in r.output and "research_bodies" in r.output
    due = _run(url, "due", "--today", "2021-01-11")
    assert "10 days late" in due.output
    steps = [("2021-02-01", "10"), ("2023-02-01", "12"), ("2025-02-01", "9"),
             ("2027-02-01", "9")]  # fmt: skip
    for day, firms in steps:
        r = _run(url, "evaluate", "1", "--on", day, "--period", day[:4], *TYPED,
                 "--set", f"enterprises={firms}")  # fmt: skip
        assert r.exit_code == 0, r.output
    assert "Decision 4: withdraw (the rule: withdraw); status withdrawn" in r.output
    sessions = connect(url)
    with session_scope(sessions) as session:
        decisions = list_decisions(session, 1)
        assert [d.action for d in decisions] == ["award", "keep", "suspend", "withdraw"]
        assert decisions[0].facts["enterprises"].source == "typed"
        assert decisions[0].decided_by == "cli"
        assert load_enrolment(session, 1).state.status == "withdrawn"
    sessions.kw["bind"].dispose()
    history = _run(url, "decisions", "1")
    assert history.exit_code == 0 and history.output.count("cli") >= 4
    assert "No evaluation due." in _run(url, "due", "--today", "2027-03-01").output


def test_errors_are_one_line(url):
    r = _run(url, "enrol", "auto-mi", "nope")
    assert r.exit_code == 1 and "No programme 'nope'" in r.output
    assert "Traceback" not in r.output
    _run(url, "enrol", "auto-mi", "kompetenznetze", "--joined", "2021-01-01")
    r = _run(url, "evaluate", "1", "--set", "members")
    assert r.exit_code == 1 and "must read metric=number" in r.output
    r = _run(url, "evaluate", "1", "--on", "2021-13-01")
    assert r.exit_code == 1 and "must be a date YYYY-MM-DD" in r.output
    r = _run(url, "evaluate", "1", "--on", "2021-02-01", "--action", "keep")
    assert r.exit_code == 1 and "must say why" in r.output
    r = _run(url, "evaluate", "7", "--on", "2021-02-01")
    assert r.exit_code == 1 and "No enrolment with id 7" in r.output
    r = _run(url, "enrol", "auto-mi", "kompetenznetze")
    assert r.exit_code == 1 and "already enrolled" in r.output
