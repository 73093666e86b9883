"""A cluster's internationalisation (no I/O): who exports and where, the exports KPI against its
target, the global pipelines of its network, and the country's export opportunities that fall
in the cluster's industries.

Four sources, each optional, each statement naming its figure and source:

- the **member records** (:mod:`grappe.roadmap.records`): the members' exports of the period and
  their destination markets (:mod:`grappe.roadmap.markets`);
- the **exports KPI**: computed from the records (:func:`~grappe.roadmap.records.
  kpis_from_records`) beside the value typed by hand and its target (the ``kpis`` table);
- the **network** (:func:`grappe.network.boundary.boundary`): the share of external ties (the
  "global pipelines" of Bathelt, Malmberg & Maskell 2004), the members that hold them and where
  their partners are (level, and ``country`` when the actors table gives one);
- the **country's export opportunities** (exportsprofile's ``Opportunity``: ``product``,
  ``code``, ``names``, ``density``, ``pci``, ``cog``, ``score``, ``rank``) and products with a
  comparative advantage, kept when their HS4 code is among the cluster's products (concord's
  ``products_of_clusters``). They are plain inputs, so this kernel needs neither branch.

What is not known is said (:attr:`Internationalisation.missing`), never counted as zero.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from grappe.roadmap.internationalisation_results import (
    ClusterProduct,
    Exporter,
    ExportsKpi,
    Internationalisation,
    MarketTotal,
    Pipeline,
    Pipelines,
    Statement,
)
from grappe.roadmap.internationalisation_statements import write_statements
from grappe.roadmap.markets import Market
from grappe.roadmap.periods import Period, parse_period
from grappe.roadmap.records import kpis_from_records
from grappe.roadmap.records_check import Records

__all__ = [
    "ClusterProduct",
    "ExportsKpi",
    "Exporter",
    "Internationalisation",
    "MarketTotal",
    "Pipeline",
    "Pipelines",
    "Statement",
    "cluster_internationalisation",
    "products_in_cluster",
]

#: Shares of one figure that add up to at least this many percent place all its exports.
_FULL = 99.5


# --- the parts ----------------------------------------------------------------------------------


def _members(records: Records, period: Period) -> tuple[set[str], set[str]]:
    """Members at the end of the period, and members at some time during it."""
    state: dict[str, bool] = {}
    at_start: set[str] = set()
    joined: set[str] = set()
    for event in records.events:  # by date
        if event["kind"] not in ("join", "leave"):
            continue
        if event["date"] < period.start:
            state[event["actor"]] = event["kind"] == "join"
        elif event["date"] <= period.end:
            state[event["actor"]] = event["kind"] == "join"
            if event["kind"] == "join":
                joined.add(event["actor"])
        else:
            break
        if event["date"] < period.start:
            at_start = {a for a, inside in state.items() if inside}
    return {a for a, inside in state.items() if inside}, at_start | joined


def _market_values(figures: list[dict[str, Any]]) -> dict[str, float | None]:
    """Each country's exports for one member over its figures; ``None`` when a figure with
    exports does not say the country's share (and its shares do not place all of it)."""
    countries = {m.country for f in figures for m in f["markets"]}
    values: dict[str, float | None] = {}
    for country in countries:
        total: float | None = 0.0
        for figure in figures:
            amount, markets = figure["exports"], figure["markets"]
            if not amount or total is None:
                continue
            share = next((m.share for m in markets if m.country == country), None)
            placed = sum(m.share or 0.0 for m in markets)
            if share is not None:
                total += amount * share / 100
            elif any(m.country == country for m in markets) or placed < _FULL:
                total = None  # the country's part of this figure is not said
        values[country] = total
    return values


def _exporters(
    records: Records, period: Period, during: set[str]
) -> tuple[list[Exporter], dict[str, dict[str, float | None]], set[str]]:
    inside = [
        f
        for f in records.figures
        if f["actor"] in during
        and period.start <= f["period"].start
        and f["period"].end <= period.end
    ]
    by_actor: dict[str, list[dict[str, Any]]] = {}
    for figure in inside:
        by_actor.setdefault(figure["actor"], []).append(figure)
    total = sum(f["exports"] or 0.0 for f in inside)
    exporters, values = [], {}
    for actor, figures in by_actor.items():
        amounts = [f["exports"] for f in figures if f["exports"] is not None]
        markets = [m for f in figures for m in f["markets"]]
        if not (any(amounts) or markets):
            continue
        amount = sum(amounts) if amounts else None
        values[actor] = _market_values(figures)
        merged = []
        for country, value in values[actor].items():
            share = None if value is None or not amount else 100 * value / amount
            merged.append(Market(country, share))
        merged.sort(key=lambda m: (-(m.share or -1), m.country))
        exporters.append(
            Exporter(
                actor,
                amount,
                next((f["currency"] for f in figures if f["currency"]), None),
                amount / total if amount is not None and total else None,
                tuple(merged),
            )
        )
    exporters.sort(key=lambda e: (-(e.exports or 0.0), e.actor))
    return exporters, values, set(by_actor)


def _markets(
    values: Mapping[str, Mapping[str, float | None]], total: float | None
) -> list[MarketTotal]:
    countries = sorted({c for mine in values.values() for c in mine})
    out = []
    for country in countries:
        members = tuple(sorted(a for a, mine in values.items() if country in mine))
        known = [values[a][country] for a in members if values[a][country] is not None]
        amount = float(sum(known))  # type: ignore[arg-type]
        out.append(
            MarketTotal(
                country,
                members,
                amount,
                amount / total if total else None,
                len(members) - len(known),
            )
        )
    out.sort(key=lambda m: (-m.exports, -len(m.members), m.country))
    return out


def _typed_exports(typed: Iterable[Mapping[str, Any]], period: Period) -> tuple[Any, Any]:
    for row in typed:
        if str(row.get("kpi")) != "exports":
            continue
        try:
            same = parse_period(str(row.get("period"))) == period
        except Exception:  # noqa: BLE001 - a free-form period name is not this period
            same = False
        if same:
            return _number(row.get("value")), _number(row.get("target"))
    return None, None


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _pipelines(network: Any, local_levels: Iterable[str]) -> Pipelines:
    from grappe.network.boundary import boundary  # pandas/NumPy only when a network is given

    result = boundary(network, local_levels=local_levels)
    actors = network.actors.set_index("id")
    inside = result.actors["inside"]
    arcs = network.arcs
    ids = network.index
    partners: dict[str, set[str]] = {}
    for i, j in zip(arcs["i"].to_numpy(), arcs["j"].to_numpy(), strict=True):
        a, b = ids[i], ids[j]
        if inside[a] != inside[b]:
            member, other = (a, b) if inside[a] else (b, a)
            partners.setdefault(member, set()).add(other)

    def where(actor: str) -> str:
        country = actors["country"].get(actor) if "country" in actors else None
        return (
            str(country) if isinstance(country, str) and country else str(actors.at[actor, "level"])
        )

    rows = []
    places: dict[str, int] = {}
    for actor in result.actors.index[result.actors["pipeline"]]:
        outside = tuple(sorted(partners.get(actor, ())))
        rows.append(
            Pipeline(
                str(actor),
                int(result.actors.at[actor, "external_ties"]),
                int(result.actors.at[actor, "internal_ties"]),
                outside,
                tuple(where(p) for p in outside),
            )
        )
    for partner in sorted({p for ps in partners.values() for p in ps}):
        places[where(partner)] = places.get(where(partner), 0) + 1
    rows.sort(key=lambda p: (-p.external_ties, p.actor))
    share = result.external_ties_share
    return Pipelines(
        result.internal_ties,
        result.external_ties,
        None if math.isnan(share) else share,
        tuple(rows),
        dict(sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _get(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)


def _code(value: Any) -> str | None:
    text = str(value or "").strip()
    return text.zfill(4) if text.isdigit() and len(text) <= 4 else (text or None)


def _in_cluster(items: Iterable[Any], products: set[str]) -> list[ClusterProduct]:
    out = []
    for item in items:
        code = _code(_get(item, "code"))
        if code is None or code not in products:
            continue
        rank = _get(item, "rank")
        out.append(
            ClusterProduct(
                product=str(_get(item, "product") or code),
                code=code,
                names=dict(_get(item, "names") or {}),
                rca=_number(_get(item, "rca")),
                share=_number(_get(item, "share")),
                density=_number(_get(item, "density")),
                pci=_number(_get(item, "pci")),
                cog=_number(_get(item, "cog")),
                score=_number(_get(item, "score")),
                rank=None if rank is None else int(rank),
            )
        )
    return out


def products_in_cluster(
    advantages: Sequence[Any],
    opportunities: Sequence[Any],
    cluster_products: Iterable[str] | None,
) -> tuple[tuple[ClusterProduct, ...], tuple[ClusterProduct, ...]]:
    """The country's products exported with advantage and its opportunities whose HS4 heading
    is among ``cluster_products``: advantages by share of the exports (largest first),
    opportunities by rank.

    Parameters
    ----------
    advantages, opportunities : sequences
        As :func:`cluster_internationalisation` (the kernel's ``ExportProduct`` and
        ``Opportunity``, or mappings with their fields).
    cluster_products : iterable of str or None
        HS4 headings; ``None`` (not known) keeps nothing.

    Returns
    -------
    tuple
        ``(advantages, opportunities)``, tuples of :class:`ClusterProduct`.

    References
    ----------
    .. [1] Hausmann, R. et al. (2014) *The Atlas of Economic Complexity*, MIT Press.

    Examples
    --------
    >>> adv, opp = products_in_cluster(
    ...     [{"product": "TropicalFruits", "code": "0804", "rca": 7.4, "share": 0.0066},
    ...      {"product": "PetroleumGas", "code": "2711", "rca": 31.2, "share": 0.40}],
    ...     [{"product": "Pasta", "code": "1902", "rank": 6}], ["804", "1902"])
    >>> [p.code for p in adv], [(p.code, p.rank) for p in opp]
    (['0804'], [('1902', 6)])
    """
    if cluster_products is None:
        return (), ()
    products = {c for c in map(_code, cluster_products) if c}
    kept_opportunities = sorted(
        _in_cluster(opportunities, products), key=lambda p: (p.rank or math.inf, p.code)
    )
    kept_advantages = sorted(
        _in_cluster(advantages, products), key=lambda p: (-(p.share or 0.0), p.code)
    )
    return tuple(kept_advantages), tuple(kept_opportunities)


# --- the whole ----------------------------------------------------------------------------------


def cluster_internationalisation(
    records: Records,
    *,
    period: Period | str,
    previous: Period | str | None = None,
    cluster: str | None = None,
    typed_kpis: Iterable[Mapping[str, Any]] = (),
    network: Any = None,
    local_levels: Iterable[str] = ("local",),
    country: str | None = None,
    cluster_products: Iterable[str] | None = None,
    opportunities: Sequence[Any] = (),
    advantages: Sequence[Any] = (),
) -> Internationalisation:
    """How international a cluster is in a period, each statement with its figure and source.

    Parameters
    ----------
    records : Records
        The cluster's checked records (:func:`grappe.roadmap.records.check_records`): member
        events and figures, whose ``markets`` say where the exports go.
    period : Period or str
        ``2024``, ``2024-Q1``…
    previous : Period or str, optional
        The period to compare the exports with.
    cluster : str, optional
        Its id, carried into the result.
    typed_kpis : iterable of mappings
        KPI entries typed by hand (``kpi``, ``period``, ``value``, ``target``): the ``exports``
        entry of the period gives the target.
    network : ActorNetwork, optional
        The cluster's network (:mod:`grappe.network.model`), for the pipelines.
    local_levels : iterable of str, default ("local",)
        Levels inside the cluster (:func:`grappe.network.boundary.boundary`).
    country : str, optional
        The country of ``opportunities`` and ``advantages`` (ISO3 of the trade file).
    cluster_products : iterable of str, optional
        The HS4 codes of the cluster's industries (concord's ``products_of_clusters``).
    opportunities, advantages : sequences
        The country's export opportunities and products exported with advantage (objects or
        mappings with ``product``, ``code``, ``names`` and ``density``, ``pci``, ``cog``,
        ``score``, ``rank`` or ``rca``, ``share``); those whose code is in
        ``cluster_products`` are kept.

    Returns
    -------
    Internationalisation

    Raises
    ------
    InvalidParameterError
        If ``period`` or ``previous`` is not a period, or a level is unknown.
    DataValidationError
        If the exports of the period are in several currencies.

    Notes
    -----
    Exports and markets follow the records' rule for ``exports`` (figures of periods inside
    this one, of actors who were members during it). A market's value is the member's
    exports times its share; a figure that lists a market without a share, or whose shares
    do not place all its exports, leaves the market's value unknown for that member
    (counted in :attr:`MarketTotal.without_share`), never zero.

    References
    ----------
    .. [1] Bathelt, H., Malmberg, A. & Maskell, P. (2004) Clusters and knowledge: local buzz,
       global pipelines and the process of knowledge creation. *Progress in Human Geography*
       28(1):31–56.
    .. [2] Hausmann, R. et al. (2014) *The Atlas of Economic Complexity*, MIT Press
       (opportunities by relatedness density and complexity outlook gain).
    .. [3] Seed ``/work/shared/seeds/000_d53c24539b26db35.txt``: the Biskra dates cluster, whose
       exports rose after ten agricultural firms joined.

    Examples
    --------
    >>> from grappe.roadmap.records import check_records
    >>> r = check_records(
    ...     [{"actor": "a", "kind": "join", "date": "2023-01-01"},
    ...      {"actor": "b", "kind": "join", "date": "2023-01-01"}],
    ...     [{"actor": "a", "period": "2024", "exports": 100, "currency": "DZD",
    ...       "markets": "FR:60;DE:40"},
    ...      {"actor": "b", "period": "2024", "jobs": 4}])
    >>> res = cluster_internationalisation(r, period="2024",
    ...     typed_kpis=[{"kpi": "exports", "period": "2024", "target": 200}])
    >>> [e.actor for e in res.exporters], res.not_exporting
    (['a'], ('b',))
    >>> [(m.country, m.exports) for m in res.markets], res.exports_kpi.attainment
    ([('FR', 60.0), ('DE', 40.0)], 0.5)
    """
    chosen = period if isinstance(period, Period) else parse_period(period)
    kpis = kpis_from_records(records, period=chosen, previous=previous)
    at_end, during = _members(records, chosen)
    exporters, values, with_figures = _exporters(records, chosen, during)
    exported = kpis.kpis["exports"]
    total, currency = exported.value, exported.unit
    markets = _markets(values, total)
    placed = sum(m.exports for m in markets)
    exporting = {e.actor for e in exporters}
    not_exporting = tuple(sorted(with_figures - exporting))
    unknown = tuple(sorted(at_end - with_figures))
    typed, target = _typed_exports(typed_kpis, chosen)
    value, source = (
        (total, "records") if total is not None else (typed, "typed" if typed is not None else None)
    )
    kpi = ExportsKpi(
        value=value,
        source=source,
        computed=total,
        typed=typed,
        target=target,
        previous=kpis.previous.value("exports") if kpis.previous else None,
        unit=currency,
        counted=exported.counted,
        attainment=value / target if value is not None and target else None,
        disagrees=typed is not None
        and total is not None
        and not math.isclose(typed, total, rel_tol=1e-9, abs_tol=1e-9),
    )
    pipelines = _pipelines(network, local_levels) if network is not None else None
    products = None if cluster_products is None else {c for c in map(_code, cluster_products) if c}
    kept_advantages, kept_opportunities = products_in_cluster(
        advantages, opportunities, cluster_products
    )
    statements, missing = write_statements(
        chosen,
        len(at_end),
        exporters,
        unknown,
        markets,
        total,
        currency,
        placed,
        kpi,
        pipelines,
        country,
        products,
        list(kept_advantages),
        list(kept_opportunities),
        bool(opportunities),
        bool(advantages),
    )
    return Internationalisation(
        cluster=cluster,
        period=chosen.text,
        members=len(at_end),
        exporters=tuple(exporters),
        not_exporting=not_exporting,
        unknown=unknown,
        total_exports=total,
        currency=currency,
        markets=tuple(markets),
        unplaced=None if total is None else max(total - placed, 0.0),
        exports_kpi=kpi,
        pipelines=pipelines,
        country=country,
        advantages=kept_advantages,
        opportunities=kept_opportunities,
        statements=tuple(statements),
        missing=tuple(missing),
    )
