"""Harmonized System product names (4-digit headings) in English, French and Arabic.

The bundled tables live in ``grappe/data/hs/`` (sources, licences and every hand-made choice in
its PROVENANCE.md):

- ``hs_headings.csv`` — one row per heading and language: ``code, edition, lang, name, source``.
  Headings are those of HS 2017; the headings of HS 1992 deleted before 2017 are added (edition
  ``HS1992``) because the bundled trade matrix is coded in HS 1992 (the OEC's HS92 series).
  A name whose source is ``grappe-translation`` was translated by grappe, not published by a
  customs authority; 1,148 French names are the official text of the EU Combined Nomenclature
  2023 (the HS 2017 headings whose text HS 2022 kept), the others grappe's translation.
- ``oec_names.csv`` — the Observatory of Economic Complexity's short names of HS 1992 headings
  (``Tropical Fruits`` = 0804), used to read trade files that name their columns that way.
- ``oec_column_table.csv`` — trade-file column names confirmed by hand (the OEC renamed some
  products; two headings share a short name), with the reason of each.

Reading bundled data is I/O, so this module is in :mod:`grappe.io`; the kernels receive plain
mappings.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError, ValidationIssue
from grappe.vocabulary import LANGUAGES

__all__ = [
    "HS_LANGUAGES",
    "NameMatch",
    "ProductName",
    "load_hs_names",
    "match_product_columns",
    "product_name",
    "search_products",
]

#: Languages of the bundled names.
HS_LANGUAGES: tuple[str, ...] = LANGUAGES

#: The ``source`` value of a name translated by grappe (never an official text).
GRAPPE_TRANSLATION = "grappe-translation"

_HEADINGS_FILE = "hs_headings.csv"
_OEC_NAMES_FILE = "oec_names.csv"
_TABLE_FILE = "oec_column_table.csv"
_CODE = re.compile(r"^\d{4}$")
_EDITIONS = ("HS2017", "HS1992")


@dataclass(frozen=True)
class ProductName:
    """The names of one HS heading.

    Attributes
    ----------
    code : str
        HS 4-digit heading, zero-padded (``"0804"``).
    names : Mapping[str, str]
        Name by language (``"en"``, ``"fr"``, ``"ar"``); a language with no name is absent, never
        invented.
    edition : str
        ``"HS2017"``, or ``"HS1992"`` for a heading deleted before 2017.
    sources : Mapping[str, str]
        Source of each name, by language (``"grappe-translation"`` for grappe's own translation).
    """

    code: str
    names: Mapping[str, str] = field(hash=False)  # read-only mappings: hashed by code, edition
    edition: str = "HS2017"
    sources: Mapping[str, str] = field(default_factory=dict, hash=False)

    def translated(self, lang: str) -> bool:
        """Whether the name in ``lang`` is grappe's translation rather than a published text."""
        return self.sources.get(lang) == GRAPPE_TRANSLATION


@dataclass(frozen=True)
class NameMatch:
    """Trade-file columns matched to HS headings.

    Attributes
    ----------
    codes : Mapping[str, str]
        Column name -> HS 4-digit code, for every matched column (several columns may share a code:
        the OEC renamed products, and its files keep the old name as an all-zero column).
    unmatched : tuple of str
        Columns with no heading, in the order given.
    how : Mapping[str, str]
        Column -> how it was matched: ``"code"`` (the column is an HS code), ``"exact"`` (its
        letters and digits equal one OEC short name) or ``"table"`` (confirmed by hand in
        ``oec_column_table.csv``).
    reasons : Mapping[str, str]
        Column -> why it is unmatched, or, for a ``"table"`` match, the reason recorded in the
        table.
    """

    codes: Mapping[str, str] = field(hash=False)
    unmatched: tuple[str, ...]
    how: Mapping[str, str] = field(hash=False)
    reasons: Mapping[str, str] = field(default_factory=dict, hash=False)

    @property
    def n_matched(self) -> int:
        """Number of matched columns."""
        return len(self.codes)


def _data_dir() -> Path:
    return Path(str(resources.files("grappe").joinpath("data", "hs")))


def _read_rows(path: Path, columns: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a bundled CSV with their 1-based line numbers; checks the header."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DataValidationError(
            ValidationIssue(
                f"cannot read the bundled HS table ({exc.strerror}).",
                file=str(path),
                fix="reinstall grappe or restore the file from the repository.",
            )
        ) from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise DataValidationError(
                ValidationIssue(
                    f"the header lacks the column(s) {', '.join(missing)}.",
                    file=str(path),
                    row=1,
                    column=missing[0],
                    fix=f"the header must be: {','.join(columns)}.",
                )
            )
        return [(line, row) for line, row in enumerate(reader, start=2)]


def _check_code(code: str | None, path: Path, line: int, column: str) -> str:
    if code is None or not _CODE.match(code):
        raise DataValidationError(
            ValidationIssue(
                f"{code!r} is not a 4-digit HS code.",
                file=str(path),
                row=line,
                column=column,
                fix="write the heading with 4 digits, zero-padded (0804).",
            )
        )
    return code


def read_hs_names(path: str | Path) -> dict[str, ProductName]:
    """Read a heading-names table (``code, edition, lang, name, source``).

    Parameters
    ----------
    path : str or Path
        The CSV file; the bundled one is read by :func:`load_hs_names`.

    Returns
    -------
    dict
        :class:`ProductName` by HS 4-digit code, in code order.

    Raises
    ------
    DataValidationError
        If a header column is missing, or a row has a bad code, an unknown language or edition, an
        empty name, or repeats a (code, language) pair; the error names the file, row and column.

    References
    ----------
    World Customs Organization, *Harmonized Commodity Description and Coding System*, 2017 edition
    (headings as published by UN Comtrade in ``datasets/harmonized-system``).
    """
    path = Path(path)
    names: dict[str, dict[str, str]] = {}
    sources: dict[str, dict[str, str]] = {}
    editions: dict[str, str] = {}
    for line, row in _read_rows(path, ("code", "edition", "lang", "name", "source")):
        code = _check_code(row["code"], path, line, "code")
        lang, name, edition = row["lang"], (row["name"] or "").strip(), row["edition"]
        problem = None
        if lang not in HS_LANGUAGES:
            problem = (
                "lang",
                f"unknown language {lang!r}.",
                f"use one of {', '.join(HS_LANGUAGES)}.",
            )
        elif edition not in _EDITIONS:
            problem = ("edition", f"unknown edition {edition!r}.", f"use {' or '.join(_EDITIONS)}.")
        elif not name:
            problem = ("name", "the name is empty.", "give the name or delete the row.")
        elif lang in names.get(code, {}):
            problem = (
                "lang",
                f"{code} has two names in {lang!r}.",
                "keep one row per code and language.",
            )
        elif editions.setdefault(code, edition) != edition:
            problem = ("edition", f"{code} is given two editions.", "one edition per heading.")
        if problem is not None:
            column, message, fix = problem
            raise DataValidationError(
                ValidationIssue(message, file=str(path), row=line, column=column, fix=fix)
            )
        names.setdefault(code, {})[lang] = name
        sources.setdefault(code, {})[lang] = row["source"] or ""
    return {
        code: ProductName(
            code=code,
            names=MappingProxyType(dict(names[code])),
            edition=editions[code],
            sources=MappingProxyType(dict(sources[code])),
        )
        for code in sorted(names)
    }


@lru_cache(maxsize=1)
def _bundled_names() -> Mapping[str, ProductName]:
    return MappingProxyType(read_hs_names(_data_dir() / _HEADINGS_FILE))


def load_hs_names() -> Mapping[str, ProductName]:
    """The bundled HS 4-digit headings with their English, French and Arabic names (cached).

    Returns
    -------
    Mapping[str, ProductName]
        By HS 4-digit code; read-only.

    Raises
    ------
    DataValidationError
        If the bundled file is damaged.

    References
    ----------
    World Customs Organization, *Harmonized System Nomenclature 2017 edition*; sources of each
    language in ``grappe/data/hs/PROVENANCE.md``.

    Examples
    --------
    >>> load_hs_names()["0804"].names["en"][:27]
    'Dates, figs, pineapples, av'
    """
    return _bundled_names()


def product_name(code: str, lang: str = "en") -> str:
    """The name of an HS heading in a language, falling back to English, then to the code.

    Parameters
    ----------
    code : str
        HS 4-digit code (``"0804"``; ``"804"`` is zero-padded).
    lang : {"en", "fr", "ar"}
        Wanted language.

    Returns
    -------
    str
        The name in ``lang``; the English name when that language is missing; the code itself when
        the heading has no name at all.

    Raises
    ------
    InvalidParameterError
        If ``lang`` is not one of :data:`HS_LANGUAGES`.
    NotFoundError
        If ``code`` is not a heading of the bundled nomenclature.

    References
    ----------
    See :func:`load_hs_names`.

    Examples
    --------
    >>> product_name("0804", "en").split(";")[0]
    'Dates, figs, pineapples, avocados, guavas, mangoes and mangosteens'
    """
    if lang not in HS_LANGUAGES:
        raise InvalidParameterError(
            f"The 'lang' parameter of product_name must be one of {', '.join(HS_LANGUAGES)}; "
            f"got {lang!r} instead."
        )
    key = str(code).strip()
    if key.isdigit() and len(key) == 3:
        key = key.zfill(4)
    entry = load_hs_names().get(key)
    if entry is None:
        raise NotFoundError(
            f"{code!r} is not an HS 4-digit heading of the bundled nomenclature (HS 2017, plus the "
            "HS 1992 headings deleted since). Give a 4-digit code such as 0804."
        )
    return entry.names.get(lang) or entry.names.get("en") or entry.code


def search_products(query: str, *, lang: str = "en") -> tuple[ProductName, ...]:
    """Headings whose code starts with ``query`` or whose name in ``lang`` contains it.

    Parameters
    ----------
    query : str
        Digits (a code prefix: ``"08"``) or words (case-insensitive, every word must appear).
    lang : {"en", "fr", "ar"}
        Language of the names searched.

    Returns
    -------
    tuple of ProductName
        In code order.

    Raises
    ------
    InvalidParameterError
        If ``lang`` is unknown.

    References
    ----------
    See :func:`load_hs_names`.
    """
    if lang not in HS_LANGUAGES:
        raise InvalidParameterError(
            f"The 'lang' parameter of search_products must be one of {', '.join(HS_LANGUAGES)}; "
            f"got {lang!r} instead."
        )
    text = query.strip().casefold()
    if text.isdigit():
        return tuple(p for p in load_hs_names().values() if p.code.startswith(text))
    words = text.split()
    return tuple(
        p
        for p in load_hs_names().values()
        if all(w in p.names.get(lang, "").casefold() for w in words)
    )


def _letters(name: str) -> str:
    """A name's letters and digits, lower-cased: 'Alcohol > 80% ABV' and 'Alcohol_80_ABV' meet."""
    return re.sub(r"[^0-9a-z]", "", name.casefold())


@lru_cache(maxsize=1)
def _oec_index() -> Mapping[str, tuple[str, ...]]:
    path = _data_dir() / _OEC_NAMES_FILE
    index: dict[str, list[str]] = {}
    for line, row in _read_rows(path, ("code", "oec_name")):
        code = _check_code(row["code"], path, line, "code")
        index.setdefault(_letters(row["oec_name"] or ""), []).append(code)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


@lru_cache(maxsize=1)
def _confirmed_table() -> Mapping[str, tuple[str, str]]:
    path = _data_dir() / _TABLE_FILE
    table: dict[str, tuple[str, str]] = {}
    for line, row in _read_rows(path, ("column", "code", "reason")):
        code = _check_code(row["code"], path, line, "code")
        column = row["column"] or ""
        if not column or column in table:
            raise DataValidationError(
                ValidationIssue(
                    f"the column name {column!r} is empty or repeated.",
                    file=str(path),
                    row=line,
                    column="column",
                    fix="one row per trade-file column.",
                )
            )
        table[column] = (code, row["reason"] or "")
    return MappingProxyType(table)


def match_product_columns(columns: Iterable[str]) -> NameMatch:
    """Match trade-file product columns (OEC short names or HS codes) to HS 4-digit headings.

    A column is matched, in this order, by the hand-confirmed table (``"table"``), as an HS code
    (``"code"``), or when its letters and digits equal exactly one OEC short name (``"exact"``:
    ``TropicalFruits`` = "Tropical Fruits" = 0804). Nothing is guessed: a name shared by two
    headings, or close to a name but not equal, stays unmatched until a person confirms it in the
    table. A match whose heading is not in the bundled nomenclature is reported unmatched.

    Parameters
    ----------
    columns : iterable of str
        Column names (for a wide trade matrix: every column but the country one).

    Returns
    -------
    NameMatch

    References
    ----------
    Simoes, A. J. G. & Hidalgo, C. A. (2011). The Economic Complexity Observatory. *Workshops at
    AAAI-11* (the OEC's product short names); Stojkoski, Koch & Hidalgo (2023), whose 2020 matrix
    names its columns this way.

    Examples
    --------
    >>> m = match_product_columns(["TropicalFruits", "Alcohol_80_ABV", "0901", "Nonsense"])
    >>> dict(m.codes), m.unmatched
    ({'TropicalFruits': '0804', 'Alcohol_80_ABV': '2207', '0901': '0901'}, ('Nonsense',))
    """
    headings = load_hs_names()
    table, index = _confirmed_table(), _oec_index()
    codes: dict[str, str] = {}
    how: dict[str, str] = {}
    reasons: dict[str, str] = {}
    unmatched: list[str] = []
    for column in columns:
        name = str(column)
        code, method = None, None
        if name in table:
            code, method = table[name][0], "table"
            reasons[name] = table[name][1]
        elif _CODE.match(name.strip()):
            code, method = name.strip(), "code"
        else:
            found = index.get(_letters(name), ())
            if len(found) == 1:
                code, method = found[0], "exact"
            elif len(found) > 1:
                reasons[name] = (
                    f"OEC short name shared by {', '.join(found)}; confirm it in the table."
                )
            else:
                reasons[name] = "no OEC short name or HS code matches."
        if code is not None and code not in headings:
            reasons[name] = f"heading {code} is not in the bundled nomenclature."
            code = None
        if code is None:
            unmatched.append(name)
            continue
        codes[name] = code
        how[name] = method or "exact"
    return NameMatch(
        codes=MappingProxyType(codes),
        unmatched=tuple(unmatched),
        how=MappingProxyType(how),
        reasons=MappingProxyType(reasons),
    )
