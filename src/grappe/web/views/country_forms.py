"""``/countries/<iso3>/correct``: an admin or analyst corrects a country's stored export profile
from the web — a product's name in a language, an opportunity hidden with a reason (or shown
again), the profile published or withdrawn.

Each form posts an ``action`` (``name``, ``hide``, ``show``, ``publish``) to the same address;
the change is made by :mod:`grappe.registry.export_profiles` (the functions behind
``PATCH /api/v1/countries/{iso3}/exports``), audited with the values before and after. Rights:
:func:`grappe.registry.permissions.refusal` on ``export_profile`` (admins and analysts), asked
for the GET too, so that a form one may not send is already a 403.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError, NotFoundError
from grappe.io.trade import country_name
from grappe.registry.export_profiles import (
    correct_product_name,
    hide_opportunity,
    load_export_profile,
    publish_export_profile,
    show_opportunity,
)
from grappe.vocabulary import LANGUAGES
from grappe.web.auth import forbidden, to_login, visitor
from grappe.web.i18n import ENDONYMS, translations
from grappe.web.render import language, page
from grappe.web.views._common import N_, not_found
from grappe.web.views._forms import open_session, saved_redirect
from grappe.web.views.country import may_correct_profiles, product_label

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: What each field needs, shown next to it when the registry refuses its value.
_FIELD_ERRORS = {
    "name": N_("Give the name on one line, 300 characters at most (empty: the nomenclature's)."),
    "reason": N_("Say why the opportunity is hidden, in 1 to 500 characters."),
    "product": N_("Choose a product of the profile."),
}


def _form_page(
    request: Request, db: Session, iso3: str, errors: dict[str, str], *, status: int = 200
) -> Response:
    lang = language(request)
    stored = load_export_profile(db, iso3, with_hidden=True)
    profile = stored.profile

    def option(item: Any) -> tuple[str, str]:
        return item.product, product_label(item.names, lang, item.product)[0]

    return page(
        request,
        "country_correct.html",
        {
            "iso3": profile.country,
            "name": country_name(profile.country, lang),
            "stored": stored,
            "products": [option(p) for p in (*profile.products, *profile.opportunities)],
            "opportunities": [
                option(o) for o in profile.opportunities if o.product not in stored.hidden
            ],  # fmt: skip
            "hidden": [
                (*option(o), stored.hidden[o.product])
                for o in profile.opportunities
                if o.product in stored.hidden
            ],  # fmt: skip
            "language_options": [(code, ENDONYMS[code]) for code in LANGUAGES],
            "errors": errors,
            "csrf": visitor(request).csrf,
            "saved": request.query_params.get("saved") == "1",
            "added": request.query_params.get("added") == "1",  # by the form of /countries
        },
        status=status,
    )


def _checked(request: Request) -> Response | None:
    user = visitor(request).user
    if user is None:
        return to_login(request)
    if not may_correct_profiles(user):
        return forbidden(request)
    return None


@router.get("/countries/{iso3}/correct", response_class=HTMLResponse)
def correct_form(request: Request, iso3: str) -> Response:
    refused = _checked(request)
    if refused is not None:
        return refused
    with open_session(request) as db:
        try:
            return _form_page(request, db, iso3, {})
        except NotFoundError:
            return not_found(request)


@router.post("/countries/{iso3}/correct", response_class=HTMLResponse)
async def correct(request: Request, iso3: str) -> Response:
    form = await request.form()
    refused = _checked(request)
    if refused is not None:
        return refused
    who = visitor(request).user.access  # type: ignore[union-attr] # _checked: signed in
    value = {k: str(form.get(k, "")).strip() for k in ("action", "product", "lang", "name",
                                                        "reason", "published")}  # fmt: skip
    _ = translations(language(request)).gettext
    with open_session(request) as db:
        try:
            load_export_profile(db, iso3)
        except NotFoundError:
            return not_found(request)
        try:
            if value["action"] == "name":
                correct_product_name(db, who, iso3, value["product"],
                                     lang=value["lang"] or "xx", name=value["name"])  # fmt: skip
            elif value["action"] == "hide":
                hide_opportunity(db, who, iso3, value["product"], reason=value["reason"])
            elif value["action"] == "show":
                show_opportunity(db, who, iso3, value["product"])
            elif value["action"] == "publish":
                publish_export_profile(db, who, iso3, published=value["published"] == "1")
            else:
                return not_found(request)
            db.commit()
        except (InvalidParameterError, NotFoundError) as error:
            db.rollback()
            text = str(error)
            field = ("reason" if "reason" in text else "name" if "'name'" in text
                     else "product")  # fmt: skip
            if "'lang'" in text:
                field = "name"
            return _form_page(request, db, iso3, {field: _(_FIELD_ERRORS[field])}, status=400)
    return saved_redirect(f"/countries/{iso3.upper()}/correct")
