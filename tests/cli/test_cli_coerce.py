"""Option values coerced without pydantic (grappe.cli._coerce): every parameter of every command
gets from :class:`PlainValues` what Typer's own coercion gives it — the same value, or the same
error — and a run of ``grappe map`` imports neither pydantic nor Typer's adapters."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from grappe.cli._coerce import PlainValues, install
from grappe.cli._lang import command_tree
from grappe.cli.main import app

HERE = Path(__file__).resolve().parent
EXTRACT = HERE.parent / "data" / "cbp_de_ri_2017_2021" / "cbp_county_de_ri_2017_2021.parquet"

SAMPLES = {
    str: ["abc", "", "é ü", " spaced "],
    int: ["3", "-2", "0", "007", " 4", "+5", "1_000", "x", "3.5", "99999999999999999999", 3],
    bool: [True, False],
    Path: [str(HERE), "no/such/file.csv", str(EXTRACT), Path("x.csv"), "-"],
}


def _parameters():
    root = typer.main.get_command(app)
    root.load_all()
    install(root)
    seen = []
    for path, command in command_tree(root, load=False):
        for param in command.params:
            if isinstance(getattr(param, "_runtime_param", None), PlainValues):
                seen.append((" ".join(path), param))
    return seen


PARAMETERS = _parameters()


def _outcome(runtime, value, param):
    try:
        return "value", runtime.coerce(value, param=param, ctx=None)
    except BadParameter as exc:
        return "error", exc.message


def test_the_plain_coercion_is_installed_on_most_parameters():
    assert len(PARAMETERS) > 200
    assert any(name == "grappe map" and p.name == "top" for name, p in PARAMETERS)


@pytest.mark.parametrize("leaf", [str, int, bool, Path])
def test_every_parameter_gets_what_typers_own_coercion_gives(leaf):
    compared = 0
    for _, param in PARAMETERS:
        descriptor = param.type_descriptor
        annotation = descriptor.annotation
        is_list = getattr(annotation, "__origin__", None) is list
        if (annotation.__args__[0] if is_list else annotation) is not leaf:
            continue
        theirs = build_runtime_param(descriptor)
        for value in SAMPLES[leaf]:
            given = (value, value) if is_list else value
            if is_list and isinstance(value, bool):
                continue
            ours = _outcome(param._runtime_param, given, param)
            assert ours == _outcome(theirs, given, param), (param.name, value)
            assert type(ours[1]) is type(_outcome(theirs, given, param)[1])
            compared += 1
    assert compared > 0


def test_a_run_of_grappe_map_imports_neither_pydantic_nor_typers_adapters(tmp_path):
    code = (
        "import sys, runpy; sys.argv = ['grappe', 'map', sys.argv[1], '--source', 'cbp', '-o',"
        " sys.argv[2], '--summary-regions', '0']\n"
        "try:\n    runpy.run_module('grappe.cli.main', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted({'pydantic', 'typer._adapters'} & set(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXTRACT), str(tmp_path / "out.csv")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out.csv").exists()


def test_a_bad_integer_is_still_refused_with_typers_message():
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["map", str(EXTRACT), "--top", "x"])
    assert result.exit_code == 2
    assert "Invalid value for '--top'" in result.output
    assert "valid integer" in result.output
