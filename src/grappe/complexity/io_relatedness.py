"""Inter-industry relatedness from input–output links and from co-location.

The kernels take matrices (no file reading; :mod:`grappe.io.complexity` reads the BEA tables).

References
----------
.. [1] Delgado, M., Porter, M. E., & Stern, S. (2016). Defining clusters of related industries.
   *Journal of Economic Geography*, 16(1), 1–38.
.. [2] Miller, R. E., & Blair, P. D. (2009). *Input–Output Analysis: Foundations and
   Extensions* (2nd ed.). Cambridge University Press (industry-technology assumption, ch. 5).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from grappe.complexity._matrix import as_matrix
from grappe.complexity.specialisation import rca_values
from grappe.errors import InvalidParameterError

__all__ = [
    "aggregate_flows",
    "colocation",
    "combined_relatedness",
    "group_relatedness",
    "industry_flows",
    "io_relatedness",
]


def _square(frame: Any, name: str, func: str) -> pd.DataFrame:
    if (
        not isinstance(frame, pd.DataFrame)
        or frame.shape[0] != frame.shape[1]
        or not frame.index.equals(frame.columns)
    ):
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must be a square DataFrame with the same labels on "
            "both axes. Got another object instead."
        )
    values = frame.to_numpy(dtype=float)
    if not np.isfinite(values).all():
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must be finite. Got NaN instead."
        )
    return frame


def industry_flows(use: pd.DataFrame, make: pd.DataFrame) -> pd.DataFrame:
    r"""Industry × industry intermediate flows from a Use and a Make table.

    With :math:`U` (commodities × industries, intermediate use) and :math:`V` (industries ×
    commodities, make), the market-share matrix :math:`D = V \hat q^{-1}` (:math:`q` the output
    of each commodity) gives the flows :math:`F = D U`: :math:`F_{ij}` is what industry ``i``
    sells to industry ``j`` (industry-technology assumption, Miller & Blair ch. 5).

    Parameters
    ----------
    use : DataFrame
        Commodities × industries intermediate use (final-demand and value-added rows/columns
        removed).
    make : DataFrame
        Industries × commodities make table (totals removed).

    Returns
    -------
    DataFrame
        Industries (of ``make``) × industries (columns of ``use``).

    Raises
    ------
    InvalidParameterError
        If the commodities of the two tables do not match or values are negative.

    Examples
    --------
    >>> use = pd.DataFrame([[0.0, 5.0], [2.0, 0.0]], index=["c1", "c2"], columns=["i1", "i2"])
    >>> make = pd.DataFrame([[10.0, 0.0], [0.0, 4.0]], index=["i1", "i2"], columns=["c1", "c2"])
    >>> industry_flows(use, make).to_numpy().tolist()
    [[0.0, 5.0], [2.0, 0.0]]

    References
    ----------
    .. [1] Miller, R. E., & Blair, P. D. (2009). *Input–Output Analysis*. Cambridge University
       Press.
    """
    func = "industry_flows"
    commodities = use.index
    if not commodities.isin(make.columns).all():
        missing = list(commodities[~commodities.isin(make.columns)][:5])
        raise InvalidParameterError(
            f"The 'make' parameter of {func} must have a column for every commodity of 'use'. "
            f"Got none for {missing} instead."
        )
    V = make.reindex(columns=commodities).to_numpy(dtype=float)
    U = use.to_numpy(dtype=float)
    if (np.nan_to_num(V) < 0).any() or (np.nan_to_num(U) < 0).any():
        # BEA tables carry a few negative cells (scrap, noncomparable imports); they are
        # not flows between industries, so they count as 0.
        V, U = np.clip(V, 0, None), np.clip(U, 0, None)
    V, U = np.nan_to_num(V), np.nan_to_num(U)
    q = V.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        D = np.where(q[None, :] > 0, V / q[None, :], 0.0)
    return pd.DataFrame(D @ U, index=make.index, columns=use.columns)


def aggregate_flows(flows: pd.DataFrame, weights: pd.DataFrame) -> pd.DataFrame:
    r"""Re-express flows between source codes as flows between target codes, :math:`W^\top F W`.

    Parameters
    ----------
    flows : DataFrame
        Square flows between source codes (e.g. BEA industries).
    weights : DataFrame
        Source codes × target codes (e.g. NAICS); each row says how a source code's flows are
        split among targets (rows summing to 1 keep totals). Source codes absent from
        ``weights`` are dropped.

    Returns
    -------
    DataFrame
        Square flows between target codes.

    Raises
    ------
    InvalidParameterError
        If ``flows`` is not square.

    Examples
    --------
    >>> F = pd.DataFrame([[0.0, 4.0], [2.0, 0.0]], index=["a", "b"], columns=["a", "b"])
    >>> W = pd.DataFrame({"x": [1.0, 1.0]}, index=["a", "b"])
    >>> aggregate_flows(F, W).to_numpy().tolist()
    [[6.0]]

    References
    ----------
    .. [1] Miller, R. E., & Blair, P. D. (2009). *Input–Output Analysis*. Cambridge University
       Press (aggregation, ch. 4).
    """
    F = _square(flows, "flows", "aggregate_flows")
    common = F.index.intersection(weights.index)
    W = weights.loc[common].to_numpy(dtype=float)
    values = F.loc[common, common].to_numpy(dtype=float)
    return pd.DataFrame(W.T @ values @ W, index=weights.columns, columns=weights.columns)


def io_relatedness(flows: pd.DataFrame) -> pd.DataFrame:
    r"""Input–output relatedness of industry pairs (Delgado, Porter & Stern 2016).

    .. math::

        IO_{ij} = \max\left( \frac{F_{ij}}{\sum_k F_{ik}}, \frac{F_{ij}}{\sum_k F_{kj}},
                             \frac{F_{ji}}{\sum_k F_{jk}}, \frac{F_{ji}}{\sum_k F_{ki}} \right)

    the largest of the shares of ``i``'s sales bought by ``j``, of ``j``'s purchases supplied
    by ``i``, and the same in the other direction. Flows of an industry to itself are left
    out of the shares.

    Parameters
    ----------
    flows : DataFrame
        Square industry × industry flows (seller in rows, buyer in columns), see
        :func:`industry_flows`.

    Returns
    -------
    DataFrame
        Symmetric, in [0, 1], diagonal 0.

    Raises
    ------
    InvalidParameterError
        If ``flows`` is not square, finite and non-negative.

    Examples
    --------
    >>> F = pd.DataFrame([[0, 6, 2], [0, 0, 0], [0, 2, 0]], index=list("abc"),
    ...                  columns=list("abc"), dtype=float)
    >>> io_relatedness(F).loc["a"].tolist()
    [0.0, 0.75, 1.0]

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2016). Defining clusters of related
       industries. *Journal of Economic Geography*, 16(1), 1–38.
    """
    func = "io_relatedness"
    F = _square(flows, "flows", func).to_numpy(dtype=float).copy()
    if (F < 0).any():
        raise InvalidParameterError(
            f"The 'flows' parameter of {func} must be non-negative. Got negative flows instead."
        )
    np.fill_diagonal(F, 0.0)
    out_ = F.sum(axis=1)
    in_ = F.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        sales = np.where(out_[:, None] > 0, F / out_[:, None], 0.0)
        purchases = np.where(in_[None, :] > 0, F / in_[None, :], 0.0)
    one_way = np.maximum(sales, purchases)
    rel = np.maximum(one_way, one_way.T)
    np.fill_diagonal(rel, 0.0)
    return pd.DataFrame(rel, index=flows.index, columns=flows.columns)


def colocation(
    X: Any, *, rows: Any = None, cols: Any = None, missing: str = "raise"
) -> pd.DataFrame:
    r"""Co-location relatedness: correlation of location quotients across regions.

    .. math:: LC_{ij} = \operatorname{corr}_r(LQ_{ri}, LQ_{rj})

    the locational correlation of Delgado, Porter & Stern (2016), here on location quotients
    so that region size does not drive it.

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Employment, regions × industries.
    rows, cols, missing
        As in :func:`grappe.complexity.rca`.

    Returns
    -------
    DataFrame
        Industries × industries in [-1, 1], diagonal 0 (NaN-free: an industry with constant
        LQ has correlation 0 with every other).

    Raises
    ------
    InvalidParameterError
        For a bad matrix.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [2.0, 4.0, 6.0], "c": [3.0, 2.0, 1.0]})
    >>> bool(colocation(X).loc["a", "b"] > 0 > colocation(X).loc["a", "c"])
    True

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2016). Defining clusters of related
       industries. *Journal of Economic Geography*, 16(1), 1–38.
    """
    m = as_matrix(X, func="colocation", rows=rows, cols=cols, missing=missing)
    lq = rca_values(m.dense())
    with np.errstate(divide="ignore", invalid="ignore"):
        corr = np.corrcoef(lq, rowvar=False)
    corr = np.nan_to_num(np.atleast_2d(corr))
    corr = (corr + corr.T) / 2.0  # exact symmetry (corrcoef can differ in the last bit)
    np.fill_diagonal(corr, 0.0)
    return pd.DataFrame(corr, index=m.cols, columns=m.cols)


def _offdiag_percentiles(values: np.ndarray) -> np.ndarray:
    n = values.shape[0]
    mask = ~np.eye(n, dtype=bool)
    ranks = pd.Series(values[mask]).rank(pct=True).to_numpy()
    out = np.zeros_like(values)
    out[mask] = ranks
    return out


def combined_relatedness(
    measures: Mapping[str, pd.DataFrame], *, weights: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """Combine relatedness matrices (e.g. input–output and co-location) into one score.

    Each matrix is turned into percentile ranks over its off-diagonal pairs (so that measures
    on different scales are comparable, as Delgado, Porter & Stern 2016 do with their
    percentile scores) and the ranks are averaged with ``weights``.

    Parameters
    ----------
    measures : mapping of str to DataFrame
        Square matrices; only the labels common to all are kept.
    weights : mapping of str to float, optional
        Weight of each measure (default equal weights); they are normalised to sum to 1.

    Returns
    -------
    DataFrame
        Square matrix in (0, 1], diagonal 0.

    Raises
    ------
    InvalidParameterError
        If there is no measure, weights do not match, or no label is common to all.

    Examples
    --------
    >>> a = pd.DataFrame([[0, 1, 2], [1, 0, 3], [2, 3, 0]], index=list("xyz"),
    ...                  columns=list("xyz"), dtype=float)
    >>> combined_relatedness({"io": a, "lc": a}).equals(combined_relatedness({"io": a}))
    True

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2016). Defining clusters of related
       industries. *Journal of Economic Geography*, 16(1), 1–38.
    """
    func = "combined_relatedness"
    if not measures:
        raise InvalidParameterError(
            f"The 'measures' parameter of {func} must name at least one matrix. Got none instead."
        )
    weights = dict(weights) if weights is not None else dict.fromkeys(measures, 1.0)
    if (
        set(weights) != set(measures)
        or any(w < 0 for w in weights.values())
        or sum(weights.values()) <= 0
    ):
        raise InvalidParameterError(
            f"The 'weights' parameter of {func} must give a non-negative weight to each measure "
            f"({sorted(measures)}). Got {weights} instead."
        )
    frames = {k: _square(v, f"measures[{k!r}]", func) for k, v in measures.items()}
    common = None
    for frame in frames.values():
        common = frame.index if common is None else common.intersection(frame.index, sort=False)
    if common is None or len(common) < 2:
        raise InvalidParameterError(
            f"The 'measures' parameter of {func} must share at least 2 labels. Got fewer instead."
        )
    total = sum(weights.values())
    out = np.zeros((len(common), len(common)))
    for key, frame in frames.items():
        out += (
            weights[key]
            / total
            * _offdiag_percentiles(frame.loc[common, common].to_numpy(dtype=float))
        )
    return pd.DataFrame(out, index=common, columns=common)


def group_relatedness(
    relatedness: pd.DataFrame, groups: Mapping[Any, Any] | pd.Series
) -> pd.DataFrame:
    """Relatedness between groups (clusters): mean relatedness over their industry pairs.

    Parameters
    ----------
    relatedness : DataFrame
        Square industry × industry relatedness.
    groups : mapping or Series
        Industry → group (cluster). Industries without a group are ignored.

    Returns
    -------
    DataFrame
        Group × group mean of the relatedness of pairs of distinct industries (NaN for a group
        of one industry with itself).

    Raises
    ------
    InvalidParameterError
        If no industry of ``relatedness`` has a group.

    Examples
    --------
    >>> r = pd.DataFrame([[0, .8, .1], [.8, 0, .3], [.1, .3, 0]], index=list("abc"),
    ...                  columns=list("abc"))
    >>> group_relatedness(r, {"a": "A", "b": "A", "c": "C"}).loc["A", "C"].round(3)
    np.float64(0.2)

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2016). Defining clusters of related
       industries. *Journal of Economic Geography*, 16(1), 1–38.
    """
    func = "group_relatedness"
    R = _square(relatedness, "relatedness", func)
    mapping = pd.Series(dict(groups)) if not isinstance(groups, pd.Series) else groups
    keep = R.index[R.index.isin(mapping.index)]
    if len(keep) == 0:
        raise InvalidParameterError(
            f"The 'groups' parameter of {func} must give a group to some industry of "
            "'relatedness'. Got no overlap instead."
        )
    labels = mapping.reindex(keep).to_numpy()
    codes, uniques = pd.factorize(labels)
    W = np.zeros((len(keep), len(uniques)))
    W[np.arange(len(keep)), codes] = 1.0
    values = R.loc[keep, keep].to_numpy(dtype=float).copy()
    np.fill_diagonal(values, 0.0)
    sums = W.T @ values @ W
    sizes = W.sum(axis=0)
    pairs = np.outer(sizes, sizes) - np.diag(sizes)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(pairs > 0, sums / pairs, np.nan)
    return pd.DataFrame(out, index=uniques, columns=uniques)
