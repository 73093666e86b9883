"""The drawings of a country page, laid out on the server as SVG (no script, so they show under
the strict Content-Security-Policy and without JavaScript; each has a data table beside it).

* :func:`share_bars`: horizontal bars of the top products' shares of exports;
* :func:`eci_chart`: the OEC's published ECI by year as a line, grappe's own value of the
  trade data's year as a marked point;
* :func:`space_drawing`: the product space, the country's products with an advantage and its
  opportunities highlighted (links as one path, plain products as one path of dots: a drawing
  of 1,200 products stays about 60 kB).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from typing import Any

__all__ = ["eci_chart", "share_bars", "space_drawing"]


def share_bars(
    rows: Sequence[Mapping[str, Any]], *, width: int = 640, rtl: bool = False
) -> dict[str, Any]:
    """Layout of horizontal bars of shares (0–1), the longest bar filling the width.

    Parameters
    ----------
    rows : sequence of mapping
        Each with ``label`` and ``share``.
    width : int, default 640
        Width in SVG units; 260 of them hold the labels, 50 the printed shares.
    rtl : bool, default False
        Arabic pages: labels on the right, bars growing leftwards.

    Returns
    -------
    dict
        ``width``, ``height``, ``label_x``, ``anchor`` and ``bars`` (``label``, ``share``,
        ``x``, ``y``, ``w``, ``value_x``), ``value_anchor``.

    Examples
    --------
    >>> out = share_bars([{"label": "A", "share": 0.5}, {"label": "B", "share": 0.25}], width=560)
    >>> [(b["x"], b["w"], b["value_x"]) for b in out["bars"]]
    [(260.0, 250.0, 514.0), (260.0, 125.0, 389.0)]
    >>> share_bars([{"label": "A", "share": 0.5}], width=560, rtl=True)["bars"][0]["x"]
    50.0
    """
    labels, values, row_height = 260, 50, 20
    span = width - labels - values
    top = max([1e-12, *(float(r["share"]) for r in rows)])
    bars = []
    for i, r in enumerate(rows):
        w = round(float(r["share"]) / top * span, 1)
        x = round(width - labels - w, 1) if rtl else float(labels)
        bars.append({
            "label": r["label"], "share": r["share"], "w": w, "y": i * row_height,
            "x": x, "value_x": round(x - 4, 1) if rtl else round(x + w + 4, 1),
        })  # fmt: skip
    return {
        "width": width, "height": len(rows) * row_height,
        "label_x": width - 4 if rtl else 4, "anchor": "end" if rtl else "start",
        "value_anchor": "end" if rtl else "start", "bars": bars,
    }  # fmt: skip


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round values between ``low`` and ``high`` for an axis (steps of 1, 2 or 5 × 10^k)."""
    raw = (high - low) / max(count - 1, 1) or 1.0
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    return [round(first + i * step, 10) for i in range(int((high - first) / step + 1e-9) + 1)]


def eci_chart(
    series: Mapping[int, float],
    *,
    own: float | None,
    own_year: int | None,
    width: int = 640,
    height: int = 240,
) -> dict[str, Any]:
    """Layout of a line chart of a published ECI series with one value of grappe's marked.

    Parameters
    ----------
    series : Mapping[int, float]
        Year → published ECI (non-finite values are left out).
    own, own_year : float and int, optional
        grappe's ECI and its year, drawn as a marked point.
    width, height : int
        Size in SVG units (a margin of 44 left and 24 below holds the axes).

    Returns
    -------
    dict
        ``width``, ``height``, ``path`` (the line's ``d``), ``points`` (``x``, ``y``,
        ``year``, ``value``), ``own`` (``x``, ``y``, ``value``, ``year``) or None,
        ``x_ticks`` and ``y_ticks`` (``pos``, ``value``), ``zero`` (y of 0 or None), the plot
        box ``left``, ``right``, ``top``, ``bottom``.

    Examples
    --------
    >>> c = eci_chart({2000: -1.1, 2010: 1.1}, own=0.0, own_year=2005, width=144, height=124)
    >>> c["path"], (c["own"]["x"], c["own"]["y"])
    ('M44.0,95.9L134.0,14.1', (89.0, 55.0))
    """
    pts = sorted((int(y), float(v)) for y, v in series.items() if v == v and math.isfinite(v))
    years = [y for y, _ in pts] + ([own_year] if own is not None and own_year else [])
    values = [v for _, v in pts] + ([own] if own is not None and own_year else [])
    left, right, top, bottom = 44.0, width - 10.0, 10.0, height - 24.0
    if not years:
        return {"width": width, "height": height, "path": "", "points": [], "own": None,
                "x_ticks": [], "y_ticks": [], "zero": None, "left": left, "right": right,
                "top": top, "bottom": bottom}  # fmt: skip
    y0, y1 = min(years), max(years)
    v0, v1 = min(values), max(values)
    if v1 - v0 < 1e-9:
        v0, v1 = v0 - 1.0, v1 + 1.0
    pad = (v1 - v0) * 0.05  # the highest and lowest points stay inside the box
    v0, v1 = v0 - pad, v1 + pad

    def x_of(year: float) -> float:
        return round(left + (year - y0) / ((y1 - y0) or 1) * (right - left), 1)

    def y_of(value: float) -> float:
        return round(bottom - (value - v0) / (v1 - v0) * (bottom - top), 1)

    points = [{"x": x_of(y), "y": y_of(v), "year": y, "value": v} for y, v in pts]
    path = "".join(f"{'L' if i else 'M'}{p['x']},{p['y']}" for i, p in enumerate(points))
    mark = None
    if own is not None and own_year:
        mark = {"x": x_of(own_year), "y": y_of(own), "value": own, "year": own_year}
    return {
        "width": width, "height": height, "path": path, "points": points, "own": mark,
        "x_ticks": [{"pos": x_of(y), "value": int(y)} for y in _ticks(y0, y1) if y == int(y)],
        "y_ticks": [{"pos": y_of(v), "value": v} for v in _ticks(v0, v1)],
        "zero": y_of(0.0) if v0 <= 0.0 <= v1 else None,
        "left": left, "right": right, "top": top, "bottom": bottom,
    }  # fmt: skip


def space_drawing(
    positions: Mapping[str, tuple[float, float]],
    links: Sequence[tuple[str, str]],
    *,
    held: Collection[str],
    opportunities: Collection[str],
    width: int = 760,
    height: int = 520,
) -> dict[str, Any]:
    """Layout of the product space with a country's products highlighted.

    Parameters
    ----------
    positions : Mapping[str, tuple of float]
        Product → (x, y) in [0, 1] (:func:`grappe.complexity.space.space_layout`).
    links : sequence of (str, str)
        The space's edges.
    held : collection of str
        The country's products with RCA ≥ 1 (drawn as filled circles).
    opportunities : collection of str
        Its opportunities (drawn as rings).
    width, height : int
        Size in SVG units (a margin of 8 all round).

    Returns
    -------
    dict
        ``width``, ``height``, ``links`` (one path's ``d``), ``dots`` (one path's ``d`` of the
        other products), ``held`` and ``opportunities`` (``product``, ``x``, ``y``), and the
        counts ``n_held``, ``n_opportunities``, ``n_other`` (products of the space only).

    Examples
    --------
    >>> d = space_drawing({"a": (0, 0), "b": (1, 1), "c": (0.5, 0)}, [("a", "b")],
    ...                   held={"a"}, opportunities={"c"}, width=116, height=116)
    >>> d["links"], d["dots"], d["held"], (d["n_held"], d["n_opportunities"], d["n_other"])
    ('M8,8L108,108', 'M108,108h0', [{'product': 'a', 'x': 8.0, 'y': 8.0}], (1, 1, 1))
    """
    margin = 8.0

    def at(p: str) -> tuple[float, float]:
        x, y = positions[p]
        return (round(margin + x * (width - 2 * margin), 1),
                round(margin + y * (height - 2 * margin), 1))  # fmt: skip

    def short(v: float) -> str:
        return f"{v:g}"

    segments = []
    for a, b in links:
        if a in positions and b in positions:
            (xa, ya), (xb, yb) = at(a), at(b)
            segments.append(f"M{short(xa)},{short(ya)}L{short(xb)},{short(yb)}")
    held_nodes, ring_nodes, dots = [], [], []
    for product in positions:
        x, y = at(product)
        if product in held:
            held_nodes.append({"product": product, "x": x, "y": y})
        elif product in opportunities:
            ring_nodes.append({"product": product, "x": x, "y": y})
        else:
            dots.append(f"M{short(x)},{short(y)}h0")
    return {
        "width": width, "height": height, "links": "".join(segments), "dots": "".join(dots),
        "held": held_nodes, "opportunities": ring_nodes, "n_held": len(held_nodes),
        "n_opportunities": len(ring_nodes), "n_other": len(dots),
    }  # fmt: skip
