"""Settings of the observatory service, read from the environment (``GRAPPE_*``).

Built explicitly and passed to :func:`grappe.service.create_app` — never at import time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from grappe._validation import check_number, check_option
from grappe.registry.tokens import check_token
from grappe.service.limits import RequestLimits
from grappe.vocabulary import LANGUAGES

__all__ = ["ENVIRONMENTS", "Settings"]

#: Environments (recorded for operators; every one refuses weak or published secrets).
ENVIRONMENTS: tuple[str, ...] = ("development", "test", "production")


@dataclass(frozen=True)
class Settings:
    """Settings of one app instance.

    Attributes
    ----------
    database_url : str
        SQLAlchemy URL (``GRAPPE_DATABASE_URL``); an embedded SQLite file by default.
    environment : {"development", "test", "production"}
        ``GRAPPE_ENVIRONMENT``. There are no default secrets, so no environment accepts one.
    admin_token : str or None
        ``GRAPPE_ADMIN_TOKEN``: a token ``grp_<prefix>_<secret>`` given the admin role at start
        (stored hashed). It must be strong (see :func:`grappe.registry.tokens.check_token`):
        weak, malformed or once-published tokens are refused in every environment. None (the
        default) configures none: ``grappe serve`` then creates a random admin token on the
        first start of a database and prints it once.
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
    admin_token: str | None = None
    default_language: str = "fr"
    page_size_max: int = 500
    data_dir: Path | None = field(default=None)
    request_limits: RequestLimits = field(default_factory=RequestLimits)

    def __post_init__(self) -> None:
        check_option(self.environment, "environment", ENVIRONMENTS, func="Settings")
        check_option(self.default_language, "default_language", LANGUAGES, func="Settings")
        check_number(self.page_size_max, "page_size_max", func="Settings", low=1, integer=True)
        if self.admin_token is not None:
            check_token(self.admin_token, parameter="admin_token", func="Settings")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``GRAPPE_*`` variables, then ``overrides``.

        Examples
        --------
        >>> Settings.from_env({"GRAPPE_DATABASE_URL": "sqlite://"}).database_url
        'sqlite://'
        >>> Settings.from_env({"GRAPPE_ADMIN_TOKEN": "grp_admin_changeme"})
        Traceback (most recent call last):
        ...
        grappe.errors.InvalidParameterError: The 'admin_token' parameter of Settings must be a...
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
