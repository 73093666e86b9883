"""A cluster programme as data: who may join, how, which label levels, when it is re-evaluated.

A programme (the German *Kompetenznetze*, the French SPL call for projects, the European Cluster
Collaboration Platform's profile rule…) is a mapping, usually a YAML file, read by the one parser
:func:`programme_from_dict` into a frozen :class:`Programme`; :func:`programme_to_dict` gives the
mapping back (the registry stores it as the snapshot of the rules a decision was taken under).
No I/O here: :mod:`grappe.io.programmes` reads the files.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from grappe.errors import DataValidationError, ValidationIssue
from grappe.i18n import Message
from grappe.programmes.metrics import MAP_METRICS, METRIC_NAMES, Metric
from grappe.programmes.model import (
    FAIL_ACTIONS,
    AdmissionStep,
    EvaluationRule,
    LabelLevel,
    Programme,
    ProgrammeCriterion,
    Source,
    in_language,
)
from grappe.roadmap.labels import OPERATORS, Criterion
from grappe.vocabulary import LANGUAGES, ROLES

__all__ = [
    "FAIL_ACTIONS",
    "PROGRAMME_KEYS",
    "AdmissionStep",
    "EvaluationRule",
    "LabelLevel",
    "Programme",
    "ProgrammeCriterion",
    "Source",
    "in_language",
    "programme_from_dict",
    "programme_to_dict",
]

#: The keys of a programme mapping (any other key is refused, so that a typo is not ignored).
PROGRAMME_KEYS: tuple[str, ...] = (
    "key",
    "names",
    "descriptions",
    "country",
    "sources",
    "metrics",
    "eligibility",
    "admission",
    "levels",
    "evaluation",
    "indicators",
    "funding",
    "statistical",
)

_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class _Issues:
    """Issues of one programme mapping: each names the file, the key path and the fix."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.items: list[ValidationIssue] = []

    def add(self, message: Message, where: str, fix: Message) -> None:
        self.items.append(ValidationIssue(message, file=self.file, column=where, fix=fix))

    def raise_if_any(self) -> None:
        if self.items:
            raise DataValidationError(self.items)


@dataclass(frozen=True)
class _Field:
    """What one scalar key of a mapping takes, and the issue on another value: ``problem``'s
    template (``{where}``, ``{value}``; a :class:`~grappe.i18n.Message` so that the catalogue
    holds it) and ``fix``. ``optional``: ``null`` or no key means "not given"."""

    takes: Callable[[Any], bool]
    problem: Message
    fix: Message
    optional: bool = True


def _whole_from_1(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


#: The scalar keys of a criterion, a level, an admission step and the evaluation (:func:`_field`).
_FIELDS: dict[str, _Field] = {
    "assumed": _Field(
        lambda v: isinstance(v, bool),
        Message("{where}.assumed is {value!r}, not true or false."),
        Message("Write 'assumed: true' or 'assumed: false'."),
        optional=False,
    ),
    "rank": _Field(
        _whole_from_1,
        Message("{where}.rank is {value!r}, not a whole number from 1."),
        Message("Give 1 to the lowest level, 2 to the next, and so on."),
        optional=False,
    ),
    "validity_years": _Field(
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 < v < 100,
        Message("{where}.validity_years is {value!r}, not a number of years."),
        Message("Write a positive number of years (e.g. 3), or null."),
    ),
    "every_months": _Field(
        _whole_from_1,
        Message("evaluation.every_months is {value!r}, not a whole number of months."),
        Message("Write e.g. 24 for every two years, or null for no calendar."),
    ),
    "role": _Field(
        lambda v: v in ROLES,
        Message("{where}.role is {value!r}, not a role."),
        Message("Write one of {roles} (who records the step's decision).", roles=", ".join(ROLES)),
    ),
}

#: What :func:`_field` gives for a refused value (the issue is added).
_REFUSED = object()


def _field(
    item: Mapping[str, Any], key: str, where: str, issues: _Issues, default: Any = None
) -> Any:
    """``item[key]`` (``default`` when absent) checked by its :data:`_FIELDS` entry: the value,
    or :data:`_REFUSED` after an issue on ``where.key``."""
    rule = _FIELDS[key]
    value = item.get(key, default)
    if (value is None and rule.optional) or rule.takes(value):
        return value
    issues.add(Message(rule.problem.template, where=where, value=value), f"{where}.{key}", rule.fix)
    return _REFUSED


def _did_you_mean(name: str, known: tuple[str, ...], otherwise: Message) -> Message:
    """The fix of an unknown metric: the closest known name, else ``otherwise``."""
    close = difflib.get_close_matches(name, known, n=1)
    return Message("Did you mean {close!r}?", close=close[0]) if close else otherwise


def _texts(value: Any, where: str, issues: _Issues, *, required: bool) -> dict[str, str]:
    if not required and (value is None or (isinstance(value, Mapping) and not value)):
        return {}
    if not isinstance(value, Mapping) or not value:
        issues.add(
            Message("{where} is not a mapping of languages to texts.", where=where),
            where,
            Message("Write e.g. '{where}: {{fr: …, ar: …, en: …}}'.", where=where),
        )
        return {}
    out = {}
    for lang, text in value.items():
        if lang not in LANGUAGES:
            issues.add(
                Message("{where} has the language {lang!r}.", where=where, lang=lang),
                f"{where}.{lang}",
                Message("Use the languages {languages}.", languages=", ".join(LANGUAGES)),
            )
        elif not isinstance(text, str) or not text.strip():
            issues.add(
                Message("{where}.{lang} is empty or not a text.", where=where, lang=lang),
                f"{where}.{lang}",
                Message("Write the text, or remove the language."),
            )
        else:
            out[lang] = text.strip()
    return out


def _criterion(
    raw: Any, where: str, issues: _Issues, known: tuple[str, ...]
) -> ProgrammeCriterion | None:
    extra: dict[str, Any] = {}
    if isinstance(raw, str):
        parts = raw.split()
        spec = (
            dict(zip(("metric", "op", "threshold"), parts, strict=False)) if len(parts) == 3 else {}
        )
    elif isinstance(raw, Mapping):
        spec = dict(raw)
        extra = {k: spec.pop(k) for k in ("assumed", "note") if k in spec}
    else:
        spec = {}
    try:
        metric, op, threshold = str(spec.pop("metric")), str(spec.pop("op")), spec.pop("threshold")
        if spec or op not in OPERATORS or isinstance(threshold, bool):
            raise ValueError(op)
        threshold = float(threshold)
        if not math.isfinite(threshold):
            raise ValueError(threshold)
    except (KeyError, TypeError, ValueError):
        issues.add(
            Message("The criterion {raw!r} is not 'metric op number'.", raw=raw),
            where,
            Message(
                "Write e.g. 'members >= 15' (op among {operators}), or a mapping with metric, "
                "op, threshold, and optionally assumed and note.",
                operators=" ".join(OPERATORS),
            ),
        )
        return None
    if metric not in known:
        issues.add(
            Message(
                "The criterion {raw!r} names the unknown metric {metric!r}.", raw=raw, metric=metric
            ),  # fmt: skip
            where,
            _did_you_mean(metric, known, Message(
                "Use a metric of grappe.programmes.metrics (see docs/programmes.md) or declare "
                "it under 'metrics:'.")),
        )  # fmt: skip
        return None
    assumed = _field(extra, "assumed", where, issues, False)
    if assumed is _REFUSED:
        return None
    note = extra.get("note")
    return ProgrammeCriterion(
        metric, op, threshold, assumed=assumed, note=None if note is None else str(note)
    )


def _items(
    raw: Any,
    where: str,
    issues: _Issues,
    read: Callable[[Any, str], Any],
    *,
    not_a_list: tuple[Message, Message],
) -> tuple[Any, ...]:
    """The items of the list ``raw`` at ``where`` that ``read`` (given each item and its path
    ``where[i]``) gives, ``None`` for a refused one; no list: nothing, and the issue
    ``not_a_list`` (message, fix) unless ``raw`` is ``None``."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        issues.add(not_a_list[0], where, not_a_list[1])
        return ()
    found = (read(item, f"{where}[{i}]") for i, item in enumerate(raw))
    return tuple(value for value in found if value is not None)


def _criteria(
    raw: Any, where: str, issues: _Issues, known: tuple[str, ...]
) -> tuple[Criterion, ...]:
    return _items(
        raw, where, issues, lambda c, here: _criterion(c, here, issues, known),
        not_a_list=(Message("{where} is not a list of criteria.", where=where),
                    Message("Write one criterion per line, e.g. '- members >= 15'.")),
    )  # fmt: skip


def _mapping_list(
    raw: Any, where: str, issues: _Issues, read: Callable[[Mapping[str, Any], str], Any]
) -> tuple[Any, ...]:
    def read_mapping(item: Any, here: str) -> Any:
        if isinstance(item, Mapping):
            return read(item, here)
        issues.add(
            Message("{where} is not a mapping.", where=here),
            here,
            Message("Write its keys, e.g. 'key: …'."),
        )
        return None

    return _items(
        raw, where, issues, read_mapping,
        not_a_list=(Message("{where} is not a list.", where=where),
                    Message("Write one item per line, each starting with '- '.")),
    )  # fmt: skip


def _unknown_keys(item: Mapping[str, Any], allowed: tuple[str, ...], where: str,
                  issues: _Issues) -> None:  # fmt: skip
    for key in item:
        if key not in allowed:
            issues.add(
                Message("{where} has the unknown key {key!r}.", where=where, key=key),
                f"{where}.{key}" if where else str(key),
                Message("Use the keys {keys}.", keys=", ".join(allowed)),
            )


def _slug(value: Any, where: str, issues: _Issues) -> str | None:
    if isinstance(value, str) and _KEY.match(value):
        return value
    issues.add(
        Message("{where} is {value!r}, not a key.", where=where, value=value),
        where,
        Message("Write lowercase letters, digits, '-' or '_' (e.g. 'eccp-profile')."),
    )
    return None


def programme_from_dict(data: Mapping[str, Any], *, file: str | None = None) -> Programme:
    """Build a :class:`Programme` from its mapping form (a parsed YAML file).

    The one parser of a programme: the command line, the API and the web workspace read it
    through here. Every problem is reported at once, each naming the file, the key path (as the
    column, e.g. ``levels[1].criteria[0]``) and the fix.

    Parameters
    ----------
    data : mapping
        Keys among :data:`PROGRAMME_KEYS`; ``key`` and ``names`` are required. Criteria are
        ``"metric op number"`` strings or mappings ``{metric, op, threshold, assumed, note}``
        naming metrics of :data:`~grappe.programmes.metrics.PROGRAMME_METRICS` or of the file's
        own ``metrics:``; ``statistical`` criteria name columns of a cluster map.
    file : str, optional
        The file the mapping came from, named in errors.

    Returns
    -------
    Programme

    Raises
    ------
    DataValidationError
        On a missing or unknown key, a malformed criterion, an unknown metric, a level given
        twice, a bad rank, validity or calendar, an unknown ``on_fail`` action.

    References
    ----------
    .. [1] European Cluster Collaboration Platform, "Cluster profile" inclusion rule,
       https://reporting.clustercollaboration.eu.
    .. [2] Seed ``004_b121ed3bd797dbd2.txt``, part II: national cluster policies.

    Examples
    --------
    >>> p = programme_from_dict({"key": "eccp-profile", "names": {"en": "ECCP profile"},
    ...                          "eligibility": ["members >= 15", "member_types >= 2"]})
    >>> [str(c) for c in p.eligibility]
    ['members >= 15', 'member_types >= 2']
    """
    issues = _Issues(file)
    if not isinstance(data, Mapping):
        issues.add(
            Message("The programme is not a mapping of keys to values."),
            "",
            Message("Start the file with 'key: …' and 'names: …'."),
        )
        issues.raise_if_any()
    _unknown_keys(data, PROGRAMME_KEYS, "", issues)
    for key in ("key", "names"):
        if key not in data:
            issues.add(
                Message("The programme has no {key!r}.", key=key),
                key,
                Message("Add '{key}:'.", key=key),
            )
    issues.raise_if_any()
    key = _slug(data["key"], "key", issues)
    names = _texts(data["names"], "names", issues, required=True)
    descriptions = _texts(data.get("descriptions"), "descriptions", issues, required=False)
    country = data.get("country")
    if country is not None and not (isinstance(country, str) and re.match(r"^[A-Z]{2}$", country)):
        issues.add(
            Message("country is {value!r}, not a two-letter country code.", value=country),
            "country",
            Message("Write the ISO 3166 code in capitals (e.g. DE, FR, DZ), or null."),
        )
        country = None

    def read_source(item: Mapping[str, Any], where: str) -> Source | None:
        _unknown_keys(item, ("title", "url", "note"), where, issues)
        if not isinstance(item.get("title"), str) or not item["title"].strip():
            issues.add(
                Message("{where} has no title.", where=where),
                f"{where}.title",
                Message("Name the document (and its section) the rules come from."),
            )
            return None
        url, note = item.get("url"), item.get("note")
        return Source(item["title"].strip(), None if url is None else str(url),
                      None if note is None else str(note))  # fmt: skip

    def read_metric(item: Mapping[str, Any], where: str) -> Metric | None:
        _unknown_keys(item, ("name", "unit", "meaning"), where, issues)
        name = _slug(item.get("name"), f"{where}.name", issues)
        if name is None:
            return None
        if name in METRIC_NAMES:
            issues.add(
                Message(
                    "{where} declares {name!r}, a metric grappe already defines.",
                    where=where,
                    name=name,
                ),  # fmt: skip
                f"{where}.name",
                Message("Remove the declaration, or give the metric another name."),
            )
            return None
        return Metric(name, str(item.get("unit", "")), str(item.get("meaning", "")), "typed")

    sources = _mapping_list(data.get("sources"), "sources", issues, read_source)
    metrics = _mapping_list(data.get("metrics"), "metrics", issues, read_metric)
    known = METRIC_NAMES + tuple(m.name for m in metrics)
    eligibility = _criteria(data.get("eligibility"), "eligibility", issues, known)
    statistical = _criteria(
        data.get("statistical"), "statistical", issues, MAP_METRICS + tuple(m.name for m in metrics)
    )

    def read_step(item: Mapping[str, Any], where: str) -> AdmissionStep | None:
        _unknown_keys(item, ("key", "names", "decided_by", "role"), where, issues)
        step_key = _slug(item.get("key"), f"{where}.key", issues)
        step_names = _texts(item.get("names"), f"{where}.names", issues, required=True)
        deciders = _texts(item.get("decided_by"), f"{where}.decided_by", issues, required=False)
        role = _field(item, "role", where, issues)
        role = None if role is _REFUSED else role
        return None if step_key is None else AdmissionStep(step_key, step_names, deciders, role)

    admission = _mapping_list(data.get("admission"), "admission", issues, read_step)
    levels = _levels(data.get("levels"), issues, known)
    evaluation = _evaluation(data.get("evaluation"), issues)
    indicators = data.get("indicators") or []
    if not isinstance(indicators, list):
        issues.add(
            Message("indicators is not a list of metrics."),
            "indicators",
            Message("Write e.g. 'indicators: [members, jobs, exports]'."),
        )
        indicators = []
    for i, name in enumerate(indicators):
        if name not in known:
            issues.add(
                Message("indicators names the unknown metric {metric!r}.", metric=name),
                f"indicators[{i}]",
                _did_you_mean(str(name), known,
                              Message("Use a metric of grappe.programmes.metrics or declare it.")),
            )  # fmt: skip
    funding = data.get("funding") or {}
    if not isinstance(funding, Mapping):
        issues.add(
            Message("funding is not a mapping."),
            "funding",
            Message("Write e.g. 'funding: {median_subsidy_eur: 38000}'."),
        )
        funding = {}
    issues.raise_if_any()
    return Programme(
        key=str(key),
        names=names,
        descriptions=descriptions,
        country=country,
        sources=sources,
        eligibility=eligibility,
        admission=admission,
        levels=levels,
        evaluation=evaluation,
        indicators=tuple(str(name) for name in indicators),
        funding=dict(funding),
        statistical=statistical,
        metrics=metrics,
    )


def _levels(raw: Any, issues: _Issues, known: tuple[str, ...]) -> tuple[LabelLevel, ...]:
    def read_level(item: Mapping[str, Any], where: str) -> LabelLevel | None:
        _unknown_keys(item, ("key", "rank", "names", "criteria", "validity_years"), where, issues)
        key = _slug(item.get("key"), f"{where}.key", issues)
        rank = _field(item, "rank", where, issues, int(where.rsplit("[", 1)[1].rstrip("]")) + 1)
        if rank is _REFUSED:
            return None
        validity = _field(item, "validity_years", where, issues)
        if validity is _REFUSED:
            return None
        names = _texts(item.get("names"), f"{where}.names", issues, required=True)
        criteria = _criteria(item.get("criteria"), f"{where}.criteria", issues, known)
        if key is None:
            return None
        return LabelLevel(key, rank, names, criteria,
                          None if validity is None else float(validity))  # fmt: skip

    levels = _mapping_list(raw, "levels", issues, read_level)
    for attribute in ("key", "rank"):
        seen: dict[Any, int] = {}
        for i, level in enumerate(levels):
            value = getattr(level, attribute)
            if value in seen:
                issues.add(
                    Message(
                        "Two levels have the {attribute} {value!r}.",
                        attribute=attribute,
                        value=value,
                    ),  # fmt: skip
                    f"levels[{i}].{attribute}",
                    Message("Give each level its own {attribute}.", attribute=attribute),
                )
            seen[value] = i
    return tuple(sorted(levels, key=lambda level: level.rank))


def _evaluation(raw: Any, issues: _Issues) -> EvaluationRule:
    if raw is None:
        return EvaluationRule()
    if not isinstance(raw, Mapping):
        issues.add(
            Message("evaluation is not a mapping."),
            "evaluation",
            Message("Write e.g. 'evaluation: {every_months: 24, on_fail: [suspend, withdraw]}'."),
        )
        return EvaluationRule()
    _unknown_keys(raw, ("every_months", "on_fail"), "evaluation", issues)
    every = _field(raw, "every_months", "evaluation", issues)
    every = None if every is _REFUSED else every
    on_fail = raw.get("on_fail") or []
    if isinstance(on_fail, str):
        on_fail = [on_fail]
    bad = [a for a in on_fail if a not in FAIL_ACTIONS] if isinstance(on_fail, list) else [on_fail]
    if bad:
        issues.add(
            Message("evaluation.on_fail has the actions {bad}.", bad=bad),
            "evaluation.on_fail",
            Message(
                "List actions among {actions}, e.g. [suspend, withdraw].",
                actions=", ".join(FAIL_ACTIONS),
            ),  # fmt: skip
        )
        on_fail = []
    return EvaluationRule(every, tuple(on_fail))


def _number(value: float) -> str:
    """``value`` written short (``15``, ``0.5``) unless that would lose digits."""
    short = f"{value:g}"
    return short if float(short) == value else repr(value)


def _criterion_to_dict(c: Criterion) -> str | dict[str, Any]:
    assumed = getattr(c, "assumed", False)
    note = getattr(c, "note", None)
    if not assumed and note is None:
        return f"{c.metric} {c.op} {_number(c.threshold)}"
    out: dict[str, Any] = {"metric": c.metric, "op": c.op, "threshold": c.threshold}
    if assumed:
        out["assumed"] = True
    if note is not None:
        out["note"] = note
    return out


def programme_to_dict(programme: Programme) -> dict[str, Any]:
    """The mapping form of ``programme``: ``programme_from_dict`` of it gives it back.

    Parameters
    ----------
    programme : Programme

    Returns
    -------
    dict
        Plain lists, dicts, strings and numbers (JSON- and YAML-serialisable when the funding
        rules are), stored by the registry as the snapshot of the rules applied.

    References
    ----------
    .. [1] docs/programmes.md, "The schema (every key)".

    Examples
    --------
    >>> p = programme_from_dict({"key": "k", "names": {"en": "K"}, "eligibility": ["lq >= 1.2"]})
    >>> programme_from_dict(programme_to_dict(p)) == p
    True
    """
    p = programme
    return {
        "key": p.key,
        "names": dict(p.names),
        "descriptions": dict(p.descriptions),
        "country": p.country,
        "sources": [
            {k: v for k, v in (("title", s.title), ("url", s.url), ("note", s.note)) if v}
            for s in p.sources
        ],
        "metrics": [{"name": m.name, "unit": m.unit, "meaning": m.meaning} for m in p.metrics],
        "eligibility": [_criterion_to_dict(c) for c in p.eligibility],
        "admission": [
            {"key": s.key, "names": dict(s.names), "decided_by": dict(s.decided_by) or None}
            | ({"role": s.role} if s.role else {})
            for s in p.admission
        ],
        "levels": [
            {
                "key": lv.key,
                "rank": lv.rank,
                "names": dict(lv.names),
                "criteria": [_criterion_to_dict(c) for c in lv.criteria],
                "validity_years": lv.validity_years,
            }
            for lv in p.levels
        ],
        "evaluation": {
            "every_months": p.evaluation.every_months,
            "on_fail": list(p.evaluation.on_fail),
        },
        "indicators": list(p.indicators),
        "funding": dict(p.funding),
        "statistical": [_criterion_to_dict(c) for c in p.statistical],
    }
