"""Industry-code helpers: levels, normalisation, validation, nesting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grappe.codes import (
    ancestors,
    check_single_level,
    classification_family,
    code_level,
    descends_from,
    is_ancestor,
    malformed_codes,
    nested_pairs,
    normalize_code,
    validate_codes,
)
from grappe.errors import DataValidationError, InvalidParameterError


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("00", 0),
        ("11", 2),
        ("31-33", 2),
        ("44-45", 2),
        ("48-49", 2),
        ("311", 3),
        ("3111", 4),
        ("31111", 5),
        ("311111", 6),
        ("3", None),
        ("1234567", None),
        ("31-34", None),
        ("3A1", None),
        ("", None),
    ],
)
def test_naics_levels(code, level):
    assert code_level(code, "naics2017") == level


@pytest.mark.parametrize(
    ("raw", "code", "level"),
    [
        ("TOTAL", "TOTAL", 0),
        ("c", "C", 1),
        ("B-E", "B-E", 1),
        ("M_N", "M_N", 1),
        ("10", "10", 2),
        ("10.1", "101", 3),
        ("101", "101", 3),
        ("10.11", "1011", 4),
        ("C10.11", "1011", 4),
        ("C 10.11", "1011", 4),
        ("A10", "A10", None),  # division 10 is in section C, not A
        ("04", "04", None),  # no division 04
        ("E-B", "E-B", None),
        ("NRP", "NRP", None),
    ],
)
def test_nace_normalisation_and_levels(raw, code, level):
    assert normalize_code(raw, "nace2") == code
    assert code_level(code, "nace2") == level
    assert code_level(code, "isic4") == level


def test_custom_codes_have_no_hierarchy():
    assert code_level("anything", "custom") == 0
    assert code_level("", "custom") is None
    assert ancestors("abc", "custom") == ()
    assert nested_pairs(["a", "ab"], "custom") == []


def test_family_and_bad_classification():
    assert classification_family("naics2022") == "naics"
    assert classification_family("nace2") == "nace"
    with pytest.raises(InvalidParameterError, match="'classification' parameter"):
        classification_family("sic87")


def test_ancestors_by_hand():
    assert ancestors("336411", "naics2017") == ("00", "31-33", "33", "336", "3364", "33641")
    assert ancestors("42", "naics2017") == ("00",)
    assert ancestors("32", "naics2017") == ("00", "31-33")
    assert ancestors("31-33", "naics2017") == ("00",)
    assert ancestors("00", "naics2017") == ()
    assert ancestors("4711", "nace2") == ("TOTAL", "G-I", "G", "47", "471")
    assert ancestors("C", "nace2") == ("TOTAL", "B-E")
    assert ancestors("F", "nace2") == ("TOTAL",)


def test_nesting_by_hand():
    assert is_ancestor("31-33", "311", "naics2017")
    assert not is_ancestor("31-33", "42", "naics2017")
    assert not is_ancestor("311", "311", "naics2017")
    assert is_ancestor("B-E", "C", "nace2")
    assert is_ancestor("B-E", "3511", "nace2")
    assert not is_ancestor("B-E", "4711", "nace2")
    assert is_ancestor("B-E", "C-D", "nace2")
    assert descends_from("1011", "10", "nace2")
    assert not descends_from("1011", "11", "nace2")


def test_nested_pairs_and_single_level():
    codes = ["00", "31-33", "311111", "336411", "42"]
    assert nested_pairs(codes, "naics2017") == [
        ("00", "31-33"),
        ("00", "311111"),
        ("31-33", "311111"),
        ("00", "336411"),
        ("31-33", "336411"),
        ("00", "42"),
    ]
    check_single_level(["311111", "336411", "541511"], classification="naics2017")
    with pytest.raises(DataValidationError, match=r"'31-33' contains '311111'.*levels=\(6,\)"):
        check_single_level(["31-33", "311111", "336411"], classification="naics2017", file="t.csv")
    with pytest.raises(DataValidationError, match="'B-E' contains 'C'"):
        check_single_level(["B-E", "C", "F"], classification="nace2")


def test_validate_codes_reports_malformed_and_unknown():
    issues = validate_codes(
        ["311111", "3X", "999999"],
        "naics2017",
        known=["311111"],
        file="f.csv",
        column="naics",
        rows={"3X": 4, "999999": 7},
    )
    assert [(i.row, i.column) for i in issues] == [(4, "naics"), (7, "naics")]
    assert "not a well-formed naics2017 code" in issues[0].message
    assert "not a code of the naics2017 code list" in issues[1].message
    assert malformed_codes(["1", "1", "22"], "naics") == ["1"]


naics6 = st.from_regex(r"\A[1-9]\d{5}\Z")
nace_class = st.sampled_from(["01", "10", "33", "47", "62", "99"]).flatmap(
    lambda d: st.from_regex(r"\A\d{0,2}\Z").map(lambda tail: d + tail)
)


@given(naics6)
def test_ancestors_are_strictly_higher(code):
    level = code_level(code, "naics2017")
    for a in ancestors(code, "naics2017"):
        assert code_level(a, "naics2017") < level or a in ("31-33", "44-45", "48-49")
        assert is_ancestor(a, code, "naics2017")
        assert not is_ancestor(code, a, "naics2017")


@given(nace_class)
def test_nace_normalisation_is_idempotent(code):
    dotted = code[:2] + ("." + code[2:] if len(code) > 2 else "")
    once = normalize_code(dotted, "nace2")
    assert once == code
    assert normalize_code(once, "nace2") == once
    assert code_level(once, "nace2") == len(code)


@given(st.lists(naics6, min_size=1, max_size=20, unique=True))
def test_codes_of_one_level_never_nest(codes):
    assert nested_pairs(codes, "naics2017") == []
    check_single_level(codes, classification="naics2017")
