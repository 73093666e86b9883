"""Shared fixtures of the command-line tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def automotive_registry(tmp_path):
    """URL of a new SQLite registry holding one cluster, ``auto-mi`` (Automotive)."""
    from grappe.registry import connect, session_scope
    from grappe.registry import repositories as repo

    url = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    sessions = connect(url)
    with session_scope(sessions) as session:
        repo.create_cluster(session, {"id": "auto-mi", "name_en": "Automotive"}, who="test")
    sessions.kw["bind"].dispose()
    return url
