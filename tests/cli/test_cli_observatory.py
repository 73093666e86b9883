"""``grappe observatory``: the main job on the bundled real data."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.errors import InvalidParameterError

runner = CliRunner()

#: Years of the bundled Moroccan censuses (grappe.io.bundled_ma), each mapped alone.
MOROCCAN_CENSUSES = [(2014,), (2024,)]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("obs")
    result = runner.invoke(app, ["observatory", "--no-serve", "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_writes_every_table(outputs):
    names = {p.name for p in outputs.iterdir()}
    assert names == {
        "indicators.parquet",
        "indicators.csv",
        "regions.csv",
        "growth_2017_2021.csv",
        "ma_hcp_sectors.csv",
        "summary.html",
    }
    ind = pd.read_parquet(outputs / "indicators.parquet")
    assert ind["region"].nunique() == 50
    assert sorted(ind["year"].unique()) == [2017, 2018, 2019, 2020, 2021]
    assert ind["cluster"].nunique() == 67
    growth = pd.read_csv(outputs / "growth_2017_2021.csv", dtype={"region": str})
    assert len(growth) == 50 * 67
    # Morocco (issue 16): (12 regions + 75 provinces) × (4 sectors in 2024 + 9 in 2014)
    ma = pd.read_csv(outputs / "ma_hcp_sectors.csv", dtype={"region": str})
    assert len(ma) == 87 * 13
    fes = ma[(ma["region"] == "03.231") & (ma["cluster"] == "industry")].set_index("measure")
    assert fes.loc["establishments", "count"] == 10791  # HCP, RGPH 2024, Fès, industry


def test_summary_html(outputs):
    html = (outputs / "summary.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "data:image/png;base64," in html
    assert "Michigan" in html and "Automotive" in html
    assert 'alt="Bar chart' in html


def test_summary_rejects_unmapped_year(outputs):
    from grappe.io import bundled_cbp_state_path, load_definitions, read_regional_table
    from grappe.io.html_summary import render_map_summary
    from grappe.mapping import map_clusters

    table = read_regional_table(bundled_cbp_state_path(), source="cbp", years=[2019])
    result = map_clusters(table, load_definitions("us-benchmark"))
    with pytest.raises(InvalidParameterError, match="'year' parameter of summary"):
        render_map_summary(result, year=2015)
    assert "2019" in render_map_summary(result)


def test_serves_the_loaded_database(tmp_path, monkeypatch):
    """Without --no-serve the command loads the bundled data and hands the app to uvicorn."""
    import uvicorn
    from fastapi.testclient import TestClient

    served = {}

    def fake_run(app_, host, port, log_level):
        served.update(app=app_, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    result = runner.invoke(app, ["observatory", "--output", str(tmp_path), "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8765/" in result.output
    assert (tmp_path / "observatory.sqlite").is_file()
    client = TestClient(served["app"])
    page = client.get("/regions/US-26?lang=en")
    assert page.status_code == 200 and "Michigan" in page.text
    clusters = client.get("/api/v1/clusters", params={"limit": 5}).json()
    assert clusters["count"] > 0


def _count_mapping(monkeypatch):
    """Count the calls of the mapping engine (every path to it goes through grappe.mapping).

    The calls on the bundled Moroccan tables (one census year each) are counted apart: they are
    mapped once per process (``grappe.io.bundled_ma``), so the cache is emptied first."""
    import grappe.io.bundled_ma
    import grappe.mapping

    grappe.io.bundled_ma._maps.cache_clear()
    calls = []
    real = grappe.mapping.map_clusters

    def counting(*args, **kwargs):
        calls.append(args[0].years)
        return real(*args, **kwargs)

    monkeypatch.setattr(grappe.mapping, "map_clusters", counting)
    return calls


def test_no_serve_maps_the_bundled_file_once(tmp_path, monkeypatch):
    calls = _count_mapping(monkeypatch)
    result = runner.invoke(app, ["observatory", "--no-serve", "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    us = [c for c in calls if c not in MOROCCAN_CENSUSES]
    assert us == [(2017, 2018, 2019, 2020, 2021)]
    assert sorted(c for c in calls if c in MOROCCAN_CENSUSES) == [(2014,)] * 2 + [(2024,)] * 2


def test_files_and_registry_come_from_one_mapping(tmp_path, monkeypatch):
    """With serving, the registry is loaded from the ClusterMap the files were written from."""
    import uvicorn
    from sqlalchemy import func, select

    from grappe.registry import connect
    from grappe.registry.models import IndicatorSnapshot

    calls = _count_mapping(monkeypatch)
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    result = runner.invoke(app, ["observatory", "--output", str(tmp_path), "--port", "8766"])
    assert result.exit_code == 0, result.output
    # the US file and each Moroccan table mapped once, for the files and the registry alike
    assert len(calls) == 1 + 4
    written = pd.read_parquet(tmp_path / "indicators.parquet")
    with connect(f"sqlite:///{tmp_path / 'observatory.sqlite'}")() as s:
        stored = s.scalar(select(func.count()).where(IndicatorSnapshot.region_id.like("US-%")))
        mi = s.scalar(
            select(IndicatorSnapshot.employment).where(
                IndicatorSnapshot.region_id == "US-26",
                IndicatorSnapshot.cluster == "4",
                IndicatorSnapshot.year == 2021,
            )
        )
    assert stored == len(written)
    row = written[(written["region"] == "26") & (written["cluster"] == "4")]
    assert mi == row[row["year"] == 2021]["employment"].iloc[0]
