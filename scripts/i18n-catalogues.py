"""Regenerate the French and Arabic catalogues of the observatory's pages.

Extracts the messages (pybabel, src/grappe/web/babel.cfg) into messages.pot, then writes
locale/{fr,ar}/LC_MESSAGES/messages.po from the translations below, keeping the translations
the catalogues already hold for messages not in the table (the table wins where it has one). A
message translated nowhere is written empty, and tests/web/test_web_i18n.py fails until it is
translated.

Run: .venv/bin/python scripts/i18n-catalogues.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "src" / "grappe" / "web"

T: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    "Cluster observatory": ("Observatoire des grappes", "مرصد العناقيد الصناعية"),
    "Skip to content": ("Aller au contenu", "انتقل إلى المحتوى"),
    "Main menu": ("Menu principal", "القائمة الرئيسية"),
    "Home": ("Accueil", "الرئيسية"),
    "Compare": ("Comparer", "مقارنة"),
    "API": ("API", "واجهة البرمجة"),
    "Statistics: US Census Bureau County Business Patterns (public domain); Algerian wilayas: "
    "TransformaTek (CC BY 4.0); boundaries: US Census Bureau via us-atlas.": (
        "Statistiques : US Census Bureau, County Business Patterns (domaine public) ; wilayas "
        "algériennes : TransformaTek (CC BY 4.0) ; limites : US Census Bureau via us-atlas.",
        "الإحصاءات: مكتب التعداد الأمريكي، County Business Patterns (ملك عام)؛ الولايات "
        "الجزائرية: TransformaTek (CC BY 4.0)؛ الحدود: مكتب التعداد الأمريكي عبر us-atlas.",
    ),
    "Sector": ("Secteur", "القطاع"),
    "Regions": ("Régions", "المناطق"),
    "Life-cycle stage": ("Phase du cycle de vie", "مرحلة دورة الحياة"),
    "Label": ("Label", "العلامة"),
    "none": ("aucun", "لا يوجد"),
    "Contact": ("Contact", "الاتصال"),
    "Website": ("Site web", "الموقع الإلكتروني"),
    "Compare with another cluster": ("Comparer avec une autre grappe", "قارن مع عنقود آخر"),
    "Map locating the cluster's regions": (
        "Carte situant les régions de la grappe",
        "خريطة تحدد مناطق العنقود",
    ),
    "Where the cluster is": ("Où se trouve la grappe", "موقع العنقود"),
    "Indicators": ("Indicateurs", "المؤشرات"),
    "Cluster indicators, %(year)s": ("Indicateurs de la grappe, %(year)s", "مؤشرات العنقود، %(year)s"),
    "Region": ("Région", "المنطقة"),
    "Employment": ("Emploi", "التشغيل"),
    "Establishments": ("Établissements", "المؤسسات"),
    "Average wage ($)": ("Salaire moyen ($)", "متوسط الأجر ($)"),
    "Location quotient": ("Quotient de localisation", "حاصل التوطن"),
    "National share": ("Part nationale", "الحصة الوطنية"),
    "Stars": ("Étoiles", "النجوم"),
    "Employment over time": ("Évolution de l'emploi", "تطور التشغيل"),
    "No statistics imported for this cluster yet.": (
        "Aucune statistique importée pour cette grappe.",
        "لم تستورد أي إحصاءات لهذا العنقود بعد.",
    ),
    "Members by sphere": ("Membres par sphère", "الأعضاء حسب المجال"),
    "No member registered yet.": ("Aucun membre enregistré.", "لا يوجد أعضاء مسجلون بعد."),
    "Key performance indicators": ("Indicateurs clés de performance", "مؤشرات الأداء الرئيسية"),
    "KPI values by year": ("Valeurs des indicateurs par année", "قيم المؤشرات حسب السنة"),
    "No KPI recorded yet.": ("Aucun indicateur enregistré.", "لم يسجل أي مؤشر بعد."),
    "Label and evaluations": ("Label et évaluations", "العلامة والتقييمات"),
    "No evaluation recorded yet.": ("Aucune évaluation enregistrée.", "لم يسجل أي تقييم بعد."),
    "Compare two clusters or two regions": (
        "Comparer deux grappes ou deux régions",
        "قارن بين عنقودين أو منطقتين",
    ),
    "First cluster or region (id)": (
        "Première grappe ou région (identifiant)",
        "العنقود أو المنطقة الأولى (المعرف)",
    ),
    "Second cluster or region (id)": (
        "Seconde grappe ou région (identifiant)",
        "العنقود أو المنطقة الثانية (المعرف)",
    ),
    "Indicator": ("Indicateur", "المؤشر"),
    "Back to the home page": ("Retour à l'accueil", "العودة إلى الصفحة الرئيسية"),
    "Industrial clusters mapped from regional statistics: profiles, indicators and their trend, "
    "actor networks and regions' strong clusters.": (
        "Les grappes industrielles cartographiées à partir des statistiques régionales : fiches, "
        "indicateurs et leur évolution, réseaux d'acteurs et grappes fortes des régions.",
        "العناقيد الصناعية مرسومة انطلاقا من الإحصاءات الجهوية: بطاقات تعريف، مؤشرات وتطورها، "
        "شبكات الفاعلين والعناقيد القوية في كل منطقة.",
    ),
    "Search clusters": ("Rechercher une grappe", "ابحث عن عنقود"),
    "Search": ("Rechercher", "بحث"),
    "Map of regions coloured by their number of strong clusters": (
        "Carte des régions colorées selon leur nombre de grappes fortes",
        "خريطة المناطق ملونة حسب عدد عناقيدها القوية",
    ),
    "Strong clusters per region, %(year)s. Select a region to open its page.": (
        "Grappes fortes par région, %(year)s. Choisissez une région pour ouvrir sa page.",
        "العناقيد القوية حسب المنطقة، %(year)s. اختر منطقة لفتح صفحتها.",
    ),
    "Clusters matching “%(q)s”": ("Grappes correspondant à « %(q)s »", "العناقيد المطابقة لـ «%(q)s»"),
    "Clusters": ("Grappes", "العناقيد"),
    "Showing %(n)s of %(m)s; refine the search.": (
        "%(n)s sur %(m)s affichées ; affinez la recherche.",
        "عرض %(n)s من %(m)s؛ دقق البحث.",
    ),
    "No cluster found.": ("Aucune grappe trouvée.", "لم يعثر على أي عنقود."),
    "Map locating the region": ("Carte situant la région", "خريطة تحدد موقع المنطقة"),
    "Location of the region": ("Situation de la région", "موقع المنطقة"),
    "No statistics imported for this region yet.": (
        "Aucune statistique importée pour cette région.",
        "لم تستورد أي إحصاءات لهذه المنطقة بعد.",
    ),
    "Strong clusters, %(year)s": ("Grappes fortes, %(year)s", "العناقيد القوية، %(year)s"),
    "Clusters in the top quarter of regions by specialisation (US Cluster Mapping convention)": (
        "Grappes du quart supérieur des régions par spécialisation (convention US Cluster Mapping)",
        "العناقيد ضمن الربع الأعلى من المناطق من حيث التخصص (اصطلاح US Cluster Mapping)",
    ),
    "Cluster": ("Grappe", "العنقود"),
    "No strong cluster.": ("Aucune grappe forte.", "لا يوجد عنقود قوي."),
    "Specialisation": ("Spécialisation", "التخصص"),
    "Highest location quotients, %(year)s": (
        "Quotients de localisation les plus élevés, %(year)s",
        "أعلى حواصل التوطن، %(year)s",
    ),
    "Growth": ("Croissance", "النمو"),
    "Largest job changes, %(start)s–%(end)s": (
        "Plus fortes variations de l'emploi, %(start)s–%(end)s",
        "أكبر تغيرات التشغيل، %(start)s–%(end)s",
    ),
    "Job change": ("Variation de l'emploi", "تغير التشغيل"),
    "Annual growth": ("Croissance annuelle", "النمو السنوي"),
    "Employment of the strong clusters over time": (
        "Évolution de l'emploi des grappes fortes",
        "تطور التشغيل في العناقيد القوية",
    ),
    "One year of data only: no growth to show.": (
        "Une seule année de données : pas de croissance à montrer.",
        "سنة واحدة من البيانات فقط: لا نمو لعرضه.",
    ),
    "Compare with another region": ("Comparer avec une autre région", "قارن مع منطقة أخرى"),
    "Data table": ("Tableau des données", "جدول البيانات"),
    "Series": ("Série", "السلسلة"),
    "Language": ("Langue", "اللغة"),
    "Algerian wilayas are drawn as circles at the median position of the support-ecosystem "
    "actors geolocated in them (TransformaTek): no boundary file is bundled.": (
        "Les wilayas algériennes sont représentées par des cercles à la position médiane des "
        "acteurs d'appui géolocalisés qui s'y trouvent (TransformaTek) : aucun fichier de limites "
        "n'est fourni.",
        "تمثل الولايات الجزائرية بدوائر في الموقع الوسيط لفاعلي منظومة الدعم المحددة مواقعهم "
        "فيها (TransformaTek): لا يتوفر ملف للحدود.",
    ),
    "Actor network": ("Réseau d'acteurs", "شبكة الفاعلين"),
    "%(n)s actors and %(m)s ties; colours show the sphere.": (
        "%(n)s acteurs et %(m)s liens ; les couleurs indiquent la sphère.",
        "%(n)s فاعلين و%(m)s روابط؛ تشير الألوان إلى المجال.",
    ),
    "Emergence": ("Émergence", "النشوء"),
    "Sustainment": ("Maturité", "الاستدامة"),
    "Decline": ("Déclin", "التراجع"),
    "Renewal": ("Renouvellement", "التجدد"),
    "Page not found": ("Page introuvable", "الصفحة غير موجودة"),
    "There is no published page at this address.": (
        "Aucune page publiée à cette adresse.",
        "لا توجد صفحة منشورة في هذا العنوان.",
    ),
    "Highest location quotient": ("Quotient de localisation le plus élevé", "أعلى حاصل توطن"),
    "Strong in regions": ("Régions où elle est forte", "عدد المناطق التي يكون فيها قويا"),
    "Two clusters, latest year": ("Deux grappes, dernière année", "عنقودان، آخر سنة"),
    "Strong clusters": ("Grappes fortes", "العناقيد القوية"),
    "Two regions, latest year": ("Deux régions, dernière année", "منطقتان، آخر سنة"),
    "Give the ids of two published clusters or of two regions.": (
        "Indiquez les identifiants de deux grappes publiées ou de deux régions.",
        "أدخل معرفي عنقودين منشورين أو منطقتين.",
    ),
    "State": ("État", "ولاية (أمريكية)"),
    "Wilaya": ("Wilaya", "ولاية"),
    "County": ("Comté", "مقاطعة"),
    "Enterprises": ("Entreprises", "المؤسسات الاقتصادية"),
    "Universities and research": ("Universités et recherche", "الجامعات والبحث"),
    "Public bodies": ("Organismes publics", "الهيئات العمومية"),
    "Support organisations": ("Structures d'appui", "هياكل الدعم"),
    "Associations": ("Associations", "الجمعيات"),
    "International organisations": ("Organisations internationales", "المنظمات الدولية"),
    "Finance": ("Finance", "التمويل"),
    # --- profile sections (issue 14)
    "%(n)s actions by phase, from their start to their end; diamonds are milestones.": (
        "%(n)s actions par phase, de leur début à leur fin ; les losanges sont les jalons.",
        "%(n)s إجراءات حسب المرحلة، من بدايتها إلى نهايتها؛ المعينات هي المعالم.",
    ),
    "Assessments": ("Évaluations de la grappe", "التقييمات"),
    "Change from wave %(before)s to wave %(after)s": (
        "De la vague %(before)s à la vague %(after)s",
        "التغير من الموجة %(before)s إلى الموجة %(after)s",
    ),
    "Class": ("Classe", "الصنف"),
    "Coordinators": ("Coordinateurs", "المنسقون"),
    "Danish cluster criteria": ("Critères danois des grappes", "المعايير الدنماركية للعناقيد"),
    "Diagnosis of %(day)s": ("Diagnostic du %(day)s", "تشخيص بتاريخ %(day)s"),
    "Dimension": ("Axe", "البعد"),
    "Evidence": ("Éléments probants", "الأدلة"),
    "External ties (global pipelines)": (
        "Liens externes (pipelines globaux)",
        "الروابط الخارجية (القنوات العالمية)",
    ),
    "KPI": ("Indicateur", "المؤشر"),
    "KPIs of %(period)s against their targets": (
        "Indicateurs de %(period)s face à leurs cibles",
        "مؤشرات %(period)s مقارنة بأهدافها",
    ),
    "Local ties (local buzz)": ("Liens locaux (buzz local)", "الروابط المحلية (الحراك المحلي)"),
    "Network diagnosis": ("Diagnostic du réseau", "تشخيص الشبكة"),
    "No SWOT stored yet.": (
        "Aucune analyse SWOT enregistrée pour l'instant.",
        "لا يوجد تحليل سوات مسجل بعد.",
    ),
    "No assessment stored yet.": (
        "Aucune évaluation enregistrée pour l'instant.",
        "لا يوجد تقييم مسجل بعد.",
    ),
    "No network diagnosis stored yet.": (
        "Aucun diagnostic du réseau enregistré pour l'instant.",
        "لا يوجد تشخيص للشبكة مسجل بعد.",
    ),
    "Points": ("Points attribués", "النقاط"),
    "Porter's diamond": ("Diamant de Porter", "ماسة بورتر"),
    "Porter's diamond: score of each dimension": (
        "Diamant de Porter : note de chaque dimension",
        "ماسة بورتر: تقييم كل بعد",
    ),
    "Previous period": ("Période précédente", "الفترة السابقة"),
    "Quebec success factors": ("Facteurs de succès québécois", "عوامل النجاح الكيبيكية"),
    "Roadmap timeline": ("Calendrier de la feuille de route", "الجدول الزمني لخارطة الطريق"),
    "SWOT": ("SWOT (forces, faiblesses, opportunités, menaces)", "تحليل سوات"),
    "SWOT of %(day)s": ("SWOT du %(day)s", "تحليل سوات بتاريخ %(day)s"),
    "Score (1 to 5)": ("Note (1 à 5)", "التقييم (من ١ إلى ٥)"),
    "Source": ("Provenance", "المصدر"),
    "Target": ("Cible", "الهدف"),
    "Target met": ("Cible atteinte", "الهدف محقق"),
    "Targets met": ("Cibles atteintes", "الأهداف المحققة"),
    "Ties kept (Jaccard index)": (
        "Liens conservés (indice de Jaccard)",
        "الروابط المحفوظة (مؤشر جاكار)",
    ),
    "Value": ("Valeur", "القيمة"),
    "does not hold": ("n'est plus acquis", "غير مستوفى"),
    "holds": ("est acquis", "مستوفى"),
    "mean score %(score)s": ("note moyenne %(score)s", "متوسط التقييم %(score)s"),
    "met": ("atteinte", "محقق"),
    "milestone": ("jalon", "معلم"),
    "not met": ("non atteinte", "غير محقق"),
    "previous period": ("période précédente", "الفترة السابقة"),
    "wave %(wave)s": ("vague %(wave)s", "الموجة %(wave)s"),
    "Strengths": ("Forces", "نقاط القوة"),
    "Weaknesses": ("Faiblesses", "نقاط الضعف"),
    "Opportunities": ("Opportunités", "الفرص"),
    "Threats": ("Menaces", "التهديدات"),
    "Ties formed": ("Liens formés", "الروابط المنشأة"),
    "Ties dissolved": ("Liens rompus", "الروابط المنحلة"),
    "Ties kept": ("Liens conservés", "الروابط المحفوظة"),
    "Actors entering": ("Acteurs entrants", "الفاعلون الداخلون"),
    "Actors leaving": ("Acteurs sortants", "الفاعلون المغادرون"),
    # i14-ties: record ties, upload an interview grid (grappe.web.views.tie_forms).
    "Record ties": ("Saisir des liens", "تسجيل الروابط"),
    "Ties of the network": ("Liens du réseau", "روابط الشبكة"),
    "Upload an interview grid": ("Téléverser une grille d'entretien", "رفع شبكة مقابلات"),
    "Wave": ("Vague", "الدفعة"),
    "Show": ("Afficher", "عرض"),
    "Type": ("Type de lien", "النوع"),
    "Strength": ("Intensité", "القوة"),
    "Origin": ("Origine", "المصدر"),
    "Delete": ("Supprimer", "حذف"),
    "No tie recorded in this wave yet.": ("Aucun lien saisi dans cette vague pour l'instant.",
                                          "لم يُسجَّل أي رابط في هذه الدفعة بعد."),
    "Record a tie": ("Saisir un lien", "تسجيل رابط"),
    "The tie was not recorded: correct the fields marked below.": (
        "Le lien n'a pas été enregistré : corrigez les champs signalés ci-dessous.",
        "لم يُسجَّل الرابط: صحّح الحقول المشار إليها أدناه."),
    "Reported by": ("Déclaré par", "أبلغ عنه"),
    "Source actor": ("Acteur source", "الفاعل المصدر"),
    "Target actor": ("Acteur cible", "الفاعل الهدف"),
    "Existing wave": ("Vague existante", "دفعة موجودة"),
    "Or a new wave": ("Ou une nouvelle vague", "أو دفعة جديدة"),
    "A label such as 2026 or 2026-spring.": ("Un libellé comme 2026 ou 2026-printemps.",
                                             "تسمية مثل 2026 أو 2026-spring."),
    "Date of the new wave": ("Date de la nouvelle vague", "تاريخ الدفعة الجديدة"),
    "Record the tie": ("Enregistrer le lien", "تسجيل الرابط"),
    "Nothing was stored: correct these problems in the file and upload it again.": (
        "Rien n'a été enregistré : corrigez ces problèmes dans le fichier et téléversez-le "
        "à nouveau.", "لم يُحفظ شيء: صحّح هذه المشكلات في الملف ثم ارفعه من جديد."),
    "File": ("Fichier", "الملف"),
    "Row": ("Ligne", "السطر"),
    "Column": ("Colonne", "العمود"),
    "Problem": ("Problème", "المشكلة"),
    "Fix": ("Correction", "التصحيح"),
    "Preview: nothing is stored yet": ("Aperçu : rien n'est encore enregistré",
                                       "معاينة: لم يُحفظ شيء بعد"),
    "%(ties)s ties between %(actors)s actors would be stored.": (
        "%(ties)s liens entre %(actors)s acteurs seraient enregistrés.",
        "سيُحفظ %(ties)s رابطًا بين %(actors)s فاعلًا."),
    "Store these ties": ("Enregistrer ces liens", "حفظ هذه الروابط"),
    "Upload": ("Téléverser", "رفع"),
    "Ties file (CSV: source, target, type, strength, wave, respondent…)": (
        "Fichier des liens (CSV : source, target, type, strength, wave, respondent…)",
        "ملف الروابط (CSV: source, target, type, strength, wave, respondent…)"),
    "Actors file (CSV; optional: the cluster's actors otherwise)": (
        "Fichier des acteurs (CSV ; facultatif : sinon les acteurs de la grappe)",
        "ملف الفاعلين (CSV؛ اختياري: وإلا ففاعلو العنقود)"),
    "Wave of the rows without one": ("Vague des lignes qui n'en ont pas",
                                     "دفعة الأسطر التي لا دفعة لها"),
    "Optional; a label such as 2026.": ("Facultatif ; un libellé comme 2026.",
                                        "اختياري؛ تسمية مثل 2026."),
    "Preview": ("Aperçu", "معاينة"),
    "Information": ("Information", "المعلومات"),
    "Technical advice": ("Conseil technique", "المشورة التقنية"),
    "Cooperation on projects": ("Coopération sur des projets", "التعاون في المشاريع"),
    "Subcontracting": ("Sous-traitance", "المناولة"),
    "Funding": ("Financement", "التمويل"),
    "Training": ("Formation", "التكوين"),
    "Trust": ("Confiance", "الثقة"),
    "1 – weak": ("1 – faible", "1 – ضعيفة"),
    "2 – medium": ("2 – moyenne", "2 – متوسطة"),
    "3 – strong": ("3 – forte", "3 – قوية"),
    "Interview": ("Entretien", "مقابلة"),
    "Questionnaire": ("Questionnaire", "استبيان"),
    "Document": ("Document", "وثيقة"),
    "Edge list": ("Liste de liens", "قائمة روابط"),
    "Matrix": ("Matrice", "مصفوفة"),
    "Other": ("Autre", "أخرى"),
    "Choose who reported the tie among the cluster's actors.": (
        "Choisissez qui a déclaré le lien parmi les acteurs de la grappe.",
        "اختر من أبلغ عن الرابط من بين فاعلي العنقود."),
    "Choose an actor of the cluster.": ("Choisissez un acteur de la grappe.",
                                        "اختر فاعلًا من العنقود."),
    "Choose another actor of the cluster.": ("Choisissez un autre acteur de la grappe.",
                                             "اختر فاعلًا آخر من العنقود."),
    "Choose a tie type from the list.": ("Choisissez un type de lien dans la liste.",
                                         "اختر نوع الرابط من القائمة."),
    "Choose a strength on the scale.": ("Choisissez une intensité sur l'échelle.",
                                        "اختر قوة ضمن السلّم."),
    "Choose a wave, or give the label of a new one.": (
        "Choisissez une vague, ou donnez le libellé d'une nouvelle.",
        "اختر دفعة، أو أعطِ تسمية دفعة جديدة."),
    "Choose an origin from the list.": ("Choisissez une origine dans la liste.",
                                        "اختر المصدر من القائمة."),
    "Choose the ties file (CSV).": ("Choisissez le fichier des liens (CSV).",
                                    "اختر ملف الروابط (CSV)."),
    "The file is larger than 20 MB.": ("Le fichier dépasse 20 Mo.",
                                       "حجم الملف يتجاوز 20 ميغابايت."),
    "A wave label holds letters, digits and . _ : - (64 at most).": (
        "Un libellé de vague contient des lettres, des chiffres et . _ : - (64 au plus).",
        "تسمية الدفعة تتكون من حروف وأرقام و . _ : - (64 على الأكثر)."),
    "This preview has expired: upload the file again.": (
        "Cet aperçu a expiré : téléversez le fichier à nouveau.",
        "انتهت صلاحية هذه المعاينة: ارفع الملف من جديد."),
    "The file's rows carry their own waves (%(waves)s): leave the wave empty.": (
        "Les lignes du fichier portent leurs propres vagues (%(waves)s) : laissez la vague vide.",
        "تحمل أسطر الملف دفعاتها الخاصة (%(waves)s): اترك خانة الدفعة فارغة."),
    "Ties without a 'directed' cell are": ("Les liens sans cellule « directed » sont",
                                           "الروابط التي لا خانة directed لها هي"),
    "directed (reported by the source)": ("orientés (déclarés par la source)",
                                          "موجّهة (يبلغ عنها المصدر)"),
    "undirected (mutual)": ("non orientés (réciproques)", "غير موجّهة (متبادلة)"),
    # --- issue 14: KPIs by period and the SWOT editor (workspace) ---
    "Enter KPIs": ("Saisir les indicateurs", "إدخال مؤشرات الأداء"),
    "Draft and edit the SWOT": ("Rédiger et modifier le SWOT", "صياغة وتعديل تحليل SWOT"),
    "KPIs by period": ("Indicateurs par période", "مؤشرات الأداء حسب الفترة"),
    "Saved.": ("Enregistré.", "تم الحفظ."),
    "Nothing was stored: correct the fields marked below.": (
        "Rien n’a été enregistré : corrigez les champs signalés ci-dessous.",
        "لم يُحفظ شيء: صحّح الحقول المشار إليها أدناه.",
    ),
    "Unit": ("Unité", "الوحدة"),
    "Correct": ("Corriger", "تصحيح"),
    "No KPI value stored yet.": (
        "Aucune valeur d’indicateur enregistrée.", "لا توجد قيمة مؤشر محفوظة بعد.",
    ),
    "Enter a value": ("Saisir une valeur", "إدخال قيمة"),
    "A value of the same KPI and period replaces the stored one.": (
        "Une valeur du même indicateur et de la même période remplace celle enregistrée.",
        "قيمة المؤشر نفسه للفترة نفسها تحلّ محلّ القيمة المحفوظة.",
    ),
    "Or another KPI name": ("Ou un autre nom d’indicateur", "أو اسم مؤشر آخر"),
    "Letters, digits, . _ : - (e.g. patents)": (
        "Lettres, chiffres, . _ : - (p. ex. brevets)", "حروف وأرقام و . _ : - (مثلاً patents)",
    ),
    "One of: %(forms)s": ("L’une des formes : %(forms)s", "إحدى الصيغ: %(forms)s"),
    "Optional.": ("Facultatif.", "اختياري."),
    "Optional, e.g. DZD.": ("Facultatif, p. ex. DZD.", "اختياري، مثلاً DZD."),
    "Store the value": ("Enregistrer la valeur", "حفظ القيمة"),
    "Choose a KPI from the list or type a short name (letters, digits, . _ : -).": (
        "Choisissez un indicateur dans la liste ou tapez un nom court "
        "(lettres, chiffres, . _ : -).",
        "اختر مؤشراً من القائمة أو اكتب اسماً قصيراً (حروف وأرقام و . _ : -).",
    ),
    "Write the period as 2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31.": (
        "Écrivez la période sous la forme 2024, 2024-H1, 2024-Q1, 2024-03 ou 2024-03-31.",
        "اكتب الفترة بإحدى الصيغ 2024 أو 2024-H1 أو 2024-Q1 أو 2024-03 أو 2024-03-31.",
    ),
    "Give the value as a number between -10^15 and 10^15.": (
        "Donnez la valeur sous forme de nombre entre -10^15 et 10^15.",
        "أدخل القيمة عدداً بين ‎-10^15 و‎10^15.",
    ),
    "The target: a number between -10^15 and 10^15, or nothing.": (
        "La cible : un nombre entre -10^15 et 10^15, ou rien.",
        "الهدف: عدد بين ‎-10^15 و‎10^15، أو لا شيء.",
    ),
    "The unit: a short word (letters, digits, . _ : -), or nothing.": (
        "L’unité : un mot court (lettres, chiffres, . _ : -), ou rien.",
        "الوحدة: كلمة قصيرة (حروف وأرقام و . _ : -)، أو لا شيء.",
    ),
    "This KPI already has a value in that period: correct or delete that one.": (
        "Cet indicateur a déjà une valeur pour cette période : corrigez-la ou supprimez-la.",
        "لهذا المؤشر قيمة في هذه الفترة: صحّحها أو احذفها.",
    ),
    "An item cannot be empty: tick “Remove” to drop it.": (
        "Un élément ne peut pas être vide : cochez « Retirer » pour l’enlever.",
        "لا يمكن أن يكون العنصر فارغاً: أشّر على «إزالة» لحذفه.",
    ),
    "The SWOT changed since the page was opened: reload it and edit again.": (
        "Le SWOT a changé depuis l’ouverture de la page : rechargez-la et recommencez.",
        "تغيّر تحليل SWOT منذ فتح الصفحة: أعد تحميلها وعدّل من جديد.",
    ),
    "A new SWOT is drafted from the stored assessments and the latest network diagnosis; "
    "the one below is kept.": (
        "Un nouveau SWOT est rédigé à partir des évaluations enregistrées et du dernier "
        "diagnostic du réseau ; celui ci-dessous est conservé.",
        "يُصاغ تحليل SWOT جديد من التقييمات المحفوظة وآخر تشخيص للشبكة؛ ويُحتفظ بالتحليل أدناه.",
    ),
    "Draft a SWOT from the data": (
        "Rédiger un SWOT à partir des données", "صياغة تحليل SWOT من البيانات",
    ),
    "Item %(n)s": ("Élément %(n)s", "العنصر %(n)s"),
    "Remove": ("Retirer", "إزالة"),
    "Add an item": ("Ajouter un élément", "إضافة عنصر"),
    "Save the SWOT": ("Enregistrer le SWOT", "حفظ تحليل SWOT"),
    "Workspace": ("Espace de travail", "مساحة العمل"),
    # i14-diagnosis: the network diagnosis page and interview campaigns
    # (grappe.web.views.diagnosis, grappe.web.views.waves).
    "Interview campaigns": ("Campagnes d'entretiens", "حملات المقابلات"),
    "Read the network diagnosis": ("Lire le diagnostic du réseau", "قراءة تشخيص الشبكة"),
    "No network is stored for this cluster yet: record its actors and ties first.": (
        "Aucun réseau n'est encore enregistré pour cette grappe : saisissez d'abord ses acteurs "
        "et ses liens.",
        "لا توجد شبكة محفوظة لهذا العنقود بعد: سجّل فاعليه وروابطه أولاً.",
    ),
    "The stored network breaks the network rules; correct these rows, then run the diagnosis:": (
        "Le réseau enregistré enfreint les règles des réseaux ; corrigez ces lignes, puis lancez "
        "le diagnostic :",
        "الشبكة المحفوظة تخالف قواعد الشبكات؛ صحّح هذه الأسطر ثم شغّل التشخيص:",
    ),
    "Run the diagnosis": ("Lancer le diagnostic", "شغّل التشخيص"),
    "A diagnosis of this wave is running (started %(day)s by %(who)s); this page reloads until "
    "it is stored.": (
        "Un diagnostic de cette vague est en cours (lancé le %(day)s par %(who)s) ; cette page se "
        "recharge jusqu'à ce qu'il soit enregistré.",
        "تشخيص هذه الدفعة قيد التشغيل (بدأه %(who)s في %(day)s)؛ ستُعاد تحميل هذه الصفحة حتى "
        "يُحفظ.",
    ),
    "The last run of the diagnosis failed; nothing was stored:": (
        "Le dernier diagnostic lancé a échoué ; rien n'a été enregistré :",
        "فشل آخر تشغيل للتشخيص؛ لم يُحفظ شيء:",
    ),
    "run by %(who)s": ("lancé par %(who)s", "شغّله %(who)s"),
    "Written diagnosis": ("Diagnostic rédigé", "التشخيص المكتوب"),
    "Key figures": ("Chiffres clés", "أرقام رئيسية"),
    "Share of actors in the largest component": (
        "Part des acteurs dans la plus grande composante",
        "حصة الفاعلين في أكبر مكوّن",
    ),
    "Isolated actors:": ("Acteurs isolés :", "فاعلون معزولون:"),
    "Brokers and coordinators": ("Intermédiaires et coordinateurs", "الوسطاء والمنسقون"),
    "Brokers link actors of other spheres (Gould–Fernandez brokerage); coordinators link actors "
    "of their own sphere.": (
        "Les intermédiaires relient des acteurs d'autres sphères (courtage de Gould et "
        "Fernandez) ; les coordinateurs relient des acteurs de leur propre sphère.",
        "يربط الوسطاء بين فاعلين من مجالات أخرى (وساطة غولد وفرنانديز)؛ ويربط المنسقون بين "
        "فاعلين من مجالهم نفسه.",
    ),
    "Brokers": ("Intermédiaires", "الوسطاء"),
    "Actor": ("Acteur", "الفاعل"),
    "Brokerage between spheres": ("Courtage entre sphères", "الوساطة بين المجالات"),
    "Betweenness": ("Intermédiarité", "البينية"),
    "No actor brokers between spheres.": (
        "Aucun acteur ne fait l'intermédiaire entre sphères.",
        "لا يتوسط أي فاعل بين المجالات.",
    ),
    "Coordinating roles": ("Rôles de coordination", "أدوار التنسيق"),
    "No coordinator.": ("Aucun coordinateur.", "لا يوجد منسق."),
    "Core and periphery": ("Cœur et périphérie", "المركز والأطراف"),
    "Core": ("Cœur", "المركز"),
    "Periphery": ("Périphérie", "الأطراف"),
    "Weakly tied actors": ("Acteurs faiblement liés", "فاعلون ضعيفو الارتباط"),
    "Fit of the core–periphery model": (
        "Ajustement du modèle cœur–périphérie",
        "مدى مطابقة نموذج المركز والأطراف",
    ),
    "Relational shadow zones": ("Zones d'ombre relationnelles", "مناطق الظل العلائقية"),
    "Why it is a shadow zone": ("Pourquoi c'est une zone d'ombre", "سبب كونها منطقة ظل"),
    "Ties": ("Liens", "الروابط"),
    "Possible pairs": ("Paires possibles", "الأزواج الممكنة"),
    "No shadow zone between the expected spheres.": (
        "Aucune zone d'ombre entre les sphères attendues.",
        "لا توجد منطقة ظل بين المجالات المتوقعة.",
    ),
    "Local buzz and global pipelines": (
        "Effervescence locale et canaux globaux",
        "الحراك المحلي والقنوات العالمية",
    ),
    "Ties between actors outside the cluster": (
        "Liens entre acteurs hors de la grappe",
        "روابط بين فاعلين خارج العنقود",
    ),
    "Pipeline actors": ("Acteurs relais vers l'extérieur", "فاعلو القنوات الخارجية"),
    "Every actor's measures": ("Les mesures de chaque acteur", "مقاييس كل فاعل"),
    "Degree": ("Degré", "الدرجة"),
    "Constraint": ("Contrainte", "القيد"),
    "Coreness": ("Centralité cœur", "درجة المركزية"),
    "yes": ("oui", "نعم"),
    "no": ("non", "لا"),
    "No diagnosis of this wave is stored yet: run it.": (
        "Aucun diagnostic de cette vague n'est encore enregistré : lancez-le.",
        "لا يوجد تشخيص محفوظ لهذه الدفعة بعد: شغّله.",
    ),
    "Note on the campaign": ("Note sur la campagne", "ملاحظة عن الحملة"),
    "Optional: who interviewed, how many respondents, how (e.g. 2 interviewers of the chamber, 14 "
    "firms met on site).": (
        "Facultatif : qui a mené les entretiens, combien de répondants, comment (p. ex. 2 "
        "enquêteurs de la chambre, 14 entreprises rencontrées sur place).",
        "اختياري: من أجرى المقابلات، وكم عدد المجيبين، وكيف (مثلاً: محاوران من الغرفة، و14 "
        "مؤسسة زيرت في مقرها).",
    ),
    "Each survey wave is one round of interviews; the ties reported in it are recorded in the "
    "wave, and the diagnosis compares a wave with the one before.": (
        "Chaque vague d'enquête est un tour d'entretiens ; les liens qui y sont déclarés sont "
        "enregistrés dans la vague, et le diagnostic compare une vague à la précédente.",
        "كل دفعة استطلاع جولة من المقابلات؛ تُسجَّل الروابط المصرّح بها فيها ضمن الدفعة، "
        "ويقارن التشخيص دفعةً بالتي قبلها.",
    ),
    "Diagnoses": ("Diagnostics", "التشخيصات"),
    "Correct the wave %(wave)s": ("Corriger la vague %(wave)s", "تصحيح الدفعة %(wave)s"),
    "Date of the interviews": ("Date des entretiens", "تاريخ المقابلات"),
    "No survey wave yet.": ("Aucune vague d'enquête pour l'instant.", "لا توجد دفعة استطلاع بعد."),
    "Create a wave": ("Créer une vague", "إنشاء دفعة"),
    "Create the wave": ("Créer la vague", "أنشئ الدفعة"),
    "One sphere has no actor": ("Une sphère n'a aucun acteur", "أحد المجالين بلا فاعلين"),
    "No tie between them": ("Aucun lien entre elles", "لا رابط بينهما"),
    "Weak ties only": ("Liens faibles seulement", "روابط ضعيفة فقط"),
    "Actors": ("Acteurs", "الفاعلون"),
    "Density": ("Densité", "الكثافة"),
    "Reciprocity": ("Réciprocité", "التبادلية"),
    "Connected components": ("Composantes connexes", "المكوّنات المترابطة"),
    "This wave has no ties in the stored network: choose one of the list.": (
        "Cette vague n'a aucun lien dans le réseau enregistré : choisissez-en une de la liste.",
        "لا روابط لهذه الدفعة في الشبكة المحفوظة: اختر دفعة من القائمة.",
    ),
    "Give a label such as 2026 or 2026-spring, not used by another wave.": (
        "Donnez un libellé comme 2026 ou 2026-printemps, qu'aucune autre vague n'utilise.",
        "أعطِ تسمية مثل 2026 أو 2026-spring لا تستعملها دفعة أخرى.",
    ),
    "Shorten the note.": ("Raccourcissez la note.", "اختصر الملاحظة."),
    "Wave label": ("Libellé de la vague", "تسمية الدفعة"),
}


def main() -> int:
    pot = WEB / "locale" / "messages.pot"
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "extract",
            "-F", str(WEB / "babel.cfg"), "-k", "_", "-k", "gettext",
            "--no-location", "--omit-header", "-o", str(pot), str(WEB),
        ],
        check=True,
    )
    with pot.open("rb") as handle:
        template = read_po(handle)
    missing = []
    for index, lang in enumerate(("fr", "ar")):
        out = WEB / "locale" / lang / "LC_MESSAGES" / "messages.po"
        kept = {}  # translations already in the catalogue (added by hand or by a branch) stay
        if out.exists():
            with out.open("rb") as handle:
                kept = {m.id: m.string for m in read_po(handle) if m.id and m.string}
        catalog = Catalog(locale=lang, project="grappe", charset="utf-8")
        for message in template:
            if not message.id:
                continue
            text = T.get(message.id, ("", ""))[index] or kept.get(message.id, "")
            if not text:
                missing.append((lang, message.id))
            catalog.add(message.id, text, flags=message.flags)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as handle:
            write_po(handle, catalog, omit_header=False, no_location=True, width=100)
    for lang, msgid in missing:
        print(f"untranslated ({lang}): {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
