"""The "Internationalisation" section of a cluster's profile, for its staff (admins, analysts, its
managers): members that export and their markets (a bar chart with its data table), the exports
KPI against its target, and the global pipelines of its network.

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
from grappe.registry.internationalisation import latest_internationalisation
from grappe.vocabulary import country_name
from grappe.web.i18n import translations
from grappe.web.views.actor_forms import _LEVEL_LABELS

__all__ = ["internationalisation_view"]


def internationalisation_view(
    session: Session, cluster_id: str, lang: str, actor_names: Mapping[str, str]
) -> dict[str, Any]:
    """What the section shows, names in ``lang`` (members by ``actor_names``); ``{"empty":
    True}`` without member figures, ``{"error": text}`` when stored records disagree."""
    try:
        result = latest_internationalisation(session, cluster_id)
    except DataValidationError as error:
        return {"error": translate(str(error), lang)}
    if result is None:
        return {"empty": True}
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
        "missing": [translate(m, lang) for m in result.missing],
    }
