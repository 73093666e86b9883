"""French and Arabic of the messages of package "areal" (issue 17): Gi* and local Moran in
NumPy/SciPy (grappe.spatial.lisa, grappe.spatial.areal, grappe spatial areal)."""

from __future__ import annotations

CLI_T_areal: dict[str, tuple[str, str]] = {
    "Getis–Ord Gi* or local Moran's I of counts over polygons, with permutation p-values.": (
        "Gi* de Getis–Ord ou I de Moran local des effectifs sur des polygones, avec p-valeurs "
        "par permutations.",
        "مؤشر Gi* لـ Getis–Ord أو مؤشر Moran المحلي I للأعداد على مضلعات، مع قيم p بالتباديل.",
    ),
    "Permutation stream: esda (esda's draws for the seed) or fast (for ~1e6 units).": (
        "Tirage des permutations : esda (les tirages d'esda pour la graine) ou fast (pour "
        "~1e6 unités).",
        "سلسلة التباديل: esda (سحوبات esda للبذرة نفسها) أو fast (لنحو 1e6 وحدة).",
    ),
    "Every unit has the same value {value:g}: no local statistic exists.": (
        "Toutes les unités ont la même valeur {value:g} : aucune statistique locale n'existe.",
        "لكل الوحدات القيمة نفسها {value:g}: لا توجد إحصائية محلية.",
    ),
    "Analyse a value that varies across the units.": (
        "Analysez une valeur qui varie d'une unité à l'autre.",
        "حلّل قيمة تختلف من وحدة إلى أخرى.",
    ),
    "The value {value!r} of unit {unit!r} is negative; Gi* needs values >= 0.": (
        "La valeur {value!r} de l'unité {unit!r} est négative ; Gi* demande des valeurs >= 0.",
        "القيمة {value!r} للوحدة {unit!r} سالبة؛ يتطلب Gi* قيمًا >= 0.",
    ),
    "Analyse counts or other non-negative values.": (
        "Analysez des effectifs ou d'autres valeurs positives ou nulles.",
        "حلّل أعدادًا أو قيمًا أخرى غير سالبة.",
    ),
    "The {name!r} parameter of {func} must be a sparse {n}×{n} matrix. Got {value!r} instead.": (
        "Le paramètre {name!r} de {func} doit être une matrice creuse {n}×{n}. Reçu {value!r}.",
        "يجب أن يكون المعامل {name!r} في {func} مصفوفة متناثرة {n}×{n}. القيمة المعطاة {value!r}.",
    ),
    "The {name!r} parameter of {func} must hold finite non-negative weights.": (
        "Le paramètre {name!r} de {func} doit contenir des poids finis positifs ou nuls.",
        "يجب أن يحوي المعامل {name!r} في {func} أوزانًا منتهية غير سالبة.",
    ),
    "The {name!r} parameter of {func} must hold at least 3 finite numbers. Got {count} values "
    "instead.": (
        "Le paramètre {name!r} de {func} doit contenir au moins 3 nombres finis. Reçu {count} "
        "valeurs.",
        "يجب أن يحوي المعامل {name!r} في {func} ثلاثة أعداد منتهية على الأقل. المعطى {count} قيمة.",
    ),
}
