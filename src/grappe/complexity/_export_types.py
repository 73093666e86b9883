"""The results of :func:`grappe.complexity.export_profile`: frozen records of a country's
products and opportunities, with the flat records every front end prints (no I/O).

The names are re-exported by :mod:`grappe.complexity.exports`, where they are documented.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from grappe._validation import check_option
from grappe.i18n import Message, Number, translate
from grappe.vocabulary import LANGUAGES

__all__ = [
    "NAME_LANGUAGES",
    "RECORD_KINDS",
    "ExportProduct",
    "ExportProfile",
    "Opportunity",
    "product_words",
    "upgrade_reason",
]

#: What :meth:`ExportProfile.to_records` can list.
RECORD_KINDS = ("products", "opportunities")

#: Languages of product names (the observatory's three).
NAME_LANGUAGES = ("en", *(lang for lang in LANGUAGES if lang != "en"))  # English first: the source


@dataclass(frozen=True)
class ExportProduct:
    """A product a country exports with a revealed comparative advantage.

    Attributes
    ----------
    product : str
        The trade file's column name (e.g. ``"TropicalFruits"``).
    code : str or None
        Its HS 4-digit code (``"0804"``) when known.
    names : Mapping[str, str]
        Its name by language (``"en"``, ``"fr"``, ``"ar"``); a language without a known name is
        absent, never invented.
    value : float
        The country's exports of the product (the matrix's unit, USD for the bundled matrix).
    share : float
        ``value`` over the country's total exports (0–1).
    rca : float
        Balassa's revealed comparative advantage on the whole matrix.
    pci : float or None
        Product complexity index in the complexity sample (``None`` for a product outside it).
    """

    product: str
    code: str | None
    names: Mapping[str, str]
    value: float
    share: float
    rca: float
    pci: float | None


@dataclass(frozen=True)
class Opportunity:
    """A product the country does not export with an advantage yet, ranked by its score.

    Attributes
    ----------
    product, code, names
        As in :class:`ExportProduct`.
    density : float
        Relatedness density (0–1): the share of the product's proximity to all products that
        falls on products the country exports with an advantage.
    density_percentile : float
        Share of the country's candidate products whose density is at most this one (0–1).
    pci : float
        Product complexity index.
    cog : float
        Complexity outlook gain of adding the product (Growth Lab convention).
    rca : float
        The country's current RCA in the product (< 1).
    score : float
        ``w · z(density) + (1 − w) · z(COG)``, the z-scores taken over the candidates.
    rank : int
        1 for the best score.
    reasons : tuple of Message
        Why it ranks here, each a :class:`~grappe.i18n.Message` (English ``str`` whose template
        and values :func:`~grappe.i18n.translate` renders in French or Arabic).
    near : tuple of str
        The country's exported products (trade-file names) closest to it in the product space.
    near_names : tuple of Mapping[str, str]
        The names of ``near`` by language, for the reason "close to …" in French or Arabic.
    """

    product: str
    code: str | None
    names: Mapping[str, str]
    density: float
    density_percentile: float
    pci: float
    cog: float
    rca: float
    score: float
    rank: int
    reasons: tuple[str, ...]
    near: tuple[str, ...]
    near_names: tuple[Mapping[str, str], ...] = ()


@dataclass(frozen=True)
class ExportProfile:
    """What a country exports, how complex it is, and what it could export next.

    Attributes
    ----------
    country : str
        The row label of the trade matrix (ISO3 for the bundled matrix).
    year : int or None
        Year of the trade data when the caller gave it.
    total : float
        The country's total exports.
    diversity : int
        Number of products with RCA ≥ 1 (whole matrix).
    eci : float
        Economic complexity index (Growth Lab standardisation: mean 0, s.d. 1 over the sample).
    eci_rank : int
        1 for the most complex country of the complexity sample; 0 when the ECI is undefined
        (NaN: the country exports none of the sample's products).
    n_countries : int
        Countries in the complexity sample (the ranking's denominator).
    products : tuple of ExportProduct
        Products with RCA ≥ 1, biggest share first.
    opportunities : tuple of Opportunity
        The best-scored products not exported with an advantage, best first.
    published_eci : Mapping[int, float]
        A published ECI series by year (the OEC's), as given by the caller; empty otherwise.
    coi : float
        Complexity outlook index (standardised over the sample).
    method : Mapping[str, Any]
        Thresholds, filters, sample sizes and sources — what a reader needs to reproduce it.
    in_sample : bool
        Whether the country is in the complexity sample (else its ECI and COI are projected).
    """

    country: str
    year: int | None
    total: float
    diversity: int
    eci: float
    eci_rank: int
    n_countries: int
    products: tuple[ExportProduct, ...]
    opportunities: tuple[Opportunity, ...]
    published_eci: Mapping[int, float]
    coi: float
    method: Mapping[str, Any]
    in_sample: bool = True
    n_products: int = field(default=0)

    def to_records(self, *, kind: str = "products", lang: str = "en") -> list[dict[str, Any]]:
        """The products (or opportunities) as flat records, the rows every front end prints.

        Parameters
        ----------
        kind : {"products", "opportunities"}
        lang : str, default "en"
            Language of ``product_name`` and of the reasons (falls back to English, then to
            the trade-file name).

        Returns
        -------
        list of dict
            Products: ``product``, ``code``, ``product_name``, ``name_en``, ``name_fr``,
            ``name_ar``, ``value``, ``share``, ``rca``, ``pci``. Opportunities: ``rank``,
            ``product``, ``code``, ``product_name``, the three names, ``density``,
            ``density_percentile``, ``pci``, ``cog``, ``rca``, ``score``, ``near`` and
            ``reasons`` (text in ``lang``, joined by "; ").

        Raises
        ------
        InvalidParameterError
            If ``kind`` is not one of :data:`RECORD_KINDS`.
        """
        check_option(kind, "kind", RECORD_KINDS, func="ExportProfile.to_records")
        if kind == "products":
            return [
                {
                    "product": p.product,
                    "code": p.code,
                    "product_name": _name_in(p.names, lang, p.product),
                    **_names_columns(p.names),
                    "value": p.value,
                    "share": p.share,
                    "rca": p.rca,
                    "pci": p.pci,
                }
                for p in self.products
            ]
        return [
            {
                "rank": o.rank,
                "product": o.product,
                "code": o.code,
                "product_name": _name_in(o.names, lang, o.product),
                **_names_columns(o.names),
                "density": o.density,
                "density_percentile": o.density_percentile,
                "pci": o.pci,
                "cog": o.cog,
                "rca": o.rca,
                "score": o.score,
                "near": "; ".join(o.near),
                "reasons": translate(_SEPARATOR, lang).join(_reasons_in(o, lang)),
            }
            for o in self.opportunities
        ]


#: The template of the reason naming the nearest exported products (re-rendered per language).
CLOSE_TO = "close to {near}"


def _reasons_in(o: Opportunity, lang: str) -> list[str]:
    """The reasons of ``o`` in ``lang``; the nearest products named in ``lang`` when known
    (else by their short English name, as in the English text)."""
    out = []
    for reason in o.reasons:
        if getattr(reason, "template", None) == CLOSE_TO and lang != "en" and o.near_names:
            shown = " / ".join(
                names.get(lang) or product_words(p)
                for p, names in zip(o.near, o.near_names, strict=True)
            )
            reason = Message(CLOSE_TO, near=shown)
        out.append(translate(reason, lang))
    return out


def _name_in(names: Mapping[str, str], lang: str, product: str) -> str:
    return names.get(lang) or names.get("en") or product


def _names_columns(names: Mapping[str, str]) -> dict[str, str | None]:
    return {f"name_{lang}": names.get(lang) for lang in NAME_LANGUAGES}


#: The reasons as grappe wrote them before their numbers followed the reader's language (format
#: specs and plain floats, in the profiles stored until session 26): old template → today's
#: template (as :func:`grappe.complexity.export_profile` writes it) and each number's form.
_LEGACY_REASONS: dict[str, tuple[str, dict[str, dict[str, Any]]]] = {
    "relatedness density {density:.3f}, rank {rank} of {count} among the products not yet "
    "exported": (
        "relatedness density {density}, rank {rank} of {count} among the products not yet exported",
        {"density": {"digits": 3}, "rank": {}, "count": {}},
    ),
    "complexity (PCI) {pci:+.2f} against {average:+.2f} on average for the products exported": (
        "complexity (PCI) {pci} against {average} on average for the products exported",
        {"pci": {"digits": 2, "signed": True}, "average": {"digits": 2, "signed": True}},
    ),
    "complexity outlook gain {cog:.3f}": (
        "complexity outlook gain {cog}",
        {"cog": {"digits": 3}},
    ),
}


def upgrade_reason(reason: Any) -> Any:
    """A reason stored with a format spec and a plain float, rewritten with
    :class:`~grappe.i18n.Number` values (its numbers then follow the reader's language); any
    other value unchanged.

    The English text is the same, the French and Arabic ones write a decimal comma
    (:func:`grappe.formats.format_number`); a stored profile need not be computed again.

    References
    ----------
    docs/exports.md, *Opportunities* (the reasons); :mod:`grappe.formats` (the conventions).

    Examples
    --------
    >>> old = Message("complexity outlook gain {cog:.3f}", cog=0.41234)
    >>> new = upgrade_reason(old)
    >>> new, new.template
    ('complexity outlook gain 0.412', 'complexity outlook gain {cog}')
    >>> translate(new, "fr")
    'gain de perspective de complexité 0,412'
    """
    if not isinstance(reason, Message) or reason.template not in _LEGACY_REASONS:
        return reason
    template, forms = _LEGACY_REASONS[reason.template]
    values = {
        name: Number(value, **forms[name]) if name in forms and _plain(value) else value
        for name, value in reason.values.items()
    }
    return Message(template, **values)


def _plain(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


#: Separator of the reasons (the catalogue gives the Arabic semicolon in Arabic).
_SEPARATOR = Message("; ")

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2,})")


def product_words(column: str) -> str:
    """An OEC CamelCase product name written as English words (the fallback English name).

    Underscores separate parts (written ", "); acronyms (two capitals or more, "LCDs") keep
    their case, other words are lower-cased after the first.

    Examples
    --------
    >>> product_words("TropicalFruits")
    'Tropical fruits'
    >>> product_words("LocustBeans_Seaweed_SugarBeet_Cane_ForFood")
    'Locust beans, seaweed, sugar beet, cane, for food'
    >>> product_words("LCDs")
    'LCDs'
    """
    parts = []
    for part in str(column).split("_"):
        words = [w for w in _CAMEL.split(part) if w]
        parts.append(" ".join(w if sum(c.isupper() for c in w) > 1 else w.lower() for w in words))
    text = ", ".join(p for p in parts if p)
    return text[:1].upper() + text[1:] if text else str(column)
