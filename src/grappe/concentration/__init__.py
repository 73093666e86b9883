"""Concentration, specialisation and agglomeration indices (numeric kernels, no I/O).

Inputs are region × industry employment matrices (wide DataFrame, array or sparse matrix).
See ``docs/concentration.md`` for formulas and references.
"""

from grappe.concentration.agglomeration import (
    coagglomeration,
    ellison_glaeser,
    entropy_decomposition,
    plant_herfindahl,
    shift_share,
)
from grappe.concentration.indices import gini, herfindahl, hoover, krugman, locational_gini
from grappe.concentration.table import CONCENTRATION_INDICES, INDEX_INPUTS, concentration_table

__all__ = [
    "CONCENTRATION_INDICES",
    "INDEX_INPUTS",
    "coagglomeration",
    "concentration_table",
    "ellison_glaeser",
    "entropy_decomposition",
    "gini",
    "herfindahl",
    "hoover",
    "krugman",
    "locational_gini",
    "plant_herfindahl",
    "shift_share",
]
