"""A cluster's programmes as its report shows them, from the stored enrolments and decisions.

:func:`stored_programme_statuses` gives one :class:`~grappe.reports.programme.ProgrammeStatus`
per enrolment of the cluster (or of the programmes asked for), in the report's order: the
report's programme section lists every programme (:mod:`grappe.registry.reports`, ``grappe
report --cluster-id``). The states are the ones stored, never decided again; a label past its
level's validity reads as expired on the day (:func:`grappe.registry.programme_expiry.
label_validity`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from grappe.errors import NotFoundError
from grappe.i18n import Message
from grappe.registry.models import Cluster
from grappe.registry.programme_enrolments import (
    CLOSED_STATUSES,
    StoredDecision,
    StoredEnrolment,
    list_decisions,
    list_enrolments,
)
from grappe.registry.programme_expiry import label_validity
from grappe.registry.repositories import get
from grappe.reports.programme import (
    LATEST_DECISIONS,
    ProgrammeDecisionLine,
    ProgrammeStatus,
    ordered_programmes,
)

__all__ = ["programmes_with_sources", "stored_programme_status", "stored_programme_statuses"]


def stored_programme_status(session: Session, cluster_id: str) -> ProgrammeStatus | None:
    """The cluster's status in one programme as the registry holds it: the enrolment (a live
    one before a closed one: refused, withdrawn or expired) whose last decision is the latest,
    as :func:`stored_programme_statuses` reports it; None when the cluster is in no programme.

    Parameters
    ----------
    session : Session
        An open registry session.
    cluster_id : str
        The cluster's id.

    Returns
    -------
    ProgrammeStatus or None

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.

    References
    ----------
    .. [1] Seed ``004_b121ed3bd797dbd2.txt``, §11.1.4: the Kompetenznetze label kept or
       withdrawn by periodic evaluations (what the report's programme section tells).
    """
    get(session, Cluster, cluster_id, what="cluster")
    chosen = None
    for enrolment in list_enrolments(session, cluster_id=cluster_id):
        decisions = list_decisions(session, enrolment.id)
        last = decisions[-1] if decisions else None
        # Open before closed, then the latest decision (or enrolment), then the newest row.
        rank = (enrolment.state.status not in CLOSED_STATUSES,
                last.date if last else enrolment.joined, enrolment.id)  # fmt: skip
        if chosen is None or rank > chosen[0]:
            chosen = (rank, enrolment, decisions)
    if chosen is None:
        return None
    return _enrolment_status(session, chosen[1], chosen[2], on=dt.date.today())


def stored_programme_statuses(
    session: Session,
    cluster_id: str,
    *,
    programmes: Iterable[str] | None = None,
    on: dt.date | None = None,
) -> tuple[ProgrammeStatus, ...]:
    """The cluster's status in every programme it is enrolled in, as the registry holds it,
    in the report's order (live enrolments first, then by enrolment date:
    :func:`grappe.reports.programme.ordered_programmes`).

    Each enrolment (withdrawn ones by mistake excepted) gives its label status and level on
    ``on`` (a label past its level's validity is ``expired`` at once,
    :func:`grappe.programmes.label_state_on`, even before the expiry is stored), the last
    valid day of the label, the next step due (the deciding admission step while the cluster
    has applied, else the next periodic evaluation) and its latest decisions, newest first,
    with their reasons (the evaluator's reason of an override first, then the rule's). The
    states are the ones stored, never decided again.

    Parameters
    ----------
    session : Session
        An open registry session.
    cluster_id : str
        The cluster's id.
    programmes : iterable of str, optional
        Programme keys to report (default, or none given: every programme of the cluster).
    on : datetime.date, optional
        The day the labels' validity is read for (default: today).

    Returns
    -------
    tuple of ProgrammeStatus
        Empty when the cluster is in no programme.

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``, or it is not enrolled in one of ``programmes``.

    References
    ----------
    .. [1] Seed ``003_7172ac469ff41c93.txt``: the Constantine dinanderie cluster, accompanied
       by UNIDO while a dinanderie label was prepared (one cluster, several programmes).
    .. [2] Seed ``004_b121ed3bd797dbd2.txt``, §11.1.4: the Kompetenznetze label kept or
       withdrawn by periodic evaluations.
    """
    return programmes_with_sources(session, cluster_id, keys=programmes, on=on)[0]


def programmes_with_sources(
    session: Session,
    cluster_id: str,
    *,
    keys: Iterable[str] | None = None,
    on: dt.date | None = None,
) -> tuple[tuple[ProgrammeStatus, ...], list[str]]:
    """:func:`stored_programme_statuses` and the source lines that cite them."""
    get(session, Cluster, cluster_id, what="cluster")
    enrolments = list_enrolments(session, cluster_id=cluster_id)
    wanted = list(dict.fromkeys(keys or ()))
    if wanted:
        enrolled = sorted({e.programme.key for e in enrolments})
        missing = [k for k in wanted if k not in enrolled]
        if missing:
            raise NotFoundError(Message(
                "The cluster {cluster!r} is not enrolled in the programme {programme!r}; its "
                "programmes are: {enrolled}. Fix: name one of them, or enrol the cluster "
                "first (grappe programme enrol).",
                cluster=cluster_id, programme=missing[0], enrolled=", ".join(enrolled) or "-",
            ))  # fmt: skip
        enrolments = [e for e in enrolments if e.programme.key in wanted]
    day = on or dt.date.today()
    found = []
    for enrolment in enrolments:
        decisions = list_decisions(session, enrolment.id)
        status = _enrolment_status(session, enrolment, decisions, on=day)
        last = decisions[-1] if decisions else None
        cited = f", decision {last.id} of {last.date}" if last is not None else ""
        found.append(
            (status, f"grappe registry: enrolment {enrolment.id} in {enrolment.programme.key}"
                     f"{cited}")
        )  # fmt: skip
    ordered = ordered_programmes(s for s, _ in found)
    sources = {id(s): line for s, line in found}
    return ordered, [sources[id(s)] for s in ordered]


def _enrolment_status(
    session: Session, enrolment: StoredEnrolment, decisions: list[StoredDecision], *, on: dt.date
) -> ProgrammeStatus:
    """One enrolment as the report shows it, its label's validity read on ``on``."""
    programme = enrolment.programme
    validity = label_validity(session, enrolment.id, on=on)
    state = validity.state
    level = programme.level(state.level) if state.level else None
    last = decisions[-1] if decisions else None
    step = programme.deciding_step() if state.status == "applied" else None
    ended = state.status in CLOSED_STATUSES
    return ProgrammeStatus(
        programme=dict(programme.names) or programme.key,
        status=state.status,
        level=None if state.level is None else (dict(level.names) if level else state.level),
        last_decision=None if last is None else last.action,
        decided=None if last is None else last.date,
        reasons=() if last is None else _reasons(last),
        next_evaluation=None if ended else enrolment.next_evaluation,
        failures=state.failures,
        key=programme.key,
        joined=enrolment.joined,
        valid_until=None if ended else validity.valid_until,
        next_step=None if step is None else dict(step.names) or step.key,
        decisions=tuple(
            ProgrammeDecisionLine(d.action, d.date, _reasons(d))
            for d in reversed(decisions[-LATEST_DECISIONS:])
        ),
    )


def _reasons(decision: StoredDecision) -> tuple[Any, ...]:
    """The evaluator's reason of an override first, then the rule's."""
    return (*((decision.reason,) if decision.reason else ()), *decision.rule_reasons)
