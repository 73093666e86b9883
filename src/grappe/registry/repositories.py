"""Reads and writes of the registry, one function per use.

Every write takes ``who`` (the token name) and appends an
:class:`~grappe.registry.models.AuditEntry` in the same transaction, so that the audit log and
the data can never disagree. Functions flush
but never commit: the caller owns the transaction (see :func:`grappe.registry.session_scope`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError, NotFoundError
from grappe.io.hs_headings import parse_headings
from grappe.registry.models import (
    STAGES,
    Actor,
    AuditEntry,
    Base,
    Cluster,
    Evaluation,
    IndicatorSnapshot,
    Kpi,
    Membership,
    Region,
    Tie,
    cluster_regions,
    utc_now,
)
from grappe.registry.permissions import Access, name_of
from grappe.vocabulary import PROFILE_SECTIONS

__all__ = [
    "audit",
    "audit_values",
    "changed_fields",
    "cluster_record",
    "cluster_actor_ids",
    "create_cluster",
    "delete_cluster",
    "get",
    "jsonable",
    "latest_year",
    "list_actors",
    "list_clusters",
    "list_evaluations",
    "list_indicators",
    "list_kpis",
    "list_regions",
    "list_ties",
    "page",
    "publishing",
    "registry_version",
    "update_cluster",
]

T = TypeVar("T", bound=Base)

_CLUSTER_FIELDS = (
    "name_en",
    "name_fr",
    "name_ar",
    "sector",
    "definitions",
    "stage",
    "label",
    "description",
    "contact_name",
    "contact_email",
    "website",
    "published",
    "public_sections",
    "export_products",
)


def audit(
    session: Session,
    who: str | Access,
    action: str,
    resource: str,
    resource_id: str | None,
    details: Mapping[str, Any] | None = None,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    import_id: int | None = None,
) -> None:
    """Append one entry to the audit log: who (name, role, token), when, what, the values
    ``before`` and ``after`` the change, and the import it belongs to.

    ``who`` is an :class:`~grappe.registry.permissions.Access` (an API token), or a plain name
    for a local caller that holds the database itself (its role and token are then left empty).
    """
    values = audit_values(
        who, action, resource, resource_id, details,
        before=before, after=after, import_id=import_id,
    )  # fmt: skip
    session.add(AuditEntry(**values))


def audit_values(
    who: str | Access,
    action: str,
    resource: str,
    resource_id: str | None,
    details: Mapping[str, Any] | None = None,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    import_id: int | None = None,
) -> dict[str, Any]:
    """The columns of one :class:`AuditEntry`, for :func:`audit` or a bulk insert of many."""
    access = who if isinstance(who, Access) else None
    return {
        "who": name_of(who),
        "role": access.role if access else None,
        "token_id": access.token_id if access else None,
        "action": action,
        "resource": resource,
        "resource_id": resource_id,
        "details": jsonable(details) if details else None,
        "before": jsonable(before) if before is not None else None,
        "after": jsonable(after) if after is not None else None,
        "import_id": import_id,
        "at": utc_now(),
    }


def jsonable(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` made storable as JSON: dates as ISO text, tuples and sets as lists,
    non-finite numbers and other objects as text.

    Examples
    --------
    >>> import datetime as dt
    >>> jsonable({"end": dt.date(2024, 3, 31), "partners": ("UM",), "x": float("nan")})
    {'end': '2024-03-31', 'partners': ['UM'], 'x': 'nan'}
    """
    out = {}
    for key, value in values.items():
        kind = type(value)
        # The common case inline: an import writes one entry per row of its file.
        plain = kind is str or kind is int or kind is bool or value is None
        if plain or (kind is float and math.isfinite(value)):
            out[str(key)] = value
        else:
            out[str(key)] = _json_value(value)
    return out


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Mapping):
        return jsonable(value)
    if isinstance(value, set | frozenset):
        return sorted((_json_value(v) for v in value), key=repr)
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def changed_fields(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields whose value differs between two states of a record: (old values, new values).

    Examples
    --------
    >>> changed_fields({"name": "A", "stage": "growth"}, {"name": "B", "stage": "growth"})
    ({'name': 'A'}, {'name': 'B'})
    """
    keys = [k for k in after if before.get(k) != after[k]]
    keys += [k for k in before if k not in after]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def cluster_record(cluster: Cluster) -> dict[str, Any]:
    """A cluster's fields and region ids, as the audit log keeps them."""
    record = {k: getattr(cluster, k) for k in _CLUSTER_FIELDS}
    record["regions"] = [r.id for r in cluster.regions]
    return record


def page(session: Session, query: Select[Any], *, limit: int, offset: int) -> tuple[list[Any], int]:
    """Rows ``offset … offset + limit`` of ``query`` and the total count."""
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = list(session.scalars(query.limit(limit).offset(offset)))
    return rows, int(total or 0)


def get(session: Session, model: type[T], key: Any, *, what: str | None = None) -> T:
    """The row of ``model`` with primary key ``key``.

    Raises
    ------
    NotFoundError
        If there is none.
    """
    row = session.get(model, key)
    if row is None:
        raise NotFoundError(f"No {what or model.__tablename__[:-1]} with id {key!r}.")
    return row


def list_clusters(
    session: Session,
    *,
    q: str | None = None,
    sector: str | None = None,
    region: str | None = None,
    published_only: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Cluster], int]:
    """Clusters filtered by free text (any language), sector and region; with the total count."""
    query = select(Cluster).order_by(Cluster.id)
    if published_only:
        query = query.where(Cluster.published.is_(True))
    if q:
        like = f"%{q.lower()}%"
        query = query.where(
            or_(
                func.lower(Cluster.name_en).like(like),
                func.lower(Cluster.name_fr).like(like),
                func.lower(Cluster.name_ar).like(like),
                func.lower(Cluster.id).like(like),
            )
        )
    if sector:
        query = query.where(Cluster.sector == sector)
    if region:
        query = query.where(
            Cluster.id.in_(
                select(cluster_regions.c.cluster_id).where(cluster_regions.c.region_id == region)
            )
        )
    return page(session, query, limit=limit, offset=offset)


def _check_cluster_fields(values: Mapping[str, Any], func_name: str) -> None:
    unknown = sorted(set(values) - set(_CLUSTER_FIELDS) - {"id", "regions"})
    if unknown:
        raise InvalidParameterError(
            f"The 'values' parameter of {func_name} must only have the fields "
            f"{list(_CLUSTER_FIELDS)}. Got {unknown} instead."
        )
    stage = values.get("stage")
    if stage is not None and stage not in STAGES:
        raise InvalidParameterError(
            f"The 'stage' parameter of {func_name} must be one of {', '.join(map(repr, STAGES))}. "
            f"Got {stage!r} instead."
        )
    sections = values.get("public_sections")
    if sections is not None:
        unknown_sections = [s for s in sections if s not in PROFILE_SECTIONS]
        if isinstance(sections, str) or unknown_sections:
            raise InvalidParameterError(
                f"The 'public_sections' parameter of {func_name} must be a list of "
                f"{', '.join(map(repr, PROFILE_SECTIONS))}. Got {sections!r} instead."
            )


def _sections(values: Mapping[str, Any]) -> dict[str, Any]:
    # One order (the vocabulary's) and no repeats, so that the audit shows real changes only.
    values = _export_products(values)
    if values.get("public_sections") is None:
        return {k: v for k, v in values.items() if k != "public_sections"}
    chosen = set(values["public_sections"])
    return {**values, "public_sections": [s for s in PROFILE_SECTIONS if s in chosen]}


def _export_products(values: Mapping[str, Any]) -> dict[str, Any]:
    # The headings through the one parser of the form, the API and the CLI; none is null
    # ("not set": the headings are then derived, grappe.registry.cluster_exports).
    if "export_products" not in values:
        return dict(values)
    codes = parse_headings(values["export_products"], field="export_products")
    return {**values, "export_products": list(codes) or None}


def _regions(session: Session, ids: Sequence[str]) -> list[Region]:
    return [get(session, Region, rid, what="region") for rid in ids]


def create_cluster(session: Session, values: Mapping[str, Any], *, who: str | Access) -> Cluster:
    """Create a cluster from ``values`` (its fields, ``id`` and ``regions`` ids); the audit
    entry keeps the whole new record.

    Raises
    ------
    InvalidParameterError
        Unknown field or stage, or an id already taken.
    NotFoundError
        A region id that does not exist.
    """
    _check_cluster_fields(values, "create_cluster")
    values = _sections(values)
    cid = values.get("id")
    if session.get(Cluster, cid) is not None:
        raise InvalidParameterError(
            f"The 'id' parameter of create_cluster must be a new cluster id. Got {cid!r} "
            "instead, which is already used."
        )
    cluster = Cluster(id=cid, **{k: values[k] for k in _CLUSTER_FIELDS if k in values})
    cluster.regions = _regions(session, values.get("regions") or [])
    session.add(cluster)
    session.flush()
    audit(session, who, "create", "cluster", cid, after=cluster_record(cluster))
    return cluster


def update_cluster(
    session: Session, cid: str, changes: Mapping[str, Any], *, who: str | Access
) -> Cluster:
    """Apply ``changes`` (a subset of the fields) to cluster ``cid``; the audit entry keeps
    the old and new values of the fields that changed (no entry when nothing did)."""
    _check_cluster_fields(changes, "update_cluster")
    changes = _sections(changes)
    cluster = get(session, Cluster, cid, what="cluster")
    before = cluster_record(cluster)
    for key in _CLUSTER_FIELDS:
        if key in changes:
            setattr(cluster, key, changes[key])
    if "regions" in changes and changes["regions"] is not None:
        cluster.regions = _regions(session, changes["regions"])
    old, new = changed_fields(before, cluster_record(cluster))
    if new:
        cluster.updated_at = utc_now()
        session.flush()
        audit(session, who, "update", "cluster", cid, before=old, after=new)
    return cluster


def delete_cluster(session: Session, cid: str, *, who: str | Access) -> None:
    """Delete cluster ``cid`` with its memberships, KPIs and evaluations; the audit entry keeps
    the whole deleted record."""
    cluster = get(session, Cluster, cid, what="cluster")
    before = cluster_record(cluster)
    session.delete(cluster)
    session.flush()
    audit(session, who, "delete", "cluster", cid, before=before)


def list_regions(
    session: Session,
    *,
    country: str | None = None,
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[Region], int]:
    """Regions, optionally of one country or matching a name."""
    query = select(Region).order_by(Region.id)
    if country:
        query = query.where(Region.country == country.upper())
    if q:
        like = f"%{q.lower()}%"
        query = query.where(
            or_(
                func.lower(Region.name_en).like(like),
                func.lower(Region.name_fr).like(like),
                func.lower(Region.name_ar).like(like),
            )
        )
    return page(session, query, limit=limit, offset=offset)


def cluster_actor_ids(session: Session, cid: str) -> list[str]:
    """Ids of the member actors of cluster ``cid``."""
    return list(session.scalars(select(Membership.actor_id).where(Membership.cluster_id == cid)))


def list_actors(
    session: Session,
    *,
    cluster: str | None = None,
    sphere: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[Actor], int]:
    """Actors, optionally the members of one cluster or of one sphere."""
    query = select(Actor).where(Actor.deleted_at.is_(None)).order_by(Actor.id)
    if cluster:
        query = query.where(
            Actor.id.in_(select(Membership.actor_id).where(Membership.cluster_id == cluster))
        )
    if sphere:
        query = query.where(Actor.sphere == sphere)
    return page(session, query, limit=limit, offset=offset)


def list_ties(
    session: Session,
    *,
    cluster: str | None = None,
    type: str | None = None,  # noqa: A002 - the column's name in the network contract
    limit: int = 1000,
    offset: int = 0,
) -> tuple[list[Tie], int]:
    """Ties (not deleted), optionally of one cluster, or of one type.

    A cluster's ties are those stored for it (every wave) and the ties without a cluster
    (stored before migration 0006) among its members; both ends must not be deleted.
    """
    live = select(Actor.id).where(Actor.deleted_at.is_(None))
    query = (
        select(Tie)
        .where(Tie.deleted_at.is_(None), Tie.source.in_(live), Tie.target.in_(live))
        .order_by(Tie.id)
    )
    if cluster:
        members = select(Membership.actor_id).where(Membership.cluster_id == cluster)
        query = query.where(
            or_(Tie.cluster_id == cluster, Tie.cluster_id.is_(None)),
            Tie.source.in_(members),
            Tie.target.in_(members),
        )
    if type:
        query = query.where(Tie.type == type)
    return page(session, query, limit=limit, offset=offset)


def list_indicators(
    session: Session,
    *,
    region: str | None = None,
    cluster: str | None = None,
    year: int | None = None,
    definitions: str | None = None,
    strong: bool | None = None,
    measure: str | None = None,
    order: str = "key",
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[IndicatorSnapshot], int]:
    """Indicator snapshots filtered by region, cluster category, year, definition set, strength
    and measure (the count the LQs are computed on: employment, establishments, payroll).

    ``order="key"`` sorts by (region, cluster, year); ``order="lq"`` by decreasing location
    quotient.
    """
    query = select(IndicatorSnapshot)
    if region:
        query = query.where(IndicatorSnapshot.region_id == region)
    if cluster:
        query = query.where(IndicatorSnapshot.cluster == cluster)
    if year is not None:
        query = query.where(IndicatorSnapshot.year == year)
    if definitions:
        query = query.where(IndicatorSnapshot.definitions == definitions)
    if strong is not None:
        query = query.where(IndicatorSnapshot.strong.is_(strong))
    if measure:
        query = query.where(IndicatorSnapshot.measure == measure)
    if order == "lq":
        query = query.order_by(IndicatorSnapshot.lq.desc(), IndicatorSnapshot.id)
    else:
        query = query.order_by(
            IndicatorSnapshot.region_id, IndicatorSnapshot.cluster, IndicatorSnapshot.year
        )
    return page(session, query, limit=limit, offset=offset)


def publishing(session: Session, section: str) -> list[str]:
    """Ids of the published clusters whose public profile shows ``section`` (a word of
    :data:`grappe.vocabulary.PROFILE_SECTIONS`): what the public may list of that section."""
    rows = session.execute(select(Cluster.id, Cluster.public_sections).where(Cluster.published))
    return [cid for cid, sections in rows if section in (sections or ())]


def registry_version(session: Session) -> int:
    """A number that changes with every write: the id of the last audit entry.

    Every write of the registry appends to the audit log in its own transaction, so values derived
    from the data can be cached under this key.
    """
    return int(session.scalar(select(func.max(AuditEntry.id))) or 0)


def latest_year(session: Session, *, region: str | None = None) -> int | None:
    """The most recent year with indicator snapshots (of one region if given)."""
    query = select(func.max(IndicatorSnapshot.year))
    if region:
        query = query.where(IndicatorSnapshot.region_id == region)
    return session.scalar(query)


def list_kpis(
    session: Session,
    *,
    cluster: str | None = None,
    among: Collection[str] | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[Kpi], int]:
    """KPI values, sorted by cluster, name and year; of the clusters ``among`` when given."""
    query = select(Kpi).order_by(Kpi.cluster_id, Kpi.name, Kpi.year, Kpi.period)
    if cluster:
        query = query.where(Kpi.cluster_id == cluster)
    if among is not None:
        query = query.where(Kpi.cluster_id.in_(list(among)))
    return page(session, query, limit=limit, offset=offset)


def list_evaluations(
    session: Session,
    *,
    cluster: str | None = None,
    limit: int = 100,
    offset: int = 0,
    include_deleted: bool = False,
    among: Collection[str] | None = None,
) -> tuple[list[Evaluation], int]:
    """Evaluations, newest first; deleted ones only with ``include_deleted``; of the clusters
    ``among`` when given."""
    query = select(Evaluation).order_by(Evaluation.date.desc(), Evaluation.id.desc())
    if among is not None:
        query = query.where(Evaluation.cluster_id.in_(list(among)))
    if not include_deleted:
        query = query.where(Evaluation.deleted_at.is_(None))
    if cluster:
        query = query.where(Evaluation.cluster_id == cluster)
    return page(session, query, limit=limit, offset=offset)
