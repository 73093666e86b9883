"""Readers of the support ecosystem: geolocated support bodies and the wilaya list.

The bodies file is the long table of the TransformaTek geo-enabled datasets as staged under
``dz_ecosystem_actors/all_geolocated_actors_long.csv`` (columns ``source_file``,
``actor_type``, ``name``, ``wilaya_code``, ``lat``, ``lon``); the user gives its path, nothing is
downloaded. The wilaya list is ``admin_wilayas_58.csv`` (``code``, ``nom``, ``nom_ar``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from grappe.ecosystem import BODY_COLUMNS
from grappe.errors import DataValidationError, ValidationIssue
from grappe.io.files import ReadOptions, read_table

__all__ = ["read_support_bodies", "read_wilayas"]

_NEEDED = ("actor_type", "lat", "lon")


def _missing_columns(frame: pd.DataFrame, needed: tuple[str, ...], file: str, fix: str) -> None:
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise DataValidationError(
            ValidationIssue(
                f"the file lacks the columns {missing} (it has {list(frame.columns)}).",
                file=file,
                fix=fix,
            )
        )


def _numbers(frame: pd.DataFrame, column: str, file: str, low: float, high: float) -> pd.Series:
    """The column as floats; a value that is not a number in [low, high] is an issue."""
    text = frame[column].astype("string").str.strip()
    values = pd.to_numeric(text, errors="coerce")
    given = text.fillna("") != ""
    bad = (given & ~values.between(low, high).fillna(False)).astype(bool)
    issues = [
        ValidationIssue(
            f"{text.iloc[i]!r} is not a {column} in [{low:g}, {high:g}] decimal degrees.",
            file=file,
            row=i + 2,  # the header is line 1
            column=column,
            fix="write WGS84 decimal degrees with a '.' (e.g. 34.85), or leave the cell empty "
            "to leave the row out.",
        )
        for i in map(int, bad.to_numpy().nonzero()[0])
    ]
    if issues:
        raise DataValidationError(issues)
    return values


def read_support_bodies(path: str | Path, *, options: ReadOptions | None = None) -> pd.DataFrame:
    """Read a table of geolocated support bodies (one row per branch or office).

    Parameters
    ----------
    path : str or Path
        CSV (or Parquet, Excel) file with the columns ``actor_type``, ``lat``, ``lon`` and
        optionally ``name``, ``wilaya_code`` (e.g. ``all_geolocated_actors_long.csv``).
    options : ReadOptions, optional
        Encoding and separator of a text file (default: detected).

    Returns
    -------
    pandas.DataFrame
        The columns ``actor_type``, ``name`` (empty string when unknown), ``wilaya_code``
        (nullable integer), ``lat``, ``lon`` (floats), one row per body with both
        coordinates, in the file's order. ``attrs["without_coordinates"]`` is the number of
        rows left out because a coordinate was empty, ``attrs["file"]`` the file's name.

    Raises
    ------
    NotFoundError
        The file does not exist.
    DataValidationError
        A missing column, a latitude or longitude that is not a number in range, a
        wilaya code that is not a whole number, an empty ``actor_type`` — each naming the file,
        the row and the column.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "b.csv"
    >>> _ = p.write_text("actor_type,name,wilaya_code,lat,lon\\nanade,A,7,34.8,5.7\\ncnrc,C,7,,\\n")
    >>> t = read_support_bodies(p)
    >>> len(t), t.attrs["without_coordinates"]
    (1, 1)
    """
    shown = Path(path).name
    raw = read_table(path, options=options, what="support bodies file")
    raw.columns = [str(c).strip() for c in raw.columns]
    _missing_columns(
        raw,
        _NEEDED,
        shown,
        "give the long table of support bodies (actor_type, name, wilaya_code, lat, lon), "
        "e.g. all_geolocated_actors_long.csv.",
    )
    raw = raw.reset_index(drop=True)
    lat = _numbers(raw, "lat", shown, -90.0, 90.0)
    lon = _numbers(raw, "lon", shown, -180.0, 180.0)
    kinds = raw["actor_type"].astype("string").str.strip()
    issues = [
        ValidationIssue(
            "the type of the body is empty.",
            file=shown,
            row=int(i) + 2,
            column="actor_type",
            fix="name the type of every body (anade, banks/bna…).",
        )
        for i in (kinds.fillna("") == "").to_numpy(dtype=bool).nonzero()[0]
    ]
    if "wilaya_code" in raw.columns:
        code_text = raw["wilaya_code"].astype("string").str.strip()
        codes = pd.to_numeric(code_text, errors="coerce")
        whole = (codes % 1 == 0).fillna(False)
        bad = ((code_text.fillna("") != "") & ~whole).astype(bool)
        issues += [
            ValidationIssue(
                f"{code_text.iloc[i]!r} is not a wilaya code.",
                file=shown,
                row=int(i) + 2,
                column="wilaya_code",
                fix="write the wilaya's number (1 to 58), or leave the cell empty.",
            )
            for i in bad.to_numpy().nonzero()[0]
        ]
        codes = codes.astype("Int64")
    else:
        codes = pd.Series(pd.NA, index=raw.index, dtype="Int64")
    if issues:
        raise DataValidationError(issues)
    names = (
        raw["name"].astype("string").str.strip().fillna("")
        if "name" in raw.columns
        else pd.Series("", index=raw.index, dtype="string")
    )
    bodies = pd.DataFrame(
        {"actor_type": kinds, "name": names, "wilaya_code": codes, "lat": lat, "lon": lon}
    )[list(BODY_COLUMNS)]
    located = bodies["lat"].notna() & bodies["lon"].notna()
    out = bodies.loc[located].reset_index(drop=True)
    out["lat"] = out["lat"].astype("float64")
    out["lon"] = out["lon"].astype("float64")
    out.attrs["without_coordinates"] = int((~located).sum())
    out.attrs["file"] = shown
    return out


def read_wilayas(
    path: str | Path | None = None, *, options: ReadOptions | None = None
) -> pd.DataFrame:
    """Read a list of wilayas: the bundled 58 (2019 division) by default, or a staged file.

    Parameters
    ----------
    path : str or Path, optional
        ``admin_wilayas_58.csv``/``admin_wilayas_48.csv`` of the staged data (columns ``code``,
        ``nom``, ``nom_ar``) or a file like the bundled one (``code``, ``name_fr``,
        ``name_ar``). Default: ``grappe/data/dz/wilayas.csv`` (TransformaTek, see its
        PROVENANCE.md).
    options : ReadOptions, optional
        Encoding and separator of a text file (default: detected).

    Returns
    -------
    pandas.DataFrame
        ``wilaya_code`` (int), ``name_fr``, ``name_ar``, sorted by code.

    Raises
    ------
    NotFoundError
        The file does not exist.
    DataValidationError
        A missing column or a code that is not a whole number, naming the file, row and column.

    Examples
    --------
    >>> read_wilayas().set_index("wilaya_code").loc[7, "name_fr"]
    'Biskra'
    """
    if path is None:
        from grappe.io.presets import bundled_path

        path = bundled_path("dz", "wilayas.csv")
    shown = Path(path).name
    raw = read_table(path, options=options, what="wilaya list")
    raw.columns = [str(c).strip() for c in raw.columns]
    raw = raw.rename(columns={"nom": "name_fr", "nom_ar": "name_ar"})
    _missing_columns(
        raw,
        ("code", "name_fr", "name_ar"),
        shown,
        "give the wilaya list of the staged data (admin_wilayas_58.csv: code, nom, nom_ar).",
    )
    codes = pd.to_numeric(raw["code"].astype("string").str.strip(), errors="coerce")
    bad = ~(codes % 1 == 0).fillna(False).astype(bool)
    if bad.any():
        raise DataValidationError(
            [
                ValidationIssue(
                    f"{raw['code'].iloc[i]!r} is not a wilaya code.",
                    file=shown,
                    row=int(i) + 2,
                    column="code",
                    fix="write the wilaya's number (1 to 58).",
                )
                for i in bad.to_numpy().nonzero()[0]
            ]
        )
    out = pd.DataFrame(
        {
            "wilaya_code": codes.astype("int64"),
            "name_fr": raw["name_fr"].astype("string").str.strip(),
            "name_ar": raw["name_ar"].astype("string").str.strip(),
        }
    )
    return out.sort_values("wilaya_code").reset_index(drop=True)
