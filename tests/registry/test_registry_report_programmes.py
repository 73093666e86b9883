"""A report lists every programme a cluster is enrolled in (grappe.registry.report_programmes),
on SQLite and PostgreSQL: a cluster enrolled in two presets — Kompetenznetze, its label awarded
then suspended, and the ESCA-like management excellence labels, bronze awarded for two years —
gets both, live first by enrolment date, each with its status, level, validity, next step and
latest decisions, in French and in Arabic (right to left); a label past its validity reads as
expired on the day and moves after the live one; a restriction keeps only the programmes
named, an unknown key is refused.

The facts are the test's own values (no real cluster): they meet the presets' eligibility, then
Kompetenznetze's is failed by too few member firms (6 < 10)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from grappe.errors import NotFoundError
from grappe.i18n import translate
from grappe.registry import repositories as repo
from grappe.registry.database import session_scope
from grappe.registry.permissions import Access
from grappe.registry.programme_catalogue import find_programme
from grappe.registry.programme_enrolments import enrol_cluster, record_evaluation
from grappe.registry.report_programmes import stored_programme_statuses
from grappe.reports import build_report, render_html
from grappe.reports.i18n import T

ANALYST = Access("ana", "analyst")
ADMIN = Access("root", "admin")
KN_MET = {"enterprises": 12.0, "research_bodies": 2.0, "universities": 1.0,
          "industry_research_ties": 5.0, "years_active": 3.0}  # fmt: skip
#: The ESCA-like preset's eligibility (members ≥ 15, member types ≥ 2, management ≥ 0.5 FTE),
#: met; nothing known of the silver and gold criteria, so bronze.
ESCA_MET = {"members": 20.0, "member_types": 3.0, "management_fte": 1.0}
ON = dt.date(2025, 6, 1)


def _two_programmes(s):
    repo.create_cluster(s, {"id": "optik", "name_en": "Jena optics"}, who="t")
    kn = enrol_cluster(s, ADMIN, "optik", find_programme("kompetenznetze"),
                       joined=dt.date(2022, 1, 10))  # fmt: skip
    record_evaluation(s, ANALYST, kn.id, KN_MET, on=dt.date(2023, 1, 15), period="2022")
    suspend = record_evaluation(s, ANALYST, kn.id, {**KN_MET, "enterprises": 6.0},
                                on=dt.date(2025, 1, 15), period="2024")  # fmt: skip
    esca = enrol_cluster(s, ADMIN, "optik", find_programme("esca-management-excellence"),
                         joined=dt.date(2024, 1, 10))  # fmt: skip
    award = record_evaluation(s, ANALYST, esca.id, ESCA_MET, on=dt.date(2024, 3, 15))
    return kn, suspend, esca, award


def test_a_report_lists_both_programmes_with_their_statuses(sessions):
    with session_scope(sessions) as s:
        kn, suspend, esca, award = _two_programmes(s)
        statuses = stored_programme_statuses(s, "optik", on=ON)
    assert (suspend.action, award.action) == ("suspend", "award")  # the presets' rules decided
    knp, escap = statuses  # live both: by enrolment date, Kompetenznetze (2022) first
    assert (knp.key, knp.status, knp.failures, knp.ended) == ("kompetenznetze", "suspended", 1,
                                                              False)  # fmt: skip
    assert [d.action for d in knp.decisions] == ["suspend", "award"]  # newest first
    assert knp.next_step is None and knp.next_evaluation > dt.date(2025, 1, 15)
    assert (escap.key, escap.status, escap.joined) == ("esca-management-excellence", "awarded",
                                                       dt.date(2024, 1, 10))  # fmt: skip
    assert escap.level["en"] == "Bronze"
    # two years from the award, by hand: 2024-03-15 + 24 months - 1 day
    assert escap.valid_until == dt.date(2026, 3, 14)

    report = build_report(None, region="TH", cluster="optik", region_name="Thuringia",
                          cluster_name="Jena optics", programme=statuses)  # fmt: skip
    fr = render_html(report, lang="fr")
    section = fr[fr.index('<h2 id="programme">') : fr.index('<h2 id="recommendations">')]
    assert T["programmes_status"]["fr"] in section
    blocks = re.findall(r'<section class="programme[^"]*" data-programme="([^"]+)" '
                        r'data-ended="(\w+)">', section)  # fmt: skip
    assert blocks == [("kompetenznetze", "no"), ("esca-management-excellence", "no")]
    kn_block, esca_block = section.split("<section")[1:]
    assert "Kompetenznetze Deutschland (réseaux de compétence allemands)" in kn_block
    assert "suspendu" in kn_block and "Suspension du label" in kn_block
    assert "Attribution du label" in kn_block  # the earlier decision is listed too
    assert translate(suspend.rule_reasons[0], "fr") in kn_block
    assert "10 janv. 2022" in kn_block  # enrolled on
    assert "attribué" in esca_block and "Bronze" in esca_block
    assert "14 mars 2026" in esca_block  # valid until
    assert "15 mars 2024" in esca_block  # the award, dated
    # the executive summary names both
    summary = fr[fr.index('<h2 id="summary">') : fr.index('<h2 id="programme">')]
    assert "suspendu" in summary and "attribué (Bronze)" in summary
    # the suspended label is a threat with a remediation plan; the bronze one is not
    assert [f.key for f in report.findings] == ["label_at_risk"]

    ar = render_html(report, lang="ar")
    assert '<html lang="ar" dir="rtl">' in ar
    assert T["programmes_status"]["ar"] in ar and "برونزية" in ar
    assert T["latest_decisions"]["ar"] in ar and "معلَّقة" in ar


def test_an_expired_label_moves_after_the_live_programme(sessions):
    with session_scope(sessions) as s:
        _two_programmes(s)
        later = stored_programme_statuses(s, "optik", on=dt.date(2026, 3, 15))
    # the bronze label ran out the day before (not renewed): expired on the day, listed last
    assert [(p.key, p.status, p.ended) for p in later] == [
        ("kompetenznetze", "suspended", False),
        ("esca-management-excellence", "expired", True),
    ]
    assert later[1].next_evaluation is None and later[1].level is None
    report = build_report(None, region="TH", cluster="optik", programme=later)
    en = render_html(report, lang="en")
    assert 'data-programme="esca-management-excellence" data-ended="yes"' in en
    assert "enrolment ended" in en and "none (the enrolment has ended)" in en


def test_a_restriction_keeps_the_programmes_named(sessions):
    with session_scope(sessions) as s:
        _two_programmes(s)
        only = stored_programme_statuses(s, "optik", programmes=["esca-management-excellence"],
                                         on=ON)  # fmt: skip
        every = stored_programme_statuses(s, "optik", programmes=[], on=ON)
        with pytest.raises(
            NotFoundError,
            match=r"not enrolled in the programme 'french-spl'; "
            r"its programmes are: esca-management-excellence, kompetenznetze",
        ):
            stored_programme_statuses(s, "optik", programmes=["kompetenznetze", "french-spl"])
        with pytest.raises(NotFoundError, match="No cluster with id 'nowhere'"):
            stored_programme_statuses(s, "nowhere", programmes=["kompetenznetze"])
    assert [p.key for p in only] == ["esca-management-excellence"]
    assert len(every) == 2  # none named: every programme
