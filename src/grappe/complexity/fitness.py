"""Fitness–complexity (Tacchella et al. 2012).

.. math::

    \\tilde F_c^{(n)} = \\sum_p M_{cp} Q_p^{(n-1)}, \\qquad
    \\tilde Q_p^{(n)} = \\frac{1}{\\sum_c M_{cp} / F_c^{(n-1)}}, \\qquad
    F^{(n)} = \\tilde F^{(n)} / \\overline{\\tilde F^{(n)}}, \\quad
    Q^{(n)} = \\tilde Q^{(n)} / \\overline{\\tilde Q^{(n)}}

starting from :math:`F^{(0)} = Q^{(0)} = 1`. Both updates use the previous iterate (the
original, "simultaneous" scheme, as in R economiccomplexity). With ``extremality`` γ the
complexity update becomes :math:`(\\sum_c M_{cp} F_c^{-\\gamma})^{-1/\\gamma}`.

References
----------
.. [1] Tacchella, A., Cristelli, M., Caldarelli, G., Gabrielli, A., & Pietronero, L. (2012).
   A new metrics for countries' fitness and products' complexity. *Scientific Reports*, 2, 723.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_number
from grappe.complexity._matrix import as_matrix
from grappe.complexity.eci import check_binary, drop_empty
from grappe.errors import InvalidParameterError

__all__ = ["FitnessResult", "fitness_complexity", "fitness_values"]


@dataclass(frozen=True)
class FitnessResult:
    """Fitness of locations and complexity of activities (both with mean 1).

    Attributes
    ----------
    fitness : Series
        Fitness by location (NaN for locations without any specialisation).
    complexity : Series
        Complexity by activity (NaN for activities nobody specialises in).
    iterations : int
        Number of updates done.
    """

    fitness: pd.Series
    complexity: pd.Series
    iterations: int


def fitness_values(
    M: Any, *, iterations: int = 20, extremality: float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """Kernel of :func:`fitness_complexity` on a 0/1 matrix without empty rows or columns."""
    MT = M.T
    F = np.ones(M.shape[0])
    Q = np.ones(M.shape[1])
    for _ in range(iterations - 1):
        F_new = np.asarray(M @ Q).ravel()
        F_new = F_new / F_new.mean()
        Q_new = 1.0 / np.asarray(MT @ (1.0 / F) ** extremality).ravel() ** (1.0 / extremality)
        Q_new = Q_new / Q_new.mean()
        F, Q = F_new, Q_new
    return F, Q


def fitness_complexity(
    M: Any,
    *,
    iterations: int = 20,
    extremality: float = 1.0,
    rows: Any = None,
    cols: Any = None,
) -> FitnessResult:
    """Fitness of locations and complexity of activities (Tacchella et al. 2012).

    Parameters
    ----------
    M : DataFrame, array-like or scipy sparse matrix
        Binary specialisation matrix.
    iterations : int, default 20
        Length of the sequence including the starting vector of ones, as in R
        economiccomplexity (``iterations=20`` means 19 updates). The map has no fixed point
        for most real matrices (weak locations tend to 0), so the number of iterations is part
        of the definition and must be reported.
    extremality : float, default 1.0
        Exponent γ of the complexity update (1 is the original metric).
    rows, cols : sequence, optional
        Labels when ``M`` is an array.

    Returns
    -------
    FitnessResult

    Raises
    ------
    InvalidParameterError
        If ``M`` is not binary or has no non-empty row or column.

    Examples
    --------
    >>> M = [[1, 1, 1], [1, 1, 0], [1, 0, 0]]
    >>> res = fitness_complexity(M, rows=["a", "b", "c"])
    >>> bool(res.fitness["a"] > res.fitness["b"] > res.fitness["c"])
    True
    >>> round(float(res.fitness.mean()), 12)
    1.0

    References
    ----------
    .. [1] Tacchella, A., Cristelli, M., Caldarelli, G., Gabrielli, A., & Pietronero, L.
       (2012). A new metrics for countries' fitness and products' complexity. *Scientific
       Reports*, 2, 723.
    """
    func = "fitness_complexity"
    check_number(iterations, "iterations", func=func, low=2, integer=True)
    check_number(extremality, "extremality", func=func, low=0.0, closed="neither")
    m = as_matrix(M, func=func, name="M", rows=rows, cols=cols)
    check_binary(m, func)
    values, rows_ok, cols_ok = drop_empty(m)
    if values.shape[0] == 0:
        raise InvalidParameterError(
            f"The 'M' parameter of {func} must have at least one specialisation. Got none instead."
        )
    F, Q = fitness_values(values, iterations=iterations, extremality=extremality)
    fit = pd.Series(np.nan, index=m.rows, name="fitness")
    fit[rows_ok] = F
    comp = pd.Series(np.nan, index=m.cols, name="complexity")
    comp[cols_ok] = Q
    return FitnessResult(fitness=fit, complexity=comp, iterations=iterations)
