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
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from grappe.errors import DataValidationError, ValidationIssue
from grappe.i18n import Message
from grappe.roadmap.periods import Period, parse_period
from grappe.roadmap.records_check import RECORD_KINDS, Records, check_records

__all__ = [
    "KPI_RULES",
    "RECORD_KINDS",
    "RecordKpi",
    "Records",
    "RecordsKpis",
    "check_records",
    "kpis_from_records",
]

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
