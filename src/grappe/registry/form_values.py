"""What the registry's form entries share (actors, clusters, ties, waves, KPIs, roadmap edits):
reading one text field of a submitted form, and naming a refused field in a
:class:`grappe.errors.ValidationIssue` whose file is ``"form"``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from grappe.errors import ValidationIssue

__all__ = ["FORM", "form_date", "form_issue", "form_text"]

#: The ``file`` of an issue found in a web form (the page shows it next to its field).
FORM = "form"


def form_text(values: Mapping[str, Any], key: str) -> str:
    """The text of field ``key`` with spaces trimmed; ``""`` when absent or None.

    >>> form_text({"name": "  Bardo "}, "name"), form_text({}, "name")
    ('Bardo', '')
    """
    value = values.get(key)
    return "" if value is None else str(value).strip()


def form_issue(message: str, column: str, fix: str | None = None) -> ValidationIssue:
    """An issue of the form's field ``column``."""
    return ValidationIssue(message, file=FORM, column=column, fix=fix)


def form_date(
    values: Mapping[str, Any], key: str, issues: list[ValidationIssue], *, what: str = "The date"
) -> dt.date | None:
    """The date of field ``key`` (``YYYY-MM-DD``), None when blank; a bad one adds an issue
    (``what`` names it in the message) to ``issues`` and gives None.

    >>> issues = []
    >>> form_date({"date": "2024-03-01"}, "date", issues)
    datetime.date(2024, 3, 1)
    >>> form_date({"date": "1/3/24"}, "date", issues) is None
    True
    >>> issues[0].message
    "The date must read YYYY-MM-DD; got '1/3/24'."
    """
    text = form_text(values, key)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        issues.append(form_issue(f"{what} must read YYYY-MM-DD; got {text!r}.", key))
        return None
