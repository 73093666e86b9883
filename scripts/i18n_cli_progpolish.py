"""French and Arabic of the registry's errors on enrolments, label decisions and member records
(shown by the command line and, in the page's language, by the workspace's forms) and of
``grappe report --cluster-id`` (package progpolish, issue 18): msgid -> (French, Arabic).
Machine-written, like the rest of the table."""

from __future__ import annotations

CLI_T_progpolish: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/assess.py: grappe report --cluster-id / --database
    "Registry cluster whose stored programme status (enrolments, decisions) the report shows, "
    "instead of --programme.": (
        "Grappe du registre dont le rapport montre la situation enregistrée dans un programme "
        "(inscriptions, décisions), au lieu de --programme.",
        "عنقود السجل الذي يعرض التقرير وضعه المخزَّن في برنامج (التسجيلات، القرارات)، بدلا من "
        "--programme.",
    ),
    "The '--programme' and '--cluster-id' options of grappe report both give the programme "
    "status. Fix: keep one (--cluster-id reads the stored decisions).": (
        "Les options '--programme' et '--cluster-id' de grappe report donnent toutes deux la "
        "situation dans le programme. Correction : n'en gardez qu'une (--cluster-id lit les "
        "décisions enregistrées).",
        "الخياران '--programme' و'--cluster-id' في grappe report يعطيان كلاهما الوضع في "
        "البرنامج. الحل: احتفظ بواحد منهما (يقرأ --cluster-id القرارات المخزَّنة).",
    ),
    "The '--database' option of grappe report reads the programme status of a cluster of the "
    "registry. Fix: add --cluster-id with the cluster's id.": (
        "L'option '--database' de grappe report lit la situation d'une grappe du registre dans "
        "un programme. Correction : ajoutez --cluster-id avec l'identifiant de la grappe.",
        "الخيار '--database' في grappe report يقرأ وضع عنقود من السجل في برنامج. الحل: أضف "
        "--cluster-id مع معرّف العنقود.",
    ),
    # registry/member_events.py
    "The 'kind' parameter of {func} must be one of {allowed}. Got {value!r} instead.": (
        "Le paramètre 'kind' de {func} doit être l'un de {allowed}. Reçu {value!r}.",
        "يجب أن يكون المعامل 'kind' في {func} أحد {allowed}. القيمة المعطاة {value!r}.",
    ),
    "The 'date' parameter of {func} must be a date. Got {value!r} instead.": (
        "Le paramètre 'date' de {func} doit être une date. Reçu {value!r}.",
        "يجب أن يكون المعامل 'date' في {func} تاريخا. القيمة المعطاة {value!r}.",
    ),
    "The 'sector' parameter of {func} must be given for a sector event. Got {value!r} instead.": (
        "Le paramètre 'sector' de {func} est requis pour un changement de secteur. Reçu {value!r}.",
        "المعامل 'sector' في {func} مطلوب لحدث تغيير القطاع. القيمة المعطاة {value!r}.",
    ),
    "The 'sphere' parameter of {func} must be one of {allowed}. Got {value!r} instead.": (
        "Le paramètre 'sphere' de {func} doit être l'un de {allowed}. Reçu {value!r}.",
        "يجب أن يكون المعامل 'sphere' في {func} أحد {allowed}. القيمة المعطاة {value!r}.",
    ),
    "No event {event} of member {actor!r} of {cluster!r}.": (
        "Aucun événement {event} du membre {actor!r} de {cluster!r}.",
        "لا يوجد حدث {event} للعضو {actor!r} في {cluster!r}.",
    ),
    # registry/member_records.py
    "No member figure {figure} in cluster {cluster!r}.": (
        "Aucun chiffre de membre {figure} dans la grappe {cluster!r}.",
        "لا توجد أرقام العضو {figure} في العنقود {cluster!r}.",
    ),
    "No activity {activity} in cluster {cluster!r}.": (
        "Aucune activité {activity} dans la grappe {cluster!r}.",
        "لا يوجد نشاط {activity} في العنقود {cluster!r}.",
    ),
    "No tie {tie} in cluster {cluster!r}.": (
        "Aucun lien {tie} dans la grappe {cluster!r}.",
        "لا توجد رابطة {tie} في العنقود {cluster!r}.",
    ),
    # registry/programme_enrolments.py
    "The cluster {cluster!r} is already enrolled in {programme!r} (enrolment {enrolment}): "
    "record an evaluation of it instead of enrolling again.": (
        "La grappe {cluster!r} est déjà inscrite au programme {programme!r} (inscription "
        "{enrolment}) : enregistrez-en une évaluation au lieu de l'inscrire à nouveau.",
        "العنقود {cluster!r} مسجَّل بالفعل في البرنامج {programme!r} (التسجيل {enrolment}): "
        "سجِّل تقييما له بدلا من تسجيله مرة أخرى.",
    ),
    "The 'level' parameter of record_evaluation must be one of {allowed} to {action} a label. "
    "Got {value!r} instead.": (
        "Le paramètre 'level' de record_evaluation doit être l'un de {allowed} pour l'action "
        "{action} sur un label. Reçu {value!r}.",
        "يجب أن يكون المعامل 'level' في record_evaluation أحد {allowed} للإجراء {action} على "
        "العلامة. القيمة المعطاة {value!r}.",
    ),
    "The 'action' parameter of record_evaluation cannot be {action!r}: the cluster holds no "
    "label (status {status!r}). Award a level or refuse instead.": (
        "Le paramètre 'action' de record_evaluation ne peut pas valoir {action!r} : la grappe "
        "ne détient aucun label (statut {status!r}). Attribuez un niveau ou refusez plutôt.",
        "لا يمكن أن يكون المعامل 'action' في record_evaluation هو {action!r}: العنقود لا يحمل "
        "أي علامة (الوضع {status!r}). امنح مستوى أو ارفض بدلا من ذلك.",
    ),
    "The 'action' parameter of {func} must be one of {allowed}. Got {value!r} instead.": (
        "Le paramètre 'action' de {func} doit être l'un de {allowed}. Reçu {value!r}.",
        "يجب أن يكون المعامل 'action' في {func} أحد {allowed}. القيمة المعطاة {value!r}.",
    ),
    "The 'reason' parameter of {func} must say why {why}. Got no reason instead.": (
        "Le paramètre 'reason' de {func} doit dire pourquoi {why}. Aucun motif n'a été donné.",
        "يجب أن يبيّن المعامل 'reason' في {func} سبب أنّ {why}. لم يُعطَ أي سبب.",
    ),
    "the action {action!r} is taken instead of the rule's {rule!r}": (
        "l'action {action!r} est prise au lieu de celle de la règle, {rule!r}",
        "الإجراء {action!r} اتُّخذ بدلا من إجراء القاعدة {rule!r}",
    ),
    "decision {decision} is corrected": (
        "la décision {decision} est corrigée",
        "القرار {decision} صُحِّح",
    ),
    "The enrolment {enrolment} of {cluster!r} in {programme!r} is {status}: it is no longer "
    "evaluated. Enrol the cluster again to reapply.": (
        "L'inscription {enrolment} de {cluster!r} au programme {programme!r} est close "
        "({status}) : elle n'est plus évaluée. Inscrivez de nouveau la grappe pour candidater.",
        "التسجيل {enrolment} للعنقود {cluster!r} في البرنامج {programme!r} مغلق ({status}): "
        "لم يعد يُقيَّم. سجِّل العنقود من جديد لإعادة الترشح.",
    ),
    "The 'on' parameter of record_evaluation must not be before the last decision ({last}). "
    "Got {value} instead.": (
        "Le paramètre 'on' de record_evaluation ne doit pas précéder la dernière décision "
        "({last}). Reçu {value}.",
        "يجب ألا يسبق المعامل 'on' في record_evaluation تاريخ آخر قرار ({last}). القيمة "
        "المعطاة {value}.",
    ),
    "The decision {decision} was followed by decision {later}: only the latest decision's "
    "action can be corrected. Record a new evaluation instead.": (
        "La décision {decision} a été suivie de la décision {later} : seule l'action de la "
        "dernière décision peut être corrigée. Enregistrez plutôt une nouvelle évaluation.",
        "تلا القرارَ {decision} القرارُ {later}: لا يمكن تصحيح إلا إجراء آخر قرار. سجِّل "
        "تقييما جديدا بدلا من ذلك.",
    ),
}
