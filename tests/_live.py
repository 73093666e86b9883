"""A uvicorn server on 127.0.0.1 for the browser tests: the app of a fresh copy of a registry
template, served from a thread on a free port."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest


@contextlib.contextmanager
def live_app(directory, template: str) -> Iterator[tuple[object, str]]:
    """``(app, base_url)`` of a server on a fresh SQLite copy of ``template``, stopped on exit."""
    import uvicorn

    from grappe.registry.testing import fresh_database
    from grappe.service import Settings, create_app

    with fresh_database("sqlite", directory, template=template) as url:
        app = create_app(Settings(database_url=url, environment="test"))
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=srv.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not srv.started:
            if time.monotonic() > deadline:
                pytest.fail("uvicorn did not start")
            time.sleep(0.05)
        try:
            yield app, f"http://127.0.0.1:{port}"
        finally:
            srv.should_exit = True
            thread.join(timeout=10)
