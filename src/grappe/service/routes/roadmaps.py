"""``/clusters/{id}/roadmap``: a cluster's roadmap, read like its profile, written by admins and
its managers. The body is the mapping of a roadmap YAML file (JSON, or YAML when sent as
``application/yaml``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, status

from grappe.errors import NotFoundError
from grappe.io.files import parse_document
from grappe.registry.roadmaps import (
    delete_roadmap,
    load_roadmap,
    parse_roadmap,
    roadmap_document,
    store_roadmap,
)
from grappe.service.deps import Caller, OptionalCaller, SessionDep, ensure_allowed
from grappe.service.errors import ApiError
from grappe.service.routes.clusters import _visible

router = APIRouter(prefix="/clusters", tags=["roadmaps"])

#: Largest roadmap body accepted, in bytes.
MAX_ROADMAP = 2**20

_EXAMPLE: dict[str, Any] = {
    "cluster": "Automotive Michigan",
    "mode": "bottom_up",
    "deliverables": {"stakeholder_map": "done"},
    "actions": [
        {
            "id": "A1",
            "title": "Kick-off meeting",
            "phase": "mobilise",
            "owner": "GM",
            "budget": 5000,
            "currency": "USD",
            "partners": ["UM"],
            "start": "2024-01-01",
            "end": "2024-03-31",
            "status": "done",
            "milestones": [{"name": "invitations", "date": "2024-01-15", "done": True}],
        }
    ],
}


async def _document(request: Request) -> Any:
    """The request body parsed as JSON, or as YAML when its content type says so."""
    raw = await request.body()
    if len(raw) > MAX_ROADMAP:
        raise ApiError(413, "too_large", f"The roadmap is larger than {MAX_ROADMAP} bytes.")
    is_yaml = "yaml" in request.headers.get("content-type", "")
    # the file readers' parser: the same errors, repeated keys refused, impossible dates kept
    return parse_document(
        raw, name="request body", kind="yaml" if is_yaml else "json", what="roadmap"
    )


@router.get("/{cluster_id}/roadmap", summary="A cluster's roadmap")
def read_roadmap(session: SessionDep, token: OptionalCaller, cluster_id: str) -> dict[str, Any]:
    _visible(session, token, cluster_id, section="roadmap")
    roadmap = load_roadmap(session, cluster_id)
    if roadmap is None:
        raise NotFoundError(f"The cluster {cluster_id!r} has no roadmap yet.")
    return roadmap_document(roadmap)


@router.put(
    "/{cluster_id}/roadmap",
    summary="Store a cluster's roadmap (admin or its manager)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"type": "object"}, "example": _EXAMPLE},
                "application/yaml": {"schema": {"type": "string"}},
            },
        }
    },
)
def put_roadmap(
    session: SessionDep,
    token: Caller,
    cluster_id: str,
    document: Annotated[Any, Depends(_document)],
) -> dict[str, Any]:
    """Replace the roadmap (same shape and rules as a roadmap YAML file); an invalid one
    answers 422 with each problem's row (position of the action, from 1), field and fix, and
    stores nothing."""
    action = "create" if load_roadmap(session, cluster_id) is None else "update"
    who = ensure_allowed(token, action, "roadmap", cluster_id, scope={cluster_id})
    roadmap = parse_roadmap(document, file="request body")
    store_roadmap(session, cluster_id, roadmap, who=who)
    return roadmap_document(roadmap)


@router.delete(
    "/{cluster_id}/roadmap",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a cluster's roadmap (admin or its manager)",
)
def remove_roadmap(session: SessionDep, token: Caller, cluster_id: str) -> None:
    who = ensure_allowed(token, "delete", "roadmap", cluster_id, scope={cluster_id})
    if not delete_roadmap(session, cluster_id, who=who):
        raise NotFoundError(f"The cluster {cluster_id!r} has no roadmap.")
