"""``/clusters/<id>/reports``: build the cluster's diagnostic report (languages, formats) as a
background job, follow its progress, download its files; the earlier reports listed.

The job is the API's (``POST /api/v1/clusters/<id>/reports``): the same three functions of
:mod:`grappe.registry.reports`, :func:`~grappe.registry.reports.report_inputs` (what the report
needs, checked before anything is queued), :func:`~grappe.registry.reports.queue_report` (the
row, audited) and :func:`~grappe.registry.reports.build_cluster_report` run after the answer
(``BackgroundTasks``), which writes its progress (``done`` of ``total`` steps) in the report's
row. The page refreshes itself (``<meta http-equiv="refresh">``, no script) while a report is
being built.

Rights: building is :func:`grappe.registry.permissions.refusal` for ``report`` (admins and the
cluster's managers); the page and the downloads are for admins, analysts and the cluster's
managers (:data:`READERS`) — never the public nor members: a report holds the network diagnosis
drawn from the interviews.
"""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError, NotFoundError
from grappe.registry import reports as rep
from grappe.registry.models import Cluster, ReportFile, StoredReport
from grappe.registry.permissions import refusal
from grappe.reports.findings import in_language
from grappe.reports.i18n import LANGS
from grappe.vocabulary import ROLES
from grappe.web.auth import SignedIn, visitor
from grappe.web.i18n import ENDONYMS, translations
from grappe.web.render import language, page
from grappe.web.views._common import N_, RowId, not_found
from grappe.web.views._forms import (
    ClusterWork,
    cluster_context,
    cluster_form,
    cluster_work,
)

router = APIRouter(include_in_schema=False)

FileName = Annotated[str, Path(pattern=r"^(fr|ar|en)\.(html|pdf)$")]

#: Roles that may open the page and download the reports (a manager: of that cluster only): the
#: API's token roles, never a member.
READERS: tuple[str, ...] = ROLES
#: Seconds between two refreshes of the page while a report is being built.
REFRESH = 2
#: A report queued or running for longer is taken as interrupted (a restart loses the job):
#: the page stops refreshing for it.
STALLED_AFTER = dt.timedelta(minutes=30)

_MEDIA = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}
_FORMAT_NAMES = {"html": "HTML", "pdf": "PDF"}
_STATUS = {
    "queued": N_("Waiting"),
    "running": N_("Being built"),
    "succeeded": N_("Ready"),
    "failed": N_("Failed"),
}
_ERRORS = {
    "languages": N_("Choose at least one language."),
    "formats": N_("Choose at least one format."),
    "programmes": N_("Tick programmes the cluster is enrolled in (none: every programme)."),
    "nothing": N_(
        "There is nothing to report on yet: this cluster has no indicators of its sector in its "
        "region and no stored assessment, SWOT or network diagnosis. Score a questionnaire or "
        "draft the SWOT first, or ask an admin or an analyst to import its indicators."
    ),
}


def _readable_cluster(request: Request, cluster_id: str) -> AbstractContextManager[ClusterWork]:
    """The work on a cluster whose reports the visitor may see; otherwise the sign-in page,
    404 or 403."""

    def may(_db: Session, user: SignedIn) -> bool:
        return user.role in READERS and (user.role != "manager" or cluster_id in user.clusters)

    return cluster_work(request, cluster_id, may=may)


def _utc(moment: dt.datetime) -> dt.datetime:
    # SQLite gives the stored UTC moments back without their zone.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _being_built(row: StoredReport, now: dt.datetime) -> bool:
    return row.status in ("queued", "running") and now - _utc(row.created_at) < STALLED_AFTER


def _report_view(
    row: StoredReport, files: list[tuple[str, str]], lang: str, now: dt.datetime
) -> dict[str, Any]:
    _ = translations(lang).gettext
    return {
        "id": row.id,
        "day": _utc(row.created_at).date(),
        "by": row.created_by,
        "languages": [ENDONYMS[code] for code in row.languages],
        "formats": [_FORMAT_NAMES[f] for f in row.formats],
        "status": row.status,
        "status_text": _(_STATUS[row.status]),
        "done": row.done,
        "total": row.total,
        "building": _being_built(row, now),
        "errors": row.errors or [],
        "files": [
            (f"{code}.{fmt}", f"{ENDONYMS[code]} · {_FORMAT_NAMES[fmt]}", code)
            for code, fmt in sorted(files, key=lambda f: (LANGS.index(f[0]), f[1]))
        ],
    }


def _reports_page(
    request: Request, db: Session, cluster: Cluster, *, values: dict[str, list[str]] | None = None,
    errors: dict[str, str] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    lang = language(request)
    _ = translations(lang).gettext
    user = visitor(request).user
    may_build = (
        user is not None
        and refusal(user.access, "create", "report", cluster.id, scope={cluster.id}) is None
    )
    now = dt.datetime.now(dt.UTC)
    rows = rep.list_reports(db, cluster.id)
    # The files' names only: ``row.files`` would read every file's bytes from the database.
    files: dict[int, list[tuple[str, str]]] = {}
    for report_id, code, fmt in db.execute(
        select(ReportFile.report_id, ReportFile.lang, ReportFile.format).where(
            ReportFile.report_id.in_([r.id for r in rows])
        )
    ):
        files.setdefault(report_id, []).append((code, fmt))
    reports = [_report_view(r, files.get(r.id, []), lang, now) for r in rows]
    chosen = values or {"languages": [lang], "formats": ["html"]}
    programme_choices = _programme_choices(db, cluster.id, lang)
    chosen.setdefault("programmes", [key for key, _text in programme_choices])
    return page(
        request,
        "reports.html",
        {**cluster_context(request, cluster),
         "may_build": may_build, "reports": reports,
         "refresh": REFRESH if any(r["building"] for r in reports) else None,
         "language_choices": [(code, ENDONYMS[code]) for code in LANGS],
         "format_choices": list(_FORMAT_NAMES.items()), "chosen": chosen,
         "programme_choices": programme_choices,
         "errors": {k: _(m) for k, m in (errors or {}).items()},
         "asked": request.query_params.get("report", "")},
        status=status,
    )  # fmt: skip


def _programme_choices(db: Session, cluster_id: str, lang: str) -> list[tuple[str, str]]:
    """The programmes the cluster is enrolled in (key, name in ``lang``), in the report's order
    (:func:`grappe.registry.reports.stored_programme_statuses`), one per programme."""
    _ = translations(lang).gettext
    seen: dict[str, str] = {}
    for status in rep.stored_programme_statuses(db, cluster_id):
        if status.key is not None and status.key not in seen:
            name = in_language(status.programme, lang) if status.programme else status.key
            # outside the f-string: pybabel does not extract a call inside one
            word = _("ended")
            ended = f" ({word})" if status.ended else ""
            seen[status.key] = f"{name}{ended}"
    return list(seen.items())


@router.get("/clusters/{cluster_id}/reports", response_class=HTMLResponse)
def reports_page(request: Request, cluster_id: str) -> Response:
    with _readable_cluster(request, cluster_id) as work:
        return _reports_page(request, work.db, work.cluster)


@router.post("/clusters/{cluster_id}/reports", response_class=HTMLResponse)
async def build_report(request: Request, background: BackgroundTasks, cluster_id: str) -> Response:
    """Check that the registry holds what the report needs, queue the report and build it after
    the answer; the page then follows its progress."""
    form = await request.form()
    values = {
        "languages": [str(v) for v in form.getlist("languages")],
        "formats": [str(v) for v in form.getlist("formats")],
    }
    # The programmes to show (none ticked: every programme the cluster is enrolled in).
    programmes = [str(v) for v in form.getlist("programmes")]
    with cluster_form(request, cluster_id, kind="report", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        allowed = {"languages": LANGS, "formats": rep.FORMATS}
        errors = {
            key: _ERRORS[key]
            for key, chosen in values.items()
            if not chosen or any(v not in allowed[key] for v in chosen)
        }
        if not errors:
            try:
                inputs = rep.report_inputs(db, cluster_id, programmes=programmes)
            except InvalidParameterError:  # neither indicators nor any stored result
                errors["report"] = _ERRORS["nothing"]
            except NotFoundError:  # a programme the cluster left meanwhile (or a forged form)
                errors["programmes"] = _ERRORS["programmes"]
        if errors:
            values["programmes"] = programmes
            return _reports_page(request, db, cluster, values=values, errors=errors, status=400)
        row = rep.queue_report(db, cluster_id, **values, who=work.access)
        db.commit()  # before the job starts: it reads the row in its own sessions
        report_id = row.id
    background.add_task(rep.build_cluster_report, request.app.state.sessions, report_id, inputs)
    return RedirectResponse(f"/clusters/{cluster_id}/reports?report={report_id}", status_code=303)


@router.get("/clusters/{cluster_id}/reports/{report_id}/{filename}")
def download_report(
    request: Request, cluster_id: str, report_id: RowId, filename: FileName
) -> Response:
    """A report's file, as an attachment (for the page's readers only)."""
    with _readable_cluster(request, cluster_id) as work:
        db = work.db
        try:
            rep.get_report(db, cluster_id, report_id)
        except NotFoundError:
            return not_found(request)
        code, fmt = filename.split(".")
        file = db.get(ReportFile, (report_id, code, fmt))  # this file's bytes only
        if file is None:
            return not_found(request)
        return Response(
            file.content,
            media_type=_MEDIA[fmt],
            headers={
                "Content-Disposition": (
                    f'attachment; filename="report_{cluster_id}_{report_id}_{filename}"'
                ),
                "ETag": f'"{file.sha256}"',
            },
        )
