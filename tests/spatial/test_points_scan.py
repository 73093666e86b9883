"""The all-industry localisation scan: equal to the single-industry K-density with the same seed
(real SIRENE extract and on a Dask cluster), industries left out with a status, every error path
of the function and of ``grappe spatial scan``.

The real case is the SIRENE Bas-Rhin extract of ``../shared/data`` (read in place; its table's
licence is not stated): establishments are located only by IRIS, so they are placed at their
IRIS centroid (Lambert-93, from the extract's attribute table) — pseudo-points, as its
PROVENANCE says. Other cases are SYNTHETIC, seeded.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.errors import InvalidParameterError
from grappe.spatial import kdensity, localisation_scan, points_from_frame
from grappe.spatial.scan import SCAN_STATUSES

runner = CliRunner()
EMPLOYERS = [
    "01",
    "02",
    "03",
    "11",
    "12",
    "21",
    "22",
    "31",
    "32",
    "41",
    "42",
    "51",
    "52",
    "53",
]


@pytest.fixture(scope="module")
def sirene_employers(shared_data):
    base = shared_data / "fr_bas_rhin_sirene_iris"
    firms = pd.read_csv(base / "sirene_bas_rhin_establishments_by_iris.csv.gz", dtype=str)
    iris = pd.read_csv(base / "iris_bas_rhin_attributes.csv", dtype={"DCOMIRIS": str})
    firms = firms[firms["size_class"].isin(EMPLOYERS)]
    frame = firms.merge(iris, left_on="code_iris", right_on="DCOMIRIS", validate="m:1")
    assert len(frame) == len(firms) == 20_073  # every employer's IRIS has a centroid
    return points_from_frame(frame, x="centroid_x_l93", y="centroid_y_l93", crs="EPSG:2154",
                             activity="naf_code")  # fmt: skip


@pytest.mark.shared
def test_sirene_scan_equals_single_industry_kdensity(sirene_employers):
    scan = localisation_scan(sirene_employers, min_establishments=500, n_simulations=19, seed=0)
    scanned = scan.summary[scan.summary["status"] == "scanned"]
    assert sorted(scanned["activity"]) == [
        "5610A",
        "8110Z",
        "9499Z",
    ]  # 877, 867, 579 employers
    for act in scanned["activity"]:
        alone = kdensity(sirene_employers, act, n_simulations=19, seed=0)
        curves = scan.curves[scan.curves["activity"] == act].drop(
            columns=["activity", "localised", "dispersed"]
        )
        pd.testing.assert_frame_equal(curves.reset_index(drop=True), alone.curves, check_exact=True)
        row = scanned.set_index("activity").loc[act]
        assert row["localisation_index"] == alone.localisation_index
        assert row["dispersion_index"] == alone.dispersion_index
        assert row["bandwidth_m"] == alone.bandwidth and row["n_points"] == alone.n_points
    flags = scan.curves["localised"] == (scan.curves["kdensity"] > scan.curves["global_upper"])
    assert flags.all()
    left_out = scan.summary[scan.summary["status"] != "scanned"]
    assert (left_out["status"] == "too_few").all() and left_out["localisation_index"].isna().all()
    assert len(scan.summary) == sirene_employers.data["activity"].nunique()


def synthetic_register(seed=5):
    """SYNTHETIC: 300 sites; 'a' clustered, 'b' spread, 'c' too small, 'd' all at one site."""
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 20_000, (300, 2))
    xy[:40] = rng.normal(5_000, 300, (40, 2))
    xy[280:] = (12_000.0, 9_000.0)
    naf = np.array(["a"] * 40 + ["b"] * 235 + ["c"] * 5 + ["d"] * 20)
    emp = rng.integers(1, 30, 300).astype(float)
    emp[235:275] = 0.0  # the last 40 of 'b' employ nobody
    frame = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "naf": naf, "emp": emp})
    frame.loc[frame["naf"] == "c", "emp"] = 0.0
    return points_from_frame(frame, x="x", y="y", crs="EPSG:2154", activity="naf", weight="emp")


def test_statuses_and_batches_give_the_same_results():
    pts = synthetic_register()
    one = localisation_scan(pts, min_establishments=10, n_simulations=19, seed=2, scheduler="sync")
    status = one.summary.set_index("activity")["status"].to_dict()
    assert status == {"a": "scanned", "b": "scanned", "c": "too_few", "d": "one_place"}
    assert set(status.values()) <= set(SCAN_STATUSES)
    summary = one.summary.set_index("activity")
    assert summary.loc["a", "localised"] and summary.loc["a", "localisation_index"] > 0
    assert list(one.summary["activity"][:2]) == ["a", "b"]  # most localised first
    batched = localisation_scan(pts, min_establishments=10, n_simulations=19, seed=2,
                                industries_per_task=2, scheduler="threads")  # fmt: skip
    pd.testing.assert_frame_equal(one.curves, batched.curves, check_exact=True)
    pd.testing.assert_frame_equal(one.summary, batched.summary, check_exact=True)


def test_large_industry_split_over_tasks_gives_the_same_result(monkeypatch):
    from grappe.spatial import scan as scan_module

    pts = synthetic_register()
    split = localisation_scan(pts, n_simulations=19, seed=4, scheduler="threads")
    monkeypatch.setattr(scan_module, "SPLIT_SHARE", 1)  # no industry above the whole work
    whole = localisation_scan(pts, n_simulations=19, seed=4, scheduler="threads")
    pd.testing.assert_frame_equal(split.curves, whole.curves, check_exact=True)
    alone = kdensity(pts, "b", n_simulations=19, seed=4)
    got = split.curves[split.curves["activity"] == "b"].drop(
        columns=["activity", "localised", "dispersed"]
    )
    pd.testing.assert_frame_equal(got.reset_index(drop=True), alone.curves, check_exact=True)


def test_weighted_scan_leaves_out_industries_without_weights():
    pts = synthetic_register()
    scan = localisation_scan(pts, min_establishments=3, weighted=True, n_simulations=9, seed=1,
                             scheduler="sync")  # fmt: skip
    status = scan.summary.set_index("activity")["status"]
    assert status["c"] == "zero_weight" and status["b"] == "scanned"
    alone = kdensity(pts, "b", weighted=True, n_simulations=9, seed=1, scheduler="sync")
    got = scan.curves[scan.curves["activity"] == "b"]["kdensity"].to_numpy()
    np.testing.assert_array_equal(got, alone.curves["kdensity"].to_numpy())


def test_scan_on_a_local_dask_cluster_equals_threads():
    pytest.importorskip("distributed")
    from grappe.spatial.executor import local_cluster

    pts = synthetic_register()
    local = localisation_scan(pts, n_simulations=9, seed=3, scheduler="threads")
    ticks = []

    def tick(done, total):
        ticks.append((done, total))

    with local_cluster(1) as client:
        remote = localisation_scan(pts, n_simulations=9, seed=3, scheduler=client, progress=tick)
    pd.testing.assert_frame_equal(local.curves, remote.curves, check_exact=True)
    # a and d one task each; b (most of the pair work) a setup task and one per simulation
    assert ticks[-1] == (12, 12)
    assert all(total == 12 for _, total in ticks)


@pytest.mark.parametrize(
    ("options", "match"),
    [
        (
            {"min_establishments": 1},
            "'min_establishments' parameter of localisation_scan",
        ),
        (
            {"min_establishments": 2.5},
            "'min_establishments' parameter of localisation_scan",
        ),
        (
            {"min_establishments": 500},
            "largest industry has 235 establishments. Lower it",
        ),
        ({"n_simulations": 0}, "'n_simulations' parameter of localisation_scan"),
        (
            {"industries_per_task": 0},
            "'industries_per_task' parameter of localisation_scan",
        ),
        ({"confidence": 1.0}, "'confidence' parameter of localisation_scan"),
        ({"bandwidth": -1.0}, "'bandwidth' parameter of localisation_scan"),
        ({"max_distance": 0.0}, "'max_distance' parameter of localisation_scan"),
        ({"scheduler": 3}, "'scheduler' parameter of localisation_scan"),
        ({"weighted": "yes"}, "'weighted' parameter of localisation_scan"),
    ],
)
def test_bad_options(options, match):
    with pytest.raises(InvalidParameterError, match=match):
        localisation_scan(synthetic_register(), **options)


def test_points_without_industries_or_not_points():
    frame = pd.DataFrame({"x": [0.0, 1.0, 2.0], "y": [0.0, 1.0, 0.0]})
    pts = points_from_frame(frame, x="x", y="y", crs="EPSG:2154")
    with pytest.raises(InvalidParameterError, match="must carry each establishment's industry"):
        localisation_scan(pts, min_establishments=2)
    with pytest.raises(InvalidParameterError, match="must be a PointSet. Got DataFrame"):
        localisation_scan(frame)


def test_local_cluster_workers_checked():
    from grappe.spatial.executor import local_cluster

    with (
        pytest.raises(InvalidParameterError, match="'workers' parameter of local_cluster"),
        local_cluster(0),
    ):
        pass


# --- grappe spatial scan ----------------------------------------------------------------


@pytest.fixture
def register_csv(tmp_path):
    data = synthetic_register().data
    path = tmp_path / "register.csv"
    data.rename(columns={"activity": "naf", "weight": "emp"}).to_csv(path, index=False)
    return path


def scan_args(path, *extra):
    return ["spatial", "scan", str(path), "--industry-column", "naf", "--x", "x", "--y", "y",
            "--crs", "EPSG:2154", "--simulations", "9", *extra]  # fmt: skip


def test_cli_scan_writes_curves_and_summary(register_csv, tmp_path):
    out, summary = tmp_path / "scan.csv", tmp_path / "summary.csv"
    result = runner.invoke(app, scan_args(register_csv, "-o", str(out), "--summary", str(summary)))
    assert result.exit_code == 0, result.output
    assert "K-density scan" in result.stdout and "2 industries scanned" in result.stderr
    curves, table = pd.read_csv(out), pd.read_csv(summary)
    assert sorted(curves["activity"].unique()) == ["a", "b"] and len(curves) == 2 * 200
    assert {"localised", "dispersed", "global_upper", "local_lower"} <= set(curves.columns)
    assert table.set_index("activity")["status"].to_dict()["d"] == "one_place"
    pts = synthetic_register()
    alone = kdensity(pts, "a", n_simulations=9, seed=0)
    np.testing.assert_allclose(curves.loc[curves["activity"] == "a", "kdensity"],
                               alone.curves["kdensity"], rtol=1e-12)  # fmt: skip


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--min-establishments", "1"],
            "'--min-establishments' parameter of grappe spatial",
        ),
        (["--simulations", "0"], "'--simulations' parameter of grappe spatial scan"),
        (["--workers", "0"], "'--workers' parameter of grappe spatial scan"),
        (
            ["--workers", "2", "--scheduler", "tcp://127.0.0.1:1"],
            "must not be given together",
        ),
        (["--min-establishments", "900"], "Lower it"),
    ],
)
def test_cli_scan_errors(register_csv, extra, message):
    result = runner.invoke(app, scan_args(register_csv, *extra))
    assert result.exit_code == 1
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.output


def test_cli_scan_missing_industry_column(register_csv):
    args = scan_args(register_csv)
    args[args.index("naf")] = "nace"
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "nace" in result.stderr and "Traceback" not in result.output
