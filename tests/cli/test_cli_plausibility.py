"""Implausible and inconsistent inputs through the real CLI: exit code, one-line messages on
stderr, never a traceback. Bad variants are derived from the real fixtures (CBP Delaware, the
TransformaTek actors of Algiers and Constantine, Stata trade flows) and from the illustrative
roadmap, KPI, matchmaking and network fixtures."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from grappe.cli._common import grappe_errors, warning_line
from grappe.cli.main import app
from grappe.errors import DataValidationError, DataWarning, ValidationIssue

runner = CliRunner()


def _text(out: str) -> str:
    """Output with Rich's line wrapping undone."""
    return " ".join(out.split())


def _run(*args: str):
    res = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in res.output, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res, _text(res.stderr), res.stdout


# --- the warning mechanism -----------------------------------------------------------------


def test_data_warning_carries_the_issue_fields():
    w = DataWarning("odd.", file="a.csv", row=4, column="emp", fix="look.")
    assert (w.message, w.file, w.row, w.column, w.fix) == ("odd.", "a.csv", 4, "emp", "look.")
    assert isinstance(w, UserWarning)
    assert warning_line(w) == "Warning: a.csv, row 4, column 'emp': odd. — look."
    assert warning_line(DataWarning("odd.")) == "Warning: odd."


def test_grappe_errors_prints_each_data_warning_once(capsys):
    with grappe_errors():
        for _ in range(2):
            warnings.warn(DataWarning("odd.", file="a.csv", fix="look."), stacklevel=1)
    err = capsys.readouterr().err
    assert err.count("Warning: a.csv: odd. — look.") == 1


def test_grappe_errors_prints_warnings_then_the_error(capsys):
    with pytest.raises(typer.Exit) as info, grappe_errors():
        warnings.warn(DataWarning("first.", file="a.csv"), stacklevel=1)
        raise DataValidationError(ValidationIssue("bad.", file="a.csv", row=2))
    assert info.value.exit_code == 1
    err = _text(capsys.readouterr().err)
    assert err.index("Warning: a.csv: first.") < err.index("Error: a.csv, row 2: bad.")


def test_other_warnings_are_left_to_python():
    with pytest.warns(RuntimeWarning, match="not ours"), grappe_errors():
        warnings.warn("not ours", RuntimeWarning, stacklevel=1)


# --- grappe map ----------------------------------------------------------------------------


@pytest.fixture
def delaware(fixtures) -> pd.DataFrame:
    return pd.read_parquet(fixtures / "cbp_delaware" / "cbp_state_delaware.parquet")


def test_map_refuses_1e23_jobs_with_exit_1(delaware, tmp_path):
    bad = delaware.astype({"emp": "float64"})
    bad.loc[5, "emp"] = 1e23
    path = tmp_path / "de.csv"
    bad.to_csv(path, index=False)
    res, err, _ = _run("map", path, "--source", "cbp", "--summary-regions", "0")
    assert res.exit_code == 1
    assert f"Error: {path}, row 7, column 'emp': '1e+23' is implausibly large" in err


def test_map_refuses_all_zero_employment(delaware, tmp_path):
    path = tmp_path / "de.csv"
    delaware.assign(emp=0, estab=0).to_csv(path, index=False)
    res, err, _ = _run("map", path, "--source", "cbp")
    assert res.exit_code == 1 and "every employment value" in err and "'emp'" in err


def test_map_warns_about_a_year_of_zeros_and_exits_0(delaware, tmp_path):
    zeroed = delaware.copy()
    zeroed.loc[zeroed["year"] == 2020, ["emp", "estab"]] = 0
    path = tmp_path / "de.csv"
    zeroed.to_csv(path, index=False)
    res, err, _ = _run("map", path, "--source", "cbp", "--summary-regions", "0")
    assert res.exit_code == 0, err
    line = next(x for x in res.stderr.splitlines() if x.startswith("Warning:"))
    assert line.startswith(f"Warning: {path}, column 'emp': every emp cell is 0 for 1 year: 2020")
    assert " — check that the year's rows are complete" in line


def _split_row(frame, i):
    """``frame`` with row ``i`` split in two rows that add up to it (a file to sum)."""
    part = frame.iloc[[i]].assign(emp=frame["emp"].iloc[i] // 3)
    rest = frame.copy()
    rest.loc[rest.index[i], "emp"] = frame["emp"].iloc[i] - part["emp"].item()
    return pd.concat([rest, part], ignore_index=True)


def test_map_duplicates_raise_then_sum(delaware, tmp_path):
    path = tmp_path / "de.csv"
    _split_row(delaware, 1).to_csv(path, index=False)
    res, err, _ = _run("map", path, "--source", "cbp", "--summary-regions", "0")
    assert res.exit_code == 1 and "duplicate key" in err and "--duplicates sum" in err
    res, err, _ = _run(
        "map", path, "--source", "cbp", "--summary-regions", "0", "--duplicates", "sum"
    )
    assert res.exit_code == 0, err
    res, err, _ = _run("map", path, "--duplicates", "first")
    assert res.exit_code == 1 and "The '--duplicates' parameter of grappe map" in err


@pytest.mark.parametrize(
    ("option", "value"),
    [("--withheld", "guess"), ("--lq-convention", "x"), ("--total", "x"), ("--source", "y")],
)
def test_map_options_are_named_as_typed(delaware, tmp_path, option, value):
    path = tmp_path / "de.csv"
    delaware.to_csv(path, index=False)
    res, err, _ = _run("map", path, option, value)
    assert res.exit_code == 1 and f"The '{option}' parameter of grappe map" in err


# --- grappe complexity ---------------------------------------------------------------------


def test_complexity_refuses_repeated_pairs_unless_summed(fixtures, tmp_path):
    trade = pd.read_csv(fixtures / "complexity" / "stata_ground_truth_1995.csv", dtype=str)
    path = tmp_path / "t.csv"
    pd.concat([trade, trade.iloc[[0]]], ignore_index=True).to_csv(path, index=False)
    args = ("complexity", path, "--rows", "origin", "--cols", "hs92", "--values", "export_val")
    res, err, _ = _run(*args)
    assert res.exit_code == 1 and "are already in row 2" in err and "--duplicates sum" in err
    res, err, out = _run(*args, "--duplicates", "sum", "--format", "csv")
    assert res.exit_code == 0, err
    assert out.startswith("entity,")


def test_complexity_all_zero_table_is_named(fixtures, tmp_path):
    trade = pd.read_csv(fixtures / "complexity" / "stata_ground_truth_1995.csv", dtype=str)
    path = tmp_path / "t.csv"
    trade.assign(export_val="0").to_csv(path, index=False)
    res, err, _ = _run(
        "complexity", path, "--rows", "origin", "--cols", "hs92", "--values", "export_val"
    )
    assert res.exit_code == 1 and f"{path}, column 'export_val': every value is 0" in err
    assert "complexity_suite" not in err


# --- grappe spatial ------------------------------------------------------------------------


@pytest.fixture
def actors(fixtures):
    return fixtures / "spatial" / "dz_actors_algiers_constantine.csv"


def test_kdensity_of_coincident_points_is_a_clear_error(actors, tmp_path):
    frame = pd.read_csv(actors, dtype=str).dropna().head(40)
    frame[["lat", "lon"]] = frame[["lat", "lon"]].iloc[0].to_numpy()  # all at the first actor
    path = tmp_path / "same.csv"
    frame.to_csv(path, index=False)
    args = ("spatial", "kdensity", path, "--activity-column", "actor_type", "--simulations", "5")
    res, err, _ = _run(*args)
    assert res.exit_code == 1 and f"{path}: all 40 establishments are at one place" in err
    res, err, out = _run(*args, "--max-distance", "1000", "--bandwidth", "100")
    assert res.exit_code == 0, err  # handled: every pair at distance 0


def test_swapped_coordinates_inside_the_valid_range_warn(actors):
    args = ("spatial", "hotspots", actors, "--activity-column", "actor_type", "--drop-missing")
    res, err, _ = _run(*args, "--x", "lat", "--y", "lon", "--country", "DZ", "-a", "banks/bna")
    assert res.exit_code == 0, err
    line = next(x for x in res.stderr.splitlines() if x.startswith("Warning:"))
    assert "1649 of 1649 points are outside the study area" in line
    assert "did you swap latitude and longitude? Exchange the columns" in line
    assert "(--x lon --y lat)" in line
    res, err, _ = _run(*args, "--country", "DZ", "-a", "banks/bna")
    assert res.exit_code == 0 and "Warning" not in err  # the right way round: no warning
    res, err, _ = _run(*args, "--x", "lat", "--y", "lon", "--bbox", "-8.7,18.9,12,37.1",
                       "--outside", "raise", "-a", "banks/bna")  # fmt: skip
    assert res.exit_code == 1 and "is outside the study area" in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--bbox", "1,2,3"), "The '--bbox' parameter must be MINX,MINY,MAXX,MAXY"),
        (("--bbox", "5,0,1,1"), "MINX < MAXX"),
        (("--country", "ZZ"), "No country 'ZZ'"),
        (("--country", "DZ", "--bbox", "0,0,1,1"), "must not be given together"),
        (("--country", "DZ", "--crs", "EPSG:2154"), "needs longitude/latitude points"),
        (("--outside", "ignore"), "The '--outside' parameter of grappe spatial"),
    ],
)
def test_study_area_options_are_checked(actors, extra, message):
    res, err, _ = _run("spatial", "hotspots", actors, "--drop-missing", *extra)
    assert res.exit_code == 1 and message in err


def test_repeated_establishment_ids(actors, tmp_path):
    frame = pd.read_csv(actors, dtype=str).dropna().head(30)
    frame["id"] = [f"E{i}" for i in range(30)]
    path = tmp_path / "dup.csv"
    pd.concat([frame, frame.iloc[[2]]], ignore_index=True).to_csv(path, index=False)
    args = ("spatial", "hotspots", path, "--id-column", "id", "--activity-column", "actor_type")
    res, err, _ = _run(*args)
    assert res.exit_code == 1 and "The identifier 'E2' appears more than once" in err
    assert "--duplicates sum" in err
    res, err, _ = _run(*args, "--duplicates", "sum")
    assert res.exit_code == 0, err
    moved = pd.concat([frame, frame.iloc[[2]].assign(lat="36.0")], ignore_index=True)
    moved.to_csv(path, index=False)
    res, err, _ = _run(*args, "--duplicates", "sum")
    assert res.exit_code == 1 and "have different coordinates or activities" in err


# --- roadmap, KPIs, match, network ---------------------------------------------------------


@pytest.fixture
def roadmap_text(fixtures) -> str:
    return (fixtures / "roadmap" / "roadmap_dates.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("start: 2023-01-15", "start: 2023-02-30", "row 13, column 'start': The start "
         "'2023-02-30' of action A1 is not a valid date"),
        ("currency: DZD\n    partners: [ITDAS]", "currency: XYZ\n    partners: [ITDAS]",
         "column 'currency': The currency 'XYZ' of action A2 is not an ISO 4217 code"),
        ("    status: ongoing\n    milestones:\n      - {name: Feasibility",
         "    status: done\n    milestones:\n      - {name: Feasibility",
         "column 'status': Action A3 is 'done' but its milestones ['Financing agreed'] are not"),
        ("date: 2023-06-30", "date: 2023-06-31", "Milestone 'Survey of 60 firms' of action A2 "
         "has no valid date ('2023-06-31')"),
    ],
)  # fmt: skip
def test_roadmap_show_refuses_impossible_and_inconsistent_values(
    roadmap_text, tmp_path, old, new, message
):
    assert old in roadmap_text
    path = tmp_path / "roadmap.yaml"
    path.write_text(roadmap_text.replace(old, new, 1), encoding="utf-8")
    res, err, _ = _run("roadmap", "show", path)
    assert res.exit_code == 1 and f"Error: {path}" in err and message in err


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (None, "deliverables: [a, b]", "column 'deliverables': The roadmap's 'deliverables' is "
         "not a mapping."),
        ("  - id: A2", "  - just a text\n  - id: A2", "The action is not a mapping."),
    ],
)  # fmt: skip
def test_roadmap_show_refuses_a_malformed_document_like_the_api(
    roadmap_text, tmp_path, old, new, message
):
    """The one parser (Roadmap.from_dict): the CLI used to crash on ``deliverables: [a, b]``."""
    if old is None:  # the mapping's lines become those of an unused key
        text = roadmap_text.replace("deliverables:\n", new + "\nnotes:\n", 1)
    else:
        text = roadmap_text.replace(old, new, 1)
    assert text != roadmap_text
    path = tmp_path / "roadmap.yaml"
    path.write_text(text, encoding="utf-8")
    res, err, _ = _run("roadmap", "show", path)
    assert res.exit_code == 1 and f"Error: {path}" in err and message in err


def test_a_label_with_an_impossible_date(fixtures, tmp_path):
    text = (fixtures / "roadmap" / "label_bronze.yaml").read_text(encoding="utf-8")
    label = tmp_path / "label.yaml"
    label.write_text(text.replace("valid_to: 2025-12-31", "valid_to: 2025-02-29"), "utf-8")
    res, err, _ = _run("kpi", "evaluate", fixtures / "roadmap" / "kpis_dates.csv", "--label", label)
    assert res.exit_code == 1 and "The date valid_to '2025-02-29' is not YYYY-MM-DD" in err


def test_kpis_duplicates_and_negative_counts(fixtures, tmp_path):
    text = (fixtures / "roadmap" / "kpis_dates.csv").read_text(encoding="utf-8")
    path = tmp_path / "kpis.csv"
    path.write_text(text + "jobs,2023,40,10,at_least\n", encoding="utf-8")
    res, err, _ = _run("kpi", "evaluate", path)
    assert res.exit_code == 1
    assert "row 12, column 'kpi': KPI 'jobs' is given twice for period 2023 (first in row 6)" in err
    res, err, out = _run("kpi", "evaluate", path, "--duplicates", "sum")
    assert res.exit_code == 0, err
    jobs = next(line for line in out.splitlines() if line.strip("│ ").startswith("jobs"))
    assert "1,350" in jobs and "1,360" in jobs  # 1310 + 40 jobs, target 1350 + 10
    path.write_text(text + "jobs,2023,40,,at_most\n", encoding="utf-8")
    res, err, _ = _run("kpi", "evaluate", path, "--duplicates", "sum")
    assert res.exit_code == 1 and "with different directions" in err
    path.write_text(text + "trainings,2024,-3,,at_least\n", encoding="utf-8")
    res, err, _ = _run("kpi", "evaluate", path)
    assert res.exit_code == 1 and "KPI 'trainings' for 2024 is negative" in err
    path.write_text(text + "jobs,2024,inf,,at_least\n", encoding="utf-8")
    res, err, _ = _run("kpi", "evaluate", path)
    assert res.exit_code == 1 and "infinite value or target" in err


def test_match_refuses_repeated_ids_and_infinite_capacity(fixtures, tmp_path):
    folder = fixtures / "matchmaking"
    text = (folder / "capabilities.csv").read_text(encoding="utf-8")
    path = tmp_path / "cap.csv"
    path.write_text(text + "S2,Copy (illustrative),painting,steel,,inf,36.4,2.8,\n", "utf-8")
    res, err, _ = _run("match", folder / "needs.csv", path)
    assert res.exit_code == 1
    assert "row 7, column 'capacity': The capacity 'inf' is not a number ≥ 0" in err
    assert "row 7, column 'firm_id': The id 'S2' is already used in row 3" in err


def test_network_duplicate_ties(fixtures, tmp_path):
    folder = fixtures / "network"
    text = (folder / "synthetic_ties.csv").read_text(encoding="utf-8")
    header, first = text.splitlines()[:2]
    ties = tmp_path / "ties.csv"
    ties.write_text(text.rstrip("\n") + "\n" + first + "\n", encoding="utf-8")
    n = len(text.rstrip("\n").splitlines()) + 1
    args = ("network", "diagnose", folder / "synthetic_actors.csv", ties)
    res, err, _ = _run(*args)
    assert res.exit_code == 1 and f"row {n}, column 'source': The tie" in err
    assert "is already in row 2" in err and "--duplicates sum" in err
    res, err, _ = _run(*args, "--duplicates", "sum")
    assert res.exit_code == 0, err


# --- options named as typed, before any library sees them -----------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("assess", "factors", "--region", "10", "--cluster", "4", "--method", "x"),
         "The '--method' parameter of grappe assess factors"),
        (("assess", "factors", "--region", "10", "--cluster", "4", "--national", "1"),
         "The '--national', '--regional' and '--potential' parameters of grappe assess factors"),
        (("match", "{m}/needs.csv", "{m}/capabilities.csv", "--max-km", "-5"),
         "The '--max-km' parameter of grappe match"),
        (("match", "{m}/needs.csv", "{m}/capabilities.csv", "--top", "0"),
         "The '--top' parameter of grappe match"),
        (("network", "diagnose", "{n}/synthetic_actors.csv", "{n}/synthetic_ties.csv",
          "--wave", "1999"), "The '--wave' parameter of grappe network diagnose"),
        (("network", "diagnose", "{n}/synthetic_actors.csv", "{n}/synthetic_ties.csv",
          "--expected", "foo"), "The '--expected' parameter of grappe network diagnose"),
        (("complexity", "{c}/stata_ground_truth_1995.csv", "--rows", "origin", "--cols", "hs92",
          "--values", "export_val", "--threshold", "-1"),
         "The '--threshold' parameter of grappe complexity"),
    ],
)  # fmt: skip
def test_options_are_named_as_typed(fixtures, args, message):
    folders = {"m": fixtures / "matchmaking", "n": fixtures / "network",
               "c": fixtures / "complexity"}  # fmt: skip
    res, err, _ = _run(*(a.format(**folders) for a in args))
    assert res.exit_code == 1 and message in err
    assert not any(f"of {k}" in err for k in ("match ", "success_factors", "classify", "diagnose "))


def test_related_follows_the_duplicate_policy(fixtures, tmp_path):
    county = pd.read_parquet(fixtures / "cbp_delaware" / "cbp_county_delaware.parquet")
    path = tmp_path / "counties.csv"
    _split_row(county, 1).to_csv(path, index=False)
    args = ("related", "10001", "--input", path, "--source", "cbp", "--format", "csv")
    res, err, _ = _run(*args)
    assert res.exit_code == 1 and "duplicate key" in err and "--duplicates sum" in err
    res, err, out = _run(*args, "--duplicates", "sum")
    assert res.exit_code == 0, err
    assert out.startswith("code,name,density")


def test_a_region_larger_than_the_reference_nation_is_refused(fixtures, tmp_path):
    folder = fixtures / "cbp_delaware"
    counties = folder / "cbp_county_delaware.parquet"
    state = pd.read_parquet(folder / "cbp_state_delaware.parquet")
    small = tmp_path / "state.csv"
    state.assign(emp=(state["emp"] // 100)).to_csv(small, index=False)  # not the nation
    res, err, _ = _run("map", counties, "--source", "cbp", "--reference", small,
                       "--summary-regions", "0")  # fmt: skip
    assert res.exit_code == 1
    assert "more than the whole reference table" in err and "--reference" in err
    res, err, _ = _run("map", counties, "--source", "cbp", "--summary-regions", "0",
                       "--reference", folder / "cbp_state_delaware.parquet")  # fmt: skip
    assert res.exit_code == 0, err


def test_a_reference_without_the_mapped_years_names_its_file(fixtures, tmp_path):
    folder = fixtures / "cbp_delaware"
    state = pd.read_parquet(folder / "cbp_state_delaware.parquet")
    ref = tmp_path / "state_2017.csv"
    state[state["year"] == 2017].to_csv(ref, index=False)
    res, err, _ = _run("map", folder / "cbp_county_delaware.parquet", "--source", "cbp",
                       "--reference", ref, "--summary-regions", "0")  # fmt: skip
    assert res.exit_code == 1
    assert f"{ref}, column 'year': the reference table has no rows for the years" in err
    assert "'reference' parameter of map_clusters" not in err


def test_kpi_evaluate_checks_every_input_before_printing(fixtures, tmp_path):
    label = tmp_path / "l.yaml"
    label.write_text("name: [x\n", encoding="utf-8")
    kpis = fixtures / "roadmap" / "kpis_dates.csv"
    res, err, out = _run("kpi", "evaluate", kpis, "--label", label)
    assert res.exit_code == 1 and "the label file is not valid YAML" in err
    assert out == ""  # no evaluation table before the error
    res, err, out = _run("kpi", "evaluate", kpis, "--on", "2024-13-01")
    assert res.exit_code == 1 and "The '--on' parameter of grappe kpi evaluate" in err
    assert out == ""
