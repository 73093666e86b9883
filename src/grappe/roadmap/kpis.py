"""KPIs over time, targets and the evaluation record of a period (no I/O).

KPI data is a long table with one row per KPI × period: ``kpi``, ``period``, ``value`` and
optionally ``target`` and ``direction`` (``"at_least"``: higher is better, the default;
``"at_most"``: lower is better). The standard KPIs are those cluster programmes report, such as
the Biskra dates cluster in Algeria: members and new members, jobs, exports, firms created,
partnerships and trainings.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import MAX_AMOUNT, MAX_COUNT, check_duplicates
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError, ValidationIssue
from grappe.i18n import Message
from grappe.roadmap.periods import parse_period
from grappe.vocabulary import AMOUNT_KPIS, STANDARD_KPIS

__all__ = [
    "AMOUNT_KPIS",
    "DIRECTIONS",
    "STANDARD_KPIS",
    "Evaluation",
    "check_kpis",
    "evaluate_kpis",
]

DIRECTIONS: tuple[str, ...] = ("at_least", "at_most")
_COLUMNS = ("kpi", "period", "value")


def _ordered(periods: Any) -> list[str]:
    try:
        return sorted(periods, key=parse_period)
    except InvalidParameterError:  # free-form period names: their text order
        return sorted(periods)


def check_kpis(
    kpis: pd.DataFrame,
    *,
    file: str | None = None,
    rows: Sequence[int] | None = None,
    duplicates: str = "raise",
) -> pd.DataFrame:
    """Validate a KPI table and return a clean copy.

    Parameters
    ----------
    kpis : pandas.DataFrame
        Columns ``kpi``, ``period``, ``value``; optional ``target``, ``direction``.
    file : str, optional
        Source file, named in errors.
    rows : sequence of int, optional
        Line of each row in ``file`` (default: header is line 1, so row *i* is line *i* + 2).
    duplicates : {"raise", "sum"}, default "raise"
        A KPI given twice for one period: refuse the table naming the rows, or add the values
        (and the targets) up; the repeated rows must then share one direction.

    Returns
    -------
    pandas.DataFrame
        ``kpi`` (str), ``period`` (str), ``value``, ``target`` (float, NaN if none),
        ``direction``.

    Raises
    ------
    DataValidationError
        On missing columns, an empty KPI name or period, non-numeric or infinite values or
        targets, a negative or implausibly large value of a standard KPI (they are counts or
        amounts: :data:`STANDARD_KPIS`, bounded by ``MAX_COUNT`` or ``MAX_AMOUNT`` of
        :mod:`grappe._validation`), unknown directions,
        or a KPI given twice for the same period (under ``duplicates="raise"``).
    """
    check_duplicates(duplicates, func="check_kpis")
    missing = [c for c in _COLUMNS if c not in kpis.columns]
    if missing:
        raise DataValidationError(
            ValidationIssue(
                Message("The KPI table lacks the columns {missing}.", missing=missing),
                file=file,
                fix=Message(
                    "Give the columns kpi, period, value (and optionally target, direction)."
                ),
            )
        )
    rows = list(rows) if rows is not None else [i + 2 for i in range(len(kpis))]
    df = pd.DataFrame(
        {
            "kpi": kpis["kpi"].fillna("").astype(str).str.strip(),
            "period": kpis["period"].fillna("").astype(str).str.strip(),
            "value": pd.to_numeric(kpis["value"], errors="coerce"),
            "target": pd.to_numeric(kpis["target"], errors="coerce")
            if "target" in kpis
            else np.nan,
            "direction": kpis["direction"].fillna("at_least").astype(str)
            if "direction" in kpis
            else "at_least",
        }
    )
    issues = []
    for i, row in enumerate(df.itertuples(index=False)):
        raw = kpis.iloc[i]
        if math.isinf(row.value) or math.isinf(row.target):
            issues.append(
                ValidationIssue(
                    Message(
                        "KPI {kpi!r} for {period} has an infinite value or target.",
                        kpi=row.kpi,
                        period=row.period,
                    ),
                    file=file,
                    row=rows[i],
                    column="value" if math.isinf(row.value) else "target",
                    fix=Message("Write a finite number."),
                )
            )
        if not row.kpi or not row.period:
            issues.append(
                ValidationIssue(
                    Message("The row names no KPI.")
                    if not row.kpi
                    else Message("KPI {kpi!r} has no period.", kpi=row.kpi),
                    file=file,
                    row=rows[i],
                    column="kpi" if not row.kpi else "period",
                    fix=Message("Fill in the KPI name and its period (e.g. 2024 or 2024-Q1)."),
                )
            )
        bound = MAX_AMOUNT if row.kpi in AMOUNT_KPIS else MAX_COUNT
        for column, number in (("value", row.value), ("target", row.target)):
            if row.kpi in STANDARD_KPIS and math.isfinite(number) and abs(number) > bound:
                issues.append(
                    ValidationIssue(
                        Message(
                            "KPI {kpi!r} for {period} is implausibly large ({number:.3g}, "
                            "above {bound:.0e}).",
                            kpi=row.kpi,
                            period=row.period,
                            number=number,
                            bound=bound,
                        ),
                        file=file,
                        row=rows[i],
                        column=column,
                        fix=Message("Check the unit and the decimal separator of the column."),
                    )
                )
        if row.kpi in STANDARD_KPIS and (row.value < 0 or row.target < 0):
            issues.append(
                ValidationIssue(
                    Message(
                        "KPI {kpi!r} for {period} is negative; it counts {what}, which cannot be "
                        "negative.",
                        kpi=row.kpi,
                        period=row.period,
                        what=row.kpi.replace("_", " "),
                    ),
                    file=file,
                    row=rows[i],
                    column="value" if row.value < 0 else "target",
                    fix=Message("Correct the value (a decrease is the difference of two periods)."),
                )
            )
        if math.isnan(row.value):
            issues.append(
                ValidationIssue(
                    Message(
                        "The value of KPI {kpi!r} for {period} is not a number ({value!r}).",
                        kpi=row.kpi,
                        period=row.period,
                        value=raw["value"],
                    ),
                    file=file,
                    row=rows[i],
                    column="value",
                    fix=Message("Write a number (no units or thousands separators)."),
                )
            )
        if "target" in kpis and not pd.isna(raw["target"]) and math.isnan(row.target):
            issues.append(
                ValidationIssue(
                    Message(
                        "The target of KPI {kpi!r} for {period} is not a number ({value!r}).",
                        kpi=row.kpi,
                        period=row.period,
                        value=raw["target"],
                    ),
                    file=file,
                    row=rows[i],
                    column="target",
                    fix=Message("Write a number or leave the cell empty."),
                )
            )
        if row.direction not in DIRECTIONS:
            issues.append(
                ValidationIssue(
                    Message(
                        "Unknown direction {direction!r} of KPI {kpi!r}.",
                        direction=row.direction,
                        kpi=row.kpi,
                    ),
                    file=file,
                    row=rows[i],
                    column="direction",
                    fix=Message("Use one of {options}.", options=DIRECTIONS),
                )
            )
    dup = df.duplicated(["kpi", "period"], keep="first").to_numpy()
    if duplicates == "sum":  # repeats are summed, but must agree on the direction
        dup = (df.groupby(["kpi", "period"])["direction"].transform("nunique") > 1).to_numpy()
    first = df.reset_index(drop=True).groupby(["kpi", "period"]).cumcount().to_numpy() == 0
    first_row = {
        (k, p): rows[i]
        for i, (k, p) in enumerate(zip(df["kpi"], df["period"], strict=True))
        if first[i]
    }
    for i in np.flatnonzero(dup & ~first):
        key = (df["kpi"].iloc[i], df["period"].iloc[i])
        issues.append(
            ValidationIssue(
                Message(
                    "KPI {kpi!r} is given twice for period {period} (first in row {first}) with "
                    "different directions.",
                    kpi=key[0],
                    period=key[1],
                    first=first_row[key],
                )
                if duplicates == "sum"
                else Message(
                    "KPI {kpi!r} is given twice for period {period} (first in row {first}).",
                    kpi=key[0],
                    period=key[1],
                    first=first_row[key],
                ),
                file=file,
                row=rows[i],
                column="kpi" if duplicates == "raise" else "direction",
                fix=Message(
                    "keep one row per KPI and period, or add the repeated rows up with "
                    "duplicates='sum' (--duplicates sum)."
                )
                if duplicates == "raise"
                else Message("Give the repeated rows one direction."),
            )
        )
    if issues:
        raise DataValidationError(issues)
    if duplicates == "sum" and df.duplicated(["kpi", "period"]).any():
        df = df.groupby(["kpi", "period"], sort=False, as_index=False).agg(
            value=("value", "sum"),
            target=("target", lambda t: t.sum(min_count=1)),
            direction=("direction", "first"),
        )
    return df


@dataclass(frozen=True)
class Evaluation:
    """The evaluation record of one period.

    Attributes
    ----------
    period : str
    table : pandas.DataFrame
        One row per KPI: ``kpi``, ``value``, ``previous`` (value of the previous period or
        NaN), ``change``, ``target``, ``direction``, ``met`` (True/False; NA without target).
    facts : mapping of str to float
        KPI values of the period plus the extra facts given (used by label checks).
    """

    period: str
    table: pd.DataFrame
    facts: Mapping[str, float] = field(default_factory=dict)

    @property
    def met_share(self) -> float:
        """Share of KPIs with a target that met it (NaN if none has a target)."""
        met = self.table["met"].dropna()
        return float(met.astype(bool).mean()) if len(met) else math.nan


def evaluate_kpis(
    kpis: pd.DataFrame, *, period: str, extra: Mapping[str, float] | None = None
) -> Evaluation:
    """Evaluate the KPIs of one period against their targets.

    Parameters
    ----------
    kpis : pandas.DataFrame
        KPI table (see :func:`check_kpis`; it is validated here).
    period : str
        The period evaluated (as written in the ``period`` column).
    extra : mapping, optional
        Other facts of the period (e.g. ``sme_share``, ``management_score``) for labels.

    Returns
    -------
    Evaluation

    Raises
    ------
    NotFoundError
        If no row has that period.
    DataValidationError
        If the table is invalid.

    Notes
    -----
    A KPI meets its target if ``value >= target`` (``at_least``) or ``value <= target``
    (``at_most``). The previous period is found in the order of
    :class:`~grappe.roadmap.periods.Period` when every period is one of its forms (``2023``,
    ``2023-H1``, ``2023-Q1``, ``2023-03``, ``2023-03-31``), else as sorted strings.

    References
    ----------
    .. [1] European Secretariat for Cluster Analysis (ESCA). Cluster Management Excellence
       labels and their benchmarking indicators, https://www.cluster-analysis.org.

    Examples
    --------
    >>> k = pd.DataFrame({"kpi": ["members", "members"], "period": ["2022", "2023"],
    ...                   "value": [40, 52], "target": [None, 50]})
    >>> e = evaluate_kpis(k, period="2023")
    >>> bool(e.table["met"].iloc[0]), float(e.table["change"].iloc[0])
    (True, 12.0)
    """
    df = check_kpis(kpis)
    period = str(period)
    periods = _ordered(df["period"].unique())
    if period not in periods:
        raise NotFoundError(
            Message(
                "No KPI values for period {period!r}; periods: {periods}.",
                period=period,
                periods=periods,
            )
        )
    prev = periods[periods.index(period) - 1] if periods.index(period) > 0 else None
    cur = df[df["period"] == period].set_index("kpi")
    before = df[df["period"] == prev].set_index("kpi")["value"] if prev else pd.Series(dtype=float)
    table = pd.DataFrame(
        {
            "kpi": cur.index,
            "value": cur["value"].to_numpy(),
            "previous": before.reindex(cur.index).to_numpy(dtype=float),
            "target": cur["target"].to_numpy(dtype=float),
            "direction": cur["direction"].to_numpy(),
        }
    )
    table["change"] = table["value"] - table["previous"]
    at_least = table["direction"] == "at_least"
    met = np.where(at_least, table["value"] >= table["target"], table["value"] <= table["target"])
    table["met"] = pd.array(np.where(table["target"].isna(), None, met), dtype="boolean")
    table = table[["kpi", "value", "previous", "change", "target", "direction", "met"]]
    facts = dict(zip(table["kpi"], table["value"].astype(float), strict=True))
    for key, value in (extra or {}).items():
        if key in facts:
            raise InvalidParameterError(
                Message(
                    "The 'extra' parameter of evaluate_kpis must not repeat a KPI. "
                    "Got {key!r} instead.",
                    key=key,
                )
            )
        facts[key] = float(value)
    return Evaluation(period, table.reset_index(drop=True), facts)
