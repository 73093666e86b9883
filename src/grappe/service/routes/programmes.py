"""``/programmes``, ``/clusters/{id}/programmes``, ``/enrolments`` and ``/decisions``: the
programmes a cluster may join (public), its enrolments and the label decisions on them.

Reading a programme and the clusters it labels is public (published clusters only; a label
past its validity is shown expired at once); a cluster's enrolments and decisions need a token;
applying needs an admin, an analyst or the cluster's manager; evaluating and correcting a
decision the role of the programme's deciding admission step, or an admin
(:data:`grappe.registry.permissions.RULES`, kinds ``enrolment`` and ``label_decision``,
narrowed by :mod:`grappe.registry.programme_deciders`: 403 with the step and its role).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, status
from sqlalchemy import select

from grappe.programmes import programme_to_dict
from grappe.registry import programme_enrolments as enrolments
from grappe.registry.models import Cluster
from grappe.registry.permissions import Access
from grappe.registry.programme_catalogue import find_programme, programme_catalogue
from grappe.registry.programme_corrections import correct_decision
from grappe.registry.programme_deciders import decider_refusal
from grappe.registry.programme_expiry import label_validity
from grappe.registry.programme_facts import gather_facts
from grappe.registry.programme_models import ProgrammeDecision, ProgrammeEnrolment
from grappe.registry.repositories import get
from grappe.service.deps import Caller, SessionDep, ensure_allowed
from grappe.service.errors import ApiError
from grappe.service.programme_schemas import (
    DecisionPublic,
    DecisionUpdate,
    EnrolmentCreate,
    EnrolmentPublic,
    EvaluationCreate,
)
from grappe.service.routes.clusters import _visible
from grappe.service.schemas import ListOf, RowId

router = APIRouter(tags=["programmes"])

#: Statuses under which a cluster holds a programme's label (shown on its public page).
LABELLED: tuple[str, ...] = ("awarded", "renewed")


def _summary(programme: Any) -> dict[str, Any]:
    return {"key": programme.key, "names": dict(programme.names), "country": programme.country,
            "levels": [lv.key for lv in programme.levels],
            "every_months": programme.evaluation.every_months}  # fmt: skip


@router.get("/programmes", summary="The programmes a cluster may join")
def list_programmes() -> ListOf[dict[str, Any]]:
    rows = [_summary(p) for p in programme_catalogue()]
    return ListOf[dict[str, Any]](data=rows, count=len(rows))


@router.get("/programmes/{key}", summary="One programme and the published clusters it labels")
def read_programme(session: SessionDep, key: str) -> dict[str, Any]:
    programme = find_programme(key)
    today = dt.date.today()
    labelled = []
    for e in enrolments.list_enrolments(session, programme=key, statuses=LABELLED):
        validity = label_validity(session, e.id, on=today)
        if not validity.expired:
            labelled.append(
                {
                    "cluster_id": e.cluster_id,
                    "level": e.state.level,
                    "status": e.state.status,
                    "valid_until": validity.valid_until,
                }
            )

    published = set(session.scalars(select(Cluster.id).where(Cluster.published.is_(True))))
    return {**programme_to_dict(programme),
            "clusters": [c for c in labelled if c["cluster_id"] in published]}  # fmt: skip


@router.get("/clusters/{cluster_id}/programmes", summary="A cluster's enrolments")
def list_cluster_enrolments(
    session: SessionDep, token: Caller, cluster_id: str
) -> ListOf[EnrolmentPublic]:
    _visible(session, token, cluster_id)
    today = dt.date.today()
    rows = [
        EnrolmentPublic.of(e, label_validity(session, e.id, on=today))
        for e in enrolments.list_enrolments(session, cluster_id=cluster_id)
    ]
    return ListOf[EnrolmentPublic](data=rows, count=len(rows))


@router.post(
    "/clusters/{cluster_id}/programmes",
    status_code=status.HTTP_201_CREATED,
    summary="Apply for a programme (admin, analyst or the cluster's manager)",
)
def enrol(
    session: SessionDep, token: Caller, cluster_id: str, body: EnrolmentCreate
) -> EnrolmentPublic:
    who = ensure_allowed(token, "create", "enrolment", f"{cluster_id}/{body.programme}",
                         scope={cluster_id})  # fmt: skip
    programme = find_programme(body.programme)
    stored = enrolments.enrol_cluster(session, who, cluster_id, programme, joined=body.joined,
                                      note=body.note)  # fmt: skip
    return EnrolmentPublic.of(stored)


def _ensure_decider(token: Caller, row: ProgrammeEnrolment, action: str) -> Access:
    """The caller, when the role of the programme's deciding step (or an admin); else 403."""
    who = Access.of_token(token)
    refused = decider_refusal(who, enrolments.enrolment_programme(row), row.cluster_id,
                              action=action)  # fmt: skip
    if refused is not None:
        raise ApiError(403, "forbidden", f"The token {token.name!r}: {refused}.")
    return who


def _enrolment(session: SessionDep, enrolment_id: RowId) -> ProgrammeEnrolment:
    row = get(session, ProgrammeEnrolment, enrolment_id, what="enrolment")
    if row.deleted_at is not None:
        enrolments.load_enrolment(session, enrolment_id)  # raises the NotFoundError
    return row


@router.post(
    "/enrolments/{enrolment_id}/evaluations",
    status_code=status.HTTP_201_CREATED,
    summary="Evaluate an enrolment and apply the label decision (the deciding step's role)",
)
def evaluate(
    session: SessionDep, token: Caller, enrolment_id: RowId, body: EvaluationCreate
) -> DecisionPublic:
    """The facts are gathered from the cluster's records on ``on`` (unless ``gather`` is
    false), then ``facts`` corrects them; the programme's rule decides unless ``action``
    overrides it with a ``reason``."""
    row = _enrolment(session, enrolment_id)
    who = _ensure_decider(token, row, "create")
    facts: dict[str, Any] = {}
    if body.gather:
        facts |= gather_facts(session, row.cluster_id, on=body.on).facts
    facts |= body.facts  # typed values (source "typed") replace gathered ones
    decision = enrolments.record_evaluation(
        session, who, enrolment_id, facts, on=body.on, period=body.period, action=body.action,
        level=body.level, reason=body.reason,
    )  # fmt: skip
    return DecisionPublic.of(decision)


@router.get("/enrolments/{enrolment_id}/decisions", summary="The decisions of an enrolment")
def list_decisions(
    session: SessionDep, token: Caller, enrolment_id: RowId
) -> ListOf[DecisionPublic]:
    row = _enrolment(session, enrolment_id)
    _visible(session, token, row.cluster_id)
    rows = [DecisionPublic.of(d) for d in enrolments.list_decisions(session, enrolment_id)]
    return ListOf[DecisionPublic](data=rows, count=len(rows))


@router.patch(
    "/decisions/{decision_id}", summary="Correct a decision (the deciding step's role or an admin)"
)
def correct(
    session: SessionDep, token: Caller, decision_id: RowId, body: DecisionUpdate
) -> DecisionPublic:
    row = get(session, ProgrammeDecision, decision_id, what="decision")
    enrolment = _enrolment(session, row.enrolment_id)
    who = _ensure_decider(token, enrolment, "update")
    decision = correct_decision(
        session, who, decision_id, reason=body.reason, period=body.period, action=body.action,
        level=body.level, date=body.date, facts=body.facts,
    )  # fmt: skip
    return DecisionPublic.of(decision)
