"""The one error handler and the one JSON error shape of the API.

Every error response — 400 to 500, raised by a route, by request validation, by the router
(unknown route, wrong method) or by a bug — reads::

    {"error": {"code": ..., "message": ..., "details": ..., "request_id": ...}}

``code`` is a stable machine name (``bad_request``, ``unauthorized``, ``forbidden``,
``not_found``, ``method_not_allowed``, ``conflict``, ``too_large``, ``invalid_parameter``,
``invalid_data``, ``validation_error``, ``internal_error``, ...), ``details`` a list (the
row-by-row report of a failed import, the fields of a bad request) or null, ``request_id`` the id
of the request, also sent in the ``X-Request-ID`` header of every response and written in the
server's log with the traceback of an unexpected error. Database errors and tracebacks never
reach a client: an integrity error is a 409 ``conflict`` without the SQL, a data error (a value
the database cannot hold, e.g. NUL in PostgreSQL text) a 422 ``invalid_parameter``, anything
else a 500 ``internal_error`` with a generic message.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import asdict
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from grappe.errors import DataValidationError, GrappeError, InvalidParameterError, NotFoundError

__all__ = [
    "REQUEST_ID_HEADER",
    "ApiError",
    "RequestIdMiddleware",
    "error_body",
    "install_error_handlers",
]

logger = logging.getLogger("grappe.service")

#: Response header carrying the id of the request (also in error bodies and the server's log).
REQUEST_ID_HEADER = "X-Request-ID"

#: Codes of statuses raised by the framework (router, body parsing) rather than by grappe.
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    503: "unavailable",
}

_INTERNAL_MESSAGE = (
    "An unexpected error occurred on the server; nothing was changed. Report the request id to "
    "the observatory's administrators."
)


class ApiError(GrappeError):
    """An error with an HTTP status and a code (authentication, permissions)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def error_body(
    code: str, message: str, details: Any = None, request_id: str | None = None
) -> dict[str, Any]:
    """The JSON error shape.

    Examples
    --------
    >>> error_body("not_found", "No cluster with id 'x'.", request_id="5f2c")
    {'error': {'code': 'not_found', 'message': "No cluster with id 'x'.", 'details': None, \
'request_id': '5f2c'}}
    """
    return {
        "error": {"code": code, "message": message, "details": details, "request_id": request_id}
    }


def request_id(request: Request) -> str | None:
    """The id :class:`RequestIdMiddleware` gave ``request`` (None outside the middleware)."""
    return request.scope.get("state", {}).get("request_id")


def _json(
    request: Request,
    status: int,
    code: str,
    message: str,
    details: Any = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    extra = dict(headers or {})
    if status == 401:
        extra["WWW-Authenticate"] = "Bearer"
    body = error_body(code, message, details, request_id(request))
    return JSONResponse(body, status_code=status, headers=extra or None)


async def _grappe_error(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, ApiError):
        return _json(request, exc.status, exc.code, str(exc))
    if isinstance(exc, NotFoundError):
        return _json(request, 404, "not_found", str(exc))
    if isinstance(exc, DataValidationError):
        details = [asdict(issue) for issue in exc.issues]
        return _json(request, 422, "invalid_data", str(exc.issues[0]), details)
    if isinstance(exc, InvalidParameterError):
        return _json(request, 422, "invalid_parameter", str(exc))
    return _json(request, 400, "error", str(exc))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    details = [
        {"location": [str(p) for p in e.get("loc", ())], "message": str(e.get("msg", ""))}
        for e in errors
    ]
    first = details[0] if details else {"location": [], "message": "invalid request"}
    message = f"{'.'.join(first['location'])}: {first['message']}"
    return _json(request, 422, "validation_error", message, details)


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
    html_not_found = getattr(request.app.state, "html_not_found", None)
    if status == 404 and html_not_found is not None and not request.url.path.startswith("/api/"):
        response: Response = html_not_found(request)
        return response
    headers = getattr(exc, "headers", None)  # e.g. ``Allow`` of a 405
    code = _HTTP_CODES.get(status, "http_error")
    return _json(request, status, code, str(getattr(exc, "detail", "")), headers=headers)


async def _integrity_error(request: Request, exc: Exception) -> JSONResponse:
    # A write raced another one, or a check was missing: the constraint kept the data right.
    # The database's message holds SQL and values: it goes to the log, never to the client.
    logger.warning("request %s: integrity error: %s", request_id(request), exc)
    return _json(
        request,
        409,
        "conflict",
        "The request conflicts with data already stored (a repeated id or name, or a row "
        "another request changed at the same time); nothing was changed.",
    )


async def _data_error(request: Request, exc: Exception) -> JSONResponse:
    # A value the database cannot hold or compare (a NUL character in PostgreSQL text, a number
    # out of its range) that the request's checks let through: the request is at fault, but the
    # database's message (SQL and values) goes to the log only.
    logger.warning("request %s: data error: %s", request_id(request), exc)
    html_not_found = getattr(request.app.state, "html_not_found", None)
    if html_not_found is not None and not request.url.path.startswith("/api/"):
        # Pages only read: what their address names cannot exist.
        response: JSONResponse = html_not_found(request)
        return response
    return _json(
        request,
        422,
        "invalid_parameter",
        "A value of the request cannot be stored or compared by the database (for example a "
        "NUL character, or a number out of range); nothing was changed. Correct the value.",
    )


class RequestIdMiddleware:
    """Give each request an id and answer any unhandled exception with the JSON 500 shape.

    The id (32 hex digits) is stored in ``request.state.request_id`` and sent back in
    ``X-Request-ID``. An exception that no handler took is logged with its traceback and the
    id, and the client gets ``internal_error`` without any detail (if the response had already
    started, the connection is closed instead). A pure ASGI middleware, so that a 500 still
    passes through the middlewares outside it (security headers).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = rid
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER.lower().encode(), rid.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            logger.exception(
                "request %s: unhandled error on %s %s", rid, scope.get("method"), scope.get("path")
            )
            if started:
                raise
            response = JSONResponse(
                error_body("internal_error", _INTERNAL_MESSAGE, None, rid), status_code=500
            )
            await response(scope, receive, send_with_id)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every error into the one JSON shape, and the request-id
    middleware that also answers unexpected errors (500)."""
    app.add_exception_handler(GrappeError, _grappe_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(DataError, _data_error)
    app.add_middleware(RequestIdMiddleware)
