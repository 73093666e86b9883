"""Readers and writers of actor networks (grappe.io.network)."""

from __future__ import annotations

import json

import matplotlib
import numpy as np
import pandas as pd
import pytest

from grappe.errors import DataValidationError, InvalidParameterError, NotFoundError
from grappe.io.network import (
    pseudonymise,
    read_adjacency,
    read_diagnosis_texts,
    read_example_network,
    read_interview_grid,
    read_network,
    save_figure,
    write_diagnosis,
)
from grappe.network import LANGUAGES, diagnose
from grappe.network.figures import draw_network, sphere_heatmap

matplotlib.use("Agg")


@pytest.fixture
def synthetic(fixtures):
    folder = fixtures / "network"
    return folder / "synthetic_actors.csv", folder / "synthetic_ties.csv"


def test_read_network_csv_pseudonymises_respondents(synthetic):
    actors, ties = synthetic
    net = read_network(actors, ties, salt="k")
    assert net.n_actors == 13 and net.waves == ("2022", "2024")
    names = set(pd.read_csv(ties)["respondent"])
    stored = set(";".join(net.ties["respondent"].dropna()).split(";"))
    assert not stored & names
    assert all(r.startswith("R-") and len(r) == 12 for r in stored)
    # the same salt gives the same pseudonyms (stable across waves and files)
    again = read_network(actors, ties, salt="k")
    assert again.ties["respondent"].tolist() == net.ties["respondent"].tolist()
    revealed = read_network(actors, ties, reveal_respondents=True)
    assert "Amina B." in set(revealed.ties["respondent"])


def test_pseudonym_is_the_keyed_hash_of_the_normalised_name():
    import hashlib
    import hmac

    expected = hmac.new(b"project-key", b"amina b.", hashlib.sha256).hexdigest()[:10]
    assert pseudonymise(["Amina B."], salt="project-key") == ["R-" + expected]


def test_pseudonyms_depend_on_the_salt_and_ignore_spacing_and_case():
    a = pseudonymise(["Amina  B.", "amina b.", None, ""], salt="one")
    assert a[0] == a[1] and a[2] is None and a[3] is None
    assert pseudonymise(["Amina B."], salt="two")[0] != a[0]
    # without a salt a random key is drawn: pseudonyms cannot be linked between runs
    assert pseudonymise(["x"])[0] != pseudonymise(["x"])[0]


def test_read_network_xlsx(tmp_path, synthetic):
    actors, ties = synthetic
    xa, xt = tmp_path / "actors.xlsx", tmp_path / "ties.xlsx"
    pd.read_csv(actors).to_excel(xa, index=False)
    pd.read_csv(ties).to_excel(xt, index=False)
    net = read_network(xa, xt, salt="k")
    ref = read_network(actors, ties, salt="k")
    pd.testing.assert_frame_equal(net.ties, ref.ties)


def test_interview_grid(tmp_path, synthetic):
    actors, _ = synthetic
    grid = tmp_path / "grid.csv"
    grid.write_text(
        "respondent,source,target,type,strength\n"
        "Amina B.,A1,A2,cooperation,strong\n"
        "Karim D.,A2,A1,cooperation,strong\n"
        "Karim D.,A2,CAM,information,weak\n"
    )
    net = read_interview_grid(grid, actors, salt="k")
    assert len(net.ties) == 2 and not net.ties["directed"].any()
    assert net.ties.loc[0, "reports"] == 2 and net.ties.loc[0, "evidence"] == "interview"
    assert "Amina" not in net.ties.loc[0, "respondent"]


def test_interview_grid_contradictions_name_the_file_and_rows(tmp_path, synthetic):
    actors, _ = synthetic
    grid = tmp_path / "grid.csv"
    grid.write_text("respondent,source,target,type,strength\nA,A1,A2,trust,1\nB,A2,A1,trust,3\n")
    with pytest.raises(DataValidationError, match=r"grid.csv, row 3, column 'strength'"):
        read_interview_grid(grid, actors)


def test_interview_grid_needs_respondents(tmp_path, synthetic):
    actors, ties = synthetic
    grid = tmp_path / "grid.csv"
    pd.read_csv(ties).drop(columns="respondent").to_csv(grid, index=False)
    with pytest.raises(DataValidationError, match=r"column 'respondent' is missing"):
        read_interview_grid(grid, actors)


def test_file_errors(tmp_path, synthetic):
    actors, ties = synthetic
    with pytest.raises(NotFoundError, match="No such file"):
        read_network(tmp_path / "none.csv", ties)
    odd = tmp_path / "ties.json"
    odd.write_text("{}")
    with pytest.raises(DataValidationError, match=r"Unsupported file type '.json'"):
        read_network(actors, odd)
    bad = tmp_path / "ties.csv"
    bad.write_text("source,target,type\nA1,XX,trust\n")
    with pytest.raises(DataValidationError, match=r"ties.csv, row 2, column 'target'"):
        read_network(actors, bad)


def test_adjacency_matrix(tmp_path):
    m = tmp_path / "m.csv"
    m.write_text("id,a,b,c\na,0,1,0\nb,2,0,0\nc,0,0,0\n")
    net = read_adjacency(m, type="trust", weighted=True)
    assert net.n_actors == 3 and len(net.ties) == 2
    assert net.ties.set_index("source").loc["b", "strength"] == 2.0
    assert (net.actors["sphere"] == "enterprise").all()
    unrated = read_adjacency(m)
    assert unrated.ties["strength"].isna().all() and unrated.types == ("information",)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("id,a,b\na,0,1\nc,0,0\n", r"row labels .* do not match the column labels"),
        ("id,a,b\na,0,x\nb,0,0\n", r"row 2, column 'b': The cell value 'x' is not a non-neg"),
        ("id,a,b\na,0,-1\nb,0,0\n", r"not a non-negative number"),
    ],
)
def test_adjacency_errors(tmp_path, text, match):
    m = tmp_path / "m.csv"
    m.write_text(text)
    with pytest.raises(DataValidationError, match=match):
        read_adjacency(m)


def test_adjacency_bad_options(tmp_path):
    m = tmp_path / "m.csv"
    m.write_text("id,a,b\na,0,1\nb,0,0\n")
    with pytest.raises(InvalidParameterError, match=r"The 'sphere' parameter of read_adj"):
        read_adjacency(m, sphere="firm")


def test_example_network_errors():
    with pytest.raises(InvalidParameterError, match=r"The 'name' parameter of read_example"):
        read_example_network("zachary")


def test_diagnosis_texts_have_every_key_in_every_language():
    texts = read_diagnosis_texts()
    assert set(texts) == set(LANGUAGES)
    keys = set(texts["en"])
    for lang in LANGUAGES:
        assert set(texts[lang]) == keys, lang
        for nested in ("spheres", "types", "reasons"):
            assert set(texts[lang][nested]) == set(texts["en"][nested]), (lang, nested)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_write_diagnosis(tmp_path, lang):
    net = read_example_network()
    d = diagnose(net)
    js = write_diagnosis(d, tmp_path / "d.json")
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["network"]["ties"] == 71
    txt = write_diagnosis(d, tmp_path / f"d_{lang}.txt", format="text", lang=lang)
    text = txt.read_text(encoding="utf-8")
    assert "EDUC" in text and "{" not in text


def test_written_outputs_never_hold_respondents(tmp_path, synthetic):
    actors, ties = synthetic
    net = read_network(actors, ties, reveal_respondents=True)
    out = write_diagnosis(diagnose(net, wave="2024"), tmp_path / "d.json")
    assert "Amina" not in out.read_text(encoding="utf-8")


def test_write_diagnosis_bad_format(tmp_path):
    d = diagnose(read_example_network())
    with pytest.raises(InvalidParameterError, match=r"The 'format' parameter of write_diag"):
        write_diagnosis(d, tmp_path / "d.html", format="html")


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_save_figures(tmp_path, suffix):
    net = read_example_network()
    for name, fig in (("net", draw_network(net)), ("heat", sphere_heatmap(net))):
        path = save_figure(fig, tmp_path / f"{name}.{suffix}")
        head = path.read_bytes()[:200]
        assert (
            head.startswith(b"\x89PNG") if suffix == "png" else b"<svg" in head or b"<?xml" in head
        )


def test_save_figure_bad_suffix(tmp_path):
    with pytest.raises(InvalidParameterError, match=r"The 'path suffix' parameter of save_fig"):
        save_figure(draw_network(read_example_network()), tmp_path / "net.pdf")


def test_figures_follow_the_network():
    net = read_example_network()
    fig = draw_network(net, labels=True)
    ax = fig.axes[0]
    assert len(ax.texts) == net.n_actors  # one label per actor
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "local",
        "regional",
        "national",
        "international",
    ]
    heat = sphere_heatmap(net)
    image = heat.axes[0].images[0].get_array()
    # rows follow SPHERES; the public–public cell is the tie density among the 4 public actors
    spheres = ["enterprise", "public", "association"]
    table = np.asarray(image)
    assert table.shape == (3, 3)
    from grappe.network import sphere_pairs

    pairs = sphere_pairs(net).set_index(["group_a", "group_b"])
    for a, b in [("public", "public"), ("enterprise", "association")]:
        expected = pairs.loc[(a, b), "density"]
        assert table[spheres.index(a), spheres.index(b)] == pytest.approx(expected)
        assert table[spheres.index(b), spheres.index(a)] == pytest.approx(expected)


def test_adjacency_waves_mark_absent_actors(tmp_path):
    # wave 1: a → b; wave 2: b → c. a has an all-zero row and column in wave 2 (it left),
    # c in wave 1 (it entered).
    w1, w2 = tmp_path / "w1.csv", tmp_path / "w2.csv"
    w1.write_text("id,a,b,c\na,0,1,0\nb,0,0,0\nc,0,0,0\n")
    w2.write_text("id,a,b,c\na,0,0,0\nb,0,0,1\nc,0,0,0\n")
    net = read_adjacency({"1": w1, "2": w2})
    assert net.actors.set_index("id")["waves"].to_dict() == {"a": "1", "b": "1;2", "c": "2"}
    assert net.select(wave="1").actors["id"].tolist() == ["a", "b"]
    assert net.select(wave="2").actors["id"].tolist() == ["b", "c"]
