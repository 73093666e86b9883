"""French and Arabic of ``grappe kpi from-records`` / ``load-records`` and of the records' checks
(:mod:`grappe.roadmap.records_check`; package memberkpi, issue 18): msgid -> (French, Arabic).
Machine-written, like the rest of the table."""

from __future__ import annotations

CLI_T_memberkpi: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # cli/kpi_records.py: help
    "The standard KPIs of a period computed from records: members, new members, jobs,\n"
    "exports, firms created, partnerships and trainings, each with the records counted, and the\n"
    "new members and partnerships broken down by activity, sector, sphere and region.\n\n"
    "From files (--events, --figures, --activities, --ties) or from the registry (--database\n"
    "and --cluster; the values typed by hand are shown beside, flagged when they disagree).\n\n"
    "Example: grappe kpi from-records --period 2024 --previous 2023 --events events.csv\n"
    "--figures figures.csv --activities activities.csv --ties ties.csv": (
        "Les indicateurs standard d'une période calculés à partir des registres : membres,\n"
        "nouveaux membres, emplois, exportations, entreprises créées, partenariats et formations,\n"
        "chacun avec le nombre d'enregistrements comptés, et les nouveaux membres et partenariats\n"
        "ventilés par activité, secteur, sphère et région.\n\n"
        "À partir de fichiers (--events, --figures, --activities, --ties) ou du registre\n"
        "(--database et --cluster ; les valeurs saisies à la main sont affichées à côté, signalées\n"
        "quand elles s'en écartent).\n\n"
        "Exemple : grappe kpi from-records --period 2024 --previous 2023 --events events.csv\n"
        "--figures figures.csv --activities activities.csv --ties ties.csv",
        "المؤشرات المعيارية لفترة ما محسوبة من السجلات: الأعضاء، والأعضاء الجدد، ومناصب الشغل،\n"
        "والصادرات، والمؤسسات المنشأة، والشراكات، والتكوينات، مع عدد السجلات المحتسبة لكل منها،\n"
        "وتوزيع الأعضاء الجدد والشراكات حسب النشاط والقطاع والمجال والمنطقة.\n\n"
        "من ملفات (--events و--figures و--activities و--ties) أو من السجل (--database\n"
        "و--cluster؛ تُعرض القيم المُدخلة يدويًا بجانبها، مع التنبيه إلى ما يخالفها).\n\n"
        "مثال: grappe kpi from-records --period 2024 --previous 2023 --events events.csv\n"
        "--figures figures.csv --activities activities.csv --ties ties.csv",
    ),
    "A period to compare with, e.g. 2023.": (
        "Une période de comparaison, par ex. 2023.",
        "فترة للمقارنة، مثلًا 2023.",
    ),
    "Member events (CSV/XLSX): actor,kind,date[,sector,activity_code,activity,sphere,region].": (
        "Événements des membres (CSV/XLSX) : "
        "actor,kind,date[,sector,activity_code,activity,sphere,region].",
        "أحداث الأعضاء (CSV/XLSX): actor,kind,date[,sector,activity_code,activity,sphere,region].",
    ),
    "Member figures: actor,period[,jobs,exports,currency,founded].": (
        "Chiffres des membres : actor,period[,jobs,exports,currency,founded].",
        "أرقام الأعضاء: actor,period[,jobs,exports,currency,founded].",
    ),
    "Activities: kind,date[,title,participants,members].": (
        "Activités : kind,date[,title,participants,members].",
        "الأنشطة: kind,date[,title,participants,members].",
    ),
    "Dated ties: source,target[,type,since,until].": (
        "Liens datés : source,target[,type,since,until].",
        "الروابط المؤرَّخة: source,target[,type,since,until].",
    ),
    "Registry cluster id (with --database).": (
        "Identifiant de la grappe dans le registre (avec --database).",
        "معرّف العنقود في السجل (مع --database).",
    ),
    "Load record files into a registry cluster: every member event, figure and activity is\n"
    "checked and audited as if typed in the workspace; a tie's dates are set on the cluster's "
    "tie\nof the same ends and type (created when missing). All or nothing.\n\n"
    "Example: grappe kpi load-records --cluster biskra-dates --database sqlite:///obs.sqlite\n"
    "--events events.csv --figures figures.csv": (
        "Charger des fichiers de registres dans une grappe du registre : chaque événement, chiffre\n"
        "et activité est vérifié et journalisé comme s'il était saisi dans l'espace de travail ;\n"
        "les dates d'un lien sont portées sur le lien de la grappe de mêmes extrémités et de même\n"
        "type (créé s'il manque). Tout ou rien.\n\n"
        "Exemple : grappe kpi load-records --cluster biskra-dates --database "
        "sqlite:///obs.sqlite\n--events events.csv --figures figures.csv",
        "تحميل ملفات السجلات في عنقود من السجل: يُتحقَّق من كل حدث ورقم ونشاط ويُقيَّد في سجل\n"
        "التدقيق كما لو أُدخل في فضاء العمل؛ وتُثبَّت تواريخ الرابط على رابط العنقود ذي الطرفين\n"
        "والنوع نفسه (ويُنشأ إن لم يوجد). الكل أو لا شيء.\n\n"
        "مثال: grappe kpi load-records --cluster biskra-dates --database sqlite:///obs.sqlite\n"
        "--events events.csv --figures figures.csv",
    ),
    "Registry cluster id.": ("Identifiant de la grappe dans le registre.", "معرّف العنقود في السجل."),
    # cli/kpi_records.py: output and errors
    "[bold]KPIs of {period} from records[/]": (
        "[bold]Indicateurs de {period} d'après les registres[/]",
        "[bold]مؤشرات {period} من السجلات[/]",
    ),
    "records counted": ("enregistrements comptés", "السجلات المحتسبة"),
    "typed": ("saisi", "المُدخَل"),
    " ({number} left out)": (" ({number} non comptés)", " ({number} غير محتسبة)"),
    " [red]≠ records[/]": (" [red]≠ registres[/]", " [red]≠ السجلات[/]"),
    "grappe kpi from-records needs record files (--events, --figures, --activities, --ties) or "
    "a registry cluster (--cluster, with --database).": (
        "grappe kpi from-records demande des fichiers de registres (--events, --figures, "
        "--activities, --ties) ou une grappe du registre (--cluster, avec --database).",
        "يتطلب grappe kpi from-records ملفات سجلات (--events و--figures و--activities و--ties) "
        "أو عنقودًا من السجل (--cluster مع --database).",
    ),
    "grappe kpi from-records reads files or a registry cluster, not both: drop --cluster or the "
    "file options.": (
        "grappe kpi from-records lit des fichiers ou une grappe du registre, pas les deux : "
        "retirez --cluster ou les options de fichiers.",
        "يقرأ grappe kpi from-records ملفات أو عنقودًا من السجل، لا الاثنين معًا: احذف "
        "--cluster أو خيارات الملفات.",
    ),
    "grappe kpi load-records needs record files: --events, --figures, --activities or --ties.": (
        "grappe kpi load-records demande des fichiers de registres : --events, --figures, "
        "--activities ou --ties.",
        "يتطلب grappe kpi load-records ملفات سجلات: --events أو --figures أو --activities أو "
        "--ties.",
    ),
    "Loaded into {cluster!r}: {events} events, {figures} figures, {activities} activities, "
    "{ties} tie dates ({new} new ties)": (
        "Chargé dans {cluster!r} : {events} événements, {figures} chiffres, {activities} "
        "activités, {ties} dates de liens ({new} nouveaux liens)",
        "حُمِّل في {cluster!r}: {events} حدثًا، {figures} رقمًا، {activities} نشاطًا، {ties} "
        "تاريخ روابط ({new} روابط جديدة)",
    ),
    # io/member_records.py
    "member figures table": ("table des chiffres des membres", "جدول أرقام الأعضاء"),
    "cluster activities table": ("table des activités de la grappe", "جدول أنشطة العنقود"),
    # roadmap/records.py, roadmap/records_check.py: the checks of the records
    "The exports of {period} are in several currencies ({currencies}); they cannot be added.": (
        "Les exportations de {period} sont en plusieurs devises ({currencies}) ; elles ne "
        "peuvent pas être additionnées.",
        "صادرات {period} بعدة عملات ({currencies})؛ ولا يمكن جمعها.",
    ),
    "Convert the exports to one currency.": (
        "Convertissez les exportations en une seule devise.",
        "حوّل الصادرات إلى عملة واحدة.",
    ),
    "Write the date as YYYY-MM-DD.": ("Écrivez la date sous la forme AAAA-MM-JJ.",
                                      "اكتب التاريخ بالصيغة YYYY-MM-DD."),  # fmt: skip
    "The date {value!r} is not a day between 1900 and 2100.": (
        "La date {value!r} n'est pas un jour entre 1900 et 2100.",
        "التاريخ {value!r} ليس يومًا بين 1900 و2100.",
    ),
    "Unknown sphere {value!r}.": ("Sphère inconnue {value!r}.", "مجال غير معروف {value!r}."),
    "{actor!r} leaves on {date} but is not a member then (leave before join).": (
        "{actor!r} se retire le {date} mais n'est pas membre à cette date (retrait avant "
        "l'adhésion).",
        "{actor!r} يغادر في {date} لكنه ليس عضوًا حينها (مغادرة قبل الانضمام).",
    ),
    "Record its join first, or correct the date.": (
        "Enregistrez d'abord son adhésion, ou corrigez la date.",
        "سجّل انضمامه أولًا، أو صحّح التاريخ.",
    ),
    "{actor!r} joins on {date} but is already a member.": (
        "{actor!r} adhère le {date} mais est déjà membre.",
        "{actor!r} ينضم في {date} لكنه عضو بالفعل.",
    ),
    "Record a leave in between, or delete one join.": (
        "Enregistrez un retrait entre les deux, ou supprimez une adhésion.",
        "سجّل مغادرة بينهما، أو احذف أحد الانضمامين.",
    ),
    "Record the member's join event first, or correct the id.": (
        "Enregistrez d'abord l'adhésion du membre, ou corrigez l'identifiant.",
        "سجّل حدث انضمام العضو أولًا، أو صحّح المعرّف.",
    ),
    "The period {value!r} is not a period.": (
        "La période {value!r} n'est pas une période.",
        "الفترة {value!r} ليست فترة صالحة.",
    ),
    "Write it as 2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31.": (
        "Écrivez-la sous la forme 2024, 2024-H1, 2024-Q1, 2024-03 ou 2024-03-31.",
        "اكتبها بإحدى الصيغ 2024 أو 2024-H1 أو 2024-Q1 أو 2024-03 أو 2024-03-31.",
    ),
    "Unknown member {actor!r}: no join event.": (
        "Membre inconnu {actor!r} : aucun événement d'adhésion.",
        "عضو غير معروف {actor!r}: لا يوجد حدث انضمام.",
    ),
    "{column} must be a number from 0 to {bound:.0e} (jobs: a whole number); got {value!r}.": (
        "{column} doit être un nombre de 0 à {bound:.0e} (emplois : un nombre entier) ; reçu "
        "{value!r}.",
        "يجب أن يكون {column} عددًا من 0 إلى {bound:.0e} (مناصب الشغل: عدد صحيح)؛ القيمة "
        "المستلمة {value!r}.",
    ),
    "Write a number (no unit, no thousands separator); a decrease is the difference of two "
    "periods.": (
        "Écrivez un nombre (sans unité ni séparateur de milliers) ; une baisse est la différence "
        "de deux périodes.",
        "اكتب عددًا (بلا وحدة ولا فاصل للآلاف)؛ والانخفاض هو الفرق بين فترتين.",
    ),
    "Exports without a currency.": ("Exportations sans devise.", "صادرات بلا عملة."),
    "Give the currency code, e.g. DZD or EUR.": (
        "Indiquez le code de la devise, par ex. DZD ou EUR.",
        "أدخل رمز العملة، مثلًا DZD أو EUR.",
    ),
    "The firm is founded on {date}, after the period {period} of its figures (date out of "
    "period).": (
        "L'entreprise est créée le {date}, après la période {period} de ses chiffres (date hors "
        "période).",
        "أُنشئت المؤسسة في {date}، بعد الفترة {period} التي تخص أرقامها (تاريخ خارج الفترة).",
    ),
    "Correct the founding date or the period.": (
        "Corrigez la date de création ou la période.",
        "صحّح تاريخ الإنشاء أو الفترة.",
    ),
    "Unknown activity {value!r}.": ("Activité inconnue {value!r}.", "نشاط غير معروف {value!r}."),
    "participants must be a whole number from 0; got {value!r}.": (
        "participants doit être un nombre entier à partir de 0 ; reçu {value!r}.",
        "يجب أن يكون participants عددًا صحيحًا ابتداءً من 0؛ القيمة المستلمة {value!r}.",
    ),
    "Write the number of people who took part.": (
        "Écrivez le nombre de personnes qui y ont pris part.",
        "اكتب عدد الأشخاص الذين شاركوا.",
    ),
    "A tie needs both ends.": ("Un lien demande ses deux extrémités.", "يتطلب الرابط طرفيه كليهما."),
    "Name both actors by id.": (
        "Nommez les deux acteurs par leur identifiant.",
        "اذكر الفاعلَين كليهما بمعرّفيهما.",
    ),
    "Unknown tie type {value!r}.": ("Type de lien inconnu {value!r}.", "نوع رابط غير معروف {value!r}."),
    "The tie ends on {until}, before it starts on {since}.": (
        "Le lien se termine le {until}, avant son début le {since}.",
        "ينتهي الرابط في {until}، قبل بدايته في {since}.",
    ),
    "Correct one of the two dates.": ("Corrigez l'une des deux dates.", "صحّح أحد التاريخين."),
    "The figures of {actor!r} for {first} and {second} overlap.": (
        "Les chiffres de {actor!r} pour {first} et {second} se chevauchent.",
        "أرقام {actor!r} للفترتين {first} و{second} متداخلة.",
    ),
    "Give one figure per member and period, without overlap.": (
        "Donnez un chiffre par membre et par période, sans chevauchement.",
        "أدخل رقمًا واحدًا لكل عضو ولكل فترة، دون تداخل.",
    ),
}
