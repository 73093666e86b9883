"""Cluster programmes as data: eligibility, admission, label levels, evaluations (no I/O).

A programme (the German *Kompetenznetze*, the French SPL, the Danish competence clusters, the
European Cluster Collaboration Platform's profile rule, Algeria's SPL and cluster pilots…) is a
mapping read by :func:`programme_from_dict`; :func:`check_eligibility` judges a cluster's facts
against its eligibility, :func:`decide_label` applies its label rule at an application or an
evaluation, :func:`evaluation_dates` gives its calendar and :func:`statistical_candidates` the
cells of a cluster map that meet its statistical criteria. The metrics criteria may name are in
:mod:`grappe.programmes.metrics`; the bundled presets are read by :mod:`grappe.io.programmes`.
"""

from grappe.programmes.candidates import IDENTITY_COLUMNS, statistical_candidates
from grappe.programmes.facts import QUESTION_METRICS, questionnaire_facts
from grappe.programmes.metrics import MAP_METRICS, METRIC_NAMES, PROGRAMME_METRICS, Metric, metric
from grappe.programmes.rules import (
    CriterionResult,
    EligibilityCheck,
    Fact,
    LabelDecision,
    LabelState,
    check_criteria,
    check_eligibility,
    decide_label,
    evaluation_dates,
)
from grappe.programmes.schema import (
    FAIL_ACTIONS,
    PROGRAMME_KEYS,
    AdmissionStep,
    EvaluationRule,
    LabelLevel,
    Programme,
    ProgrammeCriterion,
    Source,
    in_language,
    programme_from_dict,
    programme_to_dict,
)
from grappe.programmes.validity import label_state_on, label_valid_until
from grappe.roadmap.labels import Criterion
from grappe.vocabulary import LABEL_ACTIONS

__all__ = [
    "FAIL_ACTIONS",
    "IDENTITY_COLUMNS",
    "LABEL_ACTIONS",
    "MAP_METRICS",
    "METRIC_NAMES",
    "PROGRAMME_KEYS",
    "PROGRAMME_METRICS",
    "QUESTION_METRICS",
    "AdmissionStep",
    "Criterion",
    "CriterionResult",
    "EligibilityCheck",
    "EvaluationRule",
    "Fact",
    "LabelDecision",
    "LabelLevel",
    "LabelState",
    "Metric",
    "Programme",
    "ProgrammeCriterion",
    "Source",
    "check_criteria",
    "check_eligibility",
    "decide_label",
    "evaluation_dates",
    "in_language",
    "label_state_on",
    "label_valid_until",
    "metric",
    "programme_from_dict",
    "programme_to_dict",
    "questionnaire_facts",
    "statistical_candidates",
]
