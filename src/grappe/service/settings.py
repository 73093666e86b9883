"""Settings of the observatory service, read from the environment (``GRAPPE_*``).

Built explicitly and passed to :func:`grappe.service.create_app` — never at import time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from grappe._validation import check_number, check_option
from grappe.errors import InvalidParameterError
from grappe.service.limits import RequestLimits

__all__ = ["DEFAULT_ADMIN_TOKEN", "ENVIRONMENTS", "Settings"]

#: The admin token of development settings; refused in any other environment.
DEFAULT_ADMIN_TOKEN = "grp_dev00000_development-only-admin-token"

#: Environments: ``development`` accepts the default secrets, the others refuse them.
ENVIRONMENTS: tuple[str, ...] = ("development", "test", "production")


@dataclass(frozen=True)
class Settings:
    """Settings of one app instance.

    Attributes
    ----------
    database_url : str
        SQLAlchemy URL (``GRAPPE_DATABASE_URL``); an embedded SQLite file by default.
    environment : {"development", "test", "production"}
        ``GRAPPE_ENVIRONMENT``. Outside ``development`` the default admin token is refused.
    admin_token : str or None
        ``GRAPPE_ADMIN_TOKEN``: a token ``grp_<prefix>_<secret>`` given the admin role at start
        (stored hashed). None creates no admin token.
    default_language : {"fr", "ar", "en"}
        ``GRAPPE_LANGUAGE``: pages' language when the request names none.
    page_size_max : int
        Largest ``limit`` accepted by list endpoints.
    data_dir : Path or None
        ``GRAPPE_SHARED_DATA``: folder of optional unlicensed datasets (``../shared/data``)
        loaded only when present.
    request_limits : RequestLimits
        Back-pressure of each server process: requests in flight, queue, wait, ``Retry-After``
        (``GRAPPE_MAX_IN_FLIGHT``, ``GRAPPE_MAX_QUEUED``, ``GRAPPE_QUEUE_TIMEOUT``,
        ``GRAPPE_RETRY_AFTER``; see :mod:`grappe.service.limits`).
    """

    database_url: str = "sqlite:///grappe-observatory.sqlite"
    environment: str = "development"
    admin_token: str | None = DEFAULT_ADMIN_TOKEN
    default_language: str = "fr"
    page_size_max: int = 500
    data_dir: Path | None = field(default=None)
    request_limits: RequestLimits = field(default_factory=RequestLimits)

    def __post_init__(self) -> None:
        check_option(self.environment, "environment", ENVIRONMENTS, func="Settings")
        check_option(self.default_language, "default_language", ("fr", "ar", "en"), func="Settings")
        check_number(self.page_size_max, "page_size_max", func="Settings", low=1, integer=True)
        if self.environment != "development" and self.admin_token == DEFAULT_ADMIN_TOKEN:
            raise InvalidParameterError(
                "The 'admin_token' parameter of Settings must not be the default development "
                f"token outside development (environment={self.environment!r}). Got the default "
                "instead. Set GRAPPE_ADMIN_TOKEN to a secret 'grp_<prefix>_<secret>' value."
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``GRAPPE_*`` variables, then ``overrides``.

        Examples
        --------
        >>> Settings.from_env({"GRAPPE_DATABASE_URL": "sqlite://"}).database_url
        'sqlite://'
        >>> Settings.from_env({"GRAPPE_ENVIRONMENT": "production"})
        Traceback (most recent call last):
        ...
        grappe.errors.InvalidParameterError: The 'admin_token' parameter of Settings must not be...
        """
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        if "GRAPPE_DATABASE_URL" in env:
            values["database_url"] = env["GRAPPE_DATABASE_URL"]
        if "GRAPPE_ENVIRONMENT" in env:
            values["environment"] = env["GRAPPE_ENVIRONMENT"]
        if "GRAPPE_ADMIN_TOKEN" in env:
            values["admin_token"] = env["GRAPPE_ADMIN_TOKEN"] or None
        if "GRAPPE_LANGUAGE" in env:
            values["default_language"] = env["GRAPPE_LANGUAGE"]
        if "GRAPPE_SHARED_DATA" in env:
            values["data_dir"] = Path(env["GRAPPE_SHARED_DATA"])
        values["request_limits"] = RequestLimits.from_env(env)
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Settings:
        """A copy with ``changes`` (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]
