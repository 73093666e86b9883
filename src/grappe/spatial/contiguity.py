"""Contiguity of polygons — which units share a vertex (queen) or an edge (rook) — as NumPy
compressed rows (:class:`~grappe.spatial.lisa.RowWeights`), without SciPy.

Two units are neighbours when their boundaries share a vertex with exactly the same
coordinates (queen) or two consecutive vertices (rook): libpysal's ``Queen``/``Rook``
definition (Rey & Anselin 2007). Every (vertex, unit) incidence is listed once, sorted by
vertex, and the units met at one vertex are paired with each other: no per-unit loop, no
sparse matrix product.

References
----------
Rey, S. J., & Anselin, L. (2007). PySAL: a Python library of spatial analytical methods.
*Review of Regional Studies*, 37(1), 5–27.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from grappe._validation import check_option
from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.spatial.lisa import RowWeights, distinct

__all__ = ["contiguity_rows"]


def contiguity_rows(
    ids: Sequence[str],
    geometries: Sequence[Any],
    *,
    contiguity: str = "queen",
    islands: str = "raise",
    func: str = "spatial_weights",
) -> RowWeights:
    """The contiguity of :func:`spatial_weights` as NumPy compressed rows (no SciPy).

    Parameters
    ----------
    ids : sequence of str
        Unit ids (named in the error about islands).
    geometries : sequence of shapely geometries
        Polygons or MultiPolygons, one per id.
    contiguity, islands : str
        As :func:`spatial_weights`.
    func : str
        The function named in the errors.

    Returns
    -------
    RowWeights
        Binary weights, columns sorted within each row, no diagonal.

    Raises
    ------
    InvalidParameterError
        For a bad option, or islands with ``islands="raise"``.

    References
    ----------
    Rey & Anselin (2007) for libpysal's vertex-based contiguity.
    """
    check_option(contiguity, "contiguity", ("queen", "rook"), func=func)
    check_option(islands, "islands", ("raise", "keep"), func=func)
    rows = _contiguity(geometries, contiguity)
    alone = [ids[k] for k in np.flatnonzero(np.diff(rows.indptr) == 0)]
    if islands == "raise" and alone:
        shown = ", ".join(repr(i) for i in alone[:5])
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be 'keep' when some units have no "
                "neighbour. Got 'raise' instead, and {count} units have none ({shown}).",
                name="islands",
                func=func,
                count=len(alone),
                shown=shown,
            )
        )
    return rows


def _contiguity(geometries, contiguity: str) -> RowWeights:
    """Binary contiguity of polygons through shared vertices (or edges): every pair of units
    that meet at one vertex (edge) key, found by sorting the (key, unit) incidences."""
    import shapely

    n = len(geometries)
    parts, part_of = shapely.get_parts(np.asarray(geometries, dtype=object), return_index=True)
    rings, ring_of = shapely.get_rings(parts, return_index=True)
    coords, coord_of = shapely.get_coordinates(rings, return_index=True)
    owner = part_of[ring_of[coord_of]]
    _, vertex = np.unique(coords, axis=0, return_inverse=True)
    vertex = vertex.ravel()
    if contiguity == "rook":
        same_ring = coord_of[1:] == coord_of[:-1]
        a, b = vertex[:-1][same_ring], vertex[1:][same_ring]
        edges = np.column_stack((np.minimum(a, b), np.maximum(a, b)))
        _, key = np.unique(edges, axis=0, return_inverse=True)
        key, owner = key.ravel(), owner[:-1][same_ring]
    else:
        key = vertex
    # one incidence per (key, unit): a vertex repeated within one unit counts once
    incidence = distinct(key.astype(np.int64) * n + owner)
    key, owner = incidence // n, incidence % n
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    sizes = np.diff(np.r_[starts, key.size])
    shared = sizes > 1  # keys met by one unit make no pair
    group_start, group_size = starts[shared], sizes[shared]
    members = np.repeat(group_start, group_size) + _within(group_size)
    size = np.repeat(group_size, group_size)
    # each member paired with every member of its key (itself dropped)
    left = np.repeat(members, size)
    right = np.repeat(np.repeat(group_start, group_size), size) + _within(size)
    a, b = owner[left], owner[right]
    pairs = distinct(a[a != b] * n + b[a != b])
    rows, cols = pairs // n, pairs % n
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n))])
    return RowWeights(indptr, cols, np.ones(cols.size))


def _within(counts: np.ndarray) -> np.ndarray:
    """0, 1, …, c − 1 for each count c, concatenated."""
    return np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
