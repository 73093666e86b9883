"""French and Arabic of ``grappe exports clusters`` and of the concordance's errors (package
concord, issue 19): msgid -> (French, Arabic)."""

from __future__ import annotations

CLI_T_concord: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/exports_clusters.py: help
    "A country's exports by cluster: each cluster's exports, share of the country's exports,\n"
    "RCA against the world and main products, with the share the concordance could place and\n"
    "the products it could not.\n\nExample: grappe exports clusters DZA --trade\n"
    "stojkoski2023_trade_country_x_hs4product_2020.csv.gz --definitions us-benchmark": (
        "Les exportations d'un pays par grappe : exportations de chaque grappe, part dans les "
        "exportations du pays,\nRCA face au monde et principaux produits, avec la part que la "
        "table de concordance a pu placer et\nles produits qu'elle n'a pas pu placer.\n\n"
        "Exemple : grappe exports clusters DZA --trade\n"
        "stojkoski2023_trade_country_x_hs4product_2020.csv.gz --definitions us-benchmark",
        "صادرات بلد حسب العنقود: صادرات كل عنقود، وحصته من صادرات البلد،\n"
        "والميزة النسبية الظاهرة (RCA) مقارنة بالعالم وأهم المنتجات، مع الحصة التي أمكن لجدول "
        "التقابل توزيعها\nوالمنتجات التي تعذر توزيعها.\n\n"
        "مثال: grappe exports clusters DZA --trade\n"
        "stojkoski2023_trade_country_x_hs4product_2020.csv.gz --definitions us-benchmark",
    ),
    "Cluster definitions: a bundled set (us-benchmark) or a CSV/YAML file.": (
        "Définitions des grappes : un jeu fourni (us-benchmark) ou un fichier CSV/YAML.",
        "تعريفات العناقيد: مجموعة مرفقة (us-benchmark) أو ملف CSV/YAML.",
    ),
    "HS → industry concordance: the bundled NAICS2017-6 (U.S. Census, public domain) or a file "
    "with columns hs4, industry, weight.": (
        "Table de concordance SH → activités : la table fournie NAICS2017-6 (U.S. Census, "
        "domaine public) ou un fichier aux colonnes hs4, industry, weight.",
        "جدول التقابل بين النظام المنسق والأنشطة: الجدول المرفق NAICS2017-6 (مكتب الإحصاء "
        "الأمريكي، ملك عام) أو ملف بالأعمدة hs4 وindustry وweight.",
    ),
    "Classification of the codes of a definitions or concordance file (naics2017, isic4, "
    "nace2…); default: the bundled concordance's, naics2017.": (
        "Nomenclature des codes d'un fichier de définitions ou de concordance (naics2017, "
        "isic4, nace2…) ; par défaut celle de la table fournie, naics2017.",
        "تصنيف رموز ملف التعريفات أو ملف التقابل (naics2017 أو isic4 أو nace2…)؛ الافتراضي "
        "تصنيف الجدول المرفق، naics2017.",
    ),
    "Number of unplaced products listed (table, JSON).": (
        "Nombre de produits non placés listés (tableau, JSON).",
        "عدد المنتجات غير الموزعة المعروضة (جدول، JSON).",
    ),
    # cli/exports_clusters.py: output
    "{name} ({country}): exports {total} USD by cluster ({definitions}; {concordance}); "
    "placed: {placed} %": (
        "{name} ({country}) : exportations de {total} USD par grappe ({definitions} ; "
        "{concordance}) ; part placée : {placed} %",
        "{name} ({country}): صادرات بقيمة {total} دولار أمريكي حسب العنقود ({definitions}؛ "
        "{concordance})؛ الحصة الموزعة: {placed} %",
    ),
    "exports": ("exportations", "الصادرات"),
    "main products": ("principaux produits", "أهم المنتجات"),
    "Not placed in a cluster: {products}": (
        "Non placés dans une grappe : {products}",
        "غير موزعة على أي عنقود: {products}",
    ),
    # complexity/exports_clusters.py, io/concordance.py: errors
    "The concordance {target} gives {classification} codes but the definitions {name!r} use "
    "{other} codes: choose definitions in the concordance's classification, or another "
    "concordance.": (
        "La table de concordance {target} donne des codes {classification} mais les "
        "définitions {name!r} utilisent des codes {other} : choisissez des définitions dans la "
        "nomenclature de la table, ou une autre table.",
        "جدول التقابل {target} يعطي رموز {classification} لكن التعريفات {name!r} تستعمل رموز "
        "{other}: اختر تعريفات بتصنيف جدول التقابل، أو جدول تقابل آخر.",
    ),
    "The {name!r} parameter of {func} must have 4-digit HS codes as keys ('0804'). Got "
    "{code!r} instead: convert the trade file's product names with "
    "grappe.io.hs.match_product_columns.": (
        "Le paramètre {name!r} de {func} doit avoir pour clés des codes SH à 4 chiffres "
        "('0804'). Reçu {code!r} : convertissez les noms de produits du fichier commercial avec "
        "grappe.io.hs.match_product_columns.",
        "يجب أن تكون مفاتيح المعامل {name!r} في {func} رموزا من 4 أرقام في النظام المنسق "
        "('0804'). القيمة المستلمة {code!r}: حوّل أسماء المنتجات في ملف التجارة بواسطة "
        "grappe.io.hs.match_product_columns.",
    ),
    "The {name!r} parameter of {func} must hold finite non-negative export values. Got "
    "{value!r} for {code}.": (
        "Le paramètre {name!r} de {func} doit contenir des valeurs d'exportation finies et "
        "positives ou nulles. Reçu {value!r} pour {code}.",
        "يجب أن يحتوي المعامل {name!r} في {func} على قيم صادرات منتهية وغير سالبة. القيمة "
        "المستلمة {value!r} للرمز {code}.",
    ),
    "Country {country!r} has no exports to place in clusters.": (
        "Le pays {country!r} n'a aucune exportation à placer dans des grappes.",
        "البلد {country!r} ليست له صادرات لتوزيعها على العناقيد.",
    ),
    "Country {country!r} is not in the trade matrix ({n} countries){hint}.": (
        "Le pays {country!r} n'est pas dans la matrice commerciale ({n} pays){hint}.",
        "البلد {country!r} غير موجود في مصفوفة التجارة ({n} بلدا){hint}.",
    ),
    "; close codes: {codes}": (" ; codes proches : {codes}", "؛ رموز قريبة: {codes}"),
    "No bundled concordance to {target!r}; the bundled ones are {bundled}. Give a file of "
    "hs4, industry, weight columns instead.": (
        "Aucune table de concordance fournie vers {target!r} ; les tables fournies sont "
        "{bundled}. Donnez plutôt un fichier aux colonnes hs4, industry, weight.",
        "لا يوجد جدول تقابل مرفق نحو {target!r}؛ الجداول المرفقة هي {bundled}. قدّم بدلا من ذلك "
        "ملفا بالأعمدة hs4 وindustry وweight.",
    ),
    "The 'classification' parameter of read_concordance must be one of {options}. Got "
    "{value!r} instead.": (
        "Le paramètre 'classification' de read_concordance doit être l'une des valeurs "
        "{options}. Reçu {value!r}.",
        "يجب أن يكون المعامل 'classification' في read_concordance إحدى القيم {options}. "
        "القيمة المستلمة {value!r}.",
    ),
    "{value!r} is not a 4-digit HS heading.": (
        "{value!r} n'est pas une position SH à 4 chiffres.",
        "{value!r} ليس بندا من 4 أرقام في النظام المنسق.",
    ),
    "write the heading with 4 digits and its leading zero (0804).": (
        "écrivez la position avec 4 chiffres et son zéro initial (0804).",
        "اكتب البند بأربعة أرقام مع الصفر في أوله (0804).",
    ),
    "the industry is missing.": ("l'activité manque.", "النشاط مفقود."),
    "fill in the industry code or remove the row.": (
        "indiquez le code d'activité ou supprimez la ligne.",
        "أدخل رمز النشاط أو احذف السطر.",
    ),
    "the weight {value!r} is not a number in (0, 1].": (
        "le poids {value!r} n'est pas un nombre dans (0, 1].",
        "الوزن {value!r} ليس عددا في المجال (0، 1].",
    ),
    "give each pair a weight above 0 and at most 1, those of a heading summing to 1.": (
        "donnez à chaque paire un poids supérieur à 0 et au plus égal à 1, ceux d'une position "
        "ayant pour somme 1.",
        "أعط كل زوج وزنا أكبر من 0 ولا يتجاوز 1، على أن يكون مجموع أوزان البند الواحد 1.",
    ),
    "the pair {hs4} → {industry} is listed twice (first in row {first}).": (
        "la paire {hs4} → {industry} figure deux fois (d'abord à la ligne {first}).",
        "الزوج {hs4} ← {industry} مذكور مرتين (أولا في السطر {first}).",
    ),
    "keep one row per pair, with the weights added up.": (
        "gardez une ligne par paire, en additionnant les poids.",
        "احتفظ بسطر واحد لكل زوج مع جمع الأوزان.",
    ),
    "the weights of heading {hs4} sum to {total} (rows {rows}), not 1.": (
        "les poids de la position {hs4} ont pour somme {total} (lignes {rows}), et non 1.",
        "مجموع أوزان البند {hs4} هو {total} (الأسطر {rows}) وليس 1.",
    ),
    "make the weights of each heading sum to 1.": (
        "faites en sorte que les poids de chaque position aient pour somme 1.",
        "اجعل مجموع أوزان كل بند يساوي 1.",
    ),
    "the concordance has no rows.": (
        "la table de concordance n'a aucune ligne.",
        "جدول التقابل لا يحتوي على أي سطر.",
    ),
    "give one row per heading → industry pair.": (
        "donnez une ligne par paire position → activité.",
        "قدّم سطرا لكل زوج بند ← نشاط.",
    ),
    "concordance": ("table de concordance", "جدول التقابل"),
}
