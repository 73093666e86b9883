"""Roadmap: phases, validation of actions, summaries."""

from __future__ import annotations

import datetime as dt
import math
import warnings

import pytest

from grappe.errors import DataValidationError, DataWarning
from grappe.roadmap import PHASES, build_roadmap, phase
from grappe.roadmap.actions import iso_currencies


def action(**change):
    base = {
        "id": "A1",
        "title": "Kick-off",
        "phase": "mobilise",
        "owner": "CCI",
        "budget": 1000,
        "currency": "DZD",
        "partners": "Wilaya; Univ",
        "start": "2024-01-01",
        "end": "2024-03-31",
        "status": "ongoing",
        "milestones": [
            {"name": "m1", "date": "2024-02-01", "done": True},
            {"name": "m2", "date": "2024-03-31"},
        ],
    }
    return base | change


def test_four_phases_with_deliverables_in_three_languages():
    assert [p.key for p in PHASES] == ["mobilise", "identify", "plan", "implement"]
    assert "diagnostic_study" in phase("identify").deliverables
    assert "action_plan" in phase("plan").deliverables
    for p in PHASES:
        assert set(p.names) == {"fr", "ar", "en"}
        for names in p.deliverables.values():
            assert set(names) == {"fr", "ar", "en"}


def test_build_and_summarise():
    acts = [
        action(),
        action(id="A2", phase="plan", budget=500, status="ongoing", milestones=[]),
        action(id="A3", phase="plan", budget=250, currency="EUR"),
    ]
    rm = build_roadmap(
        acts,
        cluster="Dates",
        mode="bottom_up",
        deliverables={"diagnostic_study": "done"},
        actors=["CCI"],
    )
    assert rm.actions[0].partners == ("Wilaya", "Univ")
    s = rm.summary().set_index(["phase", "currency"])
    assert s.loc[("mobilise", "DZD"), "budget"] == 1000
    assert s.loc[("mobilise", "DZD"), "progress"] == 0.5
    assert s.loc[("plan", "DZD"), "budget"] == 500
    assert math.isnan(s.loc[("plan", "DZD"), "progress"])
    assert s.loc[("plan", "EUR"), "budget"] == 250
    assert s.loc[("identify", ""), "actions"] == 0
    assert rm.actions_frame()["milestones_done"].tolist() == [1, 0, 1]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"phase": "celebrate"}, r"Unknown phase 'celebrate' of action A1"),
        ({"budget": -5}, r"budget of action A1 is -5"),
        ({"budget": "lots"}, r"budget of action A1 is 'lots'"),
        ({"currency": ""}, r"has a budget but no currency"),
        ({"currency": "XYZ"}, r"currency 'XYZ' of action A1 is not an ISO 4217 code"),
        ({"budget": 0, "currency": "dollars"}, r"'DOLLARS' of action A1 is not an ISO 4217"),
        ({"end": "2023-12-31"}, r"ends \(2023-12-31\) before it starts"),
        ({"start": "01/01/2024"}, r"start '01/01/2024' of action A1 is not a valid date"),
        ({"end": "2024-02-30"}, r"end '2024-02-30' of action A1 is not a valid date"),
        ({"status": "done"}, r"Action A1 is 'done' but its milestones \['m2'\] are not"),
        ({"status": "planned"}, r"Action A1 is 'planned' but 1 of its milestones are done"),
        (
            {"milestones": [{"name": "early", "date": "2023-12-01"}]},
            r"Milestone 'early' of action A1 \(2023-12-01\) is outside",
        ),
        ({"milestones": [{"name": "late", "date": "2024-04-01"}]}, r"is outside"),
        ({"milestones": [{"name": "nodate"}]}, r"has no valid date"),
        ({"status": "lost"}, r"Unknown status 'lost'"),
        ({"owner": "Stranger"}, r"owner 'Stranger' of action A1 is not an actor"),
        ({"title": ""}, r"The action has no 'title'"),
    ],
)
def test_inconsistent_actions_are_rejected(change, message):
    with pytest.raises(DataValidationError, match=message) as info:
        build_roadmap(
            [action(**change)],
            cluster="c",
            mode="top_down",
            actors=["CCI"],
            file="roadmap.yaml",
            rows=[12],
        )
    assert info.value.file == "roadmap.yaml" and info.value.row == 12


def test_other_roadmap_errors():
    with pytest.raises(DataValidationError, match="Unknown construction mode 'sideways'"):
        build_roadmap([action()], cluster="c", mode="sideways")
    with pytest.raises(DataValidationError, match="used twice"):
        build_roadmap([action(), action()], cluster="c", mode="top_down")
    with pytest.raises(DataValidationError, match="Unknown deliverable 'party'"):
        build_roadmap([], cluster="c", mode="top_down", deliverables={"party": "done"})
    with pytest.raises(DataValidationError, match="Unknown status 'meh' of deliverable"):
        build_roadmap([], cluster="c", mode="top_down", deliverables={"swot": "meh"})


def test_milestones_on_the_action_dates_are_accepted():
    rm = build_roadmap(
        [
            action(
                milestones=[
                    {"name": "a", "date": "2024-01-01"},
                    {"name": "b", "date": "2024-03-31"},
                ]
            )
        ],
        cluster="c",
        mode="bottom_up",
    )
    assert [m.name for m in rm.actions[0].milestones] == ["a", "b"]


def test_actors_not_given_means_no_owner_check():
    rm = build_roadmap([action(owner="Anyone")], cluster="c", mode="bottom_up")
    assert rm.actions[0].owner == "Anyone"


def test_a_stale_status_is_accepted_with_a_warning():
    done = [{"name": "m1", "date": "2024-02-01", "done": True}]
    with pytest.warns(DataWarning, match="action A1 has ended and every milestone is done") as w:
        rm = build_roadmap(
            [action(milestones=done)],
            cluster="c",
            mode="bottom_up",
            file="roadmap.yaml",
            rows=[7],
            today=dt.date(2025, 1, 1),
        )
    assert rm.actions[0].status == "ongoing"
    assert (w[0].message.file, w[0].message.row, w[0].message.column) == (
        "roadmap.yaml",
        7,
        "status",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)  # before its end date: no warning
        build_roadmap(
            [action(milestones=done)], cluster="c", mode="bottom_up", today=dt.date(2024, 3, 1)
        )


def test_iso_currencies_come_from_babel():
    assert {"DZD", "EUR", "USD", "MAD", "TND"} <= iso_currencies()
    assert "XYZ" not in iso_currencies()
