"""Pre-load the observatory with Morocco: 12 regions, 75 provinces and their sector indicators.

The regions (``MA-01`` … ``MA-12``, 2015 division) and the provinces and prefectures
(``MA-<code>``, e.g. ``MA-03.231`` for Fès: the first two digits are the region) are imported
with their French and Arabic names (HCP, RGPH 2024); the English name is the French one, as
HCP publishes none. The four bundled maps of :func:`grappe.io.bundled_ma.bundled_ma_maps`
(establishments 2024 and employed population 2014, for regions and provinces) are stored as the
kernel computed them, each with its measure (see ``grappe/data/ma/PROVENANCE.md``).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from grappe.io.bundled_ma import MA_MEASURES, bundled_ma_maps, bundled_ma_units
from grappe.registry.cluster_maps import store_cluster_map
from grappe.registry.imports import ImportReport, import_table

__all__ = ["MA_DEFINITIONS", "load_morocco", "ma_region_id"]

#: Definition set of each measure's map, as the registry stores it (part of a row's key).
MA_DEFINITIONS: dict[str, str] = {
    measure: f"ma-hcp-{year}" for measure, (year, *_) in MA_MEASURES.items()
}


def ma_region_id(code: str) -> str:
    """Registry id of a Moroccan region or province code (``"03.231"`` → ``"MA-03.231"``)."""
    return f"MA-{code}"


def _units_csv() -> bytes:
    units = bundled_ma_units()
    table = units.assign(
        id=units["code"].map(ma_region_id),
        country="MA",
        region_type=units["level"],
        name_en=units["name_fr"],
    )[["id", "code", "country", "region_type", "name_en", "name_fr", "name_ar"]]
    return table.to_csv(index=False, lineterminator="\n").encode()


def load_morocco(
    session: Session, *, who: str, progress: Callable[[int, int], None] | None = None
) -> dict[str, ImportReport]:
    """Import the Moroccan regions and provinces and store their four sector maps.

    Parameters
    ----------
    session : Session
        Open session inside a transaction; the caller commits.
    who : str
        Name written in the audit log.
    progress : callable, optional
        Called as ``progress(done, total)`` after each of the five steps.

    Returns
    -------
    dict of str to ImportReport
        ``ma:regions`` and one ``ma:<level>:<measure>`` report per map; on a second run
        nothing is inserted or updated.
    """
    maps = bundled_ma_maps()
    total = 1 + len(maps)
    reports = {
        "ma:regions": import_table(
            session, _units_csv(), kind="regions", filename="ma_regions_provinces.csv", who=who
        )
    }
    if progress is not None:
        progress(1, total)
    for done, ((level, measure), cmap) in enumerate(sorted(maps.items()), start=2):
        reports[f"ma:{level}:{measure}"] = store_cluster_map(
            session, cmap, who=who, definitions=MA_DEFINITIONS[measure],
            region_ids=ma_region_id, name=f"ma_hcp_{level}_{measure}.csv",
        )  # fmt: skip
        if progress is not None:
            progress(done, total)
    return reports
