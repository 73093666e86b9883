"""Cluster-mapping indicators: numeric kernels on region × cluster (× year) arrays, no I/O.

Every kernel takes arrays with **regions on axis 0 and clusters on axis 1**, optionally
followed by a year axis, or DataFrames (regions × clusters) whose labels the result keeps.
Options are keyword-only; inputs are never modified. :func:`grappe.mapping.map_clusters`
applies them all to a :class:`~grappe.model.RegionalTable` at once; see ``docs/indicators.md``
for the formulas, conventions and references.
"""

from __future__ import annotations

from grappe.indicators.cube import aggregate_cube
from grappe.indicators.growth import cagr, job_change
from grappe.indicators.ranks import percentile_rank, percentile_threshold
from grappe.indicators.specialisation import (
    average_wage,
    focus,
    group_totals,
    location_quotient,
    national_share,
)
from grappe.indicators.stars import ClusterStars, cluster_stars
from grappe.indicators.strong import cluster_strength, strong_clusters

__all__ = [
    "ClusterStars",
    "aggregate_cube",
    "average_wage",
    "cagr",
    "cluster_stars",
    "cluster_strength",
    "focus",
    "group_totals",
    "job_change",
    "location_quotient",
    "national_share",
    "percentile_rank",
    "percentile_threshold",
    "strong_clusters",
]
