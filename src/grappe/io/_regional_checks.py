"""The checks of :func:`grappe.io.read_regional_table` on arrays, shared by its two entries.

Private to :mod:`grappe.io`: the reader of pandas frames (:mod:`grappe.io.regional`) and the
reader of Arrow columns (:mod:`grappe.io.regional_arrays`, the pandas-free path of
``grappe map``) apply these same rules and messages. Codes are categoricals or any object with
``codes`` (integers, -1 for missing) and ``categories``; no pandas is imported here unless a
flag column's midpoints are looked up.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

import numpy as np

from grappe.codes import validate_codes as _validate_codes
from grappe.errors import DataValidationError, ValidationIssue
from grappe.i18n import Message
from grappe.withheld import IMPUTATION_STATUSES, hierarchy_arrays

if TYPE_CHECKING:
    import pandas as pd

#: Policies for withheld employment cells.
WITHHELD_POLICIES: tuple[str, ...] = (
    "raise",
    "drop",
    "keep_zero",
    "impute_flag_midpoint",
    "impute_residual",
)

#: Employment-size classes of the County Business Patterns flags (``empflag``), inclusive.
#: ``M`` is open-ended (100,000 or more).
FLAG_RANGES: dict[str, tuple[int, int | None]] = {
    "A": (0, 19),
    "B": (20, 99),
    "C": (100, 249),
    "E": (250, 499),
    "F": (500, 999),
    "G": (1_000, 2_499),
    "H": (2_500, 4_999),
    "I": (5_000, 9_999),
    "J": (10_000, 24_999),
    "K": (25_000, 49_999),
    "L": (50_000, 99_999),
    "M": (100_000, None),
}

#: Employment imputed for a withheld cell under ``withheld="impute_flag_midpoint"``: the
#: midpoint of the size class, and the lower bound for the open class ``M``.
FLAG_MIDPOINTS: dict[str, float] = {
    k: (lo + hi) / 2 if hi is not None else float(lo) for k, (lo, hi) in FLAG_RANGES.items()
}

_NUMERIC = ("employment", "establishments", "payroll")
_MAX_PER_CHECK = 50
_FUNC = "read_regional_table"
_POLICY_FIX = Message(
    "choose a policy for withheld cells: withheld='drop', 'keep_zero', 'impute_residual' "
    "(needs an establishments column) or 'impute_flag_midpoint' (needs a flag column with "
    "size classes A-M)."
)


# --- checks ---------------------------------------------------------------------------------


def _rows(
    mask: np.ndarray,
    rows: np.ndarray,
    raw: pd.Series | None,
    problem: Message,
    file: str,
    column: str | None,
    fix: str,
    src: np.ndarray | None = None,
    *,
    sentence: Message | None = None,
) -> list[ValidationIssue]:
    """One issue per flagged row (at most ``_MAX_PER_CHECK``, then a summary).

    ``raw`` holds the file's values, ``src`` the position in ``raw`` of each masked row;
    ``problem`` (no final period) follows the value, or ``sentence`` (the problem as a
    sentence) is the whole message of a row when ``raw`` is None.
    """
    positions = np.flatnonzero(mask)
    issues = []
    for p in positions[:_MAX_PER_CHECK]:
        text = (
            Message(
                "{value} {problem}.",
                value=_show(raw.iloc[p if src is None else src[p]]),
                problem=problem,
            )
            if raw is not None
            else sentence or problem
        )
        issues.append(ValidationIssue(text, file=file, row=int(rows[p]), column=column, fix=fix))
    if len(positions) > _MAX_PER_CHECK:
        issues.append(
            ValidationIssue(
                Message(
                    "{count} more rows with the same problem ({problem}).",
                    count=len(positions) - _MAX_PER_CHECK,
                    problem=problem,
                ),
                file=file,
                column=column,
                fix=fix,
            )
        )
    return issues


def _within(values: np.ndarray, low: float, high: float) -> bool:
    """Whether every value that is not NaN lies in ``[low, high]`` (two reductions, no mask)."""
    if not len(values) or np.isnan(values).all():
        return True
    return bool(np.nanmin(values) >= low) and bool(np.nanmax(values) <= high)


def _show(value: Any) -> str:
    """A file's value as quoted in a message: text in quotes, numbers as they read."""
    if isinstance(value, np.generic):
        value = value.item()
    return repr(value) if isinstance(value, str) else str(value)


def _missing(mask: np.ndarray, rows: np.ndarray, file: str, column: str, what: Message) -> list:
    return _rows(
        mask,
        rows,
        None,
        Message("the {what} is missing", what=what),
        file,
        column,
        Message("fill in the {what} or remove the row.", what=what),
        sentence=Message("The {what} is missing.", what=what),
    )


def _code_issues(
    industry: pd.Categorical,
    rows: np.ndarray,
    classification: str,
    known: Collection[str] | None,
    file: str,
    column: str,
) -> list[ValidationIssue]:
    categories = list(industry.categories)
    if not categories:
        return []
    # each code is checked on its own: when every category is valid, so are the rows, and
    # the first row of each code (a pass over every row) is needed for the messages only
    if not _validate_codes(categories, classification, known=known, file=file, column=column):
        return []
    codes = industry.codes
    first = np.full(len(categories) + 1, -1, dtype=np.int64)
    first[codes[::-1]] = rows[::-1]  # the last write wins: the first row of each code
    first_row = {c: int(first[i]) for i, c in enumerate(categories) if first[i] >= 0}
    return _validate_codes(
        [c for c in categories if c in first_row],
        classification,
        known=known,
        file=file,
        column=column,
        rows=first_row,
    )


def _apply_policy(
    policy: str,
    employment: np.ndarray,
    withheld: np.ndarray,
    flag: np.ndarray | None,
    rows: np.ndarray,
    file: str,
    name: dict[str, str],
    is_preset: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """Employment after the withheld policy, and the mask of rows kept."""
    keep = np.ones(len(employment), dtype=bool)
    column = name["employment"]
    if not withheld.any():
        return employment, keep
    if policy == "raise":
        raise DataValidationError(
            _rows(
                withheld,
                rows,
                None,
                Message("the employment value is withheld in this row"),
                file,
                column,
                _POLICY_FIX,
                sentence=Message("The employment value is withheld in this row."),
            )
        )
    if policy == "drop":
        return employment, ~withheld
    employment = employment.copy()
    if policy == "keep_zero":
        employment[withheld] = 0.0
        return employment, keep
    if flag is None:
        how = (
            Message("CBP marks them with emp == 0")
            if is_preset
            else Message("their employment is empty")
        )
        raise DataValidationError(
            _rows(
                withheld,
                rows,
                None,
                Message(
                    "the employment value is withheld in this row ({how}) and the file has no "
                    "flag column with size classes A-M, so no midpoint can be imputed",
                    how=how,
                ),
                file,
                column,
                Message(
                    "map a flag column with columns={'<flag column>': 'flag'}, or choose "
                    "withheld='drop' or 'keep_zero'."
                ),
                sentence=Message(
                    "The employment value is withheld in this row ({how}) and the file has no "
                    "flag column with size classes A-M, so no midpoint can be imputed.",
                    how=how,
                ),
            )
        )
    import pandas as pd

    midpoints = pd.Series(flag).map(FLAG_MIDPOINTS).to_numpy(dtype=np.float64, na_value=np.nan)
    unflagged = withheld & np.isnan(midpoints)
    if unflagged.any():
        raise DataValidationError(
            _rows(
                unflagged,
                rows,
                None,
                Message("the employment value is withheld but the flag is not a size class A-M"),
                file,
                name.get("flag", column),
                Message(
                    "give the size-class flag (A, B, C, E-M), or choose withheld='drop' or "
                    "'keep_zero'."
                ),
                sentence=Message(
                    "The employment value is withheld but the flag is not a size class A-M."
                ),
            )
        )
    employment[withheld] = midpoints[withheld]
    return employment, keep


def _impute_residual(
    employment: np.ndarray,
    withheld: np.ndarray,
    values: dict[str, np.ndarray],
    industry: pd.Categorical,
    region: pd.Categorical,
    year: np.ndarray,
    classification: str,
    rows: np.ndarray,
    file: str,
    name: dict[str, str],
    groups: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Employment after ``withheld="impute_residual"``, and the mask of the imputed cells.

    The code hierarchy this policy relies on is checked first: a published parent code with
    fewer jobs than its published children (beyond half a job of rounding) is refused, since
    its residual, and every indicator that uses the total, would be wrong.
    """
    if groups is None:
        groups = region_year_groups(region, year)
    if groups is None:  # impossible years are refused before; region-major ids as a fallback
        first_year = int(np.nanmin(year)) if len(year) else 0
        n_years = int(np.nanmax(year)) - first_year + 1 if len(year) else 1
        groups = region.codes.astype(np.int64) * n_years + (year.astype(np.int64) - first_year)
    categories = [str(c) for c in industry.categories]
    if not withheld.any():
        _, _, _, children = hierarchy_arrays(
            industry.codes, categories, employment, withheld, np.zeros(len(employment)),
            classification=classification, groups=groups,
        )  # fmt: skip
        _check_parents(children, employment, withheld, industry, rows, file, name)
        return employment, np.zeros(len(employment), dtype=bool)
    establishments = values["establishments"]
    unweighted = withheld & np.isnan(establishments)  # the weights of the split
    if unweighted.any():
        raise DataValidationError(
            _rows(
                unweighted,
                rows,
                None,
                Message(
                    "the employment value is withheld and the establishment count is missing, "
                    "so the cell has no weight in the split of its parent's residual"
                ),
                file,
                name["establishments"],
                Message(
                    "fill in the establishment count, or choose withheld='keep_zero' or 'drop'."
                ),
                sentence=Message(
                    "The employment value is withheld and the establishment count is missing, "
                    "so the cell has no weight in the split of its parent's residual."
                ),
            )
        )
    imputed, status, _, children = hierarchy_arrays(
        industry.codes, categories, employment, withheld, establishments,
        classification=classification, groups=groups,
    )  # fmt: skip
    _check_parents(children, employment, withheld, industry, rows, file, name)
    return np.array(imputed), status == IMPUTATION_STATUSES.index("imputed")


def region_year_groups(region: pd.Categorical, year: np.ndarray) -> np.ndarray | None:
    """Region × year of each row as small non-negative integers; None if a part is missing
    or the years span more than 10,000 (impossible years, reported by the checks).

    Year-major, as files list the rows of a year together (CBP: year, then county); other
    layouts that list each region-year's rows together are numbered by run in the kernels
    (:func:`grappe._groups.in_group_order`), so neither needs a sort of the rows.
    """
    if not len(year):
        return np.zeros(0, dtype=np.int64)
    if region.codes.min() < 0 or np.isnan(year).any():
        return None
    if not np.nanmax(year) - np.nanmin(year) < 10_000:  # impossible years, refused anyway
        return None
    groups = year.astype(np.int64)
    groups -= int(groups.min())
    groups *= len(region.categories)
    groups += region.codes
    return groups


def _check_parents(
    children: np.ndarray,
    employment: np.ndarray,
    withheld: np.ndarray,
    industry: pd.Categorical,
    rows: np.ndarray,
    file: str,
    name: dict[str, str],
) -> None:
    """Refuse published parent codes holding fewer jobs than their published children."""
    # children: the published children's jobs, summed once by the imputation
    below = children > employment + 0.5
    below &= ~withheld
    if not below.any():
        return
    names = [str(c) for c in industry.categories]
    issues = [
        ValidationIssue(
            Message(
                "industry {code!r} holds {jobs:,.0f} jobs, fewer than the {children:,.0f} of its "
                "published sub-industries together; the total of a code must include its parts.",
                code=names[industry.codes[i]],
                jobs=employment[i],
                children=children[i],
            ),
            file=file,
            row=int(rows[i]),
            column=name.get("employment", "employment"),
            fix=Message(
                "check this row's employment: a total (such as NAICS '00') mistyped, withheld "
                "as 0 without a flag, or in other units than its parts."
            ),
        )
        for i in np.flatnonzero(below)[:20]
    ]
    raise DataValidationError(issues)


def settle_withheld(
    values: dict[str, np.ndarray],
    *,
    flag: np.ndarray | None,
    has_employment: bool,
    preset: Any,
    policy: str,
    level_keep: np.ndarray | None,
    industry: Any,
    region: Any,
    year: np.ndarray,
    classification: str,
    rows: np.ndarray,
    file: str,
    name: dict[str, str],
    groups: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray]:
    """The withheld cells found and settled by ``policy``: employment after the policy, the
    withheld mask, the mask of imputed cells (``"impute_residual"``, else None) and the mask
    of the rows kept (the levels asked for under imputation, the rows not dropped)."""
    employment = values["employment"]
    # without an employment column nothing is withheld: employment is unknown, not suppressed
    withheld_mask = np.isnan(employment) & has_employment
    if flag is not None and has_employment:
        withheld_mask |= np.isin(flag, list(FLAG_RANGES))
    if preset is not None and preset.zero_is_withheld:
        estab = values["establishments"]
        withheld_mask |= (employment == 0) & ~(estab < preset.min_establishments)
    imputed = None
    if not has_employment:  # no policy to apply; levels were not selected on reading under impute
        kept = np.ones(len(employment), dtype=bool) if level_keep is None else level_keep
    elif policy == "impute_residual":
        employment, imputed = _impute_residual(
            employment,
            withheld_mask,
            values,
            industry,
            region,
            year,
            classification,
            rows,
            file,
            name,
            groups,
        )
        kept = np.ones(len(employment), dtype=bool) if level_keep is None else level_keep
    else:
        employment, kept = _apply_policy(
            policy, employment, withheld_mask, flag, rows, file, name, preset is not None
        )
    return employment, withheld_mask, imputed, kept
