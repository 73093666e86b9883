"""``/tokens`` and ``/audit``: token management and the audit log (admins)."""

from __future__ import annotations

from fastapi import APIRouter, status
from sqlalchemy import select

from grappe.registry import repositories as repo
from grappe.registry.models import AuditEntry
from grappe.registry.tokens import create_token
from grappe.service.deps import Caller, SessionDep, require_role
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import AuditPublic, ListOf, TokenCreate, TokenCreated

router = APIRouter(tags=["administration"])


@router.post("/tokens", status_code=status.HTTP_201_CREATED, summary="Create an API token")
def post_token(session: SessionDep, token: Caller, body: TokenCreate) -> TokenCreated:
    """The token is returned once, in clear; only its salted scrypt hash is stored."""
    require_role(token)
    secret = create_token(session, body.name, role=body.role, clusters=body.clusters)
    repo.audit(
        session,
        token.name,
        "create",
        "token",
        body.name,
        {"role": body.role, "clusters": ",".join(body.clusters)},
    )
    return TokenCreated(name=body.name, role=body.role, clusters=body.clusters, token=secret)


@router.get("/audit", summary="The audit log, newest first")
def read_audit(
    session: SessionDep, token: Caller, limit: Limit = 100, offset: Offset = 0
) -> ListOf[AuditPublic]:
    require_role(token)
    rows, count = repo.page(
        session, select(AuditEntry).order_by(AuditEntry.id.desc()), limit=limit, offset=offset
    )
    return ListOf[AuditPublic](data=[AuditPublic.model_validate(r) for r in rows], count=count)
