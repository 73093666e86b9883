"""Impute withheld employment cells from the adding-up constraints of the code hierarchy.

Statistical offices withhold ("suppress") the employment of cells that would disclose a firm,
but they publish the totals of the codes above them. Within one region and year, the
employment of a parent code minus that of its published children is what its withheld
children hold together; :func:`impute_from_hierarchy` shares that residual among them in
proportion to their establishment counts, top-down, so that a withheld parent is imputed
before its own withheld children. Pure numeric kernel: no file access (the reader
:func:`grappe.io.read_regional_table` applies it under ``withheld="impute_residual"``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from grappe._groups import TABLE_SLOTS, group_blocks, in_group_order
from grappe._validation import check_option
from grappe.codes import CLASSIFICATIONS, ancestors, classification_family
from grappe.errors import InvalidParameterError

if TYPE_CHECKING:  # pandas is imported when a result is built (the reader's path needs none)
    import pandas as pd

__all__ = [
    "IMPUTATION_STATUSES",
    "HierarchyImputation",
    "hierarchy_arrays",
    "impute_from_hierarchy",
]

#: How the employment of each cell was obtained, in the order of the status codes.
IMPUTATION_STATUSES: tuple[str, ...] = ("known", "imputed", "unresolved")

_FUNC = "impute_from_hierarchy"
_KNOWN, _IMPUTED, _UNRESOLVED = 0, 1, 2
# Parents are found in a dense (group, parent code) table of at most this many slots, filled
# for a block of groups at a time (see grappe._groups).
_CHUNK_SLOTS = TABLE_SLOTS


@dataclass(frozen=True)
class HierarchyImputation:
    """Result of :func:`impute_from_hierarchy`, one entry per input cell, in input order.

    Attributes
    ----------
    employment : numpy.ndarray
        float64, read-only: the input employment of the known cells, the imputed employment of
        the withheld cells that could be resolved, 0 for the unresolved ones.
    status : pandas.Categorical
        ``"known"`` (published), ``"imputed"`` (withheld, from its parent's residual) or
        ``"unresolved"`` (withheld, no parent present, or its parent unresolved; left at 0).
    parent : numpy.ndarray
        int64, read-only: position of each cell's parent — its nearest ancestor present in the
        same group — or -1 when it has none.
    published_children : numpy.ndarray
        float64, read-only: the employment of each cell's published (not withheld) children
        added up (0 for a cell without any) — what its residual is measured against.
    """

    employment: np.ndarray
    status: pd.Categorical
    parent: np.ndarray
    published_children: np.ndarray

    @property
    def n_imputed(self) -> int:
        """Number of withheld cells imputed."""
        return int((self.status.codes == _IMPUTED).sum())

    @property
    def n_unresolved(self) -> int:
        """Number of withheld cells left unresolved (at 0)."""
        return int((self.status.codes == _UNRESOLVED).sum())


def impute_from_hierarchy(
    codes: Any,
    employment: Any,
    withheld: Any,
    establishments: Any,
    *,
    classification: str,
    groups: Any = None,
) -> HierarchyImputation:
    """Impute withheld employment top-down from each parent code's unexplained residual.

    Parameters
    ----------
    codes : array-like of str or pandas.Categorical
        Normalised industry code of each cell (see :func:`grappe.codes.normalize_code`).
    employment : array-like of float
        Employment of each cell; the values of withheld cells are ignored.
    withheld : array-like of bool
        Whether each cell's employment is withheld.
    establishments : array-like of float
        Establishment count of each cell (the weights of the split); must be finite and
        non-negative on the withheld cells.
    classification : str
        Classification of ``codes``, one of :data:`grappe.codes.CLASSIFICATIONS` except
        ``"custom"`` (custom codes have no hierarchy).
    groups : array-like, optional
        Group of each cell (e.g. one label per region × year); parents are looked for within
        the group. Default: all cells form one group.

    Returns
    -------
    HierarchyImputation
        Employment after imputation, status and parent of each cell. Inputs are not modified.

    Raises
    ------
    InvalidParameterError
        A custom classification, arrays of different lengths, known employment that is not
        finite and non-negative, or establishments of withheld cells that are not.

    Notes
    -----
    Within a group, the parent of a cell is its nearest ancestor code present in the group
    (NAICS ``31-33`` is the parent of ``31x``–``33x`` when the 2-digit sector is absent). For a
    parent :math:`p` with employment :math:`E_p` (published, or imputed before) and children
    :math:`C(p)`, split into known :math:`K(p)` and withheld :math:`W(p)`, each withheld child
    :math:`w` receives

    .. math::

        \\hat E_w = \\max\\Big(0,\\; E_p - \\sum_{k \\in K(p)} E_k\\Big)
        \\frac{n_w}{\\sum_{v \\in W(p)} n_v},

    with :math:`n` the establishment counts (equal shares when all :math:`n_v = 0`), the
    proportional rule of Isserman & Westervelt [1]_. Codes are processed by depth in the
    hierarchy, so a withheld parent is imputed before its withheld children. A withheld cell
    without a parent in its group, or whose parent is unresolved, stays at 0 with status
    ``"unresolved"``. The imputed children of a parent add up to its clipped residual exactly;
    the residual is clipped at 0 when the published children already exceed the parent
    (rounding or noise infusion in the source). NACE section groups such as ``B-E`` are no
    one's parent (:func:`grappe.codes.ancestors` does not list them).

    When every published employment is a whole number (head counts, as in CBP), the imputed
    values are whole numbers too: each child gets the floor of its share and the jobs left over
    go one each to the largest fractional parts (Hamilton's largest-remainder method; equal
    remainders go to the smaller code). They still add up to the residual exactly, and all later
    sums stay exact, so that equal totals compare equal (percentile ranks do not depend on the
    order of summation). Fractional inputs (full-time equivalents) are shared without rounding.

    Eckert, Fort, Schott & Yang [2]_ go further: they bound each withheld cell with the
    employment-size class of its flag and the establishment-size distribution published by
    CBP, and solve a linear programme per county and year that satisfies the adding-up
    constraints of the industry and the geographic hierarchies at once. The files read by
    grappe since 2017 carry neither the flag nor the size-class columns, so those bounds are
    not available; the proportional residual split is what the data support.

    References
    ----------
    .. [1] Isserman, A. M. & Westervelt, J. (2006), "1.5 million missing numbers: overcoming
       employment suppression in County Business Patterns data", International Regional
       Science Review 29(3), 311–335.
    .. [2] Eckert, F., Fort, T. C., Schott, P. K. & Yang, N. J. (2020), "Imputing missing
       values in the US Census Bureau's County Business Patterns", NBER Working Paper 26632.

    Examples
    --------
    A state with 100 jobs in manufacturing (``31-33``), 60 in ``311`` and two withheld codes
    with 3 and 1 establishments share the 40 remaining jobs 3:1:

    >>> result = impute_from_hierarchy(
    ...     ["31-33", "311", "312", "313"], [100, 60, 0, 0], [False, False, True, True],
    ...     [10, 5, 3, 1], classification="naics2017")
    >>> result.employment.tolist()
    [100.0, 60.0, 30.0, 10.0]
    >>> list(result.status)
    ['known', 'known', 'imputed', 'imputed']
    """
    import pandas as pd

    _check_classification(classification)
    if not isinstance(codes, pd.Categorical):
        code_values = np.asarray(codes, dtype=object)
        if code_values.ndim != 1:
            raise InvalidParameterError(
                f"The 'codes' parameter of {_FUNC} must be a 1-D array of codes. Got an array "
                f"of shape {code_values.shape} instead."
            )
        codes = pd.Categorical(code_values)
    value, status, parent, known_sum = hierarchy_arrays(
        codes.codes,
        [str(c) for c in codes.categories],
        employment,
        withheld,
        establishments,
        classification=classification,
        groups=groups,
    )
    return HierarchyImputation(
        employment=value,
        status=pd.Categorical.from_codes(status, categories=list(IMPUTATION_STATUSES)),
        parent=parent,
        published_children=known_sum,
    )


def hierarchy_arrays(
    codes: np.ndarray,
    categories: list[str],
    employment: Any,
    withheld: Any,
    establishments: Any,
    *,
    classification: str,
    groups: Any = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The kernel of :func:`impute_from_hierarchy` on integer codes (positions in
    ``categories``, -1 for a missing code), without pandas: employment, status (int8 codes of
    :data:`IMPUTATION_STATUSES`), parent and published children's employment of each cell.

    References
    ----------
    .. [1] Isserman, A. M. & Westervelt, J. (2006), "1.5 million missing numbers: overcoming
       employment suppression in County Business Patterns data", International Regional
       Science Review 29(3), 311–335.
    """
    classification = _check_classification(classification)
    codes = np.asarray(codes)
    n = len(codes)
    emp = _vector(employment, "employment", n, float)
    hidden = _vector(withheld, "withheld", n, bool)
    estab = _vector(establishments, "establishments", n, float)
    # the known cells' values, 0 on the withheld ones (their values are ignored)
    value = np.where(hidden, 0.0, emp)
    # two reductions instead of masks of every cell: NaN propagates to the minimum, and a
    # minimum ≥ 0 with a finite maximum leaves no negative, infinite or NaN value
    if len(value) and not (value.min() >= 0 and np.isfinite(value.max())):
        raise InvalidParameterError(
            f"The 'employment' parameter of {_FUNC} must be finite and non-negative on the "
            "cells that are not withheld. Got NaN, infinite or negative values instead."
        )
    weights = estab[hidden]
    if not np.isfinite(weights).all() or (weights < 0).any():
        raise InvalidParameterError(
            f"The 'establishments' parameter of {_FUNC} must be finite and non-negative on the "
            "withheld cells (they weight the split). Got NaN, infinite or negative values "
            "instead."
        )
    if groups is None:
        group = np.zeros(n, dtype=np.int64)
    else:
        group_values = np.asarray(groups)
        if group_values.shape != (n,):
            raise _length_error("groups", group_values.shape, n)
        group = _group_ids(group_values)

    parent, depth = _parents(codes, categories, group, classification)
    status = hidden.astype(np.int8)  # 0 known, 1 withheld: _KNOWN, then _UNRESOLVED
    status *= _UNRESOLVED
    # withheld cells hold 0 in `value`: every child is summed into its parent's bin (shifted
    # by one, bin 0 gathering the cells without a parent), in row order as before, with no
    # mask or gather of every cell; adding 0.0 leaves each sum as it was
    known_sum = np.bincount(parent + 1, weights=value, minlength=n + 1)[1:]
    if hidden.any():
        # whole jobs in, whole jobs out: imputed counts are apportioned, not fractional
        integral = bool(np.all(value == np.rint(value)))
        # ties between equal remainders go to the smaller code, whatever the row order
        names = np.asarray(categories, dtype=str)
        # the rank of each category's code (looked up for the withheld cells only)
        category_rank = np.argsort(np.argsort(names, kind="stable"), kind="stable")
        code_rank = _CodeRank(category_rank, codes)
        _impute(
            value, status, parent, depth, hidden, estab, code_rank, known_sum, integral=integral
        )
    for array in (value, parent, known_sum):
        array.setflags(write=False)
    return value, status, parent, known_sum


def _check_classification(classification: Any) -> str:
    classification = check_option(classification, "classification", CLASSIFICATIONS, func=_FUNC)
    if classification_family(classification) == "custom":
        raise InvalidParameterError(
            f"The 'classification' parameter of {_FUNC} must be a classification with a code "
            f"hierarchy (naics…, nace2, isic4). Got {classification!r} instead."
        )
    return classification


def _group_ids(values: np.ndarray) -> np.ndarray:
    """Non-negative integer ids of the groups: small integer labels as they are (ids need not
    be consecutive), any other labels numbered by first appearance."""
    n = len(values)
    if values.dtype.kind in "iu" and n and values.min() >= 0 and values.max() < 4 * n:
        return values.astype(np.int64, copy=False)
    import pandas as pd

    return pd.factorize(values, use_na_sentinel=False)[0].astype(np.int64)


def _vector(values: Any, name: str, n: int, dtype: type) -> np.ndarray:
    try:
        out = np.asarray(values, dtype=dtype)
    except (TypeError, ValueError) as exc:
        raise InvalidParameterError(
            f"The {name!r} parameter of {_FUNC} must be a 1-D array of {dtype.__name__}. "
            f"Got {type(values).__name__} instead."
        ) from exc
    if out.shape != (n,):
        raise _length_error(name, out.shape, n)
    return out


def _length_error(name: str, shape: tuple[int, ...], n: int) -> InvalidParameterError:
    return InvalidParameterError(
        f"The {name!r} parameter of {_FUNC} must be a 1-D array of the length of 'codes' "
        f"({n}). Got an array of shape {shape} instead."
    )


def _parents(
    codes: np.ndarray, categories: list[str], group: np.ndarray, classification: str
) -> tuple[np.ndarray, np.ndarray]:
    """Row of each cell's nearest ancestor present in its group (-1 if none), and its depth."""
    chains = [ancestors(c, classification) for c in categories]
    # Only codes that are someone's ancestor can be a parent: index them densely.
    inner = {c: i for i, c in enumerate(dict.fromkeys(a for chain in chains for a in chain))}
    n_inner = len(inner)
    max_depth = max((len(chain) for chain in chains), default=0)
    # A group's row of the table has one slot more than the inner codes, never filled: the
    # "no ancestor" slot, so that every cell can be looked up without a mask.
    width = n_inner + 1
    # chain[c, j]: inner id of the j-th NEAREST ancestor of category c; the empty slot past it.
    chain = np.full((len(categories) + 1, max(max_depth, 1)), n_inner, dtype=np.int32)
    for c, anc in enumerate(chains):
        chain[c, : len(anc)] = [inner[a] for a in reversed(anc)]
    inner_of = np.array([inner.get(c, n_inner) for c in categories] + [n_inner], dtype=np.int32)
    depth_of = np.array([len(a) for a in chains] + [0], dtype=np.int8)  # a few levels
    # codes: small integers; -1 (missing) picks the last, empty entry
    n = len(codes)
    depth = depth_of[codes]
    parent = np.full(n, -1, dtype=np.int64)
    if not inner or n == 0:
        return parent, depth
    # the cells of a group are looked up among the group's rows: the groups must come in
    # order (numbered by run when each group's cells are together, as files list them)
    sorted_group, order = in_group_order(group)
    sorted_codes = codes if order is None else codes[order]
    table, blocks = group_blocks(sorted_group, width, slots=_CHUNK_SLOTS)
    nearest = np.ascontiguousarray(chain[:, 0])
    found_at = parent if order is None else np.full(n, -1, dtype=np.int64)
    for lo, hi, local in blocks:
        cell_codes = sorted_codes[lo:hi]
        own = inner_of[cell_codes]
        rows = np.flatnonzero(own < n_inner).astype(table.dtype)
        keys = local[rows]
        keys += own[rows]
        rows += lo  # the table holds rows of the whole (sorted) input
        table[keys] = rows
        repeated = rows[table[keys] != rows]
        if len(repeated):
            # A code present twice in a group makes its children's parent ambiguous.
            raise InvalidParameterError(
                f"The 'codes' parameter of {_FUNC} must hold each parent code once per group. "
                f"Got {categories[sorted_codes[repeated[0]]]!r} more than once in a group "
                "instead."
            )
        # Every cell looks up its nearest ancestor at once (most find their parent there);
        # the few whose nearest ancestor is absent try the ones above it.
        block_parent = found_at[lo:hi]
        block_parent[:] = table[local + nearest[cell_codes]]
        todo = np.flatnonzero((block_parent < 0) & (depth_of[cell_codes] > 1))
        for step in range(1, chain.shape[1]):
            if not len(todo):
                break
            found = table[local[todo] + chain[cell_codes[todo], step]]
            block_parent[todo] = found
            todo = todo[found < 0]
        table[keys] = -1  # empty again for the next block of groups
    if order is not None:  # back to the input's order, parents as input rows
        parent[order] = np.where(found_at >= 0, order[np.maximum(found_at, 0)], -1)
    return parent, depth


@dataclass(frozen=True)
class _CodeRank:
    """The rank of each cell's code, computed for the cells asked for only (not every row)."""

    of_category: np.ndarray
    codes: np.ndarray

    def __getitem__(self, rows: np.ndarray) -> np.ndarray:
        return self.of_category[self.codes[rows]]


def _impute(
    value: np.ndarray,
    status: np.ndarray,
    parent: np.ndarray,
    depth: np.ndarray,
    hidden: np.ndarray,
    estab: np.ndarray,
    code_rank: _CodeRank,
    known_sum: np.ndarray,
    *,
    integral: bool,
) -> None:
    """Fill ``value`` and ``status`` of the withheld cells in place, top-down by depth.

    ``known_sum``: each cell's published children's employment added up. Sums over the
    withheld children are taken per parent that has some (a few thousand), not per cell.
    """
    hidden_child = np.flatnonzero(hidden & (parent >= 0))
    p_all = parent[hidden_child]
    weights = estab[hidden_child]
    _, slot = np.unique(p_all, return_inverse=True)
    weight_sum = np.bincount(slot, weights=weights)[slot]
    count = np.bincount(slot)[slot]
    share = np.where(
        weight_sum > 0, weights / np.where(weight_sum > 0, weight_sum, 1.0), 1.0 / count
    )
    parent_depth = depth[p_all]
    # A parent's chain of ancestors is shorter than its child's: by the depth of the parents,
    # every parent is final before its withheld children (all of them at once) are imputed.
    # the depths present, in order (np.unique of a plain array imports numpy.ma: 0.08 s)
    for d in np.flatnonzero(np.bincount(parent_depth)):
        at = parent_depth == d
        p = p_all[at]
        ok = status[p] != _UNRESOLVED
        rows = hidden_child[at][ok]
        residual = np.maximum(value[p[ok]] - known_sum[p[ok]], 0.0)
        shares = residual * share[at][ok]
        if integral:
            value[rows] = _largest_remainder(shares, p[ok], residual, code_rank[rows])
        else:
            value[rows] = shares
        status[rows] = _IMPUTED


def _largest_remainder(
    shares: np.ndarray, parent: np.ndarray, residual: np.ndarray, tiebreak: np.ndarray
) -> np.ndarray:
    """Whole numbers adding up to each parent's (whole) residual, closest to ``shares``.

    Hamilton's largest-remainder method: every child gets the floor of its share, and the jobs
    left over go one each to the children with the largest fractional parts (ties: smallest
    ``tiebreak``, the rank of the code).
    Whole counts keep every later sum exact, so equal totals stay equal (percentile ties).
    """
    base = np.floor(shares + 1e-9)  # 2.9999999… from the division is 3
    n = len(shares)
    if n == 0:
        return base
    slots, slot = np.unique(parent, return_inverse=True)
    total = np.zeros(len(slots))
    total[slot] = np.rint(residual)  # every child of a parent carries the same residual
    left = total - np.bincount(slot, weights=base, minlength=len(slots))
    order = np.lexsort((tiebreak, -(shares - base), slot))
    grouped = slot[order]
    start = np.r_[0, np.flatnonzero(grouped[1:] != grouped[:-1]) + 1]
    rank = np.arange(n) - np.repeat(start, np.diff(np.r_[start, n]))
    base[order[rank < left[grouped]]] += 1.0
    return base
