"""The roadmap as pages show it: by phase with names in the page's language, and as a timeline
(:func:`grappe.web.gantt_svg.gantt_drawing`). Used by the profile (``/clusters/<id>``) and the
roadmap editor (``/clusters/<id>/roadmap``)."""

from __future__ import annotations

from typing import Any

from grappe.roadmap import PHASES, Roadmap
from grappe.web.gantt_svg import gantt_drawing
from grappe.web.i18n import direction, format_year, translations

__all__ = ["mode_names", "roadmap_gantt", "roadmap_view", "status_names"]


def mode_names(lang: str) -> dict[str, str]:
    """Construction modes (:data:`grappe.roadmap.MODES`) in ``lang``."""
    _ = translations(lang).gettext
    return {"bottom_up": _("Bottom-up"), "top_down": _("Top-down")}


def status_names(lang: str) -> dict[str, str]:
    """Statuses of actions (:data:`grappe.vocabulary.STATUSES`) in ``lang``."""
    _ = translations(lang).gettext
    return {
        "planned": _("Planned"),
        "ongoing": _("Ongoing"),
        "done": _("Done"),
        "delayed": _("Delayed"),
        "cancelled": _("Cancelled"),
    }


def roadmap_view(roadmap: Roadmap | None, lang: str) -> dict[str, Any] | None:
    """The roadmap laid out by phase, with names in ``lang`` (phases and deliverables carry
    their own FR/AR/EN names in :data:`grappe.roadmap.PHASES`)."""
    if roadmap is None:
        return None
    _ = translations(lang).gettext
    statuses = status_names(lang)
    modes = mode_names(lang)
    phases = []
    for phase in PHASES:
        phases.append(
            {
                "number": phase.number,
                "name": phase.names[lang],
                "deliverables": [
                    (names[lang], statuses.get(roadmap.deliverables[key], ""))
                    for key, names in phase.deliverables.items()
                    if key in roadmap.deliverables
                ],
                "actions": [
                    {
                        "action": a,
                        "status": statuses[a.status],
                        "milestones_done": sum(m.done for m in a.milestones),
                    }
                    for a in roadmap.actions
                    if a.phase == phase.key
                ],
            }
        )
    return {
        "mode": modes.get(roadmap.mode, roadmap.mode),
        "challenges": list(roadmap.challenges),
        "phases": phases,
    }


def roadmap_gantt(roadmap: Roadmap, lang: str) -> dict[str, Any] | None:
    """The roadmap's timeline (:func:`grappe.web.gantt_svg.gantt_drawing`) with the axis named
    in ``lang`` (Babel's abbreviated month names, the page's digits) and a legend of statuses."""
    from babel.dates import format_date

    drawing = gantt_drawing(
        roadmap,
        lang=lang,
        rtl=direction(lang) == "rtl",
        month_name=lambda d: format_date(d, "MMM", locale=lang),
        year_name=lambda y: format_year(y, lang),
    )
    if drawing is not None:
        names = status_names(lang)
        shown = dict.fromkeys(a.status for a in roadmap.actions)
        drawing["legend"] = [(status, names.get(status, status)) for status in shown]
    return drawing
