"""Gould–Fernandez brokerage roles, counted with sparse matrix products.

An actor ``v`` brokers on a *two-path* ``a → v → c`` (``a ≠ c``) when there is no arc
``a → c``. With each actor in a group (sphere or level), the two-path gives ``v`` one of five
roles (Gould & Fernandez 1989):

============== ============================ =====================================
role           groups                       reading
============== ============================ =====================================
coordinator    g(a) = g(v) = g(c)           mediates inside its own group
itinerant      g(a) = g(c) ≠ g(v)           an outsider mediating inside a group
representative g(a) = g(v) ≠ g(c)           speaks for its group to another
gatekeeper     g(a) ≠ g(v) = g(c)           controls what enters its group
liaison        g(a), g(v), g(c) all differ  links two groups it belongs to neither
============== ============================ =====================================

No loop over triples: for each actor the two-paths through it are ``in_degree × out_degree``;
those with ``a = c`` (mutual ties) and those closed by an arc ``a → c`` (counted as
``Aᵀ ∘ (A Aᵀ)``) are subtracted, and the group conditions are split with the same products
on the arcs that stay inside a group, then combined by inclusion–exclusion.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from grappe._validation import check_option
from grappe.network.model import ActorNetwork

__all__ = ["ROLES", "brokerage", "brokerage_counts"]

#: Gould–Fernandez roles, in the order of the result columns.
ROLES: tuple[str, ...] = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def brokerage_counts(A: sp.sparray | np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Gould–Fernandez role counts of every node of a directed binary graph.

    Parameters
    ----------
    A : (n, n) sparse or dense array
        Adjacency (``A[a, c] != 0`` for an arc ``a → c``); the diagonal is ignored.
    groups : (n,) array of int or str
        Group of each node.

    Returns
    -------
    numpy.ndarray
        ``(n, 5)`` integer counts in the order of :data:`ROLES`.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[0, 1, 0], [0, 0, 1], [0, 0, 0]])   # a → v → c
    >>> brokerage_counts(A, np.array([0, 1, 0]))[1].tolist()   # v is an itinerant
    [0, 1, 0, 0, 0]

    References
    ----------
    Gould, R. V. & Fernandez, R. M. (1989) Structures of mediation: a formal approach to
    brokerage in transaction networks. *Sociological Methodology* 19:89–126.
    """
    return _counts_many(A, [groups])[0]


def _counts_many(A: sp.sparray | np.ndarray, groupings: list[np.ndarray]) -> list[np.ndarray]:
    """Role counts for several groupings of the same graph (``A Aᵀ`` is computed once)."""
    A = sp.csr_array(A, dtype=float)
    A.setdiag(0)
    A.eliminate_zeros()
    A = (A != 0).astype(float)
    AT = A.T.tocsr()
    K = A @ AT  # K[v, a] = common successors of v and a
    mutual = _rows(A.multiply(AT))
    closed_all = _rows(AT.multiply(K))
    in_deg, out_deg = _rows(AT), _rows(A)
    return [
        _counts_one(A, AT, K, np.asarray(g), in_deg, out_deg, mutual, closed_all) for g in groupings
    ]


def _rows(M: sp.sparray) -> np.ndarray:
    return np.asarray(M.sum(axis=1)).ravel()


def _counts_one(
    A: sp.csr_array,
    AT: sp.csr_array,
    K: sp.csr_array,
    groups: np.ndarray,
    in_deg: np.ndarray,
    out_deg: np.ndarray,
    mutual: np.ndarray,
    closed_all: np.ndarray,
) -> np.ndarray:
    n = A.shape[0]
    _, codes = np.unique(groups, return_inverse=True)
    G = sp.csr_array((np.ones(n), (np.arange(n), codes)), shape=(n, codes.max() + 1 if n else 0))
    coo = A.tocoo()
    same_arc = codes[coo.row] == codes[coo.col]
    As = sp.csr_array((coo.data[same_arc], (coo.row[same_arc], coo.col[same_arc])), shape=(n, n))
    AsT = As.T.tocsr()
    # every two-path a → v → c, a = c allowed
    In = (AT @ G).toarray()
    Out = (A @ G).toarray()
    in_same, out_same = _rows(AsT), _rows(As)
    total = {
        "T": in_deg * out_deg,
        "X": in_same * out_deg,  # g(a) = g(v)
        "Y": in_deg * out_same,  # g(c) = g(v)
        "Z": (In * Out).sum(axis=1),  # g(a) = g(c)
        "XYZ": in_same * out_same,
    }
    # a = c: mutual ties
    mutual_same = _rows(As.multiply(AsT))
    back = {"T": mutual, "X": mutual_same, "Y": mutual_same, "Z": mutual, "XYZ": mutual_same}
    # closed two-paths: a → v → c with a → c
    AsAT = As @ AT
    closed = {
        "T": closed_all,
        "X": _rows(AsT.multiply(K)),
        "Y": _rows(AT.multiply(AsAT)),
        "Z": _rows(AT.multiply(A @ AsT)),
        "XYZ": _rows(AsT.multiply(AsAT)),
    }
    o = {key: total[key] - back[key] - closed[key] for key in total}
    counts = np.column_stack(
        [
            o["XYZ"],
            o["Z"] - o["XYZ"],
            o["X"] - o["XYZ"],
            o["Y"] - o["XYZ"],
            o["T"] - o["X"] - o["Y"] - o["Z"] + 2 * o["XYZ"],
        ]
    )
    return np.rint(counts).astype(np.int64)


def brokerage(net: ActorNetwork, *, by: str = "sphere") -> pd.DataFrame:
    """Gould–Fernandez brokerage roles of every actor, by sphere or by level.

    Parameters
    ----------
    net : ActorNetwork
        Measured on the collapsed directed graph; an undirected tie is an arc each way, so
        each undirected two-path is counted in both directions (and, on a fully undirected
        network, ``representative`` equals ``gatekeeper``).
    by : {"sphere", "level"}, default "sphere"
        The actor column defining the groups.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id: one column per role of :data:`ROLES`, ``total`` and ``between``
        (all roles but coordinator: brokerage *between* groups).

    Raises
    ------
    InvalidParameterError
        If ``by`` is not ``"sphere"`` or ``"level"``.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.network.model import build_network
    >>> a = pd.DataFrame({"id": ["firm", "chamber", "univ"], "level": "local",
    ...                   "sphere": ["enterprise", "support", "university"]})
    >>> t = pd.DataFrame({"source": ["firm", "chamber"], "target": ["chamber", "univ"],
    ...                   "type": "information"})
    >>> brokerage(build_network(a, t)).loc["chamber", "liaison"]
    np.int64(1)

    References
    ----------
    Gould, R. V. & Fernandez, R. M. (1989) Structures of mediation: a formal approach to
    brokerage in transaction networks. *Sociological Methodology* 19:89–126.
    """
    check_option(by, "by", ("sphere", "level"), func="brokerage")
    return brokerage_by(net, (by,))[by]


def brokerage_by(net: ActorNetwork, by: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """:func:`brokerage` for several groupings at once (the shared products are done once)."""
    groupings = [net.actors[b].to_numpy(object).astype(str) for b in by]
    out = {}
    for b, counts in zip(by, _counts_many(net.adjacency, groupings), strict=True):
        frame = pd.DataFrame(counts, columns=list(ROLES), index=net.index)
        frame["total"] = counts.sum(axis=1)
        frame["between"] = frame["total"] - frame["coordinator"]
        out[b] = frame
    return out
