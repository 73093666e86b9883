"""``/tokens`` and ``/audit``: token management and the audit log (admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from grappe.registry import repositories as repo
from grappe.registry import tokens
from grappe.registry.cluster_entries import audit_query
from grappe.registry.permissions import Access
from grappe.service.deps import Caller, SessionDep, require_role
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import AuditPublic, ListOf, TokenCreate, TokenCreated, TokenPublic

router = APIRouter(tags=["administration"])


@router.post("/tokens", status_code=status.HTTP_201_CREATED, summary="Create an API token")
def post_token(session: SessionDep, token: Caller, body: TokenCreate) -> TokenCreated:
    """The token is returned once, in clear; only its salted scrypt hash is stored."""
    require_role(token)
    secret = tokens.create_token(
        session, body.name, role=body.role, clusters=body.clusters, who=Access.of_token(token)
    )
    return TokenCreated(name=body.name, role=body.role, clusters=body.clusters, token=secret)


@router.get("/tokens", summary="List API tokens (never their secrets)")
def list_tokens(
    session: SessionDep, token: Caller, limit: Limit = 100, offset: Offset = 0
) -> ListOf[TokenPublic]:
    require_role(token)
    rows, count = tokens.list_tokens(session, limit=limit, offset=offset)
    return ListOf[TokenPublic](data=[TokenPublic.model_validate(r) for r in rows], count=count)


@router.delete("/tokens/{name}", status_code=status.HTTP_204_NO_CONTENT, summary="Revoke a token")
def revoke_token(
    session: SessionDep, token: Caller, name: Annotated[str, Path(max_length=100)]
) -> None:
    """The token stops working at once (the row is kept for the audit log)."""
    require_role(token)
    tokens.revoke_token(session, name=name, who=Access.of_token(token))


@router.get("/audit", summary="The audit log, newest first (admins)")
def read_audit(
    session: SessionDep,
    token: Caller,
    resource: Annotated[str | None, Query(max_length=32, description="Kind of record.")] = None,
    resource_id: Annotated[str | None, Query(max_length=300, description="Its key.")] = None,
    import_id: Annotated[
        int | None, Query(ge=1, le=2**31 - 1, description="Changes of one import.")
    ] = None,
    who: Annotated[str | None, Query(max_length=100, description="Token name.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> ListOf[AuditPublic]:
    """Every write with its author (token name, role, id), time, record kind and key, values
    before and after, and the import it came from. Read-only: the log has no write endpoint."""
    require_role(token)
    query = audit_query(resource=resource, resource_id=resource_id, import_id=import_id, who=who)
    rows, count = repo.page(session, query, limit=limit, offset=offset)
    return ListOf[AuditPublic](data=[AuditPublic.model_validate(r) for r in rows], count=count)
