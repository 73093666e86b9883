"""Diagnoses of a stored network, kept as versions per date; the change between two waves.

:func:`queue_diagnosis` records a run (status ``queued``) after checking its wave and options;
:func:`run_diagnosis` loads the stored network (:func:`grappe.registry.networks.load_network`),
runs :func:`grappe.network.diagnose` exactly as ``grappe network diagnose`` does on the same
files (same defaults: the last wave, compared with the one before it) and stores the JSON summary
with the text in French, English and Arabic. :func:`diagnose_stored` does both at once (the CLI
and Python callers); the API runs :func:`run_diagnosis` as a background job.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Callable, Mapping
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from grappe._validation import check_option, check_options
from grappe.errors import GrappeError, InvalidParameterError, NotFoundError, ValidationIssue
from grappe.network.change import wave_change
from grappe.network.diagnosis import LANGUAGES, diagnose, render_text
from grappe.network.model import LEVELS
from grappe.registry.database import session_scope
from grappe.registry.models import Actor, Cluster, Membership, NetworkDiagnosis, utc_now
from grappe.registry.networks import load_network
from grappe.registry.permissions import Access, name_of
from grappe.registry.repositories import audit, get, page

__all__ = [
    "DEFAULT_OPTIONS",
    "compare_waves",
    "diagnose_stored",
    "diagnosis_record",
    "latest_diagnosis",
    "list_diagnoses",
    "queue_diagnosis",
    "run_diagnosis",
    "run_queued",
    "waves_of",
]

_log = logging.getLogger(__name__)

#: Options of a diagnosis and their defaults (those of ``grappe network diagnose``).
DEFAULT_OPTIONS: dict[str, Any] = {
    "expected": "default",
    "weak": 1.0,
    "local_levels": ["local"],
    "seed": 0,
}

#: Called as ``progress(step, done, total)``.
Progress = Callable[[str, int, int], None]


def waves_of(session: Session, cluster: str, wave: str | None) -> tuple[str | None, str | None]:
    """The wave to diagnose and the one before it, as the CLI chooses them: ``wave`` or the last
    wave of the stored network, and the wave before it in the network's order.

    Raises
    ------
    InvalidParameterError
        If ``wave`` is not a wave of the stored network.
    """
    net = load_network(session, cluster)
    waves = list(net.waves)
    if not waves:
        if wave is not None:
            check_option(wave, "wave", (), func="diagnose_stored")
        return None, None
    chosen = wave if wave is not None else waves[-1]
    check_option(chosen, "wave", tuple(waves), func="diagnose_stored")
    i = waves.index(chosen)
    return chosen, waves[i - 1] if i else None


def _options(options: Mapping[str, Any] | None) -> dict[str, Any]:
    merged = {**DEFAULT_OPTIONS, **(options or {})}
    unknown = sorted(set(merged) - set(DEFAULT_OPTIONS))
    if unknown:
        raise InvalidParameterError(
            f"The 'options' parameter of queue_diagnosis must only have the keys "
            f"{list(DEFAULT_OPTIONS)}. Got {unknown} instead."
        )
    check_option(merged["expected"], "expected", ("default", "all"), func="queue_diagnosis")
    merged["local_levels"] = list(merged["local_levels"])
    check_options(merged["local_levels"], "local_levels", LEVELS, func="queue_diagnosis")
    return merged


def queue_diagnosis(
    session: Session,
    cluster: str,
    *,
    wave: str | None = None,
    date: dt.date | None = None,
    options: Mapping[str, Any] | None = None,
    who: str | Access,
) -> NetworkDiagnosis:
    """Record a diagnosis to run (status ``queued``), its wave and options checked first.

    Parameters
    ----------
    session : Session
    cluster : str
    wave : str, optional
        The wave to diagnose (default: the last one; none for a network without waves).
    date : datetime.date, optional
        Date of the version (default: today, UTC).
    options : mapping, optional
        ``expected``, ``weak``, ``local_levels``, ``seed`` (see :data:`DEFAULT_OPTIONS`).
    who : str or Access

    Raises
    ------
    NotFoundError
        No such cluster, or no network stored for it.
    InvalidParameterError
        An unknown wave or option.
    DataValidationError
        Stored rows the kernel refuses (see :func:`~grappe.registry.networks.load_network`).
    """
    get(session, Cluster, cluster, what="cluster")
    chosen, before = waves_of(session, cluster, wave)
    row = NetworkDiagnosis(
        cluster_id=cluster, wave=chosen, before=before,
        date=date or utc_now().date(), status="queued", options=_options(options),
        created_by=name_of(who), created_at=utc_now(),
    )  # fmt: skip
    session.add(row)
    session.flush()
    audit(session, who, "create", "diagnosis", str(row.id),
          after={"cluster": cluster, "wave": chosen, "before": before, "date": row.date,
                 "options": row.options})  # fmt: skip
    return row


def run_diagnosis(
    session: Session, diagnosis_id: int, *, progress: Progress | None = None
) -> NetworkDiagnosis:
    """Compute a queued diagnosis and store its result and texts (status ``succeeded``).

    Errors propagate (the caller's transaction rolls back; the API's job then marks the row
    ``failed`` with the message).
    """
    row = get(session, NetworkDiagnosis, diagnosis_id, what="diagnosis")

    def tick(step: str, done: int, total: int) -> None:
        if progress is not None:
            progress(step, done, total)

    tick("load", 0, 3)
    row.status = "running"
    net = load_network(session, row.cluster_id)
    tick("diagnose", 1, 3)
    opts = row.options
    result = diagnose(
        net, wave=row.wave, before=row.before, expected=opts["expected"],
        weak=float(opts["weak"]), local_levels=tuple(opts["local_levels"]), seed=opts["seed"],
    ).to_dict()  # fmt: skip
    tick("write", 2, 3)
    from grappe.io.network import read_diagnosis_texts

    templates = read_diagnosis_texts()
    row.result = result
    # The text names actors and the cluster in each language, as the pages do.
    cluster = get(session, Cluster, row.cluster_id, what="cluster")
    actors = session.scalars(
        select(Actor).join(Membership, Membership.actor_id == Actor.id)
        .where(Membership.cluster_id == row.cluster_id)
    ).all()  # fmt: skip
    row.texts = {
        lang: render_text(
            result, templates, lang=lang,
            labels={a.id: (a.attributes or {}).get(f"name_{lang}") or a.name for a in actors},
            name=getattr(cluster, f"name_{lang}", None) or cluster.name_en,
        )
        for lang in LANGUAGES
    }  # fmt: skip
    row.status, row.finished_at = "succeeded", utc_now()
    session.flush()
    tick("done", 3, 3)
    return row


def run_queued(
    sessions: sessionmaker[Session], diagnosis_id: int, *, progress: Progress | None = None
) -> str:
    """Run a queued diagnosis in its own transaction, as a background job does (the API's, the
    workspace page's); return its final status, ``succeeded`` or ``failed``.

    A failure is stored in the row (``failed``, ``errors``) in a second, short transaction: a
    :class:`~grappe.errors.GrappeError` with its message (e.g. stored rows the kernel refuses),
    a database error or any other exception with a generic message whose details go to the
    server log only (logger ``grappe.registry.network_diagnoses``), since they may hold SQL and
    interview data. An unexpected exception (neither of those) is re-raised after the row is
    marked, so that the server reports the bug.
    """
    try:
        with session_scope(sessions) as session:
            run_diagnosis(session, diagnosis_id, progress=progress)
    except GrappeError as exc:
        _mark_failed(sessions, diagnosis_id, ValidationIssue(str(exc)))
        return "failed"
    except SQLAlchemyError as exc:
        _log.error("diagnosis %s failed in the database", diagnosis_id, exc_info=exc)
        _mark_failed(sessions, diagnosis_id, ValidationIssue(
            "the database failed during the diagnosis; nothing was stored.",
            fix="try again; tell an admin if it keeps failing.",
        ))  # fmt: skip
        return "failed"
    except BaseException:
        _log.exception("diagnosis %s failed", diagnosis_id)
        _mark_failed(sessions, diagnosis_id, ValidationIssue(
            "the diagnosis failed on an internal error.",
            fix=f"tell an admin (server log, diagnosis {diagnosis_id}).",
        ))  # fmt: skip
        raise
    return "succeeded"


def _mark_failed(
    sessions: sessionmaker[Session], diagnosis_id: int, issue: ValidationIssue
) -> None:
    with session_scope(sessions) as session:
        row = session.get(NetworkDiagnosis, diagnosis_id)
        if row is not None:
            row.status, row.errors = "failed", [asdict(issue)]


def diagnose_stored(
    session: Session,
    cluster: str,
    *,
    wave: str | None = None,
    date: dt.date | None = None,
    options: Mapping[str, Any] | None = None,
    who: str | Access,
) -> NetworkDiagnosis:
    """Queue and run a diagnosis at once (see :func:`queue_diagnosis`, :func:`run_diagnosis`).

    Examples
    --------
    >>> row = diagnose_stored(session, "knoke-indianapolis", who="cli")  # doctest: +SKIP
    >>> row.result["network"]["ties"], row.texts["ar"][:20]  # doctest: +SKIP
    """
    row = queue_diagnosis(session, cluster, wave=wave, date=date, options=options, who=who)
    return run_diagnosis(session, row.id)


def diagnosis_record(row: NetworkDiagnosis, *, lang: str | None = None) -> dict[str, Any]:
    """A stored diagnosis as the API returns it (the text in ``lang`` only when given)."""
    record = {
        "id": row.id, "cluster_id": row.cluster_id, "wave": row.wave, "before": row.before,
        "date": row.date, "status": row.status, "options": row.options,
        "created_by": row.created_by, "created_at": row.created_at,
        "finished_at": row.finished_at, "errors": row.errors,
    }  # fmt: skip
    if lang is not None:
        check_option(lang, "lang", LANGUAGES, func="diagnosis_record")
        record["result"] = row.result
        record["text"] = (row.texts or {}).get(lang)
        record["lang"] = lang
    return record


def latest_diagnosis(session: Session, cluster: str) -> NetworkDiagnosis | None:
    """The cluster's latest succeeded diagnosis (by date, then id), None when it has none:
    what a report and a SWOT draft read."""
    return session.scalars(
        select(NetworkDiagnosis)
        .where(NetworkDiagnosis.cluster_id == cluster, NetworkDiagnosis.status == "succeeded")
        .order_by(NetworkDiagnosis.date.desc(), NetworkDiagnosis.id.desc())
        .limit(1)
    ).first()


def list_diagnoses(
    session: Session,
    cluster: str,
    *,
    wave: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[NetworkDiagnosis], int]:
    """The diagnoses of a cluster, newest version first (by date, then id)."""
    get(session, Cluster, cluster, what="cluster")
    query = select(NetworkDiagnosis).where(NetworkDiagnosis.cluster_id == cluster)
    if wave is not None:
        query = query.where(NetworkDiagnosis.wave == wave)
    query = query.order_by(NetworkDiagnosis.date.desc(), NetworkDiagnosis.id.desc())
    return page(session, query, limit=limit, offset=offset)


def compare_waves(session: Session, cluster: str, *, before: str, after: str) -> dict[str, Any]:
    """The change of the stored network from wave ``before`` to wave ``after``
    (:func:`grappe.network.change.wave_change`): counts, Jaccard index and the ties formed,
    dissolved and kept.

    Raises
    ------
    NotFoundError
        No such cluster or no network.
    InvalidParameterError
        A wave not in the network.
    """
    net = load_network(session, cluster)
    if not net.waves:
        raise NotFoundError(f"The network of {cluster!r} has no survey waves to compare.")
    change = wave_change(net, before, after)
    ties = change.ties.astype(object).where(change.ties.notna(), None)
    return {
        "before": change.before,
        "after": change.after,
        "jaccard": None if math.isnan(change.jaccard) else float(change.jaccard),
        "counts": change.counts(),
        "ties": ties.to_dict("records"),
        "actors": change.actors.to_dict("records"),
    }
