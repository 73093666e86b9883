"""Internal and external ties: local *buzz* versus *pipelines* to the outside.

An actor is *inside* the cluster when it is a member (``member`` column) and acts at a local
level (``level`` among ``local_levels``, by default only ``"local"``). A linked pair of actors
is *internal* when both are inside (buzz), *external* when exactly one is (a pipeline across
the cluster boundary or beyond the local level), and *outside* when neither is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from grappe._validation import check_options
from grappe.network.model import LEVELS, ActorNetwork

__all__ = ["Boundary", "boundary"]


@dataclass(frozen=True)
class Boundary:
    """Result of :func:`boundary`.

    Attributes
    ----------
    actors : pandas.DataFrame
        By actor id: ``inside`` (bool), ``internal_ties`` (linked pairs with actors on the same
        side of the boundary), ``external_ties`` (with actors on the other side),
        ``external_share`` (external / all; NaN for isolates), ``pipeline`` (an inside actor
        with at least one external tie).
    internal_ties, external_ties, outside_ties : int
        Linked pairs inside, across and outside the boundary.
    external_ties_share : float
        ``external / (internal + external)``; NaN when both are zero.
    """

    actors: pd.DataFrame
    internal_ties: int
    external_ties: int
    outside_ties: int
    external_ties_share: float


def boundary(net: ActorNetwork, *, local_levels: Iterable[str] = ("local",)) -> Boundary:
    """Split every actor's ties into internal (buzz) and external (pipelines).

    Parameters
    ----------
    net : ActorNetwork
    local_levels : iterable of str, default ("local",)
        Levels counted as local (add ``"regional"`` for a regional cluster).

    Returns
    -------
    Boundary

    Raises
    ------
    InvalidParameterError
        If a level is unknown.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.network.model import build_network
    >>> a = pd.DataFrame({"id": ["f1", "f2", "giz"], "sphere": ["enterprise"] * 2 + [
    ...     "international"], "level": ["local", "local", "international"]})
    >>> t = pd.DataFrame({"source": ["f1", "f1"], "target": ["f2", "giz"], "type": "funding"})
    >>> boundary(build_network(a, t)).external_ties_share
    0.5

    References
    ----------
    Bathelt, H., Malmberg, A. & Maskell, P. (2004) Clusters and knowledge: local buzz, global
    pipelines and the process of knowledge creation. *Progress in Human Geography*
    28(1):31–56.
    """
    levels = check_options(local_levels, "local_levels", LEVELS, func="boundary")
    inside = (net.actors["member"].to_numpy(bool)) & net.actors["level"].isin(levels).to_numpy()
    a = net.arcs
    i = np.minimum(a["i"].to_numpy(), a["j"].to_numpy())
    j = np.maximum(a["i"].to_numpy(), a["j"].to_numpy())
    pairs = np.unique(np.column_stack([i, j]), axis=0) if len(i) else np.zeros((0, 2), int)
    pi, pj = pairs[:, 0], pairs[:, 1]
    across = inside[pi] != inside[pj]
    both = inside[pi] & inside[pj]
    n = net.n_actors
    ext = np.bincount(pi[across], minlength=n) + np.bincount(pj[across], minlength=n)
    same = ~across
    internal = np.bincount(pi[same], minlength=n) + np.bincount(pj[same], minlength=n)
    total = ext + internal
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, ext / np.maximum(total, 1), np.nan)
    actors = pd.DataFrame(
        {
            "inside": inside,
            "internal_ties": internal,
            "external_ties": ext,
            "external_share": share,
            "pipeline": inside & (ext > 0),
        },
        index=net.index,
    )
    n_int, n_ext = int(both.sum()), int(across.sum())
    return Boundary(
        actors=actors,
        internal_ties=n_int,
        external_ties=n_ext,
        outside_ties=int(len(pairs) - n_int - n_ext),
        external_ties_share=n_ext / (n_int + n_ext) if n_int + n_ext else float("nan"),
    )
