"""Runs on the real datasets of ``../shared/data`` (skipped when absent; CI has them).

Hotmaps and the SIRENE-by-IRIS tables state no licence, so they are read in place, never copied.
"""

from __future__ import annotations

import numpy as np
import pytest

from grappe.io.spatial import read_points
from grappe.spatial import getis_ord, hotspots, kdensity, local_moran, project_points

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def hotmaps(shared_data):
    path = shared_data / "eu_hotmaps_industrial_sites" / "hotmaps_industrial_sites.csv.gz"
    return read_points(path, activity="Subsector", id="SiteID", on_missing="drop")


def test_hotmaps_reads_and_drops_sites_without_geometry(hotmaps):
    assert len(hotmaps) == 5029 - 524  # PROVENANCE: 524 rows without geometry
    assert "Refineries" in hotmaps.activities and "Cement" in hotmaps.activities


def test_hotmaps_chemicals_localised_cement_not(hotmaps):
    # chemical plants cluster (Rhine–Ruhr, Antwerp–Rotterdam, Po valley…); cement plants
    # spread out to serve local markets (heavy, cheap product): a classic D–O contrast
    chem = kdensity(hotmaps, "Chemical industry", n_simulations=99, seed=1)
    cement = kdensity(hotmaps, "Cement", n_simulations=99, seed=1)
    assert chem.localised and chem.localisation_index > 0.05
    assert not cement.localised
    assert cement.max_distance == chem.max_distance  # median distance between all sites
    assert 500_000 < chem.max_distance < 2_000_000


def test_hotmaps_refineries_projected_equals_great_circle_at_short_range(hotmaps):
    refin = hotmaps.subset(np.isin(hotmaps.data["activity"], ["Refineries", "Cement"]))
    geo = kdensity(
        refin,
        "Refineries",
        bandwidth=20_000.0,
        max_distance=200_000.0,
        n_grid=21,
        n_simulations=4,
        seed=0,
    )
    laea = kdensity(
        project_points(refin, "EPSG:3035"),
        "Refineries",
        bandwidth=20_000.0,
        max_distance=200_000.0,
        n_grid=21,
        n_simulations=4,
        seed=0,
    )
    # ETRS89-LAEA is equal-area, not equidistant: distances differ by a few per cent at most
    k1, k2 = geo.curves["kdensity"].to_numpy(), laea.curves["kdensity"].to_numpy()
    np.testing.assert_allclose(k1, k2, atol=0.08 * k1.max())


def test_sirene_metal_products_getis_ord(iris_metal_products):
    areas = iris_metal_products
    gi = getis_ord(areas, "count", permutations=199, seed=0, islands="keep")
    assert set(gi["spot"]) <= {"hot", "cold", "not significant"}
    assert (gi["spot"] == "hot").sum() >= 1
    hot = gi.loc[gi["spot"] == "hot", "value"].mean()
    assert hot > gi["value"].mean()  # hot IRIS hold more metalworking firms than average
    lm = local_moran(areas, "count", permutations=199, seed=0, islands="keep")
    assert len(lm) == 253


def test_algerian_actors_hotspots(shared_data):
    path = shared_data / "dz_ecosystem_actors" / "all_geolocated_actors_long.csv"
    pts = read_points(
        path,
        activity="actor_type",
        on_missing="drop",
        bounds=(-8.7, 18.9, 12.0, 37.1),
        on_outside="drop",
    )
    assert 6_650 < len(pts) < 6_701  # 6,801 rows, ~100 without coordinates, 3 outside
    res = hotspots(pts, activities=["impots", "accountants"], eps=2_000, min_samples=10)
    top = res.hotspots.iloc[0]
    # the largest concentration of support actors is in Algiers (3.06°E, 36.75°N)
    assert abs(top["centroid_x"] - 3.06) < 0.3 and abs(top["centroid_y"] - 36.75) < 0.2
