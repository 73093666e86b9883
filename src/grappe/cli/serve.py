"""``grappe serve``: run the observatory (web pages and REST API) with uvicorn."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from grappe.cli._common import err_console, grappe_errors

__all__ = ["register", "run_observatory", "serve"]


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
) -> None:
    """Serve the observatory: pages at /, the API at /api/v1 (OpenAPI at /api/v1/openapi.json)."""
    run_observatory(host=host, port=port, database=database, load_bundled=load_bundled)


def run_observatory(*, host: str, port: int, database: str | None, load_bundled: bool) -> None:
    """Build the app (pre-loading the bundled data if asked), print its address and serve it."""
    import uvicorn

    from grappe.cli.token import announce_first_admin_token
    from grappe.service import Settings, create_app
    from grappe.service.bootstrap import load_bundled_data

    with grappe_errors():
        overrides = {"database_url": database} if database else {}
        settings = Settings.from_env(None, **overrides)
        if load_bundled:
            _load(settings.database_url, load_bundled_data)
        app = create_app(settings)
        if settings.admin_token is None:  # no token configured: one on the first start only
            announce_first_admin_token(settings.database_url)
    err_console.print(f"grappe observatory: http://{host}:{port}/  (API: /api/v1/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _load(database_url: str, loader: Callable[..., object]) -> None:
    """Run ``loader(database_url, progress=…)`` with a Rich progress bar per step."""
    from rich.progress import Progress, TaskID

    with Progress(console=err_console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(f"Loading {step}", total=total)
            bar.update(tasks[step], completed=done)

        loader(database_url, progress=progress)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``grappe`` command."""
    app.command("serve")(serve)
