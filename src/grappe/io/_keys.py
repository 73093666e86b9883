"""Rows repeating a (region, industry, year) key: refuse them, or add them up.

Private to :mod:`grappe.io`; the policy vocabulary is :data:`grappe._validation.DUPLICATE_POLICIES`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from grappe._groups import repeats_within_groups
from grappe._validation import duplicates_fix
from grappe.errors import ValidationIssue
from grappe.i18n import Message

if TYPE_CHECKING:  # codes: categoricals, or any object with codes and categories
    import pandas as pd

_MAX_LISTED = 50
_FIX = duplicates_fix(Message("region, industry and year"))


def regional_keys(region: pd.Categorical, industry: pd.Categorical, year: np.ndarray) -> np.ndarray:
    """One int64 per row identifying its (region, industry, year); missing parts become 0."""
    finite = ~np.isnan(year)
    low = year[finite].min() if finite.any() else 0.0
    y = np.where(finite, year - low + 1, 0).astype(np.int64)
    # in place: a few million rows make every temporary array count
    key = region.codes.astype(np.int64)
    key += 1
    key *= len(industry.categories) + 1
    key += industry.codes
    key += 1
    key *= int(y.max(initial=0)) + 1
    key += y
    return key


def has_repeats(key: np.ndarray) -> bool:
    """Whether some key appears twice (a stable sort is fast on the sorted runs of files)."""
    ordered = np.sort(key, kind="stable")
    return bool((ordered[1:] == ordered[:-1]).any())


def duplicate_issues(
    region: pd.Categorical,
    industry: pd.Categorical,
    year: np.ndarray,
    rows: np.ndarray,
    file: str,
    name: dict[str, str],
    *,
    groups: np.ndarray | None = None,
) -> list[ValidationIssue]:
    """One issue per row repeating an earlier row's (region, industry, year).

    ``groups``: the region × year id of each row (every part present), when the caller has
    them; a code twice in a group is then found in a dense table, without a sort of the keys.
    """
    if groups is not None and not repeats_within_groups(
        groups, np.asarray(industry.codes), len(industry.categories)
    ):
        return []
    key = regional_keys(region, industry, year)
    if not has_repeats(key):
        return []
    import pandas as pd

    dup = pd.Series(key).duplicated(keep="first").to_numpy()
    first_of = dict(zip(key[::-1], rows[::-1], strict=True))
    issues = []
    positions = np.flatnonzero(dup)
    columns = f"{name['region']}, {name['industry']}, {name['year']}"
    for p in positions[:_MAX_LISTED]:
        issues.append(
            ValidationIssue(
                Message(
                    "duplicate key ({columns}) = ({region!r}, {industry!r}, {year}); first seen "
                    "in row {first}.",
                    columns=columns,
                    region=region[p],
                    industry=industry[p],
                    year=int(year[p]),
                    first=int(first_of[key[p]]),
                ),
                file=file,
                row=int(rows[p]),
                column=name["industry"],
                fix=_FIX,
            )
        )
    if len(positions) > _MAX_LISTED:
        issues.append(
            ValidationIssue(
                Message("{count} more duplicate keys.", count=len(positions) - _MAX_LISTED),
                file=file,
                fix=_FIX,
            )
        )
    return issues


def sum_repeats(
    key: np.ndarray,
    values: dict[str, np.ndarray],
    flag: np.ndarray | None,
) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray | None] | None:
    """Add up the rows sharing a key; ``None`` when no key repeats.

    Returns the position of each key's first row (in file order), the summed values (a sum
    with a missing part is missing: a withheld part leaves the whole cell withheld) and each
    key's first non-empty flag.
    """
    if not has_repeats(key):
        return None
    import pandas as pd

    codes, uniques = pd.factorize(key)  # in order of first appearance
    n = len(uniques)
    first = np.empty(n, dtype=np.int64)
    first[codes[::-1]] = np.arange(len(key))[::-1]
    summed = {}
    for col, v in values.items():
        total = np.bincount(codes, weights=np.nan_to_num(v, nan=0.0), minlength=n)
        total[np.bincount(codes, weights=np.isnan(v), minlength=n) > 0] = np.nan
        summed[col] = total
    if flag is not None:
        flags = pd.Series(flag, dtype=object).replace("", None)
        flag = flags.groupby(codes).first().reindex(range(n)).fillna("").to_numpy(dtype=object)
    return first, summed, flag
