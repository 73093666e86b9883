"""Find English left in a French or Arabic page: untranslated catalogue entries and UI words.

The visible text of a page (text nodes, the ``aria-label``, ``title``, ``alt`` and
``placeholder`` attributes, and the labels of the charts' JSON data, which Chart.js draws) is
scanned, except inside ``<script>``, ``<style>`` and elements
marked ``lang="en"`` — text the page itself declares English (a name with no translation, a
source's title), which screen readers then read in English.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from babel.messages.pofile import read_po

from grappe.web.i18n import LOCALE_DIR, translations

#: English words of the interface that have no place in a French or Arabic page (whole words,
#: case-sensitive: the capitalised forms the English interface uses). Words spelt the same in
#: French (Questionnaires, Action, Budget, Phase…) are left to the msgid check.
UI_WORDS = (
    "Cluster",
    "Clusters",
    "Region",
    "Regions",
    "Employment",
    "Strong",
    "Search",
    "Sector",
    "Growth",
    "Year",
    "Actors",
    "Members",
    "Settings",
    "Share",
    "Evidence",
    "Value",
    "Score",
    "Roadmap",
    "Network",
    "Diagnosis",
    "Sign in",
    "Sign out",
    "Location quotient",
    "Compare",
    "Stars",
    "Jobs",
    "Establishments",
    "Wage",
    "Strengths",
    "Weaknesses",
    "Threats",
    "Opportunities",
    "Save",
    "Delete",
    "Cancel",
    "Not available",
    "Unknown",
    "Home",
    "Account",
    "Reports",
    "Workspace",
    "Publish",
    "Ties",
    "Waves",
    "Matchmaking",
    "Indicators",
    "Summary",
    "Period",
    "Target",
    "Owner",
    "Status",
    "Stage",
    "Deliverables",
    "Applied",
    "Awarded",
    "Planned",
    "Ongoing",
    "Done",
    "Delayed",
    "Cancelled",
    "yes",
    "no",
)
_WORDS = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in UI_WORDS) + r")(?![\w-])")

#: Proper names that stay English in every language (a project's, a survey's name).
PROPER_NAMES = ("US Cluster Mapping", "U.S. Cluster Mapping", "County Business Patterns")

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_HIDDEN = {"script", "style", "template"}
_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


class _Visible(HTMLParser):
    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = [("#root", lang, False)]
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        _, lang, hidden = self.stack[-1]
        lang = values.get("lang") or lang
        hidden = hidden or tag in _HIDDEN or values.get("type") == "hidden"
        if not hidden and lang != "en":
            self.texts.extend(str(values[a]) for a in _ATTRIBUTES if values.get(a))
            button = tag == "input" and values.get("type") in ("submit", "button")
            if button and values.get("value"):
                self.texts.append(str(values["value"]))
        if tag not in _VOID:
            self.stack.append((tag, lang, hidden))
        self.chart_data = tag == "script" and values.get("type") == "application/json"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        self.chart_data = False
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        _, lang, hidden = self.stack[-1]
        if getattr(self, "chart_data", False) and lang != "en" and data.strip():
            self.texts.extend(_labels(json.loads(data)))
            return
        text = " ".join(data.split())
        if text and not hidden and lang != "en":
            self.texts.append(text)


def _labels(value: Any, key: str = "") -> list[str]:
    """The strings under the keys Chart.js draws (``label``, ``labels``, ``*_label``)."""
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in _labels(v, k)]
    if isinstance(value, list):
        return [t for v in value for t in _labels(v, key)]
    if isinstance(value, str) and (key in ("label", "labels") or key.endswith("_label")):
        return [value]
    return []


def visible_texts(html: str, lang: str) -> list[str]:
    """The texts a reader of ``lang`` sees (see the module's docstring)."""
    parser = _Visible(lang)
    parser.feed(html)
    return parser.texts


def catalogue_msgids(lang: str) -> set[str]:
    """The catalogue's English msgids whose ``lang`` translation differs (placeholders aside)."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    gettext = translations(lang).gettext
    return {
        m.id
        for m in catalog
        if m.id
        and isinstance(m.id, str)
        and "%(" not in m.id
        and gettext(m.id) != m.id
        and re.search(r"[A-Za-z]{3}", m.id)
    }


def english_left(html: str, lang: str, *, msgids: set[str] = frozenset()) -> list[str]:
    """What of ``html`` is still English: catalogue msgids shown as such, and UI words."""
    found = []
    for text in visible_texts(html, lang):
        if text in msgids:
            found.append(f"untranslated msgid: {text!r}")
            continue
        for name in PROPER_NAMES:
            text = text.replace(name, "")
        words = _WORDS.findall(text)
        if words:
            found.append(f"English {words} in {text[:120]!r}")
    return sorted(set(found))
