"""``grappe serve --workers N`` (and ``grappe observatory --workers N``)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app as cli
from grappe.cli.serve import WORKER_APP

runner = CliRunner()


def _flat(result) -> str:
    return " ".join(result.output.split())  # Rich wraps long messages


@pytest.fixture
def no_uvicorn(monkeypatch):
    """Record uvicorn.run's arguments instead of serving; keep os.environ as it was."""
    import uvicorn

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.delenv("GRAPPE_DATABASE_URL", raising=False)
    monkeypatch.setenv("GRAPPE_ENVIRONMENT", "test")
    monkeypatch.setenv("GRAPPE_ADMIN_TOKEN", "")
    return seen


@pytest.mark.parametrize("workers", ["0", "-2", "33"])
def test_workers_out_of_range(workers, no_uvicorn):
    result = runner.invoke(cli, ["serve", "--workers", workers, "--database", "sqlite://"])
    assert result.exit_code == 1
    message = _flat(result)
    assert "--workers must be a whole number from 1 to 32 (worker processes; this" in message
    assert f"has {os.cpu_count()} CPU" in message
    assert f"Got {int(workers)} instead." in _flat(result)
    assert "Traceback" not in result.output and not no_uvicorn


def test_workers_not_a_number(no_uvicorn):
    result = runner.invoke(cli, ["serve", "--workers", "two"])
    assert result.exit_code == 2
    assert "Invalid value for '--workers'" in _flat(result)
    assert not no_uvicorn


def test_several_workers_refuse_an_in_memory_database(no_uvicorn):
    result = runner.invoke(cli, ["serve", "--workers", "2", "--database", "sqlite://"])
    assert result.exit_code == 1
    assert "--workers 2 needs a database that every worker process opens as the same one" in (
        _flat(result)
    )
    assert not no_uvicorn


def test_one_worker_serves_the_app_object(no_uvicorn, tmp_path):
    url = f"sqlite:///{tmp_path / 'o.sqlite'}"
    result = runner.invoke(cli, ["serve", "--database", url])
    assert result.exit_code == 0, result.output
    assert no_uvicorn["app"].openapi_url == "/api/v1/openapi.json"
    assert "workers" not in no_uvicorn


def test_several_workers_get_the_factory_and_the_database_by_environment(no_uvicorn, tmp_path):
    url = f"sqlite:///{tmp_path / 'o.sqlite'}"
    result = runner.invoke(cli, ["serve", "--workers", "3", "--port", "8124", "--database", url])
    assert result.exit_code == 0, result.output
    assert no_uvicorn["app"] == WORKER_APP
    assert (no_uvicorn["factory"], no_uvicorn["workers"], no_uvicorn["port"]) == (True, 3, 8124)
    assert os.environ["GRAPPE_DATABASE_URL"] == url  # what each worker process reads
    # The parent migrated the database before the workers start.
    assert (tmp_path / "o.sqlite").is_file()


def test_worker_factory_builds_the_app_from_the_environment(monkeypatch, tmp_path):
    from grappe.service.app import app_from_environment
    from grappe.service.limits import BackPressure, RequestLimits

    monkeypatch.setenv("GRAPPE_DATABASE_URL", f"sqlite:///{tmp_path / 'w.sqlite'}")
    monkeypatch.setenv("GRAPPE_ENVIRONMENT", "test")
    monkeypatch.setenv("GRAPPE_ADMIN_TOKEN", "")
    monkeypatch.setenv("GRAPPE_MAX_IN_FLIGHT", "5")
    app = app_from_environment()
    assert app.state.settings.database_url.endswith("w.sqlite")
    (limits,) = [m.kwargs["limits"] for m in app.user_middleware if m.cls is BackPressure]
    assert limits == RequestLimits(max_in_flight=5)
    app.state.sessions.kw["bind"].dispose()


def test_observatory_passes_workers_on(no_uvicorn, tmp_path):
    result = runner.invoke(cli, ["observatory", "--output", str(tmp_path), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert (no_uvicorn["app"], no_uvicorn["workers"]) == (WORKER_APP, 2)
    assert os.environ["GRAPPE_DATABASE_URL"].endswith("observatory.sqlite")
    result = runner.invoke(cli, ["observatory", "--output", str(tmp_path), "--workers", "0"])
    assert result.exit_code == 1 and "--workers must be a whole number" in _flat(result)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="counts worker processes in /proc")
def test_two_real_workers_answer_and_stop_cleanly(tmp_path):
    """A real ``grappe serve --workers 2`` on a free loopback port: answers, stops on SIGINT."""
    port = _free_port()
    url = f"sqlite:///{tmp_path / 'served.sqlite'}"
    env = {**os.environ, "GRAPPE_ENVIRONMENT": "test", "GRAPPE_ADMIN_TOKEN": "",
           "PYTHONPATH": os.pathsep.join(sys.path)}  # fmt: skip
    env.pop("GRAPPE_DATABASE_URL", None)
    command = [sys.executable, "-c", "from grappe.cli.main import app; app()", "serve",
               "--workers", "2", "--port", str(port), "--database", url]  # fmt: skip
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # its own process group: the workers can be stopped with it
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90  # a loaded CI machine starts two workers slowly
        answered = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                answered = httpx.get(f"http://127.0.0.1:{port}/api/v1/clusters", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert answered is not None, "grappe serve --workers 2 did not answer within 90 s"
        assert answered.status_code == 200 and answered.json()["count"] == 0
        # uvicorn's supervisor runs the two workers (plus, perhaps, multiprocessing's helper).
        assert len(_children(server.pid)) >= 2
        assert (tmp_path / "served.sqlite-wal").exists()  # the workers share the file in WAL
        t = time.monotonic()
        server.send_signal(signal.SIGINT)
        _out, err = server.communicate(timeout=15)
        assert time.monotonic() - t < 15
        assert server.returncode == 0, err
        assert "Traceback" not in err
    finally:
        if server.poll() is None:
            # The workers hold the pipes open: kill the whole group, not only the supervisor.
            os.killpg(server.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(server.pid, signal.SIGKILL)  # workers orphaned by a failed stop
        server.communicate(timeout=30)


def test_serve_on_a_database_that_cannot_be_opened_says_so(no_uvicorn, tmp_path):
    result = runner.invoke(cli, ["serve", "--database", f"sqlite:///{tmp_path}"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "it is a folder" in _flat(result) and not no_uvicorn
    result = runner.invoke(cli, ["serve", "--database", "postgresql+psycopg://u:pw@127.0.0.1:9/x"])
    assert result.exit_code == 1 and "cannot open the registry database" in _flat(result)
    assert "pw@" not in result.output and not no_uvicorn
