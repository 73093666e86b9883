"""What every form of the workspace does first: open a database session, and find the cluster
the signed-in user may write records of (the API's rules,
:func:`grappe.registry.permissions.refusal`)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from grappe.registry.models import Cluster
from grappe.registry.permissions import refusal
from grappe.web.auth import forbidden, to_login, visitor
from grappe.web.views._common import not_found

__all__ = ["open_session", "writable_cluster"]


def open_session(request: Request) -> Session:
    """A new session of the app's registry (use it in a ``with`` block; commit to keep)."""
    session: Session = request.app.state.sessions()
    return session


def writable_cluster(
    request: Request, db: Session, cluster_id: str, *, kind: str, key: str = "(new)"
) -> Cluster | Response:
    """The cluster when the visitor may create ``kind`` records in it; otherwise the page to
    answer with: the sign-in page (anonymous), 404 (no such cluster) or 403 (refused)."""
    user = visitor(request).user
    if user is None:
        return to_login(request)
    cluster = db.get(Cluster, cluster_id)
    if cluster is None:
        return not_found(request)
    if refusal(user.access, "create", kind, key, scope={cluster_id}) is not None:
        return forbidden(request)
    return cluster
