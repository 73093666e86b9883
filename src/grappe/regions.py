"""User-defined regions built from the rows' own regions, and their aggregation (no I/O).

A :class:`RegionSet` groups the regions of a table (counties, wilayas, NUTS-3…) into larger
regions (a metro area, a group of wilayas). :func:`aggregate_regions` sums the counts of the
members into one row per new region × industry × year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
import pandas as pd

from grappe._validation import check_option
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.model import REGIONAL_COLUMNS, RegionalTable

__all__ = ["RegionSet", "aggregate_regions"]

_OVERLAP = ("raise", "allow")


@dataclass(frozen=True)
class RegionSet:
    """Regions defined as lists of member regions.

    Build one with :meth:`from_mapping`, :meth:`from_frame`, or read one with
    :func:`grappe.io.read_region_set`.

    Attributes
    ----------
    members : pandas.DataFrame
        Columns ``region`` (code of the new region) and ``member`` (a region code of the
        table), one row per membership.
    names : Mapping[str, str]
        New region code → display name.
    region_type : str
        Kind of the new regions (``"custom"``, ``"metro"``, ``"wilaya_group"``…).
    overlap : {"raise", "allow"}
        Whether a member may belong to two regions of the set. Refused by default: the sum of
        overlapping regions counts the shared members twice, which misleads percentile ranks
        and national totals; ``"allow"`` for sets that overlap on purpose (e.g. metro areas and
        a corridor that crosses them).
    source : str or None
        Where the set came from (a file), for messages.
    """

    members: pd.DataFrame
    names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    region_type: str = "custom"
    overlap: str = "raise"
    source: str | None = None

    def __post_init__(self) -> None:
        check_option(self.overlap, "overlap", _OVERLAP, func="RegionSet")
        if not isinstance(self.members, pd.DataFrame) or not {"region", "member"} <= set(
            self.members.columns
        ):
            raise InvalidParameterError(
                "The 'members' parameter of RegionSet must be a DataFrame with the columns "
                f"'region' and 'member'. Got {type(self.members).__name__} instead."
            )
        members = self.members[["region", "member"]].fillna("").astype(str)
        members = members.apply(lambda column: column.str.strip()).reset_index(drop=True)
        object.__setattr__(self, "members", members)
        object.__setattr__(self, "names", MappingProxyType(dict(self.names or {})))
        self._validate()

    def _row(self, position: int) -> int | None:
        # Rows of a CSV file (header = row 1); other sources have no rows to point at.
        from_csv = self.source is not None and self.source.lower().endswith(".csv")
        return position + 2 if from_csv else None

    def _validate(self) -> None:
        issues = []
        empty = (self.members["region"].str.strip() == "") | (self.members["member"] == "")
        issues += [
            ValidationIssue(
                Message("a region or member code is empty."),
                file=self.source,
                row=self._row(p),
                fix=Message("fill in both codes or remove the row."),
            )
            for p in np.flatnonzero(empty.to_numpy())
        ]
        repeated = self.members.duplicated(keep="first")
        issues += [
            ValidationIssue(
                Message(
                    "member {member!r} is listed twice in region {region!r}.", member=m, region=r
                ),
                file=self.source,
                row=self._row(p),
                column="member",
                fix=Message("list each member once."),
            )
            for p, (r, m) in zip(
                np.flatnonzero(repeated.to_numpy()),
                self.members[repeated].itertuples(index=False),
                strict=True,
            )
        ]
        if self.overlap == "raise":
            distinct = self.members.drop_duplicates()
            shared = distinct[distinct.duplicated("member", keep=False)]
            for member, group in shared.groupby("member", sort=True):
                issues.append(
                    ValidationIssue(
                        Message(
                            "member {member!r} belongs to several regions: {regions}.",
                            member=member,
                            regions=sorted(group["region"]),
                        ),
                        file=self.source,
                        column="member",
                        fix=Message("put each member in one region, or use overlap='allow'."),
                    )
                )
        if self.members.empty:
            issues.append(
                ValidationIssue(
                    Message("the region set has no regions."),
                    file=self.source,
                    fix=Message("list at least one region and its members."),
                )
            )
        if issues:
            raise DataValidationError(issues)

    @classmethod
    def from_mapping(
        cls,
        regions: Mapping[str, Iterable[str]],
        *,
        names: Mapping[str, str] | None = None,
        region_type: str = "custom",
        overlap: str = "raise",
    ) -> RegionSet:
        """Build a set from ``{new region: [member, ...]}``.

        Examples
        --------
        >>> rs = RegionSet.from_mapping({"north": ["10003"], "south": ["10001", "10005"]})
        >>> rs.regions
        ('north', 'south')
        """
        if not isinstance(regions, Mapping):
            raise InvalidParameterError(
                "The 'regions' parameter of RegionSet.from_mapping must be a mapping of region "
                f"codes to lists of members. Got {type(regions).__name__} instead."
            )
        rows = []
        for region, members in regions.items():
            if isinstance(members, str):
                members = [members]
            members = list(members)
            if not members:
                raise DataValidationError(
                    ValidationIssue(
                        Message("region {region!r} has no members.", region=region),
                        fix=Message("list at least one member region."),
                    )
                )
            rows += [(str(region), str(m)) for m in members]
        frame = pd.DataFrame(rows, columns=["region", "member"])
        return cls(frame, names=names or {}, region_type=region_type, overlap=overlap)

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        region_type: str = "custom",
        overlap: str = "raise",
        source: str | None = None,
    ) -> RegionSet:
        """Build a set from a table with columns ``region``, ``member`` and optional ``name``."""
        names: dict[str, str] = {}
        if "name" in frame.columns:
            named = frame.dropna(subset=["name"]).drop_duplicates("region")
            names = dict(zip(named["region"].astype(str), named["name"].astype(str), strict=True))
        return cls(frame, names=names, region_type=region_type, overlap=overlap, source=source)

    @property
    def regions(self) -> tuple[str, ...]:
        """Codes of the new regions, sorted."""
        return tuple(sorted(self.members["region"].unique()))


def aggregate_regions(table: RegionalTable, region_set: RegionSet) -> RegionalTable:
    """Sum a table's counts over the members of each region of a set.

    Parameters
    ----------
    table : RegionalTable
        Table whose regions are the members of ``region_set``.
    region_set : RegionSet
        The new regions.

    Returns
    -------
    RegionalTable
        One row per new region × industry × year in which at least one member has a row.
        ``employment``, ``establishments`` and ``payroll`` are sums (NaN only when every member
        value is NaN); ``withheld`` is true when any member cell was withheld, because the sum
        then inherits the policy's approximation. ``region_type`` and ``region_names`` come
        from the set.

    Raises
    ------
    DataValidationError
        A member is not a region of the table.

    Notes
    -----
    A member absent from the table for an industry and year (a suppressed or empty cell)
    contributes nothing. The sum is exact for additive counts (jobs, establishments,
    payroll); do not aggregate ratios this way.

    Examples
    --------
    >>> data = pd.DataFrame({"region": ["a", "b", "a"], "industry": ["11", "11", "21"],
    ...     "year": [2019, 2019, 2019], "employment": [5.0, 7.0, 1.0],
    ...     "establishments": [1.0, 2.0, 1.0], "payroll": [10.0, 20.0, 5.0],
    ...     "withheld": [False, True, False]})
    >>> out = aggregate_regions(RegionalTable(data), RegionSet.from_mapping({"ab": ["a", "b"]}))
    >>> out.data[["region", "industry", "employment", "withheld"]].values.tolist()
    [['ab', '11', 12.0, True], ['ab', '21', 1.0, False]]
    """
    func = "aggregate_regions"
    if not isinstance(table, RegionalTable):
        raise InvalidParameterError(
            f"The 'table' parameter of {func} must be a RegionalTable. "
            f"Got {type(table).__name__} instead."
        )
    if not isinstance(region_set, RegionSet):
        raise InvalidParameterError(
            f"The 'region_set' parameter of {func} must be a RegionSet. "
            f"Got {type(region_set).__name__} instead."
        )
    data = table.data
    region = data["region"]
    if isinstance(region.dtype, pd.CategoricalDtype):
        member_codes = region.cat.codes.to_numpy()
        categories = region.cat.categories.astype(str)
    else:
        member_codes, categories = pd.factorize(region.astype(str))
    used = np.bincount(member_codes[member_codes >= 0], minlength=len(categories)) > 0
    present = pd.Index(categories)[used]
    members = region_set.members.drop_duplicates()
    unknown = members.loc[~members["member"].isin(present)]
    if not unknown.empty:
        raise DataValidationError(
            [
                ValidationIssue(
                    Message(
                        "member {member!r} of region {region!r} is not a region of the table "
                        "({region_type} codes such as {codes}).",
                        member=m,
                        region=r,
                        region_type=table.region_type,
                        codes=list(present[:3]),
                    ),
                    file=region_set.source,
                    column="member",
                    fix=Message("correct the member code, or read the table that holds it."),
                )
                for r, m in unknown.itertuples(index=False)
            ]
        )
    new_regions = pd.Index(sorted(members["region"].unique()))
    pairs = pd.DataFrame(
        {
            "_member": pd.Index(categories).get_indexer(members["member"]),
            "_new": new_regions.get_indexer(members["region"]),
        }
    )
    rows = pd.DataFrame(
        {
            "_member": member_codes,
            "industry": data["industry"].array,
            "year": data["year"].to_numpy(),
            "employment": data["employment"].to_numpy(),
            "establishments": data["establishments"].to_numpy(),
            "payroll": data["payroll"].to_numpy(),
            "withheld": data["withheld"].to_numpy(dtype=bool),
        }
    ).merge(pairs, on="_member", how="inner")
    grouped = rows.groupby(["_new", "industry", "year"], observed=True, sort=True)
    out = grouped[["employment", "establishments", "payroll"]].sum(min_count=1)
    out["withheld"] = grouped["withheld"].any()
    out = out.reset_index()
    out.insert(
        0, "region", pd.Categorical.from_codes(out.pop("_new").to_numpy(), categories=new_regions)
    )
    out["year"] = out["year"].astype(np.int16)
    names = {r: region_set.names.get(r, r) for r in new_regions}
    return RegionalTable(
        data=out[list(REGIONAL_COLUMNS)],
        classification=table.classification,
        region_type=region_set.region_type,
        region_names=names,
        source=table.source,
        withheld_policy=table.withheld_policy,
        unit=table.unit,
    )
