"""Public names of a package imported on first use (PEP 562), for a light ``import grappe.x``.

A package lists where each public name lives and lets this module answer for it::

    _HOMES = {"read_table": "files", ...}
    __getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)

``import grappe.io`` then imports none of its modules; ``grappe.io.read_table`` imports
``grappe.io.files`` the first time it is used and keeps the name as a plain attribute, so a
command pays only for the readers and kernels it calls (``grappe --help`` pays for none).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, homes: Mapping[str, str], public: Iterable[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module-level ``__getattr__`` and ``__dir__`` of ``package``.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    homes : mapping of str to str
        Public name → the module of the package that defines it (relative, e.g. ``"files"``).
    public : iterable of str
        The package's ``__all__``, listed by ``dir()``.

    Returns
    -------
    (__getattr__, __dir__)
        To be assigned at the package's top level.

    References
    ----------
    PEP 562 — Module ``__getattr__`` and ``__dir__``, https://peps.python.org/pep-0562/
    """
    names = tuple(public)

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook's own name
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        setattr(sys.modules[package], name, value)  # later lookups skip this hook
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted({*vars(sys.modules[package]), *names})

    return __getattr__, __dir__
