"""Catalogues and locale formatting."""

from __future__ import annotations

import pytest
from babel.messages.extract import extract_from_dir
from hypothesis import given
from hypothesis import strategies as st

from grappe.web.i18n import (
    LANGUAGES,
    LOCALE_DIR,
    direction,
    format_number,
    format_share,
    pick_language,
    translations,
)


def _messages():
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    found = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        LOCALE_DIR.parent, method_map, options, keywords={"_": None, "gettext": None}
    ):
        found.add(message)
    return found


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_every_message_is_translated(lang):
    messages = _messages()
    assert len(messages) > 80
    catalogue = translations(lang)
    missing = [
        m
        for m in messages
        if catalogue.gettext(m) == m
        and m not in ("API", "Wilaya", "Label", "Contact", "Associations", "Finance")
        # the same word in French (workspace forms)
        and m not in ("Organisation", "Latitude", "Longitude", "Commune", "Invitation")
        # the same word in French (i14-questionnaires)
        and m not in ("Questionnaire", "Questionnaires")
        # the same word in French (roadmap editor, evaluations)
        and m not in ("Date", "Budget", "Phase", "Actions")
        # the same word in French (programme pages, enrolments)
        and m not in ("Admission", "Sources", "Programmes", "Programme", "Note")
        # the same word in French (a cluster's internationalisation, clusterintl)
        and m != "Internationalisation"
        # the same word in French (decision corrections, progfix)
        and m != "Correction"
    ]
    assert not missing, missing


def test_hand_checked_translations():
    assert translations("fr").gettext("Location quotient") == "Quotient de localisation"
    assert translations("ar").gettext("Location quotient") == "حاصل التوطن"
    assert translations("en").gettext("Location quotient") == "Location quotient"


def test_formatting_by_locale():
    assert format_number(1234567, "en") == "1,234,567"
    assert format_number(1234567, "fr") == "1\u202f234\u202f567"
    assert format_number(1234567, "ar") == "1.234.567"  # Latin digits, as in the Maghreb
    assert format_number(2.5, "ar", digits=2) == "2,50"
    assert format_number(2.5, "fr", digits=2) == "2,50"
    assert format_share(0.125, "en") == "12.5%"
    assert format_number(None, "en") == format_number(float("nan"), "fr") == "–"
    assert [direction(x) for x in LANGUAGES] == ["ltr", "rtl", "ltr"]


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_arabic_digits_round_trip(n):
    text = format_number(n, "ar")
    western = text.replace(".", "").replace("\u061c", "").replace("\u200e", "")
    assert int(western.replace("\u200f", "")) == n
    assert not any("\u0660" <= c <= "\u0669" for c in text)  # Latin digits only


@given(
    st.sampled_from(LANGUAGES),
    st.one_of(st.none(), st.sampled_from(LANGUAGES)),
    st.text(max_size=30),
)
def test_pick_language_query_wins(query, cookie, accept):
    assert pick_language(query, cookie, accept, "fr") == query
    assert pick_language(None, cookie, accept, "fr") in LANGUAGES
