"""The pandas-free path of ``grappe map`` (issue 17, goal 1: the whole command at least twice
as fast as a plain pandas script).

When the command maps one Parquet file with bundled definitions and writes Parquet (or
nothing), :func:`map_parquet` reads the file as Arrow/NumPy arrays
(:func:`grappe.io.regional_arrays.read_regional_arrays`, the reader's own checks), computes the
indicators with :func:`grappe.mapping.arrays.map_arrays` (``map_clusters``' own steps) and
writes them from Arrow (:func:`grappe.io.output.write_arrow`, ``write_frame``'s options).
Anything else — CSV or Excel inputs, several files, ``--regions``, ``--reference``,
``--years``, ``--column``, ``--where``, ``--regions-output``, another measure, a definitions
file, CSV or JSON output — and any file the arrays' reader hands back (a problem to report,
text numbers, codes to clean) goes the pandas path (:mod:`grappe.cli.mapping`), which also
gives every error message about the inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["FastMap", "fits", "map_parquet"]


@dataclass(frozen=True)
class FastMap:
    """What the command prints and writes: the indicators' columns
    (:class:`~grappe.mapping.arrays.ClusterColumns`) and the table's withheld policy."""

    columns: Any
    withheld_policy: str
    unit: str | None

    def counts(self) -> dict[str, int]:
        """Regions, clusters, years, strong region-cluster-years and withheld cells, as the
        command's closing line counts them."""
        import numpy as np

        columns = self.columns.columns
        region_codes, _ = columns["region"]
        cluster_codes, _ = columns["cluster"]
        return {
            "regions": int(np.count_nonzero(np.bincount(region_codes))),
            "clusters": int(np.count_nonzero(np.bincount(cluster_codes))),
            "years": len(self.columns.parameters["years"]),
            "strong": int(columns["strong"].sum()),
            "withheld": int(columns["withheld"].sum()),
            "rows": len(self.columns),
        }


def fits(
    inputs: list[Path],
    *,
    definitions: str,
    output: Path | None,
    output_format: str | None,
    measure: str,
    others: tuple[Any, ...],
) -> bool:
    """Whether the arrays' path can run the command: one Parquet input, bundled definitions,
    Parquet or no output, the employment measure, and none of the options in ``others``
    (``--regions``, ``--reference``, ``--years``, ``--column``, ``--where``,
    ``--regions-output``) given."""
    from grappe.io.definition_arrays import BUNDLED_FILES
    from grappe.io.output import format_from_path

    if len(inputs) != 1 or not str(inputs[0]).lower().endswith((".parquet", ".pq")):
        return False
    if definitions not in BUNDLED_FILES or measure != "employment" or any(others):
        return False
    return output is None or (output_format or format_from_path(output)) == "parquet"


def map_parquet(
    path: Path,
    *,
    definitions: str,
    output: Path | None,
    reading: dict[str, Any],
    lq_convention: str,
    total: str,
    star_local: bool,
) -> FastMap | None:
    """Read, map and write as ``grappe map`` does; None (nothing written) when the file must
    go the pandas path.

    ``reading``: the reader's options (``source``, ``classification``, ``region_type``,
    ``withheld``, ``duplicates``…), as the command passes them to ``read_regional_table``.

    Raises
    ------
    GrappeError
        As the pandas path: the same checks of the table, the definitions and the output.
    """
    from grappe.io._arrow import from_columns
    from grappe.io.definition_arrays import bundled_definition_arrays
    from grappe.io.output import all_or_nothing, write_arrow
    from grappe.io.regional_arrays import read_regional_arrays
    from grappe.mapping.arrays import map_arrays

    arrays = read_regional_arrays(path, **reading)
    if arrays is None:
        return None
    defs = bundled_definition_arrays(definitions)
    result = map_arrays(
        arrays, defs, lq_convention=lq_convention, total=total, star_local=star_local
    )
    if output is not None:
        with all_or_nothing():
            write_arrow(from_columns(result.columns), output)
    return FastMap(columns=result, withheld_policy=arrays.withheld_policy, unit=arrays.unit)
