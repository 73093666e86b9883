"""Priority challenges of a roadmap (phase 3): read from the document, checked, optional."""

from __future__ import annotations

import pytest

from grappe.errors import DataValidationError
from grappe.roadmap import Roadmap, build_roadmap

_ACTION = {"id": "A1", "title": "Kick-off", "phase": "mobilise", "owner": "CCI",
           "start": "2024-01-01", "end": "2024-03-31"}  # fmt: skip


def _doc(**extra):
    return {"cluster": "Dates", "mode": "bottom_up", "actions": [_ACTION], **extra}


def test_challenges_are_kept_in_order_stripped_and_optional():
    r = Roadmap.from_dict(_doc(challenges=[" Export to Europe ", "Cold chain"]))
    assert r.challenges == ("Export to Europe", "Cold chain")
    assert Roadmap.from_dict(_doc()).challenges == ()  # documents written before them
    assert build_roadmap([_ACTION], cluster="D", mode="top_down").challenges == ()


@pytest.mark.parametrize(
    ("challenges", "match"),
    [
        ("Export", "'challenges' is not a list of texts"),
        (["Export", 3], "'challenges' is not a list of texts"),
        (["Export\x00"], "contains a control character"),
        (["x" * 301], "longer than 300 characters"),
        (["Export", " "], "A priority challenge is empty"),
        (["Export", "Export "], "'Export' is given twice"),
    ],
)
def test_bad_challenges_are_refused_with_the_column(challenges, match):
    with pytest.raises(DataValidationError, match=match) as info:
        Roadmap.from_dict(_doc(challenges=challenges))
    assert {i.column for i in info.value.issues} == {"challenges"}
