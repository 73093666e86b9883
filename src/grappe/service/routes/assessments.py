"""Assessments of a cluster: questionnaire answers scored and stored as versions, their
comparison, SWOTs drafted and edited, KPI evaluations with label checks corrected and deleted.

Scoring is the kernels' (:mod:`grappe.assess`) on the registry's indicator snapshots; it takes
milliseconds, so it runs in the request (no background job). Reads of results follow the
cluster's profile (public when published); answers, which name their respondent, need a token.
"""

from __future__ import annotations

import functools
import math
from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from sqlalchemy import select

from grappe.assess import Questionnaire, validate_answers
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.io.assess import read_questionnaire
from grappe.registry import assessments as store
from grappe.registry import evaluations as evals
from grappe.registry import repositories as repo
from grappe.registry.models import AnswerSet, ApiToken, Cluster, SwotRow
from grappe.registry.models import Evaluation as EvaluationRow
from grappe.registry.swot_drafts import draft_cluster_swot
from grappe.roadmap import check_label, evaluate_kpis, make_label
from grappe.service.assessment_schemas import (
    AnswersCreate,
    AnswersPublic,
    AssessmentPublic,
    ComparisonPublic,
    EvaluationCorrect,
    EvaluationDetail,
    Kind,
    KpiEvaluationCreate,
    ScoredAnswers,
    SwotDraft,
    SwotEdit,
    SwotPublic,
)
from grappe.service.deps import Caller, OptionalCaller, SessionDep, ensure_allowed
from grappe.service.errors import ApiError
from grappe.service.routes._common import Limit, Offset
from grappe.service.routes.clusters import _visible
from grappe.service.schemas import ListOf, RowId

router = APIRouter(tags=["assessments"])

Id = Annotated[int, Query(ge=1, le=2**31 - 1)]


def _answers_public(a: store.StoredAnswers) -> AnswersPublic:
    return AnswersPublic(id=a.id, cluster_id=a.cluster_id, questionnaire=a.questionnaire,
                         respondent=a.respondent, date=a.date, answers=store.public(a.answers),
                         created_by=a.created_by, created_at=a.created_at)  # fmt: skip


def assessment_public(a: store.StoredAssessment) -> AssessmentPublic:
    """A stored version as the API shows it."""
    doc = store.public(store.result_document(a.result, a.classification))
    body: dict[str, Any] = {}
    if a.kind == "lifecycle":
        body["lifecycle"] = doc
    else:
        body["scores"] = doc["scores"]
        body["classification"] = doc.get("classification")
    return AssessmentPublic(
        id=a.id, cluster_id=a.cluster_id, kind=a.kind, date=a.date, answers_id=a.answers_id,  # type: ignore[arg-type]
        inputs=store.public(a.inputs), created_by=a.created_by, created_at=a.created_at,
        deleted=a.deleted, **body,
    )  # fmt: skip


@functools.lru_cache(maxsize=8)
def _bundled(name: str) -> Questionnaire:
    """A bundled questionnaire, parsed once per process (its YAML takes ~50 ms to parse; the
    files ship with grappe and do not change while it runs; the object is frozen)."""
    return read_questionnaire(name)


def _may_read_answers(token: ApiToken, cluster_id: str) -> None:
    """Answers name their respondent: admins, analysts and the cluster's managers read them."""
    if token.role == "manager" and cluster_id not in token.cluster_ids:
        raise ApiError(
            403,
            "forbidden",
            f"The token {token.name!r}: a manager of other clusters cannot read the answers "
            f"about {cluster_id!r} — ask an admin, an analyst or a manager of {cluster_id!r}.",
        )


@router.post(
    "/clusters/{cluster_id}/answers",
    status_code=status.HTTP_201_CREATED,
    summary="Store questionnaire answers and get them scored (admin, analyst, its manager)",
)
def post_answers(
    session: SessionDep, token: Caller, cluster_id: str, body: AnswersCreate
) -> ScoredAnswers:
    """Validate the answers with the questionnaire (a wrong answer is a 422 naming the question
    id as the ``column`` of its detail), store them, score them with the cluster's indicators
    (diamond, or Quebec / Danish factors and their class; the life-cycle stage when the
    indicators span two years) and store each result as a new version of that date."""
    who = ensure_allowed(token, "create", "answers", cluster_id, scope={cluster_id})
    ensure_allowed(token, "create", "assessment", cluster_id, scope={cluster_id})
    cluster = repo.get(session, Cluster, cluster_id, what="cluster")
    questionnaire = _bundled(body.questionnaire)
    answers = validate_answers(questionnaire, body.answers, file="request body")
    answers_id = store.store_answers(
        session, cluster_id, questionnaire, answers, respondent=body.respondent, date=body.date,
        who=who,
    )  # fmt: skip
    region = body.region or (cluster.regions[0].id if cluster.regions else None)
    code = body.cluster_code or cluster.sector
    definitions = body.definitions or cluster.definitions
    frame = None
    if region and code and definitions:
        frame = store.indicator_frame(
            session, definitions=definitions, clusters=[code, *body.related]
        )
    results = store.score_answers(frame, region=region or "", cluster=code or "",
                                  questionnaire=questionnaire, answers=answers,
                                  related=body.related)  # fmt: skip
    stored = []
    for result, classification, inputs in results:
        new = store.store_assessment(
            session, cluster_id, result, date=body.date, who=who, classification=classification,
            answers_id=answers_id, inputs={**inputs, "definitions": definitions},
        )  # fmt: skip
        stored.append(assessment_public(store.load_assessment(session, new)))
    return ScoredAnswers(
        answers=_answers_public(store.load_answers(session, answers_id)), assessments=stored
    )


@router.get("/clusters/{cluster_id}/answers", summary="A cluster's answer sets (token holders)")
def list_answers(
    session: SessionDep, token: Caller, cluster_id: str, limit: Limit = 100, offset: Offset = 0
) -> ListOf[AnswersPublic]:
    _may_read_answers(token, cluster_id)
    repo.get(session, Cluster, cluster_id, what="cluster")
    query = (
        select(AnswerSet.id)
        .where(AnswerSet.cluster_id == cluster_id)
        .order_by(AnswerSet.date, AnswerSet.id)
    )
    ids, count = repo.page(session, query, limit=limit, offset=offset)
    return ListOf[AnswersPublic](
        data=[_answers_public(store.load_answers(session, i)) for i in ids], count=count
    )


@router.get("/answers/{answers_id}", summary="One answer set (token holders)")
def read_answers(session: SessionDep, token: Caller, answers_id: RowId) -> AnswersPublic:
    found = store.load_answers(session, answers_id)
    _may_read_answers(token, found.cluster_id)
    return _answers_public(found)


@router.get("/clusters/{cluster_id}/assessments", summary="Versions of a cluster's results")
def list_versions(
    session: SessionDep,
    token: OptionalCaller,
    cluster_id: str,
    kind: Kind | None = None,
) -> ListOf[AssessmentPublic]:
    """Every stored version (oldest first), optionally of one kind."""
    _visible(session, token, cluster_id, section="assessments")
    rows = store.list_assessments(session, cluster_id, kind=kind)
    return ListOf[AssessmentPublic](data=[assessment_public(a) for a in rows], count=len(rows))


def _readable(
    session: SessionDep, token: OptionalCaller, assessment_id: RowId
) -> store.StoredAssessment:
    found = store.load_assessment(session, assessment_id)
    try:
        _visible(session, token, found.cluster_id, section="assessments")
    except NotFoundError:
        raise NotFoundError(f"No assessment with id {assessment_id!r}.") from None
    if found.deleted and token is None:
        raise NotFoundError(f"No assessment with id {assessment_id!r}.")
    return found


@router.get("/assessments/{assessment_id}", summary="One version of a result")
def read_version(
    session: SessionDep, token: OptionalCaller, assessment_id: RowId
) -> AssessmentPublic:
    return assessment_public(_readable(session, token, assessment_id))


@router.delete(
    "/assessments/{assessment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a version (admin; kept hidden, audited)",
)
def delete_version(session: SessionDep, token: Caller, assessment_id: RowId) -> None:
    found = store.load_assessment(session, assessment_id)
    who = ensure_allowed(token, "delete", "assessment", str(assessment_id),
                         scope={found.cluster_id})  # fmt: skip
    store.delete_assessment(session, assessment_id, who=who)


def _change(value: float) -> float | None:
    return None if math.isnan(value) else value


@router.get(
    "/clusters/{cluster_id}/assessments/compare", summary="Compare two versions of one kind"
)
def compare_versions(
    session: SessionDep,
    token: OptionalCaller,
    cluster_id: str,
    kind: Kind,
    previous: Id | None = None,
    current: Id | None = None,
) -> ComparisonPublic:
    """By default the two latest versions of ``kind``; ``previous`` and ``current`` name others
    (of the same kind, any cluster the caller may read)."""
    _visible(session, token, cluster_id, section="assessments")
    versions = store.list_assessments(session, cluster_id, kind=kind)
    if (previous is None or current is None) and len(versions) < 2:
        raise NotFoundError(
            f"The cluster {cluster_id!r} has {len(versions)} {kind} version(s); a comparison "
            "needs two. Score the questionnaire again on a later date."
        )
    before = _readable(session, token, previous) if previous else versions[-2]
    after = _readable(session, token, current) if current else versions[-1]
    for named in (before, after):
        if named.kind != kind:
            raise InvalidParameterError(
                f"The versions compared must be of the kind {kind!r}. Got version {named.id}, "
                f"a {named.kind} result, instead."
            )
    cmp = store.compare_assessments(before, after)
    return ComparisonPublic(
        kind=cmp.kind,  # type: ignore[arg-type]
        previous=assessment_public(before),
        current=assessment_public(after),
        scores={
            k: {"previous": _change(p), "current": _change(c), "change": _change(d)}
            for k, (p, c, d) in cmp.scores.items()
        },  # fmt: skip
        level={"previous": cmp.level[0], "current": cmp.level[1]} if cmp.level else None,
        stage={"previous": cmp.stage[0], "current": cmp.stage[1]} if cmp.stage else None,
        changed=cmp.changed,
    )


# --- SWOT -------------------------------------------------------------------------------------


def _swot_public(s: evals.StoredSwot) -> SwotPublic:
    return SwotPublic(id=s.id, cluster_id=s.cluster_id, date=s.date,
                      items=evals.swot_document(s.swot), draft=evals.swot_document(s.draft),  # type: ignore[arg-type]
                      sources=store.public(s.sources), created_by=s.created_by,
                      updated_by=s.updated_by)  # fmt: skip


@router.post(
    "/clusters/{cluster_id}/swots",
    status_code=status.HTTP_201_CREATED,
    summary="Draft a SWOT from stored results (admin, analyst, its manager)",
)
def post_swot(session: SessionDep, token: Caller, cluster_id: str, body: SwotDraft) -> SwotPublic:
    """Strengths and weaknesses from the scores, opportunities and threats from the life cycle
    and the network figures (rules of :func:`grappe.assess.draft_swot`)."""
    who = ensure_allowed(token, "create", "swot", cluster_id, scope={cluster_id})
    new = draft_cluster_swot(session, cluster_id, date=body.date, who=who,
                             assessments=body.assessments, network=body.network)  # fmt: skip
    return _swot_public(evals.load_swot(session, new))


@router.get("/clusters/{cluster_id}/swots", summary="A cluster's SWOTs")
def list_swots(session: SessionDep, token: OptionalCaller, cluster_id: str) -> ListOf[SwotPublic]:
    _visible(session, token, cluster_id, section="swot")
    rows = evals.list_swots(session, cluster_id)
    return ListOf[SwotPublic](data=[_swot_public(s) for s in rows], count=len(rows))


def _swot_cluster(session: SessionDep, token: OptionalCaller, swot_id: RowId) -> str:
    row = repo.get(session, SwotRow, swot_id, what="SWOT")
    try:
        _visible(session, token, row.cluster_id, section="swot")
    except NotFoundError:
        raise NotFoundError(f"No SWOT with id {swot_id!r}.") from None
    return row.cluster_id


@router.get("/swots/{swot_id}", summary="One SWOT")
def read_swot(session: SessionDep, token: OptionalCaller, swot_id: RowId) -> SwotPublic:
    _swot_cluster(session, token, swot_id)
    return _swot_public(evals.load_swot(session, swot_id))


@router.patch("/swots/{swot_id}", summary="Edit a SWOT: add, remove, reword items (audited)")
def edit_swot(session: SessionDep, token: Caller, swot_id: RowId, body: SwotEdit) -> SwotPublic:
    """Positions are those of the SWOT before the edit; rewording applies first, then removal,
    then additions. Each change is in the audit log with the quadrants before and after."""
    cluster_id = _swot_cluster(session, token, swot_id)
    who = ensure_allowed(token, "update", "swot", str(swot_id), scope={cluster_id})
    edited = evals.edit_swot(session, swot_id, who=who, add=body.add, remove=body.remove,
                             reword=body.reword)  # fmt: skip
    return _swot_public(edited)


@router.delete(
    "/swots/{swot_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Delete a SWOT (soft)"
)
def remove_swot(session: SessionDep, token: Caller, swot_id: RowId) -> None:
    cluster_id = _swot_cluster(session, token, swot_id)
    who = ensure_allowed(token, "delete", "swot", str(swot_id), scope={cluster_id})
    evals.delete_swot(session, swot_id, who=who)


# --- evaluations ------------------------------------------------------------------------------


def _evaluation_detail(session: SessionDep, evaluation_id: RowId) -> EvaluationDetail:
    row = repo.get(session, EvaluationRow, evaluation_id, what="evaluation")
    return EvaluationDetail(
        id=row.id, cluster_id=row.cluster_id, date=row.date, kind=row.kind, score=row.score,
        label=row.label, evaluator=row.evaluator, summary=row.summary, period=row.period,
        kpi_table=store.public(row.kpi_table) if row.kpi_table is not None else None,
        facts=store.public(row.facts) if row.facts is not None else None,
        label_check=store.public(row.label_check) if row.label_check else None,
        deleted=row.deleted_at is not None, label_status=row.label_status,
    )  # fmt: skip


@router.post(
    "/clusters/{cluster_id}/evaluations/kpis",
    status_code=status.HTTP_201_CREATED,
    summary="Evaluate a period's KPIs and check a label (admin or its manager)",
)
def post_kpi_evaluation(
    session: SessionDep, token: Caller, cluster_id: str, body: KpiEvaluationCreate
) -> EvaluationDetail:
    """The rules of ``grappe kpi evaluate``: each KPI of ``period`` against its target and the
    previous period, then the label's criteria on the KPI values and ``extra`` facts."""
    who = ensure_allowed(token, "create", "evaluation", cluster_id, scope={cluster_id})
    repo.get(session, Cluster, cluster_id, what="cluster")
    import pandas as pd

    table = pd.DataFrame([k.model_dump() for k in body.kpis])
    evaluation = evaluate_kpis(table, period=body.period, extra=body.extra)
    check = None
    if body.label is not None:
        check = check_label(make_label(body.label, file="request body"), evaluation, on=body.on)
    new = evals.store_evaluation(session, cluster_id, evaluation, date=body.date, who=who,
                                 label_check=check, evaluator=body.evaluator,
                                 summary=body.summary,
                                 label_status=body.label_status)  # fmt: skip
    return _evaluation_detail(session, new)


def _evaluation_cluster(session: SessionDep, token: OptionalCaller, evaluation_id: RowId) -> str:
    row = repo.get(session, EvaluationRow, evaluation_id, what="evaluation")
    try:
        _visible(session, token, row.cluster_id, section="evaluations")
    except NotFoundError:
        raise NotFoundError(f"No evaluation with id {evaluation_id!r}.") from None
    if row.deleted_at is not None and token is None:
        raise NotFoundError(f"No evaluation with id {evaluation_id!r}.")
    return row.cluster_id


@router.get("/evaluations/{evaluation_id}", summary="One evaluation with its KPI table")
def read_evaluation(
    session: SessionDep, token: OptionalCaller, evaluation_id: RowId
) -> EvaluationDetail:
    _evaluation_cluster(session, token, evaluation_id)
    return _evaluation_detail(session, evaluation_id)


@router.patch("/evaluations/{evaluation_id}", summary="Correct an evaluation (audited)")
def correct_evaluation(
    session: SessionDep, token: Caller, evaluation_id: RowId, body: EvaluationCorrect
) -> EvaluationDetail:
    cluster_id = _evaluation_cluster(session, token, evaluation_id)
    changes = body.model_dump(exclude_unset=True)
    for key in ("date", "kind"):  # fields that cannot be empty stay as they are when sent null
        if key in changes and changes[key] is None:
            del changes[key]
    who = ensure_allowed(token, "update", "evaluation", str(evaluation_id), scope={cluster_id},
                         fields=sorted(changes))  # fmt: skip
    evals.correct_evaluation(session, evaluation_id, changes, who=who)
    return _evaluation_detail(session, evaluation_id)


@router.delete(
    "/evaluations/{evaluation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an evaluation (soft: kept hidden with its history)",
)
def delete_evaluation(session: SessionDep, token: Caller, evaluation_id: RowId) -> None:
    cluster_id = _evaluation_cluster(session, token, evaluation_id)
    who = ensure_allowed(token, "delete", "evaluation", str(evaluation_id), scope={cluster_id})
    evals.delete_evaluation(session, evaluation_id, who=who)


__all__ = ["assessment_public", "router"]
