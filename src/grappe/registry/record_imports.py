"""Load a cluster's records, read from files (:func:`grappe.io.member_records.read_records`),
into the registry through the typed functions a form uses: every event, figure and activity is
checked, written and audited as if entered one by one, in one transaction (the caller's), so a
refused record leaves nothing written.

A tie of the files is matched to the cluster's live tie of the same ends and type, whose dates
are set (:func:`grappe.registry.member_records.set_tie_dates`); a tie the cluster lacks is
created in its network (origin ``records``), its ends made members or outside partners of the
cluster's network as the events say.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import PermissionDeniedError
from grappe.registry.member_events import add_member_event
from grappe.registry.member_records import add_cluster_activity, set_member_figure, set_tie_dates
from grappe.registry.models import Actor, Cluster, Membership, Tie
from grappe.registry.networks import tie_record
from grappe.registry.permissions import Access, refusal
from grappe.registry.repositories import audit, get
from grappe.roadmap.records_check import Records

__all__ = ["LoadedRecords", "load_records"]


@dataclass(frozen=True)
class LoadedRecords:
    """How many records :func:`load_records` wrote: events, figures, activities, ties dated
    (``ties``) and of those, created (``new_ties``)."""

    events: int
    figures: int
    activities: int
    ties: int
    new_ties: int


def _membership(session: Session, cluster_id: str, actor_id: str, member: bool) -> None:
    get(session, Actor, actor_id, what="actor")
    if session.get(Membership, (cluster_id, actor_id)) is None:
        session.add(Membership(cluster_id=cluster_id, actor_id=actor_id, member=member))
        session.flush()


def load_records(session: Session, who: Access, cluster_id: str, records: Records) -> LoadedRecords:
    """Write checked records into the cluster (each write checked for ``who`` and audited).

    Parameters
    ----------
    records : Records
        From :func:`grappe.io.member_records.read_records` (or
        :func:`grappe.roadmap.records.check_records`). The actors must exist in the registry.

    Returns
    -------
    LoadedRecords

    Raises
    ------
    PermissionDeniedError
        ``who`` may not write the cluster's member events, figures, activities or ties.
    NotFoundError
        No cluster ``cluster_id``, or an actor or region that the registry does not hold.
    DataValidationError
        A record the registry refuses (e.g. a join of an actor already a member there).

    References
    ----------
    .. [1] Seed ``/work/shared/seeds/000_d53c24539b26db35.txt``; ``tests/fixtures/roadmap/
       biskra_*.csv`` encode it.
    """
    get(session, Cluster, cluster_id, what="cluster")
    joined = {e["actor"] for e in records.events if e["kind"] == "join"}
    for actor in sorted(joined):
        _membership(session, cluster_id, actor, True)
    for event in records.events:
        values = {
            "kind": event["kind"],
            "date": event["date"],
            "sector": event["sector"],
            "activity_code": event["activity_code"],
            "activity": event["activity"],
            "sphere": event["sphere"],
            "region_id": event["region"],
        }
        add_member_event(session, who, cluster_id, event["actor"], values)
    for figure in records.figures:
        values = {**figure, "period": figure["period"].text}
        set_member_figure(session, who, cluster_id, figure["actor"], values)
    for activity in records.activities:
        add_cluster_activity(session, who, cluster_id, activity)
    created = 0
    for tie in records.ties:
        kind = tie["type"] or "cooperation"
        row = session.scalar(
            select(Tie).where(
                Tie.cluster_id == cluster_id,
                Tie.source == tie["source"],
                Tie.target == tie["target"],
                Tie.type == kind,
                Tie.deleted_at.is_(None),
            )
        )
        if row is None:
            refused = refusal(who, "create", "tie", "(new)", scope={cluster_id})
            if refused is not None:
                raise PermissionDeniedError(str(refused))
            for end in (tie["source"], tie["target"]):
                _membership(session, cluster_id, end, end in joined)
            row = Tie(
                source=tie["source"],
                target=tie["target"],
                type=kind,
                cluster_id=cluster_id,
                origin="records",
            )
            session.add(row)
            session.flush()
            audit(
                session,
                who,
                "create",
                "tie",
                f"{row.source}/{row.target}/{row.type}",
                after=tie_record(row),
            )
            created += 1
        set_tie_dates(session, who, cluster_id, row.id, since=tie["since"], until=tie["until"])
    return LoadedRecords(
        len(records.events),
        len(records.figures),
        len(records.activities),
        len(records.ties),
        created,
    )
