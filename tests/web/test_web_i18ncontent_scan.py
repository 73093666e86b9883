"""No English left in the French and Arabic observatory: public pages, a wilaya page and the
workspace pages a manager sees, rendered with the bundled toy registry and scanned for
untranslated catalogue entries and English interface words (tests/_i18n_scan.py)."""

from __future__ import annotations

import pytest

from _accounts import signed_in, workspace_users
from _i18n_scan import catalogue_msgids, english_left, visible_texts

PUBLIC = [
    "/",
    "/clusters/auto-mi",
    "/regions/US-26",
    "/regions/DZ-16",  # a wilaya page
    "/compare?a=auto-mi&b=chem-oh",
    "/login",
]
WORKSPACE = [
    "/account",
    "/clusters/auto-mi/settings",
    "/clusters/auto-mi/actors/new",
    "/clusters/auto-mi/kpis",
    "/clusters/auto-mi/roadmap",
    "/clusters/auto-mi/swot",
    "/clusters/auto-mi/questionnaires",
    "/clusters/auto-mi/ties",
    "/clusters/auto-mi/ties/upload",
    "/clusters/auto-mi/waves",
    "/clusters/auto-mi/diagnosis",
    "/clusters/auto-mi/evaluations",
    "/clusters/auto-mi/matchmaking",
    "/clusters/auto-mi/reports",
    "/clusters/auto-mi/history",
    "/clusters/auto-mi/publish",
]


def _get(client, url, lang):
    sep = "&" if "?" in url else "?"
    r = client.get(f"{url}{sep}lang={lang}")
    assert r.status_code == 200, (url, r.status_code)
    return r.text


def test_the_scan_finds_english(populated):
    """The scan is not blind: an English page fails it, a hidden or lang="en" text does not."""
    client, _ = populated
    # The English page, as if served for Arabic (its <html lang> says so).
    english = client.get("/regions/US-26?lang=en").text
    english = english.replace('<html lang="en"', '<html lang="ar"')
    found = english_left(english, "ar", msgids=catalogue_msgids("ar"))
    assert any("Strong" in f or "Location quotient" in f for f in found)
    assert english_left('<p lang="en">Strong Cluster</p><script>"Search"</script>', "ar") == []
    assert english_left('<button aria-label="Search">x</button>', "fr")
    assert visible_texts('<p>a<br>b</p><input type="hidden" value="Save">', "ar") == ["a", "b"]
    chart = '<script type="application/json">{"series": [{"label": "Employment", "values": [1]}]}'
    assert english_left(chart + "</script>", "fr") == ["English ['Employment'] in 'Employment'"]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_public_pages_have_no_english_left(populated, lang):
    client, _ = populated
    msgids = catalogue_msgids(lang)
    found = {url: english_left(_get(client, url, lang), lang, msgids=msgids) for url in PUBLIC}
    left = {url: f for url, f in found.items() if f}
    assert not left, "\n".join(f"{u}: {x}" for u, fs in left.items() for x in fs)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_manager_workspace_has_no_english_left(populated_app, lang):
    app, client, _ = populated_app
    workspace_users(app)
    signed_in(client, "mgr@obs.dz")
    msgids = catalogue_msgids(lang)
    found = {url: english_left(_get(client, url, lang), lang, msgids=msgids) for url in WORKSPACE}
    left = {url: f for url, f in found.items() if f}
    assert not left, "\n".join(f"{u}: {x}" for u, fs in left.items() for x in fs)


def test_benchmark_cluster_names_are_shown_in_the_page_language(populated):
    from grappe.definitions import cluster_names

    client, _ = populated
    for lang in ("ar", "fr"):
        region = _get(client, "/regions/US-26", lang)
        texts = visible_texts(region, lang)
        assert cluster_names(lang)["4"] in texts  # Automotive, in the tables
        assert f'<th scope="row" lang="{lang}">' in region  # marked in the page's language
        profile = _get(client, "/clusters/auto-mi", lang)
        assert f'<dd lang="{lang}">{cluster_names(lang)["4"]}</dd>' in profile  # its sector
    assert ">Automotive<" in _get(client, "/regions/US-26", "en")  # English pages: as defined
