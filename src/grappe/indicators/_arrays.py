"""Shared input handling of the indicator kernels (private).

Every kernel takes arrays with **regions on axis 0 and clusters on axis 1**, optionally followed
by more axes (years). A pandas DataFrame (regions × clusters) is accepted too; the result is
then a DataFrame with the same index and columns. Inputs are never modified.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np

from grappe.errors import InvalidParameterError

__all__ = ["as_float_array", "check_groups", "check_same_shape", "like", "region_axis_like"]


def as_float_array(
    value: Any, name: str, *, func: str, min_ndim: int = 2, nonnegative: bool = True
) -> np.ndarray:
    """Return ``value`` as a float array (a new one only if a conversion is needed)."""
    pd = _pandas()
    if pd is not None and isinstance(value, pd.DataFrame | pd.Series):
        value = value.to_numpy(dtype=float, na_value=np.nan)
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must be a numeric array. "
            f"Got {type(value).__name__} instead."
        ) from exc
    if arr.ndim < min_ndim:
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must be an array with at least {min_ndim} "
            f"dimensions (regions × clusters[ × years]). Got shape {arr.shape} instead."
        )
    if np.isinf(arr).any():
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must be free of infinite values. "
            "Got infinite entries instead."
        )
    if nonnegative and (arr < 0).any():
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must be non-negative. "
            f"Got a minimum of {np.nanmin(arr)!r} instead."
        )
    return arr


def check_same_shape(arr: np.ndarray, ref: np.ndarray, name: str, *, func: str) -> None:
    """Raise unless ``arr`` has the shape of ``ref``."""
    if arr.shape != ref.shape:
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must have the shape of the first argument "
            f"{ref.shape}. Got shape {arr.shape} instead."
        )


def check_groups(groups: Any, n_regions: int, *, func: str) -> np.ndarray | None:
    """Return region groups as a 1-D array of length ``n_regions`` (or None)."""
    if groups is None:
        return None
    pd = _pandas()
    is_series = pd is not None and isinstance(groups, pd.Series)
    out = np.asarray(groups.to_numpy() if is_series else groups)
    if out.ndim != 1 or len(out) != n_regions:
        raise InvalidParameterError(
            f"The 'groups' parameter of {func} must be a 1-D sequence with one entry per "
            f"region ({n_regions}). Got shape {out.shape} instead."
        )
    return out


def like(result: np.ndarray, template: Any) -> Any:
    """Wrap ``result`` in the labels of ``template`` when it is a DataFrame."""
    pd = _pandas()
    if pd is not None and isinstance(template, pd.DataFrame):
        return pd.DataFrame(result, index=template.index, columns=template.columns)
    return result


def region_axis_like(result: np.ndarray, template: Any) -> Any:
    """Wrap a per-region result (the cluster axis reduced) in the labels of ``template``."""
    pd = _pandas()
    if pd is not None and isinstance(template, pd.DataFrame):
        return pd.Series(result, index=template.index)
    return result


def _pandas() -> Any:
    """pandas if a caller imported it, else None: without pandas imported, no value is a
    pandas object, and the kernels need not import it to tell."""
    return sys.modules.get("pandas")
