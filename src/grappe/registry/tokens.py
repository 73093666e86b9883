"""API tokens with roles, stored hashed (salted scrypt), never in clear.

A token reads ``grp_<prefix>_<secret>``: the prefix finds the row, the secret is checked against
its scrypt hash in constant time. Roles: ``admin`` (everything), ``analyst`` (imports and
indicators), ``manager`` (edits only the clusters it manages).

There is no built-in token: the first ``grappe serve`` on a database without a live admin token
creates a random one (:func:`ensure_admin_token`) and shows it once. The CLI (``grappe token``)
and the API (``/api/v1/tokens``) create, list and revoke tokens through the functions below.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from grappe._validation import check_option
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.registry.database import session_scope
from grappe.registry.models import ROLES, ApiToken, Cluster
from grappe.registry.repositories import audit

__all__ = [
    "MIN_SECRET_LENGTH",
    "RETIRED_TOKEN_DIGESTS",
    "check_token",
    "create_token",
    "ensure_admin_token",
    "ensure_token",
    "hash_secret",
    "list_tokens",
    "revoke_token",
    "verify_token",
]

# scrypt cost: N=2**14, r=8, p=1 (the parameters recommended for interactive logins,
# Percival 2009), ~16 MiB and a few tens of milliseconds per check.
_N, _R, _P = 2**14, 8, 1

#: Shortest secret accepted from outside (settings); random secrets have 32 characters.
MIN_SECRET_LENGTH = 20
#: Fewest distinct characters in such a secret (refuses ``aaaa…``, ``abab…``).
MIN_DISTINCT_CHARACTERS = 10

#: SHA-256 of tokens that were published in grappe's source and docs before version 0.2 (the
#: development and test admin tokens). Whoever read them may try them: they are never valid
#: again, even if configured or still stored in an old database. Kept as digests so that the
#: secrets themselves appear nowhere.
RETIRED_TOKEN_DIGESTS: frozenset[str] = frozenset({
    "b427d27d8f86f188473d825b85dbcd2c609c4cf8d62c10d26e612249a2110434",
    "99752da13cc68b5780e3aa79bbe273ba701b6596412e2379b6171fa4ce979fa4",
})  # fmt: skip


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


def _retired(token: str) -> bool:
    return hashlib.sha256(token.encode()).hexdigest() in RETIRED_TOKEN_DIGESTS


def check_token(token: object, *, parameter: str = "token", func: str = "ensure_token") -> str:
    """Check that a token chosen outside grappe (e.g. ``GRAPPE_ADMIN_TOKEN``) is strong enough.

    Parameters
    ----------
    token : str
        ``grp_<prefix>_<secret>``.
    parameter, func : str
        Named in the error message.

    Returns
    -------
    str
        ``token``, unchanged.

    Raises
    ------
    InvalidParameterError
        Not of the form ``grp_<prefix>_<secret>`` (prefix of 1–16 letters or digits), a secret
        shorter than :data:`MIN_SECRET_LENGTH` characters or with fewer than
        :data:`MIN_DISTINCT_CHARACTERS` distinct characters, or a retired token.

    Examples
    --------
    >>> check_token("grp_ab12_" + "x" * 30)
    Traceback (most recent call last):
    ...
    grappe.errors.InvalidParameterError: The 'token' parameter of ensure_token must be a strong...
    """
    parts = token.split("_", 2) if isinstance(token, str) else []
    fix = (
        "Create one with `grappe token create`, or generate a secret with "
        "`python -c \"import secrets; print('grp_admin_' + secrets.token_urlsafe(32))\"`."
    )
    if (
        len(parts) != 3
        or parts[0] != "grp"
        or not (1 <= len(parts[1]) <= 16 and parts[1].isalnum() and parts[1].isascii())
    ):
        raise InvalidParameterError(
            f"The '{parameter}' parameter of {func} must read 'grp_<prefix>_<secret>' (prefix: "
            "1 to 16 letters or digits). Got a value of another form instead. " + fix
        )
    secret = parts[2]
    if (
        len(secret) < MIN_SECRET_LENGTH
        or len(set(secret)) < MIN_DISTINCT_CHARACTERS
        or _retired(token)  # type: ignore[arg-type]
    ):
        raise InvalidParameterError(
            f"The '{parameter}' parameter of {func} must be a strong secret: at least "
            f"{MIN_SECRET_LENGTH} characters, {MIN_DISTINCT_CHARACTERS} of them distinct, and "
            "not a token published in grappe's documentation. Got a weak or retired token "
            "instead. " + fix
        )
    return token  # type: ignore[return-value]


def create_token(
    session: Session,
    name: str,
    *,
    role: str,
    clusters: Iterable[str] = (),
    secret: str | None = None,
    who: str | None = None,
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
        Cluster ids a ``manager`` token may edit, each once.
    secret : str, optional
        Use this secret instead of a random one (for the admin token from settings).
    who : str, optional
        Record the creation in the audit log under this name.

    Returns
    -------
    str
        The token, ``grp_<prefix>_<secret>``.

    Raises
    ------
    InvalidParameterError
        Unknown role, a name already used, or a cluster id given twice.
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
    ids = list(clusters)
    repeated = sorted({cid for cid in ids if ids.count(cid) > 1})
    if repeated:
        raise InvalidParameterError(
            "The 'clusters' parameter of create_token must name each cluster once. Got "
            f"{', '.join(map(repr, repeated))} more than once instead."
        )
    found = []
    for cid in ids:
        cluster = session.get(Cluster, cid)
        if cluster is None:
            raise NotFoundError(f"No cluster with id {cid!r}.")
        found.append(cluster)
    prefix = secrets.token_hex(4)
    secret = secret if secret is not None else secrets.token_urlsafe(24)
    _store(session, name, role, prefix, secret, found)
    if who is not None:
        audit(session, who, "create", "token", name, {"role": role, "clusters": ",".join(ids)})
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
        If ``token`` is malformed, weak or retired (see :func:`check_token`).
    """
    check_option(role, "role", ROLES, func="ensure_token")
    check_token(token, parameter="token", func="ensure_token")
    parts = token.split("_", 2)
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


def ensure_admin_token(sessions: sessionmaker[Session], *, who: str = "grappe serve") -> str | None:
    """On first start, create a random admin token; return it in clear, or None if one exists.

    A database with at least one live (not revoked) admin token is left alone, so only the very
    first start — or a start after every admin token was revoked — creates one. Call it once per
    database before serving (with several worker processes: in the parent, before they start).

    Parameters
    ----------
    sessions : sessionmaker
        Session factory of a migrated database (:func:`grappe.registry.connect`).
    who : str
        Name recorded in the audit log.

    Returns
    -------
    str or None
        The new token ``grp_<prefix>_<secret>`` (only its hash is stored), or None.
    """
    try:
        with session_scope(sessions) as session:
            live = select(ApiToken.id).where(ApiToken.role == "admin", ApiToken.revoked.is_(False))
            if session.scalar(live.limit(1)) is not None:
                return None
            taken = set(session.scalars(select(ApiToken.name).where(ApiToken.name.like("admin%"))))
            name = next(n for n in _names("admin") if n not in taken)
            return create_token(session, name, role="admin", who=who)
    except IntegrityError:
        # Another process created the first admin token at the same moment: it shows it.
        return None


def _names(base: str) -> Iterable[str]:
    yield base
    n = 2
    while True:
        yield f"{base}-{n}"
        n += 1


def list_tokens(
    session: Session, *, limit: int | None = None, offset: int = 0
) -> tuple[list[ApiToken], int]:
    """Tokens in order of creation (rows ``offset … offset + limit``) and their total count.

    The rows hold no secret: only the prefix, a salt and the scrypt hash.
    """
    query = select(ApiToken).order_by(ApiToken.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    total = int(session.scalar(select(func.count()).select_from(ApiToken)) or 0)
    return list(session.scalars(query)), total


def revoke_token(
    session: Session, *, who: str, token_id: int | None = None, name: str | None = None
) -> ApiToken:
    """Revoke the token with ``token_id`` or ``name`` (give one); it stops working at once.

    The row is kept (the audit log names it); revoking a revoked token changes nothing.

    Raises
    ------
    InvalidParameterError
        Neither or both of ``token_id`` and ``name`` given.
    NotFoundError
        No such token.
    """
    if (token_id is None) == (name is None):
        raise InvalidParameterError(
            "revoke_token needs exactly one of the 'token_id' and 'name' parameters. Got "
            f"token_id={token_id!r} and name={name!r} instead."
        )
    if token_id is not None:
        row = session.get(ApiToken, token_id)
        missing = f"No token with id {token_id}."
    else:
        row = session.scalar(select(ApiToken).where(ApiToken.name == name))
        missing = f"No token named {name!r}."
    if row is None:
        raise NotFoundError(missing)
    if not row.revoked:
        row.revoked = True
        session.flush()
        audit(session, who, "revoke", "token", row.name)
    return row


def verify_token(session: Session, token: str) -> ApiToken | None:
    """The live token row matching ``token``, or None when it is unknown, revoked, wrong or
    retired (:data:`RETIRED_TOKEN_DIGESTS`)."""
    parts = token.split("_", 2) if isinstance(token, str) else []
    if len(parts) != 3 or parts[0] != "grp" or _retired(token):
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.prefix == parts[1]))
    if row is None or row.revoked:
        return None
    if not hmac.compare_digest(row.hash, hash_secret(parts[2], row.salt)):
        return None
    return row
