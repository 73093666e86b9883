"""Trade matrices (wide OEC style and long), the OEC's published ECI, and country names: what
is read, and every refusal naming the file, row, column and fix."""

from __future__ import annotations

import pandas as pd
import pytest

from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io.files import ReadOptions
from grappe.io.trade import (
    country_name,
    product_labels,
    read_published_eci,
    read_trade_matrix,
)


def write(tmp_path, text: str, name: str = "trade.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_wide_table(tmp_path):
    path = write(tmp_path, "Row,TropicalFruits,Cars\nDZA,3,0\nmar,1.5,5\n")
    X = read_trade_matrix(path)
    assert X.index.tolist() == ["DZA", "MAR"] and X.index.name == "country"
    assert X.loc["MAR", "TropicalFruits"] == 1.5 and X.dtypes.eq(float).all()


def test_wide_table_with_french_numbers(tmp_path):
    path = write(tmp_path, "pays;Dattes;Voitures\nDZA;1 234,5;0\nTUN;2;3\n")
    X = read_trade_matrix(path, options=ReadOptions(decimal=","))
    assert X.loc["DZA", "Dattes"] == 1234.5


def test_long_table_found_by_its_column_names_and_parquet(tmp_path):
    frame = pd.DataFrame(
        {"iso3": ["DZA", "DZA", "TUN"], "hs4": ["0804", "2711", "0804"], "value": [3, 10, 1]}
    )
    path = tmp_path / "long.parquet"
    frame.to_parquet(path)
    X = read_trade_matrix(path)
    assert X.loc["DZA", "0804"] == 3 and X.loc["TUN", "2711"] == 0  # absent pair is 0


def test_long_table_with_named_columns(tmp_path):
    path = write(tmp_path, "exp,prod,usd\nDZA,Dates,3\nTUN,Dates,1\nTUN,Cars,2\n")
    X = read_trade_matrix(path, country="exp", product="prod", value="usd")
    assert X.to_dict("index") == {
        "DZA": {"Cars": 0.0, "Dates": 3.0},
        "TUN": {"Cars": 2.0, "Dates": 1.0},
    }


def test_any_labels(tmp_path):
    path = write(tmp_path, "wilaya,Dates\nBiskra,3\nAlger,1\n")
    assert read_trade_matrix(path, countries="any").index.tolist() == ["Biskra", "Alger"]


@pytest.mark.parametrize(
    ("text", "match", "row", "column"),
    [
        ("Row,A,B\nDZA,1,-2\nTUN,1,1\n", r"row 2, column 'B': -2 is negative", 2, "B"),
        ("Row,A,B\nDZA,1,x\nTUN,1,1\n", "'x' is not a number", 2, "B"),
        ("Row,A,B\nDZA,1,2\nTUN,,1\n", "The cell is empty", 3, "A"),
        ("Row,A,B\nDZA,1,2\nDZA,1,1\n", "'DZA' is already in row 2", 3, "Row"),
        ("Row,A,B\nDZA,1,2\nALG,1,1\n", "'ALG' is not an ISO 3166-1 alpha-3", 3, "Row"),
        ("Row,A,B\nDZA,1,2\n,1,1\n", "The country code is empty", 3, "Row"),
        ("Row,A,B\nDZA,0,0\nTUN,0,0\n", "Every export value is 0", None, None),
        ("Row\nDZA\n", "needs a country column and product columns", 1, None),
    ],
)
def test_wide_errors_name_the_place_and_the_fix(tmp_path, text, match, row, column):
    path = write(tmp_path, text)
    with pytest.raises(DataValidationError, match=match) as info:
        read_trade_matrix(path)
    error = info.value
    assert error.file == str(path) and error.row == row and error.column == column
    assert error.issues[0].fix


def test_long_errors(tmp_path):
    path = write(tmp_path, "country,product,value\nDZA,A,1\nDZA,A,2\n")
    with pytest.raises(DataValidationError, match=r"'DZA, A' is already in row 2") as info:
        read_trade_matrix(path)
    assert info.value.row == 3
    path = write(tmp_path, "country,product,value\nDZA,A,-1\n")
    with pytest.raises(DataValidationError, match="is negative"):
        read_trade_matrix(path)
    path = write(tmp_path, "c,p,v\nDZA,A,1\n")
    with pytest.raises(DataValidationError, match="There is no column 'value'"):
        read_trade_matrix(path, country="c", product="p", value="value")


def test_bad_parameters_and_missing_file(tmp_path):
    with pytest.raises(InvalidParameterError, match="'countries' parameter"):
        read_trade_matrix(tmp_path / "x.csv", countries="iso2")
    with pytest.raises(InvalidParameterError, match="must be given together"):
        read_trade_matrix(tmp_path / "x.csv", country="c")
    with pytest.raises(NotFoundError):
        read_trade_matrix(tmp_path / "absent.csv")


def test_published_eci(tmp_path):
    path = write(tmp_path, "iso3,year,eci\nDZA,2020,-1.3\nDZA,2019,-1.06\nTUN,2020,0.2\n")
    assert read_published_eci(path, "dza") == {2019: -1.06, 2020: -1.3}
    assert read_published_eci(path, "MAR") == {}
    bad = write(tmp_path, "iso3,year,eci\nDZA,2020,n/a\n", "bad.csv")
    with pytest.raises(DataValidationError, match="'n/a' is not a number") as info:
        read_published_eci(bad, "DZA")
    assert info.value.row == 2 and info.value.column == "eci"
    with pytest.raises(DataValidationError, match="There is no column 'eci'"):
        read_published_eci(write(tmp_path, "iso3,year\nDZA,2020\n", "x.csv"), "DZA")


def test_country_names():
    assert country_name("DZA", "fr") == "Algérie"
    assert country_name("MAR", "ar") == "المغرب"
    assert country_name("TUN") == "Tunisia"
    assert country_name("Biskra", "fr") == "Biskra"


def test_product_labels_of_the_bundled_columns():
    codes, names, unmatched = product_labels(["TropicalFruits", "PetroleumGas"])
    assert codes == {"TropicalFruits": "0804", "PetroleumGas": "2711"} and not unmatched
    assert names["TropicalFruits"]["en"].startswith("Dates")


@pytest.mark.shared
def test_the_bundled_matrix(shared_data):
    X = read_trade_matrix(
        shared_data / "economic_complexity/stojkoski2023_trade_country_x_hs4product_2020.csv.gz"
    )
    assert X.shape == (228, 1268)
    assert X.to_numpy().sum() == pytest.approx(1.68e13, rel=0.01)
    eci = read_published_eci(shared_data / "economic_complexity/oec_eci_trade_1998_2022.csv", "DZA")
    assert min(eci) == 1998 and max(eci) == 2022
    assert eci[2020] == pytest.approx(-1.3013605664)


def test_doctests():
    import doctest

    import grappe.io.trade

    result = doctest.testmod(grappe.io.trade)
    assert result.attempted > 0 and result.failed == 0
