"""Local Getis–Ord :math:`G_i^*` and local Moran's :math:`I_i` with conditional permutation
inference, in NumPy on sparse weights (no compilation in each process; SciPy matrices are
accepted, and SciPy is imported only for them).

The statistics and their analytical moments follow esda's ``G_Local`` (``star=True``,
binary weights) and ``Moran_Local`` (row-standardised weights) formula for formula. The
pseudo p-values follow esda's conditional randomisation (Anselin 1995, §4): unit *i* is held
fixed and its *c_i* neighbours are replaced by *c_i* units drawn without replacement from the
*n − 1* others. As in esda, one table of ``permutations`` × max(*c_i*) draws is shared by all
units (unit *i* takes the first *c_i* columns, indexing the values with *i* left out), and the
p-value is esda's "directed" one: ``(1 + k) / (1 + P)`` with ``k`` the permutations at least as
extreme as the observed value in its own tail.

Two streams of draws are offered:

* ``draws="esda"`` — the legacy Mersenne-Twister stream that esda's numba kernel produces for
  an integer seed (``RandomState(seed).permutation(n - 1)[:k]`` per permutation); the
  randomised statistics are then esda's, draw for draw. Drawing costs one shuffle of *n − 1*
  ids per permutation, O(P·n): fine up to ~10⁵ units.
* ``draws="fast"`` — the same design (one shared table, same conditional null) drawn from
  NumPy's PCG64 with ``Generator.choice(n - 1, k, replace=False)``: O(P·k), for 10⁶ units.

Counting how many randomised statistics reach the observed one needs no (units × permutations
× neighbours) array when a unit's weights are equal (binary or row-standardised contiguity and
k-nearest-neighbour weights): the randomised lag of unit *i* under permutation *p* depends on
*i* only through how many of the sorted drawn ids lie below *i*, so it changes at P·c ids
only. A sweep over the units in order keeps the P current lags sorted and answers each unit
with one binary search: O(P·c·log P + n·log P). Unequal weights fall back to a direct
computation in bounded chunks. Comparisons are made on sums of the raw values (the affine
standardisation and positive factors cancel), so that a randomised lag equal to the observed
one counts as "at least as extreme" exactly, whatever the rounding.

References
----------
Getis, A., & Ord, J. K. (1992). The analysis of spatial association by use of distance
statistics. *Geographical Analysis*, 24(3), 189–206.

Ord, J. K., & Getis, A. (1995). Local spatial autocorrelation statistics: distributional issues
and an application. *Geographical Analysis*, 27(4), 286–306.

Anselin, L. (1995). Local indicators of spatial association—LISA. *Geographical Analysis*,
27(2), 93–115.

Sokal, R. R., Oden, N. L., & Thomson, B. A. (1998). Local spatial autocorrelation in a
biological model. *Geographical Analysis*, 30(4), 331–354.

Rey, S. J., & Anselin, L. (2007). PySAL: a Python library of spatial analytical methods.
*Review of Regional Studies*, 37(1), 5–27.
"""

from __future__ import annotations

import functools
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from grappe._validation import check_number, check_option
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message

__all__ = [
    "LocalGStar",
    "LocalMoran",
    "RowWeights",
    "gi_star",
    "moran_local",
    "permutation_table",
]

Progress = Callable[[int, int], None]

#: Elements of one (units × permutations × neighbours) block of the direct computation.
_BLOCK = 1 << 22
#: A group of units of one cardinality is swept (rather than computed directly) from this size.
_SWEEP_FROM = 2048
#: Weights with more entries use SciPy's product when SciPy is already imported.
_SCIPY_FROM = 1 << 16


@dataclass(frozen=True)
class RowWeights:
    """Sparse *n* × *n* weights as compressed rows in plain NumPy (SciPy's CSR layout).

    What :func:`gi_star` and :func:`moran_local` compute on: SciPy matrices are converted to
    it, and a caller that builds its weights itself (the contiguity of
    :mod:`grappe.spatial.areal`) passes it directly, so that a short command does not pay
    for importing ``scipy.sparse``.

    Attributes
    ----------
    indptr : numpy.ndarray
        ``n + 1`` offsets: row *i*'s entries are ``indptr[i]:indptr[i + 1]``.
    indices : numpy.ndarray
        Column of each entry, sorted within each row, no repeat, no diagonal.
    data : numpy.ndarray
        Weight of each entry (float, finite, > 0).
    """

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray

    @property
    def n(self) -> int:
        """Number of units."""
        return self.indptr.size - 1

    @functools.cached_property
    def rows(self) -> np.ndarray:
        """Row of each entry (computed once)."""
        return np.repeat(np.arange(self.n), np.diff(self.indptr))

    def dot(self, values: np.ndarray) -> np.ndarray:
        """``W @ values``: each row summed in the order of its entries, from 0, as SciPy's
        ``csr_matvec`` does (the same floats, bit for bit)."""
        scipy_sparse = sys.modules.get("scipy.sparse")
        if scipy_sparse is not None and self.data.size > _SCIPY_FROM:
            # SciPy's C loop, when the caller's matrix brought SciPy in: the same sums, faster
            shape = (self.n, self.n)
            matrix = scipy_sparse.csr_array((self.data, self.indices, self.indptr), shape=shape)
            return matrix @ values
        return np.bincount(self.rows, weights=self.data * values[self.indices], minlength=self.n)

    def row_sums(self, *, squared: bool = False) -> np.ndarray:
        """Sum of each row's weights (of their squares with ``squared``), reduced as SciPy's
        ``csr_array.sum(axis=1)`` reduces them (``np.add.reduceat``), bit for bit."""
        data = self.data * self.data if squared else self.data
        out = np.zeros(self.n)
        filled = np.flatnonzero(np.diff(self.indptr))
        if filled.size:
            out[filled] = np.add.reduceat(data, self.indptr[filled])
        return out

    def with_diagonal(self) -> RowWeights:
        """Binary weights with each unit its own neighbour (Gi*'s "star"), entries sorted.

        Row *i* has no diagonal entry and its columns are sorted, so its diagonal goes after
        the entries below *i*: placed in one pass, without sorting the entries again.
        """
        n, rows = self.n, self.rows
        below = np.bincount(rows, weights=self.indices < rows, minlength=n).astype(np.intp)
        indptr = self.indptr + np.arange(n + 1)
        diagonal = indptr[:-1] + below
        cols = np.empty(self.indices.size + n, dtype=self.indices.dtype)
        others = np.ones(cols.size, dtype=bool)
        others[diagonal] = False
        cols[diagonal] = np.arange(n)
        cols[others] = self.indices
        return RowWeights(indptr, cols, np.ones(cols.size))


@dataclass(frozen=True)
class LocalGStar:
    """Local Getis–Ord :math:`G_i^*` of each unit (esda ``G_Local``, ``star=True``, binary).

    Attributes
    ----------
    g, expected, variance, z, p_norm : numpy.ndarray
        :math:`G_i^*`, its expectation and variance under total randomisation, the
        standardised value and its one-tailed normal p-value (esda ``Gs``, ``EGs``, ``VGs``,
        ``Zs``, ``p_norm``).
    p_sim, z_sim : numpy.ndarray
        Pseudo p-value of the conditional permutations and the standardised value against
        their mean and standard deviation (NaN without permutations or without neighbours).
    """

    g: np.ndarray
    expected: np.ndarray
    variance: np.ndarray
    z: np.ndarray
    p_norm: np.ndarray
    p_sim: np.ndarray
    z_sim: np.ndarray


@dataclass(frozen=True)
class LocalMoran:
    """Local Moran's :math:`I_i` of each unit (esda ``Moran_Local``, row-standardised).

    Attributes
    ----------
    i, expected, variance : numpy.ndarray
        :math:`I_i` and its moments under total randomisation (esda ``Is``, ``EI``, ``VI``).
    expected_c, variance_c : numpy.ndarray
        Moments under conditional randomisation (esda ``EIc``, ``VIc``; Sokal et al. 1998).
    quadrant : numpy.ndarray
        1 high-high, 2 low-high, 3 low-low, 4 high-low (esda ``q``).
    p_sim, z_sim : numpy.ndarray
        Pseudo p-value and standardised value against the permutations (NaN for a unit
        without neighbours).
    """

    i: np.ndarray
    expected: np.ndarray
    variance: np.ndarray
    expected_c: np.ndarray
    variance_c: np.ndarray
    quadrant: np.ndarray
    p_sim: np.ndarray
    z_sim: np.ndarray


def permutation_table(
    n: int, k: int, permutations: int, *, seed: int | None = None, draws: str = "esda"
) -> np.ndarray:
    """Ids of the conditional permutations: ``permutations`` rows of ``k`` distinct ids in
    ``[0, n - 1)``, shared by all units (unit *i* reads them with itself left out).

    Parameters
    ----------
    n : int
        Number of units.
    k : int
        Largest number of neighbours.
    permutations : int
        Rows of the table.
    seed : int or None
        Seed in ``[0, 2**32)``; ``None`` draws one from fresh entropy (then, as in esda, an
        integer in ``[12345, 12345000)``).
    draws : {"esda", "fast"}
        ``"esda"``: the stream of esda's numba kernel for that seed (equal draw for draw);
        ``"fast"``: NumPy's PCG64, O(permutations × k).

    Returns
    -------
    numpy.ndarray
        ``(permutations, k)`` int64.

    Examples
    --------
    >>> permutation_table(6, 2, 3, seed=0).tolist()
    [[2, 0], [0, 2], [1, 3]]
    """
    func = "permutation_table"
    check_option(draws, "draws", ("esda", "fast"), func=func)
    if seed is None:
        seed = int(np.random.default_rng().integers(12345, 12345000))
    check_number(seed, "seed", func=func, low=0, high=2**32 - 1, integer=True)
    table = np.empty((permutations, k), dtype=np.int64)
    if draws == "esda":
        legacy = np.random.RandomState(seed)
        for p in range(permutations):
            table[p] = legacy.permutation(n - 1)[:k]
    else:
        rng = np.random.default_rng(seed)
        for p in range(permutations):
            table[p] = rng.choice(n - 1, size=k, replace=False)
    return table


def gi_star(
    y,
    weights,
    *,
    permutations: int = 999,
    seed: int | None = None,
    draws: str = "esda",
    progress: Progress | None = None,
) -> LocalGStar:
    """Local Getis–Ord :math:`G_i^*` with binary weights and conditional permutation inference.

    :math:`G_i^* = \\sum_j w_{ij} y_j / \\sum_j y_j` with :math:`w_{ii} = 1` and
    :math:`w_{ij} = 1` for the neighbours (Ord & Getis 1995, eq. 1.2; esda ``G_Local`` with
    ``star=True, transform="B"``).

    Parameters
    ----------
    y : array-like
        Non-negative values of the *n* units (e.g. establishment counts).
    weights : scipy sparse matrix or RowWeights
        *n* × *n* neighbours: any non-zero off-diagonal entry is a neighbour (the values are
        made binary and the diagonal set to 1, as esda does for Gi*). :class:`RowWeights`
        (columns sorted within rows) is used as is, without importing SciPy.
    permutations : int, default 999
        Conditional permutations (0: none, ``p_sim`` and ``z_sim`` NaN).
    seed : int or None
        Seed of the permutations (see :func:`permutation_table`).
    draws : {"esda", "fast"}
        Stream of the permutations (see :func:`permutation_table`).
    progress : callable, optional
        ``progress(done, total)`` as groups of units are finished.

    Returns
    -------
    LocalGStar

    Raises
    ------
    InvalidParameterError
        For a bad option, bad weights or fewer than 3 finite values.
    DataValidationError
        If a value is negative or all values are equal.

    References
    ----------
    Getis & Ord (1992); Ord & Getis (1995); esda ``G_Local`` (Rey & Anselin 2007).

    Examples
    --------
    >>> from scipy import sparse
    >>> chain = sparse.diags_array([np.ones(4), np.ones(4)], offsets=[-1, 1], shape=(5, 5))
    >>> res = gi_star([9.0, 8, 1, 0, 1], chain, permutations=99, seed=0)
    >>> np.round(res.g, 3).tolist()
    [0.895, 0.947, 0.474, 0.105, 0.053]
    """
    func = "gi_star"
    check_number(permutations, "permutations", func=func, low=0, integer=True)
    check_option(draws, "draws", ("esda", "fast"), func=func)
    y = _checked_values(y, func)
    if (y < 0).any():
        bad = int(np.flatnonzero(y < 0)[0])
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "The value {value!r} of unit {unit!r} is negative; Gi* needs values >= 0.",
                    value=float(y[bad]),
                    unit=bad + 1,
                ),
                row=bad + 1,
                fix=Message("Analyse counts or other non-negative values."),
            )
        )
    n = y.size
    w = _structure(weights, n, func)
    w = RowWeights(w.indptr, w.indices, np.ones(w.data.size))
    star = w.with_diagonal()
    total = y.sum()
    g = star.dot(y) / (total - y * False)
    mean = (total - y * False) / n
    mean_of_squares = ((y**2).sum() - (y**2) * False) / n
    spread = mean_of_squares - mean**2
    cardinality = star.row_sums()
    expected = cardinality / n
    variance = cardinality * (n - cardinality)
    variance = variance / (n - 1)
    variance *= 1 / n**2
    variance *= spread / (mean**2)
    z = (g - expected) / np.sqrt(variance)
    p_sim = z_sim = np.full(n, np.nan)
    if permutations:
        direction = np.full(n, np.sign(total))
        p_sim, mean_d, sd_d = _extreme_counts(y, w, direction, permutations, seed, draws, progress)
        with np.errstate(divide="ignore", invalid="ignore"):
            z_sim = -direction * mean_d / sd_d
    return LocalGStar(g, expected, variance, z, _normal_tail(z), p_sim, z_sim)


def moran_local(
    y,
    weights,
    *,
    permutations: int = 999,
    seed: int | None = None,
    draws: str = "esda",
    progress: Progress | None = None,
) -> LocalMoran:
    """Local Moran's :math:`I_i` with row-standardised weights and conditional permutations.

    :math:`I_i = (n - 1)\\, z_i \\sum_j w_{ij} z_j / \\sum_k z_k^2` with *z* the values
    standardised and *w* row-standardised (Anselin 1995, eq. 7; esda ``Moran_Local``).

    Parameters
    ----------
    y : array-like
        Values of the *n* units.
    weights : scipy sparse matrix or RowWeights
        *n* × *n* non-negative weights (the diagonal is ignored); each row is divided by its
        sum, as esda's ``transformation="r"``.
    permutations : int, default 999
        Conditional permutations (at least 1).
    seed, draws, progress
        As :func:`gi_star`.

    Returns
    -------
    LocalMoran

    Raises
    ------
    InvalidParameterError
        For a bad option, bad weights or fewer than 3 finite values.
    DataValidationError
        If all values are equal.

    References
    ----------
    Anselin (1995); Sokal, Oden & Thomson (1998) for the conditional moments; esda
    ``Moran_Local`` (Rey & Anselin 2007).

    Examples
    --------
    >>> from scipy import sparse
    >>> chain = sparse.diags_array([np.ones(4), np.ones(4)], offsets=[-1, 1], shape=(5, 5))
    >>> res = moran_local([9.0, 8, 1, 0, 1], chain, permutations=99, seed=0)
    >>> res.quadrant.tolist()
    [1, 1, 2, 3, 3]
    """
    func = "moran_local"
    check_number(permutations, "permutations", func=func, low=1, integer=True)
    check_option(draws, "draws", ("esda", "fast"), func=func)
    y = _checked_values(y, func)
    n = y.size
    w = _structure(weights, n, func)
    sums = w.row_sums()
    w = RowWeights(w.indptr, w.indices, w.data / sums[w.rows])
    z = y - y.mean()
    z /= y.std()
    den = (z * z).sum()
    lag = w.dot(z)
    i = (n - 1) * z * lag / den
    positive, lag_positive = z > 0, lag > 0
    quadrant = (
        1 * (positive & lag_positive)
        + 2 * (~positive & lag_positive)
        + 3 * (~positive & ~lag_positive)
        + 4 * (positive & ~lag_positive)
    )
    m2 = (z * z).sum() / n
    wi = w.row_sums()
    wi2 = w.row_sums(squared=True)
    expected_c = -(z**2 * wi) / ((n - 1) * m2)
    variance_c = (z / m2) ** 2 * (n / (n - 2)) * (wi2 - (wi**2 / (n - 1))) * (m2 - (z**2 / (n - 1)))
    b2 = ((z**4).sum() / n) / m2**2
    n1 = n - 1
    expected = -wi / n1
    variance = wi2 * (n - b2) / n1
    variance += (wi**2 - wi2) * (2 * b2 - n) / (n1 * (n - 2))
    variance -= (-wi / n1) ** 2
    direction = np.sign(z)
    p_sim, mean_d, sd_d = _extreme_counts(y, w, direction, permutations, seed, draws, progress)
    with np.errstate(divide="ignore", invalid="ignore"):
        z_sim = np.where(direction == 0, np.nan, -direction * mean_d / sd_d)
    return LocalMoran(i, expected, variance, expected_c, variance_c, quadrant, p_sim, z_sim)


def _structure(weights, n: int, func: str) -> RowWeights:
    """``weights`` as checked compressed rows: no diagonal, no zero, sorted columns."""
    if isinstance(weights, RowWeights):
        if weights.n != n:
            _bad_shape((weights.n, weights.n), n, func)
        w = weights
        kept = (w.indices != w.rows) & (w.data != 0)
        if not kept.all():  # the unit itself is never among its neighbours
            counts = np.bincount(w.rows[kept], minlength=n)
            indptr = np.concatenate([[0], np.cumsum(counts)])
            w = RowWeights(indptr, w.indices[kept], w.data[kept])
    else:
        # a SciPy matrix (the public input): SciPy is imported only for it
        from scipy import sparse

        if not sparse.issparse(weights) or weights.shape != (n, n):
            _bad_shape(getattr(weights, "shape", type(weights).__name__), n, func)
        matrix = sparse.csr_array(weights, dtype=float, copy=True)  # the caller's stays as is
        matrix.setdiag(0)  # the unit itself is never among its neighbours
        matrix.eliminate_zeros()
        matrix.sort_indices()
        w = RowWeights(matrix.indptr, matrix.indices, matrix.data)
    if (w.data < 0).any() or not np.isfinite(w.data).all():
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must hold finite non-negative weights.",
                name="weights",
                func=func,
            )
        )
    return w


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values of a 1-D array: ``np.unique`` without its check for masked
    arrays, which imports ``numpy.ma`` (a twentieth of a second) in a short command."""
    ordered = np.sort(values, kind="stable")
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if ordered.size else ordered


def _bad_shape(shape, n: int, func: str):
    raise InvalidParameterError(
        Message(
            "The {name!r} parameter of {func} must be a sparse {n}×{n} matrix. Got "
            "{value!r} instead.",
            name="weights",
            func=func,
            n=n,
            value=shape,
        )
    )


def _normal_tail(z: np.ndarray) -> np.ndarray:
    """One-tailed normal p-value of ``|z|``: SciPy's ``ndtr(-|z|)`` (Cephes' branches: erf
    near 0, erfc in the tail) with the C library's erf and erfc, without importing
    ``scipy.special``; equal to it to within a few units in the last place."""
    half = np.abs(z) * math.sqrt(0.5)  # Cephes multiplies by its SQRTH
    near = half < math.sqrt(0.5)
    erf, erfc = np.frompyfunc(math.erf, 1, 1), np.frompyfunc(math.erfc, 1, 1)
    out = np.empty(half.shape)
    out[near] = 0.5 - 0.5 * erf(half[near]).astype(float)
    out[~near] = 0.5 * erfc(half[~near]).astype(float)
    return out


def _checked_values(y, func: str) -> np.ndarray:
    y = np.asarray(y, dtype=float).ravel()
    if y.size < 3 or not np.isfinite(y).all():
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must hold at least 3 finite numbers. Got "
                "{count} values instead.",
                name="y",
                func=func,
                count=y.size,
            )
        )
    if np.ptp(y) == 0:
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "Every unit has the same value {value:g}: no local statistic exists.",
                    value=float(y[0]),
                ),
                fix=Message("Analyse a value that varies across the units."),
            )
        )
    return y


def _extreme_counts(y, w, direction, permutations, seed, draws, progress):
    """Per unit: the folded count of permutations at least as extreme as observed, and the
    mean and standard deviation of (randomised − observed) lag. ``direction`` is the sign of
    d(statistic)/d(lag) per unit. Units whose weights are equal compare unweighted sums
    (exact for integer values); the others compare weighted sums."""
    n = y.size
    card = np.diff(w.indptr)
    kmax = max(int(card.max()), 1)
    table = permutation_table(n, kmax, permutations, seed=seed, draws=draws)
    larger = np.zeros(n)
    mean_d = np.full(n, np.nan)
    sd_d = np.full(n, np.nan)
    nonempty = card > 0
    equal = np.zeros(n, dtype=bool)
    if nonempty.any():
        starts = w.indptr[:-1][nonempty]
        equal[nonempty] = np.minimum.reduceat(w.data, starts) == np.maximum.reduceat(w.data, starts)
    unweighted = RowWeights(w.indptr, w.indices, np.ones(w.data.size)).dot(y)
    groups = [(int(c), np.flatnonzero(equal & (card == c))) for c in distinct(card[equal])]
    other = np.flatnonzero(nonempty & ~equal)
    total = len(groups) + (1 if other.size else 0)
    for done, (c, units) in enumerate(groups, start=1):
        run = _sweep if units.size >= _SWEEP_FROM else _direct
        run(
            y,
            units,
            table[:, :c],
            None,
            unweighted[units],
            direction[units],
            (larger, mean_d, sd_d),
        )
        if progress is not None:
            progress(done, total)
    if other.size:
        weights_rows = np.zeros((other.size, kmax))
        for r, i in enumerate(other):
            row = w.data[w.indptr[i] : w.indptr[i + 1]]
            weights_rows[r, : row.size] = row
        _direct(
            y, other, table, weights_rows, w.dot(y)[other], direction[other], (larger, mean_d, sd_d)
        )
        if progress is not None:
            progress(total, total)
    p = permutations
    folded = np.where(p - larger < larger, p - larger, larger)
    p_sim = np.where(nonempty, (folded + 1.0) / (p + 1.0), np.nan)
    return p_sim, mean_d, sd_d


def _count(direction, values_sorted, target):
    """Permutations at least as extreme, per unit, from each unit's sorted lags."""
    p = values_sorted.shape[-1]
    above = p - np.searchsorted(values_sorted, target, side="left")
    below = np.searchsorted(values_sorted, target, side="right")
    return np.where(direction > 0, above, np.where(direction < 0, below, p))


def _sweep(y, units, drawn, _weights, target, direction, out):
    """Units of one cardinality c with equal weights: sweep them in order (module docstring)."""
    p, c = drawn.shape
    ids = np.sort(drawn, axis=1)
    below = np.concatenate([np.zeros((p, 1)), np.cumsum(y[ids], axis=1)], axis=1)
    shifted = y[ids + 1]  # the value read at an id at or above the unit (unit left out)
    above = np.concatenate([np.cumsum(shifted[:, ::-1], axis=1)[:, ::-1], np.zeros((p, 1))], axis=1)
    lags = below + above  # lags[q, t]: permutation q when t of its ids lie below the unit
    step = np.zeros(p, dtype=np.int64)
    current = lags[:, 0].copy()
    order = np.argsort(ids, axis=None, kind="stable")
    positions = ids.ravel()[order]
    rows = order // c
    edges = np.concatenate([[0], np.flatnonzero(np.diff(positions)) + 1, [positions.size]])
    first = 0  # first of ``units`` not yet answered
    for a, b in zip(edges[:-1], edges[1:], strict=True):
        last = int(np.searchsorted(units, positions[a], side="right"))  # units <= this id
        if last > first:
            _answer(slice(first, last), units, current, target, direction, out)
            first = last
        moved = rows[a:b]
        step[moved] += 1
        current[moved] = lags[moved, step[moved]]
    if first < units.size:
        _answer(slice(first, units.size), units, current, target, direction, out)


def _answer(part, units, current, target, direction, out):
    larger, mean_d, sd_d = out
    chosen = units[part]
    larger[chosen] = _count(direction[part], np.sort(current), target[part])
    mean_d[chosen] = current.mean() - target[part]
    sd_d[chosen] = current.std()


def _direct(y, units, drawn, weights_rows, target, direction, out):
    """Units' randomised lags computed outright, in blocks of bounded size."""
    larger, mean_d, sd_d = out
    p, c = drawn.shape
    block = max(1, _BLOCK // max(1, p * c))
    for s in range(0, units.size, block):
        u = units[s : s + block]
        ids = drawn[None, :, :] + (drawn[None, :, :] >= u[:, None, None])
        values = y[ids]
        if weights_rows is None:
            lag = values.sum(axis=2)
        else:
            lag = np.einsum("upk,uk->up", values, weights_rows[s : s + block, :c])
        d = lag - target[s : s + block, None]
        dirs = direction[s : s + block]
        larger[u] = np.where(
            dirs > 0, (d >= 0).sum(axis=1), np.where(dirs < 0, (d <= 0).sum(axis=1), p)
        )
        mean_d[u] = d.mean(axis=1)
        sd_d[u] = d.std(axis=1)
