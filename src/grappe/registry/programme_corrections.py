"""Correcting a label decision: a wrong fact, a wrong date, a mistaken override.

A correction is made by whoever may decide the programme's label (the role of its deciding
admission step, or an admin: :mod:`grappe.registry.programme_deciders`), always with a reason.
The decision is corrected in place and the original is kept in the audit log (the ``update``
entry of ``label_decision`` holds every changed field before and after, with who and when);
the decision shows who corrected it and why (``updated_by``, ``reason``).

A corrected fact is re-judged by the programme's rule on the state the decision started from:
the criteria results and the rule's action are recomputed, and the action taken follows the
rule unless the decision was an override (kept) or the correction names another action. When
the outcome (action or state) changes, the decision must be the enrolment's latest, and the
enrolment takes the corrected state: the next evaluation starts from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError
from grappe.programmes import Fact, decide_label
from grappe.registry.models import utc_now
from grappe.registry.permissions import Access, name_of
from grappe.registry.programme_deciders import ensure_decider
from grappe.registry.programme_enrolments import (
    StoredDecision,
    _check_action,
    _decision_record,
    _live,
    _override_state,
    _reason,
    _reason_doc,
    _record,
    _result_doc,
    _state,
    _state_doc,
    _stored_decision,
    enrolment_programme,
    next_evaluation,
)
from grappe.registry.programme_models import ProgrammeDecision
from grappe.registry.repositories import audit, changed_fields, get

__all__ = ["correct_decision", "load_decision"]

_FUNC = "correct_decision"


def load_decision(session: Session, decision_id: int) -> tuple[StoredDecision, str]:
    """Decision ``decision_id`` and the id of its cluster.

    Raises
    ------
    NotFoundError
        No such decision, or its enrolment was withdrawn.
    """
    row = get(session, ProgrammeDecision, decision_id, what="decision")
    return _stored_decision(row), _live(session, row.enrolment_id).cluster_id


def _neighbours(
    session: Session, row: ProgrammeDecision
) -> tuple[ProgrammeDecision | None, ProgrammeDecision | None]:
    """The decisions of the enrolment just before and just after ``row``."""
    rows = list(session.scalars(select(ProgrammeDecision).where(
        ProgrammeDecision.enrolment_id == row.enrolment_id
    ).order_by(ProgrammeDecision.date, ProgrammeDecision.id)))  # fmt: skip
    at = rows.index(row)
    return (rows[at - 1] if at else None), (rows[at + 1] if at + 1 < len(rows) else None)


def correct_decision(
    session: Session,
    who: Access,
    decision_id: int,
    *,
    reason: str,
    period: str | None = None,
    action: str | None = None,
    level: str | None = None,
    date: dt.date | None = None,
    facts: Mapping[str, float | None] | None = None,
) -> StoredDecision:
    """Correct decision ``decision_id`` and, when its outcome changes, the enrolment.

    Parameters
    ----------
    reason : str
        Why the correction (required).
    period : str, optional
        The period the facts describe.
    action, level : str, optional
        The action that should have been taken (one of :data:`grappe.vocabulary.
        LABEL_ACTIONS`; the rule's own action undoes a mistaken override) and the level it
        gives (to award, raise or lower).
    date : datetime.date, optional
        The right date: not before the previous decision's, not after the next one's.
    facts : mapping of str to float or None, optional
        Corrected values (recorded with source ``typed``; ``None``: not reported); the rule
        judges the decision again on them.

    Returns
    -------
    StoredDecision
        The corrected decision.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not decide this programme's label.
    NotFoundError
        No decision ``decision_id``, or its enrolment was withdrawn.
    InvalidParameterError
        No reason, an unknown action, a date out of order, facts on an expiry, or a change of
        outcome on a decision that later ones followed.

    References
    ----------
    .. [1] Seed ``004_b121ed3bd797dbd2.txt``, II.1.4: a label keeps its credibility by
       evaluations whose grounds can be checked.
    """
    row = get(session, ProgrammeDecision, decision_id, what="decision")
    enrolment = _live(session, row.enrolment_id)
    programme = enrolment_programme(enrolment)
    ensure_decider(who, programme, enrolment.cluster_id, action="update")
    _check_action(action, _FUNC)
    why = _reason(reason, _FUNC, f"decision {row.id} is corrected")
    before, enrolment_before = _decision_record(row), _record(enrolment)
    earlier, later = _neighbours(session, row)
    if date is not None:
        if (earlier is not None and date < earlier.date) or (
            later is not None and date > later.date
        ):
            raise InvalidParameterError(
                f"The 'date' parameter of {_FUNC} must lie between the decisions before and "
                f"after decision {row.id} ({earlier.date.isoformat() if earlier else '…'} to "
                f"{later.date.isoformat() if later else '…'}). Got {date.isoformat()} instead."
            )
        row.date = date
    previous = _state(row.previous)
    state, taken = _state(row.state), row.action
    if facts:
        if row.rule_action == "expire":
            raise InvalidParameterError(
                f"The decision {row.id} is an expiry, decided by the date, not by facts: "
                "correct its date, or record a new evaluation."
            )
        given = {k: Fact(k, v["value"], v["source"]) for k, v in row.facts.items()}
        given |= {k: Fact(k, None if v is None else float(v), "typed") for k, v in facts.items()}
        rule = decide_label(programme, previous, given)
        row.facts = {k: {"value": f.value, "source": f.source} for k, f in given.items()}
        row.results = [_result_doc(r) for r in rule.results]
        row.rule_action, row.rule_reasons = rule.action, [_reason_doc(r) for r in rule.reasons]
        if not row.overridden:
            state, taken = rule.state, rule.action
    if action is not None:
        if action == row.rule_action and row.rule_action != "expire":
            # undo an override: the rule's own decision on the (corrected) facts
            given = {k: Fact(k, v["value"], v["source"]) for k, v in row.facts.items()}
            state = decide_label(programme, previous, given).state
        elif action != row.rule_action:
            state = _override_state(action, previous, programme, level)
        taken = action
    if (taken, _state_doc(state)) != (row.action, row.state):
        if later is not None:
            raise InvalidParameterError(
                f"The decision {row.id} was followed by decision {later.id}: only the latest "
                "decision's outcome can change. Correct the latest one, or record a new "
                "evaluation."
            )
        row.action, row.state = taken, _state_doc(state)
    row.overridden = row.action != row.rule_action
    if later is None and state is not None:
        enrolment.status, enrolment.level, enrolment.failures = (
            state.status, state.level, state.failures,
        )  # fmt: skip
        enrolment.next_evaluation = next_evaluation(programme, enrolment.joined, state, row.date)
    if period is not None:
        row.period = period
    row.reason = why
    old, new = changed_fields(before, _decision_record(row))
    if new:
        row.updated_by, row.updated_at = name_of(who), utc_now()
        session.flush()
        audit(session, who, "update", "label_decision", str(row.id), before=old, after=new)
        e_old, e_new = changed_fields(enrolment_before, _record(enrolment))
        if e_new:
            enrolment.updated_at = utc_now()
            session.flush()
            audit(session, who, "update", "enrolment", str(enrolment.id), before=e_old,
                  after=e_new)  # fmt: skip
    return _stored_decision(row)
