"""Package "clusterstored" (issue 19): a cluster's internationalisation reads the country's stored
export profile in the cluster's HS headings — on its profile page (staff only), in fr/ar/en.

One registry per module: the toy registry of the service tests, Algeria's profile computed from
the real 2020 trade matrix (the job's path, :func:`grappe.io.trade.read_export_profile`, its 300
opportunities) and stored published, the wilaya of Biskra, a Moroccan region, and three
clusters: the Biskra dates (headings named: 0804), an Algerian food cluster whose headings are
derived from the U.S. benchmark's cluster 18 (food processing) through the HS → NAICS
concordance, and a Moroccan leather cluster (no Moroccan profile stored). Each test works on a
copy. The RCA of dates is computed here again from the CSV with the ``csv`` module.
"""

from __future__ import annotations

import csv
import gzip
import re
from html import unescape

import pytest
from _browser import ARTIFACTS, CHROMIUM  # the browser fixture: tests/web/conftest.py

from _accounts import post_form, signed_in, workspace_users
from _live import live_app
from grappe.formats import format_number
from grappe.registry import connect, session_scope
from grappe.registry.models import AuditEntry, Cluster, Region
from grappe.registry.testing import fresh_database

TRADE = "economic_complexity/stojkoski2023_trade_country_x_hs4product_2020.csv.gz"
SOURCE = "stojkoski2023-hs4"
DATES = "TropicalFruits"  # HS 0804 in the OEC's names


def _hand_dates(shared_data):
    """Share of dates in Algeria's exports and their RCA, by hand from the CSV."""
    with gzip.open(shared_data / TRADE, "rt", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        column = next(reader).index(DATES)
        world = grand = own = total = 0.0
        for row in reader:
            values = [float(v) for v in row[1:]]
            world += values[column - 1]
            grand += sum(values)
            if row[0] == "DZA":
                own, total = values[column - 1], sum(values)
    share = own / total
    return share, share / (world / grand)


@pytest.fixture(scope="module")
def registry(tmp_path_factory, templates, shared_data):
    """URL of the module's registry (see the module's docstring) and the hand-computed dates."""
    from grappe.io.trade import read_export_profile
    from grappe.registry.export_jobs import STORED_OPPORTUNITIES
    from grappe.registry.export_profiles import store_export_profile

    # as the observatory job stores it: 300 opportunities
    profile = read_export_profile(
        shared_data / TRADE, "DZA", year=2020, opportunities=STORED_OPPORTUNITIES
    )
    folder = tmp_path_factory.mktemp("clusterstored")
    with fresh_database("sqlite", folder, template=templates["sqlite"]["populated"]) as url:
        sessions = connect(url)
        with session_scope(sessions) as session:
            store_export_profile(session, "test", profile, source=SOURCE, publish=True)
            biskra = Region(id="DZ-07", code="07", country="DZ", region_type="wilaya",
                            name_en="Biskra", name_fr="Biskra", name_ar="بسكرة")  # fmt: skip
            fes = Region(id="MA-07", code="07", country="MA", region_type="region",
                         name_en="Fès-Meknès")  # fmt: skip
            session.add_all([biskra, fes])
            for cid, region, extra in (
                ("biskra-dates", biskra, {"export_products": ["0804"]}),
                ("dz-food", biskra, {"definitions": "us-benchmark", "sector": "18"}),
                ("fes-leather", fes, {"export_products": ["4203"]}),
            ):
                cluster = Cluster(id=cid, name_en=cid, published=True, **extra)
                session.add(cluster)
                session.flush()
                cluster.regions.append(region)
        sessions.kw["bind"].dispose()
        yield url, _hand_dates(shared_data)


@pytest.fixture
def site(registry, tmp_path):
    """A copy of the module's registry served, with the workspace's users (``mgr@obs.dz``
    manages biskra-dates); the client asks for English."""
    from fastapi.testclient import TestClient

    from grappe.service import Settings, create_app

    with fresh_database("sqlite", tmp_path, template=registry[0]) as url:
        app = create_app(Settings(database_url=url, environment="test"))
        with TestClient(app) as client:
            workspace_users(app, cluster="biskra-dates")
            client.headers["Accept-Language"] = "en"
            yield app, client, registry[1]
        app.state.sessions.kw["bind"].dispose()


def _section(html):
    found = re.search(r'<section aria-labelledby="intl-h">(.*?)</section>', html, re.S)
    return found and unescape(found.group(1))


def _text(section):
    return " ".join(re.sub(r"<[^>]+>", " ", section).split())


@pytest.mark.shared
def test_dates_are_an_advantage_on_the_page_in_three_languages(site):
    _app, client, (share, rca) = site
    signed_in(client, "mgr@obs.dz")  # the cluster's manager: published profiles only
    for lang, country, dates, among in (
        ("en", "Algeria", "Dates, figs", "among the 300 first opportunities stored"),
        ("fr", "Algérie", "Dattes, figues", "parmi les 300 premières opportunités enregistrées"),
        ("ar", "الجزائر", "تمور", "من بين أول 300 فرصة مخزنة"),
    ):
        client.headers["Accept-Language"] = lang
        section = _section(client.get("/clusters/biskra-dates").text)
        assert section is not None, lang
        assert '<a href="/countries/DZA">' + country + "</a>" in section
        row = re.search(r'<table class="intl-advantages">.*?</table>', section, re.S).group(0)
        assert dates in row and "(0804)" in row
        assert f"<td>{format_number(rca, lang, digits=2)}</td>" in row  # 7.41
        assert among in _text(section)
    assert round(rca, 2) == 7.41 and share == pytest.approx(0.006646, rel=1e-3)


@pytest.mark.shared
def test_derived_headings_and_a_hidden_opportunity_never_shows(site):
    from grappe.registry.export_profiles import hide_opportunity

    app, client, _ = site
    signed_in(client, "admin@obs.dz")
    text = _text(_section(client.get("/clusters/dz-food").text))
    assert (
        "derived from cluster 18 of the definitions us-benchmark through the HS → NAICS "
        "concordance" in text
    )
    assert "(1701)" in text  # raw sugar, an advantage in the food processing headings
    assert "(1902)" in text  # pasta, Algeria's 6th opportunity, in them
    # and the others of the 300 stored in these headings: bran, prepared tomatoes, juices…
    assert all(f"({code})" in text for code in ("2302", "2002", "2009"))
    with session_scope(app.state.sessions) as session:
        hide_opportunity(session, "test", "DZA", "Pasta", reason="Out of the national strategy")
    text = _text(_section(client.get("/clusters/dz-food").text))
    assert "(1902)" not in text and "(1701)" in text
    assert "among the 300 first opportunities stored" in text  # the hidden one still counted


@pytest.mark.shared
def test_an_unpublished_profile_is_seen_by_analysts_only(site):
    from grappe.registry.export_profiles import publish_export_profile

    app, client, _ = site
    with session_scope(app.state.sessions) as session:
        publish_export_profile(session, "test", "DZA", published=False)
    signed_in(client, "mgr@obs.dz")
    text = _text(_section(client.get("/clusters/biskra-dates").text))
    assert "No published export profile of DZA is stored: grappe exports store DZA" in text
    assert "(0804)" not in text.split("headings (1)")[-1].split("0804")[-1]
    assert "intl-advantages" not in client.get("/clusters/biskra-dates").text
    signed_in(client, "ana@obs.dz")
    page = client.get("/clusters/biskra-dates").text
    text = _text(_section(page))
    assert "(not published)" in text and 'class="intl-advantages"' in page
    assert 'href="/countries/DZA"' not in _section(page)  # the country page is not public


@pytest.mark.shared
def test_a_missing_profile_names_the_command_that_stores_it(site):
    _app, client, _ = site
    signed_in(client, "admin@obs.dz")
    for lang, expected in (
        ("en", "No export profile of MAR is stored: grappe exports store MAR --trade FILE"),
        ("fr", "grappe exports store MAR --trade FICHIER"),
        ("ar", "grappe exports store MAR --trade"),
    ):
        client.headers["Accept-Language"] = lang
        page = client.get("/clusters/fes-leather")
        assert page.status_code == 200
        assert expected in _text(_section(page.text)), lang


@pytest.mark.shared
def test_headings_set_in_the_settings_form_refused_next_to_the_field(site):
    app, client, _ = site
    signed_in(client, "mgr@obs.dz")
    path = "/clusters/biskra-dates/settings"
    assert 'name="export_products" type="text" value="0804"' in client.get(path).text
    values = {"name_en": "Biskra dates", "export_products": "0804, 08A4"}
    for lang, message in (
        ("en", "Export headings: give HS headings of four digits separated by commas, e.g. "
               "0804,2009."),
        ("fr", "0804,2009"),
        ("ar", "0804,2009"),
    ):  # fmt: skip
        client.headers["Accept-Language"] = lang
        r = post_form(client, path, values)
        assert r.status_code == 400
        found = re.search(r'<p class="error" id="e-export_products">([^<]+)</p>', r.text)
        assert found and message in unescape(found.group(1)), lang
        assert lang == "en" or "four digits" not in found.group(1)  # translated
    r = post_form(client, path, {**values, "export_products": "0804; 2009"})
    assert r.status_code == 303, r.text
    with session_scope(app.state.sessions) as session:
        assert session.get(Cluster, "biskra-dates").export_products == ["0804", "2009"]
        entry = session.query(AuditEntry).order_by(AuditEntry.id.desc()).first()
        assert entry.before["export_products"] == ["0804"]
        assert entry.after["export_products"] == ["0804", "2009"]
    client.headers["Accept-Language"] = "en"
    signed_in(client, "ana@obs.dz")  # an analyst reads every cluster but changes none
    assert client.get(path).status_code == 403
    with session_scope(app.state.sessions) as session:
        assert session.get(Cluster, "biskra-dates").export_products == ["0804", "2009"]


def test_the_api_sets_the_headings_with_the_cluster_rights(populated):
    """PATCH /api/v1/clusters/<id> (no trade data needed): the cluster's manager sets them,
    another role is refused, a bad heading is a 422 naming the field."""
    client, tokens = populated
    url = "/api/v1/clusters/auto-mi"
    r = client.patch(url, json={"export_products": ["8703", "8708"]}, headers=tokens["mgr"])
    assert r.status_code == 200, r.text
    assert client.get(url).json()["export_products"] == ["8703", "8708"]
    r = client.patch(url, json={"export_products": ["08A4"]}, headers=tokens["admin"])
    assert r.status_code == 422
    assert "export_products takes HS4 headings of four digits" in r.json()["error"]["message"]
    r = client.patch(url, json={"export_products": ["0804"]}, headers=tokens["ana"])
    assert r.status_code == 403
    r = client.patch("/api/v1/clusters/chem-oh", json={"export_products": ["2901"]},
                     headers=tokens["mgr"])  # fmt: skip
    assert r.status_code == 403
    r = client.patch(url, json={"export_products": None}, headers=tokens["mgr"])
    assert r.status_code == 200 and r.json()["export_products"] is None


@pytest.mark.shared
def test_the_command_reads_the_stored_profile_without_trade(registry, tmp_path):
    """grappe exports cluster --database without --trade: the stored profile in the cluster's
    headings (named, or --products); --trade still wins (tests/cli covers it)."""
    import json

    from typer.testing import CliRunner

    from grappe.cli.main import app

    _, rca = registry[1]
    with fresh_database("sqlite", tmp_path, template=registry[0]) as url:
        base = ["exports", "cluster", "biskra-dates", "--period", "2024", "--database", url]
        result = CliRunner().invoke(app, ["--lang", "en", *base, "--format", "json"])
        assert result.exit_code == 0, result.output
        body = json.loads(result.output)
        stored = body["stored_profile"]
        assert (stored["country"], stored["products"], stored["products_from"]) == (
            "DZA", ["0804"], "set")  # fmt: skip
        assert stored["stored_opportunities"] == 300 and stored["published"] is True
        assert [a["code"] for a in body["advantages"]] == ["0804"]
        assert body["advantages"][0]["rca"] == pytest.approx(rca, rel=1e-9)
        result = CliRunner().invoke(app, ["--lang", "fr", *base, "--products", "1701,1902"])
        assert result.exit_code == 0, result.output
        text = " ".join(result.output.split())
        assert "Profil d'exportation enregistré de Algérie (DZA, 2020)" in text
        assert "données par --definitions ou --products" in text and "1902" in text
        result = CliRunner().invoke(
            app, ["--lang", "en", "exports", "cluster", "fes-leather", "--period", "2024",
                  "--database", url, "--format", "json"])  # fmt: skip
        assert result.exit_code == 0, result.output
        missing = json.loads(result.output)["stored_profile"]["missing"]
        assert missing == ["No export profile of MAR is stored: grappe exports store MAR "
                           "--trade FILE stores it (the observatory job stores the Maghreb's "
                           "five countries)."]  # fmt: skip
        result = CliRunner().invoke(app, ["--lang", "en", *base, "--country", "DZ"])
        assert result.exit_code == 1 and "ISO 3166-1 alpha-3 code" in result.output


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (bash scripts/setup-system)")
def test_screenshots_of_the_food_cluster_section_in_chromium(browser, registry, tmp_path):  # noqa: F811
    """The section of ``dz-food`` as its analyst sees it, in fr, ar (right to left) and en:
    ``test-artifacts/cluster-internationalisation-dz-food-*.png``; nothing overflows."""
    from _accounts import PASSWORD

    ARTIFACTS.mkdir(exist_ok=True)
    with live_app(tmp_path, registry[0]) as (app, base):
        workspace_users(app, cluster="biskra-dates")
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{base}/login?lang=en")
        page.fill("#f-email", "ana@obs.dz")
        page.fill("#f-password", PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}/account")
        for lang in ("fr", "ar", "en"):
            page.goto(f"{base}/clusters/dz-food?lang={lang}")
            section = page.locator('section[aria-labelledby="intl-h"]')
            assert section.count() == 1
            assert page.locator("table.intl-opportunities tbody tr").count() >= 20
            direction = page.evaluate("getComputedStyle(document.body).direction")
            assert direction == ("rtl" if lang == "ar" else "ltr")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 1280  # nothing overflows the page
            section.screenshot(
                path=str(ARTIFACTS / f"cluster-internationalisation-dz-food-{lang}.png")
            )
        context.close()
    assert errors == []
