"""Exports by cluster through an HS → industry concordance: hand-computed cases and errors."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import grappe.complexity.exports_clusters as module
from grappe.complexity.exports_clusters import (
    Concordance,
    exports_by_cluster,
    product_cluster_weights,
    products_of_clusters,
    trade_by_cluster,
)
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.model import ClusterDefinitions

# Three headings: dates (one industry), sugar (a grouped Census code, 31131 = 311313 + 311314),
# gas (7/8 extraction, 1/8 petrochemicals); definitions with a prefix rule (111) and two
# 6-digit sugar codes in different clusters, so that the grouped code is split.
CONCORDANCE = Concordance(
    source="HS2017-4",
    target="NAICS2017-6",
    pairs=(
        ("0804", "111339", 1.0),
        ("1701", "31131", 1.0),
        ("2711", "211130", 0.875),
        ("2711", "325110", 0.125),
    ),
    classification="naics2017",
)


def _definitions(rows, name="hand"):
    frame = pd.DataFrame(rows, columns=["code", "cluster", "cluster_name"])
    frame["subcluster"] = None
    frame["cluster_type"] = "traded"
    return ClusterDefinitions(frame, name=name, classification="naics2017")


DEFINITIONS = _definitions(
    [
        ("111", "agri", "Agriculture"),
        ("311313", "agri", "Agriculture"),
        ("311314", "food", "Food processing"),
        ("211130", "oil", "Oil and gas"),
    ]
)


def test_hand_computed_exports_shares_and_rca():
    exports = {"0804": 30.0, "1701": 20.0, "2711": 40.0, "9999": 10.0}
    world = {"0804": 100.0, "1701": 300.0, "2711": 500.0, "9999": 100.0}
    out = exports_by_cluster(exports, CONCORDANCE, DEFINITIONS, world=world, country="DZA")
    by = {r.cluster: r for r in out.rows}
    # agri: all of 0804 (30) + half of 1701 (10); food: the other half of 1701; oil: 7/8 of 2711
    assert by["agri"].exports == pytest.approx(40.0)
    assert by["food"].exports == pytest.approx(10.0)
    assert by["oil"].exports == pytest.approx(35.0)
    assert [r.cluster for r in out.rows] == ["agri", "oil", "food"]
    assert by["agri"].share == pytest.approx(0.4)
    assert by["agri"].name == "Agriculture"
    assert by["agri"].products == ("0804", "1701")
    # world: agri 100 + 150 = 250 of 1000; RCA = 0.4 / 0.25
    assert by["agri"].rca == pytest.approx(1.6)
    assert by["oil"].rca == pytest.approx((35 / 100) / (437.5 / 1000))
    # unplaced: 9999 (not in the concordance, 10) and 1/8 of 2711 (5, petrochemicals: no cluster)
    assert out.unplaced == ("9999", "2711")
    assert out.unplaced_exports == pytest.approx({"9999": 10.0, "2711": 5.0})
    assert out.placed_share == pytest.approx(0.85)
    assert out.total == 100.0
    assert out.country == "DZA" and out.definitions == "hand"
    assert out.concordance == "HS2017-4 → NAICS2017-6"


def test_without_world_there_is_no_rca_and_records_are_flat():
    out = exports_by_cluster(pd.Series({"0804": 5.0}), CONCORDANCE, DEFINITIONS, country="X")
    assert [r.rca for r in out.rows] == [None]
    assert out.to_records() == [
        {
            "country": "X",
            "cluster": "agri",
            "cluster_name": "Agriculture",
            "exports": 5.0,
            "share": 1.0,
            "rca": None,
            "products": "0804",
        }
    ]
    assert out.unplaced == () and out.placed_share == 1.0


def test_a_grouped_industry_is_split_by_the_codes_below_it():
    weights = product_cluster_weights(CONCORDANCE, DEFINITIONS)
    sugar = weights[weights["hs4"] == "1701"].set_index("cluster")["weight"].to_dict()
    assert sugar == {"agri": 0.5, "food": 0.5}
    one_cluster = _definitions([("311313", "f", "F"), ("311314", "f", "F")])
    weights = product_cluster_weights(CONCORDANCE, one_cluster)
    assert weights.values.tolist() == [["1701", "f", 1.0]]


def test_products_of_clusters():
    assert dict(products_of_clusters(CONCORDANCE, DEFINITIONS)) == {
        "agri": ("0804", "1701"),
        "food": ("1701",),
        "oil": ("2711",),
    }


def test_trade_matrix_columns_are_renamed_and_unmatched_columns_stay_unplaced():
    trade = pd.DataFrame(
        {"TropicalFruits": [30.0, 10.0], "RawSugar": [10.0, 50.0], "Mystery": [60.0, 40.0]},
        index=["DZA", "FRA"],
    )
    codes = {"TropicalFruits": "0804", "RawSugar": "1701"}
    out = trade_by_cluster(trade, "DZA", CONCORDANCE, DEFINITIONS, codes=codes)
    by = {r.cluster: r for r in out.rows}
    assert by["agri"].exports == pytest.approx(35.0)
    assert by["agri"].share == pytest.approx(0.35)
    # world: agri = 40 + 30 = 70 of 200
    assert by["agri"].rca == pytest.approx(0.35 / 0.35)
    assert out.unplaced == ("Mystery",)
    assert out.placed_share == pytest.approx(0.4)


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["0804", "1701", "2711", "9999"]),
        st.floats(min_value=0.01, max_value=1e12),
        min_size=1,
    )
)
def test_placed_and_unplaced_add_up_to_the_total(exports):
    out = exports_by_cluster(exports, CONCORDANCE, DEFINITIONS, country="X")
    placed = sum(r.exports for r in out.rows)
    assert placed + sum(out.unplaced_exports.values()) == pytest.approx(sum(exports.values()))
    assert out.placed_share == pytest.approx(placed / sum(exports.values()))
    assert sum(r.share for r in out.rows) == pytest.approx(out.placed_share)
    reordered = dict(reversed(list(exports.items())))
    assert exports_by_cluster(reordered, CONCORDANCE, DEFINITIONS, country="X").rows == out.rows


@pytest.mark.parametrize(
    ("exports", "match"),
    [
        ({"804": 1.0}, "must have 4-digit HS codes as keys"),
        ({"TropicalFruits": 1.0}, "match_product_columns"),
        ({"0804": -1.0}, "finite non-negative export values"),
        ({"0804": float("nan")}, "finite non-negative export values"),
        ({"0804": "12"}, "finite non-negative export values"),
        ([("0804", 1.0)], "must be a mapping of HS4 codes"),
        ({"0804": 0.0}, "has no exports to place"),
    ],
)
def test_bad_exports_are_refused(exports, match):
    with pytest.raises(InvalidParameterError, match=match):
        exports_by_cluster(exports, CONCORDANCE, DEFINITIONS, country="DZA")


def test_bad_arguments_are_refused():
    with pytest.raises(InvalidParameterError, match="must be a Concordance"):
        exports_by_cluster({"0804": 1.0}, {"0804": "111339"}, DEFINITIONS, country="DZA")
    with pytest.raises(InvalidParameterError, match="must be a ClusterDefinitions"):
        products_of_clusters(CONCORDANCE, "us-benchmark")
    nace = ClusterDefinitions(
        DEFINITIONS.data.assign(code=["01", "10", "10", "06"]), classification="nace2"
    )
    with pytest.raises(InvalidParameterError, match="use nace2 codes"):
        exports_by_cluster({"0804": 1.0}, CONCORDANCE, nace, country="DZA")
    with pytest.raises(InvalidParameterError, match="'country' parameter"):
        exports_by_cluster({"0804": 1.0}, CONCORDANCE, DEFINITIONS, country="")
    with pytest.raises(InvalidParameterError, match="'world' parameter"):
        exports_by_cluster({"0804": 1.0}, CONCORDANCE, DEFINITIONS, world={"08": 1}, country="X")


def test_trade_by_cluster_errors():
    trade = pd.DataFrame({"0804": [1.0]}, index=["DZA"])
    with pytest.raises(NotFoundError, match=r"'DZ' is not in the trade matrix \(1 countries\)"):
        trade_by_cluster(trade, "DZ", CONCORDANCE, DEFINITIONS)
    with pytest.raises(InvalidParameterError, match="must be a pandas DataFrame"):
        trade_by_cluster(trade.to_dict(), "DZA", CONCORDANCE, DEFINITIONS)
    with pytest.raises(InvalidParameterError, match="finite non-negative"):
        trade_by_cluster(trade.assign(X=-1.0), "DZA", CONCORDANCE, DEFINITIONS, codes={})


@pytest.mark.parametrize(
    ("pairs", "match"),
    [
        ((("804", "111339", 1.0),), "4-digit HS code"),
        ((("0804", "111339", 0.0),), r"number in \(0, 1\]"),
        ((("0804", "111339", 0.5),), "must sum to 1. Got 0.5"),
    ],
)
def test_a_concordance_checks_its_pairs(pairs, match):
    with pytest.raises(InvalidParameterError, match=match):
        Concordance("HS", "NAICS", pairs, classification="naics2017")
    with pytest.raises(InvalidParameterError, match="'classification' parameter"):
        Concordance("HS", "NAICS", (), classification="sic")


def test_docstring_examples():
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
