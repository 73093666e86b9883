"""Optional compiled kernels: numba compiles each once per process, on first use.

numba is an optional dependency (``pip install grappe[fast]``). Modules with a compiled loop
describe it as ``build(numba) -> function`` and wrap it with :func:`lazy_kernel`; callers get
``None`` when numba is not installed and fall back to their numpy path (or raise
:class:`~grappe.errors.MissingDependencyError` when the compiled engine was asked for).

References
----------
.. [1] Lam, S. K., Pitrou, A., & Seibert, S. (2015). Numba: a LLVM-based Python JIT compiler.
   *Proc. LLVM-HPC*, 1–6.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["lazy_kernel"]


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
        Without arguments; returns the compiled function, or None without numba.

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
                built.append(build(numba))
        return built[0]

    return kernel
