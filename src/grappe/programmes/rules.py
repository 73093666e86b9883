"""Applying a programme's rules to facts: eligibility, the label decision, the calendar (no I/O).

The facts (``members = 18`` from the membership register, ``management_fte = 0.5`` from the
management questionnaire…) are gathered by whoever holds the data and passed in; each result
keeps the value and the source it was judged on, so that a decision can be traced back.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.programmes.model import LabelLevel, Programme
from grappe.roadmap.labels import OPERATORS, Criterion
from grappe.vocabulary import CLOSED_LABEL_STATUSES, LABEL_ACTIONS, LABEL_STATUSES

__all__ = [
    "LABEL_ACTIONS",
    "CriterionResult",
    "EligibilityCheck",
    "Fact",
    "LabelDecision",
    "LabelState",
    "check_criteria",
    "check_eligibility",
    "decide_label",
    "evaluation_dates",
]

#: Statuses of a cluster that applies (again): a new application is judged, not an evaluation.
_APPLYING = ("applied", *CLOSED_LABEL_STATUSES)
#: Statuses of a cluster that holds the label.
_HOLDING = ("awarded", "renewed")


@dataclass(frozen=True)
class Fact:
    """A value of a metric with where it comes from.

    ``source`` says where: ``members``, ``network``, ``kpi:2024``, ``questionnaire:management``,
    ``indicators:2021``, ``typed``… ``value`` is ``None`` when the metric is not reported.
    """

    metric: str
    value: float | None
    source: str


@dataclass(frozen=True)
class CriterionResult:
    """One criterion judged on the facts.

    Attributes
    ----------
    criterion : Criterion
    value : float or None
        The value found (``None``: not reported).
    ok : bool
        Whether the criterion holds (a missing value never holds).
    source : str or None
        The fact's source.
    reason : str or None
        Why it does not hold (``None`` when it holds); a translatable message.
    level : str or None
        The label level the criterion belongs to (``None``: the programme's eligibility).
    """

    criterion: Criterion
    value: float | None
    ok: bool
    source: str | None
    reason: str | None
    level: str | None = None


@dataclass(frozen=True)
class EligibilityCheck:
    """Result of :func:`check_eligibility`: each eligibility criterion with its evidence."""

    programme: str
    results: tuple[CriterionResult, ...]

    @property
    def eligible(self) -> bool:
        """Whether every eligibility criterion holds."""
        return all(r.ok for r in self.results)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the cluster is not eligible (empty when it is)."""
        return tuple(r.reason for r in self.results if r.reason is not None)


@dataclass(frozen=True)
class LabelState:
    """Where a cluster stands with a programme's label.

    ``status`` is one of :data:`grappe.vocabulary.LABEL_STATUSES`; ``level`` the level held (or
    suspended), ``None`` when none; ``failures`` the consecutive failed evaluations.
    """

    status: str
    level: str | None = None
    failures: int = 0


@dataclass(frozen=True)
class LabelDecision:
    """Result of :func:`decide_label`.

    Attributes
    ----------
    action : str
        One of :data:`grappe.vocabulary.LABEL_ACTIONS`.
    previous : LabelState or None
    state : LabelState
        The state after the decision.
    results : tuple of CriterionResult
        The eligibility criteria, then every level's criteria, judged on the facts.
    reasons : tuple of str
        Why (translatable messages naming the criteria).
    """

    action: str
    previous: LabelState | None
    state: LabelState
    results: tuple[CriterionResult, ...]
    reasons: tuple[str, ...]


def _facts(facts: Mapping[str, Fact | float | None]) -> dict[str, Fact]:
    out = {}
    for metric, fact in facts.items():
        if isinstance(fact, Fact):
            value, source = fact.value, fact.source
        else:
            value, source = fact, "typed"
        if value is not None:
            if isinstance(value, bool):
                value = float(value)
            try:
                value = float(value)
            except (TypeError, ValueError):
                raise InvalidParameterError(
                    Message(
                        "The fact {metric!r} must be a number. Got {value!r} instead.",
                        metric=metric,
                        value=value,
                    )
                ) from None
            if math.isnan(value):
                value = None
        out[str(metric)] = Fact(str(metric), value, source)
    return out


def _judge(criterion: Criterion, facts: Mapping[str, Fact], level: str | None) -> CriterionResult:
    fact = facts.get(criterion.metric)
    if fact is None or fact.value is None:
        reason = Message(
            "{metric} is not reported, so {criterion} cannot be checked",
            metric=criterion.metric,
            criterion=str(criterion),
        )
        return CriterionResult(criterion, None, False, None if fact is None else fact.source,
                               reason, level)  # fmt: skip
    ok = bool(OPERATORS[criterion.op](fact.value, criterion.threshold))
    reason = (
        None
        if ok
        else Message(
            "{metric} = {value} does not meet {criterion}",
            metric=criterion.metric,
            value=f"{fact.value:g}",
            criterion=str(criterion),
        )
    )
    return CriterionResult(criterion, fact.value, ok, fact.source, reason, level)


def check_criteria(
    criteria: tuple[Criterion, ...],
    facts: Mapping[str, Fact | float | None],
    *,
    level: str | None = None,
) -> tuple[CriterionResult, ...]:
    """Judge ``criteria`` on ``facts`` (a missing or NaN fact never meets a criterion).

    Parameters
    ----------
    criteria : tuple of Criterion
    facts : mapping of metric to Fact, number or None
        A bare number is a ``typed`` fact; ``None`` or NaN a missing one.
    level : str, optional
        The label level the criteria belong to, kept in each result.

    Returns
    -------
    tuple of CriterionResult
        Each criterion with the value and source it was judged on and the reason it fails.

    Raises
    ------
    InvalidParameterError
        When a fact is not a number.

    References
    ----------
    .. [1] Seed ``004_b121ed3bd797dbd2.txt``, part II: programmes select and re-evaluate
       clusters on criteria of this form.

    Examples
    --------
    >>> from grappe.roadmap.labels import Criterion
    >>> [r.ok for r in check_criteria((Criterion("members", ">=", 15),), {"members": 15})]
    [True]
    """
    known = _facts(facts)
    return tuple(_judge(c, known, level) for c in criteria)


def check_eligibility(
    programme: Programme, facts: Mapping[str, Fact | float | None]
) -> EligibilityCheck:
    """Whether a cluster meets a programme's eligibility criteria, with the evidence.

    Parameters
    ----------
    programme : Programme
    facts : mapping of metric to Fact, number or None
        The cluster's facts; a bare number is a ``typed`` fact, ``None`` or NaN a missing one.

    Returns
    -------
    EligibilityCheck
        Each criterion with the value and source it was judged on; ``eligible`` and ``reasons``.

    Raises
    ------
    InvalidParameterError
        When a fact is not a number.

    References
    ----------
    .. [1] European Cluster Collaboration Platform: a cluster organisation gets a profile with
       at least 15 members of at least 2 types and 0.5 FTE of management,
       https://reporting.clustercollaboration.eu.

    Examples
    --------
    >>> from grappe.programmes.schema import programme_from_dict
    >>> p = programme_from_dict({"key": "k", "names": {"en": "K"},
    ...                          "eligibility": ["members >= 15", "member_types >= 2"]})
    >>> check = check_eligibility(p, {"members": 15, "member_types": 1})
    >>> check.eligible, check.reasons
    (False, ('member_types = 1 does not meet member_types >= 2',))
    """
    return EligibilityCheck(programme.key, check_criteria(programme.eligibility, facts))


def _check_state(programme: Programme, previous: LabelState | None) -> None:
    if previous is None:
        return
    if previous.status not in LABEL_STATUSES:
        raise InvalidParameterError(
            Message(
                "The previous status must be one of {statuses}. Got {value!r} instead.",
                statuses=", ".join(LABEL_STATUSES),
                value=previous.status,
            )
        )
    if (
        isinstance(previous.failures, bool)
        or not isinstance(previous.failures, int)
        or (previous.failures < 0)
    ):
        raise InvalidParameterError(
            Message(
                "The previous failures must be a whole number from 0. Got {value!r} instead.",
                value=previous.failures,
            )
        )
    if previous.level is not None and programme.level(previous.level) is None:
        raise InvalidParameterError(
            Message(
                "The programme {programme} has no level {level!r}; its levels are {levels}.",
                programme=programme.key,
                level=previous.level,
                levels=", ".join(lv.key for lv in programme.levels) or "-",
            )
        )


def decide_label(
    programme: Programme,
    previous: LabelState | None,
    facts: Mapping[str, Fact | float | None],
) -> LabelDecision:
    """The programme's decision on a cluster's label at an application or evaluation.

    A cluster holds the highest level whose criteria, and the programme's eligibility, it meets
    (a programme without levels: the eligibility alone). A new application (no previous state,
    or ``applied``, ``refused``, ``withdrawn``, ``expired``) is awarded or refused. A holder
    (``awarded``, ``renewed``) meeting a level keeps it, or is raised or lowered to it; meeting
    none, it counts one more consecutive failure and the programme's ``evaluation.on_fail``
    says what follows (e.g. ``suspend`` then ``withdraw``; an empty rule withdraws at once). A
    ``suspended`` cluster meeting a level again is reinstated; failing again, the rule goes on.

    Parameters
    ----------
    programme : Programme
    previous : LabelState or None
        The state before this decision.
    facts : mapping of metric to Fact, number or None

    Returns
    -------
    LabelDecision
        The action, the new state, every criterion's result and the reasons naming the criteria.

    Raises
    ------
    InvalidParameterError
        On a previous status outside :data:`~grappe.vocabulary.LABEL_STATUSES`, a negative
        failure count, a level the programme does not have, or a fact that is not a number.

    References
    ----------
    .. [1] Seed ``004_b121ed3bd797dbd2.txt``, II.1.4: the *Kompetenznetze* admitted by an
       advisory committee are evaluated periodically so that the quality label keeps its
       credibility.

    Examples
    --------
    >>> from grappe.programmes.schema import programme_from_dict
    >>> p = programme_from_dict({"key": "k", "names": {"en": "K"},
    ...     "eligibility": ["members >= 15"], "evaluation": {"on_fail": ["suspend", "withdraw"]}})
    >>> d = decide_label(p, LabelState("awarded"), {"members": 12})
    >>> d.action, d.state
    ('suspend', LabelState(status='suspended', level=None, failures=1))
    >>> d.reasons[-1]
    'members = 12 does not meet members >= 15'
    """
    _check_state(programme, previous)
    known = _facts(facts)
    results = [_judge(c, known, None) for c in programme.eligibility]
    eligible = all(r.ok for r in results)
    met: LabelLevel | None = None
    for level in programme.levels:
        level_results = [_judge(c, known, level.key) for c in level.criteria]
        results.extend(level_results)
        if eligible and all(r.ok for r in level_results):
            met = level  # levels are sorted by rank: the last one met is the highest
    holds = met is not None if programme.levels else eligible
    met_key = None if met is None else met.key

    def failing(level_key: str | None) -> list[str]:
        return [
            r.reason
            for r in results
            if r.reason is not None and (r.level is None or r.level == level_key)
        ]

    lowest = programme.levels[0].key if programme.levels else None
    if previous is None or previous.status in _APPLYING:
        if holds:
            return _decision("award", previous, LabelState("awarded", met_key, 0), results,
                             [_met_message(met_key)])  # fmt: skip
        return _decision("refuse", previous, LabelState("refused", None, 0), results,
                         failing(lowest))  # fmt: skip
    status = previous.status
    if holds:
        if status == "suspended":
            return _decision("reinstate", previous, LabelState("renewed", met_key, 0), results,
                             [_met_message(met_key)])  # fmt: skip
        action = "keep"
        held = programme.level(previous.level) if previous.level else None
        if held is not None and met is not None and met.rank != held.rank:
            action = "raise" if met.rank > held.rank else "lower"
        reasons = [_met_message(met_key)]
        if action == "lower":
            reasons += failing(previous.level)
        return _decision(action, previous, LabelState("renewed", met_key, 0), results, reasons)
    failures = previous.failures + 1
    rule = programme.evaluation.on_fail or ("withdraw",)
    action = rule[min(failures, len(rule)) - 1]
    if action == "keep" and status == "suspended":
        action = "suspend"  # a suspended label stays suspended until the criteria are met
    state = {
        "keep": LabelState(status, previous.level, failures),
        "suspend": LabelState("suspended", previous.level, failures),
        "withdraw": LabelState("withdrawn", None, failures),
    }[action]
    why = Message(
        "failed evaluations in a row: {failures}; the rule says {action}",
        failures=failures,
        action=action,
    )
    return _decision(action, previous, state, results, [why, *failing(previous.level or lowest)])


def _met_message(level: str | None) -> Message:
    if level is None:
        return Message("every criterion is met")
    return Message("every criterion of the level {level} is met", level=level)


def _decision(
    action: str,
    previous: LabelState | None,
    state: LabelState,
    results: list[CriterionResult],
    reasons: list[str],
) -> LabelDecision:
    return LabelDecision(action, previous, state, tuple(results), tuple(reasons))


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def evaluation_dates(
    programme: Programme, *, start: dt.date, until: dt.date
) -> tuple[dt.date, ...]:
    """The evaluation dates of a programme's calendar after ``start``, up to ``until``.

    Every ``evaluation.every_months`` months from ``start`` (the award or admission date), the
    day of the month kept or, in shorter months, the month's last day.

    Parameters
    ----------
    programme : Programme
    start : datetime.date
        The date the calendar runs from (not itself an evaluation).
    until : datetime.date
        The last date considered (included).

    Returns
    -------
    tuple of datetime.date
        Empty when the programme has no calendar.

    Raises
    ------
    InvalidParameterError
        When ``start`` or ``until`` is not a date, or ``until`` is before ``start``.

    References
    ----------
    .. [1] Seed ``004_b121ed3bd797dbd2.txt``, II.1.4: admitted *Kompetenznetze* are evaluated
       periodically.

    Examples
    --------
    >>> from grappe.programmes.schema import programme_from_dict
    >>> p = programme_from_dict({"key": "k", "names": {"en": "K"},
    ...                          "evaluation": {"every_months": 24}})
    >>> evaluation_dates(p, start=dt.date(2020, 2, 29), until=dt.date(2026, 12, 31))
    (datetime.date(2022, 2, 28), datetime.date(2024, 2, 29), datetime.date(2026, 2, 28))
    """
    # a datetime is a date too, but cannot be compared with one: keep its day
    start = start.date() if isinstance(start, dt.datetime) else start
    until = until.date() if isinstance(until, dt.datetime) else until
    for name, value in (("start", start), ("until", until)):
        if not isinstance(value, dt.date):
            raise InvalidParameterError(
                Message(
                    "The '{name}' parameter of evaluation_dates must be a date. "
                    "Got {value!r} instead.",
                    name=name,
                    value=value,
                )
            )
    if until < start:
        raise InvalidParameterError(
            Message(
                "The calendar ends ({until}) before it starts ({start}).",
                until=until.isoformat(),
                start=start.isoformat(),
            )
        )
    every = programme.evaluation.every_months
    if every is None:
        return ()
    dates: list[dt.date] = []
    k = 1
    while (day := _add_months(start, k * every)) <= until:
        dates.append(day)
        k += 1
    return tuple(dates)
