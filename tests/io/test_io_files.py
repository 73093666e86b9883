"""grappe.io.files: every way a file can be bad gets a clear error; what users export is read."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io import read_definitions, read_region_set, read_regional_table
from grappe.io.complexity import read_activity_matrix
from grappe.io.files import (
    ReadOptions,
    parse_numbers,
    read_document,
    read_header,
    read_table,
    read_text,
)

runner = CliRunner()
GOOD = "region,industry,year,employment\nA,311111,2019,10\nB,311111,2019,7\n"


def flat(text: str) -> str:
    """Console output without the line breaks of its wrapping."""
    return " ".join(text.split())


def put(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


def parquet_bytes() -> bytes:
    buf = io.BytesIO()
    pd.DataFrame({"region": ["A", "B"], "employment": [1, 2]}).to_parquet(buf)
    return buf.getvalue()


def xlsx(path: Path, sheets: dict[str, pd.DataFrame]) -> Path:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    return path


# --- errors: missing, empty, binary, wrong format ----------------------------------------


def test_missing_file_folder_and_suffix(tmp_path):
    with pytest.raises(NotFoundError, match=r"No such file: .*absent\.csv"):
        read_table(tmp_path / "absent.csv")
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(DataValidationError, match=r"dir\.csv: the table is a folder"):
        read_table(tmp_path / "dir.csv")
    with pytest.raises(InvalidParameterError, match=r"\.csv, \.csv\.gz, \.tsv.*'t\.json'"):
        read_table(put(tmp_path, "t.json", "{}"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", r"empty\.csv: the actors table is empty \(0 bytes\)"),
        (b"  \r\n\t\n  ", r"empty\.csv: the actors table is empty \(only whitespace\)"),
        (b"region,employment\n", r"empty\.csv: the actors table has a header but no data rows"),
        (b"region,employment\r\n\r\n\r\n", "has a header but no data rows"),
    ],
)
def test_empty_whitespace_and_header_only(tmp_path, data, message):
    path = put(tmp_path, "empty.csv", data)
    with pytest.raises(DataValidationError, match=message):
        read_table(path, what="actors table")


def test_header_only_is_allowed_on_request(tmp_path):
    path = put(tmp_path, "h.csv", "region;employment\n")
    assert read_table(path, allow_empty=True).columns.tolist() == ["region", "employment"]
    assert read_header(path) == ["region", "employment"]


def test_binary_garbage_as_csv(tmp_path):
    nul = put(tmp_path, "nul.csv", b"region,employment\n" + bytes(range(32)) * 40)
    with pytest.raises(DataValidationError, match=r"nul\.csv: the table holds binary data"):
        read_table(nul)
    undecodable = put(tmp_path, "bin.csv", b"a,b\n\x81\x8d\x8f\x90\x9d\xff\xfe" * 20)
    with pytest.raises(DataValidationError, match=r"bin\.csv, row 2: .*neither UTF-8 nor cp1252"):
        read_table(undecodable)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("p.csv", b"PAR1\x00\x00PAR1", r"p\.csv: the table is a Parquet file, not a text table"),
        ("x.csv", b"PK\x03\x04rest", "a zip archive"),
        ("g.csv", gzip.compress(GOOD.encode(), mtime=0), r"gzip-compressed.*\.csv\.gz"),
        ("n.csv.gz", GOOD.encode(), r"n\.csv\.gz: the table is not gzip-compressed"),
        (
            "t.csv.gz",
            gzip.compress(GOOD.encode() * 20, mtime=0)[:40],
            "damaged or the file is truncated",
        ),
        ("r.parquet", b"region,employment\n1,2\n", r"not a Parquet file \(it does not start"),
        ("e.parquet", b"", r"e\.parquet: the table is empty"),
        ("o.xlsx", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, r"old Excel \.xls workbook"),
        ("c.xlsx", GOOD.encode(), r"c\.xlsx: the table is not an Excel \.xlsx workbook"),
        ("z.xlsx", b"PK\x03\x04" + b"\x00" * 50, r"z\.xlsx: the Excel table is damaged"),
    ],
)
def test_wrong_magic_bytes(tmp_path, name, data, message):
    with pytest.raises(DataValidationError, match=message):
        read_table(put(tmp_path, name, data))


def test_truncated_and_damaged_parquet(tmp_path):
    data = parquet_bytes()
    cut = put(tmp_path, "cut.parquet", data[: len(data) // 2])
    with pytest.raises(DataValidationError, match=r"cut\.parquet: the Parquet table is truncated"):
        read_table(cut)
    damaged = put(tmp_path, "bad.parquet", data[: len(data) // 2] + b"PAR1")
    with pytest.raises(DataValidationError, match=r"bad\.parquet: .*damaged or truncated"):
        read_table(damaged)
    with pytest.raises(DataValidationError, match="damaged or truncated"):
        read_regional_table(damaged)
    assert read_table(put(tmp_path, "ok.parquet", data))["employment"].tolist() == [1, 2]


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "notbook.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(DataValidationError, match="a zip archive but not an Excel workbook"):
        read_table(path)


# --- errors: text ----------------------------------------------------------------------------


def test_undecodable_under_an_explicit_encoding_names_byte_line_and_fix(tmp_path):
    path = put(tmp_path, "w.csv", "wilaya,emplois\nAlger,1\nSétif,2\n", "cp1252")
    with pytest.raises(
        DataValidationError,
        match=r"w\.csv, row 3: .*as utf-8: byte 24 \(0xe9, "
        r"line 3\).*--encoding cp1252",
    ) as info:
        read_table(path, options=ReadOptions(encoding="utf-8"))
    assert info.value.row == 3
    assert read_table(path)["wilaya"].tolist() == ["Alger", "Sétif"]  # detected as cp1252


def test_unclosed_quote_names_the_row(tmp_path):
    path = put(tmp_path, "q.csv", 'a,b\n1,2\n"3,4\n5,6\n')
    with pytest.raises(DataValidationError, match=r"q\.csv, row 3: a quote opened in this row"):
        read_table(path)


def test_repeated_column_names_name_both_positions(tmp_path):
    path = put(tmp_path, "d.csv", "region,year,employment,year\nA,2019,1,2020\n")
    with pytest.raises(
        DataValidationError,
        match=r"d\.csv, row 1, column 'year': the column name 'year' is repeated in the table: "
        r"columns 2 and 4",
    ):
        read_table(path)
    spaced = put(tmp_path, "s.csv", "region, region \nA,B\n")
    with pytest.raises(DataValidationError, match="columns 1 and 2"):
        read_table(spaced)
    book = xlsx(tmp_path / "dup.xlsx", {"s": pd.DataFrame([[1, 2]], columns=["x", "y"])})
    frame = pd.read_excel(book)
    frame.columns = ["x", "x"]
    xlsx(book, {"s": frame})
    with pytest.raises(DataValidationError, match="'x' is repeated in the table: columns 1 and 2"):
        read_table(book)


def test_ragged_rows_are_refused_with_their_row(tmp_path):
    first = put(tmp_path, "r1.csv", "region,employment\nA,1,9\nB,2\n")
    with pytest.raises(DataValidationError, match=r"r1\.csv, row 2: this row has more fields"):
        read_table(first)
    later = put(tmp_path, "r2.csv", "region,employment\nA,1\nB,2\nC,3,9,9\n")
    with pytest.raises(
        DataValidationError,
        match=r"r2\.csv, row 4: this row has 4 fields but "
        r"the header has 2",
    ):
        read_table(later)
    # the regional reader reads through the same door
    with pytest.raises(DataValidationError, match="row 2: this row has more fields"):
        read_regional_table(put(tmp_path, "r3.csv", GOOD.replace("2019,10", "2019,10,5")))


def test_fewer_fields_and_trailing_separators_are_read(tmp_path):
    short = read_table(put(tmp_path, "s.csv", "a,b,c\n1,2\n3,4,5\n"))
    assert short["c"].isna().tolist() == [True, False]
    trailing = read_table(put(tmp_path, "t.csv", "a;b\n1;2;\n3;4;\n"))
    assert trailing.to_dict("list") == {"a": ["1", "3"], "b": ["2", "4"]}


def test_excel_missing_or_empty_sheet(tmp_path):
    book = xlsx(tmp_path / "b.xlsx", {"data": pd.DataFrame({"a": [1]})})
    with pytest.raises(NotFoundError, match=r"has no sheet 'other'; its sheets are \['data'\]"):
        read_table(book, sheet="other")
    empty = xlsx(tmp_path / "e.xlsx", {"vide": pd.DataFrame()})
    with pytest.raises(DataValidationError, match=r"e\.xlsx: the sheet 0 of the table is empty"):
        read_table(empty)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"encoding": "klingon"}, "'encoding' option must be a text encoding"),
        ({"sep": ";;"}, "'sep' option must be one character"),
        ({"decimal": ";"}, "'decimal' option must be '.' or ','"),
        ({"thousands": "x"}, "'thousands' option must be one of"),
        ({"decimal": ",", "thousands": ","}, "'thousands' option must be one of"),
        ({"sep": ",", "decimal": ","}, "'sep' and 'decimal' options must differ"),
    ],
)
def test_bad_read_options(kwargs, message):
    with pytest.raises(InvalidParameterError, match=message):
        ReadOptions(**kwargs)


# --- valid variants ----------------------------------------------------------------------


def test_bom_crlf_semicolon_decimal_comma_and_thousands(tmp_path):
    text = "wilaya;emplois;salaires\r\nAlger;1 234,5;1.234.567,25\r\nOran;12;3\u202f000\r\n"
    path = put(tmp_path, "fr.csv", "\ufeff" + text)
    frame = read_table(path)
    assert frame.columns.tolist() == ["wilaya", "emplois", "salaires"]
    options = ReadOptions(decimal=",")
    kw = {"options": options, "file": str(path)}
    assert parse_numbers(frame["emplois"], column="emplois", **kw).tolist() == [1234.5, 12.0]
    assert parse_numbers(frame["salaires"], column="salaires", **kw).tolist() == [
        1234567.25,
        3000.0,
    ]


def test_cp1252_accents_as_french_excel_saves_them(tmp_path):
    text = "wilaya;nom;emplois\r\n19;Sétif;1\u00a0200\r\n06;Béjaïa;950\r\n"
    path = put(tmp_path, "dz.csv", text, "cp1252")
    frame = read_table(path)
    assert frame["nom"].tolist() == ["Sétif", "Béjaïa"]
    assert frame["wilaya"].tolist() == ["19", "06"]  # codes stay text
    assert parse_numbers(frame["emplois"]).tolist() == [1200.0, 950.0]
    assert read_text(path).startswith("wilaya;nom")


def test_arabic_names_digits_and_sheet(tmp_path):
    text = "الولاية,القطاع,السنة,العمالة\nسطيف,311111,٢٠١٩,١٢٣٤\nوهران,311111,۲۰۱۹,٧٫٥\n"
    path = put(tmp_path, "ar.csv", text)
    frame = read_table(path)
    assert frame.columns.tolist() == ["الولاية", "القطاع", "السنة", "العمالة"]
    assert frame["الولاية"].tolist() == ["سطيف", "وهران"]
    years = parse_numbers(frame["السنة"], file=str(path), column="السنة")
    assert years.tolist() == [2019.0, 2019.0]
    assert parse_numbers(frame["العمالة"]).tolist() == [1234.0, 7.5]  # ٫ is a decimal mark
    jobs = parse_numbers(frame["العمالة"], options=ReadOptions(decimal=","))
    assert jobs.tolist() == [1234.0, 7.5]
    book = xlsx(tmp_path / "ar.xlsx", {"ملخص": pd.DataFrame({"a": [1]}), "بيانات": frame})
    assert read_table(book, sheet="بيانات")["الولاية"].tolist() == ["سطيف", "وهران"]
    table = read_regional_table(
        path,
        columns={
            "الولاية": "region",
            "القطاع": "industry",
            "السنة": "year",
            "العمالة": "employment",
        },
        options=ReadOptions(decimal=","),
    )
    assert table.data["region"].astype(str).tolist() == ["سطيف", "وهران"]
    assert table.data["employment"].tolist() == [1234.0, 7.5]


@pytest.mark.parametrize(
    ("name", "data", "options"),
    [
        ("t.tsv", "a\tb\n1\t2\n", None),
        ("p.csv", "a|b\n1|2\n", None),
        ("s.csv", "a;b\n1;2\n", None),
        ("q.csv", '"a;x",b\n1,2\n', None),  # the separator inside a quoted name does not count
        ("e.csv", "a:b\n1:2\n", ReadOptions(sep=":")),
        ("tab.txt", "a\tb\n1\t2\n", ReadOptions(sep="tab")),
    ],
)
def test_separators(tmp_path, name, data, options):
    frame = read_table(put(tmp_path, name, data), options=options)
    assert frame.iloc[0].tolist() == ["1", "2"]
    assert frame.shape == (1, 2)


def test_utf16_gzip_and_trailing_blank_lines(tmp_path):
    assert read_table(put(tmp_path, "u.csv", GOOD, "utf-16")).shape == (2, 4)
    assert read_table(put(tmp_path, "g.csv.gz", gzip.compress(GOOD.encode()))).shape == (2, 4)
    assert read_table(put(tmp_path, "b.csv", GOOD + "\n\n")).shape == (2, 4)


def test_dtype_none_infers_with_the_options(tmp_path):
    path = put(tmp_path, "n.csv", "x;y\n2,5;1\n3,25;2\n")
    frame = read_table(path, dtype=None, options=ReadOptions(decimal=","))
    assert frame["x"].tolist() == [2.5, 3.25]


# --- numbers ----------------------------------------------------------------------------------


def test_parse_numbers_refuses_with_rows_and_column():
    series = pd.Series(["1", "deux", "", "1.5", "nan", None])
    with pytest.raises(
        DataValidationError,
        match=r"f\.csv, row 3, column 'v': 'deux' is not a "
        r"number.*--decimal",
    ) as info:
        parse_numbers(series, options=ReadOptions(decimal=","), file="f.csv", column="v")
    # "1.5" under a decimal comma is not 15: a dot groups three digits or is refused
    assert [i.row for i in info.value.issues] == [3, 5, 6]


def test_parse_numbers_variants():
    with pytest.raises(DataValidationError, match=r"row 2: '2\\xa0500,0' is not a number"):
        parse_numbers(pd.Series(["2\u00a0500,0"]))
    assert parse_numbers(pd.Series(["1 000", "\u22123", "1e3", " 4 "])).tolist() == [
        1000.0,
        -3.0,
        1000.0,
        4.0,
    ]
    commas = ReadOptions(thousands=",")
    assert parse_numbers(pd.Series(["1,234.5", "12"]), options=commas).tolist() == [1234.5, 12.0]
    with pytest.raises(DataValidationError, match="'12,34' is not a number"):
        parse_numbers(pd.Series(["12,34"]), options=commas)
    numeric = pd.Series([1, 2], index=[10, 11])
    assert parse_numbers(numeric).index.tolist() == [10, 11]


# --- documents ----------------------------------------------------------------------------


def test_read_document_errors_and_values(tmp_path):
    with pytest.raises(DataValidationError, match=r"e\.yaml: the roadmap is empty"):
        read_document(put(tmp_path, "e.yaml", "\n  \n"), what="roadmap")
    with pytest.raises(
        DataValidationError,
        match=r"b\.yaml, row 2: the roadmap is not valid "
        r"YAML .*line 2, column",
    ):
        read_document(put(tmp_path, "b.yaml", "a: [1, 2\nb: c: d\n"), what="roadmap")
    with pytest.raises(
        DataValidationError,
        match=r"b\.json, row 2: the GeoJSON is not valid "
        r"JSON: Expecting .* line 2, column",
    ):
        read_document(put(tmp_path, "b.json", '{"a": 1,\n}'), what="GeoJSON")
    with pytest.raises(DataValidationError, match="holds binary data"):
        read_document(put(tmp_path, "z.yaml", b"a: 1\n" + bytes(range(1, 32)) * 10))
    with pytest.raises(NotFoundError, match="No such file"):
        read_document(tmp_path / "none.yaml")
    assert read_document(put(tmp_path, "ok.yml", "nom: Sétif\n", "cp1252")) == {"nom": "Sétif"}
    assert read_document(put(tmp_path, "ok.json", '{"a": [1]}')) == {"a": [1]}


# --- readers and commands use it ----------------------------------------------------------


def test_readers_take_the_options(tmp_path):
    defs = put(tmp_path, "d.csv", "code;cluster;cluster_name\n311;food;Agroalimentaire\n", "cp1252")
    assert read_definitions(defs, classification="naics2017").codes == ("311",)
    regions = put(tmp_path, "r.csv", "region|member|name\nEST|19|Hauts Plateaux Est\n")
    assert read_region_set(regions, options=ReadOptions(sep="|")).members["member"].tolist() == [
        "19"
    ]
    matrix = put(tmp_path, "m.csv", "c;p;v\nDZ;x;1.234,5\nMA;x;2\n")
    X = read_activity_matrix(
        matrix, rows="c", cols="p", values="v", options=ReadOptions(decimal=",")
    )
    assert X.loc["DZ", "x"] == 1234.5


def test_cli_map_reads_a_french_excel_csv(tmp_path):
    text = "region;industry;year;employment\r\nSétif;311111;2019;1 234,5\r\nOran;311111;2019;7\r\n"
    path = put(tmp_path, "fr.csv", text, "cp1252")
    out = tmp_path / "ind.csv"
    args = ["map", str(path), "--classification", "naics2017", "-o", str(out)]
    res = runner.invoke(app, [*args, "--summary-regions", "0", "--decimal", ","])
    assert res.exit_code == 0, res.output
    assert "Sétif" in out.read_text(encoding="utf-8")
    res = runner.invoke(app, [*args, "--encoding", "utf-8"])
    assert res.exit_code == 1
    assert "cannot be decoded as utf-8" in flat(res.output)
    assert "--encoding cp1252" in flat(res.output)
    res = runner.invoke(app, [*args, "--summary-regions", "0"])
    assert res.exit_code == 1 and "'1 234,5' is not a number" in flat(res.output)
    res = runner.invoke(app, [*args, "--decimal", ";"])
    assert res.exit_code == 1 and "'decimal' option must be '.' or ','" in flat(res.output)
    res = runner.invoke(app, [*args, "--sep", ","])
    assert res.exit_code == 1 and "row 2: this row has more fields" in flat(res.output)


def test_cli_complexity_reads_separator_and_marks(tmp_path):
    path = put(tmp_path, "t.csv", "c|p|v\nDZ|x|1.000,5\nDZ|y|2\nMA|x|3\nMA|y|4\n")
    base = ["complexity", str(path), "--rows", "c", "--cols", "p", "--values", "v"]
    res = runner.invoke(app, [*base, "--format", "csv", "--decimal", ",", "--thousands", "."])
    assert res.exit_code == 0, res.output
    assert "DZ" in res.output and "MA" in res.output
    res = runner.invoke(app, [*base, "--sep", ";"])
    assert res.exit_code == 1 and "There is no column 'c'" in flat(res.output)
    res = runner.invoke(app, [*base, "--encoding", "nope"])
    assert res.exit_code == 1 and "'encoding' option must be a text encoding" in flat(res.output)


def test_documents_and_tables_of_the_other_readers(tmp_path):
    from grappe.io.assess import read_indicators, read_kpis, read_roadmap
    from grappe.io.spatial import read_areas, read_points

    indicators = put(tmp_path, "i.csv", "region,cluster,year,employment,lq\n1,4,2019,5,1\n")
    with pytest.raises(
        DataValidationError,
        match=r"i\.csv, row 1, column 'establishments': the indicator table lacks the columns "
        r"\['establishments', 'payroll'\]",
    ):
        read_indicators(indicators)

    with pytest.raises(DataValidationError, match=r"a\.geojson, row 3: the GeoJSON file is not "
                       r"valid JSON"):  # fmt: skip
        read_areas(put(tmp_path, "a.geojson", '{"type":\n "FeatureCollection",\n "features": [,]}'),
                   id_property="code")  # fmt: skip
    with pytest.raises(DataValidationError, match=r"r\.yaml: the roadmap file is empty"):
        read_roadmap(put(tmp_path, "r.yaml", "\n"))
    with pytest.raises(DataValidationError, match=r"r2\.yaml, row 2: the roadmap file is not "
                       r"valid YAML .*line 2, column"):  # fmt: skip
        read_roadmap(put(tmp_path, "r2.yaml", "cluster: x\n  mode: [a\n"))
    kpis = put(tmp_path, "k.csv", "kpi;period;value;target\nmembres;2023;12,5;1 000\n", "cp1252")
    frame = read_kpis(kpis, options=ReadOptions(decimal=","))
    assert frame["value"].tolist() == [12.5] and frame["target"].tolist() == [1000.0]
    points = put(tmp_path, "p.csv", "type;lat;lon\nbanque;36,71;3,19\nbanque;36,73;3,23\n")
    pts = read_points(points, activity="type", options=ReadOptions(decimal=","))
    assert len(pts.data) == 2
    with pytest.raises(DataValidationError, match=r"p2\.csv, row 1, column 'lat': the column "
                       r"name 'lat' is repeated in the points table: columns 2 and 3"):  # fmt: skip
        read_points(put(tmp_path, "p2.csv", "type,lat,lat\na,1,2\n"), activity="type")


@pytest.mark.parametrize(
    "command",
    [
        ["map", "{f}"],
        ["complexity", "{f}", "--rows", "a", "--cols", "b", "--values", "c"],
        ["related", "01", "--input", "{f}"],
        ["network", "diagnose", "{f}", "{f}"],
        ["network", "draw", "{f}", "{f}", "{out}.png"],
        ["network", "heatmap", "{f}", "{f}", "{out}.png"],
        ["spatial", "kdensity", "{f}"],
        ["spatial", "hotspots", "{f}"],
        ["spatial", "areal", "{out}.geojson", "--id-property", "a", "--counts", "{f}",
         "--area-column", "a"],
        ["assess", "diamond", "--region", "1", "--cluster", "1", "--indicators", "{f}"],
        ["assess", "factors", "--region", "1", "--cluster", "1", "--indicators", "{f}"],
        ["assess", "lifecycle", "--region", "1", "--cluster", "1", "--indicators", "{f}"],
        ["assess", "questionnaire", "diamond", "--answers", "{f}"],
        ["kpi", "evaluate", "{f}"],
        ["match", "{f}", "{f}"],
        ["report", "--region", "1", "--cluster", "1", "-o", "{out}", "--indicators", "{f}"],
    ],
)  # fmt: skip
def test_every_command_that_reads_a_table_takes_the_read_options(tmp_path, command):
    f = put(tmp_path, "t.csv", "a,b,c\nSétif,x,1\n", "cp1252")
    args = [a.format(f=f, out=tmp_path / "out") for a in command]
    res = runner.invoke(app, [*args, "--encoding", "utf-8"])
    assert res.exit_code == 1, res.output
    assert "t.csv, row 2: the" in flat(res.output)
    assert "cannot be decoded as utf-8: byte 7 (0xe9, line 2)" in flat(res.output)
