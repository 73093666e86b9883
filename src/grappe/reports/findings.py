"""Findings drawn from the data of a cluster report, each with the figure it rests on.

A :class:`Finding` is one sentence of the report's narrative ("Employment rose 12 % over
2017–2021 against 4 % nationally (LQ 1.8)"; "Shadow zone: no tie between the artisans and the
university"): a rule key, the values it rests on and its texts in French, Arabic and English
(:data:`grappe.reports.mission_texts.FINDING_TEXTS`). The rules are plain functions over the
report's inputs (:func:`statistics_findings`, :func:`related_findings`,
:func:`network_findings`, :func:`kpi_findings`, :func:`programme_findings`), so that each can be
checked by hand; :mod:`grappe.reports.recommendations` turns findings into actions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from grappe.definitions.names import cluster_names, localized_cluster_name
from grappe.formats import format_number, format_share
from grappe.reports.mission_texts import FINDING_TEXTS
from grappe.vocabulary import LANGUAGES, sphere_name

__all__ = [
    "DEPENDENCE_SHARE",
    "SPECIALISED_LQ",
    "Finding",
    "cluster_label",
    "format_param",
    "in_language",
    "kpi_findings",
    "network_findings",
    "programme_findings",
    "related_change",
    "related_findings",
    "statistics_findings",
]

#: A location quotient from which the region counts as specialised (Miller et al. 2001's
#: 1.25, also the "strong cluster" threshold of the U.S. Cluster Mapping's first studies).
SPECIALISED_LQ = 1.25
#: A share of ties with outside actors from which the cluster depends on them.
DEPENDENCE_SHARE = 0.5

# How a parameter is written: shares as percentages, quotients and densities with two
# decimals, counts as integers, spheres by their names in the language.
_SHARES = frozenset({"growth", "national", "share"})
_DECIMALS = frozenset({"lq", "density", "cog"})
_COUNTS = frozenset({"n", "failures"})
_SPHERES = frozenset({"sphere_a", "sphere_b"})
_LISTS = frozenset({"names", "names_a", "names_b"})


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _isolate(text: str, lang: str) -> str:
    # In Arabic, a Latin name (an actor as the data name it) is isolated (U+2068 … U+2069) so
    # that its words keep their order and do not carry the sentence's punctuation with them.
    if lang == "ar" and re.search(r"[A-Za-z]", text):
        return f"\u2068{text}\u2069"
    return text


def _list_separator(lang: str) -> str:
    return "، " if lang == "ar" else ", "


def in_language(value: Any, lang: str) -> str:
    """``value`` itself, or its text in ``lang`` when it maps languages to texts (else the
    English one, else the first)."""
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("en") or next(iter(value.values()), ""))
    return str(value)


def cluster_label(code: Any, name: str) -> dict[str, str]:
    """A cluster's name in each language: the benchmark catalogue's when ``code`` and the
    English ``name`` match one of its clusters (:func:`grappe.definitions.names.
    localized_cluster_name`), else ``name``."""
    if code is None:  # a name only (the related table's "closest"): find its benchmark code
        code = {v: k for k, v in cluster_names("en").items()}.get(str(name))
    return {lang: localized_cluster_name(code, name, lang)[0] for lang in LANGUAGES}


def format_param(name: str, value: Any, lang: str, *, absolute: bool = False) -> str:
    """One value of a finding or recommendation written in the conventions of ``lang``."""
    from grappe.reports.i18n import label

    if name in _SPHERES:
        return sphere_name(str(value), lang)
    if name in _LISTS:
        return _list_separator(lang).join(_isolate(str(v), lang) for v in value)
    if name == "items":
        return _list_separator(lang).join(
            f"{in_language(n, lang)} ({format_share(c, lang)})" for n, c in value
        )
    if name in ("kpi", "status"):
        return label(value, lang)
    if isinstance(value, Mapping):
        return in_language(value, lang)
    if _missing(value):
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if name in ("start", "end"):
        return str(int(value))
    if name in _SHARES:
        return format_share(abs(value) if absolute else value, lang)
    if name in _DECIMALS:
        return format_number(value, lang, digits=2)
    if name in _COUNTS:
        return format_number(value, lang, digits=0)
    return format_number(value, lang, significant=3)


@dataclass(frozen=True)
class Finding:
    """One finding of the report.

    Attributes
    ----------
    key : str
        The rule that drew it (a key of :data:`~grappe.reports.mission_texts.FINDING_TEXTS`).
    kind : {"strength", "weakness", "opportunity", "threat"}
        Its place in a SWOT.
    section : {"statistics", "network", "kpis", "programme"}
        The report section whose narrative it belongs to.
    figure : str
        The name of the figure it rests on (an evidence or network figure name).
    value : float or None
        That figure's value.
    params : mapping
        The values written into its text.
    """

    key: str
    kind: str
    section: str
    figure: str
    value: float | None
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The finding in ``lang`` (``fr``, ``ar`` or ``en``), its figures written in full."""
        absolute = self.key == "employment_fell"
        values = {
            k: format_param(k, v, lang, absolute=absolute and k == "growth")
            for k, v in self.params.items()
        }
        return FINDING_TEXTS[self.key][lang].format(**values)


def statistics_findings(
    evidence: Mapping[str, Any], series: pd.DataFrame | None
) -> tuple[Finding, ...]:
    """Findings on the cluster's jobs and specialisation.

    Parameters
    ----------
    evidence : mapping
        :func:`grappe.assess.cluster_evidence` (``lq``, ``national_share``).
    series : pandas.DataFrame or None
        ``year``, ``employment``, ``national_employment`` (:func:`grappe.assess.lifecycle_series`).

    Returns
    -------
    tuple of Finding
        ``employment_rose`` or ``employment_fell`` (change from the first to the last year,
        against the nation's; a strength when faster than nationally), then ``specialised``
        (LQ ≥ :data:`SPECIALISED_LQ`, a strength) or ``not_specialised`` (LQ < 1, a weakness).

    References
    ----------
    .. [1] Miller, P., Botham, R., Martin, R., & Moore, B. (2001). *Business clusters in the UK:
       a first assessment*. DTI, London (LQ ≥ 1.25).
    """
    out: list[Finding] = []
    lq = evidence.get("lq")
    if series is not None and len(series) >= 2:
        first, last = series.iloc[0], series.iloc[-1]
        if first["employment"] > 0 and first["national_employment"] > 0:
            growth = float(last["employment"] / first["employment"] - 1)
            national = float(last["national_employment"] / first["national_employment"] - 1)
            out.append(
                Finding(
                    "employment_rose" if growth >= 0 else "employment_fell",
                    "strength" if growth > national else "weakness",
                    "statistics",
                    "employment",
                    growth,
                    {
                        "growth": growth,
                        "national": national,
                        "start": int(first["year"]),
                        "end": int(last["year"]),
                        "lq": lq,
                    },
                )
            )
    if not _missing(lq):
        if lq >= SPECIALISED_LQ:
            share = evidence.get("national_share")
            out.append(
                Finding("specialised", "strength", "statistics", "lq", float(lq),
                        {"lq": lq, "share": share})
            )  # fmt: skip
        elif lq < 1:
            out.append(Finding("not_specialised", "weakness", "statistics", "lq", float(lq),
                               {"lq": lq}))  # fmt: skip
    return tuple(out)


def related_change(
    indicators: pd.DataFrame, *, region: str, related: Iterable[str], start: int, end: int
) -> dict[str, tuple[Mapping[str, str], float]]:
    """Change in jobs of each related cluster in ``region`` from ``start`` to ``end``.

    Returns
    -------
    dict
        Cluster code → (name by language, change as a share); clusters absent from either
        year, or with no job in ``start``, are left out.
    """
    rows = indicators[indicators["region"].astype(str) == str(region)]
    out: dict[str, tuple[Mapping[str, str], float]] = {}
    for code in related:
        own = rows[rows["cluster"].astype(str) == str(code)].set_index("year")
        if start not in own.index or end not in own.index:
            continue
        before, after = float(own.loc[start, "employment"]), float(own.loc[end, "employment"])
        if before > 0:
            name = str(own["cluster_name"].iloc[0]) if "cluster_name" in own else str(code)
            out[str(code)] = (cluster_label(code, name), after / before - 1)
    return out


def related_findings(
    change: Mapping[str, tuple[Mapping[str, str] | str, float]] | None = None,
    related_clusters: pd.DataFrame | None = None,
    *,
    top: int = 3,
) -> tuple[Finding, ...]:
    """Threats and opportunities from the related clusters.

    Parameters
    ----------
    change : mapping, optional
        :func:`related_change`: related clusters that lost jobs are a threat
        (``related_decline``, its figure the number of them).
    related_clusters : pandas.DataFrame, optional
        :func:`grappe.complexity.related_table` of the region (``code``, ``name``,
        ``density``, ``lq``, ``closest``, ``cog``): the ``top`` rows by relatedness density are
        opportunities (``related_opportunity``), and so is the row of highest positive
        complexity outlook gain when it is not among them (``complexity_gain``).

    References
    ----------
    .. [1] Hidalgo, C. A., et al. (2007). The product space conditions the development of
       nations. *Science*, 317(5837), 482–487.
    .. [2] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
       MIT Press (complexity outlook gain).
    """
    out: list[Finding] = []
    falling = [(name, c) for name, c in (change or {}).values() if c < 0]
    if falling:
        falling.sort(key=lambda item: item[1])
        out.append(Finding("related_decline", "threat", "statistics", "related_decline",
                           float(len(falling)), {"items": falling}))  # fmt: skip
    if related_clusters is not None and not related_clusters.empty:
        best = related_clusters.sort_values("density", ascending=False, kind="stable").head(top)
        for row in best.itertuples(index=False):
            closest = cluster_label(None, str(row.closest)) if str(row.closest) else "—"
            out.append(
                Finding(
                    "related_opportunity",
                    "opportunity",
                    "statistics",
                    "density",
                    float(row.density),
                    {
                        "name": cluster_label(row.code, str(row.name)),
                        "density": float(row.density),
                        "lq": float(row.lq),
                        "closest": closest,
                    },
                )  # fmt: skip
            )
        gains = related_clusters[related_clusters["cog"] > 0]
        if not gains.empty:
            gain = gains.loc[gains["cog"].idxmax()]
            if str(gain["code"]) not in set(best["code"].astype(str)):
                out.append(
                    Finding(
                        "complexity_gain",
                        "opportunity",
                        "statistics",
                        "cog",
                        float(gain["cog"]),
                        {
                            "name": cluster_label(gain["code"], str(gain["name"])),
                            "cog": float(gain["cog"]),
                            "density": float(gain["density"]),
                        },
                    )  # fmt: skip
                )
    return tuple(out)


def _names_by_sphere(actors: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for actor in actors:
        names.setdefault(str(actor.get("sphere")), []).append(
            str(actor.get("name") or actor.get("id"))
        )
    return names


def network_findings(summary: Mapping[str, Any]) -> tuple[Finding, ...]:
    """Findings on the actor network (:attr:`grappe.network.diagnosis.Diagnosis.summary`).

    Returns
    -------
    tuple of Finding
        One per shadow zone (``shadow_zone`` when no tie joins two spheres, ``weak_zone``
        when only weak ties do, ``absent_sphere`` when a sphere has no actor; weaknesses,
        each naming the actors of both spheres); ``brokers`` (a strength); ``no_triple_helix``
        (a weakness: enterprises, universities and public bodies all present but no triad);
        ``external_dependence`` (a threat: at least :data:`DEPENDENCE_SHARE` of the ties
        involve outside actors).

    References
    ----------
    .. [1] Etzkowitz, H., & Leydesdorff, L. (2000). The dynamics of innovation. *Research
       Policy*, 29(2), 109–123.
    """
    out: list[Finding] = []
    names = _names_by_sphere(summary.get("actors") or [])
    for zone in summary.get("shadow_zones") or []:
        a, b = str(zone["sphere_a"]), str(zone["sphere_b"])
        params = {"sphere_a": a, "sphere_b": b, "names_a": names.get(a, []),
                  "names_b": names.get(b, []), "density": zone.get("density")}  # fmt: skip
        key = {"no tie": "shadow_zone", "weak ties only": "weak_zone"}.get(
            str(zone.get("reason")), "absent_sphere"
        )
        value = zone.get("density")
        out.append(Finding(key, "weakness", "network", "shadow_zones",
                           None if _missing(value) else float(value), params))  # fmt: skip
    brokers = list(summary.get("brokers") or [])
    if brokers:
        by_id = {str(a.get("id")): str(a.get("name") or a.get("id"))
                 for a in summary.get("actors") or []}  # fmt: skip
        shown = [by_id.get(str(b), str(b)) for b in brokers]
        out.append(Finding("brokers", "strength", "network", "n_brokers", float(len(shown)),
                           {"n": len(shown), "names": shown}))  # fmt: skip
    helix = summary.get("triple_helix") or {}
    present = helix.get("actors") or {}
    if all(present.get(s, 0) > 0 for s in ("enterprise", "university", "public")) and (
        helix.get("trilateral", 0) == 0
    ):
        out.append(Finding("no_triple_helix", "weakness", "network", "trilateral", 0.0,
                           {"n": 0}))  # fmt: skip
    share = summary.get("external_ties_share")
    if not _missing(share) and share >= DEPENDENCE_SHARE:
        out.append(Finding("external_dependence", "threat", "network", "external_share",
                           float(share), {"share": float(share)}))  # fmt: skip
    return tuple(out)


def kpi_findings(evaluation: Any) -> tuple[Finding, ...]:
    """Each KPI below its target in ``evaluation`` (:class:`grappe.roadmap.Evaluation`) is a
    weakness (``kpi_missed``)."""
    if evaluation is None:
        return ()
    out = []
    for row in evaluation.table.itertuples(index=False):
        if not pd.isna(row.met) and not bool(row.met):
            out.append(
                Finding("kpi_missed", "weakness", "kpis", str(row.kpi), float(row.value),
                        {"kpi": str(row.kpi), "value": float(row.value),
                         "target": float(row.target), "period": evaluation.period})
            )  # fmt: skip
    return tuple(out)


def programme_findings(status: Any) -> tuple[Finding, ...]:
    """A label at risk (``label_at_risk``, a threat): consecutive failed evaluations or a
    suspended label in ``status`` (:class:`grappe.reports.programme.ProgrammeStatus`); none
    for an enrolment that ended (refused, withdrawn, expired: nothing left to lose)."""
    if status is None or status.ended or (status.failures == 0 and status.status != "suspended"):
        return ()
    return (
        Finding("label_at_risk", "threat", "programme", "failures", float(status.failures),
                {"failures": status.failures, "programme": status.programme,
                 "status": status.status}),
    )  # fmt: skip
