"""The app factory: ``create_app(settings)`` builds the API and the pages on one database."""

from __future__ import annotations

from fastapi import FastAPI

from grappe.registry.database import connect, session_scope
from grappe.registry.tokens import ensure_token
from grappe.service.api_docs import install_api_docs
from grappe.service.errors import install_error_handlers
from grappe.service.jobs import JobBoard
from grappe.service.routes import api_router
from grappe.service.security import install_security_headers
from grappe.service.settings import Settings

__all__ = ["API_PREFIX", "create_app"]

#: Where the REST API lives; its OpenAPI document is ``{API_PREFIX}/openapi.json``.
API_PREFIX = "/api/v1"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the observatory: REST API under ``/api/v1`` and the web pages under ``/``.

    The database is migrated to the latest schema and the admin token of the settings (if any)
    is stored, hashed, before the app is returned. No token is built in: without one in the
    settings, ``grappe serve`` creates a random admin token on a database's first start
    (:func:`grappe.registry.tokens.ensure_admin_token`).

    Parameters
    ----------
    settings : Settings, optional
        Defaults to :meth:`Settings.from_env`.

    Returns
    -------
    fastapi.FastAPI

    Raises
    ------
    InvalidParameterError
        Bad settings (e.g. a weak admin token).

    Examples
    --------
    >>> app = create_app(Settings(database_url="sqlite://"))
    >>> app.openapi_url
    '/api/v1/openapi.json'
    """
    from grappe.web import install_pages

    settings = Settings.from_env() if settings is None else settings
    sessions = connect(settings.database_url)
    if settings.admin_token:
        with session_scope(sessions) as session:
            ensure_token(session, "admin (settings)", settings.admin_token, role="admin")
    app = FastAPI(
        title="grappe observatory API",
        version="1",
        description=(
            "Clusters, regions, actors and ties, indicators, KPIs, evaluations and imports of a "
            "cluster observatory. Reads of published data are public; writes need an API token "
            "(`Authorization: Bearer grp_…`) with the role admin, analyst or manager. Errors "
            'read `{"error": {"code", "message", "details", "request_id"}}`; every response '
            "carries its request id in `X-Request-ID`."
        ),
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # FastAPI's page loads Swagger UI from a CDN: see install_api_docs
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.sessions = sessions
    app.state.token_cache = {}
    app.state.import_jobs = JobBoard()
    install_error_handlers(app)
    app.include_router(api_router, prefix=API_PREFIX)
    install_pages(app)
    install_api_docs(app, docs_url=f"{API_PREFIX}/docs")
    install_security_headers(app)  # last: the outermost middleware, so every answer has them
    return app
