"""A fresh database and app per page test (SQLite only: tests/registry and tests/service cover
PostgreSQL); see ``tests/_observatory_fixtures.py``."""

from _observatory_fixtures import install

install(globals(), ["sqlite"])
