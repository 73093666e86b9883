"""``/imports``: upload a file, validated row by row, then written all or nothing as a job."""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from fastapi import APIRouter, BackgroundTasks, File, Form, Request, UploadFile, status
from sqlalchemy import select

from grappe.registry import repositories as repo
from grappe.registry.database import session_scope
from grappe.registry.import_changes import RECORD_KIND
from grappe.registry.imports import check_table
from grappe.registry.models import ApiToken, ImportJob
from grappe.registry.permissions import Access, kind_refusal
from grappe.service.deps import Caller, SessionDep
from grappe.service.errors import ApiError
from grappe.service.jobs import JobBoard, JobProgress, run_import
from grappe.service.routes._common import Limit, Offset
from grappe.service.schemas import ImportPublic, ListOf, RowId

router = APIRouter(prefix="/imports", tags=["imports"])

#: Largest upload accepted, in bytes.
MAX_UPLOAD = 50 * 2**20


def _board(request: Request) -> JobBoard:
    board: JobBoard = request.app.state.import_jobs
    return board


def _public(job: ImportJob, board: JobBoard) -> ImportPublic:
    live = board.get(job.id)
    if job.status in ("succeeded", "failed") or live is None:
        done = job.rows if job.status == "succeeded" else 0
        live = JobProgress(status=job.status, done=done, total=job.rows)
    return ImportPublic(
        id=job.id,
        kind=job.kind,
        filename=job.filename,
        sha256=job.sha256,
        status=live.status,  # type: ignore[arg-type]
        rows=job.rows,
        inserted=job.inserted,
        updated=job.updated,
        unchanged=job.rows - job.inserted - job.updated if job.status == "succeeded" else 0,
        done=live.done,
        total=live.total,
        percent=live.percent,
        errors=job.errors,
        created_by=job.created_by,
        created_at=job.created_at,
    )


def _may_follow(token: ApiToken, job: ImportJob) -> None:
    """Admins and analysts follow every import; a manager, its own."""
    if token.role == "manager" and job.created_by != token.name:
        raise ApiError(
            403, "forbidden", f"The token {token.name!r} may follow only its own imports."
        )


@router.post("", status_code=status.HTTP_202_ACCEPTED, summary="Import a CSV file as a job")
def create_import(
    request: Request,
    background: BackgroundTasks,
    session: SessionDep,
    token: Caller,
    kind: Annotated[Literal["regions", "clusters", "indicators", "actors", "ties"], Form()],
    file: Annotated[UploadFile, File(description="CSV, UTF-8, header line first.")],
    definitions: Annotated[str, Form(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")] = "custom",
) -> ImportPublic:
    """Validate the whole file; on any invalid row, or any row that creates or changes what
    the token could not create or change through the API, answer 422 with the row-by-row report
    (``error.details``: file, row, column, message, fix) and write nothing. A kind of record the
    token may never write (regions or indicators for a manager; clusters, actors or ties for an
    analyst) is refused at once (403). A valid file is queued: the answer (202) is the job, to
    follow with ``GET /imports/{id}``; the rows are written in the background in one
    transaction, which checks them again."""
    access = Access.of_token(token)
    refused = kind_refusal(access, RECORD_KIND[kind])
    if refused is not None:
        raise ApiError(403, "forbidden", f"The token {token.name!r}: {refused}.")
    data = file.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise ApiError(413, "too_large", f"The file is larger than {MAX_UPLOAD} bytes.")
    filename = file.filename or "upload.csv"
    rows = check_table(
        session, data, kind=kind, filename=filename, definitions=definitions, who=access
    )
    # The job row is committed at once, in its own transaction, so that the background writer
    # (another connection) finds it whatever the request's session does afterwards.
    with session_scope(request.app.state.sessions) as own:
        job = ImportJob(
            kind=kind,
            filename=filename,
            sha256=hashlib.sha256(data).hexdigest(),
            status="queued",
            rows=rows,
            inserted=0,
            updated=0,
            created_by=token.name,
        )
        own.add(job)
        own.flush()
        board = _board(request)
        board.set(job.id, JobProgress(status="queued", done=0, total=rows))
        answer = _public(job, board)
    background.add_task(
        run_import,
        request.app.state.sessions,
        board,
        job.id,
        data,
        kind=kind,
        filename=filename,
        who=access,
        definitions=definitions,
    )
    return answer


@router.get("", summary="List import jobs (a manager's: its own)")
def list_imports(
    request: Request, session: SessionDep, token: Caller, limit: Limit = 50, offset: Offset = 0
) -> ListOf[ImportPublic]:
    query = select(ImportJob).order_by(ImportJob.id.desc())
    if token.role == "manager":
        query = query.where(ImportJob.created_by == token.name)
    rows, count = repo.page(session, query, limit=limit, offset=offset)
    board = _board(request)
    return ListOf[ImportPublic](data=[_public(r, board) for r in rows], count=count)


@router.get("/{job_id}", summary="One import job: status and progress")
def read_import(
    request: Request,
    session: SessionDep,
    token: Caller,
    job_id: RowId,
) -> ImportPublic:
    job = repo.get(session, ImportJob, job_id, what="import job")
    _may_follow(token, job)
    return _public(job, _board(request))
