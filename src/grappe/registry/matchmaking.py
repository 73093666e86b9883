"""Matchmaking in the registry: a cluster's needs and capabilities as records, and dated runs of
:func:`grappe.matchmaking.match` over them.

Needs (large firms, buyers) and capabilities (SMEs, suppliers) are checked by
:func:`grappe.io.assess.check_firms`, the checks of the needs and capabilities files, so a record
refused in a file is refused here with the same message. Every write is audited with the values
before and after. A delete is soft (``deleted_at``): stored runs name needs and capabilities by
id, and a run must stay readable after a record it matched is withdrawn; creating a deleted id
again brings the record back.

A run stores its parameters and the kernel's ranked table as it was computed, so a facilitator
compares runs (other parameters, or the same ones after the records changed).

Examples
--------
>>> from grappe.registry.matchmaking import split_codes
>>> split_codes("welding; stamping;;")
['welding', 'stamping']
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError, NotFoundError
from grappe.io.assess import check_firms
from grappe.matchmaking import match
from grappe.matchmaking.score import CAPABILITY_COLUMNS, NEED_COLUMNS
from grappe.registry.models import Cluster, MatchCapability, MatchNeed, MatchRun, utc_now
from grappe.registry.permissions import Access, name_of
from grappe.registry.repositories import audit, changed_fields, get

__all__ = [
    "SIDES",
    "Side",
    "check_record",
    "create_record",
    "delete_record",
    "firm_table",
    "get_record",
    "get_run",
    "list_records",
    "list_runs",
    "record_values",
    "run_matches",
    "split_codes",
    "store_firms",
    "store_run",
    "update_record",
]

_LISTS = ("processes", "materials", "certifications")


@dataclass(frozen=True)
class Side:
    """One side of the matchmaking: its kernel columns, model, id and name fields and the
    record kind of :data:`grappe.registry.permissions.RULES`."""

    name: str
    kind: str
    model: type[MatchNeed] | type[MatchCapability]
    columns: tuple[str, ...]

    @property
    def key(self) -> str:
        """The id field (``need_id``, ``firm_id``)."""
        return self.columns[0]

    @property
    def label(self) -> str:
        """The name field (``firm``, ``name``)."""
        return self.columns[1]


#: The two sides, by the name used in the API's paths and the files' checks.
SIDES: dict[str, Side] = {
    "needs": Side("needs", "need", MatchNeed, NEED_COLUMNS),
    "capabilities": Side("capabilities", "capability", MatchCapability, CAPABILITY_COLUMNS),
}


def _side(side: str, func: str) -> Side:
    if side not in SIDES:
        raise InvalidParameterError(
            f"The 'side' parameter of {func} must be one of {list(SIDES)}. Got {side!r} instead."
        )
    return SIDES[side]


def split_codes(value: Any) -> list[str]:
    """A list of codes from ``"a;b"`` text or a list, stripped, empty ones dropped."""
    if value is None:
        return []
    items = value.split(";") if isinstance(value, str) else list(value)
    return [str(v).strip() for v in items if str(v).strip()]


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, list | tuple):
        return ";".join(map(str, value))
    return str(value)


def check_record(side: str, values: Mapping[str, Any], *, file: str = "request body") -> dict:
    """Check one need or capability with the checks of the files; return its stored values.

    Parameters
    ----------
    side : {"needs", "capabilities"}
    values : mapping
        The kernel's columns (``cluster`` optional); lists as lists or ``;``-separated text.
    file : str
        Named in the issues.

    Returns
    -------
    dict
        The model's fields (``cluster`` becomes ``cluster_code``; lists as lists).

    Raises
    ------
    DataValidationError
        As :func:`grappe.io.assess.check_firms` (same messages, no row number).
    """
    spec = _side(side, "check_record")
    row = {c: _text(values.get(c)) for c in spec.columns}
    checked = check_firms(pd.DataFrame([row], dtype=object), side=side, file=file, first_row=None)
    first = checked.iloc[0]
    capacity = float(first["capacity"])
    out: dict[str, Any] = {
        spec.key: row[spec.key].strip(),
        spec.label: row[spec.label].strip(),
        **{c: split_codes(values.get(c)) for c in _LISTS},
        "capacity": None if math.isnan(capacity) else capacity,
        "lat": float(first["lat"]),
        "lon": float(first["lon"]),
        "cluster_code": row["cluster"].strip() or None,
    }
    return out


def record_values(record: MatchNeed | MatchCapability) -> dict[str, Any]:
    """A record's values in the kernel's columns (``cluster`` for ``cluster_code``)."""
    spec = SIDES["needs" if isinstance(record, MatchNeed) else "capabilities"]
    out = {c: getattr(record, c) for c in spec.columns if c != "cluster"}
    out["cluster"] = record.cluster_code
    return out


def _audited(record: MatchNeed | MatchCapability) -> dict[str, Any]:
    return {**record_values(record), "deleted": record.deleted_at is not None}


def get_record(
    session: Session, cluster_id: str, side: str, key: str, *, deleted: bool = False
) -> MatchNeed | MatchCapability:
    """The need or capability ``key`` of the cluster (a deleted one only with ``deleted``).

    Raises
    ------
    NotFoundError
        No such record (or it is deleted).
    """
    spec = _side(side, "get_record")
    row = session.scalar(
        select(spec.model).where(
            spec.model.cluster_id == cluster_id, getattr(spec.model, spec.key) == key
        )
    )
    if row is None or (row.deleted_at is not None and not deleted):
        raise NotFoundError(f"The cluster {cluster_id!r} has no {spec.kind} with id {key!r}.")
    return row


def list_records(
    session: Session, cluster_id: str, side: str, *, deleted: bool = False
) -> list[MatchNeed | MatchCapability]:
    """The cluster's needs or capabilities by id (the deleted ones too with ``deleted``)."""
    spec = _side(side, "list_records")
    query = select(spec.model).where(spec.model.cluster_id == cluster_id)
    if not deleted:
        query = query.where(spec.model.deleted_at.is_(None))
    return list(session.scalars(query.order_by(getattr(spec.model, spec.key))))


def create_record(
    session: Session, cluster_id: str, side: str, values: Mapping[str, Any], *, who: str | Access
) -> MatchNeed | MatchCapability:
    """Create a need or capability of the cluster (or bring a deleted one back, as new).

    Raises
    ------
    NotFoundError
        No such cluster.
    DataValidationError
        As :func:`check_record`.
    InvalidParameterError
        The id is already used by a live record of the cluster.
    """
    spec = _side(side, "create_record")
    get(session, Cluster, cluster_id, what="cluster")
    fields = check_record(side, values)
    key = fields[spec.key]
    row = session.scalar(
        select(spec.model).where(
            spec.model.cluster_id == cluster_id, getattr(spec.model, spec.key) == key
        )
    )
    if row is not None and row.deleted_at is None:
        raise InvalidParameterError(
            f"The '{spec.key}' of a new {spec.kind} must be an id not yet used in the cluster "
            f"{cluster_id!r}. Got {key!r} instead, which is already used: correct it with "
            "PATCH, or choose another id."
        )
    if row is None:
        row = spec.model(cluster_id=cluster_id, **fields, updated_by=name_of(who))
        session.add(row)
    else:
        for field, value in fields.items():
            setattr(row, field, value)
        row.deleted_at, row.updated_by, row.updated_at = None, name_of(who), utc_now()
    session.flush()
    audit(session, who, "create", spec.kind, f"{cluster_id}/{key}", after=_audited(row))
    return row


def update_record(
    session: Session,
    cluster_id: str,
    side: str,
    key: str,
    changes: Mapping[str, Any],
    *,
    who: str | Access,
) -> MatchNeed | MatchCapability:
    """Correct some fields of a need or capability; the whole record is checked again. The
    audit entry keeps the old and new values of the fields that changed (none: no entry).

    Raises
    ------
    NotFoundError
        No such live record.
    InvalidParameterError
        A change of the id, or an unknown field.
    DataValidationError
        As :func:`check_record`.
    """
    spec = _side(side, "update_record")
    unknown = sorted(set(changes) - set(spec.columns))
    if unknown or spec.key in changes and changes[spec.key] != key:
        raise InvalidParameterError(
            f"The changes of a {spec.kind} must be among {list(spec.columns[1:])} (the id "
            f"{spec.key!r} cannot change: delete the record and create another). Got "
            f"{unknown or [spec.key]} instead."
        )
    row = get_record(session, cluster_id, side, key)
    before = record_values(row)
    fields = check_record(side, {**before, **changes})
    for field, value in fields.items():
        setattr(row, field, value)
    old, new = changed_fields(before, record_values(row))
    if new:
        row.updated_by, row.updated_at = name_of(who), utc_now()
        session.flush()
        audit(session, who, "update", spec.kind, f"{cluster_id}/{key}", before=old, after=new)
    return row


def delete_record(
    session: Session, cluster_id: str, side: str, key: str, *, who: str | Access
) -> None:
    """Withdraw a need or capability (soft delete: runs that matched it still read it); the
    audit entry keeps the whole record.

    Raises
    ------
    NotFoundError
        No such live record.
    """
    spec = _side(side, "delete_record")
    row = get_record(session, cluster_id, side, key)
    before = _audited(row)
    row.deleted_at, row.updated_by = utc_now(), name_of(who)
    session.flush()
    audit(session, who, "delete", spec.kind, f"{cluster_id}/{key}", before=before)


def store_firms(
    session: Session,
    cluster_id: str,
    side: str,
    table: pd.DataFrame,
    *,
    who: str | Access,
) -> dict[str, int]:
    """Store a table of needs or capabilities as records of the cluster: each row created,
    corrected or left as it is, all in the caller's transaction (all or nothing). Records
    absent from the table are left alone.

    An upload is :func:`grappe.io.assess.read_firms_bytes` (the checks and messages of
    :func:`grappe.io.assess.read_needs`, with rows) followed by this function.

    Parameters
    ----------
    table : pandas.DataFrame
        The columns of :data:`~grappe.matchmaking.score.NEED_COLUMNS` or
        ``CAPABILITY_COLUMNS`` (as :func:`grappe.io.assess.read_needs` returns them).

    Returns
    -------
    dict
        ``rows``, ``created`` (new ids and withdrawn ones brought back), ``updated``,
        ``unchanged``.

    Raises
    ------
    NotFoundError
        No such cluster.
    DataValidationError
        A row the record checks refuse (:func:`check_record`).
    """
    spec = _side(side, "store_firms")
    get(session, Cluster, cluster_id, what="cluster")
    counts = {"rows": len(table), "created": 0, "updated": 0, "unchanged": 0}
    for row in table.fillna("").to_dict(orient="records"):
        values = {c: row[c] for c in spec.columns}
        key = str(values[spec.key]).strip()
        try:
            record = get_record(session, cluster_id, side, key)
        except NotFoundError:
            create_record(session, cluster_id, side, values, who=who)
            counts["created"] += 1
            continue
        before = record_values(record)
        changes = {c: v for c, v in values.items() if c != spec.key}
        update_record(session, cluster_id, side, key, changes, who=who)
        counts["updated" if record_values(record) != before else "unchanged"] += 1
    return counts


def firm_table(session: Session, cluster_id: str, side: str) -> pd.DataFrame:
    """The cluster's live needs or capabilities as the kernel's table (the columns of
    :data:`~grappe.matchmaking.score.NEED_COLUMNS` or ``CAPABILITY_COLUMNS``)."""
    spec = _side(side, "firm_table")
    rows = [record_values(r) for r in list_records(session, cluster_id, side)]
    table = pd.DataFrame(rows, columns=list(spec.columns))
    table["capacity"] = table["capacity"].astype(float)
    table["cluster"] = table["cluster"].fillna("")
    return table


def _jsonable_rows(result: pd.DataFrame) -> list[dict[str, Any]]:
    rows = []
    for record in result.to_dict(orient="records"):
        rows.append(
            {
                k: (int(v) if k == "rank" else float(v) if isinstance(v, float) else str(v))
                for k, v in record.items()
            }
        )
    return rows


def store_run(
    session: Session,
    cluster_id: str,
    result: pd.DataFrame,
    *,
    parameters: Mapping[str, Any],
    needs: int,
    capabilities: int,
    who: str | Access,
) -> MatchRun:
    """Store a table computed by :func:`grappe.matchmaking.match` as a dated run of the
    cluster (``grappe match --store`` stores the run of its files this way).

    Raises
    ------
    NotFoundError
        No such cluster.
    """
    get(session, Cluster, cluster_id, what="cluster")
    run = MatchRun(
        cluster_id=cluster_id,
        created_by=name_of(who),
        parameters=dict(parameters),
        needs=int(needs),
        capabilities=int(capabilities),
        matches=_jsonable_rows(result),
    )
    session.add(run)
    session.flush()
    audit(
        session,
        who,
        "create",
        "match_run",
        f"{cluster_id}/{run.id}",
        after={
            "parameters": dict(parameters),
            "needs": needs,
            "capabilities": capabilities,
            "matches": len(run.matches),
        },
    )
    return run


def run_matches(
    session: Session,
    cluster_id: str,
    *,
    who: str | Access,
    max_km: float | None = None,
    certifications: str = "penalty",
    same_cluster_only: bool = False,
    top: int | None = 3,
) -> MatchRun:
    """Match the cluster's live needs with its live capabilities and store the run.

    The options are those of :func:`grappe.matchmaking.match` (and of ``grappe match``:
    ``top`` 3 by default), checked by the kernel.

    Raises
    ------
    NotFoundError
        No such cluster.
    InvalidParameterError
        A bad option (the kernel's message), or a cluster without needs or capabilities.
    """
    get(session, Cluster, cluster_id, what="cluster")
    needs = firm_table(session, cluster_id, "needs")
    caps = firm_table(session, cluster_id, "capabilities")
    parameters = {
        "max_km": max_km,
        "certifications": certifications,
        "same_cluster_only": same_cluster_only,
        "top": top,
    }
    result = match(needs, caps, **parameters)  # type: ignore[arg-type]
    if needs.empty or caps.empty:
        missing = "needs" if needs.empty else "capabilities"
        raise InvalidParameterError(
            f"The cluster {cluster_id!r} has no {missing} to match: add some first "
            f"(POST /api/v1/clusters/{cluster_id}/{missing})."
        )
    return store_run(
        session,
        cluster_id,
        result,
        parameters=parameters,
        needs=len(needs),
        capabilities=len(caps),
        who=who,
    )


def list_runs(session: Session, cluster_id: str) -> list[MatchRun]:
    """The cluster's runs, newest first."""
    query = select(MatchRun).where(MatchRun.cluster_id == cluster_id)
    return list(session.scalars(query.order_by(MatchRun.id.desc())))


def get_run(session: Session, cluster_id: str, run_id: int) -> MatchRun:
    """Run ``run_id`` of the cluster.

    Raises
    ------
    NotFoundError
        No such run in that cluster.
    """
    run = session.get(MatchRun, run_id)
    if run is None or run.cluster_id != cluster_id:
        raise NotFoundError(f"The cluster {cluster_id!r} has no match run {run_id}.")
    return run
