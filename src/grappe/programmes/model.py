"""The model of a cluster programme: frozen dataclasses for its rules (no I/O).

:func:`grappe.programmes.schema.programme_from_dict` builds them from a mapping (a YAML file).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from grappe.programmes.metrics import Metric
from grappe.roadmap.labels import Criterion

__all__ = [
    "FAIL_ACTIONS",
    "AdmissionStep",
    "EvaluationRule",
    "LabelLevel",
    "Programme",
    "ProgrammeCriterion",
    "Source",
    "in_language",
]

#: What a programme may do after a failed evaluation (``on_fail``): ``keep`` the label for a
#: grace period, ``suspend`` it, ``withdraw`` it.
FAIL_ACTIONS: tuple[str, ...] = ("keep", "suspend", "withdraw")


@dataclass(frozen=True)
class Source:
    """Where a programme's rule comes from: a seed text's section, an official page."""

    title: str
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ProgrammeCriterion(Criterion):
    """A :class:`~grappe.roadmap.labels.Criterion` with its provenance.

    Attributes
    ----------
    assumed : bool
        ``True`` when the threshold is not read from a source but chosen (to adjust to the
        call's text).
    note : str or None
        Why this threshold, or where it is read.
    """

    assumed: bool = False
    note: str | None = None


@dataclass(frozen=True)
class AdmissionStep:
    """One step of admission (a call for projects, an advisory committee's review…).

    ``names`` and ``decided_by`` map a language (``fr``, ``ar``, ``en``) to a text. ``role`` is
    the grappe role (:data:`grappe.vocabulary.ROLES`) that records the step's decision in the
    registry: ``analyst`` for a ministry, a jury or a committee the observatory acts for,
    ``manager`` for the cluster's own association; ``None`` leaves it to the observatory
    (admins and analysts). An admin may always record it.
    """

    key: str
    names: Mapping[str, str]
    decided_by: Mapping[str, str] = field(default_factory=dict)
    role: str | None = None


@dataclass(frozen=True)
class LabelLevel:
    """A label level (``bronze``, ``silver``…; one level when the label has none).

    A higher ``rank`` is a higher level; a cluster holds the highest level whose ``criteria``
    (and the programme's eligibility) it meets. ``validity_years`` is the label's life before a
    renewal (``None``: until the next evaluation).
    """

    key: str
    rank: int
    names: Mapping[str, str]
    criteria: tuple[Criterion, ...]
    validity_years: float | None = None


@dataclass(frozen=True)
class EvaluationRule:
    """When labelled clusters are re-evaluated and what consecutive failures lead to.

    ``on_fail[i]`` is the action after ``i + 1`` consecutive failed evaluations (the last one
    repeats); ``("suspend", "withdraw")`` suspends at the first failure and withdraws at the
    second. An empty ``on_fail`` withdraws the label at the first failure.
    """

    every_months: int | None = None
    on_fail: tuple[str, ...] = ()


@dataclass(frozen=True)
class Programme:
    """A cluster programme: eligibility, admission, label levels, evaluation, funding.

    Attributes
    ----------
    key : str
        Its identifier (``kompetenznetze``, ``eccp-profile``…).
    names, descriptions : mapping of language to str
    country : str or None
        ISO 3166 code of the country (``None`` for an international rule).
    sources : tuple of Source
    eligibility : tuple of Criterion
        What a cluster must meet to be admitted (and to keep any level).
    admission : tuple of AdmissionStep
    levels : tuple of LabelLevel
        Ordered by rank (lowest first); empty when the programme awards no label.
    evaluation : EvaluationRule
    indicators : tuple of str
        Metrics the labelled clusters report.
    funding : mapping
        Funding rules, as written (amounts, shares, who pays).
    statistical : tuple of Criterion
        Criteria on a cluster map's region × cluster cells (statistically identified clusters).
    metrics : tuple of Metric
        Metrics the file declares beyond :data:`~grappe.programmes.metrics.PROGRAMME_METRICS`.
    """

    key: str
    names: Mapping[str, str]
    descriptions: Mapping[str, str]
    country: str | None
    sources: tuple[Source, ...]
    eligibility: tuple[Criterion, ...]
    admission: tuple[AdmissionStep, ...]
    levels: tuple[LabelLevel, ...]
    evaluation: EvaluationRule
    indicators: tuple[str, ...]
    funding: Mapping[str, Any]
    statistical: tuple[Criterion, ...]
    metrics: tuple[Metric, ...] = ()

    def name(self, lang: str = "en") -> str:
        """The programme's name in ``lang`` (else English, else any language given)."""
        return in_language(self.names, lang) or self.key

    def description(self, lang: str = "en") -> str:
        """The programme's description in ``lang`` (else English, else any language given)."""
        return in_language(self.descriptions, lang)

    def level(self, key: str) -> LabelLevel | None:
        """The level called ``key``, or ``None``."""
        return next((lv for lv in self.levels if lv.key == key), None)

    def deciding_step(self) -> AdmissionStep | None:
        """The admission step that decides on the label: the last step naming a ``role``
        (``None`` when no step does). Its role records the admission and the re-evaluations."""
        return next((s for s in reversed(self.admission) if s.role is not None), None)


def in_language(texts: Mapping[str, str], lang: str) -> str:
    """``texts[lang]``, else the English text, else the first text, else ``""``.

    Parameters
    ----------
    texts : mapping of language to str
    lang : str

    Returns
    -------
    str

    Examples
    --------
    >>> in_language({"fr": "Réseau"}, "ar")
    'Réseau'
    """
    for code in (lang, "en", *texts):
        if texts.get(code):
            return texts[code]
    return ""
