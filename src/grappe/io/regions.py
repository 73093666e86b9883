"""Read region sets (new region → member regions) from CSV or YAML files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from grappe._validation import check_option
from grappe.errors import (
    DataValidationError,
    InvalidParameterError,
    ValidationIssue,
)
from grappe.i18n import Message
from grappe.io.files import ReadOptions, existing_file, read_document, read_table
from grappe.regions import RegionSet

__all__ = ["read_region_set"]


def read_region_set(
    path: str | Path,
    *,
    region_type: str = "custom",
    overlap: str = "raise",
    options: ReadOptions | None = None,
) -> RegionSet:
    """Read a set of user-defined regions.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` file with the columns ``region``, ``member`` and optionally ``name`` (one
        row per member), or a ``.yaml``/``.yml`` file::

            region_type: wilaya_group
            regions:
              - region: NORTH
                name: Northern wilayas
                members: ["16", "09", "35"]

        Quote codes in YAML: an unquoted ``09`` or ``01001`` loses its leading zero.
    region_type : str
        Kind of the new regions (a YAML ``region_type`` key overrides the default).
    overlap : {"raise", "allow"}
        Whether a member may belong to two regions (see :class:`grappe.regions.RegionSet`).
    options : ReadOptions, optional
        Encoding and separator of a CSV file (default: detected; see :mod:`grappe.io.files`).

    Returns
    -------
    RegionSet

    Raises
    ------
    NotFoundError
        The file does not exist.
    InvalidParameterError
        Unsupported file type.
    DataValidationError
        Missing columns, empty codes, repeated or shared members, a YAML file of the wrong
        shape.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "de.csv"
    >>> _ = path.write_text("region,member,name\\nDE-S,10001,South\\nDE-S,10005,South\\n")
    >>> read_region_set(path).members["member"].tolist()
    ['10001', '10005']
    """
    func = "read_region_set"
    check_option(overlap, "overlap", ("raise", "allow"), func=func)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".yaml", ".yml"):
        raise InvalidParameterError(
            f"The 'path' parameter of {func} must be a .csv, .yaml or .yml file. "
            f"Got {str(path)!r} instead."
        )
    existing_file(path, "region set")
    file = str(path)
    if suffix == ".csv":
        frame = read_table(path, options=options, what=Message("region set")).fillna("")
        missing = [c for c in ("region", "member") if c not in frame.columns]
        if missing:
            raise DataValidationError(
                [
                    ValidationIssue(
                        f"the required column {c!r} is missing; the file has the columns "
                        f"{list(frame.columns)}.",
                        file=file,
                        column=c,
                        fix="name the columns region, member and optionally name.",
                    )
                    for c in missing
                ]
            )
        frame["name"] = frame["name"].replace("", pd.NA) if "name" in frame else pd.NA
        return RegionSet.from_frame(
            frame,
            region_type=region_type,
            overlap=overlap,
            source=file,
        )
    doc = read_document(path, what=Message("region set"), options=options)
    fix = "follow the shape: regions: - region: CODE, name: NAME, members: ['...']."
    if not isinstance(doc, dict) or not isinstance(doc.get("regions"), list):
        raise DataValidationError(
            ValidationIssue("the file has no list 'regions'.", file=file, column="regions", fix=fix)
        )
    rows, issues = [], []
    for i, entry in enumerate(doc["regions"]):
        where = f"regions[{i}]"
        if not isinstance(entry, dict) or entry.get("region") in (None, ""):
            issues.append(
                ValidationIssue("the entry has no 'region' code.", file=file, column=where, fix=fix)
            )
            continue
        members = entry.get("members")
        if not isinstance(members, list) or not members:
            issues.append(
                ValidationIssue(
                    f"region {entry['region']!r} has no list 'members'.",
                    file=file,
                    column=f"{where}.members",
                    fix=fix,
                )
            )
            continue
        rows += [(str(entry["region"]), str(m), entry.get("name")) for m in members]
    if issues:
        raise DataValidationError(issues)
    frame = pd.DataFrame(rows, columns=["region", "member", "name"])
    return RegionSet.from_frame(
        frame,
        region_type=str(doc.get("region_type") or region_type),
        overlap=overlap,
        source=file,
    )
