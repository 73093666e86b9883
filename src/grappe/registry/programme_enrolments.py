"""A cluster in a programme: enrolment, eligibility with evidence, evaluations, label decisions.

The rule is the kernel's (:mod:`grappe.programmes`): :func:`~grappe.programmes.check_eligibility`
and :func:`~grappe.programmes.decide_label` on facts gathered from the cluster's records
(:func:`grappe.registry.programme_facts.gather_facts`) or corrected by the evaluator. This
module stores what was decided and by whom: each evaluation keeps its facts with their sources,
the criteria results, the state before and after, the action the rule gave and the action
taken. An evaluator may take another action than the rule's (an *override*) only with a reason.

The programme is the one the cluster joined: its snapshot (:func:`grappe.programmes.
programme_to_dict`) is stored with the enrolment and every decision is made on it, as the
Kompetenznetze label was kept by periodic evaluations against the rules the networks were
admitted under (seed ``004_b121ed3bd797dbd2.txt``, §11.1.4).

Rights (:data:`grappe.registry.permissions.RULES`): a cluster's manager may apply for his
cluster (``enrolment`` create); the role of the programme's deciding admission step (or an
admin) decides (``label_decision``, :mod:`grappe.registry.programme_deciders`). A label whose
level's validity ran out expires before it is evaluated (:mod:`grappe.registry.
programme_expiry`); decisions are corrected by :mod:`grappe.registry.programme_corrections`.
Every write is audited with the values before and after. Functions flush, never commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError, NotFoundError, PermissionDeniedError
from grappe.i18n import Message
from grappe.programmes import (
    CriterionResult,
    EligibilityCheck,
    Fact,
    LabelDecision,
    LabelState,
    Programme,
    check_eligibility,
    decide_label,
    evaluation_dates,
    label_valid_until,
    programme_from_dict,
    programme_to_dict,
)
from grappe.registry.models import Cluster, utc_now
from grappe.registry.permissions import Access, name_of, refusal
from grappe.registry.programme_deciders import ensure_decider
from grappe.registry.programme_facts import GatheredFacts, gather_facts
from grappe.registry.programme_models import ProgrammeDecision, ProgrammeEnrolment
from grappe.registry.repositories import audit, changed_fields, get
from grappe.vocabulary import CLOSED_LABEL_STATUSES, LABEL_ACTIONS

__all__ = [
    "CLOSED_STATUSES",
    "StoredDecision",
    "StoredEnrolment",
    "check_enrolment",
    "check_programme",
    "criteria_metrics",
    "enrol_cluster",
    "enrolment_programme",
    "list_decisions",
    "list_enrolments",
    "load_enrolment",
    "next_evaluation",
    "record_evaluation",
    "withdraw_enrolment",
]

#: Statuses after which a cluster is no longer evaluated (it applies again to come back).
CLOSED_STATUSES: tuple[str, ...] = CLOSED_LABEL_STATUSES
_LEVELLED = ("award", "raise", "lower")


@dataclass(frozen=True)
class StoredEnrolment:
    """An enrolment as stored: the programme (from its snapshot) and the current state."""

    id: int
    cluster_id: str
    programme: Programme
    joined: dt.date
    state: LabelState
    next_evaluation: dt.date | None
    created_by: str
    note: str | None


@dataclass(frozen=True)
class StoredDecision:
    """A stored label decision (see :class:`~grappe.registry.programme_models.
    ProgrammeDecision` for the meaning of each field)."""

    id: int
    enrolment_id: int
    period: str | None
    date: dt.date
    facts: Mapping[str, Fact]
    results: tuple[Mapping[str, Any], ...]
    previous: LabelState | None
    state: LabelState
    rule_action: str
    rule_reasons: tuple[Message, ...]
    action: str
    overridden: bool
    decided_by: str
    reason: str | None
    updated_by: str | None


def _allowed(who: Access, action: str, kind: str, key: str, cluster_id: str) -> None:
    refused = refusal(who, action, kind, key, scope={cluster_id})
    if refused is not None:
        raise PermissionDeniedError(str(refused))


def _state_doc(state: LabelState | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {"status": state.status, "level": state.level, "failures": state.failures}


def _state(doc: Mapping[str, Any] | None) -> LabelState | None:
    if doc is None:
        return None
    return LabelState(doc["status"], doc["level"], int(doc["failures"]))


def _result_doc(result: CriterionResult) -> dict[str, Any]:
    c = result.criterion
    return {"metric": c.metric, "op": c.op, "threshold": c.threshold, "value": result.value,
            "ok": result.ok, "source": result.source, "level": result.level,
            "reason": None if result.reason is None else str(result.reason)}  # fmt: skip


def _facts(facts: Mapping[str, Fact | float | None]) -> dict[str, Fact]:
    """Facts as the kernel's :class:`Fact`; a bare number is a value typed by the evaluator."""
    out = {}
    for metric, fact in facts.items():
        out[metric] = fact if isinstance(fact, Fact) else Fact(
            metric, None if fact is None else float(fact), "typed"
        )  # fmt: skip
    return out


def criteria_metrics(programme: Programme) -> tuple[str, ...]:
    """The metrics a programme's eligibility and levels read, in order of first use (the facts
    an evaluation needs).

    Examples
    --------
    >>> from grappe.programmes import programme_from_dict
    >>> p = programme_from_dict({"key": "k", "names": {"en": "K"},
    ...     "eligibility": ["members >= 15", "member_types >= 2"],
    ...     "levels": [{"key": "gold", "names": {"en": "Gold"},
    ...                 "criteria": ["members >= 30", "management_fte >= 1"]}]})
    >>> criteria_metrics(p)
    ('members', 'member_types', 'management_fte')
    """
    seen: dict[str, None] = {}
    for c in (*programme.eligibility, *(c for lv in programme.levels for c in lv.criteria)):
        seen.setdefault(c.metric, None)
    return tuple(seen)


def _record(row: ProgrammeEnrolment) -> dict[str, Any]:
    return {"cluster_id": row.cluster_id, "programme": row.programme, "joined": row.joined,
            "status": row.status, "level": row.level, "failures": row.failures,
            "next_evaluation": row.next_evaluation, "note": row.note}  # fmt: skip


def _live(session: Session, enrolment_id: int) -> ProgrammeEnrolment:
    row = get(session, ProgrammeEnrolment, enrolment_id, what="enrolment")
    if row.deleted_at is not None:
        raise NotFoundError(f"No enrolment with id {enrolment_id!r} (it was withdrawn).")
    return row


def enrolment_programme(row: ProgrammeEnrolment) -> Programme:
    """The programme the cluster joined (from the stored snapshot)."""
    return programme_from_dict(row.snapshot, file=f"enrolment {row.id}")


def _stored(row: ProgrammeEnrolment) -> StoredEnrolment:
    return StoredEnrolment(
        row.id, row.cluster_id, enrolment_programme(row), row.joined,
        LabelState(row.status, row.level, row.failures), row.next_evaluation, row.created_by,
        row.note,
    )  # fmt: skip


def _next_date(programme: Programme, joined: dt.date, after: dt.date) -> dt.date | None:
    if programme.evaluation.every_months is None:
        return None
    horizon = after + dt.timedelta(days=31 * max(programme.evaluation.every_months, 1) + 1)
    later = [d for d in evaluation_dates(programme, start=joined, until=horizon) if d > after]
    return later[0] if later else None


def next_evaluation(
    programme: Programme, joined: dt.date, state: LabelState, on: dt.date
) -> dt.date | None:
    """The next evaluation after a decision on ``on`` leaving ``state``: on the programme's
    calendar from ``joined``, and not after the last valid day of a label just awarded or
    renewed (its renewal is due before it expires); none once the enrolment is closed."""
    if state.status in CLOSED_STATUSES:
        return None
    day = _next_date(programme, joined, on)
    if state.status in ("awarded", "renewed") and state.level is not None:
        until = label_valid_until(programme, state.level, awarded=on)
        if until is not None and (day is None or until < day):
            day = until
    return day


def enrol_cluster(
    session: Session,
    who: Access,
    cluster_id: str,
    programme: Programme,
    *,
    joined: dt.date,
    note: str | None = None,
) -> StoredEnrolment:
    """Enrol cluster ``cluster_id`` in ``programme`` (status ``applied``); return it.

    The programme is stored as it is today (its snapshot); the first evaluation falls on the
    programme's calendar from ``joined``.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not apply for this cluster (an admin, an analyst or its manager may).
    NotFoundError
        No cluster ``cluster_id``.
    InvalidParameterError
        The cluster is already enrolled in this programme (and not withdrawn, refused or
        expired).
    """
    key = f"{cluster_id}/{programme.key}"
    _allowed(who, "create", "enrolment", key, cluster_id)
    get(session, Cluster, cluster_id, what="cluster")
    current = session.scalar(select(ProgrammeEnrolment.id).where(
        ProgrammeEnrolment.cluster_id == cluster_id, ProgrammeEnrolment.programme == programme.key,
        ProgrammeEnrolment.deleted_at.is_(None),
        ProgrammeEnrolment.status.not_in(CLOSED_STATUSES),
    ))  # fmt: skip
    if current is not None:
        raise InvalidParameterError(Message(
            "The cluster {cluster!r} is already enrolled in {programme!r} (enrolment "
            "{enrolment}): record an evaluation of it instead of enrolling again.",
            cluster=cluster_id, programme=programme.key, enrolment=current,
        ))  # fmt: skip
    row = ProgrammeEnrolment(
        cluster_id=cluster_id, programme=programme.key, snapshot=programme_to_dict(programme),
        joined=joined, status="applied", level=None, failures=0, note=note,
        next_evaluation=joined if programme.evaluation.every_months is not None else None,
        created_by=name_of(who),
    )  # fmt: skip
    session.add(row)
    session.flush()
    audit(session, who, "create", "enrolment", str(row.id), after=_record(row))
    return _stored(row)


def load_enrolment(session: Session, enrolment_id: int) -> StoredEnrolment:
    """The enrolment ``enrolment_id``.

    Raises
    ------
    NotFoundError
        No such enrolment, or it was withdrawn.
    """
    return _stored(_live(session, enrolment_id))


def list_enrolments(
    session: Session,
    *,
    cluster_id: str | None = None,
    programme: str | None = None,
    statuses: Iterable[str] | None = None,
) -> list[StoredEnrolment]:
    """Live enrolments, by cluster then programme, filtered by cluster, programme and status."""
    query = select(ProgrammeEnrolment).where(ProgrammeEnrolment.deleted_at.is_(None))
    if cluster_id is not None:
        query = query.where(ProgrammeEnrolment.cluster_id == cluster_id)
    if programme is not None:
        query = query.where(ProgrammeEnrolment.programme == programme)
    if statuses is not None:
        query = query.where(ProgrammeEnrolment.status.in_(tuple(statuses)))
    order = (ProgrammeEnrolment.cluster_id, ProgrammeEnrolment.programme, ProgrammeEnrolment.id)
    return [_stored(row) for row in session.scalars(query.order_by(*order))]


def check_programme(
    session: Session, cluster_id: str, programme: Programme, *, on: dt.date
) -> tuple[EligibilityCheck, GatheredFacts]:
    """Whether cluster ``cluster_id`` meets ``programme``'s eligibility on ``on``, with the
    facts found in its records (and those missing: a criterion on a missing fact fails).

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.
    """
    gathered = gather_facts(session, cluster_id, on=on, metrics=criteria_metrics(programme))
    return check_eligibility(programme, gathered.facts), gathered


def check_enrolment(
    session: Session, enrolment_id: int, *, on: dt.date
) -> tuple[EligibilityCheck, GatheredFacts]:
    """:func:`check_programme` for an enrolment, on the programme the cluster joined.

    Raises
    ------
    NotFoundError
        No such enrolment, or it was withdrawn.
    """
    row = _live(session, enrolment_id)
    return check_programme(session, row.cluster_id, enrolment_programme(row), on=on)


def _override_state(
    action: str, previous: LabelState | None, programme: Programme, level: str | None
) -> LabelState:
    """The state an evaluator's action leads to (the rule's own actions are the kernel's)."""
    before = previous or LabelState("applied", None, 0)
    levels = [lv.key for lv in programme.levels]
    if action in _LEVELLED:
        if level not in levels:
            raise InvalidParameterError(Message(
                "The 'level' parameter of record_evaluation must be one of {allowed} to {action} "
                "a label. Got {value!r} instead.",
                allowed=", ".join(levels), action=action, value=level,
            ))  # fmt: skip
        return LabelState("awarded" if action == "award" else "renewed", level, 0)
    if before.level is None and action in ("keep", "suspend", "reinstate"):
        raise InvalidParameterError(Message(
            "The 'action' parameter of record_evaluation cannot be {action!r}: the cluster "
            "holds no label (status {status!r}). Award a level or refuse instead.",
            action=action, status=before.status,
        ))  # fmt: skip
    if action == "keep":
        return LabelState("renewed", before.level, 0)
    if action == "reinstate":
        return LabelState("renewed", before.level, 0)
    if action == "suspend":
        return LabelState("suspended", before.level, before.failures + 1)
    if action == "withdraw":
        return LabelState("withdrawn", None, before.failures + 1)
    if action == "expire":
        return LabelState("expired", None, before.failures)
    return LabelState("refused", None, 0)  # refuse


def _check_action(action: str | None, func: str) -> None:
    if action is not None and action not in LABEL_ACTIONS:
        raise InvalidParameterError(Message(
            "The 'action' parameter of {func} must be one of {allowed}. Got {value!r} instead.",
            func=func, allowed=", ".join(LABEL_ACTIONS), value=action,
        ))  # fmt: skip


def _reason(reason: str | None, func: str, why: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise InvalidParameterError(Message(
            "The 'reason' parameter of {func} must say why {why}. Got no reason instead.",
            func=func, why=why,
        ))  # fmt: skip
    return text


def _reason_doc(reason: str) -> dict[str, Any]:
    """A reason of the rule, kept so that it can be shown in any language: its English text, and
    for a :class:`~grappe.i18n.Message` its template and values (as text when not numbers)."""
    if not isinstance(reason, Message):
        return {"text": str(reason), "template": None, "values": {}}
    values = {k: v if isinstance(v, int | float) and not isinstance(v, bool) else str(v)
              for k, v in reason.values.items()}  # fmt: skip
    return {"text": str(reason), "template": reason.template, "values": values}


def _reason_message(doc: Mapping[str, Any]) -> Message:
    if doc.get("template"):
        try:
            return Message(doc["template"], **doc["values"])
        except (KeyError, IndexError, ValueError):  # a template of an older kernel
            pass
    return Message(doc["text"].replace("{", "{{").replace("}", "}}"))


def _decision_record(row: ProgrammeDecision) -> dict[str, Any]:
    return {"enrolment_id": row.enrolment_id, "period": row.period, "date": row.date,
            "facts": row.facts, "previous": row.previous, "state": row.state,
            "rule_action": row.rule_action, "rule_reasons": [r["text"] for r in row.rule_reasons],
            "action": row.action, "overridden": row.overridden, "decided_by": row.decided_by,
            "reason": row.reason}  # fmt: skip


def _stored_decision(row: ProgrammeDecision) -> StoredDecision:
    facts = {k: Fact(k, v["value"], v["source"]) for k, v in row.facts.items()}
    return StoredDecision(
        row.id, row.enrolment_id, row.period, row.date, facts, tuple(row.results),
        _state(row.previous), cast(LabelState, _state(row.state)), row.rule_action,
        tuple(_reason_message(r) for r in row.rule_reasons), row.action, row.overridden,
        row.decided_by, row.reason, row.updated_by,
    )  # fmt: skip


def record_evaluation(
    session: Session,
    who: Access,
    enrolment_id: int,
    facts: Mapping[str, Fact | float | None],
    *,
    on: dt.date,
    period: str | None = None,
    action: str | None = None,
    level: str | None = None,
    reason: str | None = None,
) -> StoredDecision:
    """Evaluate an enrolment on ``facts`` by the programme's rule and apply the decision.

    :func:`grappe.programmes.decide_label` gives the action from the current state and the
    facts; it is applied unless the evaluator takes another ``action`` (an override), which
    needs a ``reason`` (and a ``level`` to award, raise or lower). The decision is stored with
    the facts and their sources, the enrolment's state and next evaluation date are updated,
    and both writes are audited.

    Parameters
    ----------
    facts : mapping of str to Fact, float or None
        The facts of the evaluation (:func:`~grappe.registry.programme_facts.gather_facts`,
        corrected by the evaluator); a bare number is recorded with source ``"typed"``.
    on : datetime.date
        Date of the evaluation.
    period : str, optional
        The period the facts describe (``"2024"``), shown in the history.
    action, level, reason : str, optional
        An override: one of :data:`grappe.vocabulary.LABEL_ACTIONS`, the level it gives, and why.

    Raises
    ------
    PermissionDeniedError
        ``who`` may not decide (the role of the programme's deciding step, or an admin, does).
    NotFoundError
        No such enrolment, or it was withdrawn.
    InvalidParameterError
        An unknown action, an override without a reason, a level that is not the programme's,
        a date before the last decision's, or an enrolment that is closed (refused, withdrawn).
    """
    from grappe.registry.programme_expiry import expire_enrolment  # it reads this module

    row = _live(session, enrolment_id)
    ensure_decider(who, enrolment_programme(row), row.cluster_id)
    _check_action(action, "record_evaluation")
    expire_enrolment(session, who, row, on=on)  # a label not renewed in time is closed first
    if row.status in CLOSED_STATUSES:
        raise InvalidParameterError(Message(
            "The enrolment {enrolment} of {cluster!r} in {programme!r} is {status}: it is no "
            "longer evaluated. Enrol the cluster again to reapply.",
            enrolment=row.id, cluster=row.cluster_id, programme=row.programme, status=row.status,
        ))  # fmt: skip
    last = session.scalar(
        select(ProgrammeDecision.date)
        .where(ProgrammeDecision.enrolment_id == row.id)
        .order_by(ProgrammeDecision.date.desc())
    )
    if last is not None and on < last:
        raise InvalidParameterError(Message(
            "The 'on' parameter of record_evaluation must not be before the last decision "
            "({last}). Got {value} instead.",
            last=last.isoformat(), value=on.isoformat(),
        ))  # fmt: skip
    programme = enrolment_programme(row)
    previous = LabelState(row.status, row.level, row.failures)
    given = _facts(facts)
    decision: LabelDecision = decide_label(programme, previous, given)
    state, why = decision.state, (reason or "").strip() or None
    if action is not None and action != decision.action:
        instead = Message("the action {action!r} is taken instead of the rule's {rule!r}",
                          action=action, rule=decision.action)  # fmt: skip
        why = _reason(reason, "record_evaluation", instead)
        state = _override_state(action, previous, programme, level)
    taken = action or decision.action
    before = _record(row)
    decided = ProgrammeDecision(
        enrolment_id=row.id, period=period, date=on,
        facts={k: {"value": f.value, "source": f.source} for k, f in given.items()},
        results=[_result_doc(r) for r in decision.results],
        previous=_state_doc(previous), state=_state_doc(state), rule_action=decision.action,
        rule_reasons=[_reason_doc(r) for r in decision.reasons],
        action=taken, overridden=taken != decision.action, decided_by=name_of(who),
        reason=why,
    )  # fmt: skip
    session.add(decided)
    row.status, row.level, row.failures = state.status, state.level, state.failures
    row.next_evaluation = next_evaluation(programme, row.joined, state, on)
    row.updated_at = utc_now()
    session.flush()
    audit(session, who, "create", "label_decision", str(decided.id),
          after=_decision_record(decided))  # fmt: skip
    old, new = changed_fields(before, _record(row))
    if new:
        audit(session, who, "update", "enrolment", str(row.id), before=old, after=new)
    return _stored_decision(decided)


def list_decisions(session: Session, enrolment_id: int) -> list[StoredDecision]:
    """The decisions of an enrolment, oldest first.

    Raises
    ------
    NotFoundError
        No such enrolment.
    """
    get(session, ProgrammeEnrolment, enrolment_id, what="enrolment")
    rows = session.scalars(select(ProgrammeDecision).where(
        ProgrammeDecision.enrolment_id == enrolment_id
    ).order_by(ProgrammeDecision.date, ProgrammeDecision.id))  # fmt: skip
    return [_stored_decision(r) for r in rows]


def withdraw_enrolment(session: Session, who: Access, enrolment_id: int) -> None:
    """Remove an enrolment entered by mistake (hidden, kept with its decisions; audited).

    Raises
    ------
    PermissionDeniedError
        ``who`` is not an admin.
    NotFoundError
        No such enrolment, or it was already removed.
    """
    row = _live(session, enrolment_id)
    _allowed(who, "delete", "enrolment", str(row.id), row.cluster_id)
    row.deleted_at, row.deleted_by = utc_now(), name_of(who)
    session.flush()
    audit(session, who, "delete", "enrolment", str(row.id), before=_record(row))
