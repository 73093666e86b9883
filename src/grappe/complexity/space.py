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

__all__ = ["industry_space", "space_to_json"]


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
    full = nx.Graph()
    full.add_nodes_from(labels)
    keep = w > 0
    full.add_weighted_edges_from(
        (labels[i], labels[j], float(x))
        for i, j, x in zip(iu[keep], ju[keep], w[keep], strict=True)
    )
    tree = nx.maximum_spanning_tree(full, weight="weight")
    G = nx.Graph()
    G.add_nodes_from(labels)
    for a, b, data in tree.edges(data=True):
        G.add_edge(a, b, weight=data["weight"], tree=True)
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
