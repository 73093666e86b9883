"""Matchmaking and reports in the registry: migration 0008 up and down with rows on SQLite and
PostgreSQL; needs, capabilities and runs stored and read back as the kernel's tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import inspect, text

from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io.assess import read_capabilities, read_needs
from grappe.matchmaking import match
from grappe.registry import matchmaking as mm
from grappe.registry import session_scope, upgrade
from grappe.registry.database import downgrade
from grappe.registry.models import Cluster
from grappe.registry.permissions import Access

FIXTURES = Path(__file__).parents[1] / "fixtures" / "matchmaking"
NEW_TABLES = {"match_needs", "match_capabilities", "match_runs", "cluster_reports", "report_files"}
WHO = Access.local("test")


def test_migration_up_and_down_with_rows(empty_engine):
    engine = empty_engine
    upgrade(engine, revision="0004")
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clusters (id, name_en, published, updated_at) "
                "VALUES ('c1', 'C one', true, :at)"
            ),
            {"at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},
        )
    upgrade(engine, revision="0008")
    assert set(inspect(engine).get_table_names()) >= NEW_TABLES
    at = dt.datetime(2026, 12, 3, tzinfo=dt.UTC)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO match_needs (cluster_id, need_id, firm, processes, materials, "
                "certifications, capacity, lat, lon, cluster_code, updated_by, updated_at) "
                "VALUES ('c1', 'N1', 'Big', '[\"weld\"]', '[]', '[]', NULL, 36.7, 3.1, NULL, "
                "'t', :at)"
            ),
            {"at": at},
        )
        conn.execute(
            text(
                "INSERT INTO cluster_reports (cluster_id, status, languages, formats, done, "
                "total, created_by, created_at) VALUES ('c1', 'succeeded', '[\"fr\"]', "
                "'[\"html\"]', 2, 2, 't', :at)"
            ),
            {"at": at},
        )
        rid = conn.execute(text("SELECT id FROM cluster_reports")).scalar()
        conn.execute(
            text(
                "INSERT INTO report_files (report_id, lang, format, sha256, size, content) "
                "VALUES (:rid, 'fr', 'html', :sha, 3, :content)"
            ),
            {"rid": rid, "sha": "0" * 64, "content": b"<p>"},
        )
    with engine.connect() as conn:
        assert conn.execute(text("SELECT content FROM report_files")).scalar() == b"<p>"
        assert conn.execute(text("SELECT firm FROM match_needs")).scalar() == "Big"
    # a row written after 0008 in an older table survives the downgrade
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clusters (id, name_en, published, updated_at) "
                "VALUES ('c2', 'C two', true, :at)"
            ),
            {"at": at},
        )
    downgrade(engine, revision="0004")
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    with engine.connect() as conn:  # the rest is kept
        ids = conn.execute(text("SELECT id FROM clusters ORDER BY id")).scalars().all()
        assert ids == ["c1", "c2"]
    upgrade(engine)  # and up again, empty
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM match_needs")).scalar() == 0


def _cluster(session, cid="c1"):
    session.add(Cluster(id=cid, name_en=cid, published=True))
    session.flush()


def _store_fixtures(session):
    for side, reader, name in (
        ("needs", read_needs, "needs.csv"),
        ("capabilities", read_capabilities, "capabilities.csv"),
    ):
        for row in reader(FIXTURES / name).to_dict(orient="records"):
            mm.create_record(session, "c1", side, row, who=WHO)


def test_records_round_trip_to_the_kernel_tables(sessions):
    with session_scope(sessions) as session:
        _cluster(session)
        _store_fixtures(session)
    with session_scope(sessions) as session:
        for side, reader, name in (
            ("needs", read_needs, "needs.csv"),
            ("capabilities", read_capabilities, "capabilities.csv"),
        ):
            stored = mm.firm_table(session, "c1", side)
            from_file = reader(FIXTURES / name)
            key = stored.columns[0]
            stored = stored.sort_values(key).reset_index(drop=True)
            from_file = from_file.sort_values(key).reset_index(drop=True)
            for col in ("processes", "materials", "certifications"):
                assert stored[col].map(";".join).tolist() == from_file[col].tolist()
            for col in ("capacity", "lat", "lon"):
                pd.testing.assert_series_equal(stored[col], from_file[col], check_dtype=False)
            assert stored["cluster"].tolist() == from_file["cluster"].tolist()
        run = mm.run_matches(session, "c1", who=WHO, top=None)
        expected = match(
            read_needs(FIXTURES / "needs.csv"),
            read_capabilities(FIXTURES / "capabilities.csv"),
            top=None,
        )
        got = pd.DataFrame(run.matches)
        assert (
            got[["need_id", "firm_id", "rank"]].values.tolist()
            == expected[["need_id", "firm_id", "rank"]].values.tolist()
        )
        assert got["score"].tolist() == pytest.approx(expected["score"].tolist())
        run_id = run.id
    with session_scope(sessions) as session:
        again = mm.get_run(session, "c1", run_id)
        assert again.matches == run.matches and again.parameters["top"] is None
        assert [r.id for r in mm.list_runs(session, "c1")] == [run_id]


def test_registry_errors(sessions):
    with session_scope(sessions) as session:
        _cluster(session)
        with pytest.raises(NotFoundError, match="No cluster with id 'nowhere'"):
            mm.create_record(session, "nowhere", "needs", {}, who=WHO)
        with pytest.raises(InvalidParameterError, match="'side' parameter of create_record"):
            mm.create_record(session, "c1", "offers", {}, who=WHO)
        with pytest.raises(DataValidationError, match="The id is empty"):
            mm.create_record(session, "c1", "needs", {"firm": "B", "lat": 1, "lon": 1}, who=WHO)
        mm.create_record(
            session, "c1", "needs", {"need_id": "N1", "firm": "B", "lat": 1, "lon": 1}, who=WHO
        )
        with pytest.raises(InvalidParameterError, match="the id 'need_id' cannot change"):
            mm.update_record(session, "c1", "needs", "N1", {"need_id": "N2"}, who=WHO)
        with pytest.raises(InvalidParameterError, match=r"Got \['colour'\] instead"):
            mm.update_record(session, "c1", "needs", "N1", {"colour": "red"}, who=WHO)
        with pytest.raises(NotFoundError, match="has no need with id 'N2'"):
            mm.delete_record(session, "c1", "needs", "N2", who=WHO)
        with pytest.raises(InvalidParameterError, match="has no capabilities to match"):
            mm.run_matches(session, "c1", who=WHO)
        with pytest.raises(NotFoundError, match="has no match run 5"):
            mm.get_run(session, "c1", 5)
        with pytest.raises(NotFoundError, match="No cluster with id 'nowhere'"):
            mm.store_run(
                session, "nowhere", pd.DataFrame(), parameters={}, needs=0, capabilities=0, who=WHO
            )
