"""Check one actor or one tie as :func:`~grappe.network.build_network` does (no I/O).

The registry (``POST /actors``, ``POST /ties``, the ``actors`` and ``ties`` imports) checks
each record through these functions, so that what the kernel refuses the API and the imports
refuse with the same words: the messages come from the same code as the kernel's
(:mod:`grappe.network._tables`). Words are read as the kernel reads them (any case, aliases
such as ``firm`` → ``enterprise`` or ``money`` → ``funding``) and returned canonical.

A record may leave ``sphere``, ``level`` and ``strength`` empty (the registry keeps actors
whose sphere is not known yet); a value that is given must be one the kernel accepts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from grappe.errors import ValidationIssue
from grappe.network._tables import (
    ACTOR_VOCABULARIES,
    TYPE_ALIASES,
    check_self_ties,
    check_words,
    parse_strengths,
)
from grappe.vocabulary import STRENGTH_SCALE, TIE_TYPES

__all__ = ["check_actor", "check_tie"]


def _rows(row: int | None) -> np.ndarray:
    return np.array([0 if row is None else row])


def _one(values: np.ndarray) -> Any:
    value = values[0]
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else value


def _fix_rows(issues: list[ValidationIssue], row: int | None) -> list[ValidationIssue]:
    if row is not None:
        return issues
    return [
        ValidationIssue(i.message, file=i.file, row=None, column=i.column, fix=i.fix)
        for i in issues
    ]


def check_actor(
    record: Mapping[str, Any], *, file: str | None = None, row: int | None = None
) -> tuple[dict[str, Any], list[ValidationIssue]]:
    """The actor's ``sphere``, ``level`` and ``ownership`` made canonical, and its problems.

    Parameters
    ----------
    record : mapping
        An actor: ``sphere``, ``level``, ``ownership`` are checked when present and not empty;
        other keys are passed through.
    file, row : optional
        Where the record comes from, reported in the issues.

    Returns
    -------
    (dict, list of ValidationIssue)
        The record with canonical words, and the issues (empty when valid), with the kernel's
        messages (``Unknown sphere 'banana'.``).

    Examples
    --------
    >>> rec, issues = check_actor({"id": "a", "sphere": "Firm", "level": "galactic"})
    >>> rec["sphere"], [(i.column, i.message) for i in issues]
    ('enterprise', [('level', "Unknown level 'galactic'.")])
    """
    issues: list[ValidationIssue] = []
    out = dict(record)
    rows = _rows(row)
    for column in ACTOR_VOCABULARIES:
        if column in record:
            words = check_words([record[column]], column, rows, file, issues, optional=True)
            out[column] = _one(words)
    return out, _fix_rows(issues, row)


def check_tie(
    record: Mapping[str, Any],
    *,
    strength_scale: tuple[float, float] = STRENGTH_SCALE,
    file: str | None = None,
    row: int | None = None,
) -> tuple[dict[str, Any], list[ValidationIssue]]:
    """The tie's ``type`` and ``strength`` made canonical, and its problems.

    Checks what :func:`~grappe.network.build_network` checks on one row: the tie type (with
    its aliases), the strength on ``strength_scale`` (a number or ``weak``/``medium``/
    ``strong``; empty allowed), and that the tie links two different actors.

    Examples
    --------
    >>> rec, issues = check_tie({"source": "a", "target": "a", "type": "money", "strength": 9})
    >>> rec["type"], [(i.column, i.message) for i in issues]
    ('funding', [('target', "Self-tie: actor 'a' is tied to itself."), ('strength', "The strength '9' is off the scale [1, 3].")])
    """  # noqa: E501
    issues: list[ValidationIssue] = []
    out = dict(record)
    rows = _rows(row)
    source = np.array([record.get("source")], dtype=object)
    target = np.array([record.get("target")], dtype=object)
    check_self_ties(source, target, rows, file, issues)
    if record.get("type") not in (None, ""):  # a missing type is the caller's required field
        words = check_words(
            [record["type"]],
            "type",
            rows,
            file,
            issues,
            optional=False,
            vocabulary=(TIE_TYPES, TYPE_ALIASES),
        )
        out["type"] = _one(words)
    if record.get("strength") is not None:
        raw = record["strength"]
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)  # 9.0 from a JSON body reads "9", as in a file
        frame = pd.DataFrame({"strength": [raw]}, dtype=object)
        value = parse_strengths(frame, rows, file, tuple(map(float, strength_scale)), issues)
        out["strength"] = None if np.isnan(value[0]) else float(value[0])
    return out, _fix_rows(issues, row)
