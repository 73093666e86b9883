"""``/imports``: upload a file, validated row by row, written all or nothing (analysts)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Path, UploadFile, status
from sqlalchemy import select

from grappe.registry import repositories as repo
from grappe.registry.imports import import_table
from grappe.registry.models import ImportJob
from grappe.service.deps import Caller, SessionDep, require_role
from grappe.service.errors import ApiError
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import ImportPublic, ImportResult, ListOf

router = APIRouter(prefix="/imports", tags=["imports"])

#: Largest upload accepted, in bytes.
MAX_UPLOAD = 50 * 2**20


@router.post("", status_code=status.HTTP_201_CREATED, summary="Import a CSV file (analyst)")
def create_import(
    session: SessionDep,
    token: Caller,
    kind: Annotated[Literal["regions", "clusters", "indicators", "actors", "ties"], Form()],
    file: Annotated[UploadFile, File(description="CSV, UTF-8, header line first.")],
    definitions: Annotated[str, Form(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")] = "custom",
) -> ImportResult:
    """Validate the whole file; on any invalid row answer 422 with the row-by-row report
    (``error.details``: file, row, column, message, fix) and write nothing."""
    require_role(token, "analyst")
    data = file.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise ApiError(413, "too_large", f"The file is larger than {MAX_UPLOAD} bytes.")
    report = import_table(
        session,
        data,
        kind=kind,
        filename=file.filename or "upload.csv",
        who=token.name,
        definitions=definitions,
    )
    return ImportResult(**report.__dict__)


@router.get("", summary="List import jobs")
def list_imports(
    session: SessionDep, token: Caller, limit: Limit = 50, offset: Offset = 0
) -> ListOf[ImportPublic]:
    require_role(token, "analyst")
    rows, count = repo.page(
        session, select(ImportJob).order_by(ImportJob.id.desc()), limit=limit, offset=offset
    )
    return ListOf[ImportPublic](data=[ImportPublic.model_validate(r) for r in rows], count=count)


@router.get("/{job_id}", summary="One import job")
def read_import(
    session: SessionDep, token: Caller, job_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> ImportPublic:
    require_role(token, "analyst")
    return ImportPublic.model_validate(repo.get(session, ImportJob, job_id, what="import job"))
