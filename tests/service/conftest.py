"""A fresh database and app per test: SQLite always, PostgreSQL when GRAPPE_TEST_POSTGRES_URL is
set (see ``tests/_observatory_fixtures.py``)."""

from _observatory_fixtures import install

install(globals(), ["sqlite", "postgresql"])
