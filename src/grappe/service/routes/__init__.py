"""Routes of the REST API, one module per resource, gathered under ``/api/v1``."""

from __future__ import annotations

from fastapi import APIRouter

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

__all__ = ["api_router"]

api_router = APIRouter()
for _module in (clusters, roadmaps, regions, indicators, actors, kpis, imports, admin):
    api_router.include_router(_module.router)
