"""The cluster diagnostic report (HTML and PDF, in French, Arabic and English).

See :func:`build_report`, :func:`render_html`, :func:`write_pdf` and ``docs/assess.md``.
"""

from grappe.reports.builder import (
    ClusterReport,
    build_report,
    render_html,
    write_html,
    write_pdf,
)

__all__ = ["ClusterReport", "build_report", "render_html", "write_html", "write_pdf"]
