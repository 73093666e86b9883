"""Schemas of the programme routes (``/programmes``, enrolments and label decisions)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from grappe.registry.programme_enrolments import StoredDecision, StoredEnrolment
from grappe.registry.programme_expiry import LabelValidity
from grappe.service.schemas import Finite, Key, Text

__all__ = [
    "DecisionPublic",
    "DecisionUpdate",
    "EnrolmentCreate",
    "EnrolmentPublic",
    "EvaluationCreate",
    "FactPublic",
    "StatePublic",
]

Action = Annotated[str, StringConstraints(pattern=r"^[a-z]{1,16}$")]
Period = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}[0-9A-Za-z-]{0,12}$")]


class EnrolmentCreate(BaseModel):
    """A cluster applies for a programme (a preset's key) on a date."""

    model_config = ConfigDict(extra="forbid")
    programme: Key
    joined: dt.date
    note: Text | None = None


class StatePublic(BaseModel):
    status: str
    level: str | None
    failures: int


class EnrolmentPublic(BaseModel):
    id: int
    cluster_id: str
    programme: str
    joined: dt.date
    state: StatePublic
    next_evaluation: dt.date | None
    created_by: str
    valid_until: dt.date | None = None

    @classmethod
    def of(cls, e: StoredEnrolment, validity: LabelValidity | None = None) -> EnrolmentPublic:
        """The enrolment; with its ``validity`` today, the state is the label's today (an
        expiry not stored yet shows) and ``valid_until`` its last valid day."""
        state = e.state if validity is None else validity.state
        return cls(
            id=e.id, cluster_id=e.cluster_id, programme=e.programme.key, joined=e.joined,
            state=StatePublic(status=state.status, level=state.level, failures=state.failures),
            next_evaluation=None if state.status == "expired" else e.next_evaluation,
            created_by=e.created_by, valid_until=None if validity is None else
            validity.valid_until,
        )  # fmt: skip


class EvaluationCreate(BaseModel):
    """An evaluation: the facts are gathered from the cluster's records on ``on``; ``facts``
    corrects or adds values (recorded with source ``typed``); ``action`` overrides the rule's
    decision and then needs a ``reason`` (and a ``level`` to award, raise or lower)."""

    model_config = ConfigDict(extra="forbid")
    on: dt.date
    period: Period | None = None
    facts: dict[Key, Finite | None] = Field(default_factory=dict, max_length=200)
    gather: bool = True
    action: Action | None = None
    level: Key | None = None
    reason: Text | None = None


class DecisionUpdate(BaseModel):
    """A correction of a decision, always with a reason: its period, its date, facts typed
    again (the rule judges the decision again on them), the action that should have been
    taken (the rule's own action undoes a mistaken override) and its level."""

    model_config = ConfigDict(extra="forbid")
    reason: Text
    period: Period | None = None
    action: Action | None = None
    level: Key | None = None
    date: dt.date | None = None
    facts: dict[Key, Finite | None] | None = Field(default=None, max_length=200)


class FactPublic(BaseModel):
    value: float | None
    source: str


class DecisionPublic(BaseModel):
    id: int
    enrolment_id: int
    period: str | None
    date: dt.date
    facts: dict[str, FactPublic]
    results: list[dict[str, Any]]
    previous: StatePublic | None
    state: StatePublic
    rule_action: str
    rule_reasons: list[str]
    action: str
    overridden: bool
    decided_by: str
    reason: str | None
    updated_by: str | None

    @classmethod
    def of(cls, d: StoredDecision) -> DecisionPublic:
        def state(s: Any) -> StatePublic | None:
            return None if s is None else StatePublic(status=s.status, level=s.level,
                                                      failures=s.failures)  # fmt: skip

        return cls(
            id=d.id, enrolment_id=d.enrolment_id, period=d.period, date=d.date,
            facts={k: FactPublic(value=f.value, source=f.source) for k, f in d.facts.items()},
            results=[dict(r) for r in d.results], previous=state(d.previous),
            state=state(d.state), rule_action=d.rule_action,
            rule_reasons=[str(r) for r in d.rule_reasons], action=d.action,
            overridden=d.overridden, decided_by=d.decided_by, reason=d.reason,
            updated_by=d.updated_by,
        )  # fmt: skip
