"""``grappe roadmap store`` and ``grappe kpi evaluate --store``: a roadmap file or an evaluation
stored in the registry; read back equal to what the kernels compute from the files, audited, and
each error is one line with exit 1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.io.assess import read_roadmap
from grappe.registry import connect, load_roadmap, session_scope
from grappe.registry import repositories as repo
from grappe.registry.models import AuditEntry

FIXTURE = Path(__file__).parents[1] / "fixtures" / "roadmap" / "roadmap_dates.yaml"


@pytest.fixture
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    sessions = connect(url)
    with session_scope(sessions) as session:
        repo.create_cluster(session, {"id": "dates", "name_en": "Biskra dates"}, who="test")
    sessions.kw["bind"].dispose()
    return url


def _store(url, path=FIXTURE, cluster="dates"):
    return CliRunner().invoke(
        app, ["roadmap", "store", str(path), "--cluster", cluster, "--database", url]
    )


def test_store_reads_back_the_file_and_audits_once(url):
    first = _store(url)
    assert first.exit_code == 0, first.output
    expected = read_roadmap(FIXTURE)
    assert f"Roadmap of dates stored: {len(expected.actions)} actions" in first.output
    again = _store(url)
    assert again.exit_code == 0 and "unchanged" in again.output
    sessions = connect(url)
    with session_scope(sessions) as session:
        assert load_roadmap(session, "dates") == expected
        entries = session.scalars(select(AuditEntry).where(AuditEntry.resource == "roadmap")).all()
        assert [(e.action, e.who) for e in entries] == [("create", "grappe roadmap store")]
    sessions.kw["bind"].dispose()


def test_a_bad_roadmap_is_one_line_and_nothing_is_stored(url, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(FIXTURE.read_text(encoding="utf-8").replace("2024-", "2024-02-30x", 1))
    result = _store(url, bad)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "bad.yaml" in result.output
    sessions = connect(url)
    with session_scope(sessions) as session:
        assert load_roadmap(session, "dates") is None
    sessions.kw["bind"].dispose()


def test_an_unknown_cluster_is_named(url):
    result = _store(url, cluster="ghost")
    assert result.exit_code == 1
    assert "ghost" in result.output and "Traceback" not in result.output


KPIS = FIXTURE.with_name("kpis_dates.csv")
LABEL = FIXTURE.with_name("label_bronze.yaml")


def test_kpi_evaluate_store_keeps_the_evaluation_and_its_label_check(url):
    from grappe.io.assess import read_kpis, read_label
    from grappe.registry.evaluations import load_evaluation
    from grappe.roadmap import check_label, evaluate_kpis

    result = CliRunner().invoke(app, [
        "kpi", "evaluate", str(KPIS), "--period", "2023", "--label", str(LABEL),
        "--on", "2024-06-30", "--store", "--cluster", "dates", "--database", url,
    ])  # fmt: skip
    assert result.exit_code in (0, 2), result.output  # 2: the label is not met
    assert "Stored evaluation 1 of cluster 'dates'" in result.output
    expected = evaluate_kpis(read_kpis(KPIS), period="2023")
    check = check_label(read_label(LABEL), expected, on=dt.date(2024, 6, 30))
    sessions = connect(url)
    with session_scope(sessions) as session:
        stored = load_evaluation(session, 1)
    sessions.kw["bind"].dispose()
    assert (stored.cluster_id, stored.date) == ("dates", dt.date(2024, 6, 30))
    assert stored.evaluation.period == "2023"
    pd.testing.assert_frame_equal(
        stored.evaluation.table.reset_index(drop=True),
        expected.table.reset_index(drop=True),
        check_dtype=False,
    )
    assert stored.label_check.holds == check.holds
    assert stored.label_check.reasons == check.reasons


def test_kpi_evaluate_store_needs_a_cluster_and_stores_nothing_without(url):
    result = CliRunner().invoke(app, ["kpi", "evaluate", str(KPIS), "--store", "--database", url])
    assert result.exit_code == 1
    assert "needs '--cluster'" in result.output and "Traceback" not in result.output
    ghost = CliRunner().invoke(app, [
        "kpi", "evaluate", str(KPIS), "--store", "--cluster", "ghost", "--database", url,
    ])  # fmt: skip
    assert ghost.exit_code == 1 and "ghost" in ghost.output
    assert "Traceback" not in ghost.output
