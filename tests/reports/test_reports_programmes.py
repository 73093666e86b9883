"""The report's programme section from a status file listing several programmes
(grappe.reports.programme_statuses, a cluster outside the registry): the order (live first,
then by enrolment date), the errors naming the item, and the PDF holding every programme.
The statuses are the test's own (read from no programme document)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from grappe.errors import InvalidParameterError
from grappe.formats import MISSING
from grappe.reports import build_report, programme_statuses, render_html

STATUSES = """\
- programme: {fr: Accompagnement ONUDI, en: UNIDO support, ar: مرافقة اليونيدو}
  status: withdrawn
  joined: 2015-03-01
  decisions: [{action: withdraw, decided: 2019-12-31, reasons: [project ended]}]
- programme: {fr: Label dinanderie, en: Coppersmithing label, ar: علامة النحاسيات}
  key: label-dinanderie
  status: applied
  joined: 2019-06-01
  next_step: {fr: Approbation par la tutelle, en: Approval by the ministry, ar: موافقة الوصاية}
  next_evaluation: 2027-01-15
"""


def test_a_status_file_lists_several_programmes_live_first():
    live, ended = programme_statuses(yaml.safe_load(STATUSES), file="programmes.yaml")
    assert (live.key, live.status, live.ended) == ("label-dinanderie", "applied", False)
    assert (ended.status, ended.ended, ended.joined) == ("withdrawn", True, dt.date(2015, 3, 1))
    assert ended.decisions[0].decided == dt.date(2019, 12, 31)
    report = build_report(None, region="25", cluster="dinanderie", programme=(ended, live))
    assert [p.key for p in report.programmes] == ["label-dinanderie", None]
    fr = render_html(report, lang="fr")
    assert fr.index("Label dinanderie") < fr.index("Accompagnement ONUDI")
    assert "Approbation par la tutelle — 15 janv. 2027" in fr  # the next step due, dated
    assert "aucune (l&#39;inscription a pris fin)" in fr  # the ended one has no next step
    assert report.findings == ()  # an ended enrolment puts no label at risk
    undated = programme_statuses({"programme": "P", "status": "applied", "next_step": "Jury"})
    html = render_html(build_report(None, region="25", cluster="d", programme=undated), lang="en")
    assert "<td>Jury</td>" in html  # no date known: the step alone
    calendarless = programme_statuses({"programme": "P", "status": "awarded"})
    html = render_html(build_report(None, region="25", cluster="d", programme=calendarless),
                       lang="en")  # fmt: skip
    assert f"Next step due</th><td>{MISSING}</td>" in html and "periodic evaluation" not in html


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("- {programme: A, status: gold}", r"'status' of the programme status \(p.yaml, item 1\)"),
        ("- {programme: A, status: applied, decisions: [{action: win, decided: 2020-01-01}]}",
         r"'decisions\[0\].action' of the programme status \(p.yaml, item 1\) must be one of"),
        ("- {programme: A, status: applied, decisions: [{action: award}]}",
         r"'decisions\[0\].decided' .* must be a date"),
        ("- {programme: A, status: applied, joined: soon}", r"'joined' .* must be a date"),
        ("just text", r"must be a mapping or a list of mappings"),
    ],
)  # fmt: skip
def test_a_bad_status_file_names_the_item(document, message):
    with pytest.raises(InvalidParameterError, match=message):
        programme_statuses(yaml.safe_load(document), file="p.yaml")


def test_the_pdf_holds_every_programme():
    pdfium = pytest.importorskip("pypdfium2")
    from grappe.reports.render import pdf_bytes

    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        pytest.skip("WeasyPrint is not installed")
    report = build_report(None, region="25", cluster="dinanderie",
                          programme=programme_statuses(yaml.safe_load(STATUSES)))  # fmt: skip
    doc = pdfium.PdfDocument(pdf_bytes(render_html(report, lang="en")))
    text = " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    doc.close()
    assert "Coppersmithing label" in text and "UNIDO support" in text
    assert "enrolment ended" in text
