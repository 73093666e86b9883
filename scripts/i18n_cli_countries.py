"""French and Arabic of the command line's messages of the country pages' job step (package
countrypages, issue 19): msgid -> (French, Arabic). Machine-written, like the rest."""

from __future__ import annotations

CLI_T_countries: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # grappe.registry.export_jobs (printed by grappe serve --load-bundled / observatory)
    "Country export pages skipped: the trade matrix {path} is not there (it is not bundled: no "
    "open-data licence). Set GRAPPE_SHARED_DATA to the folder that holds economic_complexity/.": (
        "Pages d'exportation des pays omises : la matrice commerciale {path} est absente (elle "
        "n'est pas livrée avec grappe : aucune licence de données ouvertes). Indiquez dans "
        "GRAPPE_SHARED_DATA le dossier qui contient economic_complexity/.",
        "تم تخطي صفحات صادرات البلدان: مصفوفة التجارة {path} غير موجودة (لا تُرفق مع grappe: "
        "لا ترخيص بيانات مفتوحة). اضبط GRAPPE_SHARED_DATA على المجلد الذي يحتوي "
        "economic_complexity/.",
    ),
}
