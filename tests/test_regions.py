"""User-defined regions: RegionSet, its readers, and aggregate_regions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io import read_region_set, read_regional_table
from grappe.model import REGIONAL_COLUMNS, RegionalTable
from grappe.regions import RegionSet, aggregate_regions


def toy_table() -> RegionalTable:
    data = pd.DataFrame(
        {
            "region": ["a", "b", "c", "a", "b", "a"],
            "industry": ["11", "11", "11", "21", "21", "11"],
            "year": np.array([2019, 2019, 2019, 2019, 2019, 2020], dtype=np.int16),
            "employment": [5.0, 7.0, 2.0, 1.0, 0.0, 6.0],
            "establishments": [1.0, 2.0, 1.0, 1.0, 3.0, 1.0],
            "payroll": [10.0, np.nan, 4.0, np.nan, np.nan, 12.0],
            "withheld": [False, False, False, False, True, False],
        }
    )
    return RegionalTable(data, classification="naics2017", region_type="county")


def test_aggregate_by_hand():
    regions = RegionSet.from_mapping(
        {"ab": ["a", "b"], "c": ["c"]}, names={"ab": "A and B"}, region_type="metro"
    )
    out = aggregate_regions(toy_table(), regions)
    assert list(out.data.columns) == list(REGIONAL_COLUMNS)
    rows = out.data.astype({"region": str, "industry": str}).values.tolist()
    nan = rows[2][5]
    assert np.isnan(nan)
    assert rows == [
        ["ab", "11", 2019, 12.0, 3.0, 10.0, False],
        ["ab", "11", 2020, 6.0, 1.0, 12.0, False],
        ["ab", "21", 2019, 1.0, 4.0, nan, True],  # payroll unknown in both members
        ["c", "11", 2019, 2.0, 1.0, 4.0, False],
    ]
    assert out.region_type == "metro"
    assert out.region_name("ab") == "A and B" and out.region_name("c") == "c"
    assert out.data["year"].dtype == np.int16


def test_overlap_is_refused_unless_allowed():
    with pytest.raises(
        DataValidationError,
        match=r"member 'b' belongs to several regions.*"
        r"overlap='allow'",
    ):
        RegionSet.from_mapping({"ab": ["a", "b"], "bc": ["b", "c"]})
    regions = RegionSet.from_mapping({"ab": ["a", "b"], "bc": ["b", "c"]}, overlap="allow")
    out = aggregate_regions(toy_table(), regions).data
    got = out[(out["industry"] == "11") & (out["year"] == 2019)]
    assert got.set_index(got["region"].astype(str))["employment"].to_dict() == {
        "ab": 12.0,
        "bc": 9.0,
    }


def test_set_validation_errors():
    with pytest.raises(DataValidationError, match="region 'x' has no members"):
        RegionSet.from_mapping({"x": []})
    with pytest.raises(DataValidationError, match="member 'a' is listed twice in region 'x'"):
        RegionSet.from_mapping({"x": ["a", "a"]})
    with pytest.raises(DataValidationError, match="has no regions"):
        RegionSet(pd.DataFrame({"region": [], "member": []}))
    with pytest.raises(InvalidParameterError, match="'members' parameter of RegionSet"):
        RegionSet(pd.DataFrame({"region": ["x"]}))
    with pytest.raises(InvalidParameterError, match="'overlap' parameter of RegionSet"):
        RegionSet.from_mapping({"x": ["a"]}, overlap="sometimes")
    with pytest.raises(InvalidParameterError, match="'regions' parameter"):
        RegionSet.from_mapping([("x", "a")])


def test_unknown_members_and_bad_arguments():
    regions = RegionSet.from_mapping({"x": ["a", "zz"]})
    with pytest.raises(DataValidationError, match="member 'zz' of region 'x' is not a region"):
        aggregate_regions(toy_table(), regions)
    with pytest.raises(InvalidParameterError, match="'table' parameter of aggregate_regions"):
        aggregate_regions(toy_table().data, regions)
    with pytest.raises(InvalidParameterError, match="'region_set' parameter"):
        aggregate_regions(toy_table(), {"x": ["a"]})


def test_read_region_set_csv_and_yaml(tmp_path):
    csv = tmp_path / "r.csv"
    csv.write_text("region,member,name\nN,10003,North\nS,10001,South\nS, 10005 ,South\n")
    regions = read_region_set(csv)
    assert regions.members.values.tolist() == [["N", "10003"], ["S", "10001"], ["S", "10005"]]
    assert dict(regions.names) == {"N": "North", "S": "South"}
    yml = tmp_path / "r.yaml"
    yml.write_text(
        "region_type: wilaya_group\nregions:\n  - region: NORTH\n    name: Nord\n"
        "    members: ['16', '09']\n"
    )
    regions = read_region_set(yml)
    assert regions.region_type == "wilaya_group"
    assert regions.members["member"].tolist() == ["16", "09"]


@pytest.mark.parametrize(
    ("name", "text", "match"),
    [
        ("r.csv", "zone,member\nN,1\n", "required column 'region' is missing"),
        ("r.csv", "region,member\nN,1\nM,1\n", "member '1' belongs to several regions"),
        ("r.csv", "region,member\nN,1\nN,\n", r"r\.csv, row 3: a region or member code is empty"),
        ("r.yaml", "regions: [\n", "not valid YAML"),
        ("r.yaml", "zones: []\n", "no list 'regions'"),
        ("r.yaml", "regions:\n  - name: x\n", r"regions\[0\].*no 'region' code"),
        ("r.yaml", "regions:\n  - region: x\n", "region 'x' has no list 'members'"),
    ],
)
def test_read_region_set_errors(tmp_path, name, text, match):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(DataValidationError, match=match):
        read_region_set(path)


def test_read_region_set_parameter_errors(tmp_path):
    with pytest.raises(NotFoundError, match="No such file"):
        read_region_set(tmp_path / "absent.csv")
    with pytest.raises(InvalidParameterError, match="'path' parameter of read_region_set"):
        read_region_set(tmp_path / "r.json")
    with pytest.raises(InvalidParameterError, match="'overlap' parameter of read_region_set"):
        read_region_set(tmp_path / "r.csv", overlap="yes")


def test_delaware_counties_add_up_to_a_custom_region(fixtures):
    table = read_regional_table(
        fixtures / "cbp_delaware" / "cbp_county_delaware.parquet", source="cbp", levels=(0, 2)
    )
    regions = RegionSet.from_mapping({"DE": ["10001", "10003", "10005"]}, names={"DE": "All"})
    out = aggregate_regions(table, regions)
    expected = table.data.groupby(["industry", "year"], observed=True)["employment"].sum()
    got = out.data.set_index(["industry", "year"])["employment"]
    pd.testing.assert_series_equal(
        got.sort_index(), expected.reindex(got.index).sort_index(), check_names=False
    )
    withheld = table.data.groupby(["industry", "year"], observed=True)["withheld"].any()
    assert (
        out.data.set_index(["industry", "year"])["withheld"] == withheld.reindex(got.index)
    ).all()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(list("abcdef")),
            st.sampled_from(["11", "21"]),
            st.integers(2019, 2020),
            st.integers(0, 100),
            st.booleans(),
        ),
        min_size=1,
        max_size=25,
        unique_by=lambda r: r[:3],
    ),
    st.lists(st.integers(0, 2), min_size=6, max_size=6),
)
def test_a_partition_keeps_every_total(rows, groups):
    data = pd.DataFrame(rows, columns=["region", "industry", "year", "employment", "withheld"])
    data = data.assign(
        year=data["year"].astype(np.int16),
        employment=data["employment"].astype(float),
        establishments=1.0,
        payroll=np.nan,
    )[list(REGIONAL_COLUMNS)]
    table = RegionalTable(data)
    present = sorted(data["region"].unique())
    mapping: dict[str, list[str]] = {}
    for region, group in zip(present, groups, strict=False):
        mapping.setdefault(f"g{group}", []).append(region)
    out = aggregate_regions(table, RegionSet.from_mapping(mapping)).data
    assert out["employment"].sum() == data["employment"].sum()
    assert out["establishments"].sum() == data["establishments"].sum()
    assert out["withheld"].sum() <= data["withheld"].sum()
    assert out["withheld"].any() == data["withheld"].any()
    assert out["payroll"].isna().all()
    assert data.equals(table.data)  # the input is not mutated
