"""Request and response schemas: Create / Update / Public per resource; lists ``{data, count}``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import Path
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from grappe.roadmap.periods import PERIOD_FORMS, parse_period
from grappe.vocabulary import (
    LANGUAGES,
    LEVELS,
    MEMBER_EVENTS,
    PROFILE_SECTIONS,
    ROLES,
    SPHERES,
    STAGES,
    STRENGTH_SCALE,
    TIE_TYPES,
)

#: The largest id of a registry row (SQLite's and PostgreSQL's INTEGER): a larger number in a
#: path is refused (422) before it reaches the database driver, which would overflow.
MAX_ROW_ID = 2**31 - 1
#: A row's id in a path (``/decisions/{decision_id}``): 1 to :data:`MAX_ROW_ID`.
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="Id of the record.")]

__all__ = [
    "MAX_ROW_ID",
    "RowId",
    "ActorCreate",
    "ActorPublic",
    "AuditPublic",
    "ClusterCreate",
    "ClusterPublic",
    "ClusterUpdate",
    "ErrorPublic",
    "EvaluationCreate",
    "EvaluationPublic",
    "ImportPublic",
    "IndicatorPublic",
    "KpiCreate",
    "KpiPublic",
    "ListOf",
    "MemberCountsPublic",
    "MemberEventCreate",
    "MemberEventPublic",
    "MemberEventUpdate",
    "RegionPublic",
    "TieCreate",
    "TiePublic",
    "TokenCreate",
    "TokenCreated",
    "TokenPublic",
]

T = TypeVar("T")

# Text without control characters (PostgreSQL refuses NUL bytes).
Text = Annotated[
    str, StringConstraints(max_length=2000, pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$")
]
# A name: one line, no control character, at least one visible character (``\S`` alone would
# count control characters as visible, letting NUL bytes through to PostgreSQL).
Name = Annotated[
    str,
    StringConstraints(
        min_length=1, max_length=200, pattern=r"^[^\x00-\x1f]*[^\s\x00-\x1f][^\x00-\x1f]*$"
    ),
]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$")]
Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
Finite = Annotated[float, Field(allow_inf_nan=False, ge=-1e15, le=1e15)]
Year = Annotated[int, Field(ge=1900, le=2100)]
# Vocabularies as ``Literal`` types built from the tuples of :mod:`grappe.vocabulary`, so that
# a word added there reaches the OpenAPI enums (``tests/test_vocabulary.py``).
Stage = Literal[STAGES]  # type: ignore[valid-type]
Role = Literal[ROLES]  # type: ignore[valid-type]
Sphere = Literal[SPHERES]  # type: ignore[valid-type]
Level = Literal[LEVELS]  # type: ignore[valid-type]
TieType = Literal[TIE_TYPES]  # type: ignore[valid-type]
Section = Literal[PROFILE_SECTIONS]  # type: ignore[valid-type]
Sections = Annotated[
    list[Section],
    Field(
        max_length=len(PROFILE_SECTIONS) * 2,
        description="Sections of the public profile (grappe.vocabulary.PROFILE_SECTIONS); "
        "interview data and respondents are never public.",
    ),
]


class _Orm(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ListOf(BaseModel, Generic[T]):
    """A page of a list endpoint: the rows and the total count of matching rows."""

    data: list[T]
    count: int


class RegionPublic(_Orm):
    id: str
    code: str
    country: str
    region_type: str
    name_en: str
    name_fr: str | None
    name_ar: str | None
    lat: float | None
    lon: float | None


#: HS 4-digit headings of the cluster's exports (``["0804"]``); checked by the registry's one
#: parser (:func:`grappe.io.hs_headings.parse_headings`), ``[]`` or null for none.
ExportProducts = Annotated[
    list[Key] | None,
    Field(max_length=200, description='HS 4-digit headings, e.g. ["0804"].'),
]


class _ClusterFields(BaseModel):
    name_fr: Name | None = None
    name_ar: Name | None = None
    sector: Key | None = None
    definitions: Key | None = None
    stage: Stage | None = None
    label: Name | None = None
    description: Text | None = None
    contact_name: Name | None = None
    contact_email: Name | None = None
    website: Name | None = None
    published: bool = False
    public_sections: Sections | None = None
    export_products: ExportProducts = None


class ClusterCreate(_ClusterFields):
    model_config = ConfigDict(extra="forbid")
    id: Slug
    name_en: Name
    regions: list[Key] = Field(default_factory=list, max_length=100)


class ClusterUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name_en: Name | None = None
    name_fr: Name | None = None
    name_ar: Name | None = None
    sector: Key | None = None
    stage: Stage | None = None
    label: Name | None = None
    description: Text | None = None
    contact_name: Name | None = None
    contact_email: Name | None = None
    website: Name | None = None
    published: bool | None = None
    regions: list[Key] | None = Field(default=None, max_length=100)
    public_sections: Sections | None = None
    export_products: ExportProducts = None


class ClusterPublic(_Orm):
    id: str
    name_en: str
    name_fr: str | None
    name_ar: str | None
    sector: str | None
    definitions: str | None
    stage: str | None
    label: str | None
    description: str | None
    contact_name: str | None
    contact_email: str | None
    website: str | None
    published: bool
    updated_at: dt.datetime
    regions: list[str]
    public_sections: list[str]
    export_products: list[str] | None = None

    @field_validator("regions", mode="before")
    @classmethod
    def _region_ids(cls, value: object) -> object:
        if isinstance(value, list):
            return [getattr(v, "id", v) for v in value]
        return value


def _words(words: tuple[str, ...], what: str) -> Any:
    # Checked by the network kernel (grappe.network.records), which also reads aliases in any
    # case and answers with its own message; the schema lists the canonical words.
    return Field(
        default=None,
        json_schema_extra={"enum": [*words, None]},
        description=f"One of the {what} of grappe.vocabulary (aliases are read as them).",
    )


class ActorCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Key
    name: Name
    sphere: Key | None = _words(SPHERES, "spheres")
    level: Key | None = _words(LEVELS, "levels")
    region_id: Key | None = None
    cluster_id: Slug | None = Field(default=None, description="Make the actor a member of it.")


class ActorPublic(_Orm):
    id: str
    name: str
    sphere: str | None
    level: str | None
    region_id: str | None


class TieCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: Key
    target: Key
    type: Key = Field(
        json_schema_extra={"enum": list(TIE_TYPES)},
        description="One of the tie types of grappe.vocabulary (aliases are read as them).",
    )
    strength: Annotated[
        float,
        Field(
            allow_inf_nan=False,
            description=f"On the kernel's scale {STRENGTH_SCALE[0]:g} (weak) to "
            f"{STRENGTH_SCALE[1]:g} (strong).",
        ),
    ] = 1.0


class TiePublic(_Orm):
    id: int
    source: str
    target: str
    type: str
    strength: float | None  # None: unrated (since migration 0006)


class IndicatorPublic(_Orm):
    definitions: str
    region_id: str
    cluster: str
    cluster_name: str
    cluster_type: str
    year: int
    measure: str = Field(
        description="The count lq, national_share, focus, strong and stars are computed on "
        "(employment, establishments or payroll)."
    )
    employment: float | None
    establishments: float | None
    payroll: float | None
    avg_wage: float | None
    lq: float | None
    national_share: float | None
    focus: float | None
    strong: bool
    stars: int


class KpiCreate(BaseModel):
    """A KPI value of a period: give ``period`` (a year, half-year, quarter, month or day, see
    :data:`grappe.roadmap.periods.PERIOD_FORMS`) or, as before, only ``year``."""

    model_config = ConfigDict(extra="forbid")
    cluster_id: Slug
    name: Key
    year: Year | None = Field(default=None, description="The year the period ends in.")
    period: Annotated[str, StringConstraints(max_length=10)] | None = Field(
        default=None,
        description="2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31 (default: the year).",
        examples=list(PERIOD_FORMS.values()),
    )
    value: Finite
    unit: Key | None = None
    target: Finite | None = None

    @field_validator("period")
    @classmethod
    def _canonical_period(cls, value: str | None) -> str | None:
        # parse_period's message (InvalidParameterError is a ValueError) names the forms.
        return None if value is None else parse_period(value).text

    @model_validator(mode="after")
    def _year_of_period(self) -> KpiCreate:
        if self.period is None:
            if self.year is None:
                raise ValueError("Give the period (e.g. 2024 or 2024-Q1) or the year.")
            self.period = str(self.year)
            return self
        year = parse_period(self.period).year
        if self.year is not None and self.year != year:
            raise ValueError(f"The year {self.year} is not the year of period {self.period}.")
        if not 1900 <= year <= 2100:
            raise ValueError(f"The period {self.period} is not between 1900 and 2100.")
        self.year = year
        return self


class KpiPublic(_Orm):
    id: int
    cluster_id: str
    name: str
    year: int
    period: str
    value: float
    unit: str | None
    target: float | None


class EvaluationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cluster_id: Slug
    date: dt.date = Field(ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))
    kind: Literal["evaluation", "label", "audit", "self-assessment"]
    score: Annotated[float, Field(allow_inf_nan=False, ge=0, le=100)] | None = None
    label: Name | None = None
    evaluator: Name | None = None
    summary: Text | None = None


class EvaluationPublic(_Orm):
    id: int
    cluster_id: str
    date: dt.date
    kind: str
    score: float | None
    label: str | None
    evaluator: str | None
    summary: str | None


class ImportPublic(_Orm):
    """An import job; ``done``/``total``/``percent`` show the progress of a running one."""

    id: int
    kind: str
    filename: str
    sha256: str
    status: Literal["queued", "running", "succeeded", "failed"] = Field(
        description="queued → running → succeeded or failed (then nothing was written)."
    )
    rows: int
    inserted: int
    updated: int
    unchanged: int
    done: int = Field(description="Rows written so far.")
    total: int = Field(description="Rows in the file.")
    percent: float
    errors: list[dict[str, Any]] | None = Field(
        description="Why a failed job failed (file, row, column, message, fix)."
    )
    created_by: str
    created_at: dt.datetime


class TokenCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Name
    role: Role
    clusters: list[Slug] = Field(default_factory=list, max_length=100)


class TokenCreated(BaseModel):
    name: str
    role: str
    clusters: list[str]
    token: str = Field(description="Shown once; only its hash is stored.")


class TokenPublic(_Orm):
    id: int
    name: str
    role: str
    prefix: str
    revoked: bool
    created_at: dt.datetime
    cluster_ids: list[str]


class AuditPublic(_Orm):
    """One entry of the audit log (entries older than migration 0004 have only ``who`` and
    ``details``)."""

    id: int
    at: dt.datetime
    who: str = Field(description="Name of the token (or local caller) that wrote.")
    role: str | None = Field(description="Role of that token at the time.")
    token_id: int | None
    action: str = Field(description="create, update, delete, import, revoke…")
    resource: str = Field(description="Kind of record: cluster, actor, tie, indicator, kpi…")
    resource_id: str | None = Field(description="The record's key, e.g. GM/UM/information.")
    before: dict[str, object] | None = Field(
        description="Old values: the changed fields of an update, the whole deleted record."
    )
    after: dict[str, object] | None = Field(
        description="New values: the changed fields of an update, the whole created record."
    )
    import_id: int | None = Field(description="The import job the change came from.")
    details: dict[str, object] | None


class _ErrorFields(BaseModel):
    code: str = Field(description="Stable machine name, e.g. not_found, validation_error.")
    message: str
    details: list[dict[str, Any]] | None = Field(
        description="Row-by-row report of invalid data, or the bad fields of a request."
    )
    request_id: str | None = Field(description="Also in the X-Request-ID header and the log.")


class ErrorPublic(BaseModel):
    """The one error shape of every status (see :mod:`grappe.service.errors`)."""

    error: _ErrorFields


# --- i13-model: member events and member counts ------------------------------------------------

MemberEventKind = Literal[MEMBER_EVENTS]  # type: ignore[valid-type]
ShortText = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00-\x1f]*$")]
EventDate = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))]


class MemberEventCreate(BaseModel):
    """An event of a member: ``join``, ``leave`` or ``sector`` (then ``sector`` is required)."""

    model_config = ConfigDict(extra="forbid")
    kind: MemberEventKind
    date: EventDate
    sector: Key | None = None
    note: Text | None = None
    activity_code: Key | None = Field(default=None, description="NAF, NACE, ISIC… code.")
    activity: ShortText | None = Field(default=None, description="The activity's name.")
    sphere: Sphere | None = Field(default=None, description="Default: the actor's sphere.")
    region_id: Key | None = Field(default=None, description="A region (wilaya) id, e.g. DZ-07.")


class MemberEventUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: MemberEventKind | None = None
    date: EventDate | None = None
    sector: Key | None = None
    note: Text | None = None
    activity_code: Key | None = None
    activity: ShortText | None = None
    sphere: Sphere | None = None
    region_id: Key | None = None


class MemberEventPublic(_Orm):
    id: int
    cluster_id: str
    actor_id: str
    kind: str
    date: dt.date
    sector: str | None
    note: str | None
    activity_code: str | None = None
    activity: str | None = None
    sphere: str | None = None
    region_id: str | None = None


class MemberCountsPublic(BaseModel):
    """The ``members`` and ``new_members`` KPIs of a period, counted from the member events."""

    cluster_id: str
    period: str
    members: int = Field(description="Members at the end of the period.")
    new_members: int = Field(description="Members who joined during the period.")


# --- KPI corrections, matchmaking and reports (issue 13) --------------------------------------

# A moment in UTC: SQLite gives timestamps back without their zone, PostgreSQL with it; both
# are stored in UTC, so the answers say so alike.
Utc = Annotated[dt.datetime, AfterValidator(lambda v: v if v.tzinfo else v.replace(tzinfo=dt.UTC))]

# A list of codes (processes, materials, certifications): a JSON list, or ``a;b`` text as in the
# needs and capabilities files.
Code = Annotated[str, StringConstraints(max_length=100, pattern=r"^[^\x00-\x1f;]*$")]
Codes = Annotated[list[Code], Field(max_length=200)] | Annotated[str, StringConstraints(
    max_length=2000, pattern=r"^[^\x00-\x1f]*$")]  # fmt: skip


class KpiUpdate(BaseModel):
    """Corrected fields of a KPI value (those left out keep their value). ``period`` moves it to
    another period (``year`` alone means the whole year); its year follows."""

    model_config = ConfigDict(extra="forbid")
    name: Key | None = None
    period: Annotated[str, StringConstraints(max_length=10)] | None = Field(
        default=None, examples=list(PERIOD_FORMS.values())
    )
    year: Year | None = Field(default=None, description="Shorthand for the period of a year.")
    value: Finite | None = None
    unit: Key | None = None
    target: Finite | None = None

    @field_validator("period")
    @classmethod
    def _canonical_period(cls, value: str | None) -> str | None:
        return None if value is None else parse_period(value).text

    @model_validator(mode="after")
    def _period_of_year(self) -> KpiUpdate:
        if self.year is not None:
            if self.period is not None and parse_period(self.period).year != self.year:
                raise ValueError(f"The year {self.year} is not the year of period {self.period}.")
            if self.period is None:
                self.period = str(self.year)
        if self.period is not None:
            self.year = parse_period(self.period).year
        return self


class _FirmFields(BaseModel):
    """The columns shared by the needs and capabilities files. Numbers are checked by the files'
    own checks (same messages): latitude in [-90, 90], longitude in [-180, 180], capacity ≥ 0."""

    model_config = ConfigDict(extra="forbid")
    processes: Codes = Field(default_factory=list, description="Process codes (list or a;b).")
    materials: Codes = Field(default_factory=list)
    certifications: Codes = Field(default_factory=list)
    capacity: float | None = Field(default=None, description="Units per period; null: unstated.")
    lat: float | None = Field(default=None, description="Latitude in degrees.")
    lon: float | None = Field(default=None, description="Longitude in degrees.")
    cluster: Key | None = Field(default=None, description="The firm's cluster code (bonus).")


class NeedCreate(_FirmFields):
    need_id: Key
    firm: Name


class CapabilityCreate(_FirmFields):
    firm_id: Key
    name: Name


class _FirmUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    processes: Codes | None = None
    materials: Codes | None = None
    certifications: Codes | None = None
    capacity: float | None = None
    lat: float | None = None
    lon: float | None = None
    cluster: Key | None = None


class NeedUpdate(_FirmUpdate):
    firm: Name | None = None


class CapabilityUpdate(_FirmUpdate):
    name: Name | None = None


class _FirmPublic(BaseModel):
    processes: list[str]
    materials: list[str]
    certifications: list[str]
    capacity: float | None
    lat: float
    lon: float
    cluster: str | None
    updated_by: str
    updated_at: Utc
    deleted: bool = Field(description="Withdrawn (soft delete); kept for the runs that name it.")


class NeedPublic(_FirmPublic):
    need_id: str
    firm: str


class CapabilityPublic(_FirmPublic):
    firm_id: str
    name: str


class MatchRunCreate(BaseModel):
    """Options of :func:`grappe.matchmaking.match` (checked by the kernel, same messages)."""

    model_config = ConfigDict(extra="forbid")
    max_km: float | None = Field(default=None, description="Drop pairs farther apart (km).")
    certifications: str = Field(default="penalty", max_length=20, description="penalty or require.")
    same_cluster_only: bool = False
    top: int | None = Field(default=3, description="Best matches kept per need (null: all).")


class MatchRunSummary(_Orm):
    id: int
    cluster_id: str
    created_at: Utc
    created_by: str
    parameters: dict[str, Any]
    needs: int = Field(description="Live needs matched.")
    capabilities: int = Field(description="Live capabilities matched.")
    count: int = Field(description="Matches kept.")


class MatchRunPublic(MatchRunSummary):
    matches: list[dict[str, Any]] = Field(
        description="The kernel's rows: need_id, firm, firm_id, name, rank, score, the six "
        "components, distance_km, missing_certifications, explanation."
    )


class ReportCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    languages: list[str] = Field(default_factory=lambda: list(LANGUAGES), max_length=3)
    formats: list[str] = Field(default_factory=lambda: ["html", "pdf"], max_length=2)
    programmes: list[str] | None = Field(
        default=None,
        max_length=50,
        description="Keys of the programmes the report shows (default: every programme the "
        "cluster is enrolled in; 404 for one it is not enrolled in).",
    )


class ReportFilePublic(BaseModel):
    lang: str
    format: str
    sha256: str
    size: int = Field(description="Bytes.")
    url: str = Field(description="Where to download it.")


class ReportPublic(BaseModel):
    """A report job: queued → running → succeeded (with its files) or failed (with errors)."""

    id: int
    cluster_id: str
    status: Literal["queued", "running", "succeeded", "failed"]
    languages: list[str]
    formats: list[str]
    done: int = Field(description="Steps done: building, then each file.")
    total: int
    percent: float
    errors: list[dict[str, Any]] | None
    created_by: str
    created_at: Utc
    finished_at: Utc | None
    files: list[ReportFilePublic]


# --- Actor networks: waves, stored networks, diagnoses (issue 13) ---------------------------

Lang = Literal[LANGUAGES]  # type: ignore[valid-type]


Origin = Literal["interview", "questionnaire", "document", "edge list", "matrix", "other"]


Cell = str | float | int | bool | None


class NetworkActorIn(BaseModel):
    """An actor row as a file of :func:`grappe.io.network.read_network` has it; checked by
    :func:`grappe.network.build_network` (unknown spheres, levels… refused with its message)."""

    model_config = ConfigDict(extra="allow")
    id: Key
    name: Name | None = None
    sphere: Key
    level: Key
    ownership: Key | None = None
    size: Key | None = None
    member: bool | None = None
    waves: Text | None = None


class NetworkTieIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: Key
    target: Key
    type: Key
    strength: Annotated[float, Field(allow_inf_nan=False)] | Key | None = None
    directed: bool | None = None
    wave: Key | None = None
    evidence: Text | None = None
    confidence: Annotated[float, Field(allow_inf_nan=False)] | None = None
    respondent: (
        Annotated[str, StringConstraints(pattern=r"^R-[0-9a-f]{10}(;R-[0-9a-f]{10})*$")] | None
    ) = Field(default=None, description="Pseudonyms R-xxxxxxxxxx only: pseudonymise names first.")


class NetworkStore(BaseModel):
    """A network (or one survey wave of it) to store as a cluster's."""

    model_config = ConfigDict(extra="forbid")
    actors: Annotated[list[NetworkActorIn], Field(min_length=1, max_length=20000)]
    ties: Annotated[list[NetworkTieIn], Field(max_length=200000)]
    wave: Key | None = Field(default=None, description="Wave of the ties that carry none.")
    date: dt.date | None = Field(default=None, description="Date of the wave.")
    origin: Origin | None = None
    directed: bool = True
    strength_scale: tuple[float, float] = (1.0, 3.0)
    name: Name | None = None
    source: Text | None = None


class StoreReportPublic(BaseModel):
    cluster: str
    waves: list[str | None]
    counts: dict[str, dict[str, int]]
    changes: int


class SurveyWavePublic(_Orm):
    id: int
    cluster_id: str
    label: str
    date: dt.date | None
    note: str | None


class NetworkActorPublic(BaseModel):
    id: str
    name: str
    sphere: str
    level: str
    ownership: str | None
    size: str | None
    member: bool
    waves: str | None
    attributes: dict[str, Cell]


class NetworkTiePublic(BaseModel):
    id: int | None
    source: str
    target: str
    type: str
    strength: float | None
    directed: bool
    wave: str | None
    evidence: str | None
    confidence: float | None
    respondent: str | None = Field(description="Pseudonyms; only for callers with a token.")
    reports: int
    origin: str | None


class NetworkPublic(BaseModel):
    cluster_id: str
    name: str | None
    source: str | None
    strength_scale: tuple[float, float]
    waves: list[SurveyWavePublic]
    actors: list[NetworkActorPublic]
    ties: list[NetworkTiePublic]


class NetworkActorUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Name | None = None
    sphere: Key | None = None
    level: Key | None = None
    ownership: Key | None = None
    size: Key | None = None
    attributes: dict[str, Cell] | None = None


class NetworkTieUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Key | None = None
    strength: Annotated[float, Field(allow_inf_nan=False)] | Key | None = None
    directed: bool | None = None
    evidence: Text | None = None
    confidence: Annotated[float, Field(allow_inf_nan=False)] | None = None
    origin: Origin | None = None


class DiagnosisCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    wave: Key | None = Field(default=None, description="Default: the last wave.")
    date: dt.date | None = Field(default=None, description="Date of the version (today).")
    expected: Literal["default", "all"] = "default"
    weak: Annotated[float, Field(allow_inf_nan=False, ge=-1e9, le=1e9)] = 1.0
    local_levels: Annotated[list[Key], Field(min_length=1, max_length=4)] = ["local"]
    seed: Annotated[int, Field(ge=0, le=2**31 - 1)] = 0


class DiagnosisPublic(BaseModel):
    id: int
    cluster_id: str
    wave: str | None
    before: str | None
    date: dt.date
    status: Literal["queued", "running", "succeeded", "failed"]
    options: dict[str, Any]
    created_by: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    errors: list[dict[str, Any]] | None
    done: int = 0
    total: int = 3
    percent: float = 0.0
    lang: Lang | None = None
    result: dict[str, Any] | None = None
    text: str | None = None


class WaveChangePublic(BaseModel):
    before: str
    after: str
    jaccard: float | None
    counts: dict[str, int]
    ties: list[dict[str, Any]]
    actors: list[dict[str, Any]]
