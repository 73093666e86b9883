"""Study areas and repeated ids of establishment points: warnings, swaps, merges.

Points are the real TransformaTek actors of Algiers and Constantine
(``tests/fixtures/spatial``); variants swap or move some of them.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from grappe.errors import DataValidationError, DataWarning, InvalidParameterError, NotFoundError
from grappe.io.spatial import COUNTRY_MARGIN, country_bounds, read_points
from grappe.spatial import kdensity, points_from_frame

ALGERIA = (-8.7, 18.9, 12.0, 37.1)


@pytest.fixture
def actors(fixtures) -> pd.DataFrame:
    frame = pd.read_csv(fixtures / "spatial" / "dz_actors_algiers_constantine.csv", dtype=str)
    return frame.dropna().reset_index(drop=True)


def test_points_inside_the_area_raise_no_warning(actors):
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)
        pts = points_from_frame(actors, crs="EPSG:4326", bounds=ALGERIA, on_outside="warn")
    assert len(pts) == len(actors)


def test_a_few_points_outside_warn_without_the_swap_hint(actors):
    moved = actors.copy()
    moved.loc[[4, 8], "lon"] = "-60.0"  # two geocoding errors, in the Atlantic
    with pytest.warns(DataWarning, match=r"2 of \d+ points are outside the study area") as w:
        pts = points_from_frame(moved, crs="EPSG:4326", bounds=ALGERIA, on_outside="warn",
                                source="actors.csv")  # fmt: skip
    message = w[0].message
    assert (message.file, message.row, message.column) == ("actors.csv", 6, "lon")
    assert "swap" not in str(message) and len(pts) == len(actors)  # kept


def test_swapped_axes_are_detected(actors):
    with pytest.warns(DataWarning, match="Most would be inside with the two coordinates") as w:
        points_from_frame(actors, x="lat", y="lon", crs="EPSG:4326", bounds=ALGERIA,
                          on_outside="warn")  # fmt: skip
    assert "did you swap latitude and longitude?" in w[0].message.fix
    assert "x='lon', y='lat'" in w[0].message.fix


def test_country_bounds_come_from_countryinfo():
    lo_lon, lo_lat, hi_lon, hi_lat = country_bounds("DZ")
    # Algeria spans about 8.7°W–12°E and 19°N–37.1°N; the box adds the margin
    assert lo_lon == pytest.approx(-8.68 - COUNTRY_MARGIN, abs=0.1)
    assert hi_lat == pytest.approx(37.12 + COUNTRY_MARGIN, abs=0.1)
    assert country_bounds("dza") == country_bounds("DZ")
    west, _, east, _ = country_bounds("FR")
    assert west > -6 and east < 11  # metropolitan France only
    with pytest.raises(NotFoundError, match="No country 'ZZ'"):
        country_bounds("ZZ")


def test_repeated_ids_raise_or_merge(actors, tmp_path):
    frame = actors.head(10).assign(id=[f"E{i}" for i in range(10)], emp="3")
    path = tmp_path / "p.csv"
    pd.concat([frame, frame.iloc[[4]]], ignore_index=True).to_csv(path, index=False)
    with pytest.raises(DataValidationError, match="'E4' appears more than once") as info:
        read_points(path, id="id", weight="emp")
    assert [i.row for i in info.value.issues] == [6, 12]
    merged = read_points(path, id="id", weight="emp", duplicates="sum")
    assert len(merged) == 10
    assert merged.data.set_index("id").loc["E4", "weight"] == 6.0
    with pytest.raises(InvalidParameterError, match="'duplicates' parameter of points_from"):
        read_points(path, id="id", duplicates="mean")


def test_coincident_points_need_explicit_distances():
    same = pd.DataFrame({"x": [700_000.0] * 12, "y": [6_600_000.0] * 12})
    pts = points_from_frame(same, x="x", y="y", crs="EPSG:2154", source="same.csv")
    with pytest.raises(DataValidationError, match="all 12 establishments are at one place") as e:
        kdensity(pts, "all", n_simulations=3, seed=0)
    assert e.value.file == "same.csv" and "--max-distance" in e.value.issues[0].fix
    res = kdensity(pts, "all", n_simulations=3, seed=0, max_distance=1000.0, bandwidth=50.0)
    assert np.isfinite(res.curves["kdensity"]).all()
