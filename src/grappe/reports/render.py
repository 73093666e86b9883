"""Render a :class:`~grappe.reports.model.ClusterReport` as one self-contained HTML page
(charts embedded as base64 PNG) and print it to PDF with WeasyPrint
(``pip install grappe[report]``), whose text shaping handles Arabic."""

from __future__ import annotations

import os
from pathlib import Path

from grappe._validation import check_option
from grappe.errors import MissingDependencyError
from grappe.i18n import Message
from grappe.io.output import write_bytes, write_text
from grappe.reports.context import report_context
from grappe.reports.i18n import LANGS
from grappe.reports.model import ClusterReport

__all__ = ["pdf_bytes", "render_html", "write_html", "write_pdf"]

PathLike = str | os.PathLike[str]


def render_html(report: ClusterReport, *, lang: str = "fr") -> str:
    """Render the report as one self-contained HTML page.

    Parameters
    ----------
    report : ClusterReport
    lang : {"fr", "ar", "en"}
        Language; Arabic pages are written right to left (``dir="rtl"``).

    Returns
    -------
    str

    Raises
    ------
    InvalidParameterError
        On an unknown language.
    """
    check_option(lang, "lang", LANGS, func="render_html")
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("grappe.reports", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2").render(**report_context(report, lang))


def write_html(report: ClusterReport, path: PathLike, *, lang: str = "fr") -> Path:
    """Write :func:`render_html` to ``path`` safely (:mod:`grappe.io.output`); return the path."""
    return write_text(render_html(report, lang=lang), path)


def pdf_bytes(html: str) -> bytes:
    """Print an HTML page of :func:`render_html` to PDF with WeasyPrint.

    Raises
    ------
    MissingDependencyError
        If WeasyPrint (or its system libraries, see ``scripts/setup-system``) is missing.
    """
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise MissingDependencyError(
            Message(
                "Writing PDF reports needs WeasyPrint and the Pango library: "
                "pip install grappe[report] (and run scripts/setup-system)."
            )
        ) from exc
    pdf: bytes = weasyprint.HTML(string=html).write_pdf()
    return pdf


def write_pdf(report: ClusterReport, path: PathLike, *, lang: str = "fr") -> Path:
    """Print the report to PDF with WeasyPrint; return the path.

    Raises
    ------
    MissingDependencyError
        If WeasyPrint (or its system libraries, see ``scripts/setup-system``) is missing.
    """
    return write_bytes(pdf_bytes(render_html(report, lang=lang)), path)
