"""A SWOT drafted from the scorecards, the life cycle and the network diagnosis (no I/O).

The draft is a starting point that the user edits (:meth:`Swot.edit`): every drafted item
keeps the key of the rule that produced it and the evidence behind it, and its text exists in
French, Arabic and English.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from grappe._validation import check_number, check_option
from grappe.assess._score import Score
from grappe.assess.lifecycle import Lifecycle
from grappe.errors import InvalidParameterError
from grappe.formats import format_number, format_share
from grappe.i18n import Message

__all__ = ["QUADRANTS", "Swot", "SwotItem", "draft_swot"]

QUADRANTS: tuple[str, ...] = ("strengths", "weaknesses", "opportunities", "threats")

_TEXT: dict[str, dict[str, str]] = {
    "high_score": {
        "en": "Strong {name} (score {value}/5)",
        "fr": "{name} : point fort (note {value}/5)",
        "ar": "{name}: مستوى قوي (التقييم {value}/5)",
    },
    "low_score": {
        "en": "Weak {name} (score {value}/5)",
        "fr": "{name} : point faible (note {value}/5)",
        "ar": "{name}: مستوى ضعيف (التقييم {value}/5)",
    },
    "stage_up": {
        "en": "The cluster is in its {stage} stage: room to attract firms and investment",
        "fr": "La grappe est en phase de {stage} : marge pour attirer entreprises et "
        "investissements",
        "ar": "العنقود في مرحلة {stage}: مجال لجذب المؤسسات والاستثمارات",
    },
    "stage_down": {
        "en": "The cluster is in decline: jobs fall faster than nationally",
        "fr": "La grappe est en déclin : l'emploi baisse plus vite qu'au niveau national",
        "ar": "العنقود في مرحلة تراجع: تنخفض مناصب الشغل أسرع من المستوى الوطني",
    },
    "dense_network": {
        "en": "Dense actor network (density {value})",
        "fr": "Réseau d'acteurs dense (densité {value})",
        "ar": "شبكة فاعلين كثيفة (الكثافة {value})",
    },
    "sparse_network": {
        "en": "Sparse actor network (density {value}): few working relations",
        "fr": "Réseau d'acteurs peu dense (densité {value}) : peu de relations de travail",
        "ar": "شبكة فاعلين ضعيفة الكثافة ({value}): علاقات عمل قليلة",
    },
    "closed_network": {
        "en": "Few ties outside the cluster ({value}): risk of lock-in",
        "fr": "Peu de liens hors de la grappe ({value}) : risque d'enfermement",
        "ar": "روابط قليلة خارج العنقود ({value}): خطر الانغلاق",
    },
    "brokers": {
        "en": "{value} broker actors can link the cluster's parts",
        "fr": "{value} acteurs passerelles peuvent relier les parties de la grappe",
        "ar": "{value} فاعلين وسطاء يمكنهم ربط أجزاء العنقود",
    },
    "shadow": {
        "en": "{value} shadow zones: groups of actors with few or no links",
        "fr": "{value} zones d'ombre : groupes d'acteurs peu ou pas reliés",
        "ar": "{value} مناطق ظل: مجموعات فاعلين قليلة الترابط أو غير مترابطة",
    },
}

# How each rule's value is written (grappe.formats: the conventions of the item's language).
_VALUE_DIGITS: dict[str, int | str] = {
    "high_score": 1,
    "low_score": 1,
    "dense_network": 2,
    "sparse_network": 2,
    "closed_network": "share",
    "brokers": 0,
    "shadow": 0,
}


def _value_text(key: str, value: Any, lang: str) -> str:
    digits = _VALUE_DIGITS.get(key, 2)
    if digits == "share":
        return format_share(value, lang)
    return format_number(value, lang, digits=int(digits))


_STAGE_NAMES = {
    "emergence": {"en": "emergence", "fr": "émergence", "ar": "النشوء"},
    "growth": {"en": "growth", "fr": "croissance", "ar": "النمو"},
}


@dataclass(frozen=True)
class SwotItem:
    """One SWOT entry.

    Attributes
    ----------
    key : str
        Rule that drafted it (``"high_score"`` …) or ``"user"`` for an item the user wrote.
    params : mapping
        Values filled into the text.
    evidence : str
        What it rests on (a score name, the life cycle, a network figure).
    texts : mapping of str to str
        The user's own text per language (``key == "user"``), or the text per language of
        an item drawn elsewhere (a finding of :mod:`grappe.reports.findings`), which wins
        over the rule's text.
    """

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    evidence: str = ""
    texts: Mapping[str, str] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The item's text in ``lang`` (``fr``, ``ar`` or ``en``)."""
        if self.key == "user" or self.texts:
            return self.texts.get(lang) or next(iter(self.texts.values()), "")
        params = dict(self.params)
        if isinstance(params.get("name"), Mapping):
            params["name"] = params["name"].get(lang, params["name"].get("en"))
        if "stage" in params:
            params["stage"] = _STAGE_NAMES.get(params["stage"], {}).get(lang, params["stage"])
        if isinstance(params.get("value"), int | float):
            params["value"] = _value_text(self.key, params["value"], lang)
        return _TEXT[self.key][lang].format(**params)


@dataclass(frozen=True)
class Swot:
    """Strengths, weaknesses, opportunities and threats (tuples of :class:`SwotItem`)."""

    strengths: tuple[SwotItem, ...] = ()
    weaknesses: tuple[SwotItem, ...] = ()
    opportunities: tuple[SwotItem, ...] = ()
    threats: tuple[SwotItem, ...] = ()

    def edit(
        self,
        *,
        add: Mapping[str, Iterable[Mapping[str, str] | str]] | None = None,
        remove: Mapping[str, Iterable[int]] | None = None,
        reword: Mapping[str, Mapping[int, Mapping[str, str] | str]] | None = None,
    ) -> Swot:
        """Return a new SWOT with items reworded, removed and added by the user.

        Parameters
        ----------
        add : mapping, optional
            Quadrant → texts (a str, or a mapping language → text), appended.
        remove : mapping, optional
            Quadrant → 0-based positions to drop.
        reword : mapping, optional
            Quadrant → {position: new text (str or language → text)}; the item keeps its
            evidence and becomes a ``"user"`` item. Applied first, then ``remove``, then
            ``add``; positions are those of the SWOT before the edit.

        Raises
        ------
        InvalidParameterError
            On an unknown quadrant, a position that is not an item of its quadrant, or an
            empty text.

        Examples
        --------
        >>> Swot().edit(add={"threats": ["New competitor"]}).threats[0].text("en")
        'New competitor'
        """
        changes: dict[str, tuple[SwotItem, ...]] = {}
        for quadrant in set(add or {}) | set(remove or {}) | set(reword or {}):
            check_option(quadrant, "quadrant", QUADRANTS, func="Swot.edit")
        for quadrant in QUADRANTS:
            items = list(getattr(self, quadrant))
            new_texts = (reword or {}).get(quadrant, {})
            drop = set((remove or {}).get(quadrant, ()))
            for position in [*new_texts, *drop]:
                if not (isinstance(position, int) and 0 <= position < len(items)):
                    raise InvalidParameterError(
                        Message(
                            "The positions of Swot.edit must be items of the {quadrant} (0 to "
                            "{last}). Got {position!r} instead.",
                            quadrant=quadrant,
                            last=len(items) - 1,
                            position=position,
                        )
                    )
            for position, text in new_texts.items():
                items[position] = SwotItem(
                    "user", evidence=items[position].evidence, texts=_user_texts(text)
                )
            items = [it for i, it in enumerate(items) if i not in drop]
            for text in (add or {}).get(quadrant, ()):
                items.append(SwotItem("user", evidence="user", texts=_user_texts(text)))
            changes[quadrant] = tuple(items)
        return replace(self, **changes)


def _user_texts(text: Mapping[str, str] | str) -> dict[str, str]:
    texts = {"en": text} if isinstance(text, str) else dict(text)
    if not texts or not all(isinstance(t, str) and t.strip() for t in texts.values()):
        raise InvalidParameterError(
            Message(
                "The texts of Swot.edit must be non-empty text. Got {text!r} instead.", text=text
            )
        )
    return texts


def draft_swot(
    *,
    scores: Mapping[str, Score] | None = None,
    names: Mapping[str, Mapping[str, str]] | None = None,
    lifecycle: Lifecycle | None = None,
    network: Mapping[str, float] | None = None,
    high: float = 4.0,
    low: float = 2.0,
    sparse_density: float = 0.1,
    dense_density: float = 0.3,
    closed_share: float = 0.1,
) -> Swot:
    """Draft a SWOT from scores, life cycle and network diagnosis.

    Parameters
    ----------
    scores : mapping of str to Score, optional
        Diamond and/or success-factor scores; ``≥ high`` is a strength, ``≤ low`` a weakness.
    names : mapping, optional
        Score name → display name per language (default: the name itself).
    lifecycle : Lifecycle, optional
        Emergence or growth is an opportunity; decline is a threat.
    network : mapping, optional
        Network diagnosis figures: ``density`` (≤ ``sparse_density`` a weakness,
        ≥ ``dense_density`` a strength), ``external_share`` (< ``closed_share`` a threat),
        ``n_brokers`` (> 0 a strength), ``n_shadow`` (> 0 a weakness).
    high, low : float
        Score thresholds (1–5).

    Returns
    -------
    Swot

    Raises
    ------
    InvalidParameterError
        If ``low > high`` or a threshold is out of range.

    References
    ----------
    .. [1] Humphrey, A. (2005). SWOT analysis for management consulting. *SRI Alumni
       Newsletter*, December 2005.

    Examples
    --------
    >>> from grappe.assess import diamond
    >>> s = draft_swot(scores=diamond({"wage_ratio": 1.2}).scores)
    >>> s.strengths[0].text("fr")
    'factor_conditions : point fort (note 5,0/5)'
    """
    check_number(high, "high", func="draft_swot", low=1, high=5)
    check_number(low, "low", func="draft_swot", low=1, high=high)
    names = names or {}
    out: dict[str, list[SwotItem]] = {q: [] for q in QUADRANTS}
    for name, score in (scores or {}).items():
        if math.isnan(score.value):
            continue
        label = names.get(name, {"en": name, "fr": name, "ar": name})
        params = {"name": label, "value": score.value}
        if score.value >= high:
            out["strengths"].append(SwotItem("high_score", params, name))
        elif score.value <= low:
            out["weaknesses"].append(SwotItem("low_score", params, name))
    if lifecycle is not None:
        if lifecycle.stage in ("emergence", "growth"):
            out["opportunities"].append(
                SwotItem("stage_up", {"stage": lifecycle.stage}, "lifecycle")
            )
        elif lifecycle.stage == "decline":
            out["threats"].append(SwotItem("stage_down", {}, "lifecycle"))
    net = network or {}
    density = net.get("density")
    if density is not None and not math.isnan(density):
        if density <= sparse_density:
            out["weaknesses"].append(SwotItem("sparse_network", {"value": density}, "density"))
        elif density >= dense_density:
            out["strengths"].append(SwotItem("dense_network", {"value": density}, "density"))
    ext = net.get("external_share")
    if ext is not None and not math.isnan(ext) and ext < closed_share:
        out["threats"].append(SwotItem("closed_network", {"value": ext}, "external_share"))
    if net.get("n_brokers", 0) > 0:
        out["strengths"].append(SwotItem("brokers", {"value": net["n_brokers"]}, "n_brokers"))
    if net.get("n_shadow", 0) > 0:
        out["weaknesses"].append(SwotItem("shadow", {"value": net["n_shadow"]}, "n_shadow"))
    return Swot(**{q: tuple(v) for q, v in out.items()})
