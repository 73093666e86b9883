"""Readers and writers of files: regional tables, cluster definitions, region sets.

Every reader opens its file through :mod:`grappe.io.files` (:func:`read_table`,
:func:`read_document`, :func:`parse_numbers`, :class:`ReadOptions`).

Everything that touches a file lives here; the numeric kernels take the objects these readers
return (:class:`~grappe.model.RegionalTable`, :class:`~grappe.model.ClusterDefinitions`,
:class:`~grappe.regions.RegionSet`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grappe._exports import lazy_exports

if TYPE_CHECKING:  # the names are imported on first use (PEP 562): a command pays for its readers
    from grappe.io.bundled import BUNDLED_US_SOURCES, BUNDLED_US_YEARS, bundled_us_map
    from grappe.io.definitions import load_definitions, read_definitions
    from grappe.io.files import ReadOptions, parse_numbers, read_document, read_table
    from grappe.io.presets import PRESETS, bundled_cbp_state_path
    from grappe.io.regional import FLAG_MIDPOINTS, WITHHELD_POLICIES, read_regional_table
    from grappe.io.regions import read_region_set

#: Public name → the module of this package that defines it.
_HOMES: dict[str, str] = {
    "BUNDLED_US_SOURCES": "bundled",
    "BUNDLED_US_YEARS": "bundled",
    "bundled_us_map": "bundled",
    "load_definitions": "definitions",
    "read_definitions": "definitions",
    "ReadOptions": "files",
    "parse_numbers": "files",
    "read_document": "files",
    "read_table": "files",
    "PRESETS": "presets",
    "bundled_cbp_state_path": "presets",
    "FLAG_MIDPOINTS": "regional",
    "WITHHELD_POLICIES": "regional",
    "read_regional_table": "regional",
    "read_region_set": "regions",
}

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

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)
