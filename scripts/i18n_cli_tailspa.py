"""French and Arabic of the errors of grappe.spatial (Ripley, M, executor, hot spots, pairs),
grappe.network, the PDF report and match (package tailspa): msgid -> (French, Arabic)."""

from __future__ import annotations

CLI_T_tailspa: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # spatial/ripley.py
    "The 'window' parameter of {func} must have a positive width and height to set "
    "the radii (the points may all lie at one place or on one line). Got {window!r} "
    "instead: give the radii or a study window.": (
        "Le paramètre 'window' de {func} doit avoir une largeur et une hauteur positives pour "
        "fixer les rayons (les points sont peut-être tous au même endroit ou sur une même "
        "ligne). Reçu {window!r} : donnez les rayons ou une fenêtre d'étude.",
        "يجب أن يكون للمُعامل 'window' في {func} عرض وارتفاع موجبان لتحديد أنصاف الأقطار (قد "
        "تكون النقاط كلها في مكان واحد أو على خط واحد). القيمة المعطاة {window!r}: حدّد "
        "أنصاف الأقطار أو نافذة دراسة.",
    ),
    "The 'points' parameter of {func} must be in a projected CRS (metres), as the "
    "window's area is planar. Got longitude/latitude instead. Use "
    "project_points(points, 'EPSG:3035') or a local projection first.": (
        "Le paramètre 'points' de {func} doit être dans un CRS projeté (mètres), car l'aire de "
        "la fenêtre est plane. Reçu longitude/latitude. Utilisez d'abord "
        "project_points(points, 'EPSG:3035') ou une projection locale.",
        "يجب أن يكون المُعامل 'points' في {func} في نظام إحداثيات مُسقَط (بالأمتار)، لأن مساحة "
        "النافذة مستوية. القيمة المعطاة خط طول/خط عرض. استعمل أولا "
        "project_points(points, 'EPSG:3035') أو إسقاطا محليا.",
    ),
    "The 'radii' parameter of {func} must be positive increasing distances in "
    "metres. Got {radii!r} instead.": (
        "Le paramètre 'radii' de {func} doit être des distances positives croissantes en "
        "mètres. Reçu {radii!r}.",
        "يجب أن يكون المُعامل 'radii' في {func} مسافات موجبة متزايدة بالأمتار. القيمة المعطاة "
        "{radii!r}.",
    ),
    "The 'points' parameter of {func} must hold at least two points. Got {n} instead.": (
        "Le paramètre 'points' de {func} doit contenir au moins deux points. Reçu {n}.",
        "يجب أن يحتوي المُعامل 'points' في {func} على نقطتين على الأقل. العدد المعطى {n}.",
    ),
    "The 'window' parameter of {func} must be given when the points lie at one "
    "place or on one line (their bounding box {window!r} has no positive area). "
    "Got None instead.": (
        "Le paramètre 'window' de {func} doit être donné quand les points sont au même endroit "
        "ou sur une même ligne (leur rectangle englobant {window!r} n'a pas d'aire positive). "
        "Reçu None.",
        "يجب إعطاء المُعامل 'window' في {func} حين تكون النقاط في مكان واحد أو على خط واحد "
        "(ليس لمستطيلها المحيط {window!r} مساحة موجبة). القيمة المعطاة None.",
    ),
    "The 'window' parameter of {func} must have a positive area. Got {window!r} instead.": (
        "Le paramètre 'window' de {func} doit avoir une aire positive. Reçu {window!r}.",
        "يجب أن تكون للمُعامل 'window' في {func} مساحة موجبة. القيمة المعطاة {window!r}.",
    ),
    "The 'edge_correction' parameter of {func} must be 'border' or 'none' for a "
    "polygon window. Got 'isotropic' instead (implemented for box windows).": (
        "Le paramètre 'edge_correction' de {func} doit être 'border' ou 'none' pour une "
        "fenêtre polygonale. Reçu 'isotropic' (disponible pour les fenêtres rectangulaires).",
        "يجب أن يكون المُعامل 'edge_correction' في {func} إما 'border' أو 'none' لنافذة "
        "مضلعة. القيمة المعطاة 'isotropic' (متاحة للنوافذ المستطيلة فقط).",
    ),
    "The 'window' parameter of {func} must contain every point. Got a window that "
    "leaves out {count} of them instead.": (
        "Le paramètre 'window' de {func} doit contenir tous les points. Reçu une fenêtre qui "
        "en laisse {count} dehors.",
        "يجب أن يحتوي المُعامل 'window' في {func} على كل النقاط. النافذة المعطاة تترك {count} "
        "منها خارجها.",
    ),
    # spatial/mfunction.py
    "The 'activity' parameter of {func} must name an activity with at least two "
    "establishments (M compares each with the others). Got {activity!r} with one "
    "instead.": (
        "Le paramètre 'activity' de {func} doit nommer une activité d'au moins deux "
        "établissements (M compare chacun aux autres). Reçu {activity!r}, qui n'en a qu'un.",
        "يجب أن يسمّي المُعامل 'activity' في {func} نشاطا فيه مؤسستان على الأقل (تقارن M كل "
        "مؤسسة بالأخريات). القيمة المعطاة {activity!r} وفيه مؤسسة واحدة.",
    ),
    # spatial/executor.py, hotspots.py, _pairs.py
    "The 'scheduler' parameter of {func} must be None, 'threads', 'sync', the address of "
    "a Dask scheduler or a distributed.Client. Got {scheduler!r} instead.": (
        "Le paramètre 'scheduler' de {func} doit être None, 'threads', 'sync', l'adresse d'un "
        "ordonnanceur Dask ou un distributed.Client. Reçu {scheduler!r}.",
        "يجب أن يكون المُعامل 'scheduler' في {func} إما None أو 'threads' أو 'sync' أو عنوان "
        "مُجدوِل Dask أو distributed.Client. القيمة المعطاة {scheduler!r}.",
    ),
    "Running on a Dask cluster needs dask[distributed]: pip install grappe[spatial]": (
        "L'exécution sur une grappe Dask nécessite dask[distributed] : pip install grappe[spatial]",
        "يتطلب التشغيل على عنقود Dask الحزمة dask[distributed]: pip install grappe[spatial]",
    ),
    "The 'scheduler' parameter must be the address of a running Dask scheduler. "
    "Got {scheduler!r} instead (cannot connect: {exc}).": (
        "Le paramètre 'scheduler' doit être l'adresse d'un ordonnanceur Dask en marche. "
        "Reçu {scheduler!r} (connexion impossible : {exc}).",
        "يجب أن يكون المُعامل 'scheduler' عنوان مُجدوِل Dask قيد التشغيل. القيمة المعطاة "
        "{scheduler!r} (تعذّر الاتصال: {exc}).",
    ),
    "Hot spots need scikit-learn and shapely: pip install grappe[spatial]": (
        "Les points chauds nécessitent scikit-learn et shapely : pip install grappe[spatial]",
        "تتطلب البؤر الساخنة scikit-learn و shapely: pip install grappe[spatial]",
    ),
    "The numba engine needs numba: pip install grappe[fast]": (
        "Le moteur numba nécessite numba : pip install grappe[fast]",
        "يتطلب المحرك numba الحزمة numba: pip install grappe[fast]",
    ),
    # network/
    "The 'types' parameter of ActorNetwork.select must be a list of values "
    "among {options}. Got {bad!r} instead.": (
        "Le paramètre 'types' de ActorNetwork.select doit être une liste de valeurs parmi "
        "{options}. Reçu {bad!r}.",
        "يجب أن يكون المُعامل 'types' في ActorNetwork.select قائمة قيم من بين {options}. "
        "القيمة المعطاة {bad!r}.",
    ),
    "The 'before' parameter of {func} must come with a 'wave'. Got {before!r} instead.": (
        "Le paramètre 'before' de {func} doit être accompagné d'une 'wave'. Reçu {before!r}.",
        "يجب أن يُرفق المُعامل 'before' في {func} بـ 'wave'. القيمة المعطاة {before!r}.",
    ),
    "The 'expected' parameter of {func} must be 'default', 'all' or a list of sphere "
    "pairs. Got {expected!r} instead.": (
        "Le paramètre 'expected' de {func} doit être 'default', 'all' ou une liste de paires "
        "de sphères. Reçu {expected!r}.",
        "يجب أن يكون المُعامل 'expected' في {func} إما 'default' أو 'all' أو قائمة أزواج من "
        "المجالات. القيمة المعطاة {expected!r}.",
    ),
    "The 'expected' parameter of {func} must be a list of pairs of spheres among "
    "{spheres}. Got {pair!r} instead.": (
        "Le paramètre 'expected' de {func} doit être une liste de paires de sphères parmi "
        "{spheres}. Reçu {pair!r}.",
        "يجب أن يكون المُعامل 'expected' في {func} قائمة أزواج من المجالات من بين {spheres}. "
        "القيمة المعطاة {pair!r}.",
    ),
    "backend='igraph' needs python-igraph: pip install grappe[network]": (
        "backend='igraph' nécessite python-igraph : pip install grappe[network]",
        "يتطلب backend='igraph' الحزمة python-igraph: pip install grappe[network]",
    ),
    "The 'after' parameter of {func} must differ from 'before'. Got {after!r} instead.": (
        "Le paramètre 'after' de {func} doit différer de 'before'. Reçu {after!r}.",
        "يجب أن يختلف المُعامل 'after' في {func} عن 'before'. القيمة المعطاة {after!r}.",
    ),
    "The continuous core–periphery model did not converge in {max_iter} iterations "
    "({reason}); raise max_iter or tol.": (
        "Le modèle continu cœur–périphérie n'a pas convergé en {max_iter} itérations "
        "({reason}) ; augmentez max_iter ou tol.",
        "لم يتقارب نموذج المركز–الأطراف المتصل في {max_iter} تكرارا ({reason})؛ "
        "ارفع max_iter أو tol.",
    ),
    # reports/builder.py
    "Writing PDF reports needs WeasyPrint and the Pango library: "
    "pip install grappe[report] (and run scripts/setup-system).": (
        "L'écriture des rapports PDF nécessite WeasyPrint et la bibliothèque Pango : "
        "pip install grappe[report] (et lancez scripts/setup-system).",
        "تتطلب كتابة تقارير PDF مكتبتي WeasyPrint و Pango: pip install grappe[report] "
        "(وشغّل scripts/setup-system).",
    ),
    # matchmaking/score.py
    "The {name!r} parameter of match must be a pandas DataFrame. Got {kind} instead.": (
        "Le paramètre {name!r} de match doit être un pandas DataFrame. Reçu {kind}.",
        "يجب أن يكون المُعامل {name!r} في match من نوع pandas DataFrame. النوع المعطى {kind}.",
    ),
    "The {name!r} parameter of match must have the columns {columns}. "
    "Got a table without {missing} instead.": (
        "Le paramètre {name!r} de match doit avoir les colonnes {columns}. Reçu un tableau "
        "sans {missing}.",
        "يجب أن يحتوي المُعامل {name!r} في match على الأعمدة {columns}. الجدول المعطى يخلو "
        "من {missing}.",
    ),
    "The 'weights' parameter of {func} must map names among {components} to "
    "non-negative numbers with a positive sum. Got {weights!r} instead.": (
        "Le paramètre 'weights' de {func} doit associer des noms parmi {components} à des "
        "nombres positifs ou nuls de somme positive. Reçu {weights!r}.",
        "يجب أن يربط المُعامل 'weights' في {func} أسماء من بين {components} بأعداد غير سالبة "
        "مجموعها موجب. القيمة المعطاة {weights!r}.",
    ),
    # cli/spatial.py, spatial_curves.py: headings and verdicts of the tables shown on screen
    # (the files written keep the English column names)
    "activity": ("activité", "النشاط"),
    "n": ("n", "n"),
    "bandwidth km": ("largeur de bande km", "عرض النطاق كم"),
    "verdict": ("verdict", "الحكم"),
    "hotspot": ("point chaud", "البؤرة الساخنة"),
    "n_members": ("membres", "عدد الأعضاء"),
    "weight": ("poids", "الوزن"),
    "area_km2": ("superficie km²", "المساحة كم²"),
    "centroid_x": ("centroïde x", "المركز x"),
    "centroid_y": ("centroïde y", "المركز y"),
    "spot": ("foyer", "البؤرة"),
    "cluster": ("regroupement", "التجمّع"),
    "count": ("nombre", "العدد"),
    "radius km": ("rayon km", "نصف القطر كم"),
    "L−r km": ("L−r km", "L−r كم"),
    "envelope km": ("enveloppe km", "الغلاف كم"),
    "envelope": ("enveloppe", "الغلاف"),
    "vs CSR": ("vs CSR", "مقارنة بـ CSR"),
    "vs random": ("vs aléatoire", "مقارنة بالعشوائي"),
    "localised": ("localisée", "متمركز"),
    "dispersed": ("dispersée", "متشتت"),
    "neither": ("ni l'un ni l'autre", "لا هذا ولا ذاك"),
    "above": ("au-dessus", "فوق"),
    "below": ("en dessous", "تحت"),
    "within": ("dans l'enveloppe", "داخل الغلاف"),
    # cli/analyses.py: headings of the number columns of the concentration summary
    "hoover": ("hoover", "hoover"),
    "locational_gini": ("gini de localisation", "جيني التوطن"),
    "krugman": ("krugman", "krugman"),
    "hhi": ("hhi", "hhi"),
    "entropy": ("entropie", "الإنتروبيا"),
    "gamma": ("gamma", "gamma"),
    "coagglomeration": ("coagglomération", "التكتل المشترك"),
    "establishments": ("établissements", "المؤسسات"),
    "employment_start": ("emploi début", "التشغيل في البداية"),
    "employment_end": ("emploi fin", "التشغيل في النهاية"),
    "national": ("effet national", "الأثر الوطني"),
    "industry_mix": ("effet de structure", "أثر الهيكل القطاعي"),
    "regional": ("effet régional", "الأثر الجهوي"),
}
