"""``/clusters/<id>/actors/new`` (record an actor: an admin or the cluster's manager) and
``/account/organisation`` (a member corrects the actor he represents).

The values are checked and stored by :mod:`grappe.registry.actor_entries` (the network
kernel's checks, as the API's); its issues name the field, shown next to it in the page's
language. Rights: :func:`grappe.registry.permissions.refusal`, asked here for the page (so that
a GET of a form one may not send is already a 403) and again by the registry function.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from grappe.errors import DataValidationError, PermissionDeniedError
from grappe.registry.actor_entries import (
    ACTOR_ENTRY_FIELDS,
    ORGANISATION_FIELDS,
    organisation_values,
    record_actor,
    update_organisation,
)
from grappe.registry.models import Actor, Cluster
from grappe.vocabulary import LEVELS
from grappe.web.auth import forbidden, to_login, visitor
from grappe.web.i18n import translations
from grappe.web.render import language, page
from grappe.web.views._common import N_, not_found, sphere_names
from grappe.web.views._forms import cluster_context, cluster_form, open_session, saved_redirect

router = APIRouter(include_in_schema=False)

_LEVEL_LABELS = {
    "local": N_("Local (commune)"),
    "regional": N_("Regional (wilaya)"),
    "national": N_("National"),
    "international": N_("International"),
}

#: The message shown next to each field when the registry refuses its value.
_FIELD_ERRORS = {
    "name_fr": N_("Give the name in at least one language."),
    "sphere": N_("Choose a sphere from the list."),
    "level": N_("Choose a level from the list."),
    "lat": N_("Latitude: a number between -90 and 90, given with the longitude."),
    "lon": N_("Longitude: a number between -180 and 180, given with the latitude."),
    "joined": N_("Give the date as YYYY-MM-DD, e.g. 2024-03-01."),
}
_UNKNOWN_FIELD = N_("This field is not part of the form.")


def field_errors(error: DataValidationError, lang: str) -> dict[str, str]:
    """The registry's issues as a translated message per field."""
    _ = translations(lang).gettext
    errors: dict[str, str] = {}
    for issue in error.issues:
        column = issue.column or "name_fr"
        errors.setdefault(column, _(_FIELD_ERRORS.get(column, _UNKNOWN_FIELD)))
    return errors


def _choices(lang: str) -> dict[str, Any]:
    _ = translations(lang).gettext
    return {
        "spheres": list(sphere_names(lang).items()),
        "levels": [(level, _(_LEVEL_LABELS.get(level, level))) for level in LEVELS],
    }


def _form_page(
    request: Request, cluster: Cluster, values: dict[str, str], errors: dict[str, str],
    status: int = 200,
) -> Response:  # fmt: skip
    lang = language(request)
    return page(
        request,
        "actor_form.html",
        {**cluster_context(request, cluster),
         "values": values, "errors": errors, **_choices(lang)},
        status=status,
    )  # fmt: skip


@router.get("/clusters/{cluster_id}/actors/new", response_class=HTMLResponse)
def new_actor_form(request: Request, cluster_id: str) -> Response:
    with cluster_form(request, cluster_id, kind="actor") as work:
        cluster = work.cluster
        return _form_page(request, cluster, {}, {})


@router.post("/clusters/{cluster_id}/actors/new", response_class=HTMLResponse)
async def new_actor(request: Request, cluster_id: str) -> Response:
    form = await request.form()
    values = {k: str(form.get(k, "")) for k in ACTOR_ENTRY_FIELDS}
    with cluster_form(request, cluster_id, kind="actor") as work:
        db, cluster = work.db, work.cluster
        try:
            record_actor(db, work.access, cluster_id, values)
            db.commit()  # closing the session without commit rolls everything back
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError as error:
            errors = field_errors(error, language(request))
            return _form_page(request, cluster, values, errors, status=400)
    return RedirectResponse(f"/clusters/{cluster_id}", status_code=303)


def _organisation_page(
    request: Request, actor: Actor, values: dict[str, str], errors: dict[str, str],
    *, saved: bool = False, status: int = 200,
) -> Response:  # fmt: skip
    return page(
        request,
        "organisation.html",
        {"actor": actor, "values": values, "errors": errors, "saved": saved,
         "csrf": visitor(request).csrf},
        status=status,
    )  # fmt: skip


@router.get("/account/organisation", response_class=HTMLResponse)
def organisation_form(request: Request) -> Response:
    user = visitor(request).user
    if user is None:
        return to_login(request)
    if user.role != "member" or not user.actor:
        return forbidden(request)
    with open_session(request) as db:
        actor = db.get(Actor, user.actor)
        if actor is None:
            return not_found(request)
        saved = request.query_params.get("saved") == "1"
        return _organisation_page(request, actor, organisation_values(actor), {}, saved=saved)


@router.post("/account/organisation", response_class=HTMLResponse)
async def organisation(request: Request) -> Response:
    user = visitor(request).user
    if user is None:
        return to_login(request)
    form = await request.form()
    if user.role != "member" or not user.actor:
        return forbidden(request)
    values = {k: str(form.get(k, "")) for k in ORGANISATION_FIELDS}
    with open_session(request) as db:
        try:
            update_organisation(db, user.access, user.actor, values)
            db.commit()
        except PermissionDeniedError:
            return forbidden(request)
        except DataValidationError as error:
            db.rollback()
            actor = db.get(Actor, user.actor)
            errors = field_errors(error, language(request))
            return _organisation_page(request, actor, values, errors, status=400)  # type: ignore[arg-type]
    return saved_redirect("/account/organisation")
