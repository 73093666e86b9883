"""Economic and product complexity (ECI, PCI): eigenvector method and method of reflections.

Conventions (stated once, used everywhere)
------------------------------------------
* **Raw vectors.** ``kp`` is an eigenvector of
  :math:`M_{pp'} = \\sum_c M_{cp} M_{cp'} / (k_{c,0} k_{p,0})` for its second largest
  eigenvalue, and ``kc = D^{-1} M kp`` (the mean ``kp`` of each location's activities), which is
  an eigenvector of :math:`M_{cc'}` for the same eigenvalue.
* **Sign.** Chosen so that ECI correlates positively with diversity (the Growth Lab's rule in
  py-ecomplexity and Stata ``ecomplexity``); PCI takes the same sign flip.
* **Standardisation** (``standardise=``): ``"growth-lab"`` (default; Atlas, py-ecomplexity,
  Stata ``ecomplexity``): ``ECI = (kc - mean(kc)) / sd(kc)`` and
  ``PCI = (kp - mean(kc)) / sd(kc)`` with population standard deviations, so that PCI is on the
  ECI scale (a location's ECI is, up to the eigenvalue, the mean PCI of its activities);
  ``"stata"``: the same, but with the standard deviation that Stata ``ecomplexity`` takes over
  the rows of its long table (``C × P`` observations, ``n - 1``), i.e. the population sd times
  :math:`\\sqrt{CP / (CP - 1)}` (verified to 1e-14 on the Growth Lab's Stata ground truth);
  ``"zscore"``: each vector standardised on its own, population sd (econcomplex);
  ``"zscore-sample"``: the same with the sample sd, ``n - 1`` (R economiccomplexity,
  economic-complexity); ``"none"``: raw ``kc`` and ``kp`` with unit-norm ``kp``.

References
----------
.. [1] Hidalgo, C. A., & Hausmann, R. (2009). The building blocks of economic complexity.
   *PNAS*, 106(26), 10570–10575.
.. [2] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
   MIT Press.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.linalg import ArpackNoConvergence, LinearOperator, eigsh

from grappe._validation import check_number, check_option
from grappe.complexity._matrix import LabelledMatrix, as_matrix
from grappe.errors import ConvergenceError, InvalidParameterError

__all__ = ["STANDARDISATIONS", "ComplexityResult", "eci_pci", "eci_pci_values"]

STANDARDISATIONS = ("growth-lab", "stata", "zscore", "zscore-sample", "none")
METHODS = ("eigenvector", "reflections")


@dataclass(frozen=True)
class ComplexityResult:
    """ECI and PCI with what produced them.

    Attributes
    ----------
    eci : Series
        Economic complexity index by location (NaN for excluded locations).
    pci : Series
        Product (activity) complexity index by activity (NaN for excluded activities).
    diversity, ubiquity : Series
        :math:`k_{c,0}` and :math:`k_{p,0}` of the binary matrix.
    method : str
        ``"eigenvector"`` or ``"reflections"``.
    standardise : str
        The standardisation convention (see the module notes).
    eigenvalue : float
        Second largest eigenvalue of :math:`M_{cc'}` (for reflections, its estimate).
    iterations : int
        Reflections done (0 for the eigenvector method).
    converged : bool
        Whether the iteration met its tolerance: always ``True`` on a returned result, since a
        run that does not converge raises :class:`~grappe.errors.ConvergenceError`.
    excluded_rows, excluded_cols : tuple
        Locations with diversity 0 and activities with ubiquity 0, left out of the computation
        because their ECI or PCI is undefined.
    kp_raw : ndarray
        Sign-aligned raw ``kp`` of the included activities (used by COI and COG).
    """

    eci: pd.Series
    pci: pd.Series
    diversity: pd.Series
    ubiquity: pd.Series
    method: str
    standardise: str
    eigenvalue: float
    iterations: int
    converged: bool
    excluded_rows: tuple = ()
    excluded_cols: tuple = ()
    kp_raw: np.ndarray = field(default_factory=lambda: np.empty(0), repr=False)
    kc_raw: np.ndarray = field(default_factory=lambda: np.empty(0), repr=False)

    def to_frames(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Tidy tables: one row per location (``eci``, ``diversity``) and per activity."""
        rows = pd.DataFrame({"eci": self.eci, "diversity": self.diversity})
        cols = pd.DataFrame({"pci": self.pci, "ubiquity": self.ubiquity})
        return rows, cols


def _row_scale(values: Any, scale: np.ndarray) -> Any:
    if sp.issparse(values):
        return sp.csr_array(sp.diags_array(scale) @ values)
    return values * scale[:, None]


def _second_eigvector(M: Any, kc0: np.ndarray, kp0: np.ndarray) -> tuple[np.ndarray, float]:
    """Raw ``kp`` (unit norm) and the eigenvalue, from the smaller symmetric form."""
    n_rows, n_cols = M.shape
    ds = 1.0 / np.sqrt(kc0)
    us = 1.0 / np.sqrt(kp0)
    # B = D^-1/2 M U^-1/2 ; S_p = B^T B shares the spectrum of M_pp, with top vector sqrt(u)
    B = _row_scale(M, ds)
    B = B @ sp.diags_array(us) if sp.issparse(B) else B * us[None, :]
    B = sp.csr_array(B) if sp.issparse(B) else np.ascontiguousarray(B)
    on_cols = n_cols <= n_rows
    n = n_cols if on_cols else n_rows
    top = np.sqrt(kp0 if on_cols else kc0)
    top = top / np.linalg.norm(top)
    if n <= 60:
        S = (B.T @ B) if on_cols else (B @ B.T)
        S = S.toarray() if sp.issparse(S) else S
        S = S - np.outer(top, top)  # deflate the trivial eigenvector (eigenvalue 1)
        vals, vecs = _dense_top(S)
    else:
        BT = B.T.tocsr() if sp.issparse(B) else np.ascontiguousarray(B.T)

        def matvec(x: np.ndarray) -> np.ndarray:
            x = np.ravel(x)
            y = BT @ (B @ x) if on_cols else B @ (BT @ x)
            return y - top * (top @ x)

        op = LinearOperator((n, n), matvec=matvec, dtype=float)
        # a fixed start vector keeps the result deterministic (no hidden randomness)
        v0 = np.random.default_rng(0).random(n)
        try:
            vals, vecs = eigsh(op, k=1, which="LA", tol=0.0, v0=v0, ncv=min(n, 64), maxiter=n * 20)
        except ArpackNoConvergence as exc:
            raise ConvergenceError(
                f"eci_pci: the sparse eigen-solver (ARPACK) did not converge in {n * 20} "
                "iterations; use method='reflections' with a larger max_iter.",
                iterations=n * 20,
                tol=0.0,
            ) from exc
    lam = float(vals[0])
    w = vecs[:, 0]
    if on_cols:
        kp = w * us
    else:
        kc = w * ds
        kp = (M.T @ kc) / kp0
    return kp / np.linalg.norm(kp), lam


def _dense_top(S: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    from scipy.linalg import eigh

    n = S.shape[0]
    vals, vecs = eigh(S, subset_by_index=[n - 1, n - 1])
    return vals, vecs


def _reflections(
    M: Any, kc0: np.ndarray, kp0: np.ndarray, n_iter: int | None, tol: float, max_iter: int
) -> tuple[np.ndarray, np.ndarray, float, int, bool]:
    """Method of reflections. Returns raw ``kc``, ``kp``, eigenvalue, iterations, converged."""
    MT = M.T.tocsr() if sp.issparse(M) else M.T
    if n_iter is not None:
        # Hidalgo & Hausmann (2009): kc_N = (1/kc0) M kp_{N-1}, kp_N = (1/kp0) M' kc_{N-1};
        # ECI from column N-1 and PCI from column N (1-based), as in R economiccomplexity.
        kc, kp = kc0.astype(float), kp0.astype(float)
        history_kc = [kc]
        for _ in range(n_iter - 1):
            kc, kp = (M @ kp) / kc0, (MT @ kc) / kp0
            history_kc.append(kc)
        kc_out = history_kc[-2]
        lam = float(np.nan)
        return kc_out, kp, lam, n_iter, True
    # Converged reflections: iterate M_cc (two reflections per step) while removing the
    # trivial constant component, i.e. power iteration on the deflated operator; the limit is
    # the eigenvector of the second eigenvalue, reached without the loss of precision of
    # plain reflections (whose non-trivial part decays as lambda_2^n).
    weight = kc0 / kc0.sum()
    # start from diversity (as Hidalgo & Hausmann) plus a small fixed generic vector, so that
    # the start is never orthogonal to the second eigenvector (symmetric matrices can make
    # diversity exactly orthogonal to it); the limit does not depend on the start
    generic = np.random.default_rng(0).random(M.shape[0])
    x = kc0 - weight @ kc0
    g = generic - weight @ generic
    x = x + 1e-3 * max(float(np.linalg.norm(x)), 1.0) * g / np.linalg.norm(g)
    x = x / np.linalg.norm(x)
    lam = 0.0
    for it in range(1, max_iter + 1):
        y = (M @ ((MT @ x) / kp0)) / kc0
        y = y - weight @ y
        lam = float(np.linalg.norm(y))
        if lam == 0.0:
            break
        y = y / lam
        if np.sign(y @ x) < 0:
            y = -y
        delta = float(np.max(np.abs(y - x)))
        x = y
        if delta < tol:
            kp = (MT @ x) / kp0
            return x, kp, lam, 2 * it, True
    kp = (MT @ x) / kp0
    return x, kp, lam, 2 * max_iter, False


def eci_pci_values(
    M: Any,
    *,
    method: str = "eigenvector",
    standardise: str = "growth-lab",
    n_iter: int | None = None,
    tol: float = 1e-13,
    max_iter: int = 10_000,
) -> dict[str, Any]:
    """Kernel of :func:`eci_pci` on a validated 0/1 matrix without empty rows or columns."""
    if not sp.issparse(M) and M.size > 250_000 and np.count_nonzero(M) < 0.3 * M.size:
        # iterative kernels only need products with M: a sparse copy makes them cheaper
        M = sp.csr_array(M, dtype=np.float64)
    kc0 = np.asarray(M.sum(axis=1)).ravel()
    kp0 = np.asarray(M.sum(axis=0)).ravel()
    iterations, converged = 0, True
    if method == "eigenvector":
        kp, lam = _second_eigvector(M, kc0, kp0)
        kc = (M @ kp) / kc0
    else:
        kc, kp, lam, iterations, converged = _reflections(M, kc0, kp0, n_iter, tol, max_iter)
        if not converged:
            raise ConvergenceError(
                f"eci_pci: reflections did not converge in {max_iter} steps (tol={tol}); raise "
                "max_iter or tol.",
                iterations=max_iter,
                tol=tol,
            )
        if n_iter is None:
            kp = kp / np.linalg.norm(kp)
            kc = (M @ kp) / kc0
    if not np.std(kc) > 1e-12 * max(1.0, float(np.abs(kc).max())):
        raise InvalidParameterError(
            "The 'M' parameter of eci_pci must distinguish locations: ECI is undefined when the "
            "second eigenvalue is 0 (e.g. every location has the same activities). Got such a "
            "matrix instead."
        )
    if _sign(kc0, kp0, kc, kp) < 0:
        kc, kp = -kc, -kp
    eci, pci = _standardise(kc, kp, standardise, M.shape)
    return {
        "eci": eci,
        "pci": pci,
        "kc": kc,
        "kp": kp,
        "eigenvalue": lam,
        "iterations": iterations,
        "converged": converged,
        "diversity": kc0,
        "ubiquity": kp0,
    }


def stata_factor(shape: tuple[int, int]) -> float:
    """Ratio of Stata's long-table sample sd to the population sd of a location vector."""
    n = shape[0] * shape[1]
    return float(np.sqrt(n / (n - 1)))


def _sign(kc0: np.ndarray, kp0: np.ndarray, kc: np.ndarray, kp: np.ndarray) -> float:
    """+1 or -1: ECI correlates positively with diversity (Growth Lab); when that correlation
    is 0, PCI correlates negatively with ubiquity; failing that, ECI is right-skewed. Every
    rule is invariant to the order of rows and columns."""
    for a, b, want in ((kc0, kc, 1.0), (kp0, kp, -1.0)):
        if np.std(a) > 0 and np.std(b) > 0:
            r = float(np.corrcoef(a, b)[0, 1])
            if abs(r) > 1e-9:
                return want * np.sign(r)
    skew = float(np.mean((kc - kc.mean()) ** 3))
    return -1.0 if skew < -1e-9 * float(np.std(kc)) ** 3 else 1.0


def _standardise(
    kc: np.ndarray, kp: np.ndarray, how: str, shape: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray]:
    if how == "none":
        return kc.copy(), kp.copy()
    if how in ("growth-lab", "stata"):
        mu, sd = kc.mean(), kc.std()
        if how == "stata":
            sd *= stata_factor(shape)
        return (kc - mu) / sd, (kp - mu) / sd
    ddof = 1 if how == "zscore-sample" else 0
    return (kc - kc.mean()) / kc.std(ddof=ddof), (kp - kp.mean()) / kp.std(ddof=ddof)


def check_binary(m: LabelledMatrix, func: str, name: str = "M") -> None:
    """Raise unless every value of ``m`` is 0 or 1."""
    data = m.values.data if m.is_sparse else m.values
    if not np.isin(data, (0.0, 1.0)).all():
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must be a binary (0/1) matrix. Got other values "
            "instead; build it with binary_specialisation()."
        )


def drop_empty(m: LabelledMatrix) -> tuple[Any, np.ndarray, np.ndarray]:
    """Values without all-zero rows and columns, and the boolean masks of what was kept."""
    rows_ok = np.asarray(m.values.sum(axis=1)).ravel() > 0
    cols_ok = np.asarray(m.values.sum(axis=0)).ravel() > 0
    values = m.values
    if not rows_ok.all():
        values = values[np.flatnonzero(rows_ok)] if m.is_sparse else values[rows_ok]
    if not cols_ok.all():
        values = values[:, np.flatnonzero(cols_ok)] if m.is_sparse else values[:, cols_ok]
    return values, rows_ok, cols_ok


def eci_pci(
    M: Any,
    *,
    method: str = "eigenvector",
    standardise: str = "growth-lab",
    n_iter: int | None = None,
    tol: float = 1e-13,
    max_iter: int = 10_000,
    rows: Any = None,
    cols: Any = None,
) -> ComplexityResult:
    r"""Economic complexity index (ECI) and product complexity index (PCI).

    Parameters
    ----------
    M : DataFrame, array-like or scipy sparse matrix
        Binary specialisation matrix, locations × activities (see
        :func:`~grappe.complexity.binary_specialisation`).
    method : {"eigenvector", "reflections"}
        ``"eigenvector"``: second eigenvector of the symmetric form of :math:`M_{pp'}` (a
        symmetric solver on the smaller side; exact to rounding). ``"reflections"``: the method
        of reflections [1]_.
    standardise : {"growth-lab", "stata", "zscore", "zscore-sample", "none"}
        Scaling convention (see the module notes); the default reproduces the Atlas and Stata
        ``ecomplexity``.
    n_iter : int, optional
        For ``method="reflections"``: a fixed number of reflections as in [1]_ and R
        economiccomplexity (ECI from reflection ``n_iter - 1``, PCI from ``n_iter``). When
        ``None`` (default) the reflections run until they converge, with the trivial component
        removed at each step, and give the eigenvector result.
    tol : float
        Convergence tolerance (max absolute change of the unit-norm vector).
    max_iter : int
        Maximum number of reflection pairs.
    rows, cols : sequence, optional
        Labels when ``M`` is an array.

    Returns
    -------
    ComplexityResult
        Labelled ``eci``, ``pci``, ``diversity``, ``ubiquity`` and diagnostics.

    Raises
    ------
    InvalidParameterError
        If ``M`` is not binary, or has fewer than 2 non-empty rows or columns.
    ConvergenceError
        When converged reflections (``n_iter=None``) reach ``max_iter`` before ``tol``, or when
        the sparse eigen-solver of a large matrix does not converge.

    Notes
    -----
    Locations with diversity 0 and activities with ubiquity 0 are excluded (their indices are
    undefined) and reported in ``excluded_rows`` / ``excluded_cols`` with NaN values.

    Examples
    --------
    >>> M = [[1, 1, 1], [1, 1, 0], [1, 0, 0]]
    >>> res = eci_pci(M, rows=["a", "b", "c"], cols=["x", "y", "z"])
    >>> [round(float(v), 4) + 0.0 for v in res.eci]
    [1.2247, 0.0, -1.2247]
    >>> bool(res.pci["z"] > res.pci["y"] > res.pci["x"])
    True

    References
    ----------
    .. [1] Hidalgo, C. A., & Hausmann, R. (2009). The building blocks of economic complexity.
       *PNAS*, 106(26), 10570–10575.
    .. [2] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
       MIT Press.
    """
    func = "eci_pci"
    check_option(method, "method", METHODS, func=func)
    check_option(standardise, "standardise", STANDARDISATIONS, func=func)
    if n_iter is not None:
        check_number(n_iter, "n_iter", func=func, low=2, integer=True)
    check_number(tol, "tol", func=func, low=0.0, closed="neither")
    check_number(max_iter, "max_iter", func=func, low=1, integer=True)
    m = as_matrix(M, func=func, name="M", rows=rows, cols=cols)
    check_binary(m, func)
    values, rows_ok, cols_ok = drop_empty(m)
    if values.shape[0] < 2 or values.shape[1] < 2:
        raise InvalidParameterError(
            f"The 'M' parameter of {func} must have at least 2 locations and 2 activities with "
            f"some specialisation. Got {values.shape[0]} × {values.shape[1]} instead."
        )
    out = eci_pci_values(
        values, method=method, standardise=standardise, n_iter=n_iter, tol=tol, max_iter=max_iter
    )
    return _result(m, out, rows_ok, cols_ok, method, standardise)


def _result(
    m: LabelledMatrix,
    out: dict[str, Any],
    rows_ok: np.ndarray,
    cols_ok: np.ndarray,
    method: str,
    standardise: str,
) -> ComplexityResult:
    def full(vec: np.ndarray, mask: np.ndarray, index: pd.Index, name: str) -> pd.Series:
        s = pd.Series(np.nan, index=index, name=name)
        s[mask] = vec
        return s

    return ComplexityResult(
        eci=full(out["eci"], rows_ok, m.rows, "eci"),
        pci=full(out["pci"], cols_ok, m.cols, "pci"),
        diversity=pd.Series(
            np.asarray(m.values.sum(axis=1)).ravel(), index=m.rows, name="diversity"
        ),
        ubiquity=pd.Series(np.asarray(m.values.sum(axis=0)).ravel(), index=m.cols, name="ubiquity"),
        method=method,
        standardise=standardise,
        eigenvalue=out["eigenvalue"],
        iterations=out["iterations"],
        converged=out["converged"],
        excluded_rows=tuple(m.rows[~rows_ok]),
        excluded_cols=tuple(m.cols[~cols_ok]),
        kp_raw=out["kp"],
        kc_raw=out["kc"],
    )
