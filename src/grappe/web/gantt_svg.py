"""Layout of a roadmap as a timeline (Gantt-style) chart drawn server-side as SVG.

One bar per action from its start to its end, coloured by status (CSS classes of ``site.css``),
grouped under their phase, milestones as diamonds (filled when done), a time axis by month
with the years named. Arabic pages lay the time axis from right to left and put the names on
the right.

Why SVG from the server rather than Chart.js floating bars: Chart.js needs a date adapter
(another vendored library) for a time axis; a server-side drawing needs no script at all, so it
shows under the strict Content-Security-Policy, without JavaScript, in print and in the PDF
report's HTML alike, and its right-to-left mirror is a subtraction done once, here, and tested.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from grappe.roadmap import PHASES, Roadmap

__all__ = ["gantt_drawing"]


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def gantt_drawing(
    roadmap: Roadmap,
    *,
    lang: str,
    rtl: bool = False,
    month_name: Callable[[dt.date], str] = lambda d: str(d.month),
    year_name: Callable[[int], str] = str,
    width: int = 880,
    label_width: int = 260,
    row: int = 22,
) -> dict[str, Any] | None:
    """Coordinates of the roadmap's timeline for ``partials/gantt.html``; None without actions.

    Parameters
    ----------
    roadmap : Roadmap
    lang : str
        Language of the phase names (:data:`grappe.roadmap.PHASES` carries them).
    rtl : bool
        Time from right to left and names on the right (Arabic pages).
    month_name, year_name : callable
        Month and year labels of the axis in the page's language.
    width, label_width, row : int
        Size of the drawing, of the names' column and of a row, in SVG units.

    Examples
    --------
    >>> import datetime as dt
    >>> from grappe.roadmap import Action, Roadmap
    >>> a = Action("A1", "Workshop", "mobilise", "CCI", 0.0, "DZD", (),
    ...            dt.date(2024, 1, 1), dt.date(2024, 2, 29), (), "done")
    >>> g = gantt_drawing(Roadmap("r", "bottom_up", (a,), {}), lang="en")
    >>> [(b["x"], b["width"]) for b in g["bars"]], [t["label"] for t in g["ticks"]][:2]
    ([(260.0, 620.0)], ['2024', '2'])
    >>> g = gantt_drawing(Roadmap("r", "bottom_up", (a,), {}), lang="en", rtl=True)
    >>> [(b["x"], b["width"]) for b in g["bars"]]
    [(0.0, 620.0)]
    """
    actions = list(roadmap.actions)
    if not actions:
        return None
    days = [a.start for a in actions] + [a.end for a in actions]
    days += [m.date for a in actions for m in a.milestones]
    first = _month_start(min(days))
    last = _next_month(max(days))
    span = (last - first).days
    plot = width - label_width
    plot_left = 0 if rtl else label_width

    def x_of(day: dt.date) -> float:
        offset = plot * (day - first).days / span
        return round(plot_left + (plot - offset if rtl else offset), 1)

    axis = 28
    y = axis
    groups: list[dict[str, Any]] = []
    bars: list[dict[str, Any]] = []
    marks: list[dict[str, Any]] = []
    label_x = width - 6 if rtl else label_width - 6
    for phase in PHASES:
        own = [a for a in actions if a.phase == phase.key]
        if not own:
            continue
        groups.append({"name": phase.names[lang], "y": y + row * 0.7, "line": y})
        y += row
        for a in own:
            left, right = sorted((x_of(a.start), x_of(a.end + dt.timedelta(days=1))))
            bars.append({
                "title": a.title, "status": a.status, "x": left, "width": round(right - left, 1),
                "y": y + 4, "height": row - 8, "label_y": y + row * 0.7,
                "start": a.start.isoformat(), "end": a.end.isoformat(),
            })  # fmt: skip
            for m in a.milestones:
                mx, my, r = x_of(m.date), y + row / 2, 5
                points = f"{mx},{my - r} {mx + r},{my} {mx},{my + r} {mx - r},{my}"
                marks.append({"points": points, "name": m.name, "date": m.date.isoformat(),
                              "done": m.done})  # fmt: skip
            y += row
    ticks = []
    month = first
    while month <= last:
        is_year = month.month == 1 or month == first
        ticks.append({
            "x": x_of(month),
            "label": year_name(month.year) if is_year else month_name(month),
            "major": is_year,
        })  # fmt: skip
        month = _next_month(month)
    if len(ticks) > 24:  # a long plan names the years only
        ticks = [t if t["major"] else {**t, "label": ""} for t in ticks]
    return {
        "width": width,
        "height": y + 6,
        "axis": axis,
        "label_x": label_x,
        "anchor": "end",
        "plot": (min(x_of(first), x_of(last)), max(x_of(first), x_of(last))),
        "groups": groups,
        "bars": bars,
        "marks": marks,
        "ticks": ticks,
    }
