"""The data model shared by every layer of grappe (no I/O).

See ``docs/architecture.md`` for the column contracts. Objects here are frozen: transforms
return new objects and never mutate their inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import pandas as pd

from grappe.errors import InvalidParameterError

__all__ = ["REGIONAL_COLUMNS", "DEFINITION_COLUMNS", "ClusterDefinitions", "RegionalTable"]

#: Columns of :attr:`RegionalTable.data`, in order.
REGIONAL_COLUMNS: tuple[str, ...] = (
    "region",
    "industry",
    "year",
    "employment",
    "establishments",
    "payroll",
    "withheld",
)

#: Columns of :attr:`ClusterDefinitions.data`, in order.
DEFINITION_COLUMNS: tuple[str, ...] = (
    "code",
    "cluster",
    "cluster_name",
    "subcluster",
    "cluster_type",
)


def _frozen_mapping(mapping: Any) -> MappingProxyType:
    return MappingProxyType(dict(mapping or {}))


def _check_columns(frame: pd.DataFrame, expected: tuple[str, ...], what: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise InvalidParameterError(
            f"The 'data' parameter of {what} must be a pandas DataFrame. "
            f"Got {type(frame).__name__} instead."
        )
    missing = [c for c in expected if c not in frame.columns]
    if missing:
        raise InvalidParameterError(
            f"The 'data' parameter of {what} must have the columns {list(expected)}. "
            f"Missing {missing}."
        )


@dataclass(frozen=True)
class RegionalTable:
    """Validated long table of regional statistics: region × industry × year.

    Build one with a reader of :mod:`grappe.io` (which validates the file) or directly from a
    DataFrame that already has the columns of :data:`REGIONAL_COLUMNS`.

    Attributes
    ----------
    data : pandas.DataFrame
        Columns ``region``, ``industry``, ``year``, ``employment``, ``establishments``,
        ``payroll``, ``withheld`` (see ``docs/architecture.md`` for dtypes and units).
    classification : str
        Industry classification of ``industry`` (``"naics2017"``, ``"nace2"``, ``"isic4"``,
        ``"custom"``…).
    region_type : str
        Kind of region (``"state"``, ``"county"``, ``"wilaya"``, ``"nuts2"``…); percentile ranks
        compare regions of the same type only.
    region_names : Mapping[str, str]
        Region code → display name; codes absent here are shown by their code.
    source : str or None
        Where the data came from (a path or a preset name).
    withheld_policy : str
        The policy applied to withheld cells when the table was read.
    """

    data: pd.DataFrame
    classification: str = "custom"
    region_type: str = "region"
    region_names: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    source: str | None = None
    withheld_policy: str = "keep_zero"

    def __post_init__(self) -> None:
        _check_columns(self.data, REGIONAL_COLUMNS, "RegionalTable")
        object.__setattr__(self, "region_names", _frozen_mapping(self.region_names))

    @property
    def years(self) -> tuple[int, ...]:
        """Sorted distinct years present."""
        return tuple(sorted(int(y) for y in pd.unique(self.data["year"])))

    @property
    def regions(self) -> tuple[str, ...]:
        """Sorted distinct region codes present."""
        return tuple(sorted(str(r) for r in pd.unique(self.data["region"])))

    def region_name(self, code: str) -> str:
        """Display name of a region (its code when no name is known)."""
        return str(self.region_names.get(code, code))


@dataclass(frozen=True)
class ClusterDefinitions:
    """Industry code → cluster (and subcluster, traded/local) mapping.

    Attributes
    ----------
    data : pandas.DataFrame
        Columns ``code``, ``cluster``, ``cluster_name``, ``subcluster``, ``cluster_type``; one
        row per industry code, each code in at most one cluster.
    name : str
        Name of the definition set (``"us-benchmark"`` for the bundled US definitions).
    classification : str
        Classification of ``code`` (``"naics2017"``, ``"nace2"``, ``"isic4"``, ``"custom"``).
    source : str or None
        Where the definitions came from.
    provenance : str or None
        Citation and licence notes.
    """

    data: pd.DataFrame
    name: str = "custom"
    classification: str = "custom"
    source: str | None = None
    provenance: str | None = None

    def __post_init__(self) -> None:
        _check_columns(self.data, DEFINITION_COLUMNS, "ClusterDefinitions")

    @property
    def clusters(self) -> pd.DataFrame:
        """One row per cluster: ``cluster``, ``cluster_name``, ``cluster_type``."""
        cols = ["cluster", "cluster_name", "cluster_type"]
        return self.data[cols].drop_duplicates("cluster").reset_index(drop=True)

    @property
    def codes(self) -> tuple[str, ...]:
        """Industry codes covered, sorted."""
        return tuple(sorted(self.data["code"].astype(str)))
