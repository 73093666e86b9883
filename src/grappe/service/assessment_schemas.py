"""Request and response schemas of the assessment, SWOT and evaluation endpoints.

Numbers the kernels leave unknown (NaN: a dimension without evidence) are ``null``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from grappe.service.schemas import Finite, Key, Name, Text
from grappe.vocabulary import LABEL_STATUSES, LANGUAGES

__all__ = [
    "AnswersCreate",
    "AnswersPublic",
    "AssessmentPublic",
    "ComparisonPublic",
    "EvaluationCorrect",
    "EvaluationDetail",
    "KpiEvaluationCreate",
    "ScoredAnswers",
    "SwotDraft",
    "SwotEdit",
    "SwotPublic",
]

Date = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))]
Questionnaire = Literal["diamond", "quebec", "danish", "management"]
Kind = Literal["diamond", "quebec", "danish", "lifecycle"]
Quadrant = Literal["strengths", "weaknesses", "opportunities", "threats"]
Lang = Literal[LANGUAGES]  # type: ignore[valid-type]
LabelStatus = Literal[LABEL_STATUSES]  # type: ignore[valid-type]
ItemText = Text | dict[Lang, Text]


class AnswersCreate(BaseModel):
    """Answers to a bundled questionnaire, and where to read the cluster's indicators."""

    model_config = ConfigDict(extra="forbid")
    questionnaire: Questionnaire
    respondent: Name = Field(description="Who answered: a person's pseudonym or a panel.")
    date: Date
    answers: dict[Key, Any] = Field(
        max_length=500, description="Question id → answer, as in an answers YAML file."
    )
    region: Key | None = Field(
        default=None, description="Registry region of the indicators (default: the cluster's)."
    )
    cluster_code: Key | None = Field(
        default=None, description="Statistical cluster code (default: the cluster's sector)."
    )
    definitions: Key | None = Field(
        default=None, description="Definition set of the indicators (default: the cluster's)."
    )
    related: list[Key] = Field(default_factory=list, max_length=50)


class AnswersPublic(BaseModel):
    id: int
    cluster_id: str
    questionnaire: str
    respondent: str
    date: dt.date
    answers: dict[str, Any]
    created_by: str
    created_at: dt.datetime


class EvidencePublic(BaseModel):
    name: str
    value: Any
    points: float | None
    threshold: str
    source: str


class ScorePublic(BaseModel):
    name: str
    value: float | None = Field(description="1–5; null when no evidence was available.")
    scale: list[float]
    evidence: list[EvidencePublic]
    rule: str


class ClassificationPublic(BaseModel):
    level: str
    overall: float | None
    weakest: float | None
    known: int
    rule: str
    thresholds: dict[str, float]


class LifecyclePublic(BaseModel):
    stage: str
    evidence: list[EvidencePublic]
    rule: str
    parameters: dict[str, float]


class AssessmentPublic(BaseModel):
    """One stored version of a scored result with what it was computed from."""

    id: int
    cluster_id: str
    kind: Kind
    date: dt.date
    answers_id: int | None
    inputs: dict[str, Any] = Field(
        description="Indicator snapshot used: definitions, region, cluster_code, year, start, "
        "related, indicators (values read)."
    )
    scores: dict[str, ScorePublic] | None = None
    classification: ClassificationPublic | None = None
    lifecycle: LifecyclePublic | None = None
    created_by: str
    created_at: dt.datetime
    deleted: bool


class ScoredAnswers(BaseModel):
    answers: AnswersPublic
    assessments: list[AssessmentPublic]


class ScoreChange(BaseModel):
    previous: float | None
    current: float | None
    change: float | None


class Change(BaseModel):
    previous: str
    current: str


class ComparisonPublic(BaseModel):
    kind: Kind
    previous: AssessmentPublic
    current: AssessmentPublic
    scores: dict[str, ScoreChange]
    level: Change | None
    stage: Change | None
    changed: bool


class SwotDraft(BaseModel):
    """Draft a SWOT from stored versions (default: the latest of each kind) and figures."""

    model_config = ConfigDict(extra="forbid")
    date: Date
    assessments: list[Annotated[int, Field(ge=1, le=2**31 - 1)]] | None = Field(
        default=None, max_length=10, description="Version ids (default: latest of each kind)."
    )
    network: dict[Key, Finite] | None = Field(
        default=None, description="Network figures: density, external_share, n_brokers, n_shadow."
    )


class SwotEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    add: dict[Quadrant, list[ItemText]] = Field(default_factory=dict)
    remove: dict[Quadrant, list[int]] = Field(default_factory=dict)
    reword: dict[Quadrant, dict[int, ItemText]] = Field(default_factory=dict)


class SwotItemPublic(BaseModel):
    position: int
    key: str = Field(description="Rule that drafted it, or 'user'.")
    evidence: str
    text: dict[str, str]


class SwotPublic(BaseModel):
    id: int
    cluster_id: str
    date: dt.date
    items: dict[Quadrant, list[SwotItemPublic]]
    draft: dict[Quadrant, list[SwotItemPublic]]
    sources: dict[str, Any]
    created_by: str
    updated_by: str | None


class KpiRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kpi: Key
    period: Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[0-9A-Za-z._-]+$")]
    value: Finite
    target: Finite | None = None
    direction: Literal["at_least", "at_most"] = "at_least"


class KpiEvaluationCreate(BaseModel):
    """Evaluate a period's KPIs against their targets, and check a label on it."""

    model_config = ConfigDict(extra="forbid")
    date: Date
    period: Annotated[str, Field(min_length=1, max_length=32)]
    kpis: list[KpiRow] = Field(min_length=1, max_length=5000)
    extra: dict[Key, Finite] | None = None
    label: dict[str, Any] | None = Field(
        default=None, description="A label as in a label YAML file (name, level, criteria…)."
    )
    on: Date | None = Field(default=None, description="Date of the label check.")
    evaluator: Name | None = None
    summary: Text | None = None
    label_status: LabelStatus | None = Field(
        default=None, description="Where the cluster stands with its label (applied, awarded…)."
    )


class EvaluationDetail(BaseModel):
    id: int
    cluster_id: str
    date: dt.date
    kind: str
    score: float | None
    label: str | None
    evaluator: str | None
    summary: str | None
    period: str | None
    kpi_table: list[dict[str, Any]] | None
    facts: dict[str, float | None] | None
    label_check: dict[str, Any] | None
    deleted: bool
    label_status: LabelStatus | None = None


class EvaluationCorrect(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date: Date | None = None
    kind: Literal["evaluation", "label", "audit", "self-assessment"] | None = None
    score: Annotated[float, Field(allow_inf_nan=False, ge=0, le=100)] | None = None
    label: Name | None = None
    evaluator: Name | None = None
    summary: Text | None = None
    label_status: LabelStatus | None = None
