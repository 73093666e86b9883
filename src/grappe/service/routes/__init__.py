"""Routes of the REST API, one module per resource, gathered under ``/api/v1``."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from grappe.service.routes import (
    actors,
    admin,
    clusters,
    imports,
    indicators,
    kpis,
    regions,
    roadmaps,
)
from grappe.service.routes._common import refuse_control_characters

__all__ = ["api_router"]

api_router = APIRouter(dependencies=[Depends(refuse_control_characters)])
for _module in (clusters, roadmaps, regions, indicators, actors, kpis, imports, admin):
    api_router.include_router(_module.router)
