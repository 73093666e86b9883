"""Texts of the cluster diagnostic report in French, Arabic and English."""

from __future__ import annotations

from typing import Any

from grappe.reports.internationalisation_texts import INTL_T
from grappe.reports.mission_texts import MISSION_T
from grappe.reports.programme_texts import PROGRAMMES_T
from grappe.vocabulary import LANGUAGES

__all__ = ["LANGS", "NAMES", "RULES", "T", "label"]

#: The report's languages (:data:`grappe.vocabulary.LANGUAGES`).
LANGS: tuple[str, ...] = LANGUAGES

T: dict[str, dict[str, str]] = {
    "title": {
        "en": "Cluster diagnostic report",
        "fr": "Rapport de diagnostic de la grappe",
        "ar": "تقرير تشخيص العنقود",
    },
    "summary": {"en": "Summary", "fr": "Synthèse", "ar": "الخلاصة"},
    "indicators": {
        "en": "Map indicators",
        "fr": "Indicateurs de cartographie",
        "ar": "مؤشرات الخريطة",
    },
    "lifecycle": {
        "en": "Life-cycle stage",
        "fr": "Stade du cycle de vie",
        "ar": "مرحلة دورة الحياة",
    },
    "network": {
        "en": "Actor network diagnosis",
        "fr": "Diagnostic du réseau d'acteurs",
        "ar": "تشخيص شبكة الفاعلين",
    },
    "diamond": {"en": "Porter's diamond", "fr": "Diamant de Porter", "ar": "ماسة بورتر"},
    "success": {
        "en": "Success factors and classification",
        "fr": "Facteurs de succès et classement",
        "ar": "عوامل النجاح والتصنيف",
    },
    "swot": {
        "en": "SWOT",
        "fr": "AFOM (forces, faiblesses, opportunités, menaces)",
        "ar": "تحليل نقاط القوة والضعف والفرص والتهديدات",
    },
    "roadmap": {"en": "Roadmap", "fr": "Feuille de route", "ar": "خارطة الطريق"},
    "kpis": {
        "en": "Key performance indicators",
        "fr": "Indicateurs de performance",
        "ar": "مؤشرات الأداء",
    },
    "method": {"en": "Sources and method", "fr": "Sources et méthode", "ar": "المصادر والمنهجية"},
    "region": {"en": "Region", "fr": "Région", "ar": "المنطقة"},
    "cluster": {"en": "Cluster", "fr": "Grappe", "ar": "العنقود"},
    "year": {"en": "Year", "fr": "Année", "ar": "السنة"},
    "date": {"en": "Date of the report", "fr": "Date du rapport", "ar": "تاريخ التقرير"},
    "indicator": {"en": "Indicator", "fr": "Indicateur", "ar": "المؤشر"},
    "value": {"en": "Value", "fr": "Valeur", "ar": "القيمة"},
    "score": {"en": "Score (1–5)", "fr": "Note (1–5)", "ar": "التقييم (1–5)"},
    "evidence": {"en": "Evidence", "fr": "Éléments de preuve", "ar": "الأدلة"},
    "rule": {"en": "Rule", "fr": "Règle", "ar": "القاعدة"},
    "dimension": {"en": "Dimension", "fr": "Dimension", "ar": "البعد"},
    "stage": {"en": "Stage", "fr": "Stade", "ar": "المرحلة"},
    "class": {"en": "Classification", "fr": "Classement", "ar": "التصنيف"},
    "strengths": {"en": "Strengths", "fr": "Forces", "ar": "نقاط القوة"},
    "weaknesses": {"en": "Weaknesses", "fr": "Faiblesses", "ar": "نقاط الضعف"},
    "opportunities": {"en": "Opportunities", "fr": "Opportunités", "ar": "الفرص"},
    "threats": {"en": "Threats", "fr": "Menaces", "ar": "التهديدات"},
    "phase": {"en": "Phase", "fr": "Phase", "ar": "المرحلة"},
    "deliverables": {"en": "Deliverables", "fr": "Livrables", "ar": "المخرجات"},
    "action": {"en": "Action", "fr": "Action", "ar": "الإجراء"},
    "owner": {"en": "Owner", "fr": "Responsable", "ar": "المسؤول"},
    "budget": {"en": "Budget", "fr": "Budget", "ar": "الميزانية"},
    "status": {"en": "Status", "fr": "État", "ar": "الحالة"},
    "dates": {"en": "Dates", "fr": "Dates", "ar": "التواريخ"},
    "mode": {"en": "Construction mode", "fr": "Mode de construction", "ar": "نمط البناء"},
    "target": {"en": "Target", "fr": "Cible", "ar": "الهدف"},
    "met": {"en": "Met", "fr": "Atteint", "ar": "محقق"},
    "previous": {"en": "Previous", "fr": "Précédent", "ar": "السابق"},
    "period": {"en": "Period", "fr": "Période", "ar": "الفترة"},
    "none": {"en": "Not available", "fr": "Non disponible", "ar": "غير متوفر"},
    "unknown": {
        "en": "unknown (no evidence)",
        "fr": "inconnue (pas d'élément)",
        "ar": "غير معروف (لا توجد أدلة)",
    },
    "yes": {"en": "yes", "fr": "oui", "ar": "نعم"},
    "no": {"en": "no", "fr": "non", "ar": "لا"},
    "chart_employment": {
        "en": "Employment in the cluster (region) and national index",
        "fr": "Emploi de la grappe (région) et indice national",
        "ar": "التشغيل في العنقود (المنطقة) والمؤشر الوطني",
    },
    "national_index": {
        "en": "national index",
        "fr": "indice national",
        "ar": "المؤشر الوطني",
    },
    "target_axis": {
        "en": "% of target",
        "fr": "% de la cible",
        "ar": "% من الهدف",
    },
    "chart_diamond": {
        "en": "Diamond scores (1–5)",
        "fr": "Notes du diamant (1–5)",
        "ar": "تقييمات الماسة (1–5)",
    },
    "chart_kpis": {
        "en": "KPI values against targets",
        "fr": "Valeurs des indicateurs et cibles",
        "ar": "قيم المؤشرات مقارنة بالأهداف",
    },
    "no_statistics": {
        "en": "This cluster has no mapped statistics (no indicators of its sector in its "
        "region): the report rests on what its actors stored in the workspace.",
        "fr": "Cette grappe n'a pas de statistiques cartographiées (pas d'indicateurs de son "
        "secteur dans sa région) : le rapport repose sur ce que ses acteurs ont enregistré "
        "dans l'espace de travail.",
        "ar": "لا توجد لهذا العنقود إحصاءات مرسومة على الخريطة (لا مؤشرات لقطاعه في منطقته): "
        "يستند التقرير إلى ما سجله فاعلوه في فضاء العمل.",
    },
    "part_missing": {
        "en": "Not assessed yet: no statistics and no stored assessment of this part.",
        "fr": "Pas encore évalué : ni statistiques ni évaluation enregistrée de cette partie.",
        "ar": "لم يُقيَّم بعد: لا إحصاءات ولا تقييم مسجل لهذا الجزء.",
    },
    "not_assessed": {"en": "not assessed", "fr": "non évalué", "ar": "غير مقيَّم"},
    "swot_stored": {
        "en": "The SWOT as stored and edited by the cluster's actors in the workspace.",
        "fr": "L'AFOM telle qu'enregistrée et amendée par les acteurs de la grappe dans "
        "l'espace de travail.",
        "ar": "تحليل نقاط القوة والضعف كما سجله وعدّله فاعلو العنقود في فضاء العمل.",
    },
    "swot_draft": {
        "en": "A draft SWOT from the scores, the life cycle and the network diagnosis.",
        "fr": "Un projet d'AFOM établi à partir des notes, du cycle de vie et du diagnostic "
        "du réseau.",
        "ar": "مسودة تحليل نقاط القوة والضعف مستخرجة من التقييمات ودورة الحياة وتشخيص الشبكة.",
    },
    "challenges": {
        "en": "Priority challenges",
        "fr": "Défis prioritaires",
        "ar": "التحديات ذات الأولوية",
    },
    "latest_evaluation": {
        "en": "Latest evaluation and label status",
        "fr": "Dernière évaluation et statut du label",
        "ar": "آخر تقييم ووضع العلامة",
    },
    "kind": {"en": "Kind", "fr": "Type", "ar": "النوع"},
    "met_share": {
        "en": "KPI targets met",
        "fr": "Cibles des indicateurs atteintes",
        "ar": "أهداف المؤشرات المحققة",
    },
    "label": {"en": "Label", "fr": "Label", "ar": "العلامة"},
    "label_status": {"en": "Label status", "fr": "Statut du label", "ar": "وضع العلامة"},
    "evaluator": {"en": "Evaluator", "fr": "Évaluateur", "ar": "المقيِّم"},
    "method_text": {
        "en": "Indicators are computed by grappe from the regional statistics named below "
        "with the cluster definitions shown; every score is the mean of its evidence "
        "points on 1–5 (see docs/assess.md). The SWOT is a draft from the indicators "
        "and the network diagnosis, to be edited by the cluster's actors.",
        "fr": "Les indicateurs sont calculés par grappe à partir des statistiques régionales "
        "citées ci-dessous et des définitions de grappes indiquées ; chaque note est la "
        "moyenne de ses éléments de preuve sur 1–5 (voir docs/assess.md). L'AFOM est un "
        "projet établi à partir des indicateurs et du diagnostic du réseau, à amender "
        "par les acteurs de la grappe.",
        "ar": "تحسب grappe المؤشرات انطلاقاً من الإحصاءات الجهوية المذكورة أدناه وتعريفات "
        "العناقيد المبينة؛ كل تقييم هو متوسط نقاط أدلته على سلم من 1 إلى 5 (انظر "
        "docs/assess.md). تحليل نقاط القوة والضعف مسودة مستخرجة من المؤشرات وتشخيص "
        "الشبكة، يعدّلها فاعلو العنقود.",
    },
}

# The mission document's sections (executive summary, findings, recommendations, programme).
T |= MISSION_T
T |= INTL_T  # the "Internationalisation" section (grappe.reports.internationalisation)
T |= PROGRAMMES_T  # every programme of the cluster (grappe.reports.programme)

#: Rules of the life cycle and the classification, filled with their thresholds.
RULES: dict[str, dict[str, str]] = {
    "decline": {
        "en": "jobs fell, faster than nationally (by more than {band}), in each of the last "
        "{decline_periods} periods",
        "fr": "l'emploi a baissé, plus vite qu'au niveau national (de plus de {band}), à "
        "chacune des {decline_periods} dernières périodes",
        "ar": "انخفض التشغيل، أسرع من المستوى الوطني (بأكثر من {band})، في كل فترة من "
        "الفترات الـ{decline_periods} الأخيرة",
    },
    "emergence": {
        "en": "location quotient below {emerging_lq} and annual growth of at least {fast_growth}",
        "fr": "quotient de localisation inférieur à {emerging_lq} et croissance annuelle d'au "
        "moins {fast_growth}",
        "ar": "معامل التوطن أقل من {emerging_lq} ونمو سنوي لا يقل عن {fast_growth}",
    },
    "growth": {
        "en": "annual growth above the national rate by more than {band}, national share rising",
        "fr": "croissance annuelle supérieure au taux national de plus de {band}, part "
        "nationale en hausse",
        "ar": "نمو سنوي يفوق المعدل الوطني بأكثر من {band}، مع ارتفاع الحصة الوطنية",
    },
    "maturity": {
        "en": "location quotient of at least {mature_lq} and annual growth within ±{band} of "
        "the national rate",
        "fr": "quotient de localisation d'au moins {mature_lq} et croissance annuelle à ±{band} "
        "du taux national",
        "ar": "معامل توطن لا يقل عن {mature_lq} ونمو سنوي في حدود ±{band} من المعدل الوطني",
    },
    "undetermined": {
        "en": "no rule of the life-cycle test holds (see the method)",
        "fr": "aucune règle du test de cycle de vie ne s'applique (voir la méthode)",
        "ar": "لا تنطبق أي قاعدة من قواعد اختبار دورة الحياة (انظر المنهجية)",
    },
    "classification": {
        "en": "national if the mean score is at least {national} and every factor at least "
        "{floor}; regional if at least {regional}; potential if at least {potential}; "
        "at least {min_known} factors with evidence. Mean score: {overall}",
        "fr": "nationale si la note moyenne est d'au moins {national} et chaque facteur d'au "
        "moins {floor} ; régionale si au moins {regional} ; potentielle si au moins "
        "{potential} ; au moins {min_known} facteurs documentés. Note moyenne : "
        "{overall}",
        "ar": "وطني إذا كان متوسط التقييم {national} على الأقل وكل عامل {floor} على الأقل؛ "
        "جهوي إذا كان {regional} على الأقل؛ محتمل إذا كان {potential} على الأقل؛ مع "
        "توفر أدلة لـ{min_known} عوامل على الأقل. متوسط التقييم: {overall}",
    },
}

#: Display names of scorecard dimensions, indicators, stages, classes and phases.
NAMES: dict[str, dict[str, str]] = {
    "factor_conditions": {
        "en": "Factor conditions",
        "fr": "Conditions des facteurs",
        "ar": "ظروف عوامل الإنتاج",
    },
    "demand_conditions": {
        "en": "Demand conditions",
        "fr": "Conditions de la demande",
        "ar": "ظروف الطلب",
    },
    "related_supporting": {
        "en": "Related and supporting industries",
        "fr": "Industries connexes et d'appui",
        "ar": "الصناعات المرتبطة والداعمة",
    },
    "strategy_rivalry": {
        "en": "Firm strategy, structure and rivalry",
        "fr": "Stratégie, structure et rivalité des entreprises",
        "ar": "استراتيجية المؤسسات وهيكلها والتنافس",
    },
    "government": {"en": "Government", "fr": "Rôle de l'État", "ar": "دور الدولة"},
    "chance": {"en": "Chance", "fr": "Hasard", "ar": "الصدفة"},
    "actors": {"en": "Actors", "fr": "Acteurs", "ar": "الفاعلون"},
    "concentration": {"en": "Concentration", "fr": "Concentration", "ar": "التركز"},
    "specialisation": {"en": "Specialisation", "fr": "Spécialisation", "ar": "التخصص"},
    "innovation": {"en": "Innovation", "fr": "Innovation", "ar": "الابتكار"},
    "relations": {"en": "Relations", "fr": "Relations", "ar": "العلاقات"},
    "critical_mass": {"en": "Critical mass", "fr": "Masse critique", "ar": "الكتلة الحرجة"},
    "development_stage": {
        "en": "Development stage",
        "fr": "Stade de développement",
        "ar": "مرحلة التطور",
    },
    "structure": {"en": "Structure", "fr": "Structure", "ar": "الهيكل"},
    "competences": {"en": "Competences", "fr": "Compétences", "ar": "الكفاءات"},
    "performance": {"en": "Performance", "fr": "Performance", "ar": "الأداء"},
    "cohesion": {"en": "Cohesion", "fr": "Cohésion", "ar": "التماسك"},
    "employment": {"en": "Jobs", "fr": "Emplois", "ar": "مناصب الشغل"},
    "establishments": {"en": "Establishments", "fr": "Établissements", "ar": "المؤسسات"},
    "lq": {"en": "Location quotient", "fr": "Quotient de localisation", "ar": "معامل التوطن"},
    "national_share": {
        "en": "Share of national cluster jobs",
        "fr": "Part de l'emploi national de la grappe",
        "ar": "الحصة من التشغيل الوطني للعنقود",
    },
    "wage_ratio": {
        "en": "Average wage / national",
        "fr": "Salaire moyen / national",
        "ar": "متوسط الأجر / الوطني",
    },
    "firm_count_ratio": {
        "en": "Establishments per job / national",
        "fr": "Établissements par emploi / national",
        "ar": "المؤسسات لكل منصب شغل / الوطني",
    },
    "cagr": {
        "en": "Jobs, annual growth",
        "fr": "Emploi, croissance annuelle",
        "ar": "التشغيل، النمو السنوي",
    },
    "national_cagr": {
        "en": "National jobs, annual growth",
        "fr": "Emploi national, croissance annuelle",
        "ar": "التشغيل الوطني، النمو السنوي",
    },
    "growth_gap": {
        "en": "Growth gap with national",
        "fr": "Écart de croissance au national",
        "ar": "فارق النمو عن المستوى الوطني",
    },
    "share_change": {
        "en": "Change of national share",
        "fr": "Évolution de la part nationale",
        "ar": "تطور الحصة الوطنية",
    },
    "related_lq_mean": {
        "en": "Mean LQ of related clusters",
        "fr": "QL moyen des grappes connexes",
        "ar": "متوسط معامل التوطن للعناقيد المرتبطة",
    },
    "related_strong_share": {
        "en": "Share of related clusters that are strong",
        "fr": "Part des grappes connexes fortes",
        "ar": "نسبة العناقيد المرتبطة القوية",
    },
    "density": {"en": "Density", "fr": "Densité", "ar": "الكثافة"},
    "reciprocity": {"en": "Reciprocity", "fr": "Réciprocité", "ar": "التبادلية"},
    "external_share": {
        "en": "Share of external ties",
        "fr": "Part des liens externes",
        "ar": "نسبة الروابط الخارجية",
    },
    "n_actors": {"en": "Actors", "fr": "Acteurs", "ar": "الفاعلون"},
    "n_ties": {"en": "Ties", "fr": "Liens", "ar": "الروابط"},
    "n_brokers": {"en": "Brokers", "fr": "Intermédiaires", "ar": "الوسطاء"},
    "n_shadow": {"en": "Shadow zones", "fr": "Zones d'ombre", "ar": "مناطق الظل"},
    "n_components": {"en": "Components", "fr": "Composantes", "ar": "المكونات"},
    "n_isolates": {"en": "Isolated actors", "fr": "Acteurs isolés", "ar": "فاعلون معزولون"},
    "emergence": {"en": "emergence", "fr": "émergence", "ar": "النشوء"},
    "growth": {"en": "growth", "fr": "croissance", "ar": "النمو"},
    "maturity": {"en": "maturity", "fr": "maturité", "ar": "النضج"},
    "decline": {"en": "decline", "fr": "déclin", "ar": "التراجع"},
    "undetermined": {"en": "undetermined", "fr": "indéterminé", "ar": "غير محدد"},
    "national": {"en": "national cluster", "fr": "grappe nationale", "ar": "عنقود وطني"},
    "regional": {"en": "regional cluster", "fr": "grappe régionale", "ar": "عنقود جهوي"},
    "potential": {"en": "potential cluster", "fr": "grappe potentielle", "ar": "عنقود محتمل"},
    "bottom_up": {"en": "bottom-up", "fr": "ascendant", "ar": "تصاعدي (من القاعدة)"},
    "top_down": {"en": "top-down", "fr": "descendant", "ar": "تنازلي (من القمة)"},
    "planned": {"en": "planned", "fr": "prévue", "ar": "مبرمج"},
    "ongoing": {"en": "ongoing", "fr": "en cours", "ar": "قيد الإنجاز"},
    "done": {"en": "done", "fr": "réalisée", "ar": "منجز"},
    "delayed": {"en": "delayed", "fr": "en retard", "ar": "متأخر"},
    "cancelled": {"en": "cancelled", "fr": "annulée", "ar": "ملغى"},
    "members": {"en": "Members", "fr": "Membres", "ar": "الأعضاء"},
    "new_members": {"en": "New members", "fr": "Nouveaux membres", "ar": "أعضاء جدد"},
    "jobs": {"en": "Jobs", "fr": "Emplois", "ar": "مناصب الشغل"},
    "exports": {"en": "Exports", "fr": "Exportations", "ar": "الصادرات"},
    "firms_created": {"en": "Firms created", "fr": "Entreprises créées", "ar": "المؤسسات المنشأة"},
    "partnerships": {"en": "Partnerships", "fr": "Partenariats", "ar": "الشراكات"},
    "trainings": {"en": "Trainings", "fr": "Formations", "ar": "الدورات التكوينية"},
    "evaluation": {"en": "evaluation", "fr": "évaluation", "ar": "تقييم"},
    "applied": {"en": "applied for", "fr": "candidature déposée", "ar": "طلب مقدَّم"},
    "awarded": {"en": "awarded", "fr": "attribué", "ar": "ممنوحة"},
    "renewed": {"en": "renewed", "fr": "renouvelé", "ar": "مجدَّدة"},
    "refused": {"en": "refused", "fr": "refusé", "ar": "مرفوضة"},
    "suspended": {"en": "suspended", "fr": "suspendu", "ar": "معلَّقة"},
    "withdrawn": {"en": "withdrawn", "fr": "retiré", "ar": "مسحوبة"},
    "expired": {"en": "expired", "fr": "expiré", "ar": "منتهية الصلاحية"},
}


def label(key: Any, lang: str) -> str:
    """Display name of ``key`` in ``lang`` (the key itself when unknown)."""
    entry = NAMES.get(str(key)) or T.get(str(key))
    return entry[lang] if entry else str(key)
