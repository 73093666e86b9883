"""Typed dependencies of the routes: the database session and the caller's token."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker

from grappe.registry.models import ApiToken
from grappe.registry.tokens import verify_token
from grappe.service.errors import ApiError
from grappe.service.settings import Settings

__all__ = [
    "Caller",
    "OptionalCaller",
    "SessionDep",
    "SettingsDep",
    "can_edit_cluster",
    "get_session",
    "require_role",
]

_bearer = HTTPBearer(auto_error=False, description="API token `grp_<prefix>_<secret>`")


def get_session(request: Request) -> Iterator[Session]:
    """One session and one transaction per request: committed on success, rolled back on error."""
    factory: sessionmaker[Session] = request.app.state.sessions
    with factory() as session, session.begin():
        yield session


def get_settings(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def optional_caller(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> ApiToken | None:
    """The caller's token, None for anonymous callers; a wrong token is an error."""
    if credentials is None:
        return None
    # Checked tokens are remembered by their SHA-256 (in memory only) so that a client's
    # every request does not pay for scrypt; a revoked or replaced row is checked again.
    cache: dict[str, tuple[int, str]] = request.app.state.token_cache
    digest = hashlib.sha256(credentials.credentials.encode()).hexdigest()
    known = cache.get(digest)
    if known is not None:
        row = session.get(ApiToken, known[0])
        if row is not None and not row.revoked and row.hash == known[1]:
            return row
        cache.pop(digest, None)
    token = verify_token(session, credentials.credentials)
    if token is None:
        raise ApiError(401, "unauthorized", "The API token is unknown, revoked or wrong.")
    cache[digest] = (token.id, token.hash)
    return token


OptionalCaller = Annotated[ApiToken | None, Depends(optional_caller)]


def caller(token: OptionalCaller) -> ApiToken:
    """The caller's token; anonymous callers may not write nor read restricted data."""
    if token is None:
        raise ApiError(
            401,
            "unauthorized",
            "This request writes or reads restricted data: send an API token "
            "(Authorization: Bearer).",
        )
    return token


Caller = Annotated[ApiToken, Depends(caller)]


def require_role(token: ApiToken, *roles: str) -> None:
    """Raise 403 unless the token has one of ``roles`` (admin always passes)."""
    if token.role != "admin" and token.role not in roles:
        raise ApiError(
            403,
            "forbidden",
            f"The token {token.name!r} has the role {token.role!r}; this needs "
            f"{' or '.join(('admin', *roles))}.",
        )


def can_edit_cluster(token: ApiToken, cluster_id: str) -> None:
    """Raise 403 unless the token is an admin or a manager of ``cluster_id``."""
    if token.role == "admin":
        return
    if token.role == "manager" and cluster_id in token.cluster_ids:
        return
    raise ApiError(
        403, "forbidden", f"The token {token.name!r} may not edit the cluster {cluster_id!r}."
    )
