"""Checking the records of a cluster for :mod:`grappe.roadmap.records` (no I/O): member events,
member figures, cluster activities and dated ties, each problem naming file, row and column.

:func:`check_records` is the one check of these records: the file readers
(:func:`grappe.io.member_records.read_records`), the registry (:mod:`grappe.registry.
member_records`) and :func:`grappe.roadmap.records.kpis_from_records` use it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
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
#: A day that is not one (its values: ``value``, the text given).
_BAD_DAY = Message("The date {value!r} is not a day between 1900 and 2100.")
_UNKNOWN_MEMBER = Message("Unknown member {actor!r}: no join event.")
_UNKNOWN_FIX = Message("Record the member's join event first, or correct the id.")
_BAD_AMOUNT = Message(
    "{column} must be a number from 0 to {bound:.0e} (jobs: a whole number); got {value!r}."
)
_AMOUNT_FIX = Message(
    "Write a number (no unit, no thousands separator); a decrease is the difference of two periods."
)


@dataclass(frozen=True)
class _Rule:
    """One check of a kind of record: a record that ``breaks`` it gets an issue naming
    ``column``, with ``message`` (its values: the column's text as ``value``, and those of
    ``values``) and ``fix``.

    ``breaks`` and ``values`` read the record's row: its fields as checked (``None`` when
    empty, ``"bad"`` for a number that is not one), with ``<column>_text`` for a text given.
    """

    column: str
    breaks: Callable[[Mapping[str, Any]], bool]
    message: Message
    fix: Message
    values: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None = None


def _not_a_day(day: dt.date | None) -> bool:
    return day is None or not 1900 <= day.year <= 2100


def _unknown(column: str, words: tuple[str, ...]) -> Callable[[Mapping[str, Any]], bool]:
    """A rule's test: a word given in ``column`` that is not one of ``words``."""
    return lambda row: row[column] is not None and row[column] not in words


def _one_of(words: tuple[str, ...]) -> Message:
    return Message("Use one of {options}.", options=", ".join(words))


#: The checks of each kind of record, in the order its issues are listed.
_RULES: dict[str, tuple[_Rule, ...]] = {
    "events": (
        _Rule("actor", lambda r: r["actor"] is None, Message("The actor is empty."),
              Message("Name the member by its id.")),
        _Rule("kind", lambda r: r["kind"] not in MEMBER_EVENTS, Message("Unknown event {value!r}."),
              _one_of(MEMBER_EVENTS)),
        _Rule("date", lambda r: _not_a_day(r["date"]), _BAD_DAY, _DATE_FIX),
        _Rule("sphere", _unknown("sphere", SPHERES), Message("Unknown sphere {value!r}."),
              _one_of(SPHERES)),
        _Rule("sector", lambda r: r["kind"] == "sector" and r["sector"] is None,
              Message("A sector event has no sector."), Message("Give the member's new sector.")),
    ),
    "figures": (
        _Rule("period", lambda r: r["period"] is None,
              Message("The period {value!r} is not a period."),
              Message("Write it as 2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31.")),
        _Rule("actor", lambda r: r["actor"] not in r["known"], _UNKNOWN_MEMBER, _UNKNOWN_FIX,
              lambda r: {"actor": r["actor"]}),
        _Rule("jobs", lambda r: r["jobs"] == "bad", _BAD_AMOUNT, _AMOUNT_FIX,
              lambda _r: {"column": "jobs", "bound": MAX_COUNT}),
        _Rule("exports", lambda r: r["exports"] == "bad", _BAD_AMOUNT, _AMOUNT_FIX,
              lambda _r: {"column": "exports", "bound": MAX_AMOUNT}),
        _Rule("currency", lambda r: isinstance(r["exports"], float) and r["currency"] is None,
              Message("Exports without a currency."),
              Message("Give the currency code, e.g. DZD or EUR.")),
        _Rule("founded", lambda r: r["founded_text"] is not None and r["founded"] is None,
              _BAD_DAY, _DATE_FIX),
        _Rule("founded",
              lambda r: None not in (r["founded"], r["period"]) and r["founded"] > r["period"].end,
              Message("The firm is founded on {date}, after the period {period} of its figures "
                      "(date out of period)."),
              Message("Correct the founding date or the period."),
              lambda r: {"date": r["founded"], "period": r["period"].text}),
    ),
    "activities": (
        _Rule("kind", lambda r: r["kind"] not in CLUSTER_ACTIVITY_KINDS,
              Message("Unknown activity {value!r}."), _one_of(CLUSTER_ACTIVITY_KINDS)),
        _Rule("date", lambda r: _not_a_day(r["date"]), _BAD_DAY, _DATE_FIX),
        _Rule("participants", lambda r: r["participants"] == "bad",
              Message("participants must be a whole number from 0; got {value!r}."),
              Message("Write the number of people who took part.")),
    ),
    "ties": (
        _Rule("since", lambda r: r["since_text"] is not None and r["since"] is None, _BAD_DAY,
              _DATE_FIX),
        _Rule("until", lambda r: r["until_text"] is not None and r["until"] is None, _BAD_DAY,
              _DATE_FIX),
        _Rule("source", lambda r: not r["source"], Message("A tie needs both ends."),
              Message("Name both actors by id.")),
        _Rule("target", lambda r: bool(r["source"]) and not r["target"],
              Message("A tie needs both ends."), Message("Name both actors by id.")),
        _Rule("type", _unknown("type", TIE_TYPES), Message("Unknown tie type {value!r}."),
              _one_of(TIE_TYPES)),
        _Rule("until", lambda r: None not in (r["since"], r["until"]) and r["until"] < r["since"],
              Message("The tie ends on {until}, before it starts on {since}."),
              Message("Correct one of the two dates."),
              lambda r: {"until": r["until"], "since": r["since"]}),
    ),
}  # fmt: skip


def _check(
    kind: str, record: Mapping[str, Any], k: int, row: Mapping[str, Any], issues: _Issues
) -> None:
    """Add an issue for each of ``kind``'s rules that ``record`` (checked as ``row``) breaks."""
    for rule in _RULES[kind]:
        if rule.breaks(row):
            values = {"value": _text(record.get(rule.column))}
            values |= rule.values(row) if rule.values is not None else {}
            message = Message(rule.message.template, **values)
            issues.add(kind, record, k, rule.column, message, rule.fix)


def _check_events(events: Iterable[Mapping[str, Any]], issues: _Issues) -> list[dict[str, Any]]:
    out = []
    for k, event in enumerate(events):
        row = {
            "actor": _text(event.get("actor")),
            "kind": _text(event.get("kind")),
            "date": _day(event.get("date")),
            "sector": _text(event.get("sector")),
            "activity_code": _text(event.get("activity_code")),
            "activity": _text(event.get("activity")),
            "sphere": _text(event.get("sphere")),
            "region": _text(event.get("region")),
        }
        _check("events", event, k, row, issues)
        out.append({**row, "_record": (event, k)})
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
    checked_figures = []
    for k, figure in enumerate(figures):
        try:
            period = parse_period(_text(figure.get("period")))
        except InvalidParameterError:
            period = None
        founded_text = _text(figure.get("founded"))
        row = {"actor": _text(figure.get("actor")), "known": known, "period": period,
               "currency": _text(figure.get("currency")), "founded": _day(founded_text),
               "founded_text": founded_text}  # fmt: skip
        for column, bound in (("jobs", MAX_COUNT), ("exports", MAX_AMOUNT)):
            number = _amount(figure.get(column), bound)
            if column == "jobs" and isinstance(number, float) and number % 1:
                number = "bad"  # jobs are people: a whole number
            row[column] = number
        _check("figures", figure, k, row, issues)
        markets, problems = parse_markets(figure.get("markets"))
        for message, fix in problems:
            issues.add("figures", figure, k, "markets", message, fix)
        checked_figures.append(
            {
                "actor": row["actor"],
                "period": period,
                **{c: None if row[c] == "bad" else row[c] for c in ("jobs", "exports")},
                "currency": row["currency"] and row["currency"].upper(),
                "founded": row["founded"],
                "markets": markets,
                "_record": (figure, k),
            }
        )
    _check_overlaps(checked_figures, issues)
    checked_activities = []
    for k, activity in enumerate(activities):
        participants = _amount(activity.get("participants"), MAX_COUNT)
        if isinstance(participants, float) and participants % 1:
            participants = "bad"  # people: a whole number
        row = {"kind": _text(activity.get("kind")), "date": _day(activity.get("date")),
               "participants": participants}  # fmt: skip
        _check("activities", activity, k, row, issues)
        members = activity.get("members")
        if members is None or isinstance(members, str | float):  # a cell: "a;b", empty or NaN
            members = (_text(members) or "").split(";")
        taking_part = tuple(m for m in (_text(m) for m in members) if m)
        for actor in taking_part:
            if actor not in known:
                message = Message(_UNKNOWN_MEMBER.template, actor=actor)
                issues.add("activities", activity, k, "members", message, _UNKNOWN_FIX)
        checked_activities.append(
            {
                "kind": row["kind"],
                "date": row["date"],
                "title": _text(activity.get("title")),
                "participants": None if participants == "bad" else participants,
                "members": taking_part,
            }
        )
    checked_ties = []
    for k, tie in enumerate(ties):
        row = {"source": _text(tie.get("source")), "target": _text(tie.get("target")),
               "type": _text(tie.get("type"))}  # fmt: skip
        for column in ("since", "until"):
            row[f"{column}_text"] = _text(tie.get(column))
            row[column] = _day(row[f"{column}_text"])
        _check("ties", tie, k, row, issues)
        checked_ties.append({c: row[c] for c in ("source", "target", "type", "since", "until")})
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
