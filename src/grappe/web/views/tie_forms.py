"""``/clusters/<id>/ties`` (a wave's ties, "Record a tie", delete a tie) and
``/clusters/<id>/ties/upload`` (an interview grid previewed, then stored all or nothing).

Values are checked and stored by the registry (:mod:`grappe.registry.tie_entries`,
:func:`grappe.registry.networks.store_network`, :func:`grappe.registry.network_edits.delete_tie`)
with the network kernel's rules and messages; rights are
:func:`grappe.registry.permissions.refusal` for ``tie`` (admins, the cluster's managers).

The upload (CSV, or an ``.xlsx`` workbook: its ``ties``/``actors`` sheet or its first) is read
once, by :func:`grappe.io.network.read_network_bytes` (as ``POST
/api/v1/clusters/{id}/network/files``); the network it gives is kept in this process for
:data:`PENDING_TTL` under a random id bound to the user's session, and "Store" stores that very
object: what is stored is what was previewed (same pseudonyms even without a configured salt),
and the file is not posted twice. A restart or another worker process loses it (the preview
says to upload again).
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pandas as pd
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    PermissionDeniedError,
)
from grappe.io.network import read_network_bytes
from grappe.network.model import ActorNetwork
from grappe.registry import network_edits
from grappe.registry.models import Cluster, Tie
from grappe.registry.networks import ORIGINS, store_network
from grappe.registry.tie_entries import (
    TIE_ENTRY_FIELDS,
    WAVE_LABEL,
    cluster_actors,
    record_tie,
    wave_ties,
    waves_of,
)
from grappe.vocabulary import TIE_TYPES
from grappe.web.auth import forbidden, visitor
from grappe.web.i18n import translations
from grappe.web.render import language, page
from grappe.web.views._common import N_, RowId, not_found
from grappe.web.views._forms import cluster_context, cluster_form, hinted_errors

router = APIRouter(include_in_schema=False)


_TYPE_LABELS = {
    "information": N_("Information"),
    "advice": N_("Technical advice"),
    "cooperation": N_("Cooperation on projects"),
    "subcontracting": N_("Subcontracting"),
    "funding": N_("Funding"),
    "training": N_("Training"),
    "trust": N_("Trust"),
}
_STRENGTH_LABELS = {"1": N_("1 – weak"), "2": N_("2 – medium"), "3": N_("3 – strong")}
_ORIGIN_LABELS = {
    "interview": N_("Interview"),
    "questionnaire": N_("Questionnaire"),
    "document": N_("Document"),
    "edge list": N_("Edge list"),
    "matrix": N_("Matrix"),
    "other": N_("Other"),
}
#: The files the upload reads (grappe.io.files.read_table_bytes): CSV text or an Excel workbook.
_ACCEPT = ".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Largest uploaded file, in bytes (the API's limit).
MAX_UPLOAD = 20 * 2**20
#: How long a previewed upload waits for "Store", in seconds.
PENDING_TTL = 30 * 60
_PENDING_MAX = 64


@dataclass(frozen=True)
class _Pending:
    session: str
    user: int
    cluster: str
    network: ActorNetwork
    wave: str | None
    origin: str | None
    expires: float


def _pending(request: Request) -> dict[str, _Pending]:
    store: dict[str, _Pending] | None = getattr(request.app.state, "pending_tie_uploads", None)
    if store is None:
        store = request.app.state.pending_tie_uploads = {}
    now = time.monotonic()
    for key in [k for k, v in store.items() if v.expires < now]:
        del store[key]
    return store


def _actor_names(db: Session, cluster_id: str, lang: str) -> list[tuple[str, str]]:
    out = []
    for actor in cluster_actors(db, cluster_id):
        name = (actor.attributes or {}).get(f"name_{lang}") or actor.name
        out.append((actor.id, f"{name} ({actor.id})" if name and name != actor.id else actor.id))
    return out


def _ties_page(
    request: Request, db: Session, cluster: Cluster, values: dict[str, str],
    errors: dict[str, str], *, status: int = 200,
) -> Response:  # fmt: skip
    lang = language(request)
    _ = translations(lang).gettext
    waves = waves_of(db, cluster.id)
    shown = request.query_params.get("wave") or (waves[-1].label if waves else "")
    actors = _actor_names(db, cluster.id, lang)
    labels = dict(actors)
    rows = [
        {"id": tie.id, "source": labels.get(tie.source, tie.source),
         "target": labels.get(tie.target, tie.target),
         "type": _(_TYPE_LABELS[tie.type]) if tie.type in _TYPE_LABELS else tie.type,
         "strength": "" if tie.strength is None else f"{tie.strength:g}",
         "origin": _(_ORIGIN_LABELS[tie.origin]) if tie.origin in _ORIGIN_LABELS else "",
         "wave": label or ""}
        for tie, label in wave_ties(db, cluster.id, shown or None)
    ]  # fmt: skip
    return page(
        request,
        "ties.html",
        {**cluster_context(request, cluster),
         "values": values, "errors": errors, "rows": rows,
         "waves": [(w.label, w.label) for w in waves], "shown": shown, "actors": actors,
         "types": [(t, _(_TYPE_LABELS.get(t, t))) for t in TIE_TYPES],
         "strengths": [(k, _(v)) for k, v in _STRENGTH_LABELS.items()],
         "origins": [(o, _(_ORIGIN_LABELS.get(o, o))) for o in ORIGINS]},
        status=status,
    )  # fmt: skip


#: What each field needs, in the page's language, before the kernel's own message (the API's).
_FIELD_HINTS = {
    "reporter": N_("Choose who reported the tie among the cluster's actors."),
    "source": N_("Choose an actor of the cluster."),
    "target": N_("Choose another actor of the cluster."),
    "type": N_("Choose a tie type from the list."),
    "strength": N_("Choose a strength on the scale."),
    "wave": N_("Choose a wave, or give the label of a new one."),
    "new_wave": N_("Choose a wave, or give the label of a new one."),
    "date": N_("Give the date as YYYY-MM-DD, e.g. 2024-03-01."),
    "origin": N_("Choose an origin from the list."),
}


@router.get("/clusters/{cluster_id}/ties", response_class=HTMLResponse)
def ties_page(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="tie") as work:
        return _ties_page(request, work.db, work.cluster, {"origin": "interview"}, {})


@router.post("/clusters/{cluster_id}/ties", response_class=HTMLResponse)
async def new_tie(request: Request, cluster_id: str) -> Response:
    form = await request.form()
    values = {k: str(form.get(k, "")) for k in TIE_ENTRY_FIELDS}
    with cluster_form(request, cluster_id, kind="tie") as work:
        db, cluster = work.db, work.cluster
        try:
            record_tie(db, work.access, cluster_id, values)
            db.commit()  # closing the session without commit rolls everything back
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError as error:
            db.rollback()
            errors = hinted_errors(error, language(request), _FIELD_HINTS, default="target")
            return _ties_page(request, db, cluster, values, errors, status=400)
    wave = values["new_wave"].strip() or values["wave"].strip()
    return RedirectResponse(f"/clusters/{cluster_id}/ties?wave={quote(wave)}", status_code=303)


@router.post("/clusters/{cluster_id}/ties/{tie_id}/delete", response_class=HTMLResponse)
def remove_tie(request: Request, cluster_id: str, tie_id: RowId) -> Response:
    with cluster_form(request, cluster_id, kind="tie") as work:
        db = work.db
        tie = db.get(Tie, tie_id)
        if tie is None or tie.cluster_id != cluster_id or tie.deleted_at is not None:
            return not_found(request)
        network_edits.delete_tie(db, tie_id, who=work.access)
        db.commit()
    wave = request.query_params.get("wave", "")
    return RedirectResponse(f"/clusters/{cluster_id}/ties?wave={quote(wave)}", status_code=303)


def _upload_page(request: Request, cluster: Cluster, context: dict[str, Any],
                 *, status: int = 200) -> Response:  # fmt: skip
    lang = language(request)
    _ = translations(lang).gettext
    return page(
        request,
        "ties_upload.html",
        {**cluster_context(request, cluster),
         "accept": _ACCEPT,
         "origins": [(o, _(_ORIGIN_LABELS.get(o, o))) for o in ORIGINS],
         "values": {}, "issues": [], "preview": None, **context},
        status=status,
    )  # fmt: skip


def _problem(
    message: str, *, file: str | None = None, row: int | None = None,
    column: str | None = None, fix: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """One line of the preview's problem table (file, row, column, message, fix)."""
    return {"file": file or "", "row": "" if row is None else row, "column": column or "",
            "message": message, "fix": fix or ""}  # fmt: skip


@router.get("/clusters/{cluster_id}/ties/upload", response_class=HTMLResponse)
def upload_form(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="tie") as work:
        cluster = work.cluster
        return _upload_page(request, cluster, {"values": {"origin": "interview"}})


async def _read(upload: Any) -> tuple[bytes, str] | None:
    if not isinstance(upload, UploadFile) or not upload.filename:
        return None
    return await upload.read(MAX_UPLOAD + 1), upload.filename


def _stored_actors_csv(db: Session, cluster_id: str) -> bytes:
    # Without an actors file the grid's ends are the cluster's stored actors, read by the same
    # reader (a stored actor the kernel refuses is then listed among the problems). Their
    # attributes (names in each language, place, contact) go along as free columns: storing
    # the network writes its actors' free columns as their attributes, so leaving them out
    # erased what the actor form had recorded.
    columns = ("id", "name", "sphere", "level", "ownership", "size")
    actors = cluster_actors(db, cluster_id)
    free = sorted(
        {k for a in actors for k in (a.attributes or {})} - set(columns) - {"member", "waves"}
    )
    rows = [{**{c: getattr(a, c) for c in columns}, **(a.attributes or {})} for a in actors]
    return pd.DataFrame(rows, columns=[*columns, *free]).to_csv(index=False).encode()


@router.post("/clusters/{cluster_id}/ties/upload", response_class=HTMLResponse)
async def upload_preview(request: Request, cluster_id: str) -> Response:
    form = await request.form()
    values = {k: str(form.get(k, "")).strip() for k in ("wave", "origin", "directed")}
    ties, actors = await _read(form.get("ties")), await _read(form.get("actors"))
    with cluster_form(request, cluster_id, kind="tie") as work:
        db, cluster = work.db, work.cluster
        _ = translations(language(request)).gettext
        problems = []
        if ties is None:
            problems.append(_problem(_("Choose the ties file (CSV or XLSX)."), column="ties"))
        for upload in (ties, actors):
            if upload is not None and len(upload[0]) > MAX_UPLOAD:
                problems.append(_problem(_("The file is larger than 20 MB."), file=upload[1]))
        if values["origin"] and values["origin"] not in ORIGINS:
            problems.append(_problem(_("Choose an origin from the list."), column="origin"))
        if values["wave"] and not WAVE_LABEL.match(values["wave"]):
            message = _("A wave label holds letters, digits and . _ : - (64 at most).")
            problems.append(_problem(message, column="wave"))
        if problems or ties is None:
            return _upload_page(request, cluster, {"values": values, "issues": problems},
                                status=400)  # fmt: skip
        if actors is None:
            actors = (_stored_actors_csv(db, cluster_id), f"registry actors of {cluster_id}")
        try:
            network = read_network_bytes(
                actors[0], ties[0], actors_name=actors[1], ties_name=ties[1],
                directed=values["directed"] != "no",
            )  # fmt: skip
        except DataValidationError as error:
            issues = [_problem(i.message, file=i.file, row=i.row, column=i.column, fix=i.fix)
                      for i in error.issues]  # fmt: skip
            return _upload_page(request, cluster, {"values": values, "issues": issues},
                                status=400)  # fmt: skip
        others = sorted(set(network.ties["wave"].dropna()) - {values["wave"]})
        if values["wave"] and others:  # store_network would refuse it: say so before Store
            message = _("The file's rows carry their own waves (%(waves)s): leave the wave empty.")
            problem = _problem(message % {"waves": ", ".join(map(str, others))}, column="wave")
            return _upload_page(request, cluster, {"values": values, "issues": [problem]},
                                status=400)  # fmt: skip
        key = secrets.token_urlsafe(24)
        store = _pending(request)
        while len(store) >= _PENDING_MAX:
            store.pop(next(iter(store)))
        store[key] = _Pending(
            session=visitor(request).csrf,
            user=work.user.id,
            cluster=cluster_id,
            network=network,
            wave=values["wave"] or None,
            origin=values["origin"] or None,
            expires=time.monotonic() + PENDING_TTL,
        )
        preview = {
            "key": key,
            "actors": len(network.actors),
            "columns": [c for c in ("source", "target", "type", "strength", "directed", "wave",
                                    "respondent", "reports") if c in network.ties.columns],
            "rows": network.ties.astype(object).where(network.ties.notna(), "").to_dict("records"),
        }  # fmt: skip
        return _upload_page(request, cluster, {"values": values, "preview": preview})


@router.post("/clusters/{cluster_id}/ties/upload/store", response_class=HTMLResponse)
async def upload_store(request: Request, cluster_id: str) -> Response:
    form = await request.form()
    with cluster_form(request, cluster_id, kind="tie") as work:
        db, cluster = work.db, work.cluster
        pending = _pending(request).get(str(form.get("upload", "")))
        if (pending is None or pending.user != work.user.id or pending.cluster != cluster_id
                or pending.session != visitor(request).csrf):  # fmt: skip
            _ = translations(language(request)).gettext
            gone = [_problem(_("This preview has expired: upload the file again."))]
            return _upload_page(request, cluster, {"issues": gone}, status=409)
        try:
            report = store_network(db, pending.network, cluster=cluster_id, wave=pending.wave,
                                   origin=pending.origin, who=work.access)  # fmt: skip
            db.commit()
        except DataValidationError as error:  # e.g. a wave given while rows carry another
            db.rollback()
            issues = [_problem(i.message, file=i.file, row=i.row, column=i.column, fix=i.fix)
                      for i in error.issues]  # fmt: skip
            return _upload_page(request, cluster, {"issues": issues}, status=400)
        except InvalidParameterError as error:  # a wave given while rows carry another one
            db.rollback()
            issues = [_problem(str(error), column="wave")]
            return _upload_page(request, cluster, {"issues": issues}, status=400)
        _pending(request).pop(str(form.get("upload")), None)
    wave = pending.wave or (report.waves[-1] if report.waves and report.waves[-1] else "")
    return RedirectResponse(f"/clusters/{cluster_id}/ties?wave={quote(wave)}", status_code=303)
