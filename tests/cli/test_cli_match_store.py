"""``grappe match --store``: the run of the files stored in the registry, equal to the CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.registry import connect, session_scope
from grappe.registry.matchmaking import get_run
from grappe.registry.models import Cluster

FIXTURES = Path(__file__).parents[1] / "fixtures" / "matchmaking"
FILES = [str(FIXTURES / "needs.csv"), str(FIXTURES / "capabilities.csv")]
runner = CliRunner()


@pytest.fixture
def database(tmp_path):
    url = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    sessions = connect(url)
    with session_scope(sessions) as session:
        session.add(Cluster(id="mech-dz", name_en="Mechanics", published=True))
    sessions.kw["bind"].dispose()
    return url


def test_store_keeps_the_run_of_the_files(database, tmp_path):
    out = tmp_path / "m.csv"
    result = runner.invoke(
        app,
        [
            "match",
            *FILES,
            "--top",
            "2",
            "-o",
            str(out),
            "--store",
            "--database",
            database,
            "--cluster",
            "mech-dz",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Stored match run 1 of cluster 'mech-dz'" in result.output
    sessions = connect(database)
    with session_scope(sessions) as session:
        run = get_run(session, "mech-dz", 1)
        stored = pd.DataFrame(run.matches)
        assert run.parameters == {
            "max_km": None,
            "certifications": "penalty",
            "same_cluster_only": False,
            "top": 2,
        }
        assert (run.needs, run.capabilities, run.created_by) == (2, 5, "grappe match")
    sessions.kw["bind"].dispose()
    written = pd.read_csv(out, keep_default_na=False)
    assert (
        stored[["need_id", "firm_id", "rank"]].values.tolist()
        == written[["need_id", "firm_id", "rank"]].values.tolist()
    )
    assert stored["score"].tolist() == pytest.approx(written["score"].tolist(), abs=1e-12)


def test_store_errors(database):
    result = runner.invoke(app, ["match", *FILES, "--store", "--database", database])
    assert result.exit_code == 1
    assert "'--store' parameter of grappe match needs '--cluster'" in result.output
    result = runner.invoke(
        app, ["match", *FILES, "--store", "--database", database, "--cluster", "nowhere"]
    )
    assert result.exit_code == 1
    assert "No cluster with id 'nowhere'" in result.output
    assert "Traceback" not in result.output
