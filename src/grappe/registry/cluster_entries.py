"""A cluster entered by hand (the workspace's forms): created by an admin or by a manager who
becomes its manager, its settings changed, its publication chosen, and its history read.

The values are those of the forms: an id (made from the name when not given, as actors' ids
are), names in French, Arabic and English (one at least), a sector, the stored regions, a
life-cycle stage (:data:`grappe.vocabulary.STAGES`), a description and the HS headings of its
exports (``0804,2009``, :func:`grappe.io.hs_headings.parse_headings`). Every problem is collected
first and raised together as a :class:`~grappe.errors.DataValidationError` whose issues name the
field (``column``); nothing is written then. The writes are those of the API
(:func:`grappe.registry.repositories.create_cluster` and ``update_cluster``), audited with the
user as ``who``.

Rights (:data:`grappe.registry.permissions.RULES`): kind ``own_cluster`` to create, ``cluster``
to change. An admin creates any cluster; a *manager* creates a cluster that he then manages — his
``user_clusters`` row is written in the same transaction and audited. An API token cannot do
that: ``cluster`` create stays an admin's, and :func:`create_managed_cluster` gives a new cluster
only to a person signed in (a manager token's clusters are fixed when the token is made).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    PermissionDeniedError,
    ValidationIssue,
)
from grappe.io.hs_headings import parse_headings
from grappe.registry.form_values import FORM, form_text
from grappe.registry.models import (
    AnswerSet,
    AssessmentRow,
    AuditEntry,
    Cluster,
    Evaluation,
    Membership,
    NetworkDiagnosis,
    Region,
    SwotRow,
    User,
)
from grappe.registry.permissions import Access, Refusal, refusal
from grappe.registry.repositories import audit, create_cluster, get, page, update_cluster
from grappe.registry.slugs import free_id
from grappe.vocabulary import PROFILE_SECTIONS, STAGES

__all__ = [
    "CLUSTER_ENTRY_FIELDS",
    "CLUSTER_SETTINGS_FIELDS",
    "TOO_LONG_FIX",
    "audit_query",
    "check_cluster_entry",
    "cluster_history",
    "create_managed_cluster",
    "may_create_cluster",
    "set_publication",
    "update_cluster_settings",
]

#: The fields of the "create a cluster" form (``regions``: a list of region ids).
CLUSTER_ENTRY_FIELDS: tuple[str, ...] = (
    "id", "name_fr", "name_ar", "name_en", "sector", "regions", "stage", "description",
    "export_products",
)  # fmt: skip
#: The fields of the settings form (the id stays).
CLUSTER_SETTINGS_FIELDS: tuple[str, ...] = CLUSTER_ENTRY_FIELDS[1:]

_NAMES = ("name_fr", "name_en", "name_ar")
_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
_LENGTHS = {"name_fr": 200, "name_ar": 200, "name_en": 200, "sector": 64, "description": 5000}
_FILE = FORM
#: The ``fix`` of an issue of a text longer than its column holds.
TOO_LONG_FIX = "Shorten it."

# Records of a cluster whose audit key is the cluster's id, or starts with ``<id>/``.
_KEYED_BY_CLUSTER = ("cluster", "network", "roadmap")
# Records of a cluster whose audit key is the row's number.
_NUMBERED = {
    "evaluation": Evaluation,
    "swot": SwotRow,
    "answers": AnswerSet,
    "assessment": AssessmentRow,
    "diagnosis": NetworkDiagnosis,
}


def check_cluster_entry(
    session: Session,
    values: Mapping[str, Any],
    *,
    fields: tuple[str, ...] = CLUSTER_ENTRY_FIELDS,
) -> tuple[dict[str, Any], list[ValidationIssue]]:
    """The entry made canonical and its problems, one
    :class:`~grappe.errors.ValidationIssue` per bad field (``column`` is the field).

    ``regions`` is a sequence of region ids (each must be stored); ``id`` may be empty (made from
    the name by :func:`create_managed_cluster`) or a slug: lowercase letters, digits and hyphens.
    """
    unknown = sorted(set(values) - set(fields))
    issues = [ValidationIssue(f"Unknown field {k!r}.", file=_FILE, column=k) for k in unknown]
    entry: dict[str, Any] = {k: form_text(values, k) or None for k in fields if k != "regions"}
    if not any(entry.get(k) for k in _NAMES):
        issues.append(ValidationIssue(
            "The cluster needs a name in at least one language.", file=_FILE, column="name_fr",
            fix="Give its name in French, Arabic or English.",
        ))  # fmt: skip
    for key, longest in _LENGTHS.items():
        if key in fields and entry.get(key) and len(entry[key]) > longest:
            issues.append(ValidationIssue(
                f"{key} has {len(entry[key])} characters; at most {longest}.", file=_FILE,
                column=key, fix=TOO_LONG_FIX,
            ))  # fmt: skip
    if "id" in fields and entry.get("id") and not _ID.match(entry["id"]):
        issues.append(ValidationIssue(
            f"The id {entry['id']!r} is not a slug.", file=_FILE, column="id",
            fix="Use lowercase letters, digits and hyphens (64 at most), or leave it empty.",
        ))  # fmt: skip
    if entry.get("stage") and entry["stage"] not in STAGES:
        issues.append(ValidationIssue(
            f"Unknown life-cycle stage {entry['stage']!r}.", file=_FILE, column="stage",
            fix=f"Choose one of {', '.join(STAGES)}.",
        ))  # fmt: skip
    if "export_products" in fields:
        try:  # the one parser of the API and the command line
            codes = parse_headings(entry.get("export_products"), field="export_products")
        except InvalidParameterError as error:
            issues.append(ValidationIssue(
                str(error), file=_FILE, column="export_products",
                fix="Give HS headings of four digits separated by commas, e.g. 0804,2009.",
            ))  # fmt: skip
        else:
            entry["export_products"] = list(codes) or None
    if "regions" in fields:
        raw = values.get("regions") or []
        ids = [raw] if isinstance(raw, str) else [str(r).strip() for r in raw]
        ids = list(dict.fromkeys(r for r in ids if r))
        missing = [r for r in ids if session.get(Region, r) is None]
        if missing:
            issues.append(ValidationIssue(
                f"No stored region {', '.join(map(repr, missing))}.", file=_FILE,
                column="regions", fix="Choose the regions from the list.",
            ))  # fmt: skip
        entry["regions"] = ids
    return entry, issues


def _cluster_values(entry: Mapping[str, Any]) -> dict[str, Any]:
    values = {k: entry[k] for k in entry if k != "id"}
    # ``name_en`` is the name shown when the page's language has none (the column cannot be
    # empty): without an English name it is the first name given.
    values["name_en"] = entry.get("name_en") or next(entry[k] for k in _NAMES if entry.get(k))
    return values


def _user_of(session: Session, who: Access) -> User | None:
    if who.token_id is not None:
        return None  # an API token, not a person signed in to the web
    return session.scalar(select(User).where(User.email == who.who, User.active))


def _creation_refusal(who: Access, key: str, *, signed_in: bool) -> Refusal | None:
    # A manager creates the cluster he will manage: the rule (kind ``own_cluster``) is asked
    # with the clusters he will then have — and only a person signed in can be given one.
    becomes = dataclasses.replace(who, clusters=who.clusters | {key}) if signed_in else who
    return refusal(becomes, "create", "own_cluster", key, scope={key})


def may_create_cluster(who: Access) -> bool:
    """Whether ``who`` (a signed-in user's access) may create a cluster in the web: an admin, or
    a manager (who then manages it)."""
    return _creation_refusal(who, "(new)", signed_in=who.token_id is None) is None


def create_managed_cluster(session: Session, who: Access, values: Mapping[str, Any]) -> Cluster:
    """Create an unpublished cluster from the form's values; a manager who creates it becomes
    its manager (a ``user_clusters`` row, audited as a change of his ``clusters``).

    Raises
    ------
    PermissionDeniedError
        ``who`` may not create clusters (an analyst, a member, a manager's API token).
    DataValidationError
        One issue per bad field (an id already used included); nothing is written.
    """
    user = _user_of(session, who) if who.role == "manager" else None
    entry, issues = check_cluster_entry(session, values)
    cid = entry.get("id")
    if not issues and not cid:
        latin = next((entry[k] for k in ("name_fr", "name_en") if entry.get(k)), "")
        cid = free_id(session, Cluster, latin, prefix="cluster")
    refused = _creation_refusal(who, cid or "(new)", signed_in=user is not None)
    if refused is not None:
        raise PermissionDeniedError(str(refused))
    if cid and session.get(Cluster, cid) is not None:
        issues.append(ValidationIssue(
            f"The id {cid!r} is already used by another cluster.", file=_FILE, column="id",
            fix="Choose another id, or leave it empty to make one from the name.",
        ))  # fmt: skip
    if issues:
        raise DataValidationError(issues)
    cluster = create_cluster(
        session, {**_cluster_values(entry), "id": cid, "published": False}, who=who
    )
    if user is not None:
        before = user.cluster_ids
        user.clusters = [*user.clusters, cluster]
        session.flush()
        audit(session, who, "update", "user", user.email, before={"clusters": before},
              after={"clusters": user.cluster_ids})  # fmt: skip
    return cluster


def update_cluster_settings(
    session: Session, who: Access, cluster_id: str, values: Mapping[str, Any]
) -> Cluster:
    """Change a cluster's names, sector, regions, stage and description (admin, its managers);
    audited with the fields before and after (nothing when nothing changed).

    Raises
    ------
    NotFoundError
        No such cluster.
    PermissionDeniedError
        ``who`` may not change this cluster.
    DataValidationError
        One issue per bad field; nothing is written.
    """
    get(session, Cluster, cluster_id, what="cluster")
    refused = refusal(who, "update", "cluster", cluster_id, scope={cluster_id})
    if refused is not None:
        raise PermissionDeniedError(str(refused))
    entry, issues = check_cluster_entry(session, values, fields=CLUSTER_SETTINGS_FIELDS)
    if issues:
        raise DataValidationError(issues)
    return update_cluster(session, cluster_id, _cluster_values(entry), who=who)


def set_publication(
    session: Session, who: Access, cluster_id: str, *, published: bool, sections: Sequence[str]
) -> Cluster:
    """Publish (or withdraw) a cluster's profile and choose the sections of
    :data:`grappe.vocabulary.PROFILE_SECTIONS` it shows; audited. Interview data and
    respondents have no section: they are never public.

    Raises
    ------
    NotFoundError
        No such cluster.
    PermissionDeniedError
        ``who`` may not change this cluster.
    DataValidationError
        A section that is not one of :data:`~grappe.vocabulary.PROFILE_SECTIONS`.
    """
    get(session, Cluster, cluster_id, what="cluster")
    fields = ["published", "public_sections"]
    refused = refusal(who, "update", "cluster", cluster_id, scope={cluster_id}, fields=fields)
    if refused is not None:
        raise PermissionDeniedError(str(refused))
    unknown = [s for s in sections if s not in PROFILE_SECTIONS]
    if unknown:
        raise DataValidationError(ValidationIssue(
            f"Unknown section {', '.join(map(repr, unknown))}.", file=_FILE, column="sections",
            fix=f"Choose among {', '.join(PROFILE_SECTIONS)}.",
        ))  # fmt: skip
    changes = {"published": bool(published), "public_sections": list(sections)}
    return update_cluster(session, cluster_id, changes, who=who)


def audit_query(
    *,
    resource: str | None = None,
    resource_id: str | None = None,
    import_id: int | None = None,
    who: str | None = None,
) -> Select[Any]:
    """The audit log, newest first, filtered by record kind, key, import and author (the query
    of ``GET /api/v1/audit``)."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    for column, value in (
        (AuditEntry.resource, resource),
        (AuditEntry.resource_id, resource_id),
        (AuditEntry.import_id, import_id),
        (AuditEntry.who, who),
    ):
        if value is not None:
            query = query.where(column == value)
    return query


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%"


def cluster_history(
    session: Session, cluster_id: str, *, limit: int = 50, offset: int = 0
) -> tuple[list[AuditEntry], int]:
    """The audit entries of a cluster's records, newest first, and their count: the cluster,
    its network, roadmap, memberships, waves, KPIs, member events, matchmaking and reports (keys
    ``<id>`` or ``<id>/…``), its member actors and the ties they reported, and its evaluations,
    SWOTs, answers, assessments and diagnoses.

    A tie between members of two clusters, or an actor member of both, is in both histories.
    """
    members = list(
        session.scalars(select(Membership.actor_id).where(Membership.cluster_id == cluster_id))
    )
    match = [
        (AuditEntry.resource.in_(_KEYED_BY_CLUSTER) & (AuditEntry.resource_id == cluster_id)),
        AuditEntry.resource_id.like(_like_prefix(cluster_id), escape="\\"),
        (AuditEntry.resource == "actor") & AuditEntry.resource_id.in_(members),
    ]
    if members:
        match.append(
            (AuditEntry.resource == "tie")
            & or_(*(AuditEntry.resource_id.like(_like_prefix(m), escape="\\") for m in members))
        )
    for kind, model in _NUMBERED.items():
        ids = select(model.id).where(model.cluster_id == cluster_id)
        numbers = [str(i) for i in session.scalars(ids)]
        if numbers:
            match.append((AuditEntry.resource == kind) & AuditEntry.resource_id.in_(numbers))
    query = audit_query().where(or_(*match))
    return page(session, query, limit=limit, offset=offset)
