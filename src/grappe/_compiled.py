"""Optional compiled kernels: numba compiles each once, then later processes load it from disk.

numba is an optional dependency (``pip install grappe[fast]``). Modules with a compiled loop
describe it as ``build(numba) -> function`` and wrap it with :func:`lazy_kernel`; callers get
``None`` when numba is not installed and fall back to their numpy path (or raise
:class:`~grappe.errors.MissingDependencyError` when the compiled engine was asked for).

The kernels are decorated with ``numba.njit(..., cache=True)``: the first process that calls one
compiles it (seconds) and writes the machine code beside the module, and every later process
loads it (a fraction of a second). numba looks for a writable place, in this order:
``NUMBA_CACHE_DIR`` when it is set, the ``__pycache__`` folder beside the module, then the
user's cache folder (``$XDG_CACHE_HOME/numba`` or ``~/.cache/numba``). When none is writable
(a read-only installation run by a user without a home), numba refuses ``cache=True``;
:func:`lazy_kernel` then compiles the kernel for the running process only, without a word: the
results are the same, only the start-up of each process pays the compilation.

References
----------
.. [1] Lam, S. K., Pitrou, A., & Seibert, S. (2015). Numba: a LLVM-based Python JIT compiler.
   *Proc. LLVM-HPC*, 1–6.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["lazy_kernel"]


class _WithoutDiskCache:
    """numba as ``build`` sees it, whose ``njit``/``jit`` compile for this process only."""

    def __init__(self, numba: Any) -> None:
        self._numba = numba

    def __getattr__(self, name: str) -> Any:
        return getattr(self._numba, name)

    def njit(self, *args: Any, **kwargs: Any) -> Any:
        return self._numba.njit(*args, **{**kwargs, "cache": False})

    def jit(self, *args: Any, **kwargs: Any) -> Any:
        return self._numba.jit(*args, **{**kwargs, "cache": False})


def lazy_kernel(build: Callable[[Any], Callable]) -> Callable[[], Callable | None]:
    """A getter that builds a numba kernel the first time it is called.

    Parameters
    ----------
    build : callable
        ``build(numba)`` returns the compiled function (decorate it with ``numba.njit``,
        ``cache=True`` so that later processes load it from disk).

    Returns
    -------
    callable
        Without arguments; returns the compiled function, or None without numba. When numba
        finds no writable cache folder, the function is compiled for the process only.

    Examples
    --------
    >>> getter = lazy_kernel(lambda numba: numba.njit(lambda x: x + 1))
    >>> kernel = getter()
    >>> kernel is None or kernel(1) == 2
    True
    """
    built: list = []

    def kernel() -> Callable | None:
        if not built:
            try:
                import numba
            except ImportError:
                built.append(None)
            else:
                try:
                    built.append(build(numba))
                except RuntimeError:  # "cannot cache function …: no locator available"
                    built.append(build(_WithoutDiskCache(numba)))
        return built[0]

    return kernel
