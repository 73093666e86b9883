"""API tokens with roles, stored hashed (salted scrypt), never in clear.

A token reads ``grp_<prefix>_<secret>``: the prefix finds the row, the secret is checked against
its scrypt hash in constant time. Roles: ``admin`` (everything), ``analyst`` (imports and
indicators), ``manager`` (edits only the clusters it manages).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe._validation import check_option
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.registry.models import ROLES, ApiToken, Cluster

__all__ = ["create_token", "ensure_token", "hash_secret", "verify_token"]

# scrypt cost: N=2**14, r=8, p=1 (the parameters recommended for interactive logins,
# Percival 2009), ~16 MiB and a few tens of milliseconds per check.
_N, _R, _P = 2**14, 8, 1


def hash_secret(secret: str, salt: str) -> str:
    """Hex scrypt hash of ``secret`` with ``salt``.

    References
    ----------
    C. Percival, "Stronger key derivation via sequential memory-hard functions", BSDCan 2009.

    Examples
    --------
    >>> len(hash_secret("s3cret", "00"))
    128
    """
    digest = hashlib.scrypt(
        secret.encode(), salt=bytes.fromhex(salt), n=_N, r=_R, p=_P, maxmem=64 * 2**20, dklen=64
    )
    return digest.hex()


def create_token(
    session: Session,
    name: str,
    *,
    role: str,
    clusters: Iterable[str] = (),
    secret: str | None = None,
) -> str:
    """Create a token and return it in clear (the only time it is shown).

    Parameters
    ----------
    session : Session
        Open session; the caller commits.
    name : str
        Unique name of the token, recorded in the audit log as "who".
    role : {"admin", "analyst", "manager"}
        What the token may do.
    clusters : iterable of str
        Cluster ids a ``manager`` token may edit.
    secret : str, optional
        Use this secret instead of a random one (for the bootstrap admin token from settings).

    Returns
    -------
    str
        The token, ``grp_<prefix>_<secret>``.

    Raises
    ------
    InvalidParameterError
        Unknown role, or a name already used.
    NotFoundError
        A cluster id that does not exist.
    """
    check_option(role, "role", ROLES, func="create_token")
    if not isinstance(name, str) or not name.strip():
        raise InvalidParameterError(
            "The 'name' parameter of create_token must be a non-empty string. "
            f"Got {name!r} instead."
        )
    if session.scalar(select(ApiToken).where(ApiToken.name == name)) is not None:
        raise InvalidParameterError(
            f"The 'name' parameter of create_token must be a new token name. Got {name!r} "
            "instead, which is already used."
        )
    found = []
    for cid in clusters:
        cluster = session.get(Cluster, cid)
        if cluster is None:
            raise NotFoundError(f"No cluster with id {cid!r}.")
        found.append(cluster)
    prefix = secrets.token_hex(4)
    secret = secret if secret is not None else secrets.token_urlsafe(24)
    _store(session, name, role, prefix, secret, found)
    return f"grp_{prefix}_{secret}"


def _store(
    session: Session, name: str, role: str, prefix: str, secret: str, clusters: list[Cluster]
) -> ApiToken:
    salt = secrets.token_hex(16)
    token = ApiToken(name=name, prefix=prefix, salt=salt, hash=hash_secret(secret, salt), role=role)
    token.clusters = clusters
    session.add(token)
    session.flush()
    return token


def ensure_token(session: Session, name: str, token: str, *, role: str) -> ApiToken:
    """Make ``token`` (``grp_<prefix>_<secret>``, e.g. from settings) a live token named ``name``.

    Idempotent: an existing row of that name that already verifies is kept; otherwise it is
    replaced.

    Raises
    ------
    InvalidParameterError
        If ``token`` does not have the form ``grp_<prefix>_<secret>``.
    """
    check_option(role, "role", ROLES, func="ensure_token")
    parts = token.split("_", 2) if isinstance(token, str) else []
    if len(parts) != 3 or parts[0] != "grp" or not parts[1] or len(parts[2]) < 16:
        raise InvalidParameterError(
            "The 'token' parameter of ensure_token must read 'grp_<prefix>_<secret>' with a "
            "secret of at least 16 characters. Got a value of another form instead."
        )
    existing = session.scalar(select(ApiToken).where(ApiToken.name == name))
    if existing is not None:
        if existing.prefix == parts[1] and verify_token(session, token) is existing:
            return existing
        session.delete(existing)
        session.flush()
    clash = session.scalar(select(ApiToken).where(ApiToken.prefix == parts[1]))
    if clash is not None:
        session.delete(clash)
        session.flush()
    return _store(session, name, role, parts[1], parts[2], [])


def verify_token(session: Session, token: str) -> ApiToken | None:
    """The live token row matching ``token``, or None when it is unknown, revoked or wrong."""
    parts = token.split("_", 2) if isinstance(token, str) else []
    if len(parts) != 3 or parts[0] != "grp":
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.prefix == parts[1]))
    if row is None or row.revoked:
        return None
    if not hmac.compare_digest(row.hash, hash_secret(parts[2], row.salt)):
        return None
    return row
