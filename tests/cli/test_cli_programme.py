"""``grappe programme`` end to end: list, show, check, decide, schedule, candidates."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.io.programmes import list_presets

runner = CliRunner()

ECCP_OK = "members: 15\nmember_types: 2\nmanagement_fte: 0.5\n"
ECCP_LOW = "members: 15\nmember_types: 2\nmanagement_fte: 0.45\n"


def _run(*args, lang="en"):
    return runner.invoke(app, ["--lang", lang, "programme", *args])


@pytest.fixture
def facts(tmp_path):
    def write(text, name="facts.yaml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_list_names_every_preset_in_json():
    result = _run("list", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["key"] for r in rows] == list(list_presets())
    assert {"key": "kompetenznetze", "every_months": 24}.items() <= rows[
        [r["key"] for r in rows].index("kompetenznetze")
    ].items()


def test_list_in_arabic_names_the_programmes_in_arabic():
    result = _run("list", "--format", "csv", "--lang", "ar")
    assert result.exit_code == 0, result.output
    assert "شبكات الكفاءة الألمانية" in result.stdout


def test_show_marks_read_and_assumed_thresholds_and_cites_sources():
    result = _run("show", "eccp-profile")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "members >= 15 (read from the sources" in out
    assert "clustercollaboration.eu" in out
    kn = " ".join(_run("show", "kompetenznetze").stdout.split())
    assert "enterprises >= 10 (assumed" in kn
    assert "Evaluation: every 24 months" in kn
    assert "After failed evaluations in a row: suspend, withdraw" in kn


def test_show_json_is_the_programme_s_mapping():
    from grappe.io.programmes import load_programme
    from grappe.programmes import programme_from_dict

    result = _run("show", "esca-management-excellence", "--format", "json")
    assert result.exit_code == 0, result.output
    assert programme_from_dict(json.loads(result.stdout)) == load_programme(
        "esca-management-excellence"
    )


def test_check_at_the_boundary_exit_codes(facts):
    ok = _run("check", "eccp-profile", "--facts", facts(ECCP_OK), "--format", "json")
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["eligible"] is True
    low = _run("check", "eccp-profile", "--facts", facts(ECCP_LOW), "--format", "json")
    assert low.exit_code == 2
    data = json.loads(low.stdout)
    assert data["eligible"] is False
    assert data["results"][2]["reason"] == (
        "management_fte = 0.45 does not meet management_fte >= 0.5"
    )
    table = _run("check", "eccp-profile", "--facts", facts(ECCP_LOW))
    assert table.exit_code == 2 and "Not eligible." in table.stdout
    assert "0.45" in table.stdout


def test_check_from_a_csv_facts_table(facts):
    path = facts("metric,value,source\nmembers,30,members\nmember_types,1,members\n"
                 "management_fte,1,questionnaire:management\n", "facts.csv")  # fmt: skip
    result = _run("check", "eccp-profile", "--facts", path, "--format", "csv")
    assert result.exit_code == 2
    assert "member_types >= 2,1.0,members,False" in result.stdout


def test_check_in_french_translates_the_reason(facts):
    result = _run("check", "eccp-profile", "--facts", facts(ECCP_LOW), "--format", "csv",
                  lang="fr")  # fmt: skip
    assert result.exit_code == 2
    assert "management_fte = 0.45 ne satisfait pas management_fte >= 0.5" in result.stdout


def test_decide_kompetenznetze_over_three_periods(facts):
    good = facts("enterprises: 12\nresearch_bodies: 2\nuniversities: 1\n"
                 "industry_research_ties: 3\nyears_active: 4\n", "good.yaml")  # fmt: skip
    bad = facts("enterprises: 12\nresearch_bodies: 2\nuniversities: 1\n"
                "industry_research_ties: 2\nyears_active: 5\n", "bad.yaml")  # fmt: skip
    steps = [
        (good, ["--previous-status", "awarded", "--previous-level", "member"], "keep"),
        (bad, ["--previous-status", "renewed", "--previous-level", "member"], "suspend"),
        (bad, ["--previous-status", "suspended", "--previous-level", "member",
               "--failures", "1"], "withdraw"),
    ]  # fmt: skip
    for path, previous, action in steps:
        result = _run("decide", "kompetenznetze", "--facts", path, *previous, "--format", "json")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["action"] == action
    assert data["status"] == "withdrawn" and data["failures"] == 2
    assert (
        "industry_research_ties = 2 does not meet industry_research_ties >= 3" in (data["reasons"])
    )


def test_decide_table_prints_the_decision(facts):
    result = _run("decide", "eccp-profile", "--facts", facts(ECCP_OK))
    assert result.exit_code == 0, result.output
    assert "Decision: award — status awarded, level published" in result.stdout


def test_schedule(facts):
    result = _run("schedule", "kompetenznetze", "--start", "2020-02-29", "--until",
                  "2026-02-28", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert [r["date"] for r in json.loads(result.stdout)] == [
        "2022-02-28", "2024-02-29", "2026-02-28",
    ]  # fmt: skip
    none = _run("schedule", "french-spl", "--start", "2020-01-01", "--until", "2030-01-01")
    assert none.exit_code == 0
    assert "has no evaluation calendar" in none.output


@pytest.fixture(scope="module")
def us_map_2021(tmp_path_factory):
    """The bundled County Business Patterns (50 states, 2021) mapped with the US benchmark."""
    from grappe.io import bundled_us_map

    cmap = bundled_us_map(years=[2021])
    path = tmp_path_factory.mktemp("map") / "us2021.parquet"
    cmap.indicators.to_parquet(path)
    return path, cmap.indicators


def test_candidates_on_the_bundled_us_map_are_its_strong_clusters(us_map_2021):
    path, indicators = us_map_2021
    result = _run("candidates", "us-cluster-mapping", "--map", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    strong = indicators[indicators["strong"].astype(bool)]
    assert len(rows) == len(strong) > 0
    assert {(r["region"], r["cluster"]) for r in rows} == set(
        zip(strong["region"], strong["cluster"], strict=True)
    )
    catalan = _run("candidates", "catalan-micro-clusters", "--map", str(path), "--format", "json")
    cells = json.loads(catalan.stdout)
    assert cells and all(
        c["lq"] >= 1.5 and c["employment"] >= 500 and c["establishments"] >= 10 for c in cells
    )
    expected = indicators[(indicators["lq"] >= 1.5) & (indicators["employment"] >= 500)
                          & (indicators["establishments"] >= 10)]  # fmt: skip
    assert len(cells) == len(expected)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (["show", "nowhere"], "No programme 'nowhere': not a preset"),
        (["list", "--format", "xml"], "The '--format' option of grappe programme list"),
        (["show", "kompetenznetze", "--lang", "de"], "--lang"),
        (["schedule", "kompetenznetze", "--start", "2020-13-01", "--until", "2021-01-01"],
         "The '--start' option of grappe programme schedule must be a date"),
        (["decide", "kompetenznetze", "--facts", "{facts}", "--previous-status", "labelled"],
         "previous status must be one of applied"),
        (["candidates", "kompetenznetze", "--map", "{map}"],
         "The programme kompetenznetze has no statistical criteria"),
    ],
)  # fmt: skip
def test_errors_exit_cleanly(facts, args, match):
    path, cells = facts(ECCP_OK), facts("region,cluster,lq\nA,x,1.2\n", "map.csv")
    result = _run(*[a.replace("{facts}", path).replace("{map}", cells) for a in args])
    assert result.exit_code == 1
    assert match in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_a_bad_facts_file_names_file_row_and_fix(facts):
    path = facts("members: 15\nmanagement_fte: half\n")
    result = _run("check", "eccp-profile", "--facts", path)
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "row 2" in text and "'half', not a number" in text and "Fix:" in text
