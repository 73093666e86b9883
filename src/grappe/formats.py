"""Numbers, shares, money, years and dates in the conventions of French, Arabic and English.

One set of helpers for every place grappe writes a number for a reader: the observatory's pages
(the ``num``, ``share``, ``year``, ``day`` filters of :mod:`grappe.web.render`), the diagnostic
reports (:mod:`grappe.reports`), the charts drawn with matplotlib, and — through
:data:`INTL_LOCALES` — the JavaScript of the pages (``Intl.NumberFormat`` with the same locale).

The conventions come from Babel's CLDR data, for one locale per language (:data:`LOCALES`):

* ``fr`` — decimal comma, narrow no-break space between thousands: ``12 345,7``, ``12,3 %``;
* ``ar`` — **Latin digits**, as written in the Maghreb (Algeria, Morocco, Tunisia: press,
  administration, statistics offices), with CLDR's ``ar_DZ`` separators — decimal comma,
  dot between thousands: ``12.345,7``, ``12,3‎%``. The Arabic-Indic digits (٠١٢…) of the
  Mashriq (CLDR ``ar_EG``) are not used, so that a figure reads the same in the three
  languages of the observatory and in the tables that Maghreb offices publish;
* ``en`` — ``12,345.7``, ``12.3%``.

No I/O: Babel's locale data only.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from typing import Any

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal, format_percent

from grappe._validation import check_option
from grappe.vocabulary import LANGUAGES

__all__ = [
    "INTL_LOCALES",
    "LOCALES",
    "MISSING",
    "format_day",
    "format_money",
    "format_moment",
    "format_number",
    "format_period",
    "format_share",
    "format_year",
    "number_locale",
]

#: Babel (CLDR) locale of each language for numbers and dates: Arabic in its Maghreb form.
LOCALES: dict[str, str] = {"fr": "fr", "ar": "ar_DZ", "en": "en"}

#: The same locales as BCP 47 tags, for ``Intl.NumberFormat`` in the pages' JavaScript.
INTL_LOCALES: dict[str, str] = {code: tag.replace("_", "-") for code, tag in LOCALES.items()}

#: Text written for a missing value (an en dash).
MISSING = "–"


def number_locale(lang: str, *, func: str = "number_locale") -> str:
    """The Babel locale of ``lang``.

    Raises
    ------
    InvalidParameterError
        If ``lang`` is not one of :data:`grappe.vocabulary.LANGUAGES`.

    Examples
    --------
    >>> number_locale("ar")
    'ar_DZ'
    """
    return LOCALES[check_option(lang, "lang", LANGUAGES, func=func)]


def _signed(text: str, lang: str) -> str:
    # CLDR's Arabic minus sign is LRM + "-" (it keeps the sign left of the digits inside
    # right-to-left text); Babel's patterns write a bare "-", browsers' Intl the CLDR sign.
    if lang == "ar" and text.startswith("-"):
        return "\u200e" + text
    return text


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_number(
    value: float | None, lang: str, *, digits: int = 0, significant: int | None = None
) -> str:
    """A number in the conventions of ``lang``; an en dash when missing.

    Parameters
    ----------
    value : float or None
    lang : {"fr", "ar", "en"}
    digits : int, default 0
        Decimals written (fixed).
    significant : int, optional
        Instead of ``digits``: at most this many significant digits below 1,000 (``0.144``,
        ``2.6``), whole numbers with grouping from 1,000 on — the reports' indicators.

    Raises
    ------
    InvalidParameterError
        On an unknown language.

    Examples
    --------
    >>> format_number(12345.6, "fr")
    '12\\u202f346'
    >>> format_number(12345.6, "en", digits=1)
    '12,345.6'
    >>> format_number(12345.678, "ar", digits=2)
    '12.345,68'
    >>> format_number(0.1444, "fr", significant=3), format_number(2.6, "ar", significant=3)
    ('0,144', '2,6')
    >>> format_number(None, "en")
    '–'
    """
    locale = number_locale(lang, func="format_number")
    if _missing(value):
        return MISSING
    if significant is not None and abs(float(value)) < 999.5:  # type: ignore[arg-type]
        pattern = "@" + "#" * (max(int(significant), 1) - 1)
    else:
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return _signed(format_decimal(value, format=pattern, locale=locale), lang)


@functools.cache
def _percent_pattern(locale: str, digits: int = 1) -> str:
    # The locale's own pattern (its spacing before %, e.g. French "12,3 %") with ``digits``.
    pattern = Locale.parse(locale).percent_formats[None].pattern
    fixed = "#,##0" + ("." + "0" * digits if digits else "")
    return pattern.replace("#,##0%", fixed + "%").replace("#,##0\u00a0%", fixed + "\u00a0%")


def format_share(value: float | None, lang: str, *, digits: int = 1) -> str:
    """A share (0.123 → 12.3 %) with one decimal (or ``digits``), in the conventions of ``lang``.

    Examples
    --------
    >>> format_share(0.1234, "en"), format_share(0.1234, "fr")
    ('12.3%', '12,3\\xa0%')
    >>> format_share(0.41, "fr", digits=0)
    '41\\xa0%'
    """
    locale = number_locale(lang, func="format_share")
    if _missing(value):
        return MISSING
    pattern = _percent_pattern(locale, digits)
    return _signed(format_percent(value, format=pattern, locale=locale), lang)


def format_money(value: float | None, currency: str, lang: str, *, digits: int = 0) -> str:
    """An amount of ``currency`` (ISO 4217 code) in the conventions of ``lang``.

    Examples
    --------
    >>> format_money(1500000, "DZD", "fr")
    '1\\u202f500\\u202f000\\xa0DZD'
    >>> format_money(2500.5, "EUR", "en", digits=2)
    '€2,500.50'
    """
    locale = number_locale(lang, func="format_money")
    if _missing(value):
        return MISSING
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
    decimals = "0" * digits
    pattern = pattern.replace("#,##0.00", "#,##0" + ("." + decimals if digits else ""))
    return format_currency(value, currency, format=pattern, locale=locale, currency_digits=False)


def format_year(value: int, lang: str) -> str:
    """A year, without grouping separator (``2021`` in every language).

    Examples
    --------
    >>> format_year(2021, "ar")
    '2021'
    """
    number_locale(lang, func="format_year")
    return str(int(value))


def format_period(text: str, lang: str) -> str:
    """A period's canonical text (``2024-Q1``): written as stored, Latin digits included."""
    number_locale(lang, func="format_period")
    return str(text)


def format_day(value: dt.date, lang: str) -> str:
    """A date in the conventions of ``lang`` (Babel's medium format).

    Examples
    --------
    >>> import datetime as dt
    >>> format_day(dt.date(2024, 3, 31), "en"), format_day(dt.date(2024, 3, 31), "fr")
    ('Mar 31, 2024', '31 mars 2024')
    """
    return format_date(value, "medium", locale=number_locale(lang, func="format_day"))


def format_moment(value: dt.datetime, lang: str) -> str:
    """A moment (UTC) in the conventions of ``lang``: Babel's medium date and time.

    Examples
    --------
    >>> import datetime as dt
    >>> format_moment(dt.datetime(2026, 12, 3, 7, 5, tzinfo=dt.UTC), "fr")
    '3 déc. 2026, 07:05:00'
    """
    locale = number_locale(lang, func="format_moment")
    moment = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return format_datetime(moment, "medium", tzinfo=dt.UTC, locale=locale)
