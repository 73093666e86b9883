"""Industry-code helpers: normalisation, levels, validation and nesting (pure, no I/O).

Industry classifications are hierarchies of codes. A table that mixes levels (a NAICS sector
``31-33`` and its 6-digit industries) double-counts when summed, so :func:`check_single_level`
refuses codes nested inside each other.

Supported classifications (argument ``classification``):

``"naics2017"`` (also ``"naics2012"``, ``"naics2022"``, ``"naics"``)
    ``00`` (all sectors) is level 0; 2-digit sectors and the hyphenated sectors ``31-33``,
    ``44-45``, ``48-49`` are level 2; other codes have as many levels as digits (3 to 6).
``"nace2"``, ``"isic4"`` and ``"naa"``
    ``TOTAL`` is level 0; a section letter ``A``–``U`` (or a published group of sections such as
    ``B-E`` or ``M_N``) is level 1; a division (2 digits) level 2; a group (``dd.d``) level 3; a
    class (``dd.dd``) level 4. Dots and a leading section letter (``C10.11``) are accepted and
    removed: codes are normalised to their digits (``"1011"``); ILOSTAT's ``ECO_ISIC4_`` prefix
    is removed too. A division lies under its section (``10`` under ``C``), and a section under
    the grouped section of the ISIC/NACE high-level aggregation A*10 that holds it (``C`` under
    ``B-E``) [3]_; a group of two adjacent sections is written ``M_N`` (``M-N`` is read as it).
    ``"naa"`` is Algeria's Nomenclature Algérienne des Activités in its revision 1 (ONS, 2017),
    which has NACE Rev.2's 21 sections and 88 divisions [4]_: it is read with NACE Rev.2's
    structure (its groups and classes differ from NACE's). NAA 2000, derived from NACE Rev.1, is
    not: its divisions number other activities.
``"custom"``
    Any non-empty code; no levels and no nesting are known.

References
----------
.. [1] U.S. Census Bureau, "North American Industry Classification System — United States, 2017".
.. [2] Eurostat (2008), "NACE Rev. 2 — Statistical classification of economic activities in the
   European Community", Methodologies and Working papers, KS-RA-07-015.
.. [3] United Nations (2008), "International Standard Industrial Classification of All Economic
   Activities (ISIC), Revision 4", Statistical Papers M/4/Rev.4 (Part Four: the high-level
   aggregation A*10).
.. [4] Office National des Statistiques (Algérie), "Note de présentation de la Nomenclature
   Algérienne des Activités (NAA)"; Nomenclature Algérienne des Activités et des Produits
   (NAAP Rev.1), executive decree of 2017 (21 sections, 88 divisions, 274 groups, 656 classes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from grappe._validation import check_option
from grappe.errors import DataValidationError, ValidationIssue
from grappe.i18n import Message

__all__ = [
    "CLASSIFICATIONS",
    "NACE_FAMILY",
    "SECTION_AGGREGATES",
    "ancestors",
    "check_single_level",
    "classification_family",
    "code_level",
    "descends_from",
    "is_ancestor",
    "malformed_codes",
    "nested_pairs",
    "normalize_code",
    "validate_codes",
]

#: Classification names accepted by the functions of this module.
CLASSIFICATIONS: tuple[str, ...] = (
    "naics2017",
    "naics2012",
    "naics2022",
    "naics",
    "nace2",
    "isic4",
    "naa",
    "custom",
)

#: Classifications read with the NACE Rev.2 structure (family ``"nace"``).
NACE_FAMILY: tuple[str, ...] = ("nace2", "isic4", "naa")

_NAICS_SECTORS = {"31-33": ("31", "32", "33"), "44-45": ("44", "45"), "48-49": ("48", "49")}
_NAICS_SECTOR_OF = {d: s for s, ds in _NAICS_SECTORS.items() for d in ds}
_NAICS_RE = re.compile(r"^(?:00|\d{2,6}|31-33|44-45|48-49)$")

# NACE Rev.2 and ISIC Rev.4 share their sections and divisions (NACE is ISIC's European version).
_SECTION_DIVISIONS = {
    "A": (1, 3),
    "B": (5, 9),
    "C": (10, 33),
    "D": (35, 35),
    "E": (36, 39),
    "F": (41, 43),
    "G": (45, 47),
    "H": (49, 53),
    "I": (55, 56),
    "J": (58, 63),
    "K": (64, 66),
    "L": (68, 68),
    "M": (69, 75),
    "N": (77, 82),
    "O": (84, 84),
    "P": (85, 85),
    "Q": (86, 88),
    "R": (90, 93),
    "S": (94, 96),
    "T": (97, 98),
    "U": (99, 99),
}
_SECTION_OF = {
    f"{d:02d}": s for s, (lo, hi) in _SECTION_DIVISIONS.items() for d in range(lo, hi + 1)
}
# Divisions absent from the classification (04, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89).
_SECTIONS = "ABCDEFGHIJKLMNOPQRSTU"
_SECTION_GROUP_RE = re.compile(r"^([A-U])[-_]([A-U])$")
_DIGITS_RE = re.compile(r"^([A-U])?(\d{2}(?:\d{1,2})?)$")
_ILOSTAT_PREFIX = "ECO_ISIC4_"

#: The grouped sections of the high-level aggregation A*10 of ISIC Rev.4 (Part Four) and NACE
#: Rev.2, as Eurostat writes them; the other sections (A, F, J, K, L) stand alone.
SECTION_AGGREGATES: dict[str, str] = {
    "B-E": "BCDE",
    "G-I": "GHI",
    "M_N": "MN",
    "O-Q": "OPQ",
    "R-U": "RSTU",
}
_AGGREGATE_OF = {s: g for g, sections in SECTION_AGGREGATES.items() for s in sections}


def classification_family(classification: str) -> str:
    """Family of a classification: ``"naics"``, ``"nace"`` (NACE and ISIC) or ``"custom"``.

    Examples
    --------
    >>> classification_family("naics2017")
    'naics'
    >>> classification_family("isic4")
    'nace'
    """
    family = _FAMILIES.get(classification) if isinstance(classification, str) else None
    if family is None:
        check_option(
            classification, "classification", CLASSIFICATIONS, func="classification_family"
        )
    return family


_FAMILIES = {
    c: "naics" if c.startswith("naics") else "nace" if c in NACE_FAMILY else "custom"
    for c in CLASSIFICATIONS
}


def normalize_code(code: str, classification: str) -> str:
    """Return ``code`` in canonical form (stripped; NACE/ISIC without dots or section letter).

    Examples
    --------
    >>> normalize_code(" 336411 ", "naics2017")
    '336411'
    >>> normalize_code("C10.11", "nace2")
    '1011'
    >>> normalize_code("m-n", "nace2"), normalize_code("ECO_ISIC4_C", "isic4")
    ('M_N', 'C')
    """
    family = classification_family(classification)
    text = str(code).strip()
    if family != "nace":
        return text
    text = text.upper().replace(".", "").replace(" ", "")
    if text.startswith(_ILOSTAT_PREFIX):
        text = text[len(_ILOSTAT_PREFIX) :]
    match = _DIGITS_RE.match(text)
    if match and (match.group(1) is None or _SECTION_OF.get(match.group(2)[:2]) == match.group(1)):
        return match.group(2)
    group = _SECTION_GROUP_RE.match(text)
    if group and ord(group.group(2)) - ord(group.group(1)) == 1:
        # two adjacent sections: "M-N" and "M_N" are one group, written as Eurostat does
        return f"{group.group(1)}_{group.group(2)}"
    return text


def code_level(code: str, classification: str) -> int | None:
    """Level of a (normalised) code in its hierarchy, or ``None`` when it is malformed.

    Parameters
    ----------
    code : str
        Industry code, already normalised by :func:`normalize_code`.
    classification : str
        One of :data:`CLASSIFICATIONS`.

    Returns
    -------
    int or None
        NAICS: 0 for ``00``, 2 for sectors, else the number of digits. NACE/ISIC: 0 ``TOTAL``,
        1 section, 2 division, 3 group, 4 class. Custom: 0 for any non-empty code (custom codes
        have no known hierarchy). ``None`` for a malformed code.

    Examples
    --------
    >>> code_level("31-33", "naics2017"), code_level("3364", "naics2017")
    (2, 4)
    >>> code_level("101", "nace2"), code_level("C", "nace2"), code_level("1x", "naics")
    (3, 1, None)
    """
    family = classification_family(classification)
    if family == "naics":
        if not _NAICS_RE.match(code):
            return None
        if code == "00":
            return 0
        return 2 if "-" in code else len(code)
    if family == "nace":
        if code == "TOTAL":
            return 0
        if len(code) == 1 and code in _SECTIONS:
            return 1
        group = _SECTION_GROUP_RE.match(code)
        if group:
            return 1 if group.group(1) < group.group(2) else None
        if code.isdigit() and 2 <= len(code) <= 4 and code[:2] in _SECTION_OF:
            return len(code)
        return None
    return 0 if code else None


def malformed_codes(codes: Iterable[str], classification: str) -> list[str]:
    """Codes that are not well-formed codes of ``classification`` (in input order, distinct).

    Examples
    --------
    >>> malformed_codes(["311111", "31-33", "3A", "1234567"], "naics2017")
    ['3A', '1234567']
    """
    seen: dict[str, None] = {}
    for code in codes:
        if code not in seen and code_level(code, classification) is None:
            seen[code] = None
    return list(seen)


def validate_codes(
    codes: Iterable[str],
    classification: str,
    *,
    known: Iterable[str] | None = None,
    file: str | None = None,
    column: str | None = None,
    rows: dict[str, int] | None = None,
) -> list[ValidationIssue]:
    """Issues for malformed codes and, when ``known`` is given, codes absent from that list.

    Parameters
    ----------
    codes : iterable of str
        Normalised codes.
    classification : str
        One of :data:`CLASSIFICATIONS`.
    known : iterable of str, optional
        The code list of the classification; codes outside it are reported as unknown.
    file, column : str, optional
        Where the codes come from, for the messages.
    rows : dict, optional
        Code → row where it first appears, for the messages.

    Returns
    -------
    list of ValidationIssue
        Empty when every code is valid.

    Examples
    --------
    >>> [i.message for i in validate_codes(["11", "1X"], "naics2017")]
    ["'1X' is not a well-formed naics2017 code."]
    """
    rows = rows or {}
    distinct = list(dict.fromkeys(codes))
    issues = [
        ValidationIssue(
            Message(
                "{code!r} is not a well-formed {classification} code.",
                code=c,
                classification=classification,
            ),
            file=file,
            row=rows.get(c),
            column=column,
            fix=_malformed_fix(classification),
        )
        for c in malformed_codes(distinct, classification)
    ]
    if known is not None:
        known_set = {normalize_code(k, classification) for k in known}
        bad = {i.message.split("'")[1] for i in issues}
        issues.extend(
            ValidationIssue(
                Message(
                    "{code!r} is not a code of the {classification} code list.",
                    code=c,
                    classification=classification,
                ),
                file=file,
                row=rows.get(c),
                column=column,
                fix=Message("correct the code, or check the 'classification' of the file."),
            )
            for c in distinct
            if c not in known_set and c not in bad
        )
    return issues


def _malformed_fix(classification: str) -> str:
    family = classification_family(classification)
    if family == "naics":
        return Message("NAICS codes are '00', a sector ('31-33') or 2 to 6 digits; check the code.")
    if family == "nace":
        fix = Message(
            "NACE/ISIC codes are 'TOTAL', a section letter A-U, a group of sections ('B-E', "
            "'M_N'), or a division, group or class ('10', '10.1', '10.11'); check the code."
        )
        if classification == "naa":
            fix = Message(
                "{fix} NAA codes are read with the structure of NAA Rev.1 (2017, as NACE Rev.2); "
                "codes of NAA 2000 (from NACE Rev.1: divisions 40, 67, sections A-Q of other "
                "content) must first be converted.",
                fix=fix,
            )
        return fix
    return Message("industry codes must be non-empty.")


def ancestors(code: str, classification: str) -> tuple[str, ...]:
    """Codes that contain ``code``, from the top of the hierarchy down.

    NACE/ISIC codes have the grouped section of the A*10 aggregation that holds their section
    (:data:`SECTION_AGGREGATES`) among their ancestors; other groups of sections (``G-J``,
    ``K-N``) contain codes too (:func:`is_ancestor`) but are not in this chain.

    Examples
    --------
    >>> ancestors("311111", "naics2017")
    ('00', '31-33', '31', '311', '3111', '31111')
    >>> ancestors("1011", "nace2")
    ('TOTAL', 'B-E', 'C', '10', '101')
    >>> ancestors("C", "isic4"), ancestors("F", "naa")
    (('TOTAL', 'B-E'), ('TOTAL',))
    """
    level = code_level(code, classification)
    family = classification_family(classification)
    if level is None or level == 0 or family == "custom":
        return ()
    if family == "naics":
        if level == 2:
            return (
                ("00",)
                if "-" in code or code not in _NAICS_SECTOR_OF
                else ("00", _NAICS_SECTOR_OF[code])
            )
        head = ("00", _NAICS_SECTOR_OF[code[:2]]) if code[:2] in _NAICS_SECTOR_OF else ("00",)
        return head + tuple(code[:n] for n in range(2, len(code)))
    if level == 1:
        return ("TOTAL", _AGGREGATE_OF[code]) if code in _AGGREGATE_OF else ("TOTAL",)
    section = _SECTION_OF[code[:2]]
    group = (_AGGREGATE_OF[section],) if section in _AGGREGATE_OF else ()
    return ("TOTAL", *group, section) + tuple(code[:n] for n in range(2, len(code)))


def is_ancestor(a: str, b: str, classification: str) -> bool:
    """Whether code ``a`` strictly contains code ``b``.

    Examples
    --------
    >>> is_ancestor("31-33", "336411", "naics2017"), is_ancestor("3364", "336411", "naics")
    (True, True)
    >>> is_ancestor("B-E", "1011", "nace2"), is_ancestor("10", "11", "nace2")
    (True, False)
    """
    if a == b:
        return False
    if a in ancestors(b, classification):
        return True
    group = _SECTION_GROUP_RE.match(a) if classification_family(classification) == "nace" else None
    if group and code_level(a, classification) == 1 and a != b:
        section = b if len(b) == 1 else _SECTION_OF.get(b[:2]) if b[:2].isdigit() else None
        inner = _SECTION_GROUP_RE.match(b)
        if inner:
            return group.group(1) <= inner.group(1) and inner.group(2) <= group.group(2)
        return section is not None and group.group(1) <= section <= group.group(2)
    return False


def descends_from(code: str, rule: str, classification: str) -> bool:
    """Whether ``code`` equals ``rule`` or lies below it (a rule is a code used as a prefix).

    Examples
    --------
    >>> descends_from("1011", "10", "nace2"), descends_from("1011", "1011", "nace2")
    (True, True)
    """
    return code == rule or is_ancestor(rule, code, classification)


def nested_pairs(codes: Iterable[str], classification: str) -> list[tuple[str, str]]:
    """Pairs ``(ancestor, descendant)`` among ``codes``, ordered by descendant then ancestor.

    Examples
    --------
    >>> nested_pairs(["00", "311111", "42"], "naics2017")
    [('00', '311111'), ('00', '42')]
    """
    distinct = list(dict.fromkeys(codes))
    present = set(distinct)
    groups = [c for c in distinct if _SECTION_GROUP_RE.match(c)]
    pairs = []
    for code in sorted(distinct):
        found = [a for a in ancestors(code, classification) if a in present]
        if groups and classification_family(classification) == "nace":
            found += [g for g in groups if is_ancestor(g, code, classification)]
        pairs.extend((a, code) for a in sorted(set(found)))
    return pairs


def check_single_level(
    codes: Iterable[str],
    *,
    classification: str,
    file: str | None = None,
    column: str | None = None,
) -> None:
    """Raise when some of ``codes`` are nested inside others (summing them would double-count).

    Parameters
    ----------
    codes : iterable of str
        Normalised codes selected for one aggregation.
    classification : str
        One of :data:`CLASSIFICATIONS`.
    file, column : str, optional
        Where the codes come from, for the message.

    Raises
    ------
    DataValidationError
        Naming two nested codes and the fix (select one level with ``levels=``).

    Examples
    --------
    >>> check_single_level(["311111", "336411"], classification="naics2017")
    >>> check_single_level(["31-33", "336411"], classification="naics2017")
    Traceback (most recent call last):
    ...
    grappe.errors.DataValidationError: ... '31-33' contains '336411' ...
    """
    classification = check_option(
        classification, "classification", CLASSIFICATIONS, func="check_single_level"
    )
    pairs = nested_pairs(codes, classification)
    if not pairs:
        return
    outer, inner = pairs[0]
    levels = sorted({code_level(c, classification) for pair in pairs for c in pair})
    raise DataValidationError(
        ValidationIssue(
            Message(
                "industry codes of several levels are mixed: {outer!r} contains {inner!r} "
                "({count} nested pairs in all); summing them would count jobs twice.",
                outer=outer,
                inner=inner,
                count=len(pairs),
            ),
            file=file,
            column=column,
            fix=Message("select one level when reading, e.g. levels=({level},).", level=levels[-1]),
        )
    )
