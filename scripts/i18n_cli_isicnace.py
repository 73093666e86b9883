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
}
