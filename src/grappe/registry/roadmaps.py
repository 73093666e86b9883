"""A cluster's roadmap in the registry: validated by :func:`grappe.roadmap.build_roadmap`.

A roadmap is sent as the mapping a roadmap YAML file holds (see
:func:`grappe.io.assess.read_roadmap`): ``cluster``, ``mode``, ``deliverables``, ``challenges``,
``actors`` and ``actions``. It is stored in two tables, ``roadmaps`` (mode, deliverables,
priority challenges) and
``roadmap_actions`` (one row per action, in the order of the plan), and replaced as a whole.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from grappe.registry.models import Cluster, RoadmapAction, RoadmapRow
from grappe.registry.permissions import Access, name_of
from grappe.registry.repositories import audit, changed_fields, get
from grappe.roadmap import Action, Milestone, Roadmap

__all__ = ["delete_roadmap", "load_roadmap", "parse_roadmap", "roadmap_document", "store_roadmap"]


def parse_roadmap(data: Any, *, file: str = "roadmap") -> Roadmap:
    """Validate a roadmap mapping (the content of a roadmap YAML file): the one parser,
    :meth:`grappe.roadmap.Roadmap.from_dict`.

    Parameters
    ----------
    data : mapping
        ``cluster``, ``mode`` (``bottom_up`` or ``top_down``), ``actions`` (list of mappings),
        optional ``deliverables`` (deliverable → status) and ``actors`` (allowed owners).
    file : str
        Name of the source shown in errors.

    Returns
    -------
    grappe.roadmap.Roadmap

    Raises
    ------
    DataValidationError
        Every problem, each with the row (1-based position of the action), field and fix.

    Examples
    --------
    >>> r = parse_roadmap({"cluster": "Dates", "mode": "bottom_up", "actions": [
    ...     {"id": "A1", "title": "Kick-off", "phase": "mobilise", "owner": "CCI",
    ...      "start": "2024-01-01", "end": "2024-03-31"}]})
    >>> r.actions[0].status
    'planned'
    """
    return Roadmap.from_dict(data, file=file)


def store_roadmap(
    session: Session, cluster_id: str, roadmap: Roadmap, *, who: str | Access
) -> None:
    """Store ``roadmap`` as the roadmap of ``cluster_id``, replacing any earlier one.

    The audit entry keeps the whole document of a new roadmap, or the old and new values of the
    parts (``cluster``, ``mode``, ``deliverables``, ``challenges``, ``actions``) that changed;
    storing the same roadmap again writes no entry.

    Raises
    ------
    NotFoundError
        No cluster has the id ``cluster_id``.
    """
    get(session, Cluster, cluster_id, what="cluster")
    stored = load_roadmap(session, cluster_id)
    session.execute(delete(RoadmapAction).where(RoadmapAction.cluster_id == cluster_id))
    row = session.get(RoadmapRow, cluster_id)
    if row is None:
        row = RoadmapRow(cluster_id=cluster_id)
        session.add(row)
    row.name, row.mode, row.updated_by = roadmap.cluster, roadmap.mode, name_of(who)
    row.deliverables = dict(roadmap.deliverables)
    row.challenges = list(roadmap.challenges)
    row.updated_at = dt.datetime.now(dt.UTC)
    session.flush()
    session.add_all(
        RoadmapAction(
            cluster_id=cluster_id,
            action_id=a.id,
            position=i,
            phase=a.phase,
            title=a.title,
            owner=a.owner,
            budget=a.budget,
            currency=a.currency,
            start=a.start,
            end=a.end,
            status=a.status,
            partners=list(a.partners),
            milestones=[
                {"name": m.name, "date": m.date.isoformat(), "done": m.done} for m in a.milestones
            ],
        )
        for i, a in enumerate(roadmap.actions)
    )
    session.flush()
    document = roadmap_document(roadmap)
    if stored is None:
        audit(session, who, "create", "roadmap", cluster_id, after=document)
        return
    before, after = changed_fields(roadmap_document(stored), document)
    if after:
        audit(session, who, "update", "roadmap", cluster_id, before=before, after=after)


def load_roadmap(session: Session, cluster_id: str) -> Roadmap | None:
    """The stored roadmap of ``cluster_id``, None when it has none."""
    row = session.get(RoadmapRow, cluster_id)
    if row is None:
        return None
    actions = session.scalars(
        select(RoadmapAction)
        .where(RoadmapAction.cluster_id == cluster_id)
        .order_by(RoadmapAction.position)
    )
    return Roadmap(
        row.name,
        row.mode,
        tuple(
            Action(
                a.action_id,
                a.title,
                a.phase,
                a.owner,
                a.budget,
                a.currency,
                tuple(a.partners),
                a.start,
                a.end,
                tuple(
                    Milestone(m["name"], dt.date.fromisoformat(m["date"]), bool(m["done"]))
                    for m in a.milestones
                ),
                a.status,
            )
            for a in actions
        ),
        dict(row.deliverables),
        tuple(row.challenges or ()),
    )


def delete_roadmap(session: Session, cluster_id: str, *, who: str | Access) -> bool:
    """Remove the roadmap of ``cluster_id``; whether there was one. The audit entry keeps the
    whole deleted document."""
    stored = load_roadmap(session, cluster_id)
    row = session.get(RoadmapRow, cluster_id)
    if row is None or stored is None:
        return False
    session.execute(delete(RoadmapAction).where(RoadmapAction.cluster_id == cluster_id))
    session.delete(row)
    session.flush()
    audit(session, who, "delete", "roadmap", cluster_id, before=roadmap_document(stored))
    return True


def roadmap_document(roadmap: Roadmap) -> dict[str, Any]:
    """``roadmap`` as the mapping :func:`parse_roadmap` reads (dates as ISO strings).

    Examples
    --------
    >>> doc = {"cluster": "Dates", "mode": "top_down", "deliverables": {},
    ...        "challenges": ["Export to Europe"], "actions": [
    ...     {"id": "A1", "title": "Kick-off", "phase": "mobilise", "owner": "CCI",
    ...      "budget": 0.0, "currency": "", "partners": [], "start": "2024-01-01",
    ...      "end": "2024-03-31", "status": "planned", "milestones": []}]}
    >>> roadmap_document(parse_roadmap(doc)) == doc
    True
    """
    return {
        "cluster": roadmap.cluster,
        "mode": roadmap.mode,
        "deliverables": dict(roadmap.deliverables),
        "challenges": list(roadmap.challenges),
        "actions": [
            {
                "id": a.id,
                "title": a.title,
                "phase": a.phase,
                "owner": a.owner,
                "budget": a.budget,
                "currency": a.currency,
                "partners": list(a.partners),
                "start": a.start.isoformat(),
                "end": a.end.isoformat(),
                "status": a.status,
                "milestones": [
                    {"name": m.name, "date": m.date.isoformat(), "done": m.done}
                    for m in a.milestones
                ],
            }
            for a in roadmap.actions
        ],
    }
