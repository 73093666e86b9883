"""Entropy and its decomposition, Ellison–Glaeser agglomeration and co-agglomeration,
shift-share decomposition of employment growth.

References
----------
.. [1] Theil, H. (1972). *Statistical Decomposition Analysis*. North-Holland.
.. [2] Frenken, K., Van Oort, F., & Verburg, T. (2007). Related variety, unrelated variety and
   regional economic growth. *Regional Studies*, 41(5), 685–697.
.. [3] Ellison, G., & Glaeser, E. L. (1997). Geographic concentration in U.S. manufacturing
   industries: a dartboard approach. *Journal of Political Economy*, 105(5), 889–927.
.. [4] Ellison, G., Glaeser, E. L., & Kerr, W. R. (2010). What causes industry agglomeration?
   *American Economic Review*, 100(3), 1195–1213.
.. [5] Dunn, E. S. (1960). A statistical and analytical technique for regional analysis.
   *Papers of the Regional Science Association*, 6, 97–112.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_number
from grappe.complexity._matrix import as_matrix
from grappe.concentration.indices import _dense, _shares
from grappe.errors import InvalidParameterError

__all__ = [
    "coagglomeration",
    "ellison_glaeser",
    "entropy_decomposition",
    "plant_herfindahl",
    "shift_share",
]


def _plogp(p: np.ndarray, base: float) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(p > 0, -p * np.log(p) / np.log(base), 0.0)


def entropy_decomposition(
    X: Any,
    groups: Mapping[Any, Any] | pd.Series | Callable[[Any], Any] | int,
    *,
    base: float = 2.0,
    rows: Any = None,
    cols: Any = None,
    missing: str = "raise",
) -> pd.DataFrame:
    r"""Entropy of each region's industry mix, split into between- and within-group parts.

    .. math::

        H = \sum_i p_i \log \frac{1}{p_i}
          = \underbrace{\sum_g P_g \log \frac{1}{P_g}}_{\text{between (unrelated variety)}}
          + \underbrace{\sum_g P_g \sum_{i \in g} \frac{p_i}{P_g} \log \frac{P_g}{p_i}}
            _{\text{within (related variety)}}

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Employment, regions × industries.
    groups : mapping, Series, callable or int
        Group of each industry: a mapping or Series from industry label to group, a function
        of the label, or an int ``n`` meaning "the first ``n`` characters of the code" (e.g. 2
        for NAICS sectors of 6-digit codes).
    base : float, default 2
        Logarithm base (2 gives bits, as in Frenken et al. 2007).
    rows, cols, missing
        As in :func:`grappe.concentration.hoover`.

    Returns
    -------
    DataFrame
        One row per region: ``entropy``, ``between`` (unrelated variety), ``within`` (related
        variety), ``theil`` (:math:`\log n - H`, with ``n`` industries), ``max_entropy``. The
        identity ``entropy == between + within`` holds to rounding.

    Raises
    ------
    InvalidParameterError
        If an industry has no group or ``base`` is not > 1.

    Examples
    --------
    >>> X = pd.DataFrame([[1.0, 1.0, 2.0]], columns=["311", "312", "421"])
    >>> entropy_decomposition(X, 1).loc[0, ["entropy", "between", "within"]].tolist()
    [1.5, 1.0, 0.5]

    References
    ----------
    .. [1] Theil, H. (1972). *Statistical Decomposition Analysis*. North-Holland.
    .. [2] Frenken, K., Van Oort, F., & Verburg, T. (2007). Related variety, unrelated variety
       and regional economic growth. *Regional Studies*, 41(5), 685–697.
    """
    func = "entropy_decomposition"
    check_number(base, "base", func=func, low=1.0, closed="neither")
    values, m = _dense(X, func, rows, cols, missing)
    labels = _group_labels(groups, m.cols, func)
    p = _shares(values, axis=1)
    p = np.nan_to_num(p)
    codes, uniques = pd.factorize(labels)
    P = np.zeros((values.shape[0], len(uniques)))
    np.add.at(P.T, codes, p.T)
    total = _plogp(p, base).sum(axis=1)
    between = _plogp(P, base).sum(axis=1)
    within = total - between
    n = values.shape[1]
    return pd.DataFrame(
        {
            "entropy": total,
            "between": between,
            "within": within,
            "theil": np.log(n) / np.log(base) - total,
            "max_entropy": np.log(n) / np.log(base),
        },
        index=m.rows,
    )


def _group_labels(groups: Any, cols: pd.Index, func: str) -> np.ndarray:
    if isinstance(groups, bool):
        raise InvalidParameterError(
            f"The 'groups' parameter of {func} must be a mapping, Series, callable or int. "
            "Got a bool instead."
        )
    if isinstance(groups, int):
        check_number(groups, "groups", func=func, low=1, integer=True)
        return np.array([str(c)[:groups] for c in cols], dtype=object)
    if callable(groups) and not isinstance(groups, pd.Series | Mapping):
        return np.array([groups(c) for c in cols], dtype=object)
    if isinstance(groups, pd.Series | Mapping):
        mapping = dict(groups)
        missing = [c for c in cols if c not in mapping]
        if missing:
            raise InvalidParameterError(
                f"The 'groups' parameter of {func} must give a group for every industry. "
                f"Got none for {missing[:5]} instead."
            )
        return np.array([mapping[c] for c in cols], dtype=object)
    raise InvalidParameterError(
        f"The 'groups' parameter of {func} must be a mapping, Series, callable or int. "
        f"Got {type(groups).__name__} instead."
    )


def plant_herfindahl(
    plants: pd.DataFrame, *, industry: str = "industry", size: str = "employment"
) -> pd.Series:
    r"""Plant-size Herfindahl index of each industry, :math:`H_k = \sum_j z_j^2`.

    Parameters
    ----------
    plants : DataFrame
        One row per establishment, with its industry and size.
    industry, size : str
        Column names.

    Returns
    -------
    Series
        :math:`H_k` by industry, named ``"plant_herfindahl"``.

    Raises
    ------
    InvalidParameterError
        If a column is missing or a size is negative or missing.

    Examples
    --------
    >>> plants = pd.DataFrame({"industry": ["a", "a", "b"], "employment": [1.0, 3.0, 5.0]})
    >>> plant_herfindahl(plants).to_dict()
    {'a': 0.625, 'b': 1.0}

    References
    ----------
    .. [1] Ellison, G., & Glaeser, E. L. (1997). Geographic concentration in U.S. manufacturing
       industries: a dartboard approach. *Journal of Political Economy*, 105(5), 889–927.
    """
    func = "plant_herfindahl"
    if not isinstance(plants, pd.DataFrame) or industry not in plants or size not in plants:
        raise InvalidParameterError(
            f"The 'plants' parameter of {func} must be a DataFrame with columns {industry!r} and "
            f"{size!r}. Got another object instead."
        )
    sizes = pd.to_numeric(plants[size], errors="coerce")
    if sizes.isna().any() or (sizes < 0).any():
        raise InvalidParameterError(
            f"The 'plants' parameter of {func} must have non-negative sizes in column {size!r}. "
            "Got missing or negative sizes instead."
        )
    frame = pd.DataFrame({"k": plants[industry].to_numpy(), "z": sizes.to_numpy()})
    totals = frame.groupby("k")["z"].transform("sum")
    frame["z2"] = np.where(totals > 0, (frame["z"] / totals) ** 2, np.nan)
    out = frame.groupby("k")["z2"].sum(min_count=1)
    out.index.name = None
    return out.rename("plant_herfindahl")


def ellison_glaeser(
    X: Any,
    plant_herfindahl: pd.Series | Mapping[Any, float] | Any,
    *,
    reference: Any = None,
    rows: Any = None,
    cols: Any = None,
    missing: str = "raise",
) -> pd.DataFrame:
    r"""Ellison–Glaeser agglomeration index :math:`\gamma` of each industry.

    .. math::

        G_k = \sum_r (s_{rk} - x_r)^2, \qquad
        \gamma_k = \frac{G_k - (1 - \sum_r x_r^2) H_k}{(1 - \sum_r x_r^2)(1 - H_k)}

    with :math:`s_{rk}` the region's share of industry ``k``, :math:`x_r` its share of total
    employment and :math:`H_k` the plant-size Herfindahl. :math:`E[\gamma] = 0` when plants
    locate at random ("dartboard"); Ellison & Glaeser read :math:`\gamma > 0.05` as highly
    and :math:`\gamma < 0.02` as not very localised.

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Employment, regions × industries.
    plant_herfindahl : Series, mapping or array-like
        :math:`H_k` by industry (see :func:`plant_herfindahl`). When only the number of
        establishments :math:`N_k` is known, ``1 / N_k`` is the equal-size lower bound, which
        overstates :math:`\gamma`: say so when you use it.
    reference : array-like or Series, optional
        Total employment by region for :math:`x_r` (default: the row sums of ``X``, i.e. the
        industries given).
    rows, cols, missing
        As in :func:`grappe.concentration.hoover`.

    Returns
    -------
    DataFrame
        One row per industry: ``G``, ``H``, ``gamma``.

    Raises
    ------
    InvalidParameterError
        If ``H`` is missing for an industry or equals 1 (a single plant: γ undefined).

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10.0, 0.0], "b": [5.0, 5.0]}, index=["r1", "r2"])
    >>> ellison_glaeser(X, {"a": 0.5, "b": 0.5}, reference=[50.0, 50.0]).to_dict("list")
    {'G': [0.5, 0.0], 'H': [0.5, 0.5], 'gamma': [1.0, -1.0]}

    References
    ----------
    .. [1] Ellison, G., & Glaeser, E. L. (1997). Geographic concentration in U.S.
       manufacturing industries: a dartboard approach. *Journal of Political Economy*,
       105(5), 889–927.
    """
    func = "ellison_glaeser"
    values, m = _dense(X, func, rows, cols, missing)
    x = _reference_shares(values, reference, m.rows, func)
    H = _per_industry(plant_herfindahl, m.cols, "plant_herfindahl", func)
    if ((H < 0) | (H >= 1)).any():
        raise InvalidParameterError(
            f"The 'plant_herfindahl' parameter of {func} must be in [0, 1) for every industry. "
            "Got a value outside it (H = 1 means one plant; gamma is undefined) instead."
        )
    s = _shares(values, axis=0)
    G = ((s - x[:, None]) ** 2).sum(axis=0)
    sx = 1.0 - (x**2).sum()
    gamma = (G - sx * H) / (sx * (1.0 - H))
    return pd.DataFrame({"G": G, "H": H, "gamma": gamma}, index=m.cols)


def _reference_shares(values: np.ndarray, reference: Any, index: pd.Index, func: str) -> np.ndarray:
    if reference is None:
        ref = values.sum(axis=1)
    elif isinstance(reference, pd.Series):
        if index.difference(reference.index).size:
            raise InvalidParameterError(
                f"The 'reference' parameter of {func} must give a value for every region. "
                "Got missing regions instead."
            )
        ref = reference.reindex(index).to_numpy(dtype=float)
    else:
        ref = np.asarray(reference, dtype=float).ravel()
    if (
        ref.shape[0] != values.shape[0]
        or not np.isfinite(ref).all()
        or (ref < 0).any()
        or ref.sum() <= 0
    ):
        raise InvalidParameterError(
            f"The 'reference' parameter of {func} must hold one non-negative value per region "
            f"({values.shape[0]}). Got another array instead."
        )
    return ref / ref.sum()


def _per_industry(values: Any, index: pd.Index, name: str, func: str) -> np.ndarray:
    if isinstance(values, pd.Series | Mapping):
        series = pd.Series(dict(values)) if isinstance(values, Mapping) else values
        missing = index.difference(series.index)
        if missing.size:
            raise InvalidParameterError(
                f"The {name!r} parameter of {func} must give a value for every industry. "
                f"Got none for {list(missing[:5])} instead."
            )
        arr = series.reindex(index).to_numpy(dtype=float)
    else:
        arr = np.asarray(values, dtype=float).ravel()
        if arr.shape[0] != len(index):
            raise InvalidParameterError(
                f"The {name!r} parameter of {func} must have one value per industry "
                f"({len(index)}). Got {arr.shape[0]} values instead."
            )
    if not np.isfinite(arr).all():
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must be finite. Got NaN instead."
        )
    return arr


def coagglomeration(
    X: Any,
    *,
    reference: Any = None,
    rows: Any = None,
    cols: Any = None,
    missing: str = "raise",
) -> pd.DataFrame:
    r"""Ellison–Glaeser–Kerr co-agglomeration index of every pair of industries.

    .. math:: \gamma^c_{ij} = \frac{\sum_r (s_{ri} - x_r)(s_{rj} - x_r)}{1 - \sum_r x_r^2}

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Employment, regions × industries.
    reference : array-like or Series, optional
        Total employment by region for :math:`x_r` (default: row sums of ``X``).
    rows, cols, missing
        As in :func:`grappe.concentration.hoover`.

    Returns
    -------
    DataFrame
        Symmetric industries × industries matrix (the diagonal is the raw
        :math:`G_k / (1 - \sum x_r^2)`, not an index of its own).

    Raises
    ------
    InvalidParameterError
        For a bad matrix or reference.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [10.0, 0.0], "b": [10.0, 0.0], "c": [0.0, 10.0]})
    >>> coagglomeration(X, reference=[1.0, 1.0]).loc["a"].tolist()
    [1.0, 1.0, -1.0]

    References
    ----------
    .. [1] Ellison, G., Glaeser, E. L., & Kerr, W. R. (2010). What causes industry
       agglomeration? Evidence from coagglomeration patterns. *American Economic Review*,
       100(3), 1195–1213.
    """
    func = "coagglomeration"
    values, m = _dense(X, func, rows, cols, missing)
    x = _reference_shares(values, reference, m.rows, func)
    d = np.nan_to_num(_shares(values, axis=0)) - x[:, None]
    gc = (d.T @ d) / (1.0 - (x**2).sum())
    return pd.DataFrame(gc, index=m.cols, columns=m.cols)


def shift_share(
    start: Any,
    end: Any,
    *,
    rows: Any = None,
    cols: Any = None,
    missing: str = "raise",
) -> pd.DataFrame:
    r"""Shift-share decomposition of employment change (Dunn 1960).

    .. math::

        E^1_{rk} - E^0_{rk} = \underbrace{E^0_{rk}\, g}_{\text{national}}
          + \underbrace{E^0_{rk} (g_k - g)}_{\text{industry mix}}
          + \underbrace{E^0_{rk} (g_{rk} - g_k)}_{\text{regional (competitive)}}

    with :math:`g` the national growth rate of total employment and :math:`g_k` that of
    industry ``k``. The regional component is computed as the remainder, so the identity
    holds exactly, including for cells that start at 0 (whose whole change is regional).

    Parameters
    ----------
    start, end : DataFrame, array-like or scipy sparse matrix
        Employment, regions × industries, at the start and end years, with the same labels.
    rows, cols, missing
        As in :func:`grappe.concentration.hoover` (a region dropped by ``missing="drop"`` in
        either year is dropped in both).

    Returns
    -------
    DataFrame
        Tidy, one row per region × industry: ``region``, ``industry``, ``employment_start``,
        ``employment_end``, ``change``, ``national``, ``industry_mix``, ``regional``.

    Raises
    ------
    InvalidParameterError
        If the two matrices do not have the same regions and industries, or the start year
        has no employment.

    Examples
    --------
    >>> e0 = pd.DataFrame({"a": [10.0, 10.0], "b": [10.0, 10.0]}, index=["r1", "r2"])
    >>> e1 = pd.DataFrame({"a": [20.0, 10.0], "b": [10.0, 10.0]}, index=["r1", "r2"])
    >>> ss = shift_share(e0, e1)
    >>> ss.loc[0, ["national", "industry_mix", "regional"]].tolist()
    [2.5, 2.5, 5.0]

    References
    ----------
    .. [1] Dunn, E. S. (1960). A statistical and analytical technique for regional analysis.
       *Papers of the Regional Science Association*, 6, 97–112.
    """
    func = "shift_share"
    m0 = as_matrix(start, func=func, name="start", rows=rows, cols=cols, missing=missing)
    m1 = as_matrix(end, func=func, name="end", rows=rows, cols=cols, missing=missing)
    all0 = set(m0.rows) | set(m0.dropped_rows)
    all1 = set(m1.rows) | set(m1.dropped_rows)
    if not m0.cols.equals(m1.cols) or all0 != all1:
        raise InvalidParameterError(
            f"The 'end' parameter of {func} must have the same regions and industries as "
            "'start'. Got different labels instead."
        )
    common_rows = m0.rows.intersection(m1.rows, sort=False)
    e0 = pd.DataFrame(m0.dense(), index=m0.rows, columns=m0.cols).loc[common_rows]
    e1 = pd.DataFrame(m1.dense(), index=m1.rows, columns=m1.cols).loc[common_rows]
    v0, v1 = e0.to_numpy(), e1.to_numpy()
    if v0.sum() <= 0:
        raise InvalidParameterError(
            f"The 'start' parameter of {func} must have some positive employment. "
            "Got only zeros instead."
        )
    # written with shares (<= 1) rather than growth rates, which overflow for tiny starts
    col0, col1 = v0.sum(axis=0), v1.sum(axis=0)
    national = v0 / v0.sum() * v1.sum() - v0  # = e0 * g
    with np.errstate(divide="ignore", invalid="ignore"):
        share_k = np.where(col0[None, :] > 0, v0 / col0[None, :], 0.0)
    mix = share_k * col1[None, :] - v0 - national  # = e0 * (g_k - g)
    change = v1 - v0
    regional = change - national - mix
    n_r, n_k = v0.shape
    return pd.DataFrame(
        {
            "region": np.repeat(np.asarray(common_rows, dtype=object), n_k),
            "industry": np.tile(np.asarray(m0.cols, dtype=object), n_r),
            "employment_start": v0.ravel(),
            "employment_end": v1.ravel(),
            "change": change.ravel(),
            "national": national.ravel(),
            "industry_mix": mix.ravel(),
            "regional": regional.ravel(),
        }
    )
