"""Schemathesis against the published OpenAPI document: no request may cause a server error.

Every operation of the document (reads and writes: GET, POST, PUT, PATCH, DELETE) gets a bounded
number of generated requests, valid and invalid, anonymous and with the admin token, and — with
fewer examples — with the manager and analyst tokens (their 403 paths), on a fresh database
holding the synthetic toy registry (SQLite, and PostgreSQL when configured). The operations are
driven with Hypothesis directly rather than through schemathesis' pytest plugin, so that each
test gets its own fresh app. Examples are drawn deterministically (``derandomize``), so a
commit's verdict does not depend on luck; a longer local run (``GRAPPE_FUZZ_EXAMPLES=40``) explores
more.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

EXAMPLES = int(os.environ.get("GRAPPE_FUZZ_EXAMPLES", "5"))
METHODS = {"get", "put", "post", "delete", "patch"}


def _fuzz(client, headers, *, examples=EXAMPLES):
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    document = client.get("/api/v1/openapi.json").json()
    every = {(m.upper(), p) for p, ops in document["paths"].items() for m in ops if m in METHODS}
    assert {(op.method.upper(), op.path) for op in operations} == every
    assert {m for m, _ in every} == {"GET", "PUT", "POST", "DELETE", "PATCH"}
    called = 0
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=examples,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def run(case):
                nonlocal called
                called += 1
                case.call_and_validate(headers=headers, checks=[not_a_server_error])

            try:
                run()
            except Unsatisfiable:
                # An operation without constrained inputs has no invalid request to make.
                if mode is GenerationMode.POSITIVE:
                    raise
    assert called >= len(operations) * examples
    return called


@pytest.mark.slow
def test_no_server_error_anonymous(populated):
    client, _ = populated
    _fuzz(client, {})


@pytest.mark.slow
def test_no_server_error_as_admin(populated):
    client, tokens = populated
    _fuzz(client, tokens["admin"])


@pytest.mark.slow
@pytest.mark.parametrize("role", ["mgr", "ana"])
def test_no_server_error_as_manager_or_analyst(populated, role):
    client, tokens = populated
    _fuzz(client, tokens[role], examples=max(2, EXAMPLES // 2))
