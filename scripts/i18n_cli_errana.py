"""French and Arabic of the errors of spatial, network and ecosystem (package errana), merged
into ``CLI_T`` by scripts/i18n_cli.py. Machine-written, not yet reviewed by a human translator.

Terms: tie = lien / رابط, actor = acteur / فاعل, support bodies = organismes d'appui / هيئات
الدعم, establishment = établissement / مؤسسة, wave = vague / دفعة, study area = zone d'étude /
منطقة الدراسة. Placeholders, option names, column names and code stay Latin.
"""

from __future__ import annotations

CLI_T_errana: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # --- ecosystem: support bodies --------------------------------------------------------------
    "the table of support bodies lacks the columns {missing}.": (
        "il manque à la table des organismes d'appui les colonnes {missing}.",
        "تنقص جدولَ هيئات الدعم الأعمدةُ {missing}.",
    ),
    "read the file with grappe.io.read_support_bodies, which gives the columns {columns}.": (
        "lisez le fichier avec grappe.io.read_support_bodies, qui donne les colonnes {columns}.",
        "اقرأ الملف بواسطة grappe.io.read_support_bodies التي تعطي الأعمدة {columns}.",
    ),
    "{count} bodies have no valid coordinates (the first, at position {first} of the table, "
    "has lat={lat!r}, lon={lon!r}).": (
        "{count} organismes n'ont pas de coordonnées valides (le premier, à la position {first} "
        "de la table, a lat={lat!r}, lon={lon!r}).",
        "{count} هيئة ليست لها إحداثيات صالحة (الأولى، في الموضع {first} من الجدول، لها "
        "lat={lat!r}، lon={lon!r}).",
    ),
    "give latitudes in [-90, 90] and longitudes in [-180, 180], or leave the row out.": (
        "donnez des latitudes dans [-90, 90] et des longitudes dans [-180, 180], ou écartez la "
        "ligne.",
        "أعطِ خطوط عرض ضمن [-90, 90] وخطوط طول ضمن [-180, 180]، أو استبعد السطر.",
    ),
    "The {name!r} parameter of {func} must be a number of decimal degrees. Got {value!r} "
    "instead.": (
        "Le paramètre {name!r} de {func} doit être un nombre de degrés décimaux. Reçu {value!r}.",
        "يجب أن يكون المُعامل {name!r} في {func} عدداً بالدرجات العشرية. القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} must be in [-{bound:g}, {bound:g}] decimal degrees. Got "
    "{value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être dans [-{bound:g}, {bound:g}] degrés "
        "décimaux. Reçu {value!r}.",
        "يجب أن يكون المُعامل {name!r} في {func} ضمن [-{bound:g}, {bound:g}] درجة عشرية. "
        "القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} must be a finite number of kilometres, at least 0. Got "
    "{value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être un nombre fini de kilomètres, au moins 0. "
        "Reçu {value!r}.",
        "يجب أن يكون المُعامل {name!r} في {func} عدداً منتهياً من الكيلومترات، لا يقل عن 0. "
        "القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} must be a finite number of metres, at least 0. Got "
    "{value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être un nombre fini de mètres, au moins 0. "
        "Reçu {value!r}.",
        "يجب أن يكون المُعامل {name!r} في {func} عدداً منتهياً من الأمتار، لا يقل عن 0. "
        "القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} must name at least one type. Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit nommer au moins un type. Reçu {value!r}.",
        "يجب أن يسمّي المُعامل {name!r} في {func} نوعاً واحداً على الأقل. القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} names unknown types {unknown}. Known types: {known}.": (
        "Le paramètre {name!r} de {func} nomme des types inconnus {unknown}. Types connus : "
        "{known}.",
        "يسمّي المُعامل {name!r} في {func} أنواعاً غير معروفة {unknown}. الأنواع المعروفة: {known}.",
    ),
    "The {name!r} parameter of {func} must hold whole wilaya codes (1 to 58). Got {value} among "
    "them.": (
        "Le paramètre {name!r} de {func} doit contenir des codes de wilaya entiers (1 à 58). "
        "Reçu {value} parmi eux.",
        "يجب أن يحتوي المُعامل {name!r} في {func} على رموز ولايات صحيحة (من 1 إلى 58). ومن "
        "بين القيم المعطاة {value}.",
    ),
    "The {name!r} parameter of {func} must be a column of the bodies. Got {value!r}; the table "
    "has {columns}.": (
        "Le paramètre {name!r} de {func} doit être une colonne des organismes. Reçu {value!r} ; "
        "la table a {columns}.",
        "يجب أن يكون المُعامل {name!r} في {func} عموداً من أعمدة الهيئات. القيمة المعطاة "
        "{value!r}؛ وأعمدة الجدول {columns}.",
    ),
    "The {name!r} parameter of {func} must be a positive number. Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être un nombre positif. Reçu {value!r}.",
        "يجب أن يكون المُعامل {name!r} في {func} عدداً موجباً. القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} names columns {absent} that the coverage table does not "
    "have (it has {columns}).": (
        "Le paramètre {name!r} de {func} nomme des colonnes {absent} que la table de couverture "
        "n'a pas (elle a {columns}).",
        "يسمّي المُعامل {name!r} في {func} أعمدة {absent} لا يتضمنها جدول التغطية (أعمدته "
        "{columns}).",
    ),
    "The {name!r} parameter of {func} must hold counts of at least 0. Got {value} among them.": (
        "Le paramètre {name!r} de {func} doit contenir des effectifs d'au moins 0. Reçu {value} "
        "parmi eux.",
        "يجب أن يحتوي المُعامل {name!r} في {func} على أعداد لا تقل عن 0. ومن بين القيم "
        "المعطاة {value}.",
    ),
    "The {name!r} parameter of {func} must be a DataFrame with the columns code, lat, lon.": (
        "Le paramètre {name!r} de {func} doit être un DataFrame avec les colonnes code, lat, lon.",
        "يجب أن يكون المُعامل {name!r} في {func} جدول DataFrame بالأعمدة code وlat وlon.",
    ),
    # --- network: actors and ties tables ----------------------------------------------------------
    "The {name!r} parameter of {func} must be a pair (low, high) of numbers. Got {value!r} "
    "instead.": (
        "Le paramètre {name!r} de {func} doit être une paire (bas, haut) de nombres. Reçu "
        "{value!r}.",
        "يجب أن يكون المُعامل {name!r} في {func} زوجاً (أدنى، أعلى) من الأعداد. القيمة "
        "المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} must be a pair (low, high) with low < high. Got {value!r} "
    "instead.": (
        "Le paramètre {name!r} de {func} doit être une paire (bas, haut) avec bas < haut. Reçu "
        "{value!r}.",
        "يجب أن يكون المُعامل {name!r} في {func} زوجاً (أدنى، أعلى) حيث أدنى < أعلى. القيمة "
        "المعطاة {value!r}.",
    ),
    "The column {column!r} is missing (columns found: {columns}).": (
        "La colonne {column!r} manque (colonnes trouvées : {columns}).",
        "العمود {column!r} مفقود (الأعمدة الموجودة: {columns}).",
    ),
    "Add a column named {column!r}.": (
        "Ajoutez une colonne nommée {column!r}.",
        "أضف عموداً اسمه {column!r}.",
    ),
    "tie type": ("type de lien", "نوع الرابط"),
    "Use one of {options}, or leave it empty.": (
        "Utilisez l'une des valeurs {options}, ou laissez la cellule vide.",
        "استعمل إحدى القيم {options}، أو اترك الخانة فارغة.",
    ),
    "Use one of {options}.": (
        "Utilisez l'une des valeurs {options}.",
        "استعمل إحدى القيم {options}.",
    ),
    "Unknown {what} {value!r}.": (
        "Valeur inconnue de {what} : {value!r}.",
        "قيمة غير معروفة لـ {what}: {value!r}.",
    ),
    "Self-tie: actor {value!r} is tied to itself.": (
        "Boucle : l'acteur {value!r} est lié à lui-même.",
        "رابط ذاتي: الفاعل {value!r} مرتبط بنفسه.",
    ),
    "Remove the row; a tie links two different actors.": (
        "Supprimez la ligne ; un lien relie deux acteurs différents.",
        "احذف السطر؛ فالرابط يصل بين فاعلَين مختلفَين.",
    ),
    "Give every actor a unique id.": (
        "Donnez à chaque acteur un identifiant unique.",
        "أعطِ كل فاعل معرِّفاً (id) فريداً.",
    ),
    "The actor id is empty.": (
        "L'identifiant de l'acteur est vide.",
        "معرِّف الفاعل فارغ.",
    ),
    "The actor id {value!r} is used twice (first on row {first}).": (
        "L'identifiant d'acteur {value!r} est utilisé deux fois (d'abord à la ligne {first}).",
        "معرِّف الفاعل {value!r} مستعمل مرتين (أول مرة في السطر {first}).",
    ),
    "The member value {value!r} is not a yes/no value.": (
        "La valeur member {value!r} n'est pas une valeur oui/non.",
        "القيمة {value!r} في member ليست قيمة نعم/لا.",
    ),
    "Use true/false, yes/no or 1/0.": (
        "Utilisez true/false, yes/no ou 1/0.",
        "استعمل true/false أو yes/no أو 1/0.",
    ),
    "Name the actor by its id.": (
        "Nommez l'acteur par son identifiant (id).",
        "سمِّ الفاعل بمعرِّفه (id).",
    ),
    "The {end} is empty.": (
        "La cellule {end} est vide.",
        "الخانة {end} فارغة.",
    ),
    "The tie names the unknown actor {value!r}.": (
        "Le lien nomme l'acteur inconnu {value!r}.",
        "يسمّي الرابط فاعلاً غير معروف {value!r}.",
    ),
    "Add the actor to the actors table or correct the id.": (
        "Ajoutez l'acteur à la table des acteurs ou corrigez l'identifiant.",
        "أضف الفاعل إلى جدول الفاعلين أو صحّح المعرِّف.",
    ),
    "The confidence {value!r} is not a number between 0 and 1.": (
        "La confiance {value!r} n'est pas un nombre entre 0 et 1.",
        "قيمة الثقة {value!r} ليست عدداً بين 0 و1.",
    ),
    "Use a share between 0 and 1.": (
        "Utilisez une part entre 0 et 1.",
        "استعمل نسبة بين 0 و1.",
    ),
    "The directed value {value!r} is not a yes/no value.": (
        "La valeur directed {value!r} n'est pas une valeur oui/non.",
        "القيمة {value!r} في directed ليست قيمة نعم/لا.",
    ),
    "The strength {value!r} is off the scale [{lo:g}, {hi:g}].": (
        "L'intensité {value!r} est hors de l'échelle [{lo:g}, {hi:g}].",
        "القوة {value!r} خارج السلّم [{lo:g}, {hi:g}].",
    ),
    "Use a number on the scale, or weak/medium/strong (1/2/3).": (
        "Utilisez un nombre de l'échelle, ou weak/medium/strong (1/2/3).",
        "استعمل عدداً ضمن السلّم، أو weak/medium/strong (1/2/3).",
    ),
    "{type}, wave {wave}": ("{type}, vague {wave}", "{type}، الدفعة {wave}"),
    "The tie {u!r}–{v!r} ({kind}) is already in row {seen} from the same respondent.": (
        "Le lien {u!r}–{v!r} ({kind}) figure déjà à la ligne {seen}, du même répondant.",
        "الرابط {u!r}–{v!r} ({kind}) موجود من قبل في السطر {seen} من المجيب نفسه.",
    ),
    "The tie {u!r}–{v!r} ({kind}) is already in row {seen}.": (
        "Le lien {u!r}–{v!r} ({kind}) figure déjà à la ligne {seen}.",
        "الرابط {u!r}–{v!r} ({kind}) موجود من قبل في السطر {seen}.",
    ),
    "keep one row per pair of actors, tie type and wave (and respondent), or merge the repeated "
    "rows into one tie with duplicates='sum' (--duplicates sum).": (
        "gardez une ligne par paire d'acteurs, type de lien et vague (et répondant), ou fusionnez "
        "les lignes répétées en un seul lien avec duplicates='sum' (--duplicates sum).",
        "احتفظ بسطر واحد لكل زوج من الفاعلين ونوع رابط ودفعة (ومجيب)، أو ادمج الأسطر المكررة "
        "في رابط واحد بواسطة duplicates='sum' (--duplicates sum).",
    ),
    "Contradictory duplicate ties {u!r}–{v!r} ({kind}): strengths {strengths} on rows {rows}.": (
        "Liens en double contradictoires {u!r}–{v!r} ({kind}) : intensités {strengths} aux "
        "lignes {rows}.",
        "روابط مكررة متناقضة {u!r}–{v!r} ({kind}): القوى {strengths} في الأسطر {rows}.",
    ),
    "Keep one strength per tie, or give the reports different waves.": (
        "Gardez une intensité par lien, ou donnez aux déclarations des vagues différentes.",
        "احتفظ بقوة واحدة لكل رابط، أو أعطِ التصريحات دفعات مختلفة.",
    ),
    # --- spatial: points of establishments --------------------------------------------------------
    "The {name!r} parameter of {func} must be a coordinate reference system such as 'EPSG:4326' "
    "(longitude/latitude) or 'EPSG:2154' (Lambert-93, metres). Got None instead.": (
        "Le paramètre {name!r} de {func} doit être un système de coordonnées de référence comme "
        "'EPSG:4326' (longitude/latitude) ou 'EPSG:2154' (Lambert-93, mètres). Reçu None.",
        "يجب أن يكون المُعامل {name!r} في {func} نظام إحداثيات مرجعياً مثل 'EPSG:4326' "
        "(خط الطول/خط العرض) أو 'EPSG:2154' (Lambert-93، بالأمتار). القيمة المعطاة None.",
    ),
    "The {name!r} parameter of {func} must be a coordinate reference system known to PROJ such "
    "as 'EPSG:4326'. Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être un système de coordonnées de référence connu "
        "de PROJ comme 'EPSG:4326'. Reçu {value!r}.",
        "يجب أن يكون المُعامل {name!r} في {func} نظام إحداثيات مرجعياً تعرفه PROJ مثل "
        "'EPSG:4326'. القيمة المعطاة {value!r}.",
    ),
    "The 'activity' parameter must be one of the activities present ({shown}). Got {value!r} "
    "instead.": (
        "Le paramètre 'activity' doit être l'une des activités présentes ({shown}). Reçu "
        "{value!r}.",
        "يجب أن يكون المُعامل 'activity' أحد الأنشطة الموجودة ({shown}). القيمة المعطاة {value!r}.",
    ),
    "{message} The points were read without an activity column: name it (grappe spatial "
    "--activity-column, read_points(activity=...)).": (
        "{message} Les points ont été lus sans colonne d'activité : nommez-la (grappe spatial "
        "--activity-column, read_points(activity=...)).",
        "{message} قُرئت النقاط دون عمود للنشاط: سمِّه (grappe spatial --activity-column، "
        "read_points(activity=...)).",
    ),
    "The {name!r} parameter of {func} must be (xmin, ymin, xmax, ymax) with xmin < xmax and "
    "ymin < ymax. Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être (xmin, ymin, xmax, ymax) avec xmin < xmax "
        "et ymin < ymax. Reçu {value!r}.",
        "يجب أن يكون المُعامل {name!r} في {func} بالشكل (xmin, ymin, xmax, ymax) حيث "
        "xmin < xmax وymin < ymax. القيمة المعطاة {value!r}.",
    ),
    "The column {column!r} is missing (columns present: {columns}).": (
        "La colonne {column!r} manque (colonnes présentes : {columns}).",
        "العمود {column!r} مفقود (الأعمدة الموجودة: {columns}).",
    ),
    "Name the right column with the x=, y=, id=, activity= or weight= option.": (
        "Nommez la bonne colonne avec l'option x=, y=, id=, activity= ou weight=.",
        "سمِّ العمود الصحيح بالخيار x= أو y= أو id= أو activity= أو weight=.",
    ),
    "{value!r} is not a number.": (
        "{value!r} n'est pas un nombre.",
        "{value!r} ليس عدداً.",
    ),
    "Write coordinates as decimal numbers with a dot.": (
        "Écrivez les coordonnées en nombres décimaux avec un point.",
        "اكتب الإحداثيات أعداداً عشرية بنقطة فاصلة.",
    ),
    "The coordinates are empty.": (
        "Les coordonnées sont vides.",
        "الإحداثيات فارغة.",
    ),
    "Geocode the establishment, or pass on_missing='drop' to leave it out.": (
        "Géocodez l'établissement, ou passez on_missing='drop' pour l'écarter.",
        "حدِّد الموقع الجغرافي للمؤسسة، أو مرِّر on_missing='drop' لاستبعادها.",
    ),
    "The point ({x!r}, {y!r}) is outside the study area {bounds!r}.": (
        "Le point ({x!r}, {y!r}) est hors de la zone d'étude {bounds!r}.",
        "النقطة ({x!r}, {y!r}) خارج منطقة الدراسة {bounds!r}.",
    ),
    "Correct its geocoding, or pass on_outside='drop' to leave it out.": (
        "Corrigez son géocodage, ou passez on_outside='drop' pour l'écarter.",
        "صحّح تحديد موقعها الجغرافي، أو مرِّر on_outside='drop' لاستبعادها.",
    ),
    "The identifier {value!r} appears more than once.": (
        "L'identifiant {value!r} apparaît plus d'une fois.",
        "المعرِّف {value!r} يظهر أكثر من مرة.",
    ),
    "Give each establishment its own identifier, or merge the rows of one establishment with "
    "duplicates='sum' (--duplicates sum).": (
        "Donnez à chaque établissement son propre identifiant, ou fusionnez les lignes d'un même "
        "établissement avec duplicates='sum' (--duplicates sum).",
        "أعطِ كل مؤسسة معرِّفها الخاص، أو ادمج أسطر المؤسسة الواحدة بواسطة duplicates='sum' "
        "(--duplicates sum).",
    ),
    "The weight is empty.": ("Le poids est vide.", "الوزن فارغ."),
    "The weight {value!r} is not a non-negative number.": (
        "Le poids {value!r} n'est pas un nombre positif ou nul.",
        "الوزن {value!r} ليس عدداً غير سالب.",
    ),
    "Write employees as a number ≥ 0 (0 for none).": (
        "Écrivez les effectifs salariés comme un nombre ≥ 0 (0 pour aucun).",
        "اكتب عدد العمال عدداً ≥ 0 (0 إن لم يوجد أحد).",
    ),
    "The rows {rows} of establishment {ident!r} have different coordinates or activities, so "
    "they cannot be added up.": (
        "Les lignes {rows} de l'établissement {ident!r} ont des coordonnées ou des activités "
        "différentes : elles ne peuvent pas être additionnées.",
        "للأسطر {rows} من المؤسسة {ident!r} إحداثيات أو أنشطة مختلفة، فلا يمكن جمعها.",
    ),
    "Give each establishment its own identifier.": (
        "Donnez à chaque établissement son propre identifiant.",
        "أعطِ كل مؤسسة معرِّفها الخاص.",
    ),
    "The point ({lon:g}, {lat:g}) is out of range for longitude/latitude (longitude and "
    "latitude look swapped).": (
        "Le point ({lon:g}, {lat:g}) est hors des bornes de longitude/latitude (longitude et "
        "latitude semblent inversées).",
        "النقطة ({lon:g}, {lat:g}) خارج مجال خط الطول/خط العرض (يبدو أن خط الطول وخط العرض "
        "مقلوبان).",
    ),
    "The point ({lon:g}, {lat:g}) is out of range for longitude/latitude.": (
        "Le point ({lon:g}, {lat:g}) est hors des bornes de longitude/latitude.",
        "النقطة ({lon:g}, {lat:g}) خارج مجال خط الطول/خط العرض.",
    ),
    "Swap the options: x={y!r}, y={x!r}.": (
        "Inversez les options : x={y!r}, y={x!r}.",
        "اعكس الخيارين: x={y!r}، y={x!r}.",
    ),
    "Check the geocoding, or give the CRS of projected coordinates.": (
        "Vérifiez le géocodage, ou donnez le CRS de coordonnées projetées.",
        "تحقّق من تحديد المواقع الجغرافية، أو أعطِ نظام الإحداثيات (CRS) للإحداثيات المسقطة.",
    ),
}

# --- roadmap: KPI table, periods, member events -------------------------------------------------
CLI_T_errana |= {
    "The KPI table lacks the columns {missing}.": (
        "Il manque à la table des indicateurs les colonnes {missing}.",
        "تنقص جدولَ المؤشرات الأعمدةُ {missing}.",
    ),
    "Give the columns kpi, period, value (and optionally target, direction).": (
        "Donnez les colonnes kpi, period, value (et éventuellement target, direction).",
        "أعطِ الأعمدة kpi وperiod وvalue (واختيارياً target وdirection).",
    ),
    "KPI {kpi!r} for {period} has an infinite value or target.": (
        "L'indicateur {kpi!r} pour {period} a une valeur ou une cible infinie.",
        "للمؤشر {kpi!r} في {period} قيمة أو هدف غير منتهٍ.",
    ),
    "Write a finite number.": ("Écrivez un nombre fini.", "اكتب عدداً منتهياً."),
    "The row names no KPI.": (
        "La ligne ne nomme aucun indicateur.",
        "لا يسمّي السطر أي مؤشر.",
    ),
    "KPI {kpi!r} has no period.": (
        "L'indicateur {kpi!r} n'a pas de période.",
        "المؤشر {kpi!r} بلا فترة.",
    ),
    "Fill in the KPI name and its period (e.g. 2024 or 2024-Q1).": (
        "Remplissez le nom de l'indicateur et sa période (p. ex. 2024 ou 2024-Q1).",
        "املأ اسم المؤشر وفترته (مثلاً 2024 أو 2024-Q1).",
    ),
    "KPI {kpi!r} for {period} is implausibly large ({number:.3g}, above {bound:.0e}).": (
        "L'indicateur {kpi!r} pour {period} est invraisemblablement grand ({number:.3g}, "
        "au-dessus de {bound:.0e}).",
        "المؤشر {kpi!r} في {period} كبير بشكل غير معقول ({number:.3g}، أكثر من {bound:.0e}).",
    ),
    "Check the unit and the decimal separator of the column.": (
        "Vérifiez l'unité et le séparateur décimal de la colonne.",
        "تحقّق من وحدة العمود ومن الفاصلة العشرية فيه.",
    ),
    "KPI {kpi!r} for {period} is negative; it counts {what}, which cannot be negative.": (
        "L'indicateur {kpi!r} pour {period} est négatif ; il compte des {what}, qui ne peuvent "
        "pas être négatifs.",
        "المؤشر {kpi!r} في {period} سالب؛ وهو يعدّ {what}، وهذا لا يمكن أن يكون سالباً.",
    ),
    "Correct the value (a decrease is the difference of two periods).": (
        "Corrigez la valeur (une baisse est la différence de deux périodes).",
        "صحّح القيمة (الانخفاض هو الفرق بين فترتين).",
    ),
    "The value of KPI {kpi!r} for {period} is not a number ({value!r}).": (
        "La valeur de l'indicateur {kpi!r} pour {period} n'est pas un nombre ({value!r}).",
        "قيمة المؤشر {kpi!r} في {period} ليست عدداً ({value!r}).",
    ),
    "Write a number (no units or thousands separators).": (
        "Écrivez un nombre (sans unité ni séparateur de milliers).",
        "اكتب عدداً (دون وحدات ولا فواصل للآلاف).",
    ),
    "The target of KPI {kpi!r} for {period} is not a number ({value!r}).": (
        "La cible de l'indicateur {kpi!r} pour {period} n'est pas un nombre ({value!r}).",
        "هدف المؤشر {kpi!r} في {period} ليس عدداً ({value!r}).",
    ),
    "Write a number or leave the cell empty.": (
        "Écrivez un nombre ou laissez la cellule vide.",
        "اكتب عدداً أو اترك الخانة فارغة.",
    ),
    "Unknown direction {direction!r} of KPI {kpi!r}.": (
        "Sens inconnu {direction!r} de l'indicateur {kpi!r}.",
        "اتجاه غير معروف {direction!r} للمؤشر {kpi!r}.",
    ),
    "KPI {kpi!r} is given twice for period {period} (first in row {first}) with different "
    "directions.": (
        "L'indicateur {kpi!r} est donné deux fois pour la période {period} (d'abord à la ligne "
        "{first}) avec des sens différents.",
        "المؤشر {kpi!r} معطى مرتين للفترة {period} (أول مرة في السطر {first}) باتجاهين مختلفين.",
    ),
    "KPI {kpi!r} is given twice for period {period} (first in row {first}).": (
        "L'indicateur {kpi!r} est donné deux fois pour la période {period} (d'abord à la ligne "
        "{first}).",
        "المؤشر {kpi!r} معطى مرتين للفترة {period} (أول مرة في السطر {first}).",
    ),
    "keep one row per KPI and period, or add the repeated rows up with duplicates='sum' "
    "(--duplicates sum).": (
        "gardez une ligne par indicateur et période, ou additionnez les lignes répétées avec "
        "duplicates='sum' (--duplicates sum).",
        "احتفظ بسطر واحد لكل مؤشر وفترة، أو اجمع الأسطر المكررة بواسطة duplicates='sum' "
        "(--duplicates sum).",
    ),
    "Give the repeated rows one direction.": (
        "Donnez un seul sens aux lignes répétées.",
        "أعطِ الأسطر المكررة اتجاهاً واحداً.",
    ),
    "No KPI values for period {period!r}; periods: {periods}.": (
        "Aucune valeur d'indicateur pour la période {period!r} ; périodes : {periods}.",
        "لا توجد قيم مؤشرات للفترة {period!r}؛ الفترات: {periods}.",
    ),
    "Use a year (2024), a half-year (2024-H1), a quarter (2024-Q1), a month (2024-03) or a day "
    "(2024-03-31).": (
        "Utilisez une année (2024), un semestre (2024-H1), un trimestre (2024-Q1), un mois "
        "(2024-03) ou un jour (2024-03-31).",
        "استعمل سنة (2024) أو نصف سنة (2024-H1) أو فصلاً (2024-Q1) أو شهراً (2024-03) أو يوماً "
        "(2024-03-31).",
    ),
    "The period {value!r} is not a period. {forms}": (
        "La période {value!r} n'est pas une période. {forms}",
        "الفترة {value!r} ليست فترة. {forms}",
    ),
    "The period {value!r} names the year 0. {forms}": (
        "La période {value!r} nomme l'année 0. {forms}",
        "الفترة {value!r} تسمّي السنة 0. {forms}",
    ),
    "The period {value!r} names a month that does not exist. {forms}": (
        "La période {value!r} nomme un mois qui n'existe pas. {forms}",
        "الفترة {value!r} تسمّي شهراً غير موجود. {forms}",
    ),
    "The period {value!r} names a day that does not exist. {forms}": (
        "La période {value!r} nomme un jour qui n'existe pas. {forms}",
        "الفترة {value!r} تسمّي يوماً غير موجود. {forms}",
    ),
    "Give the columns actor, kind, date (and sector for sector events).": (
        "Donnez les colonnes actor, kind, date (et sector pour les événements de secteur).",
        "أعطِ الأعمدة actor وkind وdate (وsector لأحداث تغيير القطاع).",
    ),
    "The actor is empty.": ("L'acteur est vide.", "خانة الفاعل فارغة."),
    "Name the member by its id.": (
        "Nommez le membre par son identifiant (id).",
        "سمِّ العضو بمعرِّفه (id).",
    ),
    "Unknown event {value!r}.": ("Événement inconnu {value!r}.", "حدث غير معروف {value!r}."),
    "The date {value!r} is not a day.": (
        "La date {value!r} n'est pas un jour.",
        "التاريخ {value!r} ليس يوماً.",
    ),
    "Write it as YYYY-MM-DD.": (
        "Écrivez-la sous la forme AAAA-MM-JJ.",
        "اكتبه بالصيغة YYYY-MM-DD.",
    ),
    "A sector event has no sector.": (
        "Un événement de secteur n'a pas de secteur.",
        "حدث تغيير قطاع بلا قطاع.",
    ),
    "Give the member's new sector.": (
        "Donnez le nouveau secteur du membre.",
        "أعطِ القطاع الجديد للعضو.",
    ),
}

# --- assess: answers to a questionnaire; roadmap: actions ----------------------------------------
CLI_T_errana |= {
    "must be an integer from 1 to 5. Got {value!r}.": (
        "doit être un entier de 1 à 5. Reçu {value!r}.",
        "يجب أن تكون عدداً صحيحاً من 1 إلى 5. القيمة المعطاة {value!r}.",
    ),
    "must be yes or no. Got {value!r}.": (
        "doit être oui ou non. Reçu {value!r}.",
        "يجب أن تكون نعم أو لا. القيمة المعطاة {value!r}.",
    ),
    "no unit": ("sans unité", "دون وحدة"),
    "must be a number ({unit}). Got {value!r}.": (
        "doit être un nombre ({unit}). Reçu {value!r}.",
        "يجب أن تكون عدداً ({unit}). القيمة المعطاة {value!r}.",
    ),
    "must be a number. Got {value!r}.": (
        "doit être un nombre. Reçu {value!r}.",
        "يجب أن تكون عدداً. القيمة المعطاة {value!r}.",
    ),
    "must be between {low:g} and {high:g} {unit}. Got {value!r}.": (
        "doit être entre {low:g} et {high:g} {unit}. Reçu {value!r}.",
        "يجب أن تكون بين {low:g} و{high:g} {unit}. القيمة المعطاة {value!r}.",
    ),
    "must be one of {allowed}. Got {value!r}.": (
        "doit être l'une des valeurs {allowed}. Reçu {value!r}.",
        "يجب أن تكون إحدى القيم {allowed}. القيمة المعطاة {value!r}.",
    ),
    "Unknown question id {qid!r} for the {name!r} questionnaire.": (
        "Identifiant de question inconnu {qid!r} pour le questionnaire {name!r}.",
        "معرِّف سؤال غير معروف {qid!r} في الاستبيان {name!r}.",
    ),
    "Use the ids listed by 'grappe assess questionnaire {name}'.": (
        "Utilisez les identifiants listés par 'grappe assess questionnaire {name}'.",
        "استعمل المعرِّفات التي يسردها 'grappe assess questionnaire {name}'.",
    ),
    "The answer to {qid} {problem}": (
        "La réponse à {qid} {problem}",
        "الإجابة عن {qid} {problem}",
    ),
    "Correct the answer.": ("Corrigez la réponse.", "صحّح الإجابة."),
    "The required question {qid} has no answer.": (
        "La question obligatoire {qid} n'a pas de réponse.",
        "السؤال الإلزامي {qid} بلا إجابة.",
    ),
    "Answer {qid} ({text}).": ("Répondez à {qid} ({text}).", "أجب عن {qid} ({text})."),
    "Unknown construction mode {value!r}.": (
        "Mode de construction inconnu {value!r}.",
        "نمط بناء غير معروف {value!r}.",
    ),
    "Unknown deliverable {value!r}.": ("Livrable inconnu {value!r}.", "مُخرَج غير معروف {value!r}."),
    "Unknown status {status!r} of deliverable {key!r}.": (
        "Statut inconnu {status!r} du livrable {key!r}.",
        "حالة غير معروفة {status!r} للمُخرَج {key!r}.",
    ),
    "The action has no {key!r}.": ("L'action n'a pas de {key!r}.", "الإجراء بلا {key!r}."),
    "Fill in {key!r}.": ("Remplissez {key!r}.", "املأ {key!r}."),
    "The action id {aid!r} is used twice.": (
        "L'identifiant d'action {aid!r} est utilisé deux fois.",
        "معرِّف الإجراء {aid!r} مستعمل مرتين.",
    ),
    "Give each action its own id.": (
        "Donnez à chaque action son propre identifiant.",
        "أعطِ كل إجراء معرِّفه الخاص.",
    ),
    "Unknown phase {phase!r} of action {aid}.": (
        "Phase inconnue {phase!r} de l'action {aid}.",
        "مرحلة غير معروفة {phase!r} للإجراء {aid}.",
    ),
    "Unknown status {status!r} of action {aid}.": (
        "Statut inconnu {status!r} de l'action {aid}.",
        "حالة غير معروفة {status!r} للإجراء {aid}.",
    ),
    "The budget of action {aid} is {budget!r}; it must be a number ≥ 0.": (
        "Le budget de l'action {aid} est {budget!r} ; il doit être un nombre ≥ 0.",
        "ميزانية الإجراء {aid} هي {budget!r}؛ ويجب أن تكون عدداً ≥ 0.",
    ),
    "Give the budget as a positive amount.": (
        "Donnez le budget comme un montant positif.",
        "أعطِ الميزانية مبلغاً موجباً.",
    ),
    "Action {aid} has a budget but no currency.": (
        "L'action {aid} a un budget mais pas de devise.",
        "للإجراء {aid} ميزانية دون عملة.",
    ),
    "Give an ISO 4217 code such as DZD, EUR or USD.": (
        "Donnez un code ISO 4217 comme DZD, EUR ou USD.",
        "أعطِ رمز ISO 4217 مثل DZD أو EUR أو USD.",
    ),
    "The currency {currency!r} of action {aid} is not an ISO 4217 code.": (
        "La devise {currency!r} de l'action {aid} n'est pas un code ISO 4217.",
        "عملة الإجراء {aid} {currency!r} ليست رمز ISO 4217.",
    ),
    "The owner {owner!r} of action {aid} is not an actor of the cluster.": (
        "Le responsable {owner!r} de l'action {aid} n'est pas un acteur de la grappe.",
        "المسؤول {owner!r} عن الإجراء {aid} ليس فاعلاً في العنقود.",
    ),
    "Use the name of an actor of the cluster's network or add it.": (
        "Utilisez le nom d'un acteur du réseau de la grappe, ou ajoutez-le.",
        "استعمل اسم فاعل من شبكة العنقود أو أضفه.",
    ),
    "The {key} {value!r} of action {aid} is not a valid date.": (
        "La date {key} {value!r} de l'action {aid} n'est pas une date valide.",
        "التاريخ {key} {value!r} للإجراء {aid} ليس تاريخاً صالحاً.",
    ),
    "Write an existing date as YYYY-MM-DD (e.g. 2023-02-28).": (
        "Écrivez une date existante sous la forme AAAA-MM-JJ (p. ex. 2023-02-28).",
        "اكتب تاريخاً موجوداً بالصيغة YYYY-MM-DD (مثلاً 2023-02-28).",
    ),
    "Action {aid} ends ({end}) before it starts ({start}).": (
        "L'action {aid} se termine ({end}) avant de commencer ({start}).",
        "ينتهي الإجراء {aid} ({end}) قبل أن يبدأ ({start}).",
    ),
    "Swap or correct the dates.": ("Inversez ou corrigez les dates.", "اعكس التاريخين أو صحّحهما."),
    "Milestone {name!r} of action {aid} has no valid date ({value!r}).": (
        "Le jalon {name!r} de l'action {aid} n'a pas de date valide ({value!r}).",
        "المَعلَم {name!r} للإجراء {aid} بلا تاريخ صالح ({value!r}).",
    ),
    "Milestone {name!r} of action {aid} ({mdate}) is outside the action's dates ({start} to "
    "{end}).": (
        "Le jalon {name!r} de l'action {aid} ({mdate}) est hors des dates de l'action ({start} "
        "au {end}).",
        "المَعلَم {name!r} للإجراء {aid} ({mdate}) خارج تواريخ الإجراء (من {start} إلى {end}).",
    ),
    "Move the milestone or the action's dates.": (
        "Déplacez le jalon ou les dates de l'action.",
        "انقل المَعلَم أو غيّر تواريخ الإجراء.",
    ),
    "A priority challenge is empty.": (
        "Un défi prioritaire est vide.",
        "أحد التحديات ذات الأولوية فارغ.",
    ),
    "Write it or remove it.": ("Écrivez-le ou supprimez-le.", "اكتبه أو احذفه."),
    "The priority challenge {text!r} is given twice.": (
        "Le défi prioritaire {text!r} est donné deux fois.",
        "التحدي ذو الأولوية {text!r} معطى مرتين.",
    ),
    "Keep each challenge once.": ("Gardez chaque défi une seule fois.", "احتفظ بكل تحدٍّ مرة واحدة."),
    "Action {aid} is 'done' but its milestones {open} are not.": (
        "L'action {aid} est 'done' mais ses jalons {open} ne le sont pas.",
        "الإجراء {aid} في الحالة 'done' لكن معالمه {open} ليست كذلك.",
    ),
    "Mark those milestones done: true, or set the action's status to 'ongoing'.": (
        "Marquez ces jalons done: true, ou mettez le statut de l'action à 'ongoing'.",
        "علِّم هذه المعالم بـ done: true، أو اجعل حالة الإجراء 'ongoing'.",
    ),
    "Action {aid} is 'planned' but {done} of its milestones are done.": (
        "L'action {aid} est 'planned' mais {done} de ses jalons sont faits.",
        "الإجراء {aid} في الحالة 'planned' لكن {done} من معالمه منجزة.",
    ),
    "Set the action's status to 'ongoing' (or 'done'), or mark the milestones done: false.": (
        "Mettez le statut de l'action à 'ongoing' (ou 'done'), ou marquez les jalons done: false.",
        "اجعل حالة الإجراء 'ongoing' (أو 'done')، أو علِّم المعالم بـ done: false.",
    ),
    "action {aid} has ended and every milestone is done, but its status is {status!r}.": (
        "l'action {aid} est terminée et tous ses jalons sont faits, mais son statut est "
        "{status!r}.",
        "انتهى الإجراء {aid} وأُنجزت كل معالمه، لكن حالته {status!r}.",
    ),
    "set the status to 'done' if the action is over.": (
        "mettez le statut à 'done' si l'action est achevée.",
        "اجعل الحالة 'done' إن كان الإجراء قد انتهى.",
    ),
}

# --- roadmap: the roadmap document (YAML) -------------------------------------------------------
CLI_T_errana |= {
    "The roadmap has no 'actions' list.": (
        "La feuille de route n'a pas de liste 'actions'.",
        "خارطة الطريق بلا قائمة 'actions'.",
    ),
    "Write 'cluster:', 'mode:' and 'actions:' keys (see docs/roadmap.md).": (
        "Écrivez les clés 'cluster:', 'mode:' et 'actions:' (voir docs/roadmap.md).",
        "اكتب المفاتيح 'cluster:' و'mode:' و'actions:' (انظر docs/roadmap.md).",
    ),
    "The roadmap has no {key!r}.": (
        "La feuille de route n'a pas de {key!r}.",
        "خارطة الطريق بلا {key!r}.",
    ),
    "Add '{key}:' (mode is bottom_up or top_down).": (
        "Ajoutez '{key}:' (mode vaut bottom_up ou top_down).",
        "أضف '{key}:' (قيمة mode هي bottom_up أو top_down).",
    ),
    "The roadmap's {key!r} is not a mapping.": (
        "Le {key!r} de la feuille de route n'est pas un dictionnaire.",
        "المفتاح {key!r} في خارطة الطريق ليس قاموساً (mapping).",
    ),
    "The roadmap's {key!r} is not a list.": (
        "Le {key!r} de la feuille de route n'est pas une liste.",
        "المفتاح {key!r} في خارطة الطريق ليس قائمة.",
    ),
    "See docs/roadmap.md for the shape of a roadmap.": (
        "Voir docs/roadmap.md pour la forme d'une feuille de route.",
        "انظر docs/roadmap.md لمعرفة شكل خارطة الطريق.",
    ),
    "The roadmap's 'challenges' is not a list of texts.": (
        "Le 'challenges' de la feuille de route n'est pas une liste de textes.",
        "المفتاح 'challenges' في خارطة الطريق ليس قائمة نصوص.",
    ),
    "Write the priority challenges as a list of texts.": (
        "Écrivez les défis prioritaires comme une liste de textes.",
        "اكتب التحديات ذات الأولوية قائمةَ نصوص.",
    ),
    "A priority challenge contains a control character.": (
        "Un défi prioritaire contient un caractère de contrôle.",
        "أحد التحديات ذات الأولوية يحتوي على محرف تحكم.",
    ),
    "Remove control characters (such as NUL or tabs).": (
        "Supprimez les caractères de contrôle (comme NUL ou les tabulations).",
        "احذف محارف التحكم (مثل NUL أو علامات الجدولة).",
    ),
    "A priority challenge is longer than {width} characters.": (
        "Un défi prioritaire dépasse {width} caractères.",
        "أحد التحديات ذات الأولوية أطول من {width} محرفاً.",
    ),
    "Shorten it to {width} characters at most.": (
        "Raccourcissez-le à {width} caractères au plus.",
        "اختصره إلى {width} محرفاً على الأكثر.",
    ),
    "The action is not a mapping.": (
        "L'action n'est pas un dictionnaire.",
        "الإجراء ليس قاموساً (mapping).",
    ),
    "Write each action as id, title, phase, owner, start, end… keys.": (
        "Écrivez chaque action avec les clés id, title, phase, owner, start, end…",
        "اكتب كل إجراء بالمفاتيح id وtitle وphase وowner وstart وend…",
    ),
    "The action's milestones are not a list of {shape}.": (
        "Les jalons de l'action ne sont pas une liste de {shape}.",
        "معالم الإجراء ليست قائمة من {shape}.",
    ),
    "Write milestones as a list of mappings with name, date and done.": (
        "Écrivez les jalons comme une liste de dictionnaires avec name, date et done.",
        "اكتب المعالم قائمةً من القواميس بالمفاتيح name وdate وdone.",
    ),
    "The action's {key!r} contains a control character.": (
        "Le {key!r} de l'action contient un caractère de contrôle.",
        "الحقل {key!r} في الإجراء يحتوي على محرف تحكم.",
    ),
    "Remove control characters (such as NUL or tabs) from the text.": (
        "Supprimez du texte les caractères de contrôle (comme NUL ou les tabulations).",
        "احذف محارف التحكم (مثل NUL أو علامات الجدولة) من النص.",
    ),
    "The action's {key!r} is longer than {width} characters.": (
        "Le {key!r} de l'action dépasse {width} caractères.",
        "الحقل {key!r} في الإجراء أطول من {width} محرفاً.",
    ),
}

# --- spatial: K-density ---------------------------------------------------------------------------
CLI_T_errana |= {
    "all {n} establishments are at one place ({x}, {y}), so no distance between them can set the "
    "largest distance of the K-density.": (
        "les {n} établissements sont tous au même endroit ({x}, {y}) : aucune distance entre eux "
        "ne peut fixer la plus grande distance de la K-densité.",
        "المؤسسات الـ {n} كلها في مكان واحد ({x}, {y})، فلا توجد مسافة بينها تحدد أكبر مسافة "
        "لكثافة K.",
    ),
    "check the geocoding (a town's centre given to every address?); give --max-distance and "
    "--bandwidth to compute it anyway.": (
        "vérifiez le géocodage (le centre d'une ville donné à chaque adresse ?) ; donnez "
        "--max-distance et --bandwidth pour la calculer malgré tout.",
        "تحقّق من تحديد المواقع الجغرافية (هل أُعطي مركز المدينة لكل عنوان؟)؛ أعطِ "
        "--max-distance و--bandwidth لحسابها رغم ذلك.",
    ),
    "The {name!r} parameter of {func} must name an activity with at least two establishments. "
    "Got {value!r} instead ({m} establishment).": (
        "Le paramètre {name!r} de {func} doit nommer une activité d'au moins deux établissements. "
        "Reçu {value!r} ({m} établissement).",
        "يجب أن يسمّي المُعامل {name!r} في {func} نشاطاً له مؤسستان على الأقل. القيمة المعطاة "
        "{value!r} ({m} مؤسسة).",
    ),
    "The {name!r} parameter of {func} must name an activity with at least two establishments of "
    "positive weight for weighted=True. Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit nommer une activité d'au moins deux établissements "
        "de poids positif pour weighted=True. Reçu {value!r}.",
        "يجب أن يسمّي المُعامل {name!r} في {func} نشاطاً له مؤسستان على الأقل بوزن موجب عند "
        "weighted=True. القيمة المعطاة {value!r}.",
    ),
    "the {m} establishments of activity {act!r} are all at one place, so Silverman's rule gives "
    "no bandwidth.": (
        "les {m} établissements de l'activité {act!r} sont tous au même endroit : la règle de "
        "Silverman ne donne pas de largeur de bande.",
        "المؤسسات الـ {m} للنشاط {act!r} كلها في مكان واحد، فلا تعطي قاعدة Silverman عرض نطاق.",
    ),
    "check their geocoding, give --bandwidth, or choose other activities with --activity.": (
        "vérifiez leur géocodage, donnez --bandwidth, ou choisissez d'autres activités avec "
        "--activity.",
        "تحقّق من تحديد مواقعها الجغرافية، أو أعطِ --bandwidth، أو اختر أنشطة أخرى بـ --activity.",
    ),
}

# --- spatial: areal units -------------------------------------------------------------------------
CLI_T_errana |= {
    "The unit id {value!r} appears more than once.": (
        "L'identifiant d'unité {value!r} apparaît plus d'une fois.",
        "معرِّف الوحدة {value!r} يظهر أكثر من مرة.",
    ),
    "Give each unit its own id.": (
        "Donnez à chaque unité son propre identifiant.",
        "أعطِ كل وحدة معرِّفها الخاص.",
    ),
    "Unit {unit!r} has a {kind} geometry, not a non-empty polygon.": (
        "L'unité {unit!r} a une géométrie {kind}, pas un polygone non vide.",
        "للوحدة {unit!r} هندسة من نوع {kind}، لا مضلع غير فارغ.",
    ),
    "Give each unit its polygon.": ("Donnez à chaque unité son polygone.", "أعطِ كل وحدة مضلعها."),
    "The polygon of unit {unit!r} is invalid (self-intersecting or badly closed).": (
        "Le polygone de l'unité {unit!r} est invalide (auto-intersecté ou mal fermé).",
        "مضلع الوحدة {unit!r} غير صالح (متقاطع ذاتياً أو مغلق بشكل خاطئ).",
    ),
    "Repair it, e.g. with shapely.make_valid.": (
        "Réparez-le, p. ex. avec shapely.make_valid.",
        "أصلحه، مثلاً بواسطة shapely.make_valid.",
    ),
    "The {name!r} parameter of {func} must be 'keep' when some units have no neighbour. Got "
    "'raise' instead, and {count} units have none ({shown}).": (
        "Le paramètre {name!r} de {func} doit valoir 'keep' quand des unités n'ont pas de "
        "voisin. Reçu 'raise', et {count} unités n'en ont pas ({shown}).",
        "يجب أن تكون قيمة المُعامل {name!r} في {func} 'keep' حين لا يكون لبعض الوحدات أي "
        "جار. القيمة المعطاة 'raise'، و{count} وحدة بلا جار ({shown}).",
    ),
    "The {name!r} parameter of {func} must be one of the value columns {columns}. Got {value!r} "
    "instead.": (
        "Le paramètre {name!r} de {func} doit être l'une des colonnes de valeurs {columns}. "
        "Reçu {value!r}.",
        "يجب أن يكون المُعامل {name!r} في {func} أحد أعمدة القيم {columns}. القيمة المعطاة "
        "{value!r}.",
    ),
    "The value {value!r} of unit {unit!r} is not a number.": (
        "La valeur {value!r} de l'unité {unit!r} n'est pas un nombre.",
        "القيمة {value!r} للوحدة {unit!r} ليست عدداً.",
    ),
    "Give every unit a value (0 for none).": (
        "Donnez une valeur à chaque unité (0 pour aucune).",
        "أعطِ كل وحدة قيمة (0 إن لم توجد).",
    ),
}
