"""Change of the network between two survey waves: ties formed, dissolved and kept; actors
entering and leaving."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from grappe._validation import check_option
from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.network.model import ActorNetwork

__all__ = ["WaveChange", "wave_change"]


@dataclass(frozen=True)
class WaveChange:
    """Result of :func:`wave_change`.

    Attributes
    ----------
    before, after : str
        The two waves.
    ties : pandas.DataFrame
        One row per tie present in either wave: ``source``, ``target``, ``type``,
        ``status`` (``"formed"``, ``"dissolved"``, ``"kept"``), ``strength_before``,
        ``strength_after``.
    actors : pandas.DataFrame
        One row per actor present in either wave: ``id``, ``status`` (``"entering"``,
        ``"leaving"``, ``"staying"``).
    jaccard : float
        kept / (kept + formed + dissolved) — the stability index used to judge whether two
        waves can be modelled as one process (Snijders et al. 2010 ask for at least 0.3).
    """

    before: str
    after: str
    ties: pd.DataFrame
    actors: pd.DataFrame
    jaccard: float

    def counts(self) -> dict[str, int]:
        """Numbers of ties formed, dissolved and kept and of actors entering and leaving."""
        t = self.ties["status"].value_counts()
        a = self.actors["status"].value_counts()
        return {
            "ties_formed": int(t.get("formed", 0)),
            "ties_dissolved": int(t.get("dissolved", 0)),
            "ties_kept": int(t.get("kept", 0)),
            "actors_entering": int(a.get("entering", 0)),
            "actors_leaving": int(a.get("leaving", 0)),
            "actors_staying": int(a.get("staying", 0)),
        }


def _keyed(net: ActorNetwork, wave: str) -> pd.DataFrame:
    t = net.ties[net.ties["wave"] == wave]
    a, b = t["source"].to_numpy(object), t["target"].to_numpy(object)
    swap = ~t["directed"].to_numpy(bool) & (a > b)
    return pd.DataFrame(
        {
            "source": np.where(swap, b, a),
            "target": np.where(swap, a, b),
            "type": t["type"].to_numpy(object),
            "strength": t["strength"].to_numpy(float),
        }
    ).drop_duplicates(["source", "target", "type"])


def wave_change(net: ActorNetwork, before: str, after: str) -> WaveChange:
    """Compare two waves of the same network.

    Parameters
    ----------
    net : ActorNetwork
        Ties carry their ``wave``; an actor exists in a wave as defined by
        :meth:`ActorNetwork.present_in`.
    before, after : str
        Two different waves of ``net``.

    Returns
    -------
    WaveChange

    Raises
    ------
    InvalidParameterError
        If a wave is not in the network or the two are equal.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.network.model import build_network
    >>> a = pd.DataFrame({"id": list("abc"), "sphere": "enterprise", "level": "local"})
    >>> t = pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "b", "c"],
    ...                   "type": "advice", "wave": ["2012", "2015", "2015"]})
    >>> wave_change(build_network(a, t), "2012", "2015").counts()["ties_formed"]
    1

    References
    ----------
    Snijders, T. A. B., van de Bunt, G. G. & Steglich, C. E. G. (2010) Introduction to
    stochastic actor-based models for network dynamics. *Social Networks* 32(1):44–60.
    """
    func = "wave_change"
    check_option(str(before), "before", net.waves, func=func)
    check_option(str(after), "after", net.waves, func=func)
    before, after = str(before), str(after)
    if before == after:
        raise InvalidParameterError(
            Message(
                "The 'after' parameter of {func} must differ from 'before'. Got {after!r} instead.",
                func=func,
                after=after,
            )
        )
    keys = ["source", "target", "type"]
    merged = _keyed(net, before).merge(
        _keyed(net, after), on=keys, how="outer", suffixes=("_before", "_after"), indicator=True
    )
    status = (
        merged["_merge"]
        .map({"left_only": "dissolved", "right_only": "formed", "both": "kept"})
        .astype(object)
    )
    ties = merged[keys].assign(
        status=status.to_numpy(),
        strength_before=merged["strength_before"].to_numpy(float),
        strength_after=merged["strength_after"].to_numpy(float),
    )
    p0 = net.present_in(before).to_numpy()
    p1 = net.present_in(after).to_numpy()
    ids = net.actors["id"].to_numpy(object)
    either = p0 | p1
    actor_status = np.where(p0 & p1, "staying", np.where(p0, "leaving", "entering"))
    actors = pd.DataFrame({"id": ids[either], "status": actor_status[either]})
    kept = int((ties["status"] == "kept").sum())
    return WaveChange(
        before=before,
        after=after,
        ties=ties.reset_index(drop=True),
        actors=actors,
        jaccard=kept / len(ties) if len(ties) else float("nan"),
    )
