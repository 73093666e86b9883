"""Server-rendered pages of the observatory in French, Arabic and English.

One view module per page (:mod:`grappe.web.views`), Jinja2 templates and partials, static assets
served by the app (vendored npm packages, no CDN), Babel catalogues compiled at start.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from grappe.web.auth import LoginLimiter
from grappe.web.views import account, actor_forms, cluster, compare, home, region

__all__ = ["STATIC", "install_pages", "not_found_page"]

STATIC = Path(__file__).with_name("static")


def not_found_page(request: Request) -> HTMLResponse:
    """The HTML 404 page (used by the app's error handler outside ``/api/``)."""
    from grappe.web.views._common import not_found

    return not_found(request)


def install_pages(app: FastAPI) -> None:
    """Add the pages and ``/static`` to ``app`` (which must have ``state.settings`` and
    ``state.sessions``)."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (home, cluster, region, compare, account, actor_forms):
        app.include_router(module.router)
    app.state.html_not_found = not_found_page
    app.state.login_limiter = LoginLimiter()  # sign-in failures, per process
