"""``grappe report --cluster-id ID --database URL``: the programme section from the registry's
stored enrolments and decisions (as the workspace's report jobs), not from a YAML file: every
programme of the cluster, or those named by --programme KEY; the options' errors (an unknown
key included) are one line and exit code 1, with no report written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.registry import connect, session_scope
from grappe.registry import repositories as repo
from grappe.registry.permissions import Access
from grappe.registry.programme_catalogue import find_programme
from grappe.registry.programme_enrolments import enrol_cluster, record_evaluation

ANSWERS = Path(__file__).parents[1] / "fixtures" / "assess" / "diamond_answers.yaml"
#: The Kompetenznetze preset's eligibility facts (the test's own values): met, then too few
#: member firms (6 < 10): the rule awards the label, then suspends it.
MET = {"enterprises": 12.0, "research_bodies": 2.0, "universities": 1.0,
       "industry_research_ties": 5.0, "years_active": 3.0}  # fmt: skip


def _report(out, *extra):
    args = ["report", "--region", "TH", "--cluster", "optics", "--region-name", "Thuringia",
            "--cluster-name", "Optics", "--no-statistics", "--diamond-answers", str(ANSWERS),
            "--no-pdf", "--lang", "fr", "-o", str(out), *extra]  # fmt: skip
    return CliRunner().invoke(app, args)


def test_report_shows_the_stored_decision(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    sessions = connect(url)
    who = Access("ana", "analyst")
    with session_scope(sessions) as s:
        repo.create_cluster(s, {"id": "optik", "name_en": "Jena optics"}, who="t")
        kn = enrol_cluster(s, Access("root", "admin"), "optik", find_programme("kompetenznetze"),
                           joined=dt.date(2022, 1, 10))  # fmt: skip
        record_evaluation(s, who, kn.id, MET, on=dt.date(2023, 1, 15))
        record_evaluation(s, who, kn.id, {**MET, "enterprises": 6.0}, on=dt.date(2025, 1, 15))
    sessions.kw["bind"].dispose()
    result = _report(tmp_path / "out", "--cluster-id", "optik", "--database", url)
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "report_TH_optics_fr.html").read_text(encoding="utf-8")
    assert "Kompetenznetze Deutschland (réseaux de compétence allemands)" in html
    assert "Suspension du label" in html and "Membre labellisé de Kompetenznetze" in html
    # an unknown cluster, and options that do not go together: one line, nothing written
    for extra, message in (
        (["--cluster-id", "nowhere", "--database", url], "No cluster with id 'nowhere'"),
        (["--database", url], "add --cluster-id"),
        (["--cluster-id", "optik", "--database", url, "--programme", str(ANSWERS)],
         "names a programme key (kompetenznetze…), not a status file"),
        (["--cluster-id", "optik", "--database", url, "--programme", "french-spl"],
         "The cluster 'optik' is not enrolled in the programme 'french-spl'; its programmes "
         "are: kompetenznetze."),
        (["--programme", str(ANSWERS), "--programme", str(ANSWERS)],
         "Without --cluster-id, the '--programme' option of grappe report names one"),
    ):  # fmt: skip
        result = _report(tmp_path / "bad", *extra)
        assert result.exit_code == 1, result.output
        assert message in result.output.replace("\n", " ") and "Traceback" not in result.output
        assert result.output.count("Error") == 1
        assert not (tmp_path / "bad").exists() or not any((tmp_path / "bad").iterdir())


def test_report_lists_every_programme_and_restricts_to_those_named(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    sessions = connect(url)
    who, admin = Access("ana", "analyst"), Access("root", "admin")
    # the ESCA-like bronze label awarded 30 days ago: valid two years from today's run
    awarded = dt.date.today() - dt.timedelta(days=30)
    with session_scope(sessions) as s:
        repo.create_cluster(s, {"id": "optik", "name_en": "Jena optics"}, who="t")
        kn = enrol_cluster(s, admin, "optik", find_programme("kompetenznetze"),
                           joined=dt.date(2022, 1, 10))  # fmt: skip
        record_evaluation(s, who, kn.id, MET, on=dt.date(2023, 1, 15))
        record_evaluation(s, who, kn.id, {**MET, "enterprises": 6.0}, on=dt.date(2025, 1, 15))
        esca = enrol_cluster(s, admin, "optik", find_programme("esca-management-excellence"),
                             joined=awarded - dt.timedelta(days=60))  # fmt: skip
        record_evaluation(s, who, esca.id, {"members": 20.0, "member_types": 3.0,
                                            "management_fte": 1.0}, on=awarded)  # fmt: skip
    sessions.kw["bind"].dispose()
    names = ("Kompetenznetze Deutschland", "Labels d&#39;excellence de la gestion de cluster")

    def html(folder):
        return (tmp_path / folder / "report_TH_optics_fr.html").read_text(encoding="utf-8")

    assert _report(tmp_path / "all", "--cluster-id", "optik", "--database", url).exit_code == 0
    every = html("all")
    assert every.index(names[0]) < every.index(names[1])  # both, by enrolment date
    assert every.count('<section class="programme') == 2 and "Bronze" in every
    result = _report(tmp_path / "one", "--cluster-id", "optik", "--database", url,
                     "--programme", "esca-management-excellence")  # fmt: skip
    assert result.exit_code == 0, result.output
    one = html("one")
    assert names[1] in one and names[0] not in one
    assert one.count('<section class="programme') == 1
