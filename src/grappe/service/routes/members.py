"""``/clusters/{id}/members/{actor}/events``: dated events of a cluster's members (join, leave,
sector); public read of published clusters, writes by admins and the cluster's managers
(record kind ``member_event`` of :data:`grappe.registry.permissions.RULES`), every write
audited. ``/clusters/{id}/members/counts`` counts the ``members``/``new_members`` KPIs of a
period from them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from grappe.errors import InvalidParameterError
from grappe.registry import member_events as events
from grappe.roadmap.periods import parse_period
from grappe.service.deps import Caller, OptionalCaller, SessionDep, ensure_allowed
from grappe.service.routes.clusters import _visible
from grappe.service.schemas import (
    ListOf,
    MemberCountsPublic,
    MemberEventCreate,
    MemberEventPublic,
    MemberEventUpdate,
    RowId,
)

router = APIRouter(prefix="/clusters", tags=["members"])

_EVENTS = "/{cluster_id}/members/{actor_id}/events"


@router.get("/{cluster_id}/members/counts", summary="Members of a period, from the events")
def member_counts(
    session: SessionDep,
    token: OptionalCaller,
    cluster_id: str,
    period: Annotated[
        str, Query(max_length=10, description="2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31.")
    ],
) -> MemberCountsPublic:
    _visible(session, token, cluster_id)
    try:
        parsed = parse_period(period)
    except InvalidParameterError as exc:
        raise InvalidParameterError(f"The 'period' parameter: {exc}") from None
    counts = events.count_members(session, cluster_id, parsed)
    return MemberCountsPublic(cluster_id=cluster_id, period=parsed.text, **counts)


@router.get(_EVENTS, summary="Events of a member")
def list_events(
    session: SessionDep, token: OptionalCaller, cluster_id: str, actor_id: str
) -> ListOf[MemberEventPublic]:
    _visible(session, token, cluster_id)
    rows = events.list_member_events(session, cluster_id, actor_id)
    return ListOf[MemberEventPublic](
        data=[MemberEventPublic.model_validate(r) for r in rows], count=len(rows)
    )


@router.post(
    _EVENTS,
    status_code=status.HTTP_201_CREATED,
    summary="Record an event of a member (admin or the cluster's manager)",
)
def create_event(
    session: SessionDep, token: Caller, cluster_id: str, actor_id: str, body: MemberEventCreate
) -> MemberEventPublic:
    key = f"{cluster_id}/{actor_id}"
    who = ensure_allowed(token, "create", "member_event", key, scope={cluster_id})
    row = events.add_member_event(session, who, cluster_id, actor_id, body.model_dump())
    return MemberEventPublic.model_validate(row)


@router.patch(_EVENTS + "/{event_id}", summary="Correct an event (admin or the cluster's manager)")
def update_event(
    session: SessionDep,
    token: Caller,
    cluster_id: str,
    actor_id: str,
    event_id: RowId,
    body: MemberEventUpdate,
) -> MemberEventPublic:
    values = body.model_dump(exclude_unset=True)
    key = f"{cluster_id}/{actor_id}/{event_id}"
    who = ensure_allowed(
        token, "update", "member_event", key, scope={cluster_id}, fields=list(values)
    )
    row = events.update_member_event(session, who, cluster_id, actor_id, event_id, values)
    return MemberEventPublic.model_validate(row)


@router.delete(
    _EVENTS + "/{event_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an event (admin or the cluster's manager)",
)
def delete_event(
    session: SessionDep, token: Caller, cluster_id: str, actor_id: str, event_id: RowId
) -> None:
    key = f"{cluster_id}/{actor_id}/{event_id}"
    who = ensure_allowed(token, "delete", "member_event", key, scope={cluster_id})
    events.delete_member_event(session, who, cluster_id, actor_id, event_id)
