"""``/clusters/{id}/figures``, ``/activities``, ``/ties/{tie}/dates`` and ``/kpis/records``: the
records a cluster's KPIs are computed from, and the KPIs of a period computed from them. Public
read of published clusters (the member figures: admins, analysts and the cluster's managers,
a firm's figures being its own); writes by admins and the cluster's managers (record kinds
``member_figure``, ``cluster_activity``, ``tie`` of :data:`grappe.registry.permissions.RULES`),
every write audited (:mod:`grappe.registry.member_records`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from grappe.errors import InvalidParameterError
from grappe.registry import member_records as records
from grappe.registry.permissions import Access
from grappe.roadmap.periods import parse_period
from grappe.service.deps import Caller, OptionalCaller, SessionDep, ensure_allowed
from grappe.service.errors import ApiError
from grappe.service.record_schemas import (
    ActivityCreate,
    ActivityPublic,
    FigureCreate,
    FigurePublic,
    RecordKpiPublic,
    RecordsKpisPublic,
    TieDates,
)
from grappe.service.routes.clusters import _visible
from grappe.service.schemas import ListOf, RowId

router = APIRouter(prefix="/clusters", tags=["records"])

_PERIOD = "2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31."


@router.get(
    "/{cluster_id}/figures",
    summary="Figures of the cluster's members (admins, analysts and the cluster's managers)",
)
def list_figures(session: SessionDep, token: Caller, cluster_id: str) -> ListOf[FigurePublic]:
    # A firm's jobs and exports are its own: unlike the KPIs computed from them (totals), they
    # are not public, even for a published cluster.
    _visible(session, token, cluster_id)
    access = Access.of_token(token)
    if access.role == "manager" and cluster_id not in access.clusters:
        raise ApiError(
            403, "forbidden", f"The token {token.name!r} does not manage {cluster_id!r}."
        )
    rows = records.list_member_figures(session, cluster_id)
    return ListOf[FigurePublic](
        data=[FigurePublic.model_validate(r) for r in rows], count=len(rows)
    )


@router.put(
    "/{cluster_id}/members/{actor_id}/figures",
    summary="Set a member's figures of a period (admin or the cluster's manager)",
)
def put_figure(
    session: SessionDep, token: Caller, cluster_id: str, actor_id: str, body: FigureCreate
) -> FigurePublic:
    key = f"{cluster_id}/{actor_id}/{body.period}"
    who = ensure_allowed(token, "create", "member_figure", key, scope={cluster_id})
    row = records.set_member_figure(session, who, cluster_id, actor_id, body.model_dump())
    return FigurePublic.model_validate(row)


@router.delete(
    "/{cluster_id}/figures/{figure_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a member figure (admin or the cluster's manager)",
)
def delete_figure(session: SessionDep, token: Caller, cluster_id: str, figure_id: RowId) -> None:
    key = f"{cluster_id}/{figure_id}"
    who = ensure_allowed(token, "delete", "member_figure", key, scope={cluster_id})
    records.delete_member_figure(session, who, cluster_id, figure_id)


@router.get("/{cluster_id}/activities", summary="Trainings, missions and events of the cluster")
def list_activities(
    session: SessionDep, token: OptionalCaller, cluster_id: str
) -> ListOf[ActivityPublic]:
    _visible(session, token, cluster_id)
    rows = records.list_cluster_activities(session, cluster_id)
    return ListOf[ActivityPublic](
        data=[ActivityPublic.model_validate(r) for r in rows], count=len(rows)
    )


@router.post(
    "/{cluster_id}/activities",
    status_code=status.HTTP_201_CREATED,
    summary="Record an activity (admin or the cluster's manager)",
)
def create_activity(
    session: SessionDep, token: Caller, cluster_id: str, body: ActivityCreate
) -> ActivityPublic:
    who = ensure_allowed(token, "create", "cluster_activity", cluster_id, scope={cluster_id})
    row = records.add_cluster_activity(session, who, cluster_id, body.model_dump())
    return ActivityPublic.model_validate(row)


@router.delete(
    "/{cluster_id}/activities/{activity_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an activity (admin or the cluster's manager)",
)
def delete_activity(
    session: SessionDep, token: Caller, cluster_id: str, activity_id: RowId
) -> None:
    key = f"{cluster_id}/{activity_id}"
    who = ensure_allowed(token, "delete", "cluster_activity", key, scope={cluster_id})
    records.delete_cluster_activity(session, who, cluster_id, activity_id)


@router.put(
    "/{cluster_id}/ties/{tie_id}/dates",
    summary="Date a tie: when the relation began and ended (admin or the cluster's manager)",
)
def put_tie_dates(
    session: SessionDep, token: Caller, cluster_id: str, tie_id: RowId, body: TieDates
) -> TieDates:
    who = ensure_allowed(token, "update", "tie", f"{cluster_id}/{tie_id}", scope={cluster_id})
    tie = records.set_tie_dates(
        session, who, cluster_id, tie_id, since=body.since, until=body.until
    )
    return TieDates(since=tie.since, until=tie.until)


def _period(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return parse_period(value).text
    except InvalidParameterError as exc:
        raise InvalidParameterError(f"The {name!r} parameter: {exc}") from None


@router.get(
    "/{cluster_id}/kpis/records",
    summary="The standard KPIs of a period computed from records, beside the typed values",
)
def kpis_from_records(
    session: SessionDep,
    token: OptionalCaller,
    cluster_id: str,
    period: Annotated[str, Query(max_length=10, description=_PERIOD)],
    previous: Annotated[
        str | None, Query(max_length=10, description="A period to compare with.")
    ] = None,
) -> RecordsKpisPublic:
    _visible(session, token, cluster_id)
    chosen, before = _period(period, "period"), _period(previous, "previous")
    computed = records.records_kpis(session, cluster_id, str(chosen), previous=before)
    rows = records.compare_with_typed(session, cluster_id, computed)
    return RecordsKpisPublic(
        cluster_id=cluster_id,
        period=computed.period.text,
        previous=before,
        kpis=[RecordKpiPublic(**row) for row in rows],
        breakdowns={k: dict(v) for k, v in computed.breakdowns.items()},
    )
