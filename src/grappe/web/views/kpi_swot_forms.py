"""``/clusters/<id>/kpis`` (phase 4: KPI values by period, entered, corrected, deleted) and
``/clusters/<id>/swot`` (phase 2: a SWOT drafted from the stored data, then edited and saved).

The registry does the work, as for the API: :mod:`grappe.registry.kpi_entries` (the
create-or-replace rule of ``PUT /api/v1/kpis``, the checks of each field),
:func:`grappe.registry.swot_drafts.draft_cluster_swot` (``POST /api/v1/clusters/<id>/swots``)
and :func:`grappe.registry.evaluations.edit_swot` (``PATCH /api/v1/swots/<id>``). Rights:
:func:`grappe.registry.permissions.refusal`, asked for the page and again by the registry.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.assess.swot import QUADRANTS
from grappe.errors import DataValidationError, InvalidParameterError, PermissionDeniedError
from grappe.registry.evaluations import edit_swot, list_swots
from grappe.registry.kpi_entries import (
    KPI_ENTRY_FIELDS,
    checked_kpi_entry,
    correct_kpi,
    count_member_kpis,
    delete_kpi,
    set_kpi,
)
from grappe.registry.models import Cluster, Kpi, SwotRow
from grappe.registry.permissions import refusal
from grappe.registry.swot_drafts import draft_cluster_swot
from grappe.reports.i18n import label
from grappe.roadmap.periods import PERIOD_FORMS, parse_period
from grappe.vocabulary import STANDARD_KPIS
from grappe.web.auth import forbidden
from grappe.web.i18n import format_number, translations
from grappe.web.render import language, page
from grappe.web.views._common import N_, RowId, not_found
from grappe.web.views._forms import cluster_context, cluster_form, saved_redirect
from grappe.web.views.member_record_forms import records_section
from grappe.web.views.profile_sections import section_names

router = APIRouter(include_in_schema=False)

#: The message shown next to each field of a KPI value the registry refuses.
_KPI_ERRORS = {
    "name": N_("Choose a KPI from the list or type a short name (letters, digits, . _ : -)."),
    "period": N_("Write the period as 2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31."),
    "value": N_("Give the value as a number between -10^15 and 10^15."),
    "target": N_("The target: a number between -10^15 and 10^15, or nothing."),
    "unit": N_("The unit: a short word (letters, digits, . _ : -), or nothing."),
}
_KPI_CLASH = N_("This KPI already has a value in that period: correct or delete that one.")
_EMPTY_ITEM = N_("An item cannot be empty: tick “Remove” to drop it.")
_STALE_SWOT = N_("The SWOT changed since the page was opened: reload it and edit again.")


def _kpi_errors(error: DataValidationError, lang: str) -> dict[str, str]:
    _ = translations(lang).gettext
    return {i.column or "name": _(_KPI_ERRORS.get(i.column or "name", _KPI_ERRORS["name"]))
            for i in error.issues}  # fmt: skip


# --- KPIs -------------------------------------------------------------------------------------


def _number_text(value: float | None) -> str:
    return "" if value is None else format(value, ".15g")


def _row_view(row: Kpi, lang: str, sent: dict[str, str] | None) -> dict[str, Any]:
    # A stored value as its correction form shows it (what was sent, after a refused correction).
    fields = {"period": row.period, "value": _number_text(row.value),
              "target": _number_text(row.target), "unit": row.unit or ""}  # fmt: skip
    return {"id": row.id, "label": label(row.name, lang), "fields": {**fields, **(sent or {})}}


def _kpi_page(
    request: Request, db: Session, cluster: Cluster, *, values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None, row_errors: dict[int, dict[str, str]] | None = None,
    row_values: dict[int, dict[str, str]] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    lang = language(request)
    rows = sorted(db.scalars(select(Kpi).where(Kpi.cluster_id == cluster.id)),
                  key=lambda k: (k.name, parse_period(k.period)))  # fmt: skip
    return page(
        request,
        "kpi_form.html",
        {**cluster_context(request, cluster),
         "rows": [_row_view(k, lang, (row_values or {}).get(k.id)) for k in rows],
         "kpi_names": [(k, label(k, lang)) for k in STANDARD_KPIS],
         # Isolated left-to-right (U+2066…U+2069): in an Arabic hint, "2024-H1, 2024-Q1" would
         # otherwise be reordered by the bidirectional algorithm into an unreadable list.
         "period_forms": "\u2066" + ", ".join(PERIOD_FORMS.values()) + "\u2069",
         "values": values or {}, "errors": errors or {}, "row_errors": row_errors or {},
         "row_values": row_values or {}, "saved": request.query_params.get("saved") == "1",
         # KPIs from records (migration 0016): computed on read beside the typed values.
         "number": lambda v: format_number(v, lang),
         **records_section(db, cluster.id, request.query_params.get("records_period", ""),
                           request.query_params.get("records_previous", ""), lang)},
        status=status,
    )  # fmt: skip


@router.get("/clusters/{cluster_id}/kpis", response_class=HTMLResponse)
def kpi_page(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="kpi", key=cluster_id) as work:
        return _kpi_page(request, work.db, work.cluster)


@router.post("/clusters/{cluster_id}/kpis", response_class=HTMLResponse)
async def enter_kpi(request: Request, cluster_id: str) -> Response:
    """Create or replace a value (as ``PUT /api/v1/kpis``); a free name wins over the list."""
    form = await request.form()
    values = {k: str(form.get(k, "")) for k in (*KPI_ENTRY_FIELDS, "other_name")}
    chosen = {**values, "name": values["other_name"].strip() or values["name"]}
    with cluster_form(request, cluster_id, kind="kpi", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        try:
            set_kpi(db, work.access, cluster_id, checked_kpi_entry(chosen))
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError as error:
            errors = _kpi_errors(error, language(request))
            return _kpi_page(request, db, cluster, values=values, errors=errors, status=400)
    return saved_redirect(f"/clusters/{cluster_id}/kpis")


@router.post("/clusters/{cluster_id}/kpis/members", response_class=HTMLResponse)
async def count_members_kpis(request: Request, cluster_id: str) -> Response:
    """Set ``members`` and ``new_members`` of a period from the membership records."""
    form = await request.form()
    period = str(form.get("members_period", ""))
    with cluster_form(request, cluster_id, kind="kpi", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        try:
            count_member_kpis(db, work.access, cluster_id, period)
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError:
            _ = translations(language(request)).gettext
            errors = {"members_period": _(_KPI_ERRORS["period"])}
            return _kpi_page(request, db, cluster, values={"members_period": period},
                             errors=errors, status=400)  # fmt: skip
    return saved_redirect(f"/clusters/{cluster_id}/kpis")


def _row_of(db: Session, cluster_id: str, kpi_id: int) -> Kpi | None:
    row = db.get(Kpi, kpi_id)
    return row if row is not None and row.cluster_id == cluster_id else None


@router.post("/clusters/{cluster_id}/kpis/{kpi_id}", response_class=HTMLResponse)
async def correct_kpi_value(request: Request, cluster_id: str, kpi_id: RowId) -> Response:
    """Correct the period, value, target or unit of one stored value (its name stays)."""
    form = await request.form()
    values = {k: str(form.get(k, "")) for k in KPI_ENTRY_FIELDS if k != "name"}
    with cluster_form(request, cluster_id, kind="kpi", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        row = _row_of(db, cluster_id, kpi_id)
        if row is None:
            return not_found(request)
        lang = language(request)
        try:
            entry = checked_kpi_entry({**values, "name": row.name})
        except DataValidationError as error:
            errors = {kpi_id: _kpi_errors(error, lang)}
            return _kpi_page(request, db, cluster, row_errors=errors,
                             row_values={kpi_id: values}, status=400)  # fmt: skip
        try:
            correct_kpi(db, work.access, kpi_id, entry)
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError:  # the entry is right: the period holds another value
            db.rollback()
            errors = {kpi_id: {"period": translations(lang).gettext(_KPI_CLASH)}}
            return _kpi_page(request, db, cluster, row_errors=errors,
                             row_values={kpi_id: values}, status=400)  # fmt: skip
    return saved_redirect(f"/clusters/{cluster_id}/kpis")


@router.post("/clusters/{cluster_id}/kpis/{kpi_id}/delete", response_class=HTMLResponse)
def delete_kpi_value(request: Request, cluster_id: str, kpi_id: RowId) -> Response:
    with cluster_form(request, cluster_id, kind="kpi", key=cluster_id) as work:
        db = work.db
        if _row_of(db, cluster_id, kpi_id) is None:
            return not_found(request)
        try:
            delete_kpi(db, work.access, kpi_id)
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
    return saved_redirect(f"/clusters/{cluster_id}/kpis")


# --- SWOT -------------------------------------------------------------------------------------


def _swot_page(
    request: Request, db: Session, cluster: Cluster, *, errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    lang = language(request)
    swots = list_swots(db, cluster.id)
    latest = max(swots, key=lambda s: (s.date, s.id)) if swots else None
    quadrants = [] if latest is None else [
        (q, [(n, item.text(lang)) for n, item in enumerate(getattr(latest.swot, q))])
        for q in QUADRANTS
    ]  # fmt: skip
    return page(
        request,
        "swot_form.html",
        {**cluster_context(request, cluster),
         "swot": latest, "quadrants": quadrants, "errors": errors or {}, "values": values or {},
         "saved": request.query_params.get("saved") == "1",
         **section_names(lang)},
        status=status,
    )  # fmt: skip


@router.get("/clusters/{cluster_id}/swot", response_class=HTMLResponse)
def swot_page(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="swot", key=cluster_id) as work:
        return _swot_page(request, work.db, work.cluster)


@router.post("/clusters/{cluster_id}/swot/draft", response_class=HTMLResponse)
def draft_swot_page(request: Request, cluster_id: str) -> Response:
    """A new SWOT drafted from the stored assessment versions and network diagnosis, dated
    today (as ``POST /api/v1/clusters/<id>/swots`` without a choice of versions)."""
    with cluster_form(request, cluster_id, kind="swot", key=cluster_id) as work:
        db = work.db
        draft_cluster_swot(db, cluster_id, date=dt.date.today(), who=work.access)
        db.commit()
    return saved_redirect(f"/clusters/{cluster_id}/swot")


@router.post("/clusters/{cluster_id}/swot/{swot_id}", response_class=HTMLResponse)
async def save_swot(request: Request, cluster_id: str, swot_id: RowId) -> Response:
    """Reword (a changed text, stored in the page's language), remove (ticked) and add items
    (``add-<quadrant>``), through :func:`grappe.registry.evaluations.edit_swot`."""
    form = await request.form()
    lang = language(request)
    _ = translations(lang).gettext
    with cluster_form(request, cluster_id, kind="swot", key=cluster_id) as work:
        db, cluster = work.db, work.cluster
        row = db.get(SwotRow, swot_id)
        if row is None or row.cluster_id != cluster_id or row.deleted_at is not None:
            return not_found(request)
        if refusal(work.access, "update", "swot", str(swot_id), scope={cluster_id}) is not None:
            return forbidden(request)
        current = next(s for s in list_swots(db, cluster_id) if s.id == swot_id)
        reword: dict[str, dict[int, dict[str, str]]] = {}
        remove: dict[str, list[int]] = {}
        add: dict[str, list[dict[str, str]]] = {}
        errors: dict[str, str] = {}
        values = {k: str(v) for k, v in form.items()}
        for quadrant in QUADRANTS:
            for n, item in enumerate(getattr(current.swot, quadrant)):
                field = f"item-{quadrant}-{n}"
                if form.get(f"remove-{quadrant}-{n}"):
                    remove.setdefault(quadrant, []).append(n)
                elif field in form:
                    text = str(form[field]).strip()
                    if not text:
                        errors[field] = _(_EMPTY_ITEM)
                    elif text != item.text(lang):
                        reword.setdefault(quadrant, {})[n] = {lang: text}
            new = str(form.get(f"add-{quadrant}", "")).strip()
            if new:
                add[quadrant] = [{lang: new}]
        if not errors:
            try:
                edit_swot(db, swot_id, who=work.access, add=add, remove=remove, reword=reword)
                db.commit()
                return saved_redirect(f"/clusters/{cluster_id}/swot")
            except InvalidParameterError:  # a position of a SWOT edited meanwhile
                db.rollback()
                errors["swot"] = _(_STALE_SWOT)
        return _swot_page(request, db, cluster, errors=errors, values=values, status=400)
