"""Gather the parts of a cluster diagnosis and render it as HTML or PDF, in fr/ar/en.

:func:`build_report` runs the qualification kernels on the mapping engine's indicators and the
network diagnosis and keeps every result (or takes the results the workspace stored: a scored
diamond, success factors, life-cycle stage and edited SWOT, so that a cluster without mapped
statistics still gets its report); :func:`render_html` fills the Jinja2 template with
the charts embedded as base64 PNG (a self-contained file); :func:`write_pdf` prints that HTML
with WeasyPrint (``pip install grappe[report]``), whose text shaping handles Arabic.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from grappe._validation import check_option
from grappe.assess import (
    DIAMOND_DIMENSIONS,
    Classification,
    Diamond,
    Lifecycle,
    Questionnaire,
    SuccessFactors,
    Swot,
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
from grappe.definitions.names import localized_cluster_name
from grappe.errors import MissingDependencyError
from grappe.formats import (
    MISSING,
    format_day,
    format_money,
    format_number,
    format_share,
    format_year,
)
from grappe.i18n import Message
from grappe.io.output import write_bytes, write_text
from grappe.reports import charts
from grappe.reports.i18n import LANGS, NAMES, RULES, T, label
from grappe.roadmap import PHASES, Evaluation, Roadmap, evaluate_kpis

__all__ = [
    "ClusterReport",
    "build_report",
    "pdf_bytes",
    "render_html",
    "write_html",
    "write_pdf",
]

PathLike = str | os.PathLike[str]


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
    if swot_edits:
        report_swot = report_swot.edit(**swot_edits)
    evaluation = None
    if kpis is not None:
        period = period or sorted(kpis["period"].astype(str).unique())[-1]
        evaluation = evaluate_kpis(kpis, period=period)
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
    )


#: Indicators that are shares or rates (written as percentages).
_SHARES = frozenset(
    {
        "cagr",
        "national_cagr",
        "growth_gap",
        "share_change",
        "national_share",
        "external_share",
        "related_strong_share",
    }
)


def _fmt(value: Any, lang: str, key: str = "") -> str:
    """A value of the report in the conventions of ``lang`` (:mod:`grappe.formats`)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if isinstance(value, bool):
        return T["yes" if value else "no"][lang]
    if isinstance(value, int | float):
        if key in _SHARES:
            return format_share(value, lang)
        return format_number(value, lang, significant=3)
    if isinstance(value, tuple):
        return ", ".join(_fmt(v, lang, key) for v in value)
    return str(value)


def _context(report: ClusterReport, lang: str) -> dict[str, Any]:
    t = {k: v[lang] for k, v in T.items()}
    arabic = lang == "ar"
    # A benchmark cluster's name in the report's language; a workspace cluster's own name (in
    # the report's language already, registry.reports) is kept, with no lang mark of its own.
    cluster_name, cluster_lang = localized_cluster_name(report.cluster, report.cluster_name, lang)
    if cluster_name == report.cluster_name and cluster_lang != lang:
        cluster_lang = ""

    def name(key: str) -> str:
        return label(key.removeprefix("network_"), lang)

    dia = report.diamond.scores if report.diamond is not None else {}
    # The charts speak the report's language (Arabic shaped by grappe.chart_text).
    dia_names = [_wrap(name(d)) for d in DIAMOND_DIMENSIONS]
    images = {}
    if report.has_statistics:
        images["employment"] = charts.employment_chart(
            report.series,
            label_region=report.region_name,
            label_nation=t["national_index"],
            lang=lang,
        )
    if all(d in dia for d in DIAMOND_DIMENSIONS):
        images["diamond"] = charts.diamond_chart(
            dia_names, [dia[d].value for d in DIAMOND_DIMENSIONS], lang=lang
        )
    if report.evaluation is not None and report.evaluation.table["target"].notna().any():
        images["kpis"] = charts.kpi_chart(
            report.evaluation.table,
            {k: name(k) for k in report.evaluation.table["kpi"]},
            axis_label=t["target_axis"],
            lang=lang,
        )

    def score_rows(scores: Mapping[str, Any]) -> list[dict[str, Any]]:
        out = []
        for i, (dim, s) in enumerate(scores.items()):
            out.append(
                {
                    "number": i + 1,
                    "name": name(dim),
                    "score": _fmt(s.value, lang) if s.known else t["unknown"],
                    "evidence": [
                        {
                            "name": name(e.name),
                            "detail": f"{_fmt(e.value, lang, e.name)} → {_fmt(e.points, lang)}",
                        }
                        for e in s.evidence
                    ],
                }
            )
        return out

    key_indicators = [
        "employment",
        "establishments",
        "lq",
        "national_share",
        "wage_ratio",
        "firm_count_ratio",
        "cagr",
        "national_cagr",
        "growth_gap",
        "related_lq_mean",
        "related_strong_share",
    ]
    indicator_rows = [
        {"name": name(k), "value": _fmt(report.evidence[k], lang, k)}
        for k in key_indicators
        if k in report.evidence
    ]
    network_rows = []
    if report.network:
        network_rows = [
            {"name": name(k), "value": _fmt(v, lang, k)}
            for k, v in report.network.items()
            if not isinstance(v, list)
        ]
    swot = {
        q: [item.text(lang) for item in getattr(report.swot, q)]
        for q in ("strengths", "weaknesses", "opportunities", "threats")
    }
    roadmap = None
    if report.roadmap is not None:
        rm = report.roadmap
        phases = []
        for p in PHASES:
            acts = [a for a in rm.actions if a.phase == p.key]
            phases.append(
                {
                    "number": p.number,
                    "name": p.names[lang],
                    "deliverables": [
                        f"{d[lang]} ({name(rm.deliverables[k])})"
                        if k in rm.deliverables
                        else d[lang]
                        for k, d in p.deliverables.items()
                    ],
                    "actions": [
                        {
                            "title": a.title,
                            "owner": a.owner,
                            "budget": _budget(a.budget, a.currency, lang),
                            "dates": f"{a.start} → {a.end}",
                            "status": name(a.status),
                        }
                        for a in acts
                    ],
                }
            )
        roadmap = {"mode": name(rm.mode), "challenges": list(rm.challenges), "phases": phases}
    kpis = None
    if report.evaluation is not None:
        kpis = {
            "period": report.evaluation.period,
            "rows": [
                {
                    "name": name(r.kpi),
                    "value": _fmt(r.value, lang),
                    "previous": _fmt(r.previous, lang),
                    "target": _fmt(r.target, lang),
                    "met": MISSING if pd.isna(r.met) else (t["yes"] if r.met else t["no"]),
                }
                for r in report.evaluation.table.itertuples(index=False)
            ],
        }
    cls = report.classification
    life = report.lifecycle
    latest = None
    if report.latest_evaluation is not None:
        e = report.latest_evaluation
        latest = [
            (t["date"], str(e.get("date") or "—")),
            (t["kind"], name(e.get("kind") or "—")),
            (
                t["met_share"],
                MISSING if e.get("score") is None else format_share(e["score"] / 100, lang),
            ),
            (t["label"], e.get("label") or "—"),
            (t["label_status"], name(e.get("label_status") or "—")),
            (t["evaluator"], e.get("evaluator") or "—"),
        ]
    return {
        "lang": lang,
        "dir": "rtl" if arabic else "ltr",
        "t": t,
        "r": report,
        "today": format_day(dt.date.today(), lang),
        "year": MISSING if report.year is None else format_year(report.year, lang),
        "cluster_name": cluster_name,
        "cluster_lang": cluster_lang,
        "images": images,
        "stage": t["not_assessed"] if life is None else name(life.stage),
        "stage_rule": None if life is None else _stage_rule(life, lang),
        "classification": (
            t["not_assessed"]
            if cls is None
            else name(cls.level)
            if cls.level != "none"
            else t["none"]
        ),
        "classification_rule": None if cls is None else _class_rule(cls, lang),
        "statistics": report.has_statistics,
        "indicators": indicator_rows,
        "diamond": score_rows(dia) if report.diamond is not None else None,
        "success": score_rows(report.success.scores) if report.success is not None else None,
        "network": network_rows,
        "brokers": (report.network or {}).get("brokers", []),
        "brokers_label": name("n_brokers"),
        "swot": swot,
        "roadmap": roadmap,
        "kpis": kpis,
        "latest_evaluation": latest,
        "sources": list(report.sources),
    }


def _budget(amount: Any, currency: str | None, lang: str) -> str:
    """An action's budget: the currency's symbol and the language's conventions (Babel)."""
    if currency and len(str(currency)) == 3 and not _missing(amount):
        return format_money(float(amount), str(currency).upper(), lang)
    return f"{_fmt(amount, lang)} {currency or ''}".strip()


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _wrap(text: str, width: int = 18) -> str:
    """A diamond dimension's name on lines of about ``width`` characters (round the radar)."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


def _stage_rule(life: Lifecycle, lang: str) -> str:
    p = dict(life.parameters)
    if not p:
        return life.rule
    p = {k: _fmt(v, lang) if isinstance(v, int | float) else v for k, v in p.items()}
    p["band"] = f"{format_number(life.parameters['band'] * 100, lang, significant=3)} pt"
    p["fast_growth"] = format_share(life.parameters["fast_growth"], lang)
    return RULES[life.stage][lang].format(**p)


def _class_rule(cls: Classification, lang: str) -> str:
    if not cls.thresholds:
        return cls.rule
    thresholds = {k: _fmt(v, lang) for k, v in cls.thresholds.items()}
    return RULES["classification"][lang].format(overall=_fmt(cls.overall, lang), **thresholds)


def render_html(report: ClusterReport, *, lang: str = "fr") -> str:
    """Render the report as one self-contained HTML page.

    Parameters
    ----------
    report : ClusterReport
    lang : {"fr", "ar", "en"}
        Language; Arabic pages are written right to left (``dir="rtl"``).

    Returns
    -------
    str

    Raises
    ------
    InvalidParameterError
        On an unknown language.
    """
    check_option(lang, "lang", LANGS, func="render_html")
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("grappe.reports", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2").render(**_context(report, lang))


def write_html(report: ClusterReport, path: PathLike, *, lang: str = "fr") -> Path:
    """Write :func:`render_html` to ``path`` safely (:mod:`grappe.io.output`); return the path."""
    return write_text(render_html(report, lang=lang), path)


def pdf_bytes(html: str) -> bytes:
    """Print an HTML page of :func:`render_html` to PDF with WeasyPrint.

    Raises
    ------
    MissingDependencyError
        If WeasyPrint (or its system libraries, see ``scripts/setup-system``) is missing.
    """
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise MissingDependencyError(
            Message(
                "Writing PDF reports needs WeasyPrint and the Pango library: "
                "pip install grappe[report] (and run scripts/setup-system)."
            )
        ) from exc
    pdf: bytes = weasyprint.HTML(string=html).write_pdf()
    return pdf


def write_pdf(report: ClusterReport, path: PathLike, *, lang: str = "fr") -> Path:
    """Print the report to PDF with WeasyPrint; return the path.

    Raises
    ------
    MissingDependencyError
        If WeasyPrint (or its system libraries, see ``scripts/setup-system``) is missing.
    """
    return write_bytes(pdf_bytes(render_html(report, lang=lang)), path)
