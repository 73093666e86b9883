"""Pages are tested on SQLite (the registry and API tests cover PostgreSQL): a fresh app per test.
set. Each test gets a copy of a database migrated once per session."""

from __future__ import annotations

import os

import pytest

from grappe.registry.testing import POSTGRES_ENV, fresh_database


@pytest.fixture(scope="session")
def migrated_templates(tmp_path_factory):
    """Backend → URL of a database migrated to the latest schema (copied by each test)."""
    from grappe.registry import make_engine, upgrade

    made = {}
    stack = []
    for backend in ("sqlite", "postgresql"):
        if backend == "postgresql" and not os.environ.get(POSTGRES_ENV):
            continue
        ctx = fresh_database(backend, tmp_path_factory.mktemp("template"))
        url = ctx.__enter__()
        stack.append(ctx)
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        made[backend] = url
    yield made
    for ctx in reversed(stack):
        ctx.__exit__(None, None, None)


@pytest.fixture(params=["sqlite"])
def database_url(request, tmp_path, migrated_templates):
    """URL of a new database at the latest schema, on each backend."""
    if request.param not in migrated_templates:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (exported by .ci/run)")
    with fresh_database(request.param, tmp_path, template=migrated_templates[request.param]) as url:
        yield url


@pytest.fixture
def sessions(database_url):
    """Session factory on the fresh database."""
    from grappe.registry import connect

    factory = connect(database_url)
    yield factory
    factory.kw["bind"].dispose()



@pytest.fixture
def app(database_url):
    from grappe.service import Settings, create_app
    from grappe.service.testing import TEST_ADMIN_TOKEN

    return create_app(
        Settings(database_url=database_url, environment="test", admin_token=TEST_ADMIN_TOKEN)
    )


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c
    app.state.sessions.kw["bind"].dispose()


@pytest.fixture
def admin():
    from grappe.service.testing import TEST_ADMIN_TOKEN

    return {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}


@pytest.fixture
def populated(client):
    """The client on a database holding the synthetic toy registry, and the tokens' headers."""
    from grappe.service.testing import populate

    return client, populate(client)
