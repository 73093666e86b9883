"""Relational shadow zones and the balance of the triple helix.

A *shadow zone* is a pair of spheres that are expected to work together (by default the
three triple-helix pairs enterprise–university, enterprise–public, university–public, plus
enterprise–support and enterprise–finance) but between which the network shows no tie, or
only weak ones. Pairs where one sphere has no actor at all are reported as ``absent sphere``:
the study did not find, or did not interview, any such actor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from grappe._validation import check_number
from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.network.cohesion import sphere_pairs
from grappe.network.model import SPHERES, ActorNetwork

__all__ = [
    "DEFAULT_EXPECTED_PAIRS",
    "HELICES",
    "TripleHelix",
    "shadow_zones",
    "triple_helix",
]

#: The three spheres of the triple helix (Etzkowitz & Leydesdorff 2000).
HELICES: tuple[str, str, str] = ("enterprise", "university", "public")

#: Sphere pairs expected to be tied, by default.
DEFAULT_EXPECTED_PAIRS: tuple[tuple[str, str], ...] = (
    ("enterprise", "university"),
    ("enterprise", "public"),
    ("university", "public"),
    ("enterprise", "support"),
    ("enterprise", "finance"),
)


def _pairs(expected: str | Iterable[Iterable[str]], func: str) -> list[tuple[str, str]]:
    if isinstance(expected, str):
        if expected == "default":
            return list(DEFAULT_EXPECTED_PAIRS)
        if expected == "all":
            return [(a, b) for k, a in enumerate(SPHERES) for b in SPHERES[k:]]
        raise InvalidParameterError(
            Message(
                "The 'expected' parameter of {func} must be 'default', 'all' or a list of sphere "
                "pairs. Got {expected!r} instead.",
                func=func,
                expected=expected,
            )
        )
    out = []
    for pair in expected:
        p = tuple(pair)
        if len(p) != 2 or any(s not in SPHERES for s in p):
            raise InvalidParameterError(
                Message(
                    "The 'expected' parameter of {func} must be a list of pairs of spheres among "
                    "{spheres}. Got {pair!r} instead.",
                    func=func,
                    spheres=list(SPHERES),
                    pair=pair,
                )
            )
        a, b = sorted(p, key=SPHERES.index)
        out.append((a, b))
    return list(dict.fromkeys(out))


def shadow_zones(
    net: ActorNetwork,
    *,
    expected: str | Iterable[Iterable[str]] = "default",
    weak: float = 1.0,
) -> pd.DataFrame:
    """Expected sphere pairs with no tie, only weak ties, or a missing sphere.

    Parameters
    ----------
    net : ActorNetwork
    expected : "default", "all" or list of (sphere, sphere), default "default"
        The pairs to examine (:data:`DEFAULT_EXPECTED_PAIRS`, every pair, or your own).
    weak : float, default 1
        A pair whose rated ties are all at most ``weak`` is a shadow zone (1 = "weak" on the
        default 1–3 scale). Unrated ties are never called weak.

    Returns
    -------
    pandas.DataFrame
        One row per shadow zone: ``sphere_a``, ``sphere_b``, ``reason`` (``"no tie"``,
        ``"weak ties only"`` or ``"absent sphere"``), ``actors_a``, ``actors_b``, ``ties``
        (linked actor pairs), ``possible_pairs``, ``density``, ``mean_strength``.

    Raises
    ------
    InvalidParameterError
        If ``expected`` names an unknown sphere or ``weak`` is not a number.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.network.model import build_network
    >>> a = pd.DataFrame({"id": ["f", "u", "p"], "level": "local",
    ...                   "sphere": ["enterprise", "university", "public"]})
    >>> t = pd.DataFrame({"source": ["f", "u"], "target": ["u", "p"], "type": "cooperation",
    ...                   "strength": [3, 1]})
    >>> z = shadow_zones(build_network(a, t, directed=False), expected=[("enterprise", "public"),
    ...                  ("university", "public")])
    >>> z[["sphere_a", "sphere_b", "reason"]].values.tolist()
    [['enterprise', 'public', 'no tie'], ['university', 'public', 'weak ties only']]

    References
    ----------
    Etzkowitz, H. & Leydesdorff, L. (2000) The dynamics of innovation: from National Systems
    and "Mode 2" to a Triple Helix of university–industry–government relations. *Research
    Policy* 29(2):109–123.
    """
    func = "shadow_zones"
    check_number(weak, "weak", func=func)
    pairs = _pairs(expected, func)
    table = sphere_pairs(net).set_index(["group_a", "group_b"])
    counts = net.actors["sphere"].value_counts()
    rows = []
    for a, b in pairs:
        na, nb = int(counts.get(a, 0)), int(counts.get(b, 0))
        if (a, b) not in table.index:
            if na == 0 or nb == 0 or (a == b and na < 2):
                rows.append(
                    {
                        "sphere_a": a,
                        "sphere_b": b,
                        "reason": "absent sphere",
                        "actors_a": na,
                        "actors_b": nb,
                        "ties": 0,
                        "possible_pairs": 0,
                        "density": np.nan,
                        "mean_strength": np.nan,
                    }
                )
            continue
        rec = table.loc[(a, b)]
        reason = None
        if rec["linked_pairs"] == 0:
            reason = "no tie"
        elif np.isfinite(rec["max_strength"]) and rec["max_strength"] <= weak:
            reason = "weak ties only"
        if reason:
            rows.append(
                {
                    "sphere_a": a,
                    "sphere_b": b,
                    "reason": reason,
                    "actors_a": na,
                    "actors_b": nb,
                    "ties": int(rec["linked_pairs"]),
                    "possible_pairs": int(rec["possible_pairs"]),
                    "density": rec["density"],
                    "mean_strength": rec["mean_strength"],
                }
            )
    columns = [
        "sphere_a",
        "sphere_b",
        "reason",
        "actors_a",
        "actors_b",
        "ties",
        "possible_pairs",
        "density",
        "mean_strength",
    ]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class TripleHelix:
    """Balance of the three helices (see :func:`triple_helix`).

    Attributes
    ----------
    actors : dict
        Number of actors of each helix.
    bilateral : dict
        Linked actor pairs for each of ``"enterprise-university"``, ``"enterprise-public"``,
        ``"university-public"``.
    trilateral : int
        Triangles with one actor of each helix (all three pairs tied).
    balance : float
        Normalised Shannon entropy of the three bilateral counts: 1 when the three relations
        are equally developed, 0 when only one exists; NaN when there is none.
    """

    actors: dict[str, int]
    bilateral: dict[str, int]
    trilateral: int
    balance: float


def triple_helix(net: ActorNetwork) -> TripleHelix:
    """Counts of university–industry–government relations and how balanced they are.

    ``balance = −Σ_k s_k ln s_k / ln 3`` with ``s_k`` the shares of the three bilateral
    relations among their total. This is a descriptive index of grappe; it is not
    Leydesdorff's mutual information in three dimensions, which needs co-occurrence data
    (e.g. co-authored publications) rather than a tie list.

    Parameters
    ----------
    net : ActorNetwork
        The actor network; its actors' spheres name universities, industry and government.

    Returns
    -------
    TripleHelix
        Counts of the three bilateral relations, their shares and the balance index.

    References
    ----------
    Etzkowitz, H. & Leydesdorff, L. (2000) The dynamics of innovation. *Research Policy*
    29(2):109–123. Shannon, C. E. (1948) A mathematical theory of communication. *Bell System
    Technical Journal* 27:379–423.
    """
    A = net.adjacency
    S = ((A + A.T) > 0).astype(float).tocsr()
    sphere = net.actors["sphere"].to_numpy(object)
    idx = {h: np.flatnonzero(sphere == h) for h in HELICES}

    def block(x: str, y: str) -> sp.csr_array:
        return S[idx[x]][:, idx[y]]

    e, u, p = HELICES
    bilateral = {
        f"{e}-{u}": int(block(e, u).sum()),
        f"{e}-{p}": int(block(e, p).sum()),
        f"{u}-{p}": int(block(u, p).sum()),
    }
    trilateral = int((block(e, u) @ block(u, p)).multiply(block(e, p)).sum())
    counts = np.array(list(bilateral.values()), dtype=float)
    if counts.sum() > 0:
        s = counts[counts > 0] / counts.sum()
        balance = max(0.0, float(-(s * np.log(s)).sum() / np.log(3)))
    else:
        balance = float("nan")
    return TripleHelix(
        actors={h: len(idx[h]) for h in HELICES},
        bilateral=bilateral,
        trilateral=trilateral,
        balance=balance,
    )
