"""The one error hierarchy of grappe.

Every error that grappe raises on purpose derives from :class:`GrappeError`, so that callers
can catch grappe's errors without catching programming errors. Errors about values also derive
from :class:`ValueError` so that generic code that expects a ``ValueError`` keeps working.
"""

from __future__ import annotations

__all__ = [
    "ConvergenceError",
    "DataValidationError",
    "DataWarning",
    "GrappeError",
    "InvalidParameterError",
    "MissingDependencyError",
    "NotFoundError",
    "OutputError",
    "PermissionDeniedError",
    "RegistryUnavailableError",
    "ValidationIssue",
]

from dataclasses import dataclass


class GrappeError(Exception):
    """Base class of every error raised by grappe."""


class InvalidParameterError(GrappeError, ValueError):
    """A public function was called with a parameter value it does not accept."""


class NotFoundError(GrappeError, LookupError):
    """A named object (cluster, region, definition set, actor…) does not exist."""


class MissingDependencyError(GrappeError, ImportError):
    """An optional dependency is needed; the message names the extra to install."""


class ConvergenceError(GrappeError, ArithmeticError):
    """An iterative method did not converge within its iteration budget.

    Raised by every kernel that iterates to a fixed point or an optimum (ECI by converged
    reflections or by the sparse eigen-solver, the continuous core–periphery model) instead of
    returning an unconverged result or only warning, as networkx raises
    ``PowerIterationFailedConvergence``. The message says what to raise.

    Parameters
    ----------
    message : str
        What did not converge and what the user can do.
    iterations : int
        The iteration budget that was spent.
    tol : float
        The tolerance that was not reached.
    """

    def __init__(self, message: str, *, iterations: int, tol: float) -> None:
        super().__init__(message)
        self.iterations = iterations
        self.tol = tol


class OutputError(GrappeError, OSError):
    """A result could not be written (full disk, read-only folder, a folder as the target…).

    The message names the path, the reason and what the user can do; a file written in place
    (see :mod:`grappe.io.output`) was left as it was and no temporary file remains. It also
    derives from :class:`OSError`, so generic code that catches ``OSError`` keeps working.
    """


class PermissionDeniedError(GrappeError, PermissionError):
    """The caller's role does not allow this write (the reason and whom to ask, from
    :func:`grappe.registry.permissions.refusal`)."""


class RegistryUnavailableError(GrappeError, ConnectionError):
    """The registry's database cannot be opened or reached (a server down, a file that cannot be
    created). The message names the database (without its password) and what to check."""


@dataclass(frozen=True)
class ValidationIssue:
    """One problem found in an input file.

    Attributes
    ----------
    message : str
        What is wrong, in one sentence.
    file : str or None
        The file the value came from.
    row : int or None
        1-based line number in the file (the header is line 1), or the row number in the sheet.
    column : str or None
        The column (as named in the file) that holds the bad value.
    fix : str or None
        What the user can do about it.
    """

    message: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    fix: str | None = None

    def __str__(self) -> str:
        where = []
        if self.file is not None:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        text = (", ".join(where) + ": " if where else "") + self.message
        if self.fix:
            text += f" Fix: {self.fix}"
        return text


class DataValidationError(GrappeError, ValueError):
    """Input data failed validation; nothing was imported.

    The error carries every :class:`ValidationIssue` found (up to a limit), so that a user can
    fix a file in one pass rather than one error at a time.

    Parameters
    ----------
    issues : list of ValidationIssue
        The problems found; the first one is the error's message.
    """

    max_listed = 20

    def __init__(self, issues: list[ValidationIssue] | ValidationIssue) -> None:
        if isinstance(issues, ValidationIssue):
            issues = [issues]
        if not issues:
            raise InvalidParameterError("DataValidationError needs at least one issue.")
        self.issues: tuple[ValidationIssue, ...] = tuple(issues)
        lines = [str(i) for i in self.issues[: self.max_listed]]
        if len(self.issues) > self.max_listed:
            lines.append(f"… and {len(self.issues) - self.max_listed} more problems.")
        super().__init__("\n".join(lines))

    @property
    def file(self) -> str | None:
        """File of the first issue."""
        return self.issues[0].file

    @property
    def row(self) -> int | None:
        """Row of the first issue."""
        return self.issues[0].row

    @property
    def column(self) -> str | None:
        """Column of the first issue."""
        return self.issues[0].column


class DataWarning(UserWarning):
    """Input data looks implausible, but a meaningful result can still be computed.

    Carries the same fields as a :class:`ValidationIssue`, so that a warning reads like an
    error: where (file, row, column), what, and the fix. Library code emits it with
    ``warnings.warn(DataWarning(...), stacklevel=2)``; the command line prints each one to
    standard error as ``Warning: <file>, row R, column C: message — fix``.

    Parameters
    ----------
    message : str
        What looks wrong, in one sentence.
    file, row, column, fix
        As in :class:`ValidationIssue`.

    Examples
    --------
    >>> w = DataWarning("every cell is 0.", file="emp.csv", column="jobs", fix="check it.")
    >>> str(w)
    "emp.csv, column 'jobs': every cell is 0. Fix: check it."
    >>> w.issue.row is None
    True
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.issue = ValidationIssue(message, file=file, row=row, column=column, fix=fix)
        super().__init__(str(self.issue))

    @property
    def message(self) -> str:
        """What looks wrong."""
        return self.issue.message

    @property
    def file(self) -> str | None:
        """The file the value came from."""
        return self.issue.file

    @property
    def row(self) -> int | None:
        """1-based line in the file (header = line 1), if known."""
        return self.issue.row

    @property
    def column(self) -> str | None:
        """The column as named in the file, if known."""
        return self.issue.column

    @property
    def fix(self) -> str | None:
        """What the user can do about it."""
        return self.issue.fix
