"""French and Arabic of the programme workflow's rules in the CLI and the kernel (package
progfix, issue 18 gaps): ``grappe programme correct|due|evaluate --token``, label expiry, who
decides: msgid -> (French, Arabic)."""

from __future__ import annotations

CLI_T_progfix: dict[str, tuple[str, str]] = {
    # cli/programme_registry.py: help
    "Act as this API token's role (default: the local admin of the database).": (
        "Agir avec le rôle de ce jeton d'API (par défaut : l'administrateur local de la base).",
        "التصرف بدور رمز الواجهة البرمجية هذا (الافتراضي: المسؤول المحلي لقاعدة البيانات).",
    ),
    "Correct a decision (a wrong fact, date or override) with a reason; the original stays\n"
    "in the audit log and the next evaluation starts from the corrected state.": (
        "Corriger une décision (un fait, une date ou une dérogation erronés) avec un motif ;\n"
        "l'original reste dans le journal d'audit et l'évaluation suivante part de l'état "
        "corrigé.",
        "تصحيح قرار (معطى أو تاريخ أو استثناء خاطئ) مع ذكر السبب؛ يبقى الأصل في سجل التدقيق\n"
        "وينطلق التقييم التالي من الحالة المصحَّحة.",
    ),
    "Id of the decision (grappe programme decisions).": (
        "Identifiant de la décision (grappe programme decisions).",
        "معرّف القرار (grappe programme decisions).",
    ),
    "Why the correction (required).": (
        "Motif de la correction (obligatoire).",
        "سبب التصحيح (إلزامي).",
    ),
    "The action that should have been taken.": (
        "L'action qui aurait dû être prise.",
        "الإجراء الذي كان ينبغي اتخاذه.",
    ),
    "Level of an award, raise or lower.": (
        "Niveau d'une attribution, d'une élévation ou d'un abaissement.",
        "مستوى المنح أو الرفع أو الخفض.",
    ),
    "The right date, YYYY-MM-DD.": ("La bonne date, AAAA-MM-JJ.", "التاريخ الصحيح، YYYY-MM-DD."),
    "A corrected fact: metric=value (repeat the option).": (
        "Un fait corrigé : indicateur=valeur (répéter l'option).",
        "معطى مصحَّح: المؤشر=القيمة (كرّر الخيار).",
    ),
    "The period the facts describe.": (
        "La période que décrivent les faits.",
        "الفترة التي تصفها المعطيات.",
    ),
    "Store the labels expired by the date, then list the evaluations due within --within\n"
    "days, and the overdue ones.": (
        "Enregistrer les labels expirés à la date, puis lister les évaluations dues dans les\n"
        "--within jours, et celles en retard.",
        "تسجيل العلامات المنتهية صلاحيتها في التاريخ، ثم سرد التقييمات المستحقة خلال\n"
        "--within يومًا، والمتأخرة منها.",
    ),
    # cli/programme.py, cli/programme_registry.py: output
    "(recorded in grappe by the role {role})": (
        "(enregistré dans grappe par le rôle {role})",
        "(يسجله في grappe الدور {role})",
    ),
    "Enrolment {id}: the label expired on {date} (decision {decision}).": (
        "Inscription {id} : le label a expiré le {date} (décision {decision}).",
        "التسجيل {id}: انتهت صلاحية العلامة في {date} (القرار {decision}).",
    ),
    "Decision {id} corrected": ("Décision {id} corrigée", "تم تصحيح القرار {id}"),
    "expire": ("expirer", "انتهاء الصلاحية"),
    "(corrected by {who})": ("(corrigée par {who})", "(صحّحه {who})"),
    # programmes (kernel) and registry messages
    "The 'on' parameter of label_state_on must be a date. Got {value!r} instead.": (
        "Le paramètre 'on' de label_state_on doit être une date. Reçu {value!r} à la place.",
        "يجب أن يكون المعامل 'on' في label_state_on تاريخًا. القيمة المستلمة {value!r}.",
    ),
    "{where}.role is {value!r}, not a role.": (
        "{where}.role vaut {value!r}, ce n'est pas un rôle.",
        "{where}.role قيمته {value!r}، وهو ليس دورًا.",
    ),
    "Write one of {roles} (who records the step's decision).": (
        "Écrivez l'un de {roles} (qui enregistre la décision de l'étape).",
        "اكتب أحد الأدوار {roles} (من يسجل قرار المرحلة).",
    ),
    "{who} cannot decide on the label of {programme}: the observatory does (an admin or an "
    "analyst).": (
        "{who} ne peut pas décider du label de {programme} : c'est l'observatoire qui décide (un "
        "administrateur ou un analyste).",
        "لا يمكن لـ{who} أن يقرر علامة {programme}: المرصد هو من يقرر (مسؤول أو محلل).",
    ),
    "{who} cannot decide on the label of {programme}: its step {step!r} is decided by {body}, "
    "recorded by the role {role} (or an admin).": (
        "{who} ne peut pas décider du label de {programme} : son étape {step!r} est décidée par "
        "{body}, enregistrée par le rôle {role} (ou un administrateur).",
        "لا يمكن لـ{who} أن يقرر علامة {programme}: مرحلتها {step!r} يقررها {body}، ويسجلها "
        "الدور {role} (أو مسؤول).",
    ),
    "the level {level} was valid until {date} and was not renewed": (
        "le niveau {level} était valable jusqu'au {date} et n'a pas été renouvelé",
        "كان المستوى {level} صالحًا حتى {date} ولم يُجدَّد",
    ),
    # cli/programme.py: candidates of the stored map
    "The region × cluster cells of a cluster map that meet the programme's statistical\n"
    "criteria (statistically identified clusters, Catalan or US style); without --map, the map\n"
    "the registry stores.": (
        "Les cellules région × grappe d'une carte des grappes qui remplissent les critères\n"
        "statistiques du programme (grappes identifiées statistiquement, à la catalane ou à\n"
        "l'américaine) ; sans --map, la carte enregistrée dans le registre.",
        "خلايا المنطقة × العنقود في خريطة للعناقيد التي تستوفي المعايير الإحصائية للبرنامج\n"
        "(عناقيد محددة إحصائيًا، على الطريقة الكتالونية أو الأمريكية)؛ بدون --map، الخريطة\n"
        "المخزنة في السجل.",
    ),
    "Without --map: the stored map's year (default: latest).": (
        "Sans --map : l'année de la carte enregistrée (par défaut : la plus récente).",
        "بدون --map: سنة الخريطة المخزنة (الافتراضي: الأحدث).",
    ),
    "Without --map: the stored map's definitions set.": (
        "Sans --map : le jeu de définitions de la carte enregistrée.",
        "بدون --map: مجموعة تعريفات الخريطة المخزنة.",
    ),
    "Stored map {definitions}, {year}.": (
        "Carte enregistrée {definitions}, {year}.",
        "الخريطة المخزنة {definitions}، {year}.",
    ),
}
