"""French and Arabic of ``grappe exports names`` (package hsnames, issue 19): msgid -> (French,
Arabic)."""

from __future__ import annotations

CLI_T_hsnames: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/exports_names.py: help
    "HS 4-digit product names (English, French, Arabic) by code or words.\n\n"
    "A heading with no name in the language shows its English name. French and Arabic names are\n"
    "grappe's translations, marked as such; the sources are in docs/exports.md.\n\n"
    "Example: grappe exports names 0804 --lang ar": (
        "Noms des produits du SH à 4 chiffres (anglais, français, arabe) par code ou par mots.\n\n"
        "Une position sans nom dans la langue affiche son nom anglais. Les noms français et arabes\n"
        "sont des traductions de grappe, signalées comme telles ; les sources sont dans\n"
        "docs/exports.md.\n\nExemple : grappe exports names 0804 --lang ar",
        "أسماء المنتجات في النظام المنسق بأربعة أرقام (بالإنجليزية والفرنسية والعربية) حسب الرمز أو الكلمات.\n\n"
        "البند الذي لا اسم له باللغة المطلوبة يظهر باسمه الإنجليزي. الأسماء الفرنسية والعربية\n"
        "ترجمات من grappe، مشار إليها بذلك؛ والمصادر في docs/exports.md.\n\n"
        "مثال: grappe exports names 0804 --lang ar",
    ),
    "Code prefix (08, 0804) or words of the name; all headings when omitted.": (
        "Début de code (08, 0804) ou mots du nom ; toutes les positions si omis.",
        "بداية الرمز (08، 0804) أو كلمات من الاسم؛ جميع البنود عند إغفاله.",
    ),
    # cli/exports_names.py: messages
    "No heading matches {query}.": (
        "Aucune position ne correspond à {query}.",
        "لا يوجد بند يطابق {query}.",
    ),
    "HS headings ({count})": ("Positions du SH ({count})", "بنود النظام المنسق ({count})"),
    "Code": ("Code", "الرمز"),
    "Name": ("Nom", "الاسم"),
    "(English: no name in this language)": (
        "(anglais : pas de nom dans cette langue)",
        "(بالإنجليزية: لا اسم بهذه اللغة)",
    ),
    "(translated by grappe)": ("(traduit par grappe)", "(ترجمة grappe)"),
}
