"""Presets of well-known sources: column names, region type, classification, withheld rule.

A preset spares the user the ``columns=`` mapping of :func:`grappe.io.read_regional_table`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

__all__ = ["PRESETS", "Preset", "bundled_cbp_state_path", "bundled_path"]


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
    geo = pd.read_csv(bundled_path("cbp_state", "geographies.csv"), dtype=str)
    return dict(zip(geo["fips"], geo["name"], strict=True))


@cache
def _naics2017_codes() -> frozenset[str]:
    labels = pd.read_csv(bundled_path("cbp_state", "naics2017_labels.csv"), dtype=str)
    return frozenset(labels["naics"].str.strip())


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
    """

    name: str
    layouts: tuple[tuple[str, str, dict[str, str]], ...]
    classification: str
    withheld: str = "raise"
    zero_is_withheld: bool = False
    min_establishments: int = 0
    optional_columns: dict[str, str] = field(default_factory=dict)

    def layout(self, file_columns: list[str]) -> tuple[str, dict[str, str]] | None:
        """Region type and column mapping for a file with ``file_columns`` (None if no match)."""
        for marker, region_type, columns in self.layouts:
            if marker in file_columns:
                mapping = dict(columns)
                mapping.update(
                    {f: o for f, o in self.optional_columns.items() if f in file_columns}
                )
                return region_type, mapping
        return None

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
}
