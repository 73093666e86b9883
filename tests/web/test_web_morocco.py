"""Package "morocco" (issue 16): Moroccan regions and provinces published by the bootstrap, their
pages in ar/fr/en, and the home page's country choice.

Figures are recomputed from the bundled HCP CSVs by hand (an LQ is the sector's share in the
unit over its share in Morocco); the page must show them formatted in its language. Screenshots
of the Morocco home view and of the Fès province page in ar/fr/en (Debian's Chromium):
``test-artifacts/morocco-*.png``.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pytest
from _browser import ARTIFACTS, CHROMIUM  # the browser fixture: tests/web/conftest.py
from sqlalchemy import func, select

from _live import live_app
from grappe.io.presets import bundled_path
from grappe.registry import connect, session_scope
from grappe.registry.models import IndicatorSnapshot, Region
from grappe.registry.testing import fresh_database
from grappe.service.bootstrap_ma import load_morocco
from grappe.web.ma_map_svg import lq_class

FES, CASABLANCA, FES_MEKNES = "MA-03.231", "MA-06.141", "MA-03"


@pytest.fixture(scope="module")
def morocco_url(tmp_path_factory, templates):
    """A registry at the latest schema holding only what the Moroccan bootstrap step loads."""
    folder = tmp_path_factory.mktemp("morocco")
    with fresh_database("sqlite", folder, template=templates["sqlite"]["migrated"]) as url:
        sessions = connect(url)
        with session_scope(sessions) as session:
            load_morocco(session, who="test")
        sessions.kw["bind"].dispose()
        yield url


@pytest.fixture(scope="module")
def ma_client(morocco_url):
    from fastapi.testclient import TestClient

    from grappe.service import Settings, create_app

    app = create_app(Settings(database_url=morocco_url, environment="test"))
    with TestClient(app) as client:
        yield client
    app.state.sessions.kw["bind"].dispose()


def _hand_lq(filename, code_col, value_col, level, unit, sector):
    counts = defaultdict(dict)
    with bundled_path("ma", filename).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["level"] == level and (level == "region" or len(row[code_col]) == 6):
                counts[row[code_col]][row["sector"]] = float(row[value_col])
    nation = defaultdict(float)
    for sectors in counts.values():
        for s, v in sectors.items():
            nation[s] += v
    here = counts[unit][sector] / sum(counts[unit].values())
    return here / (nation[sector] / sum(nation.values()))


def _text(html):
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_bootstrap_loads_12_regions_and_75_provinces_with_arabic_names(morocco_url):
    sessions = connect(morocco_url)
    with sessions() as s:
        kinds = dict(
            s.execute(
                select(Region.region_type, func.count())
                .where(Region.country == "MA")
                .group_by(Region.region_type)
            ).all()
        )
        assert kinds == {"region": 12, "province": 75}
        fes = s.get(Region, FES)
        assert (fes.name_fr, fes.name_ar, fes.name_en) == ("Fès", "فاس", "Fès")
        assert s.get(Region, "MA-01").name_ar == "طنجة-تطوان-الحسيمة"
        assert s.scalar(select(func.count()).where(Region.name_ar.is_(None))) == 0
        by_measure = dict(
            s.execute(
                select(IndicatorSnapshot.measure, func.count()).group_by(IndicatorSnapshot.measure)
            ).all()
        )
        # establishments: (12 + 75) units × 4 sectors; employed: (12 + 75) × 9
        assert by_measure == {"establishments": 87 * 4, "employment": 87 * 9}
    # a second load changes nothing
    with session_scope(sessions) as s:
        again = load_morocco(s, who="test")
    assert all(r.inserted == 0 and r.updated == 0 for r in again.values())
    sessions.kw["bind"].dispose()


@pytest.mark.parametrize(
    ("lang", "region_label", "measure_title", "lq_text"),
    [
        ("fr", "Région : Fès-Meknès", "Établissements par secteur, 2024", "{:.2f}"),
        ("en", "Region: Fès-Meknès", "Establishments by sector, 2024", "{:.2f}"),
        ("ar", "الجهة: فاس-مكناس", "المؤسسات حسب القطاع، 2024", "{:.2f}"),
    ],
)
def test_fes_province_page_in_three_languages(ma_client, lang, region_label, measure_title,
                                               lq_text):  # fmt: skip
    response = ma_client.get(f"/regions/{FES}?lang={lang}")
    assert response.status_code == 200
    html = response.text
    text = _text(html)
    assert region_label in text and measure_title in text
    assert "فاس" in text and "Fès" in text  # both names, whatever the language
    assert f'href="/regions/{FES_MEKNES}?lang={lang}"' in html
    lq = _hand_lq("establishments_2024_by_sector.csv", "code", "establishments", "province",
                  "03.231", "industry")  # fmt: skip
    lq_2014 = _hand_lq("employed_2014_by_sector.csv", "code_2014", "employed_derived",
                       "province", "03.231", "industry")  # fmt: skip
    shown = {  # Arabic in Latin digits with a decimal comma (ar_DZ, docs/i18n.md)
        "fr": lambda v: lq_text.format(v).replace(".", ","),
        "en": lq_text.format,
        "ar": lambda v: lq_text.format(v).replace(".", ","),
    }[lang]
    assert shown(lq) in text and shown(lq_2014) in text
    assert "2014" in text
    assert "Haut-Commissariat au Plan" in text or "المندوبية السامية للتخطيط" in text
    if lang == "ar":
        assert 'dir="rtl"' in html
        for english in ("Location quotient", "Establishments", "Source:", "Share of Morocco",
                        "Province or prefecture", "Industry"):  # fmt: skip
            assert english not in text, english
    # the map highlights Fès among the 75 provinces
    assert html.count('<path class="plain highlight"') == 1
    assert html.count('<a href="/regions/MA-') >= 75


def test_casablanca_and_the_region_page_list_their_parts(ma_client):
    text = _text(ma_client.get(f"/regions/{CASABLANCA}?lang=fr").text)
    lq = _hand_lq("employed_2014_by_sector.csv", "code_2014", "employed_derived", "province",
                  "06.141", "market_services")  # fmt: skip
    assert "Services marchands" in text and f"{lq:.2f}".replace(".", ",") in text
    html = ma_client.get(f"/regions/{FES_MEKNES}?lang=en").text
    provinces = re.findall(r'href="/regions/(MA-03\.\d{3})\?lang=en"><span', html)
    assert len(set(provinces)) == 9  # Fès-Meknès: 9 provinces and prefectures
    assert html.count("plain highlight") == 9


def test_home_lets_the_visitor_choose_the_country(ma_client):
    home = ma_client.get("/?lang=en").text
    for code in ("US", "DZ", "MA"):
        assert f'href="/?country={code}&amp;lang=en"' in home
    html = ma_client.get("/?country=MA&lang=fr").text
    text = _text(html)
    assert 'href="/?country=MA&amp;lang=fr" aria-current="page"' in html
    assert "Maroc : spécialisation sectorielle" in text and "Fès-Meknès" in text
    # the map: every province coloured by its LQ in industry (establishments 2024)
    lq = _hand_lq("establishments_2024_by_sector.csv", "code", "establishments", "province",
                  "03.231", "industry")  # fmt: skip
    assert re.search(rf'<a href="/regions/{FES}\?lang=fr"><path class="{lq_class(lq)}"', html)
    assert len(re.findall(r'<path class="lq-\d"', html)) == 75
    # another sector of the 2014 census, chosen by a link
    html = ma_client.get("/?country=MA&measure=employment&sector=agriculture&lang=en").text
    lq = _hand_lq("employed_2014_by_sector.csv", "code_2014", "employed_derived", "province",
                  "06.141", "agriculture")  # fmt: skip
    assert re.search(rf'<a href="/regions/{CASABLANCA}\?lang=en"><path class="{lq_class(lq)}"',
                     html)  # fmt: skip
    assert "Location quotient of Agriculture by province, 2014" in _text(html)
    # Arabic: years in Latin digits as every number (the choice titles and the tables' captions)
    text = _text(ma_client.get("/?country=MA&lang=ar").text)
    assert "المؤسسات حسب القطاع، 2024" in text and "حسب قطاع النشاط، 2014" in text
    assert not re.search("[\u0660-\u0669]", text)  # no Arabic-Indic digit anywhere
    # the region list follows the choice (only Morocco has regions in this registry)
    assert "/regions/MA-" not in ma_client.get("/?country=US&lang=en").text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("country=XX", "The observatory has no country &#39;XX&#39;."),
        ("country=MA&sector=agriculture", "no sector &#39;agriculture&#39; counted by "
                                          "&#39;establishments&#39;"),
        ("country=MA&measure=payroll", "no sector None counted by &#39;payroll&#39;"),
    ],
)  # fmt: skip
def test_unknown_choices_get_a_clear_404(ma_client, query, message):
    response = ma_client.get(f"/?{query}&lang=en")
    assert response.status_code == 404
    assert message in response.text


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (bash scripts/setup-system)")
def test_screenshots_of_morocco_in_chromium(browser, morocco_url, tmp_path):  # noqa: F811
    ARTIFACTS.mkdir(exist_ok=True)
    with live_app(tmp_path, morocco_url) as (_, base):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda m: errors.append(m.text) if "Content" in m.text else None)
        for lang in ("en", "ar"):
            page.goto(f"{base}/?country=MA&lang={lang}")
            assert page.locator(".ma-map path.lq-3, .ma-map path.lq-2").count() > 0
            box = page.locator(".ma-map > svg").bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 300
            page.screenshot(path=str(ARTIFACTS / f"morocco-home-{lang}.png"), full_page=True)
        for lang in ("ar", "fr", "en"):
            page.goto(f"{base}/regions/{FES}?lang={lang}")
            direction = page.evaluate("getComputedStyle(document.body).direction")
            assert direction == ("rtl" if lang == "ar" else "ltr")
            assert page.locator(".lq-bars rect").count() == 4 + 9
            page.screenshot(path=str(ARTIFACTS / f"morocco-fes-{lang}.png"), full_page=True)
        context.close()
    assert errors == []


@pytest.mark.parametrize("name", ["grappe.web.ma_map_svg", "grappe.web.views.region_ma"])
def test_docstring_examples(name):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0


def test_compare_two_moroccan_regions_on_their_employed_population(ma_client):
    employed = defaultdict(float)
    with bundled_path("ma", "employed_2014_by_sector.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["level"] == "region":
                employed[row["code_2014"]] += float(row["employed_derived"])
    share = employed["03"] / sum(employed.values())  # regions only: provinces are not added
    text = _text(ma_client.get(f"/compare?a={FES_MEKNES}&b=MA-06&lang=en").text)
    assert f"{employed['03']:,.0f}" in text and f"{share:.1%}" in text


def test_the_documented_path_for_a_table_of_firm_counts(tmp_path, morocco_url):
    """docs/maghreb.md, "An Algerian SME table": the same commands on real figures (the HCP
    provinces, their columns renamed as the example names them)."""
    from typer.testing import CliRunner

    from grappe.cli.main import app
    from grappe.io import read_definitions, read_regional_table
    from grappe.mapping import map_clusters
    from grappe.registry import store_cluster_map

    source = bundled_path("ma", "establishments_2024_by_sector.csv")
    with source.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["level"] == "province"]
    table_path = tmp_path / "pme_wilayas.csv"
    with table_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["wilaya", "secteur", "pme", "year"])
        writer.writerows([r["code"], r["sector"], r["establishments"], r["year"]] for r in rows)
    definitions = bundled_path("ma", "hcp_sectors_2024.csv")
    out = tmp_path / "pme_wilayas_map.csv"
    result = CliRunner().invoke(app, [
        "map", str(table_path), "--column", "wilaya=region", "--column", "secteur=industry",
        "--column", "pme=establishments", "--region-type", "wilaya", "--measure",
        "establishments", "--definitions", str(definitions), "-o", str(out),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    table = read_regional_table(
        table_path, region_type="wilaya", measure="establishments",
        columns={"wilaya": "region", "secteur": "industry", "pme": "establishments"},
    )  # fmt: skip
    cmap = map_clusters(table, read_definitions(definitions), measure="establishments",
                        lq_convention="total")  # fmt: skip
    with fresh_database("sqlite", tmp_path, template=morocco_url) as url:
        sessions = connect(url)
        with session_scope(sessions) as session:
            report = store_cluster_map(session, cmap, who="analyst", definitions="dz-pme-sectors",
                                       region_ids=lambda code: f"MA-{code}")  # fmt: skip
        assert report.inserted == 75 * 4
        with sessions() as session:
            row = session.scalar(
                select(IndicatorSnapshot).where(
                    IndicatorSnapshot.definitions == "dz-pme-sectors",
                    IndicatorSnapshot.region_id == FES,
                    IndicatorSnapshot.cluster == "industry",
                )
            )
        sessions.kw["bind"].dispose()
    lq = _hand_lq("establishments_2024_by_sector.csv", "code", "establishments", "province",
                  "03.231", "industry")  # fmt: skip
    assert (row.measure, row.employment) == ("establishments", None)
    assert row.lq == pytest.approx(lq)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_moroccan_pages_have_no_english_left(ma_client, lang):
    """The catalogue scan of issue 16 on the Moroccan pages: home's Morocco view, a province and a
    region (no msgid left untranslated, no English word of the interface)."""
    from _i18n_scan import catalogue_msgids, english_left

    msgids = catalogue_msgids(lang)
    for url in (f"/?country=MA&lang={lang}", f"/regions/{FES}?lang={lang}",
                f"/regions/{FES_MEKNES}?lang={lang}"):  # fmt: skip
        response = ma_client.get(url)
        assert response.status_code == 200
        assert english_left(response.text, lang, msgids=msgids) == [], url
