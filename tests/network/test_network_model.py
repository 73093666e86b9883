"""Validation of actor and tie tables (grappe.network.model)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.network.model import build_network


def _actors(**extra):
    base = {
        "id": ["a", "b", "c"],
        "sphere": ["enterprise", "University/Research", "GOV"],
        "level": ["local", "regional", "supranational"],
    }
    base.update(extra)
    return pd.DataFrame(base)


def _ties(**cols):
    base = {"source": ["a"], "target": ["b"], "type": ["cooperation"], "strength": [2]}
    base.update(cols)
    return pd.DataFrame(base)


def test_aliases_are_mapped_to_canonical_values():
    net = build_network(_actors(), _ties(type=["money"], strength=["strong"]))
    assert net.actors["sphere"].tolist() == ["enterprise", "university", "public"]
    assert net.actors["level"].tolist() == ["local", "regional", "international"]
    assert net.ties.loc[0, "type"] == "funding"
    assert net.ties.loc[0, "strength"] == 3.0
    assert net.actors["name"].tolist() == ["a", "b", "c"]  # name defaults to id
    assert net.actors["member"].all()


def test_undirected_tie_gives_two_arcs_and_directed_one():
    und = build_network(_actors(), _ties(), directed=False)
    dire = build_network(_actors(), _ties(), directed=True)
    assert len(und.arcs) == 2 and len(dire.arcs) == 1
    assert und.adjacency.toarray()[1, 0] == 1 and dire.adjacency.toarray()[1, 0] == 0


def test_identical_reports_are_merged_and_counted():
    ties = _ties(
        source=["a", "b"],
        target=["b", "a"],
        type=["trust", "trust"],
        strength=[2, 2],
        respondent=["R1", "R2"],
    )
    net = build_network(_actors(), ties, directed=False)
    assert len(net.ties) == 1
    assert net.ties.loc[0, "reports"] == 2
    assert net.ties.loc[0, "respondent"] == "R1;R2"


def test_multiplex_ties_collapse_to_the_strongest():
    ties = _ties(
        source=["a", "a"], target=["b", "b"], type=["trust", "information"], strength=[1, 3]
    )
    net = build_network(_actors(), ties)
    assert len(net.arcs) == 1
    assert net.arcs.loc[0, "strength"] == 3 and net.arcs.loc[0, "multiplexity"] == 2


def test_inputs_are_not_mutated():
    a, t = _actors(), _ties()
    a0, t0 = a.copy(), t.copy()
    build_network(a, t)
    pd.testing.assert_frame_equal(a, a0)
    pd.testing.assert_frame_equal(t, t0)


@pytest.mark.parametrize(
    ("actors", "ties", "match"),
    [
        (_actors(), _ties(target=["zz"]), r"row 2, column 'target': .*unknown actor 'zz'"),
        (
            _actors(sphere=["enterprise", "church", "public"]),
            _ties(),
            r"row 3, column 'sphere': Unknown sphere 'church'",
        ),
        (_actors(level=["local", "galactic", "local"]), _ties(), r"Unknown level 'galactic'"),
        (_actors(), _ties(type=["friendship"]), r"column 'type': Unknown tie type 'friendship'"),
        (_actors(), _ties(target=["a"]), r"Self-tie: actor 'a'"),
        (_actors(), _ties(strength=[7]), r"column 'strength': The strength '7' is off the scale"),
        (_actors(), _ties(strength=["very"]), r"The strength 'very' is off the scale"),
        (_actors(id=["a", "a", "c"]), _ties(), r"row 3, column 'id': The actor id 'a' is used"),
        (_actors(id=["a", None, "c"]), _ties(), r"The actor id is empty"),
        (_actors().drop(columns="level"), _ties(), r"The column 'level' is missing"),
        (_actors(), _ties().drop(columns="type"), r"The column 'type' is missing"),
        (_actors(), _ties(confidence=[1.5]), r"The confidence '1.5' is not a number between"),
        (_actors(), _ties(directed=["maybe"]), r"The directed value 'maybe'"),
        (_actors(member=["yes", "perhaps", "no"]), _ties(), r"The member value 'perhaps'"),
        (_actors(ownership=["private", "tribal", None]), _ties(), r"Unknown ownership"),
        (_actors(), _ties(source=[None]), r"The source is empty"),
    ],
)
def test_invalid_tables_raise_with_row_and_column(actors, ties, match):
    with pytest.raises(DataValidationError, match=match):
        build_network(actors, ties, actors_file="actors.csv", ties_file="ties.csv")


def test_contradictory_duplicates_name_both_rows():
    ties = _ties(source=["a", "b"], target=["b", "a"], type=["trust", "trust"], strength=[1, 3])
    with pytest.raises(DataValidationError, match=r"Contradictory duplicate ties.*rows \[2, 3\]"):
        build_network(_actors(), ties, directed=False, ties_file="grid.csv", duplicates="sum")


def test_a_repeated_tie_is_refused_unless_summed():
    ties = _ties(source=["a", "b"], target=["b", "a"], type=["trust", "trust"], strength=[2, 2])
    with pytest.raises(
        DataValidationError, match=r"The tie 'a'–'b' \(trust\) is already in row 2\."
    ) as info:
        build_network(_actors(), ties, directed=False, ties_file="ties.csv")
    issue = info.value.issues[0]
    assert (issue.file, issue.row, issue.column) == ("ties.csv", 3, "source")
    assert "--duplicates sum" in issue.fix
    net = build_network(_actors(), ties, directed=False, duplicates="sum")
    assert len(net.ties) == 1 and net.ties.loc[0, "reports"] == 2
    with pytest.raises(InvalidParameterError, match="'duplicates' parameter of build_network"):
        build_network(_actors(), ties, duplicates="mean")
    same = ties.assign(respondent=["R1", "R1"])  # one respondent twice: still a duplicate
    with pytest.raises(DataValidationError, match="from the same respondent"):
        build_network(_actors(), same, directed=False)


def test_every_problem_is_listed_at_once():
    ties = _ties(source=["a", "a"], target=["zz", "a"], type=["x", "trust"], strength=[1, 9])
    with pytest.raises(DataValidationError) as info:
        build_network(_actors(), ties)
    assert len(info.value.issues) == 4  # unknown actor, unknown type, self-tie, strength
    assert info.value.issues[0].row == 2


def test_custom_tie_types_and_scale():
    net = build_network(
        _actors(),
        _ties(type=["mentoring"], strength=[9]),
        tie_types=["mentoring"],
        strength_scale=(0, 10),
    )
    assert net.types == ("mentoring",)
    with pytest.raises(DataValidationError, match="Unknown tie type 'money'"):
        build_network(_actors(), _ties(type=["money"]), tie_types=["mentoring"])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"strength_scale": (3, 1)}, r"The 'strength_scale' parameter of build_network must be"),
        ({"strength_scale": "high"}, r"The 'strength_scale' parameter of build_network must be"),
        ({"directed": "yes"}, r"The 'directed' parameter of build_network must be a bool"),
    ],
)
def test_bad_parameters(kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        build_network(_actors(), _ties(), **kwargs)


def test_tables_must_be_dataframes():
    with pytest.raises(InvalidParameterError, match=r"The 'ties' parameter .* DataFrame"):
        build_network(_actors(), [("a", "b")])


def test_select_by_wave_and_type():
    ties = pd.DataFrame(
        {
            "source": ["a", "a", "b"],
            "target": ["b", "b", "c"],
            "type": ["trust", "trust", "funding"],
            "wave": ["w1", "w2", "w2"],
        }
    )
    net = build_network(_actors(), ties)
    w1 = net.select(wave="w1")
    assert w1.actors["id"].tolist() == ["a", "b"]  # c has no tie in w1
    assert len(net.select(wave="w1", drop_absent=False).actors) == 3
    assert net.select(types=["funding"]).ties["type"].tolist() == ["funding"]
    with pytest.raises(InvalidParameterError, match=r"The 'wave' parameter of ActorNetwork"):
        net.select(wave="w9")
    with pytest.raises(InvalidParameterError, match=r"The 'types' parameter of ActorNetwork"):
        net.select(types=["advice"])


def test_waves_column_overrides_tie_based_presence():
    actors = _actors(waves=["w1;w2", "w1", None])
    ties = pd.DataFrame({"source": ["a"], "target": ["c"], "type": ["trust"], "wave": ["w2"]})
    net = build_network(actors, ties)
    assert net.present_in("w1").tolist() == [True, True, False]
    assert net.present_in("w2").tolist() == [True, False, True]


def test_unrated_ties_keep_nan_strength_and_weigh_one():
    net = build_network(_actors(), _ties(strength=[None]))
    assert np.isnan(net.ties.loc[0, "strength"])
    assert net.weights.toarray()[0, 1] == 1.0
