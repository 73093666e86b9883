"""French and Arabic of the web strings that add a country's page (``/countries``)."""

T_COUNTRYADD: dict[str, tuple[str, str]] = {
    "not published: read it over": (
        "non publié : à relire",
        "غير منشور: للمراجعة",
    ),
    "Add a country's page": (
        "Ajouter la page d'un pays",
        "إضافة صفحة بلد",
    ),
    "Its profile is computed from the 2020 trade matrix (about a second) and stored without "
    "being published; you then read it over and publish it.": (
        "Son profil est calculé à partir de la matrice des échanges de 2020 (environ une "
        "seconde) et enregistré sans être publié ; vous le relisez ensuite, puis le publiez.",
        "يُحسب ملفه انطلاقًا من مصفوفة التجارة لسنة 2020 (نحو ثانية واحدة) ويُحفظ دون نشره؛ "
        "ثم تراجعه وتنشره.",
    ),
    "Compute and store its profile": (
        "Calculer et enregistrer son profil",
        "حساب ملفه وحفظه",
    ),
    "Every country of the trade matrix has a stored profile, or the matrix is not in the "
    "shared data folder (GRAPPE_SHARED_DATA).": (
        "Chaque pays de la matrice des échanges a un profil enregistré, ou la matrice n'est pas "
        "dans le dossier des données partagées (GRAPPE_SHARED_DATA).",
        "لكل بلد من مصفوفة التجارة ملف محفوظ، أو أن المصفوفة ليست في مجلد البيانات المشتركة "
        "(GRAPPE_SHARED_DATA).",
    ),
    "Stored country profiles, by rank of economic complexity": (
        "Profils de pays enregistrés, par rang de complexité économique",
        "ملفات البلدان المحفوظة، حسب رتبة التعقيد الاقتصادي",
    ),
    "The profile was computed from the trade matrix and stored, not published: read it over, "
    "then publish it.": (
        "Le profil a été calculé à partir de la matrice des échanges et enregistré, sans être "
        "publié : relisez-le, puis publiez-le.",
        "حُسب الملف انطلاقًا من مصفوفة التجارة وحُفظ دون نشره: راجعه ثم انشره.",
    ),
    "Choose a country of the trade matrix.": (
        "Choisissez un pays de la matrice des échanges.",
        "اختر بلدًا من مصفوفة التجارة.",
    ),
    "The first %(shown)s of the %(n)s opportunities stored; the API lists them all: %(url)s.": (
        "Les %(shown)s premières des %(n)s opportunités enregistrées ; l'API les liste toutes : "
        "%(url)s.",
        "أول %(shown)s من %(n)s فرصة محفوظة؛ تسردها الواجهة البرمجية كلها: %(url)s.",
    ),
}
