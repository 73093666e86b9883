"""French and Arabic of the web strings of the report job's programme choice (package
reportprogs: a report shows every programme a cluster is enrolled in): msgid -> (French,
Arabic)."""

from __future__ import annotations

T_reportprogs: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    "ended": ("terminée", "منتهٍ"),
    "Programmes shown (none ticked: every programme the cluster is enrolled in)": (
        "Programmes présentés (aucun coché : tous les programmes auxquels la grappe est "
        "inscrite)",
        "البرامج المعروضة (إن لم يُحدَّد أي منها: كل البرامج التي سُجِّل فيها العنقود)",
    ),
    "Tick programmes the cluster is enrolled in (none: every programme).": (
        "Cochez des programmes auxquels la grappe est inscrite (aucun : tous les programmes).",
        "حدِّد برامج سُجِّل فيها العنقود (إن لم يُحدَّد أي منها: كل البرامج).",
    ),
}
