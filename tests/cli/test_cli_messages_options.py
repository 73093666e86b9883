"""Messages seen from the command line name its options, never the library's parameters.

Each case runs a real command through ``CliRunner`` on a small file made to fail, and checks
that the CLI spelling (``--total sum``) is printed and the Python spelling (``total='sum'``) is
not (issue 15, item 4). The rewriting itself is :func:`grappe.cli._spelling.cli_message`.
"""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli._spelling import CLI_OPTIONS, cli_message
from grappe.cli.main import app

runner = CliRunner()

NACE = """region,industry,year,employment
R1,TOTAL,2019,100
R1,10,2019,40
R1,47,2019,60
R2,TOTAL,2019,50
R2,10,2019,
R2,47,2019,45
"""
DEFS = """code,cluster,cluster_name,cluster_type
10,FOOD,Food,traded
47,RET,Retail,local
"""
PYTHON_SPELLINGS = ("total='", "withheld='", "duplicates='", "overlap='", "columns={", "levels=(")
PYTHON_SPELLINGS += ("missing='", "region_type='", "where={", "read_regional_table")


def _run(*args) -> tuple[int, str]:
    res = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in res.output, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, " ".join(res.stderr.split())


def _no_python(text: str) -> None:
    found = [s for s in PYTHON_SPELLINGS if s in text]
    assert not found, f"Python spellings {found} in: {text}"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "t.csv").write_text(NACE)
    (tmp_path / "defs.csv").write_text(DEFS)
    return tmp_path


def _map(files, *extra):
    return _run("map", files / "t.csv", "--classification", "nace2", "--definitions",
                files / "defs.csv", "--summary-regions", "0", *extra)  # fmt: skip


def test_map_withheld_raise_lists_the_withheld_options(files):
    code, err = _map(files)
    assert code == 1
    assert "choose a policy for withheld cells: --withheld drop, keep_zero, impute_residual" in err
    assert "or impute_flag_midpoint (needs a flag column" in err
    _no_python(err)


def test_map_impute_residual_without_establishments_names_column_and_withheld(files):
    code, err = _map(files, "--withheld", "impute_residual")
    assert code == 1
    assert "--withheld impute_residual shares each parent's residual" in err
    assert "map an establishments column with --column <column>=establishments" in err
    assert "or choose --withheld keep_zero, drop or impute_flag_midpoint" in err
    _no_python(err)


def test_map_library_parameter_error_names_the_option_of_the_command(files):
    code, err = _run("map", files / "t.csv", "--classification", "custom", "--withheld",
                     "impute_residual", "--definitions", files / "defs.csv")  # fmt: skip
    assert code == 1
    assert "The '--withheld' parameter of grappe map must not be 'impute_residual'" in err
    _no_python(err)


def test_map_total_row_names_total_sum(files):
    (files / "t.csv").write_text("\n".join(r for r in NACE.splitlines() if "TOTAL" not in r))
    code, err = _map(files, "--withheld", "drop", "--total", "row")
    assert code == 1
    assert "--total row needs the all-industries rows" in err
    assert "or use --total sum." in err  # said once, not "--total sum (grappe map --total sum)"
    _no_python(err)


def test_map_overlapping_region_sets_name_overlap_allow(files):
    sets = files / "sets.csv"
    sets.write_text("region,member\nA,R1\nA,R2\nB,R2\n")
    code, err = _map(files, "--withheld", "drop", "--regions", sets)
    assert code == 1
    assert "--overlap allow" in err
    _no_python(err)
    code, err = _map(files, "--withheld", "drop", "--regions", sets, "--overlap", "allow")
    assert code == 0, err
    code, err = _map(files, "--overlap", "maybe")
    assert code == 1 and "The '--overlap' parameter of grappe map must be one of" in err


def test_duplicates_name_the_option_in_map_complexity_and_related(files):
    (files / "t.csv").write_text(NACE + "R1,10,2019,1\n")
    code, err = _map(files, "--withheld", "drop")
    assert code == 1 and "add the repeated rows up with --duplicates sum." in err
    _no_python(err)
    long = files / "long.csv"
    long.write_text("c,p,v\nA,x,1\nA,x,2\nB,y,3\n")
    code, err = _run("complexity", long, "--rows", "c", "--cols", "p", "--values", "v")
    assert code == 1 and "--duplicates sum" in err
    _no_python(err)
    code, err = _run("related", "R1", "--input", files / "t.csv", "--classification", "nace2",
                     "--definitions", files / "defs.csv")  # fmt: skip
    assert code == 1 and "--duplicates sum" in err
    _no_python(err)


def test_complexity_missing_cells_name_the_missing_option(files):
    wide = files / "wide.csv"
    wide.write_text("c,p,v\nA,x,1\nA,y,\nB,x,3\nB,y,4\n")
    code, err = _run("complexity", wide, "--rows", "c", "--cols", "p", "--values", "v")
    assert code == 1
    assert "--missing drop" in err and "--missing zero" in err
    _no_python(err)


def test_definitions_reader_leaves_out_advice_the_cli_cannot_follow(files):
    (files / "defs.csv").write_text(DEFS + "10,OTHER,Other,traded\n")
    code, err = _map(files, "--withheld", "drop")
    assert code == 1 and "give each code one cluster" in err
    assert "duplicates" not in err  # grappe map has no way to keep the first rule
    _no_python(err)


def test_region_set_reader_and_where_errors(files):
    code, err = _map(files, "--withheld", "drop", "--where", "sector=C")
    assert code == 1
    assert "the column 'sector' given in --where is not in the file" in err
    _no_python(err)
    code, err = _map(files, "--withheld", "drop", "--where", "sector")
    assert code == 1 and "The '--where' parameter of grappe map must be COLUMN=VALUE" in err


@pytest.mark.shared
def test_eurostat_notices_and_breakdown_name_the_cli_options(shared_data, tmp_path):
    raw = pd.read_csv(
        shared_data / "eu_nuts2_employment_nace/eurostat_lfst_r_lfe2en2_2008_2015_long.csv.gz",
        dtype=str,
        keep_default_na=False,
    )
    path = tmp_path / "at.csv"
    raw[raw["geo"].str.startswith("AT") & (raw["year"] == "2015")].to_csv(path, index=False)
    defs = tmp_path / "defs.csv"
    defs.write_text("code,cluster,cluster_name\nB-E,IND,Industry\nJ,ICT,ICT\n")
    code, err = _run("map", path, "--source", "eurostat", "--definitions", defs)
    assert code == 1 and "keep one breakdown with --where age=" in err
    _no_python(err)
    code, err = _run("map", path, "--source", "eurostat", "--where", "age=Y_GE15",
                     "--definitions", defs, "--summary-regions", "0")  # fmt: skip
    assert code == 0, err
    assert "Warning:" in err and "give --region-type nuts1" in err
    assert "Counts are in THS (thousands), as published by the source." in err
    _no_python(err)


@pytest.mark.parametrize(
    ("name", "command"),
    [(n, c) for n, by in CLI_OPTIONS.items() for c in by if c != "*"],
)
def test_every_entry_of_the_table_rewrites(name, command):
    text = cli_message(f"Fix: use {name}='x' or {name}=(6,).", command)
    option = CLI_OPTIONS[name][command]
    assert text == f"Fix: use {option} x or {option} 6."


def test_concentration_and_spatial_messages_name_their_options(files, fixtures):
    code, err = _run("concentration", files / "t.csv", "--classification", "nace2",
                     "--withheld", "drop", "--definitions", files / "defs.csv", "--index", "gini",
                     "--by", "region")  # fmt: skip
    assert code == 1
    assert "The '--by' parameter of grappe concentration applies to 'hoover' and 'hhi'" in err
    assert "Got --by region with --index gini instead." in err
    _no_python(err)
    points = fixtures / "spatial" / "dz_actors_algiers_constantine.csv"  # rows without lon/lat
    code, err = _run("spatial", "ripley", points, "--project", "EPSG:30791")
    assert code == 1 and "or pass --drop-missing to leave it out" in err
    assert "on_missing" not in err
