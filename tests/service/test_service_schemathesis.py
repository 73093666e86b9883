"""Schemathesis against the published OpenAPI document: no request may cause a server error.

A bounded number of examples per operation (valid and invalid inputs), anonymous and as an
admin, on a fresh database holding the synthetic toy registry (SQLite, and PostgreSQL when
configured). The operations are driven with Hypothesis directly rather than through
schemathesis' pytest plugin, so that each test gets its own fresh app.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

EXAMPLES = 5


def _fuzz(client, headers):
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def run(case):
                case.call_and_validate(headers=headers, checks=[not_a_server_error])

            try:
                run()
            except Unsatisfiable:
                # An operation without constrained inputs has no invalid request to make.
                if mode is GenerationMode.POSITIVE:
                    raise


@pytest.mark.slow
def test_no_server_error_anonymous(populated):
    client, _ = populated
    _fuzz(client, {})


@pytest.mark.slow
def test_no_server_error_as_admin(populated):
    client, tokens = populated
    _fuzz(client, tokens["admin"])
