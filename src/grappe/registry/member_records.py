"""The records a cluster's KPIs are computed from: member figures (jobs, exports, founding date
per member and period), cluster activities (trainings, missions, events) and the start and end
dates of ties; and the KPIs of a period computed from them with the member events.

Typed functions: each takes the caller's :class:`~grappe.registry.permissions.Access`, checks
it against :data:`~grappe.registry.permissions.RULES` (record kinds ``member_figure``,
``cluster_activity``, ``tie``; scope the cluster), validates with the one check of the records
(:func:`grappe.roadmap.records.check_records`, the files' check too; issues name the form's
fields, file ``"form"``), writes, and appends an audit entry with the values before and after.

The KPIs computed from records are **computed on read**, never stored: a record corrected
tomorrow changes them at once, and a stored copy could disagree with its records without
anyone noticing. The typed values (``kpis`` table, with their targets) stay as they are;
:func:`compare_with_typed` sets them side by side and flags a typed value that disagrees.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import GrappeError, NotFoundError, PermissionDeniedError
from grappe.i18n import Message
from grappe.registry.form_values import FORM
from grappe.registry.member_events import list_member_events
from grappe.registry.models import Cluster, Kpi, Tie
from grappe.registry.permissions import Access, refusal
from grappe.registry.record_models import ClusterActivity, MemberFigure
from grappe.registry.repositories import audit, changed_fields, get
from grappe.roadmap.periods import Period, parse_period
from grappe.roadmap.records import RecordsKpis, kpis_from_records
from grappe.roadmap.records_check import Records, check_records

__all__ = [
    "ACTIVITY_FIELDS",
    "FIGURE_FIELDS",
    "add_cluster_activity",
    "cluster_records",
    "compare_with_typed",
    "delete_cluster_activity",
    "delete_member_figure",
    "list_cluster_activities",
    "list_cluster_ties",
    "list_member_figures",
    "records_kpis",
    "set_member_figure",
    "set_tie_dates",
]

#: The fields of a member figure a caller gives (with the member's ``actor_id``).
FIGURE_FIELDS: tuple[str, ...] = (
    "period",
    "jobs",
    "exports",
    "currency",
    "founded",
    "markets",
    "note",
)
#: The fields of a cluster activity a caller gives.
ACTIVITY_FIELDS: tuple[str, ...] = ("kind", "date", "title", "participants", "members", "note")


def _allowed(who: Access, action: str, kind: str, key: str, cluster_id: str) -> None:
    refused = refusal(who, action, kind, key, scope={cluster_id})
    if refused is not None:
        raise PermissionDeniedError(str(refused))


def _events(session: Session, cluster_id: str) -> list[dict[str, Any]]:
    return [
        {
            "actor": e.actor_id,
            "kind": e.kind,
            "date": e.date,
            "sector": e.sector,
            "activity_code": e.activity_code,
            "activity": e.activity,
            "sphere": e.sphere,
            "region": e.region_id,
            "row": None,
        }
        for e in list_member_events(session, cluster_id)
    ]


def _figure_record(row: MemberFigure) -> dict[str, Any]:
    return {
        "actor": row.actor_id,
        "period": row.period,
        "jobs": row.jobs,
        "exports": row.exports,
        "currency": row.currency,
        "founded": row.founded,
        "markets": row.markets or (),
        "row": None,
    }


def _figure_audit(row: MemberFigure) -> dict[str, Any]:
    return {
        "cluster_id": row.cluster_id,
        "actor_id": row.actor_id,
        "period": row.period,
        "jobs": row.jobs,
        "exports": row.exports,
        "currency": row.currency,
        "founded": row.founded.isoformat() if row.founded else None,
        "markets": list(row.markets or []),
        "note": row.note,
    }


def list_member_figures(
    session: Session, cluster_id: str, actor_id: str | None = None
) -> list[MemberFigure]:
    """The figures of a cluster's members (of one member if ``actor_id``), by member and
    period."""
    get(session, Cluster, cluster_id, what="cluster")
    query = select(MemberFigure).where(MemberFigure.cluster_id == cluster_id)
    if actor_id is not None:
        query = query.where(MemberFigure.actor_id == actor_id)
    rows = list(session.scalars(query))
    return sorted(rows, key=lambda r: (r.actor_id, parse_period(r.period)))


def set_member_figure(
    session: Session, who: Access, cluster_id: str, actor_id: str, values: Mapping[str, Any]
) -> MemberFigure:
    """Create or replace the figures of a member for a period (audited; an unchanged entry
    writes nothing).

    Parameters
    ----------
    values : mapping
        ``period`` (``2024``, ``2024-Q1``…), and optionally ``jobs`` (a whole number),
        ``exports`` (an amount, with ``currency``), ``founded`` (the firm's creation date),
        ``markets`` (where the exports go: ``"FR:40;DE:25;AE"`` or a list of
        ``{"country", "share"}``, see :func:`grappe.roadmap.markets.parse_markets`), ``note``;
        numbers and dates as values or as the text of a form.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's member figures.
    NotFoundError
        No cluster ``cluster_id``.
    DataValidationError
        The figure is invalid (see :func:`grappe.roadmap.records.check_records`): an actor
        that never joined the cluster (unknown member), a period that is not one, negative
        jobs, exports without a currency, an unknown market country code or a share that is
        not a percent, a founding date after the period, a period that
        overlaps another figure of the member. Nothing is written.
    """
    key = f"{cluster_id}/{actor_id}/{values.get('period')}"
    _allowed(who, "create", "member_figure", key, cluster_id)
    get(session, Cluster, cluster_id, what="cluster")
    text = str(values.get("period") or "").strip()
    try:
        period_text = parse_period(text).text
    except GrappeError:  # the check below reports it, naming the field
        period_text = text
    others = [
        _figure_record(r)
        for r in list_member_figures(session, cluster_id, actor_id)
        if r.period != period_text
    ]
    given = {"actor": actor_id, **{k: values.get(k) for k in FIGURE_FIELDS}, "row": None}
    checked = check_records(
        _events(session, cluster_id), [*others, given], sources={"events": FORM, "figures": FORM}
    )
    figure = next(f for f in checked.figures if f["period"].text == period_text)
    fields = {
        "period": figure["period"].text,
        "jobs": None if figure["jobs"] is None else int(figure["jobs"]),
        "exports": figure["exports"],
        "currency": figure["currency"],
        "founded": figure["founded"],
        "markets": [{"country": m.country, "share": m.share} for m in figure["markets"]] or None,
        "note": (str(values.get("note") or "").strip() or None),
    }
    row = session.scalar(
        select(MemberFigure).where(
            MemberFigure.cluster_id == cluster_id,
            MemberFigure.actor_id == actor_id,
            MemberFigure.period == fields["period"],
        )
    )
    key = f"{cluster_id}/{actor_id}/{fields['period']}"
    if row is None:
        row = MemberFigure(cluster_id=cluster_id, actor_id=actor_id, **fields)
        session.add(row)
        session.flush()
        audit(session, who, "create", "member_figure", key, after=_figure_audit(row))
        return row
    before = _figure_audit(row)
    for field, value in fields.items():
        setattr(row, field, value)
    session.flush()
    old, new = changed_fields(before, _figure_audit(row))
    if new:
        _allowed(who, "update", "member_figure", key, cluster_id)
        audit(session, who, "update", "member_figure", key, before=old, after=new)
    return row


def delete_member_figure(session: Session, who: Access, cluster_id: str, figure_id: int) -> None:
    """Delete a member figure (audited with the whole record before).

    Raises
    ------
    PermissionDeniedError, NotFoundError
    """
    row = session.get(MemberFigure, figure_id)
    if row is None or row.cluster_id != cluster_id:
        raise NotFoundError(Message(
            "No member figure {figure} in cluster {cluster!r}.", figure=figure_id,
            cluster=cluster_id,
        ))  # fmt: skip
    key = f"{cluster_id}/{row.actor_id}/{row.period}"
    _allowed(who, "delete", "member_figure", key, cluster_id)
    before = _figure_audit(row)
    session.delete(row)
    session.flush()
    audit(session, who, "delete", "member_figure", key, before=before)


def _activity_audit(row: ClusterActivity) -> dict[str, Any]:
    return {
        "cluster_id": row.cluster_id,
        "kind": row.kind,
        "date": row.date.isoformat(),
        "title": row.title,
        "participants": row.participants,
        "members": list(row.members or []),
        "note": row.note,
    }


def list_cluster_activities(session: Session, cluster_id: str) -> list[ClusterActivity]:
    """The activities of a cluster, by date."""
    get(session, Cluster, cluster_id, what="cluster")
    query = select(ClusterActivity).where(ClusterActivity.cluster_id == cluster_id)
    return list(session.scalars(query.order_by(ClusterActivity.date, ClusterActivity.id)))


def add_cluster_activity(
    session: Session, who: Access, cluster_id: str, values: Mapping[str, Any]
) -> ClusterActivity:
    """Record a training, mission or event of the cluster (audited).

    Parameters
    ----------
    values : mapping
        ``kind`` (:data:`~grappe.vocabulary.CLUSTER_ACTIVITY_KINDS`), ``date``, and
        optionally ``title``, ``participants`` (a whole number), ``members`` (the member
        actors who took part: a list of ids or a ``;``-separated text), ``note``.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's activities.
    NotFoundError
        No cluster ``cluster_id``.
    DataValidationError
        An unknown kind, a date that is not a day, a participant count that is not a whole
        number, a member that never joined the cluster. Nothing is written.
    """
    _allowed(who, "create", "cluster_activity", cluster_id, cluster_id)
    get(session, Cluster, cluster_id, what="cluster")
    given = {k: values.get(k) for k in ACTIVITY_FIELDS} | {"row": None}
    checked = check_records(
        _events(session, cluster_id),
        activities=[given],
        sources={"events": FORM, "activities": FORM},
    )
    activity = checked.activities[0]
    participants = activity["participants"]
    row = ClusterActivity(
        cluster_id=cluster_id,
        kind=activity["kind"],
        date=activity["date"],
        title=activity["title"],
        members=list(activity["members"]) or None,
        participants=None if participants is None else int(participants),
        note=str(values.get("note") or "").strip() or None,
    )
    session.add(row)
    session.flush()
    audit(
        session,
        who,
        "create",
        "cluster_activity",
        f"{cluster_id}/{row.id}",
        after=_activity_audit(row),
    )
    return row


def delete_cluster_activity(
    session: Session, who: Access, cluster_id: str, activity_id: int
) -> None:
    """Delete an activity (audited with the whole record before).

    Raises
    ------
    PermissionDeniedError, NotFoundError
    """
    key = f"{cluster_id}/{activity_id}"
    _allowed(who, "delete", "cluster_activity", key, cluster_id)
    row = session.get(ClusterActivity, activity_id)
    if row is None or row.cluster_id != cluster_id:
        raise NotFoundError(Message(
            "No activity {activity} in cluster {cluster!r}.", activity=activity_id,
            cluster=cluster_id,
        ))  # fmt: skip
    before = _activity_audit(row)
    session.delete(row)
    session.flush()
    audit(session, who, "delete", "cluster_activity", key, before=before)


def list_cluster_ties(session: Session, cluster_id: str) -> list[Tie]:
    """The live ties of the cluster's network (any wave), with their dates."""
    query = select(Tie).where(Tie.cluster_id == cluster_id, Tie.deleted_at.is_(None))
    return list(session.scalars(query.order_by(Tie.id)))


def set_tie_dates(
    session: Session,
    who: Access,
    cluster_id: str,
    tie_id: int,
    *,
    since: dt.date | str | None,
    until: dt.date | str | None = None,
) -> Tie:
    """Date a tie of the cluster: when the relation began (``since``, what the
    ``partnerships`` KPI counts) and ended (``until``); audited before and after.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's ties.
    NotFoundError
        No live tie ``tie_id`` in the cluster.
    DataValidationError
        A date that is not a day, or ``until`` before ``since``.
    """
    tie = session.get(Tie, tie_id)
    if tie is None or tie.cluster_id != cluster_id or tie.deleted_at is not None:
        raise NotFoundError(Message(
            "No tie {tie} in cluster {cluster!r}.", tie=tie_id, cluster=cluster_id
        ))  # fmt: skip
    key = f"{tie.source}/{tie.target}/{tie.type}"
    _allowed(who, "update", "tie", key, cluster_id)
    checked = check_records(
        ties=[
            {
                "source": tie.source,
                "target": tie.target,
                "since": since,
                "until": until,
                "row": None,
            }
        ],
        sources={"ties": FORM},
    ).ties[0]
    before = {"since": tie.since, "until": tie.until}
    old, new = changed_fields(before, {"since": checked["since"], "until": checked["until"]})
    if new:
        tie.since, tie.until = checked["since"], checked["until"]
        session.flush()
        as_text = {k: v.isoformat() if v else None for k, v in new.items()}
        was = {k: v.isoformat() if v else None for k, v in old.items()}
        audit(session, who, "update", "tie", key, before=was, after=as_text)
    return tie


def cluster_records(session: Session, cluster_id: str) -> Records:
    """The checked records of a cluster: its member events, figures, activities and live
    ties.

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.
    DataValidationError
        Stored records that no longer agree (a figure of an actor whose join was deleted).
    """
    get(session, Cluster, cluster_id, what="cluster")
    figures = [_figure_record(r) for r in list_member_figures(session, cluster_id)]
    activities = [
        {
            "kind": a.kind,
            "date": a.date,
            "title": a.title,
            "participants": a.participants,
            "members": list(a.members or []),
            "row": None,
        }
        for a in list_cluster_activities(session, cluster_id)
    ]
    ties = [
        {
            "source": t.source,
            "target": t.target,
            "type": t.type,
            "since": t.since,
            "until": t.until,
            "row": None,
        }
        for t in list_cluster_ties(session, cluster_id)
    ]
    return check_records(
        _events(session, cluster_id),
        figures,
        activities,
        ties,
        sources=dict.fromkeys(("events", "figures", "activities", "ties"), "registry"),
    )


def records_kpis(
    session: Session, cluster_id: str, period: Period | str, *, previous: Period | str | None = None
) -> RecordsKpis:
    """The standard KPIs of ``period`` computed from the cluster's records (see
    :func:`grappe.roadmap.records.kpis_from_records`); computed on read, never stored.

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.
    InvalidParameterError
        ``period`` or ``previous`` is not a period.
    DataValidationError
        The stored records disagree (see :func:`cluster_records`).
    """
    return kpis_from_records(cluster_records(session, cluster_id), period=period, previous=previous)


def compare_with_typed(
    session: Session, cluster_id: str, computed: RecordsKpis
) -> list[dict[str, Any]]:
    """Each standard KPI of the period computed from records beside the value typed by hand
    (and its target): ``kpi``, ``computed``, ``typed``, ``target``, ``unit``, ``counted``,
    ``left_out``, ``rule``, ``previous``, ``change`` and ``disagrees`` (a typed value that
    differs from the computed one by more than a rounding).
    """
    typed = {
        row.name: row
        for row in session.scalars(
            select(Kpi).where(Kpi.cluster_id == cluster_id, Kpi.period == computed.period.text)
        )
    }
    rows = []
    for entry in computed.to_rows():
        stored = typed.get(entry["kpi"])
        value = None if stored is None else stored.value
        disagrees = (
            value is not None
            and entry["value"] is not None
            and not math.isclose(value, entry["value"], rel_tol=1e-9, abs_tol=1e-9)
        )
        rows.append(
            {
                "kpi": entry["kpi"],
                "computed": entry["value"],
                "typed": value,
                "target": None if stored is None else stored.target,
                "unit": entry["unit"],
                "counted": entry["counted"],
                "left_out": entry["left_out"],
                "rule": entry["rule"],
                "previous": entry["previous"],
                "change": entry["change"],
                "disagrees": disagrees,
            }
        )
    return rows
