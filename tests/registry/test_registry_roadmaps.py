"""Roadmaps in the registry: parse with the file reader's rules, store, load, replace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grappe.errors import DataValidationError, NotFoundError
from grappe.io.assess import read_roadmap
from grappe.registry import session_scope
from grappe.registry.models import Cluster
from grappe.registry.roadmaps import (
    delete_roadmap,
    load_roadmap,
    parse_roadmap,
    roadmap_document,
    store_roadmap,
)
from grappe.roadmap import PHASES, STATUSES

FIXTURE = Path(__file__).parents[1] / "fixtures" / "roadmap" / "roadmap_dates.yaml"


def _cluster(sessions, cid="dates"):
    with session_scope(sessions) as s:
        s.add(Cluster(id=cid, name_en="Dates"))


def test_parse_matches_the_yaml_file_reader():
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    assert parse_roadmap(data) == read_roadmap(FIXTURE)


def test_store_load_replace_delete(sessions):
    _cluster(sessions)
    roadmap = read_roadmap(FIXTURE)
    with session_scope(sessions) as s:
        store_roadmap(s, "dates", roadmap, who="test")
    with sessions() as s:
        assert load_roadmap(s, "dates") == roadmap
    small = parse_roadmap({"cluster": "Dates", "mode": "top_down", "actions": [
        {"id": "Z", "title": "t", "phase": "plan", "owner": "o", "start": "2024-01-01",
         "end": "2024-01-02"}]})  # fmt: skip
    with session_scope(sessions) as s:
        store_roadmap(s, "dates", small, who="test")
    with sessions() as s:
        assert load_roadmap(s, "dates") == small
    with session_scope(sessions) as s:
        assert delete_roadmap(s, "dates", who="test") is True
        assert delete_roadmap(s, "dates", who="test") is False
    with sessions() as s:
        assert load_roadmap(s, "dates") is None


def test_unknown_cluster_is_not_found(sessions):
    with (
        pytest.raises(NotFoundError, match="No cluster with id 'ghost'"),
        session_scope(sessions) as s,
    ):
        store_roadmap(s, "ghost", read_roadmap(FIXTURE), who="test")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ([1, 2], "no 'actions' list"),
        ({"cluster": "c", "mode": "top_down", "actions": "A1"}, "no 'actions' list"),
        ({"mode": "top_down", "actions": []}, "no 'cluster'"),
        ({"cluster": "c", "mode": "top_down", "actions": [], "actors": "GM"}, "'actors' is not"),
        ({"cluster": "c", "mode": "top_down", "actions": [], "deliverables": []}, "is not a"),
        ({"cluster": "c", "mode": "top_down", "actions": ["A1"]}, "not a mapping"),
        ({"cluster": "c\x00", "mode": "top_down", "actions": []}, "no 'cluster'"),
        (
            {"cluster": "c", "mode": "top_down", "actions": [{"id": "A1", "title": "a\x00b"}]},
            "'title' contains a control character",
        ),
        (
            {"cluster": "c", "mode": "top_down", "actions": [{"id": "A", "partners": ["\x07"]}]},
            "'partners' contains a control character",
        ),
    ],
)
def test_malformed_roadmaps_raise(data, match):
    with pytest.raises(DataValidationError, match=match):
        parse_roadmap(data, file="body")


# Printable text only: control characters are refused (see test_malformed_roadmaps_raise).
_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40).filter(
    str.strip
)
_day = st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))


@st.composite
def _actions(draw):
    n = draw(st.integers(0, 6))
    out = []
    for i in range(n):
        start = draw(_day)
        end = start + dt.timedelta(days=draw(st.integers(0, 400)))
        done = draw(st.booleans())
        # consistent statuses only: 'done' with an open milestone, or 'planned' with one done,
        # is refused (tests/roadmap/test_roadmap_actions.py)
        statuses = [s for s in STATUSES if s != ("planned" if done else "done")]
        out.append({
            "id": f"A{i}",
            "title": draw(_text),
            "phase": draw(st.sampled_from([p.key for p in PHASES])),
            "owner": draw(st.sampled_from(["GM", "UM", "ستاد"])),
            "budget": draw(st.floats(0, 1e9, allow_nan=False)),
            "currency": "DZD",
            "partners": draw(st.lists(st.sampled_from(["A", "B", "C"]), max_size=3)),
            "start": start.isoformat(),
            "end": end.isoformat(),
            "status": draw(st.sampled_from(statuses)),
            "milestones": [{"name": "m", "date": start.isoformat(), "done": done}],
        })  # fmt: skip
    return out


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=_actions())
def test_document_round_trip_property(sessions, actions):
    """Storing then loading changes nothing, and the document reads back to the same roadmap."""
    roadmap = parse_roadmap({"cluster": "c", "mode": "bottom_up", "actions": actions})
    assert parse_roadmap(roadmap_document(roadmap)) == roadmap
    with session_scope(sessions) as s:
        if s.get(Cluster, "prop") is None:
            s.add(Cluster(id="prop", name_en="Prop"))
            s.flush()
        store_roadmap(s, "prop", roadmap, who="test")
    with sessions() as s:
        assert load_roadmap(s, "prop") == roadmap
