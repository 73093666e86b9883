"""Compiled kernels are cached on disk: a second process loads what the first compiled, and an
installation where no cache folder is writable still runs (compiling for the process only).

Each case runs fresh processes on a tiny kernel written in ``tmp_path`` (compiled in a fraction
of a second), built by :func:`grappe._compiled.lazy_kernel` as grappe's kernels are; one case
checks grappe's own complexity kernel with numba's cache report (``NUMBA_DEBUG_CACHE``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("numba")

SRC = Path(__file__).resolve().parents[1] / "src"

KERNEL_MODULE = """
from grappe._compiled import lazy_kernel

def _build(numba):
    @numba.njit(cache=True)
    def total(a):
        s = 0.0
        for x in a:
            s += x
        return s + 1.0
    return total

kernel = lazy_kernel(_build)
"""

#: The same kernel decorated directly, without lazy_kernel's fallback.
DIRECT_MODULE = """
import numba

@numba.njit(cache=True)
def kernel(a):
    return a.sum() + 1.0
"""


def _run(code: str, folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("NUMBA_")}
    path = os.pathsep.join([str(folder), str(SRC), base.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=folder,
        env={**base, "PYTHONPATH": path, "NUMBA_DEBUG_CACHE": "1", **env},
        timeout=120,
        check=False,
    )


def _cache_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.suffix in (".nbi", ".nbc"))


CALL = "import numpy as np, kern; print(kern.kernel()(np.ones(3)))"

#: The tiny kernel, then grappe's complexity kernel (numba's default place, beside the module:
#: the first process compiles it only when that cache is cold).
CALL_BOTH = (
    "import numpy as np, kern\n"
    "from grappe.complexity import complexity_suite\n"
    "X = np.array([[5, 3, 2, 0], [4, 1, 0, 1], [3, 0, 0, 2], [1, 2, 3, 4.0]])\n"
    "eci = complexity_suite(X, engine='numba').rows['eci'].round(9).tolist()\n"
    "print(kern.kernel()(np.ones(3)), eci)\n"
)


def _report(stdout: str, kernel: str) -> str:
    """The lines of numba's cache report about ``kernel`` (a file name's start)."""
    return "\n".join(line for line in stdout.splitlines() if f"{os.sep}{kernel}" in line)


def test_the_second_process_loads_the_kernels_the_first_compiled(tmp_path: Path) -> None:
    (tmp_path / "kern.py").write_text(KERNEL_MODULE)
    first = _run(CALL_BOTH, tmp_path)
    assert first.returncode == 0, first.stderr
    assert "data saved" in _report(first.stdout, "kern.")  # compiled, written beside the module
    files = _cache_files(tmp_path / "__pycache__")
    assert any(f.endswith(".nbi") for f in files) and any(f.endswith(".nbc") for f in files)

    second = _run(CALL_BOTH, tmp_path)
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[-1] == first.stdout.splitlines()[-1]
    assert second.stdout.splitlines()[-1].startswith("4.0 [")
    for kernel in ("kern.", "_sparse_products."):
        report = _report(second.stdout, kernel)
        assert "data loaded" in report, second.stdout
        assert "data saved" not in report  # not compiled again
    assert _cache_files(tmp_path / "__pycache__") == files


def _read_only_installation(folder: Path, module: str) -> dict[str, str]:
    """A module whose ``__pycache__`` cannot be a folder and a user cache that cannot be created
    (what a read-only site-packages and an unwritable home give, even to root)."""
    (folder / "kern.py").write_text(module)
    (folder / "__pycache__").write_text("a file where numba would make its folder")
    (folder / "not-a-folder").write_text("")
    return {
        "XDG_CACHE_HOME": str(folder / "not-a-folder" / "cache"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def test_numba_alone_refuses_to_cache_where_nothing_is_writable(tmp_path: Path) -> None:
    """The situation the fallback is for is real: numba raises at decoration time."""
    env = _read_only_installation(tmp_path, DIRECT_MODULE)
    done = _run("import kern", tmp_path, **env)
    assert done.returncode != 0
    assert "no locator available" in done.stderr


def test_without_a_writable_cache_folder_the_kernel_is_compiled_quietly(tmp_path: Path) -> None:
    env = _read_only_installation(tmp_path, KERNEL_MODULE)
    done = _run(CALL, tmp_path, **env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "4.0"
    assert done.stderr == ""  # quietly: no warning, no traceback
    assert "data saved" not in done.stdout
    assert not _cache_files(tmp_path)
