"""A label's state on a day (expired after its level's validity) and the role of the admission
step that decides (grappe.programmes, issue 18 gaps), at the boundary dates."""

from __future__ import annotations

import datetime as dt

import pytest

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.io.programmes import list_presets, load_programme
from grappe.programmes import (
    LabelState,
    label_state_on,
    programme_from_dict,
    programme_to_dict,
)

P = programme_from_dict({
    "key": "k", "names": {"en": "K"},
    "admission": [
        {"key": "call", "names": {"en": "Call"}, "role": "manager"},
        {"key": "jury", "names": {"en": "Jury"}, "role": "analyst",
         "decided_by": {"en": "A jury"}},
        {"key": "published", "names": {"en": "Profile published"}},
    ],
    "levels": [{"key": "bronze", "rank": 1, "names": {"en": "Bronze"}, "validity_years": 1.5},
               {"key": "plain", "rank": 2, "names": {"en": "Plain"}}],
})  # fmt: skip
AWARDED = dt.date(2024, 9, 10)  # 18 months later, 2026-03-10: 2026-03-09 is the last valid day


@pytest.mark.parametrize("status", ["awarded", "renewed", "suspended"])
def test_a_held_label_expires_the_day_after_its_last_valid_day(status):
    held = LabelState(status, "bronze", 1)
    assert label_state_on(P, held, since=AWARDED, on=dt.date(2026, 3, 9)) == held
    assert label_state_on(P, held, since=AWARDED, on=dt.date(2026, 3, 10)) == LabelState(
        "expired", None, 1)  # fmt: skip


@pytest.mark.parametrize(
    "state, since",
    [
        (LabelState("awarded", "plain"), AWARDED),  # a level without validity
        (LabelState("withdrawn", None, 2), AWARDED),  # nothing held
        (LabelState("refused"), AWARDED),
        (LabelState("awarded", "bronze"), None),  # never awarded: nothing to count from
    ],
)
def test_what_does_not_expire(state, since):
    assert label_state_on(P, state, since=since, on=dt.date(2040, 1, 1)) == state


def test_label_state_on_errors():
    with pytest.raises(InvalidParameterError, match="'on' parameter of label_state_on"):
        label_state_on(P, LabelState("awarded", "bronze"), since=AWARDED, on="2026-01-01")
    with pytest.raises(InvalidParameterError, match="has no level 'gold'"):
        label_state_on(P, LabelState("awarded", "gold"), since=AWARDED, on=AWARDED)


def test_admission_steps_name_the_role_that_decides():
    assert [s.role for s in P.admission] == ["manager", "analyst", None]
    assert P.deciding_step().key == "jury"  # the last step naming a role
    assert programme_from_dict(programme_to_dict(P)) == P
    assert programme_from_dict({"key": "n", "names": {"en": "N"}}).deciding_step() is None


def test_an_unknown_role_is_refused_with_the_fix():
    bad = {
        "key": "b",
        "names": {"en": "B"},
        "admission": [{"key": "jury", "names": {"en": "Jury"}, "role": "ministry"}],
    }
    with pytest.raises(DataValidationError, match=r"admission\[0\]\.role is 'ministry'.*"
                                                  r"admin, analyst, manager"):  # fmt: skip
        programme_from_dict(bad, file="mine.yaml")


def test_every_preset_with_admission_names_who_records_its_label():
    """The presets map the body that decides onto a grappe role (docs/programmes.md)."""
    decided = {k: load_programme(k).deciding_step() for k in list_presets()}
    assert decided["kompetenznetze"].key == "committee"
    assert decided["kompetenznetze"].role == "analyst"
    assert decided["basque-cluster-associations"].role == "manager"
    assert decided["esca-management-excellence"].key == "award"
    assert decided["us-cluster-mapping"] is None  # no admission: the observatory decides
