"""A cluster's roadmap in the registry: validated by :func:`grappe.roadmap.build_roadmap`.

A roadmap is sent as the mapping a roadmap YAML file holds (see
:func:`grappe.io.assess.read_roadmap`): ``cluster``, ``mode``, ``deliverables``, ``actors`` and
``actions``. It is stored in two tables, ``roadmaps`` (mode, deliverables) and
``roadmap_actions`` (one row per action, in the order of the plan), and replaced as a whole.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from grappe.errors import DataValidationError, ValidationIssue
from grappe.registry.models import Cluster, RoadmapAction, RoadmapRow
from grappe.registry.permissions import Access, name_of
from grappe.registry.repositories import audit, changed_fields, get
from grappe.roadmap import Action, Milestone, Roadmap, build_roadmap

__all__ = ["delete_roadmap", "load_roadmap", "parse_roadmap", "roadmap_document", "save_roadmap"]

# Longest text each stored field accepts (PostgreSQL enforces the column widths).
_WIDTHS = {"id": 64, "title": 300, "owner": 200}
# Control characters (PostgreSQL refuses NUL in text; the others break pages).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _texts(action: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """(field, value) of every text stored from an action."""
    out = [(k, action.get(k)) for k in ("id", "title", "owner", "currency", "phase", "status")]
    partners = action.get("partners")
    out += [("partners", p) for p in (partners if isinstance(partners, list) else [partners])]
    milestones = action.get("milestones")
    if isinstance(milestones, list):
        out += [("milestones", m.get("name")) for m in milestones if isinstance(m, Mapping)]
    return out


def parse_roadmap(data: Any, *, file: str = "roadmap") -> Roadmap:
    """Validate a roadmap mapping (the content of a roadmap YAML file) with the rules of
    :func:`grappe.io.assess.read_roadmap`.

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

    References
    ----------
    .. [1] UNIDO (2013). *The UNIDO Approach to Cluster Development: Key Principles and Project
       Experiences (1994–2012)*. Vienna.

    Examples
    --------
    >>> r = parse_roadmap({"cluster": "Dates", "mode": "bottom_up", "actions": [
    ...     {"id": "A1", "title": "Kick-off", "phase": "mobilise", "owner": "CCI",
    ...      "start": "2024-01-01", "end": "2024-03-31"}]})
    >>> r.actions[0].status
    'planned'
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("actions"), list):
        raise DataValidationError(
            ValidationIssue(
                "The roadmap has no 'actions' list.",
                file=file,
                column="actions",
                fix="Write 'cluster:', 'mode:' and 'actions:' keys (see docs/roadmap.md).",
            )
        )
    issues = [
        ValidationIssue(
            f"The roadmap has no {key!r}.",
            file=file,
            column=key,
            fix=f"Add '{key}:' (mode is bottom_up or top_down).",
        )
        for key in ("cluster", "mode")
        if not isinstance(data.get(key), str) or not data[key].strip() or _CONTROL.search(data[key])
    ]
    for key, kind in (("deliverables", Mapping), ("actors", list)):
        if data.get(key) is not None and not isinstance(data[key], kind):
            issues.append(
                ValidationIssue(
                    f"The roadmap's {key!r} is not a {'mapping' if kind is Mapping else 'list'}.",
                    file=file,
                    column=key,
                    fix="See docs/roadmap.md for the shape of a roadmap.",
                )
            )
    for row, action in enumerate(data["actions"], start=1):
        issues.extend(_shape_issues(action, row, file))
    if issues:
        raise DataValidationError(issues)
    return build_roadmap(
        data["actions"],
        cluster=data["cluster"],
        mode=data["mode"],
        deliverables=data.get("deliverables"),
        actors=data.get("actors"),
        file=file,
    )


def _shape_issues(action: Any, row: int, file: str) -> list[ValidationIssue]:
    """Problems of shape that :func:`build_roadmap` expects the reader to have ruled out."""
    if not isinstance(action, Mapping):
        return [
            ValidationIssue(
                "The action is not a mapping.",
                file=file,
                row=row,
                fix="Write each action as id, title, phase, owner, start, end… keys.",
            )
        ]
    out = []
    milestones = action.get("milestones")
    if milestones is not None and (
        not isinstance(milestones, list) or not all(isinstance(m, Mapping) for m in milestones)
    ):
        out.append(
            ValidationIssue(
                "The action's milestones are not a list of {name, date, done}.",
                file=file,
                row=row,
                column="milestones",
                fix="Write milestones as a list of mappings with name, date and done.",
            )
        )
    for key, value in _texts(action):
        if isinstance(value, str) and _CONTROL.search(value):
            out.append(
                ValidationIssue(
                    f"The action's {key!r} contains a control character.",
                    file=file,
                    row=row,
                    column=key,
                    fix="Remove control characters (such as NUL or tabs) from the text.",
                )
            )
    for key, width in _WIDTHS.items():
        if len(str(action.get(key) or "")) > width:
            out.append(
                ValidationIssue(
                    f"The action's {key!r} is longer than {width} characters.",
                    file=file,
                    row=row,
                    column=key,
                    fix=f"Shorten it to {width} characters at most.",
                )
            )
    return out


def save_roadmap(session: Session, cluster_id: str, roadmap: Roadmap, *, who: str | Access) -> None:
    """Store ``roadmap`` as the roadmap of ``cluster_id``, replacing any earlier one.

    The audit entry keeps the whole document of a new roadmap, or the old and new values of the
    parts (``cluster``, ``mode``, ``deliverables``, ``actions``) that changed; storing the same
    roadmap again writes no entry.

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
    >>> doc = {"cluster": "Dates", "mode": "top_down", "deliverables": {}, "actions": [
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
