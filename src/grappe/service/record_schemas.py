"""Schemas of the records the KPIs are computed from (``/clusters/{id}/figures``,
``/activities``, ``/ties/{id}/dates``, ``/kpis/records``); see
:mod:`grappe.service.routes.member_records`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from grappe.service.schemas import EventDate, Key, ShortText, Text, _Orm
from grappe.vocabulary import CLUSTER_ACTIVITY_KINDS

__all__ = [
    "ActivityCreate",
    "ActivityPublic",
    "FigureCreate",
    "FigurePublic",
    "MarketIn",
    "RecordKpiPublic",
    "RecordsKpisPublic",
    "TieDates",
]

ActivityKind = Literal[CLUSTER_ACTIVITY_KINDS]  # type: ignore[valid-type]
PeriodText = Annotated[str, StringConstraints(max_length=10)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{3}$")]


class MarketIn(BaseModel):
    """One destination of a member's exports (checked by
    :func:`grappe.roadmap.markets.parse_markets`: an unknown code is refused)."""

    model_config = ConfigDict(extra="forbid")
    country: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$")]
    share: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] | None = None


class FigureCreate(BaseModel):
    """What a member reports for a period; replaces its figure of that period."""

    model_config = ConfigDict(extra="forbid")
    period: PeriodText = Field(description="2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-31.")
    jobs: Annotated[int, Field(ge=0, le=10**10)] | None = None
    exports: Annotated[float, Field(ge=0, le=1e15, allow_inf_nan=False)] | None = None
    currency: Currency | None = Field(default=None, description="ISO 4217, e.g. DZD, EUR.")
    founded: EventDate | None = Field(default=None, description="The firm's creation date.")
    markets: Annotated[list[MarketIn], Field(max_length=300)] = Field(
        default_factory=list,
        description="Where the exports go: ISO 3166-1 alpha-2 codes, each with an optional "
        "share of the period's exports in percent.",
    )
    note: Text | None = None


class FigurePublic(_Orm):
    id: int
    cluster_id: str
    actor_id: str
    period: str
    jobs: int | None
    exports: float | None
    currency: str | None
    founded: dt.date | None
    markets: list[MarketIn] | None = None
    note: str | None


class ActivityCreate(BaseModel):
    """A training, mission or event of the cluster."""

    model_config = ConfigDict(extra="forbid")
    kind: ActivityKind
    date: EventDate
    title: ShortText | None = None
    participants: Annotated[int, Field(ge=0, le=10**7)] | None = None
    members: Annotated[list[Key], Field(max_length=1000)] = Field(
        default_factory=list, description="Member actors who took part."
    )
    note: Text | None = None


class ActivityPublic(_Orm):
    id: int
    cluster_id: str
    kind: str
    date: dt.date
    title: str | None
    participants: int | None
    members: list[str] | None
    note: str | None


class TieDates(BaseModel):
    """When a tie's relation began and ended (the ``partnerships`` KPI counts from ``since``)."""

    model_config = ConfigDict(extra="forbid")
    since: EventDate | None = None
    until: EventDate | None = None


class RecordKpiPublic(BaseModel):
    kpi: str
    computed: float | None = Field(description="From the records (None: no record bears on it).")
    typed: float | None = Field(description="The value typed by hand for the period, if any.")
    target: float | None
    unit: str | None
    counted: int = Field(description="Records counted.")
    left_out: int = Field(description="Records that could not be placed (e.g. undated ties).")
    rule: str = Field(description="How the value is computed.")
    previous: float | None
    change: float | None
    disagrees: bool = Field(description="The typed value differs from the computed one.")


class RecordsKpisPublic(BaseModel):
    """The standard KPIs of a period computed from records (computed on read, never stored)."""

    cluster_id: str
    period: str
    previous: str | None
    source: Literal["records"] = "records"
    kpis: list[RecordKpiPublic]
    breakdowns: dict[str, dict[str, int]]
