"""``grappe roadmap store``: a roadmap file validated by the one parser and stored in the
registry; read back equal to the file, audited once, and each error is one line with exit 1."""

from __future__ import annotations

from pathlib import Path

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
