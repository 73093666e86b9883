"""Migration 0005 (domain vocabularies): stage words mapped and given back, KPI periods, member
events; up and down on SQLite and PostgreSQL with rows present."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from grappe.registry import upgrade
from grappe.registry.database import downgrade
from grappe.registry.models import Base
from grappe.vocabulary import STAGES

OLD_STAGES = {"a": "emergence", "b": "growth", "c": "sustainment", "d": "decline", "e": "renewal",
              "f": None}  # fmt: skip


def _fill_0004(engine):
    with engine.begin() as conn:
        for cid, stage in OLD_STAGES.items():
            conn.execute(
                text(
                    "INSERT INTO clusters (id, name_en, stage, published, updated_at) "
                    "VALUES (:id, :id, :stage, false, :at)"
                ),
                {"id": cid, "stage": stage, "at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},
            )
        for year, value in ((2023, 10.0), (2024, 12.0)):
            conn.execute(
                text(
                    "INSERT INTO kpis (cluster_id, name, year, value) "
                    "VALUES ('a', 'members', :y, :v)"
                ),
                {"y": year, "v": value},
            )


def _stages(conn):
    return dict(conn.execute(text("SELECT id, stage FROM clusters")).all())


def test_stage_words_mapped_up_and_given_back_down(empty_engine):
    engine = empty_engine
    upgrade(engine, revision="0004")
    _fill_0004(engine)
    upgrade(engine, revision="0005")
    with engine.connect() as conn:
        stages = _stages(conn)
        assert stages == {"a": "emergence", "b": "growth", "c": "maturity", "d": "decline",
                          "e": "growth", "f": None}  # fmt: skip
        assert set(filter(None, stages.values())) <= set(STAGES)
        audit = conn.execute(
            text("SELECT resource_id, action FROM audit_log WHERE who = 'migration 0005'")
        ).all()
        assert sorted(audit) == [("c", "migrate"), ("e", "migrate")]
        kpis = conn.execute(text("SELECT year, period FROM kpis ORDER BY year")).all()
        assert [tuple(r) for r in kpis] == [(2023, "2023"), (2024, "2024")]
        assert "member_events" in inspect(conn).get_table_names()
    with engine.begin() as conn:  # rows the old schema cannot hold
        conn.execute(
            text(
                "INSERT INTO kpis (cluster_id, name, year, period, value) VALUES "
                "('a', 'members', 2025, '2025-Q1', 13), ('a', 'members', 2025, '2025-Q2', 14), "
                "('a', 'members', 2024, '2024-Q4', 11.5)"
            )
        )
        conn.execute(text("UPDATE clusters SET stage = 'undetermined' WHERE id = 'f'"))
        conn.execute(
            text(
                "INSERT INTO member_events (cluster_id, actor_id, kind, date) "
                "SELECT 'a', id, 'join', :d FROM actors"
            ),
            {"d": dt.date(2024, 1, 1)},
        )
    downgrade(engine, revision="0004")
    with engine.connect() as conn:
        assert _stages(conn) == OLD_STAGES  # renewal and sustainment given back exactly
        kpis = conn.execute(text("SELECT year, value FROM kpis ORDER BY year")).all()
        # one value per year: the whole-year value, else the latest period of the year
        assert [tuple(r) for r in kpis] == [(2023, 10.0), (2024, 12.0), (2025, 14.0)]
        assert "period" not in {c["name"] for c in inspect(conn).get_columns("kpis")}
        assert "member_events" not in inspect(conn).get_table_names()
        assert (
            conn.execute(
                text("SELECT count(*) FROM audit_log WHERE who = 'migration 0005'")
            ).scalar()
            == 0
        )
    upgrade(engine)  # and up again
    with engine.connect() as conn:
        assert _stages(conn)["e"] == "growth"
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() >= "0005"
        # at the head (later migrations follow 0005), the models and the schema agree
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
