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
    # help texts
    "Enrol a cluster in a programme (status applied) and print its eligibility today.": (
        "Inscrit une grappe à un programme (statut : candidature) et affiche son éligibilité "
        "à ce jour.",
        "يسجّل عنقوداً في برنامج (الحالة: مترشح) ويعرض أهليته اليوم.",
    ),
    "Registry cluster id (e.g. auto-mi).": (
        "Identifiant de la grappe dans le registre (par exemple auto-mi).",
        "معرّف العنقود في السجل (مثلاً auto-mi).",
    ),
    "Programme key (grappe programme list).": (
        "Clé du programme (grappe programme list).",
        "مفتاح البرنامج (grappe programme list).",
    ),
    "Date of the application (default: today).": (
        "Date de la candidature (par défaut : aujourd'hui).",
        "تاريخ الترشح (افتراضياً: اليوم).",
    ),
    "A note on the application.": ("Une note sur la candidature.", "ملاحظة حول الترشح."),
    "Evaluate an enrolment on the facts of the cluster's records and apply the decision.": (
        "Évalue une participation sur les faits des registres de la grappe et applique la "
        "décision.",
        "يقيّم تسجيلاً بناءً على معطيات سجلات العنقود ويطبّق القرار.",
    ),
    "Id of the enrolment (grappe programme due).": (
        "Identifiant de la participation (grappe programme due).",
        "معرّف التسجيل (grappe programme due).",
    ),
    "Date of the evaluation (default: today).": (
        "Date de l'évaluation (par défaut : aujourd'hui).",
        "تاريخ التقييم (افتراضياً: اليوم).",
    ),
    "Period the facts describe (e.g. 2024).": (
        "Période que décrivent les faits (par exemple 2024).",
        "الفترة التي تصفها المعطيات (مثلاً 2024).",
    ),
    "Correct a fact: metric=value (repeat the option).": (
        "Corrige un fait : indicateur=valeur (répétez l'option).",
        "يصحّح معطية: المؤشر=القيمة (كرّر الخيار).",
    ),
    "Override the rule's action (with --reason).": (
        "Remplace l'action de la règle (avec --reason).",
        "يستبدل إجراء القاعدة (مع --reason).",
    ),
    "Level of an award, raise or lower override.": (
        "Niveau d'une dérogation qui attribue, relève ou abaisse le label.",
        "مستوى الاستثناء الذي يمنح العلامة أو يرفع مستواها أو يخفضه.",
    ),
    "Why the override.": ("Motif de la dérogation.", "سبب الاستثناء."),
    "List the decisions of an enrolment: date, action (and the rule's), status, who, why.": (
        "Liste les décisions d'une participation : date, action (et celle de la règle), statut, "
        "qui, pourquoi.",
        "يسرد قرارات تسجيل: التاريخ، الإجراء (وإجراء القاعدة)، الحالة، من قرر، ولماذا.",
    ),
    "List the evaluations due within --within days, and the overdue ones.": (
        "Liste les évaluations à faire dans les --within jours, et celles en retard.",
        "يسرد التقييمات المستحقة خلال --within يوماً، والمتأخرة منها.",
    ),
    "Reference date (default: today).": (
        "Date de référence (par défaut : aujourd'hui).",
        "تاريخ المرجع (افتراضياً: اليوم).",
    ),
    "Days ahead an evaluation is announced.": (
        "Nombre de jours avant l'échéance où une évaluation est annoncée.",
        "عدد الأيام التي يُعلَن فيها عن التقييم قبل موعده.",
    ),
}
