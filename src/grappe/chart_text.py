"""Text drawn inside matplotlib charts in French, Arabic or English.

matplotlib lays text out glyph by glyph, left to right, without shaping: Arabic letters would be
drawn in their isolated forms and in reverse order. :func:`chart_text` therefore reshapes Arabic
into its contextual presentation forms (``arabic-reshaper``) and reorders the line for display
(``python-bidi``, the Unicode bidirectional algorithm), so that the string given to matplotlib is
already in visual order. Text without Arabic letters is returned unchanged.

The font is DejaVu Sans, which matplotlib bundles and which has the Arabic presentation forms
(U+FB50–FDFF, U+FE70–FEFF); :data:`CHART_FONTS` adds Noto fonts from the system as fallbacks.
Numbers in charts are written by :mod:`grappe.formats` (Latin digits in the three languages).

No I/O.
"""

from __future__ import annotations

import re
from typing import Any

from grappe.errors import MissingDependencyError

__all__ = ["CHART_FONTS", "chart_style", "chart_text", "has_arabic"]

#: Font families of the charts, in order of preference (all with Arabic glyphs).
CHART_FONTS: tuple[str, ...] = ("DejaVu Sans", "Noto Sans Arabic", "Noto Naskh Arabic")

# Arabic letters (the base block and its supplements); presentation forms are output, not input.
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def has_arabic(text: str) -> bool:
    """Whether ``text`` contains Arabic letters.

    Examples
    --------
    >>> has_arabic("العنقود"), has_arabic("Grappe 2024")
    (True, False)
    """
    return bool(_ARABIC.search(str(text)))


def chart_text(text: Any) -> str:
    """``text`` ready for matplotlib: Arabic shaped and in visual order, other text unchanged.

    Raises
    ------
    MissingDependencyError
        If the text has Arabic letters and ``arabic-reshaper`` or ``python-bidi`` is missing.

    Examples
    --------
    >>> chart_text("Emploi 2024")
    'Emploi 2024'
    >>> shaped = chart_text("عنقود 2024")
    >>> shaped.startswith("2024"), "\\ufed8" in shaped  # the number first; ق in its medial form
    (True, True)
    """
    value = str(text)
    if not has_arabic(value):
        return value
    try:
        import arabic_reshaper
        from bidi import get_display
    except ImportError as exc:  # pragma: no cover - both are dependencies of grappe
        raise MissingDependencyError(
            "Drawing Arabic text in charts needs arabic-reshaper and python-bidi: "
            "pip install arabic-reshaper python-bidi (dependencies of grappe)."
        ) from exc
    lines = value.split("\n")  # each line is laid out on its own
    return "\n".join(str(get_display(arabic_reshaper.reshape(line))) for line in lines)


def chart_style() -> dict[str, Any]:
    """matplotlib settings of grappe's charts (``matplotlib.rc_context(chart_style())``).

    Examples
    --------
    >>> chart_style()["font.family"]
    'sans-serif'
    """
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [*CHART_FONTS, "sans-serif"],
        "axes.unicode_minus": True,
    }
