"""``/indicators``: the cluster map (region × cluster × year), public read."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from sqlalchemy.orm import Session

from grappe.registry import repositories as repo
from grappe.service.deps import SessionDep
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import IndicatorPublic, ListOf

router = APIRouter(prefix="/indicators", tags=["indicators"])


@router.get("", summary="List indicator snapshots", response_model=ListOf[IndicatorPublic])
def list_indicators(
    session: SessionDep,
    region: Annotated[str | None, Query(max_length=64)] = None,
    cluster: Annotated[
        str | None, Query(max_length=64, description="Cluster category code.")
    ] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    definitions: Annotated[str | None, Query(max_length=64)] = None,
    strong: bool | None = None,
    measure: Literal["employment", "establishments", "payroll"] | None = None,
    order: Literal["key", "lq"] = "key",
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Public and the same for every caller: answers are kept in memory until the next write."""
    key = (
        str(session.get_bind().engine.url),
        repo.registry_version(session),
        region, cluster, year, definitions, strong, measure, order, limit, offset,
    )  # fmt: skip
    body = _CACHE.get(key)
    if body is None:
        body = _page(
            session, region, cluster, year, definitions, strong, measure, order, limit, offset
        )
        if len(_CACHE) > 2048:
            _CACHE.clear()
        _CACHE[key] = body
    return Response(body, media_type="application/json")


_CACHE: dict[tuple[object, ...], bytes] = {}


def _page(
    session: Session,
    region: str | None,
    cluster: str | None,
    year: int | None,
    definitions: str | None,
    strong: bool | None,
    measure: str | None,
    order: str,
    limit: int,
    offset: int,
) -> bytes:
    rows, count = repo.list_indicators(
        session,
        region=region,
        cluster=cluster,
        year=year,
        definitions=definitions,
        strong=strong,
        measure=measure,
        order=order,
        limit=limit,
        offset=offset,
    )
    page = ListOf[IndicatorPublic](
        data=[IndicatorPublic.model_validate(r) for r in rows], count=count
    )
    return page.model_dump_json().encode()
