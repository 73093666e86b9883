"""Every vocabulary and column list of grappe, defined once (no I/O).

A vocabulary lives here and nowhere else: the kernels, :mod:`grappe.io`, the registry (its
models, imports and validators), the API schemas (``Literal`` types built from these tuples),
the web pages (through the view context) and the CLI options import it. Adding a word to a
tuple here reaches the API schema, the import checks, the pages and the exports; the test
``tests/test_vocabulary.py`` fails if another module types one of these lists again.

The old names stay importable where they were (``grappe.network.model.SPHERES``,
``grappe.assess.lifecycle.STAGES``, ``grappe.registry.models.STAGES``,
``grappe.roadmap.actions.STATUSES``, ``grappe.roadmap.kpis.STANDARD_KPIS``…): they are the
same objects as here.
"""

from __future__ import annotations

import functools

__all__ = [
    "AMOUNT_KPIS",
    "CLOSED_LABEL_STATUSES",
    "CLUSTER_ACTIVITY_KINDS",
    "CLUSTER_MAP_COLUMNS",
    "DEFAULT_PUBLIC_SECTIONS",
    "LABEL_ACTIONS",
    "LABEL_ACTION_NAMES",
    "LABEL_STATUSES",
    "LANGUAGES",
    "LEVELS",
    "MEMBER_EVENTS",
    "OWNERSHIPS",
    "PROFILE_SECTIONS",
    "ROLES",
    "SPHERES",
    "SPHERE_NAMES",
    "STAGES",
    "STANDARD_KPIS",
    "STATUSES",
    "STORED_INDICATOR_COLUMNS",
    "STRENGTH_SCALE",
    "TIE_TYPES",
    "USER_ROLES",
    "country_codes",
    "country_name",
    "label_action_name",
    "sphere_name",
]

# --- actors and ties -------------------------------------------------------------------------

#: Spheres of actors (canonical short names). The triple helix (Etzkowitz & Leydesdorff 2000:
#: ``enterprise``, ``university``, ``public``) widened to the intermediaries of cluster
#: policy (``support`` organisations such as chambers and agencies, ``association``\\ s,
#: ``international`` organisations and donors, ``finance``: banks and investors), as in the
#: network questionnaires of ``docs/network.md``.
SPHERES: tuple[str, ...] = (
    "enterprise",
    "university",
    "public",
    "support",
    "association",
    "international",
    "finance",
)

#: The spheres' names in each of :data:`LANGUAGES`, as the pages, the CLI's figures (legends,
#: heat map axes) and the reports show them: one table, so that a page and a figure never name a
#: sphere two ways. A sphere without a name here shows as its word.
SPHERE_NAMES: dict[str, dict[str, str]] = {
    "enterprise": {"en": "Enterprises", "fr": "Entreprises", "ar": "المؤسسات الاقتصادية"},
    "university": {
        "en": "Universities and research",
        "fr": "Universités et recherche",
        "ar": "الجامعات والبحث",
    },
    "public": {"en": "Public bodies", "fr": "Organismes publics", "ar": "الهيئات العمومية"},
    "support": {"en": "Support organisations", "fr": "Structures d'appui", "ar": "هياكل الدعم"},
    "association": {"en": "Associations", "fr": "Associations", "ar": "الجمعيات"},
    "international": {
        "en": "International organisations",
        "fr": "Organisations internationales",
        "ar": "المنظمات الدولية",
    },
    "finance": {"en": "Finance", "fr": "Finance", "ar": "التمويل"},
}


def sphere_name(sphere: str, lang: str) -> str:
    """The name of ``sphere`` in ``lang`` (:data:`SPHERE_NAMES`; the word itself when unnamed).

    Examples
    --------
    >>> sphere_name("support", "fr")
    "Structures d'appui"
    >>> sphere_name("media", "ar")
    'media'
    """
    return SPHERE_NAMES.get(sphere, {}).get(lang, sphere)


#: Levels at which actors act, from the most local to the most global (the multi-level
#: governance of clusters: municipality, region/wilaya, nation, abroad).
LEVELS: tuple[str, ...] = ("local", "regional", "national", "international")

#: Ownership of an actor (empty when unknown).
OWNERSHIPS: tuple[str, ...] = ("public", "private", "mixed")

#: Types of ties between actors (one layer each of the multiplex network): exchange of
#: ``information``, technical ``advice``, ``cooperation`` on projects, ``subcontracting``,
#: ``funding``, ``training`` and ``trust`` (the relational layers of cluster network surveys,
#: e.g. Giuliani & Bell 2005; Ter Wal & Boschma 2009).
TIE_TYPES: tuple[str, ...] = (
    "information",
    "advice",
    "cooperation",
    "subcontracting",
    "funding",
    "training",
    "trust",
)

#: Default strength scale of ties: 1 weak, 2 medium, 3 strong (``weak``/``medium``/``strong``
#: are read as 1/2/3).
STRENGTH_SCALE: tuple[float, float] = (1.0, 3.0)

# --- clusters ---------------------------------------------------------------------------------

#: Life-cycle stages of a cluster, in order, plus ``undetermined`` (assessed, and the evidence
#: fits no stage). The words are those :func:`grappe.assess.lifecycle_stage` computes, after
#: Menzel & Fornahl (2010), "Cluster life cycles — dimensions and rationales of cluster
#: evolution", *Industrial and Corporate Change* 19(1): 205–238, whose "sustainment" stage is
#: called ``maturity`` here. Their "renewal" (a declining cluster that adapts and grows again,
#: also Martin & Sunley 2011) is a new ``growth`` stage; migration ``0005`` mapped the stored
#: words that way and kept the old word in the audit log.
STAGES: tuple[str, ...] = ("emergence", "growth", "maturity", "decline", "undetermined")

#: Status of a roadmap action.
STATUSES: tuple[str, ...] = ("planned", "ongoing", "done", "delayed", "cancelled")

#: Where a cluster stands with a label (a national cluster label, the European Cluster Excellence
#: Initiative's bronze, silver, gold) at an evaluation: it has ``applied``, the label was
#: ``awarded`` or ``renewed`` after a re-evaluation, ``refused``, ``suspended`` while criteria
#: are not met, ``withdrawn`` or ``expired`` (stored with an evaluation, migration ``0011``).
LABEL_STATUSES: tuple[str, ...] = (
    "applied", "awarded", "renewed", "refused", "suspended", "withdrawn", "expired",
)  # fmt: skip

#: The :data:`LABEL_STATUSES` that end an enrolment: the cluster is no longer evaluated and
#: applies again to come back (the registry's enrolments, the report's programme section).
CLOSED_LABEL_STATUSES: tuple[str, ...] = ("refused", "withdrawn", "expired")

#: What a programme's rule decides about a label (:func:`grappe.programmes.decide_label`): a new
#: application is ``award``\ ed or ``refuse``\ d; at an evaluation the label is kept (``keep``),
#: raised or lowered to another level, ``suspend``\ ed or ``withdraw``\ n after failures, or
#: a suspended label is ``reinstate``\ d; a label not renewed within its level's validity
#: ``expire``\ s (:func:`grappe.programmes.label_state_on`).
LABEL_ACTIONS: tuple[str, ...] = (
    "award", "keep", "raise", "lower", "suspend", "withdraw", "reinstate", "refuse", "expire",
)  # fmt: skip

#: The label actions' names in each of :data:`LANGUAGES`, as the workspace's forms and history,
#: the programme pages and the report's programme section show them: one table, so that a page
#: and a report never name a decision two ways (worded as the decision's outcome, which reads
#: both as a choice in a form and as a decision taken).
LABEL_ACTION_NAMES: dict[str, dict[str, str]] = {
    "award": {"en": "Label awarded", "fr": "Attribution du label", "ar": "منح العلامة"},
    "keep": {"en": "Label kept", "fr": "Maintien du label", "ar": "الإبقاء على العلامة"},
    "raise": {"en": "Level raised", "fr": "Relèvement du niveau", "ar": "رفع المستوى"},
    "lower": {"en": "Level lowered", "fr": "Abaissement du niveau", "ar": "خفض المستوى"},
    "suspend": {"en": "Label suspended", "fr": "Suspension du label", "ar": "تعليق العلامة"},
    "withdraw": {"en": "Label withdrawn", "fr": "Retrait du label", "ar": "سحب العلامة"},
    "reinstate": {
        "en": "Label reinstated",
        "fr": "Rétablissement du label",
        "ar": "إعادة العلامة",
    },
    "refuse": {
        "en": "Application refused",
        "fr": "Refus de la candidature",
        "ar": "رفض الترشح",
    },
    "expire": {"en": "Label expired", "fr": "Expiration du label", "ar": "انتهاء صلاحية العلامة"},
}


def label_action_name(action: str, lang: str) -> str:
    """The name of label ``action`` in ``lang`` (:data:`LABEL_ACTION_NAMES`; the word itself
    when unnamed).

    Examples
    --------
    >>> label_action_name("suspend", "fr"), label_action_name("withdraw", "ar")
    ('Suspension du label', 'سحب العلامة')
    """
    return LABEL_ACTION_NAMES.get(action, {}).get(lang, action)


#: Key performance indicators with a known meaning and bound: ``members`` of the cluster
#: organisation at the end of the period, ``new_members`` who joined during it, ``jobs`` in
#: member firms, ``exports`` (an amount of money), ``firms_created``, ``partnerships`` and
#: ``trainings`` run (the monitoring indicators of the European Cluster Excellence
#: Initiative). Other KPI names are accepted and checked as plain numbers.
STANDARD_KPIS: tuple[str, ...] = (
    "members",
    "new_members",
    "jobs",
    "exports",
    "firms_created",
    "partnerships",
    "trainings",
)

#: Standard KPIs that are amounts of money (the others are counts).
AMOUNT_KPIS: tuple[str, ...] = ("exports",)

#: What can happen to a member of a cluster (see :mod:`grappe.roadmap.periods`): it
#: ``join``\\ s, ``leave``\\ s, or changes ``sector``.
MEMBER_EVENTS: tuple[str, ...] = ("join", "leave", "sector")

#: What a cluster organisation runs for its members (see :mod:`grappe.roadmap.records`): a
#: ``training``, a ``mission`` (a business trip, a trade mission abroad), an ``event`` (a
#: fair, a conference, a meeting); the ``trainings`` KPI counts the first kind.
CLUSTER_ACTIVITY_KINDS: tuple[str, ...] = ("training", "mission", "event")

# --- the registry -------------------------------------------------------------------------------

#: Roles of API tokens, from most to least powerful (what each may do:
#: :data:`grappe.registry.permissions.RULES`).
ROLES: tuple[str, ...] = ("admin", "analyst", "manager")

#: Sections of a cluster's public profile that its manager chooses to publish (the column
#: ``clusters.public_sections``, migration 0010): the network diagnosis summary (never the
#: interview data nor the respondents), the assessments (diamond, success factors, Danish class,
#: life cycle), the SWOT, the roadmap, the KPIs, the evaluations and label checks, and the
#: stored diagnostic reports (which hold figures of every other section).
PROFILE_SECTIONS: tuple[str, ...] = (
    "network",
    "assessments",
    "swot",
    "roadmap",
    "kpis",
    "evaluations",
    "reports",
)

#: The sections a cluster publishes until its manager chooses: those its profile showed before
#: the choice existed, so that nothing published disappears.
DEFAULT_PUBLIC_SECTIONS: tuple[str, ...] = ("roadmap", "kpis", "evaluations")
#: Roles of the people who sign in to the web workspace: the token roles plus ``member``, an
#: actor's representative (updates his own organisation). Kept apart from :data:`ROLES`
#: because API tokens, the import rules and the rules open to every token role (answers,
#: diagnoses, SWOT) must not reach a member.
USER_ROLES: tuple[str, ...] = (*ROLES, "member")

# --- languages ----------------------------------------------------------------------------------

#: Languages of the pages, texts and reports: French, Arabic, English (the first is the default
#: of the pages).
LANGUAGES: tuple[str, ...] = ("fr", "ar", "en")

# --- indicator columns ------------------------------------------------------------------------

#: Columns of :attr:`grappe.mapping.ClusterMap.indicators`, in order (see
#: ``docs/architecture.md``).
CLUSTER_MAP_COLUMNS: tuple[str, ...] = (
    "region",
    "region_name",
    "region_type",
    "cluster",
    "cluster_name",
    "cluster_type",
    "year",
    "employment",
    "establishments",
    "payroll",
    "avg_wage",
    "lq",
    "lq_total",
    "national_share",
    "focus",
    "employment_pct",
    "lq_pct",
    "establishments_pct",
    "strong",
    "strong_90",
    "star_size",
    "star_specialisation",
    "star_focus",
    "stars",
    "withheld",
)

#: Columns of ``ClusterMap.indicators`` that the registry keeps (one ``indicators`` row each,
#: the API's ``IndicatorPublic`` and the ``indicators`` import).
STORED_INDICATOR_COLUMNS: tuple[str, ...] = (
    "region",
    "cluster",
    "cluster_name",
    "cluster_type",
    "year",
    "employment",
    "establishments",
    "payroll",
    "avg_wage",
    "lq",
    "national_share",
    "focus",
    "strong",
    "stars",
)


#: CLDR territories that are not countries of ISO 3166-1 (unions, regions, test codes).
_NOT_COUNTRIES = frozenset(
    ("AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ")
)


def country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 country codes (and ``XK``, Kosovo), as the CLDR data of Babel
    lists them: the markets of a member's exports (:mod:`grappe.roadmap.records_check`).

    References
    ----------
    .. [1] ISO 3166-1, "Codes for the representation of names of countries"; Unicode CLDR
       territory names, through Babel.

    Examples
    --------
    >>> "DZ" in country_codes(), "EU" in country_codes(), len(country_codes()) > 240
    (True, False, True)
    """
    return _country_codes()


def country_name(code: str, lang: str = "en") -> str:
    """The name of country ``code`` in ``lang`` (``fr``, ``ar``, ``en``); the code itself
    when unknown.

    Examples
    --------
    >>> country_name("FR", "en"), country_name("DE", "fr")
    ('France', 'Allemagne')
    """
    return _territories(lang).get(code.upper(), code)


@functools.cache
def _territories(lang: str) -> dict[str, str]:
    from babel import Locale  # Babel's locale data only when a country is named

    return dict(Locale.parse(lang).territories)


@functools.cache
def _country_codes() -> frozenset[str]:
    return frozenset(
        code
        for code in _territories("en")
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    )
