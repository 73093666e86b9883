"""The one error handler and the one JSON error shape of the API.

Every error response reads ``{"error": {"code": ..., "message": ..., "details": ...}}``:
``code`` is a stable machine name (``not_found``, ``invalid_parameter``, ``invalid_data``,
``unauthorized``, ``forbidden``, ``validation_error``, ``http_error``), ``details`` a list (the
row-by-row report of a failed import, the fields of a bad request) or null.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from grappe.errors import DataValidationError, GrappeError, InvalidParameterError, NotFoundError

__all__ = ["ApiError", "error_body", "install_error_handlers"]


class ApiError(GrappeError):
    """An error with an HTTP status and a code (authentication, permissions)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    """The JSON error shape.

    Examples
    --------
    >>> error_body("not_found", "No cluster with id 'x'.")
    {'error': {'code': 'not_found', 'message': "No cluster with id 'x'.", 'details': None}}
    """
    return {"error": {"code": code, "message": message, "details": details}}


def _json(status: int, code: str, message: str, details: Any = None) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


async def _grappe_error(_request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, ApiError):
        return _json(exc.status, exc.code, str(exc))
    if isinstance(exc, NotFoundError):
        return _json(404, "not_found", str(exc))
    if isinstance(exc, DataValidationError):
        details = [asdict(issue) for issue in exc.issues]
        return _json(422, "invalid_data", str(exc.issues[0]), details)
    if isinstance(exc, InvalidParameterError):
        return _json(422, "invalid_parameter", str(exc))
    return _json(400, "error", str(exc))


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    details = [
        {"location": [str(p) for p in e.get("loc", ())], "message": str(e.get("msg", ""))}
        for e in errors
    ]
    first = details[0] if details else {"location": [], "message": "invalid request"}
    message = f"{'.'.join(first['location'])}: {first['message']}"
    return _json(422, "validation_error", message, details)


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
    html_not_found = getattr(request.app.state, "html_not_found", None)
    if status == 404 and html_not_found is not None and not request.url.path.startswith("/api/"):
        response: Response = html_not_found(request)
        return response
    code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized"}.get(
        status, "http_error"
    )
    return _json(status, code, str(getattr(exc, "detail", "")))


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every error into the one JSON shape."""
    app.add_exception_handler(GrappeError, _grappe_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
