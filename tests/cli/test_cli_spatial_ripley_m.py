"""``grappe spatial ripley`` and ``grappe spatial mfunction``: outputs equal to the kernels,
charts, the coincident-points note and every error path (exit code 1, one clean line).

Real points: the 259 support actors of Constantine from the committed fixture
``tests/fixtures/spatial/dz_actors_algiers_constantine.csv`` (TransformaTek, CC BY 4.0 / CC0;
66 of them repeat another's coordinates). Other inputs are tiny synthetic files.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.io.spatial import read_points
from grappe.spatial import m_function, project_points, ripley_k

runner = CliRunner()
#: Constantine's surroundings (lon/lat): leaves out the few actors geocoded to Algiers.
CONSTANTINE = "6.3,36.0,7.0,36.6"
UTM_32N = "EPSG:32632"


@pytest.fixture(scope="module")
def constantine(tmp_path_factory, fixtures):
    frame = pd.read_csv(fixtures / "spatial" / "dz_actors_algiers_constantine.csv", dtype=str)
    path = tmp_path_factory.mktemp("cli") / "constantine.csv"
    frame[frame["wilaya_code"] == "25"].to_csv(path, index=False)
    return path


def kernel_points(path):
    pts = read_points(
        path,
        activity="actor_type",
        bounds=tuple(float(v) for v in CONSTANTINE.split(",")),
        on_outside="drop",
    )
    return project_points(pts, UTM_32N)


def run(*args):
    return runner.invoke(app, ["spatial", *map(str, args)])


COMMON = ("--activity-column", "actor_type", "--bbox", CONSTANTINE, "--outside", "drop")


def test_ripley_writes_the_kernels_curve_and_a_chart(constantine, tmp_path):
    out, plot = tmp_path / "k.csv", tmp_path / "k.png"
    args = (*COMMON, "--project", UTM_32N, "--radii", "200,500,1000,2000")
    result = run("ripley", constantine, *args, "--simulations", 9, "--seed", 3,
                 "--out", out, "--plot", plot)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "repeat the location of another" in result.output  # the note on coincident points
    assert "Ripley's L − r (isotropic correction)" in result.output
    expected = ripley_k(
        kernel_points(constantine), [200.0, 500.0, 1000.0, 2000.0], n_simulations=9, seed=3
    )
    pd.testing.assert_frame_equal(pd.read_csv(out), expected, rtol=1e-12)
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_ripley_activity_default_radii_and_border(constantine, tmp_path):
    out = tmp_path / "k.parquet"
    result = run("ripley", constantine, *COMMON, "--project", UTM_32N, "-a", "accountants",
                 "--edge-correction", "border", "--steps", 4, "--simulations", 0,
                 "--out", out)  # fmt: skip
    assert result.exit_code == 0, result.output
    got = pd.read_parquet(out)
    pts = kernel_points(constantine)
    data = pts.data[pts.mask("accountants")]
    side = min(data["x"].max() - data["x"].min(), data["y"].max() - data["y"].min())
    np.testing.assert_allclose(got["radius"], side / 4 * np.arange(1, 5) / 4)
    assert list(got.columns) == ["radius", "k", "l", "k_csr", "l_minus_r"]


def test_mfunction_writes_the_kernels_curve_and_a_chart(constantine, tmp_path):
    out, plot = tmp_path / "m.json", tmp_path / "m.svg"
    result = run("mfunction", constantine, *COMMON, "--project", UTM_32N, "-a", "notaries",
                 "--radii", "300,1000,3000", "--simulations", 9, "--seed", 1,
                 "--out", out, "--plot", plot)  # fmt: skip
    assert result.exit_code == 0, result.output
    expected = m_function(
        kernel_points(constantine), "notaries", [300.0, 1000.0, 3000.0], n_simulations=9, seed=1
    )
    got = pd.DataFrame(json.loads(out.read_text()))
    pd.testing.assert_frame_equal(got, expected, rtol=1e-12)
    assert plot.read_text().lstrip().startswith("<?xml")


def test_mfunction_same_seed_same_envelope(constantine, tmp_path):
    outs = []
    for k in range(2):
        out = tmp_path / f"m{k}.csv"
        result = run("mfunction", constantine, *COMMON, "--project", UTM_32N, "-a", "notaries",
                     "--steps", 3, "--simulations", 5, "--seed", 7, "--out", out)  # fmt: skip
        assert result.exit_code == 0, result.output
        outs.append(pd.read_csv(out))
    pd.testing.assert_frame_equal(*outs)
    assert {"lower", "upper"} <= set(outs[0].columns)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ((), "Add --project with a projected CRS"),
        (
            ("--project", "EPSG:4326"),
            "'--project' parameter of grappe spatial ripley must be a projected CRS",
        ),
        (("--project", "EPSG:999999"), "'--project' parameter of grappe spatial ripley must be"),
        (("--project", UTM_32N, "--radii", "500,200"), "'--radii' parameter must be positive"),
        (("--project", UTM_32N, "--radii", "-5,10"), "'--radii' parameter must be positive"),
        (("--project", UTM_32N, "--radii", "a,b"), "'--radii' parameter must be positive"),
        (("--project", UTM_32N, "--window", "5,5,1,1"), "'--window' parameter must be MINX"),
        (
            ("--project", UTM_32N, "--window", "0,0,10,10"),
            "'--window' parameter must contain every",
        ),
        (("--project", UTM_32N, "-a", "bakers"), "'activity' parameter must be one of"),
        (("--project", UTM_32N, "--edge-correction", "translate"), "'--edge-correction'"),
        (("--project", UTM_32N, "--simulations", "-1"), "'--simulations' parameter"),
        (("--project", UTM_32N, "--steps", "0"), "'--steps' parameter"),
        (("--project", UTM_32N, "--max-radius", "-3"), "'--max-radius' parameter"),
        (("--crs", "EPSG:nope"), "'crs' parameter"),
    ],
)
def test_ripley_error_paths(constantine, extra, message):
    result = run("ripley", constantine, *COMMON, "--simulations", 0, *extra)
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert text.startswith("Error:") and message in text, text
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        ("lon,lat\n", (), "header but no data rows"),  # no points
        ("lon,lat\n6.6,36.3\n", (), "needs at least two points. Got 1"),  # one point
        ("lon,lat\n6.6,36.3\n6.6,36.3\n6.6,36.3\n", (), "Give the study area with --window"),
        ("lon,lat\n6.6,36.3\n6.6,36.3\n", ("--radii", "10,20"), "--window"),
    ],
)
def test_ripley_degenerate_point_sets(tmp_path, content, extra, message):
    path = write(tmp_path, "pts.csv", content)
    result = run("ripley", path, "--project", UTM_32N, "--simulations", 0, *extra)
    assert result.exit_code == 1
    assert message in " ".join(result.output.split())


def test_ripley_all_coincident_with_a_window_runs(tmp_path):
    path = write(tmp_path, "pts.csv", "x,y\n100,100\n100,100\n100,100\n")
    result = run("ripley", path, "--x", "x", "--y", "y", "--crs", "EPSG:2154",
                 "--window", "0,0,1000,1000", "--radii", "10", "--simulations", 0)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "2 point(s) repeat the location" in result.output


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("-a", "notaries"), "Add --project with a projected CRS"),
        (("-a", "bakers", "--project", UTM_32N), "'activity' parameter must be one of"),
        (("-a", "notaries", "--project", UTM_32N, "--weighted"), "needs --weight-column"),
        (("-a", "notaries", "--project", UTM_32N, "--radii", "0,5"), "'--radii' parameter"),
        (("-a", "notaries", "--project", UTM_32N, "--simulations", "-2"), "'--simulations'"),
    ],
)
def test_mfunction_error_paths(constantine, extra, message):
    result = run("mfunction", constantine, *COMMON, *extra)
    assert result.exit_code == 1
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_mfunction_single_establishment_and_missing_file(tmp_path):
    path = write(tmp_path, "pts.csv", "lon,lat,a\n6.6,36.3,s\n6.61,36.3,o\n6.62,36.31,o\n")
    result = run("mfunction", path, "--activity-column", "a", "-a", "s", "--project", UTM_32N,
                 "--simulations", 0)  # fmt: skip
    assert result.exit_code == 1 and "at least two establishments" in result.output
    result = run("mfunction", tmp_path / "absent.csv", "-a", "s", "--project", UTM_32N)
    assert result.exit_code == 1 and "absent.csv" in result.output
    # without --activity-column every point is 'all': the message names the missing option
    result = run("mfunction", path, "-a", "s", "--project", UTM_32N, "--simulations", 0)
    said = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "read without an activity column: name it (grappe spatial --activity-column" in said


def test_bad_output_refused_before_reading(tmp_path):
    # a part of the folder path is a file: refused before the points are read (absent file)
    blocker = write(tmp_path, "blocker", "")
    result = run("ripley", tmp_path / "absent.csv", "--x", "x", "--y", "y",
                 "--crs", "EPSG:2154", "--out", blocker / "k.csv")  # fmt: skip
    assert result.exit_code == 1
    assert "cannot write" in result.output and "absent.csv" not in result.output


def test_border_correction_without_centres_says_n_a(tmp_path):
    # SYNTHETIC: 4 points in a 100 m box; at 80 m no point is that far from the edge
    path = write(tmp_path, "pts.csv", "x,y\n10,10\n90,90\n50,50\n20,70\n")
    result = run("ripley", path, "--x", "x", "--y", "y", "--crs", "EPSG:2154",
                 "--window", "0,0,100,100", "--radii", "5,80", "--edge-correction", "border",
                 "--simulations", 4)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "n/a" in result.output
