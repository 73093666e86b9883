"""Security headers on every response: API answers, pages, static files and errors.

* ``Content-Security-Policy``: scripts, styles, images, fonts and fetches only from the
  observatory itself — no inline script, no inline style attribute, no ``eval`` — plus
  ``data:`` images (Swagger UI's icons); no plugins (``object-src 'none'``), no ``<base>``,
  forms post only to the observatory, and ``frame-ancestors 'none'`` (no framing).
* ``X-Frame-Options: DENY`` (the same for browsers that ignore ``frame-ancestors``).
* ``X-Content-Type-Options: nosniff``: a file is only ever what its ``Content-Type`` says.
* ``Referrer-Policy: same-origin``: links to other sites do not learn which page was read.
* ``Cross-Origin-Opener-Policy: same-origin`` and a ``Permissions-Policy`` that turns off the
  camera, microphone and geolocation, which no page uses.

The pages and the API docs (``/api/v1/docs``, whose start-up script is the static file
``/static/js/api-docs.js``) follow the policy, so it needs no nonce or hash.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "SECURITY_HEADERS",
    "SecurityHeadersMiddleware",
    "install_security_headers",
]

#: The Content-Security-Policy of every response.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])  # fmt: skip

#: Headers added to every HTTP response (a header the route already set is kept).
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

_ENCODED = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]


class SecurityHeadersMiddleware:
    """Pure ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response start.

    Added last in :func:`grappe.service.create_app`, it is the outermost of the app's
    middlewares, so that it also marks the 500 answers of
    :class:`grappe.service.errors.RequestIdMiddleware` and anything answered by middlewares
    inside it.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend((k, v) for k, v in _ENCODED if k not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def install_security_headers(app: FastAPI) -> None:
    """Add :class:`SecurityHeadersMiddleware` to ``app`` (call it after every other
    ``add_middleware``, so that it is the outermost)."""
    app.add_middleware(SecurityHeadersMiddleware)
