"""Figures of an actor network: a layered drawing and a sphere × sphere density heat map.

The functions return :class:`matplotlib.figure.Figure` objects and write nothing; save them
with :func:`grappe.io.network.save_figure` (PNG or SVG).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grappe.chart_labels import CHART_LABELS, chart_label, number_ticks, sphere_label
from grappe.formats import format_number
from grappe.network.cohesion import sphere_pairs
from grappe.network.model import LEVELS, SPHERES, ActorNetwork

__all__ = ["SPHERE_COLOURS", "draw_network", "sphere_heatmap"]

#: Colour of each sphere (colour-blind-safe Okabe–Ito palette).
SPHERE_COLOURS: dict[str, str] = {
    "enterprise": "#E69F00",
    "university": "#0072B2",
    "public": "#D55E00",
    "support": "#009E73",
    "association": "#CC79A7",
    "international": "#56B4E9",
    "finance": "#7F7F7F",
}


def _figure(figsize: tuple[float, float]) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=figsize, layout="constrained")


def draw_network(
    net: ActorNetwork,
    *,
    seed: int | None = None,
    labels: bool = True,
    title: str | None = None,
    figsize: tuple[float, float] = (9.0, 6.5),
    lang: str = "en",
) -> Any:
    """Draw the collapsed network with actors in layers by level, coloured by sphere.

    Local actors are at the bottom and international ones at the top; within a layer actors
    are ordered by a force-directed layout (:func:`networkx.spring_layout`, seeded). Tie width
    grows with strength; node size with degree.

    Parameters
    ----------
    net : ActorNetwork
    seed : int or None, default None
        Seed of the layout.
        ``None`` draws fresh entropy (numpy's ``default_rng(None)``); pass an int to
        reproduce a result (the package's seed policy, see docs/architecture.md).
    labels : bool, default True
        Write actor ids (Latin script) next to the nodes.
    title : str, optional
    figsize : (float, float)
    lang : {"en", "fr", "ar"}, default "en"
        Language of the legend, the levels and the default title (:mod:`grappe.chart_labels`;
        Arabic shaped). Actor ids are drawn as given.

    Returns
    -------
    matplotlib.figure.Figure

    References
    ----------
    Fruchterman, T. M. J. & Reingold, E. M. (1991) Graph drawing by force-directed placement.
    *Software: Practice and Experience* 21(11):1129–1164.
    """
    import networkx as nx
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    fig = _figure(figsize)
    ax = fig.add_subplot()
    n = net.n_actors
    level_rank = net.actors["level"].map({lv: k for k, lv in enumerate(LEVELS)}).to_numpy()
    g = nx.Graph()
    g.add_nodes_from(range(n))
    arcs = net.arcs
    g.add_edges_from(zip(arcs["i"].tolist(), arcs["j"].tolist(), strict=True))
    spring = nx.spring_layout(g, seed=seed) if n else {}
    x = np.array([spring[v][0] for v in range(n)]) if n else np.zeros(0)
    # spread each layer evenly by its spring order so that labels do not collide
    pos = np.zeros((n, 2))
    for lv in range(len(LEVELS)):
        members = np.flatnonzero(level_rank == lv)
        if len(members):
            order = members[np.argsort(x[members], kind="stable")]
            pos[order, 0] = np.linspace(0, 1, len(order) + 2)[1:-1]
            pos[order, 1] = lv + 0.25 * np.sin(np.arange(len(order)) * 1.7)
    if len(arcs):
        strength = arcs["strength"].fillna(1.0).to_numpy()
        segments = np.stack([pos[arcs["i"].to_numpy()], pos[arcs["j"].to_numpy()]], axis=1)
        ax.add_collection(
            LineCollection(
                segments, linewidths=0.4 + 0.8 * strength, colors="#999999", alpha=0.45, zorder=1
            )
        )
    deg = np.asarray(((net.adjacency + net.adjacency.T) > 0).sum(axis=1)).ravel()
    colours = [SPHERE_COLOURS[s] for s in net.actors["sphere"]]
    ax.scatter(
        pos[:, 0],
        pos[:, 1],
        s=40 + 25 * deg,
        c=colours,
        edgecolors="black",
        linewidths=0.5,
        zorder=2,
    )
    if labels:
        for (px, py), label in zip(pos, net.actors["id"], strict=True):
            ax.annotate(
                str(label),
                (px, py),
                xytext=(4, 4),
                textcoords="offset points",
                fontsize=7,
                zorder=3,
            )
    ax.set_yticks(range(len(LEVELS)), [chart_label(lv, lang) for lv in LEVELS])
    ax.set_ylim(-0.6, len(LEVELS) - 0.4)
    ax.set_xticks([])
    ax.set_xlim(-0.02, 1.02)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    present = [s for s in SPHERES if s in set(net.actors["sphere"])]
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor=SPHERE_COLOURS[s],
            markeredgecolor="black",
            label=sphere_label(s, lang),
        )
        for s in present
    ]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
        title=chart_label("sphere", lang),
    )
    ax.set_title(title or chart_label(net.name or "actor_network", lang))
    return fig


def sphere_heatmap(
    net: ActorNetwork,
    *,
    groups: str = "sphere",
    title: str | None = None,
    figsize: tuple[float, float] = (6.5, 5.5),
    lang: str = "en",
) -> Any:
    """Heat map of tie density between and within spheres (or levels).

    Each cell is the share of possible actor pairs that are tied (see
    :func:`~grappe.network.cohesion.sphere_pairs`); the count of linked pairs is written in
    the cell; empty cells (a single actor in a group) are grey.

    Parameters
    ----------
    net : ActorNetwork
        The actor network.
    groups : {"sphere", "level"}, default "sphere"
        The actor column that defines the rows and columns.
    title : str, optional
        Title of the figure.
    figsize : tuple of float, default (6.5, 5.5)
        Size of the figure in inches.
    lang : {"en", "fr", "ar"}, default "en"
        Language of the texts and numbers drawn (:mod:`grappe.chart_labels`; Arabic shaped).

    Returns
    -------
    matplotlib.figure.Figure
    """
    table = sphere_pairs(net, groups=groups)
    present = list(dict.fromkeys(list(table["group_a"]) + list(table["group_b"])))
    order = [g for g in (SPHERES if groups == "sphere" else LEVELS) if g in present]
    k = len(order)
    dens = np.full((k, k), np.nan)
    count = np.zeros((k, k), dtype=int)
    for rec in table.itertuples():
        a, b = order.index(rec.group_a), order.index(rec.group_b)
        dens[a, b] = dens[b, a] = rec.density
        count[a, b] = count[b, a] = rec.linked_pairs
    fig = _figure(figsize)
    ax = fig.add_subplot()
    image = ax.imshow(
        np.ma.masked_invalid(dens),
        cmap="viridis",
        vmin=0,
        vmax=max(np.nanmax(dens) if k and np.isfinite(dens).any() else 1, 1e-9),
    )
    ax.set_facecolor("#dddddd")
    name = sphere_label if groups == "sphere" else chart_label
    names = [name(g, lang) for g in order]
    ax.set_xticks(range(k), names, rotation=45, ha="right")
    ax.set_yticks(range(k), names)
    for a in range(k):
        for b in range(k):
            if np.isfinite(dens[a, b]):
                ax.text(
                    b,
                    a,
                    f"{format_number(dens[a, b], lang, digits=2)}\n"
                    f"({format_number(count[a, b], lang)})",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if dens[a, b] < 0.6 * np.nanmax(dens) else "black",
                )
    bar = fig.colorbar(image, ax=ax, label=chart_label("tie_density_axis", lang))
    number_ticks(bar.ax, lang, axes="y")
    # The group's word goes into the title unshaped: the title is shaped once, as a whole.
    word = CHART_LABELS[groups][lang] if groups in CHART_LABELS else groups
    ax.set_title(title or chart_label("density_title", lang, groups=word))
    return fig
