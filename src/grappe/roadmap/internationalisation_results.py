"""The results of :func:`grappe.roadmap.internationalisation.cluster_internationalisation`
(no I/O): exporters, markets, the exports KPI, pipelines, products of the cluster's industries
and the statements that cite them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from grappe.errors import InvalidParameterError
from grappe.i18n import Message
from grappe.roadmap.markets import Market

__all__ = [
    "ClusterProduct",
    "Exporter",
    "ExportsKpi",
    "Internationalisation",
    "MarketTotal",
    "Pipeline",
    "Pipelines",
    "Statement",
]


@dataclass(frozen=True)
class Exporter:
    """A member that exports in the period.

    Attributes
    ----------
    actor : str
    exports : float or None
        Its exports of the period (summed over its figures inside the period); ``None`` when
        its figures name markets but no amount.
    currency : str or None
    share : float or None
        Its part of the members' exports (0–1).
    markets : tuple of Market
        Where its exports go; a market's ``share`` is the percent of the member's exports of
        the period (``None`` when a figure did not say).
    """

    actor: str
    exports: float | None
    currency: str | None
    share: float | None
    markets: tuple[Market, ...]


@dataclass(frozen=True)
class MarketTotal:
    """One destination country of the members' exports.

    Attributes
    ----------
    country : str
        ISO 3166-1 alpha-2 code.
    members : tuple of str
        The members exporting there.
    exports : float
        The exports placed there by the members' shares (members without a share add nothing).
    share : float or None
        ``exports`` over the members' exports (0–1).
    without_share : int
        Members exporting there without saying how much.
    """

    country: str
    members: tuple[str, ...]
    exports: float
    share: float | None
    without_share: int


@dataclass(frozen=True)
class ExportsKpi:
    """The exports KPI of the period against its target.

    Attributes
    ----------
    value : float or None
        The value used: computed from the records when they give one, else typed by hand.
    source : str or None
        ``"records"``, ``"typed"`` or ``None`` (neither gives one).
    computed, typed, target, previous : float or None
        From the records (``previous``: the records' previous period), typed in the ``kpis``
        table, the target typed beside it.
    unit : str or None
        The currency of the records.
    counted : int
        Figures counted by the records.
    attainment : float or None
        ``value / target``.
    disagrees : bool
        A typed value that differs from the computed one.
    """

    value: float | None
    source: str | None
    computed: float | None
    typed: float | None
    target: float | None
    previous: float | None
    unit: str | None
    counted: int
    attainment: float | None
    disagrees: bool


@dataclass(frozen=True)
class Pipeline:
    """A member holding ties across the cluster's boundary.

    Attributes
    ----------
    actor : str
    external_ties, internal_ties : int
    partners : tuple of str
        Its partners outside, by id.
    where : tuple of str
        Where each partner is: its ``country`` attribute when given, else its level.
    """

    actor: str
    external_ties: int
    internal_ties: int
    partners: tuple[str, ...]
    where: tuple[str, ...]


@dataclass(frozen=True)
class Pipelines:
    """The network's ties across the cluster's boundary (:func:`grappe.network.boundary.
    boundary`).

    Attributes
    ----------
    internal_ties, external_ties : int
    external_share : float or None
        External over internal plus external ties; ``None`` without ties.
    actors : tuple of Pipeline
        By external ties, most first.
    where : mapping of str to int
        Partners outside by place (country or level), most first.
    """

    internal_ties: int
    external_ties: int
    external_share: float | None
    actors: tuple[Pipeline, ...]
    where: Mapping[str, int]


@dataclass(frozen=True)
class ClusterProduct:
    """A product of the cluster's industries in the country's exports: an opportunity or a
    product exported with advantage.

    Attributes
    ----------
    product : str
        The trade file's name (``TropicalFruits``).
    code : str
        HS4 code (``"0804"``).
    names : mapping of str to str
        ``en``/``fr``/``ar`` names when known.
    rca : float or None
    share : float or None
        Of the country's exports (products exported with advantage).
    density, pci, cog, score : float or None
        Of an opportunity (relatedness density, product complexity, complexity outlook gain,
        the ranking score).
    rank : int or None
        Rank among the country's opportunities.
    """

    product: str
    code: str
    names: Mapping[str, str] = field(default_factory=dict)
    rca: float | None = None
    share: float | None = None
    density: float | None = None
    pci: float | None = None
    cog: float | None = None
    score: float | None = None
    rank: int | None = None


@dataclass(frozen=True)
class Statement:
    """One finding with its figure and source.

    Attributes
    ----------
    topic : str
        ``exporters``, ``markets``, ``exports_kpi``, ``pipelines``, ``advantages`` or
        ``opportunities``.
    text : Message
        The sentence (translatable: :func:`grappe.i18n.translate`).
    value : float or None
        Its figure.
    source : str
        ``records``, ``kpis``, ``network`` or ``trade``.
    """

    topic: str
    text: Message
    value: float | None
    source: str


@dataclass(frozen=True)
class Internationalisation:
    """Result of :func:`cluster_internationalisation`.

    Attributes
    ----------
    cluster : str or None
    period : str
    members : int
        Members at the end of the period.
    exporters : tuple of Exporter
        Biggest exports first.
    not_exporting : tuple of str
        Members whose figures of the period give no exports (zero or none and no market).
    unknown : tuple of str
        Members with no figure inside the period.
    total_exports : float or None
        The members' exports (``None`` when no figure gives an amount).
    currency : str or None
    markets : tuple of MarketTotal
        Most exports first, then most members.
    unplaced : float or None
        Exports no market share places.
    exports_kpi : ExportsKpi
    pipelines : Pipelines or None
        ``None`` without a network.
    country : str or None
        The country whose trade the products come from.
    advantages, opportunities : tuple of ClusterProduct
        In the cluster's industries: products exported with advantage (biggest share first),
        opportunities (best rank first). Empty when not given.
    statements : tuple of Statement
    missing : tuple of Message
        What could not be said, and why.
    """

    cluster: str | None
    period: str
    members: int
    exporters: tuple[Exporter, ...]
    not_exporting: tuple[str, ...]
    unknown: tuple[str, ...]
    total_exports: float | None
    currency: str | None
    markets: tuple[MarketTotal, ...]
    unplaced: float | None
    exports_kpi: ExportsKpi
    pipelines: Pipelines | None
    country: str | None
    advantages: tuple[ClusterProduct, ...]
    opportunities: tuple[ClusterProduct, ...]
    statements: tuple[Statement, ...]
    missing: tuple[Message, ...]

    def to_records(self, *, kind: str = "statements") -> list[dict[str, Any]]:
        """Rows for a table, CSV or JSON.

        Parameters
        ----------
        kind : {"statements", "exporters", "markets", "pipelines", "opportunities",
            "advantages"}
        """
        if kind == "statements":
            return [
                {"topic": s.topic, "statement": str(s.text), "value": s.value, "source": s.source}
                for s in self.statements
            ]
        if kind == "exporters":
            return [
                {
                    "actor": e.actor,
                    "exports": e.exports,
                    "currency": e.currency,
                    "share": e.share,
                    "markets": ";".join(
                        m.country if m.share is None else f"{m.country}:{m.share:g}"
                        for m in e.markets
                    ),
                }
                for e in self.exporters
            ]
        if kind == "markets":
            return [
                {
                    "country": m.country,
                    "members": len(m.members),
                    "exports": m.exports,
                    "share": m.share,
                    "without_share": m.without_share,
                }
                for m in self.markets
            ]
        if kind == "pipelines":
            return [
                {
                    "actor": p.actor,
                    "external_ties": p.external_ties,
                    "internal_ties": p.internal_ties,
                    "partners": ";".join(p.partners),
                    "where": ";".join(p.where),
                }
                for p in (self.pipelines.actors if self.pipelines else ())
            ]
        if kind in ("opportunities", "advantages"):
            return [
                {
                    "product": p.product,
                    "code": p.code,
                    "name": p.names.get("en", p.product),
                    "rca": p.rca,
                    "share": p.share,
                    "density": p.density,
                    "pci": p.pci,
                    "cog": p.cog,
                    "score": p.score,
                    "rank": p.rank,
                }
                for p in getattr(self, kind)
            ]
        raise InvalidParameterError(
            f"The 'kind' parameter of to_records must be one of statements, exporters, markets, "
            f"pipelines, opportunities, advantages. Got {kind!r} instead."
        )
