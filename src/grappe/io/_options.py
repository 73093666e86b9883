"""How to read a text table: :class:`ReadOptions` and the separators and marks it accepts.

Private to :mod:`grappe.io`; use it as :class:`grappe.io.files.ReadOptions`.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from grappe.errors import InvalidParameterError

#: Separators detected when ``sep`` is not given, in order of preference on a tie.
SEPARATORS: tuple[str, ...] = (",", ";", "\t", "|")

#: Suffix of a table file → its format.
TABLE_SUFFIXES: dict[str, str] = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "tsv",
    ".csv.gz": "csv.gz",
    ".txt.gz": "csv.gz",
    ".tsv.gz": "tsv.gz",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "excel",
}

_THOUSANDS = (" ", "\u00a0", "\u202f", ".", ",", "'", "\u066c")

_DECIMALS = (".", ",")

_SPACES = " \u00a0\u202f"

_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u2212": "-",  # minus sign
    }
)

_MAX_LISTED = 20

_ENCODING_FIX = (
    "give the file's encoding with --encoding (for example --encoding cp1252 for a CSV saved "
    "by a French Excel; ReadOptions(encoding='cp1252') in Python), or save it as 'CSV UTF-8'."
)


@dataclass(frozen=True)
class ReadOptions:
    """How to read a text table: encoding, separator and the way numbers are written.

    Parameters
    ----------
    encoding : str, optional
        Text encoding (``"utf-8"``, ``"cp1252"``, ``"latin-1"``…). Default: detected (UTF-16
        with a byte-order mark, else UTF-8 with or without a byte-order mark, else cp1252).
    sep : str, optional
        Field separator, one character (``"tab"`` is accepted for a tab). Default: detected
        among ``,`` ``;`` tab ``|`` from the header line.
    decimal : {".", ","}, default "."
        Decimal mark of the numbers.
    thousands : str, optional
        Thousands separator of the numbers, besides the spaces that are always accepted
        (``"."`` is implied by ``decimal=","``).

    Examples
    --------
    >>> ReadOptions(sep=";", decimal=",")
    ReadOptions(encoding=None, sep=';', decimal=',', thousands=None)
    """

    encoding: str | None = None
    sep: str | None = None
    decimal: str = "."
    thousands: str | None = None

    def __post_init__(self) -> None:
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except (LookupError, TypeError):
                raise InvalidParameterError(
                    "The 'encoding' option must be a text encoding such as utf-8 or cp1252. "
                    f"Got {self.encoding!r} instead."
                ) from None
        if self.sep is not None:
            sep = "\t" if self.sep in ("tab", "\\t", "TAB") else self.sep
            if not isinstance(sep, str) or len(sep) != 1 or sep in '\r\n"':
                raise InvalidParameterError(
                    "The 'sep' option must be one character such as , ; | or 'tab'. "
                    f"Got {self.sep!r} instead."
                )
            object.__setattr__(self, "sep", sep)
        if self.decimal not in _DECIMALS:
            raise InvalidParameterError(
                f"The 'decimal' option must be '.' or ','. Got {self.decimal!r} instead."
            )
        if self.thousands is not None:
            thousands = {"space": " ", "nbsp": "\u00a0"}.get(self.thousands, self.thousands)
            if thousands not in _THOUSANDS or thousands == self.decimal:
                raise InvalidParameterError(
                    "The 'thousands' option must be one of space, '.', ',', \"'\" (and differ "
                    f"from the decimal mark {self.decimal!r}). Got {self.thousands!r} instead."
                )
            object.__setattr__(self, "thousands", thousands)
        if self.sep is not None and self.sep == self.decimal:
            raise InvalidParameterError(
                f"The 'sep' and 'decimal' options must differ. Got {self.sep!r} for both."
            )


_DEFAULT = ReadOptions()
