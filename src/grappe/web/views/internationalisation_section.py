"""The "Internationalisation" section of a cluster's profile, for its staff (admins, analysts, its
managers): members that export and their markets (a bar chart with its data table), the exports
KPI against its target, the global pipelines of its network, and the country's products
exported with an advantage and its opportunities in the cluster's HS headings, read from the
country's stored export profile (:mod:`grappe.registry.cluster_exports`).

Computed on read by :func:`grappe.registry.internationalisation.registry_internationalisation`
from the member records of the latest year with figures (compared with the year before). A
firm's exports are its own: the public never sees this section.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from grappe.errors import DataValidationError
from grappe.formats import format_number
from grappe.i18n import translate
from grappe.registry.cluster_exports import ClusterCountryExports, cluster_country_exports
from grappe.registry.internationalisation import latest_internationalisation
from grappe.roadmap.internationalisation import ClusterProduct
from grappe.vocabulary import country_name
from grappe.web.i18n import translations
from grappe.web.views.actor_forms import _LEVEL_LABELS
from grappe.web.views.country import product_label

__all__ = ["country_view", "internationalisation_view"]


#: The kernel's notes on the country's products, which the section's own part replaces (it says
#: where the headings, the country and the profile come from, and what stores a missing one).
_SAID_BY_THE_COUNTRY_PART = frozenset({
    "No products of the cluster's industries (concordance): the country's opportunities cannot "
    "be placed in the cluster.",
    "No export opportunities of the country were given.",
})  # fmt: skip

#: Headings of the cluster listed by name; the others are counted.
SHOWN_HEADINGS = 12


def internationalisation_view(
    session: Session,
    cluster_id: str,
    lang: str,
    actor_names: Mapping[str, str],
    *,
    published_only: bool = True,
) -> dict[str, Any]:
    """What the section shows, names in ``lang`` (members by ``actor_names``); ``"empty":
    True`` without member figures, ``{"error": text}`` when stored records disagree. Its
    ``country`` part (the country's stored export profile in the cluster's headings:
    :func:`grappe.registry.cluster_exports.cluster_country_exports`) reads published profiles
    only unless ``published_only`` is false (a reader who may correct them)."""
    exports = cluster_country_exports(session, cluster_id, published_only=published_only)
    country = country_view(exports, lang)
    try:
        result = latest_internationalisation(
            session, cluster_id, **exports.internationalisation_options()
        )
    except DataValidationError as error:
        return {"error": translate(str(error), lang), "country": country}
    if result is None:
        return {"empty": True, "country": country}
    _ = translations(lang).gettext

    def where(place: str) -> str:  # a partner's level, or its country code
        if place in _LEVEL_LABELS:
            return _(_LEVEL_LABELS[place])
        return country_name(place, lang)

    top = max((m.exports for m in result.markets), default=0.0)
    kpi = result.exports_kpi
    pipes = result.pipelines
    return {
        "empty": False,
        "period": result.period,
        "members": result.members,
        "exporters": [
            {
                "actor": actor_names.get(e.actor, e.actor),
                "exports": e.exports,
                "currency": e.currency,
                "share": e.share,
                "markets": ("، " if lang == "ar" else ", ").join(
                    country_name(m.country, lang)
                    + ("" if m.share is None else f" ({format_number(m.share, lang)} %)")
                    for m in e.markets
                ),
            }
            for e in result.exporters
        ],
        "not_exporting": len(result.not_exporting),
        "unknown": len(result.unknown),
        "total": result.total_exports,
        "currency": result.currency,
        "markets": [
            {
                "country": m.country,
                "name": country_name(m.country, lang),
                "members": len(m.members),
                "exports": m.exports,
                "share": m.share,
                "without_share": m.without_share,
                "width": 100 * m.exports / top if top else 0.0,
            }
            for m in result.markets
        ],
        "unplaced": result.unplaced,
        "kpi": {
            "value": kpi.value,
            "source": kpi.source,
            "target": kpi.target,
            "attainment": kpi.attainment,
            "previous": kpi.previous,
            "disagrees": kpi.disagrees,
        },
        "pipelines": None
        if pipes is None
        else {
            "share": pipes.external_share,
            "external": pipes.external_ties,
            "internal": pipes.internal_ties,
            "actors": [
                (
                    actor_names.get(p.actor, p.actor),
                    len(p.partners),
                    ", ".join(sorted({where(w) for w in p.where})),
                )
                for p in pipes.actors
            ],
            "where": [(where(place), count) for place, count in pipes.where.items()],
        },
        "missing": [
            translate(m, lang)
            for m in result.missing
            if getattr(m, "template", m) not in _SAID_BY_THE_COUNTRY_PART
        ],
        "country": country,
    }


def country_view(exports: ClusterCountryExports, lang: str) -> dict[str, Any]:
    """The section's part on the country's products in the cluster's headings, in ``lang``."""
    from grappe.io.hs import product_name
    from grappe.io.trade import country_name as iso3_country_name

    iso3 = exports.country
    stored = exports.profile
    headings = exports.products or ()

    def row(p: ClusterProduct) -> dict[str, Any]:
        label, label_lang = product_label(p.names, lang, p.product)
        return {"item": p, "label": label, "label_lang": label_lang}

    return {
        "code": iso3,
        "name": None if iso3 is None else iso3_country_name(iso3, lang),
        "link": f"/countries/{iso3}" if stored is not None and stored.published else None,
        "published": None if stored is None else stored.published,
        "year": None if stored is None else stored.profile.year,
        "headings": [(c, product_name(c, lang)) for c in headings[:SHOWN_HEADINGS]],
        "more_headings": max(len(headings) - SHOWN_HEADINGS, 0),
        "n_headings": len(headings),
        "from": exports.products_from,
        "definitions": exports.definitions,
        "sector": exports.sector,
        "among": exports.stored_opportunities,
        "advantages": [row(p) for p in exports.advantages],
        "opportunities": [row(p) for p in exports.opportunities],
        "has_profile": stored is not None,
        "missing": [translate(m, lang) for m in exports.missing],
    }
