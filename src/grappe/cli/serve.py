"""``grappe serve``: run the observatory (web pages and REST API) with uvicorn."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

import typer

from grappe.cli._common import err_console, grappe_errors
from grappe.i18n import tr, translate

__all__ = ["WORKER_APP", "WorkersOpt", "register", "run_observatory", "serve"]

#: What each worker process of ``--workers N`` imports and calls to build its app.
WORKER_APP = "grappe.service.app:app_from_environment"

WorkersOpt = Annotated[
    int,
    typer.Option(
        "--workers",
        help="Worker processes (1-32; uvicorn's own): each serves requests with its own app "
        "and database connections. More than one needs a file database (SQLite, put in WAL "
        "mode) or PostgreSQL.",
    ),
]


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            help="SQLAlchemy URL of the registry (default: GRAPPE_DATABASE_URL, else "
            "sqlite:///grappe-observatory.sqlite).",
        ),
    ] = None,
    load_bundled: Annotated[
        bool,
        typer.Option(
            "--load-bundled/--no-load-bundled",
            help="Pre-load the bundled real data (idempotent) before serving.",
        ),
    ] = False,
    workers: WorkersOpt = 1,
) -> None:
    """Serve the observatory: pages at /, the API at /api/v1 (OpenAPI at /api/v1/openapi.json)."""
    run_observatory(
        host=host, port=port, database=database, load_bundled=load_bundled, workers=workers
    )


def run_observatory(
    *,
    host: str,
    port: int,
    database: str | None,
    load_bundled: bool,
    workers: int = 1,
    cluster_map: Any = None,
) -> None:
    """Build the app (pre-loading the bundled data if asked), print its address and serve it.

    ``cluster_map`` is the bundled US map when the caller has already computed it (``grappe
    observatory``), so that the bundled file is mapped once.

    With ``workers > 1`` the app built here only migrates and checks the database; uvicorn then
    starts ``workers`` processes that each build their own app with
    :func:`grappe.service.app.app_from_environment`, from the ``GRAPPE_*`` variables (the
    ``--database`` given here is passed on as ``GRAPPE_DATABASE_URL``).
    """
    import uvicorn

    from grappe.cli.token import announce_first_admin_token
    from grappe.service import Settings, create_app
    from grappe.service.bootstrap import load_bundled_data
    from grappe.service.limits import check_workers

    with grappe_errors():
        check_workers(workers)
        overrides = {"database_url": database} if database else {}
        settings = Settings.from_env(None, **overrides)
        check_workers(workers, database_url=settings.database_url)
        if load_bundled:
            _load(settings.database_url, partial(load_bundled_data, cluster_map=cluster_map))
        app = create_app(settings)
        if settings.admin_token is None:  # no token configured: one on the first start only
            announce_first_admin_token(settings.database_url)
    err_console.print(f"grappe observatory: http://{host}:{port}/  (API: /api/v1/docs)")
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    app.state.sessions.kw["bind"].dispose()  # the workers open their own connections
    os.environ["GRAPPE_DATABASE_URL"] = settings.database_url
    uvicorn.run(
        WORKER_APP,
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=10,
    )


def _load(database_url: str, loader: Callable[..., object]) -> None:
    """Run ``loader(database_url, progress=…)`` with a Rich progress bar per step."""
    from rich.progress import Progress, TaskID

    with Progress(console=err_console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(tr("Loading {step}", step=step), total=total)
            bar.update(tasks[step], completed=done)

        reports = loader(database_url, progress=progress)
    for report in (reports or {}).values():  # a step without its data says why (no traceback)
        if getattr(report, "skipped", None):
            err_console.print(translate(report.skipped), markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``grappe`` command."""
    app.command("serve")(serve)
