"""Texts of the figures grappe draws (spatial curves and maps, network drawings) in fr/ar/en.

:func:`chart_label` looks a text up in :data:`CHART_LABELS`, fills its values (numbers written
by :mod:`grappe.formats`) and shapes Arabic for matplotlib (:func:`grappe.chart_text.chart_text`).
:func:`sphere_label` names a sphere of actors with :data:`grappe.vocabulary.SPHERE_NAMES`, the
names the observatory's pages show. No I/O.
"""

from __future__ import annotations

from typing import Any

from grappe._validation import check_option
from grappe.chart_text import chart_text
from grappe.formats import format_number
from grappe.vocabulary import LANGUAGES, sphere_name

__all__ = ["CHART_LABELS", "chart_label", "number_ticks", "sphere_label"]

#: key → {language: text}; ``{name}`` fields are filled by :func:`chart_label`.
CHART_LABELS: dict[str, dict[str, str]] = {
    # spatial: K-density, Ripley, Marcon–Puech
    "local_band": {
        "en": "local {confidence} band",
        "fr": "bande locale à {confidence}",
        "ar": "النطاق المحلي {confidence}",
    },
    "global_bands": {"en": "global bands", "fr": "bandes globales", "ar": "النطاقات الشاملة"},
    "kdensity": {"en": "K-density", "fr": "K-densité", "ar": "كثافة K"},
    "distance_km": {"en": "distance (km)", "fr": "distance (km)", "ar": "المسافة (كم)"},
    "kdensity_axis": {
        "en": "K-density (per km)",
        "fr": "K-densité (par km)",
        "ar": "كثافة K (لكل كم)",
    },
    "kdensity_weighted_axis": {
        "en": "K-density (per km), employment-weighted",
        "fr": "K-densité (par km), pondérée par l'emploi",
        "ar": "كثافة K (لكل كم)، مرجحة بالتشغيل",
    },
    "kdensity_title": {
        "en": "{activity}: {n_points} establishments, {n_simulations} simulations",
        "fr": "{activity} : {n_points} établissements, {n_simulations} simulations",
        "ar": "{activity}: {n_points} مؤسسة، {n_simulations} محاكاة",
    },
    "envelope": {
        "en": "simulation envelope",
        "fr": "enveloppe des simulations",
        "ar": "غلاف المحاكاة",
    },
    "radius_km": {"en": "radius (km)", "fr": "rayon (km)", "ar": "نصف القطر (كم)"},
    "csr": {
        "en": "complete spatial randomness",
        "fr": "répartition spatiale aléatoire",
        "ar": "العشوائية المكانية التامة",
    },
    "ripley_axis": {"en": "L(r) − r (km)", "fr": "L(r) − r (km)", "ar": "L(r) − r (كم)"},
    "ripley_title": {
        "en": "Ripley's K as Besag's L",
        "fr": "K de Ripley (L de Besag)",
        "ar": "دالة K لريبلي (L لبيساغ)",
    },
    "m_reference": {
        "en": "no concentration (M = 1)",
        "fr": "pas de concentration (M = 1)",
        "ar": "لا تركز (M = 1)",
    },
    "m_axis": {
        "en": "M (relative density of the activity)",
        "fr": "M (densité relative de l'activité)",
        "ar": "M (الكثافة النسبية للنشاط)",
    },
    "m_title": {"en": "Marcon–Puech M", "fr": "M de Marcon et Puech", "ar": "دالة M لماركون وبويش"},
    # spatial: maps
    "all_establishments": {
        "en": "all establishments",
        "fr": "tous les établissements",
        "ar": "كل المؤسسات",
    },
    "establishments": {"en": "establishments", "fr": "établissements", "ar": "المؤسسات"},
    "hot_spots": {"en": "hot spots", "fr": "points chauds", "ar": "البؤر الساخنة"},
    "longitude": {"en": "longitude", "fr": "longitude", "ar": "خط الطول"},
    "latitude": {"en": "latitude", "fr": "latitude", "ar": "خط العرض"},
    "x_m": {"en": "x (m)", "fr": "x (m)", "ar": "x (م)"},
    "y_m": {"en": "y (m)", "fr": "y (m)", "ar": "y (م)"},
    "hot": {"en": "hot", "fr": "chaud", "ar": "ساخن"},
    "cold": {"en": "cold", "fr": "froid", "ar": "بارد"},
    "not significant": {"en": "not significant", "fr": "non significatif", "ar": "غير دال"},
    "high-high": {"en": "high-high", "fr": "élevé-élevé", "ar": "مرتفع-مرتفع"},
    "low-low": {"en": "low-low", "fr": "faible-faible", "ar": "منخفض-منخفض"},
    "low-high": {"en": "low-high", "fr": "faible-élevé", "ar": "منخفض-مرتفع"},
    "high-low": {"en": "high-low", "fr": "élevé-faible", "ar": "مرتفع-منخفض"},
    # network drawings
    "actor_network": {"en": "Actor network", "fr": "Réseau d'acteurs", "ar": "شبكة الفاعلين"},
    "sphere": {"en": "sphere", "fr": "sphère", "ar": "المجال"},
    "level": {"en": "level", "fr": "niveau", "ar": "المستوى"},
    "tie_density_axis": {
        "en": "tie density (linked pairs / possible pairs)",
        "fr": "densité des liens (paires liées / paires possibles)",
        "ar": "كثافة الروابط (الأزواج المرتبطة / الأزواج الممكنة)",
    },
    "density_title": {
        "en": "Tie density by {groups}",
        "fr": "Densité des liens par {groups}",
        "ar": "كثافة الروابط حسب {groups}",
    },
    # levels (the spheres' names are grappe.vocabulary.SPHERE_NAMES: sphere_label)
    "international": {"en": "international", "fr": "international", "ar": "دولي"},
    "local": {"en": "local", "fr": "local", "ar": "محلي"},
    "regional": {"en": "regional", "fr": "régional", "ar": "جهوي"},
    "national": {"en": "national", "fr": "national", "ar": "وطني"},
}


def _value(value: Any, lang: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return format_number(value, lang, significant=3)


def chart_label(key: str, lang: str, /, **values: Any) -> str:
    """The text ``key`` in ``lang``, its values filled in, ready for matplotlib.

    Numbers are written in the conventions of ``lang`` (a share is passed already written by
    :func:`grappe.formats.format_share`); texts are passed unshaped (the whole label is shaped
    once: shaping twice would reverse Arabic again). A key absent from
    :data:`CHART_LABELS` (an activity's own name, a class grappe does not know) is drawn as
    given.

    Raises
    ------
    InvalidParameterError
        On an unknown language.

    Examples
    --------
    >>> chart_label("density_title", "fr", groups=CHART_LABELS["level"]["fr"])
    'Densité des liens par niveau'
    >>> chart_label("kdensity_title", "en", activity="wine", n_points=1200, n_simulations=99)
    'wine: 1,200 establishments, 99 simulations'
    >>> chart_label("Dattes", "fr")
    'Dattes'
    """
    check_option(lang, "lang", LANGUAGES, func="chart_label")
    entry = CHART_LABELS.get(key)
    if entry is None:
        return chart_text(key)
    filled = {name: _value(v, lang) for name, v in values.items()}
    return chart_text(entry[lang].format(**filled))


def sphere_label(sphere: str, lang: str, /) -> str:
    """The name of a sphere of actors in ``lang``, ready for matplotlib.

    The names are :data:`grappe.vocabulary.SPHERE_NAMES` (a sphere without one is drawn as its
    word); ``international`` is a sphere here, not the level :func:`chart_label` names.

    Raises
    ------
    InvalidParameterError
        On an unknown language.

    Examples
    --------
    >>> sphere_label("university", "en")
    'Universities and research'
    """
    check_option(lang, "lang", LANGUAGES, func="sphere_label")
    return chart_text(sphere_name(sphere, lang))


def number_ticks(ax: Any, lang: str, *, axes: str = "xy") -> None:
    """Write the tick numbers of ``ax`` in the conventions of ``lang`` (English: unchanged)."""
    check_option(lang, "lang", LANGUAGES, func="number_ticks")
    if lang == "en":
        return
    from matplotlib.ticker import FuncFormatter

    formatter = FuncFormatter(lambda v, _pos: format_number(v, lang, significant=3))
    for name in axes:
        getattr(ax, f"{name}axis").set_major_formatter(formatter)
