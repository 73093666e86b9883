"""Actors and ties of a cluster: the validated multiplex network (no I/O).

An :class:`ActorNetwork` holds two tidy tables. ``actors`` has one row per actor with its
*sphere* (enterprise, university, public, support, association, international, finance), its
*level* (local, regional, national, international) and optional attributes; ``ties`` has one row
per reported tie of one *type* (information, advice, cooperation, subcontracting, funding,
training, trust), with an ordinal or numeric ``strength``, a direction, a survey ``wave`` and
its evidence. Ties of several types between the same two actors form a multiplex network;
measures that need one graph use the *collapsed* graph (an arc wherever a tie of any selected
type exists, its strength the strongest of them).

Build one with :func:`build_network` (which validates and raises
:class:`~grappe.errors.DataValidationError` listing every problem) or with a reader of
:mod:`grappe.io.network`, which adds the file name to each problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from grappe._validation import check_bool, check_option
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.vocabulary import LEVELS, SPHERES, STRENGTH_SCALE, TIE_TYPES

__all__ = [
    "ACTOR_COLUMNS",
    "LEVELS",
    "SPHERES",
    "TIE_COLUMNS",
    "TIE_TYPES",
    "ActorNetwork",
    "build_network",
]

#: Columns of :attr:`ActorNetwork.actors`, in order (free attributes follow).
ACTOR_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "sphere",
    "level",
    "ownership",
    "size",
    "member",
    "waves",
)

#: Columns of :attr:`ActorNetwork.ties`, in order.
TIE_COLUMNS: tuple[str, ...] = (
    "source",
    "target",
    "type",
    "strength",
    "directed",
    "wave",
    "evidence",
    "confidence",
    "respondent",
    "reports",
)


def _isin(values: Any, universe: Any) -> np.ndarray:
    """Membership test through an object-dtype hash table (fast for pandas' Arrow strings)."""
    index = pd.Index(pd.unique(np.asarray(universe, dtype=object)), dtype=object)
    return index.get_indexer(np.asarray(values, dtype=object)) >= 0


@dataclass(frozen=True)
class ActorNetwork:
    """A validated, multiplex network of the actors of a cluster.

    Do not build one directly: use :func:`build_network` or a reader of
    :mod:`grappe.io.network`, which validate their input. Transforms such as :meth:`select`
    return new networks.

    Attributes
    ----------
    actors : pandas.DataFrame
        One row per actor, in a fixed order that every result follows. Columns ``id`` (str),
        ``name`` (str), ``sphere`` (one of :data:`SPHERES`), ``level`` (one of :data:`LEVELS`),
        ``ownership`` (``"public"``, ``"private"``, ``"mixed"`` or NA), ``size`` (str or NA),
        ``member`` (bool: member of the cluster), ``waves`` (``;``-separated waves in which
        the actor exists, NA for all), then free attributes.
    ties : pandas.DataFrame
        One row per tie: ``source``, ``target`` (actor ids), ``type`` (one of the tie types),
        ``strength`` (float on :attr:`strength_scale`, NaN if unrated), ``directed`` (bool),
        ``wave`` (str or NA), ``evidence`` (str or NA), ``confidence`` (float in [0, 1] or
        NaN), ``respondent`` (pseudonym or NA) and ``reports`` (how many identical reports
        were merged into the row).
    strength_scale : tuple of float
        Lowest and highest strength (default ``(1, 3)``: 1 weak, 2 medium, 3 strong).
    name : str or None
        A display name for the network.
    source : str or None
        Where the data came from.
    metadata : Mapping
        Free metadata (survey dates, authors…).
    """

    actors: pd.DataFrame
    ties: pd.DataFrame
    strength_scale: tuple[float, float] = STRENGTH_SCALE
    name: str | None = None
    source: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    @property
    def n_actors(self) -> int:
        """Number of actors."""
        return len(self.actors)

    @property
    def waves(self) -> tuple[str, ...]:
        """Waves present in the ties, in order of first appearance."""
        return tuple(pd.unique(self.ties["wave"].dropna()))

    @property
    def types(self) -> tuple[str, ...]:
        """Tie types present, in the order of :data:`TIE_TYPES` then others."""
        present = set(pd.unique(self.ties["type"].to_numpy(object)))
        known = [t for t in TIE_TYPES if t in present]
        return tuple(known + sorted(present - set(known)))

    @cached_property
    def index(self) -> pd.Index:
        """Actor ids as an index (position = row of every matrix)."""
        return pd.Index(self.actors["id"], name="id")

    @cached_property
    def tie_positions(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Positions of each tie's source and target among the actors, and which are undirected."""
        pos = pd.Series(np.arange(self.n_actors), index=self.actors["id"].to_numpy(object))
        i = pos.reindex(self.ties["source"].to_numpy(object)).to_numpy()
        j = pos.reindex(self.ties["target"].to_numpy(object)).to_numpy()
        return i, j, ~self.ties["directed"].to_numpy(dtype=bool)

    @cached_property
    def arcs(self) -> pd.DataFrame:
        """The collapsed directed graph: one row per ordered pair linked by any tie.

        Undirected ties give an arc each way. Columns ``i``, ``j`` (actor positions),
        ``strength`` (the strongest rated tie from ``i`` to ``j``; NaN when all are unrated),
        ``weight`` (strength with unrated arcs set to 1) and ``multiplexity`` (number of tie
        types).
        """
        i, j, undirected = self.tie_positions
        t = self.ties
        strength = t["strength"].to_numpy(float)
        codes = pd.factorize(t["type"].to_numpy(object))[0]
        frame = pd.DataFrame(
            {
                "i": np.concatenate([i, j[undirected]]),
                "j": np.concatenate([j, i[undirected]]),
                "strength": np.concatenate([strength, strength[undirected]]),
                "type": np.concatenate([codes, codes[undirected]]),
            }
        )
        out = (
            frame.groupby(["i", "j"], sort=True)
            .agg(strength=("strength", "max"), multiplexity=("type", "nunique"))
            .reset_index()
        )
        out["weight"] = out["strength"].fillna(1.0)
        return out

    @cached_property
    def adjacency(self) -> sp.csr_array:
        """Binary adjacency of the collapsed directed graph (``A[i, j] = 1`` for an arc)."""
        a = self.arcs
        n = self.n_actors
        return sp.csr_array((np.ones(len(a)), (a["i"].to_numpy(), a["j"].to_numpy())), shape=(n, n))

    @cached_property
    def weights(self) -> sp.csr_array:
        """Weighted adjacency of the collapsed graph (weight = strength, unrated = 1)."""
        a = self.arcs
        n = self.n_actors
        return sp.csr_array(
            (a["weight"].to_numpy(float), (a["i"].to_numpy(), a["j"].to_numpy())), shape=(n, n)
        )

    @cached_property
    def is_directed(self) -> bool:
        """Whether any tie is directed."""
        return bool(self.ties["directed"].any())

    def to_networkx(self, *, weight: str = "weight") -> Any:
        """The collapsed graph as a :class:`networkx.DiGraph` keyed by actor id.

        Node attributes are the actor columns; arc attributes ``weight`` (or the name given),
        ``strength`` and ``multiplexity``.
        """
        import networkx as nx

        g = nx.DiGraph()
        ids = self.actors["id"].tolist()
        for rec in self.actors.to_dict("records"):
            g.add_node(rec["id"], **{k: v for k, v in rec.items() if k != "id"})
        a = self.arcs
        g.add_edges_from(
            (ids[i], ids[j], {weight: w, "strength": s, "multiplexity": m})
            for i, j, w, s, m in zip(
                a["i"], a["j"], a["weight"], a["strength"], a["multiplexity"], strict=True
            )
        )
        return g

    def present_in(self, wave: str) -> pd.Series:
        """Boolean Series (by actor id): which actors exist in ``wave``.

        An actor exists in a wave if its ``waves`` column names the wave; when that column is
        NA for an actor, the actor exists in the wave if it has a tie in it (or a tie without
        a wave).
        """
        waves = self.actors["waves"]
        listed = waves.map(lambda w: None if pd.isna(w) else wave in str(w).split(";"))
        t = self.ties[(self.ties["wave"] == wave) | self.ties["wave"].isna()]
        ends = np.concatenate([t["source"].to_numpy(object), t["target"].to_numpy(object)])
        tied = _isin(self.actors["id"], ends)
        out = listed.where(listed.notna(), tied).astype(bool)
        return pd.Series(out.to_numpy(), index=self.index, name=f"present_{wave}")

    def select(
        self,
        *,
        wave: str | None = None,
        types: Iterable[str] | None = None,
        drop_absent: bool = True,
    ) -> ActorNetwork:
        """A new network restricted to one wave and/or some tie types.

        Parameters
        ----------
        wave : str, optional
            Keep the ties of this wave (ties without a wave are kept in every wave).
        types : iterable of str, optional
            Keep these tie types.
        drop_absent : bool, default True
            With ``wave``, drop the actors that do not exist in that wave (see
            :meth:`present_in`).

        Raises
        ------
        InvalidParameterError
            If ``wave`` or a type is not in the network.
        """
        check_bool(drop_absent, "drop_absent", func="ActorNetwork.select")
        ties = self.ties
        actors = self.actors
        if wave is not None:
            check_option(str(wave), "wave", self.waves, func="ActorNetwork.select")
            wave = str(wave)
            ties = ties[(ties["wave"] == wave) | ties["wave"].isna()]
            if drop_absent:
                keep = self.present_in(wave).to_numpy()
                actors = actors[keep]
        if types is not None:
            chosen = (types,) if isinstance(types, str) else tuple(types)
            bad = [t for t in chosen if t not in self.types]
            if bad:
                raise InvalidParameterError(
                    Message(
                        "The 'types' parameter of ActorNetwork.select must be a list of values "
                        "among {options}. Got {bad!r} instead.",
                        options=list(self.types),
                        bad=bad,
                    )
                )
            ties = ties[_isin(ties["type"], chosen)]
        ids = actors["id"].to_numpy(object)
        ties = ties[_isin(ties["source"], ids) & _isin(ties["target"], ids)]
        return ActorNetwork(
            actors=actors.reset_index(drop=True),
            ties=ties.reset_index(drop=True),
            strength_scale=self.strength_scale,
            name=self.name,
            source=self.source,
            metadata=self.metadata,
        )


def build_network(
    actors: pd.DataFrame,
    ties: pd.DataFrame,
    *,
    directed: bool = True,
    strength_scale: tuple[float, float] = STRENGTH_SCALE,
    tie_types: Iterable[str] | None = None,
    name: str | None = None,
    source: str | None = None,
    actors_file: str | None = None,
    ties_file: str | None = None,
    first_row: int = 2,
    duplicates: str = "raise",
) -> ActorNetwork:
    """Validate actor and tie tables and return an :class:`ActorNetwork`.

    Parameters
    ----------
    actors : pandas.DataFrame
        Columns ``id``, ``sphere``, ``level`` required; ``name``, ``ownership``, ``size``,
        ``member`` (default True), ``waves`` optional; other columns are kept as attributes.
        Sphere and level values are matched case-insensitively, with aliases
        (``"university/research"``, ``"public authority"``, ``"GOV"``, ``"supranational"``…).
    ties : pandas.DataFrame
        Columns ``source``, ``target``, ``type`` required; ``strength`` (number or
        ``weak``/``medium``/``strong``), ``directed``, ``wave``, ``evidence``,
        ``confidence``, ``respondent`` optional.
    directed : bool, default True
        Direction of the ties when the ``directed`` column is absent or empty.
    strength_scale : (float, float), default (1, 3)
        The lowest and highest allowed strength.
    tie_types : iterable of str, optional
        Allowed tie types (default :data:`TIE_TYPES`; aliases such as ``money`` → ``funding``
        apply to the default list only).
    name, source : str, optional
        Metadata.
    actors_file, ties_file : str, optional
        File names reported in validation issues.
    first_row : int, default 2
        Line number of the tables' first row in their files (the header is line 1).
    duplicates : {"raise", "sum"}, default "raise"
        Rows repeating a tie (same actors, type and wave) *from the same respondent* (or
        without respondents): refuse them naming the rows, or merge them into one tie whose
        ``reports`` counts them. Reports of one tie by different respondents are always
        merged; reports that disagree on the strength are always refused.

    Returns
    -------
    ActorNetwork

    Raises
    ------
    DataValidationError
        Listing every problem: missing columns, duplicate or empty actor ids, unknown spheres,
        levels or tie types, ties to unknown actors, self-ties, strengths off the scale,
        repeated ties (under ``duplicates="raise"``), contradictory reports of a tie.
    InvalidParameterError
        If ``strength_scale`` is not an increasing pair.

    Examples
    --------
    >>> import pandas as pd
    >>> actors = pd.DataFrame({"id": ["a", "b"], "sphere": ["enterprise", "university"],
    ...                        "level": ["local", "regional"]})
    >>> ties = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["cooperation"],
    ...                      "strength": ["strong"]})
    >>> net = build_network(actors, ties, directed=False)
    >>> net.ties.loc[0, "strength"], len(net.arcs)
    (np.float64(3.0), 2)
    """
    from grappe.network._tables import (
        TYPE_ALIASES,
        check_scale,
        validate_actors,
        validate_ties,
    )

    func = "build_network"
    check_bool(directed, "directed", func=func)
    check_option(duplicates, "duplicates", ("raise", "sum"), func=func)
    lo, hi = check_scale(strength_scale, func)
    for value, pname in ((actors, "actors"), (ties, "ties")):
        if not isinstance(value, pd.DataFrame):
            raise InvalidParameterError(
                f"The {pname!r} parameter of {func} must be a pandas DataFrame. "
                f"Got {type(value).__name__} instead."
            )
    if tie_types is None:
        type_options, type_aliases = TIE_TYPES, TYPE_ALIASES
    else:
        type_options = tuple(str(t).strip().lower() for t in tie_types)
        type_aliases = {}
    issues: list[ValidationIssue] = []
    a = validate_actors(actors, actors_file, first_row, issues)
    if a is None:
        raise DataValidationError(issues)
    t = validate_ties(
        ties,
        a,
        ties_file,
        first_row,
        issues,
        directed=directed,
        scale=(lo, hi),
        types=(type_options, type_aliases),
        duplicates=duplicates,
    )
    if issues or t is None:
        issues.sort(key=lambda issue: issue.row or 0)  # stable: file order within a row
        raise DataValidationError(issues)
    return ActorNetwork(actors=a, ties=t, strength_scale=(lo, hi), name=name, source=source)
