"""`grappe exports profile|opportunities` on the bundled 2020 matrix: the issue's acceptance
command, the JSON/CSV records, the three languages, and the errors."""

from __future__ import annotations

import io
import json
import re

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app

MATRIX = "economic_complexity/stojkoski2023_trade_country_x_hs4product_2020.csv.gz"
ECI = "economic_complexity/oec_eci_trade_1998_2022.csv"


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def trade(shared_data):
    return shared_data / MATRIX


@pytest.mark.shared
def test_the_acceptance_command_lists_dates(trade):
    result = run("exports", "profile", "DZA", "--trade", trade)
    assert result.exit_code == 0, result.output
    assert "Algeria (DZA)" in result.stdout and "25 products" in result.stdout
    assert "0804" in result.stdout and "Dates, figs" in result.stdout
    assert "Dattes, figues" in result.stdout and "تمور وتين" in result.stdout  # three languages


@pytest.mark.shared
def test_json_records_with_three_name_columns(trade, shared_data):
    result = run(
        "exports", "profile", "dza", "--trade", trade, "--format", "json",
        "--published-eci", shared_data / ECI, "--year", "2020",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["country"] == "DZA" and body["diversity"] == 25
    assert body["published_eci"]["2020"] == pytest.approx(-1.3013605664)
    dates = next(r for r in body["records"] if r["product"] == "TropicalFruits")
    assert dates["code"] == "0804" and dates["rca"] == pytest.approx(7.41, abs=0.01)
    assert {"product_name", "name_en", "name_fr", "name_ar", "share", "pci"} <= set(dates)


@pytest.mark.shared
def test_csv_top_and_output_file(trade, tmp_path):
    out = tmp_path / "dza.csv"
    result = run(
        "exports", "profile", "DZA", "--trade", trade, "--format", "csv", "--top", 3,
        "--output", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype={"code": str})
    assert frame["product"].tolist() == ["PetroleumGas", "CrudePetroleum", "RefinedPetroleum"]
    assert frame["share"].is_monotonic_decreasing


@pytest.mark.shared
def test_opportunities_with_reasons_in_french(trade):
    result = run(
        "--lang", "fr", "exports", "opportunities", "DZA", "--trade", trade, "--top", 4,
        "--format", "csv",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(io.StringIO(result.stdout), dtype={"code": str})
    assert frame["rank"].tolist() == [1, 2, 3, 4]
    assert frame["reasons"].str.contains("densité de proximité").all()
    assert frame["reasons"].str.contains("proche de").all()
    assert (frame["rca"] < 1).all()
    table = run("--lang", "ar", "exports", "opportunities", "DZA", "--trade", trade, "--top", 2)
    assert table.exit_code == 0, table.output
    assert "كثافة الترابط" in table.stdout and "الجزائر" in table.stdout
    # extractive headings are left out unless asked for: gold comes first with --exclude none
    assert not frame["code"].str.startswith(("26", "27", "71")).any()
    every = run("exports", "opportunities", "DZA", "--trade", trade, "--top", 1, "--exclude",
                "none", "--format", "csv")  # fmt: skip
    assert pd.read_csv(io.StringIO(every.stdout), dtype={"code": str})["code"].tolist() == ["7108"]


@pytest.mark.shared
def test_the_reasons_write_numbers_the_reader_s_way(trade):
    """`--lang fr`: a decimal comma and a narrow no-break space inside the reasons; the figures
    of the records stay numbers (CSV with a point, JSON numbers)."""
    args = ("exports", "opportunities", "DZA", "--trade", trade, "--top", 2)
    csv_fr = run("--lang", "fr", *args, "--format", "csv")
    assert csv_fr.exit_code == 0, csv_fr.output
    frame = pd.read_csv(io.StringIO(csv_fr.stdout), dtype={"code": str})
    for density, cog, reasons in frame[["density", "cog", "reasons"]].itertuples(index=False):
        assert f"densité de proximité {density:.3f}".replace(".", ",") in reasons
        assert f"gain de perspective de complexité {cog:.3f}".replace(".", ",") in reasons
        assert re.search(r"rang \d+ sur \d\u202f\d{3} parmi", reasons)
    table = run("--lang", "fr", *args)
    assert table.exit_code == 0, table.output
    assert re.search(r"densité de proximité \d+,\d{3}", " ".join(table.stdout.split()))
    body = json.loads(run("--lang", "en", *args, "--format", "json").stdout)
    first = body["records"][0]
    assert isinstance(first["density"], float) and isinstance(first["pci"], float)
    assert f"relatedness density {first['density']:.3f}, rank" in first["reasons"]
    assert first["density"] == pytest.approx(frame["density"].iloc[0])


def test_errors_are_one_line_in_the_user_s_language(tmp_path):
    small = tmp_path / "small.csv"
    small.write_text("Row,Dates,Cars\nDZA,3,0\nTUN,1,5\nMAR,2,2\n", encoding="utf-8")
    result = run("exports", "profile", "XXX", "--trade", small)
    assert result.exit_code == 1
    assert "'XXX' is not a row of the trade matrix" in result.output
    assert "Traceback" not in result.output
    result = run("--lang", "fr", "exports", "profile", "DZA", "--trade", small, "--format", "x")
    assert result.exit_code == 1 and "'--format'" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("Row,A\nDZA,-1\nTUN,2\n", encoding="utf-8")
    result = run("--lang", "fr", "exports", "profile", "DZA", "--trade", bad)
    assert result.exit_code == 1 and "négatif" in result.output and "ligne 2" in result.output
    result = run("exports", "opportunities", "DZA", "--trade", small, "--exclude", "gold")
    assert result.exit_code == 1 and "takes HS codes or code prefixes" in result.output
    for command in ("profile", "opportunities"):  # a folder as --output: refused before the
        result = run("exports", command, "DZA", "--trade", tmp_path / "none.csv", "--output",
                     tmp_path)  # missing trade file is looked for  # fmt: skip
        assert result.exit_code == 1 and "it is a folder" in result.output, command
