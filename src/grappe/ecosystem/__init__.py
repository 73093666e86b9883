"""The support ecosystem of firms: public agencies, banks, insurers, incubators, tax offices…

Kernels on a table of geolocated *support bodies* (one row per branch or office), with the
columns ``actor_type``, ``name``, ``wilaya_code``, ``lat`` and ``lon`` (WGS84 decimal degrees), as
read by :func:`grappe.io.ecosystem.read_support_bodies`. No I/O here.

* :func:`nearest_bodies` — the bodies within a radius of a point, nearest first;
* :func:`coverage_by_wilaya` — how many bodies of each type each wilaya has (0 included);
* :func:`deduplicate_bodies` — branches listed twice merged;
* :func:`coverage_by_area` — the same count on any areas the bodies were attributed to (the
  communes or wilayas their coordinates fall in), :func:`coverage_rates` — per 10,000
  inhabitants or per 1,000 SMEs, :func:`types_lacking_within` — the areas without a body of a
  type within a radius of their reference point.

Types are the ``actor_type`` values of the table (``anade``, ``banks/bna``…); a family name (the
part before ``/``, e.g. ``banks`` or ``insurance``) selects all its types.

Distances are great-circle distances on a sphere of the Earth's mean radius (the haversine
formula, Sinnott 1984), computed by scikit-learn's ``BallTree(metric="haversine")``.

References
----------
Sinnott, R. W. (1984). Virtues of the haversine. *Sky and Telescope*, 68(2), 159.
Moritz, H. (2000). Geodetic Reference System 1980. *Journal of Geodesy*, 74(1), 128–133
(the mean Earth radius R1 = 6371.0088 km).
"""

from grappe.ecosystem._bodies import (
    BODY_COLUMNS,
    EARTH_RADIUS_KM,
    DeduplicatedBodies,
    coverage_by_wilaya,
    deduplicate_bodies,
    nearest_bodies,
    select_types,
)
from grappe.ecosystem.coverage import coverage_by_area, coverage_rates, types_lacking_within

__all__ = [
    "BODY_COLUMNS",
    "EARTH_RADIUS_KM",
    "DeduplicatedBodies",
    "coverage_by_area",
    "coverage_by_wilaya",
    "coverage_rates",
    "deduplicate_bodies",
    "nearest_bodies",
    "select_types",
    "types_lacking_within",
]
