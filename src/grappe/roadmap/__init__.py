"""Run a cluster's roadmap: the four phases, actions, KPIs, evaluations and labels (no I/O).

See ``docs/roadmap.md``. Read roadmaps, KPI tables and labels with :mod:`grappe.io.assess`.
"""

from grappe.roadmap.actions import STATUSES, Action, Milestone, Roadmap, build_roadmap
from grappe.roadmap.internationalisation import cluster_internationalisation
from grappe.roadmap.kpis import STANDARD_KPIS, Evaluation, check_kpis, evaluate_kpis
from grappe.roadmap.labels import Criterion, Label, LabelCheck, check_label, make_label
from grappe.roadmap.periods import (
    PERIOD_FORMS,
    Period,
    check_member_events,
    member_counts,
    parse_period,
)
from grappe.roadmap.phases import MODES, PHASES, Phase, phase
from grappe.roadmap.records import (
    RecordKpi,
    Records,
    RecordsKpis,
    check_records,
    kpis_from_records,
)

__all__ = [
    "MODES",
    "PERIOD_FORMS",
    "PHASES",
    "STANDARD_KPIS",
    "STATUSES",
    "Action",
    "Criterion",
    "Evaluation",
    "Label",
    "LabelCheck",
    "Milestone",
    "Period",
    "Phase",
    "RecordKpi",
    "Records",
    "RecordsKpis",
    "Roadmap",
    "build_roadmap",
    "check_kpis",
    "check_label",
    "check_member_events",
    "check_records",
    "cluster_internationalisation",
    "evaluate_kpis",
    "kpis_from_records",
    "make_label",
    "member_counts",
    "parse_period",
    "phase",
]
