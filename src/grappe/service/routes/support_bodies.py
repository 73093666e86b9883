"""``/support-bodies``: public read of the support bodies of firms (Algeria's support ecosystem),
and their correction by the observatory's admins and analysts (``PATCH /support-bodies/{id}``).

A correction is checked and stored by :func:`grappe.registry.support_bodies.correct_support_body`
(the same checks as the wilaya page's form), audited with the values before and after; rights are
those of :data:`grappe.registry.permissions.RULES` (``support_body``: open data, like regions).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from grappe.registry import repositories as repo
from grappe.registry.models import SupportBody
from grappe.registry.support_bodies import correct_support_body, list_support_bodies
from grappe.service.deps import Caller, SessionDep, ensure_allowed
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import ListOf, Name

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


class SupportBodyUpdate(BaseModel):
    """The fields to correct (the others keep their value): type, name, point (WGS84), wilaya
    of the 69-wilaya division (``7`` or ``"DZ-07"``), commune ONS code (``null``: none)."""

    model_config = ConfigDict(extra="forbid")

    actor_type: Name | None = None
    name: Name | None = None
    lat: Annotated[float, Field(allow_inf_nan=False)] | None = None
    lon: Annotated[float, Field(allow_inf_nan=False)] | None = None
    wilaya_code: int | Annotated[str, StringConstraints(max_length=8)] | None = None
    commune: Annotated[str, StringConstraints(pattern=r"^[0-9]{0,4}$")] | None = None


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


@router.patch("/{body_id}", summary="Correct a support body (admin or analyst)")
def update_support_body(
    session: SessionDep,
    token: Caller,
    body_id: Annotated[str, Path(max_length=200)],
    body: SupportBodyUpdate,
) -> SupportBodyPublic:
    """Admins and analysts. 404 for an unknown id; 422 naming the field for a value the registry
    refuses (an empty type, a point out of range, a wilaya that is not a registry region), or
    for no field at all. Audited with the values before and after."""
    changes = body.model_dump(exclude_unset=True)
    repo.get(session, SupportBody, body_id, what="support body")
    who = ensure_allowed(token, "update", "support_body", body_id, fields=sorted(changes))
    correct_support_body(session, body_id, who=who, **changes)
    return SupportBodyPublic.model_validate(session.get(SupportBody, body_id))
