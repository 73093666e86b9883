"""French and Arabic of the records page (/clusters/<id>/records) and the KPI page's "KPIs from
records" section (package memberkpi, issue 18): msgid -> (French, Arabic). Machine-written, like
the rest of the table."""

from __future__ import annotations

T_memberkpi: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    # templates/member_records.html
    "Records of members, figures and activities": (
        "Registres : membres, chiffres et activités",
        "سجلات الأعضاء والأرقام والأنشطة",
    ),
    "The KPIs “from records” of the KPI page are computed from these records: who joined when "
    "and in which activity, the members' jobs and exports, the trainings, and the start dates "
    "of ties.": (
        "Les indicateurs « d'après les registres » de la page des indicateurs sont calculés à "
        "partir de ces registres : qui a adhéré, quand et dans quelle activité, les emplois et "
        "les exportations des membres, les formations et les dates de début des liens.",
        "تُحسب مؤشرات «من السجلات» في صفحة المؤشرات انطلاقًا من هذه السجلات: من انضم ومتى وفي أي "
        "نشاط، ومناصب الشغل والصادرات لدى الأعضاء، والتكوينات، وتواريخ بداية الروابط.",
    ),
    "Member events": ("Événements des membres", "أحداث الأعضاء"),
    "Member": ("Membre", "العضو"),
    "Event": ("Événement", "الحدث"),
    "Activity": ("Activité", "النشاط"),
    "No member event recorded yet.": (
        "Aucun événement de membre enregistré pour l'instant.",
        "لم يُسجَّل أي حدث للأعضاء بعد.",
    ),
    "Activity code": ("Code d'activité", "رمز النشاط"),
    "Optional: a NAF, NACE or ISIC code, e.g. 01.22.": (
        "Facultatif : un code NAF, NACE ou CITI, par ex. 01.22.",
        "اختياري: رمز وفق تصنيف NAF أو NACE أو ISIC، مثلًا 01.22.",
    ),
    "Optional, e.g. date palm growing.": (
        "Facultatif, par ex. culture du palmier dattier.",
        "اختياري، مثلًا زراعة النخيل.",
    ),
    "E.g. agriculture, industry, trade; required for a sector change.": (
        "Par ex. agriculture, industrie, commerce ; obligatoire pour un changement de secteur.",
        "مثلًا الفلاحة أو الصناعة أو التجارة؛ إلزامي عند تغيير القطاع.",
    ),
    "the actor's sphere": ("la sphère de l'acteur", "مجال الفاعل"),
    "Region (wilaya)": ("Région (wilaya)", "المنطقة (الولاية)"),
    "Optional: a region id, e.g. DZ-07 for Biskra.": (
        "Facultatif : l'identifiant d'une région, par ex. DZ-07 pour Biskra.",
        "اختياري: معرّف المنطقة، مثلًا DZ-07 لولاية بسكرة.",
    ),
    "Note": ("Remarque", "ملاحظة"),
    "Record the event": ("Enregistrer l'événement", "تسجيل الحدث"),
    "Member figures": ("Chiffres des membres", "أرقام الأعضاء"),
    "Jobs": ("Emplois", "مناصب الشغل"),
    "Exports": ("Exportations", "الصادرات"),
    "Founded": ("Créée le", "تاريخ الإنشاء"),
    "No member figure recorded yet.": (
        "Aucun chiffre de membre enregistré pour l'instant.",
        "لم يُسجَّل أي رقم للأعضاء بعد.",
    ),
    "A figure of the same member and period replaces the stored one.": (
        "Un chiffre du même membre et de la même période remplace celui qui est enregistré.",
        "الرقم الخاص بالعضو نفسه وبالفترة نفسها يحل محل الرقم المسجَّل.",
    ),
    "With exports, e.g. DZD.": ("Avec les exportations, par ex. DZD.", "مع الصادرات، مثلًا DZD."),
    "Firm founded on": ("Entreprise créée le", "تاريخ إنشاء المؤسسة"),
    "Store the figures": ("Enregistrer les chiffres", "حفظ الأرقام"),
    "Activities of the cluster": ("Activités de la grappe", "أنشطة العنقود"),
    "Kind": ("Type", "النوع"),
    "Title": ("Intitulé", "العنوان"),
    "Participants": ("Nombre de participants", "عدد المشاركين"),
    "Members taking part": ("Membres participants", "الأعضاء المشاركون"),
    "No activity recorded yet.": (
        "Aucune activité enregistrée pour l'instant.",
        "لم يُسجَّل أي نشاط بعد.",
    ),
    "Optional: how many people took part.": (
        "Facultatif : le nombre de personnes qui y ont pris part.",
        "اختياري: عدد الأشخاص الذين شاركوا.",
    ),
    "Record the activity": ("Enregistrer l'activité", "تسجيل النشاط"),
    "Dates of the ties": ("Dates des liens", "تواريخ الروابط"),
    "A partnership counts in the period its first tie starts in; a tie without a start date is "
    "left out of the count.": (
        "Un partenariat compte dans la période où commence son premier lien ; un lien sans date "
        "de début n'est pas compté.",
        "تُحتسب الشراكة في الفترة التي يبدأ فيها أول رابط لها؛ ولا يُحتسب الرابط الذي لا تاريخ "
        "بداية له.",
    ),
    "Tie": ("Lien", "الرابط"),
    "Since": ("Depuis", "منذ"),
    "Until": ("Jusqu'au", "إلى غاية"),
    "Store the dates": ("Enregistrer les dates", "حفظ التواريخ"),
    "No tie recorded yet: record them on the ties page.": (
        "Aucun lien enregistré pour l'instant : enregistrez-les sur la page des liens.",
        "لم يُسجَّل أي رابط بعد: سجّلها في صفحة الروابط.",
    ),
    # templates/partials/kpi_records.html
    "KPIs from records": ("Indicateurs d'après les registres", "المؤشرات من السجلات"),
    "Computed from the member events, member figures, activities and dated ties, never typed: "
    "a value typed above that disagrees is flagged.": (
        "Calculés à partir des événements et des chiffres des membres, des activités et des liens "
        "datés, jamais saisis : une valeur saisie plus haut qui s'en écarte est signalée.",
        "تُحسب من أحداث الأعضاء وأرقامهم ومن الأنشطة والروابط المؤرَّخة، ولا تُدخَل يدويًا: "
        "يُنبَّه إلى كل قيمة مُدخلة أعلاه تخالفها.",
    ),
    "Record members, figures and activities": (
        "Enregistrer membres, chiffres et activités",
        "تسجيل الأعضاء والأرقام والأنشطة",
    ),
    "Compare with": ("Comparer avec", "المقارنة مع"),
    "Optional, e.g. the year before.": (
        "Facultatif, par ex. l'année précédente.",
        "اختياري، مثلًا السنة السابقة.",
    ),
    "Compute": ("Calculer", "احسب"),
    "KPIs of %(period)s from records": (
        "Indicateurs de %(period)s d'après les registres",
        "مؤشرات %(period)s من السجلات",
    ),
    "From records": ("D'après les registres", "من السجلات"),
    "Change": ("Évolution", "التغير"),
    "Typed": ("Saisi", "المُدخَل"),
    "Records counted": ("Enregistrements comptés", "السجلات المحتسبة"),
    "How": ("Mode de calcul", "طريقة الحساب"),
    "differs from the records": ("diffère des registres", "يخالف السجلات"),
    "%(count)s left out": ("%(count)s non comptés", "%(count)s غير محتسبة"),
    # views/member_record_forms.py: the need of each field
    "Choose a member.": ("Choisissez un membre.", "اختر عضوًا."),
    "Choose what happened; a member leaves only after joining, and joins once.": (
        "Choisissez ce qui s'est passé ; un membre ne part qu'après avoir adhéré, et n'adhère "
        "qu'une fois.",
        "اختر ما حدث؛ لا يغادر العضو إلا بعد انضمامه، ولا ينضم إلا مرة واحدة.",
    ),
    "The date: YYYY-MM-DD, between 1900 and 2100.": (
        "La date : AAAA-MM-JJ, entre 1900 et 2100.",
        "التاريخ: YYYY-MM-DD، بين 1900 و2100.",
    ),
    "Choose a sphere, or leave it empty for the actor's.": (
        "Choisissez une sphère, ou laissez vide pour celle de l'acteur.",
        "اختر مجالًا، أو اتركه فارغًا لاعتماد مجال الفاعل.",
    ),
    "A sector change needs the new sector.": (
        "Un changement de secteur demande le nouveau secteur.",
        "يتطلب تغيير القطاع ذكر القطاع الجديد.",
    ),
    "A region id the observatory knows, e.g. DZ-07 for Biskra.": (
        "L'identifiant d'une région que l'observatoire connaît, par ex. DZ-07 pour Biskra.",
        "معرّف منطقة يعرفها المرصد، مثلًا DZ-07 لولاية بسكرة.",
    ),
    "Jobs: a whole number from 0.": (
        "Emplois : un nombre entier à partir de 0.",
        "مناصب الشغل: عدد صحيح ابتداءً من 0.",
    ),
    "Exports: a number from 0, with its currency.": (
        "Exportations : un nombre à partir de 0, avec sa devise.",
        "الصادرات: عدد ابتداءً من 0، مع عملته.",
    ),
    "The currency: three letters, e.g. DZD or EUR.": (
        "La devise : trois lettres, par ex. DZD ou EUR.",
        "العملة: ثلاثة أحرف، مثلًا DZD أو EUR.",
    ),
    "The firm's founding date: YYYY-MM-DD, not after the period.": (
        "La date de création de l'entreprise : AAAA-MM-JJ, pas après la période.",
        "تاريخ إنشاء المؤسسة: YYYY-MM-DD، وليس بعد الفترة.",
    ),
    "Participants: a whole number from 0.": (
        "Participants : un nombre entier à partir de 0.",
        "المشاركون: عدد صحيح ابتداءً من 0.",
    ),
    "Members who took part: members of the cluster only.": (
        "Membres participants : uniquement des membres de la grappe.",
        "الأعضاء المشاركون: أعضاء العنقود فقط.",
    ),
    "When the relation began: YYYY-MM-DD.": (
        "Début de la relation : AAAA-MM-JJ.",
        "تاريخ بداية العلاقة: YYYY-MM-DD.",
    ),
    "When it ended: YYYY-MM-DD, not before it began.": (
        "Fin de la relation : AAAA-MM-JJ, pas avant son début.",
        "تاريخ نهايتها: YYYY-MM-DD، وليس قبل بدايتها.",
    ),
    # kinds of events and activities
    "joins": ("adhère", "ينضم"),
    "leaves": ("se retire", "يغادر"),
    "changes sector": ("change de secteur", "يغيّر القطاع"),
    "training": ("formation", "تكوين"),
    "mission": ("mission", "بعثة"),
    "event": ("événement", "تظاهرة"),
    # breakdowns and rules of the "from records" section
    "New members by activity": ("Nouveaux membres par activité", "الأعضاء الجدد حسب النشاط"),
    "New members by sector": ("Nouveaux membres par secteur", "الأعضاء الجدد حسب القطاع"),
    "New members by sphere": ("Nouveaux membres par sphère", "الأعضاء الجدد حسب المجال"),
    "New members by region": ("Nouveaux membres par région", "الأعضاء الجدد حسب المنطقة"),
    "New partnerships by pair of sectors": (
        "Nouveaux partenariats par paire de secteurs",
        "الشراكات الجديدة حسب زوج القطاعات",
    ),
    "New partnerships by pair of spheres": (
        "Nouveaux partenariats par paire de sphères",
        "الشراكات الجديدة حسب زوج المجالات",
    ),
    "Activities by kind": ("Activités par type", "الأنشطة حسب النوع"),
    "members at the end of the period (last join or leave event is a join)": (
        "membres à la fin de la période (le dernier événement d'adhésion ou de retrait est une "
        "adhésion)",
        "الأعضاء في نهاية الفترة (آخر حدث انضمام أو مغادرة هو انضمام)",
    ),
    "actors who joined during the period": (
        "acteurs ayant adhéré pendant la période",
        "الفاعلون الذين انضموا خلال الفترة",
    ),
    "jobs of the members at the end of the period, latest figure of each": (
        "emplois des membres à la fin de la période, dernier chiffre de chacun",
        "مناصب الشغل لدى الأعضاء في نهاية الفترة، وفق آخر رقم لكل عضو",
    ),
    "exports of the members, summed over their figures of the period": (
        "exportations des membres, somme de leurs chiffres de la période",
        "صادرات الأعضاء، مجموع أرقامهم خلال الفترة",
    ),
    "members whose firm was founded during the period": (
        "membres dont l'entreprise a été créée pendant la période",
        "الأعضاء الذين أُنشئت مؤسساتهم خلال الفترة",
    ),
    "pairs of actors whose first tie starts in the period": (
        "paires d'acteurs dont le premier lien commence dans la période",
        "أزواج الفاعلين التي يبدأ أول رابط بينها خلال الفترة",
    ),
    "trainings dated in the period": (
        "formations datées de la période",
        "التكوينات المؤرَّخة ضمن الفترة",
    ),
}
