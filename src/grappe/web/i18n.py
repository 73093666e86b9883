"""Languages of the pages: French, Arabic (right to left) and English.

Catalogues are the ``.po`` files of ``grappe/web/locale/<lang>/LC_MESSAGES/messages.po``; they are
compiled in memory with :mod:`babel.messages` when first used, so a fresh clone needs no build
step. Numbers are formatted with Babel's locale data; Arabic pages use the CLDR ``arab`` numbering
system (its separators from Babel, its Arabic-Indic digits ٠–٩ mapped here).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from pathlib import Path

from babel.numbers import format_decimal, format_percent
from babel.support import Translations

from grappe.vocabulary import LANGUAGES  # also the order of the language switch

__all__ = [
    "LANGUAGES",
    "RTL",
    "direction",
    "format_day",
    "format_moment",
    "format_period",
    "format_number",
    "format_year",
    "format_share",
    "pick_language",
    "translations",
]

#: Languages written right to left.
RTL: frozenset[str] = frozenset({"ar"})

#: Name of each language in itself, for the language switch.
ENDONYMS: dict[str, str] = {"fr": "Français", "ar": "العربية", "en": "English"}

LOCALE_DIR = Path(__file__).with_name("locale")


@functools.cache
def translations(lang: str) -> Translations:
    """Compiled catalogue of ``lang`` (English, the source language, has none).

    Examples
    --------
    >>> translations("fr").gettext("Clusters")
    'Grappes'
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == "en" or not po.is_file():
        return Translations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def direction(lang: str) -> str:
    """``"rtl"`` for Arabic, ``"ltr"`` otherwise."""
    return "rtl" if lang in RTL else "ltr"


def _numbering(lang: str) -> str:
    return "arab" if lang == "ar" else "default"


# Babel gives the ``arab`` numbering system's separators (٬ ٫ ٪) but leaves the digits Latin;
# CLDR's ``arab`` digits are U+0660…U+0669.
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _digits(text: str, lang: str) -> str:
    return text.translate(_ARABIC_DIGITS) if lang == "ar" else text


def format_day(value: dt.date, lang: str) -> str:
    """A date in the conventions of ``lang`` (Babel's medium format, the page's digits).

    Examples
    --------
    >>> import datetime as dt
    >>> format_day(dt.date(2024, 3, 31), "en"), format_day(dt.date(2024, 3, 31), "fr")
    ('Mar 31, 2024', '31 mars 2024')
    """
    from babel.dates import format_date

    return _digits(format_date(value, "medium", locale=lang), lang)


def format_moment(value: dt.datetime, lang: str) -> str:
    """A moment (UTC) in the conventions of ``lang``: Babel's medium date and time.

    Examples
    --------
    >>> import datetime as dt
    >>> format_moment(dt.datetime(2026, 12, 3, 7, 5, tzinfo=dt.UTC), "fr")
    '3 déc. 2026, 07:05:00'
    """
    from babel.dates import format_datetime

    moment = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    text = format_datetime(moment, "medium", tzinfo=dt.UTC, locale=lang)
    return _digits(text, lang)


def format_period(text: str, lang: str) -> str:
    """A period's canonical text (``2024-Q1``) in the page's digits (``٢٠٢٤-Q1``)."""
    return _digits(str(text), lang)


def format_year(value: int, lang: str) -> str:
    """A year, without grouping separator (``2021``, ``٢٠٢١``)."""
    return _digits(str(int(value)), lang)


def format_number(value: float | None, lang: str, *, digits: int = 0) -> str:
    """A number in the conventions of ``lang``; an en dash for missing values.

    Examples
    --------
    >>> format_number(12345.6, "fr")
    '12\\u202f346'
    >>> format_number(12345.6, "en", digits=1)
    '12,345.6'
    >>> format_number(12, "ar")
    '١٢'
    """
    if value is None or value != value:
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    text = format_decimal(value, format=pattern, locale=lang, numbering_system=_numbering(lang))
    return _digits(text, lang)


def format_share(value: float | None, lang: str) -> str:
    """A share (0.123 → 12.3 %) in the conventions of ``lang``."""
    if value is None or value != value:
        return "–"
    text = format_percent(value, format="#,##0.0%", locale=lang, numbering_system=_numbering(lang))
    return _digits(text, lang)


def pick_language(query: str | None, cookie: str | None, accept: str | None, default: str) -> str:
    """The page's language: ``?lang=``, then the remembered cookie, then ``Accept-Language``.

    Examples
    --------
    >>> pick_language(None, None, "ar-DZ,ar;q=0.9,fr;q=0.8", "fr")
    'ar'
    >>> pick_language("xx", "en", None, "fr")
    'en'
    """
    for candidate in (query, cookie):
        if candidate in LANGUAGES:
            return str(candidate)
    for part in (accept or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return default
