"""French and Arabic of the web strings of a cluster's internationalisation (the profile's
section and the markets field of the records page; package clusterintl, issue 19):
msgid -> (French, Arabic)."""

from __future__ import annotations

T_clusterintl: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    "Markets": ("Marchés", "الأسواق"),
    "Markets of the exports": ("Marchés des exportations", "أسواق الصادرات"),
    "Optional. ISO country codes with a share in percent: FR:40;DE:25;AE.": (
        "Facultatif. Codes ISO des pays avec une part en pour cent : FR:40;DE:25;AE.",
        "اختياري. رموز ISO للبلدان مع حصة بالنسبة المئوية: FR:40;DE:25;AE.",
    ),
    "Markets: ISO country codes separated by ';', each with an optional share in percent, "
    "e.g. FR:40;DE:25;AE.": (
        "Marchés : codes ISO des pays séparés par « ; », chacun avec une part facultative en "
        "pour cent, par ex. FR:40;DE:25;AE.",
        "الأسواق: رموز ISO للبلدان مفصولة بـ«;»، لكل منها حصة اختيارية بالنسبة المئوية، مثلا "
        "FR:40;DE:25;AE.",
    ),
    "Internationalisation": ("Internationalisation", "التدويل"),
    "Seen by the cluster's staff only: computed from the member figures and their markets, "
    "the exports KPI and the network.": (
        "Visible par l'équipe de la grappe seulement : calculé à partir des chiffres des "
        "membres et de leurs marchés, de l'indicateur des exportations et du réseau.",
        "لا يراه إلا فريق العنقود: محسوب من أرقام الأعضاء وأسواقهم ومؤشر الصادرات والشبكة.",
    ),
    "Members that export": ("Membres qui exportent", "الأعضاء المصدّرون"),
    "Members without figures (not known)": (
        "Membres sans chiffres (inconnu)",
        "أعضاء بلا أرقام (غير معروف)",
    ),
    "Exports of the members": ("Exportations des membres", "صادرات الأعضاء"),
    "The year before": ("L'année précédente", "السنة السابقة"),
    "Exports KPI target": (
        "Cible de l'indicateur des exportations",
        "هدف مؤشر الصادرات",
    ),
    "no target": ("aucune cible", "لا يوجد هدف"),
    "Share of the target reached": ("Part de la cible atteinte", "نسبة الهدف المحققة"),
    "typed value": ("valeur saisie", "قيمة مُدخلة"),
    "Typed exports": ("Exportations saisies", "الصادرات المُدخلة"),
    "Markets of the members' exports, %(period)s": (
        "Marchés des exportations des membres, %(period)s",
        "أسواق صادرات الأعضاء، %(period)s",
    ),
    "Members": ("Membres", "الأعضاء"),
    "Share of the exports": ("Part des exportations", "الحصة من الصادرات"),
    "%(count)s without a share": ("%(count)s sans part", "%(count)s بلا حصة"),
    "Share of ties crossing the cluster's boundary": (
        "Part des liens qui franchissent la frontière de la grappe",
        "نسبة الروابط التي تعبر حدود العنقود",
    ),
    "External ties": ("Liens externes", "الروابط الخارجية"),
    "Members holding external ties": (
        "Membres qui détiennent des liens externes",
        "الأعضاء الذين لديهم روابط خارجية",
    ),
    "Partners outside": ("Partenaires à l'extérieur", "الشركاء في الخارج"),
    "Not known": ("Inconnu", "غير معروف"),
}
