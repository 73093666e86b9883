"""The four phases of the cluster approach and their standard deliverables (no I/O).

After UNIDO (2013), *The UNIDO Approach to Cluster Development*, and the practice of cluster
programmes in Algeria, France, Germany, Denmark and Quebec.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from grappe.errors import NotFoundError
from grappe.i18n import Message

__all__ = ["MODES", "PHASES", "Phase", "phase"]

#: How the cluster is built: from its firms up, or from a public programme down.
MODES: tuple[str, ...] = ("bottom_up", "top_down")


@dataclass(frozen=True)
class Phase:
    """One phase: key, number, names per language and standard deliverables (keys + names)."""

    key: str
    number: int
    names: MappingProxyType
    deliverables: MappingProxyType


def _p(key: str, number: int, names: dict, deliverables: dict) -> Phase:
    return Phase(key, number, MappingProxyType(names), MappingProxyType(deliverables))


PHASES: tuple[Phase, ...] = (
    _p(
        "mobilise",
        1,
        {"en": "Mobilise the actors", "fr": "Mobiliser les acteurs", "ar": "تعبئة الفاعلين"},
        {
            "stakeholder_map": {
                "en": "Map of stakeholders",
                "fr": "Cartographie des acteurs",
                "ar": "خريطة الفاعلين",
            },
            "trust_building": {
                "en": "Trust-building events",
                "fr": "Actions de confiance",
                "ar": "أنشطة بناء الثقة",
            },
            "steering_committee": {
                "en": "Steering committee set up",
                "fr": "Comité de pilotage constitué",
                "ar": "تشكيل لجنة القيادة",
            },
        },
    ),
    _p(
        "identify",
        2,
        {
            "en": "Identify the cluster, its strengths and weaknesses",
            "fr": "Identifier la grappe, ses forces et faiblesses",
            "ar": "تحديد العنقود ونقاط قوته وضعفه",
        },
        {
            "diagnostic_study": {
                "en": "Diagnostic study",
                "fr": "Étude diagnostic",
                "ar": "دراسة تشخيصية",
            },
            "swot": {
                "en": "Validated SWOT",
                "fr": "AFOM (SWOT) validée",
                "ar": "تحليل نقاط القوة والضعف والفرص والتهديدات مصادق عليه",
            },
        },
    ),
    _p(
        "plan",
        3,
        {
            "en": "Priority challenges and action plan",
            "fr": "Défis prioritaires et plan d'action",
            "ar": "التحديات ذات الأولوية وخطة العمل",
        },
        {
            "shared_vision": {
                "en": "Shared vision and priority challenges",
                "fr": "Vision partagée et défis prioritaires",
                "ar": "رؤية مشتركة وتحديات ذات أولوية",
            },
            "action_plan": {"en": "Action plan", "fr": "Plan d'action", "ar": "خطة العمل"},
        },
    ),
    _p(
        "implement",
        4,
        {
            "en": "Commitments and implementation",
            "fr": "Engagements et mise en œuvre",
            "ar": "الالتزامات والتنفيذ",
        },
        {
            "commitments": {
                "en": "Signed commitments (charter)",
                "fr": "Engagements signés (charte)",
                "ar": "التزامات موقعة (ميثاق)",
            },
            "monitoring": {
                "en": "Monitoring and evaluation system",
                "fr": "Dispositif de suivi-évaluation",
                "ar": "منظومة المتابعة والتقييم",
            },
        },
    ),
)

_BY_KEY = {p.key: p for p in PHASES}


def phase(key: str) -> Phase:
    """The phase with ``key`` (``mobilise``, ``identify``, ``plan``, ``implement``).

    Parameters
    ----------
    key : str
        Key of the phase.

    Returns
    -------
    Phase

    Raises
    ------
    NotFoundError
        If ``key`` names no phase (the message lists the four keys).

    Examples
    --------
    >>> phase("plan").number
    3
    """
    if key not in _BY_KEY:
        raise NotFoundError(
            Message(
                "There is no roadmap phase {key!r}; the phases are {phases}.",
                key=key,
                phases=", ".join(_BY_KEY),
            )
        )
    return _BY_KEY[key]
