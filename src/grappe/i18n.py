"""Language of grappe's messages outside the pages: the command line, its errors and tables.

One language is chosen per run (:func:`use_language`; the command line's ``--lang``, else
``GRAPPE_LANG``, else the POSIX locale, else English: :func:`language_from_environment`) and every
message is looked up at display time in the ``cli`` gettext catalogue of
``grappe/locale/<lang>/LC_MESSAGES/cli.mo``. English is the source language: its text is the
message id, so a Python user who chooses nothing reads English.

Library code that raises an error a user meets often writes its text as a :class:`Message`: a
``str`` holding the English sentence (what ``str(error)`` shows), which also keeps its template and
values so that :func:`translate` can render it in another language later. The module imports only
the standard library and :mod:`grappe.errors`, so kernels and readers may use it, and
``grappe --help`` stays light (the catalogue is a compiled ``.mo`` read by :mod:`gettext`; Babel is
imported only to format numbers).
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import functools
import gettext as _gettext
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.vocabulary import LANGUAGES

__all__ = [
    "ENV_VAR",
    "LANGUAGES",
    "Country",
    "Message",
    "Number",
    "Parts",
    "check_language",
    "current_language",
    "error_text",
    "format_number",
    "issue_text",
    "language_from_environment",
    "translate",
    "tr",
    "use_language",
]

#: Environment variable naming the language of the command line (``ar``, ``fr`` or ``en``).
ENV_VAR = "GRAPPE_LANG"

#: POSIX variables read, in their order of precedence, when ``GRAPPE_LANG`` is not set.
LOCALE_VARS: tuple[str, ...] = ("LC_ALL", "LC_MESSAGES", "LANG")

#: Folder of the compiled catalogues (``<lang>/LC_MESSAGES/cli.mo``).
LOCALE_DIR = Path(__file__).with_name("locale")

#: gettext domain of the command line's messages (the pages have their own, ``messages``).
DOMAIN = "cli"

_language: contextvars.ContextVar[str] = contextvars.ContextVar("grappe_language", default="en")


def check_language(value: Any, *, source: str = "--lang") -> str:
    """Return ``value`` if it is one of :data:`LANGUAGES`, else raise, naming ``source``.

    Examples
    --------
    >>> check_language("ar")
    'ar'
    >>> check_language("de", source="GRAPPE_LANG")
    Traceback (most recent call last):
    ...
    grappe.errors.InvalidParameterError: GRAPPE_LANG must be one of ar, fr, en. Got 'de' instead.
    """
    if value not in LANGUAGES:
        raise InvalidParameterError(
            Message(
                "{source} must be one of ar, fr, en. Got {value!r} instead.",
                source=source,
                value=value,
            )
        )
    return str(value)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language asked by the environment: ``GRAPPE_LANG``, then the POSIX locale, then ``en``.

    ``GRAPPE_LANG`` is an explicit choice, so a value grappe does not speak is an error; a locale
    (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first one set wins as in POSIX) in another language,
    or ``C``/``POSIX``, gives English.

    Examples
    --------
    >>> language_from_environment({"LANG": "ar_DZ.UTF-8"})
    'ar'
    >>> language_from_environment({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"})
    'en'
    >>> language_from_environment({"GRAPPE_LANG": "fr", "LANG": "ar_DZ.UTF-8"})
    'fr'
    """
    env = os.environ if environ is None else environ
    if env.get(ENV_VAR):
        return check_language(env[ENV_VAR].strip().lower(), source=ENV_VAR)
    for name in LOCALE_VARS:
        value = env.get(name)
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return code if code in LANGUAGES else "en"
    return "en"


def current_language() -> str:
    """The language of the messages now (``en`` unless :func:`use_language` chose another)."""
    return _language.get()


def use_language(lang: str) -> contextvars.Token[str]:
    """Make ``lang`` the language of the messages (the command line calls it once per run)."""
    return _language.set(check_language(lang))


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """Messages in ``lang`` inside the block.

    Examples
    --------
    >>> with language("fr"):
    ...     tr("Wrote {path}", path="out.csv")
    'Écrit : out.csv'
    """
    token = use_language(lang)
    try:
        yield
    finally:
        _language.reset(token)


@functools.cache
def _catalogue(lang: str) -> _gettext.NullTranslations:
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if lang == "en" or not mo.is_file():
        return _gettext.NullTranslations()
    with mo.open("rb") as handle:
        return _gettext.GNUTranslations(handle)


def gettext(text: str, lang: str | None = None) -> str:
    """``text`` looked up in the catalogue of ``lang`` (default: the current language)."""
    return _catalogue(lang or current_language()).gettext(text)


class Message(str):
    """An English message that can be shown in another language later.

    It *is* the English text (``str(error)`` and ``==`` behave as with a plain string) and keeps
    its ``template`` (the catalogue's message id, with ``{name}`` placeholders) and ``values``;
    :func:`translate` renders it in the user's language. Values may be messages themselves.

    Examples
    --------
    >>> m = Message("The {side} file lacks the columns {missing}.", side="needs", missing=["lat"])
    >>> m, m.template
    ("The needs file lacks the columns ['lat'].", 'The {side} file lacks the columns {missing}.')
    >>> translate(m, "fr")
    "Il manque au fichier needs les colonnes ['lat']."
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Message:
        text = super().__new__(cls, template.format(**values) if values else template)
        text.template = template
        text.values = values
        return text

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (multiprocessing) keep the template
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


class Parts(tuple):  # noqa: SLOT001 - a value of a message, never stored alone
    """Messages placed one after another, separated by ``"; "`` (a value of a :class:`Message`
    whose number of clauses varies: the reasons of a match score).

    Examples
    --------
    >>> why = Parts([Message("shares no process"), Message("{km:.0f} km away", km=7)])
    >>> m = Message("{parts}.", parts=why)
    >>> m
    'shares no process; 7 km away.'
    >>> translate(m, "ar")
    'لا يشترك في أي عملية؛ على بعد 7 كم.'
    """

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __str__(self) -> str:
        return "; ".join(str(part) for part in self)


@dataclasses.dataclass(frozen=True)
class Number:
    """A number inside a :class:`Message`, written the reader's way when the message is shown.

    A format spec (``{cog:.3f}``) writes a decimal point in every language; a ``Number`` value
    under a bare placeholder (``{cog}``) is written by :func:`translate` with
    :func:`format_number` (or :func:`grappe.formats.format_share` for a ``percent``) in the
    language asked: ``0,412`` in French, ``0,412`` in Arabic (Latin digits, ``ar_DZ``
    separators: ``1.185``), ``0.412`` in English. The English text of the message (its ``str``)
    is the English rendering. Plain numbers and format specs keep their behaviour: the type is
    opt-in, message by message.

    Parameters
    ----------
    value : float or None
        The number (``None`` or NaN: written as an en dash, like a missing figure in a table).
    digits : int, default 0
        Decimals written (fixed), of the number or of the percentage.
    signed : bool, default False
        Write ``+`` before a positive number or zero (as the format spec ``+`` does; the Arabic
        sign carries CLDR's left-to-right mark, as the minus does).
    percent : bool, default False
        ``value`` is a share (0.41) written as a percentage (``41 %``).

    References
    ----------
    Unicode CLDR, number symbols and patterns of ``fr``, ``ar_DZ`` and ``en``
    (https://cldr.unicode.org/translation/number-currency-formats), through Babel; the choice of
    ``ar_DZ`` is :mod:`grappe.formats`'s.

    Examples
    --------
    >>> m = Message("complexity outlook gain {cog}", cog=Number(0.41234, digits=3))
    >>> m
    'complexity outlook gain 0.412'
    >>> translate(m, "fr")
    'gain de perspective de complexité 0,412'
    >>> Number(1185).text("fr"), Number(1185).text("ar"), Number(1185).text("en")
    ('1\\u202f185', '1.185', '1,185')
    >>> Number(0.5, digits=2, signed=True).text("fr"), Number(-0.5, 2, signed=True).text("ar")
    ('+0,50', '\\u200e-0,50')
    >>> Number(0.2, percent=True).text("fr"), Number(0.2, percent=True).text("en")
    ('20\\xa0%', '20%')
    """

    value: float | None
    digits: int = 0
    signed: bool = False
    percent: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.digits, bool) or not isinstance(self.digits, int) or self.digits < 0:
            raise InvalidParameterError(
                Message(
                    "The digits of a Number must be a whole number from 0. Got {digits!r} instead.",
                    digits=self.digits,
                )
            )
        if self.value is not None:  # a numpy scalar becomes a float, NaN a missing value
            value = float(self.value)
            object.__setattr__(self, "value", value if value == value else None)

    def text(self, lang: str | None = None) -> str:
        """The number in the conventions of ``lang`` (default: the current language)."""
        from grappe.formats import format_number as babel_number  # Babel only when shown
        from grappe.formats import format_share

        lang = lang or current_language()
        if self.percent:
            written = format_share(self.value, lang, digits=self.digits)
        else:
            written = babel_number(self.value, lang, digits=self.digits)
        if self.signed and self.value is not None and not written.startswith(("-", "\u200e-")):
            written = ("\u200e+" if lang == "ar" else "+") + written
        return written

    def __str__(self) -> str:
        return self.text("en")

    def __format__(self, spec: str) -> str:
        return format(self.text("en"), spec)


@dataclasses.dataclass(frozen=True)
class Country:
    """A country in a :class:`Message`, written by :func:`translate` by its name in the reader's
    language (the CLDR territory names shipped with Babel).

    ``code`` is an ISO 3166-1 alpha-2 code (the registry's regions, the members' markets) or
    alpha-3 code (the trade files, the export profiles); a code CLDR does not know is written as
    it is. Like :class:`Number`, the English text is what ``str()`` and format specs give.

    References
    ----------
    .. [1] Unicode CLDR, territory names and aliases (as shipped with Babel).

    Examples
    --------
    >>> translate(Message("{country} exports dates.", country=Country("DZA")), "fr")
    'Algérie exports dates.'
    >>> Country("MA").text("ar"), Country("XYZ").text("fr")
    ('المغرب', 'XYZ')
    """

    code: str

    def text(self, lang: str) -> str:
        """The country's name in ``lang``."""
        from babel import Locale
        from babel.core import get_global

        code = str(self.code).upper()
        if len(code) == 3:
            heirs = get_global("territory_aliases").get(code)
            code = heirs[0] if heirs else code
        return Locale.parse(lang).territories.get(code, str(self.code))

    def __str__(self) -> str:
        return self.text("en")

    def __format__(self, spec: str) -> str:
        return format(self.text("en"), spec)


#: Separator of :class:`Parts` (the Arabic semicolon in Arabic).
_SEPARATOR = Message("; ")

#: Separator of the parts of a place in a file: file, row, column (the Arabic comma in Arabic).
_COMMA = Message(", ")


def translate(
    text: Any,
    lang: str | None = None,
    *,
    values_hook: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> str:
    """``text`` in ``lang``: a :class:`Message` through its template, a plain string when the
    catalogue holds it whole, anything else unchanged.

    ``values_hook`` may rewrite a message's values before they are placed (the command line writes
    a Python parameter as its option there). A translation whose placeholders do not match its
    template falls back to English rather than fail while reporting another error.

    Examples
    --------
    >>> translate("Error:", "ar")
    'خطأ:'
    >>> translate(Message("wrote {path}", path="a.csv"), "en")
    'wrote a.csv'
    """
    lang = lang or current_language()
    if not isinstance(text, str):
        return str(text)
    if not isinstance(text, Message):
        return gettext(text, lang) if text else text
    values = {key: _value(value, lang, values_hook) for key, value in text.values.items()}
    if values_hook is not None:
        values = values_hook(values)
    try:
        return (
            gettext(text.template, lang).format(**values)
            if values
            else gettext(text.template, lang)
        )
    except (KeyError, IndexError, ValueError):
        return text.template.format(**values)


def _value(value: Any, lang: str, hook: Any) -> Any:
    if isinstance(value, Number | Country):
        return value.text(lang)
    if isinstance(value, Parts):
        return gettext(_SEPARATOR, lang).join(translate(v, lang, values_hook=hook) for v in value)
    return translate(value, lang, values_hook=hook) if isinstance(value, Message) else value


def tr(template: str, /, **values: Any) -> str:
    """``template`` in the current language with ``values`` placed (display-time messages).

    Examples
    --------
    >>> with language("ar"):
    ...     tr("Wrote {path}", path="out.csv")
    'كُتب: out.csv'
    """
    return translate(Message(template, **values))


def issue_text(issue: ValidationIssue, lang: str | None = None) -> str:
    """One :class:`~grappe.errors.ValidationIssue` as ``str(issue)`` writes it, in ``lang``.

    Examples
    --------
    >>> issue_text(ValidationIssue("bad value.", file="a.csv", row=3, column="x"), "fr")
    "a.csv, ligne 3, colonne 'x' : bad value."
    """
    where = []
    if issue.file is not None:
        where.append(str(issue.file))
    if issue.row is not None:
        where.append(translate(Message("row {row}", row=issue.row), lang))
    if issue.column is not None:
        where.append(translate(Message("column {column!r}", column=issue.column), lang))
    message = translate(issue.message, lang)
    joined = gettext(_COMMA, lang).join(where)
    text = translate(Message("{where}: {message}", where=joined, message=message), lang)
    text = text if where else message
    if issue.fix:
        text += " " + translate(Message("Fix: {fix}", fix=translate(issue.fix, lang)), lang)
    return text


def error_text(
    error: BaseException,
    lang: str | None = None,
    *,
    values_hook: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> str:
    """The message of ``error`` in ``lang``, as ``str(error)`` writes it in English.

    A :class:`~grappe.errors.DataValidationError` is written issue by issue (:func:`issue_text`);
    another error through its one argument when that is a string (:func:`translate`); anything
    else as ``str(error)``.
    """
    if isinstance(error, DataValidationError):
        shown = error.issues[: error.max_listed]
        lines = [issue_text(issue, lang) for issue in shown]
        if len(error.issues) > len(shown):
            more = Message("… and {count} more problems.", count=len(error.issues) - len(shown))
            lines.append(translate(more, lang))
        return "\n".join(lines)
    if len(error.args) == 1 and isinstance(error.args[0], str):
        return translate(error.args[0], lang, values_hook=values_hook)
    return str(error)


def format_number(value: float | None, lang: str | None = None, *, digits: int = 0) -> str:
    """A number in the conventions of ``lang`` (default: the CLI's language), as the pages and
    reports write it: :func:`grappe.formats.format_number` (Babel; Arabic in Latin digits with
    the ``ar_DZ`` separators); an en dash for a missing value.

    Examples
    --------
    >>> format_number(12345.6, "fr"), format_number(12345.6, "ar", digits=1)
    ('12\\u202f346', '12.345,6')
    >>> format_number(float("nan"), "en")
    '–'
    """
    from grappe.formats import format_number as babel_number  # Babel only when a table is printed

    return babel_number(value, lang or current_language(), digits=digits)
