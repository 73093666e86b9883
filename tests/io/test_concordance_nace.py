"""The bundled HS 2017 → NACE Rev. 2 / ISIC Rev. 4 concordances (Eurostat CN 2021 → CPA 2.1)."""

from __future__ import annotations

import json
from importlib import resources

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.complexity.exports_clusters import trade_by_cluster
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.io import load_definitions
from grappe.io.concordance import BUNDLED_CONCORDANCES, load_concordance
from grappe.io.hs import match_product_columns
from grappe.model import ClusterDefinitions

NACE_TARGETS = ("NACE2-4", "NACE2-2", "NACE2-section", "ISIC4-2", "ISIC4-section")


def _bundled_frame():
    ref = resources.files("grappe") / "data" / "concordance" / "hs2017_nace2.csv.gz"
    with resources.as_file(ref) as path:
        return pd.read_csv(path, dtype={"hs4": str, "industry": str})


def test_the_bundled_table():
    frame = _bundled_frame()
    # the counts of PROVENANCE.md
    assert len(frame) == 1549
    assert frame["hs4"].nunique() == 1222  # every heading of HS 2017
    assert frame["cn8_lines"].sum() == 9465  # every 8-digit code of CN 2021
    assert frame["industry"].nunique() == 274
    recomputed = frame["cn8_lines"] / frame.groupby("hs4")["cn8_lines"].transform("sum")
    assert (recomputed - frame["weight"]).abs().max() < 1e-9
    assert frame["hs4"].str.fullmatch(r"\d{4}").all()
    # classes (4 digits), and the divisions / groups where CPA 2.1 has no class (03, 310, 47…)
    assert frame["industry"].str.fullmatch(r"\d{2,4}").all()
    assert set(frame.loc[frame["industry"].str.len() == 3, "industry"]) == {"310"}


@pytest.mark.parametrize("target", NACE_TARGETS)
def test_weights_sum_to_one_per_heading(target):
    c = load_concordance(target)
    assert target in BUNDLED_CONCORDANCES
    assert c.source == "HS2017-4" and c.target == target
    assert c.classification == ("isic4" if target.startswith("ISIC") else "nace2")
    sums = pd.DataFrame(c.pairs, columns=["hs4", "industry", "weight"]).groupby("hs4")["weight"]
    assert (sums.sum() - 1).abs().max() < 1e-6
    assert len(c.products) == 1222
    assert "Eurostat" in c.provenance and "2011/833/EU" in c.provenance


def test_hand_checked_headings():
    nace = load_concordance("NACE2-4")
    assert load_concordance("nace2") is nace
    # 0804: 6 CN lines; dates, fresh figs, pineapples, avocados, guavas/mangoes → CPA 01.22
    # (growing of tropical and subtropical fruits); dried figs (0804 20 90) → 10.39.29
    assert nace.industries_of("0804") == (
        ("0122", pytest.approx(5 / 6)),
        ("1039", pytest.approx(1 / 6)),
    )
    # sugar: 9 CN lines, all CPA 10.81 (manufacture of sugar = ISIC Rev. 4 class 1072)
    assert nace.industries_of("1701") == (("1081", 1.0),)
    # petroleum gases: natural gas liquefied or gaseous (2 lines) → 06.20 extraction;
    # propane, butane, ethylene… (13 lines) → 19.20 refined petroleum products
    assert dict(nace.industries_of("2711")) == {
        "1920": pytest.approx(13 / 15),
        "0620": pytest.approx(2 / 15),
    }
    # fish: CPA 03.00 has no NACE class, so the division
    assert nace.industries_of("0302") == (
        ("03", pytest.approx(28 / 29)),
        ("1020", pytest.approx(1 / 29)),
    )
    assert nace.industries_of("8524") == ()  # HS 1992, not a heading of HS 2017


def test_divisions_and_sections_add_up():
    isic = load_concordance("ISIC4-2")
    assert load_concordance("isic4-2") is isic
    assert isic.industries_of("1701") == (("10", 1.0),)
    assert dict(isic.industries_of("0804")) == {
        "01": pytest.approx(5 / 6),
        "10": pytest.approx(1 / 6),
    }
    sections = load_concordance("NACE2-section")
    assert dict(sections.industries_of("2711")) == {
        "C": pytest.approx(13 / 15),
        "B": pytest.approx(2 / 15),
    }
    assert load_concordance("ISIC4-section").industries_of("3102") == (("C", 1.0),)
    # 9403 furniture: the CPA group 31.00 → NACE group 310, division 31, section C
    assert set(dict(load_concordance("NACE2-2").industries_of("9403"))) <= {"31", "16", "22", "25"}


def test_no_isic_classes():
    with pytest.raises(NotFoundError, match="No bundled concordance to 'ISIC4-4'.*NACE2-4"):
        load_concordance("ISIC4-4")
    with pytest.raises(NotFoundError, match="No bundled concordance to 'ISIC4'.*ISIC4-2"):
        load_concordance("ISIC4")


def _definitions(rows, classification="nace2"):
    frame = pd.DataFrame(rows, columns=["code", "cluster", "cluster_name"])
    return ClusterDefinitions(
        frame.assign(subcluster=None, cluster_type="traded"),
        name="nace-test",
        classification=classification,
    )


AGRI_HYDRO = [
    ("01", "agrifood", "Agri-food"),
    ("10", "agrifood", "Agri-food"),
    ("06", "hydrocarbons", "Oil and gas"),
    ("19", "hydrocarbons", "Oil and gas"),
]


def test_by_hand_on_a_small_matrix():
    trade = pd.DataFrame(
        {"0804": [120.0, 10.0], "1701": [50.0, 200.0], "2711": [900.0, 60.0]},
        index=["DZA", "FRA"],
    )
    defs = _definitions([("0122", "fruit", "Fruit"), ("19", "refining", "Refining")])
    out = trade_by_cluster(trade, "DZA", load_concordance("NACE2-4"), defs)
    got = {r.cluster: r.exports for r in out.rows}
    assert got == {"fruit": pytest.approx(100.0), "refining": pytest.approx(780.0)}
    assert out.placed_share == pytest.approx(880 / 1070)
    # section-level definitions meet the class-level table (C holds 10.81, 10.39 and 19.20)
    sections = _definitions([("C", "manufacturing", "Manufacturing")])
    out = trade_by_cluster(trade, "DZA", load_concordance("NACE2-4"), sections)
    assert out.rows[0].exports == pytest.approx(20 + 50 + 780)


def test_a_naics_definitions_set_is_refused():
    with pytest.raises(InvalidParameterError, match="gives nace2 codes but the definitions"):
        trade_by_cluster(
            pd.DataFrame({"0804": [1.0]}, index=["DZA"]),
            "DZA",
            load_concordance("NACE2-4"),
            load_definitions("us-benchmark"),
        )


def test_cli_with_the_bundled_nace_table(tmp_path):
    trade = tmp_path / "trade.csv"
    trade.write_text(
        "country,TropicalFruits,RawSugar,PetroleumGas\nDZA,120,50,900\nFRA,10,200,60\n"
    )
    defs = tmp_path / "nace.csv"
    defs.write_text("code,cluster,cluster_name\n" + "\n".join(",".join(r) for r in AGRI_HYDRO))
    args = ["exports", "clusters", "DZA", "--trade", str(trade), "--definitions", str(defs)]
    result = CliRunner().invoke(app, [*args, "--concordance", "NACE2-4", "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["concordance"].endswith("NACE2-4")
    got = {r["cluster"]: r["exports"] for r in body["records"]}
    assert got == {"hydrocarbons": pytest.approx(900), "agrifood": pytest.approx(170)}
    assert body["placed_share"] == pytest.approx(1.0)
    result = CliRunner().invoke(
        app, [*args, "--concordance", "ISIC4-2", "--classification", "isic4", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["placed_share"] == pytest.approx(1.0)


@pytest.mark.shared
def test_algeria_placed_share_computed_independently(shared_data):
    path = (
        shared_data / "economic_complexity" / "stojkoski2023_trade_country_x_hs4product_2020.csv.gz"
    )
    trade = pd.read_csv(path).set_index("Row")
    codes = match_product_columns(list(trade.columns)).codes
    by_code = trade.rename(columns=codes).T.groupby(level=0).sum().T
    defs = _definitions(AGRI_HYDRO)
    out = trade_by_cluster(by_code, "DZA", load_concordance("NACE2-4"), defs)
    # independently: the bundled CSV, a division prefix per pair, a merge with the rules
    table = _bundled_frame().assign(code=lambda f: f["industry"].str[:2])
    rules = pd.DataFrame(AGRI_HYDRO, columns=["code", "cluster", "name"])
    weights = table.merge(rules, on="code").groupby(["hs4", "cluster"])["weight"].sum()
    values = by_code.loc["DZA"]
    placed = weights.reset_index().assign(
        value=lambda f: f["weight"] * f["hs4"].map(values).fillna(0.0)
    )
    by_cluster = placed.groupby("cluster")["value"].sum()
    assert out.placed_share == pytest.approx(by_cluster.sum() / values.sum(), rel=1e-9)
    assert {r.cluster: r.exports for r in out.rows} == pytest.approx(by_cluster.to_dict(), rel=1e-9)
    # the figure docs/exports.md quotes (agri-food, oil and gas: 90.9 % of 20.1 billion USD)
    assert out.placed_share == pytest.approx(0.9093, abs=5e-5)
