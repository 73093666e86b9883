"""Jinja2 environments (one per language) and the page response helper."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from grappe.definitions.names import localized_cluster_name
from grappe.io.dz_geography import ATTRIBUTION as OSM_ATTRIBUTION
from grappe.web.i18n import (
    ENDONYMS,
    INTL_LOCALES,
    LANGUAGES,
    direction,
    format_day,
    format_number,
    format_period,
    format_share,
    format_year,
    pick_language,
    translations,
)

__all__ = ["COOKIE", "finish", "language", "localized", "page"]

TEMPLATES = Path(__file__).with_name("templates")

#: Cookie that remembers the language chosen with ``?lang=``.
COOKIE = "grappe_lang"


def localized(row: Any, field: str, lang: str) -> tuple[str, str]:
    """``row.<field>_<lang>`` with the language it is really in (English when missing).

    Returns the text and its language code, so that templates mark fallbacks with ``lang=``.
    """
    value = getattr(row, f"{field}_{lang}", None)
    if value:
        return str(value), lang
    return str(getattr(row, f"{field}_en")), "en"


def _json_script(value: Any) -> Markup:
    # Safe inside <script type="application/json">: no "</" can close the element.
    text = json.dumps(value, ensure_ascii=False, allow_nan=False).replace("</", "<\\/")
    return Markup(text)


@functools.cache
def _environment(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["num"] = lambda v, digits=0: format_number(v, lang, digits=digits)
    env.filters["share"] = lambda v: format_share(v, lang)
    env.filters["year"] = lambda v: format_year(v, lang)
    env.filters["json_script"] = _json_script
    env.filters["day"] = lambda v: format_day(v, lang)
    env.filters["period"] = lambda v: format_period(v, lang)
    env.globals.update(
        lang=lang,
        dir=direction(lang),
        number_locale=INTL_LOCALES[lang],
        languages=LANGUAGES,
        endonyms=ENDONYMS,
        localized=lambda row, field: localized(row, field, lang),
        # A benchmark cluster's name in the page's language (the reviewed catalogue of
        # grappe/data/definitions/us_benchmark_names.csv) and the language it is in.
        cluster_label=lambda code, name: localized_cluster_name(code, name, lang),
        # The ODbL credit under every map drawing Algerian boundaries (one wording, the io's).
        osm_attribution=OSM_ATTRIBUTION,
    )
    return env


def language(request: Request) -> str:
    """The language of this request's page."""
    settings = request.app.state.settings
    return pick_language(
        request.query_params.get("lang"),
        request.cookies.get(COOKIE),
        request.headers.get("accept-language"),
        settings.default_language,
    )


def page(
    request: Request, template: str, context: dict[str, Any], *, status: int = 200
) -> HTMLResponse:
    """Render ``template`` in the request's language; remember a ``?lang=`` choice in a cookie."""
    lang = language(request)
    env = _environment(lang)

    def query_for(code: str) -> str:
        params = dict(request.query_params)
        params["lang"] = code
        return urlencode(params)

    from grappe.web.auth import visitor  # the header names the signed-in user

    html = env.get_template(template).render(
        request=request,
        path=request.url.path,
        query_for=query_for,
        visitor=visitor(request),
        **context,
    )
    return finish(request, HTMLResponse(html, status_code=status), lang)


def finish(request: Request, response: HTMLResponse, lang: str) -> HTMLResponse:
    """Headers of a page: its language, and the cookie remembering a ``?lang=`` choice."""
    chosen = request.query_params.get("lang")
    if chosen in LANGUAGES and request.cookies.get(COOKIE) != chosen:
        response.set_cookie(COOKIE, chosen, max_age=365 * 24 * 3600, samesite="lax")
    response.headers["Content-Language"] = lang
    return response
