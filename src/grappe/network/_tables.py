"""Validation of actor and tie tables for :func:`grappe.network.model.build_network`.

Every check appends a :class:`~grappe.errors.ValidationIssue` naming the file, row, column and
fix, so that a user can correct a file in one pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from grappe.errors import InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.network.model import ACTOR_COLUMNS, TIE_COLUMNS
from grappe.vocabulary import LEVELS, OWNERSHIPS, SPHERES

_SPHERE_ALIASES: dict[str, str] = {
    "firm": "enterprise",
    "company": "enterprise",
    "sme": "enterprise",
    "business": "enterprise",
    "industry": "enterprise",
    "private": "enterprise",
    "entreprise": "enterprise",
    "university/research": "university",
    "university_research": "university",
    "research": "university",
    "academia": "university",
    "higher education": "university",
    "public authority": "public",
    "public_authority": "public",
    "government": "public",
    "gov": "public",
    "state": "public",
    "support institution": "support",
    "support_institution": "support",
    "chamber": "support",
    "agency": "support",
    "intermediary": "support",
    "professional association": "association",
    "voluntary": "association",
    "vol": "association",
    "ngo": "association",
    "international organisation": "international",
    "international organization": "international",
    "international_organisation": "international",
    "donor": "international",
    "bank": "finance",
    "financial": "finance",
}

_LEVEL_ALIASES: dict[str, str] = {
    "supranational": "international",
    "global": "international",
    "local/municipal": "local",
    "municipal": "local",
    "wilaya": "regional",
    "provincial": "regional",
    "state": "national",
}

TYPE_ALIASES: dict[str, str] = {
    "info": "information",
    "information exchange": "information",
    "knowledge": "advice",
    "technical advice": "advice",
    "collaboration": "cooperation",
    "co-operation": "cooperation",
    "subcontract": "subcontracting",
    "supply": "subcontracting",
    "money": "funding",
    "finance": "funding",
    "financing": "funding",
    "formation": "training",
    "confiance": "trust",
}

_STRENGTH_LABELS: dict[str, float] = {
    "weak": 1.0,
    "medium": 2.0,
    "strong": 3.0,
    "faible": 1.0,
    "moyen": 2.0,
    "moyenne": 2.0,
    "fort": 3.0,
    "forte": 3.0,
}

_TRUE = {"1", "true", "yes", "y", "oui", "t"}
_FALSE = {"0", "false", "no", "n", "non", "f"}


def _text(values: Any, n: int) -> np.ndarray:
    """Stripped strings as an object array, None for empty or missing cells."""
    if values is None:
        return np.full(n, None, dtype=object)
    series = pd.Series(values, copy=False)
    text = series.astype("string").str.strip()
    out = text.to_numpy(dtype=object, na_value=None)
    out[text.fillna("").to_numpy(dtype=object) == ""] = None
    return out


def _none(values: np.ndarray) -> np.ndarray:
    """Where an object array holds None (or NaN)."""
    return pd.isna(values)


def _lookup(text: np.ndarray, table: Mapping[str, Any]) -> np.ndarray:
    """Map lower-cased text through ``table``; None where absent or not found."""
    lower = pd.Series(text, dtype=object).str.lower()
    return lower.map(table).astype(object).where(lambda s: s.notna(), None).to_numpy(object)


def _vocabulary(options: tuple[str, ...], aliases: Mapping[str, str]) -> dict[str, str]:
    return {**{o: o for o in options}, **aliases}


_BOOLS = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}


def _bools(values: Any, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(parsed bool or None, raw text) of a yes/no column."""
    series = pd.Series(values, copy=False)
    if series.dtype == bool:
        return series.to_numpy(object), series.astype(str).to_numpy(object)
    text = _text(series, n)
    return _lookup(text, _BOOLS), text


def _flag(
    issues: list[ValidationIssue],
    bad: np.ndarray,
    rows: np.ndarray,
    raw: np.ndarray,
    message: Message,
    file: str | None,
    column: str,
    fix: Message,
    **values: Any,
) -> None:
    # ``message`` is a template: each flagged cell's text is placed as {value!r}
    template = getattr(message, "template", message)
    for k in np.flatnonzero(bad):
        text = Message(template, value=raw[k], **values)
        issues.append(ValidationIssue(text, file, int(rows[k]), column, fix))


def check_scale(scale: Any, func: str) -> tuple[float, float]:
    try:
        lo, hi = (float(x) for x in scale)
    except (TypeError, ValueError) as exc:
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a pair (low, high) of numbers. "
                "Got {value!r} instead.",
                name="strength_scale",
                func=func,
                value=scale,
            )
        ) from exc
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise InvalidParameterError(
            Message(
                "The {name!r} parameter of {func} must be a pair (low, high) with "
                "low < high. Got {value!r} instead.",
                name="strength_scale",
                func=func,
                value=scale,
            )
        )
    return lo, hi


def _missing_columns(
    frame: pd.DataFrame, required: tuple[str, ...], file: str | None, issues: list
) -> bool:
    missing = [c for c in required if c not in frame.columns]
    for c in missing:
        issues.append(
            ValidationIssue(
                Message(
                    "The column {column!r} is missing (columns found: {columns}).",
                    column=c,
                    columns=list(frame.columns),
                ),
                file=file,
                column=c,
                fix=Message("Add a column named {column!r}.", column=c),
            )
        )
    return bool(missing)


#: The vocabularies of an actor's columns: canonical words and the aliases read as them.
ACTOR_VOCABULARIES: dict[str, tuple[tuple[str, ...], Mapping[str, str]]] = {
    "sphere": (SPHERES, _SPHERE_ALIASES),
    "level": (LEVELS, _LEVEL_ALIASES),
    "ownership": (OWNERSHIPS, {}),
}


def check_words(
    values: Any,
    column: str,
    rows: np.ndarray,
    file: str | None,
    issues: list[ValidationIssue],
    *,
    optional: bool,
    vocabulary: tuple[tuple[str, ...], Mapping[str, str]] | None = None,
) -> np.ndarray:
    """Canonical words of an actor column (``sphere``, ``level``, ``ownership``) or of the tie
    ``type``; one issue per unknown word (and per empty cell unless ``optional``)."""
    options, aliases = vocabulary or ACTOR_VOCABULARIES[column]
    raw = _text(values, len(rows))
    words = _lookup(raw, _vocabulary(options, aliases))
    bad = _none(words)
    if optional:
        bad &= ~_none(raw)
    what = Message("tie type") if column == "type" else column
    fix = (
        Message("Use one of {options}, or leave it empty.", options=", ".join(options))
        if optional
        else Message("Use one of {options}.", options=", ".join(options))
    )
    _flag(
        issues, bad, rows, raw, Message("Unknown {what} {value!r}."), file, column, fix, what=what
    )
    return words


def check_self_ties(
    source: np.ndarray,
    target: np.ndarray,
    rows: np.ndarray,
    file: str | None,
    issues: list[ValidationIssue],
) -> None:
    """One issue per row whose source is its target."""
    _flag(
        issues,
        (~_none(source)) & (source == target),
        rows,
        source,
        Message("Self-tie: actor {value!r} is tied to itself."),
        file,
        "target",
        Message("Remove the row; a tie links two different actors."),
    )


def validate_actors(
    frame: pd.DataFrame, file: str | None, first_row: int, issues: list[ValidationIssue]
) -> pd.DataFrame | None:
    frame = frame.rename(columns=lambda c: str(c).strip().lower())
    if _missing_columns(frame, ("id", "sphere", "level"), file, issues):
        return None
    n = len(frame)
    rows = np.arange(n) + first_row
    ids = _text(frame["id"], n)
    fix_id = Message("Give every actor a unique id.")
    empty = Message("The actor id is empty.")
    _flag(issues, _none(ids), rows, ids, empty, file, "id", fix_id)
    repeated = pd.Series(ids).duplicated().to_numpy() & (~_none(ids))
    first = pd.Series(rows, index=ids).groupby(level=0).min() if n else pd.Series()
    for k in np.flatnonzero(repeated):
        issues.append(
            ValidationIssue(
                Message(
                    "The actor id {value!r} is used twice (first on row {first}).",
                    value=ids[k],
                    first=first[ids[k]],
                ),
                file,
                int(rows[k]),
                "id",
                fix_id,
            )
        )
    values = {
        col: check_words(frame.get(col), col, rows, file, issues, optional=col == "ownership")
        for col in ACTOR_VOCABULARIES
    }
    member = np.full(n, True, dtype=object)
    if "member" in frame.columns:
        member, raw = _bools(frame["member"], n)
        _flag(
            issues,
            (_none(member)) & (~_none(raw)),
            rows,
            raw,
            Message("The member value {value!r} is not a yes/no value."),
            file,
            "member",
            Message("Use true/false, yes/no or 1/0."),
        )
        member = np.where(_none(member), True, member)
    if issues:
        return None
    names = _text(frame.get("name"), n)
    out = pd.DataFrame(
        {
            "id": ids,
            "name": np.where(_none(names), ids, names),
            "sphere": values["sphere"],
            "level": values["level"],
            "ownership": values["ownership"],
            "size": _text(frame.get("size"), n),
            "member": member.astype(bool),
            "waves": _text(frame.get("waves"), n),
        }
    )
    for c in [c for c in frame.columns if c not in ACTOR_COLUMNS]:
        out[c] = frame[c].to_numpy()
    return out


def validate_ties(
    frame: pd.DataFrame,
    actors: pd.DataFrame,
    file: str | None,
    first_row: int,
    issues: list[ValidationIssue],
    *,
    directed: bool,
    scale: tuple[float, float],
    types: tuple[tuple[str, ...], Mapping[str, str]],
    duplicates: str = "raise",
) -> pd.DataFrame | None:
    frame = frame.rename(columns=lambda c: str(c).strip().lower())
    if _missing_columns(frame, ("source", "target", "type"), file, issues):
        return None
    n = len(frame)
    rows = np.arange(n) + first_row
    known = pd.Index(actors["id"])
    fix_actor = Message("Name the actor by its id.")
    ends = {}
    for col in ("source", "target"):
        ends[col] = _text(frame[col], n)
        empty = _none(ends[col])
        message = Message("The {end} is empty.", end=col)
        _flag(issues, empty, rows, ends[col], message, file, col, fix_actor, end=col)
        unknown = ~empty & ~pd.Index(ends[col]).isin(known)
        _flag(
            issues,
            unknown,
            rows,
            ends[col],
            Message("The tie names the unknown actor {value!r}."),
            file,
            col,
            Message("Add the actor to the actors table or correct the id."),
        )
    src, tgt = ends["source"], ends["target"]
    check_self_ties(src, tgt, rows, file, issues)
    typ = check_words(frame["type"], "type", rows, file, issues, optional=False, vocabulary=types)
    strength = parse_strengths(frame, rows, file, scale, issues)
    conf = np.full(n, np.nan)
    if "confidence" in frame.columns:
        raw = _text(frame["confidence"], n)
        conf = pd.to_numeric(pd.Series(raw, dtype=object), errors="coerce").to_numpy(float)
        bad = (np.isnan(conf) & (~_none(raw))) | (conf < 0) | (conf > 1)
        _flag(
            issues,
            bad,
            rows,
            raw,
            Message("The confidence {value!r} is not a number between 0 and 1."),
            file,
            "confidence",
            Message("Use a share between 0 and 1."),
        )
    direct = np.full(n, directed)
    if "directed" in frame.columns:
        parsed, raw = _bools(frame["directed"], n)
        _flag(
            issues,
            (_none(parsed)) & (~_none(raw)),
            rows,
            raw,
            Message("The directed value {value!r} is not a yes/no value."),
            file,
            "directed",
            Message("Use true/false, yes/no or 1/0."),
        )
        direct = np.where(_none(parsed), directed, parsed).astype(bool)
    if issues:
        return None
    out = pd.DataFrame(
        {
            "source": src,
            "target": tgt,
            "type": typ,
            "strength": strength,
            "directed": direct.astype(bool),
            "wave": _text(frame.get("wave"), n),
            "evidence": _text(frame.get("evidence"), n),
            "confidence": conf,
            "respondent": _text(frame.get("respondent"), n),
            "row": rows,
        }
    )
    return _merge_duplicates(out, file, issues, duplicates)


def parse_strengths(
    frame: pd.DataFrame,
    rows: np.ndarray,
    file: str | None,
    scale: tuple[float, float],
    issues: list[ValidationIssue],
) -> np.ndarray:
    n = len(frame)
    if "strength" not in frame.columns:
        return np.full(n, np.nan)
    lo, hi = scale
    raw = _text(frame["strength"], n)
    labels = _lookup(raw, _STRENGTH_LABELS)
    numbers = pd.to_numeric(pd.Series(raw, dtype=object), errors="coerce").to_numpy(float)
    value = np.where(_none(labels), numbers, labels).astype(float)
    bad = (~_none(raw)) & (np.isnan(value) | (value < lo) | (value > hi))
    _flag(
        issues,
        bad,
        rows,
        raw,
        Message("The strength {value!r} is off the scale [{lo:g}, {hi:g}]."),
        file,
        "strength",
        Message("Use a number on the scale, or weak/medium/strong (1/2/3)."),
        lo=lo,
        hi=hi,
    )
    value[bad] = np.nan
    return value


def _kind(typ: str, wave: str) -> str | Message:
    """A tie's type, and its wave when it has one (``cooperation, wave 2``)."""
    return Message("{type}, wave {wave}", type=typ, wave=wave) if wave else typ


def _merge_duplicates(
    ties: pd.DataFrame, file: str | None, issues: list[ValidationIssue], duplicates: str
) -> pd.DataFrame | None:
    """Merge reports of one tie by different respondents; flag reports that disagree on its
    strength. Rows repeating a tie *and* its respondent are duplicates: refused under
    ``duplicates="raise"``, merged as further reports under ``"sum"``."""
    a = ties["source"].to_numpy(object)
    b = ties["target"].to_numpy(object)
    swap = ~ties["directed"].to_numpy(bool) & (a > b)
    gkeys = ["u", "v", "type", "wave_key", "directed"]
    key = ties.assign(
        u=np.where(swap, b, a), v=np.where(swap, a, b), wave_key=ties["wave"].fillna("")
    )
    if duplicates == "raise":
        resp = key.assign(resp_key=ties["respondent"].fillna(""))
        repeats = resp.duplicated([*gkeys, "resp_key"], keep="first").to_numpy()
        first = resp.drop_duplicates([*gkeys, "resp_key"]).set_index([*gkeys, "resp_key"])["row"]
        for k in np.flatnonzero(repeats)[:20]:
            r = resp.iloc[k]
            seen = first.loc[tuple(r[[*gkeys, "resp_key"]])]
            tie = {"u": r["u"], "v": r["v"], "kind": _kind(r["type"], r["wave_key"])}
            tie["seen"] = int(seen)
            issues.append(
                ValidationIssue(
                    Message(
                        "The tie {u!r}–{v!r} ({kind}) is already in row {seen} from the same "
                        "respondent.",
                        **tie,
                    )
                    if r["resp_key"]
                    else Message("The tie {u!r}–{v!r} ({kind}) is already in row {seen}.", **tie),
                    file,
                    int(r["row"]),
                    "source",
                    Message(
                        "keep one row per pair of actors, tie type and wave (and respondent), or "
                        "merge the repeated rows into one tie with duplicates='sum' "
                        "(--duplicates sum)."
                    ),
                )
            )
        if issues:
            return None
    repeated = key.duplicated(gkeys, keep=False).to_numpy()
    single = key[~repeated].assign(reports=1, first_row=lambda f: f["row"])
    multi = key[repeated]
    if len(multi):
        groups = multi.groupby(gkeys, sort=False)
        spread = groups["strength"].nunique()
        for u, v, typ, wave, _ in spread[spread > 1].index:
            rows = multi[
                (multi["u"] == u)
                & (multi["v"] == v)
                & (multi["type"] == typ)
                & (multi["wave_key"] == wave)
            ]
            issues.append(
                ValidationIssue(
                    Message(
                        "Contradictory duplicate ties {u!r}–{v!r} ({kind}): strengths "
                        "{strengths} on rows {rows}.",
                        u=u,
                        v=v,
                        kind=_kind(typ, wave),
                        strengths=sorted(rows["strength"].dropna().unique().tolist()),
                        rows=rows["row"].tolist(),
                    ),
                    file,
                    int(rows["row"].iloc[-1]),
                    "strength",
                    Message("Keep one strength per tie, or give the reports different waves."),
                )
            )
        if issues:
            return None

        def joined(s: pd.Series) -> str | None:
            return ";".join(dict.fromkeys(s.dropna())) or None

        merged = groups.agg(
            source=("source", "first"),
            target=("target", "first"),
            strength=("strength", "max"),
            evidence=("evidence", joined),
            confidence=("confidence", "max"),
            respondent=("respondent", joined),
            reports=("row", "size"),
            first_row=("row", "min"),
        ).reset_index()
        single = pd.concat([single, merged], ignore_index=True)
    wave = single["wave_key"].astype(object)
    single["wave"] = wave.where(wave != "", None)
    single = single.sort_values("first_row", kind="stable").reset_index(drop=True)
    return single[list(TIE_COLUMNS)]
