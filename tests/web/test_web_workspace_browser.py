"""The workspace's first journey in Debian's headless Chromium (Playwright, never downloaded), in
Arabic: an invitation link → a password → sign out and in again → record an actor on a
cluster's profile → see it there. Screenshots in ``test-artifacts/workspace-*.png``."""

from __future__ import annotations

import pytest
from _browser import ARTIFACTS, CHROMIUM

from _live import live_app

PASSWORD = "نحاس قسنطينة 2026"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium not installed (bash scripts/setup-system)"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory, templates):
    populated = templates["sqlite"]["populated"]
    with live_app(tmp_path_factory.mktemp("workspace"), populated) as served:
        yield served


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"workspace-{name}.png"), full_page=True)


def test_invited_manager_records_an_actor_in_arabic(server):
    playwright = pytest.importorskip("playwright.sync_api")
    from grappe.registry import session_scope
    from grappe.registry.users import invite

    app, base = server
    with session_scope(app.state.sessions) as db:  # what `grappe user create` does
        _, token = invite(db, "grappe user", email="nadia@crafts.dz", role="manager",
                          display_name="نادية", clusters=["auto-mi"])  # fmt: skip
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on(
            "console", lambda m: errors.append(m.text) if "Content Security" in m.text else None
        )

        page.goto(f"{base}/invite/{token}?lang=ar")
        assert page.evaluate("[document.documentElement.lang, document.dir]") == ["ar", "rtl"]
        page.fill("#f-password", PASSWORD)
        page.fill("#f-confirm", PASSWORD)
        _shot(page, "invite-ar")
        page.get_by_role("button", name="حفظ وتسجيل الدخول").click()
        page.wait_for_url(f"{base}/account")
        assert "مسير العنقود" in page.inner_text("main")

        page.get_by_role("button", name="تسجيل الخروج").click()
        page.wait_for_url(f"{base}/")
        page.get_by_role("link", name="تسجيل الدخول").click()
        page.fill("#f-email", "nadia@crafts.dz")
        page.fill("#f-password", "wrong password!")
        page.keyboard.press("Enter")  # the keyboard sends the form
        page.wait_for_selector("#login-error")
        assert "غير صحيحة" in page.inner_text("#login-error")
        page.fill("#f-password", PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}/account")
        _shot(page, "account-ar")

        page.goto(f"{base}/clusters/auto-mi")
        page.get_by_role("link", name="تسجيل فاعل").click()
        page.fill("#f-name_ar", "نحاسيات الباي")
        page.fill("#f-name_fr", "Dinanderie Bey")
        page.select_option("#f-sphere", "enterprise")
        page.select_option("#f-level", "local")
        page.fill("#f-lat", "95")  # refused next to the field, nothing stored
        page.get_by_role("button", name="سجّل الفاعل").click()
        page.wait_for_selector("#e-lat")
        assert page.get_attribute("#f-lat", "aria-describedby").startswith("e-lat")
        _shot(page, "actor-error-ar")
        page.fill("#f-lat", "36.365")
        page.fill("#f-lon", "6.6147")
        page.fill("#f-wilaya", "قسنطينة")
        page.fill("#f-joined", "2024-03-01")
        page.get_by_role("button", name="سجّل الفاعل").click()
        page.wait_for_url(f"{base}/clusters/auto-mi")
        assert "نحاسيات الباي" in page.inner_text("main")  # named in the page's language
        assert page.evaluate("document.dir") == "rtl"
        _shot(page, "profile-ar")
        context.close()
        browser.close()
    assert errors == []
