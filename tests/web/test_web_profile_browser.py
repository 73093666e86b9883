"""The published profile sections in Debian's headless Chromium under the strict CSP: the
diamond's radar, the roadmap's timeline and a KPI chart render, in French and in Arabic, without
console errors. Screenshots in ``test-artifacts/``."""

from __future__ import annotations

import threading
import time

import pytest
from test_web_browser import ARTIFACTS, CHROMIUM, browser, page  # noqa: F401 - fixtures
from test_web_profile_sections import KPIS, _store_everything

from grappe.vocabulary import PROFILE_SECTIONS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium not installed (bash scripts/setup-system)"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory, templates, admin_token):
    import socket

    import uvicorn

    from grappe.registry import repositories as repo
    from grappe.registry import session_scope
    from grappe.registry.models import Kpi
    from grappe.registry.testing import fresh_database
    from grappe.service import Settings, create_app

    with fresh_database(
        "sqlite", tmp_path_factory.mktemp("profile"), template=templates["sqlite"]["migrated"]
    ) as url:
        app = create_app(Settings(database_url=url, environment="test"))
        _store_everything(app, None)
        with session_scope(app.state.sessions) as s:
            repo.update_cluster(s, "knoke", {"public_sections": list(PROFILE_SECTIONS)}, who="t")
            for rec in KPIS.to_dict("records"):
                s.add(Kpi(cluster_id="knoke", name=rec["kpi"], period=rec["period"], year=2024,
                          value=rec["value"], target=rec["target"]))  # fmt: skip
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=srv.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not srv.started:
            if time.monotonic() > deadline:
                pytest.fail("uvicorn did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
        srv.should_exit = True
        thread.join(timeout=10)


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
