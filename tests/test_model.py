"""The shared data model: construction checks and stacking tables from several files."""

from __future__ import annotations

import pandas as pd
import pytest

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.model import ClusterDefinitions, RegionalTable, concat_tables


def _rows(year, region="A", emp=5.0):
    return pd.DataFrame(
        {
            "region": [region],
            "industry": ["11"],
            "year": [year],
            "employment": [emp],
            "establishments": [1.0],
            "payroll": [2.0],
            "withheld": [False],
        }
    )


def test_concat_stacks_rows_and_merges_names():
    a = RegionalTable(_rows(2019), region_names={"A": "Alpha"}, source="a.csv")
    b = RegionalTable(_rows(2020, "B", 7.0), region_names={"B": "Beta"}, source="b.csv")
    out = concat_tables([a, b])
    assert out.years == (2019, 2020)
    assert out.regions == ("A", "B")
    assert out.data["employment"].sum() == 12.0
    assert (out.region_name("A"), out.region_name("B")) == ("Alpha", "Beta")
    assert out.source == "a.csv; b.csv"


def test_concat_of_one_table_is_that_table():
    a = RegionalTable(_rows(2019))
    assert concat_tables([a]) is a


def test_concat_needs_a_table():
    with pytest.raises(InvalidParameterError, match="must hold at least one table"):
        concat_tables([])


def test_concat_refuses_mixed_kinds():
    a = RegionalTable(_rows(2019), region_type="county")
    b = RegionalTable(_rows(2020), region_type="state")
    with pytest.raises(InvalidParameterError, match="tables of one region_type"):
        concat_tables([a, b])


def test_concat_refuses_a_key_in_two_inputs():
    a = RegionalTable(_rows(2019), source="a.csv")
    b = RegionalTable(_rows(2019, emp=9.0), source="b.csv")
    with pytest.raises(DataValidationError, match=r"year 2019 appears in more than one input"):
        concat_tables([a, b])


def test_inputs_are_not_mutated():
    frame = _rows(2019)
    before = frame.copy()
    concat_tables([RegionalTable(frame), RegionalTable(_rows(2020))])
    pd.testing.assert_frame_equal(frame, before)


@pytest.mark.parametrize("cls", [RegionalTable, ClusterDefinitions])
def test_data_must_be_a_frame_with_the_columns(cls):
    with pytest.raises(InvalidParameterError, match="must be a pandas DataFrame"):
        cls([1, 2])
    with pytest.raises(InvalidParameterError, match="Missing"):
        cls(pd.DataFrame({"x": [1]}))


def test_definitions_clusters_and_codes():
    defs = ClusterDefinitions(
        pd.DataFrame(
            {
                "code": ["2", "1"],
                "cluster": ["M", "M"],
                "cluster_name": ["Metal", "Metal"],
                "subcluster": [None, None],
                "cluster_type": ["traded", "traded"],
            }
        )
    )
    assert defs.codes == ("1", "2")
    assert defs.clusters.to_dict("records") == [
        {"cluster": "M", "cluster_name": "Metal", "cluster_type": "traded"}
    ]
