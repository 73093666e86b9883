"""Helpers for tests of code that uses the registry: a fresh database per test.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp, fresh_database("sqlite", tmp) as url:
...     url.startswith("sqlite:///")
True
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from grappe._validation import check_option
from grappe.errors import InvalidParameterError
from grappe.registry.models import Base

__all__ = ["POSTGRES_ENV", "fresh_database", "in_session", "table_counts", "table_snapshot"]

#: Environment variable naming a PostgreSQL server URL for tests
#: (e.g. ``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``).
POSTGRES_ENV = "GRAPPE_TEST_POSTGRES_URL"


#: What :func:`in_session` returns: the result of its work.
T = TypeVar("T")


def _copy_sqlite(source: str, target: Path) -> None:
    # SQLite's online backup, not a file copy: a database in WAL mode may still hold committed
    # pages in its -wal file, which a copy of the main file alone would lose.
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


@contextlib.contextmanager
def fresh_database(
    backend: str, directory: str | os.PathLike[str], *, template: str | None = None
) -> Iterator[str]:
    """URL of a new database, dropped afterwards: empty, or a copy of ``template``.

    Parameters
    ----------
    backend : {"sqlite", "postgresql"}
        SQLite: a new file in ``directory``. PostgreSQL: a new database on the server of
        :data:`POSTGRES_ENV`.
    directory : path
        Folder for the SQLite file.
    template : str, optional
        URL of a database of the same backend to copy (e.g. one already migrated, so that each
        test does not pay for the migrations): the SQLite file is copied, the PostgreSQL
        database is created ``TEMPLATE`` it.

    Raises
    ------
    InvalidParameterError
        Unknown backend, or PostgreSQL without :data:`POSTGRES_ENV` set.
    """
    check_option(backend, "backend", ("sqlite", "postgresql"), func="fresh_database")
    if backend == "sqlite":
        path = Path(directory) / f"registry-{uuid.uuid4().hex[:8]}.sqlite"
        if template is not None:
            _copy_sqlite(str(make_url(template).database), path)
        yield f"sqlite:///{path}"
        return
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        raise InvalidParameterError(
            "The 'backend' parameter of fresh_database can be 'postgresql' only when "
            f"{POSTGRES_ENV} names a server. Got 'postgresql' instead with the variable unset."
        )
    name = f"grappe_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        clause = f' TEMPLATE "{make_url(template).database}"' if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def table_counts(session: Session) -> dict[str, int]:
    """Rows per table of the registry."""
    return {
        name: int(session.scalar(select(func.count()).select_from(table)) or 0)
        for name, table in Base.metadata.tables.items()
    }


def table_snapshot(session: Session) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted: compare two snapshots to prove nothing changed."""
    out = {}
    for name, table in Base.metadata.tables.items():
        rows = session.execute(select(table)).all()
        out[name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def in_session(url: str, work: Callable[[Session], T]) -> T:
    """``work(session)`` in one committed transaction of the registry at ``url``, its engine
    disposed after (tests that look into a database a command wrote)."""
    from grappe.registry.database import connect, session_scope

    sessions = connect(url)
    try:
        with session_scope(sessions) as session:
            return work(session)
    finally:
        sessions.kw["bind"].dispose()
