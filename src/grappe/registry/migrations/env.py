"""Alembic environment: runs the migrations on the connection given by
:func:`grappe.registry.database.upgrade` (or on ``sqlalchemy.url`` from the command line)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from grappe.registry.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise SystemExit("alembic: set sqlalchemy.url, or migrate with grappe.registry.upgrade()")
    engine = create_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
