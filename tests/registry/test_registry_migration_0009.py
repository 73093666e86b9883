"""Migration 0009 (web users, invitations, sessions): up and down on SQLite and PostgreSQL with
rows, the models equal to the schema at the head, and the rows written before it kept."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from grappe.registry import upgrade
from grappe.registry.database import downgrade
from grappe.registry.models import Base
from grappe.registry.users import accept_invitation, invite, open_session

NEW_TABLES = {"users", "user_clusters", "invitations", "web_sessions"}


def test_web_users_migration_up_and_down_with_rows(empty_engine):
    engine = empty_engine
    upgrade(engine, revision="0008")
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO clusters (id, name_en, published, updated_at) "
                          "VALUES ('cu-25', 'Copperware Constantine', true, :t)"),
                     {"t": dt.datetime(2026, 12, 1, tzinfo=dt.UTC)})  # fmt: skip
        conn.execute(text("INSERT INTO actors (id, name) VALUES ('bey', 'Dinanderie Bey')"))
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= NEW_TABLES
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    with Session(engine) as session, session.begin():
        _, token = invite(session, "cli", email="Nadia@Crafts.dz", role="manager",
                          display_name="Nadia", clusters=["cu-25"])  # fmt: skip
        user = accept_invitation(session, token, "copper and brass 2026")
        open_session(session, user.id)
        invite(session, "cli", email="bey@crafts.dz", role="member", display_name="Bey",
               actor="bey")  # fmt: skip
    with engine.connect() as conn:
        assert conn.execute(text("SELECT email, role FROM users")).all() == [
            ("nadia@crafts.dz", "manager")
        ]
        assert conn.execute(text("SELECT cluster_id FROM user_clusters")).scalars().all() == [
            "cu-25"
        ]
        assert conn.execute(text("SELECT count(*) FROM web_sessions")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM invitations")).scalar() == 2
    downgrade(engine, revision="0008")
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM actors")).scalars().all() == ["Dinanderie Bey"]
        assert conn.execute(text("SELECT id FROM clusters")).scalars().all() == ["cu-25"]
    upgrade(engine)  # and up again
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM users")).scalar() == 0
