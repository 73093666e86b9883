"""Fixtures of a fresh registry database and app per test, shared by ``tests/service`` and
``tests/web``: each conftest calls :func:`install` with the backends it runs on. Each test works
on a copy of a database prepared once per session (migrated, or migrated and holding the
synthetic toy registry of :mod:`grappe.service.testing`)."""

from __future__ import annotations

import contextlib
import os
from typing import Any

import pytest

from grappe.registry.testing import POSTGRES_ENV, fresh_database
from grappe.service.testing import random_token

#: Name of the admin token each test database holds.
TEST_ADMIN_NAME = "test admin"


def install(namespace: dict[str, Any], backends: list[str]) -> None:
    """Define the fixtures in a conftest's ``namespace`` for the given backends."""
    BACKENDS = backends

    def _settings(url):
        from grappe.service import Settings

        return Settings(database_url=url, environment="test")

    @pytest.fixture(scope="session")
    def admin_token():
        """A random admin token, stored in every test database (grappe has no built-in one)."""
        return random_token()

    @pytest.fixture(scope="session")
    def templates(tmp_path_factory, admin_token):
        """Backend → {"migrated": url, "populated": url, "tokens": headers}."""
        from fastapi.testclient import TestClient

        from grappe.registry import ensure_token, session_scope
        from grappe.service import create_app
        from grappe.service.testing import populate

        made = {}
        with contextlib.ExitStack() as stack:
            for backend in BACKENDS:
                if backend == "postgresql" and not os.environ.get(POSTGRES_ENV):
                    continue
                folder = tmp_path_factory.mktemp(f"templates-{backend}")
                migrated = stack.enter_context(fresh_database(backend, folder))
                app = create_app(_settings(migrated))  # migrates
                with session_scope(app.state.sessions) as session:
                    ensure_token(session, TEST_ADMIN_NAME, admin_token, role="admin")
                app.state.sessions.kw["bind"].dispose()
                populated = stack.enter_context(fresh_database(backend, folder, template=migrated))
                app = create_app(_settings(populated))
                with TestClient(app) as client:
                    tokens = populate(client, admin_token=admin_token)
                app.state.sessions.kw["bind"].dispose()
                made[backend] = {"migrated": migrated, "populated": populated, "tokens": tokens}
            yield made

    def _copy(request, tmp_path, templates, which):
        if request.param not in templates:
            pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (exported by .ci/run)")
        return fresh_database(request.param, tmp_path, template=templates[request.param][which])

    @pytest.fixture(params=BACKENDS)
    def database_url(request, tmp_path, templates):
        """URL of a new database at the latest schema (with the test admin token)."""
        with _copy(request, tmp_path, templates, "migrated") as url:
            yield url

    @pytest.fixture(params=BACKENDS)
    def populated_url(request, tmp_path, templates):
        """URL of a new database holding the synthetic toy registry; and the tokens' headers."""
        with _copy(request, tmp_path, templates, "populated") as url:
            yield url, templates[request.param]["tokens"]

    @pytest.fixture
    def sessions(database_url):
        """Session factory on the fresh database."""
        from grappe.registry import connect

        factory = connect(database_url)
        yield factory
        factory.kw["bind"].dispose()

    def _client(url):
        from fastapi.testclient import TestClient

        from grappe.service import create_app

        app = create_app(_settings(url))
        client = TestClient(app)
        client.__enter__()
        return app, client

    @pytest.fixture
    def app_and_client(database_url):
        app, client = _client(database_url)
        yield app, client
        client.__exit__(None, None, None)
        app.state.sessions.kw["bind"].dispose()

    @pytest.fixture
    def app(app_and_client):
        return app_and_client[0]

    @pytest.fixture
    def client(app_and_client):
        return app_and_client[1]

    @pytest.fixture
    def admin(admin_token):
        """Request headers of the test databases' admin token."""
        return {"Authorization": f"Bearer {admin_token}"}

    @pytest.fixture
    def populated_app(populated_url):
        url, tokens = populated_url
        app, client = _client(url)
        yield app, client, tokens
        client.__exit__(None, None, None)
        app.state.sessions.kw["bind"].dispose()

    @pytest.fixture
    def populated(populated_app):
        """The client on a fresh copy of the synthetic toy registry, and the tokens' headers."""
        _app, client, tokens = populated_app
        return client, tokens

    namespace.update(
        admin_token=admin_token,
        templates=templates,
        database_url=database_url,
        populated_url=populated_url,
        sessions=sessions,
        app_and_client=app_and_client,
        app=app,
        client=client,
        admin=admin,
        populated_app=populated_app,
        populated=populated,
    )
