"""Cluster labels: levels with criteria and validity dates, and their periodic check (no I/O).

As members of the German *Kompetenznetze Deutschland* were re-evaluated, and as the European
Cluster Excellence Initiative awards bronze, silver and gold labels for a limited time, a label
holds only while the cluster still meets its criteria: :func:`check_label` says whether it
does at an evaluation, and why not.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from grappe.errors import DataValidationError, ValidationIssue
from grappe.i18n import Message
from grappe.roadmap.kpis import Evaluation

__all__ = ["OPERATORS", "Criterion", "Label", "LabelCheck", "check_label", "make_label"]

OPERATORS: Mapping[str, Any] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
}


@dataclass(frozen=True)
class Criterion:
    """``metric op threshold``, e.g. ``members >= 30``."""

    metric: str
    op: str
    threshold: float

    def __str__(self) -> str:
        return f"{self.metric} {self.op} {self.threshold:g}"


@dataclass(frozen=True)
class Label:
    """A label level with its criteria and validity."""

    name: str
    level: str
    criteria: tuple[Criterion, ...]
    valid_from: dt.date
    valid_to: dt.date


@dataclass(frozen=True)
class LabelCheck:
    """Result of :func:`check_label`.

    Attributes
    ----------
    label : Label
    on : datetime.date
        Date of the check.
    in_validity : bool
        ``valid_from <= on <= valid_to``.
    results : tuple of (Criterion, value, ok)
        Each criterion, the value found (NaN if the fact is missing) and whether it holds.
    reasons : tuple of str
        Why the label does not hold (empty when it holds).
    """

    label: Label
    on: dt.date
    in_validity: bool
    results: tuple[tuple[Criterion, float, bool], ...]
    reasons: tuple[str, ...]

    @property
    def holds(self) -> bool:
        """Whether the label still holds: within validity and every criterion met."""
        return not self.reasons


def make_label(data: Mapping[str, Any], *, file: str | None = None) -> Label:
    """Build a label from its mapping form (``name``, ``level``, ``criteria`` as
    ``"metric >= value"`` strings or ``{metric, op, threshold}`` mappings, ``valid_from``,
    ``valid_to``).

    Parameters
    ----------
    data : mapping
        The label in its mapping form (e.g. a parsed YAML file).
    file : str, optional
        The file the mapping came from, for error messages.

    Returns
    -------
    Label
        The validated label.

    Raises
    ------
    DataValidationError
        On a missing key, a malformed criterion, a bad date or ``valid_to < valid_from``.

    Examples
    --------
    >>> make_label({"name": "Cluster label", "level": "bronze", "criteria": ["members >= 30"],
    ...             "valid_from": "2023-01-01", "valid_to": "2025-12-31"}).criteria[0].threshold
    30.0
    """
    issues = []

    def bad(msg: Message, col: str, fix: Message) -> None:
        issues.append(ValidationIssue(msg, file=file, column=col, fix=fix))

    for key in ("name", "level", "criteria", "valid_from", "valid_to"):
        if key not in data:
            bad(
                Message("The label has no {key!r}.", key=key),
                key,
                Message("Add '{key}:'.", key=key),
            )
    if issues:
        raise DataValidationError(issues)
    criteria = []
    for raw in data["criteria"] or []:
        if isinstance(raw, str):
            parts = raw.split()
            raw = (
                dict(zip(("metric", "op", "threshold"), parts, strict=False))
                if len(parts) == 3
                else {}
            )
        try:
            op = str(raw["op"])
            thr = float(raw["threshold"])
            if op not in OPERATORS:
                raise KeyError(op)
            criteria.append(Criterion(str(raw["metric"]), op, thr))
        except (KeyError, TypeError, ValueError):
            bad(
                Message("The criterion {raw!r} is not 'metric op number'.", raw=raw),
                "criteria",
                Message(
                    "Write e.g. 'members >= 30' with op among {operators}.",
                    operators=list(OPERATORS),
                ),
            )
    dates = {}
    for key in ("valid_from", "valid_to"):
        value = data[key]
        if isinstance(value, dt.date):
            dates[key] = value
        else:
            try:
                dates[key] = dt.date.fromisoformat(str(value))
            except ValueError:
                bad(
                    Message("The date {key} {value!r} is not YYYY-MM-DD.", key=key, value=value),
                    key,
                    Message("Write YYYY-MM-DD."),
                )
    if len(dates) == 2 and dates["valid_to"] < dates["valid_from"]:
        bad(
            Message(
                "The label ends ({end}) before it starts ({start}).",
                end=dates["valid_to"],
                start=dates["valid_from"],
            ),
            "valid_to",
            Message("Correct the validity dates."),
        )
    if issues:
        raise DataValidationError(issues)
    return Label(
        str(data["name"]),
        str(data["level"]),
        tuple(criteria),
        dates["valid_from"],
        dates["valid_to"],
    )


def check_label(
    label: Label, evaluation: Evaluation | Mapping[str, float], *, on: dt.date | None = None
) -> LabelCheck:
    """Check whether a labelled cluster still meets its label's criteria.

    Parameters
    ----------
    label : Label
    evaluation : Evaluation or mapping
        The evaluation record (its ``facts``) or a mapping metric → value.
    on : datetime.date, optional
        Date of the check (default: ``label.valid_from``, i.e. only the criteria are tested
        unless a date is given).

    Returns
    -------
    LabelCheck
        With a reason for each failed criterion, each missing fact, and an expired or not yet
        valid label.

    References
    ----------
    .. [1] European Secretariat for Cluster Analysis (ESCA). Cluster Management Excellence
       labels (Bronze, Silver, Gold) of the European Cluster Excellence Initiative,
       https://www.cluster-analysis.org.

    Examples
    --------
    >>> lab = make_label({"name": "L", "level": "bronze", "criteria": ["members >= 30"],
    ...                   "valid_from": "2023-01-01", "valid_to": "2025-12-31"})
    >>> check_label(lab, {"members": 25}).reasons
    ('members = 25 does not meet members >= 30',)
    """
    facts = evaluation.facts if isinstance(evaluation, Evaluation) else evaluation
    on = label.valid_from if on is None else on
    reasons: list[str] = []
    in_validity = label.valid_from <= on <= label.valid_to
    if not in_validity:
        reasons.append(
            f"the label is valid from {label.valid_from} to {label.valid_to}, not on {on}"
        )
    results = []
    for c in label.criteria:
        value = facts.get(c.metric)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            results.append((c, math.nan, False))
            reasons.append(f"{c.metric} is not reported, so {c} cannot be checked")
            continue
        ok = bool(OPERATORS[c.op](float(value), c.threshold))
        results.append((c, float(value), ok))
        if not ok:
            reasons.append(f"{c.metric} = {float(value):g} does not meet {c}")
    return LabelCheck(label, on, in_validity, tuple(results), tuple(reasons))
