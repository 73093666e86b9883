"""Static maps (matplotlib figures) and GeoJSON documents for the web observatory.

Functions here build objects in memory: a :class:`matplotlib.figure.Figure` (created without
pyplot, so safe in threads and servers) or a GeoJSON ``dict`` in longitude/latitude (RFC 7946).
Writing them to disk is done by :mod:`grappe.io.spatial`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from grappe.chart_labels import chart_label, number_ticks
from grappe.formats import format_share
from grappe.spatial.areal import AreaSet
from grappe.spatial.hotspots import HotspotResult
from grappe.spatial.kdensity import KDensityResult
from grappe.spatial.points import PointSet

__all__ = [
    "areal_geojson",
    "hotspots_geojson",
    "plot_areal",
    "plot_kdensity",
    "plot_m_function",
    "plot_points",
    "plot_ripley",
    "points_geojson",
]

SPOT_COLOURS = {
    "hot": "#d7301f",
    "cold": "#2b8cbe",
    "not significant": "#eeeeee",
    "high-high": "#d7301f",
    "low-low": "#2b8cbe",
    "low-high": "#a6bddb",
    "high-low": "#fc9272",
}


def _figure(size=(7.0, 5.0)):
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def plot_kdensity(result: KDensityResult, *, title: str | None = None, lang: str = "en"):
    """K-density with its local (shaded) and global (dashed) confidence bands.

    Parameters
    ----------
    result : KDensityResult
        The result of :func:`~grappe.spatial.kdensity`.
    title : str, optional
        Title of the figure.
    lang : {"en", "fr", "ar"}, default "en"
        Language of the texts drawn (:mod:`grappe.chart_labels`; Arabic shaped).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.spatial import kdensity, points_from_frame
    >>> xy = np.random.default_rng(0).uniform(0, 5000, (40, 2))  # synthetic
    >>> f = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "a": ["s", "o"] * 20})
    >>> pts = points_from_frame(f, x="x", y="y", crs="EPSG:2154", activity="a")
    >>> fig = plot_kdensity(kdensity(pts, "s", n_simulations=9, seed=0, scheduler="sync"))
    >>> len(fig.axes[0].lines)
    3
    """

    def t(key: str, **values: Any) -> str:
        return chart_label(key, lang, **values)

    fig, ax = _figure()
    c = result.curves
    km = c["distance"] / 1000
    per_km = 1000.0  # K is per metre; shown per km
    ax.fill_between(
        km,
        c["local_lower"] * per_km,
        c["local_upper"] * per_km,
        color="#cccccc",
        label=t("local_band", confidence=format_share(result.confidence, lang)),
    )
    ax.plot(km, c["global_upper"] * per_km, "k--", lw=1, label=t("global_bands"))
    ax.plot(km, c["global_lower"] * per_km, "k--", lw=1)
    ax.plot(km, c["kdensity"] * per_km, color="#d7301f", lw=2, label=t("kdensity"))
    ax.set_xlabel(t("distance_km"))
    ax.set_ylabel(t("kdensity_weighted_axis" if result.weighted else "kdensity_axis"))
    ax.set_title(
        title
        or t(
            "kdensity_title",
            activity=result.activity,
            n_points=result.n_points,
            n_simulations=result.n_simulations,
        )
    )
    ax.legend(frameon=False)
    number_ticks(ax, lang)
    return fig


def _curve(ax, km, value, lower, upper, *, label: str, reference: float, ref_label: str, lang: str):
    """A curve with its shaded envelope (when simulated) and the no-concentration line."""
    if lower is not None:
        ax.fill_between(km, lower, upper, color="#cccccc", label=chart_label("envelope", lang))
    ax.axhline(reference, color="k", lw=1, ls="--", label=chart_label(ref_label, lang))
    ax.plot(km, value, color="#d7301f", lw=2, marker="o", ms=3, label=label)
    ax.set_xlabel(chart_label("radius_km", lang))
    ax.legend(frameon=False)
    number_ticks(ax, lang)


def plot_ripley(curves: pd.DataFrame, *, title: str | None = None, lang: str = "en"):
    """Besag's L(r) − r against r (both in km), with the envelope of CSR patterns when simulated.

    L(r) − r is 0 under complete spatial randomness, positive for clustering; plotting it
    rather than K keeps the scale readable at every radius.

    Parameters
    ----------
    curves : pandas.DataFrame
        The result of :func:`~grappe.spatial.ripley_k`.
    title : str, optional
        Title of the figure.
    lang : {"en", "fr", "ar"}, default "en"
        Language of the texts drawn (:mod:`grappe.chart_labels`; Arabic shaped).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from grappe.spatial import points_from_frame, ripley_k
    >>> xy = np.random.default_rng(0).uniform(0, 5000, (40, 2))  # synthetic
    >>> pts = points_from_frame(pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]}), x="x", y="y",
    ...                         crs="EPSG:2154")
    >>> fig = plot_ripley(ripley_k(pts, [250.0, 500.0], n_simulations=4, seed=0))
    >>> len(fig.axes[0].collections)  # the shaded envelope
    1
    """
    fig, ax = _figure()
    r = curves["radius"]
    simulated = "l_lower" in curves
    _curve(
        ax,
        r / 1000,
        curves["l_minus_r"] / 1000,
        (curves["l_lower"] - r) / 1000 if simulated else None,
        (curves["l_upper"] - r) / 1000 if simulated else None,
        label="L(r) − r",
        reference=0.0,
        ref_label="csr",
        lang=lang,
    )
    ax.set_ylabel(chart_label("ripley_axis", lang))
    ax.set_title(title or chart_label("ripley_title", lang))
    return fig


def plot_m_function(curves: pd.DataFrame, *, title: str | None = None, lang: str = "en"):
    """Marcon–Puech M against r, with its random-labelling envelope when simulated.

    Parameters
    ----------
    curves : pandas.DataFrame
        The result of :func:`~grappe.spatial.m_function`.
    title : str, optional
        Title of the figure.
    lang : {"en", "fr", "ar"}, default "en"
        Language of the texts drawn (:mod:`grappe.chart_labels`; Arabic shaped).

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, ax = _figure()
    simulated = "lower" in curves
    _curve(
        ax,
        curves["radius"] / 1000,
        curves["m"],
        curves["lower"] if simulated else None,
        curves["upper"] if simulated else None,
        label="M",
        reference=1.0,
        ref_label="m_reference",
        lang=lang,
    )
    ax.set_ylabel(chart_label("m_axis", lang))
    ax.set_title(title or chart_label("m_title", lang))
    return fig


def plot_points(
    points: PointSet,
    hot: HotspotResult | None = None,
    *,
    activity: str | None = None,
    title: str | None = None,
    lang: str = "en",
):
    """Establishments (grey, the activity in colour) and hot-spot polygons.

    The view spans the 0.5–99.5 percentiles of the coordinates, so that a few mis-geocoded
    points far away do not shrink the map.

    Parameters
    ----------
    points : PointSet
        The establishments.
    hot : HotspotResult, optional
        Hot spots to draw as polygons.
    activity : str, optional
        The activity drawn in colour.
    title : str, optional
        Title of the figure.
    lang : {"en", "fr", "ar"}, default "en"
        Language of the texts drawn (:mod:`grappe.chart_labels`; Arabic shaped).

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, ax = _figure((7.0, 7.0))
    d = points.data
    ax.scatter(d["x"], d["y"], s=2, color="#bbbbbb", label=chart_label("all_establishments", lang))
    if activity is not None:
        sel = points.mask(activity)
        shown = chart_label(activity, lang)
        ax.scatter(d["x"][sel], d["y"][sel], s=5, color="#08519c", label=shown)
    if hot is not None:
        rows = (
            hot.hotspots if activity is None else hot.hotspots[hot.hotspots["activity"] == activity]
        )
        for k, geom in enumerate(rows["geometry"]):
            for part in getattr(geom, "geoms", [geom]):
                xs, ys = part.exterior.xy
                ax.fill(
                    xs,
                    ys,
                    alpha=0.5,
                    fc="#d7301f",
                    ec="#67000d",
                    lw=0.8,
                    label=chart_label("hot_spots", lang) if k == 0 else None,
                )
    # a robust view: a few mis-geocoded points far away should not shrink the map
    (x0, x1), (y0, y1) = (np.percentile(d[c], [0.5, 99.5]) for c in ("x", "y"))
    pad = 0.05 * max(x1 - x0, y1 - y0, 1e-9)
    ax.set_xlim(x0 - pad, x1 + pad)
    ax.set_ylim(y0 - pad, y1 + pad)
    ax.set_aspect("equal" if not points.geographic else 1 / np.cos(np.radians(d["y"].mean())))
    ax.set_xlabel(chart_label("longitude" if points.geographic else "x_m", lang))
    ax.set_ylabel(chart_label("latitude" if points.geographic else "y_m", lang))
    ax.set_title(title or chart_label(activity or "establishments", lang))
    ax.legend(frameon=False, markerscale=3)
    number_ticks(ax, lang)
    return fig


def plot_areal(
    areas: AreaSet,
    stats: pd.DataFrame,
    *,
    column: str = "spot",
    title: str | None = None,
    attribution: str | None = None,
    lang: str = "en",
):
    """Choropleth of a local statistic's classes (``spot`` of Gi*, ``cluster`` of local Moran).

    Parameters
    ----------
    areas : AreaSet
        The areal units.
    stats : pandas.DataFrame
        A local statistic joined on ``id``.
    column : str, default "spot"
        The column of ``stats`` that holds the classes.
    title : str, optional
        Title of the figure.
    attribution : str, optional
        Credit line written in the lower corner (the boundaries' licence may require it:
        "© OpenStreetMap contributors (ODbL)").
    lang : {"en", "fr", "ar"}, default "en"
        Language of the texts drawn (:mod:`grappe.chart_labels`; Arabic shaped).

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.patches import Patch

    fig, ax = _figure((7.0, 7.0))
    classes = dict(zip(stats["id"], stats[column], strict=True))
    for uid, geom in zip(areas.data["id"], areas.geometries, strict=True):
        colour = SPOT_COLOURS.get(str(classes.get(uid)), "#eeeeee")
        for part in getattr(geom, "geoms", [geom]):
            xs, ys = part.exterior.xy
            ax.fill(xs, ys, color=colour, ec="white", lw=0.3)
    present = [c for c in SPOT_COLOURS if c in set(stats[column])]
    handles = [Patch(color=SPOT_COLOURS[c], label=chart_label(c, lang)) for c in present]
    ax.legend(handles=handles, frameon=False)
    ax.set_aspect("equal")
    ax.set_title(title or chart_label(column, lang))
    number_ticks(ax, lang)
    if attribution:
        fig.text(0.99, 0.01, attribution, ha="right", va="bottom", fontsize=7, color="#555555")
    return fig


def _to_lonlat(crs: str):
    import pyproj

    source = pyproj.CRS.from_user_input(crs)
    if source.is_geographic:
        return None
    return pyproj.Transformer.from_crs(source, "EPSG:4326", always_xy=True)


def _clean(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def points_geojson(points: PointSet) -> dict:
    """GeoJSON FeatureCollection of the establishments (longitude/latitude).

    Parameters
    ----------
    points : PointSet
        The establishments.

    Returns
    -------
    dict
        Point features with ``id``, ``activity`` and ``weight`` properties.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.spatial import points_from_frame
    >>> f = pd.DataFrame({"x": [700000.0], "y": [6600000.0]})
    >>> doc = points_geojson(points_from_frame(f, x="x", y="y", crs="EPSG:2154"))
    >>> [round(c, 6) for c in doc["features"][0]["geometry"]["coordinates"]]
    [3.0, 46.5]
    """
    d = points.data
    x, y = d["x"].to_numpy(), d["y"].to_numpy()
    tr = _to_lonlat(points.crs)
    if tr is not None:
        x, y = tr.transform(x, y)
    return _collection(
        [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(a), float(b)]},
                "properties": {"id": i, "activity": act, "weight": float(w)},
            }
            for a, b, i, act, w in zip(x, y, d["id"], d["activity"], d["weight"], strict=True)
        ]
    )


def _geometry(geom, tr) -> dict:
    import shapely

    if tr is not None:
        geom = shapely.transform(geom, lambda c: np.column_stack(tr.transform(c[:, 0], c[:, 1])))
    return shapely.geometry.mapping(geom)


def hotspots_geojson(result: HotspotResult) -> dict:
    """GeoJSON FeatureCollection of hot-spot polygons with members, weight and area.

    Parameters
    ----------
    result : HotspotResult
        The result of :func:`~grappe.spatial.hotspots`.

    Returns
    -------
    dict
        Polygon features (longitude/latitude) with the columns of ``result.hotspots`` other
        than ``geometry`` as properties.
    """
    tr = _to_lonlat(result.crs)
    cols = [c for c in result.hotspots.columns if c != "geometry"]
    return _collection(
        [
            {
                "type": "Feature",
                "geometry": _geometry(row["geometry"], tr),
                "properties": {c: _clean(row[c]) for c in cols},
            }
            for _, row in result.hotspots.iterrows()
        ]
    )


def areal_geojson(areas: AreaSet, stats: pd.DataFrame | None = None) -> dict:
    """GeoJSON FeatureCollection of the units with their values and (optional) statistics.

    Parameters
    ----------
    areas : AreaSet
        The areal units.
    stats : pandas.DataFrame, optional
        A local statistic (:func:`~grappe.spatial.getis_ord`, :func:`~grappe.spatial.local_moran`)
        whose columns are joined on ``id``.

    Returns
    -------
    dict
        Polygon features (longitude/latitude) with the unit's values and the columns of
        ``stats`` (joined on ``id``) as properties; NaN becomes ``null``.
    """
    tr = _to_lonlat(areas.crs)
    frame = (
        areas.data
        if stats is None
        else areas.data.merge(
            stats.drop(columns=[c for c in stats.columns if c in areas.data.columns and c != "id"]),
            on="id",
            how="left",
        )
    )
    return _collection(
        [
            {
                "type": "Feature",
                "geometry": _geometry(g, tr),
                "properties": {c: _clean(v) for c, v in row.items()},
            }
            for g, (_, row) in zip(areas.geometries, frame.iterrows(), strict=True)
        ]
    )
