"""Labels that expire: a level's ``validity_years`` ends a label not renewed in time.

The rule is the kernel's (:func:`grappe.programmes.label_state_on`): a label held (awarded,
renewed or suspended) at a level with a validity is valid up to
:func:`~grappe.programmes.label_valid_until` from the last decision that awarded or renewed
it, and expired from the next day.

*When the expiry is recorded* (one rule): every read computes the state on the day
(:func:`label_validity`: the public programme page, the workspace, the API show an expired
label as expired at once), and the registry stores an ``expire`` decision, with its audit entry,
the first time a write meets it: ``grappe programme due`` (:func:`expire_labels`, run daily by
the observatory) and any evaluation of the enrolment (:func:`expire_enrolment`, called by
:func:`grappe.registry.programme_enrolments.record_evaluation`). The stored decision is dated
on the day the label expired, not on the day it was noticed, and the enrolment is closed: the
cluster applies again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import PermissionDeniedError
from grappe.i18n import Message
from grappe.programmes import LabelState, Programme, label_state_on, label_valid_until
from grappe.registry.models import utc_now
from grappe.registry.permissions import Access, name_of, refusal
from grappe.registry.programme_enrolments import (
    StoredDecision,
    _decision_record,
    _reason_doc,
    _record,
    _state_doc,
    _stored_decision,
    enrolment_programme,
)
from grappe.registry.programme_models import ProgrammeDecision, ProgrammeEnrolment
from grappe.registry.repositories import audit, changed_fields

__all__ = ["HELD", "LabelValidity", "expire_enrolment", "expire_labels", "label_validity"]

#: Statuses of a label that can expire.
HELD: tuple[str, ...] = ("awarded", "renewed", "suspended")


@dataclass(frozen=True)
class LabelValidity:
    """A label's state on a day: ``state`` (``expired`` once the validity ran out), ``since``
    the day it was last awarded or renewed, ``valid_until`` its last valid day (``None``: no
    fixed validity)."""

    state: LabelState
    since: dt.date | None
    valid_until: dt.date | None

    @property
    def expired(self) -> bool:
        """Whether the label expired (computed on the day; maybe not stored yet)."""
        return self.state.status == "expired"


def _since(session: Session, enrolment_id: int) -> dt.date | None:
    """The day of the last decision that left the label awarded or renewed."""
    rows = session.execute(
        select(ProgrammeDecision.date, ProgrammeDecision.state)
        .where(ProgrammeDecision.enrolment_id == enrolment_id)
        .order_by(ProgrammeDecision.date.desc(), ProgrammeDecision.id.desc())
    )
    for day, state in rows:
        if state and state.get("status") in ("awarded", "renewed"):
            return day
    return None


def _validity(
    session: Session, row: ProgrammeEnrolment, programme: Programme, on: dt.date
) -> LabelValidity:
    state = LabelState(row.status, row.level, row.failures)
    if row.status not in HELD or row.level is None or programme.level(row.level) is None:
        return LabelValidity(state, None, None)
    since = _since(session, row.id)
    if since is None:
        return LabelValidity(state, None, None)
    until = label_valid_until(programme, row.level, awarded=since)
    return LabelValidity(label_state_on(programme, state, since=since, on=on), since, until)


def label_validity(session: Session, enrolment_id: int, *, on: dt.date) -> LabelValidity:
    """The label of enrolment ``enrolment_id`` on ``on``, expired or not (nothing is written).

    Raises
    ------
    NotFoundError
        No such enrolment.

    References
    ----------
    .. [1] ESCA, ECEI Bronze Label: valid for two years from the month of the benchmarking,
       https://www.cluster-analysis.org/benchmarked-clusters.
    """
    from grappe.registry.repositories import get

    row = get(session, ProgrammeEnrolment, enrolment_id, what="enrolment")
    return _validity(session, row, enrolment_programme(row), on)


def expire_enrolment(
    session: Session, who: Access, row: ProgrammeEnrolment, *, on: dt.date
) -> StoredDecision | None:
    """Store the expiry of ``row``'s label if it expired by ``on``; return the decision.

    The decision is dated on the first day the label was no longer valid, with the rule's
    action ``expire``, no facts, and the reason naming the level and its last valid day; the
    enrolment is closed (status ``expired``, no next evaluation). Both writes are audited.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not record a label decision on the cluster.
    """
    programme = enrolment_programme(row)
    found = _validity(session, row, programme, on)
    if not found.expired or found.valid_until is None:
        return None
    refused = refusal(who, "create", "label_decision", f"{row.cluster_id}/{row.programme}",
                      scope={row.cluster_id})  # fmt: skip
    if refused is not None:
        raise PermissionDeniedError(str(refused))
    previous = LabelState(row.status, row.level, row.failures)
    why = Message(
        "the level {level} was valid until {date} and was not renewed",
        level=row.level,
        date=found.valid_until.isoformat(),
    )
    before = _record(row)
    decided = ProgrammeDecision(
        enrolment_id=row.id, period=None, date=found.valid_until + dt.timedelta(days=1),
        facts={}, results=[], previous=_state_doc(previous), state=_state_doc(found.state),
        rule_action="expire", rule_reasons=[_reason_doc(why)], action="expire",
        overridden=False, decided_by=name_of(who), reason=None,
    )  # fmt: skip
    session.add(decided)
    row.status, row.level, row.failures = (found.state.status, found.state.level,
                                           found.state.failures)  # fmt: skip
    row.next_evaluation = None
    row.updated_at = utc_now()
    session.flush()
    audit(session, who, "create", "label_decision", str(decided.id),
          after=_decision_record(decided))  # fmt: skip
    old, new = changed_fields(before, _record(row))
    audit(session, who, "update", "enrolment", str(row.id), before=old, after=new)
    return _stored_decision(decided)


def expire_labels(
    session: Session, who: Access, *, today: dt.date, clusters: Iterable[str] | None = None
) -> list[StoredDecision]:
    """Store the expiry of every live label whose validity ran out by ``today`` (``grappe
    programme due``); return the decisions, by enrolment.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not record a label decision on one of the clusters (nothing is stored:
        the caller rolls back).
    """
    query = select(ProgrammeEnrolment).where(
        ProgrammeEnrolment.deleted_at.is_(None), ProgrammeEnrolment.status.in_(HELD),
        ProgrammeEnrolment.level.is_not(None),
    )  # fmt: skip
    if clusters is not None:
        query = query.where(ProgrammeEnrolment.cluster_id.in_(tuple(clusters)))
    out = []
    for row in session.scalars(query.order_by(ProgrammeEnrolment.id)).all():
        stored = expire_enrolment(session, who, row, on=today)
        if stored is not None:
            out.append(stored)
    return out
