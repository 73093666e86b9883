"""Ids made from names (``"Dinanderie Bey"`` → ``dinanderie-bey``), as the workspace's forms
make them for actors and clusters."""

from __future__ import annotations

import re
import secrets
import unicodedata

from sqlalchemy.orm import Session

from grappe.registry.models import Base

__all__ = ["free_id", "slug"]


def slug(text: str, *, longest: int = 48) -> str:
    """Lowercase ASCII letters and digits of ``text`` joined by hyphens (accents dropped, other
    scripts dropped); empty when nothing is left.

    Examples
    --------
    >>> slug("Dinanderie de Constantine — Cuivre & Laiton")
    'dinanderie-de-constantine-cuivre-laiton'
    >>> slug("نحاس قسنطينة")
    ''
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:longest].strip("-")


def free_id(session: Session, model: type[Base], name: str, *, prefix: str) -> str:
    """An id of ``model`` not yet used: the :func:`slug` of ``name`` (``<prefix>-<random>``
    when it has no Latin letter or digit), then ``-2``, ``-3``… until one is free."""
    base = slug(name) or f"{prefix}-{secrets.token_hex(3)}"
    candidate, n = base, 1
    while session.get(model, candidate) is not None:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
