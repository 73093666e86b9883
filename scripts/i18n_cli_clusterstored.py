"""French and Arabic of a cluster's internationalisation read from the stored export profiles
(package clusterstored, issue 19): the registry's notes, the headings parser's errors and
``grappe exports cluster --database`` without ``--trade``. msgid -> (French, Arabic)."""

from __future__ import annotations

CLI_T_clusterstored: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/exports_cluster.py: help and output
    "ISO3 code of the country in --trade (with --database: default the country of the "
    "cluster's regions).": (
        "Code ISO3 du pays dans --trade (avec --database : par défaut le pays des régions de la "
        "grappe).",
        "رمز ISO3 للبلد في --trade (مع --database: افتراضيا بلد مناطق العنقود).",
    ),
    "Trade matrix (wide or long), with --country; with --database and without it, the "
    "country's stored export profile is read.": (
        "Matrice des échanges (large ou longue), avec --country ; avec --database et sans elle, "
        "le profil d'exportation enregistré du pays est lu.",
        "مصفوفة التجارة (عريضة أو طويلة)، مع --country؛ ومع --database ومن دونها يُقرأ ملف "
        "صادرات البلد المخزن.",
    ),
    "named in the cluster's settings": (
        "indiquées dans les paramètres de la grappe",
        "المحددة في إعدادات العنقود",
    ),
    "given with --definitions or --products": (
        "données par --definitions ou --products",
        "المعطاة عبر --definitions أو --products",
    ),
    "derived from cluster {sector} of {definitions} through the HS → NAICS concordance": (
        "déduites de la grappe {sector} de {definitions} par la concordance SH → NAICS",
        "المستنتجة من العنقود {sector} في {definitions} عبر التوافق بين النظام المنسق وNAICS",
    ),
    "Stored export profile of {name} ({country}, {year}); the cluster's {n} HS headings {how}; "
    "its opportunities among the {among} first stored.": (
        "Profil d'exportation enregistré de {name} ({country}, {year}) ; les {n} positions SH de "
        "la grappe {how} ; ses opportunités parmi les {among} premières enregistrées.",
        "ملف الصادرات المخزن لـ{name} ({country}، {year})؛ بنود العنقود في النظام المنسق ({n}) "
        "{how}؛ وفرصه من بين أول {among} فرصة مخزنة.",
    ),
    "Products of the cluster's industries exported with an advantage": (
        "Produits des activités de la grappe exportés avec un avantage",
        "منتجات أنشطة العنقود المصدّرة بميزة نسبية",
    ),
    # io/hs_headings.py
    "{field} takes HS4 headings of four digits separated by commas (0804,2009); got {code!r}.": (
        "{field} prend des positions SH4 de quatre chiffres séparées par des virgules "
        "(0804,2009) ; reçu {code!r}.",
        "يأخذ {field} بنودا من النظام المنسق من أربعة أرقام مفصولة بفواصل (0804,2009)؛ "
        "المعطى {code!r}.",
    ),
    "{field}: {code!r} is no heading of the Harmonized System; grappe exports names {chapter} "
    "lists the headings of its chapter.": (
        "{field} : {code!r} n'est pas une position du Système harmonisé ; grappe exports names "
        "{chapter} liste les positions de son chapitre.",
        "{field}: {code!r} ليس بندا في النظام المنسق؛ يسرد الأمر grappe exports names {chapter} "
        "بنود فصله.",
    ),
    # registry/cluster_exports.py
    "The cluster has no region, so its country is not known: choose its regions in the "
    "cluster's settings, or give the country (--country DZA).": (
        "La grappe n'a pas de région, son pays n'est donc pas connu : choisissez ses régions dans "
        "les paramètres de la grappe, ou donnez le pays (--country DZA).",
        "ليس للعنقود أي منطقة، لذا فبلده غير معروف: اختر مناطقه في إعدادات العنقود، أو حدد البلد "
        "(--country DZA).",
    ),
    "The cluster's regions are in several countries ({countries}): give the country "
    "(--country DZA).": (
        "Les régions de la grappe sont dans plusieurs pays ({countries}) : donnez le pays "
        "(--country DZA).",
        "تقع مناطق العنقود في عدة بلدان ({countries}): حدد البلد (--country DZA).",
    ),
    "No ISO 3166-1 alpha-3 code is known for the country {code!r} of the cluster's regions: "
    "give the country (--country DZA).": (
        "Aucun code ISO 3166-1 alpha-3 n'est connu pour le pays {code!r} des régions de la "
        "grappe : donnez le pays (--country DZA).",
        "لا يُعرف رمز ISO 3166-1 alpha-3 للبلد {code!r} لمناطق العنقود: حدد البلد "
        "(--country DZA).",
    ),
    "The cluster names no export headings: give them in the cluster's settings (Export "
    "headings, e.g. 0804), or give it definitions and a sector that names one of their "
    "clusters.": (
        "La grappe n'indique aucune position d'exportation : donnez-les dans ses paramètres "
        "(Positions d'exportation, par ex. 0804), ou donnez-lui des définitions et un secteur "
        "qui nomme l'une de leurs grappes.",
        "لا يحدد العنقود أي بند تصدير: أدخلها في إعداداته (بنود التصدير، مثلا 0804)، أو أعطه "
        "تعريفات وقطاعا يسمي أحد عناقيدها.",
    ),
    "The cluster names no export headings and its definitions {definitions!r} are not a "
    "bundled set, so none can be derived: give them in the cluster's settings (Export "
    "headings, e.g. 0804).": (
        "La grappe n'indique aucune position d'exportation et ses définitions {definitions!r} "
        "ne sont pas un jeu fourni avec grappe, aucune ne peut donc en être déduite : donnez-les "
        "dans ses paramètres (Positions d'exportation, par ex. 0804).",
        "لا يحدد العنقود أي بند تصدير وتعريفاته {definitions!r} ليست مجموعة مرفقة مع grappe، "
        "فلا يمكن استنتاج أي بند: أدخلها في إعداداته (بنود التصدير، مثلا 0804).",
    ),
    "No HS heading reaches the cluster {sector!r} of {definitions!r} through the HS → NAICS "
    "concordance (a cluster of services, or a code these definitions lack): give the headings "
    "in the cluster's settings (Export headings, e.g. 0804).": (
        "Aucune position SH n'atteint la grappe {sector!r} de {definitions!r} par la concordance "
        "SH → NAICS (une grappe de services, ou un code absent de ces définitions) : donnez les "
        "positions dans les paramètres de la grappe (Positions d'exportation, par ex. 0804).",
        "لا يصل أي بند من النظام المنسق إلى العنقود {sector!r} في {definitions!r} عبر التوافق "
        "بين النظام المنسق وNAICS (عنقود خدمات، أو رمز غير موجود في هذه التعريفات): أدخل البنود "
        "في إعدادات العنقود (بنود التصدير، مثلا 0804).",
    ),
    "The country must be an ISO 3166-1 alpha-3 code (DZA, MAR, TUN); got {country!r}.": (
        "Le pays doit être un code ISO 3166-1 alpha-3 (DZA, MAR, TUN) ; reçu {country!r}.",
        "يجب أن يكون البلد رمزا من ISO 3166-1 alpha-3 (DZA، MAR، TUN)؛ المعطى {country!r}.",
    ),
    "No published export profile of {country} is stored: grappe exports store {country} "
    "--trade FILE stores it, grappe exports publish {country} publishes it.": (
        "Aucun profil d'exportation publié de {country} n'est enregistré : grappe exports store "
        "{country} --trade FICHIER l'enregistre, grappe exports publish {country} le publie.",
        "لا يوجد ملف صادرات منشور لـ{country} مخزن: الأمر grappe exports store {country} "
        "--trade ملف يخزنه، والأمر grappe exports publish {country} ينشره.",
    ),
    "No export profile of {country} is stored: grappe exports store {country} --trade FILE "
    "stores it (the observatory job stores the Maghreb's five countries).": (
        "Aucun profil d'exportation de {country} n'est enregistré : grappe exports store "
        "{country} --trade FICHIER l'enregistre (la tâche de l'observatoire enregistre les cinq "
        "pays du Maghreb).",
        "لا يوجد ملف صادرات لـ{country} مخزن: الأمر grappe exports store {country} --trade ملف "
        "يخزنه (مهمة المرصد تخزن بلدان المغرب العربي الخمسة).",
    ),
    # cli/exports_headings.py
    "The HS headings of a registry cluster's exports, the country and the stored profile they\n"
    "are read in; --set names them.\n\nExample: grappe exports headings biskra-dates --set 0804 "
    "--database\nsqlite:///grappe-output/observatory.sqlite": (
        "Les positions SH des exportations d'une grappe du registre, le pays et le profil "
        "enregistré où elles sont lues ; --set les indique.\n\nExemple : grappe exports headings "
        "biskra-dates --set 0804 --database\nsqlite:///grappe-output/observatory.sqlite",
        "بنود النظام المنسق لصادرات عنقود في السجل، والبلد والملف المخزن الذي تُقرأ فيه؛ ويحددها "
        "الخيار --set.\n\nمثال: grappe exports headings biskra-dates --set 0804 --database\n"
        "sqlite:///grappe-output/observatory.sqlite",
    ),
    "The cluster's registry id.": (
        "L'identifiant de la grappe dans le registre.",
        "معرّف العنقود في السجل.",
    ),
    'HS4 headings of the cluster\'s exports: 0804,2009 ("" clears them).': (
        'Positions SH4 des exportations de la grappe : 0804,2009 ("" les efface).',
        'بنود النظام المنسق لصادرات العنقود: 0804,2009 ("" يمحوها).',
    ),
    "text or json.": ("text ou json.", "text أو json."),
    "HS headings: {codes} ({how})": (
        "Positions SH : {codes} ({how})",
        "بنود النظام المنسق: {codes} ({how})",
    ),
    "Stored export profile: {year} ({source}); {among} opportunities stored.": (
        "Profil d'exportation enregistré : {year} ({source}) ; {among} opportunités "
        "enregistrées.",
        "ملف الصادرات المخزن: {year} ({source})؛ {among} فرصة مخزنة.",
    ),
}
