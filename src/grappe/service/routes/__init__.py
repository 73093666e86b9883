"""Routes of the REST API, one module per resource, gathered under ``/api/v1``."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from grappe.service.routes import (
    actors,
    admin,
    assessments,
    clusters,
    countries,
    imports,
    indicators,
    kpis,
    matchmaking,
    member_records,
    members,
    networks,
    programmes,
    regions,
    reports,
    roadmaps,
    support_bodies,
)
from grappe.service.routes._common import refuse_control_characters
from grappe.service.schemas import ErrorPublic

__all__ = ["api_router"]

#: Documented on every operation: the one error shape (it replaces FastAPI's ``{"detail"}``).
_ERRORS: dict[int | str, dict[str, object]] = {
    "4XX": {"model": ErrorPublic, "description": "Refused request (one error shape)"},
    422: {"model": ErrorPublic, "description": "Invalid request or data"},
    "5XX": {"model": ErrorPublic, "description": "Server error (generic message, request id)"},
}

api_router = APIRouter(dependencies=[Depends(refuse_control_characters)], responses=_ERRORS)
for _module in (
    clusters,
    roadmaps,
    regions,
    indicators,
    actors,
    kpis,
    imports,
    admin,
    members,
    member_records,
    assessments,
    matchmaking,
    reports,
    networks,
    support_bodies,
    programmes,
    countries,
):
    api_router.include_router(_module.router)
