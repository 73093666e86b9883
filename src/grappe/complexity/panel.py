"""Complexity period by period: one :func:`complexity_suite` per year, stacked in long tables.

ECI, PCI and COI are standardised within each period, as the Atlas of Economic Complexity
publishes them: they rank the locations (activities) of a period, and their level is not
comparable from one period to the next — compare ranks, or diversity and fitness, over time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from grappe.complexity.suite import complexity_suite
from grappe.errors import InvalidParameterError

__all__ = ["ComplexityPanel", "complexity_panel"]

_FUNC = "complexity_panel"


@dataclass(frozen=True)
class ComplexityPanel:
    """Results of :func:`complexity_panel`, one row per period × entity.

    Attributes
    ----------
    rows : DataFrame
        ``period``, ``location``, ``diversity``, ``eci``, ``coi``, ``fitness`` (NaN for a
        location without any specialisation in that period).
    cols : DataFrame
        ``period``, ``activity``, ``ubiquity``, ``pci``, ``complexity``.
    excluded : DataFrame
        ``period``, ``entity`` (``"row"`` or ``"col"``), ``id`` and ``reason``: locations
        without specialisation, activities nobody specialises in, and locations dropped for
        partial data (``missing="drop"``).
    eigenvalues : Series
        Second eigenvalue of :math:`M_{cc'}` by period.
    """

    rows: pd.DataFrame
    cols: pd.DataFrame
    excluded: pd.DataFrame
    eigenvalues: pd.Series


def complexity_panel(
    matrices: Mapping[Any, Any],
    *,
    threshold: float = 1.0,
    method: str = "eigenvector",
    standardise: str = "growth-lab",
    missing: str = "raise",
    engine: str = "auto",
    progress: Callable[[Any, int, int], None] | None = None,
) -> ComplexityPanel:
    """Specialisation and complexity of each period of a panel.

    Parameters
    ----------
    matrices : mapping
        Period (e.g. a year) → location × activity matrix (a wide DataFrame, or anything
        :func:`~grappe.complexity.complexity_suite` takes); see
        :func:`~grappe.complexity.pivot_panel` to build it from a long table.
    threshold, method, standardise, missing, engine
        See :func:`~grappe.complexity.complexity_suite`; the same for every period.
    progress : callable, optional
        Called as ``progress(period, done, total)`` after each period.

    Returns
    -------
    ComplexityPanel

    Raises
    ------
    InvalidParameterError
        If ``matrices`` is empty or not a mapping, or a period fails (the message names it).

    Examples
    --------
    >>> X = pd.DataFrame([[5, 3, 2], [4, 1, 0], [3, 0, 0]], index=list("abc"),
    ...                  columns=list("xyz"), dtype=float)
    >>> panel = complexity_panel({2020: X, 2021: X * 2}, threshold=0.9)
    >>> panel.rows.pivot(index="location", columns="period", values="eci").round(3)
    period     2020   2021
    location
    a         1.309  1.309
    b        -0.191 -0.191
    c        -1.118 -1.118

    References
    ----------
    .. [1] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
       MIT Press (yearly rankings, standardised within each year).
    """
    if not isinstance(matrices, Mapping) or not matrices:
        raise InvalidParameterError(
            f"The 'matrices' parameter of {_FUNC} must be a non-empty mapping of period to "
            f"matrix. Got {type(matrices).__name__} of length {len(matrices or ())} instead."
        )
    rows, cols, excluded, eigen = [], [], [], {}
    periods = sorted(matrices)
    for done, period in enumerate(periods, start=1):
        try:
            suite = complexity_suite(
                matrices[period],
                threshold=threshold,
                method=method,
                standardise=standardise,
                missing=missing,
                engine=engine,
            )
        except InvalidParameterError as exc:
            raise InvalidParameterError(f"Period {period!r}: {exc}") from exc
        rows.append(_long(suite.rows, period, "location"))
        cols.append(_long(suite.cols, period, "activity"))
        for entity, items, reason in (
            ("row", suite.excluded_rows, "no specialisation"),
            ("col", suite.excluded_cols, "nobody specialised"),
            ("row", suite.dropped_rows, "dropped (partial data)"),
        ):
            excluded += [(period, entity, item, reason) for item in items]
        eigen[period] = suite.eigenvalue
        if progress is not None:
            progress(period, done, len(periods))
    return ComplexityPanel(
        rows=pd.concat(rows, ignore_index=True),
        cols=pd.concat(cols, ignore_index=True),
        excluded=pd.DataFrame(excluded, columns=["period", "entity", "id", "reason"]),
        eigenvalues=pd.Series(eigen, name="eigenvalue").rename_axis("period"),
    )


def _long(table: pd.DataFrame, period: Any, name: str) -> pd.DataFrame:
    out = table.rename_axis(name).reset_index()
    out.insert(0, "period", period)
    return out
