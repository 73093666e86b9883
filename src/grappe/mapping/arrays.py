"""Map clusters from arrays, without pandas: the path of ``grappe map`` (issue 17, goal 1).

:func:`map_arrays` computes the indicators of :func:`grappe.mapping.map_clusters` — with the
same functions, step for step: the cube (:func:`~grappe.mapping._cube.cube_from_columns`), the
nation's counts and every indicator (:mod:`grappe.mapping._core`), the tidy columns
(:func:`~grappe.mapping._frames.indicator_columns`) — from a table read as arrays
(:class:`grappe.io.regional_arrays.RegionalArrays`) and definitions as arrays
(:class:`DefinitionArrays`). It returns the columns of ``ClusterMap.indicators``, each label
column as integer codes and categories, ready to be written from Arrow. Options that need the
frames (user-defined regions, a reference table, a subset of years) are
:func:`~grappe.mapping.map_clusters`' only.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from grappe.mapping._core import (
    _checked_options,
    _classification_of,
    indicator_values,
    national_counts,
)
from grappe.mapping._cube import cube_from_columns
from grappe.mapping._frames import indicator_columns

__all__ = ["ClusterColumns", "DefinitionArrays", "map_arrays"]


@dataclass(frozen=True)
class DefinitionArrays:
    """Cluster definitions as the mapping uses them.

    Attributes
    ----------
    rules : Mapping[str, str]
        Industry code (or prefix) → cluster code.
    clusters : tuple of three tuples of str
        The clusters' codes, names and types (``traded``/``local``), in natural code order
        (the order of ``ClusterMap.indicators``).
    name, classification : str
        As in :class:`grappe.model.ClusterDefinitions`.
    """

    rules: Mapping[str, str]
    clusters: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    name: str = "custom"
    classification: str = "custom"


@dataclass(frozen=True)
class ClusterColumns:
    """The columns of ``ClusterMap.indicators`` (:data:`grappe.vocabulary.CLUSTER_MAP_COLUMNS`),
    in order: ``region`` … ``cluster_type`` as (int codes, string categories), the others as
    arrays; and the ``parameters`` of the map."""

    columns: dict[str, Any]
    parameters: Mapping[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.columns["year"])

    def labels(self, name: str) -> np.ndarray:
        """The values of a label column (``region``, ``cluster``…) as strings, row by row."""
        codes, categories = self.columns[name]
        return np.asarray(categories, dtype=object)[codes]


def _defaults() -> dict[str, Any]:
    """The defaults of :func:`map_clusters`' thresholds (one place for them: its signature)."""
    from grappe.mapping import map_clusters

    return {
        name: p.default
        for name, p in inspect.signature(map_clusters).parameters.items()
        if p.kind is inspect.Parameter.KEYWORD_ONLY and name.startswith(("strong_", "star_"))
    }


def map_arrays(
    table: Any,
    definitions: DefinitionArrays,
    *,
    lq_convention: str = "cmp",
    total: str = "auto",
    measure: str = "employment",
    star_local: bool = False,
) -> ClusterColumns:
    """Every indicator of every region × cluster × year of a table read as arrays.

    Parameters
    ----------
    table : RegionalArrays
        The rows (see :func:`grappe.io.regional_arrays.read_regional_arrays`), with a
        ``measure`` that is not missing everywhere.
    definitions : DefinitionArrays
        Industry code → cluster.
    lq_convention, total, measure, star_local
        As in :func:`grappe.mapping.map_clusters`; every other option at its default.

    Returns
    -------
    ClusterColumns
        The columns of ``map_clusters(table.to_table(), ...).indicators``, equal value for
        value, and its ``parameters``.

    Raises
    ------
    InvalidParameterError, DataValidationError
        As :func:`~grappe.mapping.map_clusters`.

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2014). Clusters, convergence, and economic
       performance. *Research Policy*, 43(10), 1785–1799.
    .. [2] European Cluster Observatory, "Evaluation of regional cluster strength",
       http://www.clusterobservatory.eu/index.php?id=49
    """
    func = "map_clusters"
    options = _checked_options(
        func,
        lq_convention=lq_convention,
        total=total,
        measure=measure,
        regions_ranking="base",
        **{**_defaults(), "star_local": star_local},
    )
    classification = _classification_of(table.classification, definitions.classification)
    selected = table.years
    cluster_codes, cluster_names, cluster_types = definitions.clusters
    counts = {
        "employment": table.employment,
        "establishments": table.establishments,
        "payroll": table.payroll,
        "withheld": table.withheld,
    }
    region_cats = np.asarray(table.region.categories, dtype=object)
    industry_cats = np.asarray(table.industry.categories, dtype=object)
    cube = cube_from_columns(
        (table.region.codes, region_cats),
        (table.industry.codes, industry_cats),
        table.year,
        counts,
        rules=definitions.rules,
        cluster_codes=cluster_codes,
        definitions_name=definitions.name,
        years=selected,
        classification=classification,
        total=total,
        measure=measure,
        source=table.source,
        row_labels=lambda i: (
            region_cats[table.region.codes[i]],
            industry_cats[table.industry.codes[i]],
        ),
    )
    types = np.asarray(cluster_types, dtype=object)
    national = national_counts(cube, types, measure)
    labels = cube["labels"]
    region_types = np.full(len(labels), table.region_type, dtype=object)
    values, criteria = indicator_values(
        cube,
        national,
        types,
        region_types,
        n_base=len(labels),
        measure=measure,
        lq_convention=lq_convention,
        options=options,
        regions_ranking="base",
        region_sets=[],
    )
    names = np.array([table.region_name(r) for r in labels], dtype=object)
    columns = indicator_columns(
        values, labels, names, region_types, (cluster_codes, cluster_names, types), selected
    )
    parameters = {
        "years": tuple(selected),
        "measure": measure,
        "unit": table.unit,
        "total": total,
        "reference": None,
        "strong_criteria": criteria,
        **options,
        "regions_ranking": None,
    }
    return ClusterColumns(columns=columns, parameters=parameters)
