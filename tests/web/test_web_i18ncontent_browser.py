"""The pages' JavaScript writes numbers as the server does (Chromium's Intl vs Babel), and an
Arabic region page with its charts, screenshot kept in test-artifacts/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _live import live_app
from grappe.formats import INTL_LOCALES, format_number

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium not installed (bash scripts/setup-system)"
    ),
]


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


NUMBERS = [0, 7, 2.6, 0.144, 1234.5, 12345.678, -98765.4321, 1234567]


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_intl_in_chromium_writes_numbers_as_babel(browser, lang):
    page = browser.new_page()
    written = page.evaluate(
        """([tag, values]) => values.map(v => new Intl.NumberFormat(tag,
             {minimumFractionDigits: 2, maximumFractionDigits: 2}).format(v))""",
        [INTL_LOCALES[lang], NUMBERS],
    )
    page.close()
    assert written == [format_number(v, lang, digits=2) for v in NUMBERS]


def test_arabic_region_page_charts_use_the_page_locale(browser, tmp_path_factory, templates):
    populated = templates["sqlite"]["populated"]
    with live_app(tmp_path_factory.mktemp("i18ncontent"), populated) as (_, base):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/regions/US-26?lang=ar")
        page.wait_for_selector("canvas#trend[data-ready=true]", timeout=15000)
        locale = page.get_attribute('meta[name="grappe-number-locale"]', "content")
        assert locale == INTL_LOCALES["ar"] == "ar-DZ"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "i18ncontent-region-ar.png"), full_page=True)
        text = page.inner_text("main")
        page.close()
    assert not any("\u0660" <= c <= "\u0669" for c in text)  # Latin digits only
