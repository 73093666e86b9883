"""``/clusters/new`` (create a cluster: an admin, or a manager who then manages it),
``/clusters/<id>/settings`` (names, sector, regions, stage, description, export headings),
``/clusters/<id>/publish`` (the profile's publication and its public sections) and
``/clusters/<id>/history`` (who changed what, newest first).

The values are checked and written by :mod:`grappe.registry.cluster_entries` (the API's
cluster functions, audited with the user); its issues name the field, shown next to it in the
page's language. Rights: :func:`grappe.registry.permissions.refusal` — ``own_cluster`` create
for the new cluster, ``cluster`` update for the other pages (admins and the cluster's managers),
asked here for the page (a GET of a form one may not send is already a 403) and again by the
registry function. Every write is in the audit log, whose last id keys the page cache
(:func:`grappe.web.db.cached_page`): a published change is what the next anonymous visitor gets.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import DataValidationError, PermissionDeniedError
from grappe.io.hs_headings import format_headings
from grappe.registry.cluster_entries import (
    CLUSTER_ENTRY_FIELDS,
    CLUSTER_SETTINGS_FIELDS,
    TOO_LONG_FIX,
    cluster_history,
    create_managed_cluster,
    may_create_cluster,
    set_publication,
    update_cluster_settings,
)
from grappe.registry.models import AuditEntry, Cluster, IndicatorSnapshot, Region
from grappe.vocabulary import PROFILE_SECTIONS
from grappe.web.auth import forbidden, to_login, visitor
from grappe.web.i18n import format_moment, translations
from grappe.web.render import language, localized, page
from grappe.web.views._common import N_, stage_names
from grappe.web.views._forms import cluster_form, open_session, saved_redirect

router = APIRouter(include_in_schema=False)

#: Entries of the history page per page.
HISTORY_PAGE = 50

#: The message shown next to each field when the registry refuses its value.
_FIELD_ERRORS = {
    "id": N_("Use lowercase letters, digits and hyphens, and an id no other cluster has; or "
             "leave it empty."),
    "name_fr": N_("Give the name in at least one language."),
    "stage": N_("Choose a stage from the list."),
    "regions": N_("Choose the regions from the list."),
    "sections": N_("Choose the sections from the list."),
    "export_products": N_("Export headings: give HS headings of four digits separated by "
                          "commas, e.g. 0804,2009."),
}  # fmt: skip
_TOO_LONG = N_("This text is too long.")
_UNKNOWN_FIELD = N_("This field is not part of the form.")

_SECTION_LABELS = {
    "network": N_("Network diagnosis (figures only; never the interviews nor the respondents)"),
    "assessments": N_("Assessments (diamond, success factors, life cycle)"),
    "swot": N_("SWOT"),
    "roadmap": N_("Roadmap"),
    "kpis": N_("Key performance indicators"),
    "evaluations": N_("Evaluations and label checks"),
    "reports": N_("Diagnostic reports"),
}
_ACTION_LABELS = {
    "create": N_("created"),
    "update": N_("changed"),
    "delete": N_("deleted"),
    "revoke": N_("revoked"),
    "import": N_("imported"),
}


def field_errors(error: DataValidationError, lang: str) -> dict[str, str]:
    """The registry's issues as a translated message per field."""
    _ = translations(lang).gettext
    errors: dict[str, str] = {}
    for issue in error.issues:
        column = issue.column or "name_fr"
        text = _TOO_LONG if issue.fix == TOO_LONG_FIX else _FIELD_ERRORS.get(column, _UNKNOWN_FIELD)
        errors.setdefault(column, _(text))
    return errors


def _form_values(form: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    values: dict[str, Any] = {k: str(form.get(k, "")) for k in fields if k != "regions"}
    if "regions" in fields:
        values["regions"] = [str(r) for r in form.getlist("regions")]
    return values


def _cluster_values(cluster: Cluster) -> dict[str, Any]:
    values = {k: getattr(cluster, k) or "" for k in CLUSTER_SETTINGS_FIELDS if k != "regions"}
    values["regions"] = [r.id for r in cluster.regions]
    values["export_products"] = format_headings(cluster.export_products)
    return values


def _choices(db: Session, lang: str) -> dict[str, Any]:
    """Stages, the stored regions by country, and the sectors of the stored statistics."""
    countries: dict[str, list[tuple[str, str]]] = {}
    for region in db.scalars(select(Region).order_by(Region.country, Region.id)):
        name, _ = localized(region, "name", lang)
        countries.setdefault(region.country, []).append((region.id, f"{name} ({region.code})"))
    sectors = db.execute(
        select(IndicatorSnapshot.cluster, IndicatorSnapshot.cluster_name)
        .distinct()
        .order_by(IndicatorSnapshot.cluster)
        .limit(1000)
    )
    return {
        "stages": list(stage_names(lang).items()),
        "region_groups": sorted(countries.items()),
        "sectors": [(code, name or code) for code, name in sectors],
    }


def _form_page(
    request: Request, db: Session, *, cluster: Cluster | None, values: dict[str, Any],
    errors: dict[str, str], status: int = 200, saved: bool = False,
) -> Response:  # fmt: skip
    lang = language(request)
    context: dict[str, Any] = {"cluster": cluster, "values": values, "errors": errors,
                               "saved": saved, "csrf": visitor(request).csrf}  # fmt: skip
    if cluster is not None:
        context["cluster_name"], context["cluster_lang"] = localized(cluster, "name", lang)
    return page(request, "cluster_form.html", {**context, **_choices(db, lang)}, status=status)


# --- create -----------------------------------------------------------------------------------


def _may_create(request: Request) -> Response | None:
    user = visitor(request).user
    if user is None:
        return to_login(request)
    return None if may_create_cluster(user.access) else forbidden(request)


@router.get("/clusters/new", response_class=HTMLResponse)
def new_cluster_form(request: Request) -> Response:
    refused = _may_create(request)
    if refused is not None:
        return refused
    with open_session(request) as db:
        return _form_page(request, db, cluster=None, values={"regions": []}, errors={})


@router.post("/clusters/new", response_class=HTMLResponse)
async def new_cluster(request: Request) -> Response:
    refused = _may_create(request)
    if refused is not None:
        return refused
    form = await request.form()
    values = _form_values(form, CLUSTER_ENTRY_FIELDS)
    user = visitor(request).user
    assert user is not None  # noqa: S101 - checked by _may_create; narrows the type
    with open_session(request) as db:
        try:
            cluster = create_managed_cluster(db, user.access, values)
            cluster_id = cluster.id
            db.commit()  # closing the session without commit rolls everything back
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError as error:
            db.rollback()
            errors = field_errors(error, language(request))
            return _form_page(request, db, cluster=None, values=values, errors=errors, status=400)
    return RedirectResponse(f"/clusters/{cluster_id}", status_code=303)


# --- settings, publish, history: the cluster's admins and managers ---------------------------
# (cluster_form with action="update": the rights of changing the cluster itself)


@router.get("/clusters/{cluster_id}/settings", response_class=HTMLResponse)
def settings_form(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="cluster", key=cluster_id, action="update") as work:
        db, cluster = work.db, work.cluster
        saved = request.query_params.get("saved") == "1"
        return _form_page(request, db, cluster=cluster, values=_cluster_values(cluster),
                          errors={}, saved=saved)  # fmt: skip


@router.post("/clusters/{cluster_id}/settings", response_class=HTMLResponse)
async def settings(request: Request, cluster_id: str) -> Response:
    form = await request.form()
    values = _form_values(form, CLUSTER_SETTINGS_FIELDS)
    with cluster_form(request, cluster_id, kind="cluster", key=cluster_id, action="update") as work:
        db, cluster = work.db, work.cluster
        try:
            update_cluster_settings(db, work.access, cluster_id, values)
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError as error:
            db.rollback()
            errors = field_errors(error, language(request))
            return _form_page(request, db, cluster=cluster, values=values, errors=errors,
                              status=400)  # fmt: skip
    return saved_redirect(f"/clusters/{cluster_id}/settings")


def _publish_page(
    request: Request, cluster: Cluster, *, published: bool, sections: list[str],
    errors: dict[str, str], saved: bool = False, status: int = 200,
) -> Response:  # fmt: skip
    lang = language(request)
    _ = translations(lang).gettext
    name, name_lang = localized(cluster, "name", lang)
    return page(
        request,
        "cluster_publish.html",
        {"cluster": cluster, "cluster_name": name, "cluster_lang": name_lang,
         "published": published, "chosen": set(sections), "errors": errors, "saved": saved,
         "sections": [(s, _(_SECTION_LABELS[s])) for s in PROFILE_SECTIONS],
         "csrf": visitor(request).csrf},
        status=status,
    )  # fmt: skip


@router.get("/clusters/{cluster_id}/publish", response_class=HTMLResponse)
def publish_form(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="cluster", key=cluster_id, action="update") as work:
        cluster = work.cluster
        return _publish_page(
            request, cluster, published=cluster.published,
            sections=list(cluster.public_sections or ()), errors={},
            saved=request.query_params.get("saved") == "1",
        )  # fmt: skip


@router.post("/clusters/{cluster_id}/publish", response_class=HTMLResponse)
async def publish(request: Request, cluster_id: str) -> Response:
    form = await request.form()
    published = form.get("published") == "yes"
    sections = [str(s) for s in form.getlist("sections")]
    with cluster_form(request, cluster_id, kind="cluster", key=cluster_id, action="update") as work:
        db, cluster = work.db, work.cluster
        try:
            set_publication(db, work.access, cluster_id, published=published, sections=sections)
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError as error:
            db.rollback()
            errors = field_errors(error, language(request))
            return _publish_page(request, cluster, published=published, sections=sections,
                                 errors=errors, status=400)  # fmt: skip
    return saved_redirect(f"/clusters/{cluster_id}/publish")


def _changes(entry: AuditEntry) -> list[tuple[str, str, str]]:
    """``(field, before, after)`` of an entry, values as short text (JSON lists joined)."""

    def shown(value: Any) -> str:
        if value is None:
            return "–"
        if isinstance(value, list):
            return ", ".join(shown(v) for v in value) or "–"
        if isinstance(value, dict):
            return "; ".join(f"{k}: {shown(v)}" for k, v in value.items())
        text = str(value)
        return text if len(text) <= 200 else text[:199] + "…"

    before, after = entry.before or {}, entry.after or {}
    fields = list(dict.fromkeys([*before, *after])) or list(entry.details or {})
    details = entry.details or {}
    return [
        (k, shown(before.get(k)) if k in before else "",
         shown(after.get(k) if k in after else details.get(k)))
        for k in fields
    ]  # fmt: skip


@router.get("/clusters/{cluster_id}/history", response_class=HTMLResponse)
def history(
    request: Request,
    cluster_id: str,
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> Response:
    with cluster_form(request, cluster_id, kind="cluster", key=cluster_id, action="update") as work:
        db, cluster = work.db, work.cluster
        lang = language(request)
        _ = translations(lang).gettext
        offset = (page_number - 1) * HISTORY_PAGE
        rows, count = cluster_history(db, cluster_id, limit=HISTORY_PAGE, offset=offset)
        entries = [
            {"at": format_moment(r.at, lang), "who": r.who, "role": r.role or "–",
             "action": _(_ACTION_LABELS[r.action]) if r.action in _ACTION_LABELS else r.action,
             "kind": r.resource, "key": r.resource_id or "", "changes": _changes(r)}
            for r in rows
        ]  # fmt: skip
        name, name_lang = localized(cluster, "name", lang)
        last = max(1, -(-count // HISTORY_PAGE))
        return page(
            request,
            "cluster_history.html",
            {"cluster": cluster, "cluster_name": name, "cluster_lang": name_lang,
             "entries": entries, "count": count, "page_number": page_number, "last": last},
        )  # fmt: skip
