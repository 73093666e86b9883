"""Qualify a cluster: Porter's diamond, success factors, life cycle, SWOT, questionnaires.

Pure kernels (no I/O): inputs are plain mappings of indicators, validated answers and
DataFrames with documented columns; every score carries its evidence. Read questionnaires
and answers with :mod:`grappe.io.assess`. See ``docs/assess.md``.
"""

from grappe.assess._score import Evidence, Item, Score, band_score
from grappe.assess.diamond import DIAMOND_DIMENSIONS, DIAMOND_ITEMS, Diamond, diamond
from grappe.assess.evidence import cluster_evidence, network_evidence, network_figures
from grappe.assess.lifecycle import STAGES, Lifecycle, lifecycle_series, lifecycle_stage
from grappe.assess.questionnaire import (
    Question,
    Questionnaire,
    answer_facts,
    answer_points,
    pooled_points,
    validate_answers,
)
from grappe.assess.success_factors import (
    DANISH_DIMENSIONS,
    QUEBEC_DIMENSIONS,
    Classification,
    SuccessFactors,
    classify,
    success_factors,
)
from grappe.assess.swot import Swot, SwotItem, draft_swot

__all__ = [
    "DANISH_DIMENSIONS",
    "DIAMOND_DIMENSIONS",
    "DIAMOND_ITEMS",
    "QUEBEC_DIMENSIONS",
    "STAGES",
    "Classification",
    "Diamond",
    "Evidence",
    "Item",
    "Lifecycle",
    "Question",
    "Questionnaire",
    "Score",
    "SuccessFactors",
    "Swot",
    "SwotItem",
    "answer_facts",
    "answer_points",
    "band_score",
    "classify",
    "cluster_evidence",
    "diamond",
    "draft_swot",
    "lifecycle_series",
    "lifecycle_stage",
    "network_evidence",
    "network_figures",
    "pooled_points",
    "success_factors",
    "validate_answers",
]
