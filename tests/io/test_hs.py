"""HS 4-digit product names (EN/FR/AR) and the match of the OEC trade-file columns.

Reference values are read from the sources named in ``grappe/data/hs/PROVENANCE.md``: the HS 2017
text of 0804, the OEC short name "Tropical Fruits" = 0804, and the header of the bundled 2020
country × product matrix (1,268 product columns).
"""

from __future__ import annotations

import doctest
import gzip
import shutil
import unicodedata

import pytest

from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io import hs

MATRIX = "economic_complexity/stojkoski2023_trade_country_x_hs4product_2020.csv.gz"


@pytest.fixture(scope="module")
def matrix_columns(shared_data):
    # only the header line: the whole file is 228 × 1,269 and not needed here
    with gzip.open(shared_data / MATRIX, "rt", encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split(",")
    assert header[0] == "Row"
    return header[1:]


@pytest.fixture
def damaged_copy(tmp_path, monkeypatch):
    """A copy of the bundled folder that a test may damage; the caches are cleared around it."""
    folder = tmp_path / "hs"
    shutil.copytree(hs._data_dir(), folder)
    caches = (hs._bundled_names, hs._oec_index, hs._confirmed_table)
    for cache in caches:
        cache.cache_clear()
    monkeypatch.setattr(hs, "_data_dir", lambda: folder)
    yield folder
    for cache in caches:
        cache.cache_clear()


# --- the nomenclature -----------------------------------------------------------------------


def test_headings_of_hs2017_and_the_deleted_hs1992_ones():
    names = hs.load_hs_names()
    editions = [p.edition for p in names.values()]
    assert editions.count("HS2017") == 1223  # 1,222 headings + 9999
    assert editions.count("HS1992") == 37
    assert all(len(code) == 4 and code.isdigit() for code in names)
    assert names["0804"].names["en"] == (
        "Dates, figs, pineapples, avocados, guavas, mangoes and mangosteens; fresh or dried"
    )
    assert names["8485"].edition == "HS1992"  # the matrix's 8485 is the HS 1992 heading
    assert hs.load_hs_names() is names  # cached
    assert len({names["0804"], names["0804"], names["0805"]}) == 2  # hashable, by code


def test_every_heading_has_english_and_french_arabic_are_counted():
    names = hs.load_hs_names()
    assert all(p.names.get("en") for p in names.values())
    with_fr = [p for p in names.values() if "fr" in p.names]
    with_ar = [p for p in names.values() if "ar" in p.names]
    assert len(with_fr) == len(with_ar) == len(names) == 1260  # every heading
    # every Arabic name is grappe's own translation, and says so; French names are the EU
    # Combined Nomenclature's official text where it names the same heading (1,148), grappe's
    # translation elsewhere (tests/io/test_hs_official_fr.py)
    assert all(p.translated("ar") for p in with_ar)
    assert sum(p.translated("fr") for p in with_fr) == 1260 - 1148
    assert not names["0804"].translated("en")
    assert names["0804"].names["ar"] == (
        "تمور وتين وأناناس وأفوكادو وجوافة ومانجو ومانجوستين، طازجة أو مجففة"
    )


def test_arabic_names_are_written_in_arabic_script():
    for product in hs.load_hs_names().values():
        text = product.names.get("ar")
        if text is None:
            continue
        letters = [ch for ch in text if ch.isalpha()]
        arabic = [ch for ch in letters if "ARABIC" in unicodedata.name(ch, "")]
        # Arabic first; Latin letters only in abbreviations (LED) and scientific names (Lactuca
        # sativa, Gallus domesticus)
        assert "ARABIC" in unicodedata.name(letters[0], ""), product.code
        assert len(arabic) / len(letters) > 0.4, product.code


def test_french_names_are_not_the_english_text():
    for product in hs.load_hs_names().values():
        # chemical names written alike in both: "Nitrites; nitrates", "Borates; peroxoborates…"
        if "fr" in product.names and product.code not in ("2834", "2840"):
            assert product.names["fr"] != product.names["en"], product.code


def test_product_name_falls_back_to_english_never_invents(damaged_copy):
    table = damaged_copy / "hs_headings.csv"  # every heading has French: take one away
    lines = table.read_text("utf-8").splitlines(keepends=True)
    table.write_text("".join(x for x in lines if not x.startswith("0101,HS2017,fr,")), "utf-8")
    assert hs.product_name("0804", "fr").startswith("Dattes, figues, ananas")
    assert hs.product_name("0101", "fr") == hs.product_name("0101", "en")  # no French: English
    assert hs.product_name("804") == hs.product_name("0804")


def test_product_name_refuses_an_unknown_code_or_language():
    with pytest.raises(NotFoundError, match=r"'0000' is not an HS 4-digit heading"):
        hs.product_name("0000")
    with pytest.raises(NotFoundError, match="Give a 4-digit code"):
        hs.product_name("tropical fruits")
    with pytest.raises(InvalidParameterError, match=r"'lang' parameter of product_name.*'de'"):
        hs.product_name("0804", "de")


def test_search_by_code_prefix_and_words():
    assert [p.code for p in hs.search_products("080")] == [f"080{i}" for i in range(1, 10)]
    assert "0804" in [p.code for p in hs.search_products("mangoes")]
    assert [p.code for p in hs.search_products("مانجو", lang="ar")] == ["0804"]
    with pytest.raises(InvalidParameterError, match="'lang' parameter of search_products"):
        hs.search_products("x", lang="es")


# --- the match of trade-file columns ----------------------------------------------------------


def test_match_exact_code_table_and_unmatched():
    match = hs.match_product_columns(
        ["TropicalFruits", "Tropical Fruits", "0901", "MotorcyclesAndCycles", "Mica", "Nonsense"]
    )
    assert dict(match.codes) == {
        "TropicalFruits": "0804",
        "Tropical Fruits": "0804",
        "0901": "0901",
        "MotorcyclesAndCycles": "8711",
        "Mica": "2525",
    }
    assert dict(match.how) == {
        "TropicalFruits": "exact",
        "Tropical Fruits": "exact",
        "0901": "code",
        "MotorcyclesAndCycles": "table",
        "Mica": "table",
    }
    assert match.unmatched == ("Nonsense",)
    assert "no OEC short name" in match.reasons["Nonsense"]
    assert "BitumenAndAsphalt" in hs.match_product_columns(["Asphalt"]).reasons["Asphalt"]


def test_a_shared_short_name_is_not_guessed(damaged_copy):
    table = damaged_copy / "oec_column_table.csv"
    kept = [line for line in table.read_text("utf-8").splitlines() if not line.startswith("Slate,")]
    table.write_text("\n".join(kept) + "\n", encoding="utf-8")
    match = hs.match_product_columns(["Slate"])
    assert match.unmatched == ("Slate",)
    assert "shared by 2514, 6803" in match.reasons["Slate"]


def test_a_code_outside_the_nomenclature_is_unmatched():
    match = hs.match_product_columns(["0000"])
    assert match.unmatched == ("0000",)
    assert "not in the bundled nomenclature" in match.reasons["0000"]


def test_the_bundled_2020_matrix_header_is_matched_whole(matrix_columns):
    assert len(matrix_columns) == 1268
    match = hs.match_product_columns(matrix_columns)
    assert match.n_matched == 1268
    assert match.unmatched == ()
    how = list(match.how.values())
    assert (how.count("exact"), how.count("table")) == (1224, 44)
    assert match.codes["TropicalFruits"] == "0804"
    assert match.codes["AircraftParts"] == "8803"
    assert match.codes["PetroleumGas"] == "2711"
    names = hs.load_hs_names()
    assert set(match.codes.values()) <= set(names)


def test_the_confirmed_table_only_lists_columns_of_the_matrix(matrix_columns):
    assert set(hs._confirmed_table()) <= set(matrix_columns)


# --- damaged bundled files --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("0804,HS2017,en,", "804,HS2017,en,", r"row \d+, column 'code': '804' is not a 4-digit"),
        ("0804,HS2017,fr,", "0804,HS2017,de,", r"column 'lang': unknown language 'de'"),
        ("0804,HS2017,fr,", "0804,HS2012,fr,", r"column 'edition': unknown edition 'HS2012'"),
        ("0804,HS2017,ar,", "0804,HS2017,en,", r"0804 has two names in 'en'"),
        ("code,edition,lang,name,source", "code,edition,language,name,source", r"row 1.*lang"),
    ],
)
def test_a_malformed_headings_file_names_file_row_and_column(damaged_copy, old, new, message):
    path = damaged_copy / "hs_headings.csv"
    path.write_text(path.read_text("utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataValidationError, match=message) as info:
        hs.load_hs_names()
    assert info.value.file == str(path)


def test_an_empty_name_is_refused(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("code,edition,lang,name,source\n0804,HS2017,en,,x\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"row 2, column 'name': the name is empty"):
        hs.read_hs_names(path)


def test_a_malformed_column_table_is_refused(damaged_copy):
    path = damaged_copy / "oec_column_table.csv"
    text = path.read_text("utf-8")
    path.write_text(text + "Tissue,4803,twice\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"column 'column'.*'Tissue' is empty or repeat"):
        hs.match_product_columns(["Tissue"])


def test_a_missing_bundled_file_is_a_clear_error(damaged_copy):
    (damaged_copy / "oec_names.csv").unlink()
    with pytest.raises(DataValidationError, match="cannot read the bundled HS table.*reinstall"):
        hs.match_product_columns(["TropicalFruits"])


def test_docstring_examples():
    result = doctest.testmod(hs, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
