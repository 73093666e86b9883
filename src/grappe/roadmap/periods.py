"""Periods of KPI series and member events: a year, a half-year, a quarter, a month or a day.

A KPI value belongs to a period written in one of the ISO-like forms of
:data:`PERIOD_FORMS`; :func:`parse_period` turns the text into a :class:`Period` with its
first and last day, so that periods of different lengths order and compare (``2024-Q1`` comes
before ``2024-04`` and inside ``2024``). Member events (joining, leaving, changing sector) carry
a date, and :func:`members_in` counts the members of a period from them (no I/O).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.vocabulary import MEMBER_EVENTS

__all__ = ["PERIOD_FORMS", "Period", "check_member_events", "member_counts", "parse_period"]

#: The accepted forms of a period, with an example of each.
PERIOD_FORMS: Mapping[str, str] = {
    "year": "2024",
    "half": "2024-H1",
    "quarter": "2024-Q1",
    "month": "2024-03",
    "day": "2024-03-31",
}

_PATTERN = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<half>[Hh][12])|(?P<quarter>[Qq][1-4])"
    r"|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?$"
)


@functools.total_ordering
@dataclass(frozen=True)
class Period:
    """A period: its first and last day (ordered by last day, then the longer first: a value
    of a period is read at its end, so ``2024-Q1 < 2024-04 < 2024``).

    Attributes
    ----------
    start, end : datetime.date
        First and last day of the period (both included).
    kind : str
        One of the keys of :data:`PERIOD_FORMS`.
    text : str
        The canonical text (``2024``, ``2024-H1``, ``2024-Q1``, ``2024-03``, ``2024-03-31``).
    """

    start: dt.date
    end: dt.date
    kind: str
    text: str

    @property
    def year(self) -> int:
        """The calendar year the period ends in."""
        return self.end.year

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.end, self.start) < (other.end, other.start)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return self.text


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(value: Any) -> Period:
    """Read a period written as a year, half-year, quarter, month or day.

    Parameters
    ----------
    value : str, int or datetime.date
        ``2024`` (or the integer), ``2024-H1``, ``2024-Q1``, ``2024-03``, ``2024-03-31`` (or a
        date). ``H``/``Q`` may be lower case.

    Returns
    -------
    Period

    Raises
    ------
    InvalidParameterError
        If the text is none of these forms, or names a month or day that does not exist.

    Examples
    --------
    >>> p = parse_period("2024-q1")
    >>> p.text, p.start, p.end
    ('2024-Q1', datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
    >>> [p.text for p in sorted(map(parse_period, ["2024-04", "2024", "2024-Q1", "2023-12-31"]))]
    ['2023-12-31', '2024-Q1', '2024-04', '2024']
    >>> parse_period("2024-02-30")
    Traceback (most recent call last):
    ...
    grappe.errors.InvalidParameterError: The period '2024-02-30' names a day that does not exist. Use a year (2024), a half-year (2024-H1), a quarter (2024-Q1), a month (2024-03) or a day (2024-03-31).
    """  # noqa: E501
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Period(value, value, "day", value.isoformat())
    text = str(value).strip() if value is not None and not isinstance(value, bool) else ""
    match = _PATTERN.match(text)
    forms = Message(
        "Use a year (2024), a half-year (2024-H1), a quarter (2024-Q1), a month (2024-03) or a "
        "day (2024-03-31)."
    )
    if match is None:
        raise InvalidParameterError(
            Message("The period {value!r} is not a period. {forms}", value=value, forms=forms)
        )
    year = int(match["year"])
    if year < 1:
        raise InvalidParameterError(
            Message("The period {value!r} names the year 0. {forms}", value=value, forms=forms)
        )
    if match["half"]:
        h = int(match["half"][1])
        first = 1 + 6 * (h - 1)
        return Period(dt.date(year, first, 1), _month_end(year, first + 5), "half", f"{year}-H{h}")
    if match["quarter"]:
        q = int(match["quarter"][1])
        first = 1 + 3 * (q - 1)
        return Period(
            dt.date(year, first, 1), _month_end(year, first + 2), "quarter", f"{year}-Q{q}"
        )
    if match["month"]:
        month = int(match["month"])
        if not 1 <= month <= 12:
            raise InvalidParameterError(
                Message(
                    "The period {value!r} names a month that does not exist. {forms}",
                    value=value,
                    forms=forms,
                )
            )
        if match["day"]:
            try:
                day = dt.date(year, month, int(match["day"]))
            except ValueError:
                raise InvalidParameterError(
                    Message(
                        "The period {value!r} names a day that does not exist. {forms}",
                        value=value,
                        forms=forms,
                    )
                ) from None
            return Period(day, day, "day", day.isoformat())
        return Period(
            dt.date(year, month, 1), _month_end(year, month), "month", f"{year}-{month:02d}"
        )
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", f"{year:04d}")


def member_counts(events: Iterable[Mapping[str, Any]], period: Period | str) -> dict[str, int]:
    """The ``members`` (at the end of ``period``) and ``new_members`` (joined during it).

    Parameters
    ----------
    events : iterable of mappings
        Member events with ``actor``, ``kind`` (one of
        :data:`~grappe.vocabulary.MEMBER_EVENTS`) and ``date`` (a :class:`datetime.date`).
        An actor is a member from its ``join`` to its next ``leave``; ``sector`` events do not
        change membership.
    period : Period or str

    Returns
    -------
    dict
        ``{"members": n, "new_members": m}``.

    Raises
    ------
    InvalidParameterError
        If an event's kind is unknown or its date is not a date.

    Examples
    --------
    >>> import datetime as dt
    >>> ev = [{"actor": "a", "kind": "join", "date": dt.date(2023, 5, 1)},
    ...       {"actor": "b", "kind": "join", "date": dt.date(2024, 2, 1)},
    ...       {"actor": "a", "kind": "leave", "date": dt.date(2024, 3, 15)}]
    >>> member_counts(ev, "2024-Q1"), member_counts(ev, "2023")
    ({'members': 1, 'new_members': 1}, {'members': 1, 'new_members': 1})
    """
    p = period if isinstance(period, Period) else parse_period(period)
    state: dict[str, bool] = {}
    joined: set[str] = set()
    ordered = []
    for event in events:
        kind, day = event.get("kind"), event.get("date")
        if kind not in MEMBER_EVENTS:
            raise InvalidParameterError(
                Message(
                    "The 'kind' of a member event must be one of {kinds}. Got {kind!r} instead.",
                    kinds=", ".join(MEMBER_EVENTS),
                    kind=kind,
                )
            )
        if not isinstance(day, dt.date):
            raise InvalidParameterError(
                Message(
                    "The 'date' of a member event must be a date. Got {day!r} instead.", day=day
                )
            )
        ordered.append((day, kind, str(event.get("actor"))))
    for day, kind, actor in sorted(ordered):
        if day > p.end:
            break
        if kind == "join":
            state[actor] = True
            if day >= p.start:
                joined.add(actor)
        elif kind == "leave":
            state[actor] = False
    return {"members": sum(state.values()), "new_members": len(joined)}


def check_member_events(
    events: Any, *, file: str | None = None, first_row: int = 2
) -> list[dict[str, Any]]:
    """Validate a table of member events (``actor``, ``kind``, ``date``; optional ``sector``).

    Parameters
    ----------
    events : pandas.DataFrame
        One row per event; ``date`` as ``YYYY-MM-DD`` (or a date).
    file : str, optional
        File name reported in the issues.
    first_row : int, default 2
        Line of the first row in its file (the header is line 1).

    Returns
    -------
    list of dict
        The events (``actor``, ``kind``, ``date`` as :class:`datetime.date`, ``sector``), for
        :func:`member_counts`.

    Raises
    ------
    DataValidationError
        Listing every problem: a missing column, an empty actor, an unknown kind, a date that is
        not a day, a ``sector`` event without a sector.

    Examples
    --------
    >>> import pandas as pd
    >>> ev = check_member_events(pd.DataFrame({"actor": ["a"], "kind": ["join"],
    ...                                        "date": ["2024-01-15"]}))
    >>> member_counts(ev, "2024-Q1")
    {'members': 1, 'new_members': 1}
    """
    import pandas as pd

    if not isinstance(events, pd.DataFrame):
        raise InvalidParameterError(
            "The 'events' parameter of check_member_events must be a pandas DataFrame. "
            f"Got {type(events).__name__} instead."
        )
    frame = events.rename(columns=lambda c: str(c).strip().lower())
    missing = [c for c in ("actor", "kind", "date") if c not in frame.columns]
    if missing:
        raise DataValidationError(
            [
                ValidationIssue(
                    Message(
                        "The column {column!r} is missing (columns found: {columns}).",
                        column=c,
                        columns=list(events.columns),
                    ),
                    file=file,
                    column=c,
                    fix=Message(
                        "Give the columns actor, kind, date (and sector for sector events)."
                    ),
                )
                for c in missing
            ]
        )
    issues: list[ValidationIssue] = []
    out: list[dict[str, Any]] = []

    def text(value: Any) -> str:
        return "" if value is None or pd.isna(value) else str(value).strip()

    sectors = frame["sector"] if "sector" in frame.columns else [None] * len(frame)
    for k, (actor, kind, day, sector) in enumerate(
        zip(frame["actor"], frame["kind"], frame["date"], sectors, strict=True)
    ):
        row = first_row + k

        def bad(message: Message, column: str, fix: Message, row: int = row) -> None:
            issues.append(ValidationIssue(message, file, row, column, fix))

        if not text(actor):
            bad(Message("The actor is empty."), "actor", Message("Name the member by its id."))
        kind_text = text(kind).lower()
        if kind_text not in MEMBER_EVENTS:
            bad(
                Message("Unknown event {value!r}.", value=text(kind)),
                "kind",
                Message("Use one of {options}.", options=", ".join(MEMBER_EVENTS)),
            )
        try:
            period = parse_period(day)
        except InvalidParameterError:
            period = None
        if period is None or period.kind != "day":
            bad(
                Message("The date {value!r} is not a day.", value=text(day)),
                "date",
                Message("Write it as YYYY-MM-DD."),
            )
        if kind_text == "sector" and not text(sector):
            bad(
                Message("A sector event has no sector."),
                "sector",
                Message("Give the member's new sector."),
            )
        if period is not None:
            out.append(
                {"actor": text(actor), "kind": kind_text, "date": period.start,
                 "sector": text(sector) or None}
            )  # fmt: skip
    if issues:
        raise DataValidationError(issues)
    return out
