"""Presets of well-known sources: column names, region type, classification, withheld rule.

A preset spares the user the ``columns=`` mapping of :func:`grappe.io.read_regional_table`.
Two presets: ``"cbp"`` (U.S. County Business Patterns) and ``"eurostat"`` (Eurostat's long
tables by NUTS region and NACE Rev.2, e.g. ``lfst_r_lfe2en2``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["PRESETS", "UNIT_NAMES", "Preset", "bundled_cbp_state_path", "bundled_path"]


def bundled_path(*parts: str) -> Path:
    """Path of a file of grappe's package data (``src/grappe/data/...``).

    Examples
    --------
    >>> bundled_path("cbp_state", "geographies.csv").name
    'geographies.csv'
    """
    return Path(str(resources.files("grappe").joinpath("data", *parts)))


def bundled_cbp_state_path() -> Path:
    """Path of the bundled US County Business Patterns state file (50 states, 2017–2021).

    Read it with ``read_regional_table(bundled_cbp_state_path(), source="cbp")``. Public
    domain (U.S. Census Bureau); see ``data/cbp_state/PROVENANCE.md``.

    Examples
    --------
    >>> bundled_cbp_state_path().name
    'cbp_state_naics_2017_2021.parquet'
    """
    return bundled_path("cbp_state", "cbp_state_naics_2017_2021.parquet")


@cache
def _cbp_region_names() -> dict[str, str]:
    with bundled_path("cbp_state", "geographies.csv").open(encoding="utf-8", newline="") as f:
        return {row["fips"]: row["name"] for row in csv.DictReader(f)}


@cache
def _naics2017_codes() -> frozenset[str]:
    with bundled_path("cbp_state", "naics2017_labels.csv").open(encoding="utf-8", newline="") as f:
        return frozenset(row["naics"].strip() for row in csv.DictReader(f))


@dataclass(frozen=True)
class Preset:
    """Layout of a well-known source.

    Attributes
    ----------
    name : str
        Name given to ``source=``.
    layouts : tuple of (str, str, dict)
        Candidate layouts tried in order: ``(marker column, region type, columns)``; the first
        whose marker column is in the file is used. ``columns`` maps file names to ours.
    classification : str
        Industry classification of the source.
    withheld : str
        Default withheld policy.
    zero_is_withheld : bool
        An employment of 0 (with at least ``min_establishments`` establishments) marks a
        withheld cell.
    min_establishments : int
        See ``zero_is_withheld``.
    optional_columns : dict
        File column → our column, used when the file has it.
    column_choices : dict
        Our column → candidate file columns, the first one in the file is used (Eurostat's
        ``time`` or ``year``); a required column without any candidate is reported missing.
    unit_column : str or None
        File column holding the unit of the counts (Eurostat's ``unit``: ``THS``); its one
        value is recorded as :attr:`~grappe.model.RegionalTable.unit`.
    withheld_marks : tuple of str
        Text that starts a withheld count in the file (Eurostat's ``:``), read as empty.
    excluded_industries : dict
        Industry codes that are not industries (Eurostat's ``NRP``, no response) → what they
        are; their rows are left out with a notice.
    aggregate_regions : str or None
        Regular expression of region codes that are aggregates of countries (``EU28``,
        ``EA19``); their rows are left out with a notice.
    region_levels : str or None
        ``"nuts"``: the region type is ``nuts0``–``nuts3``, from ``level_column`` when the file
        has it, else from the length of the NUTS code; one level is kept.
    level_column : str or None
        See ``region_levels``.
    """

    name: str
    layouts: tuple[tuple[str, str, dict[str, str]], ...]
    classification: str
    withheld: str = "raise"
    zero_is_withheld: bool = False
    min_establishments: int = 0
    optional_columns: dict[str, str] = field(default_factory=dict)
    column_choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unit_column: str | None = None
    withheld_marks: tuple[str, ...] = ()
    excluded_industries: dict[str, str] = field(default_factory=dict)
    aggregate_regions: str | None = None
    region_levels: str | None = None
    level_column: str | None = None

    def layout(self, file_columns: list[str]) -> tuple[str, dict[str, str]] | None:
        """Region type and column mapping for a file with ``file_columns`` (None if no match).

        Examples
        --------
        >>> PRESETS["eurostat"].layout(["unit", "nace_r2", "geo", "time", "values"])
        ('nuts2', {'geo': 'region', 'nace_r2': 'industry', 'time': 'year', 'values': 'employment'})
        """
        for marker, region_type, columns in self.layouts:
            if marker in file_columns:
                mapping = dict(columns)
                mapping.update(
                    {f: o for f, o in self.optional_columns.items() if f in file_columns}
                )
                for ours, candidates in self.column_choices.items():
                    found = next((c for c in candidates if c in file_columns), None)
                    if found is not None:
                        mapping[found] = ours
                return region_type, mapping
        return None

    def extra_columns(self, file_columns: list[str]) -> tuple[str, ...]:
        """Columns of the file the preset reads besides the mapped ones (unit, NUTS level)."""
        wanted = (self.unit_column, self.level_column)
        return tuple(c for c in wanted if c is not None and c in file_columns)

    def region_names(self) -> dict[str, str]:
        """Region code → name for this source."""
        return _cbp_region_names() if self.name == "cbp" else {}

    def known_codes(self) -> frozenset[str] | None:
        """The code list of the source's classification, if bundled."""
        return _naics2017_codes() if self.name == "cbp" else None


_CBP_COMMON = {"naics": "industry", "year": "year", "emp": "employment"}
_CBP_COMMON |= {"estab": "establishments", "payann": "payroll"}

#: Presets by name.
PRESETS: dict[str, Preset] = {
    "cbp": Preset(
        name="cbp",
        layouts=(
            ("fips", "county", {"fips": "region", **_CBP_COMMON}),
            ("state_fips", "state", {"state_fips": "region", **_CBP_COMMON}),
        ),
        classification="naics2017",
        withheld="impute_residual",
        zero_is_withheld=True,
        min_establishments=3,
        optional_columns={"empflag": "flag"},
    ),
    # Eurostat's long tables as the bulk download reshaped to long, the `eurostat` R package
    # (`time`, `values`) or SDMX-CSV (`TIME_PERIOD`, `OBS_VALUE`, `OBS_FLAG`) give them.
    "eurostat": Preset(
        name="eurostat",
        layouts=(("geo", "nuts2", {"geo": "region", "nace_r2": "industry"}),),
        classification="nace2",
        # ':' marks both cells too small to publish and cells not collected (a region absent
        # in a year); a 0 would invent jobs-less region-years, and nothing (no size class, no
        # establishment count) supports an imputation: such cells are left out.
        withheld="drop",
        column_choices={
            "year": ("time", "year", "TIME_PERIOD"),
            "employment": ("values", "value", "OBS_VALUE"),
            "flag": ("flag", "flags", "OBS_FLAG"),
        },
        unit_column="unit",
        withheld_marks=(":",),
        excluded_industries={"NRP": "no response"},
        aggregate_regions=r"^(EU|EA|EEA|EFTA)\d*(_\d{4})?$",
        region_levels="nuts",
        level_column="nuts_level",
    ),
}

#: Meaning of the unit codes of a source's unit column, for summaries.
UNIT_NAMES: dict[str, str] = {
    "THS": "thousands",
    "THS_PER": "thousand persons",
    "NR": "number",
    "PER": "persons",
}
