"""French and Arabic of the ``--concordance`` help of ``grappe exports clusters`` once the
NACE Rev. 2 / ISIC Rev. 4 tables are bundled (package isicnace, issue 19): msgid -> (French,
Arabic)."""

from __future__ import annotations

CLI_T_isicnace: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    "HS → industry concordance: a bundled table — NAICS2017-6 (U.S. Census, public domain); "
    "NACE2-4, NACE2-2, NACE2-section, ISIC4-2, ISIC4-section (Eurostat) — or a file with "
    "columns hs4, industry, weight.": (
        "Table de concordance SH → activités : une table fournie — NAICS2017-6 (U.S. Census, "
        "domaine public) ; NACE2-4, NACE2-2, NACE2-section, ISIC4-2, ISIC4-section (Eurostat) — "
        "ou un fichier aux colonnes hs4, industry, weight.",
        "جدول التقابل بين النظام المنسق والأنشطة: جدول مرفق — NAICS2017-6 (مكتب الإحصاء "
        "الأمريكي، ملك عام)؛ NACE2-4 وNACE2-2 وNACE2-section وISIC4-2 وISIC4-section "
        "(يوروستات) — أو ملف بالأعمدة hs4 وindustry وweight.",
    ),
    # cli/exports_names.py: help, once the official French texts are bundled
    "HS 4-digit product names (English, French, Arabic) by code or words.\n\n"
    "A heading with no name in the language shows its English name. French names are the EU\n"
    "Combined Nomenclature's official text where it names the heading; the other French names "
    "and\nthe Arabic names are grappe's translations, marked as such; the sources are in "
    "docs/exports.md.\n\n"
    "Example: grappe exports names 0804 --lang ar": (
        "Noms des produits du SH à 4 chiffres (anglais, français, arabe) par code ou par mots.\n\n"
        "Une position sans nom dans la langue affiche son nom anglais. Les noms français sont "
        "le texte officiel de la nomenclature combinée de l'UE quand elle nomme la position ; "
        "les autres noms français et les noms arabes sont des traductions de grappe, signalées "
        "comme telles ; les sources sont dans docs/exports.md.\n\n"
        "Exemple : grappe exports names 0804 --lang ar",
        "أسماء المنتجات في النظام المنسق بأربعة أرقام (بالإنجليزية والفرنسية والعربية) "
        "حسب الرمز أو الكلمات.\n\n"
        "البند الذي لا اسم له باللغة المطلوبة يظهر باسمه الإنجليزي. الأسماء الفرنسية هي "
        "النص الرسمي للتسمية المركبة للاتحاد الأوروبي حين تسمي البند؛ وباقي الأسماء "
        "الفرنسية والأسماء العربية ترجمات من grappe، مشار إليها بذلك؛ والمصادر في "
        "docs/exports.md.\n\n"
        "مثال: grappe exports names 0804 --lang ar",
    ),
}
