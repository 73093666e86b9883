"""Cells grouped by region × year, looked up in a dense (group, code) table (no I/O).

Two kernels need, within each group of cells (one region and year), to find a code among the
group's cells: the withheld imputation finds each cell's parent code
(:func:`grappe.withheld.impute_from_hierarchy`), the reader refuses a code present twice
(:func:`grappe.io.read_regional_table`). Both fill the same kind of table, one row of slots
per group, for a block of consecutive groups at a time, so that memory stays flat (2 MiB)
and time linear however many groups a file has; neither sorts the millions of cells of a
file that lists each group's cells together, as files do.

References
----------
U.S. Census Bureau, "County Business Patterns: record layouts" (one row per county, NAICS
code and year, listed year by year then county by county); Isserman, A. M. & Westervelt, J.
(2006), "1.5 million missing numbers: overcoming employment suppression in County Business
Patterns data", International Regional Science Review 29(3), 311–335 (the parent lookup).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

__all__ = ["TABLE_SLOTS", "group_blocks", "in_group_order", "repeats_within_groups"]

#: Slots of the dense (group, code) table filled at once: 2 MiB of int32, small enough to stay
#: in the processor's cache (a 16 MiB table was slower, and its pages are touched anew in each
#: process).
TABLE_SLOTS = 1 << 19


def in_group_order(group: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """Group ids that never decrease, and the order that puts the cells in it (None: as is).

    ``group`` holds small non-negative integers. Ids already in order are kept; when each
    group's cells are together (one run per group) the runs are numbered 0, 1, 2 … in file
    order, without a sort; only a group split across the file needs a (stable) sort.
    """
    if len(group) and int(group.max()) >= 4 * len(group):  # sparse ids: renumbered (a sort)
        group = np.unique(group, return_inverse=True)[1].reshape(-1)
    if bool((group[1:] >= group[:-1]).all()):
        return group, None
    change = group[1:] != group[:-1]
    n_runs = int(np.count_nonzero(change)) + 1
    if n_runs == int(np.count_nonzero(np.bincount(group))):  # one run per group
        runs = np.empty(len(group), dtype=np.int64)
        runs[0] = 0
        np.cumsum(change, out=runs[1:])
        return runs, None
    order = np.argsort(group, kind="stable")
    return group[order], order


def group_blocks(
    sorted_group: np.ndarray, width: int, *, slots: int = TABLE_SLOTS
) -> tuple[np.ndarray, Iterator[tuple[int, int, np.ndarray]]]:
    """An empty table (-1) and its blocks of consecutive groups: ``(lo, hi, offset)``.

    Cells ``lo:hi`` (of ``sorted_group``, ids that never decrease) fill the table together;
    ``offset`` is the first slot of each cell's group (``width`` slots per group), int32 while
    the rows fit (half the memory traffic of int64). The table holds row positions: a block
    must empty the slots it filled before the next one.
    """
    n = len(sorted_group)
    per_block = max(1, slots // width)
    n_groups = int(sorted_group[-1]) + 1 if n else 0
    index_type = np.int32 if n < 2**31 else np.int64
    table = np.full(min(n_groups, per_block) * width, -1, dtype=index_type)
    bounds = np.searchsorted(sorted_group, np.arange(0, n_groups + per_block, per_block))

    def blocks() -> Iterator[tuple[int, int, np.ndarray]]:
        for block, (lo, hi) in enumerate(zip(bounds[:-1], bounds[1:], strict=True)):
            if lo < hi:
                offset = (sorted_group[lo:hi] - block * per_block).astype(index_type)
                offset *= width
                yield int(lo), int(hi), offset

    return table, blocks()


def repeats_within_groups(
    group: np.ndarray, codes: np.ndarray, n_codes: int, *, slots: int = TABLE_SLOTS
) -> bool:
    """Whether some code (``0 … n_codes - 1``) appears twice in a group.

    ``group`` holds small non-negative integers (one per cell), ``codes`` non-negative
    integers. Same answer as a sort of the (group, code) keys, in a few linear passes.
    """
    if len(group) < 2:
        return False
    sorted_group, order = in_group_order(group)
    sorted_codes = codes if order is None else codes[order]
    table, blocks = group_blocks(sorted_group, n_codes, slots=slots)
    for lo, hi, offset in blocks:
        keys = offset
        keys += sorted_codes[lo:hi]
        rows = np.arange(lo, hi, dtype=table.dtype)
        table[keys] = rows  # of two cells with one key, one position only is kept
        if not np.array_equal(table[keys], rows):
            return True
        table[keys] = -1
    return False
