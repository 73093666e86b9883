"""Scores that carry their evidence: the building block of every scorecard (no I/O).

A :class:`Score` is never a bare number: it keeps the :class:`Evidence` items it was computed
from (the indicator or questionnaire answer, its value, the threshold applied and the source)
and the rule that combined them, so that a reader of a report can trace every figure back.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from grappe.errors import InvalidParameterError
from grappe.i18n import Message

__all__ = ["Evidence", "Item", "Score", "band_score", "score_items"]

#: The 1–5 scale every scorecard uses (Likert-like: 1 = very weak, 5 = very strong).
SCALE: tuple[float, float] = (1.0, 5.0)


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence behind a score.

    Attributes
    ----------
    name : str
        Indicator name (``"lq"``) or question id (``"D-F1"``).
    value : Any
        The value observed (indicator value, or the answer as given).
    points : float
        What this evidence contributes on the 1–5 scale.
    threshold : str
        The rule applied to ``value`` to get ``points`` (e.g. ``"cuts 0.8|1|1.2|1.5"``).
    source : str
        ``"indicator"``, ``"network"`` or ``"questionnaire:<name>"``.
    """

    name: str
    value: Any
    points: float
    threshold: str
    source: str


@dataclass(frozen=True)
class Score:
    """A score on a fixed scale with the evidence it rests on.

    Attributes
    ----------
    name : str
        What is scored (a diamond dimension, a success factor…).
    value : float
        The score; NaN when no evidence was available.
    scale : tuple of float
        ``(low, high)`` bounds of ``value``.
    evidence : tuple of Evidence
        Every indicator and answer used.
    rule : str
        How the evidence was combined, in words.
    """

    name: str
    value: float
    scale: tuple[float, float]
    evidence: tuple[Evidence, ...]
    rule: str

    @property
    def known(self) -> bool:
        """Whether at least one piece of evidence was available."""
        return not math.isnan(self.value)


@dataclass(frozen=True)
class Item:
    """One indicator used by a scorecard dimension.

    Attributes
    ----------
    dimension : str
        The dimension it feeds.
    indicator : str
        Key looked up in the indicator mapping.
    cuts : tuple of float
        Four ascending cut points: a value below ``cuts[0]`` scores 1, at or above ``cuts[3]``
        scores 5 (a value equal to a cut goes to the upper band).
    description : str
        What the indicator stands for in this dimension.
    """

    dimension: str
    indicator: str
    cuts: tuple[float, float, float, float]
    description: str = ""


def band_score(value: float, cuts: Sequence[float]) -> float:
    """Score a value on 1–5 by four ascending cut points.

    Parameters
    ----------
    value : float
        The indicator value.
    cuts : sequence of 4 floats
        Ascending cut points; ``value >= cuts[i]`` earns one more point.

    Returns
    -------
    float
        ``1 + #{i : value >= cuts[i]}``, in ``{1, 2, 3, 4, 5}``.

    Raises
    ------
    InvalidParameterError
        If ``cuts`` is not four ascending numbers.

    Examples
    --------
    >>> band_score(1.0, (0.8, 1.0, 1.2, 1.5))
    3.0
    >>> band_score(0.79, (0.8, 1.0, 1.2, 1.5))
    1.0
    """
    cuts = tuple(float(c) for c in cuts)
    if len(cuts) != 4 or any(b < a for a, b in zip(cuts, cuts[1:], strict=False)):
        raise InvalidParameterError(
            Message(
                "The 'cuts' parameter of band_score must be four ascending numbers. "
                "Got {cuts!r} instead.",
                cuts=cuts,
            )
        )
    return float(1 + sum(value >= c for c in cuts))


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def score_items(
    dimensions: Sequence[str],
    items: Sequence[Item],
    indicators: Mapping[str, float],
    answer_points: Sequence[tuple[str, str, Any, float, str]] = (),
    *,
    source: str = "indicator",
) -> dict[str, Score]:
    """Score each dimension as the mean of its evidence points.

    Parameters
    ----------
    dimensions : sequence of str
        The dimensions to score, in order.
    items : sequence of Item
        Indicator items; an item whose indicator is missing or NaN is skipped.
    indicators : mapping
        Indicator name → value.
    answer_points : sequence of (dimension, question id, answer, points, rule)
        Already-scored questionnaire answers.
    source : str
        Source recorded for the questionnaire evidence.

    Returns
    -------
    dict of str to Score
        One score per dimension, NaN when it has no evidence.
    """
    by_dim: dict[str, list[Evidence]] = {d: [] for d in dimensions}
    for item in items:
        value = indicators.get(item.indicator)
        if item.dimension not in by_dim or _is_missing(value):
            continue
        cuts = "|".join(f"{c:g}" for c in item.cuts)
        by_dim[item.dimension].append(
            Evidence(
                item.indicator,
                value,
                band_score(float(value), item.cuts),
                f"1 + number of cuts {cuts} at or below the value",
                "indicator",
            )
        )
    for dim, qid, answer, points, rule in answer_points:
        if dim in by_dim:
            by_dim[dim].append(Evidence(qid, answer, float(points), rule, source))
    out = {}
    for dim, evidence in by_dim.items():
        value = sum(e.points for e in evidence) / len(evidence) if evidence else float("nan")
        rule = (
            Message("mean of {n} evidence points on 1–5", n=len(evidence))
            if evidence
            else Message("no evidence available: score unknown")
        )
        out[dim] = Score(dim, value, SCALE, tuple(evidence), rule)
    return out
