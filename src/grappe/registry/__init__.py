"""The observatory's registry: clusters, regions, actors, ties, indicators, KPIs, evaluations.

SQLAlchemy 2 models (:mod:`~grappe.registry.models`), Alembic migrations, repositories (reads
and audited writes), hashed API tokens and all-or-nothing import jobs. An embedded SQLite file by
default; PostgreSQL is supported.
"""

from __future__ import annotations

from grappe.registry.cluster_maps import store_cluster_map
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
    "store_cluster_map",
    "upgrade",
    "verify_token",
]

# i13-assess: typed stores of the assessment kernels' objects
from grappe.registry.assessments import (  # noqa: E402
    compare_assessments,
    load_answers,
    load_assessment,
    store_answers,
    store_assessment,
)
from grappe.registry.evaluations import (  # noqa: E402
    load_evaluation,
    load_swot,
    store_evaluation,
    store_swot,
)

__all__ += [
    "compare_assessments",
    "load_answers",
    "load_assessment",
    "load_evaluation",
    "load_swot",
    "store_answers",
    "store_assessment",
    "store_evaluation",
    "store_swot",
]
