"""The observatory's registry: the domain objects of :mod:`grappe.model` and the kernels, stored.

SQLAlchemy 2 models (:mod:`~grappe.registry.models`), Alembic migrations, hashed API tokens,
all-or-nothing import jobs, and one typed store per kind of domain object. A store function
takes an object the kernels have already validated (a :class:`~grappe.model.ClusterMap`, a
:class:`~grappe.network.ActorNetwork`, a :class:`~grappe.roadmap.Roadmap`, an assessment
result…), writes it in one transaction with an audit entry (before/after) and has a ``load_``
twin that gives the same object back. A CSV upload is an :mod:`grappe.io` reader followed by
the same store function. An embedded SQLite file by default; PostgreSQL is supported.

See ``docs/architecture.md`` (kernels → io → registry typed store → service/web → cli).
"""

from __future__ import annotations

from grappe.registry.assessments import (
    compare_assessments,
    delete_assessment,
    list_assessments,
    load_answers,
    load_assessment,
    store_answers,
    store_assessment,
)
from grappe.registry.cluster_maps import store_cluster_map
from grappe.registry.database import connect, make_engine, session_scope, upgrade
from grappe.registry.evaluations import (
    correct_evaluation,
    delete_evaluation,
    delete_swot,
    load_evaluation,
    load_swot,
    store_evaluation,
    store_swot,
)
from grappe.registry.imports import IMPORT_KINDS, ImportReport, import_table
from grappe.registry.matchmaking import store_firms, store_run
from grappe.registry.network_diagnoses import compare_waves, diagnose_stored, list_diagnoses
from grappe.registry.network_edits import delete_actor, delete_tie, update_actor, update_tie
from grappe.registry.networks import load_network, store_network
from grappe.registry.roadmaps import delete_roadmap, load_roadmap, store_roadmap
from grappe.registry.support_bodies import (
    correct_support_body,
    list_support_bodies,
    load_support_bodies,
    store_support_bodies,
)
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
    "compare_assessments",
    "compare_waves",
    "connect",
    "correct_evaluation",
    "correct_support_body",
    "create_token",
    "delete_actor",
    "delete_assessment",
    "delete_evaluation",
    "delete_roadmap",
    "delete_swot",
    "delete_tie",
    "diagnose_stored",
    "ensure_admin_token",
    "ensure_token",
    "import_table",
    "list_assessments",
    "list_diagnoses",
    "list_support_bodies",
    "list_tokens",
    "load_answers",
    "load_assessment",
    "load_evaluation",
    "load_network",
    "load_roadmap",
    "load_support_bodies",
    "load_swot",
    "make_engine",
    "revoke_token",
    "session_scope",
    "store_answers",
    "store_assessment",
    "store_cluster_map",
    "store_evaluation",
    "store_firms",
    "store_network",
    "store_roadmap",
    "store_run",
    "store_support_bodies",
    "store_swot",
    "update_actor",
    "update_tie",
    "upgrade",
    "verify_token",
]
