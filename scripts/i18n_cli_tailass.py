"""French and Arabic of the errors left in English by the first wave (package tailass).

The questionnaire's structure checks and the parameter errors of grappe.assess, the labels, phases,
KPI extras and member events of grappe.roadmap, the data warnings of grappe.io's regional reader
(io/_plausibility.py, io/_select.py) and the words passed as values to grappe.io's sentences
(``what=``, the keys of ``duplicates_fix``).

msgid (the English template of a ``Message``) -> (French, Arabic). Placeholders are kept as they
are; option, column, key and file names stay in Latin letters; numbers in Latin digits. A word used
as a value (``what``) is written in French without its article when the sentence gives one, and in
Arabic with the article when it ends an annexation (``مسار {what}``).
"""

from __future__ import annotations

CLI_T_tailass: dict[str, tuple[str, str]] = {
    # --- assess: parameters (_score, diamond, evidence, lifecycle, success_factors, swot)
    "The 'cuts' parameter of band_score must be four ascending numbers. Got {cuts!r} instead.": (
        "Le paramètre 'cuts' de band_score doit être quatre nombres croissants. Reçu {cuts!r}.",
        "يجب أن يكون المعامل 'cuts' للدالة band_score أربعة أعداد تصاعدية. القيمة المعطاة "
        "{cuts!r}.",
    ),
    "The 'cuts' parameter of {func} must name indicators among {known}. Got {unknown} instead.": (
        "Le paramètre 'cuts' de {func} doit nommer des indicateurs parmi {known}. Reçu {unknown}.",
        "يجب أن يسمّي المعامل 'cuts' للدالة {func} مؤشرات من بين {known}. القيمة المعطاة {unknown}.",
    ),
    "The 'cuts' parameter of {func} must give four ascending numbers for {indicator!r}. Got "
    "{new!r} instead.": (
        "Le paramètre 'cuts' de {func} doit donner quatre nombres croissants pour "
        "{indicator!r}. Reçu {new!r}.",
        "يجب أن يعطي المعامل 'cuts' للدالة {func} أربعة أعداد تصاعدية للمؤشر {indicator!r}. "
        "القيمة المعطاة {new!r}.",
    ),
    "The 'questionnaire' parameter of {func} must be a Questionnaire when answers are given. Got "
    "None instead.": (
        "Le paramètre 'questionnaire' de {func} doit être un Questionnaire quand des réponses "
        "sont données. Reçu None.",
        "يجب أن يكون المعامل 'questionnaire' للدالة {func} من نوع Questionnaire عند إعطاء "
        "إجابات. القيمة المعطاة None.",
    ),
    "The 'indicators' parameter of {func} must have the columns {columns}. Got a table without "
    "{missing} instead.": (
        "Le paramètre 'indicators' de {func} doit avoir les colonnes {columns}. Reçu une table "
        "sans {missing}.",
        "يجب أن يحتوي المعامل 'indicators' للدالة {func} على الأعمدة {columns}. أُعطي جدول "
        "بدون {missing}.",
    ),
    "No indicators for region {region!r}, cluster {cluster!r}, year {year}.": (
        "Aucun indicateur pour la région {region!r}, le cluster {cluster!r}, l'année {year}.",
        "لا توجد مؤشرات للمنطقة {region!r} والعنقود {cluster!r} والسنة {year}.",
    ),
    "No indicators for region {region!r}, cluster {cluster!r}.": (
        "Aucun indicateur pour la région {region!r}, le cluster {cluster!r}.",
        "لا توجد مؤشرات للمنطقة {region!r} والعنقود {cluster!r}.",
    ),
    "The 'series' parameter of {func} must have the columns {columns}. Got a table without "
    "{missing} instead.": (
        "Le paramètre 'series' de {func} doit avoir les colonnes {columns}. Reçu une table "
        "sans {missing}.",
        "يجب أن يحتوي المعامل 'series' للدالة {func} على الأعمدة {columns}. أُعطي جدول "
        "بدون {missing}.",
    ),
    "The 'series' parameter of {func} must have at least two years. Got {count} instead.": (
        "Le paramètre 'series' de {func} doit avoir au moins deux années. Reçu {count}.",
        "يجب أن يحتوي المعامل 'series' للدالة {func} على سنتين على الأقل. العدد المعطى {count}.",
    ),
    "The 'answer_sets' parameter of pooled_points must hold at least one set of answers. Got "
    "none instead.": (
        "Le paramètre 'answer_sets' de pooled_points doit contenir au moins un jeu de réponses. "
        "Aucun reçu.",
        "يجب أن يحتوي المعامل 'answer_sets' للدالة pooled_points على مجموعة إجابات واحدة على "
        "الأقل. لم تُعطَ أي مجموعة.",
    ),
    "The 'method' parameter of success_factors must be one of 'quebec', 'danish'. Got "
    "{method!r} instead.": (
        "Le paramètre 'method' de success_factors doit être 'quebec' ou 'danish'. Reçu {method!r}.",
        "يجب أن يكون المعامل 'method' للدالة success_factors إحدى القيم 'quebec' أو 'danish'. "
        "القيمة المعطاة {method!r}.",
    ),
    "The 'national' parameter of classify must be >= 'regional' >= 'potential'. Got "
    "{national}, {regional}, {potential} instead.": (
        "Les paramètres de classify doivent vérifier 'national' >= 'regional' >= 'potential'. "
        "Reçu {national}, {regional}, {potential}.",
        "يجب أن تحقق معاملات الدالة classify الشرط 'national' >= 'regional' >= 'potential'. "
        "القيم المعطاة {national}، {regional}، {potential}.",
    ),
    "The positions of Swot.edit must be items of the {quadrant} (0 to {last}). Got {position!r} "
    "instead.": (
        "Les positions de Swot.edit doivent être des éléments du quadrant {quadrant} (0 à "
        "{last}). Reçu {position!r}.",
        "يجب أن تكون مواضع Swot.edit عناصر من الربع {quadrant} (من 0 إلى {last}). الموضع "
        "المعطى {position!r}.",
    ),
    "The texts of Swot.edit must be non-empty text. Got {text!r} instead.": (
        "Les textes de Swot.edit doivent être des textes non vides. Reçu {text!r}.",
        "يجب أن تكون نصوص Swot.edit نصوصاً غير فارغة. القيمة المعطاة {text!r}.",
    ),
    # --- assess: the questionnaire file (questionnaire.from_dict)
    "question {qid}": ("question {qid}", "السؤال {qid}"),  # a column of the questionnaire file
    "The questionnaire is not a mapping.": (
        "Le questionnaire n'est pas un dictionnaire (clé: valeur).",
        "الاستبيان ليس قاموساً (مفتاح: قيمة).",
    ),
    "Write 'name', 'title', 'dimensions', 'questions' keys.": (
        "Écrivez les clés 'name', 'title', 'dimensions', 'questions'.",
        "اكتب المفاتيح 'name' و'title' و'dimensions' و'questions'.",
    ),
    "The key {key!r} is missing.": (
        "La clé {key!r} manque.",
        "المفتاح {key!r} مفقود.",
    ),
    "Add '{key}:' to the file.": (
        "Ajoutez '{key}:' au fichier.",
        "أضف '{key}:' إلى الملف.",
    ),
    "A question has no 'id'.": (
        "Une question n'a pas de clé 'id'.",
        "أحد الأسئلة ليس له 'id'.",
    ),
    "Give every question an 'id'.": (
        "Donnez un 'id' à chaque question.",
        "أعط كل سؤال 'id'.",
    ),
    "The question id {qid!r} is used twice.": (
        "L'identifiant de question {qid!r} est utilisé deux fois.",
        "معرّف السؤال {qid!r} مستعمل مرتين.",
    ),
    "Make ids unique.": (
        "Rendez les identifiants uniques.",
        "اجعل المعرّفات فريدة.",
    ),
    "Unknown answer type {qtype!r}.": (
        "Type de réponse inconnu {qtype!r}.",
        "نوع إجابة غير معروف {qtype!r}.",
    ),
    "Unknown dimension {dim!r}.": (
        "Dimension inconnue {dim!r}.",
        "بُعد غير معروف {dim!r}.",
    ),
    "A 'choice' question has no choices.": (
        "Une question 'choice' n'a pas de choix.",
        "سؤال من نوع 'choice' بلا خيارات.",
    ),
    "List its 'choices'.": (
        "Listez ses 'choices'.",
        "اذكر خياراته 'choices'.",
    ),
    "A 'number' question needs four 'cuts'.": (
        "Une question 'number' a besoin de quatre 'cuts'.",
        "يحتاج سؤال من نوع 'number' إلى أربع عتبات 'cuts'.",
    ),
    "Give 'cuts: [c1, c2, c3, c4]' scoring the answer on 1–5.": (
        "Donnez 'cuts: [c1, c2, c3, c4]', qui notent la réponse de 1 à 5.",
        "أعط 'cuts: [c1, c2, c3, c4]' التي تنقّط الإجابة من 1 إلى 5.",
    ),
    "The text is not given per language.": (
        "Le texte n'est pas donné par langue.",
        "النص غير معطى حسب اللغة.",
    ),
    "Give texts for {languages}.": (
        "Donnez les textes pour {languages}.",
        "أعط النصوص باللغات {languages}.",
    ),
    "The {lang!r} text is missing.": (
        "Le texte {lang!r} manque.",
        "النص {lang!r} مفقود.",
    ),
    "Add the '{lang}' text.": (
        "Ajoutez le texte '{lang}'.",
        "أضف النص '{lang}'.",
    ),
    # --- roadmap: labels, phases, KPI extras, member events
    "The 'extra' parameter of evaluate_kpis must not repeat a KPI. Got {key!r} instead.": (
        "Le paramètre 'extra' de evaluate_kpis ne doit pas répéter un indicateur. Reçu {key!r}.",
        "يجب ألا يكرر المعامل 'extra' للدالة evaluate_kpis مؤشراً. القيمة المعطاة {key!r}.",
    ),
    "The label has no {key!r}.": (
        "Le label n'a pas de {key!r}.",
        "العلامة ليس لها {key!r}.",
    ),
    "Add '{key}:'.": ("Ajoutez '{key}:'.", "أضف '{key}:'."),
    "The criterion {raw!r} is not 'metric op number'.": (
        "Le critère {raw!r} n'est pas de la forme 'metric op number'.",
        "المعيار {raw!r} ليس من الشكل 'metric op number'.",
    ),
    "Write e.g. 'members >= 30' with op among {operators}.": (
        "Écrivez par exemple 'members >= 30', avec op parmi {operators}.",
        "اكتب مثلاً 'members >= 30'، مع op من بين {operators}.",
    ),
    "The date {key} {value!r} is not YYYY-MM-DD.": (
        "La date {key} {value!r} n'est pas au format YYYY-MM-DD.",
        "التاريخ {key} {value!r} ليس بالشكل YYYY-MM-DD.",
    ),
    "Write YYYY-MM-DD.": ("Écrivez YYYY-MM-DD.", "اكتب YYYY-MM-DD."),
    "The label ends ({end}) before it starts ({start}).": (
        "Le label se termine ({end}) avant de commencer ({start}).",
        "تنتهي العلامة ({end}) قبل أن تبدأ ({start}).",
    ),
    "Correct the validity dates.": (
        "Corrigez les dates de validité.",
        "صحّح تواريخ الصلاحية.",
    ),
    "The 'kind' of a member event must be one of {kinds}. Got {kind!r} instead.": (
        "Le 'kind' d'un événement de membre doit être parmi {kinds}. Reçu {kind!r}.",
        "يجب أن يكون 'kind' لحدث عضو من بين {kinds}. القيمة المعطاة {kind!r}.",
    ),
    "The 'date' of a member event must be a date. Got {day!r} instead.": (
        "La 'date' d'un événement de membre doit être une date. Reçu {day!r}.",
        "يجب أن يكون 'date' لحدث عضو تاريخاً. القيمة المعطاة {day!r}.",
    ),
    "There is no roadmap phase {key!r}; the phases are {phases}.": (
        "Il n'y a pas de phase de feuille de route {key!r} ; les phases sont {phases}.",
        "لا توجد مرحلة {key!r} في خارطة الطريق؛ المراحل هي {phases}.",
    ),
    # --- io: data warnings of the regional reader (_plausibility, _select)
    "{group} (from row {row})": ("{group} (dès la ligne {row})", "{group} (من السطر {row})"),
    "{first}, {then}": ("{first}, {then}", "{first}، {then}"),
    "{shown} and {count} more": ("{shown} et {count} autres", "{shown} و{count} أخرى"),
    "every {column} cell is 0 for {count} {groups}: {shown}; their indicators are empty.": (
        "toutes les cellules {column} valent 0 pour {count} {groups} : {shown} ; leurs "
        "indicateurs sont vides.",
        "كل خلايا {column} تساوي 0 في {groups} التالية ({count}): {shown}؛ مؤشراتها فارغة.",
    ),
    "check that the {group}'s rows are complete, or leave the {group} out.": (
        "vérifiez que les lignes ({group}) sont complètes, ou écartez cette valeur ({group}).",
        "تحقق من اكتمال أسطر {group}، أو استبعد {group}.",
    ),
    "regions": ("régions", "المناطق"),
    "years": ("années", "السنوات"),
    "left out {count:,} rows of the aggregates {codes}, which sum countries rather than being "
    "regions.": (
        "{count:,} lignes des agrégats {codes} écartées : elles additionnent des pays au lieu "
        "d'être des régions.",
        "استُبعد {count:,} سطراً من المجاميع {codes}، لأنها تجمع دولاً بدل أن تكون مناطق.",
    ),
    "nothing to do; the nation of each region is the sum of the regions kept.": (
        "rien à faire ; le pays de chaque région est la somme des régions gardées.",
        "لا شيء يُفعل؛ البلد الذي تتبعه كل منطقة هو مجموع المناطق المحتفظ بها.",
    ),
    "left out {count:,} rows of {code!r} ({meaning}), which is not an industry.": (
        "{count:,} lignes de {code!r} ({meaning}) écartées : ce n'est pas une industrie.",
        "استُبعد {count:,} سطراً من {code!r} ({meaning})، لأنه ليس صناعة.",
    ),
    "nothing to do; they are not part of any cluster.": (
        "rien à faire ; elles ne font partie d'aucun cluster.",
        "لا شيء يُفعل؛ فهي لا تنتمي إلى أي عنقود.",
    ),
    "left out {count:,} rows of NUTS levels {left}: the table keeps the regions of NUTS level "
    "{chosen}.": (
        "{count:,} lignes des niveaux NUTS {left} écartées : la table garde les régions du "
        "niveau NUTS {chosen}.",
        "استُبعد {count:,} سطراً من مستويات NUTS {left}: يحتفظ الجدول بمناطق مستوى NUTS {chosen}.",
    ),
    "left out {count:,} rows of NUTS levels {left}: the table keeps the regions of NUTS level "
    "{chosen}, the finest in the file.": (
        "{count:,} lignes des niveaux NUTS {left} écartées : la table garde les régions du "
        "niveau NUTS {chosen}, le plus fin du fichier.",
        "استُبعد {count:,} سطراً من مستويات NUTS {left}: يحتفظ الجدول بمناطق مستوى NUTS "
        "{chosen}، وهو الأدق في الملف.",
    ),
    "to map another level, give region_type='nuts{level}'.": (
        "pour cartographier un autre niveau, donnez region_type='nuts{level}'.",
        "لرسم خريطة مستوى آخر، أعط region_type='nuts{level}'.",
    ),
    # --- io: words placed in sentences (what=, duplicates_fix keys)
    "a number": ("un nombre", "عددًا"),
    "regional table": ("tableau régional", "الجدول الإقليمي"),
    "answers file": ("fichier des réponses", "ملف الإجابات"),
    "KPI table": ("tableau des indicateurs", "جدول المؤشرات"),
    "member events table": ("tableau des événements de membres", "جدول أحداث الأعضاء"),
    "indicator table": ("tableau des indicateurs", "جدول المؤشرات"),
    "activity table": ("tableau des activités", "جدول الأنشطة"),
    "definitions file": ("fichier de définitions", "ملف التعريفات"),
    "support bodies file": ("fichier des organismes d'appui", "ملف هيئات الدعم"),
    "wilaya list": ("tableau des wilayas", "قائمة الولايات"),
    "table of counts by wilaya": ("tableau des effectifs par wilaya", "جدول الأعداد حسب الولاية"),
    "region, industry and year": ("région, industrie et année", "منطقة وصناعة وسنة"),
    "location and activity": ("lieu et activité", "الموقع والنشاط"),
    "location": ("lieu", "الموقع"),
    "location, activity and year": ("lieu, activité et année", "الموقع والنشاط والسنة"),
    "questionnaire": ("questionnaire", "الاستبيان"),
    "roadmap file": ("fichier de feuille de route", "ملف خارطة الطريق"),
    "label file": ("fichier du label", "ملف العلامة"),
    "needs file": ("fichier des besoins", "ملف الاحتياجات"),
    "capabilities file": ("fichier des capacités", "ملف القدرات"),
    "NAICS labels": ("fichier des libellés NAICS", "ملف تسميات NAICS"),
    "bundled HCP table": ("tableau HCP fourni", "جدول HCP المرفق"),
    "BEA table": ("tableau BEA", "جدول BEA"),
    "BEA-NAICS crosswalk": ("tableau de correspondance BEA-NAICS", "جدول التقابل BEA-NAICS"),
    "Algerian maps": ("fond de carte algérien", "خرائط الجزائر"),
    "Wilaya centres": ("fichier des centres de wilaya", "ملف مراكز الولايات"),
    "actors table": ("tableau des acteurs", "جدول الفاعلين"),
    "ties table": ("tableau des liens", "جدول الروابط"),
    "interview grid": ("tableau de la grille d'entretien", "شبكة المقابلات"),
    "adjacency matrix": ("tableau de la matrice d'adjacence", "مصفوفة التجاور"),
    "region set": ("fichier de l'ensemble de régions", "ملف مجموعة المناطق"),
    "points table": ("tableau des points", "جدول النقاط"),
    "establishments table": ("tableau des établissements", "جدول المؤسسات"),
    "GeoJSON file": ("fichier GeoJSON", "ملف GeoJSON"),
}
