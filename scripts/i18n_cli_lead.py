"""French and Arabic of the last English errors of the CLI (issue 16; machine-written, unreviewed)."""

from __future__ import annotations

CLI_T_lead: dict[str, tuple[str, str]] = {
    "Ripley's K needs at least two points of {activity!r}. Got {count}.": (
        "Le K de Ripley demande au moins deux points de {activity!r}. Reçu : {count}.",
        "تتطلب دالة K لريبلي نقطتين على الأقل من {activity!r}. المعطى: {count}.",
    ),
    "Ripley's K needs at least two points. Got {count}.": (
        "Le K de Ripley demande au moins deux points. Reçu : {count}.",
        "تتطلب دالة K لريبلي نقطتين على الأقل. المعطى: {count}.",
    ),
    "The '--window' parameter must contain every point (in the metres of the projected CRS). "
    "Got a window that leaves out {count} of them, the first at ({x:.1f}, {y:.1f}): widen it "
    "or leave it out.": (
        "Le paramètre '--window' doit contenir tous les points (en mètres du système projeté). "
        "La fenêtre donnée en laisse {count} dehors, le premier en ({x:.1f}, {y:.1f}) : "
        "élargissez-la ou omettez-la.",
        "يجب أن تحتوي المعلمة '--window' على كل النقاط (بأمتار نظام الإسقاط). النافذة المعطاة "
        "تترك {count} منها خارجها، أولها عند ({x:.1f}، {y:.1f}): وسّعها أو احذفها.",
    ),
    "The 'id_property' parameter of grappe spatial areal must name the feature property holding "
    "the unit id of a GeoJSON file. Got None instead.": (
        "Le paramètre 'id_property' de grappe spatial areal doit nommer la propriété des entités "
        "qui porte l'identifiant de l'unité d'un fichier GeoJSON. Rien n'a été donné.",
        "يجب أن تسمّي المعلمة 'id_property' في grappe spatial areal خاصية المعالم التي تحمل "
        "معرّف الوحدة في ملف GeoJSON. لم يُعطَ شيء.",
    ),
    "No questionnaire {name!r}: not a bundled one {bundled} nor a file.": (
        "Aucun questionnaire {name!r} : ni un questionnaire fourni {bundled}, ni un fichier.",
        "لا يوجد استبيان {name!r}: ليس من الاستبيانات المرفقة {bundled} ولا ملفاً.",
    ),
    "The label file is not a mapping.": (
        "Le fichier de label n'est pas un dictionnaire de clés.",
        "ملف العلامة ليس جدول مفاتيح وقيم.",
    ),
    "Write name, level, criteria, valid_from and valid_to keys.": (
        "Écrivez les clés name, level, criteria, valid_from et valid_to.",
        "اكتب المفاتيح name وlevel وcriteria وvalid_from وvalid_to.",
    ),
    "The answers file is not a mapping of question ids to answers.": (
        "Le fichier de réponses n'associe pas des identifiants de questions à des réponses.",
        "ملف الإجابات لا يربط معرّفات الأسئلة بالإجابات.",
    ),
    "Write one 'ID: answer' line per question.": (
        "Écrivez une ligne 'ID: réponse' par question.",
        "اكتب سطراً 'ID: answer' لكل سؤال.",
    ),
}

# the rules and results of the assessment kernels, shown by grappe assess
CLI_T_lead |= {
    "mean of {n} evidence points on 1–5": (
        "moyenne de {n} points d'évidence sur 1–5",
        "متوسط {n} من نقاط الشواهد على سلم 1–5",
    ),
    "no evidence available: score unknown": (
        "aucune évidence : score inconnu",
        "لا شواهد متاحة: الدرجة مجهولة",
    ),
    "Likert answer 1–5 taken as is": (
        "réponse de Likert 1–5 prise telle quelle",
        "إجابة ليكرت 1–5 مأخوذة كما هي",
    ),
    "yes = 5, no = 1": ("oui = 5, non = 1", "نعم = 5، لا = 1"),
    "1 + number of cuts {cuts} at or below the answer ({unit})": (
        "1 + nombre de seuils {cuts} inférieurs ou égaux à la réponse ({unit})",
        "1 + عدد العتبات {cuts} التي لا تتجاوز الإجابة ({unit})",
    ),
    "points of the choice made": ("points du choix fait", "نقاط الاختيار المعتمد"),
    "mean of the points of {n} answer set(s); each: {each}": (
        "moyenne des points de {n} jeu(x) de réponses ; chacun : {each}",
        "متوسط نقاط {n} مجموعة (مجموعات) من الإجابات؛ لكل منها: {each}",
    ),
    "national if mean ≥ {national:g} and every factor ≥ {floor:g}; regional if mean ≥ "
    "{regional:g}; potential if mean ≥ {potential:g}; at least {min_known} factors with evidence": (
        "national si moyenne ≥ {national:g} et chaque facteur ≥ {floor:g} ; régional si moyenne ≥ "
        "{regional:g} ; potentiel si moyenne ≥ {potential:g} ; au moins {min_known} facteurs "
        "étayés",
        "وطني إذا كان المتوسط ≥ {national:g} وكل عامل ≥ {floor:g}؛ جهوي إذا كان المتوسط ≥ "
        "{regional:g}؛ واعد إذا كان المتوسط ≥ {potential:g}؛ مع {min_known} عوامل على الأقل "
        "مدعومة بشواهد",
    ),
    "decline: jobs fell faster than nationally (by more than {band:g}) in each of the last {k} "
    "periods": (
        "déclin : l'emploi a baissé plus vite qu'au niveau national (de plus de {band:g}) à "
        "chacune des {k} dernières périodes",
        "تراجع: انخفضت مناصب الشغل أسرع من المستوى الوطني (بأكثر من {band:g}) في كل فترة من "
        "الفترات الـ {k} الأخيرة",
    ),
    "emergence: LQ {lq:.3g} < {emerging_lq:g} and CAGR {c:.3%} ≥ {fast_growth:.3%}": (
        "émergence : QL {lq:.3g} < {emerging_lq:g} et TCAM {c:.3%} ≥ {fast_growth:.3%}",
        "نشوء: معامل التوطن {lq:.3g} < {emerging_lq:g} ومعدل النمو السنوي المركب {c:.3%} ≥ "
        "{fast_growth:.3%}",
    ),
    "growth: CAGR {c:.3%} exceeds national {national:.3%} by more than {band:.3%} and the "
    "national share rose": (
        "croissance : le TCAM {c:.3%} dépasse le national {national:.3%} de plus de {band:.3%} "
        "et la part nationale a augmenté",
        "نمو: معدل النمو السنوي المركب {c:.3%} يتجاوز الوطني {national:.3%} بأكثر من {band:.3%} "
        "وارتفعت الحصة الوطنية",
    ),
    "maturity: LQ {lq:.3g} ≥ {mature_lq:g} and CAGR within ±{band:.3%} of national": (
        "maturité : QL {lq:.3g} ≥ {mature_lq:g} et TCAM à ±{band:.3%} du national",
        "نضج: معامل التوطن {lq:.3g} ≥ {mature_lq:g} ومعدل النمو السنوي المركب في حدود "
        "±{band:.3%} من الوطني",
    ),
    "undetermined: no rule of the life-cycle test holds; see docs/assess.md": (
        "indéterminé : aucune règle du test de cycle de vie ne s'applique ; voir docs/assess.md",
        "غير محدد: لا تنطبق أي قاعدة من اختبار دورة الحياة؛ انظر docs/assess.md",
    ),
    "emergence": ("émergence", "نشوء"),
    "growth": ("croissance", "نمو"),
    "maturity": ("maturité", "نضج"),
    "decline": ("déclin", "تراجع"),
    "undetermined": ("indéterminé", "غير محدد"),
    "Classification: [bold]national[/] (mean {mean}); {rule}": (
        "Classement : [bold]national[/] (moyenne {mean}) ; {rule}",
        "التصنيف: [bold]وطني[/] (المتوسط {mean})؛ {rule}",
    ),
    "Classification: [bold]regional[/] (mean {mean}); {rule}": (
        "Classement : [bold]régional[/] (moyenne {mean}) ; {rule}",
        "التصنيف: [bold]جهوي[/] (المتوسط {mean})؛ {rule}",
    ),
    "Classification: [bold]potential[/] (mean {mean}); {rule}": (
        "Classement : [bold]potentiel[/] (moyenne {mean}) ; {rule}",
        "التصنيف: [bold]واعد[/] (المتوسط {mean})؛ {rule}",
    ),
    "Classification: [bold]none[/] (mean {mean}); {rule}": (
        "Classement : [bold]aucun[/] (moyenne {mean}) ; {rule}",
        "التصنيف: [bold]لا شيء[/] (المتوسط {mean})؛ {rule}",
    ),
}

# the headings of the grappe dz tables (files keep their column names)
CLI_T_lead |= {
    "name (French)": ("nom (français)", "الاسم (بالفرنسية)"),
    "name (Arabic)": ("nom (arabe)", "الاسم (بالعربية)"),
    "name (English)": ("nom (anglais)", "الاسم (بالإنجليزية)"),
    "communes": ("communes", "البلديات"),
    "population": ("population", "السكان"),
    "communes without population": ("communes sans population", "بلديات بلا عدد سكان"),
    "division": ("découpage", "التقسيم"),
    "commune (ONS code)": ("commune (code ONS)", "البلدية (رمز الديوان الوطني للإحصائيات)"),
    "OSM id": ("identifiant OSM", "معرّف OSM"),
    "daïra (OSM id)": ("daïra (identifiant OSM)", "الدائرة (معرّف OSM)"),
    "daïra (French)": ("daïra (français)", "الدائرة (بالفرنسية)"),
    "daïra (Arabic)": ("daïra (arabe)", "الدائرة (بالعربية)"),
    "wilaya (69)": ("wilaya (69)", "الولاية (69)"),
    "wilaya (58)": ("wilaya (58)", "الولاية (58)"),
    "wilaya (48)": ("wilaya (48)", "الولاية (48)"),
    "moved": ("déplacée", "نُقلت"),
    "share": ("part", "الحصة"),
}
