"""Centrality of actors: degree, strength and betweenness on the collapsed graph."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_number, check_option
from grappe.errors import MissingDependencyError
from grappe.i18n import Message
from grappe.network.model import ActorNetwork

__all__ = ["BETWEENNESS_EXACT_LIMIT", "betweenness", "centrality"]

#: Above this many actors, :func:`betweenness` samples sources unless told otherwise.
BETWEENNESS_EXACT_LIMIT = 2000

#: Sources sampled by default above :data:`BETWEENNESS_EXACT_LIMIT`.
BETWEENNESS_DEFAULT_K = 256


def centrality(
    net: ActorNetwork, *, k: int | None = None, seed: int | None = None, backend: str = "auto"
) -> pd.DataFrame:
    """Degree, in/out degree, strength and betweenness of every actor.

    Parameters
    ----------
    net : ActorNetwork
    k, seed, backend
        Passed to :func:`betweenness`.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id, columns ``degree`` (distinct neighbours, in or out),
        ``in_degree``, ``out_degree`` (arcs of the collapsed directed graph), ``strength``
        (sum over neighbours of the strongest tie with each; unrated ties count 1) and
        ``betweenness`` (normalised, see :func:`betweenness`).

    Raises
    ------
    InvalidParameterError
        If ``k`` or ``backend`` is not valid (see :func:`betweenness`).

    References
    ----------
    Freeman, L. C. (1978) Centrality in social networks: conceptual clarification. *Social
    Networks* 1(3):215–239.
    """
    A = net.adjacency
    W = net.weights
    S = W.maximum(W.T)
    out = pd.DataFrame(
        {
            "degree": np.asarray((S > 0).sum(axis=1)).ravel().astype(int),
            "in_degree": np.asarray(A.sum(axis=0)).ravel().astype(int),
            "out_degree": np.asarray(A.sum(axis=1)).ravel().astype(int),
            "strength": np.asarray(S.sum(axis=1)).ravel(),
        },
        index=net.index,
    )
    out["betweenness"] = betweenness(net, k=k, seed=seed, backend=backend).to_numpy()
    return out


def betweenness(
    net: ActorNetwork, *, k: int | None = None, seed: int | None = None, backend: str = "auto"
) -> pd.Series:
    """Shortest-path betweenness of each actor on the collapsed directed graph.

    ``b(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st / ((n − 1)(n − 2))``, unweighted (tie strengths are
    not distances). An undirected tie is an arc each way, so on an undirected network this is
    the usual normalised undirected betweenness.

    Parameters
    ----------
    net : ActorNetwork
    k : int, optional
        Estimate from ``k`` source actors drawn at random (Brandes & Pich 2007), scaled by
        n / k — the estimator of :func:`networkx.betweenness_centrality` with ``k``. Default:
        exact up to :data:`BETWEENNESS_EXACT_LIMIT` actors, else ``k = 256``.
    seed : int or None, default None
        Seed of the source sample.
        ``None`` draws fresh entropy (numpy's ``default_rng(None)``); pass an int to
        reproduce a result (the package's seed policy, see docs/architecture.md).
    backend : {"auto", "igraph", "networkx"}, default "auto"
        ``"igraph"`` (C, fast; ``pip install grappe[network]``), ``"networkx"`` (pure
        Python), ``"auto"`` = igraph when installed. Both give identical numbers.

    Returns
    -------
    pandas.Series
        Indexed by actor id.

    Raises
    ------
    InvalidParameterError
        If ``k`` is not an integer in [1, n] or ``backend`` is unknown.
    MissingDependencyError
        If ``backend="igraph"`` and igraph is not installed.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.network.model import build_network
    >>> a = pd.DataFrame({"id": list("abc"), "sphere": "enterprise", "level": "local"})
    >>> t = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "type": "advice"})
    >>> betweenness(build_network(a, t, directed=False)).tolist()
    [0.0, 1.0, 0.0]

    References
    ----------
    Freeman, L. C. (1977) A set of measures of centrality based on betweenness. *Sociometry*
    40(1):35–41. Brandes, U. (2001) A faster algorithm for betweenness centrality. *Journal of
    Mathematical Sociology* 25(2):163–177. Brandes, U. & Pich, C. (2007) Centrality estimation
    in large networks. *International Journal of Bifurcation and Chaos* 17(7):2303–2318.
    """
    func = "betweenness"
    n = net.n_actors
    check_option(backend, "backend", ("auto", "igraph", "networkx"), func=func)
    if k is not None:
        check_number(k, "k", func=func, low=1, high=max(n, 1), integer=True)
    elif n > BETWEENNESS_EXACT_LIMIT:
        k = BETWEENNESS_DEFAULT_K
    if n < 3:
        return pd.Series(np.zeros(n), index=net.index, name="betweenness")
    sources = None
    if k is not None and k < n:
        rng = np.random.default_rng(seed)
        sources = np.sort(rng.choice(n, size=k, replace=False))
    arcs = net.arcs
    edges = np.column_stack([arcs["i"].to_numpy(), arcs["j"].to_numpy()])
    if backend == "auto":
        backend = "igraph" if _has_igraph() else "networkx"
    raw = (_raw_igraph if backend == "igraph" else _raw_networkx)(n, edges, sources)
    scale = 1.0 if sources is None else n / len(sources)
    values = raw * scale / ((n - 1) * (n - 2))
    return pd.Series(values, index=net.index, name="betweenness")


def _has_igraph() -> bool:
    try:
        import igraph  # noqa: F401
    except ImportError:
        return False
    return True


def _raw_igraph(n: int, edges: np.ndarray, sources: np.ndarray | None) -> np.ndarray:
    try:
        import igraph as ig
    except ImportError as exc:
        raise MissingDependencyError(
            Message("backend='igraph' needs python-igraph: pip install grappe[network]")
        ) from exc
    g = ig.Graph(n=n, edges=edges.tolist(), directed=True)
    if sources is None:
        return np.asarray(g.betweenness(directed=True), dtype=float)
    return np.asarray(g.betweenness(directed=True, sources=sources.tolist()), dtype=float)


def _raw_networkx(n: int, edges: np.ndarray, sources: np.ndarray | None) -> np.ndarray:
    import networkx as nx

    g: Any = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from(map(tuple, edges.tolist()))
    if sources is None:
        b = nx.betweenness_centrality(g, normalized=False)
    else:
        b = nx.betweenness_centrality_subset(
            g, sources=sources.tolist(), targets=list(range(n)), normalized=False
        )
    return np.array([b[v] for v in range(n)], dtype=float)
