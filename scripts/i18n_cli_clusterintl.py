"""French and Arabic of ``grappe exports cluster`` and of a cluster's internationalisation
(statements, markets of member figures and their errors; package clusterintl, issue 19):
msgid -> (French, Arabic)."""

from __future__ import annotations

CLI_T_clusterintl: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/exports_cluster.py: help
    "A cluster's internationalisation: members that export and their markets, the exports\n"
    "KPI against its target, external ties (global pipelines), and the country's export\n"
    "opportunities in the cluster's industries. From record files or the registry (--database)."
    "\n\nExample: grappe exports cluster biskra-dates --period 2024 --previous 2023 --events\n"
    "events.csv --figures figures.csv --country DZA --trade trade.csv.gz --definitions\n"
    "us-benchmark --industry-cluster 18 --products 0804": (
        "L'internationalisation d'une grappe : les membres qui exportent et leurs marchés, "
        "l'indicateur des exportations face à sa cible, les liens externes (canaux globaux) et "
        "les opportunités d'exportation du pays dans les activités de la grappe. À partir de "
        "fichiers de registres ou du registre (--database).\n\nExemple : grappe exports cluster "
        "biskra-dates --period 2024 --previous 2023 --events events.csv --figures figures.csv "
        "--country DZA --trade trade.csv.gz --definitions us-benchmark --industry-cluster 18 "
        "--products 0804",
        "تدويل العنقود: الأعضاء الذين يصدّرون وأسواقهم، ومؤشر الصادرات مقارنة بهدفه، والروابط "
        "الخارجية (القنوات العالمية)، وفرص التصدير المتاحة للبلد في أنشطة العنقود. من ملفات "
        "السجلات أو من السجل (--database).\n\nمثال: grappe exports cluster biskra-dates "
        "--period 2024 --previous 2023 --events events.csv --figures figures.csv --country DZA "
        "--trade trade.csv.gz --definitions us-benchmark --industry-cluster 18 --products 0804",
    ),
    "The cluster: its registry id, or a name.": (
        "La grappe : son identifiant dans le registre, ou un nom.",
        "العنقود: معرّفه في السجل، أو اسم.",
    ),
    "A period to compare the exports with, e.g. 2023.": (
        "Une période à laquelle comparer les exportations, par ex. 2023.",
        "فترة تُقارن بها الصادرات، مثلا 2023.",
    ),
    "Typed KPIs (kpi,period,value[,target]): the exports target.": (
        "Indicateurs saisis (kpi,period,value[,target]) : la cible des exportations.",
        "المؤشرات المُدخلة (kpi,period,value[,target]): هدف الصادرات.",
    ),
    "Network actors (id,sphere,level[,member,country]).": (
        "Acteurs du réseau (id,sphere,level[,member,country]).",
        "فاعلو الشبكة (id,sphere,level[,member,country]).",
    ),
    "Network ties (source,target,type).": (
        "Liens du réseau (source,target,type).",
        "روابط الشبكة (source,target,type).",
    ),
    "ISO3 code of the country in --trade.": (
        "Code ISO3 du pays dans --trade.",
        "رمز ISO3 للبلد في --trade.",
    ),
    "Trade matrix (wide or long), with --country.": (
        "Matrice du commerce (large ou longue), avec --country.",
        "مصفوفة التجارة (عريضة أو طويلة)، مع --country.",
    ),
    "Cluster definitions (e.g. us-benchmark).": (
        "Définitions des grappes (par ex. us-benchmark).",
        "تعريفات العناقيد (مثلا us-benchmark).",
    ),
    "Cluster code in --definitions (repeatable).": (
        "Code de grappe dans --definitions (répétable).",
        "رمز العنقود في --definitions (يمكن تكراره).",
    ),
    "HS4 headings of the cluster: 0804,2009.": (
        "Positions SH4 de la grappe : 0804,2009.",
        "بنود النظام المنسق (4 أرقام) الخاصة بالعنقود: 0804,2009.",
    ),
    "Opportunities of the country to look through.": (
        "Nombre d'opportunités du pays à parcourir.",
        "عدد فرص البلد التي يتم فحصها.",
    ),
    "fr, ar or en.": ("fr, ar ou en.", "fr أو ar أو en."),
    "With --format csv: statements, exporters, markets, pipelines, opportunities, advantages": (
        "Avec --format csv : statements, exporters, markets, pipelines, opportunities, advantages",
        "مع --format csv: statements أو exporters أو markets أو pipelines أو opportunities أو "
        "advantages",
    ),
    "Write here.": ("Écrire ici.", "الكتابة هنا."),
    "Network level inside the cluster (repeatable; default: local).": (
        "Niveau du réseau à l'intérieur de la grappe (répétable ; par défaut : local).",
        "مستوى الشبكة داخل العنقود (يمكن تكراره؛ الافتراضي: local).",
    ),
    # cli/kpi_records.py: the figures file takes markets
    "Member figures: actor,period[,jobs,exports,currency,founded,markets] (markets: "
    "FR:40;DE:25;AE).": (
        "Chiffres des membres : actor,period[,jobs,exports,currency,founded,markets] (marchés : "
        "FR:40;DE:25;AE).",
        "أرقام الأعضاء: actor,period[,jobs,exports,currency,founded,markets] (الأسواق: "
        "FR:40;DE:25;AE).",
    ),
    # cli/exports_cluster.py: messages
    "--definitions and --industry-cluster go together: the cluster codes of the definitions "
    "whose products are the cluster's.": (
        "--definitions et --industry-cluster vont ensemble : les codes des grappes des "
        "définitions dont les produits sont ceux de la grappe.",
        "‏--definitions و‏--industry-cluster يُستعملان معا: رموز عناقيد التعريفات التي تكون "
        "منتجاتها منتجات العنقود.",
    ),
    "No cluster {code!r} in the definitions {name!r}; their codes: {codes}.": (
        "Aucune grappe {code!r} dans les définitions {name!r} ; leurs codes : {codes}.",
        "لا يوجد عنقود {code!r} في التعريفات {name!r}؛ رموزها: {codes}.",
    ),
    "--products takes HS4 headings of four digits separated by commas (0804,2009); got {code!r}.": (
        "--products attend des positions SH4 à quatre chiffres séparées par des virgules "
        "(0804,2009) ; reçu {code!r}.",
        "‏--products يقبل بنودا من أربعة أرقام مفصولة بفواصل (0804,2009)؛ المُعطى {code!r}.",
    ),
    "Internationalisation of {cluster} in {period}": (
        "Internationalisation de {cluster} en {period}",
        "تدويل {cluster} في {period}",
    ),
    "topic": ("thème", "الموضوع"),
    "statement": ("constat", "الملاحظة"),
    "Markets of the members' exports": (
        "Marchés des exportations des membres",
        "أسواق صادرات الأعضاء",
    ),
    "members": ("membres", "الأعضاء"),
    "exports": ("exportations", "الصادرات"),
    "Opportunities in the cluster's industries": (
        "Opportunités dans les activités de la grappe",
        "الفرص في أنشطة العنقود",
    ),
    "grappe exports cluster reads record files (--events, --figures…) or the registry "
    "(--database), one of the two.": (
        "grappe exports cluster lit des fichiers de registres (--events, --figures…) ou le "
        "registre (--database), l'un des deux.",
        "يقرأ grappe exports cluster ملفات السجلات (--events، --figures…) أو السجل "
        "(--database)، أحدهما فقط.",
    ),
    "--country and --trade go together: the country's trade matrix.": (
        "--country et --trade vont ensemble : la matrice du commerce du pays.",
        "‏--country و‏--trade يُستعملان معا: مصفوفة تجارة البلد.",
    ),
    "--network-actors and --network-ties go together.": (
        "--network-actors et --network-ties vont ensemble.",
        "‏--network-actors و‏--network-ties يُستعملان معا.",
    ),
    # roadmap/internationalisation.py: statements
    "{n} of the {members} members exported in {period}.": (
        "{n} des {members} membres ont exporté en {period}.",
        "صدّر {n} من أصل {members} عضوا في {period}.",
    ),
    "{n} members have no figure for {period}: whether they export is not known.": (
        "{n} membres n'ont aucun chiffre pour {period} : on ne sait pas s'ils exportent.",
        "ليس لدى {n} أعضاء أي رقم عن {period}: لا يُعرف إن كانوا يصدّرون.",
    ),
    "The members exported {value} {currency} in {period}.": (
        "Les membres ont exporté {value} {currency} en {period}.",
        "صدّر الأعضاء ما قيمته {value} {currency} في {period}.",
    ),
    "The members export to {n} countries; the first is {country} ({members} members).": (
        "Les membres exportent vers {n} pays ; le premier est {country} ({members} membres).",
        "يصدّر الأعضاء إلى {n} بلدان؛ أولها {country} ({members} أعضاء).",
    ),
    "The market shares place {share} of the exports.": (
        "Les parts des marchés situent {share} des exportations.",
        "تحدد حصص الأسواق وجهة {share} من الصادرات.",
    ),
    "No member figure names its markets (where its exports go).": (
        "Aucun chiffre de membre ne nomme ses marchés (où vont ses exportations).",
        "لا يذكر أي رقم من أرقام الأعضاء أسواقه (وجهة صادراته).",
    ),
    "The exports KPI of {period} is {value}, computed from the records.": (
        "L'indicateur des exportations de {period} vaut {value}, calculé à partir des registres.",
        "مؤشر الصادرات لـ{period} يساوي {value}، محسوبا من السجلات.",
    ),
    "The exports KPI of {period} is {value}, typed by hand.": (
        "L'indicateur des exportations de {period} vaut {value}, saisi à la main.",
        "مؤشر الصادرات لـ{period} يساوي {value}، مُدخلا يدويا.",
    ),
    "No exports figure for {period}, typed or in the records.": (
        "Aucun chiffre d'exportations pour {period}, ni saisi ni dans les registres.",
        "لا يوجد رقم للصادرات عن {period}، لا مُدخلا ولا في السجلات.",
    ),
    "It reaches {share} of its target of {target}.": (
        "Il atteint {share} de sa cible de {target}.",
        "يبلغ {share} من هدفه البالغ {target}.",
    ),
    "The exports KPI of {period} has no target.": (
        "L'indicateur des exportations de {period} n'a pas de cible.",
        "ليس لمؤشر الصادرات لـ{period} هدف.",
    ),
    "Exports changed by {change} since the previous period.": (
        "Les exportations ont varié de {change} depuis la période précédente.",
        "تغيرت الصادرات بمقدار {change} منذ الفترة السابقة.",
    ),
    "No network: the external ties (global pipelines) are not known.": (
        "Aucun réseau : les liens externes (canaux globaux) ne sont pas connus.",
        "لا توجد شبكة: الروابط الخارجية (القنوات العالمية) غير معروفة.",
    ),
    "{share} of the network's ties cross the cluster's boundary ({external} of {all}); "
    "{n} members hold them.": (
        "{share} des liens du réseau franchissent la frontière de la grappe ({external} "
        "sur {all}) ; {n} membres les détiennent.",
        "{share} من روابط الشبكة تعبر حدود العنقود ({external} من {all})؛ يملكها {n} أعضاء.",
    ),
    "No products of the cluster's industries (concordance): the country's opportunities "
    "cannot be placed in the cluster.": (
        "Aucun produit des activités de la grappe (table de concordance) : les opportunités "
        "du pays ne peuvent pas être situées dans la grappe.",
        "لا توجد منتجات لأنشطة العنقود (جدول التوافق): لا يمكن ربط فرص البلد بالعنقود.",
    ),
    "{country} exports {n} products of the cluster's industries with a comparative advantage.": (
        "{country} exporte {n} produits des activités de la grappe avec un avantage comparatif.",
        "يصدّر {country} {n} منتجات من أنشطة العنقود بميزة نسبية.",
    ),
    "{n} of {country}'s export opportunities fall in the cluster's industries.": (
        "{n} opportunités d'exportation de {country} relèvent des activités de la grappe.",
        "{n} من فرص التصدير لدى {country} تقع في أنشطة العنقود.",
    ),
    "No export opportunities of the country were given.": (
        "Aucune opportunité d'exportation du pays n'a été fournie.",
        "لم تُقدَّم أي فرص تصدير للبلد.",
    ),
    # roadmap/markets.py: errors
    "Unknown country code {value!r}.": (
        "Code de pays inconnu {value!r}.",
        "رمز بلد غير معروف {value!r}.",
    ),
    "Use ISO 3166-1 alpha-2 codes (FR, DE, AE…), a share in percent after a colon, markets "
    "separated by ';': FR:40;DE:25;AE.": (
        "Utilisez les codes ISO 3166-1 alpha-2 (FR, DE, AE…), une part en pour cent après "
        "deux-points, les marchés séparés par « ; » : FR:40;DE:25;AE.",
        "استعمل رموز ISO 3166-1 alpha-2 ‏(FR، DE، AE…)، مع حصة بالنسبة المئوية بعد نقطتين، "
        "والأسواق مفصولة بـ«;»: FR:40;DE:25;AE.",
    ),
    "The share of {country} must be a percent from 0 to 100; got {value!r}.": (
        "La part de {country} doit être un pourcentage de 0 à 100 ; reçu {value!r}.",
        "يجب أن تكون حصة {country} نسبة مئوية من 0 إلى 100؛ المُعطى {value!r}.",
    ),
    "Write the share as a number of percent, e.g. FR:40.": (
        "Écrivez la part comme un nombre de pour cent, par ex. FR:40.",
        "اكتب الحصة عددا بالنسبة المئوية، مثلا FR:40.",
    ),
    "The market {country} is given twice.": (
        "Le marché {country} est donné deux fois.",
        "السوق {country} مذكور مرتين.",
    ),
    "Give each country once, with its whole share.": (
        "Donnez chaque pays une seule fois, avec sa part entière.",
        "اذكر كل بلد مرة واحدة، مع حصته كاملة.",
    ),
    "The shares of the markets add up to {total:g} %, more than 100.": (
        "Les parts des marchés totalisent {total:g} %, plus de 100.",
        "مجموع حصص الأسواق {total:g} %، أي أكثر من 100.",
    ),
    "Correct the shares: they are percents of the member's exports.": (
        "Corrigez les parts : ce sont des pourcentages des exportations du membre.",
        "صحّح الحصص: إنها نسب مئوية من صادرات العضو.",
    ),
}
