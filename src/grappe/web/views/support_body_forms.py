"""``/support-bodies/<id>/correct``: an admin or analyst corrects one support body of firms
(type, name, point, wilaya, commune), from the data table of the wilaya's page.

The values are checked and stored by
:func:`grappe.registry.support_bodies.correct_support_body` (the checks of
``PATCH /api/v1/support-bodies/{id}``), audited with the values before and after. Its issues name
the field; the page shows next to it what the field needs, in the page's language. Rights:
:func:`grappe.registry.permissions.refusal` on ``support_body`` (admins and analysts, as for
regions), asked for the GET too, so that a form one may not send is already a 403.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from grappe.errors import DataValidationError
from grappe.registry.models import SupportBody
from grappe.registry.permissions import refusal
from grappe.registry.support_bodies import CORRECTABLE_FIELDS, correct_support_body
from grappe.web.auth import SignedIn, forbidden, to_login, visitor
from grappe.web.i18n import translations
from grappe.web.render import language, page
from grappe.web.views._common import N_, not_found
from grappe.web.views._forms import open_session, saved_redirect

__all__ = ["may_correct_support_bodies", "router"]

router = APIRouter(include_in_schema=False)

#: What each field needs, shown next to it when the registry refuses its value.
_FIELD_ERRORS = {
    "actor_type": N_("Give the type of the body, e.g. anade or banks/bna."),
    "name": N_("Give the name of the body on one line."),
    "lat": N_("Latitude: a number between -90 and 90."),
    "lon": N_("Longitude: a number between -180 and 180."),
    "wilaya_code": N_("Give the wilaya's number in the 69-wilaya division (1 to 69)."),
    "commune": N_("Give the commune's ONS code (four digits), or leave it empty."),
}


def may_correct_support_bodies(user: SignedIn | None) -> bool:
    """Whether the signed-in ``user`` may correct support bodies (the rule of the API)."""
    return user is not None and refusal(user.access, "update", "support_body", "") is None


def _values(body: SupportBody) -> dict[str, str]:
    """The form's values of a stored body (numbers as Python writes them, so that they read
    back unchanged)."""
    return {
        "actor_type": body.actor_type,
        "name": body.name or "",
        "lat": repr(float(body.lat)),
        "lon": repr(float(body.lon)),
        "wilaya_code": str(int(body.wilaya_id.removeprefix("DZ-"))),
        "commune": body.commune or "",
    }


def _form_page(
    request: Request,
    body: SupportBody,
    values: dict[str, str],
    errors: dict[str, str],
    *,
    status: int = 200,
) -> Response:
    return page(
        request,
        "support_body_form.html",
        {"body": body, "values": values, "errors": errors, "csrf": visitor(request).csrf},
        status=status,
    )


def _field_errors(error: DataValidationError, lang: str) -> dict[str, str]:
    _ = translations(lang).gettext
    return {
        issue.column: _(_FIELD_ERRORS[issue.column])
        for issue in error.issues
        if issue.column in _FIELD_ERRORS
    } or {"wilaya_code": _(_FIELD_ERRORS["wilaya_code"])}  # a wilaya the registry lacks


@router.get("/support-bodies/{body_id}/correct", response_class=HTMLResponse)
def correct_form(request: Request, body_id: str) -> Response:
    user = visitor(request).user
    if user is None:
        return to_login(request)
    if not may_correct_support_bodies(user):
        return forbidden(request)
    with open_session(request) as db:
        body = db.get(SupportBody, body_id)
        if body is None:
            return not_found(request)
        return _form_page(request, body, _values(body), {})


@router.post("/support-bodies/{body_id}/correct", response_class=HTMLResponse)
async def correct(request: Request, body_id: str) -> Response:
    user = visitor(request).user
    if user is None:
        return to_login(request)
    form = await request.form()
    if not may_correct_support_bodies(user):
        return forbidden(request)
    with open_session(request) as db:
        body = db.get(SupportBody, body_id)
        if body is None:
            return not_found(request)
        stored = _values(body)
        # A field the form does not send keeps its value; a decimal comma (the French and
        # Arabic pages write numbers so) reads as a point.
        values = {k: str(form[k]).strip() if k in form else stored[k] for k in CORRECTABLE_FIELDS}
        for k in ("lat", "lon"):
            values[k] = values[k].replace(",", ".")
        changes = {k: v for k, v in values.items() if v != stored[k]}
        if changes:
            try:
                fixed = correct_support_body(db, body_id, who=user.access, **changes)
                db.commit()
            except DataValidationError as error:
                db.rollback()
                errors = _field_errors(error, language(request))
                return _form_page(request, body, values, errors, status=400)
            wilaya = fixed["wilaya_id"]
        else:
            wilaya = body.wilaya_id
    return saved_redirect(f"/regions/{wilaya}")
