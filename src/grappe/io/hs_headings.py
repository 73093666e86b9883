"""A list of HS 4-digit headings typed by a person: ``0804,2009`` — the headings of a cluster's
exports (the registry's ``clusters.export_products``, the workspace's cluster form, the API,
``grappe exports cluster --products``).

One parser for every door, so that the form, the API and the command line refuse the same
values with the same message. A heading must be one of the bundled nomenclature
(:func:`grappe.io.hs.load_hs_names`: HS 2017 and the HS 1992 headings deleted since, which the
2020 trade matrix uses), so a typing slip (``0840`` for ``0804``) is refused only when it names
no heading at all; the page then shows the heading's name, where a slip is seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.io.hs import load_hs_names

__all__ = ["format_headings", "parse_headings"]

_SEPARATORS = re.compile(r"[,;\s]+")
_FOUR_DIGITS = re.compile(r"^\d{4}$")


def parse_headings(value: str | Iterable[str] | None, *, field: str) -> tuple[str, ...]:
    """HS 4-digit headings from ``"0804,2009"`` (commas, semicolons or spaces) or a list of
    codes; in the order given, each once; ``()`` for nothing.

    Parameters
    ----------
    value : str, iterable of str or None
        The headings.
    field : str
        The name of the field or option, named in the error (``"export_products"``,
        ``"--products"``).

    Returns
    -------
    tuple of str

    Raises
    ------
    InvalidParameterError
        A code that is not four digits (``"08A4"``, ``"804"``), or four digits that are no
        heading of the Harmonized System.

    References
    ----------
    .. [1] World Customs Organization, *Harmonized Commodity Description and Coding System*,
       2017 edition (4-digit headings); the bundled names: ``grappe/data/hs/PROVENANCE.md``.

    Examples
    --------
    >>> parse_headings("0804, 2009;0804", field="export_products")
    ('0804', '2009')
    >>> parse_headings(["7418"], field="export_products")
    ('7418',)
    >>> parse_headings("", field="export_products")
    ()
    """
    if value is None:
        return ()
    items = _SEPARATORS.split(value) if isinstance(value, str) else [str(v) for v in value]
    codes = [c.strip() for c in items if c and c.strip()]
    known = load_hs_names()
    for code in codes:
        if not _FOUR_DIGITS.match(code):
            raise InvalidParameterError(
                Message(
                    "{field} takes HS4 headings of four digits separated by commas "
                    "(0804,2009); got {code!r}.",
                    field=field,
                    code=code,
                )
            )
        if code not in known:
            raise InvalidParameterError(
                Message(
                    "{field}: {code!r} is no heading of the Harmonized System; grappe exports "
                    "names {chapter} lists the headings of its chapter.",
                    field=field,
                    code=code,
                    chapter=code[:2],
                )
            )
    return tuple(dict.fromkeys(codes))


def format_headings(codes: Iterable[str] | None) -> str:
    """The headings as a person types them: ``"0804, 2009"`` (``""`` for none).

    Examples
    --------
    >>> format_headings(("0804", "2009"))
    '0804, 2009'
    """
    return ", ".join(codes or ())
