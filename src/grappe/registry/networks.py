"""A cluster's actor network in the registry: store the kernel's object, load it back.

:func:`store_network` takes a :class:`grappe.network.ActorNetwork` already validated by
:func:`grappe.network.build_network` (or a reader of :mod:`grappe.io.network`) and writes its
actors, the cluster's memberships and the ties of its survey waves; :func:`load_network` returns
the same object, so that a diagnosis computed from the registry equals the CLI's on the same
files. Corrections and soft deletions are in :mod:`grappe.registry.network_edits`; every change
is audited with its values before and after (:func:`grappe.registry.repositories.audit`).

Ties are rows of one cluster and one wave: the same tie reported in two waves is two rows, so
that deleting it in the later wave leaves the earlier one (and its diagnoses) as it was. A tie
without a wave belongs to every wave, as in the kernel. Functions flush but never commit.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError, NotFoundError
from grappe.network.model import ACTOR_COLUMNS, ActorNetwork, build_network
from grappe.registry.models import (
    Actor,
    Cluster,
    ClusterNetwork,
    Membership,
    SurveyWave,
    Tie,
    utc_now,
)
from grappe.registry.permissions import Access
from grappe.registry.repositories import audit, changed_fields, get

__all__ = [
    "ORIGINS",
    "StoreReport",
    "actor_record",
    "ensure_wave",
    "load_network",
    "network_scope",
    "store_network",
    "tie_key",
    "tie_record",
]

#: Where a tie was reported (the ``origin`` of a stored tie).
ORIGINS: tuple[str, ...] = (
    "interview",
    "questionnaire",
    "document",
    "edge list",
    "matrix",
    "other",
)

_ACTOR_FIELDS = ("name", "sphere", "level", "ownership", "size", "attributes")
_MEMBER_FIELDS = ("member", "waves", "position")
_TIE_FIELDS = ("strength", "evidence", "confidence", "respondent", "reports", "origin", "position")
_TIE_EDITABLE = ("type", "strength", "directed", "evidence", "confidence", "origin")


@dataclass
class StoreReport:
    """What :func:`store_network` wrote: counts by record kind (``actor``, ``membership``,
    ``tie``, ``survey_wave``, ``network``) and action (``create``, ``update``, ``delete``)."""

    cluster: str
    waves: tuple[str | None, ...]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, kind: str, action: str) -> None:
        """Count one change."""
        self.counts.setdefault(kind, {}).setdefault(action, 0)
        self.counts[kind][action] += 1

    @property
    def inserted(self) -> int:
        """Records created."""
        return sum(by_action.get("create", 0) for by_action in self.counts.values())

    @property
    def updated(self) -> int:
        """Records changed or soft-deleted."""
        return self.changes - self.inserted

    @property
    def changes(self) -> int:
        """Number of records created, changed or deleted (0 when storing again)."""
        return sum(n for by_action in self.counts.values() for n in by_action.values())


def _value(value: Any) -> Any:
    """A cell of the kernel's tables as the registry stores it (NA and NaN as None)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _value(value.item())
    return value


def actor_record(actor: Actor, membership: Membership | None = None) -> dict[str, Any]:
    """An actor's fields (and its membership's), as the audit log keeps them."""
    record = {k: getattr(actor, k) for k in ("id", *_ACTOR_FIELDS)}
    if membership is not None:
        record.update({k: getattr(membership, k) for k in _MEMBER_FIELDS})
    return record


def tie_record(tie: Tie) -> dict[str, Any]:
    """A tie's fields, as the audit log and the API show them."""
    keys = ("id", "cluster_id", "wave_id", "source", "target", "type", "directed", *_TIE_FIELDS)
    return {k: getattr(tie, k) for k in keys}


def tie_key(tie: Tie | Mapping[str, Any], wave: str | None = None) -> str:
    """The key of a tie in the audit log: ``source/target/type`` (``@wave`` when it has one)."""
    get_ = tie.get if isinstance(tie, Mapping) else lambda k: getattr(tie, k)
    key = f"{get_('source')}/{get_('target')}/{get_('type')}"
    return key if wave is None else f"{key}@{wave}"


def network_scope(session: Session, tie: Tie) -> set[str]:
    """Clusters a tie belongs to (:func:`grappe.registry.permissions.refusal`'s scope): its own,
    or for a tie without one, every cluster holding both ends."""
    if tie.cluster_id is not None:
        return {tie.cluster_id}
    members = select(Membership.cluster_id).where(Membership.actor_id == tie.source)
    return set(
        session.scalars(
            select(Membership.cluster_id).where(
                Membership.actor_id == tie.target, Membership.cluster_id.in_(members)
            )
        )
    )


def ensure_wave(
    session: Session,
    cluster: str,
    label: str,
    *,
    date: dt.date | None = None,
    note: str | None = None,
    who: str | Access,
    report: StoreReport | None = None,
) -> SurveyWave:
    """The survey wave ``label`` of ``cluster``, created (and audited) when new; a ``date`` or
    ``note`` given for an existing wave replaces the stored one."""
    row = session.scalar(
        select(SurveyWave).where(SurveyWave.cluster_id == cluster, SurveyWave.label == label)
    )
    name = who.who if isinstance(who, Access) else who
    if row is None:
        row = SurveyWave(cluster_id=cluster, label=label, date=date, note=note, created_by=name)
        session.add(row)
        session.flush()
        audit(session, who, "create", "survey_wave", f"{cluster}/{label}",
              after={"label": label, "date": date, "note": note})  # fmt: skip
        if report is not None:
            report.add("survey_wave", "create")
        return row
    before = {"date": row.date, "note": row.note}
    after = {"date": date if date is not None else row.date,
             "note": note if note is not None else row.note}  # fmt: skip
    old, new = changed_fields(before, after)
    if new:
        row.date, row.note = after["date"], after["note"]
        session.flush()
        audit(session, who, "update", "survey_wave", f"{cluster}/{label}", before=old, after=new)
        if report is not None:
            report.add("survey_wave", "update")
    return row


def _store_meta(
    session: Session, net: ActorNetwork, cluster: str, who: str | Access, report: StoreReport
) -> None:
    name = who.who if isinstance(who, Access) else who
    values = {
        "name": net.name,
        "source": net.source,
        "strength_low": float(net.strength_scale[0]),
        "strength_high": float(net.strength_scale[1]),
        "details": dict(net.metadata) or None,
    }
    row = session.get(ClusterNetwork, cluster)
    if row is None:
        session.add(ClusterNetwork(cluster_id=cluster, updated_by=name, **values))
        session.flush()
        audit(session, who, "create", "network", cluster, after=values)
        report.add("network", "create")
        return
    old, new = changed_fields({k: getattr(row, k) for k in values}, values)
    if new:
        for k, v in new.items():
            setattr(row, k, v)
        row.updated_by, row.updated_at = name, utc_now()
        session.flush()
        audit(session, who, "update", "network", cluster, before=old, after=new)
        report.add("network", "update")


def _store_actors(
    session: Session, net: ActorNetwork, cluster: str, who: str | Access, report: StoreReport
) -> None:
    free = [c for c in net.actors.columns if c not in ACTOR_COLUMNS]
    for position, rec in enumerate(net.actors.to_dict("records")):
        aid = str(rec["id"])
        values = {
            "name": _value(rec["name"]),
            "sphere": _value(rec["sphere"]),
            "level": _value(rec["level"]),
            "ownership": _value(rec["ownership"]),
            "size": _value(rec["size"]),
            "attributes": {c: _value(rec[c]) for c in free} or None,
        }
        actor = session.get(Actor, aid)
        if actor is None:
            actor = Actor(id=aid, **values)
            session.add(actor)
            session.flush()
            audit(session, who, "create", "actor", aid, after={"id": aid, **values})
            report.add("actor", "create")
        else:
            before = {k: getattr(actor, k) for k in values}
            before["deleted_at"] = actor.deleted_at
            old, new = changed_fields(before, {**values, "deleted_at": None})
            if new:  # storing a network again restores an actor deleted since
                for k, v in new.items():
                    setattr(actor, k, v)
                session.flush()
                audit(session, who, "update", "actor", aid, before=old, after=new)
                report.add("actor", "update")
        member = {"member": bool(rec["member"]), "waves": _value(rec["waves"]),
                  "position": position}  # fmt: skip
        row = session.get(Membership, (cluster, aid))
        key = f"{cluster}/{aid}"
        if row is None:
            session.add(Membership(cluster_id=cluster, actor_id=aid, **member))
            session.flush()
            audit(session, who, "create", "membership", key, after=member)
            report.add("membership", "create")
        else:
            old, new = changed_fields({k: getattr(row, k) for k in member}, member)
            if new:
                for k, v in new.items():
                    setattr(row, k, v)
                session.flush()
                audit(session, who, "update", "membership", key, before=old, after=new)
                report.add("membership", "update")


def _active_ties(session: Session, cluster: str, wave_id: int | None) -> list[Tie]:
    wave_filter = Tie.wave_id.is_(None) if wave_id is None else Tie.wave_id == wave_id
    query = select(Tie).where(Tie.cluster_id == cluster, wave_filter, Tie.deleted_at.is_(None))
    return list(session.scalars(query.order_by(Tie.id)))


def store_network(
    session: Session,
    network: ActorNetwork,
    *,
    cluster: str,
    wave: str | None = None,
    date: dt.date | None = None,
    origin: str | None = None,
    who: str | Access,
) -> StoreReport:
    """Write a validated network into the registry as the network of ``cluster``.

    The actors are created or updated (and made members of the cluster, with their ``member``
    flag, ``waves`` and order); the ties of each wave present replace the stored ties of that
    wave in that cluster: new ones are created, changed ones updated, missing ones soft-deleted.
    Storing the same network again changes nothing.

    Parameters
    ----------
    session : Session
    network : ActorNetwork
        From :func:`grappe.network.build_network` or a reader of :mod:`grappe.io.network`.
    cluster : str
        Id of an existing cluster.
    wave : str, optional
        The survey wave of the ties that carry none. Without it, each tie keeps its own wave
        (a tie without a wave belongs to every wave).
    date : datetime.date, optional
        Date of ``wave``.
    origin : str, optional
        Where the ties were reported: one of :data:`ORIGINS`.
    who : str or Access
        The author, for the audit log. Rights are checked by the caller (the API routes ask
        :func:`grappe.service.deps.ensure_allowed` for ``network`` in the cluster's scope).

    Returns
    -------
    StoreReport

    Raises
    ------
    NotFoundError
        If the cluster does not exist.
    InvalidParameterError
        If ``network`` is not an ActorNetwork, ``origin`` is unknown, ``date`` is given without
        ``wave``, or ``wave`` is given while some ties carry another wave.
    """
    if not isinstance(network, ActorNetwork):
        raise InvalidParameterError(
            "The 'network' parameter of store_network must be an ActorNetwork (from "
            f"grappe.network.build_network). Got {type(network).__name__} instead."
        )
    if origin is not None and origin not in ORIGINS:
        raise InvalidParameterError(
            f"The 'origin' parameter of store_network must be one of {list(ORIGINS)}. "
            f"Got {origin!r} instead."
        )
    if date is not None and wave is None:
        raise InvalidParameterError(
            "The 'date' parameter of store_network is the date of a wave: give 'wave' too."
        )
    get(session, Cluster, cluster, what="cluster")
    ties = network.ties
    if wave is not None:
        others = sorted(set(ties["wave"].dropna()) - {wave})
        if others:
            raise InvalidParameterError(
                f"The 'wave' parameter of store_network ({wave!r}) is for ties without a wave, "
                f"but the network has ties of the waves {others}: store it without 'wave', or "
                "select one wave first (network.select(wave=...))."
            )
        ties = ties.assign(wave=ties["wave"].fillna(wave))
    labels = list(dict.fromkeys(ties["wave"].where(ties["wave"].notna(), None)))
    report = StoreReport(cluster=cluster, waves=tuple(labels))
    _store_meta(session, network, cluster, who, report)
    _store_actors(session, network, cluster, who, report)
    now = utc_now()
    for label in labels:
        wave_row = None
        if label is not None:
            wave_row = ensure_wave(session, cluster, label, date=date if label == wave else None,
                                   who=who, report=report)  # fmt: skip
        wave_id = None if wave_row is None else wave_row.id
        mine = ties[ties["wave"].isna()] if label is None else ties[ties["wave"] == label]
        stored = {(t.source, t.target, t.type, t.directed): t
                  for t in _active_ties(session, cluster, wave_id)}  # fmt: skip
        for position, rec in zip(mine.index, mine.to_dict("records"), strict=True):
            values = {
                "strength": _value(rec["strength"]),
                "evidence": _value(rec["evidence"]),
                "confidence": _value(rec["confidence"]),
                "respondent": _value(rec["respondent"]),
                "reports": int(rec["reports"]),
                "origin": origin,
                "position": int(position),
            }
            k = (str(rec["source"]), str(rec["target"]), str(rec["type"]), bool(rec["directed"]))
            key = tie_key({"source": k[0], "target": k[1], "type": k[2]}, label)
            row = stored.pop(k, None)
            if row is None:
                row = Tie(source=k[0], target=k[1], type=k[2], directed=k[3], cluster_id=cluster,
                          wave_id=wave_id, created_at=now, **values)  # fmt: skip
                session.add(row)
                session.flush()
                audit(session, who, "create", "tie", key, after=tie_record(row))
                report.add("tie", "create")
                continue
            if origin is None:
                values["origin"] = row.origin  # storing again without an origin keeps it
            old, new = changed_fields({f: getattr(row, f) for f in values}, values)
            if new:
                for f, v in new.items():
                    setattr(row, f, v)
                session.flush()
                audit(session, who, "update", "tie", key, before=old, after=new)
                report.add("tie", "update")
        for row in stored.values():  # in the wave before, not in this network: soft-deleted
            before = tie_record(row)
            row.deleted_at = now
            session.flush()
            audit(session, who, "delete", "tie", tie_key(row, label), before=before)
            report.add("tie", "delete")
    return report


def _cluster_ties(session: Session, cluster: str, member_ids: list[str]) -> list[tuple[Tie, str]]:
    legacy = and_(Tie.cluster_id.is_(None), Tie.source.in_(member_ids), Tie.target.in_(member_ids))
    query = (
        select(Tie, SurveyWave.label)
        .outerjoin(SurveyWave, SurveyWave.id == Tie.wave_id)
        .where(or_(Tie.cluster_id == cluster, legacy), Tie.deleted_at.is_(None))
        .where(Tie.source.in_(member_ids), Tie.target.in_(member_ids))
        .order_by(Tie.position.is_(None), Tie.position, Tie.id)
    )
    rows = [(t, label) for t, label in session.execute(query)]
    # A tie stored for the cluster replaces an older unscoped row of the same tie (same ends,
    # type and direction, no wave): the kernel would refuse the pair as a repeated tie.
    scoped = {
        (t.source, t.target, t.type, t.directed)
        for t, label in rows
        if t.cluster_id is not None and label is None
    }
    return [
        (t, label)
        for t, label in rows
        if t.cluster_id is not None or (t.source, t.target, t.type, t.directed) not in scoped
    ]


def load_network(session: Session, cluster: str, *, wave: str | None = None) -> ActorNetwork:
    """The network of ``cluster`` as stored: the kernel's object, validated again.

    Deleted actors and ties are left out. Ties stored before waves existed (no cluster) count
    when both their ends are members of the cluster.

    Parameters
    ----------
    session : Session
    cluster : str
    wave : str, optional
        Return only that wave (:meth:`ActorNetwork.select`); default: every wave.

    Returns
    -------
    ActorNetwork
        Equal to the network given to :func:`store_network` (actors, ties, scale, name, source).

    Raises
    ------
    NotFoundError
        If the cluster does not exist or has no actor.
    DataValidationError
        If stored rows break the kernel's rules (rows written before the registry checked them,
        e.g. an unknown sphere): each issue names the actor or tie.
    InvalidParameterError
        If ``wave`` is not a wave of the network.
    """
    get(session, Cluster, cluster, what="cluster")
    rows = session.execute(
        select(Membership, Actor)
        .join(Actor, Actor.id == Membership.actor_id)
        .where(Membership.cluster_id == cluster, Actor.deleted_at.is_(None))
        .order_by(Membership.position.is_(None), Membership.position, Actor.id)
    ).all()
    if not rows:
        raise NotFoundError(f"The cluster {cluster!r} has no actor network in the registry.")
    meta = session.get(ClusterNetwork, cluster)
    actors = pd.DataFrame(
        [
            {"id": a.id, "name": a.name, "sphere": a.sphere, "level": a.level,
             "ownership": a.ownership, "size": a.size, "member": m.member, "waves": m.waves,
             **(a.attributes or {})}
            for m, a in rows
        ]
    )  # fmt: skip
    ids = [a.id for _, a in rows]
    stored = _cluster_ties(session, cluster, ids)
    columns = ["source", "target", "type", "strength", "directed", "wave", "evidence",
               "confidence", "respondent"]  # fmt: skip
    ties = pd.DataFrame(
        [
            {"source": t.source, "target": t.target, "type": t.type, "strength": t.strength,
             "directed": t.directed, "wave": label, "evidence": t.evidence,
             "confidence": t.confidence, "respondent": t.respondent}
            for t, label in stored
        ],
        columns=columns,
    )  # fmt: skip
    ties["strength"] = pd.to_numeric(ties["strength"]).astype(object)
    ties["strength"] = ties["strength"].where(ties["strength"].notna(), None)
    scale = (meta.strength_low, meta.strength_high) if meta is not None else (1.0, 3.0)
    net = build_network(
        actors, ties, directed=True, strength_scale=scale,
        name=meta.name if meta is not None else None,
        source=meta.source if meta is not None else None,
        actors_file=f"registry actors of {cluster}", ties_file=f"registry ties of {cluster}",
    )  # fmt: skip
    net.ties["reports"] = [t.reports for t, _ in stored]
    if meta is not None and meta.details:
        net = ActorNetwork(
            actors=net.actors, ties=net.ties, strength_scale=net.strength_scale,
            name=net.name, source=net.source, metadata=dict(meta.details),
        )  # fmt: skip
    return net if wave is None else net.select(wave=wave)
