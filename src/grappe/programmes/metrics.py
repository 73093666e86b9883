"""The metrics a programme's criteria may name: one place for their unit and meaning (no I/O).

A criterion such as ``members >= 15`` names a metric; whoever holds the data (the registry for a
cluster that joined a programme, a facts file on the command line) gathers its value as a
:class:`~grappe.programmes.rules.Fact` and passes it in. This module says what each name means,
in which unit it is counted and where grappe usually finds it, so that a criterion means the same
thing in every preset, in the registry and in a user's own programme file. A programme file may
declare further metrics of its own under ``metrics:``.
"""

from __future__ import annotations

from dataclasses import dataclass

from grappe.vocabulary import CLUSTER_MAP_COLUMNS, STANDARD_KPIS

__all__ = [
    "MAP_METRICS",
    "METRIC_NAMES",
    "PROGRAMME_METRICS",
    "Metric",
    "metric",
]


@dataclass(frozen=True)
class Metric:
    """A metric a criterion can name.

    Attributes
    ----------
    name : str
        The name written in criteria (``members``, ``lq``…).
    unit : str
        ``count``, ``share`` (0–1), ``FTE``, ``index``, ``0/1``, ``score 1-5``, ``amount``,
        ``jobs``, ``years``.
    meaning : str
        What is counted, in one sentence (English; the docs give it in the table of metrics).
    source : str
        Where grappe usually finds it: ``members`` (the membership register), ``network`` (the
        actors and ties of a survey), ``kpi`` (the KPI series), ``questionnaire:<name>``,
        ``indicators`` (a cluster map's region × cluster cell), or ``typed``.
    """

    name: str
    unit: str
    meaning: str
    source: str


_KPI_MEANINGS = {
    "members": "Members of the cluster organisation at the end of the period.",
    "new_members": "Members who joined during the period.",
    "jobs": "Jobs in the member firms.",
    "exports": "Exports of the member firms (an amount of money).",
    "firms_created": "Firms created in the cluster during the period.",
    "partnerships": "Partnerships (agreements, joint projects) started during the period.",
    "trainings": "Trainings or collective activities run during the period.",
}
_KPI_UNITS = {"exports": "amount", "jobs": "jobs"}

#: Every metric a preset names, with its unit, meaning and usual source. ``members`` and the
#: other standard KPIs (:data:`grappe.vocabulary.STANDARD_KPIS`) are counted from the
#: membership register or the KPI series; network metrics from a survey of the cluster's actors
#: (:mod:`grappe.network`); questionnaire metrics from the answers of ``management.yaml`` and
#: ``danish.yaml`` (:mod:`grappe.assess`); map metrics from one region × cluster × year cell of
#: a ``grappe map`` output (:data:`grappe.vocabulary.CLUSTER_MAP_COLUMNS`).
PROGRAMME_METRICS: tuple[Metric, ...] = (
    *(
        Metric(kpi, _KPI_UNITS.get(kpi, "count"), _KPI_MEANINGS[kpi], "kpi")
        for kpi in STANDARD_KPIS
    ),
    Metric(
        "member_types",
        "count",
        "Distinct kinds of members (spheres of the triple helix: enterprises, universities, "
        "research bodies, training bodies, government, support bodies…).",
        "members",
    ),
    Metric("enterprises", "count", "Member enterprises.", "members"),
    Metric("sme_share", "share", "Share of SMEs among the member enterprises (0–1).", "members"),
    Metric("universities", "count", "Member universities and higher-education schools.", "members"),
    Metric("research_bodies", "count", "Member public or private research bodies.", "members"),
    Metric("training_bodies", "count", "Member vocational-training bodies and schools.", "members"),
    Metric(
        "industry_research_ties",
        "count",
        "Ties between member enterprises and member universities or research bodies.",
        "network",
    ),
    Metric(
        "network_density",
        "share",
        "Density of the ties among the cluster's actors (0–1).",
        "network",
    ),
    Metric(
        "external_tie_share",
        "share",
        "Share of the ties that link the cluster to actors outside its region (0–1).",
        "network",
    ),
    Metric(
        "management_fte",
        "FTE",
        "Staff of the cluster-management team, in full-time equivalents (management.yaml M-G2).",
        "questionnaire:management",
    ),
    Metric(
        "management_strategy",
        "0/1",
        "1 when the cluster has a written strategy and action plan approved by its members "
        "(management.yaml M-G1).",
        "questionnaire:management",
    ),
    Metric(
        "private_funding_share",
        "share",
        "Share of the cluster organisation's budget funded privately: fees, services (0–1; "
        "management.yaml M-F1 divided by 100).",
        "questionnaire:management",
    ),
    Metric(
        "collaborative_projects",
        "count",
        "Collaborative projects completed last year (management.yaml M-A1).",
        "questionnaire:management",
    ),
    Metric(
        "member_satisfaction",
        "score 1-5",
        "How useful the members find the cluster's services (management.yaml M-V1).",
        "questionnaire:management",
    ),
    Metric(
        "years_active",
        "years",
        "Years since the cluster organisation was founded.",
        "typed",
    ),
    Metric(
        "industry_funding_share",
        "share",
        "Share of a centre's or network's budget paid by its member enterprises (0–1).",
        "typed",
    ),
    *(
        Metric(
            f"danish_{dimension}",
            "score 1-5",
            f"Score of the '{dimension}' criterion of the Danish competence-cluster method "
            "(danish.yaml; the mean of its answers on 1–5).",
            "questionnaire:danish",
        )
        for dimension in ("structure", "competences", "performance", "cohesion")
    ),
    Metric("employment", "jobs", "Employment of the region × cluster cell.", "indicators"),
    Metric("establishments", "count", "Establishments of the cell.", "indicators"),
    Metric("payroll", "amount", "Annual payroll of the cell.", "indicators"),
    Metric("avg_wage", "amount", "Average wage of the cell.", "indicators"),
    Metric(
        "lq",
        "index",
        "Location quotient of the cell: the cluster's share of the region's employment over its "
        "share nationally.",
        "indicators",
    ),
    Metric(
        "national_share",
        "share",
        "The cell's share of the cluster's national employment.",
        "indicators",
    ),  # fmt: skip
    Metric("focus", "share", "The cell's share of the region's employment.", "indicators"),
    Metric(
        "employment_pct", "share", "Percentile rank of the cell's employment (0–1).", "indicators"
    ),  # fmt: skip
    Metric(
        "lq_pct", "share", "Percentile rank of the cell's location quotient (0–1).", "indicators"
    ),  # fmt: skip
    Metric(
        "strong", "0/1", "1 when the cell is a US Cluster Mapping strong cluster.", "indicators"
    ),  # fmt: skip
    Metric(
        "strong_90",
        "0/1",
        "1 when the cell is a strong cluster at the 90th percentile.",
        "indicators",
    ),  # fmt: skip
    Metric(
        "stars", "count", "European Cluster Observatory stars of the cell (0–3).", "indicators"
    ),  # fmt: skip
)

#: The names of :data:`PROGRAMME_METRICS`, in order.
METRIC_NAMES: tuple[str, ...] = tuple(m.name for m in PROGRAMME_METRICS)

#: Metrics a ``statistical:`` criterion may name: the numeric columns of a cluster map.
MAP_METRICS: tuple[str, ...] = tuple(
    m.name for m in PROGRAMME_METRICS if m.source == "indicators" and m.name in CLUSTER_MAP_COLUMNS
)

_BY_NAME = {m.name: m for m in PROGRAMME_METRICS}


def metric(name: str) -> Metric | None:
    """The :class:`Metric` called ``name``, or ``None`` when grappe does not define it.

    Examples
    --------
    >>> metric("management_fte").unit
    'FTE'
    >>> metric("turnover") is None
    True
    """
    return _BY_NAME.get(name)
