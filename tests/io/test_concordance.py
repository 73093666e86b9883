"""The bundled HS → NAICS concordance and the reader of concordance files."""

from __future__ import annotations

import doctest
from importlib import resources

import pandas as pd
import pytest

import grappe.io.concordance as module
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io.concordance import concordance_from_frame, load_concordance, read_concordance


def _bundled_frame():
    ref = resources.files("grappe") / "data" / "concordance" / "hs2017_naics2017.csv"
    with resources.as_file(ref) as path:
        return pd.read_csv(path, dtype={"hs4": str, "industry": str})


def test_the_bundled_table():
    frame = _bundled_frame()
    # the counts of PROVENANCE.md
    assert len(frame) == 2019
    assert frame["hs4"].nunique() == 1226
    assert frame["hs10_lines"].sum() == 9356
    assert frame["industry"].nunique() == 396
    sums = frame.groupby("hs4")["weight"].sum()
    assert (sums - 1).abs().max() < 1e-6
    recomputed = frame["hs10_lines"] / frame.groupby("hs4")["hs10_lines"].transform("sum")
    assert (recomputed - frame["weight"]).abs().max() < 1e-9
    assert frame["hs4"].str.fullmatch(r"\d{4}").all()
    assert frame["industry"].str.fullmatch(r"\d{4,6}").all()


def test_load_concordance_by_name_and_alias():
    c = load_concordance("NAICS2017-6")
    assert load_concordance("naics") is c
    assert c.classification == "naics2017" and c.source == "HS2017-4"
    assert len(c.products) == 1226
    assert c.industries_of("0804") == (("111339", 1.0),)  # dates, figs, pineapples… fruit farming
    assert c.industries_of("1701") == (("31131", 1.0),)  # sugar: Census's grouped 311313-311314
    assert dict(c.industries_of("2711")) == {"211130": 0.875, "325110": 0.125}
    assert c.industries_of("8524") == ()  # an HS 1992 heading HS 2017 no longer has
    assert "public domain" in c.provenance


def test_unknown_target():
    with pytest.raises(NotFoundError, match="No bundled concordance to 'ISIC4'.*NAICS2017-6"):
        load_concordance("ISIC4")
    with pytest.raises(InvalidParameterError, match="'target' parameter of load_concordance"):
        load_concordance(4)


def test_read_a_file(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("hs4,industry,weight,note\n0804,0122,1,dates\n1701,1072,0.25,\n1701,1071,0.75,\n")
    c = read_concordance(p, classification="isic4", source="HS2022-4", target="ISIC4-4")
    assert (c.source, c.target, c.classification) == ("HS2022-4", "ISIC4-4", "isic4")
    assert c.industries_of("1701") == (("1072", 0.25), ("1071", 0.75))


@pytest.mark.parametrize(
    ("text", "match", "row", "column"),
    [
        ("hs4,industry\n0804,111339\n", "required column 'weight' is missing", None, "weight"),
        ("hs4,industry,weight\n804,111339,1\n", "'804' is not a 4-digit HS heading", 2, "hs4"),
        ("hs4,industry,weight\n0804,,1\n", "the industry is missing", 2, "industry"),
        (
            "hs4,industry,weight\n0804,111339,one\n",
            r"'one' is not a number in \(0, 1\]",
            2,
            "weight",
        ),
        ("hs4,industry,weight\n0804,111339,1.5\n", r"not a number in \(0, 1\]", 2, "weight"),
        (
            "hs4,industry,weight\n0804,111339,0.5\n0804,111339,0.5\n",
            r"listed twice \(first in row 2\)",
            3,
            "industry",
        ),
        (
            "hs4,industry,weight\n0804,111339,1\n1701,311313,0.5\n1701,311314,0.4\n",
            r"weights of heading 1701 sum to 0.9 \(rows 3, 4\), not 1",
            3,
            "weight",
        ),
    ],
)
def test_a_bad_file_names_file_row_and_column(tmp_path, text, match, row, column):
    p = tmp_path / "bad.csv"
    p.write_text(text)
    with pytest.raises(DataValidationError, match=match) as info:
        read_concordance(p, classification="naics2017")
    assert info.value.file == str(p)
    assert (info.value.row, info.value.column) == (row, column)
    assert "Fix:" in str(info.value)


def test_other_reader_errors(tmp_path):
    with pytest.raises(NotFoundError, match="nothing.csv"):
        read_concordance(tmp_path / "nothing.csv")
    p = tmp_path / "c.csv"
    p.write_text("hs4,industry,weight\n0804,111339,1\n")
    with pytest.raises(InvalidParameterError, match="'classification' parameter of read_conc"):
        read_concordance(p, classification="sic")
    with pytest.raises(InvalidParameterError, match="must be a pandas DataFrame"):
        concordance_from_frame({"hs4": []}, source="HS", target="X")
    with pytest.raises(DataValidationError, match="the concordance has no rows"):
        concordance_from_frame(
            pd.DataFrame(columns=["hs4", "industry", "weight"]), source="HS", target="X"
        )


def test_docstring_examples():
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
