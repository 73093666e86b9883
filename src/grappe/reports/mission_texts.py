"""Texts of the mission document's findings, recommendations and new sections (fr/ar/en).

Each finding and recommendation text has ``{placeholders}`` filled by
:meth:`grappe.reports.findings.Finding.text` with values written in the conventions of the
language (:mod:`grappe.formats`).
"""

from __future__ import annotations

from grappe.vocabulary import LABEL_ACTION_NAMES

__all__ = ["FINDING_TEXTS", "MISSION_T", "RECOMMENDATION_TEXTS"]

#: Headings and labels of the mission document's sections.
MISSION_T: dict[str, dict[str, str]] = {
    "executive_summary": {
        "en": "Executive summary",
        "fr": "Résumé pour les décideurs",
        "ar": "ملخص تنفيذي",
    },
    "key_figures": {
        "en": "The cluster in five figures",
        "fr": "La grappe en cinq chiffres",
        "ar": "العنقود في خمسة أرقام",
    },
    "main_strengths": {
        "en": "Main strengths",
        "fr": "Principales forces",
        "ar": "أبرز نقاط القوة",
    },
    "main_weaknesses": {
        "en": "Main weaknesses",
        "fr": "Principales faiblesses",
        "ar": "أبرز نقاط الضعف",
    },
    "priority_recommendations": {
        "en": "Three priority recommendations",
        "fr": "Trois recommandations prioritaires",
        "ar": "ثلاث توصيات ذات أولوية",
    },
    "findings": {
        "en": "Findings from the data",
        "fr": "Constats tirés des données",
        "ar": "استنتاجات مستخلصة من البيانات",
    },
    "recommendations": {"en": "Recommendations", "fr": "Recommandations", "ar": "التوصيات"},
    "because": {"en": "Finding:", "fr": "Constat :", "ar": "الاستنتاج:"},
    "programme_status": {
        "en": "Programme status",
        "fr": "Situation dans le programme",
        "ar": "الوضع في البرنامج",
    },
    "programme": {"en": "Programme", "fr": "Programme", "ar": "البرنامج"},
    "level": {"en": "Level", "fr": "Niveau", "ar": "المستوى"},
    "last_decision": {"en": "Last decision", "fr": "Dernière décision", "ar": "آخر قرار"},
    "decided_on": {"en": "Decided on", "fr": "Décidée le", "ar": "تاريخ القرار"},
    "failures": {
        "en": "Consecutive failed evaluations",
        "fr": "Évaluations échouées consécutives",
        "ar": "التقييمات الفاشلة المتتالية",
    },
    "next_evaluation": {
        "en": "Next evaluation",
        "fr": "Prochaine évaluation",
        "ar": "التقييم القادم",
    },
    "no_programme": {
        "en": "The cluster is not enrolled in a programme.",
        "fr": "La grappe n'est inscrite dans aucun programme.",
        "ar": "العنقود غير مسجل في أي برنامج.",
    },
    "network_figure": {
        "en": "The actors and their ties (colour: sphere; ringed: brokers)",
        "fr": "Les acteurs et leurs liens (couleur : sphère ; cerclés : acteurs passerelles)",
        "ar": "الفاعلون وروابطهم (اللون: المجال؛ المحاطون بدائرة: الوسطاء)",
    },
    "no_finding": {
        "en": "No finding: the data given do not allow one.",
        "fr": "Aucun constat : les données fournies ne le permettent pas.",
        "ar": "لا استنتاج: البيانات المقدمة لا تسمح بذلك.",
    },
    "reasons": {"en": "Reasons", "fr": "Motifs", "ar": "الأسباب"},
    "figure_employment": {"en": "Jobs", "fr": "Emplois", "ar": "مناصب الشغل"},
    "figure_change": {
        "en": "Change in jobs",
        "fr": "Évolution de l'emploi",
        "ar": "تطور مناصب الشغل",
    },
    # The label actions (last decision): the vocabulary's names, which the pages show too.
    **LABEL_ACTION_NAMES,
}

#: Texts of the findings (:data:`grappe.reports.findings.FINDING_RULES`).
FINDING_TEXTS: dict[str, dict[str, str]] = {
    "employment_rose": {
        "en": "Employment rose {growth} over {start}–{end} against {national} nationally "
        "(LQ {lq}).",
        "fr": "L'emploi a augmenté de {growth} sur {start}–{end}, contre {national} au niveau "
        "national (QL {lq}).",
        "ar": "ارتفعت مناصب الشغل بنسبة {growth} خلال {start}–{end} مقابل {national} على "
        "المستوى الوطني (حاصل التوطن {lq}).",
    },
    "employment_fell": {
        "en": "Employment fell {growth} over {start}–{end} against {national} nationally "
        "(LQ {lq}).",
        "fr": "L'emploi a baissé de {growth} sur {start}–{end}, contre {national} au niveau "
        "national (QL {lq}).",
        "ar": "انخفضت مناصب الشغل بنسبة {growth} خلال {start}–{end} مقابل {national} على "
        "المستوى الوطني (حاصل التوطن {lq}).",
    },
    "specialised": {
        "en": "The region is specialised in the cluster: LQ {lq}, {share} of the nation's "
        "jobs in it.",
        "fr": "La région est spécialisée dans cette grappe : QL {lq}, {share} des emplois "
        "nationaux de la grappe.",
        "ar": "المنطقة متخصصة في هذا العنقود: حاصل التوطن {lq}، و{share} من مناصب الشغل "
        "الوطنية فيه.",
    },
    "not_specialised": {
        "en": "The cluster is under-represented in the region: LQ {lq} (below 1).",
        "fr": "La grappe est sous-représentée dans la région : QL {lq} (inférieur à 1).",
        "ar": "العنقود ممثل تمثيلاً ناقصاً في المنطقة: حاصل التوطن {lq} (أقل من 1).",
    },
    "related_decline": {
        "en": "Related clusters decline in the region: {items}.",
        "fr": "Des grappes liées reculent dans la région : {items}.",
        "ar": "عناقيد مرتبطة تتراجع في المنطقة: {items}.",
    },
    "related_opportunity": {
        "en": "{name} is close to the region's activities (relatedness density {density}, "
        "LQ {lq}, nearest specialisation: {closest}).",
        "fr": "{name} est proche des activités de la région (densité de proximité {density}, "
        "QL {lq}, spécialisation la plus proche : {closest}).",
        "ar": "{name} قريب من أنشطة المنطقة (كثافة الترابط {density}، حاصل التوطن {lq}، "
        "أقرب تخصص: {closest}).",
    },
    "complexity_gain": {
        "en": "{name} would add most to the region's capabilities (complexity outlook gain "
        "{cog}, relatedness density {density}).",
        "fr": "{name} apporterait le plus aux capacités de la région (gain de perspective de "
        "complexité {cog}, densité de proximité {density}).",
        "ar": "{name} هو الأكثر إضافة لقدرات المنطقة (مكسب آفاق التعقيد {cog}، كثافة الترابط "
        "{density}).",
    },
    "shadow_zone": {
        "en": "Shadow zone: no tie between {sphere_a} ({names_a}) and {sphere_b} ({names_b}).",
        "fr": "Zone d'ombre : aucun lien entre {sphere_a} ({names_a}) et {sphere_b} ({names_b}).",
        "ar": "منطقة ظل: لا رابط بين {sphere_a} ({names_a}) و{sphere_b} ({names_b}).",
    },
    "weak_zone": {
        "en": "Shadow zone: only weak ties between {sphere_a} ({names_a}) and {sphere_b} "
        "({names_b}), density {density}.",
        "fr": "Zone d'ombre : seulement des liens faibles entre {sphere_a} ({names_a}) et "
        "{sphere_b} ({names_b}), densité {density}.",
        "ar": "منطقة ظل: روابط ضعيفة فقط بين {sphere_a} ({names_a}) و{sphere_b} ({names_b})، "
        "الكثافة {density}.",
    },
    "absent_sphere": {
        "en": "No actor of the sphere {sphere_b} in the network.",
        "fr": "Aucun acteur de la sphère {sphere_b} dans le réseau.",
        "ar": "لا يوجد أي فاعل من مجال {sphere_b} في الشبكة.",
    },
    "brokers": {
        "en": "{n} actors link the spheres of the network: {names}.",
        "fr": "{n} acteurs relient les sphères du réseau : {names}.",
        "ar": "{n} فاعلين يربطون مجالات الشبكة: {names}.",
    },
    "external_dependence": {
        "en": "{share} of the ties involve actors outside the cluster: it depends on outside "
        "actors.",
        "fr": "{share} des liens impliquent des acteurs extérieurs à la grappe : elle dépend "
        "d'acteurs extérieurs.",
        "ar": "{share} من الروابط تشمل فاعلين من خارج العنقود: فهو يعتمد على فاعلين خارجيين.",
    },
    "no_triple_helix": {
        "en": "No enterprise–university–public triad: the triple helix is not closed ({n} triads).",
        "fr": "Aucune triade entreprise–université–public : la triple hélice n'est pas "
        "bouclée ({n} triade).",
        "ar": "لا يوجد أي ثالوث مؤسسة–جامعة–هيئة عمومية: الحلزون الثلاثي غير مكتمل ({n} ثالوث).",
    },
    "kpi_missed": {
        "en": "{kpi}: {value} against a target of {target} ({period}).",
        "fr": "{kpi} : {value} pour une cible de {target} ({period}).",
        "ar": "{kpi}: {value} مقابل هدف قدره {target} ({period}).",
    },
    "label_at_risk": {
        "en": "{failures} consecutive failed evaluation(s) in {programme}: the label is {status}.",
        "fr": "{failures} évaluation(s) échouée(s) consécutive(s) dans {programme} : le label "
        "est {status}.",
        "ar": "{failures} تقييم(ات) فاشلة متتالية في {programme}: وضع العلامة {status}.",
    },
}

#: Texts of the recommendations (:data:`grappe.reports.recommendations.RECOMMENDATION_RULES`).
RECOMMENDATION_TEXTS: dict[str, dict[str, str]] = {
    "joint_day": {
        "en": "Organise a joint training and R&D day between {names_a} and {names_b}.",
        "fr": "Organiser une journée commune de formation et de R&D entre {names_a} et {names_b}.",
        "ar": "تنظيم يوم مشترك للتكوين والبحث والتطوير بين {names_a} و{names_b}.",
    },
    "strengthen_ties": {
        "en": "Turn the weak ties between {names_a} and {names_b} into a joint project "
        "(a working group meeting every quarter).",
        "fr": "Transformer les liens faibles entre {names_a} et {names_b} en projet commun "
        "(un groupe de travail réuni chaque trimestre).",
        "ar": "تحويل الروابط الضعيفة بين {names_a} و{names_b} إلى مشروع مشترك (فريق عمل "
        "يجتمع كل ثلاثة أشهر).",
    },
    "bring_in_sphere": {
        "en": "Bring actors of the sphere {sphere_b} into the cluster (invite them to its "
        "next meeting).",
        "fr": "Faire entrer des acteurs de la sphère {sphere_b} dans la grappe (les inviter "
        "à sa prochaine réunion).",
        "ar": "إدماج فاعلين من مجال {sphere_b} في العنقود (دعوتهم إلى اجتماعه القادم).",
    },
    "attract_investment": {
        "en": "Attract investment: the cluster grows faster than nationally ({growth} against "
        "{national}) but is under-represented (LQ {lq}).",
        "fr": "Attirer l'investissement : la grappe croît plus vite qu'au niveau national "
        "({growth} contre {national}) mais reste sous-représentée (QL {lq}).",
        "ar": "جذب الاستثمار: العنقود ينمو أسرع من المستوى الوطني ({growth} مقابل "
        "{national}) لكنه ممثل تمثيلاً ناقصاً (حاصل التوطن {lq}).",
    },
    "modernise": {
        "en": "Modernise and diversify the specialised cluster (LQ {lq}), whose jobs change "
        "less than nationally ({growth} against {national}).",
        "fr": "Moderniser et diversifier la grappe spécialisée (QL {lq}), dont l'emploi "
        "évolue moins bien qu'au niveau national ({growth} contre {national}).",
        "ar": "تحديث العنقود المتخصص (حاصل التوطن {lq}) وتنويعه، إذ تتطور مناصب الشغل فيه "
        "بأقل من المستوى الوطني ({growth} مقابل {national}).",
    },
    "diversify_into": {
        "en": "Explore {name}, building on the region's {closest} (relatedness density {density}).",
        "fr": "Explorer {name} en s'appuyant sur {closest} de la région (densité de proximité "
        "{density}).",
        "ar": "استكشاف {name} بالاستناد إلى {closest} في المنطقة (كثافة الترابط {density}).",
    },
    "aim_complexity": {
        "en": "Study an entry into {name}: of the related activities, it would raise the "
        "region's complexity most (gain {cog}).",
        "fr": "Étudier une entrée dans {name} : parmi les activités liées, c'est elle qui "
        "accroîtrait le plus la complexité de la région (gain {cog}).",
        "ar": "دراسة الدخول إلى {name}: من بين الأنشطة المرتبطة، هو الذي يرفع تعقيد المنطقة "
        "أكثر من غيره (المكسب {cog}).",
    },
    "secure_links": {
        "en": "Watch the declining related clusters ({items}) and secure other suppliers "
        "and customers.",
        "fr": "Suivre les grappes liées en recul ({items}) et sécuriser d'autres fournisseurs "
        "et clients.",
        "ar": "متابعة العناقيد المرتبطة المتراجعة ({items}) وتأمين موردين وزبائن آخرين.",
    },
    "anchor_locally": {
        "en": "Build partnerships among the cluster's own actors to reduce its dependence on "
        "outside actors ({share} of the ties).",
        "fr": "Nouer des partenariats entre les acteurs de la grappe pour réduire sa "
        "dépendance aux acteurs extérieurs ({share} des liens).",
        "ar": "بناء شراكات بين فاعلي العنقود أنفسهم لتقليص اعتماده على الفاعلين الخارجيين "
        "({share} من الروابط).",
    },
    "broker_role": {
        "en": "Give {names} a formal role in running the cluster (they already link its spheres).",
        "fr": "Confier à {names} un rôle formel d'animation de la grappe (ils relient déjà "
        "ses sphères).",
        "ar": "إسناد دور رسمي في تنشيط العنقود إلى {names} (فهم يربطون مجالاته بالفعل).",
    },
    "triple_helix_forum": {
        "en": "Set up a yearly forum of enterprises, universities and public bodies on one "
        "shared project.",
        "fr": "Créer un forum annuel des entreprises, universités et organismes publics "
        "autour d'un projet commun.",
        "ar": "إنشاء منتدى سنوي للمؤسسات والجامعات والهيئات العمومية حول مشروع مشترك.",
    },
    "kpi_plan": {
        "en": "Review the actions behind {kpi}, below its target ({value} against {target}).",
        "fr": "Revoir les actions qui portent {kpi}, sous sa cible ({value} contre {target}).",
        "ar": "مراجعة الإجراءات المتعلقة بـ{kpi}، دون هدفه ({value} مقابل {target}).",
    },
    "remediation": {
        "en": "Prepare a remediation plan before the next evaluation in {programme}.",
        "fr": "Préparer un plan de redressement avant la prochaine évaluation dans {programme}.",
        "ar": "إعداد خطة تصحيح قبل التقييم القادم في {programme}.",
    },
}

# The "Internationalisation" section's findings and recommendations (issue 19).
from grappe.reports.internationalisation_texts import (  # noqa: E402
    INTL_FINDING_TEXTS,
    INTL_RECOMMENDATION_TEXTS,
)

FINDING_TEXTS |= INTL_FINDING_TEXTS
RECOMMENDATION_TEXTS |= INTL_RECOMMENDATION_TEXTS
