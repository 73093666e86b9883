"""The published profile sections in Debian's headless Chromium under the strict CSP: the
diamond's radar, the roadmap's timeline and a KPI chart render, in French and in Arabic, without
console errors. Screenshots in ``test-artifacts/``."""

from __future__ import annotations

import pytest
from _browser import ARTIFACTS, CHROMIUM
from test_web_browser import page  # noqa: F401 - fixture (browser: tests/web/conftest.py)
from test_web_profile_sections import KPIS, _store_everything

from _live import live_app
from grappe.vocabulary import PROFILE_SECTIONS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium not installed (bash scripts/setup-system)"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory, templates, admin_token):
    from grappe.registry import repositories as repo
    from grappe.registry import session_scope
    from grappe.registry.models import Kpi

    migrated = templates["sqlite"]["migrated"]
    with live_app(tmp_path_factory.mktemp("profile"), migrated) as (app, base):
        _store_everything(app, None)
        with session_scope(app.state.sessions) as s:
            repo.update_cluster(s, "knoke", {"public_sections": list(PROFILE_SECTIONS)}, who="t")
            for rec in KPIS.to_dict("records"):
                s.add(Kpi(cluster_id="knoke", name=rec["kpi"], period=rec["period"], year=2024,
                          value=rec["value"], target=rec["target"]))  # fmt: skip
        yield base


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_radar_timeline_and_kpi_charts_render_under_the_csp(page, server, lang):  # noqa: F811
    page.goto(f"{server}/clusters/knoke?lang={lang}")
    for canvas in ("diamond-radar", "kpi-0", "kpi-1"):
        page.wait_for_selector(f"canvas#{canvas}[data-ready=true]", timeout=15000)
        box = page.locator(f"canvas#{canvas}").bounding_box()
        assert box["width"] > 150 and box["height"] > 100, canvas
    # Chart.js drew something: the radar's canvas is not blank
    painted = page.evaluate(
        "(() => { const c = document.getElementById('diamond-radar');"
        " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; })()"
    )
    assert painted > 1000
    assert page.locator("svg.gantt-svg rect.gantt-bar").count() == 4  # the fixture's actions
    gantt = page.locator("svg.gantt-svg").bounding_box()
    assert gantt["width"] > 600
    assert page.evaluate("getComputedStyle(document.body).direction") == (
        "rtl" if lang == "ar" else "ltr"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"profile-sections-{lang}.png"), full_page=True)
    assert page.js_errors == []
