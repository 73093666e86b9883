"""The support ecosystem: nearest bodies, coverage per wilaya, deduplication, and the reader.

Real data: ``../shared/data/dz_ecosystem_actors`` (TransformaTek geo-enabled datasets; see its
PROVENANCE.md). Distances are checked against the haversine formula written out here with
``math`` and against pyproj's geodesic when pyproj is installed.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from grappe.ecosystem import (
    EARTH_RADIUS_KM,
    coverage_by_wilaya,
    deduplicate_bodies,
    nearest_bodies,
)
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io.ecosystem import read_support_bodies, read_wilayas

BISKRA = (34.85, 5.73)


def _haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def long_file(shared_data):
    return shared_data / "dz_ecosystem_actors" / "all_geolocated_actors_long.csv"


@pytest.fixture(scope="module")
def bodies(long_file):
    return read_support_bodies(long_file)


def _toy(**columns):
    base = {"actor_type": ["cnrc"], "name": ["CNRC"], "wilaya_code": [7], "lat": [34.85],
            "lon": [5.73]}  # fmt: skip
    base.update(columns)
    return pd.DataFrame(base)


# --- reader -------------------------------------------------------------------------------


def test_reader_leaves_out_rows_without_coordinates(long_file, bodies):
    raw = pd.read_csv(long_file, dtype=str)
    located = raw["lat"].notna() & raw["lon"].notna()
    assert len(bodies) == int(located.sum())
    assert bodies.attrs["without_coordinates"] == int((~located).sum()) > 0
    assert list(bodies.columns) == ["actor_type", "name", "wilaya_code", "lat", "lon"]


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("actor_type,name,lat\nanade,A,34\n", ["b.csv", "lacks the columns ['lon']"]),
        ("actor_type,name,lat,lon\nanade,A,34,5\ncnrc,C,north,5\n",
         ["b.csv, row 3, column 'lat'", "'north' is not a lat"]),
        ("actor_type,name,lat,lon\nanade,A,34,500\n", ["row 2, column 'lon'", "[-180, 180]"]),
        ("actor_type,name,wilaya_code,lat,lon\nanade,A,Biskra,34,5\n",
         ["row 2, column 'wilaya_code'", "'Biskra' is not a wilaya code"]),
        ("actor_type,name,lat,lon\n,A,34,5\n", ["row 2, column 'actor_type'", "type of the body"]),
    ],
)  # fmt: skip
def test_reader_errors_name_file_row_column(tmp_path, text, fragments):
    path = tmp_path / "b.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        read_support_bodies(path)
    for fragment in fragments:
        assert fragment in str(info.value)


def test_reader_missing_file(tmp_path):
    with pytest.raises(NotFoundError, match="nowhere.csv"):
        read_support_bodies(tmp_path / "nowhere.csv")


def test_wilaya_list(shared_data, tmp_path):
    wilayas = read_wilayas(shared_data / "dz_ecosystem_actors" / "admin_wilayas_58.csv")
    assert len(wilayas) == 58
    assert wilayas.set_index("wilaya_code").loc[7, "name_fr"] == "Biskra"
    bad = tmp_path / "w.csv"
    bad.write_text("code,nom,nom_ar\nseven,Biskra,بسكرة\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"w.csv, row 2, column 'code'"):
        read_wilayas(bad)


# --- nearest bodies -------------------------------------------------------------------------


def test_biskra_bodies_within_20_km(bodies):
    found = nearest_bodies(bodies, *BISKRA, radius_km=20, types=["anade", "angem", "cnrc", "banks"])
    kinds = set(found["actor_type"])
    assert {"anade", "angem", "cnrc", "banks/bna"} <= kinds
    assert found["distance_km"].is_monotonic_increasing
    assert (found["distance_km"] <= 20).all()
    for row in found.itertuples():
        assert row.distance_km == pytest.approx(
            _haversine_km(*BISKRA, row.lat, row.lon), rel=1e-9, abs=1e-9
        )
    # nothing of these types within 20 km was missed: a brute force over the raw bodies
    chosen = bodies[bodies["actor_type"].str.match(r"^(anade|angem|cnrc|banks/)")]
    brute = sum(
        _haversine_km(*BISKRA, a, b) <= 20 for a, b in zip(chosen.lat, chosen.lon, strict=True)
    )
    assert brute == len(found)


def test_distance_against_the_ellipsoid(bodies):
    pyproj = pytest.importorskip("pyproj")
    found = nearest_bodies(bodies, *BISKRA, radius_km=20, types=["anade"])
    row = found.iloc[0]
    _, _, metres = pyproj.Geod(ellps="WGS84").inv(BISKRA[1], BISKRA[0], row.lon, row.lat)
    assert row.distance_km == pytest.approx(metres / 1000, rel=0.006)  # sphere vs ellipsoid


def test_input_is_not_modified_and_empty_result(bodies):
    before = bodies.copy()
    far = nearest_bodies(bodies, 0.0, 0.0, radius_km=1)
    assert far.empty and "distance_km" in far.columns
    pd.testing.assert_frame_equal(bodies, before)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"lat": 95.0, "lon": 5.0}, r"'lat' parameter .* \[-90, 90\]"),
        ({"lat": 34.0, "lon": -200.0}, r"'lon' parameter .* \[-180, 180\]"),
        ({"lat": "north", "lon": 5.0}, r"'lat' parameter .* number"),
        ({"lat": 34.0, "lon": 5.0, "radius_km": -1}, r"'radius_km' .* at least 0"),
        ({"lat": 34.0, "lon": 5.0, "radius_km": float("inf")}, r"'radius_km' .* finite"),
        ({"lat": 34.0, "lon": 5.0, "types": [" "]}, r"'types' .* at least one type"),
        ({"lat": 34.0, "lon": 5.0, "types": ["banks", "bank"]},
         r"unknown types \['bank'\]. Known types: .*banks.*banks/bna"),
    ],
)  # fmt: skip
def test_nearest_errors(kwargs, message):
    with pytest.raises(InvalidParameterError, match=message):
        nearest_bodies(_toy(actor_type=["banks/bna"]), **kwargs)


def test_table_checks():
    with pytest.raises(DataValidationError, match=r"lacks the columns \['lon'\]"):
        nearest_bodies(_toy().drop(columns="lon"), 34.0, 5.0)
    with pytest.raises(DataValidationError, match="1 bodies have no valid coordinates"):
        coverage_by_wilaya(_toy(lat=[None]))
    with pytest.raises(InvalidParameterError, match="must be a pandas DataFrame"):
        deduplicate_bodies([1, 2])


# --- coverage -------------------------------------------------------------------------------


def test_coverage_equals_an_independent_groupby(long_file, bodies, shared_data):
    raw = pd.read_csv(long_file, dtype=str).dropna(subset=["lat", "lon", "wilaya_code"])
    raw["wilaya_code"] = raw["wilaya_code"].astype(int)
    expected = raw.groupby(["wilaya_code", "actor_type"]).size()
    wilayas = read_wilayas(shared_data / "dz_ecosystem_actors" / "admin_wilayas_58.csv")
    table = coverage_by_wilaya(bodies, wilayas=wilayas["wilaya_code"]).set_index("wilaya_code")
    for (code, kind), count in expected.items():
        assert table.loc[code, kind] == count
    # every wilaya of the 58 is listed, zeros included, and every cell not in the groupby is 0
    assert set(wilayas["wilaya_code"]) <= set(table.index)
    kinds = [c for c in table.columns if c != "total"]
    assert int(table[kinds].to_numpy().sum()) == len(raw)
    assert (table[kinds].sum(axis=1) == table["total"]).all()
    assert (table[kinds] == 0).to_numpy().any()
    assert table.attrs["without_wilaya"] == int(
        pd.read_csv(long_file, dtype=str).dropna(subset=["lat", "lon"])["wilaya_code"].isna().sum()
    )


def test_coverage_of_selected_types(bodies):
    table = coverage_by_wilaya(bodies, types=["anade", "insurance"])
    assert [c for c in table.columns if c not in ("wilaya_code", "total")] == [
        "anade", "insurance/caar", "insurance/ciar", "insurance/gam", "insurance/saa",
        "insurance/trust",
    ]  # fmt: skip
    with pytest.raises(InvalidParameterError, match=r"unknown types \['anad'\]"):
        coverage_by_wilaya(bodies, types=["anad"])
    with pytest.raises(InvalidParameterError, match=r"whole wilaya codes .* \['Biskra'\]"):
        coverage_by_wilaya(bodies, wilayas=[7, "Biskra"])


# --- deduplication --------------------------------------------------------------------------


def test_deduplication_on_a_hand_made_case():
    # 1 m apart: a CNRC listed twice (once without a name), an ANADE listed twice with the same
    # name; a second ANADE with another name at the same place, and a CNRC 100 m away, stay.
    lat0, lon0 = 34.85, 5.73
    one_metre = 1 / 111_195  # degrees of latitude
    bodies = pd.DataFrame(
        {
            "actor_type": ["cnrc", "cnrc", "anade", "anade", "anade", "cnrc"],
            "name": ["CNRC Biskra", "", "ANADE Biskra", " anade biskra", "ANADE Tolga", "CNRC"],
            "wilaya_code": [7] * 6,
            "lat": [lat0, lat0 + one_metre, lat0, lat0 + one_metre, lat0, lat0 + 100 * one_metre],
            "lon": [lon0] * 6,
        }
    )
    before = bodies.copy()
    result = deduplicate_bodies(bodies, tolerance_m=5)
    assert result.removed == 2
    assert result.bodies["name"].tolist() == ["CNRC Biskra", "ANADE Biskra", "ANADE Tolga", "CNRC"]
    pd.testing.assert_frame_equal(bodies, before)
    assert deduplicate_bodies(bodies, tolerance_m=0.1).removed == 0
    anonymous = bodies.assign(name="", actor_type="accountants")
    assert deduplicate_bodies(anonymous, tolerance_m=5).removed == 0  # no name, no evidence
    with pytest.raises(InvalidParameterError, match=r"'tolerance_m' .* at least 0"):
        deduplicate_bodies(bodies, tolerance_m=-5)
