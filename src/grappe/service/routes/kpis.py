"""``/kpis`` and ``/evaluations``: public read; writes by admins and the cluster's managers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from grappe.errors import DataValidationError, PermissionDeniedError
from grappe.registry import kpi_entries
from grappe.registry import repositories as repo
from grappe.registry.models import Cluster, Evaluation, Kpi
from grappe.registry.permissions import Access
from grappe.service.deps import Caller, OptionalCaller, SessionDep, ensure_allowed
from grappe.service.errors import ApiError
from grappe.service.routes._common import Limit, Offset
from grappe.service.routes.clusters import _visible
from grappe.service.schemas import (
    EvaluationCreate,
    EvaluationPublic,
    KpiCreate,
    KpiPublic,
    KpiUpdate,
    ListOf,
    RowId,
)

router = APIRouter(tags=["kpis and evaluations"])

ClusterFilter = Annotated[str | None, Query(max_length=64)]


def _among(
    session: SessionDep, token: OptionalCaller, cluster: str | None, section: str
) -> list[str] | None:
    # The public lists the section of the clusters that publish it (a named cluster that does
    # not answers 404, as its profile does); a token holder lists every cluster's.
    if token is not None:
        return None
    if cluster:
        _visible(session, token, cluster, section=section)
        return [cluster]
    return repo.publishing(session, section)


@router.get("/kpis", summary="List KPI values")
def list_kpis(
    session: SessionDep,
    token: OptionalCaller,
    cluster: ClusterFilter = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> ListOf[KpiPublic]:
    """Without a token, only the KPIs of published clusters that publish their ``kpis``."""
    among = _among(session, token, cluster, "kpis")
    rows, count = repo.list_kpis(session, cluster=cluster, among=among, limit=limit, offset=offset)
    return ListOf[KpiPublic](data=[KpiPublic.model_validate(r) for r in rows], count=count)


@router.put("/kpis", summary="Set a KPI value (admin or the cluster's manager)")
def put_kpi(session: SessionDep, token: Caller, body: KpiCreate) -> KpiPublic:
    """Create or replace the value of ``name`` in ``period`` (or ``year``) for the cluster
    (idempotent)."""
    try:
        row = kpi_entries.set_kpi(session, Access.of_token(token), body.cluster_id,
                                  body.model_dump())  # fmt: skip
    except PermissionDeniedError as refused:
        raise ApiError(403, "forbidden", f"The token {token.name!r}: {refused}.") from None
    return KpiPublic.model_validate(row)


@router.get("/evaluations", summary="List evaluations")
def list_evaluations(
    session: SessionDep,
    token: OptionalCaller,
    cluster: ClusterFilter = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> ListOf[EvaluationPublic]:
    """Without a token, only those of published clusters that publish their ``evaluations``."""
    among = _among(session, token, cluster, "evaluations")
    rows, count = repo.list_evaluations(
        session, cluster=cluster, among=among, limit=limit, offset=offset
    )
    return ListOf[EvaluationPublic](
        data=[EvaluationPublic.model_validate(r) for r in rows], count=count
    )


@router.post("/evaluations", status_code=status.HTTP_201_CREATED, summary="Record an evaluation")
def create_evaluation(
    session: SessionDep, token: Caller, body: EvaluationCreate
) -> EvaluationPublic:
    who = ensure_allowed(token, "create", "evaluation", body.cluster_id, scope={body.cluster_id})
    repo.get(session, Cluster, body.cluster_id, what="cluster")
    row = Evaluation(**body.model_dump())
    session.add(row)
    session.flush()
    repo.audit(session, who, "create", "evaluation", str(row.id), after=body.model_dump())
    return EvaluationPublic.model_validate(row)


# --- Corrections and deletions (issue 13) -----------------------------------------------------


def _kpi_key(row: Kpi) -> str:
    return f"{row.cluster_id}/{row.name}/{row.period}"


@router.patch("/kpis/{kpi_id}", summary="Correct a KPI value (admin or the cluster's manager)")
def update_kpi(session: SessionDep, token: Caller, kpi_id: RowId, body: KpiUpdate) -> KpiPublic:
    """Correct some fields of a stored value; the audit entry keeps the old and new values.
    Moving it onto the name and period of another value of the cluster is refused (409)."""
    row = repo.get(session, Kpi, kpi_id, what="KPI value")
    fields = ("name", "period", "year", "value", "unit", "target")
    current = {k: getattr(row, k) for k in fields}
    changes = body.model_dump(exclude_unset=True)
    if body.period is not None:  # the year follows the period (set by the schema)
        changes.update(period=body.period, year=body.year)
    if any(changes.get(k, current[k]) is None for k in ("name", "period", "value")):
        raise ApiError(
            422, "invalid_parameter",
            "The name, period and value of a KPI value cannot be emptied: give a value, or delete "
            f"the KPI value (DELETE /api/v1/kpis/{kpi_id}).",
        )  # fmt: skip
    try:
        row = kpi_entries.correct_kpi(session, Access.of_token(token), kpi_id,
                                      {**current, **changes})  # fmt: skip
    except PermissionDeniedError as refused:
        raise ApiError(403, "forbidden", f"The token {token.name!r}: {refused}.") from None
    except DataValidationError as clash:  # another value of the cluster has that name and period
        raise ApiError(409, "conflict", f"{clash.issues[0].message[:-1]}; correct that one, "
                       "or delete it first.") from None  # fmt: skip
    return KpiPublic.model_validate(row)


@router.delete("/kpis/{kpi_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Delete a KPI value (admin or the cluster's manager)")  # fmt: skip
def delete_kpi(session: SessionDep, token: Caller, kpi_id: RowId) -> None:
    """Remove a wrong value. The row goes; the audit entry keeps the whole record (``before``),
    which is the history: a KPI value is one fact, not a record that others refer to."""
    try:
        kpi_entries.delete_kpi(session, Access.of_token(token), kpi_id)
    except PermissionDeniedError as refused:
        raise ApiError(403, "forbidden", f"The token {token.name!r}: {refused}.") from None
