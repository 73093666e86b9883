"""What the browser tests of the observatory share: Debian's headless Chromium (driven by
Playwright, never downloaded), a page that records what goes wrong in it, the live servers, the
screenshots in ``test-artifacts/``.

The ``browser`` fixture (tests/web/conftest.py) launches Chromium once per module; a test file
marks itself with :data:`BROWSER_MARKS` and builds its ``page`` and ``server`` fixtures from
:func:`watched_page` and :func:`live_server`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from _dz_registry import make_dz_registry

from _live import live_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

#: The ``pytestmark`` of a browser test file: slow, and skipped without Chromium.
BROWSER_MARKS = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium not installed (bash scripts/setup-system)"
    ),
]


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Chromium (skips the test when Playwright is missing)."""
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@contextmanager
def watched_page(browser: Any, *, csp: bool = False, http: bool = False) -> Iterator[Any]:
    """A new 1280×900 page whose ``js_errors`` lists its script errors and failed requests.

    Parameters
    ----------
    browser
        The launched Chromium.
    csp
        Also list the console's Content-Security-Policy reports (the policy forbids inline
        code: a page that needs any reports it there).
    http
        Also list every answer of status 400 or more (the browser's own favicon request aside).
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda req: errors.append(f"failed: {req.url}"))
    if csp:
        page.on(
            "console",
            lambda msg: (
                errors.append(f"console: {msg.text}")
                if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text
                else None
            ),
        )
    if http:
        page.on(
            "response",
            lambda r: (
                errors.append(f"{r.status}: {r.url}")
                if r.status >= 400 and not r.url.endswith("/favicon.ico")
                else None
            ),
        )
    page.js_errors = errors
    yield page
    context.close()


@contextmanager
def live_server(folder: Path, template: str | None = None) -> Iterator[str]:
    """The observatory served by uvicorn on 127.0.0.1 over a copy of ``template`` (a registry's
    URL; default: a new registry of the Algerian data, :func:`make_dz_registry`); its base URL."""
    (folder / "live").mkdir()
    if template is None:
        (folder / "template").mkdir()
        template = make_dz_registry(folder / "template")
    with live_app(folder / "live", template) as (_, base):
        yield base


def screenshot(page: Any, name: str, **options: Any) -> None:
    """Save ``page`` (or an element) as ``test-artifacts/observatory-<name>.png``."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"observatory-{name}.png"), **options)
