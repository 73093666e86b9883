"""The cluster report, a mission document (HTML and PDF, in French, Arabic and English).

:func:`build_report` gathers the parts (:mod:`grappe.reports.model`), the findings drawn from
the data (:mod:`grappe.reports.findings`) and the recommendations that answer them
(:mod:`grappe.reports.recommendations`); :func:`render_html` and :func:`write_pdf` render it
(:mod:`grappe.reports.render`). See ``docs/reports.md``.
"""

from grappe.reports.model import ClusterReport, build_report
from grappe.reports.programme import (
    ProgrammeStatus,
    ordered_programmes,
    programme_status,
    programme_statuses,
    status_from_decision,
)
from grappe.reports.render import pdf_bytes, render_html, write_html, write_pdf

__all__ = [
    "ClusterReport",
    "ProgrammeStatus",
    "build_report",
    "ordered_programmes",
    "pdf_bytes",
    "programme_status",
    "programme_statuses",
    "render_html",
    "status_from_decision",
    "write_html",
    "write_pdf",
]
