"""The CLI's consoles measure the terminal when they print, not when they are built (package
"review", issue 16's review): rich fixes ``COLUMNS`` into a ``Console`` at construction, and
``grappe.cli._common`` builds its consoles at import."""

from __future__ import annotations

from grappe.cli import _common


def test_a_console_built_under_one_width_prints_at_the_width_of_the_moment(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")  # as pytest-xdist's workers start
    built = type(_common.console)()
    monkeypatch.setenv("COLUMNS", "200")  # as CliRunner.invoke(env={"COLUMNS": "200"})
    assert built.width == 200
    monkeypatch.setenv("COLUMNS", "70")
    assert built.width == 70


def test_the_modules_consoles_follow_columns(monkeypatch):
    for console in (_common.console, _common.err_console):
        monkeypatch.setenv("COLUMNS", "123")
        assert console.width == 123
    assert _common.err_console.stderr and not _common.console.stderr
