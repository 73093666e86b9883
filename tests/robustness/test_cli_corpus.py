"""Issue 12's acceptance corpus through the real ``grappe`` command line.

Every bad input must end in exit 1 with a one-line ``Error:`` naming the file (and the row or
column where the case has one), never a traceback, never a success, and no output file; every
warning case prints a ``Warning:`` line; every valid variant (BOM, CRLF, ``;`` and decimal
comma, thousands separators, cp1252, Arabic names and digits, a 50 MB CSV…) is read and gives
the result of the clean file. The cases are the table in ``cases.py``; the files are made by
``corpus.py`` from small real files (see its docstring).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cases import CASES, COMMON, VALID
from cases_issue15 import CASES as CASES_ISSUE15
from corpus import Case, resolve
from typer.testing import CliRunner

from grappe.cli.main import app

runner = CliRunner()

CASES = CASES + CASES_ISSUE15
BAD = [c for c in CASES if c.kind == "bad"]
WARN = [c for c in CASES if c.kind == "warn"]


#: Every command that reads a user file (issue 12).
READERS = {
    "map", "complexity", "related", "network diagnose", "network draw", "network heatmap",
    "spatial kdensity", "spatial hotspots", "spatial areal", "assess questionnaire",
    "assess diamond", "assess factors", "assess lifecycle", "roadmap show", "kpi evaluate",
    "match", "report",
    # issue 15
    "growth", "concentration", "definitions derive", "definitions coverage", "spatial ripley",
    "spatial mfunction",
}  # fmt: skip


def _command(case: Case) -> str:
    groups = ("network", "spatial", "assess", "roadmap", "kpi", "definitions")
    return " ".join(case.args[:2]) if case.args[0] in groups else case.args[0]


def test_corpus_size():
    """The corpus holds at least the 106 bad inputs and 25 valid variants of issue 12, and
    refuses bad files in every command that reads one."""
    assert len(BAD) + len(WARN) >= 106
    assert len(VALID) >= 25
    ids = [c.id for c in CASES + VALID]
    assert len(ids) == len(set(ids))
    assert {_command(c) for c in BAD} == READERS


#: Text of library internals that a user-facing message must not show: it names neither the
#: problem in the user's terms nor the fix.
RAW_LIBRARY_TEXT = (
    "C error",
    "Error tokenizing data",
    "codec can't decode",
    "No columns to parse",
    "Excel file format cannot be determined",
    "magic bytes not found",
    "[Errno",
    "np.float64(",
    "Traceback",
)


def _run(case: Case, tmp_path: Path) -> tuple[int, str, Path]:
    args = resolve(case, tmp_path, COMMON)
    # catch_exceptions=False: an exception escaping the CLI fails the test with its traceback.
    result = runner.invoke(app, args, catch_exceptions=False)
    output = (result.stdout or "") + "\n" + (result.stderr or "")
    return result.exit_code, output, tmp_path / "out"


def _flat(output: str) -> str:
    """Output with Rich's line wrapping undone (every run of whitespace as one space)."""
    return re.sub(r"\s+", " ", output)


def _error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Error:")]


def _check_message(case: Case, output: str, label: str) -> None:
    flat = _flat(output)
    raw = [text for text in RAW_LIBRARY_TEXT if text in output]
    assert not raw, f"library internals {raw} in the message:\n{output}"
    assert re.search(rf"\b{label}:", output), f"no '{label}:' line in:\n{output}"
    if case.named_file:
        assert case.named_file in flat.replace(" ", "") or case.named_file in flat, (
            f"the message does not name {case.named_file!r}:\n{output}"
        )
    assert re.search(case.match, flat, re.IGNORECASE), (
        f"the message does not match {case.match!r}:\n{output}"
    )


@pytest.mark.parametrize("case", BAD, ids=[c.id for c in BAD])
def test_bad_input_is_refused_clearly(case: Case, tmp_path: Path, request):
    request.node.user_properties.append(("area", case.area))  # whose fix it is
    code, output, out = _run(case, tmp_path)
    assert code != 0, f"silent success (exit 0) of a bad input:\n{output}"
    assert code == case.exit, f"exit {code}, expected {case.exit}:\n{output}"
    _check_message(case, output, "Error")
    assert not any(out.iterdir()), f"output written despite the error: {list(out.iterdir())}"


@pytest.mark.parametrize("case", WARN, ids=[c.id for c in WARN])
def test_warning_cases_say_so(case: Case, tmp_path: Path, request):
    request.node.user_properties.append(("area", case.area))
    code, output, _ = _run(case, tmp_path)
    assert code == case.exit, f"exit {code}, expected {case.exit}:\n{output}"
    _check_message(case, output, "Warning")


@pytest.mark.parametrize("case", VALID, ids=[c.id for c in VALID])
def test_valid_variant_is_read(case: Case, tmp_path: Path, request):
    request.node.user_properties.append(("area", case.area))
    code, output, out = _run(case, tmp_path)
    assert code == 0, f"valid variant refused (exit {code}):\n{output}"
    assert "Traceback" not in output
    assert "Error:" not in output, output
    if case.match:
        assert re.search(case.match, _flat(output), re.IGNORECASE), output
    case.check(out, output)
    if case.id == "map-50mb-csv":
        size = next(tmp_path.glob("big.csv")).stat().st_size
        assert size >= 50_000_000, size


SUBPROCESS = ["map-empty", "map-unclosed-quote", "complexity-binary-parquet", "roadmap-feb-30"]


@pytest.mark.parametrize("case_id", SUBPROCESS)
def test_console_output_of_a_real_process(case_id: str, tmp_path: Path):
    """A few cases as a real process: what a user sees on the terminal, exit code 1, one
    ``Error:`` message and no traceback."""
    case = next(c for c in BAD if c.id == case_id)
    args = resolve(case, tmp_path, COMMON)
    import grappe

    env = {**os.environ, "PYTHONPATH": str(Path(grappe.__file__).parents[1]), "COLUMNS": "400"}
    proc = subprocess.run(
        [sys.executable, "-c", "from grappe.cli.main import app; app()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, proc.stderr
    assert case.named_file in errors[0]
    assert re.search(case.match, errors[0], re.IGNORECASE), errors[0]
