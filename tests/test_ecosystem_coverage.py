"""Coverage kernels on hand-made bodies: counts per area, rates, types lacking nearby; and the
io composition (attribution by coordinates) with its errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from grappe.ecosystem import coverage_by_area, coverage_rates, types_lacking_within
from grappe.errors import DataValidationError, InvalidParameterError
from grappe.io.ecosystem import ecosystem_coverage

# Biskra town, Tolga (about 35 km west), and a body in Médéa given no area
BODIES = pd.DataFrame(
    {
        "actor_type": ["anade", "cnrc", "banks/bna", "banks/agb", "anade"],
        "name": ["A Biskra", "C Biskra", "B Biskra", "G Tolga", "A nowhere"],
        "wilaya_code": [7, 7, 7, 7, None],
        "lat": [34.85, 34.85, 34.85, 34.72, 36.0],
        "lon": [5.73, 5.73, 5.73, 5.38, 3.0],
        "area": ["07", "07", "07", "07", None],
    }
)


def test_coverage_by_area_counts_and_zero_rows():
    out = coverage_by_area(BODIES, area_column="area", areas=["07", "51"])
    assert out.to_dict("list") == {
        "area": ["07", "51"],
        "anade": [1, 0],
        "banks/agb": [1, 0],
        "banks/bna": [1, 0],
        "cnrc": [1, 0],
        "total": [4, 0],
    }
    assert out.attrs == {"unattributed": 1, "outside_areas": 0}
    only = coverage_by_area(BODIES, area_column="area", areas=["51"], types=["banks"])
    assert only["total"].tolist() == [0] and only.attrs["outside_areas"] == 2


def test_coverage_by_area_errors():
    with pytest.raises(InvalidParameterError, match="'area_column' parameter of coverage_by_area"):
        coverage_by_area(BODIES, area_column="wilaya_69")
    with pytest.raises(InvalidParameterError, match=r"unknown types \['ansej'\]"):
        coverage_by_area(BODIES, area_column="area", types=["ansej"])
    with pytest.raises(DataValidationError, match="lacks the columns"):
        coverage_by_area(BODIES.drop(columns="lat"), area_column="area")


def test_rates_by_hand():
    counts = pd.DataFrame({"area": ["07", "51", "61"], "anade": [3, 1, 0], "total": [9, 2, 0]})
    out = coverage_rates(counts, pd.Series({"07": 500_000, "51": 0}), columns=["anade", "total"])
    assert out["total_per_10k_inhabitants"].tolist()[0] == pytest.approx(0.18)
    assert out["anade_per_10k_inhabitants"].tolist()[0] == pytest.approx(0.06)
    assert np.isnan(out["total_per_10k_inhabitants"].iloc[1])  # no population: no rate
    assert np.isnan(out["total_per_10k_inhabitants"].iloc[2])  # not in the denominator
    assert "anade_per_10k_inhabitants" not in counts.columns  # input untouched
    per_sme = coverage_rates(counts, pd.Series({"07": 3000}), per=1000, suffix="per_1000_smes")
    assert per_sme["total_per_1000_smes"].iloc[0] == pytest.approx(3.0)


def test_rates_errors():
    counts = pd.DataFrame({"area": ["07"], "total": [9]})
    with pytest.raises(InvalidParameterError, match="'per' parameter of coverage_rates"):
        coverage_rates(counts, pd.Series({"07": 1}), per=0)
    with pytest.raises(InvalidParameterError, match=r"names columns \['cnrc'\]"):
        coverage_rates(counts, pd.Series({"07": 1}), columns=["cnrc"])
    with pytest.raises(InvalidParameterError, match="counts of at least 0"):
        coverage_rates(counts, pd.Series({"07": -5}))


def test_lacking_within_by_hand():
    points = pd.DataFrame({"code": ["biskra", "tolga"], "lat": [34.85, 34.72], "lon": [5.73, 5.38]})
    out = types_lacking_within(BODIES, points, radius_km=10)
    assert out["lacking"].tolist() == ["", "anade, cnrc"]
    # Biskra–Tolga: about 35 km apart
    assert out.loc[1, "nearest_km:anade"] == pytest.approx(35.0, abs=1.5)
    wider = types_lacking_within(BODIES, points, radius_km=50, types=["banks/agb", "cnrc"])
    assert wider["lacking"].tolist() == ["", ""]
    narrow = types_lacking_within(BODIES, points, radius_km=1, types=["banks/agb"])
    assert narrow["lacking"].tolist() == ["banks/agb", ""]


def test_lacking_within_errors():
    points = pd.DataFrame({"code": ["x"], "lat": [34.85], "lon": [5.73]})
    with pytest.raises(InvalidParameterError, match="'radius_km' parameter .* at least 0"):
        types_lacking_within(BODIES, points, radius_km=-1)
    with pytest.raises(InvalidParameterError, match="'radius_km' parameter"):
        types_lacking_within(BODIES, points, radius_km=float("inf"))
    with pytest.raises(InvalidParameterError, match="columns code, lat, lon"):
        types_lacking_within(BODIES, points.drop(columns="code"), radius_km=5)
    with pytest.raises(InvalidParameterError, match="unknown types"):
        types_lacking_within(BODIES, points, radius_km=5, types=["ansej"])


def test_ecosystem_coverage_attributes_by_coordinates():
    bodies = BODIES.drop(columns="area").assign(wilaya_code=pd.array([30] * 5, dtype="Int64"))
    out = ecosystem_coverage(bodies, division=48).set_index("wilaya_code")
    # the file says 30 (Ouargla): the coordinates say Biskra (4) and Médéa (1)
    assert out.loc["07", "total"] == 4 and out.loc["26", "total"] == 1
    assert out.loc["30", "total"] == 0
    assert out.attrs["level"] == "wilaya" and out.attrs["division"] == 48
    assert len(out) == 48


def test_ecosystem_coverage_errors():
    bodies = BODIES.drop(columns="area")
    with pytest.raises(InvalidParameterError, match="'level' parameter of ecosystem_coverage"):
        ecosystem_coverage(bodies, level="daira")
    with pytest.raises(InvalidParameterError, match="'smes' parameter .* level='wilaya'"):
        ecosystem_coverage(bodies, level="commune", smes=pd.Series({"07": 5.0}))
    with pytest.raises(InvalidParameterError, match="'division' parameter of wilayas"):
        ecosystem_coverage(bodies, division=57)
