"""Shared test configuration.

Real datasets live in ``../shared/data`` beside the repository (as on CI). Tests that need
them take the ``shared_data`` fixture and are skipped, with a reason, when the folder is absent.
Set ``GRAPPE_SHARED_DATA`` to point elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# On CI (.ci/run sets GRAPPE_CI; most CI services set CI) hypothesis draws the same examples on
# every run, so that the verdict of a commit does not depend on the luck of the draw; locally
# it explores new examples each run and keeps any failure in its example database.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("GRAPPE_CI") or os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SHARED_DATA = Path(os.environ.get("GRAPPE_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path of ``../shared/data``; skips the test when it is not there."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real datasets not found at {SHARED_DATA} (set GRAPPE_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """Path of the small fixtures committed in ``tests/fixtures``."""
    return FIXTURES
