"""``/api/v1/docs``: Swagger UI served from the observatory itself, without any CDN.

Swagger UI (``swagger-ui-dist``, Apache-2.0, pinned in ``web/package.json``) is vendored in
``grappe/web/static/vendor`` by ``scripts/vendor-js``. FastAPI's own docs page loads it from a
CDN and starts it with an inline script, which the Content-Security-Policy of
:mod:`grappe.service.security` forbids; this page starts it with the static file
``/static/js/api-docs.js`` instead, which reads the OpenAPI address from a ``data-`` attribute.
So the docs work offline and under the same strict policy as every page.
"""

from __future__ import annotations

from html import escape

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

__all__ = ["install_api_docs"]

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{openapi_url}"></div>
<script src="/static/vendor/swagger-ui-bundle.js"></script>
<script src="/static/js/api-docs.js"></script>
</body>
</html>
"""


def install_api_docs(app: FastAPI, *, docs_url: str) -> None:
    """Serve the interactive API documentation of ``app`` at ``docs_url``.

    ``app`` must have been built with ``docs_url=None`` (no CDN page of FastAPI) and serve the
    static files at ``/static`` (:func:`grappe.web.install_pages`).
    """
    page = _PAGE.format(
        title=escape(f"{app.title} — docs"), openapi_url=escape(app.openapi_url or "")
    )

    @app.get(docs_url, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(page)
