"""``grappe kpi from-records`` and ``grappe kpi load-records``: the Biskra story computed from
its files and from a registry it was loaded into; errors are one line and exit code 1, with
nothing written."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.registry import connect, session_scope
from grappe.registry.member_records import list_member_figures
from grappe.registry.models import Actor, Cluster, Region

FIXTURES = Path(__file__).parents[1] / "fixtures" / "roadmap"
KINDS = ("events", "figures", "activities", "ties")
FILES = [arg for kind in KINDS for arg in (f"--{kind}", str(FIXTURES / f"biskra_{kind}.csv"))]


def _run(*args):
    return CliRunner().invoke(app, ["--lang", "en", "kpi", *args])


def _rows(output):
    """KPI name → the cells of its table row."""
    rows = {}
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip("│┃ ").split("│")]
        if cells and cells[0] in (
            "members",
            "new_members",
            "jobs",
            "exports",
            "firms_created",
            "partnerships",
            "trainings",
        ):
            rows[cells[0]] = cells[1:]
    return rows


def test_from_record_files():
    result = _run("from-records", "--period", "2024", "--previous", "2023", *FILES)
    assert result.exit_code == 0, result.output
    rows = _rows(result.output)
    assert rows["new_members"][:3] == ["10", "0", "10"]
    assert rows["jobs"][:3] == ["264", "203", "61"]
    assert rows["exports"][:3] == ["435,000,000 DZD", "350,000,000", "85,000,000"]
    assert rows["partnerships"][0] == "7" and "1 left out" in rows["partnerships"][3]
    assert "new_members_by_sector: agriculture 10" in result.output


@pytest.fixture
def registry(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    sessions = connect(url)
    with session_scope(sessions) as session:
        session.add(Cluster(id="biskra-dates", name_en="Biskra dates"))
        session.add(
            Region(id="DZ-07", code="07", country="DZ", region_type="wilaya", name_en="Biskra")
        )
        with (FIXTURES / "biskra_actors.csv").open() as f:
            session.add_all(
                Actor(id=r["id"], name=r["name"], sphere=r["sphere"]) for r in csv.DictReader(f)
            )
    sessions.kw["bind"].dispose()
    return url


def test_load_then_compute_from_the_registry(registry):
    loaded = _run("load-records", "--cluster", "biskra-dates", "--database", registry, *FILES)
    assert loaded.exit_code == 0, loaded.output
    said = " ".join(loaded.output.split())  # the console wraps long lines
    assert "19 events, 25 figures, 6 activities, 11 tie dates (11 new ties)" in said
    result = _run(
        "from-records",
        "--period",
        "2024",
        "--previous",
        "2023",
        "--cluster",
        "biskra-dates",
        "--database",
        registry,
    )
    assert result.exit_code == 0, result.output
    rows = _rows(result.output)
    assert rows["new_members"][0] == "10" and rows["jobs"][:3] == ["264", "203", "61"]
    assert rows["members"][-1] == "—"  # no typed value beside it


def test_a_refused_record_loads_nothing(registry, tmp_path):
    bad = tmp_path / "figures.csv"
    bad.write_text("actor,period,jobs\nfarm-01,2024,-5\n")
    events = str(FIXTURES / "biskra_events.csv")
    result = _run(
        "load-records",
        "--cluster",
        "biskra-dates",
        "--database",
        registry,
        "--events",
        events,
        "--figures",
        str(bad),
    )
    assert result.exit_code == 1
    assert f"{bad}, row 2, column 'jobs'" in "".join(result.output.split("\n"))
    assert "Traceback" not in result.output
    sessions = connect(registry)
    with session_scope(sessions) as session:
        assert list_member_figures(session, "biskra-dates") == []
    sessions.kw["bind"].dispose()


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (["from-records", "--period", "2024"], "needs record files"),
        (["from-records", "--period", "2024", "--cluster", "x", *FILES[:2]], "not both"),
        (["from-records", "--period", "2024-Q9", *FILES[:2]], "is not a period"),
        (["load-records", "--cluster", "x"], "needs record files"),
    ],
)
def test_errors_are_one_line(args, match):
    result = _run(*args)
    assert result.exit_code == 1
    assert match in " ".join(result.output.split()) and "Traceback" not in result.output
