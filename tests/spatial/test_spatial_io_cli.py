"""Readers, writers, maps and the ``grappe spatial`` commands.

Uses the committed real fixture ``tests/fixtures/spatial/dz_actors_algiers_constantine.csv``
(TransformaTek, CC BY 4.0 / CC0) and small synthetic files written in ``tmp_path``.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import shapely
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io.spatial import count_by_area, read_areas, read_points, write_figure, write_geojson
from grappe.spatial import getis_ord, hotspots, kdensity, points_from_frame
from grappe.spatial.maps import (
    areal_geojson,
    hotspots_geojson,
    plot_areal,
    plot_kdensity,
    plot_points,
    points_geojson,
)

runner = CliRunner()
ALGERIA = (-8.7, 18.9, 12.0, 37.1)


@pytest.fixture
def actors(fixtures):
    return fixtures / "spatial" / "dz_actors_algiers_constantine.csv"


def grid_geojson(path, side=4):
    feats = [
        {
            "type": "Feature",
            "properties": {"code": f"c{j * side + i}", "name": f"cell {i},{j}"},
            "geometry": shapely.geometry.mapping(
                shapely.box(i / 10, j / 10, (i + 1) / 10, (j + 1) / 10)
            ),
        }
        for j in range(side)
        for i in range(side)
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}))
    return path


def establishments_csv(path, side=4):
    rng = np.random.default_rng(0)  # synthetic establishments
    codes = [f"c{k}" for k in range(side * side)]
    rows = [
        (c, "2561" if (c in ("c0", "c1", "c4", "c5") or rng.random() < 0.2) else "6820")
        for c in codes
        for _ in range(10)
    ]
    pd.DataFrame(rows, columns=["code_iris", "naf_code"]).to_csv(path, index=False)
    return path


def test_read_points_fixture_with_missing_and_bounds(actors):
    with pytest.raises(DataValidationError, match="coordinates are empty") as info:
        read_points(actors, activity="actor_type")
    assert info.value.file == str(actors) and info.value.row is not None
    p = read_points(actors, activity="actor_type", on_missing="drop", bounds=ALGERIA)
    assert len(p) == 1649 and p.geographic and "impots" in p.activities


def test_read_points_parquet_and_missing_file(tmp_path):
    f = pd.DataFrame({"x": [700000.0, 700500.0], "y": [6600000.0, 6600100.0], "sid": ["a", "b"]})
    f.to_parquet(tmp_path / "p.parquet")
    p = read_points(tmp_path / "p.parquet", x="x", y="y", crs="EPSG:2154", id="sid")
    assert p.data["id"].tolist() == ["a", "b"] and not p.geographic
    with pytest.raises(NotFoundError, match="No such file"):
        read_points(tmp_path / "absent.csv")


def test_count_by_area_and_read_areas(tmp_path):
    gj = grid_geojson(tmp_path / "cells.geojson")
    csv = establishments_csv(tmp_path / "firms.csv")
    counts = count_by_area(csv, area="code_iris", query="naf_code == '2561'")
    assert set(counts.columns) == {"id", "count", "total"}
    assert counts.loc[counts["id"] == "c0", ["count", "total"]].values.tolist() == [[10, 10]]
    areas = read_areas(gj, id_property="code", counts=counts.iloc[:10], missing_counts="drop")
    assert len(areas.data) == 10 and "name" in areas.data.columns
    zero = read_areas(gj, id_property="code", counts=counts.iloc[:10])
    assert len(zero.data) == 16 and zero.data["count"].iloc[-1] == 0


def test_io_errors(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json")
    with pytest.raises(DataValidationError, match="not valid JSON"):
        read_areas(bad, id_property="code")
    bad.write_text(json.dumps({"type": "Feature"}))
    with pytest.raises(DataValidationError, match="not a GeoJSON FeatureCollection"):
        read_areas(bad, id_property="code")
    gj = grid_geojson(tmp_path / "cells.geojson")
    with pytest.raises(DataValidationError, match="has no property 'nope'") as info:
        read_areas(gj, id_property="nope")
    assert info.value.row == 1
    with pytest.raises(InvalidParameterError, match="'missing_counts' parameter"):
        read_areas(gj, id_property="code", missing_counts="nan")
    csv = establishments_csv(tmp_path / "firms.csv")
    with pytest.raises(DataValidationError, match="'iris' is missing"):
        count_by_area(csv, area="iris")
    with pytest.raises(DataValidationError, match="cannot be applied"):
        count_by_area(csv, area="code_iris", query="nope ==")


def test_maps_and_writers(tmp_path, actors):
    p = read_points(actors, activity="actor_type", on_missing="drop", bounds=ALGERIA)
    hot = hotspots(p, activities=["impots", "insurance/saa"], eps=1500, min_samples=4)
    assert len(hot.hotspots) > 0
    doc = hotspots_geojson(hot)
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == len(hot.hotspots)
    assert {"activity", "n_members", "weight", "area_km2"} <= set(doc["features"][0]["properties"])
    json.dumps(doc)  # serialisable (no numpy scalars)
    fig = plot_points(p, hot, activity="impots")
    assert len(fig.axes[0].patches) >= 1
    out = write_figure(fig, tmp_path / "map.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    write_geojson(points_geojson(p), tmp_path / "points.geojson")
    back = json.loads((tmp_path / "points.geojson").read_text())
    assert len(back["features"]) == len(p)


def test_geojson_of_projected_points_is_lonlat():
    f = pd.DataFrame({"x": [700000.0], "y": [6600000.0]})
    p = points_from_frame(f, x="x", y="y", crs="EPSG:2154")
    lon, lat = points_geojson(p)["features"][0]["geometry"]["coordinates"]
    assert lon == pytest.approx(3.0, abs=1e-6) and lat == pytest.approx(46.5, abs=1e-6)


def test_kdensity_plot_and_areal_maps(tmp_path):
    rng = np.random.default_rng(0)  # synthetic
    xy = rng.uniform(0, 5000, (80, 2))
    f = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "a": ["s", "o"] * 40})
    r = kdensity(
        points_from_frame(f, x="x", y="y", crs="EPSG:2154", activity="a"),
        "s",
        n_simulations=9,
        seed=0,
        scheduler="sync",
    )
    fig = plot_kdensity(r)
    assert len(fig.axes[0].lines) == 3 and "9 simulations" in fig.axes[0].get_title()
    areas = read_areas(
        grid_geojson(tmp_path / "g.geojson"),
        id_property="code",
        counts=pd.DataFrame({"id": [f"c{k}" for k in range(16)], "count": np.arange(16.0)}),
    )
    stats = getis_ord(areas, "count", permutations=99, seed=0)
    doc = areal_geojson(areas, stats)
    assert {"count", "g", "z", "spot"} <= set(doc["features"][0]["properties"])
    assert len(plot_areal(areas, stats).axes[0].patches) >= 16


# --- CLI --------------------------------------------------------------------------------------


def test_cli_kdensity(actors, tmp_path):
    result = runner.invoke(
        app,
        [
            "spatial",
            "kdensity",
            str(actors),
            "--activity-column",
            "actor_type",
            "--drop-missing",
            "-a",
            "impots",
            "-a",
            "banks/bna",
            "--simulations",
            "19",
            "--seed",
            "1",
            "--out",
            str(tmp_path / "k.csv"),
            "--plot",
            str(tmp_path / "k.png"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "impots" in result.stdout and "banks/bna" in result.stdout
    assert any(v in result.stdout for v in ("localised", "dispersed", "neither"))
    curves = pd.read_csv(tmp_path / "k.csv")
    assert set(curves["activity"]) == {"impots", "banks/bna"} and len(curves) == 400
    assert (tmp_path / "k_impots.png").exists() and (tmp_path / "k_banks_bna.png").exists()


def test_cli_hotspots(actors, tmp_path):
    result = runner.invoke(
        app,
        [
            "spatial",
            "hotspots",
            str(actors),
            "--activity-column",
            "actor_type",
            "--drop-missing",
            "-a",
            "impots",
            "--eps",
            "1500",
            "--min-samples",
            "4",
            "--geojson",
            str(tmp_path / "h.geojson"),
            "--plot",
            str(tmp_path / "h.png"),
            "--out",
            str(tmp_path / "h.csv"),
        ],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "h.geojson").read_text())
    assert len(doc["features"]) == len(pd.read_csv(tmp_path / "h.csv")) > 0


def test_cli_areal(tmp_path):
    gj = grid_geojson(tmp_path / "cells.geojson")
    csv = establishments_csv(tmp_path / "firms.csv")
    result = runner.invoke(
        app,
        [
            "spatial",
            "areal",
            str(gj),
            "--id-property",
            "code",
            "--counts",
            str(csv),
            "--area-column",
            "code_iris",
            "--filter",
            "naf_code == '2561'",
            "--permutations",
            "99",
            "--out",
            str(tmp_path / "gi.csv"),
            "--geojson",
            str(tmp_path / "gi.geojson"),
            "--plot",
            str(tmp_path / "gi.png"),
        ],
    )
    assert result.exit_code == 0, result.output
    gi = pd.read_csv(tmp_path / "gi.csv")
    assert gi.loc[gi["id"] == "c0", "spot"].item() == "hot"
    moran = runner.invoke(
        app,
        [
            "spatial",
            "areal",
            str(gj),
            "--id-property",
            "code",
            "--counts",
            str(csv),
            "--area-column",
            "code_iris",
            "--filter",
            "naf_code == '2561'",
            "--statistic",
            "moran",
            "--permutations",
            "99",
        ],
    )
    assert moran.exit_code == 0 and "Local Moran" in moran.stdout
    # every cell holds as many establishments in all: no local statistic, a clean error
    same = runner.invoke(
        app,
        ["spatial", "areal", str(gj), "--id-property", "code", "--counts", str(csv)]
        + ["--area-column", "code_iris", "--statistic", "moran"],
    )
    assert same.exit_code == 1
    assert "Every unit has the same value 10" in same.output
    assert "Traceback" not in same.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kdensity", "{actors}", "--activity-column", "actor_type"], "coordinates are empty"),
        (["kdensity", "{actors}", "--crs", "EPSG:0", "--drop-missing"], "known to PROJ"),
        (["kdensity", "absent.csv"], "No such file"),
        (["hotspots", "{actors}", "--drop-missing", "--method", "kmeans"], "'method' parameter"),
        (["areal", "{grid}", "--id-property", "code", "--counts", "{firms}"], "area_column"),
        (["areal", "{grid}", "--id-property", "code", "--statistic", "x"], "'statistic'"),
        (["areal", "{grid}", "--id-property", "code", "--draws", "x"], "'draws'"),
    ],
)
def test_cli_errors_are_clean(args, message, actors, tmp_path):
    paths = {
        "actors": str(actors),
        "grid": str(grid_geojson(tmp_path / "g.geojson")),
        "firms": str(establishments_csv(tmp_path / "f.csv")),
    }
    result = runner.invoke(app, ["spatial", *[a.format(**paths) for a in args]])
    assert result.exit_code == 1
    assert message in " ".join(result.output.split()).replace("\n", "")
    assert "Traceback" not in result.output
