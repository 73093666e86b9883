"""Fresh registry database per test: SQLite always, PostgreSQL when GRAPPE_TEST_POSTGRES_URL is
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


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_sessions(request, tmp_path_factory, migrated_templates):
    """Session factory on one copy of the migrated database per backend for a whole test module
    (a copy per test costs a second or more on PostgreSQL), holding what the module's
    ``module_data(session)`` adds, committed once. Its tests use :func:`rolled_back`."""
    from grappe.registry import connect

    if request.param not in migrated_templates:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (exported by .ci/run)")
    folder = tmp_path_factory.mktemp("module")
    with fresh_database(request.param, folder, template=migrated_templates[request.param]) as url:
        factory = connect(url)
        with factory() as session:
            request.module.module_data(session)
            session.commit()
        yield factory
        factory.kw["bind"].dispose()


@pytest.fixture
def rolled_back(module_sessions):
    """A session on the module's database (:func:`module_sessions`); what the test writes
    (flushed, never committed: the registry's functions do not commit) is rolled back after
    it, so that each test starts from the module's data."""
    with module_sessions() as session:
        yield session
        session.rollback()


@pytest.fixture(params=["sqlite", "postgresql"])
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


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_engine(request, tmp_path):
    """Engine of a new, empty database (no migration applied), on each backend: for the tests
    of the migrations up and down."""
    from grappe.registry import make_engine

    if request.param == "postgresql" and not os.environ.get(POSTGRES_ENV):
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (exported by .ci/run)")
    with fresh_database(request.param, tmp_path) as url:
        engine = make_engine(url)
        yield engine
        engine.dispose()
