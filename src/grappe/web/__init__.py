"""Server-rendered pages of the observatory in French, Arabic and English.

One view module per page (:mod:`grappe.web.views`), Jinja2 templates and partials, static assets
served by the app (vendored npm packages, no CDN), Babel catalogues compiled at start.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from grappe.web.auth import CsrfRefusedError, LoginLimiter, csrf_guard, csrf_refused
from grappe.web.views import (
    account,
    actor_forms,
    cluster,
    cluster_forms,
    compare,
    country,
    country_add,
    country_forms,
    diagnosis,
    dz_sections,
    evaluation_forms,
    home,
    kpi_swot_forms,
    matchmaking_forms,
    member_record_forms,
    programme_candidates,
    programme_corrections,
    programme_forms,
    programme_pages,
    questionnaire_forms,
    region,
    report_jobs,
    roadmap_forms,
    support_body_forms,
    tie_forms,
    waves,
)
from grappe.web.views._forms import PageAnswer, answer_page

__all__ = ["STATIC", "install_pages", "not_found_page"]

STATIC = Path(__file__).with_name("static")


def not_found_page(request: Request) -> HTMLResponse:
    """The HTML 404 page (used by the app's error handler outside ``/api/``)."""
    from grappe.web.views._common import not_found

    return not_found(request)


async def _csrf_refused(request: Request, exc: Exception) -> HTMLResponse:  # noqa: ARG001
    return csrf_refused(request)


def install_pages(app: FastAPI) -> None:
    """Add the pages and ``/static`` to ``app`` (which must have ``state.settings`` and
    ``state.sessions``)."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Every unsafe request of the pages is checked for the session's CSRF token before its
    # route runs (grappe.web.auth): a page router added here cannot forget it.
    # cluster_forms before cluster: its /clusters/new must not be read as a cluster's id.
    pages = (
        home,
        cluster_forms,
        cluster,
        region,
        compare,
        account,
        actor_forms,
        tie_forms,
        kpi_swot_forms,
        member_record_forms,
        questionnaire_forms,
        matchmaking_forms,
        report_jobs,
        roadmap_forms,
        evaluation_forms,
        diagnosis,
        waves,
        dz_sections,
        support_body_forms,
        programme_pages,
        programme_candidates,
        programme_forms,
        programme_corrections,
        country_forms,
        country_add,
        country,
    )
    for module in pages:
        app.include_router(module.router, dependencies=[Depends(csrf_guard)])
    app.add_exception_handler(CsrfRefusedError, _csrf_refused)
    # The sign-in page, 404 or 403 a workspace form's checks answer with (views._forms).
    app.add_exception_handler(PageAnswer, answer_page)
    app.state.html_not_found = not_found_page
    app.state.login_limiter = LoginLimiter()  # sign-in failures, per process
