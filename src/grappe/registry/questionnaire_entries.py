"""Questionnaires answered in the web workspace: whose answer set is whose, the latest set of
each respondent, the cluster's score from all of them pooled, and the life-cycle stage.

Who answers (:data:`grappe.registry.permissions.RULES`, record kind ``answers``): an admin, an
analyst or a manager of the cluster answers *for the cluster* (respondent
:data:`CLUSTER_RESPONDENT`, one set shared by them); a ``member`` answers for the actor he
represents (respondent ``actor:<id>``), only when that actor is a member of the cluster.
Sets are never overwritten: the newest set of a respondent replaces his earlier ones in the
pooling (:func:`latest_sets`), the earlier ones stay for the audit trail.

Scoring (record kind ``assessment``: admin, analyst, the cluster's manager) pools the latest
set of every respondent with :func:`grappe.assess.pooled_points` (per question, the mean of the
sets' points, each set weighing the same), scores the pool with the cluster's indicators as
``POST /api/v1/clusters/<id>/answers`` does (:func:`grappe.registry.assessments.score_answers`)
and stores each result as a new version (:func:`grappe.registry.assessments.store_assessment`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.assess import Questionnaire, pooled_points
from grappe.errors import InvalidParameterError, NotFoundError, PermissionDeniedError
from grappe.io.assess import bundled_questionnaires, read_questionnaire
from grappe.registry.assessments import (
    SCORED_QUESTIONNAIRES,
    StoredAnswers,
    indicator_frame,
    score_answers,
    store_answers,
    store_assessment,
    stored_answers,
)
from grappe.registry.models import AnswerSet, Cluster
from grappe.registry.permissions import Access, refusal
from grappe.registry.repositories import cluster_actor_ids, get, update_cluster

__all__ = [
    "CLUSTER_RESPONDENT",
    "QUESTIONNAIRE_ORDER",
    "answer_questionnaire",
    "bundled",
    "latest_sets",
    "may_answer",
    "may_score",
    "respondent_of",
    "score_questionnaire",
    "set_stage",
]

#: The respondent of the set answered for the cluster by its managers, admins or analysts.
CLUSTER_RESPONDENT = "cluster"

#: The bundled questionnaires in the order of the workspace (scored ones first).
QUESTIONNAIRE_ORDER: tuple[str, ...] = ("diamond", "quebec", "danish", "management")


@functools.lru_cache(maxsize=8)
def bundled(name: str) -> Questionnaire:
    """A questionnaire shipped with grappe, parsed once per process (the files do not change
    while grappe runs; the object is frozen).

    Raises
    ------
    NotFoundError
        ``name`` is not one of :func:`grappe.io.assess.bundled_questionnaires`.
    """
    if name not in bundled_questionnaires():
        raise NotFoundError(
            f"No questionnaire {name!r}: use one of {', '.join(bundled_questionnaires())}."
        )
    return read_questionnaire(name)


def respondent_of(access: Access) -> str:
    """The respondent an answer set of ``access`` is stored under: ``actor:<id>`` for a member,
    :data:`CLUSTER_RESPONDENT` for the others.

    Examples
    --------
    >>> respondent_of(Access("m@x", "member", actor="GM")), respondent_of(Access("a", "admin"))
    ('actor:GM', 'cluster')
    """
    if access.role == "member":
        return f"actor:{access.actor}"
    return CLUSTER_RESPONDENT


def may_answer(session: Session, access: Access, cluster_id: str, name: str) -> str | None:
    """Why ``access`` may not answer questionnaire ``name`` for cluster ``cluster_id`` (None
    when it may): a member only for a cluster his actor belongs to."""
    actors = cluster_actor_ids(session, cluster_id) if access.role == "member" else ()
    refused = refusal(access, "create", "answers", f"{cluster_id}/{name}", scope={cluster_id},
                      actors=actors)  # fmt: skip
    return None if refused is None else str(refused)


def may_score(access: Access, cluster_id: str, name: str) -> str | None:
    """Why ``access`` may not score questionnaire ``name`` of ``cluster_id`` (None when it may)."""
    refused = refusal(access, "create", "assessment", f"{cluster_id}/{name}", scope={cluster_id})
    return None if refused is None else str(refused)


def answer_questionnaire(
    session: Session,
    access: Access,
    cluster_id: str,
    questionnaire: Questionnaire,
    answers: Mapping[str, Any],
    *,
    notes: Mapping[str, str] | None = None,
    date: dt.date,
) -> int:
    """Store ``access``'s answers (and evidence texts) about ``cluster_id``; return the set's id.

    The set is stored under :func:`respondent_of` ``access``; it replaces, in the pooling, the
    respondent's earlier sets of that questionnaire.

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.
    PermissionDeniedError
        ``access`` may not answer for that cluster.
    DataValidationError
        An answer or evidence text is refused (each issue names the question id as column);
        nothing is stored.
    """
    get(session, Cluster, cluster_id, what="cluster")
    refused = may_answer(session, access, cluster_id, questionnaire.name)
    if refused is not None:
        raise PermissionDeniedError(refused)
    return store_answers(session, cluster_id, questionnaire, answers,
                         respondent=respondent_of(access), date=date, who=access,
                         notes=notes)  # fmt: skip


def latest_sets(session: Session, cluster_id: str, name: str) -> list[StoredAnswers]:
    """The newest answer set of each respondent of questionnaire ``name`` about the cluster
    (by date, then id), in the order they were stored."""
    rows = session.scalars(
        select(AnswerSet)
        .where(AnswerSet.cluster_id == cluster_id, AnswerSet.questionnaire == name)
        .order_by(AnswerSet.date, AnswerSet.id)
    )
    newest = {row.respondent: row for row in rows}
    return [stored_answers(row) for row in sorted(newest.values(), key=lambda r: r.id)]


def score_questionnaire(
    session: Session, access: Access, cluster_id: str, questionnaire: Questionnaire, *,
    date: dt.date,
) -> list[int]:  # fmt: skip
    """Pool the latest set of every respondent, score the pool and store each result (the
    questionnaire's, and the life-cycle stage when the indicators span two years); return the
    new versions' ids.

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.
    PermissionDeniedError
        ``access`` may not store assessments of that cluster (members never may).
    InvalidParameterError
        The questionnaire is not scored (``management``: its answers are facts for label
        checks), or nobody answered it yet.
    """
    cluster = get(session, Cluster, cluster_id, what="cluster")
    refused = may_score(access, cluster_id, questionnaire.name)
    if refused is not None:
        raise PermissionDeniedError(refused)
    if questionnaire.name not in SCORED_QUESTIONNAIRES:
        raise InvalidParameterError(
            f"The questionnaire {questionnaire.name!r} is not scored: its answers are facts for "
            f"label checks. Score one of {', '.join(SCORED_QUESTIONNAIRES)}."
        )
    sets = latest_sets(session, cluster_id, questionnaire.name)
    if not sets:
        raise InvalidParameterError(
            f"Nobody answered the {questionnaire.name!r} questionnaire about {cluster_id!r} yet: "
            "answer it before scoring."
        )
    pooled = pooled_points(questionnaire, [s.answers for s in sets])
    region = cluster.regions[0].id if cluster.regions else ""
    code, definitions = cluster.sector or "", cluster.definitions
    frame = None
    if region and code and definitions:
        frame = indicator_frame(session, definitions=definitions, clusters=[code])
    results = score_answers(frame, region=region, cluster=code, questionnaire=questionnaire,
                            answers=None, pooled=pooled)  # fmt: skip
    pooling = {"answer_sets": [s.id for s in sets], "respondents": len(sets),
               "pooling": "per question, the mean of the points of each respondent's latest set",
               "definitions": definitions}  # fmt: skip
    return [
        store_assessment(session, cluster_id, result, date=date, who=access,
                         classification=classification, inputs={**inputs, **pooling})
        for result, classification, inputs in results
    ]  # fmt: skip


def set_stage(session: Session, access: Access, cluster_id: str, stage: str | None) -> Cluster:
    """Set (or clear, with None) the cluster's life-cycle stage, audited as a cluster update.

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.
    PermissionDeniedError
        ``access`` may not change the cluster (an admin or its manager may).
    InvalidParameterError
        ``stage`` is not one of :data:`grappe.vocabulary.STAGES`.
    """
    get(session, Cluster, cluster_id, what="cluster")
    refused = refusal(access, "update", "cluster", cluster_id, scope={cluster_id},
                      fields=["stage"])  # fmt: skip
    if refused is not None:
        raise PermissionDeniedError(str(refused))
    return update_cluster(session, cluster_id, {"stage": stage}, who=access)
