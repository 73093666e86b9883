"""Actor networks of a cluster: the triple helix recorded from interviews, and its diagnosis.

Kernels only (no I/O): read files with :mod:`grappe.io.network`. See ``docs/network.md``.
"""

from __future__ import annotations

from grappe.network.boundary import Boundary, boundary
from grappe.network.brokerage import ROLES, brokerage, brokerage_counts
from grappe.network.centrality import betweenness, centrality
from grappe.network.change import WaveChange, wave_change
from grappe.network.cohesion import (
    Components,
    components,
    density,
    density_by_type,
    reciprocity,
    sphere_pairs,
)
from grappe.network.core_periphery import ConvergenceError, CorePeriphery, core_periphery
from grappe.network.diagnosis import LANGUAGES, Diagnosis, diagnose, render_text
from grappe.network.model import (
    LEVELS,
    SPHERES,
    TIE_TYPES,
    ActorNetwork,
    build_network,
)
from grappe.network.shadow_zones import (
    DEFAULT_EXPECTED_PAIRS,
    TripleHelix,
    shadow_zones,
    triple_helix,
)
from grappe.network.structural_holes import burt_measures, structural_holes

__all__ = [
    "DEFAULT_EXPECTED_PAIRS",
    "LANGUAGES",
    "LEVELS",
    "ROLES",
    "SPHERES",
    "TIE_TYPES",
    "ActorNetwork",
    "Boundary",
    "Components",
    "ConvergenceError",
    "CorePeriphery",
    "Diagnosis",
    "TripleHelix",
    "WaveChange",
    "betweenness",
    "boundary",
    "brokerage",
    "brokerage_counts",
    "build_network",
    "burt_measures",
    "centrality",
    "components",
    "core_periphery",
    "density",
    "density_by_type",
    "diagnose",
    "reciprocity",
    "render_text",
    "shadow_zones",
    "sphere_pairs",
    "structural_holes",
    "triple_helix",
    "wave_change",
]
