"""A cluster roadmap: phases, deliverables and actions, validated as a whole (no I/O).

:func:`build_roadmap` takes plain records (as read from YAML or CSV by
:func:`grappe.io.assess.read_roadmap`) and rejects inconsistent data with a
:class:`~grappe.errors.DataValidationError` listing every problem with its file, row, field
and fix: unknown phase or status, negative budget, a currency that is not an ISO 4217 code,
an impossible date (``2023-02-30``), end before start, a milestone outside its action's dates,
an action ``done`` with open milestones or ``planned`` with milestones done, an owner who is
not an actor of the cluster, duplicate ids. An action still ``ongoing`` or ``delayed`` after
its end date with every milestone done is accepted with a :class:`~grappe.errors.DataWarning`
(its status is probably stale).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from grappe.errors import DataValidationError, DataWarning, ValidationIssue
from grappe.i18n import Message
from grappe.roadmap.phases import MODES, PHASES
from grappe.vocabulary import STATUSES

__all__ = ["STATUSES", "Action", "Milestone", "Roadmap", "build_roadmap"]


@dataclass(frozen=True)
class Milestone:
    """A dated milestone of an action."""

    name: str
    date: dt.date
    done: bool = False


@dataclass(frozen=True)
class Action:
    """One action of the plan.

    Attributes
    ----------
    id, title : str
    phase : str
        Key of a phase of :data:`~grappe.roadmap.phases.PHASES`.
    owner : str
        Actor responsible.
    budget : float
        Budget in ``currency`` (≥ 0).
    currency : str
        ISO 4217 code (``"DZD"``, ``"EUR"``…).
    partners : tuple of str
    start, end : datetime.date
    milestones : tuple of Milestone
    status : str
        One of :data:`STATUSES`.
    """

    id: str
    title: str
    phase: str
    owner: str
    budget: float
    currency: str
    partners: tuple[str, ...]
    start: dt.date
    end: dt.date
    milestones: tuple[Milestone, ...]
    status: str


@dataclass(frozen=True)
class Roadmap:
    """A validated roadmap.

    Attributes
    ----------
    cluster : str
    mode : str
        ``"bottom_up"`` or ``"top_down"``.
    actions : tuple of Action
    deliverables : mapping
        Deliverable key → status (``"planned"``, ``"ongoing"``, ``"done"``…).
    challenges : tuple of str
        The priority challenges of phase 3 (the shared vision's priorities), in order of
        priority; empty for a roadmap written without them.
    """

    cluster: str
    mode: str
    actions: tuple[Action, ...]
    deliverables: Mapping[str, str]
    challenges: tuple[str, ...] = ()

    @classmethod
    def from_dict(
        cls,
        data: Any,
        *,
        file: str | None = "roadmap",
        rows: Iterable[int] | None = None,
        actors: Iterable[str] | None = None,
    ) -> Roadmap:
        """The one parser of roadmap documents (a roadmap YAML file's mapping, an API body).

        Parameters
        ----------
        data : mapping
            ``cluster``, ``mode`` (``bottom_up`` or ``top_down``), ``actions`` (a list of
            mappings), optional ``deliverables`` (deliverable → status), ``challenges``
            (the priority challenges, a list of texts) and ``actors`` (allowed owners).
        file : str, optional
            Name of the source shown in errors.
        rows : iterable of int, optional
            Line of each action in its file (default: its position, from 1).
        actors : iterable of str, optional
            Allowed owners, overriding the document's ``actors``.

        Returns
        -------
        Roadmap

        Raises
        ------
        DataValidationError
            Every problem of shape (``deliverables: [a, b]`` is not a mapping, an action that is
            not a mapping, control characters, texts too long) or of content (see
            :func:`build_roadmap`), each with its row, field and fix.

        Examples
        --------
        >>> Roadmap.from_dict({"cluster": "Dates", "mode": "bottom_up",
        ...                    "deliverables": ["a", "b"], "actions": []})
        Traceback (most recent call last):
        ...
        grappe.errors.DataValidationError: roadmap, column 'deliverables': The roadmap's 'deliverables' is not a mapping. Fix: See docs/roadmap.md for the shape of a roadmap.
        """  # noqa: E501
        from grappe.roadmap.document import roadmap_from_dict

        return roadmap_from_dict(data, file=file, rows=rows, actors=actors)

    def actions_frame(self) -> pd.DataFrame:
        """One row per action: ``id``, ``title``, ``phase``, ``owner``, ``budget``,
        ``currency``, ``partners`` (``"; "``-joined), ``start``, ``end``, ``status``,
        ``milestones``, ``milestones_done``."""
        return pd.DataFrame(
            [
                {
                    "id": a.id,
                    "title": a.title,
                    "phase": a.phase,
                    "owner": a.owner,
                    "budget": a.budget,
                    "currency": a.currency,
                    "partners": "; ".join(a.partners),
                    "start": a.start,
                    "end": a.end,
                    "status": a.status,
                    "milestones": len(a.milestones),
                    "milestones_done": sum(m.done for m in a.milestones),
                }
                for a in self.actions
            ],
            columns=[
                "id",
                "title",
                "phase",
                "owner",
                "budget",
                "currency",
                "partners",
                "start",
                "end",
                "status",
                "milestones",
                "milestones_done",
            ],
        )

    def summary(self) -> pd.DataFrame:
        """Per phase and currency: ``actions``, ``budget``, ``done`` (actions done) and
        ``progress`` (share of milestones done; NaN without milestones)."""
        df = self.actions_frame()
        rows = []
        for p in PHASES:
            sub = df[df["phase"] == p.key]
            for cur in sorted(sub["currency"].unique()) or [""]:
                s = sub[sub["currency"] == cur] if cur else sub
                ms = s["milestones"].sum()
                rows.append(
                    {
                        "phase": p.key,
                        "number": p.number,
                        "currency": cur,
                        "actions": len(s),
                        "budget": float(s["budget"].sum()),
                        "done": int((s["status"] == "done").sum()),
                        "progress": s["milestones_done"].sum() / ms if ms else math.nan,
                    }
                )
        return pd.DataFrame(rows)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


@functools.cache
def iso_currencies() -> frozenset[str]:
    """ISO 4217 currency codes (current and historical), from Babel's CLDR data.

    Examples
    --------
    >>> "DZD" in iso_currencies(), "XYZ" in iso_currencies()
    (True, False)
    """
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _list(value: Any) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    return tuple(str(v) for v in value)


def build_roadmap(
    actions: Iterable[Mapping[str, Any]],
    *,
    cluster: str,
    mode: str,
    deliverables: Mapping[str, str] | None = None,
    challenges: Iterable[str] | None = None,
    actors: Iterable[str] | None = None,
    file: str | None = None,
    rows: Iterable[int] | None = None,
    today: dt.date | None = None,
) -> Roadmap:
    """Validate action records and build a :class:`Roadmap`.

    Parameters
    ----------
    actions : iterable of mapping
        One mapping per action with keys ``id``, ``title``, ``phase``, ``owner``, ``budget``,
        ``currency``, ``partners`` (list or ``;``-separated), ``start``, ``end`` (ISO dates),
        ``status`` and optionally ``milestones`` (list of ``{name, date, done}``).
    cluster : str
        Name of the cluster.
    mode : {"bottom_up", "top_down"}
        Construction mode.
    deliverables : mapping, optional
        Deliverable key → status; keys must be standard deliverables of the phases.
    challenges : iterable of str, optional
        The priority challenges, most important first: non-empty texts, each once.
    actors : iterable of str, optional
        When given, every owner must be one of them.
    file : str, optional
        Source file, named in errors.
    rows : iterable of int, optional
        Line (row) of each action in ``file``; default 1, 2, …
    today : datetime.date, optional
        The date the roadmap is read on (default today), to spot stale statuses.

    Returns
    -------
    Roadmap

    Raises
    ------
    DataValidationError
        Listing every inconsistency (see the module docstring).

    Warns
    -----
    DataWarning
        When an action is still ``ongoing`` or ``delayed`` after its end date (before
        ``today``) with every milestone done.

    References
    ----------
    .. [1] UNIDO (2013). *The UNIDO Approach to Cluster Development: Key Principles and
       Project Experiences (1994–2012)*. Vienna.

    Examples
    --------
    >>> r = build_roadmap([{"id": "A1", "title": "Kick-off", "phase": "mobilise",
    ...     "owner": "CCI", "budget": 1000, "currency": "DZD", "start": "2024-01-01",
    ...     "end": "2024-03-31", "status": "done"}], cluster="Dates", mode="bottom_up")
    >>> r.actions[0].budget
    1000.0
    """
    actions = list(actions)
    today = dt.date.today() if today is None else today
    rows = list(rows) if rows is not None else list(range(1, len(actions) + 1))
    issues: list[ValidationIssue] = []
    phases = [p.key for p in PHASES]
    actor_set = None if actors is None else {str(a) for a in actors}
    if mode not in MODES:
        issues.append(
            ValidationIssue(
                Message("Unknown construction mode {value!r}.", value=mode),
                file=file,
                column="mode",
                fix=Message("Use one of {options}.", options=MODES),
            )
        )
    known_deliv = {k for p in PHASES for k in p.deliverables}
    for key, status in (deliverables or {}).items():
        if key not in known_deliv:
            issues.append(
                ValidationIssue(
                    Message("Unknown deliverable {value!r}.", value=key),
                    file=file,
                    column="deliverables",
                    fix=Message("Use one of {options}.", options=sorted(known_deliv)),
                )
            )
        if status not in STATUSES:
            issues.append(
                ValidationIssue(
                    Message(
                        "Unknown status {status!r} of deliverable {key!r}.", status=status, key=key
                    ),
                    file=file,
                    column="deliverables",
                    fix=Message("Use one of {options}.", options=STATUSES),
                )
            )
    priorities = _challenges(challenges, issues, file)
    out: list[Action] = []
    seen: set[str] = set()
    for rec, row in zip(actions, rows, strict=True):
        before = len(issues)

        def bad(msg: Message, col: str, fix: Message, row: int = row) -> None:
            issues.append(ValidationIssue(msg, file=file, row=row, column=col, fix=fix))

        for key in ("id", "title", "phase", "owner", "start", "end"):
            if rec.get(key) in (None, "") or (
                isinstance(rec.get(key), float) and math.isnan(rec[key])
            ):
                bad(
                    Message("The action has no {key!r}.", key=key),
                    key,
                    Message("Fill in {key!r}.", key=key),
                )
        if len(issues) > before:
            continue
        aid = str(rec["id"])
        if aid in seen:
            bad(
                Message("The action id {aid!r} is used twice.", aid=aid),
                "id",
                Message("Give each action its own id."),
            )
        seen.add(aid)
        if rec["phase"] not in phases:
            bad(
                Message("Unknown phase {phase!r} of action {aid}.", phase=rec["phase"], aid=aid),
                "phase",
                Message("Use one of {options}.", options=phases),
            )
        status = rec.get("status") or "planned"
        if status not in STATUSES:
            bad(
                Message("Unknown status {status!r} of action {aid}.", status=status, aid=aid),
                "status",
                Message("Use one of {options}.", options=STATUSES),
            )
        try:
            budget = float(rec.get("budget") or 0)
        except (TypeError, ValueError):
            budget = math.nan
        if not budget >= 0:
            bad(
                Message(
                    "The budget of action {aid} is {budget!r}; it must be a number ≥ 0.",
                    aid=aid,
                    budget=rec.get("budget"),
                ),
                "budget",
                Message("Give the budget as a positive amount."),
            )
        currency = str(rec.get("currency") or "").strip().upper()
        if budget > 0 and not currency:
            bad(
                Message("Action {aid} has a budget but no currency.", aid=aid),
                "currency",
                Message("Give an ISO 4217 code such as DZD, EUR or USD."),
            )
        elif currency and currency not in iso_currencies():
            bad(
                Message(
                    "The currency {currency!r} of action {aid} is not an ISO 4217 code.",
                    currency=currency,
                    aid=aid,
                ),
                "currency",
                Message("Give an ISO 4217 code such as DZD, EUR or USD."),
            )
        owner = str(rec["owner"])
        if actor_set is not None and owner not in actor_set:
            bad(
                Message(
                    "The owner {owner!r} of action {aid} is not an actor of the cluster.",
                    owner=owner,
                    aid=aid,
                ),
                "owner",
                Message("Use the name of an actor of the cluster's network or add it."),
            )
        start, end = _date(rec["start"]), _date(rec["end"])
        for key, value in (("start", start), ("end", end)):
            if value is None:
                bad(
                    Message(
                        "The {key} {value!r} of action {aid} is not a valid date.",
                        key=key,
                        value=str(rec[key]),
                        aid=aid,
                    ),
                    key,
                    Message("Write an existing date as YYYY-MM-DD (e.g. 2023-02-28)."),
                )
        if start is None or end is None:
            continue
        if end < start:
            bad(
                Message(
                    "Action {aid} ends ({end}) before it starts ({start}).",
                    aid=aid,
                    end=end,
                    start=start,
                ),
                "end",
                Message("Swap or correct the dates."),
            )
        milestones = []
        for m in rec.get("milestones") or []:
            mdate = _date(m.get("date"))
            name = str(m.get("name", ""))
            if mdate is None:
                bad(
                    Message(
                        "Milestone {name!r} of action {aid} has no valid date ({value!r}).",
                        name=name,
                        aid=aid,
                        value=str(m.get("date")),
                    ),
                    "milestones",
                    Message("Write an existing date as YYYY-MM-DD (e.g. 2023-02-28)."),
                )
                continue
            if mdate < start or mdate > end:
                bad(
                    Message(
                        "Milestone {name!r} of action {aid} ({mdate}) is outside the action's "
                        "dates ({start} to {end}).",
                        name=name,
                        aid=aid,
                        mdate=mdate,
                        start=start,
                        end=end,
                    ),
                    "milestones",
                    Message("Move the milestone or the action's dates."),
                )
            milestones.append(Milestone(name, mdate, bool(m.get("done", False))))
        _check_progress(aid, status, milestones, bad, file, row, stale=end < today)
        out.append(
            Action(
                aid,
                str(rec["title"]),
                str(rec["phase"]),
                owner,
                budget,
                currency,
                _list(rec.get("partners")),
                start,
                end,
                tuple(sorted(milestones, key=lambda m: m.date)),
                status,
            )
        )
    if issues:
        raise DataValidationError(issues)
    return Roadmap(str(cluster), mode, tuple(out), dict(deliverables or {}), priorities)


def _challenges(
    challenges: Iterable[str] | None, issues: list[ValidationIssue], file: str | None
) -> tuple[str, ...]:
    """The priority challenges, stripped; an empty or repeated one is an issue."""
    out: list[str] = []
    for text in challenges or ():
        text = str(text).strip()
        if not text:
            issues.append(
                ValidationIssue(
                    Message("A priority challenge is empty."),
                    file=file,
                    column="challenges",
                    fix=Message("Write it or remove it."),
                )
            )
        elif text in out:
            issues.append(
                ValidationIssue(
                    Message("The priority challenge {text!r} is given twice.", text=text),
                    file=file,
                    column="challenges",
                    fix=Message("Keep each challenge once."),
                )
            )
        else:
            out.append(text)
    return tuple(out)


def _check_progress(
    aid: str,
    status: str,
    milestones: list[Milestone],
    bad: Any,
    file: str | None,
    row: int,
    *,
    stale: bool,
) -> None:
    """An action's status against its milestones: contradictions are errors, doubts warnings."""
    if not milestones:
        return
    open_ = [m.name for m in milestones if not m.done]
    done = len(milestones) - len(open_)
    if status == "done" and open_:
        bad(
            Message(
                "Action {aid} is 'done' but its milestones {open} are not.", aid=aid, open=open_
            ),
            "status",
            Message("Mark those milestones done: true, or set the action's status to 'ongoing'."),
        )
    elif status == "planned" and done:
        bad(
            Message(
                "Action {aid} is 'planned' but {done} of its milestones are done.",
                aid=aid,
                done=done,
            ),
            "status",
            Message(
                "Set the action's status to 'ongoing' (or 'done'), or mark the milestones "
                "done: false."
            ),
        )
    elif status in ("ongoing", "delayed") and not open_ and stale:
        warnings.warn(
            DataWarning(
                Message(
                    "action {aid} has ended and every milestone is done, but its status is "
                    "{status!r}.",
                    aid=aid,
                    status=status,
                ),
                file=file,
                row=row,
                column="status",
                fix=Message("set the status to 'done' if the action is over."),
            ),
            stacklevel=3,
        )
