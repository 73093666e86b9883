"""Gather the parts of a cluster diagnosis: :class:`ClusterReport` and :func:`build_report`.

:func:`build_report` runs the qualification kernels on the mapping engine's indicators and the
network diagnosis and keeps every result (or takes the results the workspace stored: a scored
diamond, success factors, life-cycle stage and edited SWOT, so that a cluster without mapped
statistics still gets its report), draws the findings (:mod:`grappe.reports.findings`) and the
recommendations that answer them (:mod:`grappe.reports.recommendations`). Rendering is
:mod:`grappe.reports.render`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from grappe.assess import (
    Classification,
    Diamond,
    Lifecycle,
    Questionnaire,
    SuccessFactors,
    Swot,
    SwotItem,
    classify,
    cluster_evidence,
    draft_swot,
    lifecycle_series,
    lifecycle_stage,
    network_evidence,
    network_figures,
    success_factors,
)
from grappe.assess import diamond as score_diamond
from grappe.reports.findings import (
    Finding,
    kpi_findings,
    network_findings,
    programme_findings,
    related_change,
    related_findings,
    statistics_findings,
)
from grappe.reports.i18n import LANGS, NAMES
from grappe.reports.internationalisation import internationalisation_findings
from grappe.reports.programme import ProgrammeStatus, ordered_programmes
from grappe.reports.recommendations import Recommendation, recommend
from grappe.roadmap import Evaluation, Roadmap, evaluate_kpis

__all__ = ["ClusterReport", "build_report"]


@dataclass(frozen=True)
class ClusterReport:
    """Every part of a cluster diagnostic report.

    Attributes
    ----------
    region, region_name, cluster, cluster_name : str
    year : int or None
        Year of the indicators (None without statistics, unless the caller gave one).
    series : pandas.DataFrame
        Yearly ``year``, ``employment``, ``national_employment``, ``lq``; empty when the
        cluster has no mapped statistics.
    evidence : mapping
        Indicators of the cluster (:func:`grappe.assess.cluster_evidence`) and network
        figures prefixed ``network_``.
    diamond : Diamond or None
    success : SuccessFactors or None
    classification : Classification or None
    lifecycle : Lifecycle or None
        None when neither computed from statistics nor given (the report says so).
    swot : Swot
    network : mapping or None
        Flat network figures (:func:`grappe.assess.network_figures`) and the lists
        ``brokers`` and ``coordinators``.
    roadmap : Roadmap or None
    evaluation : Evaluation or None
    sources : tuple of str
        Data sources cited in the report.
    latest_evaluation : mapping or None
        The latest stored evaluation: ``date``, ``kind``, ``score`` (share of KPI targets met,
        in percent), ``label``, ``label_status``, ``evaluator``.
    swot_given : bool
        The SWOT came from the caller (the one stored and edited in the workspace), not
        drafted here.
    findings : tuple of Finding
        What the data say, each with its figure (:mod:`grappe.reports.findings`).
    recommendations : tuple of Recommendation
        Actions answering the findings, most urgent first.
    programmes : tuple of ProgrammeStatus
        The cluster's status in each programme it is enrolled in, live ones first
        (:func:`grappe.reports.programme.ordered_programmes`); empty when it is in none.
    drawing : mapping or None
        Layout of the actor network (:func:`grappe.network.drawing.network_drawing`), drawn
        in the report when the network itself was given.
    internationalisation : Internationalisation or None
        The cluster's internationalisation
        (:func:`grappe.roadmap.internationalisation.cluster_internationalisation`), when given.
    """

    region: str
    region_name: str
    cluster: str
    cluster_name: str
    year: int | None
    series: pd.DataFrame
    evidence: Mapping[str, float]
    diamond: Diamond | None
    success: SuccessFactors | None
    classification: Classification | None
    lifecycle: Lifecycle | None
    swot: Swot
    network: Mapping[str, Any] | None = None
    roadmap: Roadmap | None = None
    evaluation: Evaluation | None = None
    sources: tuple[str, ...] = field(default_factory=tuple)
    swot_given: bool = False
    latest_evaluation: Mapping[str, Any] | None = None
    findings: tuple[Finding, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    programmes: tuple[ProgrammeStatus, ...] = ()
    drawing: Mapping[str, Any] | None = None
    internationalisation: Any = None

    @property
    def programme(self) -> ProgrammeStatus | None:
        """The first of :attr:`programmes` (a live one when there is one), or None."""
        return self.programmes[0] if self.programmes else None

    @property
    def has_statistics(self) -> bool:
        """Whether the report rests on mapped statistics (indicators of the cluster)."""
        return not self.series.empty


def build_report(
    indicators: pd.DataFrame | None = None,
    *,
    region: str,
    cluster: str,
    year: int | None = None,
    start: int | None = None,
    related: Iterable[str] = (),
    network: Mapping[str, Any] | None = None,
    diamond_questionnaire: Questionnaire | None = None,
    diamond_answers: Mapping[str, Any] | None = None,
    factors_questionnaire: Questionnaire | None = None,
    factors_answers: Mapping[str, Any] | None = None,
    method: str = "quebec",
    roadmap: Roadmap | None = None,
    kpis: pd.DataFrame | None = None,
    period: str | None = None,
    swot_edits: Mapping[str, Any] | None = None,
    sources: Iterable[str] = (),
    diamond: Diamond | None = None,
    factors: SuccessFactors | None = None,
    lifecycle: Lifecycle | None = None,
    swot: Swot | None = None,
    region_name: str | None = None,
    cluster_name: str | None = None,
    latest_evaluation: Mapping[str, Any] | None = None,
    graph: Any = None,
    related_clusters: pd.DataFrame | None = None,
    programme: ProgrammeStatus | Iterable[ProgrammeStatus] | None = None,
    internationalisation: Any = None,
    seed: int = 7,
) -> ClusterReport:
    """Run the qualification of one cluster and gather the parts of its report.

    Parameters
    ----------
    indicators : pandas.DataFrame, optional
        ``ClusterMap.indicators`` (needs ``region``, ``cluster``, ``year``, ``employment``,
        ``establishments``, ``payroll``, ``lq``; ``region_name`` and ``cluster_name`` used
        when present). None or empty for a cluster without mapped statistics: no evidence
        from statistics, no employment chart, and the parts come from ``diamond``,
        ``factors``, ``lifecycle`` and ``swot`` (or are absent, and the report says so).
    region, cluster : str
    year, start : int, optional
        Year assessed and start of the growth period (default: last and first years).
    related : iterable of str
        Related clusters (for the diamond's related and supporting industries).
    network : mapping, optional
        The network diagnosis summary (``grappe.network.diagnose(net).summary``).
    diamond_questionnaire, diamond_answers, factors_questionnaire, factors_answers : optional
        Questionnaires and validated answers.
    method : {"quebec", "danish"}
        Success-factor method.
    roadmap : Roadmap, optional
    kpis : pandas.DataFrame, optional
        KPI table; evaluated for ``period`` (default: its last period).
    swot_edits : mapping, optional
        ``{"add": …, "remove": …}`` passed to :meth:`Swot.edit`.
    sources : iterable of str
        Data sources to cite.
    diamond, factors, lifecycle : Diamond, SuccessFactors, Lifecycle, optional
        Results already scored (a stored assessment version), used instead of computing them
        from the indicators and questionnaires.
    swot : Swot, optional
        The SWOT to report (the stored, edited one) instead of a draft; ``swot_edits`` still
        apply to it.
    region_name, cluster_name : str, optional
        Display names; default: the indicators' ``region_name`` and ``cluster_name``, else
        the codes.
    latest_evaluation : mapping, optional
        The latest stored evaluation and its label status (see :class:`ClusterReport`).
    graph : ActorNetwork, optional
        The network itself (:class:`grappe.network.model.ActorNetwork`), drawn in the report.
    related_clusters : pandas.DataFrame, optional
        :func:`grappe.complexity.related_table` of the region: the closest related activities
        become opportunities.
    programme : ProgrammeStatus or iterable of ProgrammeStatus, optional
        The cluster's status in a programme, or in each of the programmes it is enrolled in
        (:func:`grappe.reports.programme.programme_statuses`); the report lists them all, live
        ones first (:func:`grappe.reports.programme.ordered_programmes`).
    internationalisation : Internationalisation, optional
        The cluster's internationalisation
        (:func:`grappe.roadmap.internationalisation.cluster_internationalisation`): its
        findings (:mod:`grappe.reports.internationalisation`) and section.
    seed : int, default 7
        Seed of the network drawing's layout.

    Returns
    -------
    ClusterReport

    Raises
    ------
    NotFoundError
        If the region × cluster is absent from the indicators.
    InvalidParameterError, DataValidationError
        From the kernels.
    """
    has_statistics = indicators is not None and not indicators.empty
    ev: dict[str, Any] = {}
    series = pd.DataFrame(columns=["year", "employment", "national_employment", "lq"])
    rows = pd.DataFrame()
    if indicators is not None and has_statistics:
        ev = cluster_evidence(
            indicators, region=region, cluster=cluster, year=year, start=start, related=related
        )
        years = sorted(int(y) for y in pd.unique(indicators["year"]))
        year = years[-1] if year is None else int(year)
        series = lifecycle_series(indicators, region=region, cluster=cluster)
        series = series[series["year"] <= year]
        rows = indicators[
            (indicators["region"].astype(str) == str(region))
            & (indicators["cluster"].astype(str) == str(cluster))
        ]
    net_figs: dict[str, Any] | None = None
    if network is not None:
        net_figs = network_figures(network)
        ev.update(network_evidence(net_figs))
        net_figs["brokers"] = list(network.get("brokers") or [])
        net_figs["coordinators"] = list(network.get("coordinators") or [])
    # A given (stored) part wins; otherwise score what the statistics or the answers allow.
    life = lifecycle
    if life is None and has_statistics:
        life = lifecycle_stage(series)
    dia = diamond
    if dia is None and (has_statistics or diamond_answers is not None):
        dia = score_diamond(ev, questionnaire=diamond_questionnaire, answers=diamond_answers)
    sf = factors
    if sf is None and (has_statistics or factors_answers is not None):
        sf = success_factors(
            ev, method=method, questionnaire=factors_questionnaire, answers=factors_answers
        )
    report_swot = swot
    if report_swot is None:
        scores = {**(dia.scores if dia else {}), **(sf.scores if sf else {})}
        report_swot = draft_swot(
            scores=scores, names=dict(NAMES.items()), lifecycle=life, network=net_figs
        )
    evaluation = None
    if kpis is not None:
        period = period or sorted(kpis["period"].astype(str).unique())[-1]
        evaluation = evaluate_kpis(kpis, period=period)
    change = None
    if indicators is not None and has_statistics and len(series) >= 2:
        change = related_change(
            indicators, region=region, related=related,
            start=int(series["year"].iloc[0]), end=int(series["year"].iloc[-1]),
        )  # fmt: skip
    said = kpi_findings(evaluation)
    programmes = ordered_programmes(
        () if programme is None else (programme,) if isinstance(programme, ProgrammeStatus)
        else programme
    )  # fmt: skip
    findings = (
        *statistics_findings(ev, series if has_statistics else None),
        *related_findings(change, related_clusters),
        *(network_findings(network) if network is not None else ()),
        *said,
        *internationalisation_findings(
            internationalisation,
            kpis_said=evaluation is not None and "exports" in set(evaluation.table["kpi"]),
        ),
        *(f for status in programmes for f in programme_findings(status)),
    )
    if swot is None:
        # The drafted SWOT also gets the opportunities and threats the data show, each with
        # its figure; a stored SWOT is the actors' own and is reported as they left it.
        report_swot = _with_findings(report_swot, findings)
    if swot_edits:
        report_swot = report_swot.edit(**swot_edits)
    if region_name is None:
        region_name = str(rows["region_name"].iloc[0]) if "region_name" in rows else str(region)
    if cluster_name is None:
        cluster_name = str(rows["cluster_name"].iloc[0]) if "cluster_name" in rows else str(cluster)
    return ClusterReport(
        str(region),
        region_name,
        str(cluster),
        cluster_name,
        None if year is None else int(year),
        series,
        ev,
        dia,
        sf,
        None if sf is None else classify(sf),
        life,
        report_swot,
        net_figs,
        roadmap,
        evaluation,
        tuple(sources),
        swot_given=swot is not None,
        latest_evaluation=None if latest_evaluation is None else dict(latest_evaluation),
        findings=findings,
        recommendations=recommend(findings),
        programmes=programmes,
        drawing=_drawing(graph, seed=seed),
        internationalisation=internationalisation,
    )


def _with_findings(swot: Swot, findings: Iterable[Finding]) -> Swot:
    extra: dict[str, list[SwotItem]] = {"opportunities": [], "threats": []}
    for f in findings:
        quadrant = {"opportunity": "opportunities", "threat": "threats"}.get(f.kind)
        if quadrant is not None:
            texts = {lang: f.text(lang) for lang in LANGS}
            extra[quadrant].append(SwotItem(f.key, dict(f.params), f.figure, texts))
    return replace(
        swot,
        opportunities=(*swot.opportunities, *extra["opportunities"]),
        threats=(*swot.threats, *extra["threats"]),
    )


def _drawing(graph: Any, *, seed: int) -> Mapping[str, Any] | None:
    if graph is None:
        return None
    from grappe.network.drawing import network_drawing

    actors = list(graph.actors.itertuples(index=False))
    ties = list(graph.ties.itertuples(index=False))
    return network_drawing(actors, ties, seed=seed)
