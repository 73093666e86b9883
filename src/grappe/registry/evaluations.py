"""Evaluations, label checks and SWOTs of a cluster: stored, corrected, soft-deleted, audited.

* An evaluation stores the kernel's record of a period (:class:`grappe.roadmap.Evaluation`: the
  KPI table against targets and the facts) and, optionally, the check of a label against it
  (:class:`grappe.roadmap.LabelCheck`). It can be corrected (its date, kind, score, label,
  evaluator, summary, label status) and deleted; a deleted evaluation is kept, hidden, and
  every change is in the audit log with the values before and after.
* :func:`evaluate_stored_kpis` evaluates a period on the cluster's stored KPI values (the
  comparison with the previous period is the kernel's, :func:`grappe.roadmap.evaluate_kpis`) and
  stores it with the label status the evaluator records (:data:`grappe.vocabulary.LABEL_STATUSES`).
* A SWOT is drafted from data (:func:`grappe.assess.draft_swot` over stored assessment versions)
  and then edited by a person: items added, removed, reworded; each edit audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from grappe._validation import check_option
from grappe.assess.swot import QUADRANTS, Swot, SwotItem
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.registry.assessment_documents import decode, encode
from grappe.registry.models import Cluster, Kpi, SwotRow, utc_now
from grappe.registry.models import Evaluation as EvaluationRow
from grappe.registry.permissions import Access, name_of
from grappe.registry.repositories import audit, changed_fields, get
from grappe.roadmap import Criterion, Evaluation, Label, LabelCheck, evaluate_kpis
from grappe.vocabulary import LABEL_STATUSES, LANGUAGES

__all__ = [
    "EVALUATION_FIELDS",
    "StoredEvaluation",
    "StoredSwot",
    "correct_evaluation",
    "delete_evaluation",
    "delete_swot",
    "edit_swot",
    "evaluate_stored_kpis",
    "evaluation_record",
    "load_evaluation",
    "load_swot",
    "stored_kpi_table",
    "store_evaluation",
    "store_swot",
    "swot_document",
]

#: Fields of an evaluation a correction may change.
EVALUATION_FIELDS: tuple[str, ...] = (
    "date", "kind", "score", "label", "evaluator", "summary", "label_status",
)  # fmt: skip
_TABLE_COLUMNS = ("kpi", "value", "previous", "change", "target", "direction", "met")


@dataclass(frozen=True)
class StoredEvaluation:
    """A stored evaluation: its fields, and the kernel's record and label check if it has them."""

    id: int
    cluster_id: str
    date: dt.date
    kind: str
    score: float | None
    label: str | None
    evaluator: str | None
    summary: str | None
    evaluation: Evaluation | None
    label_check: LabelCheck | None
    deleted: bool
    label_status: str | None = None


def _table_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in table[list(_TABLE_COLUMNS)].itertuples(index=False):
        met = row.met
        out.append({
            "kpi": str(row.kpi), "value": float(row.value), "previous": float(row.previous),
            "change": float(row.change), "target": float(row.target),
            "direction": str(row.direction), "met": None if pd.isna(met) else bool(met),
        })  # fmt: skip
    return out


def _table(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    rows = list(records)
    frame = pd.DataFrame(
        {
            "kpi": pd.Series([r["kpi"] for r in rows], dtype=object).astype(str),
            **{
                c: pd.Series([float(r[c]) for r in rows], dtype=float)
                for c in ("value", "previous")
            },  # fmt: skip
        }
    )
    frame["change"] = pd.Series([float(r["change"]) for r in rows], dtype=float)
    frame["target"] = pd.Series([float(r["target"]) for r in rows], dtype=float)
    frame["direction"] = pd.Series([r["direction"] for r in rows], dtype=object).astype(str)
    frame["met"] = pd.array([r["met"] for r in rows], dtype="boolean")
    return frame[list(_TABLE_COLUMNS)]


def _check_document(check: LabelCheck) -> dict[str, Any]:
    lab = check.label
    return {
        "label": {
            "name": lab.name, "level": lab.level, "valid_from": lab.valid_from,
            "valid_to": lab.valid_to,
            "criteria": [{"metric": c.metric, "op": c.op, "threshold": c.threshold}
                         for c in lab.criteria],
        },
        "on": check.on, "in_validity": check.in_validity,
        "results": [{"metric": c.metric, "value": v, "ok": ok} for c, v, ok in check.results],
        "reasons": list(check.reasons), "holds": check.holds,
    }  # fmt: skip


def _load_check(doc: Mapping[str, Any]) -> LabelCheck:
    lab = doc["label"]
    criteria = tuple(
        Criterion(c["metric"], c["op"], float(c["threshold"])) for c in lab["criteria"]
    )
    label = Label(lab["name"], lab["level"], criteria, dt.date.fromisoformat(lab["valid_from"]),
                  dt.date.fromisoformat(lab["valid_to"]))  # fmt: skip
    results = tuple(
        (criterion, float(r["value"]), bool(r["ok"]))
        for criterion, r in zip(criteria, doc["results"], strict=True)
    )
    return LabelCheck(label, dt.date.fromisoformat(doc["on"]), bool(doc["in_validity"]), results,
                      tuple(doc["reasons"]))  # fmt: skip


def evaluation_record(row: EvaluationRow) -> dict[str, Any]:
    """The correctable fields of an evaluation row, as the audit log keeps them."""
    return {k: getattr(row, k) for k in ("cluster_id", *EVALUATION_FIELDS)}


def store_evaluation(
    session: Session,
    cluster_id: str,
    evaluation: Evaluation,
    *,
    date: dt.date,
    who: str | Access,
    label_check: LabelCheck | None = None,
    evaluator: str | None = None,
    summary: str | None = None,
    label_status: str | None = None,
) -> int:
    """Store the evaluation record of a period (and a label check made on it); return its id.

    The row's ``kind`` is ``"label"`` with a label check, else ``"evaluation"``; its ``score`` is
    the share of KPIs with a target that met it, in percent (None without targets); its
    ``label`` the label's level when the check holds; its ``label_status`` the status the
    evaluator records (one of :data:`grappe.vocabulary.LABEL_STATUSES`, or None).

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.
    InvalidParameterError
        ``evaluation`` is not a :class:`grappe.roadmap.Evaluation`, or ``label_status`` is not
        a label status.
    """
    if label_status is not None:
        check_option(label_status, "label_status", LABEL_STATUSES, func="store_evaluation")
    if not isinstance(evaluation, Evaluation):
        raise InvalidParameterError(
            "The 'evaluation' parameter of store_evaluation must be a grappe.roadmap.Evaluation. "
            f"Got {type(evaluation).__name__} instead."
        )
    get(session, Cluster, cluster_id, what="cluster")
    share = evaluation.met_share
    row = EvaluationRow(
        cluster_id=cluster_id, date=date, kind="label" if label_check else "evaluation",
        score=None if share != share else round(100 * share, 6),
        label=(label_check.label.level[:64] if label_check and label_check.holds else None),
        evaluator=evaluator, summary=summary, period=evaluation.period,
        kpi_table=encode(_table_records(evaluation.table)), facts=encode(dict(evaluation.facts)),
        label_check=encode(_check_document(label_check)) if label_check else None,
        label_status=label_status,
    )  # fmt: skip
    session.add(row)
    session.flush()
    after = {**evaluation_record(row), "period": evaluation.period,
             "label_holds": label_check.holds if label_check else None}  # fmt: skip
    audit(session, who, "create", "evaluation", str(row.id), after=after)
    return row.id


def stored_kpi_table(session: Session, cluster_id: str) -> pd.DataFrame:
    """The cluster's stored KPI values as the kernel's KPI table: ``kpi``, ``period``,
    ``value``, ``target`` (NaN without one), one row per KPI × period."""
    rows = session.scalars(select(Kpi).where(Kpi.cluster_id == cluster_id).order_by(Kpi.id))
    return pd.DataFrame(
        [{"kpi": k.name, "period": k.period, "value": k.value, "target": k.target} for k in rows],
        columns=["kpi", "period", "value", "target"],
    )


def evaluate_stored_kpis(
    session: Session,
    cluster_id: str,
    *,
    period: str,
    date: dt.date,
    who: str | Access,
    label_status: str | None = None,
    evaluator: str | None = None,
    summary: str | None = None,
) -> int:
    """Evaluate ``period`` on the cluster's stored KPI values and store it; return its id.

    Each KPI of the period is compared with its target and with the previous period that has
    values, as :func:`grappe.roadmap.evaluate_kpis` does (``grappe kpi evaluate``).

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``, or no stored KPI value in ``period``.
    InvalidParameterError
        ``label_status`` is not one of :data:`grappe.vocabulary.LABEL_STATUSES`.
    """
    get(session, Cluster, cluster_id, what="cluster")
    if label_status is not None:
        check_option(label_status, "label_status", LABEL_STATUSES, func="evaluate_stored_kpis")
    evaluation = evaluate_kpis(stored_kpi_table(session, cluster_id), period=period)
    return store_evaluation(session, cluster_id, evaluation, date=date, who=who,
                            evaluator=evaluator, summary=summary,
                            label_status=label_status)  # fmt: skip


def _live(session: Session, model: Any, key: int, what: str) -> Any:
    row = get(session, model, key, what=what)
    if row.deleted_at is not None:
        raise NotFoundError(f"No {what} with id {key!r} (it was deleted).")
    return row


def load_evaluation(session: Session, evaluation_id: int) -> StoredEvaluation:
    """The stored evaluation ``evaluation_id`` with its kernel objects (None for an evaluation
    recorded by hand, without a KPI table).

    Raises
    ------
    NotFoundError
        No evaluation with that id.
    """
    row = get(session, EvaluationRow, evaluation_id, what="evaluation")
    record = None
    if row.kpi_table is not None:
        facts = {k: float(v) for k, v in decode(row.facts or {}).items()}
        record = Evaluation(row.period or "", _table(decode(row.kpi_table)), facts)
    check = _load_check(decode(row.label_check)) if row.label_check else None
    return StoredEvaluation(row.id, row.cluster_id, row.date, row.kind, row.score, row.label,
                            row.evaluator, row.summary, record, check,
                            row.deleted_at is not None, row.label_status)  # fmt: skip


def correct_evaluation(
    session: Session, evaluation_id: int, changes: Mapping[str, Any], *, who: str | Access
) -> EvaluationRow:
    """Correct fields of an evaluation (:data:`EVALUATION_FIELDS`); the audit entry keeps the old
    and new values of the fields that changed (none when nothing did).

    Raises
    ------
    InvalidParameterError
        A field that cannot be corrected, or a ``label_status`` that is not one of
        :data:`grappe.vocabulary.LABEL_STATUSES`.
    NotFoundError
        No evaluation with that id, or it was deleted.
    """
    unknown = sorted(set(changes) - set(EVALUATION_FIELDS))
    if unknown:
        raise InvalidParameterError(
            f"The 'changes' parameter of correct_evaluation must only have the fields "
            f"{list(EVALUATION_FIELDS)}. Got {unknown} instead."
        )
    if changes.get("label_status") is not None:
        check_option(changes["label_status"], "label_status", LABEL_STATUSES,
                     func="correct_evaluation")  # fmt: skip
    row = _live(session, EvaluationRow, evaluation_id, "evaluation")
    before = evaluation_record(row)
    for key, value in changes.items():
        setattr(row, key, value)
    old, new = changed_fields(before, evaluation_record(row))
    if new:
        row.updated_at = utc_now()
        session.flush()
        audit(session, who, "update", "evaluation", str(row.id), before=old, after=new)
    return row


def delete_evaluation(session: Session, evaluation_id: int, *, who: str | Access) -> None:
    """Soft-delete an evaluation: hidden from lists, kept with its history (audited).

    Raises
    ------
    NotFoundError
        No evaluation with that id, or it was already deleted.
    """
    row = _live(session, EvaluationRow, evaluation_id, "evaluation")
    row.deleted_at, row.deleted_by = utc_now(), name_of(who)
    session.flush()
    audit(session, who, "delete", "evaluation", str(row.id), before=evaluation_record(row))


# --- SWOT -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredSwot:
    """A stored SWOT: the current (edited) one, the draft it started from, and its sources."""

    id: int
    cluster_id: str
    date: dt.date
    swot: Swot
    draft: Swot
    sources: Mapping[str, Any]
    created_by: str
    updated_by: str | None


def _swot_doc(swot: Swot) -> dict[str, Any]:
    return {
        q: [
            {"key": i.key, "params": dict(i.params), "evidence": i.evidence, "texts": dict(i.texts)}
            for i in getattr(swot, q)
        ]  # fmt: skip
        for q in QUADRANTS
    }


def _load_swot(doc: Mapping[str, Any]) -> Swot:
    def item(d: Mapping[str, Any]) -> SwotItem:
        return SwotItem(d["key"], dict(d["params"]), d["evidence"], dict(d["texts"]))

    return Swot(**{q: tuple(item(d) for d in doc.get(q, ())) for q in QUADRANTS})


def swot_document(swot: Swot) -> dict[str, list[dict[str, Any]]]:
    """The SWOT as people read it: per quadrant, each item's rule key, evidence and text in
    French, Arabic and English."""
    return {
        q: [
            {
                "position": n,
                "key": i.key,
                "evidence": i.evidence,
                "text": {lang: i.text(lang) for lang in LANGUAGES},
            }
            for n, i in enumerate(getattr(swot, q))
        ]  # fmt: skip
        for q in QUADRANTS
    }


def store_swot(
    session: Session,
    cluster_id: str,
    swot: Swot,
    *,
    date: dt.date,
    who: str | Access,
    sources: Mapping[str, Any] | None = None,
) -> int:
    """Store a drafted SWOT (it becomes both the draft and the current SWOT); return its id.

    ``sources`` names what it was drafted from (assessment version ids, network figures).

    Raises
    ------
    NotFoundError
        No cluster ``cluster_id``.
    """
    get(session, Cluster, cluster_id, what="cluster")
    doc = encode(_swot_doc(swot))
    row = SwotRow(cluster_id=cluster_id, date=date, draft=doc, items=doc,
                  sources=encode(dict(sources or {})), created_by=name_of(who))  # fmt: skip
    session.add(row)
    session.flush()
    audit(session, who, "create", "swot", str(row.id),
          after={"cluster_id": cluster_id, "date": date, **swot_document(swot)})  # fmt: skip
    return row.id


def load_swot(session: Session, swot_id: int) -> StoredSwot:
    """The stored SWOT ``swot_id``.

    Raises
    ------
    NotFoundError
        No SWOT with that id, or it was deleted.
    """
    row = _live(session, SwotRow, swot_id, "SWOT")
    return StoredSwot(row.id, row.cluster_id, row.date, _load_swot(decode(row.items)),
                      _load_swot(decode(row.draft)), decode(row.sources), row.created_by,
                      row.updated_by)  # fmt: skip


def edit_swot(
    session: Session,
    swot_id: int,
    *,
    who: str | Access,
    add: Mapping[str, Iterable[Mapping[str, str] | str]] | None = None,
    remove: Mapping[str, Iterable[int]] | None = None,
    reword: Mapping[str, Mapping[int, Mapping[str, str] | str]] | None = None,
) -> StoredSwot:
    """Edit a stored SWOT with :meth:`grappe.assess.Swot.edit`; the audit entry keeps the
    quadrants that changed, before and after, as text in each language.

    Raises
    ------
    InvalidParameterError
        Unknown quadrant or a position that is not an item.
    NotFoundError
        No SWOT with that id, or it was deleted.
    """
    row = _live(session, SwotRow, swot_id, "SWOT")
    current = _load_swot(decode(row.items))
    edited = current.edit(add=add, remove=remove, reword=reword)
    old, new = changed_fields(swot_document(current), swot_document(edited))
    if new:
        row.items = encode(_swot_doc(edited))
        row.updated_by, row.updated_at = name_of(who), utc_now()
        session.flush()
        audit(session, who, "update", "swot", str(row.id), before=old, after=new)
    return load_swot(session, swot_id)


def delete_swot(session: Session, swot_id: int, *, who: str | Access) -> None:
    """Soft-delete a SWOT (kept, hidden; audited with its content).

    Raises
    ------
    NotFoundError
        No SWOT with that id, or it was already deleted.
    """
    row = _live(session, SwotRow, swot_id, "SWOT")
    row.deleted_at = utc_now()
    session.flush()
    audit(session, who, "delete", "swot", str(row.id),
          before={"cluster_id": row.cluster_id, "date": row.date,
                  **swot_document(_load_swot(decode(row.items)))})  # fmt: skip


def list_swots(session: Session, cluster_id: str) -> list[StoredSwot]:
    """The cluster's SWOTs that are not deleted, oldest first."""
    ids = session.scalars(
        select(SwotRow.id)
        .where(SwotRow.cluster_id == cluster_id, SwotRow.deleted_at.is_(None))
        .order_by(SwotRow.date, SwotRow.id)
    )
    return [load_swot(session, i) for i in ids]
