"""Layout of an actor network as drawing coordinates (networkx spring layout, seeded).

Shared by the web pages (SVG, :mod:`grappe.web.network_svg`) and the report's figure
(:func:`grappe.reports.charts.network_chart`); no I/O.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any

from grappe.vocabulary import SPHERES

__all__ = ["network_drawing"]


def _strength(value: Any) -> float:
    # An unrated tie (None or NaN) weighs 1, as in the kernel's collapsed graph.
    number = 1.0 if value is None else float(value)
    return 1.0 if math.isnan(number) else number


def _sphere_class(sphere: str | None) -> str:
    text = (sphere or "other").lower()
    return text if text in SPHERES else "other"  # each sphere has a colour class in site.css


@functools.lru_cache(maxsize=256)
def _layout(
    ids: tuple[str, ...], edges: tuple[tuple[str, str], ...], seed: int
) -> tuple[dict[str, Any], dict[str, int]]:
    # Cached: the layout of a network is the same on every visit (seeded), and computing it is
    # the dearest part of a profile page.
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(edges)
    return nx.spring_layout(graph, seed=seed), dict(graph.degree())


def network_drawing(
    actors: Sequence[Any],
    ties: Sequence[Any],
    *,
    width: int = 640,
    height: int = 420,
    seed: int = 7,
) -> dict[str, Any] | None:
    """Node and edge coordinates for the network partial, or None when there is no actor.

    Parameters
    ----------
    actors : sequence
        Rows with ``id``, ``name``, ``sphere`` (attributes, e.g. named tuples).
    ties : sequence
        Rows with ``source``, ``target``, ``type``, ``strength``.
    seed : int
        Seed of the layout, so that a page looks the same on every visit.

    Notes
    -----
    Fruchterman–Reingold force-directed layout as implemented by
    :func:`networkx.spring_layout`.

    References
    ----------
    T. M. J. Fruchterman and E. M. Reingold, "Graph drawing by force-directed placement",
    Software: Practice and Experience 21(11), 1991.
    """
    if not actors:
        return None
    ids = tuple(a.id for a in actors)
    edges_key = tuple(
        sorted({(t.source, t.target) for t in ties if t.source in ids and t.target in ids})
    )
    pos, degree = _layout(ids, edges_key, seed)
    margin_x, margin_y = 90, 30  # room for the labels
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0

    def place(node: str) -> tuple[float, float]:
        x, y = pos[node]
        return (
            round(margin_x + (x - min(xs)) / span_x * (width - 2 * margin_x), 1),
            round(margin_y + (y - min(ys)) / span_y * (height - 2 * margin_y), 1),
        )

    nodes = []
    for a in actors:
        x, y = place(a.id)
        nodes.append(
            {
                "id": a.id,
                "x": x,
                "y": y,
                "r": 5 + min(degree.get(a.id, 0), 20) * 0.5,
                "name": a.name,
                "label": a.name if len(a.name) <= 24 else a.name[:23] + "…",
                "sphere": a.sphere or "–",
                "sphere_class": _sphere_class(a.sphere),
            }
        )
    names = {a.id: a.name for a in actors}
    edges = []
    for t in ties:
        if t.source in names and t.target in names:
            x1, y1 = place(t.source)
            x2, y2 = place(t.target)
            edges.append(
                {
                    "x1": x1,
                    "y1": y1,
                    "x2": x2,
                    "y2": y2,
                    "kind": "".join(ch for ch in t.type.lower() if ch.isalnum()) or "tie",
                    "width": round(0.6 + min(_strength(t.strength), 5.0) * 0.4, 2),
                    "label": f"{names[t.source]} → {names[t.target]} ({t.type})",
                }
            )
    legend = sorted({(n["sphere"], n["sphere_class"]) for n in nodes})
    return {"width": width, "height": height, "nodes": nodes, "edges": edges, "legend": legend}
