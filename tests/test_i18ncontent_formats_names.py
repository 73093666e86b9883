"""One number format per locale (grappe.formats) and the benchmark clusters' names in fr/ar."""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from grappe.definitions import (
    bundled_definitions,
    check_name_catalogue,
    cluster_name_catalogue,
    cluster_names,
    localized_cluster_name,
)
from grappe.errors import DataValidationError, InvalidParameterError
from grappe.formats import (
    INTL_LOCALES,
    format_day,
    format_money,
    format_number,
    format_share,
    format_year,
)


def test_each_language_has_one_convention():
    assert [format_number(1234567.891, x, digits=2) for x in ("fr", "ar", "en")] == [
        "1\u202f234\u202f567,89",
        "1.234.567,89",
        "1,234,567.89",
    ]
    # The "0.144 beside 0,278": both through the same helper in French.
    assert format_number(0.144, "fr", significant=3) == "0,144"
    assert format_number(0.278, "fr", digits=3) == "0,278"
    assert format_share(0.0512, "ar") == "5,1%"
    assert format_year(2024, "fr") == "2024"  # no grouping in years
    assert format_day(dt.date(2024, 3, 31), "ar").replace("\u200f", "") == "31/03/2024"
    assert format_money(1500, "DZD", "ar").startswith("\u200f1.500")
    assert INTL_LOCALES == {"fr": "fr", "ar": "ar-DZ", "en": "en"}  # the pages' JavaScript
    assert format_number(-2.5, "ar", digits=1) == "\u200e-2,5"  # CLDR's Arabic minus sign (LRM)
    assert format_number(-2.5, "fr", digits=1) == "-2,5"


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3))
def test_arabic_uses_latin_digits_and_reads_back(value, digits):
    text = format_number(value, "ar", digits=digits)
    assert not any("\u0660" <= c <= "\u0669" for c in text)
    plain = text.replace("\u200e", "").replace("\u061c", "").replace(".", "")
    back = float(plain.replace(",", "."))
    assert back == pytest.approx(round(value, digits), abs=10**-digits)


@pytest.mark.parametrize("func", [format_number, format_share, format_year])
def test_unknown_language_is_refused(func):
    with pytest.raises(InvalidParameterError, match="lang.*must be one of 'fr', 'ar', 'en'"):
        func(3, "de")


def test_money_and_day_refuse_an_unknown_language():
    with pytest.raises(InvalidParameterError, match="format_money"):
        format_money(3, "EUR", "es")
    with pytest.raises(InvalidParameterError, match="format_day"):
        format_day(dt.date(2024, 1, 1), "es")


# --- names -----------------------------------------------------------------------------------


def test_every_benchmark_cluster_has_french_and_arabic_names():
    clusters = bundled_definitions("us-benchmark").clusters
    names = cluster_name_catalogue().set_index("code")
    assert sorted(names.index, key=int) == sorted(clusters["cluster"].astype(str), key=int)
    assert len(names) == 67  # 51 traded + 16 local
    for row in clusters.itertuples(index=False):
        entry = names.loc[str(row.cluster)]
        assert entry["name_en"] == row.cluster_name
        assert entry["name_fr"] and entry["name_fr"] != entry["name_en"]
        assert any("\u0621" <= c <= "\u064a" for c in entry["name_ar"])  # Arabic letters
    assert set(names["status"]) == {"machine-unverified"}  # none reviewed yet: said so
    assert len(set(names["name_fr"])) == len(set(names["name_ar"])) == 67  # no two alike


def test_names_are_hand_checked():
    assert cluster_names("fr")["4"] == "Automobile"
    assert cluster_names("ar")["17"] == "الصيد البحري ومنتجاته"
    assert cluster_names("ar")["113"] == "التعليم والتكوين المحليان"  # Maghreb: التكوين
    assert cluster_names("en")["45"] == "Transportation and Logistics"


def test_a_user_cluster_reusing_a_code_keeps_its_name():
    assert localized_cluster_name(4, "Automotive", "ar") == ("صناعة السيارات", "ar")
    assert localized_cluster_name("4", "Textile de Tlemcen", "ar") == ("Textile de Tlemcen", "en")
    assert localized_cluster_name("999", "Dattes", "fr") == ("Dattes", "en")


def test_names_refuse_unknown_language_or_set():
    with pytest.raises(InvalidParameterError, match="lang"):
        cluster_names("de")
    with pytest.raises(InvalidParameterError, match="definitions"):
        cluster_names("fr", definitions="eu-observatory")
    with pytest.raises(InvalidParameterError, match="localized_cluster_name"):
        localized_cluster_name("4", "Automotive", "xx")
    with pytest.raises(InvalidParameterError, match="cluster_name_catalogue"):
        cluster_name_catalogue("nope")


def _bundled_rows() -> list[dict[str, str]]:
    resource = resources.files("grappe").joinpath("data", "definitions", "us_benchmark_names.csv")
    with resource.open("r", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_catalogue_checks_name_the_row_column_and_fix():
    rows = _bundled_rows()[:3]
    rows[1] = {**rows[1], "name_ar": " ", "status": "draft"}
    rows.append(dict(rows[0]))
    with pytest.raises(DataValidationError) as info:
        check_name_catalogue(pd.DataFrame(rows), source="names.csv")
    text = str(info.value)
    assert "names.csv, row 3, column 'name_ar': empty name_ar." in text
    assert "row 3, column 'status': unknown status 'draft'" in text
    assert "row 5, column 'code': code '1' appears twice. Fix: Keep one row per cluster." in text


def test_catalogue_must_match_the_definitions():
    rows = _bundled_rows()[:2]
    clusters = {"1": "Aerospace Vehicles and Defense", "2": "Farming", "3": "Apparel"}
    with pytest.raises(DataValidationError, match="row 3, column 'name_en': English name"):
        check_name_catalogue(pd.DataFrame(rows), source="n.csv", clusters=clusters)
    with pytest.raises(DataValidationError, match=r"no names for cluster\(s\) 3\."):
        check_name_catalogue(pd.DataFrame(rows), source="n.csv", clusters=clusters)
    with pytest.raises(DataValidationError, match="code '2' is no cluster of the definitions"):
        check_name_catalogue(pd.DataFrame(rows), source="n.csv", clusters={"1": rows[0]["name_en"]})


def test_catalogue_without_a_column_is_refused():
    with pytest.raises(DataValidationError, match=r"row 1: missing column\(s\) name_ar, status"):
        check_name_catalogue(
            pd.DataFrame({"code": ["1"], "name_en": ["a"], "name_fr": ["b"]}), source="x.csv"
        )
