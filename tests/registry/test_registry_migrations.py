"""Migration 0004 (audit before/after): up and down on SQLite and PostgreSQL, with entries
written before it; and the models match the migrated schema."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text

from grappe.registry import upgrade
from grappe.registry.database import MIGRATIONS, downgrade
from grappe.registry.models import AuditEntry, Base


#: The newest revision (the issue-13 branches each add one; the lead re-chains them at merge).
def _head() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return str(ScriptDirectory.from_config(config).get_current_head())


HEAD = _head()

AUDIT_COLUMNS = {"role", "token_id", "import_id", "before", "after"}


def _head():
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def _columns(engine):
    return {c["name"] for c in inspect(engine).get_columns("audit_log")}


def test_audit_migration_up_and_down_keeps_old_entries(empty_engine):
    engine = empty_engine
    upgrade(engine, revision="0003")
    assert not AUDIT_COLUMNS & _columns(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_log (at, who, action, resource, resource_id, details) "
                "VALUES (:at, 'ana', 'import', 'regions', '1', :details)"
            ),
            {"at": dt.datetime(2026, 11, 1, tzinfo=dt.UTC), "details": '{"updated": 1}'},
        )
    upgrade(engine)
    assert _columns(engine) >= AUDIT_COLUMNS
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    long_key = "k" * 250  # a tie's key may exceed the old 100 characters
    with engine.begin() as conn:
        old = conn.execute(select(AuditEntry)).one()
        assert (old.who, old.details, old.role, old.before, old.after, old.import_id) == (
            "ana", {"updated": 1}, None, None, None, None,
        )  # fmt: skip
        conn.execute(
            AuditEntry.__table__.insert().values(
                at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC), who="mgr", action="update",
                resource="tie", resource_id=long_key, role="manager", token_id=3, import_id=7,
                before={"strength": 1.0}, after={"strength": 2.0},
            )
        )  # fmt: skip
        new = conn.execute(select(AuditEntry).where(AuditEntry.who == "mgr")).one()
        assert (new.resource_id, new.before, new.after) == (long_key, {"strength": 1.0},
                                                            {"strength": 2.0})  # fmt: skip
    downgrade(engine, revision="0003")
    assert not AUDIT_COLUMNS & _columns(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT who, resource_id FROM audit_log ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [("ana", "1"), ("mgr", "k" * 100)]
    upgrade(engine)  # and up again
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == _head()
        assert conn.execute(select(AuditEntry.role).order_by(AuditEntry.id)).scalars().all() == [
            None, None,
        ]  # fmt: skip
