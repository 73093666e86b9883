"""French and Arabic of ``grappe programme enrol|evaluate|decisions|due`` (package enrolments,
issue 18)."""

from __future__ import annotations

CLI_T_enrolments: dict[str, tuple[str, str]] = {
    "Enrolment {id}: {cluster} applied for {programme}.": (
        "Participation {id} : {cluster} a candidaté à {programme}.",
        "التسجيل {id}: ترشح {cluster} لبرنامج {programme}.",
    ),
    "Eligibility": ("Éligibilité", "الأهلية"),
    "Missing facts: {metrics}": ("Faits manquants : {metrics}", "معطيات غير متوفرة: {metrics}"),
    "criterion": ("critère", "المعيار"),
    "source": ("source", "المصدر"),
    "Evaluation of {date}": ("Évaluation du {date}", "تقييم {date}"),
    "Decision {id}: {action} (the rule: {rule}); status {status}, level {level}.": (
        "Décision {id} : {action} (la règle : {rule}) ; statut {status}, niveau {level}.",
        "القرار {id}: {action} (القاعدة: {rule})؛ الحالة {status}، المستوى {level}.",
    ),
    "Decisions of enrolment {id}": ("Décisions de la participation {id}", "قرارات التسجيل {id}"),
    "period": ("période", "الفترة"),
    "action": ("action", "الإجراء"),
    "level": ("niveau", "المستوى"),
    "No evaluation due.": ("Aucune évaluation à faire.", "لا يوجد تقييم مستحق."),
    "enrolment": ("participation", "التسجيل"),
    "programme": ("programme", "البرنامج"),
    "days": ("jours", "الأيام"),
    "{n} days late": ("{n} jours de retard", "متأخر {n} يوماً"),
}
