"""Build, validate, expand and check cluster definitions (no file access)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from grappe._validation import check_option
from grappe.codes import (
    CLASSIFICATIONS,
    ancestors,
    is_ancestor,
    nested_pairs,
    normalize_code,
    validate_codes,
)
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.model import DEFINITION_COLUMNS, ClusterDefinitions

__all__ = [
    "CoverageReport",
    "coverage_report",
    "definitions_from_frame",
    "expand_definitions",
]

_DUPLICATES = ("raise", "first")


def require_type(value: Any, kind: type, name: str, *, func: str) -> None:
    """A clear error for an argument of the wrong type (instead of an AttributeError later)."""
    if not isinstance(value, kind):
        raise InvalidParameterError(
            f"The {name!r} parameter of {func} must be a {kind.__name__}. "
            f"Got {type(value).__name__} instead."
        )


def require_codes(codes: Any, *, func: str) -> None:
    """A list of codes, not one code (a string would be read digit by digit)."""
    if isinstance(codes, str | bytes) or not isinstance(codes, Iterable):
        raise InvalidParameterError(
            f"The 'codes' parameter of {func} must be a list of industry codes. "
            f"Got {codes!r} instead."
        )


def definitions_from_frame(
    frame: pd.DataFrame,
    *,
    name: str = "custom",
    classification: str = "custom",
    source: str | None = None,
    provenance: str | None = None,
    duplicates: str = "raise",
    rows: Iterable[int] | None = None,
    column_names: dict[str, str] | None = None,
) -> ClusterDefinitions:
    """Validate a table of cluster definitions and return a :class:`ClusterDefinitions`.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``code`` and ``cluster`` (required), ``cluster_name``, ``subcluster``,
        ``cluster_type`` (optional; default the cluster code, NA and ``"traded"``); other
        columns (e.g. ``description``) are kept. A code may be a prefix rule: NACE ``10`` covers
        all of division 10 (see :func:`expand_definitions`).
    name, classification, source, provenance : str
        Metadata of the set; codes are validated and normalised for ``classification``.
    duplicates : {"raise", "first"}
        A code listed twice, or covered by two rules of different clusters (``10`` in one
        cluster and ``10.11`` in another), is refused; ``"first"`` keeps the first rule in
        table order and drops the others.
    rows : iterable of int or None, optional
        Row of each line of ``frame`` in its file, for the messages (default: a CSV file's
        rows, the header being row 1); ``None`` entries for files without rows (YAML).
    column_names : dict, optional
        Our column name → the file's, for the messages; ``source`` names the file.

    Returns
    -------
    ClusterDefinitions

    Raises
    ------
    InvalidParameterError
        If ``frame`` is not a DataFrame, or ``classification`` or ``duplicates`` is unknown.
    DataValidationError
        Missing codes or clusters, malformed codes, a cluster with two names or types, codes
        covered twice (with ``duplicates="raise"``).

    Examples
    --------
    >>> frame = pd.DataFrame({"code": ["10.1", "10.2", "11"], "cluster": ["food"] * 3})
    >>> definitions_from_frame(frame, classification="nace2").codes
    ('101', '102', '11')
    """
    func = "definitions_from_frame"
    classification = check_option(classification, "classification", CLASSIFICATIONS, func=func)
    duplicates = check_option(duplicates, "duplicates", _DUPLICATES, func=func)
    if not isinstance(frame, pd.DataFrame):
        raise InvalidParameterError(
            f"The 'frame' parameter of {func} must be a pandas DataFrame. "
            f"Got {type(frame).__name__} instead."
        )
    col = {c: c for c in (*DEFINITION_COLUMNS, "code")} | dict(column_names or {})
    file = source
    missing = [c for c in ("code", "cluster") if c not in frame.columns]
    if missing:
        raise DataValidationError(
            [
                ValidationIssue(
                    Message(
                        "the required column {column!r} is missing; the columns are {columns}.",
                        column=col[c],
                        columns=list(frame.columns),
                    ),
                    file=file,
                    column=col[c],
                    fix=Message("add a column {column!r}.", column=col[c]),
                )
                for c in missing
            ]
        )
    row_of = np.array(list(rows) if rows is not None else range(2, len(frame) + 2), dtype=object)
    data = frame.reset_index(drop=True).copy()
    for c in ("code", "cluster", "cluster_name", "subcluster", "cluster_type"):
        if c in data:
            data[c] = data[c].map(_text, na_action="ignore").replace("", pd.NA).astype(object)
    issues = []
    for c in ("code", "cluster"):
        issues += [
            ValidationIssue(
                Message("the {field} is missing.", field=c),
                file=file,
                row=_row(row_of[p]),
                column=col[c],
                fix=Message("fill in the {field} or remove the row.", field=c),
            )
            for p in np.flatnonzero(data[c].isna().to_numpy())
        ]
    data = data[data["code"].notna() & data["cluster"].notna()]
    rows_kept = row_of[data.index.to_numpy()]
    data = data.reset_index(drop=True)
    data["code"] = [normalize_code(c, classification) for c in data["code"]]
    if "cluster_name" not in data:
        data["cluster_name"] = data["cluster"]
    data["cluster_name"] = data["cluster_name"].fillna(data["cluster"])
    if "subcluster" not in data:
        data["subcluster"] = pd.NA
    if "cluster_type" not in data:
        data["cluster_type"] = "traded"
    data["cluster_type"] = data["cluster_type"].fillna("traded").str.lower()

    first_row = dict(zip(data["code"][::-1], rows_kept[::-1], strict=True))
    issues += validate_codes(
        data["code"],
        classification,
        file=file,
        column=col["code"],
        rows={k: _row(v) for k, v in first_row.items()},
    )
    for c in ("cluster_name", "cluster_type"):
        counts = data.groupby("cluster", sort=False)[c].nunique()
        for cluster in counts.index[counts > 1]:
            values = sorted(data.loc[data["cluster"] == cluster, c].unique())
            issues.append(
                ValidationIssue(
                    Message(
                        "cluster {cluster!r} has several values of {column!r}: {values}.",
                        cluster=cluster,
                        column=col[c],
                        values=values,
                    ),
                    file=file,
                    column=col[c],
                    fix=Message(
                        "give cluster {cluster!r} one {what}.",
                        cluster=cluster,
                        what=Message("cluster name")
                        if c == "cluster_name"
                        else Message("cluster type"),
                    ),
                )
            )
    drop = _covered_twice(data, rows_kept, classification, file, col["code"], duplicates, issues)
    if issues:
        raise DataValidationError(issues)
    data = data.loc[~drop].reset_index(drop=True)
    ordered = [*DEFINITION_COLUMNS, *[c for c in data.columns if c not in DEFINITION_COLUMNS]]
    return ClusterDefinitions(
        data=data[ordered],
        name=name,
        classification=classification,
        source=source,
        provenance=provenance,
    )


def _row(value: Any) -> int | None:
    return None if value is None else int(value)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _covered_twice(
    data: pd.DataFrame,
    rows: np.ndarray,
    classification: str,
    file: str | None,
    column: str,
    duplicates: str,
    issues: list[ValidationIssue],
) -> np.ndarray:
    """Mask of rules to drop (``"first"``) or issues appended (``"raise"``)."""
    drop = np.zeros(len(data), dtype=bool)
    position = {}
    for p, code in enumerate(data["code"]):
        if code in position:
            drop[p] = True
            if duplicates == "raise":
                issues.append(
                    ValidationIssue(
                        Message(
                            "code {code!r} is listed twice (cluster {cluster!r}, first in row "
                            "{first_row} for cluster {first_cluster!r}).",
                            code=code,
                            cluster=data["cluster"].iat[p],
                            first_row=_row(rows[position[code]]),
                            first_cluster=data["cluster"].iat[position[code]],
                        ),
                        file=file,
                        row=_row(rows[p]),
                        column=column,
                        fix=Message("give each code one cluster, or read with duplicates='first'."),
                    )
                )
        else:
            position[code] = p
    cluster_of = dict(zip(data["code"], data["cluster"], strict=False))
    for outer, inner in nested_pairs(list(position), classification):
        if cluster_of[outer] == cluster_of[inner]:
            continue
        later = max(position[outer], position[inner])
        drop[later] = True
        if duplicates == "raise":
            issues.append(
                ValidationIssue(
                    Message(
                        "code {inner!r} (cluster {inner_cluster!r}) lies inside the rule "
                        "{outer!r} (cluster {outer_cluster!r}), so it is covered twice.",
                        inner=inner,
                        inner_cluster=cluster_of[inner],
                        outer=outer,
                        outer_cluster=cluster_of[outer],
                    ),
                    file=file,
                    row=_row(rows[later]),
                    column=column,
                    fix=Message("remove one of the two rules, or read with duplicates='first'."),
                )
            )
    return drop


def _rule_for(code: str, rules: dict[str, int], groups: list[str], classification: str) -> list:
    """Positions of the rules that cover ``code``."""
    found = [rules[c] for c in (*ancestors(code, classification), code) if c in rules]
    found += [rules[g] for g in groups if is_ancestor(g, code, classification)]
    return sorted(set(found))


def expand_definitions(definitions: ClusterDefinitions, codes: Iterable[str]) -> ClusterDefinitions:
    """Replace prefix rules by the codes of ``codes`` they cover.

    Parameters
    ----------
    definitions : ClusterDefinitions
        Definitions whose codes may be prefixes (NACE ``10`` for division 10).
    codes : iterable of str
        The codes to assign (normalised), e.g. the industries of a
        :class:`~grappe.model.RegionalTable`.

    Returns
    -------
    ClusterDefinitions
        One row per code of ``codes`` covered by a rule, with the rule's cluster (the first
        rule in table order when two cover a code); codes covered by no rule are left out.

    Raises
    ------
    InvalidParameterError
        If ``definitions`` is not a :class:`ClusterDefinitions` or ``codes`` is one string
        instead of a list of codes.

    Examples
    --------
    >>> frame = pd.DataFrame({"code": ["10", "11"], "cluster": ["food", "drinks"]})
    >>> rules = definitions_from_frame(frame, classification="nace2")
    >>> expanded = expand_definitions(rules, ["1011", "1107", "2011"])
    >>> expanded.data[["code", "cluster"]].values.tolist()
    [['1011', 'food'], ['1107', 'drinks']]
    """
    require_type(definitions, ClusterDefinitions, "definitions", func="expand_definitions")
    require_codes(codes, func="expand_definitions")
    data = definitions.data.reset_index(drop=True)
    rules = {}
    for p, c in enumerate(data["code"].astype(str)):
        rules.setdefault(c, p)
    groups = [c for c in rules if "-" in c or "_" in c]
    picked_codes, picked_rows = [], []
    for code in dict.fromkeys(str(c) for c in codes):
        found = _rule_for(code, rules, groups, definitions.classification)
        if found:
            picked_codes.append(code)
            picked_rows.append(found[0])
    out = data.iloc[picked_rows].copy()
    out["code"] = picked_codes
    return ClusterDefinitions(
        data=out.reset_index(drop=True),
        name=definitions.name,
        classification=definitions.classification,
        source=definitions.source,
        provenance=definitions.provenance,
    )


@dataclass(frozen=True)
class CoverageReport:
    """How a set of cluster definitions covers a list of industry codes.

    Attributes
    ----------
    codes : tuple of str
        The distinct codes checked, sorted.
    covered : tuple of str
        Codes covered by exactly one cluster.
    uncovered : tuple of str
        Codes no rule covers (their jobs fall outside every cluster).
    duplicated : tuple of str
        Codes covered by rules of two or more clusters.
    unused : tuple of str
        Rules of the definitions that cover none of the codes.
    """

    codes: tuple[str, ...]
    covered: tuple[str, ...]
    uncovered: tuple[str, ...]
    duplicated: tuple[str, ...]
    unused: tuple[str, ...]

    @property
    def share_covered(self) -> float:
        """Share of the codes covered by exactly one cluster (1.0 for no codes)."""
        return len(self.covered) / len(self.codes) if self.codes else 1.0


def coverage_report(definitions: ClusterDefinitions, codes: Iterable[str]) -> CoverageReport:
    """Which of ``codes`` the definitions cover, miss, or cover twice.

    Parameters
    ----------
    definitions : ClusterDefinitions
        The cluster definitions (rules may be prefixes).
    codes : iterable of str
        Normalised industry codes, e.g. the 6-digit codes of a table.

    Returns
    -------
    CoverageReport

    Raises
    ------
    InvalidParameterError
        If ``definitions`` is not a :class:`ClusterDefinitions` or ``codes`` is one string
        instead of a list of codes.

    Examples
    --------
    >>> frame = pd.DataFrame({"code": ["311111", "311119"], "cluster": ["1", "1"]})
    >>> rules = definitions_from_frame(frame, classification="naics2017")
    >>> report = coverage_report(rules, ["311111", "336411"])
    >>> report.uncovered, report.unused, report.share_covered
    (('336411',), ('311119',), 0.5)
    """
    require_type(definitions, ClusterDefinitions, "definitions", func="coverage_report")
    require_codes(codes, func="coverage_report")
    data = definitions.data.reset_index(drop=True)
    rule_codes = data["code"].astype(str).tolist()
    clusters = data["cluster"].astype(str).tolist()
    positions: dict[str, list[int]] = {}
    for p, c in enumerate(rule_codes):
        positions.setdefault(c, []).append(p)
    groups = [c for c in positions if "-" in c or "_" in c]
    distinct = sorted({str(c) for c in codes})
    covered, uncovered, duplicated, used = [], [], [], set()
    for code in distinct:
        hits = [c for c in (*ancestors(code, definitions.classification), code) if c in positions]
        hits += [g for g in groups if is_ancestor(g, code, definitions.classification)]
        used.update(hits)
        owners = {clusters[p] for h in hits for p in positions[h]}
        if not owners:
            uncovered.append(code)
        elif len(owners) == 1:
            covered.append(code)
        else:
            duplicated.append(code)
    unused = tuple(sorted(c for c in positions if c not in used))
    return CoverageReport(
        codes=tuple(distinct),
        covered=tuple(covered),
        uncovered=tuple(uncovered),
        duplicated=tuple(duplicated),
        unused=unused,
    )
