"""The destination markets of a member's exports (no I/O): ISO 3166-1 country codes, each with
an optional share of the member's exports of the period, in percent.

A member figure (:func:`grappe.roadmap.records_check.check_records`) may say where its exports
go: in a file, the cell ``FR:40;DE:25;AE`` (France 40 %, Germany 25 %, the United Arab Emirates
an unknown share); in Python or JSON, a list of ``{"country": "FR", "share": 40}`` or of codes.
The one parser of this field is :func:`parse_markets`, used by the record check (files, the
registry, the web form and the API alike).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from grappe.i18n import Message
from grappe.vocabulary import country_codes

__all__ = ["Market", "format_markets", "parse_markets"]

#: Shares of one figure may add up to a little more than 100 through rounding.
_ROUNDING = 0.5


@dataclass(frozen=True)
class Market:
    """One destination of a member's exports.

    Attributes
    ----------
    country : str
        ISO 3166-1 alpha-2 code, upper case (``"FR"``).
    share : float or None
        Percent of the member's exports of the period that go there; ``None`` when not
        known (not zero).
    """

    country: str
    share: float | None = None


def _items(value: Any) -> list[tuple[Any, Any]]:
    if isinstance(value, str):
        items: list[tuple[Any, Any]] = []
        for part in value.replace(",", ";").split(";"):
            if part.strip():
                code, _, share = part.partition(":")
                items.append((code, share))
        return items
    out = []
    for item in value:
        if isinstance(item, Market):
            out.append((item.country, item.share))
        elif isinstance(item, Mapping):
            out.append((item.get("country"), item.get("share")))
        else:
            out.append((item, None))
    return out


def parse_markets(value: Any) -> tuple[tuple[Market, ...], list[tuple[Message, Message]]]:
    """Read the markets of a member figure; problems are returned, not raised.

    Parameters
    ----------
    value : str, sequence of str, mappings or Market, or None
        ``"FR:40;DE:25;AE"``; ``["FR", "DE"]``; ``[{"country": "FR", "share": 40}]``.
        Codes are ISO 3166-1 alpha-2 (:func:`grappe.vocabulary.country_codes`), any case;
        shares are percents from 0 to 100 (``,`` or ``.`` as decimal mark is not allowed
        in a text cell: ``,`` separates markets too).

    Returns
    -------
    markets : tuple of Market
        In the order given.
    problems : list of (message, fix)
        An unknown code, a share that is not a number from 0 to 100, a country given twice,
        shares adding up to more than 100.

    References
    ----------
    .. [1] ISO 3166-1 alpha-2 country codes. Seed ``/work/shared/seeds/000_d53c24539b26db35.txt``
       (the Biskra dates cluster's exports, whose destinations the records did not hold).

    Examples
    --------
    >>> markets, problems = parse_markets("fr:40; DE:25;AE")
    >>> [(m.country, m.share) for m in markets], problems
    ([('FR', 40.0), ('DE', 25.0), ('AE', None)], [])
    >>> parse_markets("XX")[1][0][0]
    "Unknown country code 'XX'."
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return (), []
    known = country_codes()
    markets: list[Market] = []
    problems: list[tuple[Message, Message]] = []
    for raw_code, raw_share in _items(value):
        code = str(raw_code or "").strip().upper()
        if code not in known:
            problems.append(
                (
                    Message("Unknown country code {value!r}.", value=code),
                    Message(
                        "Use ISO 3166-1 alpha-2 codes (FR, DE, AE…), a share in percent after "
                        "a colon, markets separated by ';': FR:40;DE:25;AE."
                    ),
                )
            )
            continue
        share: float | None = None
        text = "" if raw_share is None else str(raw_share).strip().rstrip("%").strip()
        if text:
            try:
                share = float(text)
            except ValueError:
                share = math.nan
            if not 0 <= share <= 100:  # NaN fails too
                problems.append(
                    (
                        Message(
                            "The share of {country} must be a percent from 0 to 100; got "
                            "{value!r}.",
                            country=code,
                            value=text,
                        ),
                        Message("Write the share as a number of percent, e.g. FR:40."),
                    )
                )
                continue
        if any(m.country == code for m in markets):
            problems.append(
                (
                    Message("The market {country} is given twice.", country=code),
                    Message("Give each country once, with its whole share."),
                )
            )
            continue
        markets.append(Market(code, share))
    total = sum(m.share for m in markets if m.share is not None)
    if total > 100 + _ROUNDING:
        problems.append(
            (
                Message(
                    "The shares of the markets add up to {total:g} %, more than 100.", total=total
                ),
                Message("Correct the shares: they are percents of the member's exports."),
            )
        )
    return tuple(markets), problems


def format_markets(markets: Any) -> str:
    """The text form of markets, as a file cell or a form field takes it.

    Examples
    --------
    >>> format_markets([Market("FR", 40.0), Market("AE")])
    'FR:40;AE'
    """
    parts = []
    for market in markets or ():
        country, share = (
            (market.country, market.share)
            if isinstance(market, Market)
            else (market.get("country"), market.get("share"))
        )
        parts.append(country if share is None else f"{country}:{share:g}")
    return ";".join(parts)
