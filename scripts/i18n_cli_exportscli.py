"""French and Arabic of ``grappe exports store|stored|correct|publish|withdraw`` and of their
errors (package exportscli, issue 19): msgid -> (French, Arabic). Machine-written, like the rest."""

from __future__ import annotations

CLI_T_exportscli: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/exports_registry.py: help
    "ISO3 code of a stored country, e.g. DZA.": (
        "Code ISO3 d'un pays enregistré, par ex. DZA.",
        "رمز ISO3 لبلد مخزّن، مثلا DZA.",
    ),
    "Act as this API token's role (default: the local admin of the database).": (
        "Agir avec le rôle de ce jeton d'API (par défaut : l'administrateur local de la base).",
        "التصرف بدور رمز واجهة البرمجة هذا (الافتراضي: المسؤول المحلي لقاعدة البيانات).",
    ),
    "ISO3 codes of the countries (e.g. DZA MAR).": (
        "Codes ISO3 des pays (par ex. DZA MAR).",
        "رموز ISO3 للبلدان (مثلا DZA MAR).",
    ),
    "Every country exporting at least 1 billion USD.": (
        "Tous les pays qui exportent au moins 1 milliard d'USD.",
        "كل البلدان التي تصدّر مليار دولار أمريكي على الأقل.",
    ),
    "Publish the profiles stored for the first time (a stored one keeps its state).": (
        "Publier les profils enregistrés pour la première fois (un profil déjà enregistré garde "
        "son état).",
        "نشر الملفات المخزّنة لأول مرة (الملف المخزّن سابقا يحتفظ بحالته).",
    ),
    "The 2020 trade matrix stojkoski2023_trade_country_x_hs4product_2020.csv.gz (default: the "
    "one of the shared data folder, GRAPPE_SHARED_DATA).": (
        "La matrice commerciale 2020 stojkoski2023_trade_country_x_hs4product_2020.csv.gz (par "
        "défaut : celle du dossier de données partagées, GRAPPE_SHARED_DATA).",
        "مصفوفة التجارة لعام 2020 stojkoski2023_trade_country_x_hs4product_2020.csv.gz "
        "(الافتراضي: مصفوفة مجلد البيانات المشتركة، GRAPPE_SHARED_DATA).",
    ),
    "The '--trade' file must be the {year} trade matrix {name} (the profiles are stored as "
    "source {source}, year {year}). Got {path} instead.": (
        "Le fichier « --trade » doit être la matrice commerciale {year} {name} (les profils sont "
        "enregistrés avec la source {source}, année {year}). Reçu {path}.",
        "يجب أن يكون ملف '--trade' مصفوفة التجارة لعام {year} {name} (تُخزَّن الملفات بالمصدر "
        "{source} والسنة {year}). وردت {path} بدلا من ذلك.",
    ),
    "Compute and store the export profiles of countries (their pages /countries/<iso3>).": (
        "Calculer et enregistrer les profils d'exportation de pays (leurs pages "
        "/countries/<iso3>).",
        "حساب ملفات صادرات البلدان وتخزينها (صفحاتها /countries/<iso3>).",
    ),
    "table or json.": ("table ou json.", "table أو json."),
    "List the stored export profiles: country, year, source, published, corrections.": (
        "Lister les profils d'exportation enregistrés : pays, année, source, publié, "
        "corrections.",
        "عرض ملفات الصادرات المخزّنة: البلد، السنة، المصدر، منشور، التصحيحات.",
    ),
    "PRODUCT LANG TEXT: the product's name in fr, ar or en.": (
        "PRODUIT LANGUE TEXTE : le nom du produit en fr, ar ou en.",
        "المنتج اللغة النص: اسم المنتج بـ fr أو ar أو en.",
    ),
    "Hide this opportunity (with --reason).": (
        "Masquer cette opportunité (avec --reason).",
        "إخفاء هذه الفرصة (مع --reason).",
    ),
    "Why it is hidden.": ("Pourquoi elle est masquée.", "سبب إخفائها."),
    "Show a hidden opportunity again.": (
        "Afficher de nouveau une opportunité masquée.",
        "إظهار فرصة مخفية من جديد.",
    ),
    "Correct a stored profile: a product's name, an opportunity hidden or shown again.": (
        "Corriger un profil enregistré : le nom d'un produit, une opportunité masquée ou "
        "affichée de nouveau.",
        "تصحيح ملف مخزّن: اسم منتج، أو فرصة تُخفى أو تُظهر من جديد.",
    ),
    "Publish a stored export profile (its page /countries/<iso3> is public).": (
        "Publier un profil d'exportation enregistré (sa page /countries/<iso3> devient "
        "publique).",
        "نشر ملف صادرات مخزّن (تصبح صفحته /countries/<iso3> عامة).",
    ),
    "Withdraw a published export profile (kept, seen by analysts only).": (
        "Retirer un profil d'exportation publié (conservé, visible des seuls analystes).",
        "سحب ملف صادرات منشور (يُحتفظ به، ولا يراه إلا المحللون).",
    ),
    # cli/exports_registry.py: output
    "Country {done}/{total} stored.": (
        "Pays {done}/{total} enregistré.",
        "تم تخزين البلد {done}/{total}.",
    ),
    "Stored {countries}: {inserted} inserted, {updated} updated, {unchanged} unchanged (the "
    "profiles and the product space) in {seconds:.1f} s.": (
        "Enregistré {countries} : {inserted} ajoutés, {updated} mis à jour, {unchanged} "
        "inchangés (les profils et l'espace des produits) en {seconds:.1f} s.",
        "تم تخزين {countries}: {inserted} مضافة، {updated} محدّثة، {unchanged} دون تغيير "
        "(الملفات وفضاء المنتجات) في {seconds:.1f} ث.",
    ),
    "{count} countries": ("{count} pays", "{count} بلدا"),
    "Stored export profiles": ("Profils d'exportation enregistrés", "ملفات الصادرات المخزّنة"),
    "corrections": ("corrections", "التصحيحات"),
    "published": ("publié", "منشور"),
    "Corrected the export profile of {country} {year}.": (
        "Profil d'exportation de {country} {year} corrigé.",
        "تم تصحيح ملف صادرات {country} {year}.",
    ),
    "Published the export profile of {country} {year}: /countries/{country}.": (
        "Profil d'exportation de {country} {year} publié : /countries/{country}.",
        "تم نشر ملف صادرات {country} {year}: /countries/{country}.",
    ),
    "Withdrew the export profile of {country} {year}: only analysts see it.": (
        "Profil d'exportation de {country} {year} retiré : seuls les analystes le voient.",
        "تم سحب ملف صادرات {country} {year}: لا يراه إلا المحللون.",
    ),
    # cli/exports_registry.py and registry/export_jobs.py: errors
    "The '--token' parameter names no live token of this database (unknown, revoked or "
    "mistyped): see grappe token list.": (
        "Le paramètre « --token » ne désigne aucun jeton valide de cette base (inconnu, révoqué "
        "ou mal saisi) : voir grappe token list.",
        "المعامل '--token' لا يشير إلى أي رمز صالح في قاعدة البيانات هذه (غير معروف أو ملغى أو "
        "مكتوب خطأ): انظر grappe token list.",
    ),
    "A {role} token may not change export profiles: ask an admin or an analyst.": (
        "Un jeton de rôle {role} ne peut pas modifier les profils d'exportation : demandez à un "
        "administrateur ou à un analyste.",
        "لا يجوز لرمز بدور {role} تعديل ملفات الصادرات: اطلب ذلك من مسؤول أو محلل.",
    ),
    "No export profile of {country} is stored: store it first with grappe exports store "
    "{country} (grappe exports stored lists those stored).": (
        "Aucun profil d'exportation de {country} n'est enregistré : enregistrez-le d'abord avec "
        "grappe exports store {country} (grappe exports stored liste ceux qui le sont).",
        "لا يوجد ملف صادرات مخزّن لـ {country}: خزّنه أولا بالأمر grappe exports store "
        "{country} (يعرض grappe exports stored الملفات المخزّنة).",
    ),
    "grappe exports store needs either country codes (e.g. DZA MAR) or --all, not both and "
    "not neither.": (
        "grappe exports store demande soit des codes de pays (par ex. DZA MAR), soit --all, "
        "mais pas les deux ni aucun des deux.",
        "يتطلب grappe exports store إما رموز بلدان (مثلا DZA MAR) وإما --all، لا كليهما ولا "
        "أيا منهما.",
    ),
    "No opportunity {product!r} in the export profile of {country}: give a product of its "
    "opportunities (grappe exports opportunities).": (
        "Aucune opportunité {product!r} dans le profil d'exportation de {country} : indiquez un "
        "produit de ses opportunités (grappe exports opportunities).",
        "لا توجد فرصة {product!r} في ملف صادرات {country}: أعط منتجا من فرصه (grappe exports "
        "opportunities).",
    ),
    "No product {product!r} in the export profile of {country}: give a product of its table "
    "(the trade file's column name).": (
        "Aucun produit {product!r} dans le profil d'exportation de {country} : indiquez un "
        "produit de son tableau (le nom de colonne du fichier commercial).",
        "لا يوجد منتج {product!r} في ملف صادرات {country}: أعط منتجا من جدوله (اسم العمود في "
        "ملف التجارة).",
    ),
    "grappe exports correct needs --name, --hide or --show.": (
        "grappe exports correct demande --name, --hide ou --show.",
        "يتطلب grappe exports correct الخيار --name أو --hide أو --show.",
    ),
    "The '--hide' option of grappe exports correct needs --reason (why).": (
        "L'option « --hide » de grappe exports correct demande --reason (pourquoi).",
        "يتطلب الخيار '--hide' في grappe exports correct الخيار --reason (السبب).",
    ),
    "The opportunity {product!r} of {country} is not hidden.": (
        "L'opportunité {product!r} de {country} n'est pas masquée.",
        "الفرصة {product!r} الخاصة بـ {country} ليست مخفية.",
    ),
    "No country {countries} in the trade matrix: give ISO3 codes of its rows (e.g. DZA, MAR; "
    "grappe exports stored lists those stored).": (
        "Aucun pays {countries} dans la matrice commerciale : indiquez des codes ISO3 de ses "
        "lignes (par ex. DZA, MAR ; grappe exports stored liste ceux qui sont enregistrés).",
        "لا يوجد بلد {countries} في مصفوفة التجارة: أعط رموز ISO3 من صفوفها (مثلا DZA، MAR؛ "
        "يعرض grappe exports stored البلدان المخزّنة).",
    ),
}
