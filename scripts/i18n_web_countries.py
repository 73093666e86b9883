"""French and Arabic of the country pages (/countries, /countries/<iso3>) and of their links
from the region and cluster pages (package countrypages, issue 19): msgid -> (French, Arabic).
Machine-written, like the rest of the table."""

from __future__ import annotations

T_countries: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # base.html, region.html, region_ma.html, cluster.html
    "Countries": ("Pays", "البلدان"),
    "What the country exports": ("Ce que le pays exporte", "ما يصدّره البلد"),
    # templates/countries.html
    "Countries: exports and economic complexity": (
        "Pays : exportations et complexité économique",
        "البلدان: الصادرات والتعقيد الاقتصادي",
    ),
    "What each country exports with a revealed comparative advantage, how complex its exports "
    "are, and which products are within its reach.": (
        "Ce que chaque pays exporte avec un avantage comparatif révélé, la complexité de ses "
        "exportations et les produits à sa portée.",
        "ما يصدّره كل بلد بميزة نسبية ظاهرة، ومدى تعقيد صادراته، والمنتجات التي في متناوله.",
    ),
    "No country export profile is published yet.": (
        "Aucun profil d'exportation de pays n'est encore publié.",
        "لم يُنشر أي ملف صادرات لبلد بعد.",
    ),
    "Published country profiles, by rank of economic complexity": (
        "Profils de pays publiés, par rang de complexité économique",
        "ملفات البلدان المنشورة، حسب رتبة التعقيد الاقتصادي",
    ),
    "Year": ("Année", "السنة"),
    "Exports (USD)": ("Exportations (USD)", "الصادرات (دولار أمريكي)"),
    "Products with an advantage": ("Produits avec un avantage", "منتجات ذات ميزة"),
    "Economic complexity index": ("Indice de complexité économique", "مؤشر التعقيد الاقتصادي"),
    "%(rank)s of %(n)s": ("%(rank)s sur %(n)s", "%(rank)s من %(n)s"),
    # templates/country.html
    "exports": ("exportations", "الصادرات"),
    "exports and economic complexity, %(year)s": (
        "exportations et complexité économique, %(year)s",
        "الصادرات والتعقيد الاقتصادي، %(year)s",
    ),
    "In figures": ("En chiffres", "بالأرقام"),
    "Products with an advantage (RCA ≥ 1)": (
        "Produits avec un avantage (RCA ≥ 1)",
        "منتجات ذات ميزة (RCA ≥ 1)",
    ),
    "Economic complexity index (ECI)": (
        "Indice de complexité économique (ECI)",
        "مؤشر التعقيد الاقتصادي (ECI)",
    ),
    "ECI rank": ("Rang de l'ECI", "رتبة مؤشر التعقيد"),
    "Complexity outlook index (COI)": (
        "Indice de perspective de complexité (COI)",
        "مؤشر آفاق التعقيد (COI)",
    ),
    "This country exports less than the threshold of the complexity sample: its ECI and COI "
    "are projected from its products.": (
        "Ce pays exporte moins que le seuil de l'échantillon de complexité : son ECI et son COI "
        "sont projetés à partir de ses produits.",
        "يصدّر هذا البلد أقل من عتبة عيّنة التعقيد: لذا يُقدَّر مؤشرا ECI وCOI الخاصان به "
        "انطلاقًا من منتجاته.",
    ),
    "Products exported with an advantage": (
        "Produits exportés avec un avantage",
        "المنتجات المصدَّرة بميزة نسبية",
    ),
    "Share of exports of the %(n)s biggest products with an advantage": (
        "Part des exportations des %(n)s premiers produits avec un avantage",
        "حصة الصادرات لأكبر %(n)s منتجات ذات ميزة",
    ),
    "Products with a revealed comparative advantage (RCA ≥ 1), biggest first": (
        "Produits avec un avantage comparatif révélé (RCA ≥ 1), les plus importants d'abord",
        "المنتجات ذات الميزة النسبية الظاهرة (RCA ≥ 1)، الأكبر أولًا",
    ),
    "Product": ("Produit", "المنتج"),
    "HS code": ("Code SH", "رمز النظام المنسق"),
    "Share of exports": ("Part des exportations", "حصة الصادرات"),
    "Complexity (PCI)": ("Complexité (PCI)", "التعقيد (PCI)"),
    "No product is exported with an advantage.": (
        "Aucun produit n'est exporté avec un avantage.",
        "لا يُصدَّر أي منتج بميزة نسبية.",
    ),
    "Economic complexity over time": (
        "La complexité économique dans le temps",
        "التعقيد الاقتصادي عبر الزمن",
    ),
    "Published ECI of the OEC by year, with grappe's value for %(year)s": (
        "ECI publié par l'OEC par année, avec la valeur de grappe pour %(year)s",
        "مؤشر التعقيد الذي نشره مرصد التعقيد الاقتصادي (OEC) حسب السنة، مع قيمة grappe لسنة "
        "%(year)s",
    ),
    "Line: the ECI published by the OEC (trade); diamond: grappe's ECI computed on the "
    "%(year)s trade matrix.": (
        "Ligne : l'ECI publié par l'OEC (commerce) ; losange : l'ECI de grappe calculé sur la "
        "matrice commerciale de %(year)s.",
        "الخط: مؤشر التعقيد الذي نشره OEC (التجارة)؛ المعيّن: مؤشر grappe المحسوب على مصفوفة "
        "التجارة لسنة %(year)s.",
    ),
    "Economic complexity index by year": (
        "Indice de complexité économique par année",
        "مؤشر التعقيد الاقتصادي حسب السنة",
    ),
    "Published by the OEC": ("Publié par l'OEC", "المنشور من OEC"),
    "The OEC publishes no ECI for this country.": (
        "L'OEC ne publie pas d'ECI pour ce pays.",
        "لا ينشر OEC مؤشر تعقيد لهذا البلد.",
    ),
    "The product space": ("L'espace des produits", "فضاء المنتجات"),
    "Each dot is a product; products often exported together are linked. Filled: the "
    "country's products with an advantage; rings: its opportunities.": (
        "Chaque point est un produit ; les produits souvent exportés ensemble sont reliés. "
        "Pleins : les produits du pays avec un avantage ; anneaux : ses opportunités.",
        "كل نقطة منتج؛ وتُربط المنتجات التي كثيرًا ما تُصدَّر معًا. الدوائر الممتلئة: منتجات "
        "البلد ذات الميزة؛ الحلقات: فرصه.",
    ),
    "Product space with the country's products highlighted": (
        "Espace des produits où ressortent les produits du pays",
        "فضاء المنتجات مع إبراز منتجات البلد",
    ),
    "Product space (maximum spanning tree and links of proximity ≥ 0.55) of the trade matrix, "
    "laid out by grappe.": (
        "Espace des produits (arbre couvrant maximal et liens de proximité ≥ 0,55) de la "
        "matrice commerciale, disposé par grappe.",
        "فضاء المنتجات (الشجرة الممتدة القصوى والروابط ذات القرب ≥ 0.55) لمصفوفة التجارة، "
        "برسم grappe.",
    ),
    "Products in the drawing": ("Produits du dessin", "المنتجات في الرسم"),
    "Exported with an advantage (filled)": (
        "Exportés avec un avantage (pleins)",
        "مصدَّرة بميزة (ممتلئة)",
    ),
    "Opportunities (rings)": ("Opportunités (anneaux)", "الفرص (حلقات)"),
    "Other products": ("Autres produits", "منتجات أخرى"),
    "The products are listed in the tables of products and of opportunities.": (
        "Les produits sont listés dans les tableaux des produits et des opportunités.",
        "المنتجات مدرجة في جدولي المنتجات والفرص.",
    ),
    "Opportunities: products within reach": (
        "Opportunités : produits à portée",
        "الفرص: منتجات في المتناول",
    ),
    "Products not yet exported with an advantage, ranked by how close they are to what the "
    "country exports (relatedness density) and by the complexity they would open (complexity "
    "outlook gain).": (
        "Produits pas encore exportés avec un avantage, classés selon leur proximité avec ce que "
        "le pays exporte (densité de proximité) et selon la complexité qu'ils ouvriraient (gain "
        "de perspective de complexité).",
        "منتجات لا تُصدَّر بعد بميزة، مرتبة حسب قربها مما يصدّره البلد (كثافة الترابط) وحسب "
        "التعقيد الذي قد تفتحه (مكسب آفاق التعقيد).",
    ),
    "Rank": ("Rang", "الرتبة"),
    "Density": ("Densité", "الكثافة"),
    "Outlook gain (COG)": ("Gain de perspective (COG)", "مكسب الآفاق (COG)"),
    "Why": ("Pourquoi", "لماذا"),
    "No opportunity is published.": (
        "Aucune opportunité n'est publiée.",
        "لم تُنشر أي فرصة.",
    ),
    "Exports by cluster": ("Exportations par grappe", "الصادرات حسب العنقود"),
    "Share of exports placed in clusters: %(share)s": (
        "Part des exportations rattachée à des grappes : %(share)s",
        "حصة الصادرات المنسوبة إلى عناقيد: %(share)s",
    ),
    "Sources and method": ("Sources et méthode", "المصادر والمنهجية"),
    "Trade: exports by country and HS 4-digit product in %(year)s (Stojkoski, Koch & Hidalgo "
    "2023, as redistributed by Juhász et al. 2026; no open-data licence stated). Published "
    "ECI: the Observatory of Economic Complexity (oec.world). Product names: the HS "
    "nomenclature. Indicators computed by grappe.": (
        "Commerce : exportations par pays et par produit SH à 4 chiffres en %(year)s (Stojkoski, "
        "Koch et Hidalgo 2023, redistribuées par Juhász et al. 2026 ; aucune licence de données "
        "ouvertes indiquée). ECI publié : l'Observatoire de la complexité économique (oec.world). "
        "Noms des produits : la nomenclature SH. Indicateurs calculés par grappe.",
        "التجارة: الصادرات حسب البلد والمنتج وفق النظام المنسق بأربعة أرقام في %(year)s "
        "(ستويكوسكي وكوخ وهيدالغو 2023، كما أعاد نشرها يوهاس وآخرون 2026؛ دون ترخيص بيانات "
        "مفتوحة مذكور). مؤشر التعقيد المنشور: مرصد التعقيد الاقتصادي (oec.world). أسماء "
        "المنتجات: تسميات النظام المنسق. المؤشرات من حساب grappe.",
    ),
    "The data of this page (JSON)": (
        "Les données de cette page (JSON)",
        "بيانات هذه الصفحة (JSON)",
    ),
    "Method: docs/exports.md in grappe's documentation.": (
        "Méthode : docs/exports.md dans la documentation de grappe.",
        "المنهجية: docs/exports.md في توثيق grappe.",
    ),
    "Parameters of the computation": ("Paramètres du calcul", "معلمات الحساب"),
    # templates/country_correct.html, views/country_forms.py
    "Correct this profile": ("Corriger ce profil", "تصحيح هذا الملف"),
    "Correct the export profile": ("Corriger le profil d'exportation", "تصحيح ملف الصادرات"),
    "Back to the country's page": ("Retour à la page du pays", "العودة إلى صفحة البلد"),
    "The profile was corrected.": ("Le profil a été corrigé.", "تم تصحيح الملف."),
    "Is it published?": ("Est-il publié ?", "هل هو منشور؟"),
    "Published: the public sees this profile.": (
        "Publié : le public voit ce profil.",
        "منشور: يرى الجمهور هذا الملف.",
    ),
    "Not published: only admins and analysts see this profile.": (
        "Non publié : seuls les administrateurs et les analystes voient ce profil.",
        "غير منشور: لا يرى هذا الملف إلا المشرفون والمحللون.",
    ),
    "Withdraw it": ("Le retirer", "سحبه"),
    "Publish it": ("Le publier", "نشره"),
    "A product's name": ("Le nom d'un produit", "اسم منتج"),
    "Empty: the nomenclature's name again.": (
        "Vide : de nouveau le nom de la nomenclature.",
        "فارغ: يعود اسم التسميات.",
    ),
    "Save the name": ("Enregistrer le nom", "حفظ الاسم"),
    "Hide an opportunity": ("Masquer une opportunité", "إخفاء فرصة"),
    "Opportunity": ("Opportunité", "الفرصة"),
    "Hide it": ("La masquer", "إخفاؤها"),
    "Hidden opportunities": ("Opportunités masquées", "الفرص المخفية"),
    "Show it again": ("La montrer de nouveau", "إظهارها من جديد"),
    "Give the name on one line, 300 characters at most (empty: the nomenclature's).": (
        "Indiquez le nom sur une ligne, 300 caractères au plus (vide : celui de la nomenclature).",
        "أدخل الاسم في سطر واحد، 300 حرف على الأكثر (فارغ: اسم التسميات).",
    ),
    "Say why the opportunity is hidden, in 1 to 500 characters.": (
        "Dites pourquoi l'opportunité est masquée, en 1 à 500 caractères.",
        "اذكر سبب إخفاء الفرصة، في 1 إلى 500 حرف.",
    ),
    "Choose a product of the profile.": (
        "Choisissez un produit du profil.",
        "اختر منتجًا من الملف.",
    ),
    "Clusters: %(definitions)s; products placed in industries by the HS → NAICS concordance of "
    "the US Census Bureau (public domain). Farming (dates, for example) is outside these clusters "
    "and stays unplaced.": (
        "Grappes : %(definitions)s ; produits rattachés aux industries par la table de "
        "correspondance SH → SCIAN du Census Bureau américain (domaine public). L'agriculture (les "
        "dattes, par exemple) est hors de ces grappes et reste non rattachée.",
        "العناقيد: %(definitions)s؛ المنتجات منسوبة إلى الصناعات بجدول التناظر بين النظام المنسق "
        "ونظام NAICS الصادر عن مكتب الإحصاء الأمريكي (ملك عام). الزراعة (التمور مثلًا) خارج هذه "
        "العناقيد وتبقى غير منسوبة.",
    ),
}
