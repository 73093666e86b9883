"""The inputs of ``grappe spatial areal`` read without pandas, for a command that answers in
well under a second (issue 17, goal 3).

:func:`count_units` reads an establishments table with pyarrow's CSV reader and counts the rows
of each unit kept by a ``--filter`` of the common forms; :func:`read_unit_polygons` reads a
GeoJSON FeatureCollection with :mod:`json` and builds every polygon in one vectorised shapely
call; :func:`columns_csv` writes a table of columns as ``DataFrame.to_csv`` writes it.

Each reader takes only the files it can read exactly as :func:`grappe.io.spatial.count_by_area`
and :func:`grappe.io.spatial.read_areas` read them (UTF-8 text, comma-separated, no quotes, no
empty cell in the columns used, the filter forms below, well-formed closed polygons) and returns
``None`` for any other file: the caller then takes the pandas path, which reads what these
readers leave and gives every error message. What they return is what the pandas path would
give, value for value (tests/spatial/test_spatial_areal_fast.py).

The filter forms (a subset of :meth:`pandas.DataFrame.query`, same meaning): a column compared
to a text with ``==`` or ``!=``; ``col in [...]``, ``col not in [...]``, ``col.isin([...])``;
``col.str.startswith(...)``, ``col.str.endswith(...)`` (of a text); combined
with ``&``, ``|``, ``and``, ``or``, ``~``, ``not`` and parentheses. Columns are text, as
``count_by_area`` reads them.

References
----------
RFC 4180 (CSV), RFC 7946 (GeoJSON); pandas ``DataFrame.query`` (the meaning of ``&`` and ``|``
as ``and`` and ``or``, pandas.core.computation.expr).
"""

from __future__ import annotations

import ast
import codecs
import csv
import gc
import gzip
import io
import itertools
import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["UnitCounts", "columns_csv", "count_units", "read_unit_polygons"]

#: Characters that make the readers' checks call the text binary (tab, LF, VT, FF, CR are text).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")
#: What the pandas reader examines for binary data and for the ", " pattern.
_HEAD = 1 << 16


@dataclass(frozen=True)
class UnitCounts:
    """Establishments per unit: every unit of the table, before filtering.

    Attributes
    ----------
    ids : tuple of str
        The units of the table (each once).
    count : numpy.ndarray
        Rows of each unit kept by the filter (float, as ``count_by_area``'s ``count``).
    total : numpy.ndarray
        All rows of each unit (float, as its ``total``).
    """

    ids: tuple
    count: np.ndarray
    total: np.ndarray


class _NotHereError(Exception):
    """The fast reader does not take this input: the pandas path will."""


def _text_ok(data: bytes) -> bool:
    """UTF-8 text, not binary by the pandas reader's test, not empty."""
    if not data or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    try:
        text = data[: _HEAD * 4].decode("utf-8-sig", errors="strict")
    except UnicodeDecodeError:
        # a multi-byte character cut by the slice is fine: the whole is checked by the caller
        text = data[: _HEAD * 4].decode("utf-8-sig", errors="ignore")
    return not _CONTROL.search(text[:_HEAD]) and bool(text.strip())


def count_units(
    path: str | os.PathLike[str], *, area: str, query: str | None = None
) -> UnitCounts | None:
    """Rows per unit of a CSV table of establishments, or None when the pandas path must read it.

    Parameters
    ----------
    path : path-like
        ``.csv`` or ``.csv.gz`` file.
    area : str
        Column of the unit id.
    query : str, optional
        A filter of the forms of the module's notes.

    Returns
    -------
    UnitCounts or None
        ``None`` for anything :func:`grappe.io.spatial.count_by_area` would read otherwise or
        refuse (another format or encoding, quotes, empty cells, another filter…).

    References
    ----------
    ``grappe.io.spatial.count_by_area``; RFC 4180.
    """
    try:
        return _count_units(Path(path), area, query)
    except _NotHereError:
        return None


def _count_units(p: Path, area: str, query: str | None) -> UnitCounts:
    name = p.name.lower()
    if not p.is_file() or not name.endswith((".csv", ".csv.gz")):
        raise _NotHereError
    data = p.read_bytes()
    if name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, ValueError) as exc:
            raise _NotHereError from exc
    if not _text_ok(data) or b'"' in data:
        raise _NotHereError
    try:
        data.decode("utf-8")  # the pandas path decodes the whole file as cp1252 otherwise
    except UnicodeDecodeError as exc:
        raise _NotHereError from exc
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    head = data[:_HEAD].decode("utf-8", errors="ignore")
    line = head.lstrip("\r\n").split("\n", 1)[0].rstrip("\r")
    if ", " in head[:4096] or any(sep in line for sep in ";\t|") or "," not in line:
        raise _NotHereError  # another separator, or spaces skipped after commas
    header = line.split(",")
    if len(set(header)) != len(header) or any(not h or h != h.strip() for h in header):
        raise _NotHereError
    condition = _Filter.parse(query) if query else None
    needed = [area, *(condition.columns if condition else ())]
    if any(c not in header for c in needed):
        raise _NotHereError
    columns = _read_codes(data, list(dict.fromkeys(needed)))
    units, unit_of = columns[area]
    keep = np.ones(unit_of.size, dtype=bool) if condition is None else condition.mask(columns)
    return UnitCounts(
        tuple(units),
        np.bincount(unit_of, weights=keep, minlength=len(units)).astype(float),
        np.bincount(unit_of, minlength=len(units)).astype(float),
    )


def _read_codes(data: bytes, names: list[str]) -> dict[str, tuple]:
    """Each column of ``names`` as (its distinct texts, each row's index among them)."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    text = pa.dictionary(pa.int32(), pa.string())
    try:
        table = pcsv.read_csv(
            pa.py_buffer(data),
            read_options=pcsv.ReadOptions(use_threads=False, block_size=len(data) + 1),
            parse_options=pcsv.ParseOptions(
                delimiter=",", quote_char=False, newlines_in_values=False, ignore_empty_lines=False
            ),
            convert_options=pcsv.ConvertOptions(
                include_columns=names,
                column_types=dict.fromkeys(names, text),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException) as exc:
        raise _NotHereError from exc  # ragged or blank rows: the pandas reader names them
    if table.num_rows == 0 or list(table.column_names) != names:
        raise _NotHereError
    out = {}
    for name in names:
        column = table.column(name)
        if column.num_chunks != 1 or column.null_count:
            raise _NotHereError
        chunk = column.chunk(0)
        values = chunk.dictionary.to_pylist()
        if "" in values:  # an empty cell: NaN for pandas
            raise _NotHereError
        indices = chunk.indices  # read from its buffer: Array.to_numpy would import pandas
        codes = np.frombuffer(indices.buffers()[1], dtype=np.int32)
        out[name] = (values, codes[indices.offset : indices.offset + len(indices)].astype(np.intp))
    return out


@dataclass(frozen=True)
class _Filter:
    """A parsed filter: the columns it reads and the expression to evaluate."""

    tree: ast.expr
    columns: tuple

    @classmethod
    def parse(cls, query: str) -> _Filter:
        try:
            tree = ast.parse(_python_text(query).strip(), mode="eval").body
        except (SyntaxError, ValueError) as exc:
            raise _NotHereError from exc
        names: list[str] = []
        _check(tree, names)
        return cls(tree, tuple(dict.fromkeys(names)))

    def mask(self, columns: Mapping[str, tuple]) -> np.ndarray:
        return _evaluate(self.tree, columns)


def _python_text(query: str) -> str:
    """``query`` with ``&`` and ``|`` outside quotes made ``and`` and ``or``, as pandas'
    ``query`` reads them (their precedence included)."""
    out, quote, k = [], "", 0
    while k < len(query):
        ch = query[k]
        if quote:
            if ch == "\\":  # an escaped character stays inside the text
                out.append(query[k : k + 2])
                k += 2
                continue
            quote = "" if ch == quote else quote
            out.append(ch)
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        else:
            out.append({"&": " and ", "|": " or "}.get(ch, ch))
        k += 1
    return "".join(out)


def _texts(node: ast.expr) -> tuple:
    """The texts of a literal text, list or tuple of texts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, ast.List | ast.Tuple) and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
    ):
        return tuple(e.value for e in node.elts)  # type: ignore[attr-defined]
    raise _NotHereError


def _column_call(node: ast.expr) -> tuple[str, str, tuple]:
    """``col.str.startswith(x)``, ``col.str.endswith(x)`` (x a text: ``query`` turns a tuple
    into a list, which pandas' ``startswith`` refuses) or ``col.isin(x)``."""
    if not isinstance(node, ast.Call) or node.keywords or len(node.args) != 1:
        raise _NotHereError
    func = node.func
    if not isinstance(func, ast.Attribute):
        raise _NotHereError
    if func.attr == "isin" and isinstance(func.value, ast.Name):
        if not isinstance(node.args[0], ast.List | ast.Tuple):
            raise _NotHereError
        return func.value.id, "isin", _texts(node.args[0])
    owner = func.value
    if (
        func.attr in ("startswith", "endswith")
        and isinstance(owner, ast.Attribute)
        and owner.attr == "str"
        and isinstance(owner.value, ast.Name)
        and isinstance(node.args[0], ast.Constant)  # query() makes a tuple a list: refused
    ):
        return owner.value.id, func.attr, _texts(node.args[0])
    raise _NotHereError


def _comparison(node: ast.Compare) -> tuple[str, str, tuple]:
    if len(node.ops) != 1:
        raise _NotHereError
    left, op, right = node.left, node.ops[0], node.comparators[0]
    if isinstance(op, ast.In | ast.NotIn):
        if not isinstance(left, ast.Name) or not isinstance(right, ast.List | ast.Tuple):
            raise _NotHereError
        return left.id, "isin" if isinstance(op, ast.In) else "notin", _texts(right)
    if not isinstance(op, ast.Eq | ast.NotEq):
        raise _NotHereError
    if isinstance(right, ast.Name) and not isinstance(left, ast.Name):
        left, right = right, left
    if not isinstance(left, ast.Name) or not (
        isinstance(right, ast.Constant) and isinstance(right.value, str)
    ):
        raise _NotHereError
    return left.id, "eq" if isinstance(op, ast.Eq) else "ne", (right.value,)


def _check(node: ast.expr, names: list[str]) -> None:
    """Refuse (``_NotHereError``) any form outside the module's list; collect the columns."""
    if isinstance(node, ast.BoolOp):
        for value in node.values:
            _check(value, names)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not | ast.Invert):
        _check(node.operand, names)
    elif isinstance(node, ast.Compare):
        names.append(_comparison(node)[0])
    else:
        names.append(_column_call(node)[0])


_TESTS: dict[str, Callable[[str, tuple], bool]] = {
    "eq": lambda v, t: v == t[0],
    "ne": lambda v, t: v != t[0],
    "isin": lambda v, t: v in t,
    "notin": lambda v, t: v not in t,
    "startswith": lambda v, t: v.startswith(t),
    "endswith": lambda v, t: v.endswith(t),
}


def _evaluate(node: ast.expr, columns: Mapping[str, tuple]) -> np.ndarray:
    if isinstance(node, ast.BoolOp):
        parts = [_evaluate(v, columns) for v in node.values]
        combine = np.logical_and if isinstance(node.op, ast.And) else np.logical_or
        out = parts[0]
        for part in parts[1:]:
            out = combine(out, part)
        return out
    if isinstance(node, ast.UnaryOp):
        return ~_evaluate(node.operand, columns)
    name, test, texts = _comparison(node) if isinstance(node, ast.Compare) else _column_call(node)
    values, codes = columns[name]
    # each distinct text tested once, every row then reads its answer
    answers = np.array([_TESTS[test](v, texts) for v in values], dtype=bool)
    return answers[codes]


def read_unit_polygons(
    path: str | os.PathLike[str], *, id_property: str
) -> tuple[list[str], list[Any], set[str]] | None:
    """The ids and polygons of a GeoJSON FeatureCollection, or None when the pandas path must
    read it.

    Parameters
    ----------
    path : path-like
        GeoJSON file (longitude/latitude, RFC 7946).
    id_property : str
        Feature property holding the unit id.

    Returns
    -------
    (ids, geometries, property names) or None
        Ids as text and shapely Polygons or MultiPolygons in the order of the features, with
        the names of every feature property; ``None`` for anything
        :func:`grappe.io.spatial.read_areas` would read otherwise or refuse (another encoding,
        a repeated key, a feature without id, a geometry not a closed polygon of 2-D
        positions…). The polygons are not checked for validity: see
        :func:`grappe.spatial.areal.check_geometries`.

    References
    ----------
    RFC 7946 §3.1.6; ``grappe.io.spatial.read_areas``.
    """
    try:
        return _read_unit_polygons(Path(path), id_property)
    except _NotHereError:
        return None


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _NotHereError  # a key given twice: the pandas path's reader names it
    return out


def _read_unit_polygons(p: Path, id_property: str) -> tuple[list[str], list[Any], set[str]]:
    if not p.is_file():
        raise _NotHereError
    data = p.read_bytes()
    if not _text_ok(data):
        raise _NotHereError
    collecting = gc.isenabled()
    gc.disable()  # the parse makes ~10⁵ lists: the collector would walk them again and again
    try:
        doc = json.loads(data.decode("utf-8-sig"), object_pairs_hook=_unique_object)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise _NotHereError from exc
    finally:
        if collecting:
            gc.enable()
    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(features, list) or doc.get("type") != "FeatureCollection":
        raise _NotHereError
    ids: list[str] = []
    kinds: list[bool] = []  # MultiPolygon?
    coords: list[Any] = []
    ring_ends: list[int] = []
    polygon_ends: list[int] = []
    part_ends: list[int] = []
    names: set[str] = set()
    for feature in features:
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict) or properties.get(id_property) in (None, ""):
            raise _NotHereError
        names.update(properties)
        geometry = feature.get("geometry")
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        polygons = geometry.get("coordinates") if kind else None
        if kind == "Polygon":
            polygons = [polygons]
        elif kind != "MultiPolygon":
            raise _NotHereError
        if not isinstance(polygons, list) or not polygons:
            raise _NotHereError
        for rings in polygons:
            if not isinstance(rings, list) or not rings:
                raise _NotHereError
            for ring in rings:
                if not isinstance(ring, list) or len(ring) < 4 or ring[0] != ring[-1]:
                    raise _NotHereError  # short or open rings: shapely's own handling
                coords.extend(ring)
                ring_ends.append(len(coords))
            polygon_ends.append(len(ring_ends))
        part_ends.append(len(polygon_ends))
        ids.append(str(properties[id_property]))
        kinds.append(kind == "MultiPolygon")
    return ids, _polygons(coords, ring_ends, polygon_ends, part_ends, kinds), names


def _polygons(coords, ring_ends, polygon_ends, part_ends, kinds) -> list[Any]:
    """Shapely polygons from the flat positions, in two vectorised calls: every polygon part,
    then the MultiPolygons of the features that have one."""
    import shapely

    try:
        if set(map(len, coords)) != {2}:
            raise _NotHereError  # 3-D positions: the pandas path's reader
        # flat, for NumPy not to rediscover the nesting of 10⁵ short lists
        flat = itertools.chain.from_iterable(coords)
        xy = np.fromiter(flat, dtype=float, count=2 * len(coords)).reshape(-1, 2)
    except (TypeError, ValueError) as exc:
        raise _NotHereError from exc
    if not np.isfinite(xy).all():
        raise _NotHereError
    offsets = (np.r_[0, ring_ends], np.r_[0, polygon_ends])
    parts = shapely.from_ragged_array(shapely.GeometryType.POLYGON, xy, offsets)
    feature_of_part = np.repeat(np.arange(len(part_ends)), np.diff(np.r_[0, part_ends]))
    single = ~np.asarray(kinds, dtype=bool)[feature_of_part]
    out = np.empty(len(part_ends), dtype=object)
    out[feature_of_part[single]] = parts[single]
    if not single.all():
        shapely.multipolygons(parts[~single], indices=feature_of_part[~single], out=out)
    return list(out)


def columns_csv(columns: Mapping[str, Sequence[Any]]) -> str:
    """A table of columns as CSV text, as ``pandas.DataFrame(columns).to_csv(index=False)``
    writes it: floats in their shortest repr (NumPy's ``astype(str)``), NaN as an empty cell,
    fields quoted only when they must be, ``os.linesep`` after each line.

    Examples
    --------
    >>> print(columns_csv({"id": ["a", "b,c"], "p": np.array([0.5, np.nan])}), end="")
    id,p
    a,0.5
    "b,c",
    """
    cells = []
    for values in columns.values():
        array = np.asarray(values)
        if array.dtype.kind == "f":
            text = array.astype(str).astype(object)
            text[np.isnan(array)] = ""
            cells.append(text)
        else:
            cells.append(array.astype(str))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=os.linesep)
    writer.writerow(list(columns))
    writer.writerows(zip(*cells, strict=True))
    return buffer.getvalue()
