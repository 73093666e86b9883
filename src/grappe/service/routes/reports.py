"""``/clusters/{id}/reports``: build a cluster's diagnostic report from the registry as a job,
follow it, list the reports, download their files.

Reports are read like the cluster's profile (public when it is published); building and deleting
them is for admins and the cluster's managers. The files are stored in the database (see
:mod:`grappe.registry.reports`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Path, Request, Response, status

from grappe.errors import NotFoundError
from grappe.registry import reports as rep
from grappe.registry.database import session_scope
from grappe.registry.models import StoredReport
from grappe.service.deps import Caller, OptionalCaller, SessionDep, ensure_allowed
from grappe.service.routes.clusters import _visible
from grappe.service.schemas import ListOf, ReportCreate, ReportFilePublic, ReportPublic, RowId

router = APIRouter(prefix="/clusters", tags=["reports"])

FileName = Annotated[
    str, Path(pattern=r"^(fr|ar|en)\.(html|pdf)$", description="``{lang}.{format}``, e.g. fr.pdf")
]
_MEDIA = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


def _public(row: StoredReport) -> ReportPublic:
    base = f"/api/v1/clusters/{row.cluster_id}/reports/{row.id}"
    return ReportPublic(
        id=row.id,
        cluster_id=row.cluster_id,
        status=row.status,  # type: ignore[arg-type]
        languages=row.languages,
        formats=row.formats,
        done=row.done,
        total=row.total,
        percent=100.0 if not row.total else round(100.0 * row.done / row.total, 1),
        errors=row.errors,
        created_by=row.created_by,
        created_at=row.created_at,
        finished_at=row.finished_at,
        files=[
            ReportFilePublic(
                lang=f.lang,
                format=f.format,
                sha256=f.sha256,
                size=f.size,
                url=f"{base}/{f.lang}.{f.format}",
            )
            for f in row.files
        ],
    )


@router.post(
    "/{cluster_id}/reports",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Build the cluster's report as a job (admin or the cluster's manager)",
)
def create_report(
    request: Request,
    background: BackgroundTasks,
    session: SessionDep,
    token: Caller,
    cluster_id: str,
    body: ReportCreate | None = None,
) -> ReportPublic:
    """Check that the registry holds what the report needs (the cluster's sector, region and
    indicators: 422 otherwise), queue the job and answer 202 with it; follow it with
    ``GET /clusters/{id}/reports/{rid}`` (``done`` of ``total`` steps)."""
    body = body or ReportCreate()
    who = ensure_allowed(token, "create", "report", cluster_id, scope={cluster_id})
    inputs = rep.report_inputs(session, cluster_id)
    # Committed at once, in its own transaction, so that the background job finds it.
    with session_scope(request.app.state.sessions) as own:
        row = rep.queue_report(
            own, cluster_id, languages=body.languages, formats=body.formats, who=who
        )
        answer = _public(row)
    background.add_task(rep.build_cluster_report, request.app.state.sessions, answer.id, inputs)
    return answer


@router.get("/{cluster_id}/reports", summary="A cluster's reports, newest first")
def list_reports(
    session: SessionDep, token: OptionalCaller, cluster_id: str
) -> ListOf[ReportPublic]:
    _visible(session, token, cluster_id, section="reports")
    rows = rep.list_reports(session, cluster_id)
    return ListOf[ReportPublic](data=[_public(r) for r in rows], count=len(rows))


@router.get("/{cluster_id}/reports/{report_id}", summary="One report: status, progress, files")
def read_report(
    session: SessionDep, token: OptionalCaller, cluster_id: str, report_id: RowId
) -> ReportPublic:
    _visible(session, token, cluster_id, section="reports")
    return _public(rep.get_report(session, cluster_id, report_id))


@router.get(
    "/{cluster_id}/reports/{report_id}/{filename}",
    summary="Download a report's file",
    response_class=Response,
    responses={200: {"content": {"text/html": {}, "application/pdf": {}}}},
)
def download_report(
    session: SessionDep,
    token: OptionalCaller,
    cluster_id: str,
    report_id: RowId,
    filename: FileName,
) -> Response:
    _visible(session, token, cluster_id, section="reports")
    row = rep.get_report(session, cluster_id, report_id)
    lang, fmt = filename.split(".")
    found = [f for f in row.files if f.lang == lang and f.format == fmt]
    if not found:
        raise NotFoundError(
            f"The report {report_id} of {cluster_id!r} has no file {filename!r} "
            f"(status {row.status}; files: {[f'{f.lang}.{f.format}' for f in row.files]})."
        )
    name = f"report_{cluster_id}_{report_id}_{filename}"
    return Response(
        found[0].content,
        media_type=_MEDIA[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "ETag": f'"{found[0].sha256}"',
        },
    )


@router.delete(
    "/{cluster_id}/reports/{report_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a report and its files (admin or the cluster's manager)",
)
def delete_report(session: SessionDep, token: Caller, cluster_id: str, report_id: RowId) -> None:
    who = ensure_allowed(token, "delete", "report", f"{cluster_id}/{report_id}", scope={cluster_id})
    rep.delete_report(session, cluster_id, report_id, who=who)
