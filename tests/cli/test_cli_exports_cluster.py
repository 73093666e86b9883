"""``grappe exports cluster``: the Biskra dates cluster's internationalisation (seed 000; the
fixture's figures, markets and levels are illustrative) from its files and from a registry;
Algeria's products in the cluster's HS4 headings from the real 2020 matrix, checked against an
independent pandas computation; errors are one line and exit code 1."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.registry import connect, session_scope
from grappe.registry.models import Actor, Cluster, Region

FIXTURES = Path(__file__).parents[1] / "fixtures" / "roadmap"
FILES = [
    arg
    for kind in ("events", "figures", "ties")
    for arg in (f"--{kind}", str(FIXTURES / f"biskra_{kind}.csv"))
]
NETWORK = [
    "--network-actors",
    str(FIXTURES / "biskra_network_actors.csv"),
    "--network-ties",
    str(FIXTURES / "biskra_ties.csv"),
]
TRADE = "stojkoski2023_trade_country_x_hs4product_2020.csv.gz"


def _run(*args, lang="en"):
    return CliRunner().invoke(app, ["--lang", lang, "exports", "cluster", *args])


def test_biskra_from_files_json(tmp_path):
    kpis = tmp_path / "kpis.csv"
    kpis.write_text("kpi,period,value,target\nexports,2024,435000000,500000000\n")
    result = _run(
        "biskra-dates", "--period", "2024", "--previous", "2023", *FILES, *NETWORK,
        "--kpis", str(kpis), "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["members"] == 17 and body["total_exports"] == 435e6
    assert [m["country"] for m in body["markets"]] == ["FR", "AE", "ES", "BE", "CA"]
    assert body["markets"][0]["exports"] == pytest.approx(213.5e6)
    assert body["exports_kpi"]["attainment"] == pytest.approx(0.87)
    assert body["exports_kpi"]["previous"] == 350e6
    assert [p["actor"] for p in body["pipelines"]] == ["chamber-agri", "farm-03"]
    said = [s["statement"] for s in body["statements"]]
    assert (
        "20% of the network's ties cross the cluster's boundary (2 of 10); 2 members hold them."
        in said
    )


def test_biskra_table_in_french_and_csv():
    result = _run("biskra-dates", "--period", "2024", *FILES, lang="fr")
    assert result.exit_code == 0, result.output
    assert "France" in result.output and "Émirats arabes unis" in result.output
    result = _run(
        "biskra-dates", "--period", "2024", *FILES, "--format", "csv", "--records", "exporters"
    )
    rows = list(csv.DictReader(result.output.splitlines()))
    assert [r["actor"] for r in rows] == ["export-01", "pack-01", "pack-02"]
    assert rows[0]["markets"] == "FR:40;AE:30;ES:30"


def test_biskra_from_the_registry(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    sessions = connect(url)
    with session_scope(sessions) as session:
        session.add(Cluster(id="biskra-dates", name_en="Biskra dates"))
        session.add(
            Region(id="DZ-07", code="07", country="DZ", region_type="wilaya", name_en="Biskra")
        )
        with (FIXTURES / "biskra_actors.csv").open() as f:
            session.add_all(
                Actor(id=r["id"], name=r["name"], sphere=r["sphere"]) for r in csv.DictReader(f)
            )
    sessions.kw["bind"].dispose()
    loaded = CliRunner().invoke(
        app, ["kpi", "load-records", "--cluster", "biskra-dates", "--database", url, *FILES]
    )
    assert loaded.exit_code == 0, loaded.output
    result = _run("biskra-dates", "--period", "2024", "--database", url, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["markets"][0]["country"] == "FR"


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (("--period", "2024"), "record files (--events, --figures…) or the registry"),
        (("--period", "2024", *FILES, "--country", "DZA"), "--country and --trade go together"),
        (("--period", "2024", *FILES, "--products", "804"), "HS4 headings of four digits"),
        (("--period", "2024", *FILES, "--definitions", "us-benchmark"), "go together"),
        (
            ("--period", "2024", *FILES, "--definitions", "us-benchmark",
             "--industry-cluster", "999"),
            "No cluster '999' in the definitions",
        ),
        (("--period", "someday", *FILES), "period"),
        (("--period", "2024", *FILES, *NETWORK, "--local-level", "galactic"), "'galactic'"),
        (("--period", "2024", *FILES, "--records", "all"), "--records"),
    ],
)  # fmt: skip
def test_errors_are_one_line(args, match):
    result = _run("biskra-dates", *args)
    assert result.exit_code == 1, result.output
    assert match in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_bad_market_names_file_row_column(tmp_path):
    figures = tmp_path / "figures.csv"
    figures.write_text("actor,period,exports,currency,markets\npack-01,2024,5,DZD,FR:40;QQ\n")
    events = ["--events", str(FIXTURES / "biskra_events.csv")]
    result = _run("biskra-dates", "--period", "2024", *events, "--figures", str(figures))
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "figures.csv, row 2, column 'markets'" in text and "'QQ'" in text


@pytest.mark.shared
def test_algeria_agrifood_products_from_the_real_matrix(shared_data):
    """Dates (0804) and sugar (1701) are Algeria's products with an advantage in the cluster's
    headings (U.S. benchmark cluster 18, food processing, and 0804 named by hand); their RCA is
    computed here again with pandas from the matrix."""
    path = shared_data / "economic_complexity" / TRADE
    result = _run(
        "biskra-dates", "--period", "2024", *FILES, "--country", "DZA", "--trade", str(path),
        "--definitions", "us-benchmark", "--industry-cluster", "18", "--products", "0804",
        "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    advantages = {a["code"]: a for a in body["advantages"]}
    assert {"0804", "1701"} <= set(advantages)
    trade = pd.read_csv(path).set_index("Row")
    share = trade.loc["DZA"] / trade.loc["DZA"].sum()
    rca = share / (trade.sum() / trade.to_numpy().sum())
    assert advantages["0804"]["rca"] == pytest.approx(rca["TropicalFruits"], rel=1e-9)
    assert advantages["1701"]["rca"] == pytest.approx(rca["RawSugar"], rel=1e-9)
    assert all(rca[a["product"]] >= 1 for a in body["advantages"])
    # every opportunity kept is one of the cluster's headings and not exported with advantage
    assert body["opportunities"] and all(rca[o["product"]] < 1 for o in body["opportunities"])
    assert all(o["code"] not in advantages for o in body["opportunities"])
