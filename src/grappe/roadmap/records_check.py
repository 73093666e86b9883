"""Checking the records of a cluster for :mod:`grappe.roadmap.records` (no I/O): member events,
member figures, cluster activities and dated ties, each problem naming file, row and column.

:func:`check_records` is the one check of these records: the file readers
(:func:`grappe.io.member_records.read_records`), the registry (:mod:`grappe.registry.
member_records`) and :func:`grappe.roadmap.records.kpis_from_records` use it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from grappe._validation import MAX_AMOUNT, MAX_COUNT
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.roadmap.markets import parse_markets
from grappe.roadmap.periods import parse_period
from grappe.vocabulary import CLUSTER_ACTIVITY_KINDS, MEMBER_EVENTS, SPHERES, TIE_TYPES

__all__ = ["RECORD_KINDS", "Records", "check_records"]

#: The four kinds of records, as named in :func:`check_records`' ``sources``.
RECORD_KINDS: tuple[str, ...] = ("events", "figures", "activities", "ties")


@dataclass(frozen=True)
class Records:
    """Checked records, ready for :func:`kpis_from_records` (see :func:`check_records`).

    Attributes
    ----------
    events : tuple of dict
        ``actor``, ``kind``, ``date``, ``sector``, ``activity_code``, ``activity``,
        ``sphere``, ``region`` (the optional ones ``None`` when not given), by date.
    figures : tuple of dict
        ``actor``, ``period`` (:class:`~grappe.roadmap.periods.Period`), ``jobs``,
        ``exports``, ``currency``, ``founded``, ``markets`` (a tuple of
        :class:`~grappe.roadmap.markets.Market`, empty when not given).
    activities : tuple of dict
        ``kind``, ``date``, ``title``, ``participants``, ``members`` (tuple of actor ids).
    ties : tuple of dict
        ``source``, ``target``, ``type`` (:data:`~grappe.vocabulary.TIE_TYPES`), ``since``,
        ``until``.
    """

    events: tuple[dict[str, Any], ...] = ()
    figures: tuple[dict[str, Any], ...] = ()
    activities: tuple[dict[str, Any], ...] = ()
    ties: tuple[dict[str, Any], ...] = ()


# --- checking -----------------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _amount(value: Any, bound: float) -> float | None | str:
    """The number, ``None`` if empty, ``"bad"`` if not a finite number in [0, bound]."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        number = float(str(value).replace(" ", "").replace(",", "."))
    except ValueError:
        return "bad"
    return number if math.isfinite(number) and 0 <= number <= bound else "bad"


class _Issues:
    """Collects the problems of the four record lists, each naming file, row and column."""

    def __init__(self, sources: Mapping[str, str] | None) -> None:
        self.sources = dict(sources or {})
        self.found: list[ValidationIssue] = []

    def add(
        self,
        kind: str,
        record: Mapping[str, Any],
        k: int,
        column: str,
        message: Message,
        fix: Message,
    ) -> None:
        row = record.get("row", k + 2)  # a record may say it has no line (a form): None
        self.found.append(
            ValidationIssue(
                message,
                file=self.sources.get(kind, kind),
                column=column,
                row=int(row) if row is not None else None,
                fix=fix,
            )
        )


_DATE_FIX = Message("Write the date as YYYY-MM-DD.")


def _check_events(events: Iterable[Mapping[str, Any]], issues: _Issues) -> list[dict[str, Any]]:
    out = []
    for k, event in enumerate(events):
        actor, kind, day = _text(event.get("actor")), _text(event.get("kind")), event.get("date")
        date = _day(day)
        sphere = _text(event.get("sphere"))
        if actor is None:
            issues.add(
                "events",
                event,
                k,
                "actor",
                Message("The actor is empty."),
                Message("Name the member by its id."),
            )
        if kind not in MEMBER_EVENTS:
            issues.add(
                "events",
                event,
                k,
                "kind",
                Message("Unknown event {value!r}.", value=kind),
                Message("Use one of {options}.", options=", ".join(MEMBER_EVENTS)),
            )
        if date is None or not 1900 <= date.year <= 2100:
            issues.add(
                "events",
                event,
                k,
                "date",
                Message("The date {value!r} is not a day between 1900 and 2100.", value=_text(day)),
                _DATE_FIX,
            )
        if sphere is not None and sphere not in SPHERES:
            issues.add(
                "events",
                event,
                k,
                "sphere",
                Message("Unknown sphere {value!r}.", value=sphere),
                Message("Use one of {options}.", options=", ".join(SPHERES)),
            )
        if kind == "sector" and _text(event.get("sector")) is None:
            issues.add(
                "events",
                event,
                k,
                "sector",
                Message("A sector event has no sector."),
                Message("Give the member's new sector."),
            )
        out.append(
            {
                "actor": actor,
                "kind": kind,
                "date": date,
                "sector": _text(event.get("sector")),
                "activity_code": _text(event.get("activity_code")),
                "activity": _text(event.get("activity")),
                "sphere": sphere,
                "region": _text(event.get("region")),
                "_record": (event, k),
            }
        )
    ordered = sorted((e for e in out if e["date"] and e["actor"]), key=lambda e: e["date"])
    member: dict[str, bool] = {}
    for event in ordered:  # a leave needs a membership, a join needs none
        was = member.get(event["actor"], False)
        record, k = event["_record"]
        if event["kind"] == "leave" and not was:
            issues.add(
                "events",
                record,
                k,
                "kind",
                Message(
                    "{actor!r} leaves on {date} but is not a member then (leave before join).",
                    actor=event["actor"],
                    date=event["date"],
                ),
                Message("Record its join first, or correct the date."),
            )
        elif event["kind"] == "join" and was:
            issues.add(
                "events",
                record,
                k,
                "kind",
                Message(
                    "{actor!r} joins on {date} but is already a member.",
                    actor=event["actor"],
                    date=event["date"],
                ),
                Message("Record a leave in between, or delete one join."),
            )
        if event["kind"] in ("join", "leave"):
            member[event["actor"]] = event["kind"] == "join"
    return ordered


def check_records(
    events: Iterable[Mapping[str, Any]] = (),
    figures: Iterable[Mapping[str, Any]] = (),
    activities: Iterable[Mapping[str, Any]] = (),
    ties: Iterable[Mapping[str, Any]] = (),
    *,
    sources: Mapping[str, str] | None = None,
) -> Records:
    """Validate the records of a cluster; every problem is reported at once.

    Parameters
    ----------
    events : iterable of mappings
        Member events: ``actor``, ``kind`` (:data:`~grappe.vocabulary.MEMBER_EVENTS`),
        ``date``; optional ``sector``, ``activity_code`` (NAF, NACE, ISIC…), ``activity`` (its
        name), ``sphere`` (:data:`~grappe.vocabulary.SPHERES`), ``region`` (a wilaya…).
    figures : iterable of mappings
        Member figures: ``actor``, ``period`` (``2024``, ``2024-Q1``…); optional ``jobs``,
        ``exports``, ``currency``, ``founded`` (the firm's creation date), ``markets``
        (where the exports go: ``FR:40;DE:25;AE``, see
        :func:`grappe.roadmap.markets.parse_markets`).
    activities : iterable of mappings
        Cluster activities: ``kind`` (:data:`~grappe.vocabulary.CLUSTER_ACTIVITY_KINDS`),
        ``date``; optional ``title``, ``participants``, ``members`` (actor ids, a sequence or a
        ``;``-separated text).
    ties : iterable of mappings
        Ties: ``source``, ``target``; optional ``type``, ``since``, ``until`` (dates).
    sources : mapping, optional
        The file of each kind (keys of :data:`RECORD_KINDS`), named in the errors. A record's
        ``row`` key gives its line (default: its position + 2, the header being line 1).

    Returns
    -------
    Records

    Raises
    ------
    DataValidationError
        Listing every problem: an empty actor, an unknown event kind or sphere, a date that is
        not a day, a leave before a join or a second join, a figure or activity of an actor
        that never joined (unknown member), a period that is not one, negative or implausible
        jobs or exports, exports without a currency, an unknown market country code or a
        market share that is not a percent (or shares above 100), two figures of one member whose periods
        overlap, a founding date after the figure's period, an unknown activity kind, a tie
        ending before it starts.

    References
    ----------
    .. [1] European Cluster Collaboration Platform, "Cluster Excellence Programme: monitoring
       indicators" (members, jobs, exports, partnerships, trainings).
    .. [2] Seed ``/work/shared/seeds/000_d53c24539b26db35.txt`` (the Biskra dates cluster).

    Examples
    --------
    >>> r = check_records([{"actor": "a", "kind": "join", "date": "2024-01-15"}],
    ...                   [{"actor": "a", "period": "2024", "jobs": "12"}])
    >>> r.figures[0]["jobs"], r.figures[0]["period"].text
    (12.0, '2024')
    >>> check_records([{"actor": "a", "kind": "leave", "date": "2024-01-15"}])
    Traceback (most recent call last):
    ...
    grappe.errors.DataValidationError: events, row 2, column 'kind': 'a' leaves on 2024-01-15 but is not a member then (leave before join). Fix: Record its join first, or correct the date.
    """  # noqa: E501
    issues = _Issues(sources)
    checked_events = _check_events(events, issues)
    known = {e["actor"] for e in checked_events if e["kind"] == "join"}
    unknown_fix = Message("Record the member's join event first, or correct the id.")
    checked_figures = []
    for k, figure in enumerate(figures):
        actor = _text(figure.get("actor"))
        try:
            period = parse_period(_text(figure.get("period")))
        except InvalidParameterError:
            period = None
            issues.add(
                "figures",
                figure,
                k,
                "period",
                Message("The period {value!r} is not a period.", value=_text(figure.get("period"))),
                Message("Write it as 2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31."),
            )
        if actor not in known:
            issues.add(
                "figures",
                figure,
                k,
                "actor",
                Message("Unknown member {actor!r}: no join event.", actor=actor),
                unknown_fix,
            )
        values: dict[str, Any] = {}
        for column, bound in (("jobs", MAX_COUNT), ("exports", MAX_AMOUNT)):
            number = _amount(figure.get(column), bound)
            if column == "jobs" and isinstance(number, float) and number % 1:
                number = "bad"  # jobs are people: a whole number
            if number == "bad":
                issues.add(
                    "figures",
                    figure,
                    k,
                    column,
                    Message(
                        "{column} must be a number from 0 to {bound:.0e} (jobs: a whole "
                        "number); got {value!r}.",
                        column=column,
                        bound=bound,
                        value=_text(figure.get(column)),
                    ),
                    Message(
                        "Write a number (no unit, no thousands separator); a "
                        "decrease is the difference of two periods."
                    ),
                )
                number = None
            values[column] = number
        currency = _text(figure.get("currency"))
        if values["exports"] is not None and currency is None:
            issues.add(
                "figures",
                figure,
                k,
                "currency",
                Message("Exports without a currency."),
                Message("Give the currency code, e.g. DZD or EUR."),
            )
        founded_text = _text(figure.get("founded"))
        founded = _day(founded_text)
        if founded_text is not None and founded is None:
            issues.add(
                "figures",
                figure,
                k,
                "founded",
                Message(
                    "The date {value!r} is not a day between 1900 and 2100.", value=founded_text
                ),
                _DATE_FIX,
            )
        elif founded is not None and period is not None and founded > period.end:
            issues.add(
                "figures",
                figure,
                k,
                "founded",
                Message(
                    "The firm is founded on {date}, after the period {period} of "
                    "its figures (date out of period).",
                    date=founded,
                    period=period.text,
                ),
                Message("Correct the founding date or the period."),
            )
        markets, problems = parse_markets(figure.get("markets"))
        for message, fix in problems:
            issues.add("figures", figure, k, "markets", message, fix)
        checked_figures.append(
            {
                "actor": actor,
                "period": period,
                **values,
                "currency": currency and currency.upper(),
                "founded": founded,
                "markets": markets,
                "_record": (figure, k),
            }
        )
    _check_overlaps(checked_figures, issues)
    checked_activities = []
    for k, activity in enumerate(activities):
        kind, date = _text(activity.get("kind")), _day(activity.get("date"))
        if kind not in CLUSTER_ACTIVITY_KINDS:
            issues.add(
                "activities",
                activity,
                k,
                "kind",
                Message("Unknown activity {value!r}.", value=kind),
                Message("Use one of {options}.", options=", ".join(CLUSTER_ACTIVITY_KINDS)),
            )
        if date is None or not 1900 <= date.year <= 2100:
            issues.add(
                "activities",
                activity,
                k,
                "date",
                Message(
                    "The date {value!r} is not a day between 1900 and 2100.",
                    value=_text(activity.get("date")),
                ),
                _DATE_FIX,
            )
        participants = _amount(activity.get("participants"), MAX_COUNT)
        if participants == "bad" or (participants is not None and participants % 1):
            issues.add(
                "activities",
                activity,
                k,
                "participants",
                Message(
                    "participants must be a whole number from 0; got {value!r}.",
                    value=_text(activity.get("participants")),
                ),
                Message("Write the number of people who took part."),
            )
            participants = None
        members = activity.get("members")
        if members is None or isinstance(members, str | float):  # a cell: "a;b", empty or NaN
            members = (_text(members) or "").split(";")
        taking_part = tuple(m for m in (_text(m) for m in members) if m)
        for actor in taking_part:
            if actor not in known:
                issues.add(
                    "activities",
                    activity,
                    k,
                    "members",
                    Message("Unknown member {actor!r}: no join event.", actor=actor),
                    unknown_fix,
                )
        checked_activities.append(
            {
                "kind": kind,
                "date": date,
                "title": _text(activity.get("title")),
                "participants": participants,
                "members": taking_part,
            }
        )
    checked_ties = []
    for k, tie in enumerate(ties):
        source, target = _text(tie.get("source")), _text(tie.get("target"))
        dates = {}
        for column in ("since", "until"):
            text = _text(tie.get(column))
            dates[column] = _day(text)
            if text is not None and dates[column] is None:
                issues.add(
                    "ties",
                    tie,
                    k,
                    column,
                    Message("The date {value!r} is not a day between 1900 and 2100.", value=text),
                    _DATE_FIX,
                )
        if not source or not target:
            issues.add(
                "ties",
                tie,
                k,
                "source" if not source else "target",
                Message("A tie needs both ends."),
                Message("Name both actors by id."),
            )
        kind = _text(tie.get("type"))
        if kind is not None and kind not in TIE_TYPES:
            issues.add(
                "ties",
                tie,
                k,
                "type",
                Message("Unknown tie type {value!r}.", value=kind),
                Message("Use one of {options}.", options=", ".join(TIE_TYPES)),
            )
        if dates["since"] and dates["until"] and dates["until"] < dates["since"]:
            issues.add(
                "ties",
                tie,
                k,
                "until",
                Message(
                    "The tie ends on {until}, before it starts on {since}.",
                    until=dates["until"],
                    since=dates["since"],
                ),
                Message("Correct one of the two dates."),
            )
        checked_ties.append(
            {"source": source, "target": target, "type": _text(tie.get("type")), **dates}
        )
    if issues.found:
        raise DataValidationError(issues.found)
    for record in (*checked_events, *checked_figures):
        record.pop("_record")
    return Records(
        tuple(checked_events),
        tuple(checked_figures),
        tuple(checked_activities),
        tuple(checked_ties),
    )


def _check_overlaps(figures: list[dict[str, Any]], issues: _Issues) -> None:
    # Two figures of one member over overlapping periods would count its exports twice.
    by_actor: dict[str, list[dict[str, Any]]] = {}
    for figure in figures:
        if figure["period"] is not None and figure["actor"]:
            by_actor.setdefault(figure["actor"], []).append(figure)
    for actor, mine in by_actor.items():
        mine.sort(key=lambda f: (f["period"].start, f["period"].end))
        for before, after in zip(mine, mine[1:], strict=False):
            if after["period"].start <= before["period"].end:
                record, k = after["_record"]
                issues.add(
                    "figures",
                    record,
                    k,
                    "period",
                    Message(
                        "The figures of {actor!r} for {first} and {second} overlap.",
                        actor=actor,
                        first=before["period"].text,
                        second=after["period"].text,
                    ),
                    Message("Give one figure per member and period, without overlap."),
                )
