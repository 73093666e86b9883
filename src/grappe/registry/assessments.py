"""Questionnaire answers and scored assessments of a cluster, stored as versions per date.

The registry stores the kernels' own objects (:mod:`grappe.assess`): answers validated by
:func:`grappe.assess.validate_answers`, and each scored result — :class:`~grappe.assess.Diamond`,
Quebec or Danish :class:`~grappe.assess.SuccessFactors` with their
:class:`~grappe.assess.Classification`, :class:`~grappe.assess.Lifecycle` — as one *version*
(a row of ``assessments``) with its date and the inputs it was computed from (the answers' id,
the indicator snapshot: definitions, region, cluster code, years, related clusters and the
indicator values read). A later evaluation compares two versions with
:func:`compare_assessments` (Kompetenznetze-style re-evaluation needs the previous result).

Every write is audited; versions are never overwritten (a new date is a new version), only
soft-deleted.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.assess import (
    Classification,
    Lifecycle,
    Questionnaire,
    classify,
    cluster_evidence,
    diamond,
    lifecycle_series,
    lifecycle_stage,
    success_factors,
    validate_answers,
)
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError, ValidationIssue
from grappe.registry.assessment_documents import (
    Result,
    decode,
    encode,
    kind_of,
    load_result,
    public,
    result_document,
)
from grappe.registry.models import AnswerSet, AssessmentRow, Cluster, IndicatorSnapshot, utc_now
from grappe.registry.permissions import Access, name_of
from grappe.registry.repositories import audit, get

__all__ = [
    "KINDS",
    "NOTE_LIMIT",
    "SCORED_QUESTIONNAIRES",
    "AssessmentComparison",
    "StoredAnswers",
    "StoredAssessment",
    "check_notes",
    "compare_assessments",
    "decode",
    "delete_assessment",
    "encode",
    "indicator_frame",
    "list_assessments",
    "load_answers",
    "load_assessment",
    "public",
    "score_answers",
    "store_answers",
    "store_assessment",
    "stored_answers",
]

#: Kinds of stored results: Porter's diamond, Quebec and Danish factors, life-cycle stage.
KINDS: tuple[str, ...] = ("diamond", "quebec", "danish", "lifecycle")

#: Questionnaire → the result its answers score (``management`` answers are facts for labels).
SCORED_QUESTIONNAIRES: dict[str, str] = {
    "diamond": "diamond",
    "quebec": "quebec",
    "danish": "danish",
}

# --- answers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredAnswers:
    """A stored answer set: who answered which questionnaire, when, and the answers."""

    id: int
    cluster_id: str
    questionnaire: str
    respondent: str
    date: dt.date
    answers: Mapping[str, Any]
    created_by: str
    created_at: dt.datetime
    #: Question id → the respondent's evidence text (empty when none was given).
    notes: Mapping[str, str] = field(default_factory=dict)


def store_answers(
    session: Session,
    cluster_id: str,
    questionnaire: Questionnaire,
    answers: Mapping[str, Any],
    *,
    respondent: str,
    date: dt.date,
    who: str | Access,
    notes: Mapping[str, str] | None = None,
) -> int:
    """Store answers to ``questionnaire`` about ``cluster_id``; return the answer set's id.

    The answers are checked again by :func:`grappe.assess.validate_answers` (normalised answers
    pass unchanged), so nothing invalid is ever stored. ``notes`` (question id → the
    respondent's evidence text) are checked by :func:`check_notes`; both checks' problems are
    raised together.

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.
    DataValidationError
        The answers do not fit the questionnaire (each problem names the question id).
    """
    get(session, Cluster, cluster_id, what="cluster")
    issues: list[ValidationIssue] = []
    try:
        clean = validate_answers(questionnaire, answers, file=questionnaire.source)
    except DataValidationError as error:
        issues.extend(error.issues)
    texts, note_issues = check_notes(questionnaire, notes or {})
    if issues or note_issues:
        raise DataValidationError([*issues, *note_issues])
    row = AnswerSet(
        cluster_id=cluster_id, questionnaire=questionnaire.name, respondent=respondent,
        date=date, answers=encode(clean), notes=texts or None, created_by=name_of(who),
    )  # fmt: skip
    session.add(row)
    session.flush()
    record = {"cluster_id": cluster_id, "questionnaire": questionnaire.name,
              "respondent": respondent, "date": date, "answers": clean}  # fmt: skip
    if texts:
        record["notes"] = texts
    audit(session, who, "create", "answers", str(row.id), after=record)
    return row.id


def load_answers(session: Session, answers_id: int) -> StoredAnswers:
    """The stored answer set ``answers_id``.

    Raises
    ------
    NotFoundError
        No answer set with that id.
    """
    return stored_answers(get(session, AnswerSet, answers_id, what="answer set"))


def stored_answers(row: AnswerSet) -> StoredAnswers:
    """A row of ``assessment_answers`` as the typed :class:`StoredAnswers`."""
    return StoredAnswers(row.id, row.cluster_id, row.questionnaire, row.respondent, row.date,
                         dict(row.answers), row.created_by, row.created_at,
                         dict(row.notes or {}))  # fmt: skip


#: Longest evidence text kept with one answer (characters).
NOTE_LIMIT = 2000


def check_notes(
    questionnaire: Questionnaire, notes: Mapping[str, str]
) -> tuple[dict[str, str], list[ValidationIssue]]:
    """The evidence texts to keep (stripped, blanks dropped) and the problems found.

    A text must belong to a question of ``questionnaire`` and hold at most
    :data:`NOTE_LIMIT` characters; each problem's column is ``evidence:<question id>``.

    Examples
    --------
    >>> from grappe.io.assess import read_questionnaire
    >>> notes = {"D-F1": " 2 schools ", "D-F2": ""}
    >>> check_notes(read_questionnaire("diamond"), notes)
    ({'D-F1': '2 schools'}, [])
    """
    known = set(questionnaire.ids)
    texts: dict[str, str] = {}
    issues: list[ValidationIssue] = []
    for qid, text in notes.items():
        text = str(text or "").strip()
        if qid not in known:
            issues.append(ValidationIssue(
                f"An evidence text names the unknown question {qid!r} of the "
                f"{questionnaire.name!r} questionnaire.", column=f"evidence:{qid}",
                fix="Give evidence only for the questionnaire's questions."))  # fmt: skip
        elif len(text) > NOTE_LIMIT:
            issues.append(ValidationIssue(
                f"The evidence text of {qid} holds {len(text)} characters.",
                column=f"evidence:{qid}",
                fix=f"Shorten it to {NOTE_LIMIT} characters at most."))  # fmt: skip
        elif text:
            texts[qid] = text
    return texts, issues


# --- scored versions --------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredAssessment:
    """One stored version of a scored result.

    Attributes
    ----------
    id, cluster_id, kind, date
        The version: its id, cluster, kind (:data:`KINDS`) and date.
    result : Diamond, SuccessFactors or Lifecycle
        The kernel's result, as computed.
    classification : Classification or None
        The classification of Quebec or Danish factors.
    inputs : mapping
        What it was computed from: ``answers_id``, ``questionnaire``, ``definitions``,
        ``region``, ``cluster_code``, ``year``, ``start``, ``related``, ``indicators``.
    answers_id : int or None
    created_by : str
    created_at : datetime
    deleted : bool
    """

    id: int
    cluster_id: str
    kind: str
    date: dt.date
    result: Result
    classification: Classification | None
    inputs: Mapping[str, Any]
    answers_id: int | None
    created_by: str
    created_at: dt.datetime
    deleted: bool = False


def store_assessment(
    session: Session,
    cluster_id: str,
    result: Result,
    *,
    date: dt.date,
    who: str | Access,
    classification: Classification | None = None,
    answers_id: int | None = None,
    inputs: Mapping[str, Any] | None = None,
) -> int:
    """Store one version of a scored result; return its id.

    Parameters
    ----------
    session : Session
        Open session in a transaction (the caller commits).
    cluster_id : str
        The registry cluster assessed.
    result : Diamond, SuccessFactors or Lifecycle
        The kernel's result.
    date : datetime.date
        Date of the version (several versions may share a date; the newest id is the latest).
    who : str or Access
        Author, for the audit log.
    classification : Classification, optional
        The classification of a SuccessFactors result.
    answers_id : int, optional
        The stored answers it was scored from.
    inputs : mapping, optional
        The indicator snapshot it was computed from (see :class:`StoredAssessment`).

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id`` or no answer set ``answers_id`` of that cluster.
    InvalidParameterError
        ``result`` is not a kernel result, or a classification comes with another kind.
    """
    kind = kind_of(result)
    if classification is not None and kind not in ("quebec", "danish"):
        raise InvalidParameterError(
            "The 'classification' parameter of store_assessment goes with Quebec or Danish "
            f"success factors. Got one with a {kind} result instead."
        )
    get(session, Cluster, cluster_id, what="cluster")
    if answers_id is not None:
        answers = get(session, AnswerSet, answers_id, what="answer set")
        if answers.cluster_id != cluster_id:
            raise NotFoundError(f"No answer set with id {answers_id!r} for cluster {cluster_id!r}.")
    doc = encode(result_document(result, classification))
    row = AssessmentRow(
        cluster_id=cluster_id, kind=kind, date=date, answers_id=answers_id,
        inputs=encode({**(inputs or {}), "answers_id": answers_id}), result=doc,
        created_by=name_of(who),
    )  # fmt: skip
    session.add(row)
    session.flush()
    audit(session, who, "create", "assessment", str(row.id),
          after={"cluster_id": cluster_id, "kind": kind, "date": date, "answers_id": answers_id,
                 "summary": _summary(kind, doc)})  # fmt: skip
    return row.id


def _stored(row: AssessmentRow) -> StoredAssessment:
    result, classification = load_result(row.kind, decode(row.result))
    return StoredAssessment(
        row.id, row.cluster_id, row.kind, row.date, result, classification,
        decode(row.inputs), row.answers_id, row.created_by, row.created_at,
        row.deleted_at is not None,
    )  # fmt: skip


def load_assessment(session: Session, assessment_id: int) -> StoredAssessment:
    """The stored version ``assessment_id`` with its kernel objects (deleted ones included).

    Raises
    ------
    NotFoundError
        No version with that id.
    """
    return _stored(get(session, AssessmentRow, assessment_id, what="assessment"))


def list_assessments(
    session: Session, cluster_id: str, *, kind: str | None = None, include_deleted: bool = False
) -> list[StoredAssessment]:
    """The versions of a cluster's results, oldest first (by date, then id)."""
    if kind is not None and kind not in KINDS:
        raise InvalidParameterError(
            f"The 'kind' parameter of list_assessments must be one of {', '.join(KINDS)}. "
            f"Got {kind!r} instead."
        )
    query = select(AssessmentRow).where(AssessmentRow.cluster_id == cluster_id)
    if kind is not None:
        query = query.where(AssessmentRow.kind == kind)
    if not include_deleted:
        query = query.where(AssessmentRow.deleted_at.is_(None))
    return [
        _stored(r) for r in session.scalars(query.order_by(AssessmentRow.date, AssessmentRow.id))
    ]


def delete_assessment(session: Session, assessment_id: int, *, who: str | Access) -> None:
    """Soft-delete a version: hidden from lists and comparisons, kept (and audited).

    Raises
    ------
    NotFoundError
        No version with that id, or it is already deleted.
    """
    row = get(session, AssessmentRow, assessment_id, what="assessment")
    if row.deleted_at is not None:
        raise NotFoundError(f"No assessment with id {assessment_id!r} (it was deleted).")
    row.deleted_at = utc_now()
    session.flush()
    audit(session, who, "delete", "assessment", str(row.id),
          before={"cluster_id": row.cluster_id, "kind": row.kind, "date": row.date,
                  "summary": _summary(row.kind, row.result)})  # fmt: skip


def _summary(kind: str, doc: Mapping[str, Any]) -> dict[str, Any]:
    """The headline of a stored document: stage, or scores and class."""
    if kind == "lifecycle":
        return {"stage": doc["stage"]}
    out: dict[str, Any] = {k: s["value"] for k, s in doc["scores"].items()}
    if doc.get("classification"):
        out["level"] = doc["classification"]["level"]
    return out


# --- comparison -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentComparison:
    """What changed between two versions of one kind of result.

    Attributes
    ----------
    kind : str
    previous, current : StoredAssessment
    scores : mapping of str to (previous, current, change)
        Per dimension; ``change`` is NaN when either score is unknown.
    level : tuple of (str, str) or None
        Classification before and after (Quebec and Danish factors).
    stage : tuple of (str, str) or None
        Life-cycle stage before and after.
    """

    kind: str
    previous: StoredAssessment
    current: StoredAssessment
    scores: Mapping[str, tuple[float, float, float]] = field(default_factory=dict)
    level: tuple[str, str] | None = None
    stage: tuple[str, str] | None = None

    @property
    def changed(self) -> bool:
        """Whether any score, the class or the stage differs."""
        moved = any(not math.isnan(c) and c != 0 for _p, _c, c in self.scores.values())
        unknown = any(math.isnan(p) != math.isnan(c) for p, c, _ in self.scores.values())
        return (
            moved
            or unknown
            or bool(self.level and self.level[0] != self.level[1])
            or bool(self.stage and self.stage[0] != self.stage[1])
        )


def compare_assessments(
    previous: StoredAssessment, current: StoredAssessment
) -> AssessmentComparison:
    """Compare two versions of the same kind (e.g. last year's diamond and this year's).

    Raises
    ------
    InvalidParameterError
        If the two versions are of different kinds.

    Examples
    --------
    >>> import datetime as dt
    >>> from grappe.assess import diamond
    >>> def version(i, wage):
    ...     return StoredAssessment(i, "c", "diamond", dt.date(2023 + i, 1, 1),
    ...         diamond({"wage_ratio": wage}), None, {}, None, "doc", dt.datetime(2026, 1, 1))
    >>> compare_assessments(version(0, 0.9), version(1, 1.2)).scores["factor_conditions"]
    (2.0, 5.0, 3.0)
    """
    if previous.kind != current.kind:
        raise InvalidParameterError(
            "The 'current' parameter of compare_assessments must be of the kind of 'previous' "
            f"({previous.kind}). Got a {current.kind} result instead."
        )
    if isinstance(current.result, Lifecycle) and isinstance(previous.result, Lifecycle):
        return AssessmentComparison(
            current.kind, previous, current, stage=(previous.result.stage, current.result.stage)
        )
    before = previous.result.scores  # type: ignore[union-attr]
    after = current.result.scores  # type: ignore[union-attr]
    scores = {}
    for dim in dict.fromkeys([*before, *after]):
        p = before[dim].value if dim in before else math.nan
        c = after[dim].value if dim in after else math.nan
        scores[dim] = (p, c, c - p)
    level = None
    if previous.classification is not None or current.classification is not None:
        level = (
            previous.classification.level if previous.classification else "none",
            current.classification.level if current.classification else "none",
        )
    return AssessmentComparison(current.kind, previous, current, scores, level=level)


# --- scoring from the registry's indicators ---------------------------------------------------


def indicator_frame(session: Session, *, definitions: str, clusters: Sequence[str]) -> pd.DataFrame:
    """The registry's indicator snapshots of some cluster codes, as ``ClusterMap.indicators``
    columns (``region`` holds the registry region id), for :func:`grappe.assess.cluster_evidence`.
    """
    cols = ("region_id", "cluster", "year", "employment", "establishments", "payroll", "lq")
    rows = session.execute(
        select(*(getattr(IndicatorSnapshot, c) for c in cols)).where(
            IndicatorSnapshot.definitions == definitions,
            IndicatorSnapshot.cluster.in_(list(clusters)),
        )
    ).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=["region", *cols[1:]])
    for col in ("employment", "establishments", "payroll", "lq"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype(float)
    frame["year"] = frame["year"].astype(int)
    return frame


def score_answers(
    indicators: pd.DataFrame | None,
    *,
    region: str,
    cluster: str,
    questionnaire: Questionnaire,
    answers: Mapping[str, Any] | None,
    related: Sequence[str] = (),
    pooled: Sequence[tuple[str, str, Any, float, str]] = (),
) -> list[tuple[Result, Classification | None, dict[str, Any]]]:
    """Score answers with a region's cluster indicators, as the ``grappe assess`` commands do.

    The questionnaire's own result (diamond, or Quebec / Danish factors with their class) and,
    when the indicators hold at least two years of the cluster, its life-cycle stage. Without
    indicator rows for the region and cluster, the answers alone are scored.

    ``answers`` are one respondent's; ``pooled`` several respondents' answers pooled by
    :func:`grappe.assess.pooled_points` (give ``answers=None`` with them).

    Returns
    -------
    list of (result, classification, inputs)
        ``inputs`` holds the indicator values read (``indicators``), ``year`` and ``start``.
    """
    evidence: dict[str, float] = {}
    inputs: dict[str, Any] = {"region": region, "cluster_code": cluster, "related": list(related),
                              "questionnaire": questionnaire.name}  # fmt: skip
    own = None
    if indicators is not None:
        mask = (indicators["region"].astype(str) == str(region)) & (
            indicators["cluster"].astype(str) == str(cluster)
        )
        own = sorted(int(y) for y in indicators.loc[mask.to_numpy(), "year"].unique())
    has_rows = bool(own)
    if has_rows:
        assert indicators is not None and own is not None
        # the region's own years: a region missing the map's latest year is assessed on its last
        evidence = cluster_evidence(
            indicators, region=region, cluster=cluster, year=own[-1], start=own[0], related=related
        )
        inputs.update(year=own[-1], start=own[0])
    inputs["indicators"] = evidence
    out: list[tuple[Result, Classification | None, dict[str, Any]]] = []
    kind = SCORED_QUESTIONNAIRES.get(questionnaire.name)
    if kind == "diamond":
        result = diamond(evidence, questionnaire=questionnaire, answers=answers, pooled=pooled)
        out.append((result, None, inputs))
    elif kind is not None:
        sf = success_factors(evidence, method=kind, questionnaire=questionnaire, answers=answers,
                             pooled=pooled)  # fmt: skip
        out.append((sf, classify(sf), inputs))
    if has_rows:
        assert indicators is not None
        series = lifecycle_series(indicators, region=region, cluster=cluster)
        if len(series) >= 2:
            out.append((lifecycle_stage(series), None, inputs))
    return out
