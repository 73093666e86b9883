"""A fresh database and app per page test (SQLite only: tests/registry and tests/service cover
PostgreSQL); see ``tests/_observatory_fixtures.py``."""

import pytest

from _observatory_fixtures import install

install(globals(), ["sqlite"])


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for a module of browser tests (see tests/web/_browser.py)."""
    from _browser import chromium

    with chromium() as launched:
        yield launched
