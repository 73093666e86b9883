"""Cohesion of an actor network: density (overall, per type, per sphere pair), components,
reciprocity.

All measures use the collapsed graph of :attr:`ActorNetwork.arcs` unless they say otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from grappe._validation import check_option
from grappe.network.model import SPHERES, ActorNetwork

__all__ = [
    "Components",
    "components",
    "density",
    "density_by_type",
    "reciprocity",
    "sphere_pairs",
]


def density(net: ActorNetwork) -> float:
    """Density of the collapsed directed graph: arcs / (n (n − 1)).

    An undirected tie counts as two arcs, so for an undirected network this equals
    edges / (n (n − 1) / 2). NaN with fewer than two actors.

    Parameters
    ----------
    net : ActorNetwork
        The actor network (every tie type, collapsed to one arc per ordered pair).

    Returns
    -------
    float
        Density in [0, 1]; NaN with fewer than two actors.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.network.model import build_network
    >>> a = pd.DataFrame({"id": list("abc"), "sphere": "enterprise", "level": "local"})
    >>> t = pd.DataFrame({"source": ["a"], "target": ["b"], "type": "advice"})
    >>> density(build_network(a, t))
    0.16666666666666666

    References
    ----------
    Wasserman, S. & Faust, K. (1994) *Social Network Analysis*, Cambridge UP, §4.2.
    """
    n = net.n_actors
    if n < 2:
        return float("nan")
    return len(net.arcs) / (n * (n - 1))


def density_by_type(net: ActorNetwork) -> pd.DataFrame:
    """Density of each tie type's own graph (the layers of the multiplex network).

    Parameters
    ----------
    net : ActorNetwork
        The actor network.

    Returns
    -------
    pandas.DataFrame
        Columns ``type``, ``ties`` (rows of that type), ``arcs``, ``density``.

    References
    ----------
    .. [1] Wasserman, S., & Faust, K. (1994). *Social Network Analysis: Methods and
       Applications*. Cambridge University Press (multirelational networks, §4.3, §4.5).
    """
    n = net.n_actors
    i, j, undirected = net.tie_positions
    kinds = net.ties["type"].to_numpy(object)
    rows = []
    for typ in net.types:
        of_type = kinds == typ
        back = of_type & undirected
        codes = np.concatenate([i[of_type] * n + j[of_type], j[back] * n + i[back]])
        arcs = len(np.unique(codes))
        rows.append(
            {
                "type": typ,
                "ties": int(of_type.sum()),
                "arcs": arcs,
                "density": arcs / (n * (n - 1)) if n > 1 else float("nan"),
            }
        )
    return pd.DataFrame(rows, columns=["type", "ties", "arcs", "density"])


def sphere_pairs(net: ActorNetwork, *, groups: str = "sphere") -> pd.DataFrame:
    """Ties between and within spheres (or levels): counts, density and mean strength.

    A pair of actors is *linked* if a tie of any type joins them in either direction; its
    strength is the strongest such tie.

    Parameters
    ----------
    net : ActorNetwork
    groups : {"sphere", "level"}, default "sphere"
        The actor column that defines the groups.

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair of groups present (``group_a`` ≤ ``group_b`` in the order
        of :data:`~grappe.network.model.SPHERES` or levels): ``group_a``, ``group_b``,
        ``actors_a``, ``actors_b``, ``linked_pairs``, ``possible_pairs`` (n_a n_b, or
        n (n − 1) / 2 within a group), ``density``, ``mean_strength`` (over rated linked pairs;
        NaN if none), ``max_strength``.

    Raises
    ------
    InvalidParameterError
        If ``groups`` is neither ``"sphere"`` nor ``"level"``.

    References
    ----------
    .. [1] Wasserman, S., & Faust, K. (1994). *Social Network Analysis: Methods and
       Applications*. Cambridge University Press (densities within and between groups, ch. 8).
    """
    from grappe.network.model import LEVELS

    check_option(groups, "groups", ("sphere", "level"), func="sphere_pairs")
    order = SPHERES if groups == "sphere" else LEVELS
    labels = net.actors[groups].to_numpy(object)
    present = [g for g in order if g in set(labels)]
    count = {g: int((labels == g).sum()) for g in present}
    pairs = _linked_pairs(net)
    ga = labels[pairs["i"].to_numpy()]
    gb = labels[pairs["j"].to_numpy()]
    rank = np.array([order.index(g) for g in labels], dtype=int) if len(labels) else labels
    ri, rj = rank[pairs["i"].to_numpy()], rank[pairs["j"].to_numpy()]
    first = ri <= rj
    pairs = pairs.assign(group_a=np.where(first, ga, gb), group_b=np.where(first, gb, ga))
    stats = pairs.groupby(["group_a", "group_b"]).agg(
        linked_pairs=("strength", "size"),
        mean_strength=("strength", "mean"),
        max_strength=("strength", "max"),
    )
    rows = []
    for x_pos, x in enumerate(present):
        for y in present[x_pos:]:
            possible = count[x] * (count[x] - 1) // 2 if x == y else count[x] * count[y]
            linked, mean_s, max_s = 0, np.nan, np.nan
            if (x, y) in stats.index:
                rec = stats.loc[(x, y)]
                linked, mean_s, max_s = (
                    int(rec["linked_pairs"]),
                    rec["mean_strength"],
                    rec["max_strength"],
                )
            rows.append(
                {
                    "group_a": x,
                    "group_b": y,
                    "actors_a": count[x],
                    "actors_b": count[y],
                    "linked_pairs": linked,
                    "possible_pairs": possible,
                    "density": linked / possible if possible else np.nan,
                    "mean_strength": float(mean_s),
                    "max_strength": float(max_s),
                }
            )
    return pd.DataFrame(rows)


def _linked_pairs(net: ActorNetwork) -> pd.DataFrame:
    """Unordered linked pairs (i < j) with their strongest strength."""
    a = net.arcs
    i = np.minimum(a["i"].to_numpy(), a["j"].to_numpy())
    j = np.maximum(a["i"].to_numpy(), a["j"].to_numpy())
    frame = pd.DataFrame({"i": i, "j": j, "strength": a["strength"].to_numpy(float)})
    return frame.groupby(["i", "j"], as_index=False).agg(strength=("strength", "max"))


@dataclass(frozen=True)
class Components:
    """Weakly connected components of the collapsed graph.

    Attributes
    ----------
    n_components : int
        Number of components, isolates included.
    membership : pandas.Series
        Component number of each actor (by id); 0 is the largest component.
    sizes : tuple of int
        Component sizes, largest first.
    isolates : tuple of str
        Ids of actors with no tie.
    """

    n_components: int
    membership: pd.Series
    sizes: tuple[int, ...]
    isolates: tuple[str, ...]

    @property
    def largest_share(self) -> float:
        """Share of actors in the largest component."""
        total = sum(self.sizes)
        return self.sizes[0] / total if total else float("nan")


def components(net: ActorNetwork) -> Components:
    """Weakly connected components and isolates (scipy.sparse.csgraph).

    Parameters
    ----------
    net : ActorNetwork
        The actor network (every tie type, collapsed to one arc per ordered pair).

    Returns
    -------
    Components
        The weakly connected components (largest first) and the isolates.

    References
    ----------
    Wasserman, S. & Faust, K. (1994) *Social Network Analysis*, §4.3.
    """
    n, labels = connected_components(net.adjacency, directed=True, connection="weak")
    sizes = np.bincount(labels, minlength=n)
    order = np.argsort(-sizes, kind="stable")
    relabel = np.empty(n, dtype=int)
    relabel[order] = np.arange(n)
    deg = _undirected_degree(net.adjacency)
    ids = net.actors["id"].to_numpy(object)
    return Components(
        n_components=int(n),
        membership=pd.Series(relabel[labels], index=net.index, name="component"),
        sizes=tuple(int(s) for s in sizes[order]),
        isolates=tuple(ids[deg == 0]),
    )


def _undirected_degree(A: sp.csr_array) -> np.ndarray:
    """Number of distinct neighbours (in or out) of each node of a binary adjacency."""
    S = ((A + A.T) > 0).astype(float)
    return np.asarray(S.sum(axis=1)).ravel().astype(int)


def reciprocity(net: ActorNetwork) -> float:
    """Share of directed arcs that are reciprocated (arc reciprocity).

    Computed over the ties marked directed only (an undirected tie is mutual by definition);
    NaN when there is none. Equals :func:`networkx.overall_reciprocity` on the directed ties.

    Parameters
    ----------
    net : ActorNetwork
        The actor network (every tie type, collapsed to one arc per ordered pair).

    Returns
    -------
    float
        Share of directed arcs reciprocated, in [0, 1]; NaN without directed ties.

    References
    ----------
    Wasserman, S. & Faust, K. (1994) *Social Network Analysis*, §13.2.
    """
    directed = net.ties[net.ties["directed"]]
    if directed.empty:
        return float("nan")
    pos = pd.Series(np.arange(net.n_actors), index=net.index)
    i = pos.reindex(directed["source"]).to_numpy()
    j = pos.reindex(directed["target"]).to_numpy()
    n = net.n_actors
    A = sp.csr_array((np.ones(len(i)), (i, j)), shape=(n, n))
    A = (A > 0).astype(float)
    arcs = A.sum()
    return float(A.multiply(A.T).sum() / arcs)
