"""Success factors of a cluster, Quebec and Danish style, and its classification (no I/O).

Two scorecards share the mechanism of :mod:`grappe.assess.diamond`:

* the Quebec qualification of industrial clusters (*créneaux d'excellence*, ACCORD):
  actors, concentration, specialisation, innovation, relations, critical mass, development
  stage;
* the Danish competence-cluster criteria: structure, competences, performance, cohesion.

:func:`classify` turns the scores into a class — ``"national"``, ``"regional"``,
``"potential"`` or ``"none"`` — by thresholds that are explicit parameters.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from grappe._validation import check_number
from grappe.assess._score import Item, Score, score_items
from grappe.assess.diamond import _answers, _scores_frame, with_cuts
from grappe.assess.questionnaire import Questionnaire
from grappe.errors import InvalidParameterError
from grappe.i18n import Message

__all__ = [
    "DANISH_DIMENSIONS",
    "DANISH_ITEMS",
    "QUEBEC_DIMENSIONS",
    "QUEBEC_ITEMS",
    "Classification",
    "SuccessFactors",
    "classify",
    "success_factors",
]

QUEBEC_DIMENSIONS: tuple[str, ...] = (
    "actors",
    "concentration",
    "specialisation",
    "innovation",
    "relations",
    "critical_mass",
    "development_stage",
)
DANISH_DIMENSIONS: tuple[str, ...] = ("structure", "competences", "performance", "cohesion")

#: Indicator evidence of the Quebec factors and its cut points.
QUEBEC_ITEMS: tuple[Item, ...] = (
    Item("actors", "establishments", (20, 50, 100, 250), "establishments in the cluster"),
    Item("actors", "network_n_actors", (5, 10, 20, 40), "actors in the network"),
    Item(
        "concentration",
        "national_share",
        (0.005, 0.01, 0.02, 0.05),
        "share of national cluster employment",
    ),
    Item("specialisation", "lq", (0.8, 1.0, 1.25, 2.0), "location quotient"),
    Item("relations", "network_density", (0.05, 0.1, 0.2, 0.3), "density of the actor network"),
    Item("critical_mass", "employment", (1_000, 5_000, 10_000, 25_000), "jobs in the cluster"),
    Item("development_stage", "cagr", (-0.02, 0.0, 0.02, 0.05), "employment CAGR"),
)

#: Indicator evidence of the Danish criteria and its cut points.
DANISH_ITEMS: tuple[Item, ...] = (
    Item("structure", "establishments", (20, 50, 100, 250), "establishments in the cluster"),
    Item(
        "structure",
        "firm_count_ratio",
        (0.8, 0.95, 1.05, 1.2),
        "establishments per job relative to national",
    ),
    Item(
        "competences",
        "wage_ratio",
        (0.85, 0.95, 1.05, 1.15),
        "average wage relative to national (skills proxy)",
    ),
    Item(
        "performance",
        "growth_gap",
        (-0.02, -0.005, 0.005, 0.02),
        "employment CAGR minus national CAGR",
    ),
    Item("performance", "lq", (0.8, 1.0, 1.25, 2.0), "location quotient"),
    Item("cohesion", "network_density", (0.05, 0.1, 0.2, 0.3), "density of the actor network"),
    Item(
        "cohesion",
        "network_external_share",
        (0.05, 0.1, 0.2, 0.3),
        "share of ties reaching outside the cluster (openness)",
    ),
)

_SETS = {
    "quebec": (QUEBEC_DIMENSIONS, QUEBEC_ITEMS),
    "danish": (DANISH_DIMENSIONS, DANISH_ITEMS),
}


@dataclass(frozen=True)
class SuccessFactors:
    """Result of :func:`success_factors`.

    Attributes
    ----------
    method : str
        ``"quebec"`` or ``"danish"``.
    scores : mapping of str to Score
        One score per factor, each with its evidence.
    """

    method: str
    scores: Mapping[str, Score]

    def to_frame(self) -> Any:
        """One row per evidence item (see :meth:`Diamond.to_frame`)."""
        return _scores_frame(self.scores)


def success_factors(
    indicators: Mapping[str, float],
    *,
    method: str = "quebec",
    questionnaire: Questionnaire | None = None,
    answers: Mapping[str, Any] | None = None,
    cuts: Mapping[str, Sequence[float]] | None = None,
    pooled: Sequence[tuple[str, str, Any, float, str]] = (),
) -> SuccessFactors:
    """Score the success factors of a cluster.

    Parameters
    ----------
    indicators : mapping
        Indicator name → value (:func:`cluster_evidence`, :func:`network_evidence`).
    method : {"quebec", "danish"}
        Which set of factors.
    questionnaire, answers : optional
        The matching questionnaire (``quebec`` or ``danish``) and its answers.
    pooled : sequence of (dimension, question id, answers, points, rule), optional
        Answers of several respondents already pooled by
        :func:`grappe.assess.questionnaire.pooled_points` (with ``questionnaire``, for the
        evidence's source), scored as answers are.
    cuts : mapping, optional
        Indicator → four cut points replacing the defaults.

    Returns
    -------
    SuccessFactors

    Raises
    ------
    InvalidParameterError
        On an unknown ``method`` or malformed ``cuts``.
    DataValidationError
        If the answers do not fit the questionnaire.

    References
    ----------
    .. [1] Ministère du Développement économique, de l'Innovation et de l'Exportation du
       Québec (2002–2008). *Démarche ACCORD — créneaux d'excellence*; and the Quebec
       guide for identifying industrial clusters (*grappes industrielles*).
    .. [2] Danish Agency for Science, Technology and Innovation (2011). *Cluster Excellence
       Denmark — clusters and innovation networks* (competence-cluster criteria).

    Examples
    --------
    >>> sf = success_factors({"lq": 1.3, "employment": 12_000}, method="quebec")
    >>> sf.scores["specialisation"].value, sf.scores["critical_mass"].value
    (4.0, 4.0)
    """
    if method not in _SETS:
        raise InvalidParameterError(
            Message(
                "The 'method' parameter of success_factors must be one of 'quebec', 'danish'. "
                "Got {method!r} instead.",
                method=method,
            )
        )
    dims, items = _SETS[method]
    items = with_cuts(items, cuts, func="success_factors")
    points = [*_answers(questionnaire, answers, "success_factors"), *pooled]
    source = f"questionnaire:{questionnaire.name}" if questionnaire else "questionnaire"
    return SuccessFactors(method, score_items(dims, items, indicators, points, source=source))


@dataclass(frozen=True)
class Classification:
    """Result of :func:`classify`.

    Attributes
    ----------
    level : str
        ``"national"``, ``"regional"``, ``"potential"`` or ``"none"``.
    overall : float
        Mean of the known factor scores.
    weakest : float
        Lowest known factor score.
    known : int
        Number of factors with evidence.
    rule : str
        The rule applied with its thresholds, in words.
    thresholds : mapping
        ``national``, ``regional``, ``potential``, ``floor``, ``min_known``.
    """

    level: str
    overall: float
    weakest: float
    known: int
    rule: str
    thresholds: Mapping[str, float] = field(default_factory=dict)


def classify(
    scores: Mapping[str, Score] | SuccessFactors,
    *,
    national: float = 3.75,
    regional: float = 3.0,
    potential: float = 2.25,
    floor: float = 2.0,
    min_known: int = 3,
) -> Classification:
    """Classify a cluster as national, regional or potential from its factor scores.

    Parameters
    ----------
    scores : mapping of str to Score, or SuccessFactors
        Factor scores on 1–5.
    national, regional, potential : float
        Thresholds on the mean score (``national >= regional >= potential``); a mean equal to
        a threshold reaches that class.
    floor : float
        A national cluster also needs every known factor at or above ``floor``.
    min_known : int
        Fewer known factors than this gives ``"none"`` (not enough evidence).

    Returns
    -------
    Classification

    Raises
    ------
    InvalidParameterError
        If the thresholds are out of 1–5 or not ordered.

    Notes
    -----
    ``national`` if mean ≥ ``national`` and min ≥ ``floor``; else ``regional`` if mean ≥
    ``regional``; else ``potential`` if mean ≥ ``potential``; else ``none``.

    References
    ----------
    .. [1] Danish Agency for Science, Technology and Innovation (2011). *Cluster Excellence
       Denmark — clusters and innovation networks* (competence-cluster criteria).

    Examples
    --------
    >>> from grappe.assess import success_factors
    >>> classify(success_factors({"lq": 2.5, "employment": 30_000, "establishments": 300,
    ...                           "national_share": 0.06}, method="quebec")).level
    'national'
    """
    if isinstance(scores, SuccessFactors):
        scores = scores.scores
    for name, value in (
        ("national", national),
        ("regional", regional),
        ("potential", potential),
        ("floor", floor),
    ):
        check_number(value, name, func="classify", low=1, high=5)
    check_number(min_known, "min_known", func="classify", low=1, integer=True)
    if not national >= regional >= potential:
        raise InvalidParameterError(
            Message(
                "The 'national' parameter of classify must be >= 'regional' >= 'potential'. "
                "Got {national}, {regional}, {potential} instead.",
                national=national,
                regional=regional,
                potential=potential,
            )
        )
    thresholds = {
        "national": national,
        "regional": regional,
        "potential": potential,
        "floor": floor,
        "min_known": min_known,
    }
    known = [s.value for s in scores.values() if not math.isnan(s.value)]
    rule = Message(
        "national if mean ≥ {national:g} and every factor ≥ {floor:g}; regional if "
        "mean ≥ {regional:g}; potential if mean ≥ {potential:g}; at least {min_known} "
        "factors with evidence",
        national=national,
        floor=floor,
        regional=regional,
        potential=potential,
        min_known=min_known,
    )
    if len(known) < min_known:
        return Classification("none", math.nan, math.nan, len(known), rule, thresholds)
    overall, weakest = sum(known) / len(known), min(known)
    if overall >= national and weakest >= floor:
        level = "national"
    elif overall >= regional:
        level = "regional"
    elif overall >= potential:
        level = "potential"
    else:
        level = "none"
    return Classification(level, overall, weakest, len(known), rule, thresholds)
