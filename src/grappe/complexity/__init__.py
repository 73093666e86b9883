"""Specialisation, economic complexity and relatedness (numeric kernels, no I/O).

Inputs are location × activity matrices: a wide :class:`pandas.DataFrame`, a numpy array or a
scipy sparse matrix (with ``rows=`` / ``cols=`` labels). Results keep the labels. See
``docs/complexity.md`` for the formulas, conventions and references.
"""

from grappe.complexity._matrix import LabelledMatrix, as_matrix, pivot_long, pivot_panel
from grappe.complexity.eci import STANDARDISATIONS, ComplexityResult, eci_pci
from grappe.complexity.fitness import FitnessResult, fitness_complexity
from grappe.complexity.io_relatedness import (
    aggregate_flows,
    colocation,
    combined_relatedness,
    group_relatedness,
    industry_flows,
    io_relatedness,
)
from grappe.complexity.outlook import OutlookResult, complexity_outlook
from grappe.complexity.panel import ComplexityPanel, complexity_panel
from grappe.complexity.related import (
    CLUSTER_TYPES,
    RELATED_LEVELS,
    find_region,
    region_unit_matrix,
    related_table,
)
from grappe.complexity.relatedness import (
    MEASURES,
    cooccurrence,
    knn_density,
    proximity,
    relatedness_density,
)
from grappe.complexity.space import industry_space, space_to_json
from grappe.complexity.specialisation import (
    binary_specialisation,
    diversity,
    rca,
    rpop,
    ubiquity,
)
from grappe.complexity.suite import ComplexitySuite, complexity_suite

__all__ = [
    "MEASURES",
    "CLUSTER_TYPES",
    "RELATED_LEVELS",
    "STANDARDISATIONS",
    "ComplexityPanel",
    "ComplexityResult",
    "ComplexitySuite",
    "FitnessResult",
    "LabelledMatrix",
    "OutlookResult",
    "aggregate_flows",
    "as_matrix",
    "binary_specialisation",
    "colocation",
    "combined_relatedness",
    "complexity_outlook",
    "complexity_panel",
    "complexity_suite",
    "cooccurrence",
    "diversity",
    "eci_pci",
    "find_region",
    "fitness_complexity",
    "group_relatedness",
    "industry_flows",
    "industry_space",
    "io_relatedness",
    "knn_density",
    "pivot_long",
    "pivot_panel",
    "proximity",
    "region_unit_matrix",
    "rca",
    "related_table",
    "relatedness_density",
    "rpop",
    "space_to_json",
    "ubiquity",
]
