"""The industry (product) space as a graph: maximum spanning tree plus the strongest links.

References
----------
.. [1] Hidalgo, C. A., Klinger, B., Barabási, A.-L., & Hausmann, R. (2007). The product space
   conditions the development of nations. *Science*, 317(5837), 482–487.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from grappe._validation import check_number
from grappe.errors import InvalidParameterError

__all__ = ["industry_space", "space_layout", "space_to_json"]


def industry_space(
    phi: pd.DataFrame,
    *,
    min_proximity: float | None = 0.55,
    max_edges: int | None = None,
    nodes: pd.DataFrame | None = None,
) -> nx.Graph:
    """Backbone graph of a relatedness matrix, for display.

    The maximum spanning tree keeps every activity connected through its strongest path; the
    links at or above ``min_proximity`` are added on top (Hidalgo et al. [1]_ used 0.55), or,
    with ``max_edges``, the strongest links up to that total number of edges.

    Parameters
    ----------
    phi : DataFrame
        Square symmetric relatedness matrix labelled by activity (e.g. from
        :func:`~grappe.complexity.proximity`); the diagonal is ignored.
    min_proximity : float or None, default 0.55
        Add every link at or above this value. ``None`` adds none (unless ``max_edges``).
    max_edges : int, optional
        Instead of a threshold, add the strongest links until the graph has this many edges
        (never fewer than the tree's ``n - 1``).
    nodes : DataFrame, optional
        Node attributes indexed by activity (e.g. name, PCI, ubiquity, employment); columns
        become node attributes.

    Returns
    -------
    networkx.Graph
        Nodes are activity labels; each edge has ``weight`` (the relatedness) and ``tree``
        (whether it belongs to the spanning tree).

    Raises
    ------
    InvalidParameterError
        If ``phi`` is not a square labelled matrix or an option is out of range.

    Examples
    --------
    >>> phi = pd.DataFrame([[1, .9, .2], [.9, 1, .6], [.2, .6, 1]], index=list("abc"),
    ...                    columns=list("abc"))
    >>> G = industry_space(phi, min_proximity=None)
    >>> sorted(G.edges())
    [('a', 'b'), ('b', 'c')]

    References
    ----------
    .. [1] Hidalgo, C. A., Klinger, B., Barabási, A.-L., & Hausmann, R. (2007). The product
       space conditions the development of nations. *Science*, 317(5837), 482–487.
    """
    func = "industry_space"
    if (
        not isinstance(phi, pd.DataFrame)
        or phi.shape[0] != phi.shape[1]
        or not phi.index.equals(phi.columns)
    ):
        raise InvalidParameterError(
            f"The 'phi' parameter of {func} must be a square DataFrame with the same labels on "
            "both axes. Got another object instead."
        )
    if min_proximity is not None:
        check_number(min_proximity, "min_proximity", func=func, low=0.0)
    if max_edges is not None:
        check_number(max_edges, "max_edges", func=func, low=0, integer=True)
    values = phi.to_numpy(dtype=float)
    if not np.isfinite(values).all() or not np.allclose(values, values.T):
        raise InvalidParameterError(
            f"The 'phi' parameter of {func} must be finite and symmetric. Got another matrix "
            "instead; use measure='proximity', 'cosine', 'jaccard' or 'association'."
        )
    labels = list(phi.index)
    iu, ju = np.triu_indices(len(labels), k=1)
    w = values[iu, ju]
    G = nx.Graph()
    G.add_nodes_from(labels)
    for i, j in _maximum_spanning_tree(values):
        G.add_edge(labels[i], labels[j], weight=float(values[i, j]), tree=True)
    order = np.argsort(-w, kind="stable")
    for k in order:
        if max_edges is not None:
            if G.number_of_edges() >= max_edges:
                break
        elif min_proximity is None or w[k] < min_proximity:
            break
        if w[k] <= 0:
            break
        a, b = labels[iu[k]], labels[ju[k]]
        if not G.has_edge(a, b):
            G.add_edge(a, b, weight=float(w[k]), tree=False)
    if nodes is not None:
        for col in nodes.columns:
            values_col = nodes[col].reindex(labels)
            nx.set_node_attributes(G, {k: _plain(v) for k, v in values_col.items()}, name=str(col))
    return G


def _maximum_spanning_tree(values: np.ndarray) -> list[tuple[int, int]]:
    """Pairs (i < j) of a maximum spanning tree (a forest where links are missing) of the
    positive weights of a symmetric matrix.

    SciPy's minimum spanning tree on the costs ``max + 1 − w`` (positive, so that no link is
    read as missing), instead of a networkx graph of every pair: 1,200 products make 730,000
    pairs, whose graph alone takes seconds to build.
    """
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import minimum_spanning_tree

    upper = np.triu(np.where(values > 0, values, 0.0), k=1)
    if not upper.any():
        return []
    cost = np.where(upper > 0, upper.max() + 1.0 - upper, 0.0)
    tree = minimum_spanning_tree(csr_array(cost)).tocoo()
    return sorted((int(min(i, j)), int(max(i, j))) for i, j in zip(tree.row, tree.col, strict=True))


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def space_to_json(G: nx.Graph) -> dict[str, Any]:
    """Node-link dictionary of an industry space, ready for ``json.dumps`` and d3/vis.js.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`industry_space`.

    Returns
    -------
    dict
        ``{"directed": False, "multigraph": False, "graph": {}, "nodes": [{"id": …, …}],
        "links": [{"source": …, "target": …, "weight": …, "tree": …}]}``.

    Examples
    --------
    >>> phi = pd.DataFrame([[1, .9], [.9, 1]], index=["a", "b"], columns=["a", "b"])
    >>> space_to_json(industry_space(phi))["links"]
    [{'weight': 0.9, 'tree': True, 'source': 'a', 'target': 'b'}]

    References
    ----------
    .. [1] Hagberg, A., Schult, D., & Swart, P. (2008). Exploring network structure, dynamics,
       and function using NetworkX. *Proc. SciPy 2008*, 11–15.
    """
    return nx.node_link_data(G, edges="links")


def space_layout(
    G: nx.Graph, *, seed: int = 0, iterations: int = 50
) -> dict[Any, tuple[float, float]]:
    """Positions of the nodes of an industry space for a drawing, in the unit square.

    A force-directed layout (Fruchterman–Reingold, weighted by the edges' ``weight``), seeded
    so that the same graph is drawn the same way every time, then scaled to [0, 1] on both
    axes (y grows downwards, as in SVG).

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`industry_space`.
    seed : int, default 0
        Seed of the initial positions.
    iterations : int, default 50
        Iterations of the layout (fewer is faster and coarser).

    Returns
    -------
    dict
        Node → (x, y), both in [0, 1].

    Raises
    ------
    InvalidParameterError
        If ``G`` has no node or ``iterations`` is not a positive whole number.

    Examples
    --------
    >>> phi = pd.DataFrame([[1, .9, .2], [.9, 1, .6], [.2, .6, 1]], index=list("abc"),
    ...                    columns=list("abc"))
    >>> pos = space_layout(industry_space(phi, min_proximity=None), seed=1)
    >>> sorted(pos) == ["a", "b", "c"] and all(0 <= v <= 1 for p in pos.values() for v in p)
    True

    References
    ----------
    .. [1] Fruchterman, T. M. J., & Reingold, E. M. (1991). Graph drawing by force-directed
       placement. *Software: Practice and Experience* 21(11), 1129–1164.
    """
    check_number(iterations, "iterations", func="space_layout", low=1, integer=True)
    if not isinstance(G, nx.Graph) or G.number_of_nodes() == 0:
        raise InvalidParameterError(
            "The 'G' parameter of space_layout must be a networkx graph with at least one "
            "node (from industry_space). Got an empty or other object instead."
        )
    nodes = list(G.nodes())
    index = {node: k for k, node in enumerate(nodes)}
    pairs = [(index[a], index[b], float(d.get("weight", 1.0))) for a, b, d in G.edges(data=True)]
    edges = np.array([(a, b) for a, b, _ in pairs], dtype=np.intp).reshape(-1, 2)
    weights = np.array([w for _, _, w in pairs], dtype=float)
    xy = _fruchterman_reingold(edges, weights, len(nodes), seed=seed, iterations=iterations)
    low, span = xy.min(axis=0), np.ptp(xy, axis=0)
    span[span == 0] = 1.0
    unit = (xy - low) / span
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, unit, strict=True)}


def _fruchterman_reingold(
    edges: np.ndarray, weights: np.ndarray, n: int, *, seed: int, iterations: int
) -> np.ndarray:
    """Force-directed positions of ``n`` nodes joined by weighted ``edges`` (pairs of indices).

    Fruchterman & Reingold (1991) as networkx writes its dense form (optimal distance
    ``k = 1/sqrt(n)``, temperature falling linearly from 0.1): repulsion between every pair,
    vectorised, in single precision; attraction along the edges only. networkx's sparse form,
    which it uses from 500 nodes, loops over the nodes in Python and is many times slower.
    """
    rng = np.random.default_rng(seed)
    x, y = rng.random(n).astype(np.float32), rng.random(n).astype(np.float32)
    if n < 2:
        return np.column_stack([x, y]).astype(float)
    k2 = np.float32(1.0 / n)
    k = np.sqrt(k2)
    i, j = edges[:, 0], edges[:, 1]
    w = weights.astype(np.float32)
    t = 0.1
    cooling = t / (iterations + 1)
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        d2 = dx * dx
        d2 += dy * dy
        np.maximum(d2, np.float32(1e-4), out=d2)
        np.divide(k2, d2, out=d2)  # repulsion k^2 / d, times the unit vector d/|d|
        mx, my = (dx * d2).sum(axis=1), (dy * d2).sum(axis=1)
        ex, ey = x[i] - x[j], y[i] - y[j]
        pull = w * np.maximum(np.hypot(ex, ey), np.float32(0.01)) / k  # attraction d^2 / k
        np.subtract.at(mx, i, ex * pull)
        np.subtract.at(my, i, ey * pull)
        np.add.at(mx, j, ex * pull)
        np.add.at(my, j, ey * pull)
        step = np.float32(t) / np.maximum(np.hypot(mx, my), np.float32(0.01))
        x += mx * step
        y += my * step
        t -= cooling
    return np.column_stack([x, y]).astype(float)
