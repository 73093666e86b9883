"""Engines, sessions and schema migrations of the registry.

The schema is owned by the Alembic migrations in ``grappe/registry/migrations``;
:func:`upgrade` brings any database (an embedded SQLite file by default, or PostgreSQL) to the
latest revision, and :func:`connect` does so before returning a session factory.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from grappe.errors import InvalidParameterError, RegistryUnavailableError

__all__ = [
    "MIGRATIONS",
    "POSTGRES_MAX_OVERFLOW",
    "POSTGRES_POOL_SIZE",
    "SQLITE_BUSY_TIMEOUT",
    "connect",
    "downgrade",
    "make_engine",
    "session_scope",
    "upgrade",
]

#: Folder of the Alembic migrations shipped with the package.
MIGRATIONS = Path(__file__).with_name("migrations")


def _check_url(url: str, func: str) -> str:
    if not isinstance(url, str) or not url:
        raise InvalidParameterError(
            f"The 'database_url' parameter of {func} must be a SQLAlchemy URL such as "
            f"'sqlite:///grappe.sqlite' or 'postgresql+psycopg://…'. Got {url!r} instead."
        )
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise InvalidParameterError(
            f"The 'database_url' parameter of {func} must be a SQLAlchemy URL such as "
            f"'sqlite:///grappe.sqlite'. Got {url!r} instead."
        ) from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise InvalidParameterError(
            f"The 'database_url' parameter of {func} must name a SQLite or PostgreSQL "
            f"database. Got {url!r} instead."
        )
    return url


#: How long (seconds) a SQLite connection waits for another process's write lock before failing.
SQLITE_BUSY_TIMEOUT = 30

#: Connections kept open per process (per uvicorn worker) on PostgreSQL, and the extra ones
#: opened for a burst. The service admits a bounded number of requests at once per process
#: (``RequestLimits.max_in_flight``, 8 by default), so 10 + 10 covers it with room for the
#: background import jobs; N workers open at most N × 20 connections (PostgreSQL's default
#: ``max_connections`` is 100).
POSTGRES_POOL_SIZE = 10
POSTGRES_MAX_OVERFLOW = 10


def make_engine(database_url: str) -> Engine:
    """Create an engine; SQLite gets foreign keys, a busy timeout and, for files, WAL mode.

    Every SQLite connection enforces foreign keys and waits up to :data:`SQLITE_BUSY_TIMEOUT`
    seconds for a lock held by another connection. A SQLite *file* is switched to
    write-ahead logging (``journal_mode=WAL``, persistent in the file): readers in several
    processes (``grappe serve --workers N``) then never wait for a writer nor block it; only
    writers wait for each other. WAL needs the database on a local disk (not a network share)
    and a writable folder (SQLite keeps ``-wal`` and ``-shm`` files beside it). An in-memory
    database keeps its ``memory`` journal. PostgreSQL engines keep :data:`POSTGRES_POOL_SIZE`
    connections per process and check them before use.

    Parameters
    ----------
    database_url : str
        SQLAlchemy URL (``sqlite:///path.sqlite``, ``postgresql+psycopg://user@host/db``).

    Returns
    -------
    sqlalchemy.Engine

    Raises
    ------
    InvalidParameterError
        If the URL is not a SQLite or PostgreSQL URL.

    Examples
    --------
    >>> make_engine("sqlite://").dialect.name
    'sqlite'
    """
    _check_url(database_url, "make_engine")
    if database_url.startswith("sqlite"):
        engine = create_engine(database_url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
        in_memory = make_url(database_url).database in (None, "", ":memory:")

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT * 1000}")
            if not in_memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    return create_engine(
        database_url,
        pool_pre_ping=True,
        pool_size=POSTGRES_POOL_SIZE,
        max_overflow=POSTGRES_MAX_OVERFLOW,
    )


def upgrade(engine: Engine, *, revision: str = "head") -> None:
    """Apply the Alembic migrations up to ``revision`` (``"head"`` by default).

    Notes
    -----
    Alembic is configured in code (no ``alembic.ini``), with the migrations folder shipped in the
    package, so an installed grappe can migrate its own database.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, *, revision: str) -> None:
    """Undo the Alembic migrations down to ``revision`` (e.g. ``"0004"``, or ``"base"``).

    Every migration of grappe has a downgrade that keeps the rows an older grappe can hold,
    tested with rows on SQLite and PostgreSQL, so that an upgrade can be rolled back.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def connect(database_url: str, *, migrate: bool = True) -> sessionmaker[Session]:
    """Engine + session factory for ``database_url``, migrated to the latest schema.

    Examples
    --------
    >>> factory = connect("sqlite://")
    >>> with factory() as session:
    ...     session.bind.dialect.name
    'sqlite'
    """
    check_database_target(database_url)
    engine = make_engine(database_url)
    if migrate:
        try:
            upgrade(engine)
        except OperationalError as exc:
            engine.dispose()
            shown = make_url(database_url).render_as_string(hide_password=True)
            raise RegistryUnavailableError(
                f"cannot open the registry database {shown!r}: {exc.orig} — check that the "
                "server runs and accepts this user, or that an SQLite file's folder exists and "
                "is writable."
            ) from None
    return sessionmaker(engine, expire_on_commit=False)


def check_database_target(database_url: str) -> None:
    """Refuse, before any work, an SQLite file that is a folder, a device or unwritable.

    Other databases are checked when connecting (:func:`connect`).

    Raises
    ------
    OutputError
        The SQLite path is a folder, a device, a FIFO, or in a read-only folder.
    """
    from grappe.io.output import check_output

    try:
        url = make_url(database_url)
    except ArgumentError:
        return  # make_engine explains a malformed URL
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        check_output(url.database, regular_file=True)


@contextlib.contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session in one transaction: committed on success, rolled back on any error."""
    with factory() as session, session.begin():
        yield session
