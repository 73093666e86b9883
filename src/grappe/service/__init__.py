"""The observatory service: FastAPI app factory, REST API routes, settings, bundled data."""

from __future__ import annotations

from grappe.service.app import API_PREFIX, create_app
from grappe.service.settings import Settings

__all__ = ["API_PREFIX", "Settings", "create_app"]
