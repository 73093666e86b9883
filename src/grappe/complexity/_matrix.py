"""Input handling shared by the complexity kernels: labelled matrices, dense or sparse.

A *matrix* here is activity by location: rows are regions or countries, columns are industries
or products. Users pass a wide :class:`pandas.DataFrame`, a numpy array or a scipy sparse
matrix (plus optional labels); the kernels work on plain float64 arrays and put the labels
back on the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from grappe._validation import check_option
from grappe.errors import InvalidParameterError
from grappe.i18n import Message

__all__ = ["LabelledMatrix", "as_matrix", "pivot_long", "wrap_like"]

MISSING_POLICIES = ("raise", "drop", "zero")


@dataclass(frozen=True)
class LabelledMatrix:
    """A float64 matrix (dense ``ndarray`` or CSR) with row and column labels.

    Attributes
    ----------
    values : numpy.ndarray or scipy.sparse.csr_array
        The numbers, float64, finite and non-negative.
    rows, cols : pandas.Index
        Labels of the rows (locations) and columns (activities).
    kind : {"frame", "array", "sparse"}
        What the caller passed, so that results can be returned in the same form.
    dropped_rows : tuple
        Rows removed by the ``missing="drop"`` policy (partial locations).
    """

    values: Any
    rows: pd.Index
    cols: pd.Index
    kind: str
    dropped_rows: tuple = ()

    @property
    def is_sparse(self) -> bool:
        """Whether :attr:`values` is a scipy sparse matrix."""
        return sp.issparse(self.values)

    def dense(self) -> np.ndarray:
        """The values as a dense float64 array (a view when already dense)."""
        return self.values.toarray() if self.is_sparse else self.values


def _fail(func: str, name: str, must: str, got: str) -> InvalidParameterError:
    return InvalidParameterError(
        f"The {name!r} parameter of {func} must be {must}. Got {got} instead."
    )


def as_matrix(
    X: Any,
    *,
    func: str,
    name: str = "X",
    rows: Any = None,
    cols: Any = None,
    missing: str = "raise",
    nonnegative: bool = True,
) -> LabelledMatrix:
    """Validate ``X`` once and return it as a :class:`LabelledMatrix`.

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Rows are locations, columns are activities.
    func, name : str
        Names used in error messages.
    rows, cols : sequence, optional
        Labels for array inputs (a DataFrame brings its own).
    missing : {"raise", "drop", "zero"}
        What to do with NaN cells, which typically mean a partial or withheld location:
        ``"raise"`` (default) refuses them; ``"drop"`` removes every row that has one, so
        that incomplete locations do not bias the column totals, and records them in
        ``dropped_rows``; ``"zero"`` reads them as no activity.
    nonnegative : bool
        Refuse negative values (activity counts cannot be negative).

    Returns
    -------
    LabelledMatrix
        The values (dense float64 or sparse), their row and column labels, and the rows
        dropped under ``missing="drop"``.

    Raises
    ------
    InvalidParameterError
        If ``X`` is not 2-D numeric, has infinite or (with ``missing="raise"``) NaN values,
        negative values, or labels of the wrong length.
    """
    check_option(missing, "missing", MISSING_POLICIES, func=func)
    kind = "array"
    if isinstance(X, pd.DataFrame):
        kind = "frame"
        row_index, col_index = X.index, X.columns
        try:
            values: Any = X.to_numpy(dtype=float, na_value=np.nan)
        except (TypeError, ValueError) as exc:
            raise _fail(func, name, "a numeric DataFrame", "non-numeric columns") from exc
    elif sp.issparse(X):
        kind = "sparse"
        if X.ndim != 2:
            raise _fail(func, name, "a 2-D matrix", f"shape {X.shape}")
        values = sp.csr_array(X, dtype=float)
        values.sum_duplicates()
        row_index = col_index = None
    else:
        try:
            values = np.asarray(X, dtype=float)
        except (TypeError, ValueError) as exc:
            raise _fail(func, name, "a 2-D numeric array", type(X).__name__) from exc
        if values.ndim != 2:
            raise _fail(func, name, "a 2-D numeric array", f"an array of shape {values.shape}")
        row_index = col_index = None
    n_rows, n_cols = values.shape
    if n_rows == 0 or n_cols == 0:
        raise _fail(func, name, "a non-empty matrix", f"shape {values.shape}")
    if row_index is None:
        row_index = _labels(rows, n_rows, "rows", func)
        col_index = _labels(cols, n_cols, "cols", func)
    data = values.data if sp.issparse(values) else values
    if np.isinf(data).any():
        raise _fail(func, name, "free of infinite values", "infinite entries")
    if nonnegative and (data < 0).any():
        r, c = _first(values, lambda a: a < 0)
        raise _fail(
            func,
            name,
            "non-negative",
            f"a negative value at row {row_index[r]!r}, column {col_index[c]!r}",
        )
    dropped: tuple = ()
    nan_mask = np.isnan(data)
    if nan_mask.any():
        if missing == "raise":
            r, c = _first(values, np.isnan)
            raise InvalidParameterError(
                Message(
                    "The {name!r} parameter of {func} must be free of NaN values. Got a NaN at "
                    "row {row!r}, column {column!r} instead. A NaN usually marks a partial or "
                    "withheld location: pass missing='drop' to leave such locations out of every "
                    "denominator, or missing='zero' to read them as no activity.",
                    name=name,
                    func=func,
                    row=row_index[r],
                    column=col_index[c],
                )
            )
        if missing == "zero":
            if sp.issparse(values):
                values = values.copy()
                values.data[np.isnan(values.data)] = 0.0
                values.eliminate_zeros()
            else:
                values = np.where(np.isnan(values), 0.0, values)
        else:
            bad = _rows_with_nan(values)
            dropped = tuple(row_index[bad])
            keep = ~bad
            if not keep.any():
                raise _fail(
                    func, name, "a matrix with at least one complete row", "NaN in every row"
                )
            values = values[keep] if not sp.issparse(values) else values[np.flatnonzero(keep)]
            row_index = row_index[keep]
    return LabelledMatrix(values, pd.Index(row_index), pd.Index(col_index), kind, dropped)


def _labels(labels: Any, n: int, what: str, func: str) -> pd.Index:
    if labels is None:
        return pd.RangeIndex(n)
    index = pd.Index(labels)
    if len(index) != n:
        raise _fail(func, what, f"a sequence of {n} labels", f"{len(index)} labels")
    return index


def _first(values: Any, test: Any) -> tuple[int, int]:
    if sp.issparse(values):
        coo = values.tocoo()
        k = int(np.flatnonzero(test(coo.data))[0])
        return int(coo.row[k]), int(coo.col[k])
    r, c = np.argwhere(test(values))[0]
    return int(r), int(c)


def _rows_with_nan(values: Any) -> np.ndarray:
    if sp.issparse(values):
        coo = values.tocoo()
        bad = np.zeros(values.shape[0], dtype=bool)
        bad[coo.row[np.isnan(coo.data)]] = True
        return bad
    return np.isnan(values).any(axis=1)


def wrap_like(
    values: Any, m: LabelledMatrix, *, rows: pd.Index | None = None, cols: pd.Index | None = None
) -> Any:
    """Return ``values`` in the form the caller passed (DataFrame, array or sparse)."""
    rows = m.rows if rows is None else rows
    cols = m.cols if cols is None else cols
    if m.kind == "frame":
        dense = values.toarray() if sp.issparse(values) else values
        return pd.DataFrame(dense, index=rows, columns=cols)
    return values


def pivot_long(
    frame: pd.DataFrame,
    *,
    rows: str,
    cols: str,
    values: str,
    fill: float | None = 0.0,
) -> pd.DataFrame:
    """Pivot a long table (one row per location × activity) into a wide matrix.

    Parameters
    ----------
    frame : DataFrame
        Long table.
    rows, cols, values : str
        Column names of the location, the activity and the value. Duplicate pairs are summed.
    fill : float or None
        Value of absent pairs (``0.0``: no activity). ``None`` keeps them as NaN, so that a
        later ``missing=`` policy sees them.

    Returns
    -------
    DataFrame
        Locations as index, activities as columns, both sorted.

    Raises
    ------
    InvalidParameterError
        If ``frame`` is not a DataFrame or lacks one of the named columns.

    Examples
    --------
    >>> long = pd.DataFrame({"r": ["a", "a", "b"], "i": ["x", "y", "x"], "v": [1.0, 2.0, 3.0]})
    >>> pivot_long(long, rows="r", cols="i", values="v").to_numpy().tolist()
    [[1.0, 2.0], [3.0, 0.0]]
    """
    func = "pivot_long"
    if not isinstance(frame, pd.DataFrame):
        raise _fail(func, "frame", "a pandas DataFrame", type(frame).__name__)
    for label, col in (("rows", rows), ("cols", cols), ("values", values)):
        if col not in frame.columns:
            raise _fail(
                func, label, f"one of the columns {list(map(str, frame.columns))}", repr(col)
            )
    vals = pd.to_numeric(frame[values], errors="coerce")
    data = pd.DataFrame({"r": frame[rows].astype(str), "c": frame[cols].astype(str), "v": vals})
    summed = data.groupby(["r", "c"], sort=True)["v"].sum(min_count=1)
    wide = summed.unstack("c")
    # absent pairs get ``fill``; explicit NaN cells (withheld values) stay NaN
    if fill is not None:
        listed = pd.Series(True, index=summed.index).unstack("c").notna()
        wide = wide.where(listed, fill)
    wide.index.name = rows
    wide.columns.name = cols
    return wide.astype(float)


def pivot_panel(
    frame: pd.DataFrame,
    *,
    rows: str,
    cols: str,
    values: str,
    time: str,
    fill: float | None = 0.0,
) -> dict[Any, pd.DataFrame]:
    """Pivot a long table with a period column into one wide matrix per period.

    Parameters
    ----------
    frame : DataFrame
        Long table: one row per period × location × activity.
    rows, cols, values, fill
        See :func:`pivot_long`.
    time : str
        Column of the period (e.g. the year); every row must have one.

    Returns
    -------
    dict
        Period → locations × activities (each period keeps the locations and activities it
        lists), in increasing order of period; the input of
        :func:`~grappe.complexity.complexity_panel`.

    Raises
    ------
    InvalidParameterError
        If a column is absent or a period is missing.

    References
    ----------
    .. [1] Wickham, H. (2014). Tidy data. *Journal of Statistical Software*, 59(10), 1–23
       (long and wide forms of the same table).

    Examples
    --------
    >>> long = pd.DataFrame({"y": [2020, 2020, 2021], "r": ["a", "b", "a"],
    ...                      "i": ["x", "x", "y"], "v": [1.0, 2.0, 3.0]})
    >>> {y: m.shape for y, m in pivot_panel(long, rows="r", cols="i", values="v",
    ...                                     time="y").items()}
    {2020: (2, 1), 2021: (1, 1)}
    """
    func = "pivot_panel"
    if not isinstance(frame, pd.DataFrame):
        raise _fail(func, "frame", "a pandas DataFrame", type(frame).__name__)
    if time not in frame.columns:
        raise _fail(func, "time", f"one of the columns {list(map(str, frame.columns))}", repr(time))
    periods = frame[time]
    if periods.isna().any():
        at = int(np.flatnonzero(periods.isna().to_numpy())[0])
        must = f"a period in every row of column {time!r}"
        raise _fail(func, "frame", must, f"none at position {at}")
    return {
        period: pivot_long(part, rows=rows, cols=cols, values=values, fill=fill)
        for period, part in frame.groupby(time, sort=True)
    }
