"""Facts for a programme's criteria from the answers to grappe's questionnaires (no I/O).

The management questionnaire (``management.yaml``, in the spirit of the European Cluster
Excellence Initiative) asks for the cluster-management staff, its strategy, its funding…; the
Danish questionnaire (``danish.yaml``) scores the four competence-cluster criteria. This module
says, once, which answer gives which metric of :data:`~grappe.programmes.metrics.PROGRAMME_METRICS`
and in which unit, so that the command line and the registry gather the same facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from grappe.assess.questionnaire import Questionnaire, answer_points
from grappe.programmes.metrics import METRIC_NAMES
from grappe.programmes.rules import Fact

__all__ = ["QUESTION_METRICS", "questionnaire_facts"]

#: Question id → (metric, divisor): the answer divided by the divisor is the metric's value (a
#: share asked in % becomes 0–1; yes/no becomes 1/0).
QUESTION_METRICS: Mapping[str, tuple[str, float]] = {
    "M-S1": ("members", 1.0),
    "M-S2": ("sme_share", 100.0),
    "M-G1": ("management_strategy", 1.0),
    "M-G2": ("management_fte", 1.0),
    "M-F1": ("private_funding_share", 100.0),
    "M-V1": ("member_satisfaction", 1.0),
    "M-A1": ("collaborative_projects", 1.0),
}


def questionnaire_facts(
    questionnaire: Questionnaire, answers: Mapping[str, Any]
) -> dict[str, Fact]:
    """The programme metrics a questionnaire's answers give, each sourced to the questionnaire.

    Answers named in :data:`QUESTION_METRICS` give their metric directly; a dimension of the
    questionnaire whose ``<questionnaire>_<dimension>`` is a programme metric (the Danish
    criteria: ``danish_structure``…) gets the mean of its answers' points on 1–5 (Likert as
    given, yes 5 and no 1, numbers by the question's cuts: :func:`grappe.assess.answer_points`).

    Parameters
    ----------
    questionnaire : Questionnaire
    answers : mapping of question id to answer
        Validated answers (:func:`grappe.assess.validate_answers`); unanswered questions give
        no fact.

    Returns
    -------
    dict of metric to Fact
        With the source ``questionnaire:<name>``.

    References
    ----------
    .. [1] Seed ``004_b121ed3bd797dbd2.txt``, II.1.2: the four criteria of the Danish
       competence clusters (structure, competences, performance, cohesion).
    .. [2] European Secretariat for Cluster Analysis, cluster-management benchmarking
       indicators (structure, governance, financing, services, achievements).

    Examples
    --------
    >>> texts = {"fr": "S ?", "ar": "س؟", "en": "S?"}
    >>> q = Questionnaire.from_dict({
    ...     "name": "danish", "title": texts, "dimensions": ["structure"],
    ...     "questions": [{"id": "DK-S1", "dimension": "structure", "type": "likert",
    ...                    "text": texts}]})
    >>> questionnaire_facts(q, {"DK-S1": 4})["danish_structure"].value
    4.0
    """
    source = f"questionnaire:{questionnaire.name}"
    facts: dict[str, Fact] = {}
    asked = set(questionnaire.ids)
    for qid, (metric, divisor) in QUESTION_METRICS.items():
        if qid in asked and answers.get(qid) is not None:
            facts[metric] = Fact(metric, float(answers[qid]) / divisor, source)
    points: dict[str, list[float]] = {}
    for dimension, _qid, _answer, score, _rule in answer_points(questionnaire, answers):
        points.setdefault(dimension, []).append(score)
    for dimension, scores in points.items():
        metric = f"{questionnaire.name}_{dimension}"
        if metric in METRIC_NAMES:
            facts[metric] = Fact(metric, sum(scores) / len(scores), source)
    return facts
