"""The written diagnosis of an actor network: a structured summary and a short text.

:func:`diagnose` runs every measure of :mod:`grappe.network` and gathers the findings that
cluster studies write by hand — who coordinates, who brokers between spheres and between the
local and the global, who is peripheral, where the shadow zones are, whether the cluster has
pipelines beyond its buzz, how the network changed — with the numbers behind them.
:func:`render_text` turns the summary into a few sentences in French, English or Arabic from
sentence templates (``grappe/data/network/diagnosis_texts.yaml``, read by
:func:`grappe.io.network.read_diagnosis_texts`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_number, check_option
from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.network.boundary import boundary
from grappe.network.brokerage import ROLES, brokerage_by
from grappe.network.centrality import centrality
from grappe.network.change import wave_change
from grappe.network.cohesion import (
    components,
    density,
    density_by_type,
    reciprocity,
    sphere_pairs,
)
from grappe.network.core_periphery import core_periphery
from grappe.network.model import ActorNetwork
from grappe.network.shadow_zones import shadow_zones, triple_helix
from grappe.network.structural_holes import structural_holes
from grappe.vocabulary import LANGUAGES

__all__ = ["LANGUAGES", "Diagnosis", "diagnose", "render_text"]

#: Languages of the written diagnosis.


@dataclass(frozen=True)
class Diagnosis:
    """Result of :func:`diagnose`.

    Attributes
    ----------
    actors : pandas.DataFrame
        One row per actor (indexed by id): ``name``, ``sphere``, ``level``, ``degree``,
        ``in_degree``, ``out_degree``, ``strength``, ``betweenness``, the Gould–Fernandez
        roles by sphere (``coordinator`` … ``liaison``, ``brokerage_between``) and by level
        (``level_`` prefix), ``effective_size``, ``efficiency``, ``constraint``, ``coreness``,
        ``core``, ``peripheral``, ``weakly_tied``, ``inside``, ``internal_ties``,
        ``external_ties``, ``external_share``, ``pipeline``.
    summary : dict
        JSON-ready findings (see ``docs/network.md`` for every key).
    """

    actors: pd.DataFrame
    summary: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """The summary, ready for :func:`json.dumps` (NaN written as ``None``)."""
        return _clean(self.summary)


def diagnose(
    net: ActorNetwork,
    *,
    wave: str | None = None,
    before: str | None = None,
    expected: str | Iterable[Iterable[str]] = "default",
    weak: float = 1.0,
    local_levels: Iterable[str] = ("local",),
    k: int | None = None,
    seed: int | None = None,
    top: int = 5,
) -> Diagnosis:
    """Run the full diagnosis of an actor network.

    Parameters
    ----------
    net : ActorNetwork
    wave : str, optional
        Diagnose this wave only (its actors and ties).
    before : str, optional
        Also describe the change from wave ``before`` to ``wave`` (requires ``wave``).
    expected : "default", "all" or list of sphere pairs
        Sphere pairs examined for shadow zones (see :func:`~grappe.network.shadow_zones.
        shadow_zones`).
    weak : float, default 1
        Strength at or below which a tie is weak.
    local_levels : iterable of str, default ("local",)
        Levels inside the cluster (see :func:`~grappe.network.boundary.boundary`).
    k, seed
        Betweenness sampling (see :func:`~grappe.network.centrality.betweenness`).
    top : int, default 5
        How many actors the lists of coordinators and brokers keep.

    Returns
    -------
    Diagnosis

    Raises
    ------
    InvalidParameterError
        If a wave is unknown, ``before`` is given without ``wave``, or an option is invalid.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.network.model import build_network
    >>> a = pd.DataFrame({"id": ["f1", "f2", "cci", "univ"], "level": "local",
    ...                   "sphere": ["enterprise", "enterprise", "support", "university"]})
    >>> t = pd.DataFrame({"source": ["f1", "f2", "cci"], "target": ["cci", "cci", "univ"],
    ...                   "type": "information", "strength": [2, 3, 1]})
    >>> d = diagnose(build_network(a, t, directed=False))
    >>> d.summary["brokers"][0], round(d.summary["density"], 3)
    ('cci', 0.5)

    References
    ----------
    Gould & Fernandez (1989); Burt (1992); Borgatti & Everett (1999); Bathelt, Malmberg &
    Maskell (2004); Etzkowitz & Leydesdorff (2000) — see the modules of each measure.
    """
    func = "diagnose"
    check_number(weak, "weak", func=func)
    check_number(top, "top", func=func, low=1, integer=True)
    full = net
    if before is not None and wave is None:
        raise InvalidParameterError(
            Message(
                "The 'before' parameter of {func} must come with a 'wave'. Got {before!r} instead.",
                func=func,
                before=before,
            )
        )
    if wave is not None:
        check_option(str(wave), "wave", net.waves, func=func)
        net = net.select(wave=str(wave))
    cent = centrality(net, k=k, seed=seed)
    by = brokerage_by(net, ("sphere", "level"))
    brk, brk_level = by["sphere"], by["level"].add_prefix("level_")
    holes = structural_holes(net)
    cp = core_periphery(net)
    bnd = boundary(net, local_levels=local_levels)
    comp = components(net)
    max_strength = _max_strength(net)
    actors = pd.concat(
        [
            net.actors.set_index("id")[["name", "sphere", "level"]],
            cent,
            brk.rename(columns={"total": "brokerage_total", "between": "brokerage_between"}),
            brk_level,
            holes,
            cp.coreness.to_frame(),
            cp.core.to_frame(),
            bnd.actors,
        ],
        axis=1,
    )
    actors["peripheral"] = ~actors["core"].to_numpy(bool)
    actors["weakly_tied"] = (actors["degree"] <= 1).to_numpy() | (max_strength.to_numpy() <= weak)
    summary = _summary(
        net,
        actors,
        full=full,
        wave=wave,
        before=before,
        comp=comp,
        cp=cp,
        bnd=bnd,
        expected=expected,
        weak=weak,
        top=top,
    )
    return Diagnosis(actors=actors, summary=summary)


def _max_strength(net: ActorNetwork) -> pd.Series:
    a = net.arcs
    both = (
        pd.concat([a[["i", "strength"]], a[["j", "strength"]].rename(columns={"j": "i"})])
        .groupby("i")["strength"]
        .max()
    )
    values = np.full(net.n_actors, np.nan)
    values[both.index.to_numpy()] = both.to_numpy()
    return pd.Series(values, index=net.index)


def _ranked(actors: pd.DataFrame, column: str, top: int) -> list[str]:
    chosen = actors[actors[column] > 0]
    chosen = chosen.sort_values([column, "betweenness"], ascending=False, kind="stable")
    return chosen.index[:top].tolist()


def _summary(
    net: ActorNetwork,
    actors: pd.DataFrame,
    *,
    full: ActorNetwork,
    wave: str | None,
    before: str | None,
    comp: Any,
    cp: Any,
    bnd: Any,
    expected: Any,
    weak: float,
    top: int,
) -> dict[str, Any]:
    records = _actor_records(actors)
    zones = shadow_zones(net, expected=expected, weak=weak)
    th = triple_helix(net)
    pairs = sphere_pairs(net).rename(columns={"group_a": "sphere_a", "group_b": "sphere_b"})
    out: dict[str, Any] = {
        "network": {
            "name": net.name,
            "wave": wave,
            "actors": net.n_actors,
            "ties": len(net.ties),
            "arcs": len(net.arcs),
            "types": list(net.types),
            "waves": list(full.waves),
            "directed": net.is_directed,
        },
        "density": density(net),
        "density_by_type": density_by_type(net).to_dict("records"),
        "reciprocity": reciprocity(net),
        "components": {
            "count": comp.n_components,
            "largest_share": comp.largest_share,
            "isolates": list(comp.isolates),
        },
        "actors": records,
        "coordinators": _ranked(actors, "coordinator", top),
        "brokers": _ranked(actors, "brokerage_between", top),
        "level_brokers": _ranked(actors, "level_between", top),
        "core_periphery": {
            "method": "Borgatti-Everett least squares (L-BFGS-B), best top-k discrete core",
            "core": actors.index[actors["core"].to_numpy(bool)].tolist(),
            "fit_continuous": cp.fit_continuous,
            "fit_discrete": cp.fit_discrete,
        },
        "peripheral": actors.index[actors["peripheral"].to_numpy(bool)].tolist(),
        "weakly_tied": actors.index[actors["weakly_tied"].to_numpy(bool)].tolist(),
        "sphere_pairs": pairs.to_dict("records"),
        "shadow_zones": zones.to_dict("records"),
        "external_ties_share": bnd.external_ties_share,
        "boundary": {
            "internal_ties": bnd.internal_ties,
            "external_ties": bnd.external_ties,
            "outside_ties": bnd.outside_ties,
            "pipelines": actors.index[actors["pipeline"].to_numpy(bool)].tolist(),
        },
        "triple_helix": {
            "actors": th.actors,
            "bilateral": th.bilateral,
            "trilateral": th.trilateral,
            "balance": th.balance,
        },
        "change": None,
    }
    if before is not None:
        ch = wave_change(full, before, str(wave))
        out["change"] = {
            "before": ch.before,
            "after": ch.after,
            "jaccard": ch.jaccard,
            **ch.counts(),
        }
    return out


_RECORD_COLUMNS = {
    "name": "name",
    "sphere": "sphere",
    "level": "level",
    "degree": "degree",
    "in_degree": "in_degree",
    "out_degree": "out_degree",
    "strength": "strength",
    "betweenness": "betweenness",
    "brokerage_between": "brokerage_between_spheres",
    "level_between": "brokerage_between_levels",
    "effective_size": "effective_size",
    "constraint": "constraint",
    "coreness": "coreness",
    "core": "core",
    "peripheral": "peripheral",
    "weakly_tied": "weakly_tied",
    "internal_ties": "internal_ties",
    "external_ties": "external_ties",
    "pipeline": "pipeline",
}


def _actor_records(actors: pd.DataFrame) -> list[dict[str, Any]]:
    """One JSON-ready dict per actor (columns converted once, not cell by cell)."""
    columns = {"id": actors.index.to_numpy(object).tolist()}
    for src, dst in _RECORD_COLUMNS.items():
        values = actors[src].to_numpy()
        if values.dtype.kind == "f":
            columns[dst] = [None if v != v else v for v in values.tolist()]
        else:
            columns[dst] = values.tolist()
    roles = {r: actors[r].to_numpy().tolist() for r in ROLES}
    keys = list(columns)
    records = []
    for k, values in enumerate(zip(*columns.values(), strict=True)):
        rec = dict(zip(keys, values, strict=True))
        rec["brokerage"] = {r: roles[r][k] for r in ROLES}
        records.append(rec)
    return records


def _clean(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return None if not math.isfinite(float(value)) else float(value)
    if value is pd.NA:
        return None
    return value


def render_text(
    summary: Mapping[str, Any],
    templates: Mapping[str, Any],
    *,
    lang: str = "en",
    labels: Mapping[str, str] | None = None,
    name: str | None = None,
) -> str:
    """Write the findings of a diagnosis summary as short text in one language.

    Parameters
    ----------
    summary : mapping
        :meth:`Diagnosis.to_dict` output.
    templates : mapping
        Sentence templates by language (the content of ``diagnosis_texts.yaml``).
    lang : {"fr", "en", "ar"}, default "en"
    labels : mapping of str to str, optional
        Actor id → the name to write (e.g. the actor's name in ``lang``); ids without one are
        written as they are.
    name : str, optional
        The network's name in the title (default: the summary's).

    Returns
    -------
    str
        UTF-8 text, one finding per line.

    Raises
    ------
    InvalidParameterError
        If ``lang`` is unknown or the templates lack that language.
    """
    check_option(lang, "lang", LANGUAGES, func="render_text")
    if lang not in templates:
        raise InvalidParameterError(
            f"The 'templates' parameter of render_text must have the language {lang!r}. "
            f"Got {sorted(templates)} instead."
        )
    T = templates[lang]
    s = _clean(summary)
    sep = T.get("decimal", ".")

    def num(x: Any, digits: int = 2) -> str:
        return "—" if x is None else f"{x:.{digits}f}".replace(".", sep)

    def pct(x: Any) -> str:
        return "—" if x is None else f"{100 * x:.0f}"

    def label(i: str) -> str:
        return (labels or {}).get(i, i)

    def names(ids: list[str]) -> str:
        shown = [label(i) for i in ids]
        return T["list_sep"].join(shown) if shown else T["none"]

    def sphere(x: str) -> str:
        return T["spheres"].get(x, x)

    net = s["network"]
    title = name or net["name"] or "—"
    lines = [T["title"].format(name=title, wave=net["wave"] or T["all_waves"])]
    lines.append(
        T["overview"].format(
            actors=net["actors"],
            ties=net["ties"],
            types=names([T["types"].get(t, t) for t in net["types"]]),
            density=num(s["density"], 3),
        )
    )
    comp = s["components"]
    lines.append(
        T["components"].format(
            count=comp["count"],
            largest=pct(comp["largest_share"]),
            isolates=len(comp["isolates"]),
            isolate_list=names(comp["isolates"]),
        )
    )
    if s["reciprocity"] is not None:
        lines.append(T["reciprocity"].format(pct=pct(s["reciprocity"])))
    by_id = {a["id"]: a for a in s["actors"]}

    def with_counts(ids: list[str], key: str) -> str:
        shown = [f"{label(i)} ({by_id[i][key]})" for i in ids]
        return T["list_sep"].join(shown) if shown else T["none"]

    for a in s["actors"]:
        a["coordinator"] = a["brokerage"]["coordinator"]
    lines.append(T["coordinators"].format(list=with_counts(s["coordinators"], "coordinator")))
    if s["brokers"]:
        lines.append(
            T["brokers"].format(list=with_counts(s["brokers"], "brokerage_between_spheres"))
        )
    else:
        lines.append(T["no_brokers"])
    if s["level_brokers"]:
        lines.append(
            T["level_brokers"].format(
                list=with_counts(s["level_brokers"], "brokerage_between_levels")
            )
        )
    cp = s["core_periphery"]
    lines.append(
        T["core"].format(count=len(cp["core"]), list=names(cp["core"]), fit=num(cp["fit_discrete"]))
    )
    lines.append(
        T["periphery"].format(
            count=len(s["peripheral"]),
            weak_count=len(s["weakly_tied"]),
            weak_list=names(s["weakly_tied"][:10]),
        )
    )
    if s["shadow_zones"]:
        for z in s["shadow_zones"]:
            if z["reason"] == "absent sphere":
                lines.append(
                    T["shadow_absent"].format(a=sphere(z["sphere_a"]), b=sphere(z["sphere_b"]))
                )
                continue
            lines.append(
                T["shadow_zone"].format(
                    a=sphere(z["sphere_a"]),
                    b=sphere(z["sphere_b"]),
                    reason=T["reasons"][z["reason"]],
                    ties=z["ties"],
                    strength=num(z["mean_strength"], 1),
                )
            )
    else:
        lines.append(T["no_shadow_zone"])
    b = s["boundary"]
    if b["external_ties"]:
        lines.append(
            T["pipelines"].format(
                pct=pct(s["external_ties_share"]),
                external=b["external_ties"],
                internal=b["internal_ties"],
                count=len(b["pipelines"]),
                list=names(b["pipelines"][:10]),
            )
        )
    else:
        lines.append(T["no_pipelines"].format(internal=b["internal_ties"]))
    th = s["triple_helix"]
    lines.append(
        T["triple_helix"].format(
            eu=th["bilateral"]["enterprise-university"],
            ep=th["bilateral"]["enterprise-public"],
            up=th["bilateral"]["university-public"],
            tri=th["trilateral"],
            balance=num(th["balance"]),
        )
    )
    ch = s["change"]
    if ch:
        lines.append(
            T["change"].format(
                before=ch["before"],
                after=ch["after"],
                formed=ch["ties_formed"],
                dissolved=ch["ties_dissolved"],
                kept=ch["ties_kept"],
                jaccard=num(ch["jaccard"]),
                entering=ch["actors_entering"],
                leaving=ch["actors_leaving"],
            )
        )
    return "\n".join(lines) + "\n"
