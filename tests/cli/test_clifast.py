"""The instant CLI: ``grappe --help`` and the help of every command and subcommand import none of
the heavy libraries, the root lists its commands from the table of :mod:`grappe.cli.main`
without importing them, and that table agrees with the command modules.

The imports are checked in fresh processes: one real ``python -X importtime`` of the root's
help and of ``grappe complexity --help``, and one process that walks the help of every command
of the app (enumerated from the app, so that a new command is covered) with click's test runner,
recording after each page which heavy module it imported first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from grappe.cli._lang import command_tree
from grappe.cli._lazy import LazyCommand, LazyGroup, module_commands
from grappe.cli.main import COMMAND_MODULES, COMMANDS, app

runner = CliRunner()
WIDE = {"COLUMNS": "3000", "GRAPPE_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}

#: Libraries no help page may import (each costs from 0.1 to 1 s at start-up).
FORBIDDEN = (
    "pandas",
    "numpy",
    "pyarrow",
    "scipy",
    "sklearn",
    "numba",
    "shapely",
    "sqlalchemy",
    "matplotlib",
    "geopandas",
    "networkx",
    "dask",
)

#: Help pages known to import a heavy library, with the reason; each is an expected failure
#: (strict: once the page is clean, the test fails until its entry is removed here).
KNOWN_HEAVY: dict[tuple[str, ...], str] = {}

#: Walks the help pages given as JSON on stdin, in order; prints, as JSON, the heavy modules
#: each page imported first (and those imported before any page, under "<import>").
WALKER = """
import json, sys
from typer.testing import CliRunner
from grappe.cli.main import app

forbidden, paths = json.load(sys.stdin)
loaded = lambda: {m for m in forbidden if m in sys.modules}
seen = loaded()
found = {"<import>": sorted(seen)}
runner = CliRunner()
for path in paths:
    result = runner.invoke(app, [*path, "--help"])
    if result.exit_code != 0:
        sys.exit(f"grappe {' '.join(path)} --help exited with {result.exit_code}: {result.output}")
    found[" ".join(path)] = sorted(loaded() - seen)
    seen |= loaded()
print(json.dumps(found))
"""


def _paths() -> list[tuple[str, ...]]:
    """Every command path of the app (the root as ``()``), the known heavy ones last."""
    paths = [path[1:] for path, _cmd in command_tree(typer.main.get_command(app))]
    return sorted(paths, key=lambda path: path[:1] in KNOWN_HEAVY or path in KNOWN_HEAVY)


PATHS = _paths()


def _imported_by_importtime(*args: str) -> list[str]:
    """The forbidden packages imported by ``python -X importtime -m grappe.cli.main ARGS``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "grappe.cli.main", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **WIDE},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    names = [
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    ]
    assert len(names) > 50, done.stderr[-2000:]  # the report was read
    return sorted({name.split(".")[0] for name in names} & set(FORBIDDEN))


@pytest.fixture(scope="module")
def walked() -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", WALKER],
        input=json.dumps([FORBIDDEN, PATHS]),
        capture_output=True,
        text=True,
        env={**os.environ, **WIDE},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("args", [("--help",), ("--lang", "ar", "complexity", "--help")])
def test_a_real_process_of_the_help_imports_no_heavy_library(args: tuple[str, ...]) -> None:
    heavy = _imported_by_importtime(*args)
    assert not heavy, f"grappe {' '.join(args)} imports {heavy} (python -X importtime)"


def test_the_walk_covers_every_command_and_imports_nothing_before_a_page(walked: dict) -> None:
    assert len(PATHS) > 40  # the subcommands of every group
    assert walked.pop("<import>") == []
    assert set(walked) == {" ".join(path) for path in PATHS}


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(path, marks=pytest.mark.xfail(reason=KNOWN_HEAVY[path], strict=True))
        if path in KNOWN_HEAVY
        else path
        for path in PATHS
    ],
    ids=lambda path: " ".join(path) or "grappe",
)
def test_no_help_page_imports_a_heavy_library(path: tuple[str, ...], walked: dict) -> None:
    heavy = walked[" ".join(path)]
    assert not heavy, f"grappe {' '.join(path)} --help imports {heavy}"


# --- the table of commands agrees with the modules ---------------------------------------------


def test_the_table_lists_every_command_of_the_modules_in_typers_order() -> None:
    eager = typer.Typer()
    for module in COMMAND_MODULES:
        __import__(module, fromlist=["register"]).register(eager)
    commands = typer.main.get_group(eager).commands
    assert [c.name for c in COMMANDS] == list(commands), (
        "grappe.cli.main.COMMANDS must list the commands the modules of COMMAND_MODULES "
        "register, in the order Typer lists them (the commands, then the groups)"
    )
    for entry in COMMANDS:
        assert entry.help == commands[entry.name].help, (
            f"the help of {entry.name!r} in grappe.cli.main.COMMANDS is not the command's: "
            "copy the command's docstring (or its group's help) there"
        )
        assert entry.name in module_commands(entry.modules)
        assert set(entry.modules) <= set(COMMAND_MODULES)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_listing_from_the_table_is_the_listing_of_the_loaded_commands(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer.testing

    lazy = runner.invoke(app, ["--lang", lang, "--help"], env=WIDE)
    tree = typer.main.get_command(app)
    tree.load_all()  # type: ignore[attr-defined]
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: tree)
    loaded = runner.invoke(app, ["--lang", lang, "--help"], env=WIDE)
    assert lazy.exit_code == loaded.exit_code == 0
    assert lazy.output == loaded.output
    assert "complexity" in lazy.output and "dz" in lazy.output


def test_a_command_is_loaded_when_used_and_translated_into_the_runs_language() -> None:
    tree = typer.main.get_command(app)
    assert isinstance(tree, LazyGroup)
    assert not tree._loaded  # nothing is loaded to build the root
    result = runner.invoke(app, ["--lang", "fr", "kpi", "evaluate", "--help"], env=WIDE)
    assert result.exit_code == 0
    assert "Évaluer les indicateurs clés d'une période" in result.output


def test_a_mistyped_command_is_refused_with_a_suggestion_from_the_table() -> None:
    result = runner.invoke(app, ["complexty", "--help"], env=WIDE)
    assert result.exit_code == 2
    assert "No such command 'complexty'. Did you mean 'complexity'?" in result.output


def test_a_table_entry_whose_modules_do_not_define_it_fails_clearly() -> None:
    class Broken(LazyGroup):
        lazy_commands = {
            "nope": LazyCommand("nope", ("grappe.cli.token",), "Not a command of that module.")
        }

    group = Broken(name="grappe")
    assert "nope" in group.list_commands(None)  # listed from the table alone
    with pytest.raises(LookupError, match=r"lists the command 'nope' in modules"):
        group.get_command(None, "nope")
