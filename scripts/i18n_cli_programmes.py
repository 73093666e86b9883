"""French and Arabic of ``grappe programme`` and of grappe.programmes' errors and reasons
(package programmes, issue 18): msgid -> (French, Arabic). Machine-written, like the rest of the
table."""

from __future__ import annotations

CLI_T_programmes: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/programme.py: help
    "Cluster programmes: presets, eligibility, label decisions, calendars, candidates.": (
        "Programmes de clusters : préréglages, éligibilité, décisions de label, calendriers, "
        "candidats.",
        "برامج العناقيد: البرامج الجاهزة، الأهلية، قرارات العلامة، الرزنامات، المرشحون.",
    ),
    "List the bundled programmes: key, name, country, levels and evaluation calendar.": (
        "Lister les programmes fournis : clé, nom, pays, niveaux et calendrier d'évaluation.",
        "سرد البرامج المرفقة: المفتاح، الاسم، البلد، المستويات ورزنامة التقييم.",
    ),
    "Language of the programme's texts: fr, ar, en (default: the language of grappe).": (
        "Langue des textes du programme : fr, ar, en (par défaut : la langue de grappe).",
        "لغة نصوص البرنامج: fr أو ar أو en (الافتراضي: لغة grappe).",
    ),
    "Show a programme: eligibility, admission, label levels, calendar, funding and sources,\n"
    "each threshold marked as read from the sources or assumed.": (
        "Afficher un programme : éligibilité, admission, niveaux de label, calendrier, "
        "financement et sources,\nchaque seuil étant marqué comme lu dans les sources ou supposé.",
        "عرض برنامج: الأهلية، القبول، مستويات العلامة، الرزنامة، التمويل والمصادر،\nمع بيان "
        "ما إذا كانت كل عتبة مقروءة من المصادر أو مفترضة.",
    ),
    "A preset's key (see 'grappe programme list') or a programme YAML file.": (
        "La clé d'un préréglage (voir « grappe programme list ») ou un fichier YAML de programme.",
        "مفتاح برنامج جاهز (انظر 'grappe programme list') أو ملف YAML لبرنامج.",
    ),
    "Check a cluster's eligibility with the evidence of each criterion (exit code 2 when the\n"
    "cluster is not eligible).": (
        "Vérifier l'éligibilité d'un cluster avec la preuve de chaque critère (code de sortie 2 "
        "si le\ncluster n'est pas éligible).",
        "التحقق من أهلية عنقود مع دليل كل معيار (رمز الخروج 2 إذا كان\nالعنقود غير مؤهل).",
    ),
    "The cluster's facts: YAML/JSON 'metric: value', or a table metric,value[,source].": (
        "Les faits du cluster : YAML/JSON « métrique: valeur », ou un tableau "
        "metric,value[,source].",
        "وقائع العنقود: YAML/JSON بصيغة 'المقياس: القيمة'، أو جدول metric,value[,source].",
    ),
    "The programme's label decision on a cluster's facts: award, keep, raise, lower,\n"
    "suspend, withdraw, reinstate or refuse, with the reasons and every criterion's value.": (
        "La décision de label du programme sur les faits d'un cluster : attribuer, maintenir, "
        "relever, abaisser,\nsuspendre, retirer, rétablir ou refuser, avec les raisons et la "
        "valeur de chaque critère.",
        "قرار البرنامج بشأن علامة عنقود انطلاقاً من وقائعه: منح، إبقاء، ترقية، تخفيض،\nتعليق، "
        "سحب، إعادة أو رفض، مع الأسباب وقيمة كل معيار.",
    ),
    "Status before this evaluation: applied, awarded, renewed, refused, suspended, withdrawn "
    "or expired (none: a first application).": (
        "Statut avant cette évaluation : applied, awarded, renewed, refused, suspended, "
        "withdrawn ou expired (aucun : une première candidature).",
        "الحالة قبل هذا التقييم: applied أو awarded أو renewed أو refused أو suspended أو "
        "withdrawn أو expired (بدونها: ترشح أول).",
    ),
    "Level held before this evaluation.": (
        "Niveau détenu avant cette évaluation.",
        "المستوى المحرز قبل هذا التقييم.",
    ),
    "Failed evaluations in a row before this one.": (
        "Évaluations échouées consécutives avant celle-ci.",
        "عدد التقييمات الفاشلة المتتالية قبل هذا التقييم.",
    ),
    "The evaluation dates of a programme's calendar between two dates.": (
        "Les dates d'évaluation du calendrier d'un programme entre deux dates.",
        "تواريخ التقييم في رزنامة برنامج بين تاريخين.",
    ),
    "Date of the award (YYYY-MM-DD).": (
        "Date de l'attribution (AAAA-MM-JJ).",
        "تاريخ المنح (YYYY-MM-DD).",
    ),
    "Last date considered (YYYY-MM-DD).": (
        "Dernière date considérée (AAAA-MM-JJ).",
        "آخر تاريخ معتبر (YYYY-MM-DD).",
    ),
    "The region × cluster cells of a cluster map that meet the programme's statistical\n"
    "criteria (statistically identified clusters, Catalan or US style).": (
        "Les cellules région × cluster d'une carte de clusters qui satisfont les critères\n"
        "statistiques du programme (clusters identifiés statistiquement, à la catalane ou à "
        "l'américaine).",
        "خلايا منطقة × عنقود في خريطة العناقيد التي تستوفي المعايير الإحصائية\nللبرنامج "
        "(عناقيد محددة إحصائياً على الطريقة الكتالونية أو الأمريكية).",
    ),
    "A 'grappe map' output (Parquet, CSV): region × cluster cells.": (
        "Une sortie de « grappe map » (Parquet, CSV) : cellules région × cluster.",
        "مخرجات 'grappe map' (Parquet أو CSV): خلايا منطقة × عنقود.",
    ),
    # cli/programme.py: messages and tables
    "The '--format' option of {command} must be one of 'table', 'json', 'csv'. "
    "Got {value!r} instead.": (
        "L'option « --format » de {command} doit valoir 'table', 'json' ou 'csv'. "
        "Reçu {value!r}.",
        "يجب أن يكون الخيار '--format' للأمر {command} إحدى القيم 'table' أو 'json' أو 'csv'. "
        "القيمة المعطاة {value!r}.",
    ),
    "key": ("clé", "المفتاح"),
    "country": ("pays", "البلد"),
    "levels": ("niveaux", "المستويات"),
    "every (months)": ("tous les (mois)", "كل (أشهر)"),
    "level": ("niveau", "المستوى"),
    "criterion": ("critère", "المعيار"),
    "source": ("source", "المصدر"),
    "assumed": ("supposé", "مفترض"),
    "reason": ("raison", "السبب"),
    "evaluation": ("évaluation", "التقييم"),
    "award": ("attribuer", "منح"),
    "keep": ("maintenir", "إبقاء"),
    "raise": ("relever", "ترقية"),
    "lower": ("abaisser", "تخفيض"),
    "suspend": ("suspendre", "تعليق"),
    "withdraw": ("retirer", "سحب"),
    "reinstate": ("rétablir", "إعادة"),
    "refuse": ("refuser", "رفض"),
    "applied": ("candidat", "مترشح"),
    "awarded": ("attribué", "ممنوح"),
    "renewed": ("renouvelé", "مجدد"),
    "refused": ("refusé", "مرفوض"),
    "suspended": ("suspendu", "معلق"),
    "withdrawn": ("retiré", "مسحوب"),
    "expired": ("expiré", "منتهي الصلاحية"),
    "Programmes": ("Programmes", "البرامج"),
    "read from the sources": ("lu dans les sources", "مقروء من المصادر"),
    "Country: {country}": ("Pays : {country}", "البلد: {country}"),
    "Eligibility:": ("Éligibilité :", "الأهلية:"),
    "Statistical criteria (cells of a cluster map):": (
        "Critères statistiques (cellules d'une carte de clusters) :",
        "المعايير الإحصائية (خلايا خريطة العناقيد):",
    ),
    "Admission:": ("Admission :", "القبول:"),
    "Label levels (lowest first):": (
        "Niveaux de label (du plus bas au plus haut) :",
        "مستويات العلامة (من الأدنى إلى الأعلى):",
    ),
    "valid {years} years": ("valable {years} ans", "صالحة {years} سنوات"),
    "no fixed validity": ("sans durée de validité fixe", "دون مدة صلاحية محددة"),
    "Evaluation: every {months} months": (
        "Évaluation : tous les {months} mois",
        "التقييم: كل {months} شهراً",
    ),
    "Evaluation: no calendar": ("Évaluation : pas de calendrier", "التقييم: دون رزنامة"),
    "After failed evaluations in a row: {rule}": (
        "Après des évaluations échouées consécutives : {rule}",
        "بعد تقييمات فاشلة متتالية: {rule}",
    ),
    "Indicators reported: {names}": (
        "Indicateurs déclarés : {names}",
        "المؤشرات المصرح بها: {names}",
    ),
    "Funding:": ("Financement :", "التمويل:"),
    "Sources:": ("Sources :", "المصادر:"),
    "Eligibility for {name}": ("Éligibilité à {name}", "الأهلية لـ {name}"),
    "Eligible.": ("Éligible.", "مؤهل."),
    "Not eligible.": ("Non éligible.", "غير مؤهل."),
    "Decision: {action} — status {status}, level {level}, failures in a row {failures}": (
        "Décision : {action} — statut {status}, niveau {level}, échecs consécutifs {failures}",
        "القرار: {action} — الحالة {status}، المستوى {level}، الإخفاقات المتتالية {failures}",
    ),
    "Criteria of {name}": ("Critères de {name}", "معايير {name}"),
    "The '{option}' option of grappe programme schedule must be a date YYYY-MM-DD. "
    "Got {value!r} instead.": (
        "L'option « {option} » de grappe programme schedule doit être une date AAAA-MM-JJ. "
        "Reçu {value!r}.",
        "يجب أن يكون الخيار '{option}' للأمر grappe programme schedule تاريخاً بصيغة "
        "YYYY-MM-DD. القيمة المعطاة {value!r}.",
    ),
    "The programme {key} has no evaluation calendar.": (
        "Le programme {key} n'a pas de calendrier d'évaluation.",
        "ليس للبرنامج {key} رزنامة تقييم.",
    ),
    "No evaluation falls in this period.": (
        "Aucune évaluation ne tombe dans cette période.",
        "لا يقع أي تقييم في هذه الفترة.",
    ),
    "Evaluations of {name}": ("Évaluations de {name}", "تقييمات {name}"),
    "Candidates for {name}": ("Candidats pour {name}", "المرشحون لـ {name}"),
    "{count} cells meet every criterion.": (
        "{count} cellules satisfont tous les critères.",
        "{count} خلية تستوفي كل المعايير.",
    ),
    # io/programmes.py
    "programme": ("programme", "البرنامج"),
    "No programme {name!r}: not a preset ({presets}) nor a file.": (
        "Aucun programme {name!r} : ni un préréglage ({presets}) ni un fichier.",
        "لا يوجد برنامج {name!r}: ليس برنامجاً جاهزاً ({presets}) ولا ملفاً.",
    ),
    "facts file": ("fichier de faits", "ملف الوقائع"),
    "The facts file is not a mapping of metrics to values.": (
        "Le fichier de faits n'associe pas des valeurs à des métriques.",
        "ملف الوقائع ليس ربطاً بين المقاييس والقيم.",
    ),
    "Write one 'metric: value' per line, e.g. 'members: 18'.": (
        "Écrivez une « métrique: valeur » par ligne, par ex. « members: 18 ».",
        "اكتب 'المقياس: القيمة' في كل سطر، مثلاً 'members: 18'.",
    ),
    "The facts table lacks the columns {missing}.": (
        "Il manque au tableau de faits les colonnes {missing}.",
        "تنقص جدولَ الوقائع الأعمدةُ {missing}.",
    ),
    "Give the columns metric, value (and optionally source).": (
        "Donnez les colonnes metric, value (et éventuellement source).",
        "أعط الأعمدة metric وvalue (واختيارياً source).",
    ),
    "The metric {metric!r} is given twice.": (
        "La métrique {metric!r} est donnée deux fois.",
        "المقياس {metric!r} معطى مرتين.",
    ),
    "Keep one value per metric.": (
        "Gardez une seule valeur par métrique.",
        "احتفظ بقيمة واحدة لكل مقياس.",
    ),
    "The fact {metric!r} is {value!r}, not a number.": (
        "Le fait {metric!r} vaut {value!r}, pas un nombre.",
        "الواقعة {metric!r} قيمتها {value!r}، وليست عدداً.",
    ),
    "Write a number (e.g. 0.5), or leave it empty if not reported.": (
        "Écrivez un nombre (par ex. 0.5), ou laissez vide si la valeur n'est pas déclarée.",
        "اكتب عدداً (مثلاً 0.5)، أو اتركه فارغاً إذا لم يُصرَّح به.",
    ),
    "map": ("carte", "الخريطة"),
    # programmes/candidates.py
    "The programme {programme} has no statistical criteria.": (
        "Le programme {programme} n'a pas de critères statistiques.",
        "ليس للبرنامج {programme} معايير إحصائية.",
    ),
    "The map has no column {metric!r}.": (
        "La carte n'a pas de colonne {metric!r}.",
        "ليس في الخريطة عمود {metric!r}.",
    ),
    "Give the output of 'grappe map' (it has the columns {columns}).": (
        "Donnez la sortie de « grappe map » (elle a les colonnes {columns}).",
        "أعط مخرجات 'grappe map' (فيها الأعمدة {columns}).",
    ),
    "The column {metric!r} holds {value!r}, not a number.": (
        "La colonne {metric!r} contient {value!r}, pas un nombre.",
        "يحتوي العمود {metric!r} على {value!r}، وليس عدداً.",
    ),
    "Give numbers (or leave the cell empty).": (
        "Donnez des nombres (ou laissez la cellule vide).",
        "أعط أعداداً (أو اترك الخلية فارغة).",
    ),
    # programmes/rules.py
    "The fact {metric!r} must be a number. Got {value!r} instead.": (
        "Le fait {metric!r} doit être un nombre. Reçu {value!r}.",
        "يجب أن تكون الواقعة {metric!r} عدداً. القيمة المعطاة {value!r}.",
    ),
    "{metric} is not reported, so {criterion} cannot be checked": (
        "{metric} n'est pas déclaré, donc {criterion} ne peut être vérifié",
        "{metric} غير مصرح به، لذا لا يمكن التحقق من {criterion}",
    ),
    "{metric} = {value} does not meet {criterion}": (
        "{metric} = {value} ne satisfait pas {criterion}",
        "{metric} = {value} لا يستوفي {criterion}",
    ),
    "The previous status must be one of {statuses}. Got {value!r} instead.": (
        "Le statut précédent doit être l'un de {statuses}. Reçu {value!r}.",
        "يجب أن تكون الحالة السابقة إحدى {statuses}. القيمة المعطاة {value!r}.",
    ),
    "The previous failures must be a whole number from 0. Got {value!r} instead.": (
        "Le nombre d'échecs précédents doit être un entier à partir de 0. Reçu {value!r}.",
        "يجب أن يكون عدد الإخفاقات السابقة عدداً صحيحاً ابتداءً من 0. القيمة المعطاة {value!r}.",
    ),
    "The programme {programme} has no level {level!r}; its levels are {levels}.": (
        "Le programme {programme} n'a pas de niveau {level!r} ; ses niveaux sont {levels}.",
        "ليس للبرنامج {programme} مستوى {level!r}؛ مستوياته هي {levels}.",
    ),
    "failed evaluations in a row: {failures}; the rule says {action}": (
        "évaluations échouées consécutives : {failures} ; la règle dit {action}",
        "تقييمات فاشلة متتالية: {failures}؛ والقاعدة تقضي بـ {action}",
    ),
    "every criterion is met": ("tous les critères sont satisfaits", "كل المعايير مستوفاة"),
    "every criterion of the level {level} is met": (
        "tous les critères du niveau {level} sont satisfaits",
        "كل معايير المستوى {level} مستوفاة",
    ),
    "The '{name}' parameter of evaluation_dates must be a date. Got {value!r} instead.": (
        "Le paramètre « {name} » de evaluation_dates doit être une date. Reçu {value!r}.",
        "يجب أن يكون المعامل '{name}' للدالة evaluation_dates تاريخاً. القيمة المعطاة {value!r}.",
    ),
    "The calendar ends ({until}) before it starts ({start}).": (
        "Le calendrier se termine ({until}) avant de commencer ({start}).",
        "تنتهي الرزنامة ({until}) قبل أن تبدأ ({start}).",
    ),
    # programmes/schema.py
    "{where} is not a mapping of languages to texts.": (
        "{where} n'associe pas des textes à des langues.",
        "{where} ليس ربطاً بين اللغات والنصوص.",
    ),
    "Write e.g. '{where}: {{fr: …, ar: …, en: …}}'.": (
        "Écrivez par ex. « {where}: {{fr: …, ar: …, en: …}} ».",
        "اكتب مثلاً '{where}: {{fr: …, ar: …, en: …}}'.",
    ),
    "{where} has the language {lang!r}.": (
        "{where} a la langue {lang!r}.",
        "في {where} اللغة {lang!r}.",
    ),
    "Use the languages {languages}.": (
        "Utilisez les langues {languages}.",
        "استعمل اللغات {languages}.",
    ),
    "{where}.{lang} is empty or not a text.": (
        "{where}.{lang} est vide ou n'est pas un texte.",
        "{where}.{lang} فارغ أو ليس نصاً.",
    ),
    "Write the text, or remove the language.": (
        "Écrivez le texte, ou retirez la langue.",
        "اكتب النص، أو احذف اللغة.",
    ),
    "Write e.g. 'members >= 15' (op among {operators}), or a mapping with metric, op, "
    "threshold, and optionally assumed and note.": (
        "Écrivez par ex. « members >= 15 » (op parmi {operators}), ou une table avec metric, "
        "op, threshold, et éventuellement assumed et note.",
        "اكتب مثلاً 'members >= 15' (العامل من بين {operators})، أو ربطاً يتضمن metric وop "
        "وthreshold، واختيارياً assumed وnote.",
    ),
    "The criterion {raw!r} names the unknown metric {metric!r}.": (
        "Le critère {raw!r} nomme la métrique inconnue {metric!r}.",
        "يذكر المعيار {raw!r} المقياس المجهول {metric!r}.",
    ),
    "Did you mean {close!r}?": ("Vouliez-vous dire {close!r} ?", "هل تقصد {close!r}؟"),
    "Use a metric of grappe.programmes.metrics (see docs/programmes.md) or declare it under "
    "'metrics:'.": (
        "Utilisez une métrique de grappe.programmes.metrics (voir docs/programmes.md) ou "
        "déclarez-la sous « metrics: ».",
        "استعمل مقياساً من grappe.programmes.metrics (انظر docs/programmes.md) أو صرّح به "
        "تحت 'metrics:'.",
    ),
    "{where}.assumed is {value!r}, not true or false.": (
        "{where}.assumed vaut {value!r}, ni true ni false.",
        "{where}.assumed قيمته {value!r}، وليست true أو false.",
    ),
    "Write 'assumed: true' or 'assumed: false'.": (
        "Écrivez « assumed: true » ou « assumed: false ».",
        "اكتب 'assumed: true' أو 'assumed: false'.",
    ),
    "{where} is not a list of criteria.": (
        "{where} n'est pas une liste de critères.",
        "{where} ليس قائمة معايير.",
    ),
    "Write one criterion per line, e.g. '- members >= 15'.": (
        "Écrivez un critère par ligne, par ex. « - members >= 15 ».",
        "اكتب معياراً في كل سطر، مثلاً '- members >= 15'.",
    ),
    "{where} is not a list.": ("{where} n'est pas une liste.", "{where} ليس قائمة."),
    "Write one item per line, each starting with '- '.": (
        "Écrivez un élément par ligne, chacun commençant par « - ».",
        "اكتب عنصراً في كل سطر، يبدأ كل منها بـ '- '.",
    ),
    "{where} is not a mapping.": ("{where} n'est pas une table de clés.", "{where} ليس ربطاً."),
    "Write its keys, e.g. 'key: …'.": (
        "Écrivez ses clés, par ex. « key: … ».",
        "اكتب مفاتيحه، مثلاً 'key: …'.",
    ),
    "{where} has the unknown key {key!r}.": (
        "{where} a la clé inconnue {key!r}.",
        "في {where} المفتاح المجهول {key!r}.",
    ),
    "Use the keys {keys}.": ("Utilisez les clés {keys}.", "استعمل المفاتيح {keys}."),
    "{where} is {value!r}, not a key.": (
        "{where} vaut {value!r}, ce n'est pas une clé.",
        "{where} قيمته {value!r}، وليس مفتاحاً.",
    ),
    "Write lowercase letters, digits, '-' or '_' (e.g. 'eccp-profile').": (
        "Écrivez des lettres minuscules, des chiffres, « - » ou « _ » (par ex. « eccp-profile »).",
        "اكتب حروفاً لاتينية صغيرة أو أرقاماً أو '-' أو '_' (مثلاً 'eccp-profile').",
    ),
    "The programme is not a mapping of keys to values.": (
        "Le programme n'associe pas des valeurs à des clés.",
        "البرنامج ليس ربطاً بين المفاتيح والقيم.",
    ),
    "Start the file with 'key: …' and 'names: …'.": (
        "Commencez le fichier par « key: … » et « names: … ».",
        "ابدأ الملف بـ 'key: …' و'names: …'.",
    ),
    "The programme has no {key!r}.": (
        "Le programme n'a pas de {key!r}.",
        "ليس في البرنامج {key!r}.",
    ),
    "country is {value!r}, not a two-letter country code.": (
        "country vaut {value!r}, pas un code de pays à deux lettres.",
        "country قيمته {value!r}، وليس رمز بلد من حرفين.",
    ),
    "Write the ISO 3166 code in capitals (e.g. DE, FR, DZ), or null.": (
        "Écrivez le code ISO 3166 en capitales (par ex. DE, FR, DZ), ou null.",
        "اكتب رمز ISO 3166 بحروف كبيرة (مثلاً DE أو FR أو DZ)، أو null.",
    ),
    "{where} has no title.": ("{where} n'a pas de titre.", "ليس لـ {where} عنوان."),
    "Name the document (and its section) the rules come from.": (
        "Nommez le document (et sa section) d'où viennent les règles.",
        "سمِّ الوثيقة (وقسمها) التي أُخذت منها القواعد.",
    ),
    "{where} declares {name!r}, a metric grappe already defines.": (
        "{where} déclare {name!r}, une métrique que grappe définit déjà.",
        "{where} يصرّح بـ {name!r}، وهو مقياس يعرّفه grappe مسبقاً.",
    ),
    "Remove the declaration, or give the metric another name.": (
        "Retirez la déclaration, ou donnez un autre nom à la métrique.",
        "احذف التصريح، أو أعط المقياس اسماً آخر.",
    ),
    "indicators is not a list of metrics.": (
        "indicators n'est pas une liste de métriques.",
        "indicators ليس قائمة مقاييس.",
    ),
    "Write e.g. 'indicators: [members, jobs, exports]'.": (
        "Écrivez par ex. « indicators: [members, jobs, exports] ».",
        "اكتب مثلاً 'indicators: [members, jobs, exports]'.",
    ),
    "indicators names the unknown metric {metric!r}.": (
        "indicators nomme la métrique inconnue {metric!r}.",
        "يذكر indicators المقياس المجهول {metric!r}.",
    ),
    "Use a metric of grappe.programmes.metrics or declare it.": (
        "Utilisez une métrique de grappe.programmes.metrics ou déclarez-la.",
        "استعمل مقياساً من grappe.programmes.metrics أو صرّح به.",
    ),
    "funding is not a mapping.": ("funding n'est pas une table de clés.", "funding ليس ربطاً."),
    "Write e.g. 'funding: {median_subsidy_eur: 38000}'.": (
        "Écrivez par ex. « funding: {median_subsidy_eur: 38000} ».",
        "اكتب مثلاً 'funding: {median_subsidy_eur: 38000}'.",
    ),
    "{where}.rank is {value!r}, not a whole number from 1.": (
        "{where}.rank vaut {value!r}, pas un entier à partir de 1.",
        "{where}.rank قيمته {value!r}، وليس عدداً صحيحاً ابتداءً من 1.",
    ),
    "Give 1 to the lowest level, 2 to the next, and so on.": (
        "Donnez 1 au niveau le plus bas, 2 au suivant, et ainsi de suite.",
        "أعط 1 للمستوى الأدنى و2 للذي يليه، وهكذا.",
    ),
    "{where}.validity_years is {value!r}, not a number of years.": (
        "{where}.validity_years vaut {value!r}, pas un nombre d'années.",
        "{where}.validity_years قيمته {value!r}، وليس عدداً من السنوات.",
    ),
    "Write a positive number of years (e.g. 3), or null.": (
        "Écrivez un nombre d'années positif (par ex. 3), ou null.",
        "اكتب عدداً موجباً من السنوات (مثلاً 3)، أو null.",
    ),
    "Two levels have the {attribute} {value!r}.": (
        "Deux niveaux ont le même {attribute} {value!r}.",
        "لمستويين نفس {attribute} {value!r}.",
    ),
    "Give each level its own {attribute}.": (
        "Donnez à chaque niveau son propre {attribute}.",
        "أعط كل مستوى {attribute} خاصاً به.",
    ),
    "evaluation is not a mapping.": (
        "evaluation n'est pas une table de clés.",
        "evaluation ليس ربطاً.",
    ),
    "Write e.g. 'evaluation: {every_months: 24, on_fail: [suspend, withdraw]}'.": (
        "Écrivez par ex. « evaluation: {every_months: 24, on_fail: [suspend, withdraw]} ».",
        "اكتب مثلاً 'evaluation: {every_months: 24, on_fail: [suspend, withdraw]}'.",
    ),
    "evaluation.every_months is {value!r}, not a whole number of months.": (
        "evaluation.every_months vaut {value!r}, pas un nombre entier de mois.",
        "evaluation.every_months قيمته {value!r}، وليس عدداً صحيحاً من الأشهر.",
    ),
    "Write e.g. 24 for every two years, or null for no calendar.": (
        "Écrivez par ex. 24 pour tous les deux ans, ou null pour aucun calendrier.",
        "اكتب مثلاً 24 لكل سنتين، أو null لغياب الرزنامة.",
    ),
    "evaluation.on_fail has the actions {bad}.": (
        "evaluation.on_fail contient les actions {bad}.",
        "يحتوي evaluation.on_fail على الإجراءات {bad}.",
    ),
    "List actions among {actions}, e.g. [suspend, withdraw].": (
        "Listez des actions parmi {actions}, par ex. [suspend, withdraw].",
        "اذكر إجراءات من بين {actions}، مثلاً [suspend, withdraw].",
    ),
}
