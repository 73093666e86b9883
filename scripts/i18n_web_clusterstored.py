"""French and Arabic of a cluster's internationalisation read from the stored export profiles
(package clusterstored, issue 19): the section of the cluster's page and the export headings of
the cluster's settings form. msgid -> (French, Arabic)."""

from __future__ import annotations

T_clusterstored: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    "Export headings (HS)": ("Positions d'exportation (SH)", "بنود التصدير (النظام المنسق)"),
    "Optional: the HS 4-digit headings of the cluster's products, separated by commas, e.g. "
    "0804 for dates. The profile shows the country's advantages and opportunities in them; when "
    "empty they come from the cluster's definitions and sector.": (
        "Facultatif : les positions à 4 chiffres du Système harmonisé des produits de la grappe, "
        "séparées par des virgules, par ex. 0804 pour les dattes. Le profil montre les avantages "
        "et les opportunités du pays dans ces positions ; vides, elles viennent des définitions "
        "et du secteur de la grappe.",
        "اختياري: بنود النظام المنسق ذات الأرقام الأربعة لمنتجات العنقود، مفصولة بفواصل، مثلا "
        "0804 للتمور. يعرض الملف مزايا البلد وفرصه في هذه البنود؛ وإذا تُركت فارغة أُخذت من "
        "تعريفات العنقود وقطاعه.",
    ),
    "Export headings: give HS headings of four digits separated by commas, e.g. 0804,2009.": (
        "Positions d'exportation : donnez des positions du SH à quatre chiffres séparées par des "
        "virgules, par ex. 0804,2009.",
        "بنود التصدير: أدخل بنودا من النظام المنسق من أربعة أرقام مفصولة بفواصل، مثلا 0804,2009.",
    ),
    "The country's exports in the cluster's products": (
        "Les exportations du pays dans les produits de la grappe",
        "صادرات البلد من منتجات العنقود",
    ),
    "Export profile stored in the observatory": (
        "Profil d'exportation enregistré dans l'observatoire",
        "ملف الصادرات المخزن في المرصد",
    ),
    "The cluster's HS headings (%(count)s), derived from cluster %(sector)s of the definitions "
    "%(definitions)s through the HS → NAICS concordance of the US Census Bureau:": (
        "Les positions SH de la grappe (%(count)s), déduites de la grappe %(sector)s des "
        "définitions %(definitions)s par la table de concordance SH → NAICS du Bureau du "
        "recensement des États-Unis :",
        "بنود النظام المنسق للعنقود (%(count)s)، مستنتجة من العنقود %(sector)s في التعريفات "
        "%(definitions)s عبر جدول التوافق بين النظام المنسق وNAICS لمكتب الإحصاء الأمريكي:",
    ),
    "The cluster's HS headings (%(count)s), named in its settings:": (
        "Les positions SH de la grappe (%(count)s), indiquées dans ses paramètres :",
        "بنود النظام المنسق للعنقود (%(count)s)، المحددة في إعداداته:",
    ),
    "and %(count)s more": ("et %(count)s autres", "و%(count)s بنود أخرى"),
    "Products of the cluster's headings exported with an advantage (RCA ≥ 1)": (
        "Produits des positions de la grappe exportés avec un avantage (ACR ≥ 1)",
        "منتجات بنود العنقود المصدّرة بميزة نسبية (RCA ≥ 1)",
    ),
    "Share of the country's exports": (
        "Part des exportations du pays",
        "الحصة من صادرات البلد",
    ),
    "None: the country exports none of these headings with an advantage.": (
        "Aucun : le pays n'exporte aucune de ces positions avec un avantage.",
        "لا شيء: لا يصدّر البلد أيّا من هذه البنود بميزة نسبية.",
    ),
    "Opportunities in the cluster's headings, among the %(count)s first opportunities stored": (
        "Opportunités dans les positions de la grappe, parmi les %(count)s premières "
        "opportunités enregistrées",
        "الفرص الواقعة في بنود العنقود، من بين أول %(count)s فرصة مخزنة",
    ),
    "None of them falls in the cluster's headings.": (
        "Aucune ne tombe dans les positions de la grappe.",
        "لا تقع أيّ منها في بنود العنقود.",
    ),
    "The country's whole export profile, with the reasons of each opportunity": (
        "Le profil d'exportation complet du pays, avec les raisons de chaque opportunité",
        "ملف صادرات البلد كاملا، مع أسباب كل فرصة",
    ),
}
