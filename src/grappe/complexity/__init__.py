"""Specialisation, economic complexity and relatedness (numeric kernels, no I/O).

Inputs are location × activity matrices: a wide :class:`pandas.DataFrame`, a numpy array or a
scipy sparse matrix (with ``rows=`` / ``cols=`` labels). Results keep the labels. See
``docs/complexity.md`` for the formulas, conventions and references.

The names are imported from their modules when first used (:pep:`562`): ``grappe complexity``
needs the suite, not the industry space (networkx) nor the cluster tables (``grappe.mapping``),
and a process pays only for the modules it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grappe._exports import lazy_exports

# imported at once: the function ``io_relatedness`` shares its name with its module, which the
# import system would bind here, over the function, whenever the module is first imported
from grappe.complexity.io_relatedness import (
    aggregate_flows,
    colocation,
    combined_relatedness,
    group_relatedness,
    industry_flows,
    io_relatedness,
)

if TYPE_CHECKING:  # what the names are, for type checkers and editors
    from grappe.complexity._matrix import LabelledMatrix, as_matrix, pivot_long, pivot_panel
    from grappe.complexity.eci import STANDARDISATIONS, ComplexityResult, eci_pci
    from grappe.complexity.exports import (
        ExportProduct,
        ExportProfile,
        Opportunity,
        export_opportunities,
        export_profile,
    )
    from grappe.complexity.exports_clusters import (
        ClusterExportRow,
        ClusterExports,
        Concordance,
        exports_by_cluster,
        product_cluster_weights,
        products_of_clusters,
        trade_by_cluster,
    )
    from grappe.complexity.fitness import FitnessResult, fitness_complexity
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

#: Public name → the module of this package that defines it.
_HOMES: dict[str, str] = {
    "LabelledMatrix": "_matrix",
    "as_matrix": "_matrix",
    "pivot_long": "_matrix",
    "pivot_panel": "_matrix",
    "STANDARDISATIONS": "eci",
    "ComplexityResult": "eci",
    "eci_pci": "eci",
    "ExportProduct": "exports",
    "ExportProfile": "exports",
    "Opportunity": "exports",
    "export_opportunities": "exports",
    "export_profile": "exports",
    "ClusterExportRow": "exports_clusters",
    "ClusterExports": "exports_clusters",
    "Concordance": "exports_clusters",
    "exports_by_cluster": "exports_clusters",
    "product_cluster_weights": "exports_clusters",
    "products_of_clusters": "exports_clusters",
    "trade_by_cluster": "exports_clusters",
    "FitnessResult": "fitness",
    "fitness_complexity": "fitness",
    "OutlookResult": "outlook",
    "complexity_outlook": "outlook",
    "ComplexityPanel": "panel",
    "complexity_panel": "panel",
    "CLUSTER_TYPES": "related",
    "RELATED_LEVELS": "related",
    "find_region": "related",
    "region_unit_matrix": "related",
    "related_table": "related",
    "MEASURES": "relatedness",
    "cooccurrence": "relatedness",
    "knn_density": "relatedness",
    "proximity": "relatedness",
    "relatedness_density": "relatedness",
    "industry_space": "space",
    "space_to_json": "space",
    "binary_specialisation": "specialisation",
    "diversity": "specialisation",
    "rca": "specialisation",
    "rpop": "specialisation",
    "ubiquity": "specialisation",
    "ComplexitySuite": "suite",
    "complexity_suite": "suite",
}

__all__ = [
    "MEASURES",
    "CLUSTER_TYPES",
    "RELATED_LEVELS",
    "STANDARDISATIONS",
    "ComplexityPanel",
    "ComplexityResult",
    "ComplexitySuite",
    "ClusterExportRow",
    "ClusterExports",
    "Concordance",
    "ExportProduct",
    "ExportProfile",
    "FitnessResult",
    "LabelledMatrix",
    "Opportunity",
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
    "export_opportunities",
    "export_profile",
    "exports_by_cluster",
    "find_region",
    "fitness_complexity",
    "group_relatedness",
    "industry_flows",
    "industry_space",
    "io_relatedness",
    "knn_density",
    "pivot_long",
    "pivot_panel",
    "product_cluster_weights",
    "products_of_clusters",
    "proximity",
    "region_unit_matrix",
    "rca",
    "related_table",
    "relatedness_density",
    "rpop",
    "space_to_json",
    "trade_by_cluster",
    "ubiquity",
]

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)
