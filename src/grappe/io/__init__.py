"""Readers and writers of files: regional tables, cluster definitions, region sets.

Every reader opens its file through :mod:`grappe.io.files` (:func:`read_table`,
:func:`read_document`, :func:`parse_numbers`, :class:`ReadOptions`).

Everything that touches a file lives here; the numeric kernels take the objects these readers
return (:class:`~grappe.model.RegionalTable`, :class:`~grappe.model.ClusterDefinitions`,
:class:`~grappe.regions.RegionSet`).
"""

from grappe.io.bundled import BUNDLED_US_SOURCES, BUNDLED_US_YEARS, bundled_us_map
from grappe.io.definitions import load_definitions, read_definitions
from grappe.io.files import ReadOptions, parse_numbers, read_document, read_table
from grappe.io.presets import PRESETS, bundled_cbp_state_path
from grappe.io.regional import FLAG_MIDPOINTS, WITHHELD_POLICIES, read_regional_table
from grappe.io.regions import read_region_set

__all__ = [
    "BUNDLED_US_SOURCES",
    "BUNDLED_US_YEARS",
    "FLAG_MIDPOINTS",
    "PRESETS",
    "WITHHELD_POLICIES",
    "ReadOptions",
    "bundled_cbp_state_path",
    "bundled_us_map",
    "load_definitions",
    "parse_numbers",
    "read_document",
    "read_definitions",
    "read_region_set",
    "read_regional_table",
    "read_table",
]
