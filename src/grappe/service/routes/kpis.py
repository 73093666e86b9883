"""``/kpis`` and ``/evaluations``: public read; writes by admins and the cluster's managers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status
from sqlalchemy import select

from grappe.registry import repositories as repo
from grappe.registry.models import Cluster, Evaluation, Kpi
from grappe.service.deps import Caller, SessionDep, ensure_allowed
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import (
    EvaluationCreate,
    EvaluationPublic,
    KpiCreate,
    KpiPublic,
    ListOf,
)

router = APIRouter(tags=["kpis and evaluations"])

ClusterFilter = Annotated[str | None, Query(max_length=64)]


@router.get("/kpis", summary="List KPI values")
def list_kpis(
    session: SessionDep, cluster: ClusterFilter = None, limit: Limit = 100, offset: Offset = 0
) -> ListOf[KpiPublic]:
    rows, count = repo.list_kpis(session, cluster=cluster, limit=limit, offset=offset)
    return ListOf[KpiPublic](data=[KpiPublic.model_validate(r) for r in rows], count=count)


@router.put("/kpis", summary="Set a KPI value (admin or the cluster's manager)")
def put_kpi(session: SessionDep, token: Caller, body: KpiCreate) -> KpiPublic:
    """Create or replace the value of ``name`` in ``period`` (or ``year``) for the cluster
    (idempotent)."""
    row = session.scalar(
        select(Kpi).where(
            Kpi.cluster_id == body.cluster_id, Kpi.name == body.name, Kpi.period == body.period
        )
    )
    key = f"{body.cluster_id}/{body.name}/{body.period}"
    values = body.model_dump()
    if row is None:
        who = ensure_allowed(token, "create", "kpi", key, scope={body.cluster_id})
        repo.get(session, Cluster, body.cluster_id, what="cluster")
        row = Kpi(**values)
        session.add(row)
        session.flush()
        repo.audit(session, who, "create", "kpi", key, after=values)
        return KpiPublic.model_validate(row)
    before, after = repo.changed_fields({k: getattr(row, k) for k in values}, values)
    who = ensure_allowed(token, "update", "kpi", key, scope={body.cluster_id}, fields=list(after))
    if after:
        for field, value in after.items():
            setattr(row, field, value)
        session.flush()
        repo.audit(session, who, "update", "kpi", key, before=before, after=after)
    return KpiPublic.model_validate(row)


@router.get("/evaluations", summary="List evaluations")
def list_evaluations(
    session: SessionDep, cluster: ClusterFilter = None, limit: Limit = 100, offset: Offset = 0
) -> ListOf[EvaluationPublic]:
    rows, count = repo.list_evaluations(session, cluster=cluster, limit=limit, offset=offset)
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
