"""``grappe ecosystem near|coverage`` on the real TransformaTek file, and every error exit."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app

runner = CliRunner()


@pytest.fixture(scope="module")
def folder(shared_data):
    return shared_data / "dz_ecosystem_actors"


def _run(*args):
    return runner.invoke(app, ["ecosystem", *map(str, args)])


def _error(result, *fragments):
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "Error:" in text
    for fragment in fragments:
        assert fragment in text
    assert "Traceback" not in result.output


def test_near_biskra_as_json(folder):
    bodies = folder / "all_geolocated_actors_long.csv"
    result = _run("near", 34.85, 5.73, "--bodies", bodies, "--radius-km", 20,
                  "--types", "anade,angem,cnrc,banks", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    start = result.stdout.index("[")
    rows = json.loads(result.stdout[start:])
    kinds = {r["actor_type"] for r in rows}
    assert {"anade", "angem", "cnrc", "banks/bna"} <= kinds
    assert [r["distance_km"] for r in rows] == sorted(r["distance_km"] for r in rows)
    anade = next(r for r in rows if r["actor_type"] == "anade")
    assert anade["name"].startswith("Cité Moudjahidine")
    assert anade["distance_km"] == pytest.approx(1.274, abs=1e-3)
    assert "101 rows of all_geolocated_actors_long.csv have no coordinates" in result.output


def test_near_table_and_csv_file(folder, tmp_path):
    bodies = folder / "all_geolocated_actors_long.csv"
    result = _run("near", 34.85, 5.73, "--bodies", bodies, "--types", "cnrc")
    assert result.exit_code == 0, result.output
    assert "1 support bodies within 20 km" in result.output and "cnrc" in result.output
    out = tmp_path / "near.csv"
    result = _run("near", 34.85, 5.73, "--bodies", bodies, "--types", "cnrc", "-o", out)
    assert result.exit_code == 0, result.output
    written = pd.read_csv(out)
    assert written["actor_type"].tolist() == ["cnrc"]
    assert written["distance_km"].iloc[0] == pytest.approx(0.732, abs=1e-3)


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["near", "95", "5.73"], ["'LAT' parameter of grappe ecosystem near", "[-90, 90]"]),
        (["near", "34.85", "5.73", "--radius-km", "-3"], ["--radius-km", "at least 0"]),
        (["near", "34.85", "5.73", "--types", "anade,bankz"], ["unknown types ['bankz']",
                                                              "Known types:", "banks/bna"]),
        (["near", "34.85", "5.73", "--format", "xml"], ["--format", "'table', 'json', 'csv'"]),
        (["coverage", "--types", "ansej"], ["unknown types ['ansej']"]),
        (["coverage", "--types", ","], ["'--types' parameter of grappe ecosystem coverage",
                                        "at least one type"]),
        (["coverage", "--format", "html"], ["--format"]),
    ],
)  # fmt: skip
def test_error_exits(folder, tmp_path, args, fragments):
    out = tmp_path / "out.csv"
    result = _run(*args, "--bodies", folder / "all_geolocated_actors_long.csv", "-o", out)
    _error(result, *fragments)
    assert not out.exists()  # nothing half-written


def test_bad_files(tmp_path):
    missing = tmp_path / "nowhere.csv"
    _error(_run("near", 34.85, 5.73, "--bodies", missing), "nowhere.csv")
    bad = tmp_path / "bodies.csv"
    bad.write_text("actor_type,name,wilaya_code,lat,lon\nanade,A,7,34.8,5.7\ncnrc,C,7,34,x\n")
    _error(_run("coverage", "--bodies", bad), "bodies.csv, row 3, column 'lon'", "'x'")


def test_near_takes_a_western_longitude(folder):
    result = _run("near", 35.70, -0.63, "--bodies", folder / "all_geolocated_actors_long.csv",
                  "--types", "cnrc", "--radius-km", 5, "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout[result.stdout.index("[") :])
    assert [r["wilaya_code"] for r in rows] == [31, 31]  # the two CNRC offices of Oran
    assert rows[0]["lon"] < 0


def test_near_biskra_without_bodies_reads_the_bundled_bodies():
    """The done-when command of issue 16, as written: no --bodies, the bundled cleaned copy."""
    import io

    from grappe.io.presets import bundled_path

    result = _run("near", 34.85, 5.73, "--radius-km", 20, "--format", "csv")
    assert result.exit_code == 0, result.output
    found = pd.read_csv(io.StringIO(result.stdout), dtype={"wilaya_69": str})
    for kind in ("anade", "angem", "cnrc"):
        assert (found["actor_type"] == kind).any(), kind
    assert found["actor_type"].str.startswith("banks/").any()
    assert found["distance_km"].is_monotonic_increasing and found["distance_km"].max() <= 20
    # independent: haversine from the bundled file, the same bodies within 20 km
    bundled = pd.read_csv(bundled_path("dz", "support_bodies.csv"))
    lat, lon = np.radians(bundled["lat"]), np.radians(bundled["lon"])
    a = (
        np.sin((lat - np.radians(34.85)) / 2) ** 2
        + np.cos(lat) * np.cos(np.radians(34.85)) * np.sin((lon - np.radians(5.73)) / 2) ** 2
    )
    km = 2 * 6371.0088 * np.arcsin(np.sqrt(a))
    assert len(found) == int((km <= 20).sum())
