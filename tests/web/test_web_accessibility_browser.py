"""WCAG 2.1 A and AA checks of the workspace's pages with axe-core (Deque's engine, bundled in
the ``axe-playwright-python`` package: nothing downloaded) in Debian's headless Chromium, in
French and in Arabic (right to left), as an anonymous visitor, the admin, a cluster's manager
and a member see them.

Every page of :data:`grappe.web.views.workspace_links.WORKSPACE_PAGES` is checked, so a new
workspace page is checked as soon as its profile link exists. A violation fails the test with
axe's rule, impact and the first offending elements."""

from __future__ import annotations

import shutil

import pytest

from _accounts import PASSWORD, _user
from _live import live_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: axe-core's tags of the WCAG 2.0 and 2.1 success criteria of levels A and AA.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CLUSTER = "auto-mi"
#: The public pages, checked as an anonymous visitor sees them (the sign-in page last).
PUBLIC = ["/", "/regions/US-26", f"/clusters/{CLUSTER}", f"/compare?a={CLUSTER}", "/login"]

#: The elements sticking out of a phone's screen (the page scrolls sideways), if any.
WIDER_THAN_SCREEN = """() => document.documentElement.scrollWidth <= window.innerWidth ? null :
  [...document.querySelectorAll("main *")].filter(e => e.getBoundingClientRect().right >
  window.innerWidth + 1 || e.getBoundingClientRect().left < -1).slice(0, 3)
  .map(e => e.tagName + "." + e.className)"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium not installed (bash scripts/setup-system)"
    ),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory, templates):
    with live_app(tmp_path_factory.mktemp("a11y"), templates["sqlite"]["populated"]) as (app, base):
        _user(app, "admin@obs.dz", "admin")
        _user(app, "mgr@obs.dz", "manager", clusters=[CLUSTER])
        _user(app, "gm@obs.dz", "member", actor="GM")
        yield base


def _violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        for v in found.response["violations"]
    ]


def _paths(role: str) -> list[str]:
    from grappe.web.views.workspace_links import WORKSPACE_PAGES

    # Each page once (axe's rules do not depend on who looks): the cluster's pages as its
    # manager sees them on a phone, the admin's own pages, the member's.
    if role == "member":
        return ["/account", "/account/organisation"]
    if role == "admin":
        return ["/account", "/admin/users"]
    return [f"/clusters/{CLUSTER}"] + [f"/clusters/{CLUSTER}/{p.path}" for p in WORKSPACE_PAGES]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_workspace_pages_meet_wcag_aa(site, lang):
    playwright = pytest.importorskip("playwright.sync_api")
    pytest.importorskip("axe_playwright_python")
    problems: dict[str, list[str]] = {}
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        for email, role in (("admin@obs.dz", "admin"), ("mgr@obs.dz", "manager"),
                            ("gm@obs.dz", "member")):  # fmt: skip
            # The manager works from a phone: a narrow screen, no page wider than it.
            phone = role == "manager"
            size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
            context = browser.new_context(viewport=size)
            page = context.new_page()
            for path in PUBLIC if role == "admin" else ["/login"]:  # anonymous, once
                page.goto(f"{site}{path}{'&' if '?' in path else '?'}lang={lang}")
                if (found := _violations(page)) and role == "admin":
                    problems[f"{lang} anonymous {path}"] = found
            page.fill("#f-email", email)
            page.fill("#f-password", PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{site}/account")
            for path in _paths(role):
                page.goto(f"{site}{path}?lang={lang}")
                assert page.evaluate("document.documentElement.lang") == lang, path
                found = _violations(page)
                if phone and (wide := page.evaluate(WIDER_THAN_SCREEN)):
                    found.append(f"wider than a phone's screen: {wide}")
                if found:
                    problems[f"{lang} {role} {path}"] = found
            context.close()
        browser.close()
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
