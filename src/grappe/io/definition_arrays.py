"""The bundled cluster definitions as arrays, without pandas (the path of ``grappe map``).

:func:`bundled_definition_arrays` reads a definition set bundled with grappe — a file of the
package, validated by :func:`grappe.io.load_definitions` in the test suite — into the
:class:`~grappe.mapping.arrays.DefinitionArrays` the mapping uses. A user's definitions file is
read and validated by :func:`~grappe.io.load_definitions` only (one reader per document):
for it this returns None.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from grappe.mapping.arrays import DefinitionArrays

__all__ = ["BUNDLED_FILES", "bundled_definition_arrays"]

#: Bundled set → (package-data file, classification), as in
#: :data:`grappe.definitions.BUNDLED_DEFINITIONS` (a test compares them).
BUNDLED_FILES: dict[str, tuple[str, str]] = {
    "us-benchmark": ("us_benchmark_naics2017.csv", "naics2017"),
}


def bundled_definition_arrays(name: str) -> DefinitionArrays | None:
    """The rules and clusters of a bundled definition set, as ``map_clusters`` takes them
    from ``load_definitions(name)``; None for a name that is not a bundled set.

    References
    ----------
    .. [1] Delgado, M., Porter, M. E. & Stern, S. (2016), "Defining clusters of related
       industries", Journal of Economic Geography 16(1): 1–38 (the ``us-benchmark`` set).

    Examples
    --------
    >>> us = bundled_definition_arrays("us-benchmark")
    >>> len(us.clusters[0]), us.clusters[2].count("traded"), us.rules["336411"]
    (67, 51, '1')
    """
    if not isinstance(name, str) or name not in BUNDLED_FILES:
        return None
    return _read(name)


def _natural_key(code: str) -> tuple[int, int | str]:
    return (0, int(code)) if code.isdigit() else (1, code)


@cache
def _read(name: str) -> DefinitionArrays:
    filename, classification = BUNDLED_FILES[name]
    resource = resources.files("grappe").joinpath("data", "definitions", filename)
    with resource.open("r", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rules = {row["code"].strip(): row["cluster"] for row in rows}
    first: dict[str, tuple[str, str]] = {}
    for row in rows:  # one entry per cluster: its first row's name and type
        first.setdefault(row["cluster"], (row["cluster_name"], row["cluster_type"]))
    codes = sorted(first, key=_natural_key)  # stable: the order of map_clusters' clusters
    clusters = (
        tuple(codes),
        tuple(first[c][0] for c in codes),
        tuple(first[c][1] for c in codes),
    )
    return DefinitionArrays(
        rules=rules, clusters=clusters, name=name, classification=classification
    )
