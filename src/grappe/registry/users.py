"""People who sign in to the web workspace: users, invitations, passwords and sessions.

A user is never created with a password chosen by someone else: an admin (or a manager, for a
member of his clusters) creates an *invitation* (:func:`invite`); its link carries a random
token of which only the SHA-256 is stored, expires after :data:`INVITATION_LIFETIME` and works
once (:func:`accept_invitation`). Passwords are hashed with salted scrypt, the function of the
API tokens (:func:`grappe.registry.tokens.hash_secret`). Sessions are server-side rows found by
the SHA-256 of a random id (:func:`open_session`, :func:`load_session`); they end after
:data:`SESSION_IDLE` without a request or :data:`SESSION_LIFETIME` after sign-in.

Who may invite whom is :data:`grappe.registry.permissions.RULES` (record kinds ``user`` and
``member_user``), asked through :func:`~grappe.registry.permissions.refusal`.

Examples
--------
>>> weak_password("short", email="a@b.dz")
'length'
>>> weak_password("A@B.DZ", email="a@b.dz")
'length'
>>> weak_password("nadia@crafts.dz", email="Nadia@crafts.dz")
'email'
>>> weak_password("copper and brass 2026", email="nadia@crafts.dz") is None
True
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import re
import secrets
from collections.abc import Collection
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from grappe._validation import check_option
from grappe.errors import InvalidParameterError, NotFoundError, PermissionDeniedError
from grappe.registry.models import (
    Actor,
    Cluster,
    Invitation,
    Membership,
    User,
    WebSession,
    utc_now,
)
from grappe.registry.permissions import Access, refusal
from grappe.registry.repositories import audit
from grappe.registry.tokens import hash_secret
from grappe.vocabulary import USER_ROLES

__all__ = [
    "INVITATION_LIFETIME",
    "PASSWORD_MIN_LENGTH",
    "PRE_SESSION_LIFETIME",
    "SESSION_IDLE",
    "SESSION_LIFETIME",
    "accept_invitation",
    "access_of",
    "authenticate",
    "change_password",
    "close_session",
    "deactivate_user",
    "hash_password",
    "invitation_state",
    "invite",
    "list_users",
    "load_session",
    "open_session",
    "password_matches",
    "session_csrf",
    "weak_password",
]

#: Shortest password accepted.
PASSWORD_MIN_LENGTH = 12
#: How long an invitation link works.
INVITATION_LIFETIME = dt.timedelta(days=7)
#: A session ends after this long without a request…
SESSION_IDLE = dt.timedelta(hours=8)
#: …and this long after sign-in, whatever the activity.
SESSION_LIFETIME = dt.timedelta(days=7)
#: Lifetime of an anonymous visitor's pre-session (the CSRF token of the sign-in form).
PRE_SESSION_LIFETIME = dt.timedelta(hours=2)

#: ``last_seen`` is written at most this often (the idle limit is that precise).
_SEEN_EVERY = dt.timedelta(minutes=1)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
#: Who an invitation is accepted by, in the audit log, before the user exists.
_INVITEE = "invitation"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite gives back naive datetimes (stored in UTC); PostgreSQL aware ones.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _who(who: str | Access) -> str:
    return who.who if isinstance(who, Access) else who


# --- passwords ---------------------------------------------------------------------------------


def weak_password(password: str, *, email: str) -> str | None:
    """Which rule ``password`` breaks: ``"length"`` (shorter than :data:`PASSWORD_MIN_LENGTH`),
    ``"email"`` (the user's email, in any case), or None."""
    if len(password) < PASSWORD_MIN_LENGTH:
        return "length"
    if password.strip().casefold() == email.strip().casefold():
        return "email"
    return None


def _check_password(password: str, email: str, func: str) -> None:
    broken = weak_password(password, email=email)
    if broken == "length":
        raise InvalidParameterError(
            f"The 'password' parameter of {func} must have at least {PASSWORD_MIN_LENGTH} "
            f"characters. Got {len(password)} instead."
        )
    if broken == "email":
        raise InvalidParameterError(
            f"The 'password' parameter of {func} must not be the user's email address."
        )


def hash_password(password: str) -> str:
    """``scrypt$<salt>$<hash>`` of ``password`` with a random salt."""
    salt = secrets.token_hex(16)
    return f"scrypt${salt}${hash_secret(password, salt)}"


def password_matches(stored: str, password: str) -> bool:
    """Whether ``password`` is the one hashed in ``stored`` (constant-time comparison).

    Examples
    --------
    >>> stored = hash_password("copper and brass 2026")
    >>> password_matches(stored, "copper and brass 2026"), password_matches(stored, "brass")
    (True, False)
    """
    scheme, _, rest = stored.partition("$")
    salt, _, expected = rest.partition("$")
    if scheme != "scrypt" or not salt or not expected:
        return False
    return hmac.compare_digest(hash_secret(password, salt), expected)


@functools.cache
def _dummy_hash() -> str:
    # Checked when the email is unknown, so that an answer takes as long for every address.
    return hash_password(secrets.token_hex(16))


# --- users -------------------------------------------------------------------------------------


def access_of(user: User) -> Access:
    """The :class:`~grappe.registry.permissions.Access` of a signed-in user (his email is the
    ``who`` of the audit log)."""
    return Access(user.email, user.role, frozenset(user.cluster_ids), None, actor=user.actor_id)


def list_users(session: Session) -> list[User]:
    """Every user, by email."""
    return list(session.scalars(select(User).order_by(User.email)))


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with this email and password; None otherwise (whichever is wrong)."""
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or not user.active:
        password_matches(_dummy_hash(), password)  # the same time as a real check
        return None
    return user if password_matches(user.password_hash, password) else None


def change_password(session: Session, user: User, current: str, new: str) -> None:
    """Replace ``user``'s password after checking the current one; his other sessions end.

    Raises
    ------
    InvalidParameterError
        The current password is wrong, or the new one breaks a rule of :func:`weak_password`.
    """
    if not password_matches(user.password_hash, current):
        raise InvalidParameterError(
            "The 'current' parameter of change_password must be the user's current password."
        )
    _check_password(new, user.email, "change_password")
    user.password_hash = hash_password(new)
    user.updated_at = utc_now()
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))
    audit(session, access_of(user), "update", "user", user.email, after={"password": "changed"})


def deactivate_user(session: Session, who: str | Access, user_id: int) -> User:
    """Stop a user from signing in (his sessions end; his row stays for the audit trail).

    Raises
    ------
    NotFoundError
        No such user.
    PermissionDeniedError
        ``who`` is not an admin.
    """
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"No user {user_id}.")
    if isinstance(who, Access):
        refused = refusal(who, "update", "user", user.email, fields=["active"])
        if refused is not None:
            raise PermissionDeniedError(str(refused))
    user.active = False
    user.updated_at = utc_now()
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))
    audit(session, who, "update", "user", user.email, before={"active": True},
          after={"active": False})  # fmt: skip
    return user


# --- invitations -------------------------------------------------------------------------------


def _actor_clusters(session: Session, actor_id: str) -> set[str]:
    return set(
        session.scalars(select(Membership.cluster_id).where(Membership.actor_id == actor_id))
    )


def invite(
    session: Session,
    who: str | Access,
    *,
    email: str,
    role: str,
    display_name: str,
    clusters: Collection[str] = (),
    actor: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[Invitation, str]:
    """Create an invitation; returns it and the token of its link (``/invite/<token>``), which
    is shown once and stored only as its SHA-256.

    Parameters
    ----------
    session : Session
    who : Access or str
        The inviter: an :class:`Access` is checked against the rules (``user``, or
        ``member_user`` scoped to the actor's clusters); a plain name is a local caller (CLI).
    email, display_name : str
    role : {"admin", "analyst", "manager", "member"}
    clusters : collection of str
        The clusters a manager will manage; none for a manager who will create his cluster.
    actor : str, optional
        The actor a member will represent (required for a member).
    now : datetime, optional
        The current time (tests).

    Raises
    ------
    InvalidParameterError
        A malformed email, an email of an active user, an unknown role, a member without an
        actor.
    NotFoundError
        An unknown cluster or actor.
    PermissionDeniedError
        ``who`` may not invite this person.
    """
    check_option(role, "role", USER_ROLES, func="invite")
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise InvalidParameterError(
            f"The 'email' parameter of invite must be an email address. Got {email!r} instead."
        )
    if not display_name.strip():
        raise InvalidParameterError("The 'display_name' parameter of invite must not be empty.")
    if session.scalar(select(User.id).where(User.email == email, User.active)) is not None:
        raise InvalidParameterError(
            f"The 'email' parameter of invite must be new. Got {email!r} instead, which already "
            "has an account."
        )
    clusters = sorted(set(clusters)) if role == "manager" else []
    for cluster_id in clusters:
        if session.get(Cluster, cluster_id) is None:
            raise NotFoundError(f"No cluster {cluster_id!r}.")
    # A manager may come without a cluster: he creates his own (the "Create a cluster" page,
    # grappe.registry.cluster_entries.create_managed_cluster) and becomes its manager.
    if role == "member":
        if not actor:
            raise InvalidParameterError(
                "The 'actor' parameter of invite must name the actor a member represents."
            )
        if session.get(Actor, actor) is None:
            raise NotFoundError(f"No actor {actor!r}.")
    else:
        actor = None
    if isinstance(who, Access):
        kind = "member_user" if role == "member" else "user"
        scope = _actor_clusters(session, actor) if actor else set()
        refused = refusal(who, "create", kind, email, scope=scope)
        if refused is not None:
            raise PermissionDeniedError(str(refused))
    token = secrets.token_urlsafe(32)
    moment = now or utc_now()
    invitation = Invitation(
        token_hash=_digest(token),
        email=email,
        display_name=display_name.strip(),
        role=role,
        clusters=clusters,
        actor_id=actor,
        created_by=_who(who),
        created_at=moment,
        expires_at=moment + INVITATION_LIFETIME,
    )
    session.add(invitation)
    session.flush()
    record = {"email": email, "role": role, "clusters": clusters, "actor": actor}
    audit(session, who, "create", "invitation", str(invitation.id), after=record)
    return invitation, token


def invitation_state(
    session: Session, token: str, *, now: dt.datetime | None = None
) -> tuple[Invitation | None, str]:
    """The invitation of ``token`` and its state: ``"valid"``, ``"unknown"``, ``"used"`` or
    ``"expired"``."""
    invitation = session.scalar(select(Invitation).where(Invitation.token_hash == _digest(token)))
    if invitation is None:
        return None, "unknown"
    if invitation.used_at is not None:
        return invitation, "used"
    if _aware(invitation.expires_at) <= (now or utc_now()):
        return invitation, "expired"
    return invitation, "valid"


def accept_invitation(
    session: Session, token: str, password: str, *, now: dt.datetime | None = None
) -> User:
    """Create the invited user with ``password``; the invitation is used up.

    Raises
    ------
    NotFoundError
        An unknown token.
    InvalidParameterError
        A used or expired invitation, a password that breaks a rule of :func:`weak_password`,
        or an email that got an active account meanwhile. (A deactivated user invited again is
        made active again, with the invitation's role, clusters and actor.)
    """
    invitation, state = invitation_state(session, token, now=now)
    if invitation is None:
        raise NotFoundError("No invitation has this link; ask for a new one.")
    if state != "valid":
        raise InvalidParameterError(
            f"The 'token' parameter of accept_invitation must be a valid invitation. This one "
            f"is {state}; ask for a new one."
        )
    _check_password(password, invitation.email, "accept_invitation")
    user = session.scalar(select(User).where(User.email == invitation.email))
    if user is not None and user.active:
        raise InvalidParameterError(
            f"The invitation's email {invitation.email!r} already has an account; sign in."
        )
    moment = now or utc_now()
    action = "update" if user is not None else "create"
    if user is None:  # a deactivated user invited again is the same row, active again
        user = User(email=invitation.email, created_at=moment)
        session.add(user)
    user.display_name = invitation.display_name
    user.password_hash = hash_password(password)
    user.role = invitation.role
    user.actor_id = invitation.actor_id
    user.active = True
    user.updated_at = moment
    user.clusters = [c for c in (session.get(Cluster, k) for k in invitation.clusters) if c]
    invitation.used_at = moment
    session.flush()
    record: dict[str, Any] = {
        "email": user.email, "role": user.role, "clusters": user.cluster_ids,
        "actor": user.actor_id, "invitation": invitation.id,
    }  # fmt: skip
    audit(session, access_of(user), action, "user", user.email, after=record)
    return user


# --- sessions ----------------------------------------------------------------------------------


def open_session(session: Session, user_id: int | None, *, now: dt.datetime | None = None) -> str:
    """Start a session (``user_id`` None: an anonymous pre-session); returns the random id for
    the cookie. Expired sessions are swept on the way."""
    moment = now or utc_now()
    session.execute(delete(WebSession).where(WebSession.expires_at <= moment))
    raw = secrets.token_urlsafe(32)
    lifetime = SESSION_LIFETIME if user_id is not None else PRE_SESSION_LIFETIME
    session.add(
        WebSession(
            id_hash=_digest(raw),
            user_id=user_id,
            created_at=moment,
            last_seen=moment,
            expires_at=moment + lifetime,
        )
    )
    session.flush()
    return raw


def load_session(
    session: Session, raw: str, *, now: dt.datetime | None = None
) -> tuple[WebSession, User | None] | None:
    """The live session of cookie id ``raw`` and its active user (None for a pre-session);
    None when unknown, ended (idle or too old, then deleted) or its user was deactivated.
    Marks the session seen (at most once a minute)."""
    moment = now or utc_now()
    row = session.get(WebSession, _digest(raw))
    if row is None:
        return None
    idle = SESSION_IDLE if row.user_id is not None else PRE_SESSION_LIFETIME
    if _aware(row.expires_at) <= moment or _aware(row.last_seen) + idle <= moment:
        session.delete(row)
        return None
    user = session.get(User, row.user_id) if row.user_id is not None else None
    if row.user_id is not None and (user is None or not user.active):
        session.delete(row)
        return None
    if moment - _aware(row.last_seen) > _SEEN_EVERY:  # not a write on every page view
        row.last_seen = moment
    return row, user


def close_session(session: Session, raw: str) -> None:
    """End the session of cookie id ``raw`` (nothing happens if it is unknown)."""
    session.execute(delete(WebSession).where(WebSession.id_hash == _digest(raw)))


def session_csrf(raw: str) -> str:
    """The CSRF token of the session of cookie id ``raw``: derived from the id (so nothing more
    is stored), distinct from the stored hash, useless without the cookie.

    Examples
    --------
    >>> session_csrf("abc") == session_csrf("abc") != session_csrf("abd")
    True
    """
    return _digest("csrf:" + raw)
