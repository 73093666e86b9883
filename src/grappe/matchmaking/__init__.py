"""Matchmaking for subcontracting and partnership: large firms' needs × SMEs' capabilities.

Pure kernel (no I/O). See :func:`match` and ``docs/roadmap.md`` (section Matchmaking).
"""

from grappe.matchmaking.score import COMPONENTS, DEFAULT_WEIGHTS, haversine_km, match

__all__ = ["COMPONENTS", "DEFAULT_WEIGHTS", "haversine_km", "match"]
