"""What the registry's form entries share (actors, clusters, ties, waves, KPIs, roadmap edits):
reading one text field of a submitted form, and naming a refused field in a
:class:`grappe.errors.ValidationIssue` whose file is ``"form"``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from grappe.errors import ValidationIssue

__all__ = ["FORM", "form_issue", "form_text"]

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
