"""Languages of the pages: French, Arabic (right to left) and English.

Catalogues are the ``.po`` files of ``grappe/web/locale/<lang>/LC_MESSAGES/messages.po``; they are
compiled in memory with :mod:`babel.messages` when first used, so a fresh clone needs no build
step. Numbers, shares and dates are written by :mod:`grappe.formats` (Babel's locale data, Latin
digits on Arabic pages as in the Maghreb), the helpers the reports and charts use too.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from babel.support import Translations

from grappe.formats import (
    INTL_LOCALES,
    format_day,
    format_moment,
    format_number,
    format_period,
    format_share,
    format_year,
)
from grappe.vocabulary import LANGUAGES  # also the order of the language switch

__all__ = [
    "INTL_LOCALES",
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
