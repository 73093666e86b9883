"""The data model shared by every layer of grappe (no I/O).

See ``docs/architecture.md`` for the column contracts. Objects here are frozen: transforms
return new objects and never mutate their inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from grappe.errors import InvalidParameterError
from grappe.i18n import Message

if TYPE_CHECKING:  # pandas is imported where frames are built or read
    import pandas as pd

__all__ = [
    "DEFINITION_COLUMNS",
    "REGIONAL_COLUMNS",
    "ClusterDefinitions",
    "RegionalTable",
    "concat_tables",
]

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
    import pandas as pd

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
    unit : str or None
        Unit of the counts as the source publishes them (Eurostat's ``"THS"``: thousands), kept
        unconverted; None when the source does not say (counts as they are).
    """

    data: pd.DataFrame
    classification: str = "custom"
    region_type: str = "region"
    region_names: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    source: str | None = None
    withheld_policy: str = "keep_zero"
    unit: str | None = None

    def __post_init__(self) -> None:
        _check_columns(self.data, REGIONAL_COLUMNS, "RegionalTable")
        object.__setattr__(self, "region_names", _frozen_mapping(self.region_names))

    @property
    def years(self) -> tuple[int, ...]:
        """Sorted distinct years present."""
        import pandas as pd

        return tuple(sorted(int(y) for y in pd.unique(self.data["year"])))

    @property
    def regions(self) -> tuple[str, ...]:
        """Sorted distinct region codes present."""
        import pandas as pd

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


def concat_tables(tables: list[RegionalTable] | tuple[RegionalTable, ...]) -> RegionalTable:
    """Stack regional tables read from several files (e.g. one file per year) into one.

    Parameters
    ----------
    tables : sequence of RegionalTable
        Tables of the same classification and region type.

    Returns
    -------
    RegionalTable
        The rows of every table; region names merged; ``source`` lists the sources.

    Raises
    ------
    InvalidParameterError
        If no table is given or the tables differ in classification or region type.
    DataValidationError
        If a region × industry × year key appears in two tables.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = lambda year: pd.DataFrame({"region": ["A"], "industry": ["11"], "year": [year],
    ...     "employment": [5.0], "establishments": [1.0], "payroll": [1.0], "withheld": [False]})
    >>> concat_tables([RegionalTable(rows(2019)), RegionalTable(rows(2020))]).years
    (2019, 2020)
    """
    from grappe.errors import DataValidationError, ValidationIssue

    tables = tuple(tables)
    if not tables:
        raise InvalidParameterError(
            "The 'tables' parameter of concat_tables must hold at least one table. Got none."
        )
    first = tables[0]
    if len(tables) == 1:
        return first
    for other in tables[1:]:
        for attr in ("classification", "region_type", "unit"):
            if getattr(other, attr) != getattr(first, attr):
                raise InvalidParameterError(
                    Message(
                        "The {name!r} parameter of {func} must hold tables of one {attr}. "
                        "Got {first!r} and {other!r} instead.",
                        name="tables",
                        func="concat_tables",
                        attr=attr,
                        first=getattr(first, attr),
                        other=getattr(other, attr),
                    )
                )
    frames = []
    for t in tables:
        frame = t.data[list(REGIONAL_COLUMNS)].copy()
        for col in ("region", "industry"):
            frame[col] = frame[col].astype(str)
        frames.append(frame)
    import pandas as pd

    data = pd.concat(frames, ignore_index=True)
    dup = data.duplicated(["region", "industry", "year"], keep=False)
    if dup.any():
        row = data.loc[dup].iloc[0]
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "region {region!r}, industry {industry!r}, year {year} appears in more than "
                    "one input ({count} rows in all).",
                    region=row["region"],
                    industry=row["industry"],
                    year=int(row["year"]),
                    count=int(dup.sum()),
                ),
                file=", ".join(str(t.source) for t in tables),
                fix=Message("Give each region × industry × year in one file only."),
            )
        )
    names: dict[str, str] = {}
    for t in tables:
        names.update(t.region_names)
    return RegionalTable(
        data,
        classification=first.classification,
        region_type=first.region_type,
        region_names=names,
        source="; ".join(str(t.source) for t in tables),
        withheld_policy=first.withheld_policy,
        unit=first.unit,
    )
