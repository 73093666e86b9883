"""``grappe programme due|correct|evaluate --token``: a two-year ESCA-like label stored as
expired by ``due`` the day after its validity, a decision corrected on a wrong fact, and the
deciding step's role enforced for a token; errors on one line, exit code 1."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.registry import connect, create_token, session_scope
from grappe.registry import repositories as repo
from grappe.registry.programme_enrolments import list_decisions, load_enrolment

#: The ESCA preset's eligibility at its thresholds (bronze: no criterion of its own).
BRONZE = ["--set", "members=15", "--set", "member_types=2", "--set", "management_fte=0.5"]


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


def _token(url, role, clusters=()):
    sessions = connect(url)
    with session_scope(sessions) as session:
        secret = create_token(session, f"t-{role}", role=role, clusters=list(clusters), who="test")
    sessions.kw["bind"].dispose()
    return secret


def test_due_stores_the_expiry_and_correct_rejudges(url):
    assert _run(url, "enrol", "auto-mi", "esca-management-excellence",
                "--joined", "2024-03-15").exit_code == 0  # fmt: skip
    r = _run(url, "evaluate", "1", "--on", "2024-03-15", *BRONZE)
    assert "Decision 1: award" in r.output, r.output
    # the renewal is due on the label's last valid day, before the calendar's 2026-03-15
    assert "2026-03-14" in _run(url, "due", "--today", "2026-03-01").output
    assert "expired" not in _run(url, "due", "--today", "2026-03-14").output
    r = _run(url, "due", "--today", "2026-03-15")
    assert r.exit_code == 0, r.output
    assert "Enrolment 1: the label expired on 2026-03-15 (decision 2)." in r.output
    assert "No evaluation due." in r.output
    assert "expired on" not in _run(url, "due", "--today", "2026-04-01").output  # stored once

    # a wrong fact: the award was judged on 15 members, there were 14
    r = _run(url, "correct", "1", "--fact", "members=14", "--reason", "One member had left.")
    assert r.exit_code == 1 and "only the latest decision's outcome can change" in r.output
    r = _run(url, "correct", "1", "--period", "2023", "--reason", "The period was 2023.")
    assert r.exit_code == 0, r.output
    sessions = connect(url)
    with session_scope(sessions) as session:
        first, second = list_decisions(session, 1)
        assert (first.period, first.reason, second.action) == ("2023", "The period was 2023.",
                                                               "expire")  # fmt: skip
        assert load_enrolment(session, 1).state.status == "expired"
    sessions.kw["bind"].dispose()


def test_correct_a_wrong_fact_of_the_latest_decision(url):
    _run(url, "enrol", "auto-mi", "esca-management-excellence", "--joined", "2024-03-15")
    r = _run(url, "evaluate", "1", "--on", "2024-03-15", *BRONZE, "--set", "members=14")
    assert "Decision 1: refuse" in r.output
    r = _run(url, "correct", "1", "--fact", "members=15", "--date", "2024-03-16",
             "--reason", "A member was left out.")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "Decision 1: award (the rule: award); status awarded, level bronze." in r.output
    wide = CliRunner().invoke(app, ["programme", "decisions", "1", "--database", url],
                              env={"COLUMNS": "250"})  # fmt: skip
    assert "(corrected by cli)" in wide.output
    r = _run(url, "correct", "1", "--fact", "members", "--reason", "x")
    assert r.exit_code == 1 and "'--fact' parameter of grappe programme correct" in r.output
    r = _run(url, "correct", "1", "--reason", "   ")
    assert r.exit_code == 1 and "must say why" in r.output and "Traceback" not in r.output


def test_a_token_acts_with_its_role(url):
    _run(url, "enrol", "auto-mi", "kompetenznetze", "--joined", "2021-01-01")
    manager = _token(url, "manager", ["auto-mi"])
    r = _run(url, "evaluate", "1", "--on", "2021-02-01", "--token", manager)
    assert r.exit_code == 1
    assert "a manager of 'auto-mi' cannot decide on the label of kompetenznetze" in r.output
    r = _run(url, "evaluate", "1", "--on", "2021-02-01", "--token", "grp_nope_nope")
    assert r.exit_code == 1 and "names no live token" in r.output
    r = _run(url, "evaluate", "1", "--on", "2021-02-01", "--token", _token(url, "analyst"))
    assert r.exit_code == 0, r.output
    sessions = connect(url)
    with session_scope(sessions) as session:
        assert list_decisions(session, 1)[0].decided_by == "t-analyst"
    sessions.kw["bind"].dispose()


def test_candidates_of_the_stored_map(url):
    """Three cells stored for 2021, one for 2020: us-cluster-mapping keeps the strong ones of
    the latest year by default, the 2020 one with --year."""
    from grappe.registry.models import IndicatorSnapshot, Region

    sessions = connect(url)
    with session_scope(sessions) as session:
        for code, name in (("US-26", "Michigan"), ("US-39", "Ohio")):
            session.add(Region(id=code, code=code[3:], country="US", region_type="state",
                               name_en=name))  # fmt: skip
        session.flush()
        cells = [("US-26", "automotive", 2021, True), ("US-39", "automotive", 2021, False),
                 ("US-39", "chemicals", 2021, True),
                 ("US-26", "chemicals", 2020, True)]  # fmt: skip
        for region, cluster, year, strong in cells:
            session.add(IndicatorSnapshot(definitions="us-benchmark", region_id=region,
                                          cluster=cluster, cluster_name=cluster.title(),
                                          cluster_type="traded", year=year, strong=strong,
                                          employment=1000.0, lq=1.2))  # fmt: skip
    sessions.kw["bind"].dispose()
    r = _run(url, "candidates", "us-cluster-mapping", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert "Stored map us-benchmark, 2021." in r.output
    assert "US-26,Michigan,automotive" in r.output and "US-39,Ohio,chemicals" in r.output
    assert "US-39,Ohio,automotive" not in r.output and ",2020," not in r.output
    old = _run(url, "candidates", "us-cluster-mapping", "--year", "2020", "--format", "csv")
    assert "US-26,Michigan,chemicals,Chemicals,2020" in old.output
    r = _run(url, "candidates", "us-cluster-mapping", "--year", "1999")
    assert r.exit_code == 1 and "has no year 1999" in r.output
    r = _run(url, "candidates", "kompetenznetze")
    assert r.exit_code == 1 and "has no statistical criteria" in r.output
