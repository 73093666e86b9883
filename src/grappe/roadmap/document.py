"""A roadmap document (the mapping of a roadmap YAML file or API body) → :class:`Roadmap`.

The one parser of roadmaps (no I/O): :meth:`grappe.roadmap.Roadmap.from_dict` calls
:func:`roadmap_from_dict`, and :func:`grappe.io.assess.read_roadmap` (``grappe roadmap show``),
the registry (:func:`grappe.registry.roadmaps.parse_roadmap`) and the API
(``PUT /clusters/{id}/roadmap``) all go through it, so a bad document gets the same issues
everywhere. It checks the shape :func:`~grappe.roadmap.build_roadmap` expects (a mapping with
``cluster``, ``mode``, an ``actions`` list of mappings, ``deliverables`` a mapping, ``actors`` a
list, ``challenges`` a list of texts; printable texts no longer than the stored fields), then
builds the roadmap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from grappe.errors import DataValidationError, ValidationIssue
from grappe.i18n import Message
from grappe.roadmap.actions import Roadmap, build_roadmap

__all__ = ["CHALLENGE_WIDTH", "roadmap_from_dict"]

# Longest text of each field (the registry stores them in columns of these widths).
_WIDTHS = {"id": 64, "title": 300, "owner": 200}
#: Longest priority challenge, in characters.
CHALLENGE_WIDTH = 300
# Control characters (PostgreSQL refuses NUL in text; the others break pages).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _texts(action: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """(field, value) of every text stored from an action."""
    out = [(k, action.get(k)) for k in ("id", "title", "owner", "currency", "phase", "status")]
    partners = action.get("partners")
    out += [("partners", p) for p in (partners if isinstance(partners, list) else [partners])]
    milestones = action.get("milestones")
    if isinstance(milestones, list):
        out += [("milestones", m.get("name")) for m in milestones if isinstance(m, Mapping)]
    return out


def roadmap_from_dict(
    data: Any,
    *,
    file: str | None = "roadmap",
    rows: Iterable[int] | None = None,
    actors: Iterable[str] | None = None,
) -> Roadmap:
    """Validate a roadmap document and build the :class:`Roadmap` (see
    :meth:`Roadmap.from_dict`)."""
    if not isinstance(data, Mapping) or not isinstance(data.get("actions"), list):
        raise DataValidationError(
            ValidationIssue(
                Message("The roadmap has no 'actions' list."),
                file=file,
                column="actions",
                fix=Message("Write 'cluster:', 'mode:' and 'actions:' keys (see docs/roadmap.md)."),
            )
        )
    issues = [
        ValidationIssue(
            Message("The roadmap has no {key!r}.", key=key),
            file=file,
            column=key,
            fix=Message("Add '{key}:' (mode is bottom_up or top_down).", key=key),
        )
        for key in ("cluster", "mode")
        if not isinstance(data.get(key), str) or not data[key].strip() or _CONTROL.search(data[key])
    ]
    for key, kind in (("deliverables", Mapping), ("actors", list)):
        if data.get(key) is not None and not isinstance(data[key], kind):
            issues.append(
                ValidationIssue(
                    Message("The roadmap's {key!r} is not a mapping.", key=key)
                    if kind is Mapping
                    else Message("The roadmap's {key!r} is not a list.", key=key),
                    file=file,
                    column=key,
                    fix=Message("See docs/roadmap.md for the shape of a roadmap."),
                )
            )
    issues.extend(_challenge_issues(data.get("challenges"), file))
    lines = list(rows) if rows is not None else []
    for k, action in enumerate(data["actions"]):
        issues.extend(_shape_issues(action, lines[k] if k < len(lines) else k + 1, file))
    if issues:
        raise DataValidationError(issues)
    return build_roadmap(
        data["actions"],
        cluster=data["cluster"],
        mode=data["mode"],
        deliverables=data.get("deliverables"),
        challenges=data.get("challenges"),
        actors=data.get("actors") if actors is None else actors,
        file=file,
        rows=rows,
    )


def _challenge_issues(challenges: Any, file: str | None) -> list[ValidationIssue]:
    """A ``challenges`` value that is not a list of printable texts of at most
    :data:`CHALLENGE_WIDTH` characters."""
    if challenges is None:
        return []
    if not isinstance(challenges, list) or not all(isinstance(c, str) for c in challenges):
        return [
            ValidationIssue(
                Message("The roadmap's 'challenges' is not a list of texts."),
                file=file,
                column="challenges",
                fix=Message("Write the priority challenges as a list of texts."),
            )
        ]
    out = []
    if any(_CONTROL.search(c) for c in challenges):
        out.append(
            ValidationIssue(
                Message("A priority challenge contains a control character."),
                file=file,
                column="challenges",
                fix=Message("Remove control characters (such as NUL or tabs)."),
            )
        )
    if any(len(c.strip()) > CHALLENGE_WIDTH for c in challenges):
        out.append(
            ValidationIssue(
                Message(
                    "A priority challenge is longer than {width} characters.", width=CHALLENGE_WIDTH
                ),
                file=file,
                column="challenges",
                fix=Message("Shorten it to {width} characters at most.", width=CHALLENGE_WIDTH),
            )
        )
    return out


def _shape_issues(action: Any, row: int, file: str) -> list[ValidationIssue]:
    """Problems of shape that :func:`build_roadmap` expects the reader to have ruled out."""
    if not isinstance(action, Mapping):
        return [
            ValidationIssue(
                Message("The action is not a mapping."),
                file=file,
                row=row,
                fix=Message("Write each action as id, title, phase, owner, start, end… keys."),
            )
        ]
    out = []
    milestones = action.get("milestones")
    if milestones is not None and (
        not isinstance(milestones, list) or not all(isinstance(m, Mapping) for m in milestones)
    ):
        out.append(
            ValidationIssue(
                Message(
                    "The action's milestones are not a list of {shape}.", shape="{name, date, done}"
                ),
                file=file,
                row=row,
                column="milestones",
                fix=Message("Write milestones as a list of mappings with name, date and done."),
            )
        )
    for key, value in _texts(action):
        if isinstance(value, str) and _CONTROL.search(value):
            out.append(
                ValidationIssue(
                    Message("The action's {key!r} contains a control character.", key=key),
                    file=file,
                    row=row,
                    column=key,
                    fix=Message("Remove control characters (such as NUL or tabs) from the text."),
                )
            )
    for key, width in _WIDTHS.items():
        if len(str(action.get(key) or "")) > width:
            out.append(
                ValidationIssue(
                    Message(
                        "The action's {key!r} is longer than {width} characters.",
                        key=key,
                        width=width,
                    ),
                    file=file,
                    row=row,
                    column=key,
                    fix=Message("Shorten it to {width} characters at most.", width=width),
                )
            )
    return out
