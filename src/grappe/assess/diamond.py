"""Porter's diamond as a scorecard built from indicators and questionnaire answers (no I/O).

Each of the four determinants (factor conditions; demand conditions; related and supporting
industries; firm strategy, structure and rivalry) and the two outside influences (government,
chance) is scored on 1–5 as the mean of its evidence points: indicators of the mapping engine
scored by explicit cut points (:data:`DIAMOND_ITEMS`) and answers to the ``diamond``
questionnaire. Every score keeps its evidence (:class:`~grappe.assess._score.Score`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from grappe.assess._score import Item, Score, score_items
from grappe.assess.questionnaire import Questionnaire, answer_points, validate_answers
from grappe.errors import InvalidParameterError
from grappe.i18n import Message

__all__ = ["DIAMOND_DIMENSIONS", "DIAMOND_ITEMS", "Diamond", "diamond", "with_cuts"]

#: The diamond's dimensions, in display order.
DIAMOND_DIMENSIONS: tuple[str, ...] = (
    "factor_conditions",
    "demand_conditions",
    "related_supporting",
    "strategy_rivalry",
    "government",
    "chance",
)

#: Indicator evidence of the diamond and its cut points (see ``docs/assess.md``).
DIAMOND_ITEMS: tuple[Item, ...] = (
    Item(
        "factor_conditions",
        "wage_ratio",
        (0.85, 0.95, 1.05, 1.15),
        "average wage relative to the cluster nationally (skills proxy)",
    ),
    Item(
        "demand_conditions",
        "share_change",
        (-0.10, -0.02, 0.02, 0.10),
        "relative change of the region's share of national cluster jobs (market gained)",
    ),
    Item(
        "related_supporting",
        "related_lq_mean",
        (0.6, 0.9, 1.1, 1.5),
        "mean location quotient of related clusters in the region",
    ),
    Item(
        "related_supporting",
        "related_strong_share",
        (0.1, 0.25, 0.4, 0.6),
        "share of related clusters that are strong (LQ ≥ 1)",
    ),
    Item(
        "strategy_rivalry",
        "firm_count_ratio",
        (0.8, 0.95, 1.05, 1.2),
        "establishments per job relative to national (more, smaller firms: rivalry)",
    ),
    Item(
        "strategy_rivalry",
        "growth_gap",
        (-0.02, -0.005, 0.005, 0.02),
        "employment CAGR minus the cluster's national CAGR",
    ),
)


@dataclass(frozen=True)
class Diamond:
    """Result of :func:`diamond`.

    Attributes
    ----------
    scores : mapping of str to Score
        One score per dimension of :data:`DIAMOND_DIMENSIONS`, each with its evidence.
    """

    scores: Mapping[str, Score]

    def to_frame(self) -> Any:
        """One row per evidence item: ``dimension``, ``score``, ``evidence``, ``value``,
        ``points``, ``threshold``, ``source``."""
        return _scores_frame(self.scores)


def _scores_frame(scores: Mapping[str, Score]) -> Any:
    import pandas as pd

    rows = []
    for dim, s in scores.items():
        if not s.evidence:
            rows.append(
                {
                    "dimension": dim,
                    "score": s.value,
                    "evidence": None,
                    "value": None,
                    "points": None,
                    "threshold": None,
                    "source": None,
                }
            )
        for e in s.evidence:
            rows.append(
                {
                    "dimension": dim,
                    "score": s.value,
                    "evidence": e.name,
                    "value": e.value,
                    "points": e.points,
                    "threshold": e.threshold,
                    "source": e.source,
                }
            )
    return pd.DataFrame(rows)


def with_cuts(
    items: Sequence[Item], cuts: Mapping[str, Sequence[float]] | None, *, func: str
) -> tuple[Item, ...]:
    """Return ``items`` with the cut points of some indicators replaced."""
    if not cuts:
        return tuple(items)
    known = {i.indicator for i in items}
    unknown = sorted(set(cuts) - known)
    if unknown:
        raise InvalidParameterError(
            Message(
                "The 'cuts' parameter of {func} must name indicators among {known}. "
                "Got {unknown} instead.",
                func=func,
                known=sorted(known),
                unknown=unknown,
            )
        )
    out = []
    for item in items:
        if item.indicator in cuts:
            new = tuple(float(c) for c in cuts[item.indicator])
            if len(new) != 4 or list(new) != sorted(new):
                raise InvalidParameterError(
                    Message(
                        "The 'cuts' parameter of {func} must give four ascending numbers for "
                        "{indicator!r}. Got {new!r} instead.",
                        func=func,
                        indicator=item.indicator,
                        new=new,
                    )
                )
            item = replace(item, cuts=new)
        out.append(item)
    return tuple(out)


def diamond(
    indicators: Mapping[str, float],
    *,
    questionnaire: Questionnaire | None = None,
    answers: Mapping[str, Any] | None = None,
    cuts: Mapping[str, Sequence[float]] | None = None,
    pooled: Sequence[tuple[str, str, Any, float, str]] = (),
) -> Diamond:
    """Score Porter's diamond from indicators and questionnaire answers.

    Parameters
    ----------
    indicators : mapping
        Indicator name → value, e.g. from :func:`grappe.assess.cluster_evidence`.
    questionnaire : Questionnaire, optional
        The ``diamond`` questionnaire; needed when ``answers`` are given.
    answers : mapping, optional
        Question id → answer; validated against ``questionnaire``.
    pooled : sequence of (dimension, question id, answers, points, rule), optional
        Answers of several respondents already pooled by
        :func:`grappe.assess.questionnaire.pooled_points` (with ``questionnaire``, for the
        evidence's source), scored as answers are.
    cuts : mapping, optional
        Indicator → four cut points replacing those of :data:`DIAMOND_ITEMS`.

    Returns
    -------
    Diamond

    Raises
    ------
    InvalidParameterError
        If ``answers`` come without a questionnaire or ``cuts`` are malformed.
    DataValidationError
        If the answers do not fit the questionnaire.

    Notes
    -----
    Each dimension scores the mean of its evidence points on 1–5; an indicator scores
    ``1 + #{cuts ≤ value}``. A dimension without evidence is NaN ("unknown"), never a
    default value.

    References
    ----------
    .. [1] Porter, M. E. (1990). *The Competitive Advantage of Nations*. Free Press.
    .. [2] Porter, M. E. (1998). Clusters and the new economics of competition. *Harvard
       Business Review* 76(6), 77–90.

    Examples
    --------
    >>> d = diamond({"wage_ratio": 1.1, "growth_gap": 0.01, "firm_count_ratio": 1.0})
    >>> d.scores["factor_conditions"].value
    4.0
    >>> d.scores["strategy_rivalry"].value
    3.5
    """
    points = [*_answers(questionnaire, answers, "diamond"), *pooled]
    items = with_cuts(DIAMOND_ITEMS, cuts, func="diamond")
    source = f"questionnaire:{questionnaire.name}" if questionnaire else "questionnaire"
    return Diamond(score_items(DIAMOND_DIMENSIONS, items, indicators, points, source=source))


def _answers(
    questionnaire: Questionnaire | None, answers: Mapping[str, Any] | None, func: str
) -> list[tuple[str, str, Any, float, str]]:
    if answers is None:
        return []
    if questionnaire is None:
        raise InvalidParameterError(
            Message(
                "The 'questionnaire' parameter of {func} must be a Questionnaire when answers "
                "are given. Got None instead.",
                func=func,
            )
        )
    return answer_points(
        questionnaire, validate_answers(questionnaire, answers, file=questionnaire.source)
    )
