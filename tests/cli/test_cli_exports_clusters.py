"""``grappe exports clusters`` end to end on a hand-made trade file, and its error exits."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app

runner = CliRunner()

# OEC-style columns: TropicalFruits = 0804 (fruit farming: outside the U.S. benchmark),
# RawSugar = 1701 (31131 → 311313/311314, both cluster 18), PetroleumGas = 2711 (7/8 to 211130,
# cluster 35; 1/8 to 325110, cluster 46).
TRADE = (
    "country,TropicalFruits,RawSugar,PetroleumGas\nDZA,100,50,800\nFRA,10,200,40\nUSA,5,300,600\n"
)


@pytest.fixture
def trade(tmp_path):
    path = tmp_path / "trade.csv"
    path.write_text(TRADE)
    return path


def _run(*args):
    return runner.invoke(app, ["exports", "clusters", *args])


def _error(result, *fragments):
    assert result.exit_code == 1, result.output
    assert "Error:" in result.output and "Traceback" not in result.output
    text = " ".join(result.output.split())
    for fragment in fragments:
        assert fragment in text, text


def test_json_by_hand(trade):
    result = _run("dza", "--trade", str(trade), "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["country"] == "DZA" and body["definitions"] == "us-benchmark"
    assert body["total"] == 950
    assert body["placed_share"] == pytest.approx(850 / 950)
    assert [u["product"] for u in body["unplaced"]] == ["0804"]
    assert body["unplaced"][0]["exports"] == 100
    got = {r["cluster"]: r for r in body["records"]}
    assert list(got) == ["35", "46", "18"]
    assert got["35"]["exports"] == pytest.approx(700)
    assert got["35"]["share"] == pytest.approx(700 / 950)
    # world: 2711 = 1,440 (7/8 → 1,260 in cluster 35), all products 2,105
    assert got["35"]["rca"] == pytest.approx((700 / 950) / (1260 / 2105))
    assert got["18"]["rca"] == pytest.approx((50 / 950) / (550 / 2105))
    assert got["18"]["products"] == "1701"
    assert got["46"]["cluster_name"] == "Upstream Chemical Products"


def test_table_csv_and_languages(trade, tmp_path):
    result = _run("DZA", "--trade", str(trade), "--top", "1")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "placed: 89.5 %" in text and "35 Oil and Gas" in text
    assert "Not placed in a cluster: 0804" in text
    assert "Upstream Chemical" not in text  # --top 1
    out = tmp_path / "c.csv"
    result = _run("DZA", "--trade", str(trade), "--format", "csv", "--output", str(out))
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype={"cluster": str, "products": str})
    assert list(frame["cluster"]) == ["35", "46", "18"]
    assert list(frame.columns) == [
        "country", "cluster", "cluster_name", "exports", "share", "rca", "products"
    ]  # fmt: skip
    result = _run("DZA", "--trade", str(trade), "--format", "json", "--lang", "fr")
    names = {r["cluster"]: r["cluster_name"] for r in json.loads(result.output)["records"]}
    assert names["35"] == "Production et transport de pétrole et de gaz"


def test_own_definitions_and_concordance(trade, tmp_path):
    definitions = tmp_path / "agrifood.csv"
    definitions.write_text("code,cluster,cluster_name\n111,AF,Agri-food\n311,AF,Agri-food\n")
    result = _run("DZA", "--trade", str(trade), "--definitions", str(definitions), "--format",
                  "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)["records"]
    assert (row["cluster"], row["exports"], row["products"]) == ("AF", 150, "0804 1701")
    concordance = tmp_path / "isic.csv"
    concordance.write_text("hs4,industry,weight\n0804,0122,1\n1701,1072,1\n")
    nace = tmp_path / "nace.csv"
    nace.write_text("code,cluster\n01,agri\n10,food\n")
    result = _run("DZA", "--trade", str(trade), "--definitions", str(nace), "--concordance",
                  str(concordance), "--classification", "nace2", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert {r["cluster"]: r["exports"] for r in body["records"]} == {"agri": 100, "food": 50}
    assert body["placed_share"] == pytest.approx(150 / 950)


def test_errors(trade, tmp_path):
    _error(_run("DZ", "--trade", str(trade)), "'DZ' is not in the trade matrix (3 countries)")
    _error(_run("DZA", "--trade", str(trade), "--definitions", "eu-benchmark"),
           "'eu-benchmark' is neither a bundled definition set")  # fmt: skip
    _error(_run("DZA", "--trade", str(trade), "--concordance", "ISIC4"),
           "No bundled concordance to 'ISIC4'")  # fmt: skip
    bad = tmp_path / "bad.csv"
    bad.write_text("hs4,industry,weight\n804,111339,1\n")
    _error(_run("DZA", "--trade", str(trade), "--concordance", str(bad)),
           "bad.csv, row 2, column 'hs4': '804' is not a 4-digit HS heading")  # fmt: skip
    _error(_run("DZA", "--trade", str(trade), "--format", "xml"), "--format")
    nace = tmp_path / "nace.csv"
    nace.write_text("code,cluster\n01,agri\n10,food\n")
    _error(_run("DZA", "--trade", str(trade), "--definitions", str(nace), "--classification",
                "nace2"),
           "The concordance NAICS2017-6 gives naics2017 codes but the definitions 'nace' use "
           "nace2 codes")  # fmt: skip
    _error(_run("DZA", "--trade", str(tmp_path / "none.csv")), "none.csv")
