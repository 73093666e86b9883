"""Cluster definitions: industry code → cluster (subcluster, traded/local).

The model is :class:`grappe.model.ClusterDefinitions`. This package validates definitions
built from a table, expands prefix rules, reports coverage, and holds the definition sets
bundled with grappe, and derives definitions from data where no benchmark exists
(:func:`derive_definitions`, after Delgado, Porter & Stern 2016). Files are read by
:func:`grappe.io.load_definitions`, which also resolves the bundled names.

Bundled sets
------------
``"us-benchmark"``
    The U.S. benchmark cluster definitions of Delgado, Porter & Stern (2016): 51 traded and 16
    local clusters on NAICS 2017 6-digit codes (970 codes; see
    ``grappe/data/definitions/PROVENANCE.md`` for the source, the licence caveat and the rows
    left out).

References
----------
.. [1] Delgado, M., Porter, M. E. & Stern, S. (2016), "Defining clusters of related
   industries", Journal of Economic Geography 16(1): 1–38.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from importlib import resources

import pandas as pd

from grappe._validation import check_option
from grappe.definitions._core import (
    CoverageReport,
    coverage_report,
    definitions_from_frame,
    expand_definitions,
)
from grappe.definitions.coverage import coverage_by_code
from grappe.definitions.derive import (
    ALGORITHMS,
    COLOCATION_MEASURES,
    DEFAULT_IO_WEIGHTS,
    DerivedDefinitions,
    derive_definitions,
)
from grappe.definitions.names import (
    NAME_STATUSES,
    check_name_catalogue,
    cluster_name_catalogue,
    cluster_names,
    localized_cluster_name,
)
from grappe.definitions.validation import partition_agreement, validation_scores
from grappe.model import ClusterDefinitions

__all__ = [
    "ALGORITHMS",
    "BUNDLED_DEFINITIONS",
    "COLOCATION_MEASURES",
    "DEFAULT_IO_WEIGHTS",
    "ClusterDefinitions",
    "CoverageReport",
    "DerivedDefinitions",
    "NAME_STATUSES",
    "bundled_definitions",
    "check_name_catalogue",
    "cluster_name_catalogue",
    "cluster_names",
    "coverage_by_code",
    "coverage_report",
    "definitions_from_frame",
    "derive_definitions",
    "expand_definitions",
    "localized_cluster_name",
    "partition_agreement",
    "validation_scores",
]

#: Bundled definition sets: name → (package-data file, classification, provenance note).
BUNDLED_DEFINITIONS: dict[str, tuple[str, str, str]] = {
    "us-benchmark": (
        "us_benchmark_naics2017.csv",
        "naics2017",
        "Delgado, Porter & Stern (2016), 'Defining clusters of related industries', J. Econ. "
        "Geogr. 16(1):1-38; U.S. Cluster Mapping Project benchmark definitions as adapted to "
        "NAICS 2017 by A. Repella (NoCo REDI, 2019), repo ACR1/industry-clusters. Licence "
        "unclear (Harvard U.S. Cluster Mapping terms); see grappe/data/definitions/PROVENANCE.md.",
    ),
}


def bundled_definitions(name: str) -> ClusterDefinitions:
    """One of the definition sets bundled with grappe.

    Parameters
    ----------
    name : {"us-benchmark"}
        Name of the set.

    Returns
    -------
    ClusterDefinitions
        With an extra column ``naics_description`` for ``"us-benchmark"``.

    Raises
    ------
    InvalidParameterError
        Unknown name.

    References
    ----------
    .. [1] Delgado, M., Porter, M. E. & Stern, S. (2016), "Defining clusters of related
       industries", Journal of Economic Geography 16(1): 1–38.

    Examples
    --------
    >>> us = bundled_definitions("us-benchmark")
    >>> us.clusters["cluster_type"].value_counts().to_dict()
    {'traded': 51, 'local': 16}
    """
    check_option(name, "name", tuple(BUNDLED_DEFINITIONS), func="bundled_definitions")
    cached = _bundled(name)
    # The cache holds one parsed copy; callers get their own frame to do with as they like.
    return dataclasses.replace(cached, data=cached.data.copy())


@cache
def _bundled(name: str) -> ClusterDefinitions:
    filename, classification, provenance = BUNDLED_DEFINITIONS[name]
    resource = resources.files("grappe").joinpath("data", "definitions", filename)
    with resource.open("r", encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False, na_values=[""])
    return definitions_from_frame(
        frame,
        name=name,
        classification=classification,
        source=f"grappe/data/definitions/{filename}",
        provenance=provenance,
    )
