"""The crosswalk kernel on hand-made units: shares, exact aggregation, apportioning, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from grappe.divisions import convert_counts, division_shares, points_in_polygons
from grappe.errors import DataValidationError, InvalidParameterError

# old region A splits into a1 and a2; B stays whole (as 07 → 07, 51 and 16 → 16)
UNITS = pd.DataFrame(
    {
        "old": ["A", "A", "A", "B"],
        "new": ["a1", "a1", "a2", "B"],
        "pop": [30.0, 10.0, 60.0, np.nan],
    }
)


def test_shares_by_weight_and_by_count_when_weight_missing():
    shares = division_shares(UNITS, source="old", target="new", weight="pop")
    assert shares.to_dict("list") == {
        "source": ["A", "A", "B"],
        "target": ["a1", "a2", "B"],
        "units": [2, 1, 1],
        "weight": [40.0, 60.0, 0.0],
        "share": [0.4, 0.6, 1.0],  # B has no population: shared by unit count
    }
    plain = division_shares(UNITS, source="old", target="new")
    assert plain["share"].tolist() == pytest.approx([2 / 3, 1 / 3, 1.0])


def test_aggregation_is_exact_and_keeps_other_keys():
    fine = pd.DataFrame(
        {"new": ["a1", "a2", "B", "a1"], "sector": ["C", "C", "C", "G"], "n": [1, 2, 4, 8]}
    )
    out = convert_counts(fine, UNITS, source="new", target="old", region_column="new")
    assert out.to_dict("list") == {
        "new": ["A", "A", "B"],
        "sector": ["C", "G", "C"],
        "n": [3, 8, 4],
    }
    assert out["n"].dtype == np.int64


def test_apportion_by_weight_shares_the_counts():
    coarse = pd.DataFrame({"region": ["A", "B"], "n": [10.0, 5.0]})
    out = convert_counts(coarse, UNITS, source="old", target="new", apportion="pop")
    assert out.set_index("region")["n"].to_dict() == pytest.approx({"a1": 4.0, "a2": 6.0, "B": 5.0})
    assert out.attrs["split_regions"] == ["A"]


def test_nan_counts_stay_nan_and_flags_are_ored():
    fine = pd.DataFrame({"region": ["a1", "a2"], "n": [np.nan, np.nan], "w": [True, False]})
    out = convert_counts(fine, UNITS, source="new", target="old", flag_columns=["w"])
    assert out["n"].isna().all()
    assert out["w"].tolist() == [True]


@given(st.lists(st.floats(0, 1e6), min_size=2, max_size=2))
def test_apportioning_keeps_totals(counts):
    coarse = pd.DataFrame({"region": ["A", "B"], "n": counts})
    out = convert_counts(coarse, UNITS, source="old", target="new", apportion="pop")
    assert out["n"].sum() == pytest.approx(sum(counts))


def test_split_region_without_apportion_is_refused():
    coarse = pd.DataFrame({"region": ["A"], "n": [10.0]})
    with pytest.raises(InvalidParameterError, match=r"A → a1, a2.*apportion='population'"):
        convert_counts(coarse, UNITS, source="old", target="new")


def test_unknown_code_names_row_and_column():
    frame = pd.DataFrame({"region": ["A", "Z"], "n": [1, 2]})
    with pytest.raises(DataValidationError, match=r"t\.csv, row 3, column 'region': 'Z'"):
        convert_counts(frame, UNITS, source="old", target="new", apportion="pop", file="t.csv")


def test_bad_parameters():
    frame = pd.DataFrame({"region": ["A"], "n": [1]})
    with pytest.raises(InvalidParameterError, match="'apportion' parameter of convert_counts"):
        convert_counts(frame, UNITS, source="old", target="new", apportion="area")
    with pytest.raises(InvalidParameterError, match="must have the columns"):
        convert_counts(frame, UNITS, source="old", target="newer")
    with pytest.raises(InvalidParameterError, match="with the column 'wilaya'"):
        convert_counts(frame, UNITS, source="old", target="new", region_column="wilaya")
    with pytest.raises(InvalidParameterError, match=r"names columns \['jobs'\]"):
        convert_counts(frame, UNITS, source="old", target="new", value_columns=["jobs"])
    with pytest.raises(InvalidParameterError, match="'units' parameter of division_shares"):
        division_shares([1, 2], source="old", target="new")


def test_points_in_polygons_border_and_errors():
    from shapely.geometry import box

    polys = [box(0, 0, 1, 1), box(1, 0, 2, 1)]
    assert points_in_polygons(polys, [1.0, np.nan], [0.5, 0.5]).tolist() == [0, -1]
    assert points_in_polygons([], [0.5], [0.5]).tolist() == [-1]
    with pytest.raises(InvalidParameterError, match="same length"):
        points_in_polygons(polys, [0.5, 0.6], [0.5])
    with pytest.raises(InvalidParameterError, match="must be numbers"):
        points_in_polygons(polys, ["east"], [0.5])
