"""Package "countrypages" (issue 19): the observatory job's export profiles, the API
``/countries`` and the pages ``/countries`` and ``/countries/<iso3>`` in fr/ar/en.

One store is built per module: the toy registry of the service tests, the job's step
(:func:`grappe.registry.export_jobs.load_export_profiles`) on the real 2020 trade matrix
for Algeria and Morocco, an Algerian wilaya and a cluster in it. Figures on the pages and in the
API are checked against values computed here by hand from the CSV (Balassa's RCA, diversity,
shares) and against the OEC's published ECI read with the ``csv`` module. Screenshots of
``/countries/DZA`` in fr, ar and en (Debian's Chromium): ``test-artifacts/observatory-country-
DZA-*.png``.
"""

from __future__ import annotations

import csv
import functools
import gzip
import re

import pytest
from _browser import ARTIFACTS, CHROMIUM  # the browser fixture: tests/web/conftest.py

from _live import live_app
from grappe.registry import connect, session_scope
from grappe.registry.models import Cluster, Region
from grappe.registry.testing import fresh_database

TRADE = "economic_complexity/stojkoski2023_trade_country_x_hs4product_2020.csv.gz"
ECI = "economic_complexity/oec_eci_trade_1998_2022.csv"
DATES = "TropicalFruits"  # HS 0804, dates among them (issue 19)


@functools.cache
def _hand(shared_data, country):
    """RCA of every product, total and diversity of ``country``, from the CSV by hand."""
    with gzip.open(shared_data / TRADE, "rt", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)[1:]
        rows = {r[0]: [float(v) for v in r[1:]] for r in reader}
    world = [sum(col) for col in zip(*rows.values(), strict=True)]
    grand = sum(world)
    own = rows[country]
    total = sum(own)
    rca = {p: (v / total) / (w / grand) if w else 0.0 for p, v, w in zip(header, own, world,
                                                                        strict=True)}  # fmt: skip
    return {
        "rca": rca,
        "total": total,
        "value": dict(zip(header, own, strict=True)),
        "diversity": sum(r >= 1 for r in rca.values()),
    }


@pytest.fixture(scope="module")
def store(tmp_path_factory, templates, shared_data):
    """URL of a registry holding the toy data, the DZA and MAR profiles and a DZ cluster; the
    report of the job's step; the API tokens."""
    from grappe.registry.export_jobs import load_export_profiles

    folder = tmp_path_factory.mktemp("countries")
    with fresh_database("sqlite", folder, template=templates["sqlite"]["populated"]) as url:
        sessions = connect(url)
        with session_scope(sessions) as session:
            report = load_export_profiles(
                session, who="test", data_dir=shared_data, countries=("DZA", "mar", "XXX")
            )
            session.add(Region(id="DZ-07", code="07", country="DZ", region_type="wilaya",
                               name_en="Biskra", name_fr="Biskra", name_ar="بسكرة"))  # fmt: skip
            cluster = Cluster(id="biskra-dates", name_en="Biskra dates", published=True)
            session.add(cluster)
            session.flush()
            cluster.regions.append(session.get(Region, "DZ-07"))
        sessions.kw["bind"].dispose()
        yield url, report, templates["sqlite"]["tokens"]


@pytest.fixture(scope="module")
def client(store):
    from fastapi.testclient import TestClient

    from grappe.service import Settings, create_app

    app = create_app(Settings(database_url=store[0], environment="test"))
    with TestClient(app) as test_client:
        yield test_client
    app.state.sessions.kw["bind"].dispose()


def _main(html):
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_the_job_stores_the_chosen_countries_and_the_space(store):
    _, report, _ = store
    assert report.countries == ("DZA", "MAR")  # an unknown code is skipped
    assert report.skipped is None and report.space_nodes > 1000
    assert (report.inserted, report.updated) == (3, 0)  # two profiles and the space


def test_the_job_stores_exports_by_cluster(client, shared_data):
    body = client.get("/api/v1/countries/DZA/exports").json()
    clusters = body["clusters"]
    assert clusters["definitions"] == "us-benchmark" and clusters["placed_share"] > 0.95
    # the biggest cluster holds the most exports; shares of the country's total
    first = clusters["rows"][0]
    assert first["exports"] == max(r["exports"] for r in clusters["rows"])
    assert sum(r["exports"] for r in clusters["rows"]) == pytest.approx(
        clusters["placed_share"] * body["total"], rel=1e-9
    )
    html = client.get("/countries/DZA?lang=fr").text
    assert 'class="clusters"' in html and "hors de ces grappes" in html


def test_the_cli_prints_why_a_step_was_skipped(capsys):
    from grappe.cli.serve import _load
    from grappe.i18n import Message
    from grappe.registry.export_jobs import ExportProfilesReport

    why = Message("Country export pages skipped: the trade matrix {path} is not there (it is not "
                  "bundled: no open-data licence). Set GRAPPE_SHARED_DATA to the folder that "
                  "holds economic_complexity/.", path="/x/t.csv.gz")  # fmt: skip
    _load("sqlite://", lambda url, progress: {"exports": ExportProfilesReport((), 0, 0.0, why)})
    assert "Country export pages skipped: the trade matrix /x/t.csv.gz" in capsys.readouterr().err


def test_the_job_says_why_it_skips_without_the_data(tmp_path, templates):
    from grappe.registry.export_jobs import load_export_profiles

    with fresh_database("sqlite", tmp_path, template=templates["sqlite"]["migrated"]) as url:
        sessions = connect(url)
        with session_scope(sessions) as session:
            report = load_export_profiles(session, who="test", data_dir=tmp_path)
        sessions.kw["bind"].dispose()
    assert report.countries == () and report.space_nodes == 0
    assert re.search(r"Country export pages skipped: the trade matrix .* is not there .* Set "
                     "GRAPPE_SHARED_DATA", report.skipped)  # fmt: skip


def test_api_figures_match_a_hand_computation(client, shared_data):
    hand = _hand(shared_data, "DZA")
    listed = client.get("/api/v1/countries").json()
    assert listed["count"] == 2 and {c["country"] for c in listed["data"]} == {"DZA", "MAR"}
    body = client.get("/api/v1/countries/dza/exports?lang=fr").json()
    assert (body["year"], body["source"]) == (2020, "stojkoski2023-hs4")
    assert body["diversity"] == hand["diversity"] == 25
    assert body["total"] == pytest.approx(hand["total"], rel=1e-12)
    dates = next(p for p in body["products"] if p["product"] == DATES)
    assert dates["code"] == "0804"
    assert dates["rca"] == pytest.approx(hand["rca"][DATES], rel=1e-9)
    assert round(dates["rca"], 1) == 7.4  # the figure
    assert dates["share"] == pytest.approx(hand["value"][DATES] / hand["total"], rel=1e-9)
    assert all(p["rca"] >= 1 for p in body["products"])
    # the job stores 300 opportunities (what grappe exports cluster --among looks through)
    assert len(body["opportunities"]) == 300 and body["opportunities"][0]["reasons"]
    assert [o["rank"] for o in body["opportunities"]] == list(range(1, 301))
    with (shared_data / ECI).open(encoding="utf-8") as handle:
        oec = {int(r["year"]): float(r["eci"]) for r in csv.DictReader(handle)
               if r["iso3"] == "DZA"}  # fmt: skip
    assert {int(y): v for y, v in body["published_eci"].items()} == pytest.approx(oec)
    assert client.get("/api/v1/countries/XXX/exports").status_code == 404
    assert client.get("/api/v1/countries/DZ/exports").status_code == 422


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_country_page_in_three_languages(client, shared_data, lang):
    from grappe.io.trade import country_name
    from grappe.web.i18n import format_number

    hand = _hand(shared_data, "DZA")
    response = client.get(f"/countries/DZA?lang={lang}")
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in html
    text = _main(html)
    assert country_name("DZA", lang) in text
    # the dates heading, with its HS code, in the table of products
    row = html[html.index("<td>0804</td>") - 400 : html.index("<td>0804</td>") + 200]
    assert format_number(hand["rca"][DATES], lang, digits=2) in row  # 7.41, 7,41, ٧٫٤١…
    # every drawing has its table: bars + products, ECI line + series, space + counts
    for drawing, table in (("share-bars", "products"), ("eci-chart", "eci-series"),
                           ("product-space", "space-counts")):  # fmt: skip
        assert f'class="{drawing}"' in html and f'class="{table}"' in html
    assert html.count('<circle class="held"') == 25  # every product with RCA ≥ 1 in the space
    assert html.count('<rect class="own"') == 1  # grappe's 2020 ECI marked on the OEC line
    assert html.count('<ul class="reasons">') == 20  # the first 20 of the 300 stored
    assert html.count('<circle class="opportunity"') == 20
    note = {"fr": "Les 20 premières des 300 opportunités", "ar": "أول 20 من 300 فرصة",
            "en": "The first 20 of the 300 opportunities stored"}[lang]  # fmt: skip
    assert note in text
    # the nearest exported products are named in the page's language, as in the products table
    gas = {"fr": "Gaz de pétrole", "ar": "غاز النفط", "en": "Petroleum gas"}[lang]
    reasons = html[html.index('<ul class="reasons">') :]
    assert any(gas in item and "/" in item for item in reasons.split("<li>")[1:40])


def test_the_reasons_write_numbers_the_reader_s_way(client):
    """The reasons' numbers follow the page's language (grappe.i18n.Number): 0,033 and
    1 147 in French, 0,033 and 1.147 in Arabic, 0.033 and 1,147 in English; the API keeps the
    figures as JSON numbers beside the text."""
    first = client.get("/api/v1/countries/DZA/exports?lang=fr").json()["opportunities"][0]
    assert isinstance(first["density"], float) and isinstance(first["cog"], float)
    density, cog = f"{first['density']:.3f}", f"{first['cog']:.3f}"
    assert f"densité de proximité {density.replace('.', ',')}, rang " in first["reasons"]
    pages = {lang: client.get(f"/countries/DZA?lang={lang}").text for lang in ("fr", "ar", "en")}
    assert f"densité de proximité {density.replace('.', ',')}, rang " in pages["fr"]
    assert f"gain de perspective de complexité {cog.replace('.', ',')}" in pages["fr"]
    assert re.search(r"rang \d+ sur \d\u202f\d{3} parmi", pages["fr"])  # 1 185 candidates
    assert re.search(r"complexité \(PCI\) [+-]\d+,\d\d contre -\d+,\d\d en moyenne", pages["fr"])
    assert f"كثافة الترابط {density.replace('.', ',')}، المرتبة " in pages["ar"]
    assert re.search(r"المرتبة \d+ من \d\.\d{3} ", pages["ar"])
    assert f"relatedness density {density}, rank " in pages["en"]
    assert re.search(r"rank \d+ of \d,\d{3} among", pages["en"])


def test_countries_index_and_unknown_country(client):
    text = _main(client.get("/countries?lang=en").text)
    assert "Algeria" in text and "Morocco" in text
    assert client.get("/countries/XYZ").status_code == 404
    assert client.get("/countries/TUN").status_code == 404  # not stored


def test_links_from_the_wilaya_and_cluster_pages(client):
    assert 'href="/countries/DZA?lang=fr"' in client.get("/regions/DZ-07?lang=fr").text
    assert 'href="/countries/DZA?lang=en"' in client.get("/clusters/biskra-dates?lang=en").text
    assert "/countries/" not in client.get("/regions/US-26?lang=en").text


def test_a_second_run_writes_nothing(store, shared_data):
    from grappe.registry.export_jobs import load_export_profiles

    sessions = connect(store[0])
    with session_scope(sessions) as session:
        again = load_export_profiles(session, who="test", data_dir=shared_data,
                                     countries=("DZA",))  # fmt: skip
    sessions.kw["bind"].dispose()
    assert (again.inserted, again.updated) == (0, 0)


def test_corrections_through_the_api_with_roles(client, store):
    tokens = store[2]
    body = {"names": [{"product": DATES, "lang": "fr", "name": "Dattes et fruits tropicaux"}],
            "hide": [{"product": client.get("/api/v1/countries/DZA/exports").json()
                      ["opportunities"][0]["product"], "reason": "hors de portée"}]}  # fmt: skip
    url = "/api/v1/countries/DZA/exports"
    assert client.patch(url, json=body).status_code == 401
    refused = client.patch(url, json=body, headers=tokens["mgr"])
    assert refused.status_code == 403
    assert "cannot change export_profile 'DZA/2020/stojkoski2023-hs4'" in refused.text
    done = client.patch(url, json=body, headers=tokens["ana"])
    assert done.status_code == 200, done.text
    out = done.json()
    assert len(out["opportunities"]) == 299 and list(out["hidden"].values()) == ["hors de portée"]
    assert "Dattes et fruits tropicaux" in client.get("/countries/DZA?lang=fr").text
    bad = client.patch(url, json={"hide": [{"product": "Nope", "reason": "x"}]},
                       headers=tokens["ana"])  # fmt: skip
    assert bad.status_code == 404 and "No opportunity 'Nope'" in bad.json()["error"]["message"]
    assert client.patch(url, json={"names": [{"product": DATES, "lang": "de", "name": "x"}]},
                        headers=tokens["ana"]).status_code == 422  # fmt: skip
    # withdrawn: gone for the public, still there for an analyst
    assert client.patch(url, json={"published": False}, headers=tokens["ana"]).status_code == 200
    assert client.get(url).status_code == 404
    assert client.get("/countries/DZA").status_code == 404
    assert client.get(url, headers=tokens["ana"]).json()["published"] is False
    assert client.patch(url, json={"published": True}, headers=tokens["ana"]).status_code == 200


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (bash scripts/setup-system)")
def test_screenshots_of_the_algeria_page_in_chromium(browser, store, tmp_path):  # noqa: F811
    ARTIFACTS.mkdir(exist_ok=True)
    with live_app(tmp_path, store[0]) as (_, base):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda m: errors.append(m.text) if "Content" in m.text else None)
        for lang in ("fr", "ar", "en"):
            page.goto(f"{base}/countries/DZA?lang={lang}")
            direction = page.evaluate("getComputedStyle(document.body).direction")
            assert direction == ("rtl" if lang == "ar" else "ltr")
            assert page.locator("table.products td", has_text="0804").count() == 1
            box = page.locator(".product-space svg").bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 200
            height = page.evaluate("document.documentElement.scrollHeight")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert height > 2000 and width <= 1280  # every section shown, nothing overflows
            page.screenshot(path=str(ARTIFACTS / f"observatory-country-DZA-{lang}.png"),
                            full_page=True)  # fmt: skip
        context.close()
    assert errors == []


@pytest.fixture
def site(store, tmp_path):
    """A client on a fresh copy of the store, with an analyst and a manager who sign in."""
    from fastapi.testclient import TestClient

    from _accounts import _user
    from grappe.service import Settings, create_app

    with fresh_database("sqlite", tmp_path, template=store[0]) as url:
        app = create_app(Settings(database_url=url, environment="test"))
        _user(app, "analyst@obs.dz", "analyst")
        _user(app, "manager@obs.dz", "manager", clusters=["biskra-dates"])
        with TestClient(app) as test_client:
            test_client.headers["Accept-Language"] = "en"
            yield app, test_client
        app.state.sessions.kw["bind"].dispose()


def test_the_correction_form_for_analysts_only(site):
    from _accounts import _csrf, signed_in

    app, client = site
    form = "/countries/DZA/correct"
    answer = client.get(form, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
    signed_in(client, "manager@obs.dz")
    assert client.get(form).status_code == 403
    assert f'href="{form}' not in client.get("/countries/DZA").text
    signed_in(client, "analyst@obs.dz")
    assert f'href="{form}' in client.get("/countries/DZA").text
    page = client.get(form)
    assert page.status_code == 200 and 'value="TropicalFruits"' in page.text

    def post(data):
        csrf = _csrf(client.get(form).text)
        return client.post(form, data={"csrf_token": csrf, **data}, follow_redirects=False)

    done = post({"action": "name", "product": DATES, "lang": "en", "name": "Dates (Deglet Nour)"})
    assert done.status_code == 303 and done.headers["location"] == f"{form}?saved=1"
    assert "Dates (Deglet Nour)" in client.get("/countries/DZA?lang=en").text
    top = client.get("/api/v1/countries/DZA/exports").json()["opportunities"][0]["product"]
    assert post({"action": "hide", "product": top, "reason": "out of reach"}).status_code == 303
    assert "out of reach" in client.get(form).text
    refused = post({"action": "hide", "product": top, "reason": ""})
    assert refused.status_code == 400
    assert "Say why the opportunity is hidden, in 1 to 500 characters." in refused.text
    assert post({"action": "show", "product": top}).status_code == 303
    assert post({"action": "publish", "published": "0"}).status_code == 303
    assert client.get("/api/v1/countries/DZA/exports").status_code == 404
    assert "Not published" in client.get(form).text
    missing = client.post(form, data={"action": "publish", "published": "1"})
    assert missing.status_code == 403  # no CSRF token
    with app.state.sessions() as db:
        from sqlalchemy import select

        from grappe.registry.models import AuditEntry

        query = select(AuditEntry.who).where(
            AuditEntry.resource == "export_profile", AuditEntry.action == "update"
        )
        who = db.scalars(query).all()
    assert who[-4:] == ["analyst@obs.dz"] * 4  # name, hide, show, publish (the API's before)


def test_an_analyst_adds_a_country_from_the_web(site, shared_data, monkeypatch):
    from _accounts import _csrf, signed_in

    monkeypatch.setenv("GRAPPE_SHARED_DATA", str(shared_data))
    app, client = site

    def post(data, lang="en"):
        csrf = _csrf(client.get(f"/countries?lang={lang}").text)
        return client.post(f"/countries?lang={lang}", data={"csrf_token": csrf, **data},
                           follow_redirects=False)  # fmt: skip

    signed_in(client, "manager@obs.dz")
    index = client.get("/countries").text
    assert "Add a country's page" not in index and 'name="country"' not in index
    assert client.post("/countries", data={"csrf_token": _csrf(index), "country": "TUN"},
                       follow_redirects=False).status_code == 403  # fmt: skip
    signed_in(client, "analyst@obs.dz")
    index = client.get("/countries").text
    # the matrix's countries not stored yet are offered, the stored ones are not
    assert 'value="TUN"' in index and 'value="DZA"' not in index and 'value="MAR"' not in index
    done = post({"country": "tun"})
    assert done.status_code == 303
    assert done.headers["location"] == "/countries/TUN/correct?added=1"
    form = client.get(done.headers["location"]).text
    assert "stored, not published: read it over, then publish it." in form
    assert "Not published" in form
    # not published: not for the public, listed for analysts with the way to publish it
    assert client.get("/api/v1/countries/TUN/exports").status_code == 404
    assert 'href="/countries/TUN/correct?lang=en">not published: read it over' in (
        client.get("/countries").text
    )
    csrf = _csrf(form)
    client.post("/countries/TUN/correct", data={"csrf_token": csrf, "action": "publish",
                                                "published": "1"})  # fmt: skip
    body = client.get("/api/v1/countries/TUN/exports").json()
    hand = _hand(shared_data, "TUN")
    assert body["diversity"] == hand["diversity"] == 226  # issue 19: Tunisia, 226 products
    assert body["total"] == pytest.approx(hand["total"], rel=1e-9)
    with app.state.sessions() as db:
        from sqlalchemy import select

        from grappe.registry.models import AuditEntry

        query = select(AuditEntry.who).where(
            AuditEntry.resource == "export_profile",
            AuditEntry.action == "create",
            AuditEntry.resource_id.like("TUN/%"),
        )
        assert db.scalars(query).all() == ["analyst@obs.dz"]


@pytest.mark.parametrize(("lang", "words"), [("en", "Choose a country of the trade matrix."),
                                             ("fr", "Choisissez un pays de la matrice"),
                                             ("ar", "اختر بلدًا من مصفوفة التجارة")])  # fmt: skip
def test_adding_a_country_not_in_the_matrix_is_refused(site, shared_data, monkeypatch, lang,
                                                       words):  # fmt: skip
    from _accounts import _csrf, signed_in

    monkeypatch.setenv("GRAPPE_SHARED_DATA", str(shared_data))
    _, client = site
    signed_in(client, "analyst@obs.dz")
    csrf = _csrf(client.get(f"/countries?lang={lang}").text)
    refused = client.post(f"/countries?lang={lang}", data={"csrf_token": csrf, "country": "XXX"})
    assert refused.status_code == 400 and words in refused.text
    assert "XXX" not in {s["country"] for s in client.get("/api/v1/countries").json()["data"]}


def test_adding_a_country_without_the_matrix_says_where_it_is_looked_for(site, tmp_path,
                                                                        monkeypatch):  # fmt: skip
    from _accounts import _csrf, signed_in

    monkeypatch.setenv("GRAPPE_SHARED_DATA", str(tmp_path / "none"))
    _, client = site
    signed_in(client, "analyst@obs.dz")
    index = client.get("/countries").text
    assert "or the matrix is not in the shared data folder" in index
    refused = client.post("/countries", data={"csrf_token": _csrf(index), "country": "TUN"})
    assert refused.status_code == 400
    assert re.search(r"Country export pages skipped: the trade matrix .*none.* is not there",
                     refused.text)  # fmt: skip


def test_the_api_computes_and_stores_a_country(store, tmp_path, shared_data, monkeypatch):
    from fastapi.testclient import TestClient

    from grappe.service import Settings, create_app

    monkeypatch.setenv("GRAPPE_SHARED_DATA", str(shared_data))
    tokens = store[2]
    with fresh_database("sqlite", tmp_path, template=store[0]) as url:
        app = create_app(Settings(database_url=url, environment="test"))
        with TestClient(app) as client:
            url = "/api/v1/countries/TUN/exports"
            assert client.post(url).status_code == 401
            refused = client.post(url, headers=tokens["mgr"])
            assert refused.status_code == 403
            assert "cannot create export_profile 'TUN/2020/stojkoski2023-hs4'" in refused.text
            made = client.post(url, headers=tokens["ana"])
            assert made.status_code == 201, made.text
            assert made.json()["published"] is False
            assert made.json()["diversity"] == _hand(shared_data, "TUN")["diversity"]
            assert client.post(url, headers=tokens["ana"]).status_code == 200  # stored before
            unknown = client.post("/api/v1/countries/QQQ/exports", headers=tokens["ana"])
            assert unknown.status_code == 404
            assert re.search(r"No country 'QQQ' in the trade matrix", unknown.text)
            monkeypatch.setenv("GRAPPE_SHARED_DATA", str(tmp_path / "none"))
            missing = client.post("/api/v1/countries/LBN/exports", headers=tokens["ana"])
            assert missing.status_code == 503
            assert "Country export pages skipped" in missing.json()["error"]["message"]
        app.state.sessions.kw["bind"].dispose()
