"""NACE Rev.2, ISIC Rev.4 and Algeria's NAA: levels, nesting under sections and grouped
sections, and definitions in these classifications mapped by ``grappe map`` (issue 15)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.codes import (
    NACE_FAMILY,
    SECTION_AGGREGATES,
    ancestors,
    check_single_level,
    classification_family,
    code_level,
    descends_from,
    is_ancestor,
    nested_pairs,
    normalize_code,
    validate_codes,
)
from grappe.errors import DataValidationError, InvalidParameterError
from grappe.io import load_definitions, read_regional_table

runner = CliRunner()

# Sections of NACE Rev.2 / ISIC Rev.4 and their divisions, from the published structures.
DIVISIONS = {
    "A": ["01", "02", "03"],
    "B": ["05", "06", "07", "08", "09"],
    "C": [f"{d:02d}" for d in range(10, 34)],
    "D": ["35"],
    "E": ["36", "37", "38", "39"],
    "F": ["41", "42", "43"],
    "G": ["45", "46", "47"],
    "H": ["49", "50", "51", "52", "53"],
    "I": ["55", "56"],
    "J": ["58", "59", "60", "61", "62", "63"],
    "K": ["64", "65", "66"],
    "L": ["68"],
    "M": ["69", "70", "71", "72", "73", "74", "75"],
    "N": ["77", "78", "79", "80", "81", "82"],
    "O": ["84"],
    "P": ["85"],
    "Q": ["86", "87", "88"],
    "R": ["90", "91", "92", "93"],
    "S": ["94", "95", "96"],
    "T": ["97", "98"],
    "U": ["99"],
}


def test_the_three_classifications_share_the_nace_structure():
    assert NACE_FAMILY == ("nace2", "isic4", "naa")
    assert sum(len(d) for d in DIVISIONS.values()) == 88  # NAA Rev.1: 88 divisions too
    for classification in NACE_FAMILY:
        assert classification_family(classification) == "nace"
        for section, divisions in DIVISIONS.items():
            assert code_level(section, classification) == 1
            for division in divisions:
                assert code_level(division, classification) == 2
                assert is_ancestor(section, division, classification)
                assert normalize_code(f"{section}{division}", classification) == division


def test_a10_groups_contain_their_sections_and_everything_below():
    assert set("".join(SECTION_AGGREGATES.values())) == set("BCDEGHIMNOPQRSTU")
    for group, sections in SECTION_AGGREGATES.items():
        assert code_level(group, "isic4") == 1
        for section in sections:
            assert ancestors(section, "isic4") == ("TOTAL", group)
            for division in DIVISIONS[section]:
                assert ancestors(division, "nace2") == ("TOTAL", group, section)
                assert descends_from(division, group, "naa")
    for alone in "AFJKL":
        assert ancestors(alone, "nace2") == ("TOTAL",)
        assert not any(is_ancestor(g, alone, "nace2") for g in SECTION_AGGREGATES)


def test_other_groups_of_sections_nest_by_range():
    assert is_ancestor("G-J", "62", "nace2")
    assert is_ancestor("K-N", "M_N", "nace2")
    assert not is_ancestor("G-I", "J", "nace2")
    assert nested_pairs(["B-E", "C", "10", "F"], "nace2") == [
        ("B-E", "10"),
        ("C", "10"),
        ("B-E", "C"),
    ]
    with pytest.raises(DataValidationError, match="'B-E' contains '10'"):
        check_single_level(["B-E", "10"], classification="naa")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("m-n", "M_N"),
        ("M_N", "M_N"),
        ("ECO_ISIC4_C", "C"),  # ILOSTAT
        ("ECO_ISIC4_TOTAL", "TOTAL"),
        ("C10.11", "1011"),
    ],
)
def test_normalisation_of_grouped_and_prefixed_codes(raw, code):
    assert normalize_code(raw, "isic4") == normalize_code(raw, "nace2") == code


def test_normalised_group_spellings_are_one_code():
    assert normalize_code("B_E", "nace2") == "B_E"  # a range written with '_' stays itself
    assert code_level("B_E", "nace2") == 1
    assert is_ancestor("B_E", "C", "nace2")


@given(st.sampled_from(sorted(DIVISIONS)), st.integers(0, 99))
def test_every_ancestor_contains_its_descendants(section, tail):
    division = DIVISIONS[section][tail % len(DIVISIONS[section])]
    code = division + str(tail % 10) + str(tail // 10)  # a class code
    chain = ancestors(code, "naa")
    assert chain[0] == "TOTAL"
    levels = [code_level(c, "naa") for c in chain]
    assert levels == sorted(levels) and len(set(chain)) == len(chain)
    assert all(is_ancestor(a, code, "naa") for a in chain)


def test_naa_malformed_codes_point_at_naa_2000():
    issues = validate_codes(["40", "1011"], "naa")
    assert [i.message for i in issues] == ["'40' is not a well-formed naa code."]
    assert "NAA 2000" in issues[0].fix and "NACE Rev.1" in issues[0].fix
    assert "NAA 2000" not in validate_codes(["40"], "nace2")[0].fix


def test_a_nace_letter_that_is_not_the_divisions_section_is_malformed():
    # 'D15' is NACE Rev.1 (NAA 2000) food manufacturing; in NACE Rev.2, 15 is in section C
    assert normalize_code("D15", "naa") == "D15"
    assert code_level("D15", "naa") is None


# --- definitions in NACE / ISIC / NAA mapped from the command line ---------------------------

TABLE = """wilaya,naa,annee,effectif
16,TOTAL,2019,1000
16,10.1,2019,100
16,10.7,2019,50
16,C13,2019,30
16,47,2019,200
31,TOTAL,2019,800
31,10.1,2019,20
31,10.7,2019,10
31,C13,2019,150
31,47,2019,300
09,TOTAL,2019,400
09,10.1,2019,120
09,10.7,2019,30
09,C13,2019,5
09,47,2019,100
"""
DEFS_CSV = """code,cluster,cluster_name,cluster_type
10.1,AGRO,Agri-food,traded
C10.7,AGRO,Agri-food,traded
13,TEX,Textiles,traded
G-I,RET,Retail and trade,local
"""
DEFS_YAML = """name: naa-demo
classification: naa
clusters:
  - cluster: AGRO
    name: Agri-food
    codes: ["C10.1", "10.7"]
  - cluster: TEX
    name: Textiles
    codes: ["13"]
  - cluster: RET
    name: Retail and trade
    type: local
    codes: ["G"]
"""
COLUMNS = ["--column", "wilaya=region", "--column", "naa=industry", "--column", "annee=year"]
COLUMNS += ["--column", "effectif=employment", "--region-type", "wilaya"]


@pytest.mark.parametrize("classification", ["naa", "nace2", "isic4"])
@pytest.mark.parametrize("defs_name", ["defs.csv", "defs.yaml"])
def test_definitions_in_nace_family_map_from_the_cli(tmp_path, classification, defs_name):
    (tmp_path / "t.csv").write_text(TABLE)
    (tmp_path / "defs.csv").write_text(DEFS_CSV)
    (tmp_path / "defs.yaml").write_text(DEFS_YAML)
    out = tmp_path / "out.csv"
    result = runner.invoke(
        app,
        ["map", str(tmp_path / "t.csv"), *COLUMNS, "--classification", classification,
         "--definitions", str(tmp_path / defs_name), "-o", str(out), "--summary-regions", "0"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    got = pd.read_csv(out, dtype={"region": str}).set_index(["region", "cluster"])
    # by hand: AGRO = 10.1 + 10.7, TEX = 13 (written C13), RET = 47 (G, under G-I)
    assert got.loc[("16", "AGRO"), "employment"] == 150
    assert got.loc[("09", "AGRO"), "employment"] == 150
    assert got.loc[("31", "TEX"), "employment"] == 150
    assert got.loc[("31", "RET"), "employment"] == 300
    # the LQ against the TOTAL rows: Oran's textiles 150/800 over 185/2200
    assert got.loc[("31", "TEX"), "lq_total"] == pytest.approx((150 / 800) / (185 / 2200))


def test_csv_definitions_take_the_tables_classification(tmp_path):
    (tmp_path / "defs.csv").write_text(DEFS_CSV)
    plain = load_definitions(tmp_path / "defs.csv")
    assert plain.classification == "custom" and "10.1" in plain.codes
    naa = load_definitions(tmp_path / "defs.csv", fallback_classification="naa")
    assert naa.classification == "naa" and {"101", "107", "13", "G-I"} == set(naa.codes)
    own = load_definitions(tmp_path / "defs.csv", classification="nace2",
                           fallback_classification="naa")  # fmt: skip
    assert own.classification == "nace2"
    with pytest.raises(InvalidParameterError, match="'fallback_classification' parameter of"):
        load_definitions(tmp_path / "defs.csv", fallback_classification="nace1")


def test_a_naa_table_reads_with_its_levels(tmp_path):
    (tmp_path / "t.csv").write_text(TABLE)
    table = read_regional_table(
        tmp_path / "t.csv",
        columns={"wilaya": "region", "naa": "industry", "annee": "year", "effectif": "employment"},
        classification="naa",
        levels=(2,),
    )
    assert table.classification == "naa"
    assert sorted(table.data["industry"].astype(str).unique()) == ["13", "47"]
