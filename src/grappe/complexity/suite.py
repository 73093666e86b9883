"""The whole complexity pipeline in one call: RCA → M → ECI/PCI → proximity → density → COI/COG.

Each step is a kernel of its own module; this function validates once and chains them without
re-validating or re-labelling intermediate matrices, which keeps large runs fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from grappe._validation import check_number, check_option
from grappe.complexity._matrix import as_matrix
from grappe.complexity.eci import METHODS, STANDARDISATIONS, eci_pci_values, stata_factor
from grappe.complexity.fitness import fitness_values
from grappe.complexity.relatedness import ENGINES, density_outlook_values, proximity_values
from grappe.complexity.specialisation import _aligned_vector, rca_values, rpop, threshold_values
from grappe.errors import InvalidParameterError

__all__ = ["ComplexitySuite", "complexity_suite"]


@dataclass(frozen=True)
class ComplexitySuite:
    """Everything :func:`complexity_suite` computes, labelled.

    Attributes
    ----------
    rows : DataFrame
        One row per location: ``diversity``, ``eci``, ``coi``, ``fitness`` (NaN for locations
        excluded for having no specialisation).
    cols : DataFrame
        One row per activity: ``ubiquity``, ``pci``, ``complexity`` (fitness–complexity).
    M : scipy.sparse.csr_array
        Binary specialisation of the included locations (rows of ``density``) and activities
        (columns of ``density``); RCA itself is not kept (call
        :func:`~grappe.complexity.rca`), which bounds memory on large inputs.
    proximity, density, cog : DataFrame
        Activities × activities proximity, and locations × activities density and COG, for
        the included locations and activities.
    excluded_rows, excluded_cols : tuple
        Locations without any specialisation and activities nobody specialises in.
    dropped_rows : tuple
        Locations removed by ``missing="drop"`` (partial data).
    eigenvalue : float
        Second eigenvalue of :math:`M_{cc'}`.
    """

    rows: pd.DataFrame
    cols: pd.DataFrame
    M: Any
    proximity: pd.DataFrame
    density: pd.DataFrame
    cog: pd.DataFrame
    excluded_rows: tuple
    excluded_cols: tuple
    dropped_rows: tuple
    eigenvalue: float


def complexity_suite(
    X: Any,
    *,
    threshold: float = 1.0,
    presence: str = "rca",
    population: Any = None,
    method: str = "eigenvector",
    standardise: str = "growth-lab",
    diagonal: float | None = 0.0,
    fitness_iterations: int = 20,
    rows: Any = None,
    cols: Any = None,
    missing: str = "raise",
    engine: str = "auto",
) -> ComplexitySuite:
    """Specialisation, complexity, relatedness and outlook of a location × activity matrix.

    Parameters
    ----------
    X : DataFrame, array-like or scipy sparse matrix
        Non-negative activity (exports, employment…), locations × activities.
    threshold : float, default 1.0
        Presence threshold on RCA (or RPOP).
    presence : {"rca", "rpop", "rca_or_rpop"}
        Presence test (see :func:`~grappe.complexity.binary_specialisation`).
    population : Series or array-like, optional
        Population by location, for the RPOP tests.
    method, standardise
        See :func:`~grappe.complexity.eci_pci`.
    diagonal : float or None, default 0.0
        Diagonal of the proximity used for density, COI and COG (0: Stata ``ecomplexity``).
    fitness_iterations : int, default 20
        See :func:`~grappe.complexity.fitness_complexity`.
    rows, cols, missing
        See :func:`~grappe.complexity.rca`. With ``missing="drop"``, partial locations are
        left out of every denominator and listed in ``dropped_rows``.
    engine : {"auto", "numba", "numpy"}, default "auto"
        How the co-occurrence, density and COG products run: ``"numba"`` (used by ``"auto"``
        when numba is installed, ``grappe[fast]``) visits only the ones of ``M`` in a compiled
        loop, about 15× less work at real-data sparsity; ``"numpy"`` runs dense BLAS
        products. Results agree to rounding (about 1e-15).

    Returns
    -------
    ComplexitySuite

    Raises
    ------
    InvalidParameterError
        For bad options, or fewer than 2 locations and 2 activities with specialisation.
    MissingDependencyError
        If ``engine="numba"`` and numba is not installed.

    Examples
    --------
    >>> X = pd.DataFrame([[5, 3, 2], [4, 1, 0], [3, 0, 0]], index=list("abc"),
    ...                  columns=list("xyz"), dtype=float)
    >>> suite = complexity_suite(X, threshold=0.9)
    >>> list(suite.rows.columns), list(suite.cols.columns)
    (['diversity', 'eci', 'coi', 'fitness'], ['ubiquity', 'pci', 'complexity'])

    References
    ----------
    .. [1] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
       MIT Press.
    """
    func = "complexity_suite"
    check_number(threshold, "threshold", func=func, low=0.0, closed="neither")
    check_option(presence, "presence", ("rca", "rpop", "rca_or_rpop"), func=func)
    check_option(method, "method", METHODS, func=func)
    check_option(standardise, "standardise", STANDARDISATIONS, func=func)
    check_option(engine, "engine", ENGINES, func=func)
    if diagonal is not None:
        check_number(diagonal, "diagonal", func=func)
    check_number(fitness_iterations, "fitness_iterations", func=func, low=2, integer=True)
    if presence != "rca" and population is None:
        raise InvalidParameterError(
            f"The 'population' parameter of {func} must be given when presence={presence!r}. "
            "Got None instead."
        )
    m = as_matrix(X, func=func, rows=rows, cols=cols, missing=missing)
    if presence == "rca":
        M = _binary_rca(m.values, threshold)
    else:
        pop = _aligned_vector(population, m, "population", func)
        rp = rpop(m.values, pop)
        if presence == "rca_or_rpop":
            R = rca_values(m.values)
            rp = np.maximum(R, rp) if not m.is_sparse else R.maximum(rp)
        M = threshold_values(rp, threshold)
    div = np.asarray(M.sum(axis=1)).ravel()
    ubi = np.asarray(M.sum(axis=0)).ravel()
    rows_ok, cols_ok = div > 0, ubi > 0
    if rows_ok.sum() < 2 or cols_ok.sum() < 2:
        raise InvalidParameterError(
            f"The 'X' parameter of {func} must give at least 2 locations and 2 activities some "
            f"specialisation. Got {int(rows_ok.sum())} × {int(cols_ok.sum())} instead."
        )
    Mk = M
    if not rows_ok.all():
        Mk = Mk[np.flatnonzero(rows_ok)] if sp.issparse(Mk) else Mk[rows_ok]
    if not cols_ok.all():
        Mk = Mk[:, np.flatnonzero(cols_ok)] if sp.issparse(Mk) else Mk[:, cols_ok]
    # every later kernel works on the sparse form (M is about 10 % ones): free the dense one
    Ms = sp.csr_array(Mk, dtype=np.float64)
    del M, Mk
    out = eci_pci_values(Ms, method=method, standardise=standardise)
    phi = proximity_values(Ms, diagonal=diagonal, engine=engine)
    dens, coi, cog = density_outlook_values(Ms, phi, out["kp"], engine=engine)
    factor = stata_factor(Ms.shape) if standardise == "stata" else 1.0
    coi = (coi - coi.mean()) / (coi.std() * factor)
    cog /= out["kc"].std() * factor
    F, Q = fitness_values(Ms, iterations=fitness_iterations)
    r_idx, c_idx = m.rows[rows_ok], m.cols[cols_ok]
    row_table = pd.DataFrame({"diversity": div}, index=m.rows)
    for name, vec in (("eci", out["eci"]), ("coi", coi), ("fitness", F)):
        row_table[name] = np.nan
        row_table.loc[rows_ok, name] = vec
    col_table = pd.DataFrame({"ubiquity": ubi}, index=m.cols)
    for name, vec in (("pci", out["pci"]), ("complexity", Q)):
        col_table[name] = np.nan
        col_table.loc[cols_ok, name] = vec
    return ComplexitySuite(
        rows=row_table,
        cols=col_table,
        M=Ms,
        proximity=pd.DataFrame(phi, index=c_idx, columns=c_idx, copy=False),
        density=pd.DataFrame(dens, index=r_idx, columns=c_idx, copy=False),
        cog=pd.DataFrame(cog, index=r_idx, columns=c_idx, copy=False),
        excluded_rows=tuple(m.rows[~rows_ok]),
        excluded_cols=tuple(m.cols[~cols_ok]),
        dropped_rows=m.dropped_rows,
        eigenvalue=out["eigenvalue"],
    )


def _binary_rca(values: Any, threshold: float, *, block: int = 1024) -> Any:
    """``RCA >= threshold`` without materialising the RCA matrix (float32 0/1, or CSR)."""
    if sp.issparse(values):
        return threshold_values(rca_values(values), threshold)
    row = values.sum(axis=1)
    col = values.sum(axis=0)
    total = float(row.sum())
    col_share = col / total if total > 0 else col
    out = np.empty(values.shape, dtype=np.float32)
    for start in range(0, values.shape[0], block):
        stop = min(start + block, values.shape[0])
        # same operations, in the same order, as rca_values (bit-identical thresholds)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            rca_block = values[start:stop] / row[start:stop, None]
            rca_block /= col_share[None, :]
        np.nan_to_num(rca_block, copy=False, nan=0.0, posinf=np.finfo(float).max)
        out[start:stop] = rca_block >= threshold
    return out
