"""User-defined cluster definitions: CSV and YAML files, prefix rules, coverage, errors."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.definitions import (
    coverage_report,
    definitions_from_frame,
    expand_definitions,
)
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io import load_definitions, read_definitions

YAML = """\
name: agri-food
classification: nace2
clusters:
  - cluster: AGRO
    name: Agri-food processing
    type: traded
    codes: ["10.1", "10.2", "11"]
    subclusters:
      - name: Dairy
        codes: ["10.5"]
  - cluster: RET
    name: Food retail
    type: local
    codes: ["47.11"]
"""


def test_csv_with_defaults(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("code,cluster,cluster_name\n311111,F,Food\n311119, F ,Food\n336411,A,\n")
    d = read_definitions(path, classification="naics2017")
    assert d.codes == ("311111", "311119", "336411")
    assert d.data["cluster"].tolist() == ["F", "F", "A"]
    assert d.data["cluster_name"].tolist() == ["Food", "Food", "A"]
    assert d.data["cluster_type"].unique().tolist() == ["traded"]
    assert d.data["subcluster"].isna().all()
    assert (d.name, d.source) == ("c", str(path))


def test_csv_column_mapping(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("naf,grappe,type\n10.11Z,agro,Traded\n")
    with pytest.raises(DataValidationError, match="row 2, column 'naf'.*'1011Z'"):
        read_definitions(path, classification="nace2", columns={"naf": "code", "grappe": "cluster"})
    path.write_text("naf,grappe,type\n10.11,agro,Traded\n")
    d = read_definitions(
        path,
        classification="nace2",
        columns={"naf": "code", "grappe": "cluster", "type": "cluster_type"},
    )
    assert d.data[["code", "cluster", "cluster_type"]].values.tolist() == [
        ["1011", "agro", "traded"]
    ]
    with pytest.raises(InvalidParameterError, match="'columns' parameter of read_definitions"):
        read_definitions(path, columns={"naf": "industry"})


def test_yaml_definitions_and_prefix_expansion(tmp_path):
    path = tmp_path / "agro.yaml"
    path.write_text(YAML)
    d = load_definitions(path)
    assert (d.name, d.classification) == ("agri-food", "nace2")
    assert d.data.set_index("code")["subcluster"].to_dict()["105"] == "Dairy"
    assert d.data.set_index("code")["cluster_type"].to_dict()["4711"] == "local"
    codes = ["1011", "1012", "1051", "1107", "4711", "4719", "2011"]
    expanded = load_definitions(path, codes=codes)
    assert expanded.data[["code", "cluster"]].values.tolist() == [
        ["1011", "AGRO"],
        ["1012", "AGRO"],
        ["1051", "AGRO"],
        ["1107", "AGRO"],
        ["4711", "RET"],
    ]
    report = coverage_report(d, codes)
    assert report.uncovered == ("2011", "4719")
    assert report.unused == ("102",)
    assert report.share_covered == pytest.approx(5 / 7)


def test_codes_listed_twice(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("code,cluster\n311111,A\n336411,B\n311111,B\n")
    with pytest.raises(DataValidationError, match="row 4.*'311111' is listed twice.*row 2"):
        read_definitions(path, classification="naics2017")
    first = read_definitions(path, classification="naics2017", duplicates="first")
    assert first.data.set_index("code")["cluster"].to_dict() == {"311111": "A", "336411": "B"}


def test_rules_that_nest_across_clusters(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("code,cluster\n10,food\n10.11,meat\n10.12,food\n")
    with pytest.raises(DataValidationError, match=r"row 3.*'1011'.*inside the rule '10'"):
        read_definitions(path, classification="nace2")
    kept = read_definitions(path, classification="nace2", duplicates="first")
    assert kept.codes == ("10", "1012")


def test_coverage_reports_codes_covered_twice():
    # Built directly, bypassing the reader's check: coverage_report still sees the overlap.
    from grappe.model import ClusterDefinitions

    frame = pd.DataFrame(
        {
            "code": ["10", "1011"],
            "cluster": ["food", "meat"],
            "cluster_name": ["Food", "Meat"],
            "subcluster": [None, None],
            "cluster_type": ["traded", "traded"],
        }
    )
    rules = ClusterDefinitions(frame, classification="nace2")
    report = coverage_report(rules, ["1011", "1012"])
    assert report.duplicated == ("1011",)
    assert report.covered == ("1012",)
    with pytest.raises(InvalidParameterError, match="'definitions' parameter of coverage_report"):
        coverage_report(frame, ["1011"])


def test_invalid_definition_files(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,cluster,cluster_name,cluster_type\n311111,A,Food,traded\n"
        "311119,A,Foods,local\n31X,,x,traded\n"
    )
    with pytest.raises(DataValidationError) as info:
        read_definitions(bad, classification="naics2017")
    text = str(info.value)
    assert "row 4, column 'cluster': the cluster is missing" in text
    assert "cluster 'A' has several values of 'cluster_name': ['Food', 'Foods']" in text
    assert "cluster 'A' has several values of 'cluster_type'" in text
    no_code = tmp_path / "nocode.csv"
    no_code.write_text("naics,cluster\n1,2\n")
    with pytest.raises(DataValidationError, match="required column 'code' is missing"):
        read_definitions(no_code)
    with pytest.raises(NotFoundError, match="No such file"):
        read_definitions(tmp_path / "absent.csv")
    with pytest.raises(InvalidParameterError, match="'path' parameter of read_definitions"):
        read_definitions(tmp_path / "x.json")
    with pytest.raises(InvalidParameterError, match="'duplicates' parameter"):
        read_definitions(bad, duplicates="last")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("clusters: [\n", "not valid YAML"),
        ("name: x\n", "no list 'clusters'"),
        ("clusters:\n  - name: no code\n    codes: ['1']\n", r"clusters\[0\].*no 'cluster' code"),
        ("clusters:\n  - cluster: A\n", "cluster 'A' has no codes"),
        ("clusters:\n  - cluster: A\n    codes: '10'\n", "'codes' must be a list"),
        (
            "clusters:\n  - cluster: A\n    codes: ['1']\n    subclusters:\n      - codes: ['2']\n",
            r"subclusters\[0\].*no 'name'",
        ),
        (
            "classification: naics2017\nclusters:\n  - cluster: A\n    codes: ['3X']\n",
            r"column 'codes'.*'3X' is not a well-formed",
        ),
    ],
)
def test_invalid_yaml(tmp_path, text, match):
    path = tmp_path / "d.yml"
    path.write_text(text)
    with pytest.raises(DataValidationError, match=match):
        read_definitions(path)


def test_frame_parameter_checks():
    with pytest.raises(InvalidParameterError, match="'frame' parameter"):
        definitions_from_frame([("1", "a")])
    with pytest.raises(InvalidParameterError, match="'classification' parameter"):
        definitions_from_frame(pd.DataFrame({"code": ["1"], "cluster": ["a"]}), classification="x")


naics6 = st.from_regex(r"\A[1-9]\d{5}\Z")


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(naics6, st.sampled_from(["A", "B", "C"]), min_size=1, max_size=15),
    st.lists(naics6, max_size=15),
)
def test_coverage_partitions_the_codes(assignment, extra):
    frame = pd.DataFrame({"code": list(assignment), "cluster": list(assignment.values())})
    d = definitions_from_frame(frame, classification="naics2017")
    codes = list(assignment)[: len(assignment) // 2] + extra
    report = coverage_report(d, codes)
    parts = set(report.covered) | set(report.uncovered) | set(report.duplicated)
    assert parts == set(codes)
    assert len(report.covered) + len(report.uncovered) + len(report.duplicated) == len(set(codes))
    assert report.duplicated == ()
    assert set(report.unused) == set(assignment) - set(codes)
    expanded = expand_definitions(d, codes)
    assert set(expanded.codes) == set(report.covered)
