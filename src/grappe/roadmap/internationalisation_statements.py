"""The statements of :func:`grappe.roadmap.internationalisation.cluster_internationalisation`
(no I/O): each finding as a translatable sentence with its figure and source, and what cannot
be said (the texts' French and Arabic: ``scripts/i18n_cli_clusterintl.py``)."""

from __future__ import annotations

from grappe.i18n import Country, Message, Number
from grappe.roadmap.internationalisation_results import (
    ClusterProduct,
    Exporter,
    ExportsKpi,
    MarketTotal,
    Pipelines,
    Statement,
)
from grappe.roadmap.periods import Period

__all__ = ["write_statements"]


def write_statements(
    period: Period,
    members: int,
    exporters: list[Exporter],
    unknown: tuple[str, ...],
    markets: list[MarketTotal],
    total: float | None,
    currency: str | None,
    placed: float,
    kpi: ExportsKpi,
    pipelines: Pipelines | None,
    country: str | None,
    products: set[str] | None,
    advantages: list[ClusterProduct],
    opportunities: list[ClusterProduct],
    any_opportunity: bool,
    any_advantage: bool,
) -> tuple[list[Statement], list[Message]]:
    said: list[Statement] = []
    missing: list[Message] = []
    p = period.text
    said.append(
        Statement(
            "exporters",
            Message(
                "{n} of the {members} members exported in {period}.",
                n=len(exporters),
                members=members,
                period=p,
            ),
            float(len(exporters)),
            "records",
        )
    )
    if unknown:
        missing.append(
            Message(
                "{n} members have no figure for {period}: whether they export is not known.",
                n=len(unknown),
                period=p,
            )
        )
    if total is not None:
        said.append(
            Statement(
                "exporters",
                Message(
                    "The members exported {value} {currency} in {period}.",
                    value=Number(total),
                    currency=currency or "",
                    period=p,
                ),
                total,
                "records",
            )
        )
    if markets:
        top = markets[0]
        said.append(
            Statement(
                "markets",
                Message(
                    "The members export to {n} countries; the first is {country} ({members} "
                    "members).",
                    n=len(markets),
                    country=Country(top.country),
                    members=len(top.members),
                ),
                float(len(markets)),
                "records",
            )
        )
        if total:
            said.append(
                Statement(
                    "markets",
                    Message(
                        "The market shares place {share} of the exports.",
                        share=Number(placed / total, percent=True),
                    ),
                    placed / total,
                    "records",
                )
            )
    else:
        missing.append(Message("No member figure names its markets (where its exports go)."))
    if kpi.value is not None:
        said.append(
            Statement(
                "exports_kpi",
                Message(
                    "The exports KPI of {period} is {value}, computed from the records.",
                    period=p,
                    value=Number(kpi.value),
                )
                if kpi.source == "records"
                else Message(
                    "The exports KPI of {period} is {value}, typed by hand.",
                    period=p,
                    value=Number(kpi.value),
                ),
                kpi.value,
                "records" if kpi.source == "records" else "kpis",
            )
        )
    else:
        missing.append(
            Message("No exports figure for {period}, typed or in the records.", period=p)
        )
    if kpi.attainment is not None:
        said.append(
            Statement(
                "exports_kpi",
                Message(
                    "It reaches {share} of its target of {target}.",
                    share=Number(kpi.attainment, percent=True),
                    target=Number(kpi.target),
                ),
                kpi.attainment,
                "kpis",
            )
        )
    elif kpi.target is None:
        missing.append(Message("The exports KPI of {period} has no target.", period=p))
    if kpi.previous is not None and kpi.computed is not None:
        said.append(
            Statement(
                "exports_kpi",
                Message(
                    "Exports changed by {change} since the previous period.",
                    change=Number(kpi.computed - kpi.previous, signed=True),
                ),
                kpi.computed - kpi.previous,
                "records",
            )
        )
    if pipelines is None:
        missing.append(Message("No network: the external ties (global pipelines) are not known."))
    elif pipelines.external_share is not None:
        said.append(
            Statement(
                "pipelines",
                Message(
                    "{share} of the network's ties cross the cluster's boundary "
                    "({external} of {all}); {n} members hold them.",
                    share=Number(pipelines.external_share, percent=True),
                    external=Number(pipelines.external_ties),
                    all=Number(pipelines.external_ties + pipelines.internal_ties),
                    n=len(pipelines.actors),
                ),
                pipelines.external_share,
                "network",
            )
        )
    if products is None:
        missing.append(
            Message(
                "No products of the cluster's industries (concordance): the country's "
                "opportunities cannot be placed in the cluster."
            )
        )
    else:
        if any_advantage:
            said.append(
                Statement(
                    "advantages",
                    Message(
                        "{country} exports {n} products of the cluster's industries with a "
                        "comparative advantage.",
                        country=Country(country) if country else "?",
                        n=len(advantages),
                    ),
                    float(len(advantages)),
                    "trade",
                )
            )
        if any_opportunity:
            said.append(
                Statement(
                    "opportunities",
                    Message(
                        "{n} of {country}'s export opportunities fall in the cluster's industries.",
                        country=Country(country) if country else "?",
                        n=len(opportunities),
                    ),
                    float(len(opportunities)),
                    "trade",
                )
            )
        else:
            missing.append(Message("No export opportunities of the country were given."))
    return said, missing
