"""Browser tests in Debian's headless Chromium (driven by Playwright, never downloaded).

The observatory runs with uvicorn on 127.0.0.1 on a copy of the synthetic toy registry; pages
must draw their map and charts from the bundled assets, switch language, and lay Arabic out right
to left. Screenshots are saved in ``test-artifacts/``.
"""

from __future__ import annotations

import pytest
from _browser import BROWSER_MARKS, live_server, screenshot, watched_page

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def server(tmp_path_factory, templates):
    populated = templates["sqlite"]["populated"]
    with live_server(tmp_path_factory.mktemp("browser"), populated) as base:
        yield base


@pytest.fixture
def page(browser):
    with watched_page(browser, csp=True) as pg:
        yield pg


def _shot(page, name):
    screenshot(page, name, full_page=True)


def _wait_map(page):
    page.wait_for_selector(".map-canvas[data-ready=true]", timeout=15000)
    return page.eval_on_selector_all(
        ".map-canvas svg [data-drawn], .map-canvas svg", "n => n.length"
    )


def test_home_shows_map(page, server):
    page.goto(f"{server}/?lang=en")
    _wait_map(page)
    states = page.locator(".map-canvas path.state").count()
    wilayas = page.locator(".map-canvas path.wilaya").count()
    assert (states, wilayas) == (2, 1)  # the toy registry: Michigan, Ohio; Alger (its outline)
    _shot(page, "home-en")
    assert page.js_errors == []


def test_cluster_profile_shows_map_chart_and_network(page, server):
    page.goto(f"{server}/clusters/auto-mi?lang=fr")
    _wait_map(page)
    page.wait_for_selector("canvas#trend[data-ready=true]", timeout=15000)
    assert page.locator(".map-canvas path.state.hl").count() == 1
    assert page.locator("svg.network-svg g.actor").count() == 2
    box = page.locator("canvas#trend").bounding_box()
    assert box["width"] > 200 and box["height"] > 100
    _shot(page, "cluster-fr")
    assert page.js_errors == []


def test_region_page_arabic_is_right_to_left(page, server):
    page.goto(f"{server}/regions/US-26?lang=ar")
    _wait_map(page)
    page.wait_for_selector("canvas#trend[data-ready=true]", timeout=15000)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # Mirrored layout: the heading hugs the right edge, the brand sits right of the menu.
    h1 = page.locator("h1").bounding_box()
    assert h1["x"] + h1["width"] > 1280 - 200
    brand = page.locator(".brand").bounding_box()
    menu = page.locator(".site-header nav").first.bounding_box()
    assert brand["x"] > menu["x"]
    assert "120" in page.inner_text("main")  # Latin digits on Arabic pages (grappe.formats)
    _shot(page, "region-ar")
    assert page.js_errors == []


def test_language_switch(page, server):
    page.goto(f"{server}/regions/US-26?lang=en")
    page.get_by_role("link", name="Français").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.locator("h2#strong-h").inner_text().startswith("Grappes fortes")
    page.goto(f"{server}/")  # the choice is remembered
    assert page.evaluate("document.documentElement.lang") == "fr"
    page.get_by_role("link", name="العربية").click()
    page.wait_for_load_state()
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    _wait_map(page)
    _shot(page, "home-ar")


def test_api_docs_render_offline(browser, server):
    """/api/v1/docs draws every operation from the vendored Swagger UI, with every request
    that would leave 127.0.0.1 aborted, and under the strict Content-Security-Policy."""
    from urllib.parse import urlsplit

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside, errors = [], []

    def route(r):
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.goto(f"{server}/api/v1/docs")
    pg.wait_for_selector(".opblock", timeout=20000)
    doc = pg.evaluate("fetch('/api/v1/openapi.json').then(r => r.json())")
    expected = sum(len(ops) for ops in doc["paths"].values())
    assert pg.locator(".opblock").count() == expected > 20
    assert pg.locator(".info .title").inner_text().startswith("grappe observatory API")
    pg.locator(".opblock-summary").first.click()  # an operation opens
    pg.wait_for_selector(".opblock-body", timeout=10000)
    _shot(pg, "api-docs")
    context.close()
    assert outside == []
    assert [e for e in errors if "favicon" not in e] == []
