"""Algeria's 2020 exports by U.S. benchmark cluster, checked against a plain pandas computation.

The independent computation reads the bundled concordance CSV and the definitions table itself
and chains them with merges and a groupby (grouped Census codes such as ``31131`` are spread
over the definitions codes that start with them), without the kernel's code.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd
import pytest

from grappe.complexity.exports_clusters import exports_by_cluster, trade_by_cluster
from grappe.io import load_definitions
from grappe.io.concordance import load_concordance
from grappe.io.hs import match_product_columns
from grappe.model import ClusterDefinitions

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def trade(shared_data):
    path = (
        shared_data / "economic_complexity" / "stojkoski2023_trade_country_x_hs4product_2020.csv.gz"
    )
    return pd.read_csv(path).set_index("Row")


def _independent(trade, country, definitions):
    ref = resources.files("grappe") / "data" / "concordance" / "hs2017_naics2017.csv"
    with resources.as_file(ref) as path:
        concordance = pd.read_csv(path, dtype={"hs4": str, "industry": str})
    codes = match_product_columns(list(trade.columns)).codes
    long = trade.rename(columns=codes).T.groupby(level=0).sum().T
    defs = definitions.data[["code", "cluster"]].astype(str)
    # every (pair, definitions code) of the same NAICS sector, then kept when one code contains
    # the other
    pairs = concordance.assign(sector=concordance["industry"].str[:2]).merge(
        defs.assign(sector=defs["code"].str[:2]), on="sector"
    )
    industry, code = pairs["industry"], pairs["code"]
    # a definitions code equal to the industry or a prefix rule above it (111 covers 111339)
    covering = pairs[[i.startswith(c) for i, c in zip(industry, code, strict=True)]]
    # a grouped industry (31131) spread over the definitions codes below it
    below = pairs[
        [len(i) < len(c) and c.startswith(i) for i, c in zip(industry, code, strict=True)]
    ]
    below = below[~below["industry"].isin(covering["industry"])].copy()
    below["weight"] = below["weight"] / below.groupby(["hs4", "industry"])["code"].transform("size")
    exact, grouped = covering, below
    weights = pd.concat([exact, grouped]).groupby(["hs4", "cluster"])["weight"].sum().reset_index()
    values = long.loc[country].rename("value").rename_axis("hs4").reset_index()
    world = long.sum().rename("world").rename_axis("hs4").reset_index()
    placed = weights.merge(values, on="hs4").merge(world, on="hs4")
    placed["value"] *= placed["weight"]
    placed["world"] *= placed["weight"]
    by_cluster = placed.groupby("cluster")[["value", "world"]].sum()
    by_cluster = by_cluster[by_cluster["value"] > 0]
    total, world_total = long.loc[country].sum(), long.to_numpy().sum()
    by_cluster["share"] = by_cluster["value"] / total
    by_cluster["rca"] = by_cluster["share"] / (by_cluster["world"] / world_total)
    return by_cluster, by_cluster["value"].sum() / total


def test_algeria_by_us_benchmark_cluster(trade):
    definitions = load_definitions("us-benchmark")
    codes = match_product_columns(list(trade.columns)).codes
    out = trade_by_cluster(trade, "DZA", load_concordance("NAICS2017-6"), definitions, codes=codes)
    expected, placed_share = _independent(trade, "DZA", definitions)
    got = pd.DataFrame(
        {
            "value": [r.exports for r in out.rows],
            "share": [r.share for r in out.rows],
            "rca": [r.rca for r in out.rows],
        },
        index=[r.cluster for r in out.rows],
    )
    assert sorted(got.index) == sorted(expected.index)
    pd.testing.assert_frame_equal(
        got.sort_index(),
        expected[["value", "share", "rca"]].sort_index(),
        check_names=False,
        rtol=1e-9,
    )
    assert out.placed_share == pytest.approx(placed_share, rel=1e-12)
    assert 0.99 < out.placed_share < 0.995  # 99.1 %: docs/exports.md
    by = {r.cluster: r for r in out.rows}
    # petroleum gas and crude: Oil and Gas Production and Transportation, 84.5 % of exports
    assert out.rows[0].cluster == "35" and out.rows[0].products[:2] == ("2711", "2709")
    assert by["35"].share == pytest.approx(0.845, abs=5e-4)
    # sugar (1701, Census's 31131 = beet and cane sugar) is the first product of food processing
    assert by["18"].name == "Food Processing and Manufacturing"
    assert by["18"].products[0] == "1701"
    # dates (0804 → 111339, fruit farming) are not in the benchmark, which leaves farming out:
    # the largest unplaced heading
    assert out.unplaced[0] == "0804"


def test_algeria_with_an_agri_food_cluster_of_ones_own(trade):
    # "any definitions": farming and food manufacturing together, as a Maghreb study would
    frame = pd.DataFrame(
        {
            "code": ["111", "112", "311", "312"],
            "cluster": "agrifood",
            "cluster_name": "Agri-food",
            "subcluster": None,
            "cluster_type": "traded",
        }
    )
    agrifood = ClusterDefinitions(frame, name="agrifood", classification="naics2017")
    codes = match_product_columns(list(trade.columns)).codes
    exports = trade.rename(columns=codes).T.groupby(level=0).sum().T.loc["DZA"]
    out = exports_by_cluster(exports, load_concordance("NAICS2017-6"), agrifood, country="DZA")
    (row,) = out.rows
    assert row.products[:2] == ("1701", "0804")  # sugar (225 M USD), then dates (134 M USD)
    expected, _ = _independent(trade, "DZA", agrifood)
    assert row.exports == pytest.approx(expected.loc["agrifood", "value"], rel=1e-12)
