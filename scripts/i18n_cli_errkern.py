"""French and Arabic of the errors of the kernels (mapping, definitions, concentration,
complexity, regions, divisions, codes, model, _validation): msgid -> (French, Arabic)."""

from __future__ import annotations

CLI_T_errkern: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # _validation.py
    "keep one row per {key}, or add the repeated rows up with duplicates='sum' "
    "(--duplicates sum).": (
        "gardez une ligne par {key}, ou additionnez les lignes répétées avec duplicates='sum' "
        "(--duplicates sum).",
        "احتفظ بسطر واحد لكل {key}، أو اجمع الأسطر المكررة بـ duplicates='sum' (--duplicates sum).",
    ),
    # codes.py
    "{code!r} is not a well-formed {classification} code.": (
        "{code!r} n'est pas un code {classification} bien formé.",
        "{code!r} ليس رمزا صحيح الصيغة في تصنيف {classification}.",
    ),
    "{code!r} is not a code of the {classification} code list.": (
        "{code!r} n'est pas un code de la nomenclature {classification}.",
        "{code!r} ليس رمزا من قائمة رموز {classification}.",
    ),
    "correct the code, or check the 'classification' of the file.": (
        "corrigez le code, ou vérifiez la 'classification' du fichier.",
        "صحّح الرمز، أو تحقق من 'classification' الخاص بالملف.",
    ),
    "NAICS codes are '00', a sector ('31-33') or 2 to 6 digits; check the code.": (
        "Les codes NAICS sont '00', un secteur ('31-33') ou de 2 à 6 chiffres ; vérifiez le code.",
        "رموز NAICS هي '00' أو قطاع ('31-33') أو من 2 إلى 6 أرقام؛ تحقق من الرمز.",
    ),
    "NACE/ISIC codes are 'TOTAL', a section letter A-U, a group of sections ('B-E', "
    "'M_N'), or a division, group or class ('10', '10.1', '10.11'); check the code.": (
        "Les codes NACE/ISIC sont 'TOTAL', une lettre de section A-U, un groupe de sections "
        "('B-E', 'M_N'), ou une division, un groupe ou une classe ('10', '10.1', '10.11') ; "
        "vérifiez le code.",
        "رموز NACE/ISIC هي 'TOTAL' أو حرف فرع من A إلى U أو مجموعة فروع ('B-E'، 'M_N') "
        "أو قسم أو مجموعة أو صنف ('10'، '10.1'، '10.11')؛ تحقق من الرمز.",
    ),
    "{fix} NAA codes are read with the structure of NAA Rev.1 (2017, as NACE Rev.2); "
    "codes of NAA 2000 (from NACE Rev.1: divisions 40, 67, sections A-Q of other "
    "content) must first be converted.": (
        "{fix} Les codes NAA sont lus selon la structure de la NAA Rév.1 (2017, comme la NACE "
        "Rév.2) ; les codes de la NAA 2000 (issue de la NACE Rév.1 : divisions 40, 67, sections "
        "A-Q d'un autre contenu) doivent d'abord être convertis.",
        "{fix} تُقرأ رموز NAA وفق بنية NAA Rev.1 (2017، مثل NACE Rev.2)؛ ويجب أولا تحويل "
        "رموز NAA 2000 (المأخوذة من NACE Rev.1: القسمان 40 و67، والفروع A-Q ذات المحتوى "
        "المختلف).",
    ),
    "industry codes must be non-empty.": (
        "les codes d'activité ne doivent pas être vides.",
        "يجب ألا تكون رموز النشاط فارغة.",
    ),
    "industry codes of several levels are mixed: {outer!r} contains {inner!r} "
    "({count} nested pairs in all); summing them would count jobs twice.": (
        "des codes d'activité de plusieurs niveaux sont mélangés : {outer!r} contient {inner!r} "
        "({count} paires imbriquées en tout) ; les additionner compterait les emplois deux fois.",
        "رموز نشاط من عدة مستويات مختلطة: {outer!r} يحتوي على {inner!r} "
        "({count} زوجا متداخلا في المجموع)؛ جمعها يحسب مناصب الشغل مرتين.",
    ),
    "select one level when reading, e.g. levels=({level},).": (
        "choisissez un seul niveau à la lecture, par exemple levels=({level},).",
        "اختر مستوى واحدا عند القراءة، مثلا levels=({level},).",
    ),
    # complexity/_matrix.py, complexity/related.py
    "The {name!r} parameter of {func} must be free of NaN values. Got a NaN at "
    "row {row!r}, column {column!r} instead. A NaN usually marks a partial or "
    "withheld location: pass missing='drop' to leave such locations out of every "
    "denominator, or missing='zero' to read them as no activity.": (
        "Le paramètre {name!r} de {func} ne doit pas contenir de NaN. Reçu un NaN à la ligne "
        "{row!r}, colonne {column!r}. Un NaN signale en général un lieu partiel ou masqué : "
        "passez missing='drop' pour exclure ces lieux de tous les dénominateurs, ou "
        "missing='zero' pour les lire comme sans activité.",
        "يجب أن يخلو المعامل {name!r} في {func} من قيم NaN. وُجدت NaN في السطر {row!r}، "
        "العمود {column!r}. تدل NaN عادة على موقع جزئي أو محجوب: مرّر missing='drop' "
        "لاستبعاد هذه المواقع من كل المقامات، أو missing='zero' لقراءتها كانعدام للنشاط.",
    ),
    "The {name!r} parameter of {func} must be given when the table's codes "
    "mix levels ({outer!r} contains {inner!r}): summing them would count jobs "
    "twice. Got None instead.": (
        "Le paramètre {name!r} de {func} doit être donné quand les codes de la table mélangent "
        "des niveaux ({outer!r} contient {inner!r}) : les additionner compterait les emplois "
        "deux fois. Reçu None.",
        "يجب إعطاء المعامل {name!r} في {func} عندما تخلط رموز الجدول بين مستويات "
        "({outer!r} يحتوي على {inner!r}): جمعها يحسب مناصب الشغل مرتين. القيمة المعطاة None.",
    ),
    "The {name!r} parameter of {func} has no cluster data in {year}. "
    "Got no industry code matching the definitions or the number of digits instead.": (
        "Le paramètre {name!r} de {func} n'a aucune donnée de grappe en {year}. Aucun code "
        "d'activité ne correspond aux définitions ou au nombre de chiffres.",
        "المعامل {name!r} في {func} لا يحتوي على بيانات عناقيد في {year}. لا يطابق أي رمز "
        "نشاط التعريفات أو عدد الأرقام.",
    ),
    "The {name!r} parameter of {func} has no industry data in {year}. "
    "Got no industry code matching the definitions or the number of digits instead.": (
        "Le paramètre {name!r} de {func} n'a aucune donnée d'activité en {year}. Aucun code "
        "d'activité ne correspond aux définitions ou au nombre de chiffres.",
        "المعامل {name!r} في {func} لا يحتوي على بيانات أنشطة في {year}. لا يطابق أي رمز "
        "نشاط التعريفات أو عدد الأرقام.",
    ),
    "The {name!r} parameter of {func} found no {level} data in the table. "
    "Got no industry code matching the definitions or the number of digits instead.": (
        "Le paramètre {name!r} de {func} n'a trouvé aucune donnée {level} dans la table. Aucun "
        "code d'activité ne correspond aux définitions ou au nombre de chiffres.",
        "لم يجد المعامل {name!r} في {func} أي بيانات {level} في الجدول. لا يطابق أي رمز "
        "نشاط التعريفات أو عدد الأرقام.",
    ),
    "The {name!r} parameter of {func} must share industry codes with the "
    "table. Got codes such as {codes} instead.": (
        "Le paramètre {name!r} de {func} doit avoir des codes d'activité en commun avec la "
        "table. Reçu des codes tels que {codes}.",
        "يجب أن يشترك المعامل {name!r} في {func} في رموز نشاط مع الجدول. وردت رموز مثل {codes}.",
    ),
    "Region {region!r} is not in the table; use a region code such as "
    "{codes} or an exact region name.": (
        "La région {region!r} n'est pas dans la table ; utilisez un code de région tel que "
        "{codes} ou le nom exact d'une région.",
        "المنطقة {region!r} غير موجودة في الجدول؛ استعمل رمز منطقة مثل {codes} "
        "أو الاسم الدقيق لمنطقة.",
    ),
    "The {name!r} parameter of {func} must be a year of the table {years}. "
    "Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être une année de la table {years}. Reçu {value!r}.",
        "يجب أن يكون المعامل {name!r} في {func} سنة من سنوات الجدول {years}. القيمة المعطاة "
        "{value!r}.",
    ),
    # concentration/table.py
    "The {name!r} parameter of {func} applies to 'hoover' and 'hhi' only. "
    "Got by='region' with index={index!r} instead.": (
        "Le paramètre {name!r} de {func} ne s'applique qu'à 'hoover' et 'hhi'. Reçu "
        "by='region' avec index={index!r}.",
        "المعامل {name!r} في {func} لا ينطبق إلا على 'hoover' و'hhi'. وردت by='region' "
        "مع index={index!r}.",
    ),
    "The {name!r} parameter of {func} does not apply to 'shift-share', which "
    "compares 'start' and 'end'. Got year={year!r} instead.": (
        "Le paramètre {name!r} de {func} ne s'applique pas à 'shift-share', qui compare "
        "'start' et 'end'. Reçu year={year!r}.",
        "المعامل {name!r} في {func} لا ينطبق على 'shift-share' الذي يقارن بين 'start' "
        "و'end'. وردت year={year!r}.",
    ),
    "The {name!r} parameter of {func} must be a year of the table "
    "{years} for 'shift-share'. Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être une année de la table {years} pour "
        "'shift-share'. Reçu {value!r}.",
        "يجب أن يكون المعامل {name!r} في {func} سنة من سنوات الجدول {years} لـ 'shift-share'. "
        "القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} must be a year after 'start' ({start}). "
    "Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être une année postérieure à 'start' ({start}). "
        "Reçu {value!r}.",
        "يجب أن يكون المعامل {name!r} في {func} سنة بعد 'start' ({start}). القيمة المعطاة "
        "{value!r}.",
    ),
    "The 'start' and 'end' parameters of {func} apply to 'shift-share' only. "
    "Got them with index={index!r} instead (use 'year').": (
        "Les paramètres 'start' et 'end' de {func} ne s'appliquent qu'à 'shift-share'. Reçus "
        "avec index={index!r} (utilisez 'year').",
        "المعاملان 'start' و'end' في {func} لا ينطبقان إلا على 'shift-share'. وردا مع "
        "index={index!r} (استعمل 'year').",
    ),
    "the Ellison–Glaeser index needs establishment counts (plant sizes), and the "
    "table has none in {year}.": (
        "l'indice d'Ellison–Glaeser demande le nombre d'établissements (taille des "
        "établissements), et la table n'en a aucun en {year}.",
        "يحتاج مؤشر Ellison–Glaeser إلى أعداد المؤسسات (أحجام المنشآت)، والجدول لا يحتوي "
        "على أي منها في {year}.",
    ),
    "the Ellison–Glaeser index needs establishment counts (plant sizes), and the "
    "table lacks {count} of them in {year}.": (
        "l'indice d'Ellison–Glaeser demande le nombre d'établissements (taille des "
        "établissements), et il en manque {count} à la table en {year}.",
        "يحتاج مؤشر Ellison–Glaeser إلى أعداد المؤسسات (أحجام المنشآت)، وينقص الجدول "
        "{count} منها في {year}.",
    ),
    "give a table with an establishment count in every row (map its column "
    "with --column FILE_COLUMN=establishments), or choose another index.": (
        "donnez une table avec un nombre d'établissements à chaque ligne (associez sa colonne "
        "avec --column FILE_COLUMN=establishments), ou choisissez un autre indice.",
        "قدّم جدولا فيه عدد المؤسسات في كل سطر (اربط عموده بـ "
        "--column FILE_COLUMN=establishments)، أو اختر مؤشرا آخر.",
    ),
    "no unit has 2 establishments or more in {year} (the most is {most:g}), so "
    "the Ellison–Glaeser index is undefined for every unit (H = 1 / "
    "establishments would be 1 or infinite).": (
        "aucune unité n'a 2 établissements ou plus en {year} (le maximum est {most:g}), donc "
        "l'indice d'Ellison–Glaeser n'est défini pour aucune unité (H = 1 / établissements "
        "vaudrait 1 ou l'infini).",
        "لا توجد وحدة لها مؤسستان أو أكثر في {year} (الحد الأقصى {most:g})، لذا فمؤشر "
        "Ellison–Glaeser غير معرّف لكل الوحدات (H = 1 / عدد المؤسسات يساوي 1 أو ما لا نهاية).",
    ),
    "check that the establishments column holds counts of establishments, or "
    "choose another index.": (
        "vérifiez que la colonne establishments contient des nombres d'établissements, ou "
        "choisissez un autre indice.",
        "تحقق من أن العمود establishments يحتوي على أعداد المؤسسات، أو اختر مؤشرا آخر.",
    ),
    # definitions/_core.py
    "the required column {column!r} is missing; the columns are {columns}.": (
        "la colonne obligatoire {column!r} manque ; les colonnes sont {columns}.",
        "العمود الإلزامي {column!r} مفقود؛ الأعمدة الموجودة هي {columns}.",
    ),
    "add a column {column!r}.": (
        "ajoutez une colonne {column!r}.",
        "أضف عمودا {column!r}.",
    ),
    "the {field} is missing.": (
        "la valeur de {field} manque.",
        "قيمة {field} مفقودة.",
    ),
    "fill in the {field} or remove the row.": (
        "remplissez {field} ou supprimez la ligne.",
        "املأ {field} أو احذف السطر.",
    ),
    "cluster {cluster!r} has several values of {column!r}: {values}.": (
        "la grappe {cluster!r} a plusieurs valeurs de {column!r} : {values}.",
        "للعنقود {cluster!r} عدة قيم لـ {column!r}: {values}.",
    ),
    "give cluster {cluster!r} one {what}.": (
        "donnez à la grappe {cluster!r} un seul {what}.",
        "أعط العنقود {cluster!r} {what} واحدا.",
    ),
    "cluster name": ("nom de grappe", "اسم عنقود"),
    "cluster type": ("type de grappe", "نوع عنقود"),
    "code {code!r} is listed twice (cluster {cluster!r}, first in row "
    "{first_row} for cluster {first_cluster!r}).": (
        "le code {code!r} figure deux fois (grappe {cluster!r}, d'abord à la ligne {first_row} "
        "pour la grappe {first_cluster!r}).",
        "الرمز {code!r} مذكور مرتين (العنقود {cluster!r}، وأول مرة في السطر {first_row} "
        "للعنقود {first_cluster!r}).",
    ),
    "give each code one cluster, or read with duplicates='first'.": (
        "donnez à chaque code une seule grappe, ou lisez avec duplicates='first'.",
        "أعط كل رمز عنقودا واحدا، أو اقرأ بـ duplicates='first'.",
    ),
    "code {inner!r} (cluster {inner_cluster!r}) lies inside the rule "
    "{outer!r} (cluster {outer_cluster!r}), so it is covered twice.": (
        "le code {inner!r} (grappe {inner_cluster!r}) est inclus dans la règle {outer!r} "
        "(grappe {outer_cluster!r}) : il est donc couvert deux fois.",
        "الرمز {inner!r} (العنقود {inner_cluster!r}) يقع داخل القاعدة {outer!r} "
        "(العنقود {outer_cluster!r})، فهو مغطى مرتين.",
    ),
    "remove one of the two rules, or read with duplicates='first'.": (
        "supprimez l'une des deux règles, ou lisez avec duplicates='first'.",
        "احذف إحدى القاعدتين، أو اقرأ بـ duplicates='first'.",
    ),
    # definitions/derive.py
    "the table has no rows.": ("la table n'a aucune ligne.", "الجدول لا يحتوي على أي سطر."),
    "give a table with data.": ("donnez une table avec des données.", "قدّم جدولا فيه بيانات."),
    "industry codes of several levels are mixed ({levels}); related industries "
    "are found among codes of one level.": (
        "des codes d'activité de plusieurs niveaux sont mélangés ({levels}) ; les activités "
        "liées se cherchent parmi des codes d'un seul niveau.",
        "رموز نشاط من عدة مستويات مختلطة ({levels})؛ يُبحث عن الأنشطة المترابطة بين رموز "
        "مستوى واحد.",
    ),
    "read the table at one level, e.g. levels=({level},) (--level {level} in the CLI).": (
        "lisez la table à un seul niveau, par exemple levels=({level},) (--level {level} en "
        "ligne de commande).",
        "اقرأ الجدول بمستوى واحد، مثلا levels=({level},) (--level {level} في سطر الأوامر).",
    ),
    "the table has {count} region(s) in {year}; co-location needs at least "
    "{minimum} (correlations across regions).": (
        "la table a {count} région(s) en {year} ; la co-localisation en demande au moins "
        "{minimum} (corrélations entre régions).",
        "يحتوي الجدول على {count} منطقة في {year}؛ ويحتاج التوطن المشترك إلى {minimum} على "
        "الأقل (ارتباطات بين المناطق).",
    ),
    "give a table of more regions (e.g. counties or provinces, not a country).": (
        "donnez une table de plus de régions (par exemple des comtés ou des provinces, pas un "
        "pays).",
        "قدّم جدولا بمناطق أكثر (مثلا ولايات أو مقاطعات، لا بلدا واحدا).",
    ),
    "the table has {count} industries with employment in {year}; at least 3 "
    "are needed to group industries.": (
        "la table a {count} activités avec des emplois en {year} ; il en faut au moins 3 pour "
        "regrouper des activités.",
        "يحتوي الجدول على {count} نشاطا فيه مناصب شغل في {year}؛ ويلزم 3 على الأقل لتجميع الأنشطة.",
    ),
    "the table has {count} industries with employment in {year} among the "
    "codes asked for; at least 3 are needed to group industries.": (
        "la table a {count} activités avec des emplois en {year} parmi les codes demandés ; "
        "il en faut au moins 3 pour regrouper des activités.",
        "يحتوي الجدول على {count} نشاطا فيه مناصب شغل في {year} بين الرموز المطلوبة؛ ويلزم 3 "
        "على الأقل لتجميع الأنشطة.",
    ),
    "the table has {count} industry with employment in {year}; at least 3 "
    "are needed to group industries.": (
        "la table a {count} activité avec des emplois en {year} ; il en faut au moins 3 pour "
        "regrouper des activités.",
        "يحتوي الجدول على {count} نشاط فيه مناصب شغل في {year}؛ ويلزم 3 على الأقل لتجميع الأنشطة.",
    ),
    "the table has {count} industry with employment in {year} among the "
    "codes asked for; at least 3 are needed to group industries.": (
        "la table a {count} activité avec des emplois en {year} parmi les codes demandés ; "
        "il en faut au moins 3 pour regrouper des activités.",
        "يحتوي الجدول على {count} نشاط فيه مناصب شغل في {year} بين الرموز المطلوبة؛ ويلزم 3 "
        "على الأقل لتجميع الأنشطة.",
    ),
    "read the table at a finer level (e.g. --level 6) or with more industries.": (
        "lisez la table à un niveau plus fin (par exemple --level 6) ou avec plus d'activités.",
        "اقرأ الجدول بمستوى أدق (مثلا --level 6) أو بأنشطة أكثر.",
    ),
    # definitions/names.py
    "missing column(s) {columns}.": (
        "colonne(s) manquante(s) : {columns}.",
        "أعمدة مفقودة: {columns}.",
    ),
    "The header must be: {header}.": (
        "L'en-tête doit être : {header}.",
        "يجب أن يكون سطر العناوين: {header}.",
    ),
    "empty {column}.": ("{column} vide.", "{column} فارغ."),
    "Every cluster needs its code and its name in the three languages.": (
        "Chaque grappe doit avoir son code et son nom dans les trois langues.",
        "يحتاج كل عنقود إلى رمزه واسمه باللغات الثلاث.",
    ),
    "unknown status {status!r}.": ("statut inconnu {status!r}.", "حالة غير معروفة {status!r}."),
    "Write one of {choices}.": ("Écrivez l'un de : {choices}.", "اكتب إحدى القيم: {choices}."),
    "code {code!r} appears twice.": (
        "le code {code!r} apparaît deux fois.",
        "الرمز {code!r} يظهر مرتين.",
    ),
    "Keep one row per cluster.": (
        "Gardez une ligne par grappe.",
        "احتفظ بسطر واحد لكل عنقود.",
    ),
    "English name {name!r} differs from the definitions' {expected!r}.": (
        "le nom anglais {name!r} diffère de celui des définitions, {expected!r}.",
        "الاسم الإنجليزي {name!r} يختلف عن اسم التعريفات {expected!r}.",
    ),
    "Copy the English name from the definitions.": (
        "Recopiez le nom anglais des définitions.",
        "انسخ الاسم الإنجليزي من التعريفات.",
    ),
    "code {code!r} is no cluster of the definitions.": (
        "le code {code!r} n'est pas une grappe des définitions.",
        "الرمز {code!r} ليس عنقودا من التعريفات.",
    ),
    "Remove the row or correct the code.": (
        "Supprimez la ligne ou corrigez le code.",
        "احذف السطر أو صحّح الرمز.",
    ),
    "no names for cluster(s) {codes}.": (
        "aucun nom pour la ou les grappes {codes}.",
        "لا توجد أسماء للعناقيد {codes}.",
    ),
    "Add one row per cluster of the definitions.": (
        "Ajoutez une ligne par grappe des définitions.",
        "أضف سطرا لكل عنقود من التعريفات.",
    ),
    # divisions.py
    "{code!r} is not a region of the {division} division.": (
        "{code!r} n'est pas une région du découpage {division}.",
        "{code!r} ليس منطقة من التقسيم {division}.",
    ),
    "use the codes of the {division} division ({codes}…), "
    "or convert from the division the table is coded in.": (
        "utilisez les codes du découpage {division} ({codes}…), ou convertissez depuis le "
        "découpage dans lequel la table est codée.",
        "استعمل رموز التقسيم {division} ({codes}…)، أو حوّل انطلاقا من التقسيم الذي رُمّز به الجدول.",
    ),
    "The {name!r} parameter of {func} must be None or a column of units to share "
    "split regions by (e.g. 'population'). Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être None ou une colonne des unités selon "
        "laquelle répartir les régions scindées (par exemple 'population'). Reçu {value!r}.",
        "يجب أن يكون المعامل {name!r} في {func} إما None أو عمودا من الوحدات تُقسَّم "
        "المناطق المجزأة وفقه (مثلا 'population'). القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} names columns {absent} that the table "
    "does not have (it has {columns}).": (
        "Le paramètre {name!r} de {func} nomme des colonnes {absent} que la table n'a pas "
        "(elle a {columns}).",
        "يذكر المعامل {name!r} في {func} أعمدة {absent} غير موجودة في الجدول (أعمدته {columns}).",
    ),
    "Converting from {source} to {target} splits {count} regions between several "
    "({detail}). The {name!r} parameter of {func} must then say how to split their "
    "counts, e.g. apportion='population' (each piece gets the population share of its "
    "units). Got None instead.": (
        "La conversion de {source} vers {target} scinde {count} régions entre plusieurs "
        "({detail}). Le paramètre {name!r} de {func} doit alors dire comment répartir leurs "
        "effectifs, par exemple apportion='population' (chaque morceau reçoit la part de "
        "population de ses unités). Reçu None.",
        "التحويل من {source} إلى {target} يجزّئ {count} مناطق بين عدة مناطق ({detail}). "
        "يجب إذن أن يحدد المعامل {name!r} في {func} كيفية تقسيم أعدادها، مثلا "
        "apportion='population' (ينال كل جزء حصة وحداته من السكان). القيمة المعطاة None.",
    ),
    "Converting from {source} to {target} splits {count} region between several "
    "({detail}). The {name!r} parameter of {func} must then say how to split their "
    "counts, e.g. apportion='population' (each piece gets the population share of its "
    "units). Got None instead.": (
        "La conversion de {source} vers {target} scinde {count} région entre plusieurs "
        "({detail}). Le paramètre {name!r} de {func} doit alors dire comment répartir ses "
        "effectifs, par exemple apportion='population' (chaque morceau reçoit la part de "
        "population de ses unités). Reçu None.",
        "التحويل من {source} إلى {target} يجزّئ {count} منطقة بين عدة مناطق ({detail}). "
        "يجب إذن أن يحدد المعامل {name!r} في {func} كيفية تقسيم أعدادها، مثلا "
        "apportion='population' (ينال كل جزء حصة وحداته من السكان). القيمة المعطاة None.",
    ),
    # mapping/__init__.py
    "The {name!r} parameter of {func} must hold every mapped year. "
    "Got a table without {missing} instead (it has {years}).": (
        "Le paramètre {name!r} de {func} doit contenir toutes les années cartographiées. Reçu "
        "une table sans {missing} (elle a {years}).",
        "يجب أن يحتوي المعامل {name!r} في {func} على كل السنوات المعالجة. ورد جدول بدون "
        "{missing} (سنواته {years}).",
    ),
    "The {name!r} parameter of {func} must use the classification of the "
    "table ({classification!r}). Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit utiliser la nomenclature de la table "
        "({classification!r}). Reçu {value!r}.",
        "يجب أن يستعمل المعامل {name!r} في {func} تصنيف الجدول ({classification!r}). "
        "القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} must be a list of years. Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être une liste d'années. Reçu {value!r}.",
        "يجب أن يكون المعامل {name!r} في {func} قائمة سنوات. القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} must list years of the table {years}. "
    "Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit énumérer des années de la table {years}. "
        "Reçu {value!r}.",
        "يجب أن يذكر المعامل {name!r} في {func} سنوات من الجدول {years}. القيمة المعطاة {value!r}.",
    ),
    # mapping/_cube.py
    "no industry code of the table is covered by the definitions {name!r} "
    "(table codes such as {codes}).": (
        "aucun code d'activité de la table n'est couvert par les définitions {name!r} (codes "
        "de la table tels que {codes}).",
        "لا يغطي التعريفات {name!r} أي رمز نشاط من الجدول (رموز الجدول مثل {codes}).",
    ),
    "use definitions of the table's classification, or read the table at the "
    "level of the definitions' codes (e.g. levels=(6,) for NAICS).": (
        "utilisez des définitions dans la nomenclature de la table, ou lisez la table au "
        "niveau des codes des définitions (par exemple levels=(6,) pour NAICS).",
        "استعمل تعريفات بتصنيف الجدول، أو اقرأ الجدول بمستوى رموز التعريفات "
        "(مثلا levels=(6,) لـ NAICS).",
    ),
    "total='row' needs the all-industries rows (code {code!r}), which the table does not have.": (
        "total='row' demande les lignes de toutes activités (code {code!r}), que la table n'a pas.",
        "يحتاج total='row' إلى أسطر مجموع الأنشطة (الرمز {code!r})، وهي غير موجودة في الجدول.",
    ),
    "read the table with the {code!r} rows, or use total='sum' (grappe map --total sum).": (
        "lisez la table avec les lignes {code!r}, ou utilisez total='sum' "
        "(grappe map --total sum).",
        "اقرأ الجدول مع أسطر {code!r}، أو استعمل total='sum' (grappe map --total sum).",
    ),
    "negative {measure} {value!r} for region {region!r}, industry {industry!r}, year {year}.": (
        "{measure} négatif {value!r} pour la région {region!r}, l'activité {industry!r}, "
        "l'année {year}.",
        "قيمة {measure} سالبة {value!r} للمنطقة {region!r}، النشاط {industry!r}، السنة {year}.",
    ),
    "counts must be zero or positive; correct the source table.": (
        "les effectifs doivent être nuls ou positifs ; corrigez la table source.",
        "يجب أن تكون الأعداد صفرا أو موجبة؛ صحّح الجدول المصدر.",
    ),
    "region {region!r} has no all-industries row for {year}, needed for its total employment.": (
        "la région {region!r} n'a pas de ligne toutes activités pour {year}, nécessaire à son "
        "emploi total.",
        "المنطقة {region!r} ليس لها سطر مجموع الأنشطة لسنة {year}، وهو لازم لمجموع مناصب "
        "الشغل فيها.",
    ),
    "add the row, or use total='sum' (grappe map --total sum) to sum the industries instead.": (
        "ajoutez la ligne, ou utilisez total='sum' (grappe map --total sum) pour additionner "
        "plutôt les activités.",
        "أضف السطر، أو استعمل total='sum' (grappe map --total sum) لجمع الأنشطة بدلا منه.",
    ),
    "members {members} of region {region!r} are not regions of the "
    "table ({region_type} codes such as {codes}).": (
        "les membres {members} de la région {region!r} ne sont pas des régions de la table "
        "(codes {region_type} tels que {codes}).",
        "الأعضاء {members} في المنطقة {region!r} ليسوا مناطق من الجدول (رموز {region_type} "
        "مثل {codes}).",
    ),
    "correct the member codes, or map the table that holds them.": (
        "corrigez les codes des membres, ou cartographiez la table qui les contient.",
        "صحّح رموز الأعضاء، أو عالج الجدول الذي يحتويها.",
    ),
    "region code {region!r} of the region set is already used by another region.": (
        "le code de région {region!r} de l'ensemble de régions est déjà utilisé par une autre "
        "région.",
        "رمز المنطقة {region!r} في مجموعة المناطق مستعمل من قبل منطقة أخرى.",
    ),
    "give the new region a code of its own.": (
        "donnez à la nouvelle région un code qui lui soit propre.",
        "أعط المنطقة الجديدة رمزا خاصا بها.",
    ),
    "region {region!r} has {value:,.0f} of {measure} in cluster {cluster!r} in "
    "{year}, more than the whole reference table {reference} ({national:,.0f}).": (
        "la région {region!r} a {value:,.0f} de {measure} dans la grappe {cluster!r} en "
        "{year}, plus que toute la table de référence {reference} ({national:,.0f}).",
        "للمنطقة {region!r} {value:,.0f} من {measure} في العنقود {cluster!r} في {year}، "
        "أكثر من جدول المرجع كله {reference} ({national:,.0f}).",
    ),
    "give as --reference (reference=) the table of the nation that contains "
    "these regions, in the same classification and years.": (
        "donnez comme --reference (reference=) la table du pays qui contient ces régions, "
        "dans la même nomenclature et les mêmes années.",
        "أعط في --reference (reference=) جدول البلد الذي يضم هذه المناطق، بنفس التصنيف والسنوات.",
    ),
    # mapping/_rules.py
    "the {what} has no {measure} (the column is absent or empty in every row), "
    "so clusters cannot be mapped by {measure}; it has {present}.": (
        "la {what} n'a pas de {measure} (la colonne est absente ou vide à chaque ligne), donc "
        "les grappes ne peuvent pas être cartographiées par {measure} ; elle a {present}.",
        "{what} لا يحتوي على {measure} (العمود غائب أو فارغ في كل الأسطر)، لذا لا يمكن "
        "تحديد العناقيد حسب {measure}؛ يحتوي على {present}.",
    ),
    "reference table": ("table de référence", "الجدول المرجعي"),
    "table": ("table", "الجدول"),
    "no counts": ("aucun effectif", "لا أعداد"),
    "map a column with columns={{'<column>': {measure!r}}}, or choose another count: {others}.": (
        "associez une colonne avec columns={{'<column>': {measure!r}}}, ou choisissez un autre "
        "effectif : {others}.",
        "اربط عمودا بـ columns={{'<column>': {measure!r}}}، أو اختر عددا آخر: {others}.",
    ),
    "map a column with columns={{'<column>': {measure!r}}}.": (
        "associez une colonne avec columns={{'<column>': {measure!r}}}.",
        "اربط عمودا بـ columns={{'<column>': {measure!r}}}.",
    ),
    # model.py
    "The {name!r} parameter of {func} must hold tables of one {attr}. "
    "Got {first!r} and {other!r} instead.": (
        "Le paramètre {name!r} de {func} doit contenir des tables d'un seul {attr}. Reçu "
        "{first!r} et {other!r}.",
        "يجب أن يحتوي المعامل {name!r} في {func} على جداول ذات {attr} واحد. وردت {first!r} "
        "و{other!r}.",
    ),
    "region {region!r}, industry {industry!r}, year {year} appears in more than "
    "one input ({count} rows in all).": (
        "la région {region!r}, l'activité {industry!r}, l'année {year} figure dans plus d'une "
        "entrée ({count} lignes en tout).",
        "المنطقة {region!r}، النشاط {industry!r}، السنة {year} تظهر في أكثر من ملف إدخال "
        "({count} أسطر في المجموع).",
    ),
    "Give each region × industry × year in one file only.": (
        "Donnez chaque région × activité × année dans un seul fichier.",
        "أعط كل منطقة × نشاط × سنة في ملف واحد فقط.",
    ),
    # regions.py
    "a region or member code is empty.": (
        "un code de région ou de membre est vide.",
        "رمز منطقة أو عضو فارغ.",
    ),
    "fill in both codes or remove the row.": (
        "remplissez les deux codes ou supprimez la ligne.",
        "املأ الرمزين أو احذف السطر.",
    ),
    "member {member!r} is listed twice in region {region!r}.": (
        "le membre {member!r} figure deux fois dans la région {region!r}.",
        "العضو {member!r} مذكور مرتين في المنطقة {region!r}.",
    ),
    "list each member once.": ("indiquez chaque membre une fois.", "اذكر كل عضو مرة واحدة."),
    "member {member!r} belongs to several regions: {regions}.": (
        "le membre {member!r} appartient à plusieurs régions : {regions}.",
        "العضو {member!r} ينتمي إلى عدة مناطق: {regions}.",
    ),
    "put each member in one region, or use overlap='allow'.": (
        "placez chaque membre dans une seule région, ou utilisez overlap='allow'.",
        "ضع كل عضو في منطقة واحدة، أو استعمل overlap='allow'.",
    ),
    "the region set has no regions.": (
        "l'ensemble de régions n'a aucune région.",
        "مجموعة المناطق لا تحتوي على أي منطقة.",
    ),
    "list at least one region and its members.": (
        "indiquez au moins une région et ses membres.",
        "اذكر منطقة واحدة على الأقل وأعضاءها.",
    ),
    "region {region!r} has no members.": (
        "la région {region!r} n'a aucun membre.",
        "المنطقة {region!r} ليس لها أعضاء.",
    ),
    "list at least one member region.": (
        "indiquez au moins une région membre.",
        "اذكر منطقة عضوا واحدة على الأقل.",
    ),
    "member {member!r} of region {region!r} is not a region of the table "
    "({region_type} codes such as {codes}).": (
        "le membre {member!r} de la région {region!r} n'est pas une région de la table (codes "
        "{region_type} tels que {codes}).",
        "العضو {member!r} في المنطقة {region!r} ليس منطقة من الجدول (رموز {region_type} "
        "مثل {codes}).",
    ),
    "correct the member code, or read the table that holds it.": (
        "corrigez le code du membre, ou lisez la table qui le contient.",
        "صحّح رمز العضو، أو اقرأ الجدول الذي يحتويه.",
    ),
    "The {name!r} parameter of {func} must be a year of the table ({years}). "
    "Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être une année de la table ({years}). "
        "Reçu {value!r}.",
        "يجب أن يكون المعامل {name!r} في {func} سنة من سنوات الجدول ({years}). القيمة المعطاة "
        "{value!r}.",
    ),
    "The {name!r} parameter of {func} must be below the number of industries "
    "with employment ({count}). Got {value} instead.": (
        "Le paramètre {name!r} de {func} doit être inférieur au nombre d'activités avec des "
        "emplois ({count}). Reçu {value}.",
        "يجب أن يكون المعامل {name!r} في {func} أقل من عدد الأنشطة التي فيها مناصب شغل "
        "({count}). القيمة المعطاة {value}.",
    ),
    "a 2-D matrix": ("une matrice à 2 dimensions", "مصفوفة ثنائية الأبعاد"),
    "a 2-D numeric array": ("un tableau numérique à 2 dimensions", "جدول رقمي ثنائي الأبعاد"),
    "free of NaN and infinite values": (
        "sans NaN ni valeurs infinies",
        "خاليا من قيم NaN والقيم اللانهائية",
    ),
}
