"""``/indicators``: the cluster map (region × cluster × year), public read."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from grappe.registry import repositories as repo
from grappe.service.deps import SessionDep
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import IndicatorPublic, ListOf

router = APIRouter(prefix="/indicators", tags=["indicators"])


@router.get("", summary="List indicator snapshots")
def list_indicators(
    session: SessionDep,
    region: Annotated[str | None, Query(max_length=64)] = None,
    cluster: Annotated[str | None, Query(max_length=64, description="Cluster category code.")] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    definitions: Annotated[str | None, Query(max_length=64)] = None,
    strong: bool | None = None,
    order: Literal["key", "lq"] = "key",
    limit: Limit = 100,
    offset: Offset = 0,
) -> ListOf[IndicatorPublic]:
    rows, count = repo.list_indicators(
        session,
        region=region,
        cluster=cluster,
        year=year,
        definitions=definitions,
        strong=strong,
        order=order,
        limit=limit,
        offset=offset,
    )
    return ListOf[IndicatorPublic](
        data=[IndicatorPublic.model_validate(r) for r in rows], count=count
    )
