"""Recommendations tied to findings: each rule turns one finding into one action proposal.

The rules (:data:`RECOMMENDATION_RULES`) are those of a cluster mission's action plan: a shadow
zone between two spheres calls for an event that brings them together; a cluster growing faster
than nationally but under-represented calls for attracting investment; a specialised cluster
growing less than nationally for modernisation; a related activity close to the region's
specialisations for diversification; dependence on outside actors for local partnerships; a
label at risk for a remediation plan. Every recommendation cites its finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from grappe.reports.findings import SPECIALISED_LQ, Finding, format_param
from grappe.reports.mission_texts import RECOMMENDATION_TEXTS

__all__ = ["RECOMMENDATION_RULES", "Recommendation", "recommend"]


@dataclass(frozen=True)
class Recommendation:
    """One action proposal.

    Attributes
    ----------
    key : str
        Its rule (a key of :data:`~grappe.reports.mission_texts.RECOMMENDATION_TEXTS`).
    priority : int
        1 (first) to 6; the report's summary shows the first three.
    finding : Finding
        The finding it answers.
    params : mapping
        The values written into its text.
    """

    key: str
    priority: int
    finding: Finding
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The recommendation in ``lang``."""
        values = {k: format_param(k, v, lang) for k, v in self.params.items()}
        return RECOMMENDATION_TEXTS[self.key][lang].format(**values)


def _growth_rule(f: Finding) -> tuple[str, int] | None:
    lq, growth, national = f.params.get("lq"), f.params["growth"], f.params["national"]
    if lq is None or lq != lq:  # NaN: no LQ, no rule
        return None
    if lq < 1 and growth > national:
        return "attract_investment", 2
    if lq >= SPECIALISED_LQ and growth < national:
        return "modernise", 2
    return None


_Rule = Callable[[Finding], "tuple[str, int] | None"]

#: Finding key → rule giving (recommendation key, priority), or None when it does not apply.
RECOMMENDATION_RULES: dict[str, _Rule] = {
    "label_at_risk": lambda _f: ("remediation", 1),
    "shadow_zone": lambda _f: ("joint_day", 2),
    "employment_rose": _growth_rule,
    "employment_fell": _growth_rule,
    "related_decline": lambda _f: ("secure_links", 3),
    "external_dependence": lambda _f: ("anchor_locally", 3),
    "kpi_missed": lambda _f: ("kpi_plan", 3),
    "no_triple_helix": lambda _f: ("triple_helix_forum", 4),
    "related_opportunity": lambda _f: ("diversify_into", 4),
    "complexity_gain": lambda _f: ("aim_complexity", 4),
    "weak_zone": lambda _f: ("strengthen_ties", 5),
    "absent_sphere": lambda _f: ("bring_in_sphere", 5),
    "brokers": lambda _f: ("broker_role", 6),
    # a cluster's internationalisation (grappe.reports.internationalisation)
    "no_exporter": lambda _f: ("export_readiness", 3),
    "market_concentration": lambda _f: ("diversify_markets", 4),
    "export_opportunity": lambda _f: ("target_export_products", 4),
}


def recommend(findings: Iterable[Finding]) -> tuple[Recommendation, ...]:
    """The recommendations answering ``findings``, most urgent first.

    Parameters
    ----------
    findings : iterable of Finding
        From :mod:`grappe.reports.findings`.

    Returns
    -------
    tuple of Recommendation
        One per finding a rule of :data:`RECOMMENDATION_RULES` applies to, sorted by
        priority (ties keep the findings' order).

    Examples
    --------
    >>> from grappe.reports.findings import Finding
    >>> zone = Finding("shadow_zone", "weakness", "network", "shadow_zones", 0.0,
    ...                {"sphere_a": "enterprise", "sphere_b": "university",
    ...                 "names_a": ["Artisans"], "names_b": ["University"]})
    >>> recommend([zone])[0].text("en")
    'Organise a joint training and R&D day between Artisans and University.'

    References
    ----------
    .. [1] Ketels, C., Lindqvist, G., & Sölvell, Ö. (2006). *Cluster initiatives in developing
       and transition economies*. Center for Strategy and Competitiveness, Stockholm.
    """
    out = []
    for finding in findings:
        rule = RECOMMENDATION_RULES.get(finding.key)
        decided = None if rule is None else rule(finding)
        if decided is not None:
            key, priority = decided
            out.append(Recommendation(key, priority, finding, dict(finding.params)))
    return tuple(sorted(out, key=lambda r: r.priority))
