"""Complexity outlook index (COI) and complexity outlook gain (COG).

.. math::

    COI_c = \\sum_p \\omega_{cp} (1 - M_{cp})\\, PCI_p \\qquad
    COG_{cp} = (1 - M_{cp}) \\sum_{p'} \\frac{\\phi_{p'p}}{\\sum_{p''} \\phi_{p'p''}}
               (1 - M_{cp'})\\, PCI_{p'}

Conventions (``convention=``)
-----------------------------
``"growth-lab"`` (default; py-ecomplexity, Stata ``ecomplexity``): the sums use the raw,
sign-aligned eigenvector ``kp``; COI is then standardised (population sd) and COG divided by
the standard deviation of the raw ``kc`` (so that COG is on the ECI scale); when the complexity
result used ``standardise="stata"``, both standard deviations are Stata's long-table ones.
``"pci"``: the
sums use the PCI values given, unstandardised (Hausmann et al. 2014's formula); passing a
z-scored PCI reproduces econcomplex, which centres PCI first.

References
----------
.. [1] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
   MIT Press, technical box 5.1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_option
from grappe.complexity._matrix import as_matrix
from grappe.complexity.eci import ComplexityResult, check_binary, stata_factor
from grappe.complexity.relatedness import (
    ENGINES,
    _phi_for,
    density_outlook_values,
    proximity_values,
)
from grappe.errors import InvalidParameterError

__all__ = ["OutlookResult", "complexity_outlook", "density_outlook_values", "outlook_values"]


@dataclass(frozen=True)
class OutlookResult:
    """COI by location and COG by location × activity.

    Attributes
    ----------
    coi : Series
        Complexity outlook index by location.
    cog : DataFrame
        Complexity outlook gain, locations × activities (0 where the location is already
        specialised).
    convention : str
        ``"growth-lab"`` or ``"pci"``.
    """

    coi: pd.Series
    cog: pd.DataFrame
    convention: str


def outlook_values(
    M: Any, phi: np.ndarray, kp: np.ndarray, *, engine: str = "auto"
) -> tuple[np.ndarray, np.ndarray]:
    """Raw COI and COG sums for a dense or CSR 0/1 matrix ``M`` and values ``kp``."""
    _, coi, cog = density_outlook_values(M, phi, kp, engine=engine)
    return coi, cog


def complexity_outlook(
    M: Any,
    complexity: ComplexityResult | pd.Series,
    phi: Any = None,
    *,
    convention: str = "growth-lab",
    diagonal: float | None = 0.0,
    rows: Any = None,
    cols: Any = None,
    engine: str = "auto",
) -> OutlookResult:
    """Complexity outlook index and gain.

    Parameters
    ----------
    M : DataFrame, array-like or scipy sparse matrix
        Binary specialisation matrix used for the complexity indices.
    complexity : ComplexityResult or Series
        The result of :func:`~grappe.complexity.eci_pci` (needed for ``"growth-lab"``), or a
        PCI Series indexed by activity (``"pci"`` convention).
    phi : DataFrame or array-like, optional
        Proximity between activities; computed with
        :func:`~grappe.complexity.proximity` (``diagonal`` as given) when absent.
    convention : {"growth-lab", "pci"}
        See the module notes.
    diagonal : float, optional
        Diagonal of the computed proximity: 0 (default) as in Stata ``ecomplexity``;
        ``None`` keeps the natural 1 of py-ecomplexity.
    rows, cols : sequence, optional
        Labels when ``M`` is an array.
    engine : {"auto", "numba", "numpy"}, default "auto"
        See :func:`~grappe.complexity.proximity`; used for the proximity and the COG product.

    Returns
    -------
    OutlookResult

    Raises
    ------
    InvalidParameterError
        If ``complexity`` does not fit the convention or the activities of ``M``.
    MissingDependencyError
        If ``engine="numba"`` and numba is not installed.

    Examples
    --------
    >>> from grappe.complexity import eci_pci
    >>> M = pd.DataFrame([[1, 1, 1], [1, 1, 0], [1, 0, 0]], columns=["x", "y", "z"])
    >>> out = complexity_outlook(M, eci_pci(M))
    >>> out.cog.loc[0].tolist()  # the most diverse location has nothing left to gain
    [0.0, 0.0, 0.0]

    References
    ----------
    .. [1] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
       MIT Press.
    """
    func = "complexity_outlook"
    check_option(convention, "convention", ("growth-lab", "pci"), func=func)
    check_option(engine, "engine", ENGINES, func=func)
    m = as_matrix(M, func=func, name="M", rows=rows, cols=cols)
    check_binary(m, func)
    arr = _phi_for(m.values, phi, m.cols, func)
    if arr is None:
        arr = proximity_values(m.values, diagonal=diagonal, engine=engine)
    if convention == "growth-lab":
        if not isinstance(complexity, ComplexityResult):
            raise InvalidParameterError(
                f"The 'complexity' parameter of {func} must be a ComplexityResult when "
                f"convention='growth-lab'. Got {type(complexity).__name__} instead."
            )
        if (
            complexity.excluded_rows
            or complexity.excluded_cols
            or len(complexity.pci) != len(m.cols)
        ):
            raise InvalidParameterError(
                f"The 'complexity' parameter of {func} must come from the same matrix M without "
                "empty rows or columns. Got a result with excluded locations or activities "
                "instead; drop them from M first."
            )
        kp = complexity.kp_raw
        coi, cog = outlook_values(m.values, arr, kp, engine=engine)
        factor = stata_factor(m.values.shape) if complexity.standardise == "stata" else 1.0
        coi = (coi - coi.mean()) / (coi.std() * factor)
        cog = cog / (complexity.kc_raw.std() * factor)
    else:
        pci = complexity.pci if isinstance(complexity, ComplexityResult) else complexity
        if not isinstance(pci, pd.Series) or m.cols.difference(pci.index).size:
            raise InvalidParameterError(
                f"The 'complexity' parameter of {func} must give a PCI for every activity of M. "
                "Got missing activities instead."
            )
        kp = pci.reindex(m.cols).to_numpy(dtype=float)
        if not np.isfinite(kp).all():
            raise InvalidParameterError(
                f"The 'complexity' parameter of {func} must have finite PCI values. "
                "Got NaN instead."
            )
        coi, cog = outlook_values(m.values, arr, kp, engine=engine)
    return OutlookResult(
        coi=pd.Series(coi, index=m.rows, name="coi"),
        cog=pd.DataFrame(cog, index=m.rows, columns=m.cols),
        convention=convention,
    )
