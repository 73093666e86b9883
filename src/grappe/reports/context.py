"""The values the report's template shows, in one language (:func:`report_context`).

Every number is written by :mod:`grappe.formats` in the conventions of the language; every
text comes from :mod:`grappe.reports.i18n` (headings, names, rules) or from the findings and
recommendations (:mod:`grappe.reports.mission_texts`).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from grappe.assess import DIAMOND_DIMENSIONS, Classification, Lifecycle
from grappe.definitions.names import localized_cluster_name
from grappe.formats import (
    MISSING,
    format_day,
    format_money,
    format_number,
    format_share,
    format_year,
)
from grappe.i18n import translate
from grappe.reports import charts
from grappe.reports.findings import in_language
from grappe.reports.i18n import RULES, T, label
from grappe.reports.internationalisation import internationalisation_tables
from grappe.reports.model import ClusterReport
from grappe.reports.programme import LATEST_DECISIONS, ProgrammeDecisionLine, ProgrammeStatus
from grappe.roadmap import PHASES
from grappe.vocabulary import SPHERE_NAMES

__all__ = ["KEY_FIGURES", "programme_entry", "report_context"]

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


def report_context(report: ClusterReport, lang: str) -> dict[str, Any]:
    """The template's values for ``report`` in ``lang`` (``fr``, ``ar`` or ``en``)."""
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
    context = {
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
        "swot": swot,
        "roadmap": roadmap,
        "kpis": kpis,
        "latest_evaluation": latest,
        "sources": list(report.sources),
    }
    context.update(_mission(report, lang, t, images))
    return context


#: The figures the executive summary may show, in order; it shows the first five the report
#: has (a cluster without statistics shows its network's).
KEY_FIGURES: tuple[str, ...] = (
    "employment",
    "employment_change",
    "lq",
    "establishments",
    "national_share",
    "n_actors",
    "n_ties",
    "density",
    "n_brokers",
    "n_shadow",
    "external_share",
)


def key_figures(report: ClusterReport) -> list[tuple[str, float]]:
    """The (up to) five figures of the executive summary: (name, value)."""
    values: dict[str, Any] = dict(report.evidence)
    values.update(report.network or {})
    for f in report.findings:
        if f.key in ("employment_rose", "employment_fell"):
            values["employment_change"] = f.value
    out = []
    for key in KEY_FIGURES:
        value = values.get(key)
        if isinstance(value, int | float) and not (isinstance(value, float) and math.isnan(value)):
            out.append((key, float(value)))
    return out[:5]


def _mission(
    report: ClusterReport, lang: str, t: Mapping[str, str], images: dict[str, str]
) -> dict[str, Any]:
    """The mission document's parts: summary, narrative, network figure, recommendations,
    programme status."""
    figure_names = {"employment": t["figure_employment"], "employment_change": t["figure_change"]}
    shares = {"employment_change", "national_share", "external_share"}
    figures = [
        {
            "key": key,
            "name": figure_names.get(key) or label(key, lang),
            "value": format_share(value, lang)
            if key in shares
            else format_number(value, lang, significant=3),
            "raw": repr(value),
        }
        for key, value in key_figures(report)
    ]
    if report.drawing is not None:
        images["network"] = charts.network_chart(
            report.drawing,
            brokers=(report.network or {}).get("brokers", []),
            names={k: v[lang] for k, v in SPHERE_NAMES.items()},
        )
    narrative = {
        section: [f.text(lang) for f in report.findings if f.section == section]
        for section in ("statistics", "network", "kpis", "internationalisation", "programme")
    }
    recommendations = [
        {"text": r.text(lang), "because": r.finding.text(lang), "key": r.key}
        for r in report.recommendations
    ]
    programmes = [programme_entry(p, lang, t) for p in report.programmes]
    return {
        "figures": figures,
        "main_strengths": [i.text(lang) for i in report.swot.strengths[:3]],
        "main_weaknesses": [i.text(lang) for i in report.swot.weaknesses[:3]],
        "narrative": narrative,
        "recommendations": recommendations,
        "priorities": recommendations[:3],
        "programmes": programmes,
        "intl": internationalisation_tables(report.internationalisation, lang),
    }


def programme_entry(p: ProgrammeStatus, lang: str, t: Mapping[str, str]) -> dict[str, Any]:
    """One programme of the report's programme section in ``lang``: its name, status and
    level, whether the enrolment ended, its rows (enrolment date, validity, failures, next
    step due) and its latest decisions, newest first (at most
    :data:`~grappe.reports.programme.LATEST_DECISIONS`)."""
    day = functools.partial(_day, lang=lang)
    if p.ended:
        next_step = t["no_next_step"]
    elif p.next_step:  # an application: the admission step that decides, dated when known
        next_step = in_language(p.next_step, lang)
        if p.next_evaluation is not None:
            next_step += f" — {day(p.next_evaluation)}"
    elif p.next_evaluation is not None:
        next_step = f"{t['periodic_evaluation']} — {day(p.next_evaluation)}"
    else:  # a programme without an evaluation calendar
        next_step = MISSING
    validity = MISSING
    if p.valid_until is not None:
        validity = day(p.valid_until)
    elif p.level and not p.ended:
        validity = t["no_fixed_validity"]
    rows = [
        (t["label_status"], label(p.status, lang)),
        (t["level"], in_language(p.level, lang) if p.level else MISSING),
        (t["enrolled_on"], day(p.joined)),
        (t["valid_until"], validity),
        (t["failures"], format_number(p.failures, lang)),
        (t["next_step"], next_step),
    ]
    lines = p.decisions or (
        (ProgrammeDecisionLine(p.last_decision, p.decided, p.reasons),)  # type: ignore[arg-type]
        if p.last_decision else ()
    )  # fmt: skip
    decisions = [
        {
            "date": day(d.decided),
            "action": label(d.action, lang),
            "reasons": _REASONS_SEPARATOR[lang].join(translate(r, lang) for r in d.reasons),
        }
        for d in lines[:LATEST_DECISIONS]
    ]
    name = in_language(p.programme, lang)
    status = label(p.status, lang) + (f" ({in_language(p.level, lang)})" if p.level else "")
    return {"name": name, "key": p.key, "status": status, "ended": p.ended,
            "state": t["enrolment_ended" if p.ended else "enrolment_live"], "rows": rows,
            "decisions": decisions}  # fmt: skip


#: Between a decision's reasons (Arabic has its own semicolon).
_REASONS_SEPARATOR = {"fr": " ; ", "en": "; ", "ar": "؛ "}


def _day(value: dt.date | None, *, lang: str) -> str:
    return MISSING if value is None else format_day(value, lang)


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
