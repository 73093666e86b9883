"""Maps of Morocco's provinces drawn server-side as SVG paths (choropleth of a location quotient).

Why not ``static/js/map.js``: that script draws the US from us-atlas and Algeria's wilayas, and
its outlines come pre-projected; the Moroccan outlines (:func:`grappe.io.bundled_ma
.bundled_ma_boundaries`, 110 KB for 87 units) are projected here once, so the map shows without
JavaScript, under the strict Content-Security-Policy, and each province is a plain link.

The projection is equirectangular with the longitudes shrunk by the cosine of the middle
latitude (28.5° N): at Morocco's scale its distortion is small and it needs no library.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Collection, Mapping
from typing import Any

from grappe.io.bundled_ma import bundled_ma_boundaries

__all__ = ["LQ_CLASSES", "lq_class", "morocco_map", "project"]

#: Upper bounds of the LQ classes of the choropleth (the last class is open): below 0.8,
#: 0.8–1, 1–1.25, 1.25 and more.
LQ_CLASSES: tuple[float, ...] = (0.8, 1.0, 1.25)

_WEST, _EAST, _SOUTH, _NORTH = -17.3, -0.9, 20.7, 36.0
_SHRINK = math.cos(math.radians((_SOUTH + _NORTH) / 2))


def project(lon: float, lat: float, *, width: float = 480.0) -> tuple[float, float]:
    """SVG coordinates of a point (x to the east, y to the south), for a map ``width`` wide.

    Examples
    --------
    >>> project(-17.3, 36.0)
    (0.0, 0.0)
    >>> x, y = project(-0.9, 20.7)
    >>> x, round(y)
    (480.0, 509)
    """
    scale = width / ((_EAST - _WEST) * _SHRINK)
    return round((lon - _WEST) * _SHRINK * scale, 1), round((_NORTH - lat) * scale, 1)


def lq_class(lq: float | None) -> str:
    """CSS class of a location quotient in the choropleth (``lq-na`` when unknown).

    Examples
    --------
    >>> [lq_class(v) for v in (None, 0.5, 0.9, 1.1, 2.0)]
    ['lq-na', 'lq-0', 'lq-1', 'lq-2', 'lq-3']
    """
    if lq is None or not math.isfinite(lq):
        return "lq-na"
    return f"lq-{sum(lq >= bound for bound in LQ_CLASSES)}"


@functools.cache
def _paths(width: float) -> dict[str, str]:
    out = {}
    for code, rings in bundled_ma_boundaries().items():
        parts = []
        for ring in rings:
            points = [project(lon, lat, width=width) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
        out[code] = "".join(parts)
    return out


def morocco_map(
    *,
    names: Mapping[str, str],
    values: Mapping[str, float | None] | None = None,
    highlight: Collection[str] = (),
    context: Collection[str] = (),
    link: str = "/regions/MA-{code}",
    width: float = 480.0,
) -> dict[str, Any]:
    """Layout of a map of the 75 provinces under the outlines of the 12 regions.

    Parameters
    ----------
    names : mapping
        Province code → name shown in each outline's tooltip.
    values : mapping, optional
        Province code → location quotient: the choropleth's classes (:func:`lq_class`).
    highlight : collection of str
        Province codes drawn highlighted (a province page, or the provinces of a region).
    context : collection of str
        Province codes drawn lightly tinted (the other provinces of a province's region).
    link : str
        Address of each province, formatted with its ``code``.
    width : float, default 480

    Returns
    -------
    dict
        ``width``, ``height``, ``provinces`` (``code``, ``name``, ``d``, ``cls``, ``href``,
        ``value``) and ``regions`` (``code``, ``d``).
    """
    paths = _paths(width)
    _, height = project(_EAST, _SOUTH, width=width)
    provinces = []
    for code, d in paths.items():
        if "." not in code:
            continue
        value = None if values is None else values.get(code)
        cls = lq_class(value) if values is not None else "plain"
        if code in highlight:
            cls += " highlight"
        elif code in context:
            cls += " context"
        provinces.append({
            "code": code, "name": names.get(code, code), "d": d, "cls": cls,
            "href": link.format(code=code), "value": value,
        })  # fmt: skip
    regions = [{"code": c, "d": d} for c, d in paths.items() if "." not in c]
    return {"width": width, "height": height, "provinces": provinces, "regions": regions}
