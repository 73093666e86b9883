"""Questionnaires as data, and the validation and scoring of their answers (no I/O).

A questionnaire is defined by a plain mapping (read from a YAML file by
:func:`grappe.io.assess.read_questionnaire`): a name, a title and questions in French, Arabic
and English, each question with an id, an answer type, the dimension it feeds and how its
answer scores on the 1–5 scale. :func:`validate_answers` checks a set of answers against it and
raises :class:`~grappe.errors.DataValidationError` naming the file, row, question and fix.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from grappe.assess._score import band_score
from grappe.errors import DataValidationError, InvalidParameterError, ValidationIssue
from grappe.i18n import Message
from grappe.vocabulary import LANGUAGES

__all__ = [
    "ANSWER_TYPES",
    "LANGUAGES",
    "Choice",
    "Question",
    "Questionnaire",
    "answer_facts",
    "answer_points",
    "pooled_points",
    "validate_answers",
]

#: Languages every questionnaire text must be given in.

#: Answer types: Likert 1–5, yes/no, a number with a unit, one choice among several.
ANSWER_TYPES: tuple[str, ...] = ("likert", "yes_no", "number", "choice")

_YES = {"yes", "y", "true", "1", "oui", "o", "نعم"}
_NO = {"no", "n", "false", "0", "non", "لا"}


@dataclass(frozen=True)
class Choice:
    """One allowed answer of a ``choice`` question and what it scores."""

    value: str
    points: float
    text: Mapping[str, str]


@dataclass(frozen=True)
class Question:
    """One question.

    Attributes
    ----------
    id : str
        Identifier used in answer files.
    dimension : str
        Scorecard dimension the answer feeds.
    type : str
        One of :data:`ANSWER_TYPES`.
    text : mapping of str to str
        The question in each of :data:`LANGUAGES`.
    required : bool
        Whether an answer is mandatory.
    unit : str or None
        Unit of a ``number`` answer.
    low, high : float or None
        Allowed range of a ``number`` answer.
    cuts : tuple of float or None
        Four cut points scoring a ``number`` answer on 1–5 (see :func:`band_score`).
    choices : tuple of Choice
        Allowed answers of a ``choice`` question.
    """

    id: str
    dimension: str
    type: str
    text: Mapping[str, str]
    required: bool = True
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    cuts: tuple[float, ...] | None = None
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class Questionnaire:
    """A questionnaire: questions grouped by the dimensions they feed.

    Attributes
    ----------
    name : str
        Short name (``"diamond"``, ``"quebec"``, ``"danish"``, ``"management"``).
    title : mapping of str to str
        Title in each language.
    dimensions : tuple of str
        Dimensions in display order.
    questions : tuple of Question
        The questions.
    source : str or None
        File it was read from.
    """

    name: str
    title: Mapping[str, str]
    dimensions: tuple[str, ...]
    questions: tuple[Question, ...]
    source: str | None = None

    def question(self, qid: str) -> Question:
        """The question with id ``qid`` (KeyError if absent)."""
        return {q.id: q for q in self.questions}[qid]

    @property
    def ids(self) -> tuple[str, ...]:
        """Question ids in order."""
        return tuple(q.id for q in self.questions)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, file: str | None = None) -> Questionnaire:
        """Build a questionnaire from its mapping form, checking every field.

        Raises
        ------
        DataValidationError
            If a field is missing or wrong; every problem found is listed.

        Examples
        --------
        >>> q = Questionnaire.from_dict({
        ...     "name": "toy", "title": {"fr": "Jouet", "ar": "لعبة", "en": "Toy"},
        ...     "dimensions": ["a"],
        ...     "questions": [{"id": "q1", "dimension": "a", "type": "likert",
        ...                    "text": {"fr": "Q ?", "ar": "س؟", "en": "Q?"}}]})
        >>> q.ids
        ('q1',)
        """
        issues: list[ValidationIssue] = []

        def bad(message: Message, where: str, fix: Message) -> None:
            issues.append(ValidationIssue(message, file=file, column=where, fix=fix))

        if not isinstance(data, Mapping):
            raise DataValidationError(
                ValidationIssue(
                    Message("The questionnaire is not a mapping."),
                    file=file,
                    fix=Message("Write 'name', 'title', 'dimensions', 'questions' keys."),
                )
            )
        for key in ("name", "title", "dimensions", "questions"):
            if key not in data:
                bad(
                    Message("The key {key!r} is missing.", key=key),
                    key,
                    Message("Add '{key}:' to the file.", key=key),
                )
        if issues:
            raise DataValidationError(issues)
        _check_texts(data["title"], "title", bad)
        dimensions = tuple(str(d) for d in data["dimensions"])
        questions: list[Question] = []
        seen: set[str] = set()
        for i, raw in enumerate(data["questions"] or []):
            where = f"questions[{i}]"
            if not isinstance(raw, Mapping) or "id" not in raw:
                bad(
                    Message("A question has no 'id'."),
                    where,
                    Message("Give every question an 'id'."),
                )
                continue
            qid = str(raw["id"])
            where = Message("question {qid}", qid=qid)
            if qid in seen:
                bad(
                    Message("The question id {qid!r} is used twice.", qid=qid),
                    where,
                    Message("Make ids unique."),
                )
            seen.add(qid)
            qtype = raw.get("type")
            if qtype not in ANSWER_TYPES:
                bad(
                    Message("Unknown answer type {qtype!r}.", qtype=qtype),
                    where,
                    Message("Use one of {options}.", options=ANSWER_TYPES),
                )
                continue
            dim = raw.get("dimension")
            if dim not in dimensions:
                bad(
                    Message("Unknown dimension {dim!r}.", dim=dim),
                    where,
                    Message("Use one of {options}.", options=dimensions),
                )
            _check_texts(raw.get("text"), where, bad)
            choices = tuple(
                Choice(str(c["value"]), float(c["points"]), dict(c.get("text", {})))
                for c in raw.get("choices", []) or []
            )
            if qtype == "choice" and not choices:
                bad(
                    Message("A 'choice' question has no choices."),
                    where,
                    Message("List its 'choices'."),
                )
            cuts = raw.get("cuts")
            if qtype == "number" and (cuts is None or len(cuts) != 4):
                bad(
                    Message("A 'number' question needs four 'cuts'."),
                    where,
                    Message("Give 'cuts: [c1, c2, c3, c4]' scoring the answer on 1–5."),
                )
            questions.append(
                Question(
                    id=qid,
                    dimension=str(dim),
                    type=qtype,
                    text=dict(raw.get("text") or {}),
                    required=bool(raw.get("required", True)),
                    unit=raw.get("unit"),
                    low=raw.get("min"),
                    high=raw.get("max"),
                    cuts=tuple(float(c) for c in cuts) if cuts else None,
                    choices=choices,
                )
            )
        if issues:
            raise DataValidationError(issues)
        return cls(str(data["name"]), dict(data["title"]), dimensions, tuple(questions), file)


def _check_texts(texts: Any, where: str, bad: Any) -> None:
    if not isinstance(texts, Mapping):
        bad(
            Message("The text is not given per language."),
            where,
            Message("Give texts for {languages}.", languages=LANGUAGES),
        )
        return
    for lang in LANGUAGES:
        if not str(texts.get(lang) or "").strip():
            bad(
                Message("The {lang!r} text is missing.", lang=lang),
                where,
                Message("Add the '{lang}' text.", lang=lang),
            )


def _is_blank(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or (isinstance(value, str) and not value.strip())
    )


def _normalise(question: Question, value: Any) -> tuple[Any, str | None]:
    """Return (normalised value, None) or (None, what is wrong + fix)."""
    if question.type == "likert":
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        if isinstance(value, bool) or not number.is_integer() or not 1 <= number <= 5:
            return None, Message("must be an integer from 1 to 5. Got {value!r}.", value=value)
        return int(number), None
    if question.type == "yes_no":
        if isinstance(value, bool):
            return value, None
        text = str(value).strip().lower()
        if text in _YES:
            return True, None
        if text in _NO:
            return False, None
        return None, Message("must be yes or no. Got {value!r}.", value=value)
    if question.type == "number":
        try:
            number = float(value)
        except (TypeError, ValueError):
            unit = question.unit or Message("no unit")
            return None, Message(
                "must be a number ({unit}). Got {value!r}.", unit=unit, value=value
            )
        if isinstance(value, bool) or math.isnan(number):
            return None, Message("must be a number. Got {value!r}.", value=value)
        low = -math.inf if question.low is None else question.low
        high = math.inf if question.high is None else question.high
        if not low <= number <= high:
            return (
                None,
                Message(
                    "must be between {low:g} and {high:g} {unit}. Got {value!r}.",
                    low=low,
                    high=high,
                    unit=question.unit or "",
                    value=value,
                ),
            )
        return number, None
    allowed = [c.value for c in question.choices]
    if str(value) not in allowed:
        return None, Message(
            "must be one of {allowed}. Got {value!r}.", allowed=allowed, value=value
        )
    return str(value), None


def validate_answers(
    questionnaire: Questionnaire,
    answers: Mapping[str, Any],
    *,
    file: str | None = None,
    rows: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """Check answers against a questionnaire and return them normalised.

    Parameters
    ----------
    questionnaire : Questionnaire
        The questionnaire answered.
    answers : mapping
        Question id → answer (blank answers count as missing).
    file : str, optional
        File the answers came from, named in errors.
    rows : mapping, optional
        Question id → row (line) in ``file``, named in errors.

    Returns
    -------
    dict
        Question id → answer as int (Likert), bool (yes/no), float (number) or str (choice).

    Raises
    ------
    DataValidationError
        On unknown question ids, out-of-range or ill-typed values, or missing required
        answers; every problem is listed with its file, row, question and fix.

    Examples
    --------
    >>> q = Questionnaire.from_dict({
    ...     "name": "toy", "title": {"fr": "J", "ar": "ل", "en": "T"}, "dimensions": ["a"],
    ...     "questions": [{"id": "q1", "dimension": "a", "type": "yes_no",
    ...                    "text": {"fr": "Q ?", "ar": "س؟", "en": "Q?"}}]})
    >>> validate_answers(q, {"q1": "oui"})
    {'q1': True}
    """
    rows = rows or {}
    by_id = {q.id: q for q in questionnaire.questions}
    issues: list[ValidationIssue] = []
    out: dict[str, Any] = {}
    for qid, value in answers.items():
        qid = str(qid)
        if qid not in by_id:
            issues.append(
                ValidationIssue(
                    Message(
                        "Unknown question id {qid!r} for the {name!r} questionnaire.",
                        qid=qid,
                        name=questionnaire.name,
                    ),
                    file=file,
                    row=rows.get(qid),
                    column=qid,
                    fix=Message(
                        "Use the ids listed by 'grappe assess questionnaire {name}'.",
                        name=questionnaire.name,
                    ),
                )
            )
            continue
        if _is_blank(value):
            continue
        norm, problem = _normalise(by_id[qid], value)
        if problem:
            issues.append(
                ValidationIssue(
                    Message("The answer to {qid} {problem}", qid=qid, problem=problem),
                    file=file,
                    row=rows.get(qid),
                    column=qid,
                    fix=Message("Correct the answer."),
                )
            )
        else:
            out[qid] = norm
    for q in questionnaire.questions:
        if q.required and q.id not in out and not any(i.column == q.id for i in issues):
            issues.append(
                ValidationIssue(
                    Message("The required question {qid} has no answer.", qid=q.id),
                    file=file,
                    column=q.id,
                    fix=Message("Answer {qid} ({text}).", qid=q.id, text=q.text.get("en", "")),
                )
            )
    if issues:
        raise DataValidationError(issues)
    return out


def answer_points(
    questionnaire: Questionnaire, answers: Mapping[str, Any]
) -> list[tuple[str, str, Any, float, str]]:
    """Score validated answers on 1–5, with the rule applied to each.

    Likert answers score as given; yes scores 5 and no 1; numbers by the question's four
    cuts; choices by their ``points``.

    Parameters
    ----------
    questionnaire : Questionnaire
        The questionnaire the answers belong to.
    answers : mapping of str to any
        Answers by question id, as returned by :func:`validate_answers`.

    Returns
    -------
    list of (dimension, question id, answer, points, rule)
    """
    out = []
    for q in questionnaire.questions:
        if q.id not in answers:
            continue
        value = answers[q.id]
        if q.type == "likert":
            points, rule = float(value), Message("Likert answer 1–5 taken as is")
        elif q.type == "yes_no":
            points, rule = (5.0 if value else 1.0), Message("yes = 5, no = 1")
        elif q.type == "number":
            cuts = "|".join(f"{c:g}" for c in q.cuts or ())
            points = band_score(float(value), q.cuts or ())
            rule = Message(
                "1 + number of cuts {cuts} at or below the answer ({unit})",
                cuts=cuts,
                unit=q.unit or "",
            )
        else:
            points = {c.value: c.points for c in q.choices}[value]
            rule = Message("points of the choice made")
        out.append((q.dimension, q.id, value, points, rule))
    return out


def answer_facts(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> dict[str, float]:
    """Facts from validated answers, for label criteria and evaluations.

    Parameters
    ----------
    questionnaire : Questionnaire
        The questionnaire the answers belong to.
    answers : mapping of str to any
        Answers by question id, as returned by :func:`validate_answers`.

    Returns
    -------
    dict of str to float
        ``<name>_answered``: share of the questionnaire's questions answered; and each
        numeric answer (numbers, Likert, yes/no as 1/0) under its question id.

    Examples
    --------
    >>> q = Questionnaire.from_dict({
    ...     "name": "m", "title": {"fr": "M", "ar": "م", "en": "M"}, "dimensions": ["a"],
    ...     "questions": [
    ...         {"id": "n", "dimension": "a", "type": "number", "cuts": [1, 2, 3, 4],
    ...          "text": {"fr": "N ?", "ar": "ن؟", "en": "N?"}},
    ...         {"id": "y", "dimension": "a", "type": "yes_no", "required": False,
    ...          "text": {"fr": "Y ?", "ar": "ي؟", "en": "Y?"}}]})
    >>> answer_facts(q, {"n": 12.0})
    {'m_answered': 0.5, 'n': 12.0}
    """
    known = [q.id for q in questionnaire.questions if q.id in answers]
    out = {f"{questionnaire.name}_answered": len(known) / max(len(questionnaire.questions), 1)}
    for qid in known:
        value = answers[qid]
        if isinstance(value, bool):
            out[qid] = 1.0 if value else 0.0
        elif isinstance(value, int | float):
            out[qid] = float(value)
    return out


def _shown(value: Any) -> str:
    """An answer as the pooled evidence lists it (yes/no in words, numbers without noise)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def pooled_points(
    questionnaire: Questionnaire, answer_sets: Sequence[Mapping[str, Any]]
) -> list[tuple[str, str, Any, float, str]]:
    """Pool several respondents' answers: per question, the mean of their points on 1–5.

    Each set is validated and scored by :func:`answer_points`; a question scores the mean of
    the points of the sets that answered it (a set that left an optional question blank does
    not count for it). Every set weighs the same. Means of points, not of answers: a yes/no or
    a choice has no mean answer, but its points do.

    Parameters
    ----------
    questionnaire : Questionnaire
        The questionnaire all sets answer.
    answer_sets : sequence of mappings
        Question id → answer, one mapping per respondent.

    Returns
    -------
    list of (dimension, question id, answers, points, rule)
        ``answers`` lists the answers given, sorted, joined by ``" | "`` (no respondent is
        named); the rows fit the ``answer_points`` input of
        :func:`grappe.assess._score.score_items` (the ``pooled`` option of
        :func:`grappe.assess.diamond` and :func:`grappe.assess.success_factors`).

    Raises
    ------
    InvalidParameterError
        If ``answer_sets`` is empty.
    DataValidationError
        If a set does not fit the questionnaire (the issue names the set's position as row).

    Examples
    --------
    >>> q = Questionnaire.from_dict({
    ...     "name": "toy", "title": {"fr": "J", "ar": "ل", "en": "T"}, "dimensions": ["a"],
    ...     "questions": [
    ...         {"id": "l", "dimension": "a", "type": "likert",
    ...          "text": {"fr": "L ?", "ar": "ل؟", "en": "L?"}},
    ...         {"id": "y", "dimension": "a", "type": "yes_no",
    ...          "text": {"fr": "Y ?", "ar": "ي؟", "en": "Y?"}}]})
    >>> [(qid, shown, points) for _, qid, shown, points, _ in
    ...  pooled_points(q, [{"l": 4, "y": "yes"}, {"l": 2, "y": "no"}])]
    [('l', '2 | 4', 3.0), ('y', 'no | yes', 3.0)]
    """
    if not answer_sets:
        raise InvalidParameterError(
            Message(
                "The 'answer_sets' parameter of pooled_points must hold at least one set of "
                "answers. Got none instead."
            )
        )
    scored: dict[str, list[tuple[Any, float, str]]] = {}
    for position, answers in enumerate(answer_sets, start=1):
        try:
            clean = validate_answers(questionnaire, answers, file=questionnaire.source)
        except DataValidationError as error:
            raise DataValidationError(
                [replace(issue, row=position) for issue in error.issues]
            ) from None
        for _dim, qid, value, points, rule in answer_points(questionnaire, clean):
            scored.setdefault(qid, []).append((value, points, rule))
    out = []
    for q in questionnaire.questions:
        if q.id not in scored:
            continue
        given = scored[q.id]
        mean = sum(points for _, points, _ in given) / len(given)
        shown = " | ".join(_shown(value) for value in sorted(value for value, _, _ in given))
        rule = Message(
            "mean of the points of {n} answer set(s); each: {each}", n=len(given), each=given[0][2]
        )
        out.append((q.dimension, q.id, shown, mean, rule))
    return out
