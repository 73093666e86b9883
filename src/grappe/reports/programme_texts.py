"""Texts of the report's programme section listing every programme of a cluster (fr/ar/en).

Merged into :data:`grappe.reports.i18n.T`; the section's other labels (programme, level, last
decision, next evaluation…) are in :mod:`grappe.reports.mission_texts`.
"""

from __future__ import annotations

__all__ = ["PROGRAMMES_T"]

#: Headings and labels of the programme section.
PROGRAMMES_T: dict[str, dict[str, str]] = {
    "programmes_status": {
        "en": "Programmes the cluster is enrolled in",
        "fr": "Programmes auxquels la grappe est inscrite",
        "ar": "البرامج التي سُجِّل فيها العنقود",
    },
    "enrolled_on": {"en": "Enrolled on", "fr": "Inscrite le", "ar": "تاريخ التسجيل"},
    "valid_until": {
        "en": "Label valid until",
        "fr": "Label valable jusqu'au",
        "ar": "العلامة صالحة حتى",
    },
    "no_fixed_validity": {
        "en": "until the next evaluation",
        "fr": "jusqu'à la prochaine évaluation",
        "ar": "حتى التقييم القادم",
    },
    "next_step": {"en": "Next step due", "fr": "Prochaine étape", "ar": "الخطوة القادمة"},
    "periodic_evaluation": {
        "en": "periodic evaluation",
        "fr": "évaluation périodique",
        "ar": "تقييم دوري",
    },
    "no_next_step": {
        "en": "none (the enrolment has ended)",
        "fr": "aucune (l'inscription a pris fin)",
        "ar": "لا شيء (انتهى التسجيل)",
    },
    "latest_decisions": {
        "en": "Latest decisions",
        "fr": "Dernières décisions",
        "ar": "آخر القرارات",
    },
    "no_decision": {
        "en": "no decision yet",
        "fr": "aucune décision pour l'instant",
        "ar": "لا قرار بعد",
    },
    "enrolment_ended": {
        "en": "enrolment ended",
        "fr": "inscription terminée",
        "ar": "تسجيل منتهٍ",
    },
    "enrolment_live": {"en": "ongoing", "fr": "en cours", "ar": "جارٍ"},
}
