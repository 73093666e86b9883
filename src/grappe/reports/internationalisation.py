"""The "Internationalisation" section of the cluster report: findings drawn from
:class:`grappe.roadmap.internationalisation_results.Internationalisation`, each citing its
figure, their texts in French, Arabic and English, and the section's tables.

Rules (each checked by hand in ``tests/reports/test_report_internationalisation.py``):

- ``members_export`` (strength): members export; how many, how much, to how many markets;
- ``no_exporter`` (weakness): members report figures for the period but none exports;
- ``market_concentration`` (threat): one market takes at least :data:`CONCENTRATED_SHARE` of
  the members' exports (a dependence on one destination);
- ``exports_target_missed`` (weakness): the exports KPI below its target (when the KPI table of
  the report does not already say it);
- ``global_pipelines`` (strength): members hold ties across the cluster's boundary;
- ``export_advantage`` (strength): the country exports products of the cluster's industries
  with a comparative advantage;
- ``export_opportunity`` (opportunity): the country's best-ranked opportunities in the cluster's
  industries.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from grappe.formats import format_number, format_share
from grappe.reports.findings import Finding
from grappe.reports.internationalisation_texts import (
    INTL_FINDING_TEXTS,
    INTL_RECOMMENDATION_TEXTS,
    INTL_T,
)
from grappe.vocabulary import LANGUAGES, country_name

__all__ = [
    "CONCENTRATED_SHARE",
    "INTL_FINDING_TEXTS",
    "INTL_RECOMMENDATION_TEXTS",
    "INTL_T",
    "internationalisation_findings",
    "internationalisation_tables",
]

#: A share of the members' exports going to one market from which the cluster depends on it.
CONCENTRATED_SHARE = 0.5


def _name(names: Mapping[str, str], fallback: str) -> dict[str, str]:
    english = names.get("en") or fallback
    return {lang: names.get(lang) or english for lang in LANGUAGES}


def internationalisation_findings(intl: Any, *, kpis_said: bool = False) -> tuple[Finding, ...]:
    """The findings of a cluster's internationalisation (``None`` gives none).

    Parameters
    ----------
    intl : Internationalisation or None
    kpis_said : bool
        The report's KPI table already reports the exports against their target.

    References
    ----------
    .. [1] Bathelt, Malmberg & Maskell (2004), *Progress in Human Geography* 28(1):31–56.
    .. [2] Hausmann et al. (2014), *The Atlas of Economic Complexity*, MIT Press.
    """
    if intl is None:
        return ()
    out: list[Finding] = []
    period = intl.period
    if intl.exporters:
        out.append(
            Finding("members_export", "strength", "internationalisation", "exporters",
                    float(len(intl.exporters)),
                    {"n": len(intl.exporters), "members": intl.members,
                     "value": intl.total_exports, "currency": intl.currency or "",
                     "period": period, "markets": len(intl.markets)})
        )  # fmt: skip
    elif len(intl.not_exporting):
        out.append(
            Finding("no_exporter", "weakness", "internationalisation", "exporters", 0.0,
                    {"members": intl.members, "period": period})
        )  # fmt: skip
    top = intl.markets[0] if intl.markets else None
    if top is not None and top.share is not None and top.share >= CONCENTRATED_SHARE:
        out.append(
            Finding("market_concentration", "threat", "internationalisation", "market_share",
                    top.share,
                    {"share": top.share, "country": _country(top.country), "period": period})
        )  # fmt: skip
    kpi = intl.exports_kpi
    if not kpis_said and kpi.attainment is not None and kpi.attainment < 1:
        out.append(
            Finding("exports_target_missed", "weakness", "internationalisation", "exports",
                    kpi.value, {"value": kpi.value, "target": kpi.target, "period": period})
        )  # fmt: skip
    pipes = intl.pipelines
    if pipes is not None and pipes.actors:
        out.append(
            Finding("global_pipelines", "strength", "internationalisation", "external_share",
                    pipes.external_share,
                    {"n": len(pipes.actors), "external": pipes.external_ties,
                     "share": pipes.external_share})
        )  # fmt: skip
    country = _country(intl.country) if intl.country else None
    if intl.advantages and country:
        first = intl.advantages[0]
        out.append(
            Finding("export_advantage", "strength", "internationalisation", "rca", first.rca,
                    {"country": country, "n": len(intl.advantages),
                     "product": _name(first.names, first.product), "rca": first.rca})
        )  # fmt: skip
    if intl.opportunities and country:
        best = intl.opportunities[:3]
        out.append(
            Finding("export_opportunity", "opportunity", "internationalisation", "density",
                    best[0].density,
                    {"country": country,
                     "names": [_name(p.names, p.product)["en"] for p in best]})
        )  # fmt: skip
    return tuple(out)


def _country(code: str) -> dict[str, str]:
    """A country's names by language through CLDR: an ISO2 code (the registry's regions) or an
    ISO3 code (the trade file's, the stored export profiles')."""
    if len(code) == 3:
        from grappe.io.trade import country_name as iso3_name

        return {lang: iso3_name(code, lang) for lang in LANGUAGES}
    return {lang: country_name(code, lang) for lang in LANGUAGES}


def internationalisation_tables(intl: Any, lang: str) -> dict[str, Any] | None:
    """The rows of the report section's tables in ``lang`` (``None`` without data)."""
    if intl is None:
        return None
    return {
        "period": intl.period,
        "markets": [
            {
                "country": country_name(m.country, lang),
                "members": format_number(len(m.members), lang),
                "exports": format_number(m.exports, lang, significant=3),
                "share": "—" if m.share is None else format_share(m.share, lang),
            }
            for m in intl.markets
        ],
        "opportunities": [
            {
                "product": f"{_name(p.names, p.product)[lang]} ({p.code})",
                "rank": format_number(p.rank, lang) if p.rank is not None else "—",
                "density": format_number(p.density, lang, digits=3),
            }
            for p in intl.opportunities[:10]
        ],
    }
