"""``POST /countries``: an admin or analyst adds a country's export page from the web.

The profile is computed from the shared trade matrix and stored, not published, by
:func:`grappe.registry.export_jobs.load_export_profiles` — the function of the observatory job,
of ``grappe exports store`` and of ``POST /api/v1/countries/{iso3}/exports`` — then the person
lands on the correction form, where the profile is read over and published. One country takes
about a second (the complexity sample is computed again), so the answer waits for it.

Rights: :func:`grappe.registry.permissions.refusal` on ``export_profile`` (admins and analysts);
the form is on the index page ``/countries`` (:mod:`grappe.web.views.country`).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from grappe.errors import NotFoundError, PermissionDeniedError
from grappe.i18n import translate
from grappe.registry.export_jobs import load_export_profiles, matrix_countries
from grappe.web.auth import visitor
from grappe.web.i18n import translations
from grappe.web.render import language
from grappe.web.views._common import N_
from grappe.web.views._forms import open_session
from grappe.web.views.country import _countries_page
from grappe.web.views.country_forms import _checked

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: Said next to the list when the code sent is not one of it.
CHOOSE = N_("Choose a country of the trade matrix.")


@router.post("/countries", response_class=HTMLResponse)
async def add_country(request: Request) -> Response:
    form = await request.form()
    refused = _checked(request)
    if refused is not None:
        return refused
    lang = language(request)
    _ = translations(lang).gettext
    iso3 = str(form.get("country", "")).strip().upper()
    who = visitor(request).user.access  # type: ignore[union-attr] # _checked: signed in
    known = matrix_countries()  # empty without the matrix: the step below says why
    with open_session(request) as db:
        if known and iso3 not in known:
            return _countries_page(request, db, error=_(CHOOSE), status=400)
        try:
            report = load_export_profiles(db, who=who, countries=[iso3], strict=True, publish=False)
        except (NotFoundError, PermissionDeniedError) as problem:
            db.rollback()
            return _countries_page(request, db, error=translate(problem.args[0], lang), status=400)
        if report.skipped is not None:  # no matrix: where it is looked for
            return _countries_page(request, db, error=translate(report.skipped, lang), status=400)
        db.commit()
    return RedirectResponse(f"/countries/{iso3}/correct?added=1", status_code=303)
