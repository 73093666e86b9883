"""The programmes a cluster may join: the presets shipped with grappe
(:func:`grappe.io.programmes.list_presets`), read once per process.

The API, the pages and the CLI look a programme up here by its key, so that all three offer
the same programmes and refuse an unknown key with the same message.
"""

from __future__ import annotations

import functools

from grappe.errors import NotFoundError
from grappe.programmes import Programme

__all__ = ["find_programme", "programme_catalogue"]


@functools.lru_cache(maxsize=1)
def programme_catalogue() -> tuple[Programme, ...]:
    """The preset programmes, in the order of :func:`grappe.io.programmes.list_presets`."""
    from grappe.io.programmes import list_presets, load_programme

    return tuple(load_programme(key) for key in list_presets())


def find_programme(key: str) -> Programme:
    """The preset programme ``key``.

    Raises
    ------
    NotFoundError
        No preset has that key (the message lists them).
    """
    for programme in programme_catalogue():
        if programme.key == key:
            return programme
    known = ", ".join(p.key for p in programme_catalogue())
    raise NotFoundError(f"No programme {key!r}: use one of {known}.")
