"""The observatory's registry: clusters, regions, actors, ties, indicators, KPIs, evaluations.

SQLAlchemy 2 models (:mod:`~grappe.registry.models`), Alembic migrations, repositories (reads
and audited writes), hashed API tokens and all-or-nothing import jobs. An embedded SQLite file by
default; PostgreSQL is supported.
"""

from __future__ import annotations

from grappe.registry.database import connect, make_engine, session_scope, upgrade
from grappe.registry.imports import IMPORT_KINDS, ImportReport, import_table
from grappe.registry.tokens import (
    create_token,
    ensure_admin_token,
    ensure_token,
    list_tokens,
    revoke_token,
    verify_token,
)

__all__ = [
    "IMPORT_KINDS",
    "ImportReport",
    "connect",
    "create_token",
    "ensure_admin_token",
    "ensure_token",
    "import_table",
    "list_tokens",
    "make_engine",
    "revoke_token",
    "session_scope",
    "upgrade",
    "verify_token",
]
