"""Store a cluster map computed by :func:`grappe.mapping.map_clusters` in the registry.

A :class:`~grappe.mapping.ClusterMap` is already validated by the kernel that made it, so it is
stored as it is, through the same upsert as an ``indicators`` import
(:func:`grappe.registry.import_table`) but without turning it into CSV bytes and parsing them
again. Rows are upserted on (definitions, region, cluster, year): storing the same map twice
changes nothing.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.mapping import MEASURES, ClusterMap
from grappe.registry import import_changes
from grappe.registry.imports import ImportReport
from grappe.registry.models import ImportJob, Region
from grappe.registry.repositories import audit
from grappe.vocabulary import STORED_INDICATOR_COLUMNS

__all__ = ["COUNT_UNIT_FACTORS", "STORED_INDICATOR_COLUMNS", "store_cluster_map"]

#: Factor from a table's unit of counts (``ClusterMap.parameters["unit"]``, e.g. Eurostat's
#: ``THS``) to persons, the unit the registry stores employment in.
COUNT_UNIT_FACTORS: dict[str | None, float] = {
    None: 1.0,
    "NR": 1.0,
    "PER": 1.0,
    "THS": 1000.0,
    "THS_PER": 1000.0,
}


def _number(value: Any, scale: float = 1.0) -> float | None:
    if value is None or pd.isna(value):
        return None
    out = float(value) * scale
    return out if math.isfinite(out) else None


def store_cluster_map(
    session: Session,
    cluster_map: ClusterMap,
    *,
    who: str,
    definitions: str,
    region_ids: Mapping[str, str] | Callable[[str], str] | None = None,
    payroll_scale: float = 1.0,
    name: str = "cluster map",
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Upsert every region × cluster × year row of a cluster map, all or nothing.

    Parameters
    ----------
    session : Session
        Open session inside a transaction; the caller commits (on success) or rolls back.
    cluster_map : ClusterMap
        The result of :func:`grappe.mapping.map_clusters`.
    who : str
        Name of the token that stores the map (audit log).
    definitions : str
        Name of the definition set the map was made with (part of each row's key).
    region_ids : mapping or callable, optional
        Registry region id of each region code of the map (e.g. ``"06"`` → ``"US-06"``); by
        default the codes are the ids. Every id must already be a registry region.
    payroll_scale : float, default 1
        Factor from the table's payroll unit to the stored unit (1000 for CBP's $1,000);
        ``avg_wage`` is scaled alike and stored to two decimals.
    name : str, default "cluster map"
        Name shown in error reports and kept in the import job.
    progress : callable, optional
        Called as ``progress(done, total)`` while rows are written.

    Notes
    -----
    Employment is stored in persons: a map of a table published in thousands (Eurostat's
    ``THS``, recorded in ``cluster_map.parameters["unit"]``) is multiplied by 1,000
    (:data:`COUNT_UNIT_FACTORS`). Each row keeps the map's measure
    (``cluster_map.parameters["measure"]``: employment, establishments or payroll), the count
    its LQ, shares, flags and stars are computed on; the measure is part of the row's key, so a
    map by establishments and one by employment of the same clusters and years are both kept.
    A census of establishments counts no jobs: its rows store no employment.

    Returns
    -------
    ImportReport
        ``kind="indicators"``; ``sha256`` is the checksum of the stored columns' values.

    Raises
    ------
    InvalidParameterError
        If ``cluster_map`` is not a ClusterMap, is ranked by an unknown measure or lacks its
        measure in some row, counts in an unknown unit, or ``payroll_scale`` is not positive.
    DataValidationError
        If a region of the map is not in the registry; nothing has been written.

    Examples
    --------
    >>> import pandas as pd
    >>> from grappe.mapping import map_clusters
    >>> from grappe.model import ClusterDefinitions, RegionalTable
    >>> from grappe.registry import connect, import_table
    >>> rows = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["11", "22"] * 2,
    ...     "year": 2020, "employment": [30.0, 10.0, 10.0, 50.0], "establishments": 3.0,
    ...     "payroll": 100.0, "withheld": False})
    >>> defs = ClusterDefinitions(pd.DataFrame({"code": ["11", "22"], "cluster": ["1", "2"],
    ...     "cluster_name": ["Farm", "Tech"], "subcluster": None, "cluster_type": "traded"}))
    >>> cmap = map_clusters(RegionalTable(rows), defs)
    >>> factory = connect("sqlite://")
    >>> regions = b"id,country,region_type,name_en\\nX-A,X,state,A\\nX-B,X,state,B\\n"
    >>> with factory.begin() as session:
    ...     _ = import_table(session, regions, kind="regions", filename="r.csv", who="doc")
    ...     report = store_cluster_map(session, cmap, who="doc", definitions="toy",
    ...                                region_ids=lambda code: f"X-{code}")
    >>> report.inserted, report.unchanged
    (4, 0)

    References
    ----------
    .. [1] Delgado, M., Porter, M. E., & Stern, S. (2016). Defining clusters of related
       industries. *Journal of Economic Geography*, 16(1), 1–38.
    """
    func = "store_cluster_map"
    if not isinstance(cluster_map, ClusterMap):
        raise InvalidParameterError(
            f"The 'cluster_map' parameter of {func} must be a ClusterMap. "
            f"Got {type(cluster_map).__name__} instead."
        )
    if not (isinstance(payroll_scale, int | float) and payroll_scale > 0):
        raise InvalidParameterError(
            f"The 'payroll_scale' parameter of {func} must be a positive number. "
            f"Got {payroll_scale!r} instead."
        )
    measure = cluster_map.parameters.get("measure", "employment")
    if measure not in MEASURES:
        raise InvalidParameterError(
            f"The 'cluster_map' parameter of {func} must be ranked by one of {list(MEASURES)} "
            f"(its parameters['measure']). Got a map by {measure!r} instead; map the table "
            "again with grappe.mapping.map_clusters(measure=...)."
        )
    if cluster_map.indicators[measure].isna().any():
        raise InvalidParameterError(
            f"The 'cluster_map' parameter of {func} must count its measure ({measure}) in "
            f"every row. Got {int(cluster_map.indicators[measure].isna().sum())} row(s) without "
            f"{measure} instead; the map's LQs and shares are computed on it, so it was not "
            "made by grappe.mapping.map_clusters from this measure."
        )
    unit = cluster_map.parameters.get("unit")
    if unit not in COUNT_UNIT_FACTORS:
        raise InvalidParameterError(
            f"The 'cluster_map' parameter of {func} must count in a known unit "
            f"{sorted(u for u in COUNT_UNIT_FACTORS if u)} (or plain counts). Got a map in "
            f"{unit!r} instead; convert the table to persons before mapping it."
        )
    count_scale = COUNT_UNIT_FACTORS[unit]
    frame = cluster_map.indicators[list(STORED_INDICATOR_COLUMNS)]
    to_id = _region_id(region_ids)
    codes = frame["region"].astype(str)
    ids = {code: to_id(code) for code in codes.unique()}
    _check_regions(session, ids, name)
    records = [
        {
            "definitions": definitions,
            "region": ids[str(r.region)],
            "cluster": str(r.cluster),
            "cluster_name": str(r.cluster_name),
            "cluster_type": str(r.cluster_type),
            "year": int(r.year),
            "measure": measure,
            "employment": _number(r.employment, count_scale),
            "establishments": _number(r.establishments),
            "payroll": _number(r.payroll, payroll_scale),
            "avg_wage": None if (w := _number(r.avg_wage, payroll_scale)) is None else round(w, 2),
            "lq": _number(r.lq),
            "national_share": _number(r.national_share),
            "focus": _number(r.focus),
            "strong": bool(r.strong),
            "stars": int(r.stars),
        }
        for r in frame.itertuples(index=False)
    ]
    digest = hashlib.sha256(
        pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy().tobytes()
    ).hexdigest()
    job = ImportJob(
        kind="indicators", filename=name, sha256=digest, status="running", created_by=who
    )
    session.add(job)
    session.flush()
    planned = import_changes.plan(session, "indicators", records)
    inserted, updated = import_changes.apply(
        session, "indicators", planned, who=who, import_id=job.id, progress=progress
    )
    job.status, job.rows, job.errors = "succeeded", len(records), None
    job.inserted, job.updated = inserted, updated
    session.flush()
    audit(
        session,
        who,
        "store",
        "indicators",
        str(job.id),
        {"name": name, "definitions": definitions, "rows": len(records), "inserted": inserted},
    )
    return ImportReport(
        job_id=job.id,
        kind="indicators",
        filename=name,
        sha256=digest,
        rows=len(records),
        inserted=inserted,
        updated=updated,
        unchanged=len(records) - inserted - updated,
    )


def _region_id(region_ids: Mapping[str, str] | Callable[[str], str] | None) -> Callable[[str], str]:
    if region_ids is None:
        return str
    if callable(region_ids):
        return lambda code: str(region_ids(code))
    return lambda code: str(region_ids.get(code, code))


def _check_regions(session: Session, ids: dict[str, str], name: str) -> None:
    """Refuse a map whose regions are not in the registry (the rows reference them)."""
    wanted = sorted(set(ids.values()))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.scalars(select(Region.id).where(Region.id.in_(chunk))))
    missing = [i for i in wanted if i not in found]
    if missing:
        raise DataValidationError(
            ValidationIssue(
                f"{len(missing)} region(s) of the cluster map are not in the registry: "
                f"{', '.join(missing[:5])}{'…' if len(missing) > 5 else ''}.",
                file=name,
                column="region",
                fix="import the regions first, or pass region_ids that name registry regions.",
            )
        )
