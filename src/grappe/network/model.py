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

__all__ = [
    "ACTOR_COLUMNS",
    "LEVELS",
    "SPHERES",
    "TIE_COLUMNS",
    "TIE_TYPES",
    "ActorNetwork",
    "build_network",
]

#: Spheres of actors (canonical short names).
SPHERES: tuple[str, ...] = (
    "enterprise",
    "university",
    "public",
    "support",
    "association",
    "international",
    "finance",
)

#: Levels at which actors act, from the most local to the most global.
LEVELS: tuple[str, ...] = ("local", "regional", "national", "international")

#: Types of ties.
TIE_TYPES: tuple[str, ...] = (
    "information",
    "advice",
    "cooperation",
    "subcontracting",
    "funding",
    "training",
    "trust",
)

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

_SPHERE_ALIASES: dict[str, str] = {
    "firm": "enterprise",
    "company": "enterprise",
    "sme": "enterprise",
    "business": "enterprise",
    "industry": "enterprise",
    "private": "enterprise",
    "entreprise": "enterprise",
    "university/research": "university",
    "university_research": "university",
    "research": "university",
    "academia": "university",
    "higher education": "university",
    "public authority": "public",
    "public_authority": "public",
    "government": "public",
    "gov": "public",
    "state": "public",
    "support institution": "support",
    "support_institution": "support",
    "chamber": "support",
    "agency": "support",
    "intermediary": "support",
    "professional association": "association",
    "voluntary": "association",
    "vol": "association",
    "ngo": "association",
    "international organisation": "international",
    "international organization": "international",
    "international_organisation": "international",
    "donor": "international",
    "bank": "finance",
    "financial": "finance",
}

_LEVEL_ALIASES: dict[str, str] = {
    "supranational": "international",
    "global": "international",
    "local/municipal": "local",
    "municipal": "local",
    "wilaya": "regional",
    "provincial": "regional",
    "state": "national",
}

_TYPE_ALIASES: dict[str, str] = {
    "info": "information",
    "information exchange": "information",
    "knowledge": "advice",
    "technical advice": "advice",
    "collaboration": "cooperation",
    "co-operation": "cooperation",
    "subcontract": "subcontracting",
    "supply": "subcontracting",
    "money": "funding",
    "finance": "funding",
    "financing": "funding",
    "formation": "training",
    "confiance": "trust",
}

_STRENGTH_LABELS: dict[str, float] = {
    "weak": 1.0,
    "medium": 2.0,
    "strong": 3.0,
    "faible": 1.0,
    "moyen": 2.0,
    "moyenne": 2.0,
    "fort": 3.0,
    "forte": 3.0,
}

_TRUE = {"1", "true", "yes", "y", "oui", "t"}
_FALSE = {"0", "false", "no", "n", "non", "f"}
_OWNERSHIP = ("public", "private", "mixed")


def _norm(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    text = str(value).strip()
    return text or None


def _canonical(value: Any, options: tuple[str, ...], aliases: Mapping[str, str]) -> str | None:
    text = _norm(value)
    if text is None:
        return None
    key = text.lower()
    if key in options:
        return key
    return aliases.get(key)


def _to_bool(value: Any) -> bool | None:
    if isinstance(value, bool | np.bool_):
        return bool(value)
    text = _norm(value)
    if text is None:
        return None
    key = text.lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    return None


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
    """

    actors: pd.DataFrame
    ties: pd.DataFrame
    strength_scale: tuple[float, float] = (1.0, 3.0)
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
        present = set(self.ties["type"])
        known = [t for t in TIE_TYPES if t in present]
        return tuple(known + sorted(present - set(known)))

    @cached_property
    def index(self) -> pd.Index:
        """Actor ids as an index (position = row of every matrix)."""
        return pd.Index(self.actors["id"], name="id")

    @cached_property
    def arcs(self) -> pd.DataFrame:
        """The collapsed directed graph: one row per ordered pair linked by any tie.

        Undirected ties give an arc each way. Columns ``i``, ``j`` (actor positions),
        ``strength`` (the strongest tie from ``i`` to ``j``, unrated ties counting as the top
        of the scale… only where no rated tie exists: NaN stays NaN), ``weight`` (strength
        with unrated ties set to 1) and ``multiplexity`` (number of tie types).
        """
        t = self.ties
        pos = pd.Series(np.arange(self.n_actors), index=self.index)
        i = pos.reindex(t["source"]).to_numpy()
        j = pos.reindex(t["target"]).to_numpy()
        undirected = ~t["directed"].to_numpy(dtype=bool)
        frame = pd.DataFrame(
            {
                "i": np.concatenate([i, j[undirected]]),
                "j": np.concatenate([j, i[undirected]]),
                "strength": np.concatenate(
                    [t["strength"].to_numpy(float), t["strength"].to_numpy(float)[undirected]]
                ),
                "type": np.concatenate(
                    [t["type"].to_numpy(object), t["type"].to_numpy(object)[undirected]]
                ),
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
        return sp.csr_array(
            (np.ones(len(a)), (a["i"].to_numpy(), a["j"].to_numpy())), shape=(n, n)
        )

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
        tied = self.actors["id"].isin(pd.concat([t["source"], t["target"]]))
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
                    "The 'types' parameter of ActorNetwork.select must be a list of values "
                    f"among {list(self.types)}. Got {bad!r} instead."
                )
            ties = ties[ties["type"].isin(chosen)]
        ids = set(actors["id"])
        ties = ties[ties["source"].isin(ids) & ties["target"].isin(ids)]
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
    strength_scale: tuple[float, float] = (1.0, 3.0),
    tie_types: Iterable[str] | None = None,
    name: str | None = None,
    source: str | None = None,
    actors_file: str | None = None,
    ties_file: str | None = None,
    first_row: int = 2,
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

    Returns
    -------
    ActorNetwork

    Raises
    ------
    DataValidationError
        Listing every problem: missing columns, duplicate or empty actor ids, unknown spheres,
        levels or tie types, ties to unknown actors, self-ties, strengths off the scale,
        contradictory duplicate ties.
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
    func = "build_network"
    check_bool(directed, "directed", func=func)
    lo, hi = _check_scale(strength_scale, func)
    for value, pname in ((actors, "actors"), (ties, "ties")):
        if not isinstance(value, pd.DataFrame):
            raise InvalidParameterError(
                f"The {pname!r} parameter of {func} must be a pandas DataFrame. "
                f"Got {type(value).__name__} instead."
            )
    if tie_types is None:
        type_options, type_aliases = TIE_TYPES, _TYPE_ALIASES
    else:
        type_options = tuple(str(t).strip().lower() for t in tie_types)
        type_aliases = {}
    issues: list[ValidationIssue] = []
    a = _validate_actors(actors, actors_file, first_row, issues)
    if a is None:
        raise DataValidationError(issues)
    t = _validate_ties(
        ties, a, ties_file, first_row, issues,
        directed=directed, scale=(lo, hi), types=(type_options, type_aliases),
    )  # fmt: skip
    if issues or t is None:
        issues.sort(key=lambda issue: issue.row or 0)  # stable: file order within a row
        raise DataValidationError(issues)
    return ActorNetwork(actors=a, ties=t, strength_scale=(lo, hi), name=name, source=source)


def _check_scale(scale: Any, func: str) -> tuple[float, float]:
    try:
        lo, hi = (float(x) for x in scale)
    except (TypeError, ValueError) as exc:
        raise InvalidParameterError(
            f"The 'strength_scale' parameter of {func} must be a pair (low, high) of numbers. "
            f"Got {scale!r} instead."
        ) from exc
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise InvalidParameterError(
            f"The 'strength_scale' parameter of {func} must be a pair (low, high) with "
            f"low < high. Got {scale!r} instead."
        )
    return lo, hi


def _missing_columns(
    frame: pd.DataFrame, required: tuple[str, ...], file: str | None, issues: list
) -> bool:
    missing = [c for c in required if c not in frame.columns]
    for c in missing:
        issues.append(
            ValidationIssue(
                f"The column {c!r} is missing (columns found: {list(frame.columns)}).",
                file=file,
                column=c,
                fix=f"Add a column named {c!r}.",
            )
        )
    return bool(missing)


def _validate_actors(
    frame: pd.DataFrame, file: str | None, first_row: int, issues: list[ValidationIssue]
) -> pd.DataFrame | None:
    frame = frame.rename(columns=lambda c: str(c).strip().lower())
    if _missing_columns(frame, ("id", "sphere", "level"), file, issues):
        return None
    n = len(frame)
    rows = np.arange(n) + first_row
    ids = [_norm(v) for v in frame["id"]]
    seen: dict[str, int] = {}
    for r, v in zip(rows, ids, strict=True):
        if v is None:
            issues.append(ValidationIssue("The actor id is empty.", file, int(r), "id",
                                          "Give every actor a unique id."))  # fmt: skip
        elif v in seen:
            issues.append(
                ValidationIssue(
                    f"The actor id {v!r} is used twice (first on row {seen[v]}).",
                    file, int(r), "id", "Give every actor a unique id.",
                )  # fmt: skip
            )
        else:
            seen[v] = int(r)
    spheres = [_canonical(v, SPHERES, _SPHERE_ALIASES) for v in frame["sphere"]]
    levels = [_canonical(v, LEVELS, _LEVEL_ALIASES) for v in frame["level"]]
    for col, values, options in (("sphere", spheres, SPHERES), ("level", levels, LEVELS)):
        for r, raw, v in zip(rows, frame[col], values, strict=True):
            if v is None:
                issues.append(
                    ValidationIssue(
                        f"Unknown {col} {_norm(raw)!r}.", file, int(r), col,
                        f"Use one of {', '.join(options)}.",
                    )  # fmt: skip
                )
    ownership = [None] * n
    if "ownership" in frame.columns:
        ownership = [_canonical(v, _OWNERSHIP, {}) for v in frame["ownership"]]
        for r, raw, v in zip(rows, frame["ownership"], ownership, strict=True):
            if v is None and _norm(raw) is not None:
                issues.append(
                    ValidationIssue(
                        f"Unknown ownership {_norm(raw)!r}.", file, int(r), "ownership",
                        "Use public, private or mixed, or leave it empty.",
                    )  # fmt: skip
                )
    member = [True] * n
    if "member" in frame.columns:
        member = []
        for r, raw in zip(rows, frame["member"], strict=True):
            b = _to_bool(raw)
            if b is None and _norm(raw) is not None:
                issues.append(
                    ValidationIssue(
                        f"The member value {_norm(raw)!r} is not a yes/no value.", file,
                        int(r), "member", "Use true/false, yes/no or 1/0.",
                    )  # fmt: skip
                )
            member.append(True if b is None else b)
    if issues:
        return None
    out = pd.DataFrame(
        {
            "id": pd.array(ids, dtype="string").astype(object),
            "name": [
                _norm(v) or i
                for v, i in zip(frame.get("name", pd.Series([None] * n)), ids, strict=True)
            ],
            "sphere": spheres,
            "level": levels,
            "ownership": ownership,
            "size": [_norm(v) for v in frame.get("size", pd.Series([None] * n))],
            "member": np.asarray(member, dtype=bool),
            "waves": [_norm(v) for v in frame.get("waves", pd.Series([None] * n))],
        }
    )
    extra = [c for c in frame.columns if c not in ACTOR_COLUMNS]
    for c in extra:
        out[c] = frame[c].to_numpy()
    return out


def _validate_ties(
    frame: pd.DataFrame,
    actors: pd.DataFrame,
    file: str | None,
    first_row: int,
    issues: list[ValidationIssue],
    *,
    directed: bool,
    scale: tuple[float, float],
    types: tuple[tuple[str, ...], Mapping[str, str]],
) -> pd.DataFrame | None:
    frame = frame.rename(columns=lambda c: str(c).strip().lower())
    if _missing_columns(frame, ("source", "target", "type"), file, issues):
        return None
    n = len(frame)
    rows = np.arange(n) + first_row
    known = set(actors["id"])
    src = [_norm(v) for v in frame["source"]]
    tgt = [_norm(v) for v in frame["target"]]
    options, aliases = types
    typ = [_canonical(v, options, aliases) for v in frame["type"]]
    strength = _parse_strengths(frame, rows, file, scale, issues)
    conf = np.full(n, np.nan)
    if "confidence" in frame.columns:
        conf = pd.to_numeric(frame["confidence"], errors="coerce").to_numpy(float)
        for r, raw, c in zip(rows, frame["confidence"], conf, strict=True):
            bad_number = np.isnan(c) and _norm(raw) is not None
            if bad_number or (not np.isnan(c) and not 0 <= c <= 1):
                issues.append(
                    ValidationIssue(
                        f"The confidence {_norm(raw)!r} is not a number between 0 and 1.",
                        file, int(r), "confidence", "Use a share between 0 and 1.",
                    )  # fmt: skip
                )
    direct = np.full(n, directed)
    if "directed" in frame.columns:
        for k, (r, raw) in enumerate(zip(rows, frame["directed"], strict=True)):
            b = _to_bool(raw)
            if b is None and _norm(raw) is not None:
                issues.append(
                    ValidationIssue(
                        f"The directed value {_norm(raw)!r} is not a yes/no value.", file,
                        int(r), "directed", "Use true/false, yes/no or 1/0.",
                    )  # fmt: skip
                )
            elif b is not None:
                direct[k] = b
    for k in range(n):
        r = int(rows[k])
        for col, v in (("source", src[k]), ("target", tgt[k])):
            if v is None:
                issues.append(ValidationIssue(f"The {col} is empty.", file, r, col,
                                              "Name the actor by its id."))  # fmt: skip
            elif v not in known:
                issues.append(
                    ValidationIssue(
                        f"The tie names the unknown actor {v!r}.", file, r, col,
                        "Add the actor to the actors table or correct the id.",
                    )  # fmt: skip
                )
        if src[k] is not None and src[k] == tgt[k]:
            issues.append(
                ValidationIssue(
                    f"Self-tie: actor {src[k]!r} is tied to itself.", file, r, "target",
                    "Remove the row; a tie links two different actors.",
                )  # fmt: skip
            )
        if typ[k] is None:
            raw = _norm(frame["type"].iloc[k])
            issues.append(
                ValidationIssue(
                    f"Unknown tie type {raw!r}.", file, r, "type",
                    f"Use one of {', '.join(options)}.",
                )  # fmt: skip
            )
    if issues:
        return None
    out = pd.DataFrame(
        {
            "source": src,
            "target": tgt,
            "type": typ,
            "strength": strength,
            "directed": direct.astype(bool),
            "wave": [_norm(v) for v in frame.get("wave", pd.Series([None] * n))],
            "evidence": [_norm(v) for v in frame.get("evidence", pd.Series([None] * n))],
            "confidence": conf,
            "respondent": [_norm(v) for v in frame.get("respondent", pd.Series([None] * n))],
            "row": rows,
        }
    )
    return _merge_duplicates(out, file, issues)


def _parse_strengths(
    frame: pd.DataFrame,
    rows: np.ndarray,
    file: str | None,
    scale: tuple[float, float],
    issues: list[ValidationIssue],
) -> np.ndarray:
    n = len(frame)
    out = np.full(n, np.nan)
    if "strength" not in frame.columns:
        return out
    lo, hi = scale
    for k, (r, raw) in enumerate(zip(rows, frame["strength"], strict=True)):
        text = _norm(raw)
        if text is None:
            continue
        value = _STRENGTH_LABELS.get(text.lower())
        if value is None:
            try:
                value = float(text)
            except ValueError:
                value = np.nan
        if np.isnan(value) or not lo <= value <= hi:
            issues.append(
                ValidationIssue(
                    f"The strength {text!r} is off the scale [{lo:g}, {hi:g}].", file,
                    int(r), "strength",
                    "Use a number on the scale, or weak/medium/strong (1/2/3).",
                )  # fmt: skip
            )
        else:
            out[k] = value
    return out


def _merge_duplicates(
    ties: pd.DataFrame, file: str | None, issues: list[ValidationIssue]
) -> pd.DataFrame | None:
    """Merge repeated reports of one tie; flag reports that disagree on its strength."""
    a = ties["source"].to_numpy(object)
    b = ties["target"].to_numpy(object)
    undirected = ~ties["directed"].to_numpy(bool)
    swap = undirected & (a > b)
    key = ties.assign(
        u=np.where(swap, b, a),
        v=np.where(swap, a, b),
        wave_key=ties["wave"].fillna(""),
    )
    groups = key.groupby(["u", "v", "type", "wave_key", "directed"], sort=False, dropna=False)
    spread = groups["strength"].agg(lambda s: s.dropna().nunique())
    for (u, v, typ, wave, _), count in spread.items():
        if count > 1:
            rows = key[
                (key["u"] == u) & (key["v"] == v) & (key["type"] == typ)
                & (key["wave_key"] == wave)
            ]  # fmt: skip
            issues.append(
                ValidationIssue(
                    f"Contradictory duplicate ties {u!r}–{v!r} ({typ}"
                    f"{', wave ' + wave if wave else ''}): strengths "
                    f"{sorted(rows['strength'].dropna().unique().tolist())} on rows "
                    f"{rows['row'].tolist()}.",
                    file, int(rows["row"].iloc[-1]), "strength",
                    "Keep one strength per tie, or give the reports different waves.",
                )  # fmt: skip
            )
    if issues:
        return None
    merged = groups.agg(
        source=("source", "first"),
        target=("target", "first"),
        strength=("strength", "max"),
        evidence=("evidence", lambda s: ";".join(dict.fromkeys(s.dropna())) or None),
        confidence=("confidence", "max"),
        respondent=("respondent", lambda s: ";".join(dict.fromkeys(s.dropna())) or None),
        reports=("row", "size"),
        first_row=("row", "min"),
    ).reset_index()
    wave = merged["wave_key"].astype(object)
    merged["wave"] = wave.where(wave != "", None)
    merged = merged.sort_values("first_row", kind="stable").reset_index(drop=True)
    return merged[list(TIE_COLUMNS)]
