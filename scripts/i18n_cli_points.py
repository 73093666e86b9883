"""French and Arabic of ``grappe spatial scan`` and of the localisation scan's errors (package
points, issue 17): msgid -> (French, Arabic). Machine-written, like the rest of the table."""

from __future__ import annotations

CLI_T_points: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/spatial_scan.py: help
    "Duranton–Overman K-density with confidence bands of every industry of a register.": (
        "Densité K de Duranton–Overman avec bandes de confiance de chaque activité d'un "
        "répertoire d'établissements.",
        "كثافة K لدورانتون–أوفرمان مع نطاقات الثقة لكل نشاط في سجل للمؤسسات.",
    ),
    "Column of the industry (activity) codes, e.g. naf_code.": (
        "Colonne des codes d'activité (secteur), par ex. naf_code.",
        "عمود رموز النشاط (القطاع)، مثلا naf_code.",
    ),
    "Leave out industries with fewer establishments.": (
        "Écarter les activités ayant moins d'établissements.",
        "استبعاد الأنشطة التي لديها عدد أقل من المؤسسات.",
    ),
    "Monte Carlo simulations per industry.": (
        "Simulations de Monte-Carlo par activité.",
        "محاكاة مونت كارلو لكل نشاط.",
    ),
    "Kernel bandwidth (m) of every industry; default Silverman's rule.": (
        "Largeur de bande du noyau (m) de chaque activité ; par défaut la règle de Silverman.",
        "عرض نطاق النواة (م) لكل نشاط؛ الافتراضي قاعدة سيلفرمان.",
    ),
    "Run on a local Dask cluster of this many worker processes (default: local threads).": (
        "Exécuter sur une grappe Dask locale de ce nombre de processus de calcul (par défaut : "
        "fils d'exécution locaux).",
        "التنفيذ على عنقود Dask محلي بهذا العدد من عمليات الحساب (الافتراضي: خيوط تنفيذ محلية).",
    ),
    "Industries shown on screen (most localised first).": (
        "Activités affichées à l'écran (les plus localisées d'abord).",
        "الأنشطة المعروضة على الشاشة (الأكثر توطنا أولا).",
    ),
    "Write the curves: one row per industry and distance (CSV/Parquet/JSON).": (
        "Écrire les courbes : une ligne par activité et par distance (CSV/Parquet/JSON).",
        "كتابة المنحنيات: سطر لكل نشاط ومسافة (CSV/Parquet/JSON).",
    ),
    "Write one row per industry: Γ, Ψ, verdict, status (CSV/Parquet).": (
        "Écrire une ligne par activité : Γ, Ψ, verdict, statut (CSV/Parquet).",
        "كتابة سطر لكل نشاط: Γ وΨ والحكم والحالة (CSV/Parquet).",
    ),
    # cli/spatial_scan.py: messages
    "The '--workers' and '--scheduler' options of {command} must not be given together. Got "
    "both instead: --workers starts a local cluster, --scheduler uses a running one.": (
        "Les options '--workers' et '--scheduler' de {command} ne doivent pas être données "
        "ensemble. Reçu les deux : --workers démarre une grappe locale, --scheduler utilise une "
        "grappe en marche.",
        "يجب ألا يُعطى الخياران '--workers' و'--scheduler' في {command} معا. أُعطي كلاهما: "
        "‏--workers يشغّل عنقودا محليا، و‏--scheduler يستعمل عنقودا قيد التشغيل.",
    ),
    "industries": ("activités", "الأنشطة"),
    "K-density scan (Duranton–Overman): the {shown} most localised of {scanned} industries": (
        "Balayage de la densité K (Duranton–Overman) : les {shown} plus localisées des "
        "{scanned} activités",
        "مسح كثافة K (دورانتون–أوفرمان): الأنشطة الـ{shown} الأكثر توطنا من أصل {scanned}",
    ),
    "{scanned} industries scanned ({localised} localised, {dispersed} dispersed); left out: "
    "{few} with fewer than {min} establishments, {one} all at one place, {zero} without "
    "positive weights.": (
        "{scanned} activités examinées ({localised} localisées, {dispersed} dispersées) ; "
        "écartées : {few} ayant moins de {min} établissements, {one} entièrement en un seul "
        "lieu, {zero} sans poids positif.",
        "فُحص {scanned} نشاطا ({localised} متوطن، {dispersed} مشتت)؛ المستبعدة: {few} لديها "
        "أقل من {min} مؤسسات، و{one} كلها في مكان واحد، و{zero} بلا أوزان موجبة.",
    ),
    # spatial/scan.py
    "The 'points' parameter of {func} must be a PointSet. Got {kind} instead.": (
        "Le paramètre 'points' de {func} doit être un PointSet. Reçu {kind}.",
        "يجب أن يكون المُعامل 'points' في {func} من نوع PointSet. القيمة المعطاة {kind}.",
    ),
    "The 'points' parameter of {func} must carry each establishment's industry. Got points "
    "read without an activity column instead: name it (grappe spatial scan --industry-column, "
    "read_points(activity=...)).": (
        "Le paramètre 'points' de {func} doit porter l'activité de chaque établissement. Reçu "
        "des points lus sans colonne d'activité : nommez-la (grappe spatial scan "
        "--industry-column, read_points(activity=...)).",
        "يجب أن يحمل المُعامل 'points' في {func} نشاط كل مؤسسة. القيمة المعطاة نقاط قُرئت دون "
        "عمود للنشاط: سمِّه (grappe spatial scan --industry-column، "
        "read_points(activity=...)).",
    ),
    "The 'min_establishments' parameter of {func} must leave at least one industry to scan. "
    "Got {value} instead: the largest industry has {largest} establishments. Lower it.": (
        "Le paramètre 'min_establishments' de {func} doit laisser au moins une activité à "
        "examiner. Reçu {value} : la plus grande activité compte {largest} établissements. "
        "Abaissez-le.",
        "يجب أن يترك المُعامل 'min_establishments' في {func} نشاطا واحدا على الأقل للفحص. "
        "القيمة المعطاة {value}: أكبر نشاط يضم {largest} مؤسسة. اخفضه.",
    ),
}
