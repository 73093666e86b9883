"""A cluster's diagnostic report built from the registry's data, as a job with progress.

:func:`report_inputs` gathers what :func:`grappe.reports.build_report` needs from the registry:
the indicator snapshots of the cluster's definition set (all regions, for the national totals)
when its sector has some in its first region, and what the workspace stored: the latest version
of each scored assessment (diamond, success factors, life cycle), the latest (edited) SWOT, the
roadmap with its priority challenges, the KPIs and the latest network diagnosis. A stored part
is reported as stored, not recomputed; a cluster without mapped statistics (a crafts cluster)
gets its report from the stored parts alone. :func:`build_cluster_report`
then renders every language × format and stores the files with their SHA-256 and size.

Where the files live: in the database (:class:`~grappe.registry.models.ReportFile`), not in a
folder. A report is a few hundred kB per file; in the database it is written in the same
transaction as its metadata (never a row without its file, nor a file without its row), it is
served by every worker of ``grappe serve --workers N`` and by every machine sharing a PostgreSQL
server, and it is saved with the database's backups. The cost is database size: delete old
reports (``DELETE /api/v1/clusters/{id}/reports/{rid}``) when they pile up.

Progress: the report's row holds ``status``, ``done`` and ``total``, written in short
transactions between the steps (building, then each file). No transaction is open while a file
is rendered, so the progress rows never wait on SQLite's writer lock, and any worker can answer
``GET .../reports/{rid}``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grappe._validation import check_option
from grappe.errors import DataValidationError, GrappeError, InvalidParameterError, NotFoundError
from grappe.registry.assessments import list_assessments
from grappe.registry.cluster_exports import cluster_country_exports
from grappe.registry.database import session_scope
from grappe.registry.evaluations import list_swots
from grappe.registry.internationalisation import latest_internationalisation
from grappe.registry.models import (
    Cluster,
    IndicatorSnapshot,
    Kpi,
    Region,
    ReportFile,
    StoredReport,
    utc_now,
)
from grappe.registry.network_diagnoses import latest_diagnosis
from grappe.registry.networks import load_network
from grappe.registry.permissions import Access, name_of
from grappe.registry.report_programmes import (
    programmes_with_sources,
    stored_programme_status,
    stored_programme_statuses,
)
from grappe.registry.repositories import audit, get, list_evaluations
from grappe.registry.roadmaps import load_roadmap
from grappe.reports.i18n import LANGS
from grappe.reports.programme import ProgrammeStatus
from grappe.vocabulary import STORED_INDICATOR_COLUMNS

__all__ = [
    "FORMATS",
    "ReportInputs",
    "build_cluster_report",
    "delete_report",
    "get_report",
    "list_reports",
    "queue_report",
    "report_inputs",
    "stored_programme_status",
    "stored_programme_statuses",
]

_log = logging.getLogger(__name__)

#: Formats of a report's files.
FORMATS: tuple[str, ...] = ("html", "pdf")

#: The stored indicator columns the report reads (the vocabulary's list; ``region`` is the row's
#: ``region_id``).
_SNAPSHOT_COLUMNS = tuple(c for c in STORED_INDICATOR_COLUMNS if c != "region")


@dataclass(frozen=True)
class ReportInputs:
    """What the report of one cluster is built from.

    Attributes
    ----------
    indicators : pandas.DataFrame or None
        Snapshots of the cluster's definition set in the kernel's columns (``region``,
        ``region_name``, ``cluster``, ``cluster_name``, ``year``…); None when the cluster has
        none of its sector in its first region.
    region, cluster : str
        The cluster's first region and its sector (the indicators' cluster code); the cluster's
        id and ``""`` when it has no sector or no region.
    names : dict
        Language → the cluster's name (English when a translation is missing).
    roadmap : Roadmap or None
    kpis : pandas.DataFrame or None
        ``kpi``, ``period``, ``value``, ``target`` (one row per KPI × period).
    sources : tuple of str
    network : dict or None
        The result of the cluster's latest succeeded network diagnosis
        (:func:`grappe.registry.network_diagnoses.diagnose_stored`), None when it has none.
    diamond, factors, lifecycle : Diamond, SuccessFactors, Lifecycle or None
        The latest stored assessment version of each kind (Quebec or Danish factors: the
        newer of the two).
    swot : Swot or None
        The latest stored SWOT, as edited.
    region_name : str or None
        The English name of the cluster's first region.
    latest_evaluation : dict or None
        The latest stored evaluation: date, kind, score, label, label status, evaluator.
    graph : ActorNetwork or None
        The stored network of the latest diagnosis (its wave), drawn in the report.
    internationalisation : Internationalisation or None
        Of the latest year with member figures
        (:func:`grappe.registry.internationalisation.latest_internationalisation`).
    programmes : tuple of ProgrammeStatus
        The cluster's status in every programme it is enrolled in (or in those asked for),
        live ones first, from the stored enrolments and decisions
        (:func:`stored_programme_statuses`); ``programme`` is the first.
    """

    indicators: pd.DataFrame | None
    region: str
    cluster: str
    names: dict[str, str]
    roadmap: Any
    kpis: pd.DataFrame | None
    sources: tuple[str, ...]
    network: dict[str, Any] | None = None
    diamond: Any = None
    factors: Any = None
    lifecycle: Any = None
    swot: Any = None
    region_name: str | None = None
    latest_evaluation: dict[str, Any] | None = None
    graph: Any = None
    internationalisation: Any = None
    programmes: tuple[ProgrammeStatus, ...] = ()

    @property
    def programme(self) -> ProgrammeStatus | None:
        """The first of :attr:`programmes` (a live one when there is one), or None."""
        return self.programmes[0] if self.programmes else None


def report_inputs(
    session: Session, cluster_id: str, *, programmes: Iterable[str] | None = None
) -> ReportInputs:
    """Gather the registry's data for the report of ``cluster_id``.

    ``programmes`` (keys) restricts the programme section to those programmes
    (:func:`stored_programme_statuses`); ``None`` reports every one.

    Raises
    ------
    NotFoundError
        No such cluster, or the cluster is not enrolled in one of ``programmes``.
    InvalidParameterError
        The cluster has no indicator snapshot of its sector in its region (or no sector or
        region) and no stored assessment, SWOT or network diagnosis: nothing to report on.
    """
    cluster = get(session, Cluster, cluster_id, what="cluster")
    region = cluster.regions[0] if cluster.regions else None
    frame = _indicators(session, cluster, region.id if region else None)
    sources = []
    if frame is not None:
        sources.append(f"grappe registry: indicator snapshots ({cluster.definitions or 'all'})")
    statuses, programme_sources = programmes_with_sources(session, cluster_id, keys=programmes)
    sources.extend(programme_sources)
    latest: dict[str, Any] = {}
    for version in list_assessments(session, cluster_id):  # oldest first: the last one wins
        part = "factors" if version.kind in ("quebec", "danish") else version.kind
        latest[part] = version
    for part in ("diamond", "factors", "lifecycle"):
        if part in latest:
            v = latest[part]
            sources.append(f"grappe registry: assessment {v.id} ({v.kind}) of {v.date}")
    swots = list_swots(session, cluster_id)
    swot = swots[-1] if swots else None
    if swot is not None:
        sources.append(f"grappe registry: SWOT {swot.id} of {swot.date}")
    diagnosis = latest_diagnosis(session, cluster_id)
    if diagnosis is not None:
        wave = f", wave {diagnosis.wave}" if diagnosis.wave else ""
        sources.append(
            f"grappe registry: network diagnosis {diagnosis.id} of {diagnosis.date}{wave}"
        )
    if frame is None and not latest and swot is None and diagnosis is None:
        raise InvalidParameterError(_nothing_to_report(cluster, region))
    graph = None
    if diagnosis is not None:
        try:
            graph = load_network(session, cluster_id, wave=diagnosis.wave or None)
        except NotFoundError:
            graph = None  # every actor removed since the diagnosis: its figures, no drawing
    roadmap = load_roadmap(session, cluster_id)
    if roadmap is not None:
        sources.append("grappe registry: roadmap")
    latest_evaluation = None
    evaluations, _ = list_evaluations(session, cluster=cluster_id, limit=1)  # newest first
    if evaluations:
        e = evaluations[0]
        latest_evaluation = {
            "date": e.date, "kind": e.kind, "score": e.score, "label": e.label,
            "label_status": e.label_status, "evaluator": e.evaluator,
        }  # fmt: skip
        sources.append(f"grappe registry: evaluation {e.id} of {e.date}")
    kpis = list(session.scalars(select(Kpi).where(Kpi.cluster_id == cluster_id)))
    kpi_table = None
    if kpis:
        kpi_table = pd.DataFrame(
            [
                {"kpi": k.name, "period": k.period, "value": k.value, "target": k.target}
                for k in kpis
            ]
        )
    # the country's published export profile in the cluster's headings (a report leaves the
    # workspace: never an unpublished profile nor a hidden opportunity)
    exports = cluster_country_exports(session, cluster_id, published_only=True)
    try:
        intl = latest_internationalisation(
            session, cluster_id, **exports.internationalisation_options()
        )
    except DataValidationError as error:  # records that disagree: the rest is still reported
        intl = None
        sources.append(f"grappe registry: member figures not reported ({error})")
    if intl is not None:
        sources.append(f"grappe registry: member figures and markets of {intl.period}")
        if exports.profile is not None and exports.products:
            how = (
                f"derived from cluster {exports.sector} of {exports.definitions} through the "
                "HS → NAICS concordance"
                if exports.products_from == "derived"
                else "named in the cluster's settings"
            )
            sources.append(
                f"grappe registry: export profile of {exports.country} "
                f"({exports.profile.profile.year}, {exports.profile.source}), read in the "
                f"cluster's {len(exports.products)} HS headings ({how}), among the "
                f"{exports.stored_opportunities} first opportunities stored"
            )
    names = {
        "en": cluster.name_en,
        "fr": cluster.name_fr or cluster.name_en,
        "ar": cluster.name_ar or cluster.name_en,
    }
    return ReportInputs(
        frame,
        region.id if region else "",
        str(cluster.sector or cluster_id),
        names,
        roadmap,
        kpi_table,
        tuple(sources),
        network=None if diagnosis is None else diagnosis.result,
        diamond=latest["diamond"].result if "diamond" in latest else None,
        factors=latest["factors"].result if "factors" in latest else None,
        lifecycle=latest["lifecycle"].result if "lifecycle" in latest else None,
        swot=None if swot is None else swot.swot,
        region_name=None if region is None else region.name_en,
        latest_evaluation=latest_evaluation,
        graph=graph,
        internationalisation=intl,
        programmes=statuses,
    )


def _indicators(session: Session, cluster: Cluster, region_id: str | None) -> pd.DataFrame | None:
    """The snapshots of the cluster's definition set, when its sector has some in its region."""
    if not cluster.sector or region_id is None:
        return None
    query = select(IndicatorSnapshot, Region.name_en).join(
        Region, Region.id == IndicatorSnapshot.region_id
    )
    if cluster.definitions:
        query = query.where(IndicatorSnapshot.definitions == cluster.definitions)
    rows = [
        {
            "region": s.region_id,
            "region_name": name,
            **{c: getattr(s, c) for c in _SNAPSHOT_COLUMNS},
        }
        for s, name in session.execute(query)
    ]
    frame = pd.DataFrame(rows, columns=["region", "region_name", *_SNAPSHOT_COLUMNS])
    own = frame[(frame["region"] == region_id) & (frame["cluster"] == cluster.sector)]
    if own.empty:
        return None
    return frame.astype({"establishments": float, "payroll": float, "avg_wage": float})


def _nothing_to_report(cluster: Cluster, region: Region | None) -> str:
    if not cluster.sector or region is None:
        statistics = "has no sector or no region (so no indicators)"
    else:
        statistics = (
            f"has no indicator snapshot of its sector {cluster.sector!r} in {region.id!r}"
            + (f" (definitions {cluster.definitions!r})" if cluster.definitions else "")
        )
    return (
        f"The cluster {cluster.id!r} {statistics}, and no stored assessment, SWOT or network "
        "diagnosis: there is nothing to report on. Score a questionnaire (POST "
        f"/api/v1/clusters/{cluster.id}/answers) or draft a SWOT first, or import its "
        "indicators (POST /api/v1/imports, kind indicators)."
    )


def queue_report(
    session: Session,
    cluster_id: str,
    *,
    languages: Sequence[str],
    formats: Sequence[str],
    who: str | Access,
) -> StoredReport:
    """Record a queued report of the cluster (the caller then runs
    :func:`build_cluster_report`); the audit entry keeps what was asked.

    Raises
    ------
    InvalidParameterError
        An unknown language or format, or none.
    """
    langs = _choices(languages, "languages", LANGS)
    fmts = _choices(formats, "formats", FORMATS)
    row = StoredReport(
        cluster_id=cluster_id,
        status="queued",
        languages=langs,
        formats=fmts,
        done=0,
        total=1 + len(langs) * len(fmts),
        created_by=name_of(who),
    )
    session.add(row)
    session.flush()
    audit(
        session,
        who,
        "create",
        "report",
        f"{cluster_id}/{row.id}",
        after={"languages": langs, "formats": fmts},
    )
    return row


def _choices(values: Sequence[str], name: str, allowed: tuple[str, ...]) -> list[str]:
    if not values:
        raise InvalidParameterError(
            f"The '{name}' parameter of a report must name at least one of {list(allowed)}. "
            "Got none instead."
        )
    for value in values:
        check_option(value, name, allowed, func="queue_report")
    return [v for v in allowed if v in values]


def _render(report: Any, lang: str, fmt: str) -> bytes:
    from grappe.reports import render_html

    html = render_html(report, lang=lang)
    if fmt == "html":
        return html.encode("utf-8")
    from grappe.reports.render import pdf_bytes

    return pdf_bytes(html)


def build_cluster_report(
    sessions: sessionmaker[Session], report_id: int, inputs: ReportInputs
) -> None:
    """Build and store the files of queued report ``report_id``; mark it succeeded or failed.

    Runs on a worker thread (``BackgroundTasks``); progress (``done`` of ``total`` steps) is
    written between the steps. A failure stores nothing but the error (``errors``: message and
    fix); an unexpected one is logged with its traceback (logger ``grappe.registry.reports``).
    """
    from grappe.reports import build_report

    with session_scope(sessions) as session:
        row = session.get(StoredReport, report_id)
        if row is None:
            return
        row.status = "running"
        langs, fmts = list(row.languages), list(row.formats)
    try:
        built = build_report(
            inputs.indicators,
            region=inputs.region,
            cluster=inputs.cluster,
            roadmap=inputs.roadmap,
            kpis=inputs.kpis,
            network=inputs.network,
            sources=inputs.sources,
            diamond=inputs.diamond,
            factors=inputs.factors,
            lifecycle=inputs.lifecycle,
            swot=inputs.swot,
            region_name=inputs.region_name if inputs.indicators is None else None,
            latest_evaluation=inputs.latest_evaluation,
            graph=inputs.graph,
            internationalisation=inputs.internationalisation,
            programme=inputs.programmes,
        )
        _progress(sessions, report_id, 1)
        files = []
        for lang in langs:
            named = dataclasses.replace(built, cluster_name=inputs.names[lang])
            for fmt in fmts:
                files.append((lang, fmt, _render(named, lang, fmt)))
                _progress(sessions, report_id, len(files) + 1)
    except GrappeError as exc:
        _finish(sessions, report_id, [{"message": str(exc), "fix": None}])
        return
    except Exception:
        _log.exception("report %s failed", report_id)
        _finish(
            sessions,
            report_id,
            [
                {
                    "message": "The report failed on an internal error; nothing was stored.",
                    "fix": f"Tell an admin (the server log has details under report {report_id}).",
                }
            ],
        )
        return
    with session_scope(sessions) as session:
        row = session.get(StoredReport, report_id)
        if row is None:  # deleted while it was built
            return
        for lang, fmt, content in files:
            row.files.append(
                ReportFile(
                    lang=lang,
                    format=fmt,
                    sha256=hashlib.sha256(content).hexdigest(),
                    size=len(content),
                    content=content,
                )
            )
        row.status, row.done, row.finished_at = "succeeded", row.total, utc_now()


def _progress(sessions: sessionmaker[Session], report_id: int, done: int) -> None:
    with session_scope(sessions) as session:
        row = session.get(StoredReport, report_id)
        if row is not None:
            row.done = done


def _finish(sessions: sessionmaker[Session], report_id: int, errors: list[dict[str, Any]]) -> None:
    with session_scope(sessions) as session:
        row = session.get(StoredReport, report_id)
        if row is not None:
            row.status, row.errors, row.finished_at = "failed", errors, utc_now()


def list_reports(session: Session, cluster_id: str) -> list[StoredReport]:
    """The cluster's reports, newest first."""
    query = select(StoredReport).where(StoredReport.cluster_id == cluster_id)
    return list(session.scalars(query.order_by(StoredReport.id.desc())))


def get_report(session: Session, cluster_id: str, report_id: int) -> StoredReport:
    """Report ``report_id`` of the cluster.

    Raises
    ------
    NotFoundError
        No such report in that cluster.
    """
    row = session.get(StoredReport, report_id)
    if row is None or row.cluster_id != cluster_id:
        raise NotFoundError(f"The cluster {cluster_id!r} has no report {report_id}.")
    return row


def delete_report(session: Session, cluster_id: str, report_id: int, *, who: str | Access) -> None:
    """Delete a report and its files; the audit entry keeps its metadata and checksums.

    Raises
    ------
    NotFoundError
        No such report in that cluster.
    """
    row = get_report(session, cluster_id, report_id)
    before = {
        "status": row.status,
        "languages": row.languages,
        "formats": row.formats,
        "created_by": row.created_by,
        "created_at": row.created_at,
        "files": {f"{f.lang}.{f.format}": f.sha256 for f in row.files},
    }
    session.delete(row)
    session.flush()
    audit(session, who, "delete", "report", f"{cluster_id}/{report_id}", before=before)
