"""The sections of a cluster's profile its manager publishes (``clusters.public_sections``).

Each function reads what the registry stores (through its typed ``load_``/``list_`` functions)
and lays it out for one template partial, names in the page's language: the network diagnosis
summary, the assessments (diamond radar, success factors, Danish class, life cycle), the latest
SWOT, one chart per KPI by period, and the evaluations per period with the previous one.
Scorecard names are those of the report (:data:`grappe.reports.i18n.NAMES`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.assess import Diamond, Lifecycle, SuccessFactors
from grappe.assess.swot import QUADRANTS
from grappe.errors import DataValidationError
from grappe.registry.assessments import StoredAssessment, list_assessments
from grappe.registry.evaluations import list_swots, load_evaluation
from grappe.registry.models import Cluster, Evaluation, Kpi
from grappe.registry.network_diagnoses import latest_diagnosis
from grappe.reports.i18n import label
from grappe.roadmap.periods import parse_period
from grappe.vocabulary import PROFILE_SECTIONS, ROLES
from grappe.web.i18n import translations
from grappe.web.views._common import N_, label_status_names

__all__ = [
    "assessments_view",
    "section_names",
    "evaluations_view",
    "kpi_charts",
    "network_summary",
    "swot_view",
    "visible_sections",
]


def visible_sections(cluster: Cluster, viewer: Any = None) -> frozenset[str]:
    """The sections of :data:`grappe.vocabulary.PROFILE_SECTIONS` that ``viewer`` sees.

    The rule of the API's read routes: the public — and a signed-in ``member``, who holds no
    token role — sees the sections the cluster publishes (``public_sections``); a signed-in
    admin, analyst or manager (the roles of :data:`grappe.vocabulary.ROLES`, which read every
    section through the API with a token) sees them all.

    Parameters
    ----------
    cluster : Cluster
    viewer : object with an ``access`` (:class:`grappe.registry.permissions.Access`), optional
        The signed-in user (:class:`grappe.web.auth.SignedIn`); ``None`` is the public.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> sorted(visible_sections(SimpleNamespace(public_sections=["swot", "kpis", "old"])))
    ['kpis', 'swot']
    >>> analyst = SimpleNamespace(access=SimpleNamespace(role="analyst"))
    >>> len(visible_sections(SimpleNamespace(public_sections=[]), analyst)) == len(PROFILE_SECTIONS)
    True
    """
    access = getattr(viewer, "access", None)
    if access is not None and access.role in ROLES:
        return frozenset(PROFILE_SECTIONS)
    chosen = set(cluster.public_sections or ())
    return frozenset(s for s in PROFILE_SECTIONS if s in chosen)


def _finite(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


_QUADRANT_LABELS = {
    "strengths": N_("Strengths"),
    "weaknesses": N_("Weaknesses"),
    "opportunities": N_("Opportunities"),
    "threats": N_("Threats"),
}
_CHANGE_LABELS = {
    "ties_formed": N_("Ties formed"),
    "ties_dissolved": N_("Ties dissolved"),
    "ties_kept": N_("Ties kept"),
    "actors_entering": N_("Actors entering"),
    "actors_leaving": N_("Actors leaving"),
}


def section_names(lang: str) -> dict[str, dict[str, str]]:
    """Names the section partials show: the diagnosis' figures (those of the report, plus the
    coordinators), the change between waves, the SWOT's quadrants."""
    _ = translations(lang).gettext
    figures = {
        k: label(k, lang) for k in ("n_actors", "n_ties", "density", "n_brokers", "n_shadow")
    }
    figures["coordinators"] = _("Coordinators")
    return {
        "figure_names": figures,
        "change_names": {k: _(v) for k, v in _CHANGE_LABELS.items()},
        "quadrant_names": {q: _(_QUADRANT_LABELS.get(q, q)) for q in QUADRANTS},
    }


# --- network diagnosis ------------------------------------------------------------------------


def network_summary(session: Session, cluster_id: str, lang: str) -> dict[str, Any] | None:
    """The latest succeeded diagnosis: its written text in ``lang``, key figures (counts only:
    no actor list, no respondent) and the change from the wave before, when diagnosed."""
    row = latest_diagnosis(session, cluster_id)
    if row is None or not row.result:
        return None
    result = row.result
    boundary = result.get("boundary") or {}
    internal, external = boundary.get("internal_ties") or 0, boundary.get("external_ties") or 0
    total = internal + external
    figures = [
        ("n_actors", result["network"]["actors"], 0),
        ("n_ties", result["network"]["ties"], 0),
        ("density", _finite(result.get("density")), 2),
        ("n_brokers", len(result.get("brokers") or ()), 0),
        ("coordinators", len(result.get("coordinators") or ()), 0),
        ("n_shadow", len(result.get("shadow_zones") or ()), 0),
    ]
    change = result.get("change")
    return {
        "date": row.date,
        "wave": row.wave,
        "text": (row.texts or {}).get(lang, ""),
        "figures": [(name, value, digits) for name, value, digits in figures],
        "local_share": internal / total if total else None,
        "global_share": external / total if total else None,
        "change": None
        if not change
        else {
            "before": change["before"],
            "after": change["after"],
            "jaccard": _finite(change.get("jaccard")),
            "counts": [
                (key, change.get(key))
                for key in (
                    "ties_formed",
                    "ties_dissolved",
                    "ties_kept",
                    "actors_entering",
                    "actors_leaving",
                )  # fmt: skip
            ],
        },
    }


# --- assessments ------------------------------------------------------------------------------


def _latest(versions: list[StoredAssessment], kind: str) -> StoredAssessment | None:
    found = [v for v in versions if v.kind == kind]
    return found[-1] if found else None


def _evidence(items: Iterable[Any], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "name": label(e.name, lang),
            "value": _finite(e.value),
            "text": None if _finite(e.value) is not None else str(e.value),
            "points": _finite(e.points),
            "source": e.source,
        }
        for e in items
    ]


def _scores(result: Diamond | SuccessFactors, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "key": key,
            "name": label(key, lang),
            "value": _finite(s.value),
            "high": s.scale[1],
            "evidence": _evidence(s.evidence, lang),
        }
        for key, s in result.scores.items()
    ]


def assessments_view(session: Session, cluster_id: str, lang: str) -> dict[str, Any] | None:
    """The latest version of each kind: the diamond (with its radar chart's data), Quebec and
    Danish success factors with their class, the life-cycle stage; each with its evidence."""
    versions = list_assessments(session, cluster_id)
    if not versions:
        return None
    out: dict[str, Any] = {}
    dia = _latest(versions, "diamond")
    if dia is not None and isinstance(dia.result, Diamond):
        scores = _scores(dia.result, lang)
        out["diamond"] = {
            "date": dia.date,
            "scores": scores,
            "radar": {
                "labels": [s["name"] for s in scores],
                "values": [s["value"] for s in scores],
                "high": max((s["high"] for s in scores), default=5),
                "label": label("diamond", lang),
            },
        }
    for kind in ("quebec", "danish"):
        found = _latest(versions, kind)
        if found is not None and isinstance(found.result, SuccessFactors):
            c = found.classification
            out[kind] = {
                "date": found.date,
                "scores": _scores(found.result, lang),
                "level": None if c is None else label(c.level, lang),
                "overall": None if c is None else _finite(c.overall),
            }
    life = _latest(versions, "lifecycle")
    if life is not None and isinstance(life.result, Lifecycle):
        out["lifecycle"] = {
            "date": life.date,
            "stage": label(life.result.stage, lang),
            "evidence": _evidence(life.result.evidence, lang),
        }
    return out or None


# --- SWOT -------------------------------------------------------------------------------------


def swot_view(session: Session, cluster_id: str, lang: str) -> dict[str, Any] | None:
    """The latest SWOT (by date, then id), its items in ``lang``."""
    swots = list_swots(session, cluster_id)
    if not swots:
        return None
    latest = max(swots, key=lambda s: (s.date, s.id))
    return {
        "date": latest.date,
        "quadrants": [(q, [i.text(lang) for i in getattr(latest.swot, q)]) for q in QUADRANTS],
    }


# --- KPIs -------------------------------------------------------------------------------------


def kpi_charts(rows: Iterable[Kpi], lang: str) -> list[dict[str, Any]]:
    """One chart per KPI: its values and targets by period, in the periods' order (two quarters
    of one year are two points). A KPI holding several kinds of period (``2024`` and
    ``2024-Q1``) shows them all, ordered as :class:`grappe.roadmap.periods.Period` orders them.
    """
    by_name: dict[str, list[Kpi]] = {}
    for row in rows:
        by_name.setdefault(row.name, []).append(row)
    charts = []
    for n, (name, kpis) in enumerate(sorted(by_name.items())):
        ordered = sorted(kpis, key=lambda k: parse_period(k.period))
        unit = next((k.unit for k in ordered if k.unit), None)
        charts.append(
            {
                "id": f"kpi-{n}",
                "name": label(name, lang),
                "unit": unit,
                "labels": [k.period for k in ordered],
                "values": [_finite(k.value) for k in ordered],
                "targets": [_finite(k.target) for k in ordered],
            }
        )
    return charts


# --- evaluations ------------------------------------------------------------------------------


def evaluations_view(session: Session, cluster_id: str, lang: str) -> list[dict[str, Any]]:
    """Per period (newest first), its latest evaluation (by date, then id) with each KPI met or
    not, the share met beside the previous period's, and the label's status."""
    rows = session.scalars(
        select(Evaluation)
        .where(
            Evaluation.cluster_id == cluster_id,
            Evaluation.deleted_at.is_(None),
            Evaluation.period.is_not(None),
        )
        .order_by(Evaluation.date, Evaluation.id)
    )
    latest: dict[str, int] = {}
    for row in rows:
        latest[str(row.period)] = row.id
    try:
        periods = sorted(latest, key=parse_period)
    except DataValidationError:  # a free-text period of an older record: keep the text order
        periods = sorted(latest)
    out = []
    previous_share: float | None = None
    for period in periods:
        stored = load_evaluation(session, latest[period])
        if stored.evaluation is None:  # a row with a period always has the kernel's record
            continue
        table = stored.evaluation.table
        share = _finite(stored.evaluation.met_share)
        check = stored.label_check
        out.append(
            {
                "period": period,
                "date": stored.date,
                "kpis": [
                    {
                        "name": label(rec["kpi"], lang),
                        "value": _finite(rec["value"]),
                        "previous": _finite(rec["previous"]),
                        "target": _finite(rec["target"]),
                        "met": None if pd.isna(rec["met"]) else bool(rec["met"]),
                    }
                    for rec in table.astype(object).to_dict("records")
                ],
                "met_share": share,
                "previous_share": previous_share,
                "label_status": label_status_names(lang).get(stored.label_status or ""),
                "label": None
                if check is None
                else {
                    "name": check.label.name,
                    "level": check.label.level,
                    "holds": check.holds,
                    "reasons": list(check.reasons),
                },
            }
        )
        previous_share = share
    out.reverse()
    return out
