"""Core–periphery structure after Borgatti & Everett (1999).

*Continuous model.* Each actor gets a coreness ``c_i ≥ 0`` such that the ideal tie pattern
``c_i c_j`` is as close as possible to the observed symmetric ties ``s_ij`` (``i ≠ j``). We
minimise ``Σ_{i≠j} (s_ij − c_i c_j)²`` (the least-squares formulation of Boyd, Fitzgerald &
Beck 2006) with scipy's L-BFGS-B under ``c ≥ 0``, starting from the degrees; the loss and
its gradient ``−4 (S c)_i + 4 c_i (Σ_j c_j² − c_i²)`` cost one sparse product. The fit is the
Pearson correlation between ``s_ij`` and ``c_i c_j``.

*Discrete model.* The core is the set of actors whose ideal pattern — ties everywhere inside
the core, none inside the periphery, core–periphery cells not scored (Borgatti & Everett's
model with the off-diagonal blocks treated as missing) — correlates best with the observed ties.
Rather than searching all 2ⁿ partitions (Borgatti & Everett used a genetic algorithm), we
search the n − 3 partitions that put the k actors of highest coreness in the core, which
needs only cumulative counts of ties and is exact for a graph that has a perfect
core–periphery structure.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from grappe._validation import check_number
from grappe.errors import ConvergenceError
from grappe.i18n import Message
from grappe.network.model import ActorNetwork

# ConvergenceError lives in grappe.errors; it is re-exported here for code that imported it
# from this module before it moved.
__all__ = ["ConvergenceError", "CorePeriphery", "core_periphery"]


@dataclass(frozen=True)
class CorePeriphery:
    """Result of :func:`core_periphery`.

    Attributes
    ----------
    coreness : pandas.Series
        Continuous coreness by actor id, scaled so that the largest is 1 (0 for isolates).
    core : pandas.Series
        Boolean membership of the discrete core.
    fit_continuous : float
        Pearson correlation between the observed ties and ``c_i c_j``.
    fit_discrete : float
        Pearson correlation between the observed ties and the discrete ideal pattern.
    iterations : int
        Iterations of the continuous model.
    """

    coreness: pd.Series
    core: pd.Series
    fit_continuous: float
    fit_discrete: float
    iterations: int


def core_periphery(net: ActorNetwork, *, max_iter: int = 1000, tol: float = 1e-10) -> CorePeriphery:
    """Continuous coreness and discrete core of the (symmetrised) collapsed graph.

    Parameters
    ----------
    net : ActorNetwork
        A pair of actors counts as tied if a tie of any type joins them either way.
    max_iter : int, default 1000
        Iterations allowed to the optimiser of the continuous model.
    tol : float, default 1e-10
        Convergence threshold on the projected gradient (``gtol`` of L-BFGS-B).

    Returns
    -------
    CorePeriphery

    Raises
    ------
    InvalidParameterError
        If ``max_iter`` or ``tol`` is not positive.
    ConvergenceError
        If the iteration does not converge in ``max_iter`` steps.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.network.model import build_network
    >>> core = ["a", "b", "c"]
    >>> pairs = [("a", "b"), ("a", "c"), ("b", "c"), ("a", "d"), ("b", "e"), ("c", "f")]
    >>> net = build_network(
    ...     pd.DataFrame({"id": list("abcdef"), "sphere": "enterprise", "level": "local"}),
    ...     pd.DataFrame(pairs, columns=["source", "target"]).assign(type="trust"),
    ...     directed=False)
    >>> core_periphery(net).core[lambda s: s].index.tolist()
    ['a', 'b', 'c']

    References
    ----------
    Borgatti, S. P. & Everett, M. G. (1999) Models of core/periphery structures. *Social
    Networks* 21(4):375–395. Boyd, J. P., Fitzgerald, W. J. & Beck, R. J. (2006) Computing
    core/periphery structures and permutation tests for social relations data. *Social
    Networks* 28(2):165–178.
    """
    func = "core_periphery"
    check_number(max_iter, "max_iter", func=func, low=1, integer=True)
    check_number(tol, "tol", func=func, low=0, closed="neither")
    A = net.adjacency
    S = ((A + A.T) > 0).astype(float).tocsr()
    n = S.shape[0]
    deg = np.asarray(S.sum(axis=1)).ravel()
    c, iterations = _continuous(S, deg, max_iter=max_iter, tol=tol)
    fit_c = _fit_continuous(S, c)
    order = np.argsort(-c, kind="stable")
    core_mask, fit_d = _best_split(S, order)
    peak = c.max() if n else 0.0
    scaled = c / peak if peak > 0 else c
    return CorePeriphery(
        coreness=pd.Series(scaled, index=net.index, name="coreness"),
        core=pd.Series(core_mask, index=net.index, name="core"),
        fit_continuous=fit_c,
        fit_discrete=fit_d,
        iterations=iterations,
    )


def _continuous(
    S: sp.csr_array, deg: np.ndarray, *, max_iter: int, tol: float
) -> tuple[np.ndarray, int]:
    """Minimise Σ_{i≠j} (s_ij − c_i c_j)² over c ≥ 0 with L-BFGS-B (sparse gradient)."""
    from scipy.optimize import minimize

    n = S.shape[0]
    if n == 0 or deg.sum() == 0:
        return np.zeros(n), 0
    s_total = float(S.multiply(S).sum())

    def loss(c: np.ndarray) -> tuple[float, np.ndarray]:
        Sc = S @ c
        sq = c @ c
        value = s_total - 2 * (c @ Sc) + sq**2 - (c**4).sum()
        grad = -4 * Sc + 4 * c * (sq - c**2)
        return float(value), grad

    start = deg / np.sqrt(deg.sum())
    res = minimize(
        loss,
        start,
        jac=True,
        method="L-BFGS-B",
        bounds=[(0.0, None)] * n,
        options={"maxiter": max_iter, "gtol": tol, "ftol": tol * 1e-3},
    )
    # status 1: iteration limit. Status 2 ("ABNORMAL") means the line search can no longer
    # improve the loss, i.e. the optimum is reached to machine precision.
    if res.status == 1:
        raise ConvergenceError(
            Message(
                "The continuous core–periphery model did not converge in {max_iter} iterations "
                "({reason}); raise max_iter or tol.",
                max_iter=max_iter,
                reason=res.message,
            ),
            iterations=max_iter,
            tol=tol,
        )
    return np.asarray(res.x), int(res.nit)


def _fit_continuous(S: sp.csr_array, c: np.ndarray) -> float:
    """Pearson r between s_ij and c_i c_j over ordered pairs i ≠ j, in O(m)."""
    n = len(c)
    N = n * (n - 1)
    if N == 0:
        return float("nan")
    coo = S.tocoo()
    sxy = float((c[coo.row] * c[coo.col]).sum())
    sx = float(S.sum())  # s is binary: Σs = Σs²
    sy = float(c.sum() ** 2 - (c**2).sum())
    syy = float((c**2).sum() ** 2 - (c**4).sum())
    num = N * sxy - sx * sy
    den = np.sqrt(max(N * sx - sx**2, 0.0) * max(N * syy - sy**2, 0.0))
    return float(num / den) if den > 0 else float("nan")


def _best_split(S: sp.csr_array, order: np.ndarray) -> tuple[np.ndarray, float]:
    """Best 'top-k is the core' split for the core-core = 1, periphery-periphery = 0 model."""
    n = len(order)
    core = np.zeros(n, dtype=bool)
    if n < 4:
        return core, float("nan")
    rank = np.empty(n, dtype=int)
    rank[order] = np.arange(n)
    coo = sp.triu(S, k=1).tocoo()
    hi = np.maximum(rank[coo.row], rank[coo.col])  # tie inside top-k iff hi < k
    lo = np.minimum(rank[coo.row], rank[coo.col])  # tie inside the rest iff lo >= k
    ks = np.arange(2, n - 1)
    e_cc = 2 * np.searchsorted(np.sort(hi), ks, side="left")
    e_pp = 2 * (len(lo) - np.searchsorted(np.sort(lo), ks, side="left"))
    n_cc = ks * (ks - 1)
    N = n_cc + (n - ks) * (n - ks - 1)
    sx = e_cc + e_pp
    num = N * e_cc - sx * n_cc
    den = np.sqrt((N * sx - sx**2).astype(float) * (N * n_cc - n_cc**2).astype(float))
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(den > 0, num / den, -np.inf)
    r = np.round(r, 12)  # so that equal fits compare equal
    if not np.isfinite(r).any():
        return core, float("nan")
    best = len(r) - 1 - int(np.argmax(r[::-1]))  # on a tie, the largest core
    core[order[: ks[best]]] = True
    return core, float(r[best])
