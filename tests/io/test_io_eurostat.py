"""The generic reader on a real Eurostat extract (NACE Rev.2 sections × NUTS regions).

The expectations come from the file itself: sections add up to ``TOTAL`` but for the ``NRP``
(no response) group, and the unfiltered file repeats each key once per age group.
"""

from __future__ import annotations

import pandas as pd
import pytest

from grappe.codes import check_single_level
from grappe.errors import DataValidationError
from grappe.io import read_regional_table

COLUMNS = {"geo": "region", "nace_r2": "industry", "year": "year", "value": "employment"}
FILE = "eu_nuts2_employment_nace/eurostat_lfst_r_lfe2en2_2008_2015_long.csv.gz"


@pytest.mark.shared
def test_unfiltered_file_is_refused_with_its_real_problems(shared_data):
    with pytest.raises(DataValidationError) as info:
        read_regional_table(shared_data / FILE, columns=COLUMNS, classification="nace2")
    messages = [i.message for i in info.value.issues]
    assert any("'NRP' is not a well-formed nace2 code" in m for m in messages)
    assert any(m.startswith("duplicate key (geo, nace_r2, year)") for m in messages)
    assert all(i.file.endswith(".csv.gz") for i in info.value.issues)


@pytest.mark.shared
def test_nuts2_sections_add_up_to_the_total(shared_data, tmp_path):
    raw = pd.read_csv(shared_data / FILE, dtype=str, keep_default_na=False)
    subset = raw[(raw["age"] == "Y_GE15") & (raw["nuts_level"] == "2") & (raw["nace_r2"] != "NRP")]
    path = tmp_path / "nuts2.csv"
    subset.to_csv(path, index=False)
    table = read_regional_table(
        path,
        columns=COLUMNS,
        classification="nace2",
        region_type="nuts2",
        withheld="drop",
    )
    assert len(table.regions) == subset["geo"].nunique() == 335
    assert len(table.data) == (subset["value"] != "").sum()
    codes = table.data["industry"].astype(str).unique()
    with pytest.raises(DataValidationError, match="'TOTAL' contains"):
        check_single_level(codes, classification="nace2")
    sections = read_regional_table(
        path, columns=COLUMNS, classification="nace2", withheld="drop", levels=(1,)
    )
    check_single_level(sections.data["industry"].astype(str).unique(), classification="nace2")
    total = read_regional_table(
        path, columns=COLUMNS, classification="nace2", withheld="drop", levels=(0,)
    )
    by_region = sections.data.groupby(["region", "year"], observed=True)["employment"].agg(
        ["sum", "count"]
    )
    complete = by_region[by_region["count"] == 10]
    share = complete["sum"] / total.data.set_index(["region", "year"])["employment"].reindex(
        complete.index
    )
    # Published figures are rounded to 0.1 thousand; the gap is the NRP group.
    assert share.max() <= 1.002
    assert share.median() > 0.99
