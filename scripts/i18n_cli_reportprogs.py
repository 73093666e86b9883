"""French and Arabic of ``grappe report``'s programme options and errors (package reportprogs: a
report lists every programme a cluster is enrolled in): msgid -> (French, Arabic)."""

from __future__ import annotations

CLI_T_reportprogs: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/assess.py: help of grappe report
    "The cluster's programme status (a YAML file: one status or a list); with --cluster-id, a "
    "programme key to report (repeat; default: every programme).": (
        "La situation de la grappe dans ses programmes (un fichier YAML : une situation ou une "
        "liste) ; avec --cluster-id, la clé d'un programme à présenter (à répéter ; par "
        "défaut : tous les programmes).",
        "وضع العنقود في البرامج (ملف YAML: وضع واحد أو قائمة)؛ ومع ‎--cluster-id‏، مفتاح "
        "برنامج يُعرض في التقرير (يمكن تكراره؛ الافتراضي: كل البرامج).",
    ),
    "Registry cluster whose stored programme statuses (every enrolment, its decisions) the "
    "report shows.": (
        "Grappe du registre dont le rapport présente les situations enregistrées dans ses "
        "programmes (chaque inscription et ses décisions).",
        "عنقود السجل الذي يعرض التقرير أوضاعه المسجلة في البرامج (كل تسجيل وقراراته).",
    ),
    # cli/assess.py: errors of grappe report
    "With --cluster-id, the '--programme' option of grappe report names a programme key "
    "(kompetenznetze…), not a status file: got {file}. Fix: name the programme's key, or drop "
    "--cluster-id to report the file.": (
        "Avec --cluster-id, l'option '--programme' de grappe report désigne la clé d'un "
        "programme (kompetenznetze…), pas un fichier de situation : reçu {file}. Correction : "
        "indiquez la clé du programme, ou retirez --cluster-id pour présenter le fichier.",
        "مع ‎--cluster-id‏، يحدد الخيار '--programme' للأمر grappe report مفتاح برنامج "
        "(kompetenznetze…) وليس ملف وضع: تم تلقي {file}. التصحيح: اذكر مفتاح البرنامج، أو احذف "
        "‎--cluster-id‏ لعرض الملف.",
    ),
    "Without --cluster-id, the '--programme' option of grappe report names one programme "
    "status file. Got {count}. Fix: put every programme in one YAML list, or add --cluster-id "
    "to name stored programmes by key.": (
        "Sans --cluster-id, l'option '--programme' de grappe report désigne un seul fichier de "
        "situation dans les programmes. Reçu {count}. Correction : mettez tous les programmes "
        "dans une même liste YAML, ou ajoutez --cluster-id pour désigner des programmes "
        "enregistrés par leur clé.",
        "بدون ‎--cluster-id‏، يحدد الخيار '--programme' للأمر grappe report ملف وضع واحداً "
        "فقط. تم تلقي {count}. التصحيح: ضع كل البرامج في قائمة YAML واحدة، أو أضف "
        "‎--cluster-id‏ لتحديد البرامج المسجلة بمفاتيحها.",
    ),
    # registry/report_programmes.py
    "The cluster {cluster!r} is not enrolled in the programme {programme!r}; its programmes "
    "are: {enrolled}. Fix: name one of them, or enrol the cluster first (grappe programme "
    "enrol).": (
        "La grappe {cluster!r} n'est pas inscrite au programme {programme!r} ; ses programmes "
        "sont : {enrolled}. Correction : indiquez l'un d'eux, ou inscrivez d'abord la grappe "
        "(grappe programme enrol).",
        "العنقود {cluster!r} غير مسجل في البرنامج {programme!r}؛ برامجه هي: {enrolled}. "
        "التصحيح: اذكر أحدها، أو سجّل العنقود أولاً (grappe programme enrol).",
    ),
}
