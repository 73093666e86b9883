"""``grappe assess store`` and ``grappe assess versions``: answers pushed to a registry and read
back; each error is one line and exit code 1, with nothing stored."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.registry import connect, session_scope
from grappe.registry import repositories as repo
from grappe.registry.assessments import list_assessments, load_answers

FIXTURES = Path(__file__).parents[1] / "fixtures" / "assess"


@pytest.fixture
def registry(tmp_path):
    """A registry with one cluster, and an indicator table of two years."""
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    sessions = connect(url)
    with session_scope(sessions) as session:
        repo.create_cluster(session, {"id": "auto-mi", "name_en": "Automotive"}, who="test")
    sessions.kw["bind"].dispose()
    table = tmp_path / "ind.csv"
    pd.DataFrame(
        {"region": ["26", "26", "39", "39"], "cluster": ["4"] * 4, "year": [2020, 2021] * 2,
         "employment": [100, 130, 80, 82], "establishments": [10, 12, 8, 8],
         "payroll": [5.0, 7.0, 4.0, 4.1], "lq": [1.2, 1.3, 0.9, 0.9]}
    ).to_csv(table, index=False)  # fmt: skip
    return url, table


def _store(url, table, *extra):
    return CliRunner().invoke(app, [
        "assess", "store", "--cluster-id", "auto-mi", "--questionnaire", "quebec",
        "--answers", str(FIXTURES / "quebec_answers.yaml"), "--region", "26", "--cluster", "4",
        "--indicators", str(table), "--database", url, *extra,
    ])  # fmt: skip


def test_store_then_versions_show_the_change(registry):
    url, table = registry
    first = _store(url, table, "--date", "2023-01-01", "--respondent", "panel A")
    assert first.exit_code == 0, first.output
    assert "Stored quebec version 1" in first.output
    assert "Stored lifecycle version 2" in first.output
    assert _store(url, table, "--date", "2024-01-01").exit_code == 0
    sessions = connect(url)
    with session_scope(sessions) as session:
        versions = list_assessments(session, "auto-mi", kind="quebec")
        assert [v.date.year for v in versions] == [2023, 2024]
        assert versions[0].classification is not None
        assert load_answers(session, versions[0].answers_id).respondent == "panel A"
    sessions.kw["bind"].dispose()
    shown = CliRunner().invoke(app, ["assess", "versions", "--cluster-id", "auto-mi",
                                     "--kind", "quebec", "--database", url])  # fmt: skip
    assert shown.exit_code == 0, shown.output
    assert "Change from version 1 to 3" in shown.output and "class " in shown.output
    empty = CliRunner().invoke(app, ["assess", "versions", "--cluster-id", "auto-mi",
                                     "--kind", "danish", "--database", url])  # fmt: skip
    assert "No danish version stored for auto-mi." in empty.output


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--date", "2024-13-01"], "The '--date' parameter of grappe assess store must be a date"),
        (["--questionnaire", "swot"], "The '--questionnaire' parameter of grappe assess store"),
        (["--cluster-id", "nope"], "No cluster with id 'nope'"),
    ],
)
def test_store_errors_store_nothing(registry, extra, message):
    url, table = registry
    result = _store(url, table, *extra)
    assert result.exit_code == 1
    assert message in " ".join(result.output.split())
    sessions = connect(url)
    with session_scope(sessions) as session:
        assert list_assessments(session, "auto-mi") == []
    sessions.kw["bind"].dispose()


def test_store_refuses_a_bad_answers_file(registry, tmp_path):
    url, table = registry
    bad = tmp_path / "bad.yaml"
    bad.write_text("Q-A1: 9\n", encoding="utf-8")
    result = _store(url, table, "--answers", str(bad))
    assert result.exit_code == 1
    assert "The answer to Q-A1 must be an integer from 1 to 5" in " ".join(result.output.split())


def test_versions_refuses_an_unknown_kind(registry):
    url, _ = registry
    result = CliRunner().invoke(app, ["assess", "versions", "--cluster-id", "auto-mi",
                                      "--kind", "swot", "--database", url])  # fmt: skip
    assert result.exit_code == 1
    assert "The '--kind' parameter of grappe assess versions" in " ".join(result.output.split())
