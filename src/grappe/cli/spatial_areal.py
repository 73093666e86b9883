"""The pandas-free path of ``grappe spatial areal`` (issue 17, goal 3: a whole command on 253
units in well under a second).

When the inputs are a GeoJSON file and a CSV table of establishments that
:mod:`grappe.io.spatial_fast` reads (and no GeoJSON, plot or non-CSV output is asked), the
command reads them as arrays, computes the statistic with
:func:`grappe.spatial.areal.areal_columns` — the function :func:`~grappe.spatial.getis_ord` and
:func:`~grappe.spatial.local_moran` build their tables from — and writes the CSV as pandas
writes it. Anything else goes the pandas path (:mod:`grappe.cli.spatial`), which also gives
every error message about the inputs; the errors raised here (polygons, values, islands) are
the very ones of that path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["AreaArrays", "read_area_arrays", "tally", "write_columns"]

#: The values ``--column`` can name on this path: the counts of ``--counts``.
COUNT_COLUMNS = ("count", "total")


@dataclass(frozen=True)
class AreaArrays:
    """The units kept for the statistic, as ``read_areas(..., missing_counts="drop")`` keeps
    them: ids, polygons (checked) and the analysed value."""

    ids: list
    geometries: list
    values: Any
    source: str

    def columns(self, statistic: str, column: str, **options: Any) -> dict[str, Any]:
        """The statistic's table as columns (:func:`grappe.spatial.areal.areal_columns`)."""
        from grappe.spatial.areal import areal_columns

        return areal_columns(
            statistic,
            self.ids,
            self.geometries,
            self.values,
            column=column,
            source=self.source,
            **options,
        )


def read_area_arrays(
    polygons: Path, *, id_property: str, counts: Path, area: str, query: str | None, column: str
) -> AreaArrays | None:
    """The units of ``polygons`` that appear in ``counts``, with their ``column`` value, or
    None when the pandas path must read the inputs (see the module's notes).

    Raises
    ------
    DataValidationError
        A duplicated id or a polygon that is empty or invalid, as ``read_areas`` says it.
    """
    if column not in COUNT_COLUMNS or str(polygons).startswith("dz:"):  # an Algerian layer
        return None
    from grappe.io.spatial_fast import count_units, read_unit_polygons

    table = count_units(counts, area=area, query=query)
    if table is None:
        return None
    read = read_unit_polygons(polygons, id_property=id_property)
    if read is None:
        return None
    ids, geometries, properties = read
    if column in properties:  # a property of that name would stand beside the count
        return None
    position = {unit: k for k, unit in enumerate(table.ids)}
    kept = [k for k, unit in enumerate(ids) if unit in position]
    if not kept:
        return None
    import numpy as np

    from grappe.spatial.areal import check_geometries

    ids = [ids[k] for k in kept]
    geometries = [geometries[k] for k in kept]
    source = str(Path(polygons))
    check_geometries(ids, geometries, source=source)
    rows = np.fromiter((position[unit] for unit in ids), dtype=np.intp, count=len(ids))
    values = (table.count if column == "count" else table.total)[rows]
    return AreaArrays(ids, geometries, values, source)


def tally(values) -> list[tuple[str, int]]:
    """Each distinct value with its count, most frequent first, ties in order of first
    appearance: what ``Series.value_counts()`` lists.

    Examples
    --------
    >>> tally(["cold", "hot", "cold", "not significant", "hot"])
    [('cold', 2), ('hot', 2), ('not significant', 1)]
    """
    counts: dict[str, int] = {}
    for value in values:
        counts[str(value)] = counts.get(str(value), 0) + 1
    return sorted(counts.items(), key=lambda item: -item[1])  # sorted() is stable


def write_columns(columns: dict[str, Any], path: Path) -> None:
    """Write the table as ``grappe.io.output.write_frame`` writes its DataFrame: CSV without
    pandas; Parquet and JSON through a DataFrame."""
    from grappe.io.output import check_output, format_from_path, write_frame, write_text

    if format_from_path(path) == "csv":
        from grappe.io.spatial_fast import columns_csv

        check_output(path, binary=False)
        write_text(columns_csv(columns), path)
        return
    import pandas as pd

    write_frame(pd.DataFrame(columns), path)
