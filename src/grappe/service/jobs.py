"""Import jobs run in the background, with their progress kept in memory.

A request validates the upload and records an :class:`~grappe.registry.models.ImportJob` with the
status ``queued``; :func:`run_import` then writes the file in ONE transaction on a worker thread.

Why progress lives in memory: while the import's transaction is open, a second connection that
writes progress rows would wait on SQLite's single writer lock (and on PostgreSQL would only add
load), so ``done``/``total`` are kept in a :class:`JobBoard` on ``app.state`` for the life of the
process. Only the final status (``succeeded`` with the row counts, or ``failed`` with the error) is
persisted, in the job's row: in the import's own transaction on success, in a short transaction
after the rollback on failure. A job found ``queued`` in the database with no entry on the board
was interrupted by a restart; it wrote nothing.

A database error (a conflict with a concurrent write, a lock, a lost connection) is reported to
the client in its terms, "nothing was imported — try again"; the exception itself, whose text
holds SQL and the file's values, goes to the server log only (logger ``grappe.service.jobs``,
with the job id).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from grappe.errors import DataValidationError, GrappeError, ValidationIssue
from grappe.registry.database import session_scope
from grappe.registry.imports import import_table
from grappe.registry.models import ImportJob
from grappe.registry.permissions import Access

__all__ = ["JobBoard", "JobProgress", "database_failure", "run_import"]

_log = logging.getLogger(__name__)

_NOTHING = "nothing was imported"


@dataclass(frozen=True)
class JobProgress:
    """Live state of one job.

    Attributes
    ----------
    status : {"queued", "running", "succeeded", "failed"}
    done, total : int
        Rows written so far and rows in the file.
    """

    status: str
    done: int
    total: int

    @property
    def percent(self) -> float:
        """Share of the rows written, in percent (100 for an empty file)."""
        return 100.0 if self.total == 0 else round(100.0 * self.done / self.total, 1)


class JobBoard:
    """Thread-safe map job id → :class:`JobProgress` of the jobs of this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[int, JobProgress] = {}

    def set(self, job_id: int, progress: JobProgress) -> None:
        """Record the state of ``job_id``."""
        with self._lock:
            self._jobs[job_id] = progress

    def update(self, job_id: int, **changes: Any) -> None:
        """Change some fields of the state of ``job_id``."""
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def get(self, job_id: int) -> JobProgress | None:
        """The state of ``job_id``, None when this process does not run it."""
        with self._lock:
            return self._jobs.get(job_id)


def run_import(
    sessions: sessionmaker[Session],
    board: JobBoard,
    job_id: int,
    data: bytes,
    *,
    kind: str,
    filename: str,
    who: str | Access,
    definitions: str,
) -> None:
    """Write a queued import in one transaction, then mark the job succeeded or failed.

    The file is validated again inside the transaction (the registry may have changed since the
    request); any error rolls the whole import back and is stored in the job's ``errors``.

    Parameters
    ----------
    sessions : sessionmaker
        Session factory of the registry.
    board : JobBoard
        Where the progress is published.
    job_id : int
        The queued :class:`~grappe.registry.models.ImportJob`.
    data : bytes
        The file's content.
    kind, filename, who, definitions
        As for :func:`grappe.registry.import_table` (``who`` an
        :class:`~grappe.registry.permissions.Access`: the rows are checked against its rights).
    """
    board.update(job_id, status="running")

    def progress(done: int, total: int) -> None:
        board.update(job_id, done=done, total=total)

    try:
        with session_scope(sessions) as session:
            report = import_table(
                session,
                data,
                kind=kind,
                filename=filename,
                who=who,
                definitions=definitions,
                progress=progress,
                job_id=job_id,
            )
    except DataValidationError as exc:
        _fail(sessions, board, job_id, [asdict(issue) for issue in exc.issues])
        return
    except SQLAlchemyError as exc:
        _log.error("import job %s (%s, %s) failed in the database", job_id, kind, filename,
                   exc_info=exc)  # fmt: skip
        _fail(
            sessions, board, job_id, [asdict(database_failure(exc, file=filename, job_id=job_id))]
        )
        return
    except GrappeError as exc:  # our own messages: no SQL, no values beyond the user's file
        _fail(sessions, board, job_id, [asdict(ValidationIssue(str(exc), file=filename))])
        return
    except BaseException:
        # An unexpected bug: record the failure, then let the server log the traceback.
        _log.exception("import job %s (%s, %s) failed", job_id, kind, filename)
        issue = ValidationIssue(
            f"the import failed on an internal error; {_NOTHING}.",
            file=filename,
            fix=f"tell an admin (the server log has the details under import job {job_id}).",
        )
        _fail(sessions, board, job_id, [asdict(issue)])
        raise
    board.update(job_id, status="succeeded", done=report.rows, total=report.rows)


def database_failure(exc: SQLAlchemyError, *, file: str, job_id: int) -> ValidationIssue:
    """What a database error means for the user of an import, without its SQL or values.

    Examples
    --------
    >>> from sqlalchemy.exc import IntegrityError
    >>> err = IntegrityError("INSERT INTO regions …", {"id": "DZ-31"}, Exception("UNIQUE"))
    >>> print(database_failure(err, file="r.csv", job_id=7).message)
    the import conflicted with another change to the registry; nothing was imported.
    """
    if isinstance(exc, IntegrityError):
        what = "the import conflicted with another change to the registry"
        fix = "try again: the import will start from the registry as it is now."
    elif isinstance(exc, OperationalError):
        what = "the database was busy or unavailable during the import"
        fix = "try again in a moment; tell an admin if it keeps failing."
    else:
        what = "the database refused the import"
        fix = f"tell an admin (the server log has the details under import job {job_id})."
    return ValidationIssue(f"{what}; {_NOTHING}.", file=file, fix=fix)


def _fail(
    sessions: sessionmaker[Session], board: JobBoard, job_id: int, errors: list[dict[str, Any]]
) -> None:
    board.update(job_id, status="failed")
    with session_scope(sessions) as session:
        job = session.get(ImportJob, job_id)
        if job is not None:
            job.status, job.errors = "failed", errors
