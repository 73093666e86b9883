"""read_regional_table on small hand-made files: formats, mapping, validation, withheld cells."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io import FLAG_MIDPOINTS, read_regional_table
from grappe.model import REGIONAL_COLUMNS

HEADER = "region,industry,year,employment,establishments,payroll\n"


def write(tmp_path: Path, text: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_reads_a_tiny_csv(tmp_path):
    path = write(
        tmp_path,
        HEADER + "A,311111,2019,10,2,100\nA,336411,2019,5,1,80\nB, 311111 ,2019,7,,\n",
    )
    table = read_regional_table(path, classification="naics2017")
    data = table.data
    assert list(data.columns) == list(REGIONAL_COLUMNS)
    assert isinstance(data["region"].dtype, pd.CategoricalDtype)
    assert data["year"].dtype == np.int16
    assert data["employment"].tolist() == [10.0, 5.0, 7.0]
    assert data["industry"].astype(str).tolist() == ["311111", "336411", "311111"]
    assert np.isnan(data["payroll"].iloc[2]) and np.isnan(data["establishments"].iloc[2])
    assert not data["withheld"].any()
    assert (table.classification, table.region_type, table.withheld_policy) == (
        "naics2017",
        "region",
        "raise",
    )
    assert table.source == str(path)


def test_column_mapping_and_region_names(tmp_path):
    path = write(
        tmp_path,
        "wilaya,nom,nace,annee,emploi\n16,Alger,10.1,2020,120\n09,Blida,10.1,2020,30\n",
    )
    table = read_regional_table(
        path,
        columns={
            "wilaya": "region",
            "nom": "region_name",
            "nace": "industry",
            "annee": "year",
            "emploi": "employment",
        },
        classification="nace2",
        region_type="wilaya",
    )
    assert table.regions == ("09", "16")
    assert table.region_name("16") == "Alger"
    assert table.data["industry"].astype(str).unique().tolist() == ["101"]
    assert table.region_type == "wilaya"


def test_csv_gz_parquet_and_excel_give_the_same_table(tmp_path):
    frame = pd.DataFrame(
        {
            "region": ["01", "01", "02"],
            "industry": ["311111", "42", "311111"],
            "year": [2019, 2019, 2020],
            "employment": [3, 4, 5],
        }
    )
    frame.to_csv(tmp_path / "t.csv.gz", index=False)
    frame.to_parquet(tmp_path / "t.parquet", index=False)
    with pd.ExcelWriter(tmp_path / "t.xlsx") as writer:
        pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="notes", index=False)
        frame.to_excel(writer, sheet_name="data", index=False)
    tables = [
        read_regional_table(tmp_path / "t.csv.gz", classification="naics"),
        read_regional_table(tmp_path / "t.parquet", classification="naics"),
        read_regional_table(tmp_path / "t.xlsx", classification="naics", sheet="data"),
        read_regional_table(tmp_path / "t.xlsx", classification="naics", sheet=1),
    ]
    for table in tables[1:]:
        pd.testing.assert_frame_equal(
            table.data.astype({"region": str, "industry": str}),
            tables[0].data.astype({"region": str, "industry": str}),
        )
    with pytest.raises(NotFoundError, match="has no sheet 'other'.*'notes', 'data'"):
        read_regional_table(tmp_path / "t.xlsx", sheet="other")


def test_levels_and_years_select_rows(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "A,00,2018,30,,\nA,31-33,2018,20,,\nA,311111,2018,20,,\nA,00,2019,31,,\n"
        + "A,311111,2019,21,,\nA,42,2019,10,,\n",
    )
    six = read_regional_table(path, classification="naics2017", levels=(6,))
    assert six.data["industry"].astype(str).tolist() == ["311111", "311111"]
    assert list(six.data["industry"].cat.categories) == ["311111"]
    sectors = read_regional_table(path, classification="naics2017", levels=[2], years=[2019])
    assert sectors.data["industry"].astype(str).tolist() == ["42"]
    assert sectors.years == (2019,)


def test_all_problems_are_reported_at_once_with_rows_and_file_columns(tmp_path):
    path = write(
        tmp_path,
        "geo,naics,yr,jobs\nA,311111,2019,-1\nA,3X,2019,4\nB,311111,2019,abc\nB,311111,2019,3\n",
    )
    columns = {"geo": "region", "naics": "industry", "yr": "year", "jobs": "employment"}
    with pytest.raises(DataValidationError) as info:
        read_regional_table(path, columns=columns, classification="naics2017")
    found = {(i.row, i.column) for i in info.value.issues}
    assert found == {(2, "jobs"), (3, "naics"), (4, "jobs"), (5, "naics")}
    text = str(info.value)
    assert "row 2, column 'jobs': '-1' is negative" in text
    assert "row 3, column 'naics': '3X' is not a well-formed naics2017 code" in text
    assert "row 4, column 'jobs': 'abc' is not a number" in text
    assert "row 5, column 'naics': duplicate key" in text and "first seen in row 4" in text
    assert all(i.file == str(path) and i.fix for i in info.value.issues)


def test_duplicates_are_found_after_normalisation(tmp_path):
    path = write(tmp_path, HEADER + "A,10.1,2019,1,,\nA,101,2019,2,,\n")
    with pytest.raises(DataValidationError, match="row 3.*duplicate key.*'101'.*row 2"):
        read_regional_table(path, classification="nace2")
    with pytest.raises(DataValidationError, match="row 3.*duplicate key"):
        read_regional_table(write(tmp_path, HEADER + "A,x,2019,1,,\nA,x,2019,2,,\n"))


def test_missing_columns_name_what_is_there(tmp_path):
    path = write(tmp_path, "geo,naics,year,emp\nA,11,2019,1\n")
    with pytest.raises(DataValidationError, match=r"required column 'region' is missing.*'geo'"):
        read_regional_table(path)
    with pytest.raises(DataValidationError, match=r"columns=\{'<name in file>': 'employment'\}"):
        read_regional_table(path, columns={"geo": "region", "naics": "industry"})
    with pytest.raises(DataValidationError, match="'jobs' given in columns= is not in the file"):
        read_regional_table(
            path,
            columns={
                "geo": "region",
                "naics": "industry",
                "emp": "employment",
                "jobs": "payroll",
            },
        )


def test_missing_values_years_and_codes(tmp_path):
    path = write(tmp_path, HEADER + ",11,2019,1,,\nA,,2019,1,,\nA,11,,1,,\nA,11,2019.5,1,,\n")
    with pytest.raises(DataValidationError) as info:
        read_regional_table(path, classification="naics2017")
    messages = [(i.row, i.message) for i in info.value.issues]
    assert (2, "The region code is missing.") in messages
    assert (3, "The industry code is missing.") in messages
    assert (4, "The year is missing.") in messages
    assert (5, "'2019.5' is not a year.") in messages


def test_requested_years_must_be_present(tmp_path):
    path = write(tmp_path, HEADER + "A,11,2018,1,,\nA,11,2019,1,,\n")
    with pytest.raises(
        DataValidationError,
        match=r"years \[2030\] are not in the file.*"
        r"\[2018, 2019\]",
    ):
        read_regional_table(path, years=[2019, 2030])


def test_unknown_codes_against_a_code_list(tmp_path):
    path = write(tmp_path, HEADER + "A,311111,2019,1,,\nA,311119,2019,1,,\n")
    with pytest.raises(DataValidationError, match="row 3.*'311119' is not a code of the"):
        read_regional_table(path, classification="naics2017", known_codes={"311111"})


def test_many_bad_rows_are_summarised(tmp_path):
    lines = "".join(f"A,{100000 + i},2019,-1,,\n" for i in range(60))
    with pytest.raises(DataValidationError) as info:
        read_regional_table(write(tmp_path, HEADER + lines), classification="naics")
    assert len(info.value.issues) == 51
    assert "10 more rows with the same problem" in info.value.issues[-1].message


# --- withheld cells ---------------------------------------------------------------------------

WITHHELD = "region,industry,year,employment,empflag\nA,11,2019,10,\nA,21,2019,,B\nA,22,2019,,\n"
FLAG = {"empflag": "flag"}


def test_withheld_raise_is_the_generic_default(tmp_path):
    path = write(tmp_path, WITHHELD)
    with pytest.raises(DataValidationError, match="row 3.*withheld.*withheld='drop'"):
        read_regional_table(path, columns=FLAG)


def test_withheld_drop_and_keep_zero(tmp_path):
    path = write(tmp_path, WITHHELD)
    dropped = read_regional_table(path, columns=FLAG, withheld="drop")
    assert dropped.data["industry"].astype(str).tolist() == ["11"]
    assert not dropped.data["withheld"].any()
    zero = read_regional_table(path, columns=FLAG, withheld="keep_zero")
    assert zero.data["employment"].tolist() == [10.0, 0.0, 0.0]
    assert zero.data["withheld"].tolist() == [False, True, True]
    assert zero.withheld_policy == "keep_zero"


def test_withheld_flag_midpoint(tmp_path):
    path = write(tmp_path, WITHHELD.replace("A,22,2019,,\n", "A,22,2019,0,M\n"))
    table = read_regional_table(path, columns=FLAG, withheld="impute_flag_midpoint")
    assert table.data["employment"].tolist() == [10.0, 59.5, 100_000.0]
    assert table.data["withheld"].tolist() == [False, True, True]
    assert FLAG_MIDPOINTS["A"] == 9.5 and FLAG_MIDPOINTS["L"] == 74_999.5


def test_withheld_midpoint_needs_a_size_class(tmp_path):
    path = write(tmp_path, WITHHELD)
    with pytest.raises(DataValidationError, match="row 4, column 'empflag'.*not a size class"):
        read_regional_table(path, columns=FLAG, withheld="impute_flag_midpoint")
    no_flag = write(tmp_path, HEADER + "A,11,2019,,,\n", "noflag.csv")
    with pytest.raises(DataValidationError, match="no flag column.*'drop' or 'keep_zero'"):
        read_regional_table(no_flag, withheld="impute_flag_midpoint")


# --- parameters -------------------------------------------------------------------------------


def test_bad_parameters(tmp_path):
    path = write(tmp_path, HEADER + "A,11,2019,1,,\n")
    with pytest.raises(InvalidParameterError, match="'withheld' parameter of read_regional_table"):
        read_regional_table(path, withheld="zero")
    with pytest.raises(InvalidParameterError, match="'source' parameter"):
        read_regional_table(path, source="eurostat-xyz")
    with pytest.raises(InvalidParameterError, match="'classification' parameter"):
        read_regional_table(path, classification="sic")
    with pytest.raises(InvalidParameterError, match="'levels' parameter.*must be None"):
        read_regional_table(path, levels=(2,))
    with pytest.raises(InvalidParameterError, match="'years' parameter.*list of integers"):
        read_regional_table(path, years="2019")
    with pytest.raises(InvalidParameterError, match="'levels' parameter.*list of integers"):
        read_regional_table(path, classification="naics", levels=[])
    with pytest.raises(InvalidParameterError, match="'columns' parameter.*names among"):
        read_regional_table(path, columns={"region": "place"})
    with pytest.raises(InvalidParameterError, match="at most one file column"):
        read_regional_table(path, columns={"region": "region", "industry": "region"})
    with pytest.raises(InvalidParameterError, match=r"'path' parameter.*\.csv"):
        read_regional_table(write(tmp_path, "x", "t.txt"))
    with pytest.raises(InvalidParameterError, match="'path' parameter.*str or a Path"):
        read_regional_table(3)
    with pytest.raises(NotFoundError, match="No such file"):
        read_regional_table(tmp_path / "absent.csv")


# --- properties -------------------------------------------------------------------------------

rows_strategy = st.lists(
    st.tuples(
        st.sampled_from(["01", "02", "03"]),
        st.sampled_from(["311111", "336411", "541511", "42"]),
        st.integers(2017, 2019),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=30,
    unique_by=lambda r: r[:3],
)


@settings(max_examples=25, deadline=None)
@given(rows_strategy, st.randoms(use_true_random=False))
def test_row_order_does_not_matter_and_totals_are_kept(rows, rnd):
    frame = pd.DataFrame(rows, columns=["region", "industry", "year", "employment"])
    shuffled = frame.sample(frac=1.0, random_state=rnd.randint(0, 1000))
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder) / "a.csv", Path(folder) / "b.csv"
        frame.to_csv(a, index=False)
        shuffled.to_csv(b, index=False)
        if not frame["employment"].any():  # all zero: refused, never a table of undefined LQs
            with pytest.raises(DataValidationError, match="every employment value"):
                read_regional_table(a, classification="naics2017")
            return
        ta = read_regional_table(a, classification="naics2017").data
        tb = read_regional_table(b, classification="naics2017").data
    key = ["region", "industry", "year"]
    ta = ta.astype({"region": str, "industry": str}).sort_values(key).reset_index(drop=True)
    tb = tb.astype({"region": str, "industry": str}).sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(ta, tb)
    assert ta["employment"].sum() == frame["employment"].sum()
    assert len(ta) == len(frame)


def test_parquet_level_selection_still_reports_bad_rows_with_their_numbers(tmp_path):
    frame = pd.DataFrame(
        {
            "region": ["A", "A", "A", "A"],
            "industry": ["00", "311111", "31X", None],
            "year": [2019, 2019, 2019, 2019],
            "employment": [3.0, 2.0, 1.0, 1.0],
        }
    )
    frame.to_parquet(tmp_path / "t.parquet", index=False)
    with pytest.raises(DataValidationError) as info:
        read_regional_table(tmp_path / "t.parquet", classification="naics2017", levels=(6,))
    found = {(i.row, i.message) for i in info.value.issues}
    assert (3, "'31X' is not a well-formed naics2017 code.") in found
    assert (4, "The industry code is missing.") in found
    frame["industry"] = ["00", "311111", "311119", "311121"]
    frame["employment"] = [3.0, 2.0, -1.0, 1.0]
    frame.to_parquet(tmp_path / "t.parquet", index=False)
    with pytest.raises(DataValidationError, match=r"row 3, column 'employment': -1\.0 is negative"):
        read_regional_table(tmp_path / "t.parquet", classification="naics2017", levels=(6,))


def test_lower_case_flags_qualify_a_value_and_do_not_withhold_it(tmp_path):
    # Eurostat flags: "b" break in series, "u" low reliability; the value is published.
    path = write(tmp_path, "region,industry,year,employment,flag\nAT11,C,2015,6.4,b\n")
    table = read_regional_table(path, classification="nace2")
    assert table.data["employment"].tolist() == [6.4]
    assert not table.data["withheld"].any()
