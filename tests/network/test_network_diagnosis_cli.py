"""The written diagnosis and the ``grappe network`` commands."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from _network_helpers import network_from_arcs
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.errors import InvalidParameterError
from grappe.io.network import read_diagnosis_texts
from grappe.network import diagnose, render_text

runner = CliRunner()

# A small triple-helix network worked by hand:
#   f1, f2 enterprises (local), cci support (local), u university (regional), min public
#   (national). Undirected ties f1–cci (3), f2–cci (2), cci–u (1), u–min (1).
SPHERES = {
    "f1": "enterprise",
    "f2": "enterprise",
    "cci": "support",
    "u": "university",
    "min": "public",
}
LEVELS = {"f1": "local", "f2": "local", "cci": "local", "u": "regional", "min": "national"}
ARCS = [("f1", "cci"), ("f2", "cci"), ("cci", "u"), ("u", "min")]


@pytest.fixture(scope="module")
def hand():
    net = network_from_arcs(ARCS, SPHERES, levels=LEVELS, directed=False, strengths=[3, 2, 1, 1])
    return diagnose(net)


def test_diagnosis_by_hand(hand):
    d = hand.to_dict()
    # 4 undirected ties = 8 arcs over 5 × 4 ordered pairs
    assert d["density"] == pytest.approx(8 / 20)
    actors = {a["id"]: a for a in d["actors"]}
    # cci mediates f1↔f2 (E,S,E: itinerant, both ways), f1/f2 ↔ u (E,S,U: liaison, 4)
    assert actors["cci"]["brokerage"] == {
        "coordinator": 0,
        "itinerant": 2,
        "representative": 0,
        "gatekeeper": 0,
        "liaison": 4,
    }
    # u mediates cci ↔ min (S,U,P: liaison, both ways)
    assert actors["u"]["brokerage"]["liaison"] == 2
    assert d["brokers"][:2] == ["cci", "u"]
    # cci is local, u regional, min national: cci brokers f1/f2 (local) ↔ u (regional)
    assert actors["cci"]["brokerage_between_levels"] == 4
    assert d["level_brokers"][0] == "cci"
    # shadow zones: no enterprise–university tie, no enterprise–public tie; the one
    # university–public tie is weak; no finance actor
    reasons = {(z["sphere_a"], z["sphere_b"]): z["reason"] for z in d["shadow_zones"]}
    assert reasons == {
        ("enterprise", "university"): "no tie",
        ("enterprise", "public"): "no tie",
        ("university", "public"): "weak ties only",
        ("enterprise", "finance"): "absent sphere",
    }
    # pipelines: inside = local members f1, f2, cci; cci–u crosses the boundary
    assert d["external_ties_share"] == pytest.approx(1 / 3)
    assert d["boundary"]["pipelines"] == ["cci"]
    assert d["boundary"]["outside_ties"] == 1  # u–min
    # weakly tied: f1, f2 and min have a single tie; u has weak ties only
    assert set(d["weakly_tied"]) == {"f1", "f2", "u", "min"}
    assert d["triple_helix"]["bilateral"]["university-public"] == 1
    assert d["components"] == {"count": 1, "largest_share": 1.0, "isolates": []}
    json.dumps(d)  # JSON-ready


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_render_text_states_the_numbers(hand, lang):
    text = render_text(hand.to_dict(), read_diagnosis_texts(), lang=lang)
    assert "cci (6)" in text  # the main broker with its brokered two-paths
    assert ("0,400" if lang != "en" else "0.400") in text  # density
    assert text.count("\n") >= 10


def test_render_text_names_actors_and_network_as_asked(hand):
    labels = {"cci": "Chambre de commerce", "u": "Université"}
    text = render_text(hand.to_dict(), read_diagnosis_texts(), lang="fr", labels=labels,
                       name="Grappe test")  # fmt: skip
    assert "Chambre de commerce (6)" in text and "cci (6)" not in text
    assert text.splitlines()[0].startswith(read_diagnosis_texts()["fr"]["title"].split("{")[0])
    assert "Grappe test" in text.splitlines()[0]


def test_render_text_errors(hand):
    with pytest.raises(InvalidParameterError, match=r"The 'lang' parameter of render_text"):
        render_text(hand.to_dict(), read_diagnosis_texts(), lang="de")
    with pytest.raises(InvalidParameterError, match=r"The 'templates' parameter of render"):
        render_text(hand.to_dict(), {"en": {}}, lang="fr")


def test_diagnose_errors():
    net = network_from_arcs(ARCS, SPHERES)
    with pytest.raises(InvalidParameterError, match=r"The 'before' parameter of diagnose"):
        diagnose(net, before="2012")
    with pytest.raises(InvalidParameterError, match=r"The 'top' parameter of diagnose"):
        diagnose(net, top=0)


def test_diagnose_does_not_mutate_the_network():
    net = network_from_arcs(ARCS, SPHERES, strengths=[3, 2, 1, 1])
    actors, ties = net.actors.copy(), net.ties.copy()
    diagnose(net)
    pd.testing.assert_frame_equal(net.actors, actors)
    pd.testing.assert_frame_equal(net.ties, ties)


# ---------------------------------------------------------------- CLI
@pytest.fixture
def files(fixtures):
    folder = fixtures / "network"
    return str(folder / "synthetic_actors.csv"), str(folder / "synthetic_ties.csv")


def test_cli_diagnose_json_has_the_documented_keys(files):
    result = runner.invoke(app, ["network", "diagnose", *files, "--salt", "k"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    for key in ("density", "actors", "shadow_zones", "external_ties_share", "brokers"):
        assert key in d
    for key in (
        "id",
        "sphere",
        "level",
        "degree",
        "betweenness",
        "brokerage",
        "constraint",
        "peripheral",
    ):
        assert key in d["actors"][0]
    assert d["network"]["wave"] == "2024" and d["change"]["before"] == "2022"
    assert "Amina" not in result.stdout


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_cli_diagnose_text(files, lang):
    result = runner.invoke(
        app, ["network", "diagnose", *files, "--wave", "2022", "--format", "text", "--lang", lang]
    )
    assert result.exit_code == 0, result.output
    assert "2022" in result.stdout and "CAM" in result.stdout


def test_cli_diagnose_to_file(files, tmp_path):
    out = tmp_path / "d.json"
    result = runner.invoke(app, ["network", "diagnose", *files, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["network"]["actors"] == 11


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--wave", "1999"], "The '--wave' parameter of grappe network diagnose"),
        (["--format", "xml"], "The '--format' parameter"),
        (["--lang", "de"], "The '--lang' parameter"),
        (["--expected", "some"], "The '--expected' parameter"),
        (["--local-level", "planet"], "The '--local-level' parameter"),
    ],
)
def test_cli_diagnose_errors_exit_cleanly(files, args, message):
    result = runner.invoke(app, ["network", "diagnose", *files, *args])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_cli_invalid_file_names_row_and_column(tmp_path, files):
    bad = tmp_path / "ties.csv"
    bad.write_text("source,target,type,strength\nA1,A2,cooperation,5\n")
    result = runner.invoke(app, ["network", "diagnose", files[0], str(bad)])
    assert result.exit_code == 1
    assert "row 2, column 'strength'" in result.output


def test_cli_draw_and_heatmap(files, tmp_path):
    for command, name in (("draw", "net.svg"), ("heatmap", "heat.png")):
        out = tmp_path / name
        result = runner.invoke(app, ["network", command, *files, str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    result = runner.invoke(
        app, ["network", "heatmap", *files, str(tmp_path / "h.png"), "--by", "level"]
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["network", "draw", *files, str(tmp_path / "x.gif")])
    assert result.exit_code == 1 and "save_figure" in result.output


def test_cli_example():
    result = runner.invoke(app, ["network", "example", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "Knoke" in result.stdout and "densité" in result.stdout
    result = runner.invoke(app, ["network", "example", "zachary"])
    assert result.exit_code == 1 and "read_example_network" in result.output


def test_diagnosis_of_a_network_without_ties():
    actors = pd.DataFrame({"id": ["a", "b", "c"], "sphere": "enterprise", "level": "local"})
    none = pd.DataFrame({"source": [], "target": [], "type": []})
    from grappe.network import build_network

    d = diagnose(build_network(actors, none)).to_dict()
    assert d["density"] == 0.0
    assert d["components"]["isolates"] == ["a", "b", "c"]
    assert d["brokers"] == [] and d["core_periphery"]["core"] == []
    assert all(a["constraint"] is None and a["peripheral"] for a in d["actors"])
    json.dumps(d)
