"""The standard KPIs of a period computed from records (no I/O): who joined when, in which
activity, sector, sphere and region; the members' jobs, exports and founding dates; the
cluster's trainings and other activities; the partnerships dated by their ties.

A cluster programme reports ``members``, ``new_members``, ``jobs``, ``exports``,
``firms_created``, ``partnerships`` and ``trainings`` (:data:`grappe.vocabulary.STANDARD_KPIS`).
Typed by hand, such a figure cannot be checked; computed here from the records, each value
comes with the rule that made it and the number of records counted, and the new members and
partnerships are broken down by activity, sector, sphere and region. The story of the Biskra
dates cluster (seed ``000``: ten new agricultural firms joined, jobs and exports rose, the
cluster linked industry, agriculture and trade) is then a computation, not a claim
(``tests/fixtures/roadmap/biskra_*.csv``).

:func:`check_records` validates the four record lists once (the registry, the file readers
and the CLI use it); :func:`kpis_from_records` computes the KPIs of a period.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from grappe._validation import MAX_AMOUNT, MAX_COUNT
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.roadmap.periods import Period, parse_period
from grappe.vocabulary import CLUSTER_ACTIVITY_KINDS, MEMBER_EVENTS, SPHERES

__all__ = [
    "KPI_RULES",
    "RECORD_KINDS",
    "RecordKpi",
    "Records",
    "RecordsKpis",
    "check_records",
    "kpis_from_records",
]

#: The four kinds of records, as named in :func:`check_records`' ``sources``.
RECORD_KINDS: tuple[str, ...] = ("events", "figures", "activities", "ties")

#: How each standard KPI is computed from the records (the sentence shown beside the value).
KPI_RULES: Mapping[str, str] = {
    "members": "members at the end of the period: actors whose last join or leave event on or "
    "before that day is a join",
    "new_members": "actors with a join event dated in the period (each actor once)",
    "jobs": "jobs of the members at the end of the period, from each member's latest figure "
    "of a period inside this one",
    "exports": "exports of the members, summed over their figures of periods inside this one",
    "firms_created": "members at the end of the period whose firm was founded in it",
    "partnerships": "pairs of actors, at least one a member, whose first tie starts in the period",
    "trainings": "activities of kind training dated in the period",
}

_SEP = "–"  # joins the two sides of a pair in a breakdown ("agriculture–industry")


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
        ``exports``, ``currency``, ``founded``.
    activities : tuple of dict
        ``kind``, ``date``, ``title``, ``participants``, ``members`` (tuple of actor ids).
    ties : tuple of dict
        ``source``, ``target``, ``type``, ``since``, ``until``.
    """

    events: tuple[dict[str, Any], ...] = ()
    figures: tuple[dict[str, Any], ...] = ()
    activities: tuple[dict[str, Any], ...] = ()
    ties: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class RecordKpi:
    """One KPI of a period computed from the records.

    Attributes
    ----------
    kpi : str
        A name of :data:`~grappe.vocabulary.STANDARD_KPIS`.
    value : float or None
        The value; ``None`` when no record bears on it (no figure gives jobs, say), which is
        not zero.
    counted : int
        How many records were counted (events, figures, ties or activities).
    rule : str
        How it was computed (:data:`KPI_RULES`).
    unit : str or None
        The currency of ``exports``.
    left_out : int
        Records of the kind not counted because they cannot be placed (a tie without a start
        date, a figure of a period longer than this one).
    """

    kpi: str
    value: float | None
    counted: int
    rule: str
    unit: str | None = None
    left_out: int = 0


@dataclass(frozen=True)
class RecordsKpis:
    """The standard KPIs of a period computed from records, with breakdowns.

    ``kpis`` follows the order of :data:`~grappe.vocabulary.STANDARD_KPIS`.

    Attributes
    ----------
    period : Period
    kpis : mapping of str to RecordKpi
        One entry per name of :data:`~grappe.vocabulary.STANDARD_KPIS`, in that order.
    breakdowns : mapping of str to mapping of str to int
        ``new_members_by_activity``, ``new_members_by_sector``, ``new_members_by_sphere``,
        ``new_members_by_region`` (the join events of the period), ``partnerships_by_sector``
        and ``partnerships_by_sphere`` (the pairs, ``"agriculture–industry"``, sides sorted)
        and ``activities_by_kind``; ``"?"`` counts the records that do not say.
    previous : RecordsKpis or None
        The same computed for the previous period, when asked.
    """

    period: Period
    kpis: Mapping[str, RecordKpi]
    breakdowns: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    previous: RecordsKpis | None = None

    def value(self, kpi: str) -> float | None:
        """The value of ``kpi`` (``None`` if no record bears on it)."""
        return self.kpis[kpi].value

    def change(self, kpi: str) -> float | None:
        """``kpi`` minus its value in :attr:`previous` (``None`` if either is unknown)."""
        if self.previous is None:
            return None
        now, before = self.value(kpi), self.previous.value(kpi)
        return None if now is None or before is None else now - before

    def to_rows(self) -> list[dict[str, Any]]:
        """One dict per KPI: ``kpi``, ``period``, ``value``, ``previous``, ``change``,
        ``counted``, ``left_out``, ``unit``, ``source`` (``"records"``), ``rule``."""
        return [
            {
                "kpi": k.kpi,
                "period": self.period.text,
                "value": k.value,
                "previous": None if self.previous is None else self.previous.value(k.kpi),
                "change": self.change(k.kpi),
                "counted": k.counted,
                "left_out": k.left_out,
                "unit": k.unit,
                "source": "records",
                "rule": k.rule,
            }
            for k in self.kpis.values()
        ]


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
        row = record.get("row")
        self.found.append(
            ValidationIssue(
                message,
                file=self.sources.get(kind, kind),
                column=column,
                row=int(row) if row is not None else k + 2,
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
        ``exports``, ``currency``, ``founded`` (the firm's creation date).
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
        jobs or exports, exports without a currency, two figures of one member whose periods
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
            if number == "bad":
                issues.add(
                    "figures",
                    figure,
                    k,
                    column,
                    Message(
                        "{column} must be a number from 0 to {bound:.0e}; got {value!r}.",
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
        checked_figures.append(
            {
                "actor": actor,
                "period": period,
                **values,
                "currency": currency and currency.upper(),
                "founded": founded,
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


# --- computing ----------------------------------------------------------------------------------


def _members_at(events: Sequence[Mapping[str, Any]], day: dt.date) -> set[str]:
    state: dict[str, bool] = {}
    for event in events:  # by date (check_records sorts them)
        if event["date"] > day:
            break
        if event["kind"] in ("join", "leave"):
            state[event["actor"]] = event["kind"] == "join"
    return {actor for actor, inside in state.items() if inside}


def _latest(events: Sequence[Mapping[str, Any]], actor: str, day: dt.date, key: str) -> Any:
    value = None
    for event in events:
        if event["date"] > day:
            break
        if event["actor"] == actor and event[key] is not None:
            value = event[key]
    return value


def _pair(a: str | None, b: str | None) -> str:
    return _SEP.join(sorted((a or "?", b or "?")))


def _compute(records: Records, period: Period) -> RecordsKpis:
    events, start, end = records.events, period.start, period.end
    at_end = _members_at(events, end)
    during = _members_at(events, start) | {
        e["actor"] for e in events if e["kind"] == "join" and start <= e["date"] <= end
    }
    joins = [e for e in events if e["kind"] == "join" and start <= e["date"] <= end]
    inside = [f for f in records.figures if start <= f["period"].start and f["period"].end <= end]
    longer = [
        f
        for f in records.figures
        if f not in inside and f["period"].start <= end and f["period"].end >= start
    ]
    latest_jobs: dict[str, dict[str, Any]] = {}
    for figure in sorted(inside, key=lambda f: f["period"].end):
        if figure["actor"] in at_end and figure["jobs"] is not None:
            latest_jobs[figure["actor"]] = figure
    exported = [f for f in inside if f["actor"] in during and f["exports"] is not None]
    currencies = sorted({f["currency"] for f in exported})
    if len(currencies) > 1:
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "The exports of {period} are in several currencies ({currencies}); they "
                    "cannot be added.",
                    period=period.text,
                    currencies=", ".join(currencies),
                ),
                file="figures",
                column="currency",
                fix=Message("Convert the exports to one currency."),
            )
        )
    founded = {
        f["actor"]
        for f in records.figures
        if f["founded"] is not None and start <= f["founded"] <= end
    } & at_end
    first_tie: dict[tuple[str, str], dt.date] = {}
    undated = 0
    for tie in records.ties:
        pair = tuple(sorted((tie["source"], tie["target"])))
        if tie["since"] is None:
            undated += 1
            continue
        first_tie[pair] = min(tie["since"], first_tie.get(pair, tie["since"]))  # type: ignore[index]
    new_pairs = [
        (pair, day)
        for pair, day in first_tie.items()
        if start <= day <= end and (_members_at(events, day) & set(pair))
    ]
    trainings = [
        a for a in records.activities if a["kind"] == "training" and start <= a["date"] <= end
    ]
    in_period = [a for a in records.activities if start <= a["date"] <= end]

    def kpi(name: str, value: float | None, counted: int, **more: Any) -> RecordKpi:
        return RecordKpi(name, value, counted, KPI_RULES[name], **more)

    jobs = [f["jobs"] for f in latest_jobs.values()]
    kpis = {
        "members": kpi("members", float(len(at_end)), len(at_end)),
        "new_members": kpi("new_members", float(len({e["actor"] for e in joins})), len(joins)),
        "jobs": kpi(
            "jobs",
            float(sum(jobs)) if jobs else None,
            len(jobs),
            left_out=sum(1 for f in longer if f["jobs"] is not None),
        ),
        "exports": kpi(
            "exports",
            float(sum(f["exports"] for f in exported)) if exported else None,
            len(exported),
            unit=currencies[0] if currencies else None,
            left_out=sum(1 for f in longer if f["exports"] is not None),
        ),
        "firms_created": kpi("firms_created", float(len(founded)), len(founded)),
        "partnerships": kpi(
            "partnerships", float(len(new_pairs)), len(new_pairs), left_out=undated
        ),
        "trainings": kpi("trainings", float(len(trainings)), len(trainings)),
    }

    def side(actor: str, day: dt.date, key: str) -> str | None:
        return _latest(events, actor, day, key)

    breakdowns = {
        "new_members_by_activity": Counter(
            e["activity"] or e["activity_code"] or side(e["actor"], e["date"], "activity") or "?"
            for e in joins
        ),
        "new_members_by_sector": Counter(
            e["sector"] or side(e["actor"], e["date"], "sector") or "?" for e in joins
        ),
        "new_members_by_sphere": Counter(e["sphere"] or "?" for e in joins),
        "new_members_by_region": Counter(e["region"] or "?" for e in joins),
        "partnerships_by_sector": Counter(
            _pair(side(a, day, "sector"), side(b, day, "sector")) for (a, b), day in new_pairs
        ),
        "partnerships_by_sphere": Counter(
            _pair(side(a, day, "sphere"), side(b, day, "sphere")) for (a, b), day in new_pairs
        ),
        "activities_by_kind": Counter(a["kind"] for a in in_period),
    }
    return RecordsKpis(period, kpis, {k: dict(sorted(v.items())) for k, v in breakdowns.items()})


def kpis_from_records(
    events: Iterable[Mapping[str, Any]] | Records = (),
    figures: Iterable[Mapping[str, Any]] = (),
    activities: Iterable[Mapping[str, Any]] = (),
    ties: Iterable[Mapping[str, Any]] = (),
    *,
    period: Period | str,
    previous: Period | str | None = None,
) -> RecordsKpis:
    """The standard KPIs of ``period`` computed from the records, each with its rule.

    Parameters
    ----------
    events, figures, activities, ties : iterables of mappings, or Records
        The records (see :func:`check_records`, which validates them here); or a
        :class:`Records` already checked, as ``events`` alone.
    period : Period or str
        ``2024``, ``2024-H1``, ``2024-Q1``, ``2024-03`` or ``2024-03-31``.
    previous : Period or str, optional
        A period to compare with (its KPIs in :attr:`RecordsKpis.previous`, the differences
        by :meth:`RecordsKpis.change`).

    Returns
    -------
    RecordsKpis

    Raises
    ------
    DataValidationError
        If the records are invalid (see :func:`check_records`), or the exports of the period
        are in several currencies.
    InvalidParameterError
        If ``period`` or ``previous`` is not a period.

    Notes
    -----
    The rules are in :data:`KPI_RULES`. ``members`` and ``new_members`` agree with
    :func:`grappe.roadmap.periods.member_counts`, so that, over a period, members at its end
    equal members the day before it starts plus its joins minus its leaves. ``jobs`` is a
    stock (the latest figure of each member inside the period), ``exports`` a flow (summed);
    a figure of a longer period (a yearly figure for a quarter) is left out and counted in
    :attr:`RecordKpi.left_out`. A partnership is a pair of actors, dated by its first tie
    (the tie's ``since``; a tie without one is left out): several ties of one pair are one
    partnership.

    References
    ----------
    .. [1] European Cluster Collaboration Platform, "Cluster Excellence Programme: monitoring
       indicators".
    .. [2] Seed ``/work/shared/seeds/000_d53c24539b26db35.txt``: the Biskra dates cluster.

    Examples
    --------
    >>> ev = [{"actor": "a", "kind": "join", "date": "2023-05-01", "sector": "agriculture"},
    ...       {"actor": "b", "kind": "join", "date": "2024-02-01", "sector": "industry"}]
    >>> fig = [{"actor": "a", "period": "2024", "jobs": 12, "exports": 5, "currency": "DZD"},
    ...        {"actor": "b", "period": "2024", "jobs": 3}]
    >>> ties = [{"source": "a", "target": "b", "since": "2024-03-01"}]
    >>> k = kpis_from_records(ev, fig, [], ties, period="2024", previous="2023")
    >>> k.value("members"), k.value("new_members"), k.value("jobs"), k.value("partnerships")
    (2.0, 1.0, 15.0, 1.0)
    >>> k.change("members"), k.breakdowns["partnerships_by_sector"]
    (1.0, {'agriculture–industry': 1})
    """
    chosen = period if isinstance(period, Period) else parse_period(period)
    before = (
        previous if isinstance(previous, Period) or previous is None else parse_period(previous)
    )
    records = (
        events if isinstance(events, Records) else check_records(events, figures, activities, ties)
    )
    earlier = _compute(records, before) if before is not None else None
    result = _compute(records, chosen)
    return RecordsKpis(result.period, result.kpis, result.breakdowns, earlier)
