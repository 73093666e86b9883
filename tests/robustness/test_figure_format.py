"""A chart named with a suffix matplotlib cannot write is refused with our OutputError (found by
the corpus: ``grappe spatial mfunction --plot m.docx`` ended in matplotlib's ValueError)."""

from __future__ import annotations

import matplotlib
import pytest

from grappe.errors import OutputError
from grappe.io.output import check_figure_format, write_figure

matplotlib.use("Agg")


def test_an_unknown_image_suffix_is_refused_before_anything_is_written(tmp_path):
    from matplotlib.figure import Figure

    target = tmp_path / "chart.docx"
    with pytest.raises(OutputError, match=r"chart.docx'.*cannot be saved as 'docx'.*\.png"):
        write_figure(Figure(), target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("name", "fmt"), [("c.svg", "svg"), ("c.PDF", "pdf"), ("c", "png")])
def test_image_formats_matplotlib_writes_are_accepted(name, fmt):
    assert check_figure_format(name) == fmt
