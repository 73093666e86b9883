"""``grappe serve`` and the bundled-data loader."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from grappe.cli.main import app as cli


def _flat(result):
    return " ".join(result.output.split())  # Rich wraps long messages


def test_serve_help_lists_options():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--database", "--load-bundled"):
        assert option in result.output


def test_serve_refuses_bad_database_cleanly():
    result = CliRunner().invoke(cli, ["serve", "--database", "mysql://nobody/none"])
    assert result.exit_code == 1
    assert "The 'database_url' parameter of make_engine must name a SQLite or PostgreSQL" in _flat(
        result
    )
    assert "Traceback" not in result.output


def test_serve_starts_uvicorn(monkeypatch, tmp_path):
    import uvicorn

    seen = {}
    monkeypatch.setattr(
        uvicorn, "run", lambda app, host, port, **kw: seen.update(app=app, host=host, port=port)
    )
    url = f"sqlite:///{tmp_path / 'o.sqlite'}"
    result = CliRunner().invoke(cli, ["serve", "--port", "8123", "--database", url])
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert seen["app"].openapi_url == "/api/v1/openapi.json"
    assert "http://127.0.0.1:8123/" in result.output


@pytest.mark.slow
def test_load_bundled_data_matches_the_mapping_engine_and_is_idempotent(tmp_path):
    """The registry holds exactly the cluster map computed side by side by grappe.mapping."""
    from grappe.io import bundled_cbp_state_path, load_definitions, read_regional_table
    from grappe.mapping import map_clusters
    from grappe.registry import connect
    from grappe.registry.models import Actor, Cluster, IndicatorSnapshot, Region, Tie
    from grappe.service.bootstrap import BUNDLED_YEARS, load_bundled_data

    url = f"sqlite:///{tmp_path / 'bundled.sqlite'}"
    steps = []
    first = load_bundled_data(url, progress=lambda step, done, total: steps.append(step))
    reference = map_clusters(
        read_regional_table(bundled_cbp_state_path(), source="cbp"),
        load_definitions("us-benchmark"),
    ).indicators
    reference = reference[reference["year"].isin(BUNDLED_YEARS)]
    assert sorted(reference["year"].unique()) == [2017, 2018, 2019, 2020, 2021]
    assert first["indicators"].inserted == len(reference) == 50 * 67 * 5
    strong_latest = reference[(reference["year"] == reference["year"].max()) & reference["strong"]]
    with connect(url)() as s:
        count = lambda model: s.scalar(select(func.count()).select_from(model))  # noqa: E731
        us_rows = select(func.count()).where(IndicatorSnapshot.region_id.like("US-%"))
        assert s.scalar(us_rows) == len(reference)
        # Morocco: (12 regions + 75 provinces) × (4 sectors in 2024 + 9 in 2014)
        assert count(IndicatorSnapshot) == len(reference) + 87 * 13
        # US states, DZ wilayas (2025), MA regions and provinces
        assert count(Region) == 50 + 69 + 12 + 75
        assert count(Cluster) == len(strong_latest) + 1
        assert (count(Actor), count(Tie)) == (10, 71)  # Knoke: 10 organisations, 49 + 22 ties
        mi = reference[
            (reference["region"] == "26")
            & (reference["cluster"] == "4")
            & (reference["year"] == 2021)
        ].iloc[0]
        row = s.scalar(
            select(IndicatorSnapshot).where(
                IndicatorSnapshot.region_id == "US-26",
                IndicatorSnapshot.cluster == "4",
                IndicatorSnapshot.year == 2021,
            )
        )
        assert row.employment == mi["employment"] and row.lq == pytest.approx(mi["lq"], rel=1e-12)
        assert row.avg_wage == pytest.approx(mi["avg_wage"] * 1000, abs=0.01)  # $1,000 → $
        assert s.get(Region, "DZ-16").name_ar == "الجزائر"
    assert "cbp_state_us_benchmark.csv" in steps
    second = load_bundled_data(url)
    assert all(r.inserted == 0 and r.updated == 0 for r in second.values())
