"""The JSON form of the assessment kernels' results, as the registry stores them.

JSON has no NaN or infinity (PostgreSQL refuses them): a non-finite float is stored tagged as
``{"$float": "nan"}``, and tuples as lists (decoded back to tuples: the kernels use tuples).
:func:`public` gives the form the API shows, with ``null`` for unknown numbers.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from grappe.assess import Classification, Diamond, Evidence, Lifecycle, Score, SuccessFactors
from grappe.errors import InvalidParameterError

__all__ = ["Result", "decode", "encode", "kind_of", "load_result", "public", "result_document"]

Result = Diamond | SuccessFactors | Lifecycle


def encode(value: Any) -> Any:
    """``value`` as JSON: non-finite floats tagged, tuples as lists, dates as ISO text.

    Examples
    --------
    >>> encode({"a": (1.0, float("nan"))})
    {'a': [1.0, {'$float': 'nan'}]}
    """
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": str(value)}
    if isinstance(value, Mapping):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # a numpy scalar
        return encode(value.item())
    return str(value)


def decode(value: Any) -> Any:
    """The inverse of :func:`encode` (lists come back as tuples).

    Examples
    --------
    >>> decode({"a": [1.0, {"$float": "inf"}]})
    {'a': (1.0, inf)}
    """
    if isinstance(value, Mapping):
        if set(value) == {"$float"}:
            return float(value["$float"])
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(decode(v) for v in value)
    return value


def public(value: Any) -> Any:
    """``value`` as the API shows it: non-finite numbers as null (JSON has none)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        if set(value) == {"$float"}:
            return None
        return {str(k): public(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [public(v) for v in value]
    return value


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"name": e.name, "value": e.value, "points": e.points, "threshold": e.threshold,
            "source": e.source}  # fmt: skip


def _score(s: Score) -> dict[str, Any]:
    return {"name": s.name, "value": s.value, "scale": s.scale,
            "evidence": [_evidence(e) for e in s.evidence], "rule": s.rule}  # fmt: skip


def _classification(c: Classification) -> dict[str, Any]:
    return {"level": c.level, "overall": c.overall, "weakest": c.weakest, "known": c.known,
            "rule": c.rule, "thresholds": dict(c.thresholds)}  # fmt: skip


def result_document(result: Result, classification: Classification | None = None) -> dict[str, Any]:
    """A kernel result as its stored JSON document (before :func:`encode`)."""
    if isinstance(result, Diamond):
        return {"scores": {k: _score(s) for k, s in result.scores.items()}}
    if isinstance(result, SuccessFactors):
        return {
            "method": result.method,
            "scores": {k: _score(s) for k, s in result.scores.items()},
            "classification": _classification(classification) if classification else None,
        }
    return {"stage": result.stage, "evidence": [_evidence(e) for e in result.evidence],
            "rule": result.rule, "parameters": dict(result.parameters)}  # fmt: skip


def _load_evidence(doc: Mapping[str, Any]) -> Evidence:
    return Evidence(
        doc["name"], doc["value"], float(doc["points"]), doc["threshold"], doc["source"]
    )


def _load_scores(docs: Mapping[str, Any]) -> dict[str, Score]:
    return {
        k: Score(
            d["name"],
            float(d["value"]),
            tuple(float(x) for x in d["scale"]),  # type: ignore[arg-type]
            tuple(_load_evidence(e) for e in d["evidence"]),
            d["rule"],
        )  # fmt: skip
        for k, d in docs.items()
    }


def load_result(kind: str, doc: Mapping[str, Any]) -> tuple[Result, Classification | None]:
    """The kernel objects of a decoded stored document."""
    if kind == "diamond":
        return Diamond(_load_scores(doc["scores"])), None
    if kind in ("quebec", "danish"):
        c = doc.get("classification")
        classification = (
            Classification(
                c["level"],
                float(c["overall"]),
                float(c["weakest"]),
                int(c["known"]),
                c["rule"],
                dict(c["thresholds"]),
            )  # fmt: skip
            if c
            else None
        )
        return SuccessFactors(doc["method"], _load_scores(doc["scores"])), classification
    evidence = tuple(_load_evidence(e) for e in doc["evidence"])
    return Lifecycle(doc["stage"], evidence, doc["rule"], dict(doc["parameters"])), None


def kind_of(result: Result) -> str:
    """``"diamond"``, ``"quebec"``, ``"danish"`` or ``"lifecycle"``."""
    if isinstance(result, Diamond):
        return "diamond"
    if isinstance(result, SuccessFactors):
        return result.method
    if isinstance(result, Lifecycle):
        return "lifecycle"
    raise InvalidParameterError(
        "The 'result' parameter of store_assessment must be a Diamond, SuccessFactors or "
        f"Lifecycle. Got {type(result).__name__} instead."
    )
