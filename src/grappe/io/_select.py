"""Rows a regional table keeps before any check: the ``where=`` filter and a preset's rules.

Private to :mod:`grappe.io`. :func:`grappe.io.read_regional_table` reads the mapped columns
and the columns named here, then keeps the rows these functions select; the rows left out are
never checked (so a file with several age groups reads without duplicate keys once one group
is chosen). What a preset leaves out (a "no response" group, aggregates of countries, other
NUTS levels) is said in a :class:`~grappe.errors.DataWarning`, never silently.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from grappe.errors import DataValidationError, DataWarning, InvalidParameterError, ValidationIssue
from grappe.i18n import Message

__all__ = ["WHERE_PREFIX", "check_where", "select_rows", "where_column_issues"]

#: Prefix of the columns read for ``where=`` in the raw frame (apart from the mapped ones).
WHERE_PREFIX = "where:"

_MAX_SHOWN = 30
_NUTS_RE = re.compile(r"^[A-Z]{2}[0-9A-Z]{0,3}$")
_NUTS_TYPE_RE = re.compile(r"^nuts([0-3])$")


def check_where(where: Any, *, func: str) -> dict[str, tuple[str, ...]] | None:
    """``where`` as column → accepted values (text), checked.

    Examples
    --------
    >>> check_where({"age": "Y_GE15", "nuts_level": [2]}, func="f")
    {'age': ('Y_GE15',), 'nuts_level': ('2',)}
    """
    if where is None:
        return None
    bad = not isinstance(where, Mapping) or not where
    out: dict[str, tuple[str, ...]] = {}
    if not bad:
        for column, values in where.items():
            if isinstance(values, str | int | np.integer):
                values = (values,)
            if not isinstance(column, str) or not isinstance(values, Iterable):
                bad = True
                break
            texts = tuple(dict.fromkeys(str(v).strip() for v in values))
            if not texts or any(not t for t in texts):
                bad = True
                break
            out[column] = texts
    if bad:
        raise InvalidParameterError(
            Message(
                "The 'where' parameter of {func} must be a non-empty mapping from the file's "
                "column names to a value or a list of values, e.g. {{'age': 'Y_GE15'}}. "
                "Got {where!r} instead.",
                func=func,
                where=where,
            )
        )
    return out


def where_column_issues(
    where: Mapping[str, tuple[str, ...]], file_columns: list[str], file: str
) -> list[ValidationIssue]:
    """An issue for each ``where`` column that the file does not have."""
    return [
        ValidationIssue(
            Message(
                "the column {column!r} given in where= is not in the file; it has the columns "
                "{columns}.",
                column=column,
                columns=file_columns,
            ),
            file=file,
            column=column,
            fix=Message("filter on one of the file's columns, named as in its header."),
        )
        for column in where
        if column not in file_columns
    ]


def select_rows(
    raw: pd.DataFrame,
    rows: np.ndarray,
    *,
    where: Mapping[str, tuple[str, ...]] | None,
    name: Mapping[str, str],
    preset: Any,
    region_type: str | None,
    file: str,
) -> tuple[pd.DataFrame, np.ndarray, str | None, str | None]:
    """The rows kept by ``where`` and the preset, their row numbers, region type and unit.

    ``raw`` holds our columns plus, for each ``where`` column ``c`` and each extra column of
    the preset, a column ``"where:c"``. Returns ``region_type`` unchanged unless the preset
    derives it (NUTS levels), and the unit read from the preset's unit column (else None).
    """
    keep = np.ones(len(raw), dtype=bool)
    for column, values in (where or {}).items():
        text = _text(raw[WHERE_PREFIX + column])
        present = sorted(set(text[keep]) - {""})
        absent = [v for v in values if v not in present]
        if absent:
            shown = present[:_MAX_SHOWN] + (["…"] if len(present) > _MAX_SHOWN else [])
            kept = (
                Message("keeps no row")
                if len(absent) == len(values)
                else Message("misses some values")
            )
            among = "" if keep.all() else Message(" (among the rows kept by the other filters)")
            absence = (
                Message("{absent} is not in the column{among}", absent=absent, among=among)
                if len(absent) == 1
                else Message("{absent} are not in the column{among}", absent=absent, among=among)
            )
            raise DataValidationError(
                ValidationIssue(
                    Message(
                        "the filter where {column} is {values} {kept}: {absence}; it has the "
                        "values {shown}.",
                        column=column,
                        values=list(values),
                        kept=kept,
                        absence=absence,
                        shown=shown,
                    ),
                    file=file,
                    column=column,
                    fix=Message(
                        "choose values among those present (they are compared as text, "
                        "case included)."
                    ),
                )
            )
        keep &= np.isin(text, values)
    if preset is None:
        return _subset(raw, rows, keep) + (region_type, None)
    # aggregates first: "EU28" has the length of a NUTS-2 code
    keep = _aggregates(raw, keep, preset, name, file)
    if preset.region_levels == "nuts":
        level_keep, region_type = _nuts_level(raw, keep, preset, name, region_type, file)
        keep &= level_keep
    keep = _pseudo_industries(raw, keep, preset, name, file)
    raw, rows = _subset(raw, rows, keep)
    if preset.withheld_marks and "employment" in raw:
        marks = tuple(preset.withheld_marks)
        marked = np.array([t.startswith(marks) for t in _text(raw["employment"])], dtype=bool)
        if marked.any():  # Eurostat's ':' (with or without a flag such as ': c') is withheld
            raw["employment"] = raw["employment"].astype(object).where(~marked, None)
    return raw, rows, region_type, _unit(raw, preset, file)


def _subset(raw: pd.DataFrame, rows: np.ndarray, keep: np.ndarray) -> tuple[pd.DataFrame, Any]:
    if keep.all():
        return raw, rows
    return raw.loc[keep].reset_index(drop=True), rows[keep]


def _text(series: pd.Series) -> np.ndarray:
    """A column's values as text (as the file shows them: ``2`` for a number 2.0; ``""`` empty).

    Each distinct value is converted once (codes of a Parquet dictionary, repeated CSV text).
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    texts = [
        str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip() for v in uniques
    ]
    return np.array([*texts, ""], dtype=object)[codes]  # code -1 (missing) is the last


def _notice(message: Message, *, file: str, column: str, fix: Message) -> None:
    warnings.warn(
        DataWarning(message, file=file, column=column, fix=fix), stacklevel=5
    )  # the caller of read_regional_table


def _aggregates(
    raw: pd.DataFrame, keep: np.ndarray, preset: Any, name: Mapping[str, str], file: str
) -> np.ndarray:
    """Mask of the rows that are not aggregates of countries (``EU28``, ``EA19``)."""
    if not preset.aggregate_regions:
        return keep
    region = _text(raw["region"])
    pattern = re.compile(preset.aggregate_regions)
    codes = sorted({r for r in set(region[keep]) if pattern.match(r)})
    if not codes:
        return keep
    hit = np.isin(region, codes) & keep
    _notice(
        Message(
            "left out {count:,} rows of the aggregates {codes}, which sum countries "
            "rather than being regions.",
            count=int(hit.sum()),
            codes=codes,
        ),
        file=file,
        column=name["region"],
        fix=Message("nothing to do; the nation of each region is the sum of the regions kept."),
    )
    return keep & ~hit


def _pseudo_industries(
    raw: pd.DataFrame, keep: np.ndarray, preset: Any, name: Mapping[str, str], file: str
) -> np.ndarray:
    """Mask of the rows whose code is an industry (not Eurostat's ``NRP``, no response)."""
    if not preset.excluded_industries:
        return keep
    industry = _text(raw["industry"])
    for code, meaning in preset.excluded_industries.items():
        hit = (industry == code) & keep
        if hit.any():
            keep = keep & ~hit
            _notice(
                Message(
                    "left out {count:,} rows of {code!r} ({meaning}), which is not an industry.",
                    count=int(hit.sum()),
                    code=code,
                    meaning=meaning,
                ),
                file=file,
                column=name["industry"],
                fix=Message("nothing to do; they are not part of any cluster."),
            )
    return keep


def _nuts_level(
    raw: pd.DataFrame,
    keep: np.ndarray,
    preset: Any,
    name: Mapping[str, str],
    region_type: str | None,
    file: str,
) -> tuple[np.ndarray, str | None]:
    """Rows of one NUTS level (the one asked for by ``region_type``, else the finest)."""
    level_col = WHERE_PREFIX + preset.level_column if preset.level_column else None
    if level_col is not None and level_col in raw:
        source_column = preset.level_column
        text = _text(raw[level_col])
        level = np.array([int(t) if t.isdigit() else -1 for t in text], dtype=np.int64)
    else:
        source_column = name["region"]
        region = _text(raw["region"])
        level = np.array([len(r) - 2 if _NUTS_RE.match(r) else -1 for r in region], dtype=np.int64)
    present = sorted({int(v) for v in set(level[keep]) if 0 <= v <= 3})
    asked = _NUTS_TYPE_RE.match(region_type or "")
    if asked is None and region_type is not None:
        return np.ones(len(raw), dtype=bool), region_type  # a region type of the user's own
    if not present:
        return np.ones(len(raw), dtype=bool), region_type
    chosen = int(asked.group(1)) if asked else present[-1]
    if chosen not in present:
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "the file has no region of NUTS level {chosen} (region type "
                    "{region_type!r}); it has the levels {present}.",
                    chosen=chosen,
                    region_type=region_type,
                    present=present,
                ),
                file=file,
                column=source_column,
                fix=Message(
                    "choose a region type among {types}.", types=[f"nuts{v}" for v in present]
                ),
            )
        )
    level_keep = level == chosen
    others = keep & ~level_keep & (level >= 0)
    if others.any():
        left = sorted({int(v) for v in set(level[others])})
        _notice(
            Message(
                "left out {count:,} rows of NUTS levels {left}: the table keeps the "
                "regions of NUTS level {chosen}.",
                count=int(others.sum()),
                left=left,
                chosen=chosen,
            )
            if asked
            else Message(
                "left out {count:,} rows of NUTS levels {left}: the table keeps the "
                "regions of NUTS level {chosen}, the finest in the file.",
                count=int(others.sum()),
                left=left,
                chosen=chosen,
            ),
            file=file,
            column=source_column,
            fix=Message("to map another level, give region_type='nuts{level}'.", level=left[-1]),
        )
    return level_keep | (level < 0), f"nuts{chosen}"


def _unit(raw: pd.DataFrame, preset: Any, file: str) -> str | None:
    """The one unit of the rows kept, from the preset's unit column (None without one)."""
    column = WHERE_PREFIX + preset.unit_column if preset.unit_column else None
    if column is None or column not in raw:
        return None
    units = sorted(set(_text(raw[column])) - {""})
    if len(units) > 1:
        raise DataValidationError(
            ValidationIssue(
                Message(
                    "the rows kept are in several units {units}; counts of different units "
                    "cannot be added.",
                    units=units,
                ),
                file=file,
                column=preset.unit_column,
                fix=Message(
                    "keep one unit with where={{{column!r}: {unit!r}}}.",
                    column=preset.unit_column,
                    unit=units[0],
                ),
            )
        )
    return units[0] if units else None


_FIRST_SEEN = re.compile(r"first seen in row (\d+)")


def breakdown_issue(
    issues: list[ValidationIssue],
    loaded: pd.DataFrame | None,
    mapping: Mapping[str, str],
    file: str,
) -> list[ValidationIssue]:
    """An issue naming the columns that tell apart two rows repeating a key, if any.

    A key repeated with another value in an unmapped column (Eurostat's ``age``, ``sex``) is a
    breakdown of the table, not a duplicate: the fix is a ``where=`` filter, not a sum.
    ``loaded`` is the whole CSV or Excel table as read (row ``r`` of the file at ``r - 2``).
    """
    if loaded is None:
        return []
    first = next((i for i in issues if i.message.startswith("duplicate key")), None)
    seen = _FIRST_SEEN.search(first.message) if first is not None else None
    if seen is None or first.row is None:
        return []
    a, b = loaded.iloc[int(seen.group(1)) - 2], loaded.iloc[first.row - 2]
    differ = [c for c in loaded.columns if c not in mapping and str(a[c]) != str(b[c])]
    if not differ:
        return []
    # a breakdown has few values (age groups); a column of text values (Eurostat's raw cell) many
    differ.sort(key=lambda c: loaded[c].nunique())
    column = differ[0]
    return [
        ValidationIssue(
            Message(
                "rows {first} and {row} repeat a key but differ in the columns {differ} (e.g. "
                "{column} {a!r} and {b!r}): the file holds several breakdowns of each region, "
                "industry and year.",
                first=int(seen.group(1)),
                row=first.row,
                differ=differ,
                column=column,
                a=a[column],
                b=b[column],
            ),
            file=file,
            column=column,
            fix=Message(
                "keep one breakdown with where={{{column!r}: {value!r}}}.",
                column=column,
                value=str(a[column]),
            ),
        )
    ]
