"""Output faults for the tests of grappe.io.output and of the commands that write.

* :func:`inject` makes the writer's own ``os`` fail at one step (``write``: half the bytes are
  written first, then the error, as a disk filling up does; ``fsync``; ``mkstemp``) with a
  given errno. Only :mod:`grappe.io.output` sees the fault; the rest of the process does not.
* :func:`tmpfs` mounts a real tiny (or read-only) tmpfs; it skips the test, with the reason,
  where mounting is not permitted (not root, no CAP_SYS_ADMIN, a container that forbids it).
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import grappe.io.output as output_module


class _FailingHandle:
    """A file handle whose writes fail after half the data reached the file."""

    def __init__(self, handle: Any, error: OSError) -> None:
        self._handle = handle
        self._error = error

    def write(self, data: Any) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise self._error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _FailingHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


class _OsWithFault:
    """The ``os`` module, except for the one call that fails."""

    def __init__(self, real: Any, at: str, error: OSError) -> None:
        self._real, self._at, self._error = real, at, error

    def fdopen(self, fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = self._real.fdopen(fd, *args, **kwargs)
        return _FailingHandle(handle, self._error) if self._at == "write" else handle

    def fsync(self, fd: int) -> None:
        if self._at == "fsync" and stat.S_ISREG(self._real.fstat(fd).st_mode):
            raise self._error
        self._real.fsync(fd)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def oserror(code: int) -> OSError:
    return OSError(code, os.strerror(code))


def inject(monkeypatch: pytest.MonkeyPatch, code: int, *, at: str = "write") -> None:
    """Make :mod:`grappe.io.output` fail with ``errno`` ``code`` at ``write``, ``fsync``
    or ``mkstemp`` (creating the temporary file)."""
    if at == "mkstemp":

        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise oserror(code)

        monkeypatch.setattr(output_module.tempfile, "mkstemp", refuse)
        return
    monkeypatch.setattr(output_module, "os", _OsWithFault(os, at, oserror(code)))


def leftovers(folder: Path) -> list[str]:
    """Temporary files (``.part``) left anywhere under ``folder``."""
    return sorted(str(p) for p in Path(folder).rglob("*.part"))


def is_char_device(path: str | Path) -> bool:
    return stat.S_ISCHR(os.stat(path).st_mode)


@contextlib.contextmanager
def tmpfs(folder: Path, *, size: str = "64k", readonly: bool = False) -> Iterator[Path]:
    """Mount a tmpfs of ``size`` on ``folder`` (read-only if asked); unmount on exit."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if readonly else "")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


__all__ = ["inject", "is_char_device", "leftovers", "oserror", "tmpfs"]
