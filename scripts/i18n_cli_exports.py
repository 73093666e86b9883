"""French and Arabic of ``grappe exports`` and of the export-profile kernels and trade readers
(package exportsprofile, issue 19): msgid -> (French, Arabic). Machine-written, like the rest
of the table."""

from __future__ import annotations

CLI_T_exports: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/exports.py: help
    "A country's exports: products with an advantage, complexity, opportunities.": (
        "Les exportations d'un pays : produits où il a un avantage, complexité, opportunités.",
        "صادرات بلد: المنتجات التي يتمتع فيها بميزة، والتعقيد، والفرص.",
    ),
    "The products a country exports with a revealed comparative advantage (RCA ≥ 1), with\n"
    "their share of its exports, RCA and complexity (PCI), and the country's diversity, ECI,\n"
    "rank and COI.\n\nExample: grappe exports profile DZA --trade\n"
    "stojkoski2023_trade_country_x_hs4product_2020.csv.gz --lang fr --top 10": (
        "Les produits qu'un pays exporte avec un avantage comparatif révélé (ACR ≥ 1), avec\n"
        "leur part de ses exportations, leur ACR et leur complexité (PCI), et la diversité,\n"
        "l'ECI, le rang et le COI du pays.\n\nExemple : grappe exports profile DZA --trade\n"
        "stojkoski2023_trade_country_x_hs4product_2020.csv.gz --lang fr --top 10",
        "المنتجات التي يصدرها بلد بميزة نسبية ظاهرة (RCA ≥ 1)، مع حصتها من صادراته\n"
        "ومؤشر الميزة النسبية وتعقيدها (PCI)، وتنوع البلد ومؤشر تعقيده الاقتصادي (ECI)\n"
        "ورتبته ومؤشر آفاق تعقيده (COI).\n\nمثال: grappe exports profile DZA --trade\n"
        "stojkoski2023_trade_country_x_hs4product_2020.csv.gz --lang fr --top 10",
    ),
    "Country code as in the trade file (ISO3 for the bundled matrix).": (
        "Code du pays comme dans le fichier d'échanges (ISO3 pour la matrice fournie).",
        "رمز البلد كما في ملف التجارة (ISO3 للمصفوفة المرفقة).",
    ),
    "Trade matrix: wide (first column = country, one column per product, e.g. "
    "stojkoski2023_trade_country_x_hs4product_2020.csv.gz) or long (country, product, value).": (
        "Matrice des échanges : large (première colonne = pays, une colonne par produit, par "
        "ex. stojkoski2023_trade_country_x_hs4product_2020.csv.gz) ou longue (pays, produit, "
        "valeur).",
        "مصفوفة التجارة: عريضة (العمود الأول = البلد، وعمود لكل منتج، مثلا "
        "stojkoski2023_trade_country_x_hs4product_2020.csv.gz) أو طويلة (البلد، المنتج، القيمة).",
    ),
    "Show only the first N rows.": (
        "N'afficher que les N premières lignes.",
        "عرض الصفوف N الأولى فقط.",
    ),
    "Language of the product names and reasons: fr, ar, en.": (
        "Langue des noms de produits et des raisons : fr, ar, en.",
        "لغة أسماء المنتجات والأسباب: fr أو ar أو en.",
    ),
    "The OEC's published ECI table (oec_eci_trade_1998_2022.csv) to show beside grappe's value.": (
        "La table de l'ECI publiée par l'OEC (oec_eci_trade_1998_2022.csv), à montrer à côté "
        "de la valeur de grappe.",
        "جدول مؤشر التعقيد الاقتصادي الذي ينشره مرصد التعقيد الاقتصادي "
        "(oec_eci_trade_1998_2022.csv)، لعرضه بجانب قيمة grappe.",
    ),
    "Year of the trade data.": (
        "Année des données d'échanges.",
        "سنة بيانات التجارة.",
    ),
    "Complexity sample: countries exporting at least this much (USD).": (
        "Échantillon de complexité : pays exportant au moins ce montant (USD).",
        "عينة التعقيد: البلدان التي تصدر هذا المبلغ على الأقل (بالدولار الأمريكي).",
    ),
    "Complexity sample: products the world exports at least this much (USD).": (
        "Échantillon de complexité : produits dont le monde exporte au moins ce montant (USD).",
        "عينة التعقيد: المنتجات التي يصدر منها العالم هذا المبلغ على الأقل (بالدولار الأمريكي).",
    ),
    "The products a country does not export with an advantage yet, ranked by a score of\n"
    "relatedness density and complexity outlook gain (COG), each with its reasons.\n\n"
    "Example: grappe exports opportunities DZA --trade\n"
    "stojkoski2023_trade_country_x_hs4product_2020.csv.gz --top 10": (
        "Les produits qu'un pays n'exporte pas encore avec un avantage, classés par un score\n"
        "de densité de proximité et de gain de perspective de complexité (COG), chacun avec\n"
        "ses raisons.\n\nExemple : grappe exports opportunities DZA --trade\n"
        "stojkoski2023_trade_country_x_hs4product_2020.csv.gz --top 10",
        "المنتجات التي لا يصدرها بلد بميزة بعد، مرتبة حسب درجة تجمع كثافة الترابط\n"
        "ومكسب آفاق التعقيد (COG)، ولكل منها أسبابه.\n\n"
        "مثال: grappe exports opportunities DZA --trade\n"
        "stojkoski2023_trade_country_x_hs4product_2020.csv.gz --top 10",
    ),
    "Number of opportunities.": ("Nombre d'opportunités.", "عدد الفرص."),
    "HS codes or prefixes never proposed, comma-separated (e.g. 27,7108); 'extractive' "
    "(ores, mineral fuels, diamonds, unwrought precious metals) or 'none'.": (
        "Codes SH ou préfixes jamais proposés, séparés par des virgules (p. ex. 27,7108) ; "
        "« extractive » (minerais, combustibles minéraux, diamants, métaux précieux bruts) ou "
        "« none ».",
        "رموز النظام المنسق أو بداياتها التي لا تُقترح أبدًا، مفصولة بفواصل (مثل 27,7108)؛ "
        "'extractive' (الخامات والوقود المعدني والماس والمعادن الثمينة الخام) أو 'none'.",
    ),
    "The 'exclude' parameter of {func} takes HS codes or code prefixes of 1 to 6 digits, e.g. "
    "27 or 7108; got {value!r}.": (
        "Le paramètre 'exclude' de {func} prend des codes SH ou des préfixes de 1 à 6 chiffres, "
        "p. ex. 27 ou 7108 ; reçu {value!r}.",
        "المعامل 'exclude' في {func} يأخذ رموز النظام المنسق أو بداياتها من رقم إلى 6 أرقام، مثل "
        "27 أو 7108؛ القيمة المعطاة {value!r}.",
    ),
    "Weight of relatedness density in the opportunity score (the rest on COG), 0 to 1.": (
        "Poids de la densité de proximité dans le score des opportunités (le reste sur le "
        "COG), de 0 à 1.",
        "وزن كثافة الترابط في درجة الفرص (والباقي لمكسب آفاق التعقيد)، من 0 إلى 1.",
    ),
    # cli/exports.py: progress and tables
    "Reading {path}…": ("Lecture de {path}…", "قراءة {path}…"),
    "Computing the profile of {country}…": (
        "Calcul du profil de {country}…",
        "حساب ملف {country}…",
    ),
    "{name} ({country}): exports {total} USD; advantage (RCA ≥ 1) in {diversity} products; "
    "ECI {eci} (rank {rank} of {n}); COI {coi}": (
        "{name} ({country}) : exportations {total} USD ; avantage (ACR ≥ 1) dans {diversity} "
        "produits ; ECI {eci} (rang {rank} sur {n}) ; COI {coi}",
        "{name} ({country}): صادرات {total} دولار أمريكي؛ ميزة (RCA ≥ 1) في {diversity} "
        "منتجا؛ مؤشر التعقيد الاقتصادي {eci} (المرتبة {rank} من {n})؛ مؤشر آفاق التعقيد {coi}",
    ),
    "; OEC's published ECI {year}: {eci}": (
        " ; ECI publié par l'OEC {year} : {eci}",
        "؛ مؤشر التعقيد الاقتصادي المنشور من المرصد {year}: {eci}",
    ),
    " (projected: the country is outside the complexity sample)": (
        " (projeté : le pays est hors de l'échantillon de complexité)",
        " (مُسقَط: البلد خارج عينة التعقيد)",
    ),
    "HS": ("SH", "النظام المنسق"),
    "product": ("produit", "المنتج"),
    "RCA": ("ACR", "الميزة النسبية"),
    "PCI": ("PCI", "تعقيد المنتج"),
    # complexity/exports.py
    "The 'min_country_exports' and 'min_product_exports' parameters of export_profile must "
    "leave at least 2 countries and 2 products with an advantage. Got {countries} countries "
    "and {products} products instead.": (
        "Les paramètres 'min_country_exports' et 'min_product_exports' de export_profile "
        "doivent laisser au moins 2 pays et 2 produits avec un avantage. Reçu {countries} pays "
        "et {products} produits.",
        "يجب أن يترك المعاملان 'min_country_exports' و'min_product_exports' للدالة "
        "export_profile بلدين ومنتجين على الأقل بميزة. تم الحصول على {countries} بلدا "
        "و{products} منتجا.",
    ),
    "The country {country!r} is not a row of the trade matrix (close codes: {close}); use the "
    "matrix's country codes (ISO3 for the bundled matrix).": (
        "Le pays {country!r} n'est pas une ligne de la matrice des échanges (codes proches : "
        "{close}) ; utilisez les codes de pays de la matrice (ISO3 pour la matrice fournie).",
        "البلد {country!r} ليس صفا في مصفوفة التجارة (رموز قريبة: {close})؛ استعمل رموز "
        "البلدان الواردة في المصفوفة (ISO3 للمصفوفة المرفقة).",
    ),
    "The country {country!r} exports nothing in the trade matrix, so it has no profile; choose "
    "a country with exports.": (
        "Le pays {country!r} n'exporte rien dans la matrice des échanges, il n'a donc pas de "
        "profil ; choisissez un pays qui exporte.",
        "البلد {country!r} لا يصدر شيئا في مصفوفة التجارة، فلا ملف له؛ اختر بلدا له صادرات.",
    ),
    "relatedness density {density}, rank {rank} of {count} among the products not yet exported": (
        "densité de proximité {density}, rang {rank} sur {count} parmi les produits pas "
        "encore exportés",
        "كثافة الترابط {density}، المرتبة {rank} من {count} بين المنتجات غير المصدرة بعد",
    ),
    "complexity (PCI) {pci} against {average} on average for the products exported": (
        "complexité (PCI) {pci} contre {average} en moyenne pour les produits exportés",
        "التعقيد (PCI) {pci} مقابل {average} في المتوسط للمنتجات المصدرة",
    ),
    "complexity outlook gain {cog}": (
        "gain de perspective de complexité {cog}",
        "مكسب آفاق التعقيد {cog}",
    ),
    "close to {near}": ("proche de {near}", "قريب من {near}"),
    # io/trade.py
    "trade table": ("table des échanges", "جدول التجارة"),
    "A wide trade table needs a country column and product columns.": (
        "Une table d'échanges large doit avoir une colonne de pays et des colonnes de produits.",
        "يحتاج جدول التجارة العريض إلى عمود للبلد وأعمدة للمنتجات.",
    ),
    "give one column per product after the country column, or a long table with country, "
    "product and value columns.": (
        "donnez une colonne par produit après la colonne du pays, ou une table longue avec des "
        "colonnes pays, produit et valeur.",
        "أعط عمودا لكل منتج بعد عمود البلد، أو جدولا طويلا بأعمدة البلد والمنتج والقيمة.",
    ),
    "country and product": ("pays et produit", "البلد والمنتج"),
    "The country code is empty.": ("Le code du pays est vide.", "رمز البلد فارغ."),
    "write the country's code in every row.": (
        "écrivez le code du pays sur chaque ligne.",
        "اكتب رمز البلد في كل صف.",
    ),
    "{code!r} is not an ISO 3166-1 alpha-3 country code.": (
        "{code!r} n'est pas un code de pays ISO 3166-1 alpha-3.",
        "{code!r} ليس رمز بلد وفق ISO 3166-1 alpha-3.",
    ),
    "write the country as its three-letter ISO code (DZA, MAR, TUN…), or accept any label with "
    "--countries any.": (
        "écrivez le pays avec son code ISO à trois lettres (DZA, MAR, TUN…), ou acceptez "
        "toute étiquette avec --countries any.",
        "اكتب البلد برمزه ISO المكون من ثلاثة أحرف (DZA، MAR، TUN…)، أو اقبل أي تسمية "
        "بالخيار --countries any.",
    ),
    "The {what} {label!r} is already in row {first}.": (
        "Le {what} {label!r} figure déjà à la ligne {first}.",
        "{what} {label!r} موجود من قبل في الصف {first}.",
    ),
    "keep one row per {what} (add the repeated rows up).": (
        "gardez une ligne par {what} (additionnez les lignes répétées).",
        "احتفظ بصف واحد لكل {what} (اجمع الصفوف المكررة).",
    ),
    "write the export value as a number (0 for no exports).": (
        "écrivez la valeur exportée comme un nombre (0 s'il n'y a pas d'exportation).",
        "اكتب قيمة الصادرات رقما (0 إذا لم تكن هناك صادرات).",
    ),
    "{value!r} is negative; exports cannot be.": (
        "{value!r} est négatif ; des exportations ne peuvent pas l'être.",
        "{value!r} سالب؛ ولا يمكن أن تكون الصادرات سالبة.",
    ),
    "write the export value (0 or more); re-exports are not subtracted.": (
        "écrivez la valeur exportée (0 ou plus) ; les réexportations ne sont pas soustraites.",
        "اكتب قيمة الصادرات (0 أو أكثر)؛ لا تُطرح إعادة التصدير.",
    ),
    "The cell is empty.": ("La cellule est vide.", "الخلية فارغة."),
    "write 0 where the country exports none of the product.": (
        "écrivez 0 là où le pays n'exporte rien du produit.",
        "اكتب 0 حيث لا يصدر البلد شيئا من المنتج.",
    ),
    "Every export value is 0.": (
        "Toutes les valeurs exportées sont nulles.",
        "كل قيم الصادرات تساوي 0.",
    ),
    "check that the file holds the export values.": (
        "vérifiez que le fichier contient les valeurs exportées.",
        "تحقق من أن الملف يحتوي على قيم الصادرات.",
    ),
    "ECI table": ("table de l'ECI", "جدول مؤشر التعقيد الاقتصادي"),
    "give the OEC table with iso3, year and eci columns.": (
        "donnez la table de l'OEC avec les colonnes iso3, year et eci.",
        "أعط جدول المرصد بالأعمدة iso3 وyear وeci.",
    ),
    "write the year and the ECI as numbers.": (
        "écrivez l'année et l'ECI comme des nombres.",
        "اكتب السنة ومؤشر التعقيد الاقتصادي أرقاما.",
    ),
}
