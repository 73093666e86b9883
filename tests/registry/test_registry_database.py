"""Engines: SQLite files in WAL mode with a busy timeout (several worker processes), pools."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from grappe.registry.database import (
    POSTGRES_MAX_OVERFLOW,
    POSTGRES_POOL_SIZE,
    SQLITE_BUSY_TIMEOUT,
    make_engine,
)
from grappe.registry.testing import fresh_database


def _pragmas(engine) -> tuple[str, int, int]:
    with engine.connect() as conn:
        return (
            conn.execute(text("PRAGMA journal_mode")).scalar(),
            conn.execute(text("PRAGMA busy_timeout")).scalar(),
            conn.execute(text("PRAGMA foreign_keys")).scalar(),
        )


def test_sqlite_file_is_in_wal_mode_with_a_busy_timeout(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'r.sqlite'}")
    assert _pragmas(engine) == ("wal", SQLITE_BUSY_TIMEOUT * 1000, 1)
    engine.dispose()
    # WAL is a property of the file: any other program opening it sees it too.
    with sqlite3.connect(tmp_path / "r.sqlite") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_in_memory_sqlite_keeps_its_memory_journal(url):
    engine = make_engine(url)
    assert _pragmas(engine) == ("memory", SQLITE_BUSY_TIMEOUT * 1000, 1)


def test_a_reader_does_not_block_a_writer_in_another_process(tmp_path):
    """In WAL mode a writer commits while a reader holds an open read transaction.

    In SQLite's default (rollback journal) mode the commit would wait for the reader to finish
    and fail after the busy timeout: here 0.2 s, on a connection outside the engine, as
    another worker process would be.
    """
    path = tmp_path / "r.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
    with engine.connect() as reader:
        reader.execute(text("BEGIN"))
        assert reader.execute(text("SELECT count(*) FROM t")).scalar() == 1
        with sqlite3.connect(path, timeout=0.2) as writer:  # another process's connection
            writer.execute("INSERT INTO t VALUES (2)")
        # The reader's transaction still sees its snapshot; a new one sees the write.
        assert reader.execute(text("SELECT count(*) FROM t")).scalar() == 1
        reader.execute(text("COMMIT"))
        assert reader.execute(text("SELECT count(*) FROM t")).scalar() == 2
    engine.dispose()


def test_copied_template_keeps_what_is_still_in_the_wal_file(tmp_path):
    """fresh_database copies with SQLite's backup: rows still in the -wal file are kept."""
    template = f"sqlite:///{tmp_path / 'template.sqlite'}"
    engine = make_engine(template)
    with engine.connect() as keep_open:  # an open connection: no checkpoint into the main file
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (name TEXT)"))
            conn.execute(text("INSERT INTO t VALUES ('Michigan')"))
        assert (tmp_path / "template.sqlite-wal").stat().st_size > 0
        with fresh_database("sqlite", tmp_path, template=template) as copy:
            copied = make_engine(copy)
            with copied.connect() as conn:
                assert conn.execute(text("SELECT name FROM t")).scalar() == "Michigan"
            copied.dispose()
        keep_open.rollback()
    engine.dispose()


def test_postgresql_pool_per_process():
    engine = make_engine("postgresql+psycopg://user@127.0.0.1:1/nowhere")  # never connected
    assert engine.pool.size() == POSTGRES_POOL_SIZE
    assert engine.pool._max_overflow == POSTGRES_MAX_OVERFLOW


def test_an_unreachable_database_is_a_clear_error_without_its_password():
    from grappe.errors import RegistryUnavailableError
    from grappe.registry.database import connect

    with pytest.raises(
        RegistryUnavailableError,
        match=r"cannot open the registry database 'postgresql\+psycopg://u:\*\*\*@127\.0\.0\.1:9/x'",
    ) as info:
        connect("postgresql+psycopg://u:secret@127.0.0.1:9/x")  # port 9: nothing listens
    assert "secret" not in str(info.value)


def test_an_sqlite_file_that_cannot_be_created_is_a_clear_error(tmp_path):
    from grappe.errors import OutputError
    from grappe.registry.database import connect

    with pytest.raises(OutputError, match=r"cannot write '.*': it is a folder"):
        connect(f"sqlite:///{tmp_path}")
    with pytest.raises(OutputError, match=r"permission denied"):
        connect("sqlite:////proc/self/no-such-folder/r.sqlite")  # not even root writes here
