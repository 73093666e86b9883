"""read_regional_table(measure=): tables of firm counts without an employment column."""

from __future__ import annotations

import numpy as np
import pytest

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.io import read_regional_table

FIRMS = "wilaya,sector,year,smes\n16,C,2020,120\n16,G,2020,400\n09,C,2020,30\n09,G,2020,\n"
COLUMNS = {"wilaya": "region", "sector": "industry", "year": "year", "smes": "establishments"}


def test_reads_firm_counts_without_employment(tmp_path):
    path = tmp_path / "smes.csv"
    path.write_text(FIRMS)
    table = read_regional_table(path, columns=COLUMNS, measure="establishments")
    data = table.data
    assert data["employment"].isna().all()
    np.testing.assert_array_equal(data["establishments"], [120.0, 400.0, 30.0, np.nan])
    # nothing is withheld: the withheld policies are about employment, which is unknown here
    assert not data["withheld"].any()


def test_the_measure_column_is_required(tmp_path):
    path = tmp_path / "smes.csv"
    path.write_text(FIRMS)
    with pytest.raises(DataValidationError, match="smes.csv.*required column 'employment'"):
        read_regional_table(path, columns=COLUMNS)
    jobs = {"wilaya": "region", "sector": "industry", "smes": "employment"}
    with pytest.raises(DataValidationError, match="required column 'establishments' is missing"):
        read_regional_table(path, columns=jobs, measure="establishments")
    with pytest.raises(InvalidParameterError, match="'measure' parameter of read_regional_table"):
        read_regional_table(path, columns=COLUMNS, measure="firms")


def test_an_employment_column_keeps_its_withheld_policy(tmp_path):
    path = tmp_path / "both.csv"
    path.write_text(
        "region,industry,year,employment,establishments\nA,C,2020,,3\nA,G,2020,4,1\nB,C,2020,5,1\n"
    )
    with pytest.raises(DataValidationError, match="employment value is withheld"):
        read_regional_table(path, measure="establishments")
    table = read_regional_table(path, measure="establishments", withheld="keep_zero")
    assert table.data["employment"].tolist() == [0.0, 4.0, 5.0]
