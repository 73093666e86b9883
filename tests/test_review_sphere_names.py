"""One table of the spheres' names (package "review", issue 16's review): the pages and the
figures name a sphere with :data:`grappe.vocabulary.SPHERE_NAMES`."""

from __future__ import annotations

import pytest

from grappe import vocabulary as v
from grappe.chart_labels import CHART_LABELS, sphere_label
from grappe.chart_text import chart_text
from grappe.errors import InvalidParameterError


def test_every_sphere_is_named_in_every_language():
    assert tuple(v.SPHERE_NAMES) == v.SPHERES
    for names in v.SPHERE_NAMES.values():
        assert set(names) == set(v.LANGUAGES) and all(names.values())


@pytest.mark.parametrize("lang", v.LANGUAGES)
def test_the_pages_and_the_figures_use_the_one_table(lang):
    from grappe.web.views._common import sphere_names

    assert sphere_names(lang) == {s: v.SPHERE_NAMES[s][lang] for s in v.SPHERES}
    for sphere in v.SPHERES:
        assert sphere_label(sphere, lang) == chart_text(v.SPHERE_NAMES[sphere][lang])
    # the figures' own table holds no sphere (international there is the level)
    assert not set(CHART_LABELS) & (set(v.SPHERES) - set(v.LEVELS))


def test_a_sphere_without_a_name_shows_as_its_word_and_languages_are_checked():
    assert v.sphere_name("media", "fr") == "media"
    assert sphere_label("university", "fr") == "Universités et recherche"
    with pytest.raises(InvalidParameterError, match="sphere_label"):
        sphere_label("university", "de")
