"""``/countries`` and ``/countries/<iso3>``: what a country exports, how complex it is, and what
it could export next (issue 19).

The page shows the published profile stored by the observatory job
(:mod:`grappe.registry.export_jobs`, :mod:`grappe.registry.export_profiles`): headline
figures (exports, diversity, ECI and its rank, COI), the top products with an advantage (bars
and table, names in the page's language), the OEC's published ECI series with grappe's own
value marked, the product space with the country's products highlighted, the opportunities
with their reasons (in the page's language: :func:`grappe.i18n.translate`), the exports by
cluster when stored, and the sources and method. Every drawing is server-side SVG
(:mod:`grappe.web.country_svg`) with its data table beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from grappe.complexity.exports import CLOSE_TO
from grappe.errors import NotFoundError
from grappe.i18n import Message, translate
from grappe.io.trade import country_name
from grappe.registry.export_jobs import matrix_countries
from grappe.registry.export_profiles import (
    has_published_profile,
    list_export_profiles,
    load_export_profile,
    load_product_space,
)
from grappe.registry.permissions import refusal
from grappe.web.auth import SignedIn, visitor
from grappe.web.country_svg import eci_chart, share_bars, space_drawing
from grappe.web.db import PageSession, cached_page
from grappe.web.render import language, page
from grappe.web.views._common import not_found

__all__ = ["country_link", "may_correct_profiles", "product_label", "router"]

router = APIRouter()

#: Products drawn in the bar chart (the table lists them all).
TOP_BARS = 15
#: Opportunities listed and drawn (the first ones not hidden; the API lists every one stored:
#: :data:`grappe.registry.export_jobs.STORED_OPPORTUNITIES`).
SHOWN_OPPORTUNITIES = 20
#: The countries the Maghreb pages link to, by the registry's two-letter country.
MAGHREB_ISO3 = {"DZ": "DZA", "MA": "MAR", "TN": "TUN", "LY": "LBY", "MR": "MRT"}


def product_label(names: Mapping[str, str], lang: str, product: str) -> tuple[str, str]:
    """A product's name in ``lang`` and the language it is really in (English, then the
    trade file's name, when the nomenclature has none).

    Examples
    --------
    >>> product_label({"en": "Dates", "fr": "Dattes"}, "fr", "TropicalFruits")
    ('Dattes', 'fr')
    >>> product_label({"en": "Dates"}, "ar", "TropicalFruits")
    ('Dates', 'en')
    >>> product_label({}, "ar", "TropicalFruits")
    ('TropicalFruits', 'en')
    """
    if names.get(lang):
        return names[lang], lang
    return (names.get("en") or product), "en"


def may_correct_profiles(user: SignedIn | None) -> bool:
    """Whether the signed-in ``user`` may correct export profiles (the rule of the API)."""
    return user is not None and refusal(user.access, "update", "export_profile", "") is None


def country_link(session: Session, country: str) -> str | None:
    """``/countries/<iso3>`` when a published profile exists for a registry country code
    (``"DZ"``, ``"MA"``) or an ISO3 code, else None (the caller shows no link)."""
    iso3 = MAGHREB_ISO3.get(country, country)
    return f"/countries/{iso3}" if has_published_profile(session, iso3) else None


@router.get("/countries", response_class=HTMLResponse, include_in_schema=False)
def countries_page(request: Request, session: PageSession) -> HTMLResponse:
    return cached_page(request, session, lambda: _countries_page(request, session))


def _countries_page(
    request: Request, session: Session, *, error: str | None = None, status: int = 200
) -> HTMLResponse:
    """The index; admins and analysts also see the unpublished profiles and the form that adds
    a country of the trade matrix (:mod:`grappe.web.views.country_add`)."""
    lang = language(request)
    staff = may_correct_profiles(visitor(request).user)
    summaries = list_export_profiles(session, published_only=not staff)
    rows = [{"summary": s, "name": country_name(s.country, lang)} for s in summaries]
    rows.sort(key=lambda r: (r["summary"].eci_rank or 10**6, r["name"]))
    addable: list[tuple[str, str]] = []
    if staff:
        stored = {s.country for s in summaries}
        addable = sorted(
            ((c, f"{country_name(c, lang)} ({c})") for c in matrix_countries() if c not in stored),
            key=lambda option: option[1],
        )
    context = {"rows": rows, "staff": staff, "addable": addable, "error": error,
               "csrf": visitor(request).csrf if staff else None}  # fmt: skip
    return page(request, "countries.html", context, status=status)


@router.get("/countries/{iso3}", response_class=HTMLResponse, include_in_schema=False)
def country_page(request: Request, session: PageSession, iso3: str) -> HTMLResponse:
    return cached_page(request, session, lambda: _country_page(request, session, iso3))


def _labelled(item: Any, lang: str) -> dict[str, Any]:
    label, label_lang = product_label(item.names, lang, item.product)
    return {"item": item, "label": label, "label_lang": label_lang}


def _country_page(request: Request, session: Session, iso3: str) -> HTMLResponse:
    lang = language(request)
    if len(iso3) != 3 or not iso3.isalpha():
        return not_found(request)
    try:
        stored = load_export_profile(session, iso3, published_only=True)
    except NotFoundError:
        return not_found(request)
    profile = stored.profile
    products = [_labelled(p, lang) for p in profile.products]
    names = {p["item"].product: p["label"] for p in products}
    opportunities = []
    shown = profile.opportunities[:SHOWN_OPPORTUNITIES]
    for o in shown:
        row = _labelled(o, lang)
        row["near"] = [names.get(p, p) for p in o.near]
        row["reasons"] = [
            # the nearest products by their names in the page's language (as the table shows them)
            translate(Message(CLOSE_TO, near=" / ".join(row["near"])), lang)
            if getattr(reason, "template", None) == CLOSE_TO
            else translate(reason, lang)
            for reason in o.reasons
        ]
        opportunities.append(row)
    bars = share_bars(
        [{"label": p["label"], "share": p["item"].share} for p in products[:TOP_BARS]],
        rtl=lang == "ar",
    )
    eci = eci_chart(profile.published_eci, own=profile.eci, own_year=profile.year)
    try:
        space = load_product_space(session, year=int(profile.year or 0), source=stored.source)
    except NotFoundError:
        drawing = None
    else:
        drawing = space_drawing(
            space.positions, space.links, held={p.product for p in profile.products},
            opportunities={o.product for o in shown},
        )  # fmt: skip
        for node in (*drawing["held"], *drawing["opportunities"]):
            node["label"] = names.get(node["product"]) or next(
                (o["label"] for o in opportunities if o["item"].product == node["product"]),
                node["product"],
            )
    published = sorted(profile.published_eci.items())
    return page(
        request,
        "country.html",
        {
            "iso3": profile.country,
            "name": country_name(profile.country, lang),
            "profile": profile,
            "source": stored.source,
            "products": products,
            "bars": bars,
            "top_bars": min(TOP_BARS, len(products)),
            "eci": eci,
            "published": published,
            "published_same_year": dict(published).get(profile.year),
            "space": drawing,
            "opportunities": opportunities,
            "n_opportunities": len(profile.opportunities),
            "clusters": stored.clusters,
            "method": dict(profile.method),
            "may_correct": may_correct_profiles(visitor(request).user),
        },
    )
