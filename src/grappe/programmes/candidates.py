"""Statistically identified candidates: the cells of a cluster map that meet a programme's
statistical criteria (Catalonia's micro-clusters, the US Cluster Mapping's strong clusters; no I/O).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.programmes.model import Programme
from grappe.roadmap.labels import OPERATORS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["IDENTITY_COLUMNS", "statistical_candidates"]

#: Columns of a cluster map that name a cell; those present are kept in the candidates.
IDENTITY_COLUMNS: tuple[str, ...] = ("region", "region_name", "cluster", "cluster_name", "year")


def statistical_candidates(
    programme: Programme, table: pd.DataFrame, *, file: str | None = None
) -> pd.DataFrame:
    """The region × cluster (× year) cells of a cluster map meeting every statistical criterion.

    Parameters
    ----------
    programme : Programme
        A programme with ``statistical`` criteria (e.g. ``strong >= 1``, ``lq >= 1.5``).
    table : pandas.DataFrame
        A cluster map's indicators (``ClusterMap.indicators`` or a ``grappe map`` output), one
        row per cell, with a column for each metric the criteria name. Not modified.
    file : str, optional
        The file the table came from, named in errors.

    Returns
    -------
    pandas.DataFrame
        The cells that meet every criterion, in the table's order, with the identity columns
        present (:data:`IDENTITY_COLUMNS`) and one column per metric named; a new index. A
        missing value (NaN) never meets a criterion; booleans count as 1 and 0.

    Raises
    ------
    InvalidParameterError
        When the programme has no statistical criteria.
    DataValidationError
        When a metric the criteria name is not a column of the table, or not numeric.

    References
    ----------
    .. [1] Seed ``004_b121ed3bd797dbd2.txt``, II.1.1: in Catalonia, about a hundred
       micro-clusters were statistically identified from 1992.
    .. [2] Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of related
       industries. *Journal of Economic Geography* 16(1), 1–38 (strong clusters of the US
       Cluster Mapping).

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.programmes.schema import programme_from_dict
    >>> p = programme_from_dict({"key": "k", "names": {"en": "K"}, "statistical": ["lq >= 1.5"]})
    >>> cells = pd.DataFrame({"region": ["A", "B"], "cluster": ["x", "x"], "lq": [1.5, 1.49]})
    >>> statistical_candidates(p, cells)
      region cluster   lq
    0      A       x  1.5
    """
    import numpy as np
    import pandas as pd

    if not programme.statistical:
        raise InvalidParameterError(
            Message(
                "The programme {programme} has no statistical criteria.", programme=programme.key
            )
        )
    metrics = list(dict.fromkeys(c.metric for c in programme.statistical))
    issues = []
    values: dict[str, pd.Series] = {}
    for metric in metrics:
        if metric not in table.columns:
            issues.append(
                ValidationIssue(
                    Message("The map has no column {metric!r}.", metric=metric),
                    file=file,
                    column=metric,
                    fix=Message(
                        "Give the output of 'grappe map' (it has the columns {columns}).",
                        columns="lq, employment, establishments, strong, stars…",
                    ),
                )
            )
            continue
        column = table[metric]
        if column.dtype == bool:
            column = column.astype(float)
        numeric = pd.to_numeric(column, errors="coerce")
        bad = numeric.isna() & column.notna()
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            issues.append(
                ValidationIssue(
                    Message(
                        "The column {metric!r} holds {value!r}, not a number.",
                        metric=metric,
                        value=column.iloc[row],
                    ),
                    file=file,
                    row=row + 2,
                    column=metric,
                    fix=Message("Give numbers (or leave the cell empty)."),
                )
            )
            continue
        values[metric] = numeric.astype(float)
    if issues:
        raise DataValidationError(issues)
    keep = np.ones(len(table), dtype=bool)
    for criterion in programme.statistical:
        series = values[criterion.metric].to_numpy()
        with np.errstate(invalid="ignore"):
            keep &= ~np.isnan(series) & OPERATORS[criterion.op](series, criterion.threshold)
    columns = [c for c in IDENTITY_COLUMNS if c in table.columns]
    out = table.loc[keep, columns].copy()
    for metric in metrics:
        out[metric] = table.loc[keep, metric]  # as given: a boolean 'strong' stays boolean
    return out.reset_index(drop=True)
