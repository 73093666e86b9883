"""Validation of establishment points, CRS handling and metric coordinates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.spatial import PointSet, points_from_frame, project_points
from grappe.spatial.points import (
    EARTH_RADIUS_M,
    arc_to_chord,
    chord_to_arc,
    metric_coordinates,
)


def frame(**extra):
    base = {"lon": [6.61, 6.62, 6.63], "lat": [36.36, 36.37, 36.38], "naf": ["a", "a", "b"]}
    base.update(extra)
    return pd.DataFrame(base)


def test_defaults_and_columns():
    f = frame()
    p = points_from_frame(f, crs="EPSG:4326", activity="naf")
    assert list(p.data.columns) == ["id", "x", "y", "activity", "weight"]
    assert p.data["id"].tolist() == ["1", "2", "3"]
    assert p.geographic and p.activities == ("a", "b")
    assert p.data["weight"].tolist() == [1.0, 1.0, 1.0]
    pd.testing.assert_frame_equal(f, frame())  # input not mutated


def test_missing_crs():
    with pytest.raises(InvalidParameterError, match="The 'crs' parameter of points_from_frame"):
        points_from_frame(frame(), crs=None)


def test_unknown_crs():
    with pytest.raises(InvalidParameterError, match="known to PROJ"):
        points_from_frame(frame(), crs="EPSG:999999")


def test_bad_option():
    with pytest.raises(InvalidParameterError, match="'on_missing' parameter"):
        points_from_frame(frame(), crs="EPSG:4326", on_missing="skip")


def test_not_a_frame():
    with pytest.raises(InvalidParameterError, match="must be a pandas DataFrame"):
        points_from_frame([[1, 2]], crs="EPSG:4326")


def test_missing_column_names_file_and_column():
    with pytest.raises(DataValidationError, match="'emp' is missing") as info:
        points_from_frame(frame(), crs="EPSG:4326", weight="emp", source="firms.csv")
    assert info.value.file == "firms.csv" and info.value.column == "emp"


def test_not_a_number_row():
    f = frame(lat=["36.36", "north", "36.38"])
    with pytest.raises(DataValidationError, match="'north' is not a number") as info:
        points_from_frame(f, crs="EPSG:4326")
    assert info.value.row == 3 and info.value.column == "lat"


def test_empty_coordinates_raise_or_drop():
    f = frame(lon=[6.61, None, 6.63])
    with pytest.raises(DataValidationError, match="empty.*on_missing='drop'") as info:
        points_from_frame(f, crs="EPSG:4326")
    assert info.value.row == 3 and info.value.column == "lon"
    p = points_from_frame(f, crs="EPSG:4326", on_missing="drop")
    assert p.data["id"].tolist() == ["1", "3"]


def test_swapped_coordinates():
    f = frame(lon=[36.36, 36.37, 36.38], lat=[106.6, 6.62, 6.63])
    with pytest.raises(DataValidationError, match="look swapped.*x='lat', y='lon'") as info:
        points_from_frame(f, crs="EPSG:4326")
    assert info.value.row == 2 and info.value.column == "lat"


def test_out_of_range_longitude():
    with pytest.raises(DataValidationError, match="out of range") as info:
        points_from_frame(frame(lon=[6.6, 200.0, 6.6]), crs="EPSG:4326")
    assert info.value.column == "lon"


def test_projected_coordinates_are_not_range_checked():
    f = pd.DataFrame({"x": [700000.0, 700100.0], "y": [6600000.0, 6600000.0]})
    p = points_from_frame(f, x="x", y="y", crs="EPSG:2154")
    assert not p.geographic


def test_bounds_raise_and_drop():
    f = frame(lat=[36.36, 48.5, 36.38], lon=[6.61, -71.0, 6.63])
    algeria = (-8.7, 18.9, 12.0, 37.1)
    with pytest.raises(DataValidationError, match="outside the study area") as info:
        points_from_frame(f, crs="EPSG:4326", bounds=algeria)
    assert info.value.row == 3
    p = points_from_frame(f, crs="EPSG:4326", bounds=algeria, on_outside="drop")
    assert len(p) == 2


def test_bad_bounds():
    with pytest.raises(InvalidParameterError, match="'bounds' parameter"):
        points_from_frame(frame(), crs="EPSG:4326", bounds=(10, 0, 0, 10))


def test_duplicate_ids():
    with pytest.raises(DataValidationError, match="'x1' appears more than once") as info:
        points_from_frame(frame(sid=["x1", "x2", "x1"]), crs="EPSG:4326", id="sid")
    assert [i.row for i in info.value.issues] == [2, 4]


@pytest.mark.parametrize(("value", "message"), [(-3, "'-3' is not a non-negative"),
                                                (None, "weight is empty")])  # fmt: skip
def test_bad_weight(value, message):
    with pytest.raises(DataValidationError, match=message) as info:
        points_from_frame(frame(emp=[1, value, 2]), crs="EPSG:4326", weight="emp")
    assert info.value.row == 3


def test_pointset_checks_columns():
    with pytest.raises(InvalidParameterError, match="Missing"):
        PointSet(pd.DataFrame({"x": [1.0]}), "EPSG:4326", True)
    with pytest.raises(InvalidParameterError, match="pandas DataFrame"):
        PointSet({"x": [1.0]}, "EPSG:4326", True)


def test_unknown_activity():
    p = points_from_frame(frame(), crs="EPSG:4326", activity="naf")
    with pytest.raises(InvalidParameterError, match="'activity' parameter.*Got 'zz'"):
        p.mask("zz")


def test_project_round_trip_and_reference_point():
    # Lambert-93's natural origin: (3°E, 46.5°N) -> (700 000, 6 600 000) by definition
    p = points_from_frame(pd.DataFrame({"lon": [3.0], "lat": [46.5]}), crs="EPSG:4326")
    q = project_points(p, "EPSG:2154")
    assert q.data[["x", "y"]].to_numpy()[0] == pytest.approx([700000, 6600000], abs=1e-3)
    back = project_points(q, "EPSG:4326")
    assert back.data[["x", "y"]].to_numpy()[0] == pytest.approx([3.0, 46.5], abs=1e-9)


def test_project_needs_crs():
    p = points_from_frame(frame(), crs="EPSG:4326")
    with pytest.raises(InvalidParameterError, match="'crs' parameter of project_points"):
        project_points(p, None)


def test_metric_coordinates_match_haversine():
    from sklearn.metrics.pairwise import haversine_distances

    rng = np.random.default_rng(0)
    f = pd.DataFrame({"lon": rng.uniform(-8, 12, 30), "lat": rng.uniform(19, 37, 30)})
    coords, spherical = metric_coordinates(points_from_frame(f, crs="EPSG:4326"))
    assert spherical and coords.shape == (30, 3)
    chord = np.linalg.norm(coords[:, None] - coords[None], axis=2)
    expected = haversine_distances(np.radians(f[["lat", "lon"]].to_numpy())) * EARTH_RADIUS_M
    np.testing.assert_allclose(chord_to_arc(chord), expected, rtol=1e-9, atol=1e-6)


def test_metric_coordinates_convert_feet():
    # EPSG:2263 (New York Long Island, US survey feet)
    f = pd.DataFrame({"x": [0.0, 1000.0], "y": [0.0, 0.0]})
    coords, spherical = metric_coordinates(points_from_frame(f, x="x", y="y", crs="EPSG:2263"))
    assert not spherical
    assert coords[1, 0] == pytest.approx(1000 * 1200 / 3937)


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=0.0, max_value=np.pi * EARTH_RADIUS_M * 0.999))
def test_chord_arc_inverse(arc):
    assert chord_to_arc(arc_to_chord(arc)) == pytest.approx(arc, rel=1e-9, abs=1e-6)
    assert arc_to_chord(arc) <= arc + 1e-9  # a chord is never longer than its arc
