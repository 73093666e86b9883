"""The documentation keeps up with the code: every command and guide is documented."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from grappe.cli.main import app

REPO = Path(__file__).resolve().parents[1]

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> set[str]:
    group = typer.main.get_command(app)
    return set(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme():
    missing = sorted(c for c in _commands() if f"grappe {c}" not in README)
    assert not missing, f"commands not mentioned in README.md: {missing}"


def test_every_linked_guide_exists():
    links = re.findall(r"\]\((docs/[^)]+)\)", README)
    assert links
    missing = [link for link in links if not (REPO / link).is_file()]
    assert not missing, f"README links to missing files: {missing}"


def test_every_guide_is_linked_from_the_readme():
    guides = {p.relative_to(REPO).as_posix() for p in (REPO / "docs").glob("*.md")}
    unlinked = sorted(g for g in guides if f"({g})" not in README)
    assert not unlinked, f"guides not linked from README.md: {unlinked}"


def test_ci_calls_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "./scripts/test" in README
    assert "scripts/test" in ci
