"""Readers of the support ecosystem: geolocated support bodies and the wilaya list.

The bodies file is the long table of the TransformaTek geo-enabled datasets as staged under
``dz_ecosystem_actors/all_geolocated_actors_long.csv`` (columns ``source_file``,
``actor_type``, ``name``, ``wilaya_code``, ``lat``, ``lon``); the user gives its path, nothing is
downloaded. The wilaya list is ``admin_wilayas_58.csv`` (``code``, ``nom``, ``nom_ar``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from grappe.ecosystem import (
    BODY_COLUMNS,
    coverage_by_area,
    coverage_rates,
    deduplicate_bodies,
    select_types,
    types_lacking_within,
)
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.io.files import ReadOptions, read_table

__all__ = [
    "attribute_bodies",
    "ecosystem_coverage",
    "read_support_bodies",
    "read_wilaya_counts",
    "read_wilayas",
]

_NEEDED = ("actor_type", "lat", "lon")


def _missing_columns(frame: pd.DataFrame, needed: tuple[str, ...], file: str, fix: str) -> None:
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "the file lacks the columns {missing} (it has {columns}).",
                    missing=missing,
                    columns=list(frame.columns),
                ),
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
            Message(
                "{value!r} is not a {column} in [{low:g}, {high:g}] decimal degrees.",
                value=text.iloc[i],
                column=column,
                low=low,
                high=high,
            ),
            file=file,
            row=i + 2,  # the header is line 1
            column=column,
            fix=Message(
                "write WGS84 decimal degrees with a '.' (e.g. 34.85), or leave the cell empty "
                "to leave the row out."
            ),
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
    raw = read_table(path, options=options, what=Message("support bodies file"))
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
            Message("the type of the body is empty."),
            file=shown,
            row=int(i) + 2,
            column="actor_type",
            fix=Message("name the type of every body (anade, banks/bna…)."),
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
                Message("{value!r} is not a wilaya code.", value=code_text.iloc[i]),
                file=shown,
                row=int(i) + 2,
                column="wilaya_code",
                fix=Message("write the wilaya's number (1 to 58), or leave the cell empty."),
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
    raw = read_table(path, options=options, what=Message("wilaya list"))
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
                    Message("{value!r} is not a wilaya code.", value=raw["code"].iloc[i]),
                    file=shown,
                    row=int(i) + 2,
                    column="code",
                    fix=Message("write the wilaya's number (1 to 58)."),
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


def attribute_bodies(bodies: pd.DataFrame) -> pd.DataFrame:
    """The bodies with the commune, daïra and wilaya (69, 58, 48) their coordinates fall in.

    The file's own ``wilaya_code`` is kept but not trusted for coverage: the TransformaTek
    files mix the 48 and 58 divisions and some have no code at all.

    Returns
    -------
    pandas.DataFrame
        ``bodies`` (index kept) with the columns of
        :data:`grappe.io.dz_points.LOCATED_COLUMNS`; NA outside Algeria's communes.

    Raises
    ------
    MissingDependencyError
        shapely is not installed.
    """
    from grappe.io.dz_points import locate_points

    located = locate_points(bodies["lon"].to_numpy(float), bodies["lat"].to_numpy(float))
    located.index = bodies.index
    return pd.concat([bodies, located], axis=1)


def read_wilaya_counts(
    path: str | Path,
    *,
    division: int = 69,
    column: str = "smes",
    options: ReadOptions | None = None,
) -> pd.Series:
    """Read a count by wilaya (SMEs, firms…): columns ``wilaya_code`` and ``column``.

    Parameters
    ----------
    path : str or Path
        CSV, Parquet or XLSX file, one row per wilaya.
    division : {69, 58, 48}
        The division the codes are written in.
    column : str
        The column of counts.
    options : ReadOptions, optional
        Encoding and number format of a text file.

    Returns
    -------
    pandas.Series
        Two-digit wilaya code → count (float), named ``column``.

    Raises
    ------
    NotFoundError
        The file does not exist.
    DataValidationError
        A missing column, a code that is no wilaya of the division, a wilaya listed twice, a
        count that is not a number of at least 0 — naming the file, row and column.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "smes.csv"
    >>> _ = p.write_text("wilaya_code,smes\\n7,5120\\n51,830\\n")
    >>> read_wilaya_counts(p, division=58).to_dict()
    {'07': 5120.0, '51': 830.0}
    """
    from grappe.io.dz_geography import wilayas

    shown = Path(path).name
    raw = read_table(path, options=options, what=Message("table of counts by wilaya"))
    raw.columns = [str(c).strip() for c in raw.columns]
    _missing_columns(
        raw,
        ("wilaya_code", column),
        shown,
        f"give one row per wilaya with the columns wilaya_code and {column}.",
    )
    known = set(wilayas(division)["wilaya_code"])
    text = raw["wilaya_code"].astype("string").str.strip()
    number = pd.to_numeric(text, errors="coerce")
    code = number.astype("Int64").astype("string").str.zfill(2).where(number % 1 == 0, text)
    counts = pd.to_numeric(raw[column].astype("string").str.strip(), errors="coerce")
    issues = []
    for i in range(len(raw)):
        if code.iloc[i] not in known:
            issues.append(
                ValidationIssue(
                    Message(
                        "{value!r} is not a wilaya of the {division} division.",
                        value=text.iloc[i],
                        division=division,
                    ),
                    file=shown,
                    row=i + 2,
                    column="wilaya_code",
                    fix=Message(
                        "write codes 1 to {division}, or give the division with --division.",
                        division=division,
                    ),
                )
            )
        elif code.iloc[:i].eq(code.iloc[i]).any():
            issues.append(
                ValidationIssue(
                    Message("wilaya {code} is listed twice.", code=code.iloc[i]),
                    file=shown,
                    row=i + 2,
                    column="wilaya_code",
                    fix=Message("give one row per wilaya."),
                )
            )
        if not counts.iloc[i] >= 0:
            issues.append(
                ValidationIssue(
                    Message("{value!r} is not a count of at least 0.", value=raw[column].iloc[i]),
                    file=shown,
                    row=i + 2,
                    column=column,
                    fix=Message(
                        "write a whole number without separators, or leave the wilaya out."
                    ),
                )
            )
    if issues:
        raise DataValidationError(issues)
    return pd.Series(counts.to_numpy(float), index=code.to_numpy(str), name=column)


_LEVELS = ("wilaya", "commune")


def ecosystem_coverage(
    bodies: pd.DataFrame,
    *,
    level: str = "wilaya",
    division: int = 69,
    types: list[str] | None = None,
    smes: pd.Series | None = None,
    radius_km: float | None = None,
    reference: str = "centroid",
    rates: bool = False,
    deduplicate: bool = True,
) -> pd.DataFrame:
    """Support bodies per type per wilaya (or commune), attributed by their coordinates, with
    the rates per 10,000 inhabitants (and per 1,000 SMEs) and the types lacking nearby.

    Parameters
    ----------
    bodies : pandas.DataFrame
        As read by :func:`read_support_bodies`; not modified.
    level : {"wilaya", "commune"}
        One row per wilaya of ``division``, or per commune (ONS code).
    division : {69, 58, 48}
        The wilayas' division (2025 by default).
    types : list of str, optional
        Types or families to count (all by default).
    smes : pandas.Series, optional
        SMEs per wilaya of ``division`` (:func:`read_wilaya_counts`); wilaya level only.
    radius_km : float, optional
        Adds ``lacking_within_<R>_km``: the types (families by default) without a body within that
        distance of the area's reference point (see ``reference``); a commune's is a point
        inside it.
    reference : {"centroid", "main-commune"}
        A wilaya's reference point: its population-weighted commune centroid, or its most
        populous commune (see :func:`grappe.io.dz_points.wilaya_centres`).
    rates : bool
        Also a rate column per type (not only for the total).
    deduplicate : bool
        Merge branches listed twice first (:func:`grappe.ecosystem.deduplicate_bodies`).

    Returns
    -------
    pandas.DataFrame
        ``wilaya_code`` (or ``commune_code`` and ``wilaya_<division>``), ``name_fr``,
        ``name_ar``, ``population``, one count column per type, ``total``,
        ``total_per_10k_inhabitants`` (and per type with ``rates``), ``smes`` and
        ``total_per_1000_smes`` when given, ``lacking_within_<R>_km`` when asked. ``attrs``:
        ``unattributed`` (bodies in no commune: outside Algeria or at sea), ``duplicates``
        (rows merged), ``division``, ``level``.

    Raises
    ------
    InvalidParameterError
        An unknown level or division, ``smes`` at commune level, an unknown type, a bad radius.
    MissingDependencyError
        shapely or scikit-learn is not installed.
    """
    from grappe.io.dz_geography import communes, wilayas
    from grappe.io.dz_points import wilaya_centres

    func = "ecosystem_coverage"
    if level not in _LEVELS:
        raise InvalidParameterError(
            f"The 'level' parameter of {func} must be 'wilaya' or 'commune'. Got {level!r} instead."
        )
    if smes is not None and level != "wilaya":
        raise InvalidParameterError(
            f"The 'smes' parameter of {func} is a count by wilaya: use it with level='wilaya'."
        )
    names = wilayas(division)  # checks the division
    removed = 0
    bodies = select_types(bodies, types, func=func)  # duplicates are counted among these
    if deduplicate:
        merged = deduplicate_bodies(bodies)
        bodies, removed = merged.bodies, merged.removed
    located = attribute_bodies(bodies)
    if level == "wilaya":
        key, area_column = "wilaya_code", f"wilaya_{division}"
        areas = names[["wilaya_code", "name_fr", "name_ar", "population"]]
    else:
        key, area_column = "commune_code", "commune_code"
        units = communes().dropna(subset=["commune_code"])
        areas = units[["commune_code", f"wilaya_{division}", "name_fr", "name_ar", "population"]]
        areas = areas.sort_values("commune_code")
    counts = coverage_by_area(
        located, area_column=area_column, areas=areas[key].tolist(), types=types
    )
    kinds = [c for c in counts.columns if c not in ("area", "total")]
    population = areas.set_index(key)["population"].astype("float")
    counts = coverage_rates(counts, population, columns=[*kinds, "total"] if rates else None)
    if smes is not None:
        counts["smes"] = counts["area"].map(smes)
        counts = coverage_rates(
            counts,
            smes,
            per=1000.0,
            suffix="per_1000_smes",
            columns=[*kinds, "total"] if rates else None,
        )
    if radius_km is not None:
        centres = wilaya_centres(division, level=level, reference=reference)
        gaps = types_lacking_within(located, centres, radius_km=radius_km, types=types)
        name = f"lacking_within_{radius_km:g}_km"
        counts[name] = counts["area"].map(gaps.set_index("code")["lacking"])
    out = areas.merge(counts.rename(columns={"area": key}), on=key, how="left")
    out = out.reset_index(drop=True)
    out.attrs.update(
        unattributed=int(located[area_column].isna().sum()),
        duplicates=int(removed),
        division=division,
        level=level,
    )
    return out
