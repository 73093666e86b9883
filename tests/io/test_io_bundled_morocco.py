"""Package "morocco" (issue 16): the bundled HCP tables and their cluster maps.

Figures are recomputed here from the CSV files by hand (a location quotient is the sector's
share in the unit over its share in Morocco), not through grappe's kernels.
"""

from __future__ import annotations

import csv
import doctest
from collections import defaultdict

import pytest

import grappe.io.bundled_ma as bundled_ma
from grappe.errors import InvalidParameterError
from grappe.io.bundled_ma import bundled_ma_map, bundled_ma_maps, bundled_ma_units
from grappe.io.presets import bundled_path


def _rows(name):
    with bundled_path("ma", name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _counts(name, level, code_col, value_col):
    out = defaultdict(dict)
    for row in _rows(name):
        if row["level"] == level and (level == "region" or len(row[code_col]) == 6):
            out[row[code_col]][row["sector"]] = float(row[value_col])
    return out


def _lq(counts, unit, sector):
    nation = defaultdict(float)
    for sectors in counts.values():
        for s, v in sectors.items():
            nation[s] += v
    share = counts[unit][sector] / sum(counts[unit].values())
    return share / (nation[sector] / sum(nation.values()))


def test_the_bundle_is_the_staged_hcp_data(shared_data):
    staged = shared_data / "ma_hcp_census_regional"
    for name in ("establishments_2024_by_sector.csv", "employed_2014_by_sector.csv",
                 "regions_provinces_2024.csv"):  # fmt: skip
        assert bundled_path("ma", name).read_bytes() == (staged / name).read_bytes(), name
    provenance = bundled_path("ma", "PROVENANCE.md").read_text(encoding="utf-8")
    for needed in ("CC BY 4.0", "Haut-Commissariat au Plan, RGPH 2024", "RGPH 2014",
                   "What was changed"):  # fmt: skip
        assert needed in provenance


def test_units_are_12_regions_and_75_provinces_with_arabic_names():
    units = bundled_ma_units()
    assert units["level"].value_counts().to_dict() == {"province": 75, "region": 12}
    assert units["name_ar"].str.strip().ne("").all()
    fes = units.set_index("code").loc["03.231"]
    assert (fes["name_fr"], fes["name_ar"], fes["region_code"]) == ("Fès", "فاس", "03")
    regions = set(units.loc[units["level"] == "region", "code"])
    assert set(units.loc[units["level"] == "province", "region_code"]) == regions


@pytest.mark.parametrize(
    ("level", "measure", "name", "code_col", "value_col", "unit", "sector"),
    [
        ("province", "establishments", "establishments_2024_by_sector.csv", "code",
         "establishments", "03.231", "industry"),  # Fès, the crafts capital
        ("province", "establishments", "establishments_2024_by_sector.csv", "code",
         "establishments", "06.141", "services"),  # Casablanca
        ("region", "establishments", "establishments_2024_by_sector.csv", "code",
         "establishments", "06", "commerce"),
        ("region", "employment", "employed_2014_by_sector.csv", "code_2014",
         "employed_derived", "03", "agriculture"),  # Fès-Meknès
        ("province", "employment", "employed_2014_by_sector.csv", "code_2014",
         "employed_derived", "06.141", "market_services"),
    ],
)  # fmt: skip
def test_lq_and_share_equal_a_computation_by_hand(
    level, measure, name, code_col, value_col, unit, sector
):
    counts = _counts(name, level, code_col, value_col)
    cmap = bundled_ma_map(level=level, measure=measure)
    ind = cmap.indicators.set_index(["region", "cluster"])
    row = ind.loc[(unit, sector)]
    assert float(row["lq"]) == pytest.approx(_lq(counts, unit, sector))
    national = sum(c[sector] for c in counts.values())
    assert float(row["national_share"]) == pytest.approx(counts[unit][sector] / national)
    assert float(row[measure]) == counts[unit][sector]
    assert len(ind) == len(counts) * len(counts[unit])


def test_parameters_record_measure_year_level_and_source():
    maps = bundled_ma_maps()
    assert len(maps) == 4
    for (level, measure), cmap in maps.items():
        p = cmap.parameters
        assert (p["level"], p["measure"]) == (level, measure)
        assert p["year"] == (2024 if measure == "establishments" else 2014)
        assert "Haut-Commissariat au Plan" in p["source"]
        assert cmap.lq_convention == "total"
    # the 75 provinces add up to Morocco in the establishments file (checked by HCP's total)
    rows = _rows("establishments_2024_by_sector.csv")
    country = {r["sector"]: float(r["establishments"]) for r in rows if r["level"] == "country"}
    national = maps[("province", "establishments")].national.set_index("cluster")
    for sector, total in country.items():
        assert float(national.loc[sector, "establishments"]) == total


def test_bad_level_or_measure_is_refused():
    with pytest.raises(InvalidParameterError, match=r"'level' parameter of bundled_ma_map.*"
                       r"'commune'"):  # fmt: skip
        bundled_ma_map(level="commune")
    with pytest.raises(InvalidParameterError, match=r"'measure' parameter of bundled_ma_map.*"
                       r"'payroll'"):  # fmt: skip
        bundled_ma_map(measure="payroll")


def test_docstring_examples():
    result = doctest.testmod(bundled_ma, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
