"""Migration 0010 (``clusters.public_sections``): up and down on SQLite and PostgreSQL with rows
stored before it — clusters get the sections their profile showed, and nothing that depends on a
cluster (memberships, KPIs) is lost on the way; the models match the schema at the head."""

from __future__ import annotations

import datetime as dt
import json

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from grappe.registry import repositories as repo
from grappe.registry import upgrade
from grappe.registry.database import downgrade
from grappe.registry.models import Base, Cluster
from grappe.vocabulary import DEFAULT_PUBLIC_SECTIONS


def _columns(engine):
    return {c["name"] for c in inspect(engine).get_columns("clusters")}


def _counts(engine):
    with engine.connect() as conn:
        return tuple(
            conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("clusters", "memberships", "kpis")
        )


def test_migration_0010_up_and_down_with_rows(empty_engine):
    engine = empty_engine
    upgrade(engine, revision="0009")
    assert "public_sections" not in _columns(engine)
    with engine.begin() as conn:
        for statement in (
            "INSERT INTO clusters (id, name_en, published, updated_at) "
            "VALUES ('c', 'C', true, :at), ('d', 'D', false, :at)",
            "INSERT INTO actors (id, name) VALUES ('a', 'A')",
            "INSERT INTO memberships (cluster_id, actor_id) VALUES ('c', 'a')",
            "INSERT INTO kpis (cluster_id, name, year, period, value) "
            "VALUES ('c', 'members', 2024, '2024-Q1', 12)",
        ):
            conn.execute(text(statement), {"at": dt.datetime(2026, 1, 1)})
    before = _counts(engine)
    upgrade(engine, revision="0010")
    assert "public_sections" in _columns(engine)
    assert _counts(engine) == before == (2, 1, 1)
    # rows stored before get what their profile showed (read in SQL: the models are those of
    # the head, whose later columns of clusters, 0019's export_products, 0010 does not have)
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT public_sections FROM clusters WHERE id = 'c'"))
        value = stored.scalar()
    assert (value if isinstance(value, list) else json.loads(value)) == list(
        DEFAULT_PUBLIC_SECTIONS
    )
    upgrade(engine)  # a choice is stored and read back (at the head, through the models)
    with Session(engine) as s, s.begin():
        assert s.get(Cluster, "c").public_sections == list(DEFAULT_PUBLIC_SECTIONS)
        repo.update_cluster(s, "d", {"public_sections": ["swot", "network"]}, who="t")
        repo.create_cluster(s, {"id": "e", "name_en": "E"}, who="t")
    with Session(engine) as s:
        assert s.get(Cluster, "d").public_sections == ["network", "swot"]
        assert s.get(Cluster, "e").public_sections == list(DEFAULT_PUBLIC_SECTIONS)
    upgrade(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    downgrade(engine, revision="0009")
    assert "public_sections" not in _columns(engine)
    assert _counts(engine) == (3, 1, 1)  # the memberships and KPIs are kept
    upgrade(engine)  # and up again
    with Session(engine) as s:
        assert s.get(Cluster, "d").public_sections == list(DEFAULT_PUBLIC_SECTIONS)
