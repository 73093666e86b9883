"""Export profiles and opportunities (issue 19): hand-computed toy cases, and Algeria's profile
on the real 2020 HS4 matrix checked against plain NumPy formulas written here (RCA, the
complexity sample, proximity, density, COG), against the existing pipeline
(``complexity_suite``) and against the OEC's published ECI."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from grappe.complexity import complexity_suite, eci_pci
from grappe.complexity.exports import (
    ExportProfile,
    export_opportunities,
    export_profile,
    product_words,
)
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.i18n import translate

MATRIX = "economic_complexity/stojkoski2023_trade_country_x_hs4product_2020.csv.gz"


# --- toy cases, by hand ---------------------------------------------------------------------

TOY = pd.DataFrame(
    [[5, 3, 2, 0], [4, 1, 0, 1], [3, 0, 0, 1], [1, 1, 1, 5]],
    index=["A", "B", "C", "D"],
    columns=["Dates", "Olives", "Cars", "Gas"],
    dtype=float,
)
OPEN = {"min_country_exports": 0, "min_product_exports": 0}


def test_toy_rca_shares_and_order_by_hand():
    # world total 28; C exports 4: Dates 3/4 against 13/28 → RCA 1.615…; Gas 1/4 against 7/28 → 1
    p = export_profile(TOY, "C", **OPEN)
    assert [q.product for q in p.products] == ["Dates", "Gas"]  # biggest share first
    dates, gas = p.products
    assert dates.rca == pytest.approx((3 / 4) / (13 / 28))
    assert gas.rca == pytest.approx((1 / 4) / (7 / 28))
    assert dates.share == pytest.approx(0.75) and gas.share == pytest.approx(0.25)
    assert p.total == 4 and p.diversity == 2 and p.n_products == 2
    assert p.n_countries == 4 and p.in_sample


def test_toy_opportunities_score_is_the_documented_combination():
    p = export_profile(TOY, "C", density_weight=0.5, **OPEN)
    opps = p.opportunities
    assert [o.rank for o in opps] == list(range(1, len(opps) + 1))
    assert {o.product for o in opps} == {"Olives", "Cars"}  # what C lacks
    d = np.array([o.density for o in opps])
    g = np.array([o.cog for o in opps])
    z = lambda x: (x - x.mean()) / x.std()  # noqa: E731 - the formula, as documented
    assert [o.score for o in opps] == pytest.approx(list(0.5 * z(d) + 0.5 * z(g)), abs=1e-12)
    only_density = export_profile(TOY, "C", density_weight=1.0, **OPEN).opportunities
    assert only_density[0].density == max(d)


def test_product_words():
    assert product_words("TropicalFruits") == "Tropical fruits"
    assert product_words("LCDs") == "LCDs"
    assert product_words("ElectricMotorsAndGenerators") == "Electric motors and generators"


def test_the_input_is_not_mutated_and_rows_can_be_permuted():
    before = TOY.copy()
    p = export_profile(TOY, "B", **OPEN)
    pd.testing.assert_frame_equal(TOY, before)
    q = export_profile(TOY.iloc[::-1], "B", **OPEN)
    assert q.eci == pytest.approx(p.eci) and q.eci_rank == p.eci_rank
    assert [o.product for o in q.opportunities] == [o.product for o in p.opportunities]


def test_records_of_both_kinds_and_the_name_fallback():
    names = {"Dates": {"en": "Dates", "fr": "Dattes", "ar": "تمور"}}
    p = export_profile(TOY, "C", codes={"Dates": "0804"}, names=names, **OPEN)
    rec = p.to_records(lang="ar")[0]
    assert rec["product"] == "Dates" and rec["code"] == "0804"
    assert rec["product_name"] == "تمور" and rec["name_fr"] == "Dattes"
    gas = p.to_records(lang="fr")[1]
    assert gas["product_name"] == "Gas" and gas["name_fr"] is None  # never invented
    opp = p.to_records(kind="opportunities")[0]
    assert {"rank", "density", "cog", "pci", "score", "reasons", "near"} <= set(opp)
    assert "relatedness density" in opp["reasons"]


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"top": 0}, "'top' parameter"),
        ({"opportunities": -1}, "'opportunities' parameter"),
        ({"density_weight": 1.5}, "'density_weight' parameter"),
        ({"engine": "gpu"}, "'engine' parameter"),
        ({"min_country_exports": 10.0}, "at least 2 countries"),
    ],
)
def test_bad_options(kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        export_profile(TOY, "C", **{**OPEN, **kwargs})


def test_unknown_country_names_close_codes():
    with pytest.raises(NotFoundError, match=r"'c' is not a row.*close codes: C"):
        export_profile(TOY, "c")


def test_bad_trade():
    with pytest.raises(InvalidParameterError, match="must be a pandas DataFrame"):
        export_profile(TOY.to_numpy(), "C")
    with pytest.raises(InvalidParameterError, match="non-negative"):
        export_profile(TOY.assign(Gas=-1.0), "C")
    with pytest.raises(InvalidParameterError, match="exports nothing"):
        export_profile(pd.concat([TOY, TOY.iloc[[0]].set_axis(["Z"]) * 0]), "Z", **OPEN)
    with pytest.raises(InvalidParameterError, match="'kind' parameter"):
        export_profile(TOY, "C", **OPEN).to_records(kind="clusters")


# --- the real matrix ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def trade(shared_data) -> pd.DataFrame:
    from grappe.io.trade import read_trade_matrix

    return read_trade_matrix(shared_data / MATRIX)


@pytest.fixture(scope="module")
def dza(trade) -> ExportProfile:
    return export_profile(trade, "DZA", opportunities=30)


@pytest.fixture(scope="module")
def reference(trade) -> dict:
    """The complexity sample and Algeria's density and COG by plain NumPy formulas."""
    X = trade.to_numpy()
    keep_r, keep_c = X.sum(axis=1) >= 1e9, X.sum(axis=0) >= 1e7
    S = X[keep_r][:, keep_c]
    R = (S / S.sum(axis=1, keepdims=True)) / (S.sum(axis=0) / S.sum())
    M = (R >= 1).astype(float)
    ok_r, ok_c = M.sum(axis=1) > 0, M.sum(axis=0) > 0
    M = M[ok_r][:, ok_c]
    countries = trade.index[keep_r][ok_r]
    products = trade.columns[keep_c][ok_c]
    C = M.T @ M
    u = np.diag(C)
    phi = C / np.maximum(u[:, None], u[None, :])
    np.fill_diagonal(phi, 0.0)
    res = eci_pci(pd.DataFrame(M, index=countries, columns=products))
    m = M[list(countries).index("DZA")]
    density = (m @ phi) / phi.sum(axis=0)
    kp = res.kp_raw
    # COG_p = (1 - m_p) sum_p' phi_pp' / (sum_p'' phi_p'p'') (1 - m_p') kp_p', in s.d. of kc
    cog = (1 - m) * (phi @ ((1 - m) * kp / phi.sum(axis=1))) / res.kc_raw.std()
    return {
        "countries": countries,
        "products": products,
        "M": M,
        "m": m,
        "phi": phi,
        "density": pd.Series(density, index=products),
        "cog": pd.Series(cog, index=products),
        "eci": res.eci,
        "pci": res.pci,
    }


@pytest.mark.shared
def test_the_issue_facts(trade, dza):
    assert dza.diversity == 25
    rca = {p.product: p.rca for p in dza.products}
    assert rca["PetroleumGas"] == pytest.approx(31.23, abs=0.01)
    assert rca["NitrogenousFertilizers"] == pytest.approx(29.38, abs=0.01)
    assert rca["TropicalFruits"] == pytest.approx(7.41, abs=0.01)  # dates, HS 0804
    for country, count in (("MAR", 173), ("TUN", 226)):
        assert export_profile(trade, country, opportunities=0).diversity == count


@pytest.mark.shared
def test_rca_and_shares_by_plain_formulas(trade, dza):
    row, world = trade.loc["DZA"], trade.sum(axis=0)
    rca = (row / row.sum()) / (world / world.sum())
    expected = rca[rca >= 1]
    got = pd.Series({p.product: p.rca for p in dza.products})
    pd.testing.assert_series_equal(
        got.sort_index(), expected.sort_index(), check_names=False, rtol=1e-12
    )
    assert [p.share for p in dza.products] == sorted((p.share for p in dza.products), reverse=True)
    assert sum(p.value for p in dza.products) == pytest.approx(row[expected.index].sum(), rel=1e-12)
    assert dza.total == pytest.approx(row.sum())


@pytest.mark.shared
def test_eci_pci_and_rank_on_the_sample(dza, reference):
    eci = reference["eci"]
    assert dza.eci == pytest.approx(eci["DZA"], abs=1e-9)
    assert dza.eci_rank == int((eci > eci["DZA"]).sum()) + 1
    assert dza.n_countries == len(reference["countries"]) == 155
    pci = reference["pci"]
    for p in dza.products:
        if p.pci is not None:
            assert p.pci == pytest.approx(pci[p.product], abs=1e-9)
    assert dza.method["sample_products"] == len(reference["products"])


@pytest.mark.shared
def test_density_cog_and_scores_by_plain_formulas(dza, reference):
    density, cog = reference["density"], reference["cog"]
    for o in dza.opportunities:
        assert o.density == pytest.approx(density[o.product], abs=1e-12)
        assert o.cog == pytest.approx(cog[o.product], abs=1e-9)
        assert o.rca < 1
    # the score over every candidate, recomputed: the 30 best, in order
    absent = (reference["m"] == 0) & (
        pd.Series({p.product: p.rca for p in dza.products}, dtype=float)
        .reindex(reference["products"])
        .fillna(0)
        .to_numpy()
        < 1
    )
    d, g = density[absent], cog[absent]
    score = 0.5 * (d - d.mean()) / d.std(ddof=0) + 0.5 * (g - g.mean()) / g.std(ddof=0)
    best = score.sort_values(ascending=False, kind="stable").head(30)
    assert [o.product for o in dza.opportunities] == list(best.index)
    assert [o.score for o in dza.opportunities] == pytest.approx(list(best), abs=1e-9)


@pytest.mark.shared
def test_nearest_products_are_exported_and_the_closest(dza, reference):
    products = list(reference["products"])
    phi, m = reference["phi"], reference["m"]
    for o in dza.opportunities[:5]:
        j = products.index(o.product)
        held = np.flatnonzero(m)
        best = sorted(held, key=lambda k: -phi[k, j])[:3]
        assert o.near == tuple(products[k] for k in best)
        assert "close to" in o.reasons[-1]


@pytest.mark.shared
def test_the_suite_gives_the_same_position(trade, dza):
    S = trade.loc[trade.sum(axis=1) >= 1e9, trade.sum(axis=0) >= 1e7]
    suite = complexity_suite(S, engine="numpy")
    assert suite.rows.loc["DZA", "eci"] == pytest.approx(dza.eci, abs=1e-9)
    assert suite.rows.loc["DZA", "coi"] == pytest.approx(dza.coi, abs=1e-9)
    for o in dza.opportunities[:10]:
        assert suite.density.loc["DZA", o.product] == pytest.approx(o.density, abs=1e-12)
        assert suite.cog.loc["DZA", o.product] == pytest.approx(o.cog, abs=1e-9)


@pytest.mark.shared
def test_eci_against_the_oec_published_values(shared_data, trade, reference):
    oec = pd.read_csv(shared_data / "economic_complexity/oec_eci_trade_1998_2022.csv")
    oec = oec[oec["year"] == 2020].set_index("iso3")["eci"]
    eci = reference["eci"]
    common = eci.index.intersection(oec.index)
    assert len(common) == 128
    # 0.959 without the sample's filters (PROVENANCE.md); 0.965 with them
    assert np.corrcoef(eci[common], oec[common])[0, 1] > 0.96


@pytest.mark.shared
def test_a_country_outside_the_sample_is_projected(trade, reference):
    p = export_profile(trade, "TUV", opportunities=3)
    assert not p.in_sample and "projected" in p.method["eci"]
    assert p.diversity == len(p.products) and np.isfinite(p.eci) and np.isfinite(p.coi)
    assert 1 <= p.eci_rank <= p.n_countries + 1
    assert len(p.opportunities) == 3


@pytest.mark.shared
def test_reasons_are_translated(dza):
    reason = dza.opportunities[0].reasons[0]
    assert translate(reason, "fr").startswith("densité de proximité")
    assert translate(reason, "ar") != str(reason)


@pytest.mark.shared
def test_export_opportunities_is_the_profile_s(trade, dza):
    assert export_opportunities(trade, "DZA", opportunities=5) == dza.opportunities[:5]


@pytest.mark.parametrize("module", ["grappe.complexity.exports", "grappe.complexity._export_types"])
def test_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.shared
def test_the_nearest_products_are_named_in_the_language_of_the_records(trade):
    from grappe.io.trade import product_labels

    codes, names, _ = product_labels(trade.columns)
    profile = export_profile(trade, "DZA", codes=codes, names=names, opportunities=1, exclude=())
    first = profile.opportunities[0]
    assert first.near[0] == "TropicalFruits" and first.near_names[0]["fr"].startswith("Dattes")
    french = profile.to_records(kind="opportunities", lang="fr")[0]["reasons"]
    assert "proche de Dattes, figues" in french
    english = profile.to_records(kind="opportunities", lang="en")[0]["reasons"]
    assert "close to Tropical fruits / Cement / Raw sugar" in english


def test_a_country_exporting_only_products_outside_the_sample():
    rare = TOY.assign(Rare=0.0)
    rare.loc["E"] = [0.0, 0.0, 0.0, 0.0, 1.0]
    p = export_profile(rare, "E", min_country_exports=1, min_product_exports=2)
    assert not p.in_sample and np.isnan(p.eci) and p.eci_rank == 0
    assert [q.product for q in p.products] == ["Rare"] and q_pci_is_none(p)


def q_pci_is_none(profile):
    return all(q.pci is None for q in profile.products)


def test_year_must_be_a_year():
    with pytest.raises(InvalidParameterError, match="'year' parameter"):
        export_profile(TOY, "C", year=20, **OPEN)


@pytest.mark.shared
def test_extractive_products_are_left_out_of_the_opportunities_by_default(trade, reference):
    from grappe.complexity.exports import EXTRACTIVE
    from grappe.io.trade import product_labels

    codes, _, _ = product_labels(trade.columns)
    every = export_profile(trade, "DZA", codes=codes, opportunities=30, exclude=())
    default = export_profile(trade, "DZA", codes=codes, opportunities=30)
    assert every.opportunities[0].code == "7108"  # gold, only because poor countries export it
    assert not any(o.code.startswith(EXTRACTIVE) for o in default.opportunities)
    assert default.method["excluded_from_opportunities"] == list(EXTRACTIVE)
    # the ranking over the products left, recomputed by the plain formulas
    density, cog = reference["density"], reference["cog"]
    held = {p.product for p in default.products}
    keep = [
        p
        for k, p in enumerate(reference["products"])
        if reference["m"][k] == 0
        and p not in held
        and not (codes.get(p) or "").startswith(EXTRACTIVE)
    ]
    d, g = density[keep], cog[keep]
    score = 0.5 * (d - d.mean()) / d.std(ddof=0) + 0.5 * (g - g.mean()) / g.std(ddof=0)
    best = score.sort_values(ascending=False, kind="stable").head(30)
    assert [o.product for o in default.opportunities] == list(best.index)
    # ECI and the products with an advantage do not change
    assert default.eci == every.eci and default.products == every.products


def test_exclude_takes_hs_codes_only():
    with pytest.raises(InvalidParameterError, match="'exclude' parameter of export_profile takes"):
        export_profile(TOY, "C", exclude=("gold",), **OPEN)
