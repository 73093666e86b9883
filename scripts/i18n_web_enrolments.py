"""French and Arabic of the programme pages (package enrolments, issue 18): the public
programme pages, the cluster's Programmes section, the evaluation form, the reminders."""

from __future__ import annotations

T_enrolments: dict[str, tuple[str, str]] = {
    "Programmes": ("Programmes", "البرامج"),
    "All programmes": ("Tous les programmes", "كل البرامج"),
    "Who may apply": ("Qui peut candidater", "من يحق له الترشح"),
    "No eligibility criterion.": ("Aucun critère d'éligibilité.", "لا يوجد معيار أهلية."),
    "Statistical criteria on the cluster map:": (
        "Critères statistiques sur la carte des grappes :",
        "المعايير الإحصائية على خريطة العناقيد:",
    ),
    "Admission": ("Admission", "القبول"),
    "decided by: %(who)s": ("décidé par : %(who)s", "تقرره: %(who)s"),
    "Label levels": ("Niveaux du label", "مستويات العلامة"),
    "Criteria": ("Critères", "المعايير"),
    "Valid for": ("Validité", "مدة الصلاحية"),
    "%(n)s years": ("%(n)s ans", "%(n)s سنوات"),
    "One label, awarded on the eligibility criteria.": (
        "Un seul label, attribué sur les critères d'éligibilité.",
        "علامة واحدة تُمنح وفق معايير الأهلية.",
    ),
    "Evaluations": ("Évaluations", "التقييمات"),
    "Evaluated every %(n)s months.": (
        "Évalué tous les %(n)s mois.",
        "يُقيَّم كل %(n)s شهراً.",
    ),
    "No fixed evaluation calendar.": (
        "Pas de calendrier d'évaluation fixe.",
        "لا يوجد جدول زمني ثابت للتقييم.",
    ),
    "After failed evaluations in a row:": (
        "Après des évaluations non satisfaites consécutives :",
        "بعد تقييمات متتالية غير مستوفية:",
    ),
    "Labelled clusters": ("Grappes labellisées", "العناقيد الحاصلة على العلامة"),
    "Applied on": ("Candidature le", "تاريخ الترشح"),
    "No published cluster holds this label yet.": (
        "Aucune grappe publiée ne détient encore ce label.",
        "لا يحمل أي عنقود منشور هذه العلامة بعد.",
    ),
    "Sources": ("Sources", "المصادر"),
    "Evaluate: %(programme)s": ("Évaluer : %(programme)s", "التقييم: %(programme)s"),
    "The rule's decision on the facts found: %(action)s": (
        "Décision de la règle sur les faits trouvés : %(action)s",
        "قرار القاعدة بناءً على المعطيات المتوفرة: %(action)s",
    ),
    "Record the evaluation": ("Enregistrer l'évaluation", "تسجيل التقييم"),
    "Each fact is read from the cluster's records on the date; correct a value and it is "
    "recorded as typed. The rule decides on the values sent.": (
        "Chaque fait est lu dans les registres de la grappe à la date choisie ; une valeur "
        "corrigée est enregistrée comme saisie. La règle décide sur les valeurs envoyées.",
        "تُقرأ كل معطية من سجلات العنقود في التاريخ المحدد؛ وكل قيمة مصحَّحة تُسجَّل على أنها "
        "مُدخلة يدوياً. تقرر القاعدة بناءً على القيم المرسلة.",
    ),
    "Facts": ("Faits", "المعطيات"),
    "Source: %(source)s": ("Source : %(source)s", "المصدر: %(source)s"),
    "No record: type the value.": (
        "Aucun enregistrement : saisissez la valeur.",
        "لا يوجد سجل: أدخل القيمة.",
    ),
    "Override (optional)": ("Dérogation (facultative)", "استثناء (اختياري)"),
    "Action taken": ("Action retenue", "الإجراء المتخذ"),
    "The rule's action": ("Action de la règle", "إجراء القاعدة"),
    "No level": ("Aucun niveau", "بلا مستوى"),
    "Why (needed for an override)": (
        "Motif (obligatoire pour une dérogation)",
        "السبب (إلزامي في حالة الاستثناء)",
    ),
    "Decide and store": ("Décider et enregistrer", "اتخاذ القرار وحفظه"),
    "Programmes and labels": ("Programmes et labels", "البرامج والعلامات"),
    "Failed evaluations in a row: %(n)s": (
        "Évaluations non satisfaites consécutives : %(n)s",
        "تقييمات متتالية غير مستوفية: %(n)s",
    ),
    "Next evaluation: %(date)s": ("Prochaine évaluation : %(date)s", "التقييم القادم: %(date)s"),
    "Evaluate": ("Évaluer", "تقييم"),
    "Eligibility today": ("Éligibilité à ce jour", "الأهلية اليوم"),
    "eligible": ("éligible", "مؤهل"),
    "not eligible": ("non éligible", "غير مؤهل"),
    "No record gives: %(metrics)s. Enter them in the evaluation form.": (
        "Aucun enregistrement ne donne : %(metrics)s. Saisissez-les dans le formulaire "
        "d'évaluation.",
        "لا يوجد سجل يعطي: %(metrics)s. أدخلها في استمارة التقييم.",
    ),
    "Decisions": ("Décisions", "القرارات"),
    "Decided by": ("Décidé par", "قرره"),
    "override": ("dérogation", "استثناء"),
    "No decision yet.": ("Aucune décision pour l'instant.", "لا يوجد قرار بعد."),
    "The cluster is in no programme yet.": (
        "La grappe ne participe encore à aucun programme.",
        "لا يشارك العنقود في أي برنامج بعد.",
    ),
    "Apply for a programme": ("Candidater à un programme", "الترشح لبرنامج"),
    "Programme": ("Programme", "البرنامج"),
    "Date of the application": ("Date de la candidature", "تاريخ الترشح"),
    "Note": ("Note", "ملاحظة"),
    "Apply": ("Candidater", "ترشح"),
    "Cluster programmes and labels a cluster may apply for: who may join, how the label is "
    "awarded, and when it is evaluated again.": (
        "Programmes et labels auxquels une grappe peut candidater : qui peut y entrer, comment "
        "le label est attribué et quand il est réévalué.",
        "برامج العناقيد والعلامات التي يمكن لعنقود الترشح لها: من يحق له الانضمام، وكيف تُمنح "
        "العلامة، ومتى يُعاد تقييمها.",
    ),
    "Levels": ("Niveaux", "المستويات"),
    "Evaluated every": ("Évalué tous les", "يُقيَّم كل"),
    "%(n)s months": ("%(n)s mois", "%(n)s شهراً"),
    "Criterion": ("Critère", "المعيار"),
    "Met": ("Satisfait", "مستوفى"),
    "missing": ("manquant", "غير متوفر"),
    "Evaluations due": ("Évaluations à faire", "التقييمات المستحقة"),
    "overdue since %(date)s (%(n)s days)": (
        "en retard depuis le %(date)s (%(n)s jours)",
        "متأخر منذ %(date)s (%(n)s يوماً)",
    ),
    "due on %(date)s (in %(n)s days)": (
        "prévue le %(date)s (dans %(n)s jours)",
        "مستحق في %(date)s (بعد %(n)s يوماً)",
    ),
    "Choose a programme from the list.": (
        "Choisissez un programme dans la liste.",
        "اختر برنامجاً من القائمة.",
    ),
    "The note: 2,000 characters at most.": (
        "La note : 2 000 caractères au plus.",
        "الملاحظة: 2000 حرف على الأكثر.",
    ),
    "Write a number, e.g. 12 or 0.5, or leave it empty when unknown.": (
        "Écrivez un nombre, par exemple 12 ou 0,5, ou laissez vide si la valeur est inconnue.",
        "اكتب عدداً، مثلاً 12 أو 0.5، أو اترك الخانة فارغة إن كانت القيمة مجهولة.",
    ),
    "Say why you take another action than the rule's (2,000 characters at most).": (
        "Indiquez pourquoi vous retenez une autre action que celle de la règle (2 000 "
        "caractères au plus).",
        "بيّن سبب اتخاذك إجراءً غير إجراء القاعدة (2000 حرف على الأكثر).",
    ),
    "Choose an action from the list, or the rule's.": (
        "Choisissez une action dans la liste, ou celle de la règle.",
        "اختر إجراءً من القائمة، أو إجراء القاعدة.",
    ),
    "The cluster is already in this programme: evaluate it below.": (
        "La grappe participe déjà à ce programme : évaluez-la ci-dessous.",
        "العنقود مسجَّل بالفعل في هذا البرنامج: قيّمه أدناه.",
    ),
    "Choose the level this action gives (to award, raise or lower a label).": (
        "Choisissez le niveau que donne cette action (pour attribuer, relever ou abaisser un "
        "label).",
        "اختر المستوى الذي يمنحه هذا الإجراء (لمنح علامة أو رفع مستواها أو خفضه).",
    ),
    "The date is before the last decision's: evaluations follow each other in time.": (
        "La date précède celle de la dernière décision : les évaluations se suivent dans le temps.",
        "التاريخ سابق لتاريخ آخر قرار: تتوالى التقييمات في الزمن.",
    ),
    "This enrolment is closed (refused, withdrawn or expired): enrol the cluster again to "
    "reapply.": (
        "Cette participation est close (refusée, retirée ou expirée) : inscrivez de nouveau la "
        "grappe pour candidater.",
        "هذا التسجيل مغلق (مرفوض أو مسحوب أو منتهي الصلاحية): سجّل العنقود من جديد لإعادة الترشح.",
    ),
    "A record could not be read: %(problem)s": (
        "Un enregistrement n'a pas pu être lu : %(problem)s",
        "تعذّرت قراءة سجل: %(problem)s",
    ),
}
