"""``/regions``: public read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from grappe.registry import repositories as repo
from grappe.registry.models import Region
from grappe.service.deps import SessionDep
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import ListOf, RegionPublic

router = APIRouter(prefix="/regions", tags=["regions"])


@router.get("", summary="List regions")
def list_regions(
    session: SessionDep,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> ListOf[RegionPublic]:
    rows, count = repo.list_regions(session, country=country, q=q, limit=limit, offset=offset)
    return ListOf[RegionPublic](data=[RegionPublic.model_validate(r) for r in rows], count=count)


@router.get("/{region_id}", summary="One region")
def read_region(session: SessionDep, region_id: str) -> RegionPublic:
    return RegionPublic.model_validate(repo.get(session, Region, region_id, what="region"))
