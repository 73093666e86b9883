"""A cluster's internationalisation gathered from the registry: its records (member figures
with their markets), the exports KPI typed by hand with its target, and its stored network;
computed on read by :func:`grappe.roadmap.internationalisation.cluster_internationalisation`,
never stored (like the KPIs from records, :mod:`grappe.registry.member_records`).

The country's opportunities and the cluster's products (HS4 codes of its industries) are not
stored here: the caller passes them (from the export profile of the country and the
concordance), so this module needs neither.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import DataValidationError, NotFoundError
from grappe.registry.member_records import cluster_records, list_member_figures
from grappe.registry.models import Kpi
from grappe.registry.networks import load_network
from grappe.roadmap.internationalisation import cluster_internationalisation
from grappe.roadmap.internationalisation_results import Internationalisation
from grappe.roadmap.periods import Period, parse_period

__all__ = ["latest_internationalisation", "registry_internationalisation"]


def registry_internationalisation(
    session: Session,
    cluster_id: str,
    period: Period | str,
    *,
    previous: Period | str | None = None,
    local_levels: Iterable[str] = ("local",),
    country: str | None = None,
    cluster_products: Iterable[str] | None = None,
    opportunities: Sequence[Any] = (),
    advantages: Sequence[Any] = (),
) -> Internationalisation:
    """The internationalisation of a stored cluster in ``period``.

    Parameters
    ----------
    session : Session
    cluster_id : str
    period, previous : Period or str
    local_levels : iterable of str, default ("local",)
        Levels inside the cluster's boundary, as the stored network diagnosis counts them
        (:data:`grappe.registry.network_diagnoses.DEFAULT_OPTIONS`); add ``"regional"`` for
        a cluster of a whole wilaya or region.
    country, cluster_products, opportunities, advantages
        As :func:`grappe.roadmap.internationalisation.cluster_internationalisation`.

    Returns
    -------
    Internationalisation
        Its ``pipelines`` is ``None`` when the cluster has no stored network (said in
        ``missing``), or when the stored rows break the network's rules.

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.
    InvalidParameterError
        ``period`` or ``previous`` is not a period.
    DataValidationError
        The stored records disagree (see
        :func:`grappe.registry.member_records.cluster_records`), or the exports of the period
        are in several currencies.

    References
    ----------
    .. [1] Bathelt, Malmberg & Maskell (2004), *Progress in Human Geography* 28(1):31–56.
    .. [2] Seed ``/work/shared/seeds/000_d53c24539b26db35.txt`` (the Biskra dates cluster).
    """
    records = cluster_records(session, cluster_id)
    typed = [
        {"kpi": k.name, "period": k.period, "value": k.value, "target": k.target}
        for k in session.scalars(
            select(Kpi).where(Kpi.cluster_id == cluster_id, Kpi.name == "exports")
        )
    ]
    try:
        network = load_network(session, cluster_id)
    except (NotFoundError, DataValidationError):  # no actors yet, or rows the kernel refuses
        network = None
    return cluster_internationalisation(
        records,
        period=period,
        previous=previous,
        cluster=cluster_id,
        typed_kpis=typed,
        network=network,
        local_levels=local_levels,
        country=country,
        cluster_products=cluster_products,
        opportunities=opportunities,
        advantages=advantages,
    )


def latest_internationalisation(
    session: Session, cluster_id: str, **options: Any
) -> Internationalisation | None:
    """:func:`registry_internationalisation` of the latest year with member figures, compared
    with the year before; ``None`` when the cluster has no member figure.

    Raises
    ------
    NotFoundError, DataValidationError
        As :func:`registry_internationalisation`.
    """
    years = {parse_period(f.period).end.year for f in list_member_figures(session, cluster_id)}
    if not years:
        return None
    year = max(years)
    return registry_internationalisation(
        session, cluster_id, str(year), previous=str(year - 1), **options
    )
