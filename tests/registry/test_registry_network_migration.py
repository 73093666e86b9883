"""Migration 0006 (network waves): up and down on SQLite and PostgreSQL with the ties stored
before it kept, and the models match the migrated schema."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from grappe.registry import upgrade
from grappe.registry.database import downgrade
from grappe.registry.models import Base
from grappe.registry.repositories import list_ties

NEW_TABLES = {"survey_waves", "cluster_networks", "network_diagnoses"}
NEW_TIE_COLUMNS = {"cluster_id", "wave_id", "directed", "respondent", "origin", "deleted_at"}


def _run(conn, *statements, **params):
    for sql in statements:
        conn.execute(text(sql), params)


def _old_rows(conn):
    _run(
        conn,
        "INSERT INTO clusters (id, name_en, published, updated_at) VALUES ('c', 'C', true, :at)",
        "INSERT INTO actors (id, name, sphere, level) VALUES ('a', 'A', 'enterprise', 'local'),"
        " ('b', 'B', 'university', 'local')",
        "INSERT INTO memberships (cluster_id, actor_id) VALUES ('c', 'a'), ('c', 'b')",
        at=dt.datetime(2026, 1, 1),
    )
    _run(
        conn,
        "INSERT INTO ties (source, target, type, strength) VALUES ('a', 'b', 'information', 2)",
    )


def test_network_migration_up_and_down_keeps_existing_ties(empty_engine):
    engine = empty_engine
    upgrade(engine, revision="0004")
    with engine.begin() as conn:
        _old_rows(conn)
    upgrade(engine, revision="0006")
    assert set(inspect(engine).get_table_names()) >= NEW_TABLES
    assert {c["name"] for c in inspect(engine).get_columns("ties")} >= NEW_TIE_COLUMNS
    with engine.connect() as conn:
        # the schema as a whole is compared with the models at the head, below
        old = conn.execute(text("SELECT cluster_id, wave_id, directed, reports, strength, "
                                "deleted_at FROM ties")).one()  # fmt: skip
    # Decision: a tie stored before waves is of no wave (every wave) and of no cluster (every
    # cluster holding both ends), so that what the observatory showed does not change.
    assert tuple(old) == (None, None, True, 1, 2.0, None)
    upgrade(engine)  # the ORM below maps the models of the head (later columns of clusters)
    with Session(engine) as s:
        rows, count = list_ties(s, cluster="c")
        assert count == 1 and rows[0].strength == 2.0
        from grappe.registry.networks import load_network

        net = load_network(s, "c")
        assert len(net.ties) == 1 and net.waves == ()
    with engine.begin() as conn:  # the same tie in two waves, and one soft-deleted, unrated
        _run(
            conn,
            "INSERT INTO survey_waves (cluster_id, label, created_by, created_at) "
            "VALUES ('c', '2024', 't', :at)",
            at=dt.datetime(2026, 1, 1),
        )
        wave = conn.execute(text("SELECT id FROM survey_waves")).scalar()
        conn.execute(text("INSERT INTO ties (source, target, type, strength, cluster_id, wave_id,"
                          " respondent) VALUES ('a', 'b', 'information', NULL, 'c', :w, "
                          "'R-0123456789')"), {"w": wave})  # fmt: skip
        _run(
            conn,
            "INSERT INTO ties (source, target, type, strength, deleted_at) "
            "VALUES ('b', 'a', 'trust', 1.0, :at)",
            at=dt.datetime(2026, 2, 1),
        )
    downgrade(engine, revision="0004")
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    assert not NEW_TIE_COLUMNS & {c["name"] for c in inspect(engine).get_columns("ties")}
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT source, target, type, strength FROM ties")).all()
    assert [tuple(r) for r in rows] == [("a", "b", "information", 2.0)]  # the oldest kept
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM memberships")).scalar() == 2
        assert conn.execute(text("SELECT count(*) FROM actors")).scalar() == 2
    upgrade(engine)  # and up again
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ties")).scalar() == 1
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
