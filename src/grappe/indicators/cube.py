"""Aggregation of long rows into a dense region × cluster × year array."""

from __future__ import annotations

from typing import Any

import numpy as np

from grappe.errors import InvalidParameterError

__all__ = ["aggregate_cube"]


def aggregate_cube(
    region: Any, cluster: Any, year: Any, values: Any, *, shape: tuple[int, int, int]
) -> np.ndarray:
    """Sum row values into a dense (n_regions, n_clusters, n_years) array.

    .. math:: X_{rct} = \\sum_{i : (r_i, c_i, t_i) = (r, c, t)} x_i

    Rows are given by integer positions (e.g. categorical codes); the flat position
    :math:`(r \\cdot n_c + c) \\cdot n_t + t` of each row is summed with one
    :func:`numpy.bincount`, so the cost is one pass over the rows whatever the number of
    cells. Rows with a negative position (an industry no cluster covers) are skipped.

    Parameters
    ----------
    region, cluster, year : array-like of int, length n_rows
        Position of each row on each axis, in ``[0, shape[axis])``; ``-1`` drops the row.
    values : array-like of float, length n_rows
        Values to sum (employment, establishments, payroll…); NaN propagates to its cell.
    shape : tuple of int
        ``(n_regions, n_clusters, n_years)``.

    Returns
    -------
    ndarray of float, shape ``shape``
        Cell sums; cells with no row are 0.

    Raises
    ------
    InvalidParameterError
        If the inputs have different lengths or a position is out of range.

    Examples
    --------
    >>> aggregate_cube([0, 0, 1], [1, 1, 0], [0, 0, 0], [5.0, 2.0, 3.0], shape=(2, 2, 1))[..., 0]
    array([[0., 7.],
           [3., 0.]])

    References
    ----------
    .. [1] NumPy, ``numpy.bincount`` (weighted counts of non-negative integers).
    """
    func = "aggregate_cube"
    if len(shape) != 3 or any(int(n) < 0 for n in shape):
        raise InvalidParameterError(
            f"The 'shape' parameter of {func} must be three non-negative sizes. "
            f"Got {shape!r} instead."
        )
    axes = [np.asarray(a) for a in (region, cluster, year)]
    vals = np.asarray(values, dtype=float)
    for name, arr in zip(("region", "cluster", "year"), axes, strict=True):
        if arr.shape != vals.shape or arr.ndim != 1:
            raise InvalidParameterError(
                f"The {name!r} parameter of {func} must be a 1-D array of the length of "
                f"'values' ({vals.shape}). Got shape {arr.shape} instead."
            )
    for name, arr, n in zip(("region", "cluster", "year"), axes, shape, strict=True):
        if arr.size and int(arr.max()) >= n:
            raise InvalidParameterError(
                f"The {name!r} parameter of {func} must hold positions below {n}. "
                f"Got {int(arr.max())} instead."
            )
    return _aggregate(*axes, vals, shape=tuple(int(n) for n in shape))


def _aggregate(
    region: np.ndarray,
    cluster: np.ndarray,
    year: np.ndarray,
    values: np.ndarray,
    *,
    shape: tuple[int, ...],
) -> np.ndarray:
    """Kernel of :func:`aggregate_cube` (inputs already checked)."""
    n_r, n_c, n_t = shape
    keep = (region >= 0) & (cluster >= 0) & (year >= 0)
    if not keep.all():
        region, cluster, year, values = region[keep], cluster[keep], year[keep], values[keep]
    flat = (region.astype(np.int64) * n_c + cluster) * n_t + year
    out = np.bincount(flat, weights=values, minlength=n_r * n_c * n_t)
    return out.reshape(shape)
