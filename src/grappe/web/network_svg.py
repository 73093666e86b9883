"""The actor network's drawing for the web pages: the layout lives in the kernel
(:mod:`grappe.network.drawing`), shared with the PDF report, which cannot import the web layer."""

from grappe.network.drawing import network_drawing

__all__ = ["network_drawing"]
