"""The facts a programme's criteria are checked on, gathered from a cluster's records.

Each fact names where it comes from (:attr:`grappe.programmes.Fact.source`), so that an
evaluator sees the evidence and can correct a value (the corrected value's source is then
``"typed"``). A metric without a record is *missing*: it is reported, never guessed.

Sources, from the records of the registry on the date of the evaluation:

* ``member_events``/``members`` — the members on the date: those between a join and a leave
  in the dated events (:func:`grappe.roadmap.periods.member_counts`) when the cluster has any,
  else its current memberships; member types, enterprises, universities from their spheres
  (:data:`grappe.vocabulary.SPHERES`);
* ``network`` — the density, the share of external ties (:func:`grappe.network.density`,
  :func:`grappe.network.boundary`) and the industry–research ties (linked pairs of a member
  enterprise and a member of the sphere "universities and research") of the stored network;
* ``kpi:<period>`` — each stored KPI, its latest period ending on or before the date;
* ``indicators:<year>`` — the cluster's category in its regions in the latest snapshot year up
  to the date's (``lq``, ``employment``, ``establishments``, ``strong``, ``stars``);
* ``research_bodies`` and ``years_active`` have no record in the registry (its sphere
  "university" holds universities and research bodies alike): they are reported missing and the
  evaluator types them;
* ``questionnaire:<name>:<date>`` — the latest answers to the management and Danish
  questionnaires, read as programme metrics by :func:`grappe.programmes.questionnaire_facts`
  (``management_fte`` from M-G2, ``sme_share`` from M-S2 / 100, ``danish_structure``…).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import GrappeError, NotFoundError
from grappe.programmes import Fact
from grappe.registry.models import (
    Actor,
    AnswerSet,
    Cluster,
    IndicatorSnapshot,
    Kpi,
    MemberEvent,
    Membership,
)
from grappe.registry.repositories import get
from grappe.roadmap.periods import member_counts, parse_period

__all__ = ["GatheredFacts", "gather_facts"]

#: Sphere → the metric counting the members of that sphere.
_SPHERE_COUNTS = {"enterprise": "enterprises", "university": "universities"}
_INDICATOR_METRICS = ("lq", "employment", "establishments", "strong", "stars")
#: The questionnaires whose answers give programme metrics.
_QUESTIONNAIRES = ("management", "danish")


@dataclass(frozen=True)
class GatheredFacts:
    """Facts of a cluster on a date, each with its source; the metrics asked for that no
    record gives (``missing``, sorted); and the records that could not be read (``problems``:
    e.g. a stored network whose rows the network kernel refuses), each with its reason."""

    cluster_id: str
    on: dt.date
    facts: Mapping[str, Fact]
    missing: tuple[str, ...] = field(default=())
    problems: tuple[str, ...] = field(default=())

    def values(self) -> dict[str, float | None]:
        """Metric → value, as the kernel's criteria read them."""
        return {k: f.value for k, f in self.facts.items()}


def _members(session: Session, cluster_id: str, on: dt.date) -> dict[str, Fact]:
    rows = dict(session.execute(
        select(Actor.id, Actor.sphere)
        .join(Membership, Membership.actor_id == Actor.id)
        .where(Membership.cluster_id == cluster_id, Membership.member.is_(True),
               Actor.deleted_at.is_(None))
    ).all())  # fmt: skip
    events: dict[str, list[dict[str, object]]] = {}
    for e in session.scalars(
        select(MemberEvent).where(MemberEvent.cluster_id == cluster_id, MemberEvent.date <= on)
    ):
        events.setdefault(e.actor_id, []).append({"actor": e.actor_id, "kind": e.kind,
                                                  "date": e.date})  # fmt: skip
    source = "members"
    if events:
        # Dated records: the members on the day are those between a join and a leave.
        day = parse_period(on.isoformat())
        members = [a for a, evs in events.items() if member_counts(evs, day)["members"]]
        spheres = dict(session.execute(
            select(Actor.id, Actor.sphere).where(Actor.id.in_(members))
        ).all())  # fmt: skip
        source = "member_events"
    elif rows:
        spheres = rows
    else:
        return {}
    kinds = [sphere for sphere in spheres.values() if sphere]
    facts = {"members": Fact("members", float(len(spheres)), source),
             "member_types": Fact("member_types", float(len(set(kinds))), source)}  # fmt: skip
    for sphere, metric in _SPHERE_COUNTS.items():
        facts[metric] = Fact(metric, float(kinds.count(sphere)), source)
    return facts


def _network(session: Session, cluster_id: str, problems: list[str]) -> dict[str, Fact]:
    # Imported here: the network kernel pulls scipy, which a page without a network never needs.
    from grappe.network import boundary, density
    from grappe.registry.networks import load_network

    try:
        net = load_network(session, cluster_id)
    except NotFoundError:  # no stored network
        return {}
    except GrappeError as exc:  # stored rows the kernel refuses: said, not hidden
        problems.append(f"network: {exc}")
        return {}
    facts = {"network_density": Fact("network_density", float(density(net)), "network")}
    share = boundary(net).external_ties_share
    if not math.isnan(share):
        facts["external_tie_share"] = Fact("external_tie_share", float(share), "network")
    facts["industry_research_ties"] = Fact(
        "industry_research_ties", float(_industry_research_ties(net)), "network"
    )
    return facts


def _industry_research_ties(net: Any) -> int:
    """Linked pairs of a member enterprise and a member of the sphere "university"
    (universities and research), each pair once whatever the ties' types and directions."""
    actors = net.actors
    members = actors[actors["member"].astype(bool)]
    spheres = dict(zip(members["id"], members["sphere"], strict=True))
    pairs = set()
    for source, target in zip(net.ties["source"], net.ties["target"], strict=True):
        ends = {spheres.get(source), spheres.get(target)}
        if ends == {"enterprise", "university"}:
            pairs.add(frozenset((source, target)))
    return len(pairs)


def _kpis(session: Session, cluster_id: str, on: dt.date) -> dict[str, Fact]:
    latest: dict[str, tuple[dt.date, str, float]] = {}
    for kpi in session.scalars(select(Kpi).where(Kpi.cluster_id == cluster_id)):
        end = parse_period(kpi.period).end
        if end <= on and (kpi.name not in latest or end > latest[kpi.name][0]):
            latest[kpi.name] = (end, kpi.period, kpi.value)
    return {name: Fact(name, value, f"kpi:{period}") for name, (_, period, value) in latest.items()}


def _indicators(session: Session, cluster: Cluster, on: dt.date) -> dict[str, Fact]:
    regions = [r.id for r in cluster.regions]
    if not cluster.sector or not regions:
        return {}
    query = select(IndicatorSnapshot).where(
        IndicatorSnapshot.cluster == cluster.sector,
        IndicatorSnapshot.region_id.in_(regions),
        IndicatorSnapshot.year <= on.year,
    )
    if cluster.definitions:
        query = query.where(IndicatorSnapshot.definitions == cluster.definitions)
    rows = list(session.scalars(query))
    if not rows:
        return {}
    year = max(r.year for r in rows)
    # The cluster's cells of that year; with several regions the strongest cell speaks for it.
    best = max((r for r in rows if r.year == year), key=lambda r: r.lq or 0.0)
    facts = {}
    for metric in _INDICATOR_METRICS:
        value = getattr(best, metric)
        if value is not None:
            facts[metric] = Fact(metric, float(value), f"indicators:{year}")
    return facts


def _questionnaires(session: Session, cluster_id: str, on: dt.date) -> dict[str, Fact]:
    """The metrics the latest answers to each questionnaire give by ``on``
    (:func:`grappe.programmes.questionnaire_facts`), sourced with the questionnaire and date."""
    from grappe.programmes import questionnaire_facts
    from grappe.registry.questionnaire_entries import bundled

    facts: dict[str, Fact] = {}
    for name in _QUESTIONNAIRES:
        row = session.scalar(
            select(AnswerSet)
            .where(AnswerSet.cluster_id == cluster_id, AnswerSet.questionnaire == name,
                   AnswerSet.date <= on)
            .order_by(AnswerSet.date.desc(), AnswerSet.id.desc())
        )  # fmt: skip
        if row is None:
            continue
        source = f"questionnaire:{name}:{row.date.isoformat()}"
        for metric, fact in questionnaire_facts(bundled(name), row.answers).items():
            facts[metric] = Fact(metric, fact.value, source)
    return facts


def gather_facts(
    session: Session, cluster_id: str, *, on: dt.date, metrics: Iterable[str] = ()
) -> GatheredFacts:
    """The facts of cluster ``cluster_id`` on date ``on`` from its records, each with its source.

    Parameters
    ----------
    session : Session
    cluster_id : str
    on : datetime.date
        Date of the evaluation: records dated after it are left out.
    metrics : iterable of str
        The metrics the caller needs (a programme's criteria); those without a record are
        listed in :attr:`GatheredFacts.missing`.

    Returns
    -------
    GatheredFacts

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.

    References
    ----------
    Federal Ministry of Education and Research (BMBF), *Kompetenznetze Deutschland*: members
    were re-evaluated on the records of their networks (seed text
    ``/work/shared/seeds``, issue 18).
    """
    cluster = get(session, Cluster, cluster_id, what="cluster")
    facts: dict[str, Fact] = {}
    problems: list[str] = []
    facts |= _members(session, cluster_id, on)
    facts |= _network(session, cluster_id, problems)
    facts |= _indicators(session, cluster, on)
    # A count from the records beats a declared one (a KPI typed by hand, the questionnaire's
    # number of members).
    for name, fact in (_kpis(session, cluster_id, on) | _questionnaires(session, cluster_id,
                                                                        on)).items():  # fmt: skip
        facts.setdefault(name, fact)
    missing = tuple(sorted(set(metrics) - set(facts)))
    return GatheredFacts(cluster_id, on, facts, missing, tuple(problems))
