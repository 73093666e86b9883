"""Uploaded tables as Excel workbooks (``grappe.io.files.read_table_bytes``, read by the API's
and the page's network uploads through ``read_network_bytes``): the same network and the same
errors as the CSV files. The workbooks are built in the tests from the bundled Knoke network
(real data, ``grappe/data/networks/knoke``)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from grappe.errors import DataValidationError, NotFoundError
from grappe.io.files import read_table_bytes
from grappe.io.network import read_example_network, read_network_bytes

KNOKE = read_example_network("knoke")
ACTORS = KNOKE.actors[["id", "name", "sphere", "level"]]
TIES = KNOKE.ties[["source", "target", "type"]].assign(evidence=KNOKE.ties["evidence"])


def _workbook(**sheets: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    return buffer.getvalue()


def _csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode()


def _frames(net):
    return net.actors.astype(str).values.tolist(), net.ties.astype(str).values.tolist()


def test_a_workbook_gives_the_network_of_the_csv_files():
    expected = read_network_bytes(_csv(ACTORS), _csv(TIES))
    assert (expected.n_actors, len(expected.ties)) == (10, 71)
    # One workbook with both sheets (any order, any case of the names) …
    book = _workbook(Notes=pd.DataFrame({"read": ["me"]}), TIES=TIES, Actors=ACTORS)
    both = read_network_bytes(book, book, actors_name="grid.xlsx", ties_name="grid.xlsx")
    assert _frames(both) == _frames(expected)
    # … or one table per workbook, on its first sheet whatever its name.
    apart = read_network_bytes(_workbook(Feuil1=ACTORS), _workbook(Feuil1=TIES),
                               actors_name="a.xlsx", ties_name="t.xlsx")  # fmt: skip
    assert _frames(apart) == _frames(expected)
    # A CSV named without a table suffix is read as CSV, as before.
    assert read_table_bytes(_csv(ACTORS), name="registry actors").shape == ACTORS.shape


def test_a_bad_row_of_a_workbook_is_named_as_in_a_csv_file():
    ties = TIES.copy()
    ties.loc[3, "type"] = "gossip"  # data row 4: row 5 of the sheet and of the CSV file
    with pytest.raises(DataValidationError) as from_csv:
        read_network_bytes(_csv(ACTORS), _csv(ties), ties_name="grid.csv")
    with pytest.raises(DataValidationError, match=r"grid\.xlsx, row 5, column 'type'") as book:
        read_network_bytes(_workbook(actors=ACTORS), _workbook(ties=ties),
                           actors_name="actors.xlsx", ties_name="grid.xlsx")  # fmt: skip
    as_csv = [(i.row, i.column, i.message) for i in from_csv.value.issues]
    as_xlsx = [(i.row, i.column, i.message) for i in book.value.issues]
    assert as_xlsx == as_csv and as_csv[0][:2] == (5, "type")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (_workbook(ties=TIES)[:900], r"grid\.xlsx: the Excel ties table is damaged or truncated"),
        (b"\xd0\xcf\x11\xe0" + b"\0" * 60, r"is an old Excel \.xls workbook, named \.xlsx"),
        (_csv(TIES), r"grid\.xlsx: the ties table is not an Excel \.xlsx workbook"),
        (b"", r"grid\.xlsx: the ties table is empty \(0 bytes\)"),
        (_workbook(ties=TIES.iloc[:0]), r"the ties table has a header but no data rows"),
    ],
    ids=["truncated", "xls", "csv-named-xlsx", "empty", "no-rows"],
)
def test_a_damaged_or_wrong_workbook_gets_a_clear_error(data, match):
    with pytest.raises(DataValidationError, match=match):
        read_table_bytes(data, name="grid.xlsx", what="ties table")


def test_a_parquet_upload_and_a_missing_sheet_are_refused():
    with pytest.raises(DataValidationError, match=r"t\.parquet: the table is a Parquet file; an "
                       r"upload is read as CSV or Excel \.xlsx"):  # fmt: skip
        read_table_bytes(b"PAR1", name="t.parquet")
    with pytest.raises(NotFoundError, match=r"'t\.xlsx' has no sheet 'ties'; its sheets are"):
        read_table_bytes(_workbook(Feuil1=TIES), name="t.xlsx", sheet="ties")
