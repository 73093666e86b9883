"""Where firms concentrate: distance-based concentration and hot spots (issue 8).

Numeric kernels only — no file, network or database access (readers and writers are in
:mod:`grappe.io.spatial`). Heavy libraries (scikit-learn, shapely, pyproj,
dask) are imported when a function needs them; ``pip install grappe[spatial]`` installs
them (``grappe[fast]`` adds the optional numba).

* :func:`points_from_frame`, :func:`project_points` — validated establishment points.
* :func:`kdensity`, :func:`kdensity_by_activity` — Duranton–Overman K-density with bands.
* :func:`localisation_scan` — the K-density with bands of every industry of a register.
* :func:`m_function` — Marcon–Puech M; :func:`ripley_k` — Ripley's K/L with edge correction.
* :func:`hotspots` — DBSCAN/HDBSCAN hot spots as polygons.
* :func:`getis_ord`, :func:`local_moran` — local statistics of areal counts (NumPy/SciPy,
  equal to esda's; array-level kernels in :mod:`grappe.spatial.lisa`).
* :mod:`grappe.spatial.maps` — figures and GeoJSON; :mod:`grappe.spatial.executor` — threads
  or Dask.
"""

import sys
import types
from typing import TYPE_CHECKING

from grappe._exports import lazy_exports

if TYPE_CHECKING:  # the names are imported on first use (PEP 562): a command pays for its kernels
    from grappe.spatial.areal import (
        AreaSet,
        SpatialWeights,
        areas_from_geometries,
        getis_ord,
        local_moran,
        spatial_weights,
    )
    from grappe.spatial.hotspots import HotspotResult, hotspots
    from grappe.spatial.kdensity import KDensityResult, kdensity, kdensity_by_activity, summary
    from grappe.spatial.mfunction import m_function
    from grappe.spatial.points import PointSet, points_from_frame, project_points
    from grappe.spatial.ripley import ripley_k
    from grappe.spatial.scan import ScanResult, localisation_scan

#: Public name → the module of this package that defines it.
_HOMES: dict[str, str] = {
    "AreaSet": "areal",
    "SpatialWeights": "areal",
    "areas_from_geometries": "areal",
    "getis_ord": "areal",
    "local_moran": "areal",
    "spatial_weights": "areal",
    "HotspotResult": "hotspots",
    "hotspots": "hotspots",
    "KDensityResult": "kdensity",
    "kdensity": "kdensity",
    "kdensity_by_activity": "kdensity",
    "summary": "kdensity",
    "m_function": "mfunction",
    "PointSet": "points",
    "points_from_frame": "points",
    "project_points": "points",
    "ripley_k": "ripley",
    "ScanResult": "scan",
    "localisation_scan": "scan",
}

__all__ = [
    "AreaSet",
    "HotspotResult",
    "KDensityResult",
    "PointSet",
    "SpatialWeights",
    "ScanResult",
    "areas_from_geometries",
    "getis_ord",
    "hotspots",
    "kdensity",
    "kdensity_by_activity",
    "local_moran",
    "localisation_scan",
    "m_function",
    "points_from_frame",
    "project_points",
    "ripley_k",
    "spatial_weights",
    "summary",
]

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)

#: Functions named as the module that defines them.
_SHADOWED = frozenset({"hotspots", "kdensity"})


class _Package(types.ModuleType):
    """The package, whose ``hotspots`` and ``kdensity`` are functions.

    Importing the submodule ``grappe.spatial.hotspots`` binds the module under that name on the
    package; when the package imported its modules eagerly, its own import of the function came
    after and won. With the names imported on first use, the function must win here.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
