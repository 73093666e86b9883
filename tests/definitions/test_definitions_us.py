"""The bundled U.S. benchmark definitions against their source and the CBP code lists."""

from __future__ import annotations

import pandas as pd
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from grappe.definitions import bundled_definitions, coverage_report
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.io import bundled_cbp_state_path, load_definitions

# Rows of the source flagged Emsi-specific whose codes are standard NAICS 2017 codes of CBP:
# kept, because they are Census codes (new in NAICS 2017), not Emsi's own pseudo-codes.
KEPT_FLAGGED = [
    "211120",
    "333914",
    "452210",
    "452311",
    "452319",
    "512250",
    "517311",
    "517312",
    "532281",
    "532282",
    "532283",
    "532284",
    "532289",
    "541713",
    "541714",
    "541715",
]


def test_us_benchmark_shape():
    us = load_definitions("us-benchmark")
    assert (us.name, us.classification) == ("us-benchmark", "naics2017")
    assert "Delgado, Porter & Stern (2016)" in us.provenance
    clusters = us.clusters
    assert clusters["cluster_type"].value_counts().to_dict() == {"traded": 51, "local": 16}
    assert sorted(clusters.loc[clusters["cluster_type"] == "traded", "cluster"].astype(int)) == (
        list(range(1, 52))
    )
    assert sorted(clusters.loc[clusters["cluster_type"] == "local", "cluster"].astype(int)) == (
        list(range(101, 117))
    )
    assert len(us.codes) == 970 == len(set(us.codes))
    assert all(len(c) == 6 and c.isdigit() for c in us.codes)
    row = us.data.set_index("code").loc["336411"]
    assert (row["cluster"], row["cluster_name"], row["subcluster"]) == (
        "1",
        "Aerospace Vehicles and Defense",
        "Aircraft",
    )


def test_bundled_copies_are_independent():
    a = bundled_definitions("us-benchmark")
    a.data.loc[0, "cluster"] = "changed"
    assert bundled_definitions("us-benchmark").data.loc[0, "cluster"] != "changed"


def test_load_definitions_errors(tmp_path):
    with pytest.raises(InvalidParameterError, match="'classification' parameter.*'naics2017'"):
        load_definitions("us-benchmark", classification="nace2")
    with pytest.raises(NotFoundError, match="neither a bundled definition set"):
        load_definitions("eu-benchmark")
    with pytest.raises(InvalidParameterError, match="'name_or_path' parameter"):
        load_definitions(42)
    with pytest.raises(InvalidParameterError, match="'name' parameter of bundled_definitions"):
        bundled_definitions("nope")


def test_covers_every_bundled_cbp_code():
    table = pq.read_table(bundled_cbp_state_path(), columns=["naics", "naics_level"])
    six = pc.unique(table.filter(pc.equal(table["naics_level"], 6))["naics"]).to_pylist()
    report = coverage_report(load_definitions("us-benchmark"), six)
    assert len(report.codes) == 970
    assert report.uncovered == ()
    assert report.duplicated == ()
    assert len(report.covered) == 970
    assert report.unused == ()


@pytest.mark.shared
def test_matches_the_staged_source(shared_data):
    source = pd.read_csv(
        shared_data / "us_cluster_definitions" / "naics_to_cluster_dps_adapted_noco.csv",
        dtype=str,
        keep_default_na=False,
    )
    standard = (source["emsi_specific_naics"] == "False") | (source["in_cbp_naics2017"] == "True")
    kept = source[standard & (source["cluster_code"] != "")]
    us = load_definitions("us-benchmark").data.set_index("code")
    assert sorted(us.index) == sorted(kept["naics"])
    kept = kept.set_index("naics")
    assert (us["cluster"] == kept.loc[us.index, "cluster_code"]).all()
    assert (us["cluster_type"] == kept.loc[us.index, "traded_local"].str.lower()).all()
    flagged = set(source.loc[source["emsi_specific_naics"] == "True", "naics"])
    assert set(KEPT_FLAGGED) <= flagged & set(us.index)
    assert not (flagged - set(KEPT_FLAGGED)) & set(us.index)  # Emsi's own codes are left out
