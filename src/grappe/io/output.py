"""The one writer of grappe: every command that writes a result goes through this module.

What is written where
---------------------
* A **regular file** (existing or new) is written to a temporary file beside it
  (``.name.XXXX.part``), flushed and ``fsync``'d, then moved onto the name in one step: a reader
  sees the old file or the new one, never half of one. A new file gets the usual mode bits
  (``0o666`` minus the umask); a replaced file keeps its mode (and its owner, when allowed).
* A **symbolic link** is followed: its target is replaced as above, in the target's folder, and
  the link stays. A link whose target does not exist is refused (as ``cp`` does): writing
  through it would create a file somewhere the command line does not show.
* A **character or block device** (``/dev/null``), a **FIFO**, ``/dev/stdout`` and friends are
  written directly, never replaced, truncated or unlinked. ``-`` is standard output; binary
  formats (Parquet, PNG, PDF) are refused when standard output is a terminal.
* Missing parent folders are created; if that or anything else fails (full disk, quota,
  read-only folder or file system, a folder as the target, a file as a parent folder) the
  command stops with one :class:`~grappe.errors.OutputError` naming the path, the reason and
  the fix, the temporary file and any folder just created are removed, and an existing file is
  left as it was.
* :func:`all_or_nothing` makes a set of files one unit: each file waits as its temporary file
  until the whole set is written, so that a failed report or observatory run leaves no mix of
  new and old files.

Content is rendered in memory first (``DataFrame.to_csv``, ``Figure.savefig`` into bytes…), so a
rendering error never touches the destination. :func:`check_output` and
:func:`check_output_folder` check a destination without writing, so that a command can refuse
a bad path before a long computation.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from grappe._validation import check_option
from grappe.errors import GrappeError, OutputError
from grappe.i18n import Message

if TYPE_CHECKING:  # tables come from the callers: writing text or a figure needs no pandas
    import pandas as pd

__all__ = [
    "OUTPUT_FORMATS",
    "STDOUT",
    "all_or_nothing",
    "check_figure_format",
    "check_output",
    "check_output_folder",
    "format_from_path",
    "is_stdout",
    "open_for_writing",
    "write_arrow",
    "write_bytes",
    "write_figure",
    "write_frame",
    "write_text",
]

PathLike = str | os.PathLike[str]

#: Formats :func:`write_frame` can write.
OUTPUT_FORMATS: tuple[str, ...] = ("csv", "parquet", "json")

#: The path that means standard output.
STDOUT = "-"

_SUFFIXES = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".json": "json"}

# Suffixes of binary content, which is not printed to a terminal.
_BINARY_SUFFIXES = {".parquet", ".pq", ".png", ".pdf", ".jpg", ".jpeg", ".gif", ".tif", ".tiff"}

# Names that are aliases of an open file descriptor: written directly, like a device.
_STREAM_PREFIXES = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/")

# errno -> (reason, what to do). The strerror of the system follows the reason in brackets.
_REASONS = {
    errno.ENOSPC: (Message("the disk is full"), Message("free space or choose another folder")),
    errno.EDQUOT: (
        Message("the disk quota is used up"),
        Message("free space or choose another folder"),
    ),
    errno.EFBIG: (
        Message("the file is too large for this file system"),
        Message("choose another folder"),
    ),
    errno.EROFS: (Message("the file system is read-only"), Message("choose another folder")),
    errno.EACCES: (Message("permission denied"), Message("choose a folder you can write to")),
    errno.EPERM: (Message("permission denied"), Message("choose a folder you can write to")),
    errno.EISDIR: (Message("it is a folder"), Message("give a file name")),
    errno.ENOTDIR: (
        Message("a part of its folder path is a file"),
        Message("choose another folder"),
    ),
    errno.ENOENT: (
        Message("its folder does not exist"),
        Message("create the folder or choose another one"),
    ),
    errno.ENAMETOOLONG: (Message("the name is too long"), Message("choose a shorter name")),
    errno.EIO: (Message("the device reported an input/output error"), Message("check the disk")),
    errno.EPIPE: (
        Message("the reading end of the pipe was closed"),
        Message("keep the reader open"),
    ),
}


def format_from_path(path: PathLike, *, default: str = "csv") -> str:
    """Output format implied by a file name's suffix (``default`` when it implies none).

    Examples
    --------
    >>> format_from_path("states.json")
    'json'
    >>> format_from_path("out.txt")
    'csv'
    """
    return _SUFFIXES.get(Path(path).suffix.lower(), default)


def is_stdout(path: PathLike | None) -> bool:
    """Whether ``path`` is ``-``, the name of standard output.

    Examples
    --------
    >>> is_stdout("-"), is_stdout("out.csv"), is_stdout(None)
    (True, False, False)
    """
    return path is not None and os.fspath(path) == STDOUT


# --------------------------------------------------------------------------- errors


def _error(shown: str, reason: str, fix: str | None, *, outcome: str) -> OutputError:
    if fix:
        return OutputError(
            Message(
                "cannot write {path!r}: {reason}; {outcome} — {fix}.",
                path=shown,
                reason=reason,
                outcome=outcome,
                fix=fix,
            )
        )
    return OutputError(
        Message(
            "cannot write {path!r}: {reason}; {outcome}.",
            path=shown,
            reason=reason,
            outcome=outcome,
        )
    )


def _os_error(shown: str, exc: OSError, *, outcome: str) -> OutputError:
    reason, fix = _REASONS.get(exc.errno or -1, (None, None))
    detail = exc.strerror or str(exc) or type(exc).__name__
    text = Message("{reason} ({detail})", reason=reason, detail=detail) if reason else detail
    return _error(shown, text, fix, outcome=outcome)


_NOTHING = Message("nothing was written")


# --------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class _Target:
    """Where and how a destination is written."""

    shown: str  # the path as the user gave it, for messages
    kind: str  # "stdout", "stream" (device, FIFO: written directly) or "file" (atomic)
    path: Path  # the file actually written: a symlink's target for a link
    existing: os.stat_result | None = None  # the stat of an existing file


def _first_file_ancestor(path: Path) -> Path | None:
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return None


def _resolve(path: PathLike, *, binary: bool) -> _Target:
    shown = os.fspath(path)
    if shown == STDOUT:
        if binary and sys.stdout.isatty():
            raise OutputError(
                Message(
                    "cannot write binary output (Parquet, PNG, PDF…) to the terminal; "
                    "nothing was written — redirect standard output to a file or give a file name."
                )
            )
        return _Target(shown, "stdout", Path(STDOUT))
    if shown == "":
        raise OutputError(Message("cannot write '': the output path is empty — give a file name."))
    p = Path(shown)
    if shown.startswith(_STREAM_PREFIXES):
        return _Target(shown, "stream", p)
    try:
        info = os.stat(p)  # follows symbolic links
    except FileNotFoundError:
        if p.is_symlink():
            raise _error(
                shown,
                Message(
                    "it is a symbolic link to {target!r}, which does not exist",
                    target=os.readlink(p),
                ),
                Message("create the target first, or remove the link"),
                outcome=_NOTHING,
            ) from None
        return _Target(shown, "file", Path(os.path.realpath(p)))
    except NotADirectoryError:
        blocker = _first_file_ancestor(p)
        reason = (
            Message("{path!r} is a file, not a folder", path=str(blocker))
            if blocker is not None
            else Message("a part of its folder path is a file")
        )
        raise _error(shown, reason, Message("choose another folder"), outcome=_NOTHING) from None
    except OSError as exc:
        raise _os_error(shown, exc, outcome=_NOTHING) from None
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise _error(
            shown,
            Message("it is a folder"),
            Message("give a file name, e.g. inside that folder"),
            outcome=_NOTHING,
        )
    if stat.S_ISREG(mode):
        return _Target(shown, "file", Path(os.path.realpath(p)), info)
    if stat.S_ISSOCK(mode):
        raise _error(
            shown, Message("it is a socket"), Message("give a file name"), outcome=_NOTHING
        )
    return _Target(shown, "stream", p, info)  # character/block device or FIFO


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _check_folder(shown: str, folder: Path) -> None:
    """Refuse a folder that cannot hold a new file (without writing anything)."""
    existing = _nearest_existing(folder)
    if not existing.is_dir():
        raise _error(
            shown,
            Message("{path!r} is a file, not a folder", path=str(existing)),
            Message("choose another folder"),
            outcome=_NOTHING,
        )
    if os.access(existing, os.W_OK | os.X_OK):
        return
    read_only = False
    with contextlib.suppress(OSError):
        read_only = bool(os.statvfs(existing).f_flag & os.ST_RDONLY)
    code = errno.EROFS if read_only else errno.EACCES
    raise _os_error(shown, OSError(code, os.strerror(code)), outcome=_NOTHING)


def check_output(path: PathLike, *, binary: bool | None = None, regular_file: bool = False) -> None:
    """Refuse, before any work, a destination that :func:`open_for_writing` could not write.

    Nothing is written or created.

    Parameters
    ----------
    path : path-like
        The destination (``-`` for standard output).
    binary : bool, optional
        The content is binary (Parquet, PNG, PDF): refused when ``-`` is a terminal. By default
        implied by the suffix of ``path`` (``.parquet``, ``.png``, ``.pdf``…).
    regular_file : bool
        The destination must be a regular file (an SQLite database): a device, a FIFO or ``-``
        is refused.

    Raises
    ------
    OutputError
        The path is a folder, a socket or a dangling symbolic link; a part of its folder path is
        a file; its folder (or the nearest existing one) is read-only; an existing file is
        read-only.

    Examples
    --------
    >>> check_output("/")
    Traceback (most recent call last):
    ...
    grappe.errors.OutputError: cannot write '/': it is a folder; nothing was written — give a file name, e.g. inside that folder.
    """  # noqa: E501
    if binary is None:
        binary = Path(path).suffix.lower() in _BINARY_SUFFIXES
    _checked(path, binary=binary, regular_file=regular_file)


def _checked(path: PathLike, *, binary: bool, regular_file: bool = False) -> _Target:
    target = _resolve(path, binary=binary)
    if regular_file and target.kind != "file":
        raise _error(
            target.shown,
            Message("it is not a regular file (a device, a pipe or standard output)"),
            Message("give a file name"),
            outcome=_NOTHING,
        )
    if target.kind != "file":
        return target
    if target.existing is not None and not os.access(target.path, os.W_OK):
        # Replacing it would succeed (the folder decides), but would defeat its protection.
        raise _os_error(
            target.shown, OSError(errno.EACCES, "the file is read-only"), outcome=_NOTHING
        )
    _check_folder(target.shown, target.path.parent)
    return target


def check_output_folder(folder: PathLike) -> None:
    """Refuse, before any work, a folder that cannot receive result files.

    The folder may be missing (it is created when the first file is written).

    Raises
    ------
    OutputError
        ``folder`` is a file or a device, a part of its path is a file, or it is read-only.
    """
    shown = os.fspath(folder)
    p = Path(shown)
    if p.exists() and not p.is_dir():
        reason = (
            Message("it is a file, not a folder")
            if p.is_file()
            else Message("it is a device or a pipe, not a folder")
        )
        raise _error(shown, reason, Message("give a folder name"), outcome=_NOTHING)
    _check_folder(shown, p)


# --------------------------------------------------------------------------- writing


@dataclass
class _Batch:
    """Files of an :func:`all_or_nothing` block, waiting as temporaries until the end."""

    pending: list[tuple[Path, Path, str]] = field(default_factory=list)  # tmp, target, shown
    created: list[Path] = field(default_factory=list)  # folders made, parents first


_BATCH: contextvars.ContextVar[_Batch | None] = contextvars.ContextVar("_BATCH", default=None)


def _remove_quietly(paths: list[Path], folders: list[Path]) -> None:
    for tmp in paths:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    for folder in reversed(folders):
        with contextlib.suppress(OSError):  # not empty, or already gone: leave it
            folder.rmdir()


def _make_folder(target: _Target) -> list[Path]:
    """Create the missing folders of ``target``; return them, parents first."""
    missing = []
    folder = target.path.parent
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    created: list[Path] = []
    for folder in reversed(missing):
        try:
            folder.mkdir()
        except FileExistsError:
            if not folder.is_dir():
                _remove_quietly([], created)
                raise _error(
                    target.shown,
                    Message("{path!r} is a file, not a folder", path=str(folder)),
                    Message("choose another folder"),
                    outcome=_NOTHING,
                ) from None
            continue
        except OSError as exc:
            _remove_quietly([], created)
            raise _os_error(target.shown, exc, outcome=_NOTHING) from None
        created.append(folder)
    return created


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; some file systems do not allow it, which is harmless.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _open_temporary(target: _Target) -> tuple[int, Path]:
    folder = target.path.parent
    fd, name = tempfile.mkstemp(prefix=f".{target.path.name[:200]}.", suffix=".part", dir=folder)
    tmp = Path(name)
    try:
        if target.existing is not None:
            os.fchmod(fd, stat.S_IMODE(target.existing.st_mode))
            if (target.existing.st_uid, target.existing.st_gid) != (os.geteuid(), os.getegid()):
                with contextlib.suppress(OSError):  # only allowed to root; keep what we can
                    os.fchown(fd, target.existing.st_uid, target.existing.st_gid)
        else:
            os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes it private; use the usual mode
    except OSError:
        os.close(fd)
        tmp.unlink()
        raise
    return fd, tmp


@contextlib.contextmanager
def _atomic(target: _Target, mode: str, encoding: str | None, newline: str | None) -> Iterator[IO]:
    batch = _BATCH.get()
    outcome = (
        _NOTHING
        if target.existing is None
        else Message("{path!r} was left as it was", path=target.shown)
    )
    created = _make_folder(target)
    if batch is not None:
        batch.created.extend(created)
        created = []
    tmp: Path | None = None
    try:
        fd, tmp = _open_temporary(target)
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if batch is not None:
            batch.pending.append((tmp, target.path, target.shown))
            return
        os.replace(tmp, target.path)
        tmp = None
    except BaseException as exc:
        _remove_quietly([tmp] if tmp is not None else [], created)
        if isinstance(exc, OSError) and not isinstance(exc, GrappeError):
            raise _os_error(target.shown, exc, outcome=outcome) from exc
        raise
    _fsync_folder(target.path.parent)


@contextlib.contextmanager
def _direct(target: _Target, mode: str, encoding: str | None, newline: str | None) -> Iterator[IO]:
    outcome = Message("the output may be incomplete")
    try:
        if target.kind == "stdout":
            stream: Any = sys.stdout.buffer if "b" in mode else sys.stdout
            yield stream
            stream.flush()
            return
        # No O_CREAT, no O_TRUNC: a device or FIFO is written as it is, never replaced.
        fd = os.open(target.path, os.O_WRONLY | os.O_NOCTTY)
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
    except OSError as exc:
        if isinstance(exc, GrappeError):
            raise
        raise _os_error(target.shown, exc, outcome=outcome) from exc


@contextlib.contextmanager
def open_for_writing(
    path: PathLike, *, binary: bool = False, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO]:
    """Open ``path`` for writing, safely; see the module notes for what happens where.

    Parameters
    ----------
    path : path-like
        Destination file, device or FIFO, or ``-`` for standard output.
    binary : bool
        Yield a binary handle (``bytes``) instead of a text one.
    encoding, newline : str
        Of a text handle.

    Yields
    ------
    file object
        Write to it inside the ``with`` block. A regular file appears (or is replaced) only
        when the block ends without an exception.

    Raises
    ------
    OutputError
        The destination cannot be written (see :func:`check_output`) or writing failed (full
        disk, quota, input/output error); the message names the path, the reason and the fix.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     with open_for_writing(f"{folder}/notes.txt") as handle:
    ...         _ = handle.write("written at once")
    ...     Path(folder, "notes.txt").read_text()
    'written at once'
    """
    target = _checked(path, binary=binary)
    mode = "wb" if binary else "w"
    text_options = (None, None) if binary else (encoding, newline)
    writer = _atomic if target.kind == "file" else _direct
    with writer(target, mode, *text_options) as handle:
        yield handle


def write_text(text: str, path: PathLike, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` safely (see :func:`open_for_writing`); return the path.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_text("<p>hello</p>", Path(folder, "page.html")).read_text()
    '<p>hello</p>'
    """
    with open_for_writing(path, encoding=encoding, newline="") as handle:
        handle.write(text)
    return Path(path)


def write_bytes(data: bytes, path: PathLike) -> Path:
    """Write ``data`` to ``path`` safely (see :func:`open_for_writing`); return the path."""
    with open_for_writing(path, binary=True) as handle:
        handle.write(data)
    return Path(path)


def write_frame(frame: pd.DataFrame, path: PathLike, *, format: str | None = None) -> Path:
    """Write a DataFrame as CSV, Parquet or JSON records, safely.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table; its index is not written.
    path : path-like
        Destination file (missing parent folders are created), device, FIFO, or ``-`` for
        standard output (Parquet is refused when standard output is a terminal).
    format : {"csv", "parquet", "json"}, optional
        Defaults to the format implied by the suffix of ``path`` (CSV when none).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    OutputError
        The destination cannot be written; nothing is left behind.

    Notes
    -----
    JSON is a list of records, one object per row; missing values are written as ``null``.
    Categorical columns are written as their labels. The table is rendered in memory first.
    """
    fmt = format if format is not None else format_from_path(path)
    check_option(fmt, "format", OUTPUT_FORMATS, func="write_frame")
    check_output(path, binary=fmt == "parquet")
    if fmt == "parquet":
        return write_bytes(_parquet_bytes(frame), path)
    if fmt == "csv":
        return write_text(frame.to_csv(index=False), path)
    return write_text(frame.to_json(orient="records", indent=None, force_ascii=False), path)


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as Parquet (what ``DataFrame.to_parquet`` writes, pandas metadata included),
    dictionary-encoding only its categorical columns: trying dictionaries on every float
    column doubles the time of writing a cluster map, for files a quarter smaller."""
    import pyarrow as pa

    return _arrow_parquet_bytes(pa.Table.from_pandas(frame, preserve_index=False))


def write_arrow(table: Any, path: PathLike) -> Path:
    """Write an Arrow table as Parquet, as :func:`write_frame` writes a frame's (the same
    options: snappy, dictionaries for the dictionary columns only), safely; return the path.

    Raises
    ------
    OutputError
        The destination cannot be written; nothing is left behind.
    """
    check_output(path, binary=True)
    return write_bytes(_arrow_parquet_bytes(table), path)


def _arrow_parquet_bytes(table: Any) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    dictionary = [f.name for f in table.schema if pa.types.is_dictionary(f.type)]
    buffer = io.BytesIO()
    pq.write_table(table, buffer, use_dictionary=dictionary or False, compression="snappy")
    return buffer.getvalue()


def write_figure(
    figure: Any,
    path: PathLike,
    *,
    format: str | None = None,
    dpi: int = 150,
    **savefig_options: Any,
) -> Path:
    """Render a matplotlib figure in memory and write it safely; return the path.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
    path : path-like
        Destination; ``-`` is standard output (refused when it is a terminal).
    format : str, optional
        ``png``, ``svg``, ``pdf``…; defaults to the suffix of ``path`` (PNG when none).
    dpi : int
        Resolution of raster formats.
    **savefig_options
        Passed to ``Figure.savefig`` (e.g. ``bbox_inches="tight"``).
    """
    fmt = check_figure_format(path, format=format, figure=figure)
    check_output(path, binary=True)
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=dpi, **savefig_options)
    return write_bytes(buffer.getvalue(), path)


def check_figure_format(path: PathLike, *, format: str | None = None, figure: Any = None) -> str:
    """The image format of ``path`` (its suffix, PNG when none), refused when matplotlib cannot
    write it (a ``.docx`` chart would otherwise fail deep inside ``savefig``).

    Raises
    ------
    OutputError
        The format is not one matplotlib writes; nothing was written.
    """
    fmt = format or Path(path).suffix.lstrip(".").lower() or "png"
    if figure is None:
        from matplotlib.figure import Figure

        figure = Figure()
    formats = figure.canvas.get_supported_filetypes()
    if fmt not in formats:
        shown = os.fspath(path)
        raise _error(
            shown,
            Message("a chart cannot be saved as {fmt!r}", fmt=fmt),
            Message(
                "name the file .png, .svg or .pdf (or one of {formats})", formats=sorted(formats)
            ),
            outcome=_NOTHING,
        )
    return fmt


@contextlib.contextmanager
def all_or_nothing() -> Iterator[None]:
    """Write a set of files as one unit: all of them, or none.

    Inside the block every regular file written by this module waits as its temporary file; at
    the end of the block they are all moved into place. If anything fails inside the block,
    every temporary file and every folder the block created are removed and the files that
    existed are left as they were. Devices, FIFOs and standard output are written at once.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as name:
    ...     folder = Path(name)
    ...     with all_or_nothing():
    ...         _ = write_text("one", folder / "a.txt")
    ...         waiting = sorted(p.name for p in folder.iterdir() if not p.name.endswith(".part"))
    ...     waiting, sorted(p.name for p in folder.iterdir())
    ([], ['a.txt'])
    """
    if _BATCH.get() is not None:  # nested: the outer block decides
        yield
        return
    batch = _Batch()
    token = _BATCH.set(batch)
    try:
        yield
    except BaseException:
        _remove_quietly([tmp for tmp, _, _ in batch.pending], batch.created)
        raise
    finally:
        _BATCH.reset(token)
    for i, (tmp, target, shown) in enumerate(batch.pending):
        try:
            os.replace(tmp, target)
        except OSError as exc:
            done = [s for _, _, s in batch.pending[:i]]
            _remove_quietly([t for t, _, _ in batch.pending[i:]], [])
            outcome = (
                Message("{files} were already written", files=", ".join(map(repr, done)))
                if done
                else _NOTHING
            )
            raise _os_error(shown, exc, outcome=outcome) from exc
    for folder in {target.parent for _, target, _ in batch.pending}:
        _fsync_folder(folder)
