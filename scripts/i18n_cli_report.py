"""French and Arabic of ``grappe report``'s new options and of the programme status's errors
(package report, issue 18): msgid -> (French, Arabic)."""

from __future__ import annotations

CLI_T_report: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/assess.py: grappe report
    "Use mapped statistics; --no-statistics: network and assessment only.": (
        "Utiliser les statistiques cartographiées ; --no-statistics : réseau et évaluation "
        "seulement.",
        "استعمال الإحصاءات المرسومة على الخريطة؛ --no-statistics: الشبكة والتقييم فقط.",
    ),
    "Related clusters as opportunities (grappe related on the bundled CBP table).": (
        "Les grappes liées comme opportunités (grappe related sur la table CBP fournie).",
        "العناقيد المرتبطة كفرص (grappe related على جدول CBP المرفق).",
    ),
    "The cluster's programme status (YAML).": (
        "La situation de la grappe dans un programme (YAML).",
        "وضع العنقود في برنامج (YAML).",
    ),
    "Region name shown.": ("Nom affiché de la région.", "اسم المنطقة المعروض."),
    "Cluster name shown.": ("Nom affiché de la grappe.", "اسم العنقود المعروض."),
    "Ranking the related clusters": (
        "Classement des grappes liées",
        "ترتيب العناقيد المرتبطة",
    ),
    "The '--opportunities' option of grappe report ranks the related clusters of the bundled "
    "CBP table. Fix: drop --indicators and --no-statistics, or drop --opportunities.": (
        "L'option '--opportunities' de grappe report classe les grappes liées de la table CBP "
        "fournie. Correction : retirez --indicators et --no-statistics, ou retirez "
        "--opportunities.",
        "الخيار '--opportunities' في grappe report يرتب العناقيد المرتبطة في جدول CBP "
        "المرفق. التصحيح: احذف --indicators و--no-statistics، أو احذف --opportunities.",
    ),
    # reports/programme.py: programme_status
    "The programme status ({where}) must be a mapping of keys to values. Got {value!r} "
    "instead.": (
        "La situation dans le programme ({where}) doit être un tableau de clés et de valeurs. "
        "Reçu {value!r}.",
        "يجب أن يكون وضع البرنامج ({where}) جدولاً من المفاتيح والقيم. القيمة المقدمة "
        "{value!r}.",
    ),
    "The programme status ({where}) needs a 'programme' (its name). Got {value!r} instead.": (
        "La situation dans le programme ({where}) doit indiquer 'programme' (son nom). "
        "Reçu {value!r}.",
        "يجب أن يتضمن وضع البرنامج ({where}) المفتاح 'programme' (اسمه). القيمة المقدمة "
        "{value!r}.",
    ),
    "The '{key}' of the programme status ({where}) must be one of {allowed}. Got {value!r} "
    "instead.": (
        "Le champ '{key}' de la situation dans le programme ({where}) doit valoir l'un de "
        "{allowed}. Reçu {value!r}.",
        "يجب أن يكون الحقل '{key}' في وضع البرنامج ({where}) أحد القيم {allowed}. القيمة "
        "المقدمة {value!r}.",
    ),
    "The '{key}' of the programme status ({where}) must be a date (YYYY-MM-DD). Got {value!r} "
    "instead.": (
        "Le champ '{key}' de la situation dans le programme ({where}) doit être une date "
        "(AAAA-MM-JJ). Reçu {value!r}.",
        "يجب أن يكون الحقل '{key}' في وضع البرنامج ({where}) تاريخاً (YYYY-MM-DD). القيمة "
        "المقدمة {value!r}.",
    ),
    "The 'failures' of the programme status ({where}) must be a whole number ≥ 0. Got "
    "{value!r} instead.": (
        "Le champ 'failures' de la situation dans le programme ({where}) doit être un nombre "
        "entier ≥ 0. Reçu {value!r}.",
        "يجب أن يكون الحقل 'failures' في وضع البرنامج ({where}) عدداً صحيحاً ≥ 0. القيمة "
        "المقدمة {value!r}.",
    ),
}
