"""Statistically identified candidates from the registry's stored cluster maps.

``grappe programme candidates`` reads a map file; this module reads the map the registry
stores (:class:`~grappe.registry.models.IndicatorSnapshot`, written by ``grappe map --store`` or
an ``indicators`` import) for one year and one definitions set, and hands it to the kernel
(:func:`grappe.programmes.statistical_candidates`), which keeps the region × cluster cells that
meet the programme's ``statistical`` criteria. The workspace page
``/programmes/<key>/candidates`` shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from grappe.errors import InvalidParameterError
from grappe.programmes import Programme, statistical_candidates
from grappe.registry.models import Cluster, IndicatorSnapshot, Region

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["StoredCandidates", "map_choices", "stored_candidates"]

_METRIC_COLUMNS = ("employment", "establishments", "payroll", "avg_wage", "lq", "national_share",
                   "focus", "strong", "stars")  # fmt: skip


@dataclass(frozen=True)
class StoredCandidates:
    """The candidates of a stored map: its ``definitions`` set, ``year`` and ``measure``, the
    cells meeting the criteria (``table``: region, region_name, cluster, cluster_name, year and
    one column per metric named), and ``clusters``: (region id, cluster code) → the registry
    clusters of that category in that region (to link their pages)."""

    definitions: str
    year: int
    measure: str
    cells: int
    table: pd.DataFrame
    clusters: dict[tuple[str, str], list[str]]


def map_choices(session: Session) -> dict[str, list[int]]:
    """The stored maps: definitions set → its years, latest first (sets by name)."""
    rows = session.execute(
        select(IndicatorSnapshot.definitions, IndicatorSnapshot.year).distinct()
    ).all()  # fmt: skip
    out: dict[str, list[int]] = {}
    for definitions, year in sorted(rows, key=lambda r: (r[0], -r[1])):
        out.setdefault(definitions, []).append(year)
    return out


def stored_candidates(
    session: Session,
    programme: Programme,
    *,
    definitions: str | None = None,
    year: int | None = None,
) -> StoredCandidates | None:
    """The cells of a stored map meeting ``programme``'s statistical criteria.

    Parameters
    ----------
    definitions : str, optional
        The definitions set of the map (default: the one with the most recent year, then the
        first by name).
    year : int, optional
        The map's year (default: the latest stored for that set).

    Returns
    -------
    StoredCandidates or None
        ``None`` when the registry stores no map.

    Raises
    ------
    InvalidParameterError
        The programme has no statistical criteria, or no map is stored for the set or year
        asked.
    DataValidationError
        A metric the criteria name is not a column of a stored map.

    References
    ----------
    .. [1] Seed ``004_b121ed3bd797dbd2.txt``, II.1.1: Catalonia's micro-clusters were
       statistically identified (1992).
    """
    import pandas as pd

    choices = map_choices(session)
    if not choices:
        if not programme.statistical:
            statistical_candidates(programme, pd.DataFrame())  # raises: no criteria
        return None
    if definitions is None:
        definitions = sorted(choices, key=lambda d: (-choices[d][0], d))[0]
    if definitions not in choices:
        raise InvalidParameterError(
            f"No stored map has the definitions {definitions!r}; the registry stores "
            f"{', '.join(sorted(choices))}."
        )
    years = choices[definitions]
    year = years[0] if year is None else year
    if year not in years:
        raise InvalidParameterError(
            f"The stored map {definitions!r} has no year {year}; it has "
            f"{', '.join(map(str, years))}."
        )
    where = (IndicatorSnapshot.definitions == definitions, IndicatorSnapshot.year == year)
    measures = session.execute(
        select(IndicatorSnapshot.measure, func.count()).where(*where)
        .group_by(IndicatorSnapshot.measure)
    ).all()  # fmt: skip
    # one measure per cell: employment when the map has it (the usual map), else the largest
    counts = dict(measures)
    measure = "employment" if "employment" in counts else max(counts, key=counts.__getitem__)
    query = (
        select(IndicatorSnapshot, Region.name_en)
        .join(Region, Region.id == IndicatorSnapshot.region_id)
        .where(*where, IndicatorSnapshot.measure == measure)
        .order_by(IndicatorSnapshot.region_id, IndicatorSnapshot.cluster)
    )
    records = [
        {"region": s.region_id, "region_name": name, "cluster": s.cluster,
         "cluster_name": s.cluster_name, "year": s.year,
         **{c: getattr(s, c) for c in _METRIC_COLUMNS}}
        for s, name in session.execute(query)
    ]  # fmt: skip
    table = pd.DataFrame.from_records(
        records, columns=["region", "region_name", "cluster", "cluster_name", "year",
                          *_METRIC_COLUMNS],
    )  # fmt: skip
    found = statistical_candidates(programme, table, file=f"stored map {definitions} {year}")
    linked: dict[tuple[str, str], list[str]] = {}
    if len(found):
        rows = session.scalars(
            select(Cluster).where(Cluster.sector.in_(set(found["cluster"])))
            .where((Cluster.definitions == definitions) | Cluster.definitions.is_(None))
            .order_by(Cluster.id)
        )  # fmt: skip
        for cluster in rows:
            for region in cluster.regions:
                linked.setdefault((region.id, str(cluster.sector)), []).append(cluster.id)
    return StoredCandidates(definitions, year, measure, len(table), found, linked)
