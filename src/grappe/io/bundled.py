"""The bundled US data mapped once: County Business Patterns × the us-benchmark definitions.

``grappe observatory`` writes its result files and loads the registry from one
:class:`~grappe.mapping.ClusterMap`; ``grappe assess`` reads the same. Mapping the bundled file
is written here only, so that the years, the withheld-cell policy and the definitions cannot
drift apart between the commands.
"""

from __future__ import annotations

from collections.abc import Iterable

from grappe.mapping import ClusterMap

__all__ = ["BUNDLED_US_SOURCES", "BUNDLED_US_YEARS", "bundled_us_map"]

#: Years of the bundled CBP state file, all of them mapped. CBP withheld about 3,900 state
#: cells in 2017 (about ten a year later); the reader's CBP default,
#: ``withheld="impute_residual"``, restores them from their parent codes (see "Withheld cells"
#: in docs/data-input.md), so 2017 is comparable with later years.
BUNDLED_US_YEARS: tuple[int, ...] = (2017, 2018, 2019, 2020, 2021)

#: How reports cite the bundled map.
BUNDLED_US_SOURCES: tuple[str, ...] = (
    "US Census Bureau, County Business Patterns 2017–2021 (state × NAICS), bundled",
    "Delgado, Porter & Stern (2016) benchmark cluster definitions (us-benchmark)",
)


def bundled_us_map(*, years: Iterable[int] | None = None) -> ClusterMap:
    """Map the bundled CBP state file with the ``us-benchmark`` definitions.

    Parameters
    ----------
    years : iterable of int, optional
        Years to read and map (default :data:`BUNDLED_US_YEARS`).

    Returns
    -------
    ClusterMap
        State × cluster × year indicators of :func:`grappe.mapping.map_clusters`.

    Raises
    ------
    InvalidParameterError
        If a year is not in the bundled file.

    Examples
    --------
    >>> cmap = bundled_us_map(years=[2021])  # doctest: +SKIP
    >>> cmap.indicators["region"].nunique()  # doctest: +SKIP
    50
    """
    # imported here so that a test can count the calls of grappe.mapping.map_clusters
    from grappe import mapping
    from grappe.io.definitions import load_definitions
    from grappe.io.presets import bundled_cbp_state_path
    from grappe.io.regional import read_regional_table

    wanted = BUNDLED_US_YEARS if years is None else tuple(years)
    table = read_regional_table(bundled_cbp_state_path(), source="cbp", years=wanted)
    return mapping.map_clusters(table, load_definitions("us-benchmark"))
