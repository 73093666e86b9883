"""Readers and writers of files: regional tables, cluster definitions, region sets.

Everything that touches a file lives here; the numeric kernels take the objects these readers
return (:class:`~grappe.model.RegionalTable`, :class:`~grappe.model.ClusterDefinitions`,
:class:`~grappe.regions.RegionSet`).
"""

from grappe.io.bundled import BUNDLED_US_SOURCES, BUNDLED_US_YEARS, bundled_us_map
from grappe.io.definitions import load_definitions, read_definitions
from grappe.io.presets import PRESETS, bundled_cbp_state_path
from grappe.io.regional import FLAG_MIDPOINTS, WITHHELD_POLICIES, read_regional_table
from grappe.io.regions import read_region_set

__all__ = [
    "BUNDLED_US_SOURCES",
    "BUNDLED_US_YEARS",
    "FLAG_MIDPOINTS",
    "PRESETS",
    "WITHHELD_POLICIES",
    "bundled_cbp_state_path",
    "bundled_us_map",
    "load_definitions",
    "read_definitions",
    "read_region_set",
    "read_regional_table",
]
