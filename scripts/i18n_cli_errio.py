"""French and Arabic of the errors raised by grappe.io's readers and writers (package errio).

msgid (the English template of a ``Message``) -> (French, Arabic). Placeholders are kept as they
are; option, column and file names stay in Latin letters; numbers in Latin digits.
"""

from __future__ import annotations

CLI_T_errio: dict[str, tuple[str, str]] = {
    # --- numbers, keys, plausibility (io/_numbers.py, io/_keys.py, io/_plausibility.py)
    "write {what} (decimal mark {decimal!r}, thousands separator {thousands!r}), or leave the "
    "cell empty; set the marks with --decimal and --thousands.": (
        "écrivez {what} (séparateur décimal {decimal!r}, séparateur de milliers {thousands!r}), "
        "ou laissez la cellule vide ; choisissez les séparateurs avec --decimal et --thousands.",
        "اكتب {what} (الفاصلة العشرية {decimal!r}، فاصل الآلاف {thousands!r})، أو اترك الخلية "
        "فارغة؛ حدّد الفواصل بـ --decimal و--thousands.",
    ),
    "write {what} (decimal mark {decimal!r}), or leave the cell empty; set the marks with "
    "--decimal and --thousands.": (
        "écrivez {what} (séparateur décimal {decimal!r}), ou laissez la cellule vide ; "
        "choisissez les séparateurs avec --decimal et --thousands.",
        "اكتب {what} (الفاصلة العشرية {decimal!r})، أو اترك الخلية فارغة؛ حدّد الفواصل بـ "
        "--decimal و--thousands.",
    ),
    "{value!r} is not {what}.": ("{value!r} n'est pas {what}.", "{value!r} ليس {what}."),
    "{count} more cells are not {what}.": (
        "{count} autres cellules ne sont pas {what}.",
        "{count} خلايا أخرى ليست {what}.",
    ),
    "duplicate key ({columns}) = ({region!r}, {industry!r}, {year}); first seen in row {first}.": (
        "clé en double ({columns}) = ({region!r}, {industry!r}, {year}) ; vue d'abord à la "
        "ligne {first}.",
        "مفتاح مكرر ({columns}) = ({region!r}, {industry!r}, {year})؛ ظهر أول مرة في السطر "
        "{first}.",
    ),
    "{count} more duplicate keys.": (
        "{count} autres clés en double.",
        "{count} مفاتيح مكررة أخرى.",
    ),
    "check the unit and the decimal separator of the column: a cell above {bound:.0e} is larger "
    "than any economy (see docs/data-input.md, 'Plausibility checks').": (
        "vérifiez l'unité et le séparateur décimal de la colonne : une cellule au-dessus de "
        "{bound:.0e} dépasse toute économie (voir docs/data-input.md, 'Plausibility checks').",
        "تحقّق من وحدة العمود ومن فاصلته العشرية: خلية تتجاوز {bound:.0e} أكبر من أي اقتصاد "
        "(انظر docs/data-input.md، 'Plausibility checks').",
    ),
    "the year {year:.0f} is impossible (outside {first}..{last}).": (
        "l'année {year:.0f} est impossible (hors de {first}..{last}).",
        "السنة {year:.0f} مستحيلة (خارج المجال {first}..{last}).",
    ),
    "write the year with four digits, e.g. 2019.": (
        "écrivez l'année en quatre chiffres, par exemple 2019.",
        "اكتب السنة بأربعة أرقام، مثل 2019.",
    ),
    "{count} more rows with an impossible year.": (
        "{count} autres lignes avec une année impossible.",
        "{count} أسطر أخرى بسنة مستحيلة.",
    ),
    "every employment value of the {count:,} rows kept is 0, so every location quotient would "
    "be undefined (0/0).": (
        "toutes les valeurs d'emploi des {count:,} lignes retenues valent 0 : chaque quotient de "
        "localisation serait indéfini (0/0).",
        "كل قيم التشغيل في الأسطر المحتفظ بها ({count:,}) تساوي 0، فيكون كل معامل توطن غير "
        "معرّف (0/0).",
    ),
    "check that {column!r} is the employment column (map another one with --column "
    "FILE_COLUMN=employment), that the years and levels selected hold data, and that withheld "
    "cells are not all written as 0.": (
        "vérifiez que {column!r} est la colonne de l'emploi (associez-en une autre avec --column "
        "FILE_COLUMN=employment), que les années et niveaux choisis contiennent des données, et "
        "que les cellules masquées ne sont pas toutes écrites 0.",
        "تحقّق من أن {column!r} هو عمود التشغيل (اربط عمودًا آخر بـ --column "
        "FILE_COLUMN=employment)، وأن السنوات والمستويات المختارة تحوي بيانات، وأن الخلايا "
        "المحجوبة ليست كلها مكتوبة 0.",
    ),
    # --- filters and row selection (io/_select.py)
    "The 'where' parameter of {func} must be a non-empty mapping from the file's column names to "
    "a value or a list of values, e.g. {{'age': 'Y_GE15'}}. Got {where!r} instead.": (
        "Le paramètre 'where' de {func} doit être un dictionnaire non vide des noms de colonnes "
        "du fichier vers une valeur ou une liste de valeurs, par exemple {{'age': 'Y_GE15'}}. "
        "Reçu {where!r}.",
        "يجب أن يكون المعامل 'where' في {func} قاموسًا غير فارغ من أسماء أعمدة الملف إلى قيمة أو "
        "قائمة قيم، مثل {{'age': 'Y_GE15'}}. القيمة المعطاة {where!r}.",
    ),
    "the column {column!r} given in where= is not in the file; it has the columns {columns}.": (
        "la colonne {column!r} donnée dans where= n'est pas dans le fichier ; il a les colonnes "
        "{columns}.",
        "العمود {column!r} المذكور في where= غير موجود في الملف؛ أعمدته هي {columns}.",
    ),
    "filter on one of the file's columns, named as in its header.": (
        "filtrez sur une des colonnes du fichier, nommée comme dans son en-tête.",
        "رشّح على أحد أعمدة الملف، بالاسم المكتوب في سطر العناوين.",
    ),
    "keeps no row": ("ne garde aucune ligne", "لا يُبقي أي سطر"),
    "misses some values": ("manque certaines valeurs", "تفوته بعض القيم"),
    " (among the rows kept by the other filters)": (
        " (parmi les lignes gardées par les autres filtres)",
        " (ضمن الأسطر التي أبقتها المرشحات الأخرى)",
    ),
    "{absent} is not in the column{among}": (
        "{absent} n'est pas dans la colonne{among}",
        "{absent} غير موجودة في العمود{among}",
    ),
    "{absent} are not in the column{among}": (
        "{absent} ne sont pas dans la colonne{among}",
        "{absent} غير موجودة في العمود{among}",
    ),
    "the filter where {column} is {values} {kept}: {absence}; it has the values {shown}.": (
        "le filtre où {column} vaut {values} {kept} : {absence} ; elle a les valeurs {shown}.",
        "المرشح حيث {column} يساوي {values} {kept}: {absence}؛ قيمه هي {shown}.",
    ),
    "choose values among those present (they are compared as text, case included).": (
        "choisissez des valeurs parmi celles présentes (comparées comme du texte, casse comprise).",
        "اختر قيمًا من بين الموجودة (تُقارن كنص، مع مراعاة حالة الأحرف).",
    ),
    "the file has no region of NUTS level {chosen} (region type {region_type!r}); it has the "
    "levels {present}.": (
        "le fichier n'a aucune région de niveau NUTS {chosen} (type de région {region_type!r}) ; "
        "il a les niveaux {present}.",
        "لا يحوي الملف أي منطقة من مستوى NUTS {chosen} (نوع المنطقة {region_type!r})؛ مستوياته "
        "هي {present}.",
    ),
    "choose a region type among {types}.": (
        "choisissez un type de région parmi {types}.",
        "اختر نوع منطقة من بين {types}.",
    ),
    "the rows kept are in several units {units}; counts of different units cannot be added.": (
        "les lignes gardées sont en plusieurs unités {units} ; des effectifs d'unités "
        "différentes ne s'additionnent pas.",
        "الأسطر المحتفظ بها بعدة وحدات {units}؛ لا يمكن جمع أعداد بوحدات مختلفة.",
    ),
    "keep one unit with where={{{column!r}: {unit!r}}}.": (
        "gardez une seule unité avec where={{{column!r}: {unit!r}}}.",
        "احتفظ بوحدة واحدة بـ where={{{column!r}: {unit!r}}}.",
    ),
    "rows {first} and {row} repeat a key but differ in the columns {differ} (e.g. {column} "
    "{a!r} and {b!r}): the file holds several breakdowns of each region, industry and year.": (
        "les lignes {first} et {row} répètent une clé mais diffèrent dans les colonnes {differ} "
        "(par exemple {column} {a!r} et {b!r}) : le fichier contient plusieurs ventilations de "
        "chaque région, industrie et année.",
        "السطران {first} و{row} يكرران مفتاحًا لكنهما يختلفان في الأعمدة {differ} (مثلًا "
        "{column} {a!r} و{b!r}): يحوي الملف عدة تفصيلات لكل منطقة وصناعة وسنة.",
    ),
    "keep one breakdown with where={{{column!r}: {value!r}}}.": (
        "gardez une seule ventilation avec where={{{column!r}: {value!r}}}.",
        "احتفظ بتفصيل واحد بـ where={{{column!r}: {value!r}}}.",
    ),
    # --- regional tables (io/regional.py)
    "choose a policy for withheld cells: withheld='drop', 'keep_zero', 'impute_residual' (needs "
    "an establishments column) or 'impute_flag_midpoint' (needs a flag column with size classes "
    "A-M).": (
        "choisissez une règle pour les cellules masquées : withheld='drop', 'keep_zero', "
        "'impute_residual' (demande une colonne establishments) ou 'impute_flag_midpoint' "
        "(demande une colonne flag de classes de taille A-M).",
        "اختر قاعدة للخلايا المحجوبة: withheld='drop' أو 'keep_zero' أو 'impute_residual' "
        "(يتطلب عمود establishments) أو 'impute_flag_midpoint' (يتطلب عمود flag بفئات الحجم "
        "A-M).",
    ),
    "The 'levels' parameter of {func} must be None when the classification is 'custom' (custom "
    "codes have no levels). Got {levels!r} instead.": (
        "Le paramètre 'levels' de {func} doit être None quand la classification est 'custom' "
        "(les codes personnalisés n'ont pas de niveaux). Reçu {levels!r}.",
        "يجب أن يكون المعامل 'levels' في {func} مساويًا لـ None حين يكون التصنيف 'custom' "
        "(الرموز المخصصة بلا مستويات). القيمة المعطاة {levels!r}.",
    ),
    "The 'withheld' parameter of {func} must not be 'impute_residual' when the classification is "
    "'custom' (custom codes have no hierarchy to impute from). Got 'impute_residual' instead.": (
        "Le paramètre 'withheld' de {func} ne peut pas être 'impute_residual' quand la "
        "classification est 'custom' (les codes personnalisés n'ont pas de hiérarchie d'où "
        "imputer). Reçu 'impute_residual'.",
        "لا يجوز أن يكون المعامل 'withheld' في {func} مساويًا لـ 'impute_residual' حين يكون "
        "التصنيف 'custom' (الرموز المخصصة بلا تسلسل هرمي يُقدَّر منه). القيمة المعطاة "
        "'impute_residual'.",
    ),
    "withheld='impute_residual' shares each parent's residual in proportion to establishment "
    "counts, but no column is mapped to 'establishments'.": (
        "withheld='impute_residual' répartit le reste de chaque parent au prorata du nombre "
        "d'établissements, mais aucune colonne n'est associée à 'establishments'.",
        "يوزّع withheld='impute_residual' باقي كل رمز أصل بنسبة عدد المؤسسات، لكن لا عمود "
        "مربوط بـ 'establishments'.",
    ),
    "map an establishments column with columns={'<column>': 'establishments'}, or choose "
    "withheld='keep_zero', 'drop' or 'impute_flag_midpoint'.": (
        "associez une colonne d'établissements avec columns={'<column>': 'establishments'}, ou "
        "choisissez withheld='keep_zero', 'drop' ou 'impute_flag_midpoint'.",
        "اربط عمود المؤسسات بـ columns={'<column>': 'establishments'}، أو اختر "
        "withheld='keep_zero' أو 'drop' أو 'impute_flag_midpoint'.",
    ),
    "region code": ("code de région", "رمز المنطقة"),
    "industry code": ("code d'industrie", "رمز الصناعة"),
    "is not a year": ("n'est pas une année", "ليس سنة"),
    "write the year as an integer such as 2019.": (
        "écrivez l'année comme un entier, par exemple 2019.",
        "اكتب السنة عددًا صحيحًا مثل 2019.",
    ),
    "year": ("année", "السنة"),
    "the years {absent} are not in the file; it has the years {present}.": (
        "les années {absent} ne sont pas dans le fichier ; il a les années {present}.",
        "السنوات {absent} غير موجودة في الملف؛ سنواته هي {present}.",
    ),
    "choose years among {present}.": (
        "choisissez des années parmi {present}.",
        "اختر سنوات من بين {present}.",
    ),
    "write a number (empty when the value is withheld or unknown).": (
        "écrivez un nombre (vide si la valeur est masquée ou inconnue).",
        "اكتب عددًا (اتركه فارغًا إن كانت القيمة محجوبة أو مجهولة).",
    ),
    "is not a number": ("n'est pas un nombre", "ليس عددًا"),
    "is negative; counts cannot be negative": (
        "est négatif ; un effectif ne peut pas être négatif",
        "سالب؛ لا يمكن أن يكون العدد سالبًا",
    ),
    "correct the value, or leave it empty if unknown.": (
        "corrigez la valeur, ou laissez-la vide si elle est inconnue.",
        "صحّح القيمة، أو اتركها فارغة إن كانت مجهولة.",
    ),
    "is implausibly large for {column} (above {bound:.0e})": (
        "est invraisemblablement grand pour {column} (au-dessus de {bound:.0e})",
        "كبير على نحو غير معقول لـ {column} (أكبر من {bound:.0e})",
    ),
    "{value} {problem}.": ("{value} {problem}.", "{value} {problem}."),
    "{count} more rows with the same problem ({problem}).": (
        "{count} autres lignes avec le même problème ({problem}).",
        "{count} أسطر أخرى بالمشكلة نفسها ({problem}).",
    ),
    "the {what} is missing": ("{what} : valeur manquante", "{what} مفقود"),
    "fill in the {what} or remove the row.": (
        "renseignez la valeur ({what}) ou supprimez la ligne.",
        "املأ {what} أو احذف السطر.",
    ),
    "The {what} is missing.": ("{what} : valeur manquante.", "{what} مفقود."),
    "the employment value is withheld in this row": (
        "la valeur de l'emploi est masquée dans cette ligne",
        "قيمة التشغيل محجوبة في هذا السطر",
    ),
    "The employment value is withheld in this row.": (
        "La valeur de l'emploi est masquée dans cette ligne.",
        "قيمة التشغيل محجوبة في هذا السطر.",
    ),
    "CBP marks them with emp == 0": ("CBP les marque par emp == 0", "يعلّمها CBP بـ emp == 0"),
    "their employment is empty": ("leur emploi est vide", "تشغيلها فارغ"),
    "the employment value is withheld in this row ({how}) and the file has no flag column with "
    "size classes A-M, so no midpoint can be imputed": (
        "la valeur de l'emploi est masquée dans cette ligne ({how}) et le fichier n'a pas de "
        "colonne flag de classes de taille A-M : aucun point milieu ne peut être imputé",
        "قيمة التشغيل محجوبة في هذا السطر ({how}) وليس في الملف عمود flag بفئات الحجم A-M، "
        "فلا يمكن تقدير قيمة وسطى",
    ),
    "map a flag column with columns={'<flag column>': 'flag'}, or choose withheld='drop' or "
    "'keep_zero'.": (
        "associez une colonne de drapeaux avec columns={'<flag column>': 'flag'}, ou choisissez "
        "withheld='drop' ou 'keep_zero'.",
        "اربط عمود الرموز بـ columns={'<flag column>': 'flag'}، أو اختر withheld='drop' أو "
        "'keep_zero'.",
    ),
    "The employment value is withheld in this row ({how}) and the file has no flag column with "
    "size classes A-M, so no midpoint can be imputed.": (
        "La valeur de l'emploi est masquée dans cette ligne ({how}) et le fichier n'a pas de "
        "colonne flag de classes de taille A-M : aucun point milieu ne peut être imputé.",
        "قيمة التشغيل محجوبة في هذا السطر ({how}) وليس في الملف عمود flag بفئات الحجم A-M، "
        "فلا يمكن تقدير قيمة وسطى.",
    ),
    "the employment value is withheld but the flag is not a size class A-M": (
        "la valeur de l'emploi est masquée mais le drapeau n'est pas une classe de taille A-M",
        "قيمة التشغيل محجوبة لكن الرمز ليس فئة حجم A-M",
    ),
    "give the size-class flag (A, B, C, E-M), or choose withheld='drop' or 'keep_zero'.": (
        "donnez le drapeau de classe de taille (A, B, C, E-M), ou choisissez withheld='drop' "
        "ou 'keep_zero'.",
        "أعط رمز فئة الحجم (A، B، C، E-M)، أو اختر withheld='drop' أو 'keep_zero'.",
    ),
    "The employment value is withheld but the flag is not a size class A-M.": (
        "La valeur de l'emploi est masquée mais le drapeau n'est pas une classe de taille A-M.",
        "قيمة التشغيل محجوبة لكن الرمز ليس فئة حجم A-M.",
    ),
    "the employment value is withheld and the establishment count is missing, so the cell has "
    "no weight in the split of its parent's residual": (
        "la valeur de l'emploi est masquée et le nombre d'établissements manque : la cellule "
        "n'a pas de poids dans la répartition du reste de son parent",
        "قيمة التشغيل محجوبة وعدد المؤسسات مفقود، فلا وزن للخلية في توزيع باقي رمزها الأصل",
    ),
    "fill in the establishment count, or choose withheld='keep_zero' or 'drop'.": (
        "renseignez le nombre d'établissements, ou choisissez withheld='keep_zero' ou 'drop'.",
        "املأ عدد المؤسسات، أو اختر withheld='keep_zero' أو 'drop'.",
    ),
    "The employment value is withheld and the establishment count is missing, so the cell has "
    "no weight in the split of its parent's residual.": (
        "La valeur de l'emploi est masquée et le nombre d'établissements manque : la cellule "
        "n'a pas de poids dans la répartition du reste de son parent.",
        "قيمة التشغيل محجوبة وعدد المؤسسات مفقود، فلا وزن للخلية في توزيع باقي رمزها الأصل.",
    ),
    "industry {code!r} holds {jobs:,.0f} jobs, fewer than the {children:,.0f} of its published "
    "sub-industries together; the total of a code must include its parts.": (
        "l'industrie {code!r} compte {jobs:,.0f} emplois, moins que les {children:,.0f} de ses "
        "sous-industries publiées réunies ; le total d'un code doit inclure ses parties.",
        "الصناعة {code!r} تضم {jobs:,.0f} منصب شغل، أقل من {children:,.0f} لصناعاتها الفرعية "
        "المنشورة مجتمعة؛ يجب أن يشمل مجموع الرمز أجزاءه.",
    ),
    "check this row's employment: a total (such as NAICS '00') mistyped, withheld as 0 without "
    "a flag, or in other units than its parts.": (
        "vérifiez l'emploi de cette ligne : un total (comme NAICS '00') mal saisi, masqué en 0 "
        "sans drapeau, ou dans d'autres unités que ses parties.",
        "تحقّق من تشغيل هذا السطر: مجموع (مثل NAICS '00') مكتوب خطأً، أو محجوب بـ 0 دون رمز، أو "
        "بوحدات غير وحدات أجزائه.",
    ),
    # --- writing results (io/output.py)
    "the disk is full": ("le disque est plein", "القرص ممتلئ"),
    "free space or choose another folder": (
        "libérez de la place ou choisissez un autre dossier",
        "حرّر مساحة أو اختر مجلدًا آخر",
    ),
    "the disk quota is used up": ("le quota disque est épuisé", "حصة القرص مستنفدة"),
    "the file is too large for this file system": (
        "le fichier est trop grand pour ce système de fichiers",
        "الملف أكبر مما يتسع له نظام الملفات هذا",
    ),
    "choose another folder": ("choisissez un autre dossier", "اختر مجلدًا آخر"),
    "the file system is read-only": (
        "le système de fichiers est en lecture seule",
        "نظام الملفات للقراءة فقط",
    ),
    "permission denied": ("permission refusée", "الإذن مرفوض"),
    "choose a folder you can write to": (
        "choisissez un dossier où vous pouvez écrire",
        "اختر مجلدًا يمكنك الكتابة فيه",
    ),
    "it is a folder": ("c'est un dossier", "إنه مجلد"),
    "give a file name": ("donnez un nom de fichier", "أعط اسم ملف"),
    "a part of its folder path is a file": (
        "une partie du chemin de son dossier est un fichier",
        "جزء من مسار مجلده ملف",
    ),
    "its folder does not exist": ("son dossier n'existe pas", "مجلده غير موجود"),
    "create the folder or choose another one": (
        "créez le dossier ou choisissez-en un autre",
        "أنشئ المجلد أو اختر مجلدًا آخر",
    ),
    "the name is too long": ("le nom est trop long", "الاسم طويل جدًا"),
    "choose a shorter name": ("choisissez un nom plus court", "اختر اسمًا أقصر"),
    "the device reported an input/output error": (
        "le périphérique a signalé une erreur d'entrée/sortie",
        "أبلغ الجهاز عن خطأ إدخال/إخراج",
    ),
    "check the disk": ("vérifiez le disque", "افحص القرص"),
    "the reading end of the pipe was closed": (
        "l'extrémité de lecture du tube a été fermée",
        "أُغلق طرف القراءة من الأنبوب",
    ),
    "keep the reader open": ("gardez le lecteur ouvert", "أبقِ القارئ مفتوحًا"),
    "cannot write {path!r}: {reason}; {outcome} — {fix}.": (
        "impossible d'écrire {path!r} : {reason} ; {outcome} — {fix}.",
        "تعذّرت كتابة {path!r}: {reason}؛ {outcome} — {fix}.",
    ),
    "cannot write {path!r}: {reason}; {outcome}.": (
        "impossible d'écrire {path!r} : {reason} ; {outcome}.",
        "تعذّرت كتابة {path!r}: {reason}؛ {outcome}.",
    ),
    "{reason} ({detail})": ("{reason} ({detail})", "{reason} ({detail})"),
    "nothing was written": ("rien n'a été écrit", "لم يُكتب شيء"),
    "cannot write binary output (Parquet, PNG, PDF…) to the terminal; nothing was written — "
    "redirect standard output to a file or give a file name.": (
        "impossible d'écrire une sortie binaire (Parquet, PNG, PDF…) dans le terminal ; rien "
        "n'a été écrit — redirigez la sortie standard vers un fichier ou donnez un nom de "
        "fichier.",
        "تتعذّر كتابة مخرجات ثنائية (Parquet، PNG، PDF…) في الطرفية؛ لم يُكتب شيء — أعد توجيه "
        "المخرج القياسي إلى ملف أو أعط اسم ملف.",
    ),
    "cannot write '': the output path is empty — give a file name.": (
        "impossible d'écrire '' : le chemin de sortie est vide — donnez un nom de fichier.",
        "تتعذّر كتابة '': مسار المخرج فارغ — أعط اسم ملف.",
    ),
    "it is a symbolic link to {target!r}, which does not exist": (
        "c'est un lien symbolique vers {target!r}, qui n'existe pas",
        "إنه رابط رمزي إلى {target!r} غير الموجود",
    ),
    "create the target first, or remove the link": (
        "créez d'abord la cible, ou supprimez le lien",
        "أنشئ الهدف أولًا، أو احذف الرابط",
    ),
    "{path!r} is a file, not a folder": (
        "{path!r} est un fichier, pas un dossier",
        "{path!r} ملف وليس مجلدًا",
    ),
    "give a file name, e.g. inside that folder": (
        "donnez un nom de fichier, par exemple dans ce dossier",
        "أعط اسم ملف، مثلًا داخل ذلك المجلد",
    ),
    "it is a socket": ("c'est un socket", "إنه مقبس (socket)"),
    "it is not a regular file (a device, a pipe or standard output)": (
        "ce n'est pas un fichier ordinaire (un périphérique, un tube ou la sortie standard)",
        "ليس ملفًا عاديًا (جهاز أو أنبوب أو المخرج القياسي)",
    ),
    "it is a file, not a folder": ("c'est un fichier, pas un dossier", "إنه ملف وليس مجلدًا"),
    "it is a device or a pipe, not a folder": (
        "c'est un périphérique ou un tube, pas un dossier",
        "إنه جهاز أو أنبوب وليس مجلدًا",
    ),
    "give a folder name": ("donnez un nom de dossier", "أعط اسم مجلد"),
    "{path!r} was left as it was": ("{path!r} est resté inchangé", "تُرك {path!r} على حاله"),
    "the output may be incomplete": (
        "la sortie est peut-être incomplète",
        "قد يكون المخرج ناقصًا",
    ),
    "a chart cannot be saved as {fmt!r}": (
        "un graphique ne peut pas être enregistré en {fmt!r}",
        "لا يمكن حفظ رسم بياني بصيغة {fmt!r}",
    ),
    "name the file .png, .svg or .pdf (or one of {formats})": (
        "nommez le fichier .png, .svg ou .pdf (ou l'un de {formats})",
        "سمِّ الملف ‎.png أو ‎.svg أو ‎.pdf (أو إحدى {formats})",
    ),
    "{files} were already written": ("{files} étaient déjà écrits", "{files} كُتبت من قبل"),
    # --- file formats and definitions (io/files.py, io/definitions.py)
    "The {what} must be a .csv, .csv.gz, .tsv, .parquet or .xlsx file. Got {name!r} instead.": (
        "Le fichier ({what}) doit être un fichier .csv, .csv.gz, .tsv, .parquet ou .xlsx. "
        "Reçu {name!r}.",
        "يجب أن يكون الملف ({what}) من نوع ‎.csv أو ‎.csv.gz أو ‎.tsv أو ‎.parquet أو ‎.xlsx. "
        "الملف المعطى {name!r}.",
    ),
    "The 'classification' parameter of {func} must be None or {expected!r} for {name!r}. Got "
    "{classification!r} instead.": (
        "Le paramètre 'classification' de {func} doit être None ou {expected!r} pour {name!r}. "
        "Reçu {classification!r}.",
        "يجب أن يكون المعامل 'classification' في {func} مساويًا لـ None أو {expected!r} لـ "
        "{name!r}. القيمة المعطاة {classification!r}.",
    ),
    "{name!r} is neither a bundled definition set ({bundled}) nor an existing file.": (
        "{name!r} n'est ni un jeu de définitions fourni ({bundled}) ni un fichier existant.",
        "{name!r} ليس مجموعة تعريفات مرفقة ({bundled}) ولا ملفًا موجودًا.",
    ),
    "The 'path' parameter of {func} must be a .csv, .yaml or .yml file. Got {path!r} instead.": (
        "Le paramètre 'path' de {func} doit être un fichier .csv, .yaml ou .yml. Reçu {path!r}.",
        "يجب أن يكون المعامل 'path' في {func} ملفًا ‎.csv أو ‎.yaml أو ‎.yml. القيمة المعطاة {path!r}.",
    ),
    "follow the YAML shape of docs/data-input.md (clusters: - cluster:, codes: [...]).": (
        "suivez la forme YAML de docs/data-input.md (clusters: - cluster:, codes: [...]).",
        "اتبع بنية YAML الموضحة في docs/data-input.md (clusters: - cluster:, codes: [...]).",
    ),
    "the file has no list 'clusters'.": (
        "le fichier n'a pas de liste 'clusters'.",
        "لا يحوي الملف قائمة 'clusters'.",
    ),
    "the entry has no 'cluster' code.": (
        "l'entrée n'a pas de code 'cluster'.",
        "لا يحوي المدخل رمز 'cluster'.",
    ),
    "the subcluster has no 'name'.": (
        "le sous-groupe n'a pas de 'name'.",
        "لا يحوي العنقود الفرعي 'name'.",
    ),
    "cluster {cluster!r} has no codes.": (
        "la grappe {cluster!r} n'a aucun code.",
        "العنقود {cluster!r} بلا رموز.",
    ),
    "'codes' must be a list.": ("'codes' doit être une liste.", "يجب أن يكون 'codes' قائمة."),
}

CLI_T_errio |= {
    # --- activity matrices (io/complexity.py)
    "A wide table needs a location column and at least one activity column.": (
        "Un tableau large demande une colonne de lieux et au moins une colonne d'activité.",
        "يتطلب الجدول العريض عمودًا للمواقع وعمودًا واحدًا على الأقل للأنشطة.",
    ),
    "give --rows, --cols and --values for a long table.": (
        "donnez --rows, --cols et --values pour un tableau long.",
        "أعط --rows و--cols و--values لجدول طويل.",
    ),
    "{value!r} is not a year.": ("{value!r} n'est pas une année.", "{value!r} ليس سنة."),
    "write the year as a whole number in every row.": (
        "écrivez l'année comme un nombre entier dans chaque ligne.",
        "اكتب السنة عددًا صحيحًا في كل سطر.",
    ),
    "There is no column {column!r}; the columns are {columns}.": (
        "Il n'y a pas de colonne {column!r} ; les colonnes sont {columns}.",
        "لا يوجد عمود {column!r}؛ الأعمدة هي {columns}.",
    ),
    "name the column with {option}.": (
        "nommez la colonne avec {option}.",
        "سمِّ العمود بـ {option}.",
    ),
    "The {what} ({shown}) are already in row {first}.": (
        "Ces valeurs ({what} : {shown}) sont déjà à la ligne {first}.",
        "القيم ({what}: {shown}) موجودة من قبل في السطر {first}.",
    ),
    "check that --values names the column of the values, and that the year and the rows "
    "selected hold data.": (
        "vérifiez que --values nomme la colonne des valeurs, et que l'année et les lignes "
        "choisies contiennent des données.",
        "تحقّق من أن --values يسمّي عمود القيم، وأن السنة والأسطر المختارة تحوي بيانات.",
    ),
    "every value is 0 or empty, so no location is specialised in anything.": (
        "toutes les valeurs sont nulles ou vides : aucun lieu n'est spécialisé dans rien.",
        "كل القيم تساوي 0 أو فارغة، فلا يتخصص أي موقع في أي نشاط.",
    ),
    " in {year}": (" en {year}", " في {year}"),
    "the value of location {location!r} for activity {activity!r}{when} is empty ({count} empty "
    "cell(s) in all): a partial or withheld location.": (
        "la valeur du lieu {location!r} pour l'activité {activity!r}{when} est vide ({count} "
        "cellule(s) vide(s) en tout) : un lieu partiel ou masqué.",
        "قيمة الموقع {location!r} للنشاط {activity!r}{when} فارغة ({count} خلية فارغة في "
        "المجموع): موقع ناقص أو محجوب.",
    ),
    "leave such locations out of every denominator with --missing drop, or read empty cells as "
    "no activity with --missing zero.": (
        "écartez ces lieux de tout dénominateur avec --missing drop, ou lisez les cellules vides "
        "comme une activité nulle avec --missing zero.",
        "استبعد هذه المواقع من كل مقام بـ --missing drop، أو اقرأ الخلايا الفارغة كنشاط معدوم "
        "بـ --missing zero.",
    ),
    "only {locations} location(s) and {activities} activity(ies) have a positive value{when}; "
    "complexity needs at least 2 of each.": (
        "seuls {locations} lieu(x) et {activities} activité(s) ont une valeur positive{when} ; "
        "la complexité en demande au moins 2 de chaque.",
        "لا تملك قيمة موجبة{when} سوى {locations} موقع و{activities} نشاط؛ يتطلب التعقيد "
        "2 على الأقل من كل منهما.",
    ),
    "There is no year column {column!r}.": (
        "Il n'y a pas de colonne d'année {column!r}.",
        "لا يوجد عمود سنة {column!r}.",
    ),
    "drop --year or name the year column.": (
        "retirez --year ou nommez la colonne de l'année.",
        "احذف --year أو سمِّ عمود السنة.",
    ),
    "Year {year} is not in the file (years found: {found}).": (
        "L'année {year} n'est pas dans le fichier (années trouvées : {found}).",
        "السنة {year} غير موجودة في الملف (السنوات الموجودة: {found}).",
    ),
    "choose one of {found}.": ("choisissez l'une de {found}.", "اختر إحدى {found}."),
    "write numbers (set their marks with --decimal and --thousands), or leave the cell empty if "
    "withheld.": (
        "écrivez des nombres (choisissez leurs séparateurs avec --decimal et --thousands), ou "
        "laissez la cellule vide si la valeur est masquée.",
        "اكتب أعدادًا (حدّد فواصلها بـ --decimal و--thousands)، أو اترك الخلية فارغة إن كانت "
        "القيمة محجوبة.",
    ),
    "{value!r} is implausibly large (above {bound:.0e}).": (
        "{value!r} est invraisemblablement grand (au-dessus de {bound:.0e}).",
        "{value!r} كبير على نحو غير معقول (أكبر من {bound:.0e}).",
    ),
    "{value!r} is negative; activity cannot be negative.": (
        "{value!r} est négatif ; une activité ne peut pas être négative.",
        "{value!r} سالب؛ لا يمكن أن يكون النشاط سالبًا.",
    ),
    "correct the value or drop the row.": (
        "corrigez la valeur ou retirez la ligne.",
        "صحّح القيمة أو احذف السطر.",
    ),
    # --- networks (io/network.py)
    "Unsupported file type {suffix!r}.": (
        "Type de fichier non pris en charge : {suffix!r}.",
        "نوع ملف غير مدعوم: {suffix!r}.",
    ),
    "Save the table as CSV (comma-separated, UTF-8) or XLSX.": (
        "Enregistrez le tableau en CSV (séparé par des virgules, UTF-8) ou en XLSX.",
        "احفظ الجدول بصيغة CSV (مفصول بفواصل، UTF-8) أو XLSX.",
    ),
    "The column 'respondent' is missing from the interview grid.": (
        "La colonne 'respondent' manque dans la grille d'entretien.",
        "العمود 'respondent' مفقود من شبكة المقابلات.",
    ),
    "Add who reported each tie (it is pseudonymised).": (
        "Ajoutez qui a déclaré chaque lien (il est pseudonymisé).",
        "أضف من صرّح بكل رابطة (يُخفى اسمه باسم مستعار).",
    ),
    "The row labels {rows}… do not match the column labels {columns}….": (
        "Les libellés des lignes {rows}… ne correspondent pas à ceux des colonnes {columns}….",
        "تسميات الأسطر {rows}… لا تطابق تسميات الأعمدة {columns}….",
    ),
    "Write a square matrix whose first column repeats the header's labels in the same order.": (
        "Écrivez une matrice carrée dont la première colonne reprend les libellés de l'en-tête "
        "dans le même ordre.",
        "اكتب مصفوفة مربعة يكرر عمودها الأول تسميات سطر العناوين بالترتيب نفسه.",
    ),
    "The cell value {value!r} is not a non-negative number.": (
        "La valeur de cellule {value!r} n'est pas un nombre positif ou nul.",
        "قيمة الخلية {value!r} ليست عددًا غير سالب.",
    ),
    "Use 0 for no tie and a positive number (1 or a strength) for a tie.": (
        "Mettez 0 pour l'absence de lien et un nombre positif (1 ou une intensité) pour un lien.",
        "استعمل 0 لغياب الرابطة وعددًا موجبًا (1 أو شدة) لوجودها.",
    ),
    # --- spatial inputs (io/spatial.py)
    "Unsupported file type {suffix!r} for the {what}.": (
        "Type de fichier non pris en charge {suffix!r} pour : {what}.",
        "نوع ملف غير مدعوم {suffix!r} لـ: {what}.",
    ),
    "Give a CSV (.csv, .csv.gz) or Parquet file.": (
        "Donnez un fichier CSV (.csv, .csv.gz) ou Parquet.",
        "أعط ملف CSV (.csv، .csv.gz) أو Parquet.",
    ),
    "No country {code!r}; give an ISO 3166-1 alpha-2 code such as DZ, FR or US.": (
        "Aucun pays {code!r} ; donnez un code ISO 3166-1 alpha-2 comme DZ, FR ou US.",
        "لا يوجد بلد {code!r}؛ أعط رمز ISO 3166-1 alpha-2 مثل DZ أو FR أو US.",
    ),
    "countryinfo has no outline of {code!r}.": (
        "countryinfo n'a pas de contour pour {code!r}.",
        "لا يملك countryinfo حدودًا لـ {code!r}.",
    ),
    "The column {column!r} is missing (columns present: {columns}).": (
        "La colonne {column!r} manque (colonnes présentes : {columns}).",
        "العمود {column!r} مفقود (الأعمدة الموجودة: {columns}).",
    ),
    "Name the right column.": ("Nommez la bonne colonne.", "سمِّ العمود الصحيح."),
    "The filter {query!r} cannot be applied: {error}.": (
        "Le filtre {query!r} ne peut pas être appliqué : {error}.",
        "يتعذّر تطبيق المرشح {query!r}: {error}.",
    ),
    "Write a pandas query over the file's columns.": (
        "Écrivez une requête pandas sur les colonnes du fichier.",
        "اكتب استعلام pandas على أعمدة الملف.",
    ),
    "The file is not a GeoJSON FeatureCollection.": (
        "Le fichier n'est pas une FeatureCollection GeoJSON.",
        "الملف ليس FeatureCollection بصيغة GeoJSON.",
    ),
    "Export the layer as a GeoJSON FeatureCollection.": (
        "Exportez la couche en FeatureCollection GeoJSON.",
        "صدّر الطبقة كـ FeatureCollection بصيغة GeoJSON.",
    ),
    "Feature {number} has no property {name!r}.": (
        "L'entité {number} n'a pas de propriété {name!r}.",
        "العنصر {number} بلا خاصية {name!r}.",
    ),
    "Name the id property with id_property=.": (
        "Nommez la propriété d'identifiant avec id_property=.",
        "سمِّ خاصية المعرّف بـ id_property=.",
    ),
    # --- support bodies and Algerian tables (io/ecosystem.py, io/dz_points.py, io/dz_boundaries.py)
    "the file lacks the columns {missing} (it has {columns}).": (
        "il manque au fichier les colonnes {missing} (il a {columns}).",
        "تنقص الملفَ الأعمدةُ {missing} (أعمدته {columns}).",
    ),
    "{value!r} is not a {column} in [{low:g}, {high:g}] decimal degrees.": (
        "{value!r} n'est pas une valeur de {column} dans [{low:g}, {high:g}] en degrés décimaux.",
        "{value!r} ليست قيمة {column} ضمن [{low:g}, {high:g}] بالدرجات العشرية.",
    ),
    "write WGS84 decimal degrees with a '.' (e.g. 34.85), or leave the cell empty to leave the "
    "row out.": (
        "écrivez des degrés décimaux WGS84 avec un '.' (par exemple 34.85), ou laissez la cellule "
        "vide pour écarter la ligne.",
        "اكتب درجات عشرية WGS84 بنقطة '.' (مثل 34.85)، أو اترك الخلية فارغة لاستبعاد السطر.",
    ),
    "the type of the body is empty.": (
        "le type de l'organisme est vide.",
        "نوع الهيئة فارغ.",
    ),
    "name the type of every body (anade, banks/bna…).": (
        "indiquez le type de chaque organisme (anade, banks/bna…).",
        "اذكر نوع كل هيئة (anade، banks/bna…).",
    ),
    "{value!r} is not a wilaya code.": (
        "{value!r} n'est pas un code de wilaya.",
        "{value!r} ليس رمز ولاية.",
    ),
    "write the wilaya's number (1 to 58), or leave the cell empty.": (
        "écrivez le numéro de la wilaya (1 à 58), ou laissez la cellule vide.",
        "اكتب رقم الولاية (من 1 إلى 58)، أو اترك الخلية فارغة.",
    ),
    "write the wilaya's number (1 to 58).": (
        "écrivez le numéro de la wilaya (1 à 58).",
        "اكتب رقم الولاية (من 1 إلى 58).",
    ),
    "{value!r} is not a wilaya of the {division} division.": (
        "{value!r} n'est pas une wilaya du découpage en {division}.",
        "{value!r} ليست ولاية في التقسيم إلى {division} ولاية.",
    ),
    "write codes 1 to {division}, or give the division with --division.": (
        "écrivez des codes de 1 à {division}, ou donnez le découpage avec --division.",
        "اكتب رموزًا من 1 إلى {division}، أو حدّد التقسيم بـ --division.",
    ),
    "wilaya {code} is listed twice.": (
        "la wilaya {code} figure deux fois.",
        "الولاية {code} مذكورة مرتين.",
    ),
    "give one row per wilaya.": ("donnez une ligne par wilaya.", "أعط سطرًا واحدًا لكل ولاية."),
    "{value!r} is not a count of at least 0.": (
        "{value!r} n'est pas un effectif supérieur ou égal à 0.",
        "{value!r} ليس عددًا أكبر من 0 أو يساويه.",
    ),
    "write a whole number without separators, or leave the wilaya out.": (
        "écrivez un nombre entier sans séparateurs, ou écartez la wilaya.",
        "اكتب عددًا صحيحًا دون فواصل، أو استبعد الولاية.",
    ),
    "{value!r} is not a coordinate in [-{bound:g}, {bound:g}] decimal degrees.": (
        "{value!r} n'est pas une coordonnée dans [-{bound:g}, {bound:g}] en degrés décimaux.",
        "{value!r} ليست إحداثية ضمن [-{bound:g}, {bound:g}] بالدرجات العشرية.",
    ),
    "write WGS84 decimal degrees with a '.' (e.g. 34.85), or leave the cell empty.": (
        "écrivez des degrés décimaux WGS84 avec un '.' (par exemple 34.85), ou laissez la "
        "cellule vide.",
        "اكتب درجات عشرية WGS84 بنقطة '.' (مثل 34.85)، أو اترك الخلية فارغة.",
    ),
    "the table lacks the coordinate columns {missing} (it has {columns}).": (
        "il manque au tableau les colonnes de coordonnées {missing} (il a {columns}).",
        "تنقص الجدولَ أعمدةُ الإحداثيات {missing} (أعمدته {columns}).",
    ),
    "name the columns with --lat-column and --lon-column.": (
        "nommez les colonnes avec --lat-column et --lon-column.",
        "سمِّ الأعمدة بـ --lat-column و--lon-column.",
    ),
    "the table already has the columns {clash} that locating would add.": (
        "le tableau a déjà les colonnes {clash} que la localisation ajouterait.",
        "يحوي الجدول من قبل الأعمدة {clash} التي يضيفها تحديد المواقع.",
    ),
    "rename or drop them first (is the file already located?).": (
        "renommez-les ou retirez-les d'abord (le fichier est-il déjà localisé ?).",
        "أعد تسميتها أو احذفها أولًا (هل حُدّدت مواقع الملف من قبل؟).",
    ),
    "No wilaya {wilaya!r} in the 69-wilaya division: give a two-digit code from '01' to '69'.": (
        "Aucune wilaya {wilaya!r} dans le découpage en 69 wilayas : donnez un code à deux "
        "chiffres de '01' à '69'.",
        "لا توجد ولاية {wilaya!r} في التقسيم إلى 69 ولاية: أعط رمزًا من رقمين بين '01' و'69'.",
    ),
}

CLI_T_errio[
    "The {name!r} parameter of {func} must be one of 48, 58, 69 (the 1984, 2019 and 2025 "
    "divisions into wilayas). Got {division!r} instead."
] = (
    "Le paramètre {name!r} de {func} doit valoir 48, 58 ou 69 (les découpages en wilayas de "
    "1984, 2019 et 2025). Reçu {division!r}.",
    "يجب أن يكون المعامل {name!r} في {func} أحد 48 أو 58 أو 69 (تقسيمات الولايات لسنوات "
    "1984 و2019 و2025). القيمة المعطاة {division!r}.",
)
