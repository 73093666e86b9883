"""French and Arabic of the programme workflow's rules (package progfix, issue 18 gaps): label
expiry, decision corrections, who decides, the statistical candidates page."""

from __future__ import annotations

T_progfix: dict[str, tuple[str, str]] = {
    # programme_pages.py
    "The label expired": ("Le label a expiré", "انتهت صلاحية العلامة"),
    "an admin": ("un administrateur", "مسؤول"),
    "an analyst of the observatory": ("un analyste de l'observatoire", "محلل في المرصد"),
    "the cluster's manager": ("le gestionnaire de la grappe", "مسير العنقود"),
    # programme.html
    "Candidates on the stored cluster map": (
        "Candidats sur la carte des grappes enregistrée",
        "المرشحون على خريطة العناقيد المخزنة",
    ),
    "recorded in grappe by %(role)s": (
        "enregistré dans grappe par %(role)s",
        "يسجله في grappe %(role)s",
    ),
    "this step decides on the label": (
        "cette étape décide du label",
        "هذه المرحلة تقرر منح العلامة",
    ),
    "Valid until": ("Valable jusqu'au", "صالحة حتى"),
    # programme_workspace.html
    "The label was valid until %(date)s and was not renewed in time: it has expired. Apply "
    "again to be evaluated anew.": (
        "Le label était valable jusqu'au %(date)s et n'a pas été renouvelé à temps : il a "
        "expiré. Candidatez de nouveau pour être évalué à nouveau.",
        "كانت العلامة صالحة حتى %(date)s ولم تُجدَّد في الوقت المحدد: فقد انتهت صلاحيتها. "
        "ترشّح من جديد ليُعاد تقييمك.",
    ),
    "The label is valid until %(date)s: renew it by an evaluation before then.": (
        "Le label est valable jusqu'au %(date)s : renouvelez-le par une évaluation d'ici là.",
        "العلامة صالحة حتى %(date)s: جدّدها بتقييم قبل ذلك التاريخ.",
    ),
    "The label is decided and recorded by %(role)s (or an admin).": (
        "Le label est décidé et enregistré par %(role)s (ou un administrateur).",
        "يقرر العلامة ويسجلها %(role)s (أو مسؤول).",
    ),
    "corrected by %(who)s": ("corrigée par %(who)s", "صحّحه %(who)s"),
    # programme_corrections.py
    "Say why the decision is corrected (2,000 characters at most).": (
        "Dites pourquoi la décision est corrigée (2 000 caractères au plus).",
        "اذكر سبب تصحيح القرار (2000 حرف على الأكثر).",
    ),
    "Choose an action from the list, or leave it as it is.": (
        "Choisissez une action dans la liste, ou laissez-la telle quelle.",
        "اختر إجراءً من القائمة، أو اتركه كما هو.",
    ),
    "The period: a year, e.g. 2024, or a year and a part, e.g. 2024-S1.": (
        "La période : une année, par ex. 2024, ou une année et une partie, par ex. 2024-S1.",
        "الفترة: سنة، مثلا 2024، أو سنة وجزء منها، مثلا 2024-S1.",
    ),
    # programme_correct.html
    "Correct a decision: %(programme)s": (
        "Corriger une décision : %(programme)s",
        "تصحيح قرار: %(programme)s",
    ),
    "The decision as stored": ("La décision telle qu'enregistrée", "القرار كما هو مخزن"),
    "Correction": ("Correction", "التصحيح"),
    "Change what was wrong and say why. A corrected fact is judged again by the programme's "
    "rule; the original decision stays in the history of changes.": (
        "Modifiez ce qui était erroné et dites pourquoi. Un fait corrigé est jugé de nouveau "
        "par la règle du programme ; la décision d'origine reste dans l'historique des "
        "modifications.",
        "عدّل ما كان خاطئًا واذكر السبب. يُحكم على المعطى المصحَّح من جديد وفق قاعدة البرنامج، "
        "ويبقى القرار الأصلي في سجل التغييرات.",
    ),
    "Action that should have been taken": (
        "Action qui aurait dû être prise",
        "الإجراء الذي كان ينبغي اتخاذه",
    ),
    "As it is": ("Telle quelle", "كما هو"),
    "Why the correction": ("Motif de la correction", "سبب التصحيح"),
    "Store the correction": ("Enregistrer la correction", "حفظ التصحيح"),
    # programme_candidates.html
    "Statistical candidates: %(programme)s": (
        "Candidats statistiques : %(programme)s",
        "المرشحون إحصائيًا: %(programme)s",
    ),
    "The region × cluster cells of the stored cluster map that meet every statistical "
    "criterion of the programme:": (
        "Les cellules région × grappe de la carte des grappes enregistrée qui remplissent "
        "chaque critère statistique du programme :",
        "خلايا المنطقة × العنقود في خريطة العناقيد المخزنة التي تستوفي كل معيار إحصائي "
        "للبرنامج:",
    ),
    "Choose the map": ("Choisir la carte", "اختر الخريطة"),
    "Cluster definitions": ("Définitions des grappes", "تعريفات العناقيد"),
    "Year": ("Année", "السنة"),
    "Show": ("Afficher", "عرض"),
    "The registry stores no cluster map yet: run grappe observatory, or import indicators "
    "(POST /api/v1/imports).": (
        "Le registre ne contient encore aucune carte des grappes : lancez grappe observatory, "
        "ou importez des indicateurs (POST /api/v1/imports).",
        "لا يخزن السجل أي خريطة للعناقيد بعد: شغّل grappe observatory، أو استورد المؤشرات "
        "(POST /api/v1/imports).",
    ),
    "%(n)s cells of %(total)s meet the criteria (%(definitions)s, %(year)s).": (
        "%(n)s cellules sur %(total)s remplissent les critères (%(definitions)s, %(year)s).",
        "%(n)s خلية من أصل %(total)s تستوفي المعايير (%(definitions)s، %(year)s).",
    ),
    "Clusters in the registry": ("Grappes du registre", "العناقيد في السجل"),
}
