"""Member events of a cluster: join, leave and sector changes of its members, with dates.

Typed functions over :class:`~grappe.registry.models.MemberEvent`: each takes the caller's
:class:`~grappe.registry.permissions.Access` (checked beforehand against
:data:`~grappe.registry.permissions.RULES`, record kind ``member_event``, scope the cluster,
as the routes do with ``deps.ensure_allowed``), writes, and appends an audit entry with the
values before and after. The ``members`` and
``new_members`` KPIs of a period are counted from the events by
:func:`grappe.roadmap.periods.member_counts`.

Since migration 0016 an event also carries the member's activity (``activity_code``, a NAF,
NACE or ISIC code, and ``activity``, its name), ``sphere`` (the actor's when not given) and
``region_id`` (a wilaya…) at the date, for the breakdowns of
:func:`grappe.roadmap.records.kpis_from_records`; a leave before a join, or a second join, is
refused by the same check as the files' (:func:`grappe.roadmap.records.check_records`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError, NotFoundError, PermissionDeniedError
from grappe.i18n import Message
from grappe.registry.form_values import FORM
from grappe.registry.models import Actor, Cluster, MemberEvent, Region
from grappe.registry.permissions import Access, refusal
from grappe.registry.repositories import audit, changed_fields, get
from grappe.roadmap.periods import Period, member_counts
from grappe.roadmap.records_check import check_records
from grappe.vocabulary import MEMBER_EVENTS, SPHERES

__all__ = [
    "EVENT_FIELDS",
    "add_member_event",
    "count_members",
    "delete_member_event",
    "list_member_events",
    "update_member_event",
]

#: The fields of an event a caller gives.
EVENT_FIELDS: tuple[str, ...] = (
    "kind", "date", "sector", "note", "activity_code", "activity", "sphere", "region_id",
)  # fmt: skip


def _key(event: MemberEvent) -> str:
    return f"{event.cluster_id}/{event.actor_id}/{event.id}"


def _record(event: MemberEvent) -> dict[str, Any]:
    return {
        "cluster_id": event.cluster_id,
        "actor_id": event.actor_id,
        "kind": event.kind,
        "date": event.date.isoformat(),
        "sector": event.sector,
        "note": event.note,
        "activity_code": event.activity_code,
        "activity": event.activity,
        "sphere": event.sphere,
        "region_id": event.region_id,
    }


def _check(values: Mapping[str, Any], func: str) -> None:
    kind = values.get("kind")
    if kind is not None and kind not in MEMBER_EVENTS:
        raise InvalidParameterError(Message(
            "The 'kind' parameter of {func} must be one of {allowed}. Got {value!r} instead.",
            func=func, allowed=", ".join(MEMBER_EVENTS), value=kind,
        ))  # fmt: skip
    if "date" in values and not isinstance(values["date"], dt.date):
        raise InvalidParameterError(Message(
            "The 'date' parameter of {func} must be a date. Got {value!r} instead.",
            func=func, value=values["date"],
        ))  # fmt: skip
    if kind == "sector" and not values.get("sector"):
        raise InvalidParameterError(Message(
            "The 'sector' parameter of {func} must be given for a sector event. Got {value!r} "
            "instead.",
            func=func, value=values.get("sector"),
        ))  # fmt: skip
    sphere = values.get("sphere")
    if sphere is not None and sphere not in SPHERES:
        raise InvalidParameterError(Message(
            "The 'sphere' parameter of {func} must be one of {allowed}. Got {value!r} instead.",
            func=func, allowed=", ".join(SPHERES), value=sphere,
        ))  # fmt: skip


def _allowed(who: Access, action: str, cluster_id: str, key: str) -> None:
    refused = refusal(who, action, "member_event", key, scope={cluster_id})
    if refused is not None:
        raise PermissionDeniedError(str(refused))


def _check_history(
    session: Session, cluster_id: str, actor_id: str, values: Mapping[str, Any],
    replaced: int | None = None,
) -> None:  # fmt: skip
    """Refuse an event that breaks the member's history (a leave before a join, a second
    join), by the check the record files get; the issue names the form's ``kind`` field."""
    if values.get("region_id") is not None:
        get(session, Region, values["region_id"], what="region")
    stored = list_member_events(session, cluster_id, actor_id)
    history = [{"actor": actor_id, "kind": e.kind, "date": e.date, "row": None}
               for e in stored if e.id != replaced]  # fmt: skip
    history.append(
        {"actor": actor_id, "kind": values.get("kind"), "date": values.get("date"), "row": None}
    )
    check_records(history, sources={"events": FORM})


def list_member_events(
    session: Session, cluster_id: str, actor_id: str | None = None
) -> list[MemberEvent]:
    """The events of a cluster's members (of one member if ``actor_id``), by date."""
    get(session, Cluster, cluster_id, what="cluster")
    query = select(MemberEvent).where(MemberEvent.cluster_id == cluster_id)
    if actor_id is not None:
        get(session, Actor, actor_id, what="actor")
        query = query.where(MemberEvent.actor_id == actor_id)
    return list(session.scalars(query.order_by(MemberEvent.date, MemberEvent.id)))


def _event(session: Session, cluster_id: str, actor_id: str, event_id: int) -> MemberEvent:
    event = session.get(MemberEvent, event_id)
    if event is None or (event.cluster_id, event.actor_id) != (cluster_id, actor_id):
        raise NotFoundError(Message(
            "No event {event} of member {actor!r} of {cluster!r}.",
            event=event_id, actor=actor_id, cluster=cluster_id,
        ))  # fmt: skip
    return event


def add_member_event(
    session: Session, who: Access, cluster_id: str, actor_id: str, values: Mapping[str, Any]
) -> MemberEvent:
    """Record an event of a member (audited; ``values``: ``kind``, ``date``, ``sector``,
    ``note``).

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's member events.
    NotFoundError
        If the cluster, the actor or the region does not exist.
    InvalidParameterError
        On an unknown kind or sphere, a date that is not a date, a sector event without a
        sector.
    DataValidationError
        If the event breaks the member's history: a leave before a join, a second join.
    """
    _allowed(who, "create", cluster_id, f"{cluster_id}/{actor_id}")
    _check({"date": None, **values}, "add_member_event")
    get(session, Cluster, cluster_id, what="cluster")
    actor = get(session, Actor, actor_id, what="actor")
    fields = {k: values.get(k) for k in EVENT_FIELDS}
    if fields["sphere"] is None and actor.sphere in SPHERES:
        fields["sphere"] = actor.sphere  # the actor's sphere unless the event says otherwise
    _check_history(session, cluster_id, actor_id, fields)
    event = MemberEvent(cluster_id=cluster_id, actor_id=actor_id, **fields)
    session.add(event)
    session.flush()
    audit(session, who, "create", "member_event", _key(event), after=_record(event))
    return event


def update_member_event(
    session: Session,
    who: Access,
    cluster_id: str,
    actor_id: str,
    event_id: int,
    values: Mapping[str, Any],
) -> MemberEvent:
    """Correct an event (audited with the changed fields before and after); refused as by
    :func:`add_member_event`."""
    _allowed(who, "update", cluster_id, f"{cluster_id}/{actor_id}/{event_id}")
    event = _event(session, cluster_id, actor_id, event_id)
    merged = {k: getattr(event, k) for k in EVENT_FIELDS} | dict(values)
    _check(merged, "update_member_event")
    _check_history(session, cluster_id, actor_id, merged, replaced=event_id)
    before = _record(event)
    for field in EVENT_FIELDS:
        setattr(event, field, merged[field])
    session.flush()
    old, new = changed_fields(before, _record(event))
    if new:
        audit(session, who, "update", "member_event", _key(event), before=old, after=new)
    return event


def delete_member_event(
    session: Session, who: Access, cluster_id: str, actor_id: str, event_id: int
) -> None:
    """Delete an event (audited with the whole record before)."""
    _allowed(who, "delete", cluster_id, f"{cluster_id}/{actor_id}/{event_id}")
    event = _event(session, cluster_id, actor_id, event_id)
    before = _record(event)
    key = _key(event)
    session.delete(event)
    session.flush()
    audit(session, who, "delete", "member_event", key, before=before)


def count_members(session: Session, cluster_id: str, period: Period | str) -> dict[str, int]:
    """``members`` at the end of ``period`` and ``new_members`` during it, from the events."""
    events = [
        {"actor": e.actor_id, "kind": e.kind, "date": e.date}
        for e in list_member_events(session, cluster_id)
    ]
    return member_counts(events, period)
