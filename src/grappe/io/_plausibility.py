"""Plausibility checks of parsed values, shared by the readers of :mod:`grappe.io`.

A value can parse as a number and still be impossible: ``1e23`` jobs, the year ``99999``, a
table whose every employment cell is 0. These checks turn such values into a
:class:`~grappe.errors.DataValidationError` (the result would be meaningless) or a
:class:`~grappe.errors.DataWarning` (the result is still meaningful, but the user should look).
The bounds are documented in ``docs/data-input.md``.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from grappe._validation import MAX_AMOUNT, MAX_COUNT
from grappe.errors import DataValidationError, DataWarning, ValidationIssue
from grappe.i18n import Message

if TYPE_CHECKING:  # region codes: a categorical, or any object with codes and categories
    import pandas as pd

__all__ = [
    "FIRST_YEAR",
    "MAX_AMOUNT",
    "MAX_COUNT",
    "check_not_all_zero",
    "last_year",
    "too_large",
    "year_issues",
]

#: Earliest year accepted in a statistics table (no regional statistics series starts earlier).
FIRST_YEAR = 1800

_LISTED = 20


def last_year() -> int:
    """Latest year accepted: next year (a forecast or a budget year), by today's date."""
    return dt.date.today().year + 1


def too_large(values: np.ndarray, bound: float) -> np.ndarray:
    """Mask of the values that are infinite or larger than ``bound`` in magnitude."""
    # |inf| > bound already; NaN compares False without a warning
    return np.abs(values) > bound


def bound_fix(bound: float) -> Message:
    """The fix of a value above ``bound``."""
    return Message(
        "check the unit and the decimal separator of the column: a cell above {bound:.0e} "
        "is larger than any economy (see docs/data-input.md, 'Plausibility checks').",
        bound=bound,
    )


def year_issues(
    years: np.ndarray,
    rows: np.ndarray,
    *,
    file: str,
    column: str,
) -> list[ValidationIssue]:
    """One issue per row whose (whole, non-missing) year is outside ``FIRST_YEAR..last_year()``."""
    high = last_year()
    with np.errstate(invalid="ignore"):
        bad = ~np.isnan(years) & ((years < FIRST_YEAR) | (years > high))
    positions = np.flatnonzero(bad)
    issues = [
        ValidationIssue(
            Message(
                "the year {year:.0f} is impossible (outside {first}..{last}).",
                year=years[p],
                first=FIRST_YEAR,
                last=high,
            ),
            file=file,
            row=int(rows[p]),
            column=column,
            fix=Message("write the year with four digits, e.g. 2019."),
        )
        for p in positions[:_LISTED]
    ]
    if len(positions) > _LISTED:
        issues.append(
            ValidationIssue(
                Message(
                    "{count} more rows with an impossible year.", count=len(positions) - _LISTED
                ),
                file=file,
                column=column,
                fix=Message("write the year with four digits, e.g. 2019."),
            )
        )
    return issues


def warn_all_zero_groups(
    values: np.ndarray,
    codes: np.ndarray,
    labels: Sequence[Any],
    rows: np.ndarray,
    *,
    what: tuple[Message, Message],
    file: str,
    column: str,
) -> None:
    """Warn (once, listing a few) about the groups whose every value is 0.

    ``codes`` gives each row's group as a position in ``labels`` (a region, a year; integer
    codes, so that millions of rows are grouped with one :func:`numpy.bincount`); ``rows`` is
    the file row of each value; ``what`` names one group and several (``Message("region"),
    Message("regions")``). Groups are listed in the order of their labels.
    """
    n = len(labels)
    present = np.bincount(codes, minlength=n) > 0
    # the sum skips NaN (withheld cells)
    totals = np.bincount(codes, weights=np.nan_to_num(np.abs(values)), minlength=n)
    zero = np.flatnonzero(present & (totals == 0))
    if not len(zero) or len(zero) == int(present.sum()):  # all zero: an error, the caller's
        return
    first = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    in_zero = np.isin(codes, zero)
    np.minimum.at(first, codes[in_zero], rows[in_zero].astype(np.int64))
    zero = sorted(zero.tolist(), key=lambda g: labels[g])
    shown: Message | None = None
    for g in zero[:5]:
        item = Message("{group} (from row {row})", group=f"{labels[g]!s}", row=int(first[g]))
        shown = item if shown is None else Message("{first}, {then}", first=shown, then=item)
    if len(zero) > 5:
        shown = Message("{shown} and {count} more", shown=shown, count=len(zero) - 5)
    one, several = what
    warnings.warn(
        DataWarning(
            Message(
                "every {column} cell is 0 for {count} {groups}: {shown}; their indicators are "
                "empty.",
                column=column,
                count=len(zero),
                groups=several if len(zero) > 1 else one,
                shown=shown,
            ),
            file=file,
            column=column,
            fix=Message(
                "check that the {group}'s rows are complete, or leave the {group} out.", group=one
            ),
        ),
        stacklevel=4,
    )


def check_not_all_zero(
    employment: np.ndarray,
    region: pd.Categorical,
    year: np.ndarray,
    rows: np.ndarray,
    *,
    file: str,
    column: str,
    groups: np.ndarray | None = None,
) -> None:
    """Refuse a table whose employment is 0 everywhere; warn about all-zero regions or years.

    ``groups``, when the caller has them: the region × year id of each row, year-major
    (``(year - first year) × number of region categories + region code``). Every row is then
    summed once into its region-year, and the regions' and years' sums are taken from those;
    the rows are grouped again only to name a region or year that is all zero.
    """
    if not len(employment):
        return
    if groups is not None:
        magnitude = np.abs(employment)
        np.nan_to_num(magnitude, copy=False)  # the sum skips NaN (withheld cells)
        n_regions = len(region.categories)
        size = -(-(int(groups.max()) + 1) // n_regions) * n_regions
        shape = (size // n_regions, n_regions)  # year × region
        present = np.bincount(groups, minlength=size).reshape(shape) > 0
        totals = np.bincount(groups, weights=magnitude, minlength=size).reshape(shape)
        if not totals.sum() > 0:
            _refuse_all_zero(employment, file=file, column=column)
        # sums of non-negative values: 0 exactly when every value is 0, in any order
        if all(
            not ((p.any(axis=axis) & (t.sum(axis=axis) == 0)).any())
            for p, t, axis in ((present, totals, 0), (present, totals, 1))
        ):
            return
    if not np.nansum(np.abs(employment)) > 0:
        _refuse_all_zero(employment, file=file, column=column)
    # stacklevel 4 of the warnings: the caller of the reader
    warn_all_zero_groups(
        employment,
        np.asarray(region.codes, dtype=np.int64),  # missing regions were refused before
        [str(c) for c in region.categories],
        rows,
        what=(Message("region"), Message("regions")),
        file=file,
        column=column,
    )
    years = year.astype(np.int64)  # missing years were refused before
    low = int(years.min())
    warn_all_zero_groups(
        employment,
        years - low,
        list(range(low, int(years.max()) + 1)),
        rows,
        what=(Message("year"), Message("years")),
        file=file,
        column=column,
    )


def _refuse_all_zero(employment: np.ndarray, *, file: str, column: str) -> None:
    raise DataValidationError(
        ValidationIssue(
            Message(
                "every employment value of the {count:,} rows kept is 0, so every "
                "location quotient would be undefined (0/0).",
                count=len(employment),
            ),
            file=file,
            column=column,
            fix=Message(
                "check that {column!r} is the employment column (map another one with "
                "--column FILE_COLUMN=employment), that the years and levels selected hold "
                "data, and that withheld cells are not all written as 0.",
                column=column,
            ),
        )
    )
