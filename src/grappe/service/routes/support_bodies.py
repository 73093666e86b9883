"""``/support-bodies``: public read of the support bodies of firms (Algeria's support ecosystem)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict

from grappe.registry.support_bodies import list_support_bodies
from grappe.service.deps import SessionDep
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import ListOf

router = APIRouter(prefix="/support-bodies", tags=["support bodies"])


class SupportBodyPublic(BaseModel):
    """One branch or office: type, name, point (WGS84), wilaya of the 69-wilaya division,
    commune ONS code, source file and licence."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    actor_type: str
    name: str
    lat: float
    lon: float
    wilaya_id: str
    commune: str | None
    source_file: str
    licence: str


@router.get("", summary="List support bodies")
def read_support_bodies(
    session: SessionDep,
    wilaya: Annotated[
        str | None,
        Query(max_length=64, description="A wilaya of the 69-wilaya division, e.g. DZ-07."),
    ] = None,
    type: Annotated[  # noqa: A002 - the query parameter is named ``type`` in the API
        list[str] | None,
        Query(max_length=64, description="Types or families (anade, banks, banks/bna); repeat."),
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> ListOf[SupportBodyPublic]:
    rows, count = list_support_bodies(
        session, wilaya=wilaya, types=type, limit=limit, offset=offset
    )
    return ListOf[SupportBodyPublic](
        data=[SupportBodyPublic.model_validate(r) for r in rows], count=count
    )
